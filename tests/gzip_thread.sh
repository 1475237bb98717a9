# Gzip input decompressed on a thread of its own, through a ring of four
# 1 MiB buffers: files many times the size of the ring, in several
# members, read as the plain files do; an error after several MiB comes
# after the data before it; a reader that goes away early, or a write
# error, ends the program while the thread still decompresses.
. "$TESTS/lib.sh"

# About 10 MB of text: the sample dump over and over, in members of three
# levels and an empty one.
i=0
while [ $i -lt 160 ]; do
	cat "$TESTS/../sample/sample.txt"
	i=$((i + 1))
done >plain
lines=$(wc -l <plain)
head -n 20000 plain | gzip -1 -c >m1.gz
sed -n "20001,$((lines - 30000))p" plain | gzip -9 -c >m2.gz
: | gzip -c >empty.gz
tail -n 30000 plain | gzip -6 -c >m3.gz
cat m1.gz m2.gz empty.gz m3.gz >big.gz

# About 8 MB of records, each different, in three members.
seq 60000 |
    awk '{ printf "id: r%s\n\nrecord %s: %0*d~", $1, $1, $1 % 250, $1 }' |
    tr '~' '\000' >recs
size=$(wc -c <recs)
head -c 3000000 recs | gzip -1 -c >r1.gz
tail -c +3000001 recs | head -c 3000000 | gzip -c >r2.gz
tail -c +6000001 recs | gzip -c >r3.gz
cat r1.gz r2.gz r3.gz >recs.gz

# dsplit_as NAME FILE: what dsplit makes of FILE read as text, named NAME
dsplit_as() {
	mkdir -p as && cp "$2" "as/$1" && (cd as && dsplit "$1")
}

# poke FILE OFFSET: overwrite one byte of FILE at OFFSET with 0xff
poke() {
	printf '\377' | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

test_expect_success 'members far larger than the ring read as the plain file' '
	dsplit <plain >expect &&
	dsplit <big.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	cat big.gz | dsplit >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	dsplit_as big.gz plain >expect &&
	dsplit big.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'records far larger than the ring pass whole' '
	ddedup -m exact recs.gz >out 2>err &&
	cmp recs out &&
	test_cmp /dev/null err &&
	djson recs >expect &&
	cat recs.gz | djson >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'a member cut in its header after 10 MB: the data, then the error' '
	{ cat big.gz && head -c 10 m1.gz; } >cut.gz &&
	dsplit_as cut.gz plain >expect &&
	echo "dsplit: cut.gz: unexpected end of gzip data (truncated?)" \
	    >expect.err &&
	test_expect_code 1 dsplit cut.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

# The records before the cut come out whole: the output is the start of
# the records, at least those of the members before the cut one.
test_expect_success 'records cut inside the last member: the data, then the error' '
	full=$(($(wc -c <r1.gz) + $(wc -c <r2.gz))) &&
	head -c $((full + $(wc -c <r3.gz) / 2)) recs.gz >cut.gz &&
	echo "ddedup: stdin: unexpected end of gzip data (truncated?)" \
	    >expect.err &&
	test_expect_code 1 ddedup -m exact <cut.gz >out 2>err &&
	test_cmp expect.err err &&
	test "$(wc -c <out)" -gt 6000000 &&
	test "$(wc -c <out)" -lt "$size" &&
	head -c "$(wc -c <out)" recs | cmp - out
'

test_expect_success 'a wrong CRC at the end of 10 MB: all the data, then the error' '
	cp big.gz crc.gz &&
	poke crc.gz $(($(wc -c <big.gz) - 8)) &&
	dsplit_as crc.gz plain >expect &&
	echo "dsplit: crc.gz: corrupt gzip data: incorrect data check" \
	    >expect.err &&
	test_expect_code 1 dsplit crc.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

test_expect_success 'trailing garbage after 10 MB: all the data, then the error' '
	{ cat big.gz && printf junk; } >junk.gz &&
	dsplit_as junk.gz plain >expect &&
	echo "dsplit: junk.gz: trailing garbage after gzip data" >expect.err &&
	test_expect_code 1 dsplit junk.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

test_expect_success 'good files around a cut one, each on a thread of its own' '
	cp big.gz g1.gz && cp big.gz g2.gz &&
	{ cat big.gz && head -c 10 m1.gz; } >cut.gz &&
	{ dsplit_as g1.gz plain && dsplit_as cut.gz plain &&
	    dsplit_as g2.gz plain; } >expect &&
	echo "dsplit: cut.gz: unexpected end of gzip data (truncated?)" \
	    >expect.err &&
	test_expect_code 1 dsplit g1.gz cut.gz g2.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

# A reader that goes away after 100 bytes of 10 MB: dsplit ends at once,
# quietly, by SIGPIPE, or with 0 when SIGPIPE is ignored (EPIPE).
test_expect_success 'a reader that goes away early ends dsplit quietly' '
	{ dsplit big.gz 2>pipe.err; echo $? >pipe.status; } |
	    head -c 100 >pipe.out &&
	case $(cat pipe.status) in 0 | 141) ;; *) false ;; esac &&
	test_cmp /dev/null pipe.err &&
	test "$(wc -c <pipe.out)" -eq 100 &&
	{ (trap "" PIPE && dsplit big.gz 2>pipe.err);
	  echo $? >pipe.status; } | head -c 100 >pipe.out &&
	echo 0 | test_cmp - pipe.status &&
	test_cmp /dev/null pipe.err &&
	test "$(wc -c <pipe.out)" -eq 100
'

# A write error ends the program from its main thread, by exit(3), while
# the other one decompresses.
test_expect_success 'a write error ends dsplit while it decompresses' '
	echo "dsplit: write error: No space left on device" >expect.err &&
	test_expect_code 1 dsplit big.gz >/dev/full 2>err &&
	test_cmp expect.err err &&
	echo "ddedup: write error: No space left on device" >expect.err &&
	test_expect_code 1 ddedup recs.gz >/dev/full 2>err &&
	test_cmp expect.err err
'
