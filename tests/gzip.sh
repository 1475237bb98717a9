# Gzip input, read by its magic bytes: single and multi-member files,
# member boundaries (inside a line, inside a record, at the edge of a read
# block), truncated, corrupt and trailing-garbage files, a plain file named
# .gz, and gzip on standard input.  A bad file is reported by name and the
# good files around it still come out.
. "$TESTS/lib.sh"

# rec NAME LINES BYTES BODY: the record dsplit makes of a file of short
# lines, one document (BODY with printf %b escapes; BYTES counts the final
# newline, which the document leaves out; the title is the first line).
rec() {
	title=$(printf '%b' "$4" | head -n 1)
	printf 'id: %s:1\nsource: %s\nlines: %s\nbytes: 1-%s\ntitle: %s\n' \
	    "$1" "$1" "$2" "$((${3#*-} - 1))" "$title"
	printf 'unit: doc\n\n%b\0' "$4"
}

printf 'alpha\n' >a
printf 'beta\n' >b
printf 'gamma\n' >c
gzip -c a >a.gz
gzip -c b >b.gz
gzip -c c >c.gz
cat a.gz b.gz >ab.gz
: | gzip -c >empty.gz

test_expect_success 'a gzip file is decompressed' '
	rec a.gz 1-1 1-6 "alpha" >expect &&
	dsplit a.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'every member of a multi-member file is read' '
	rec ab.gz 1-2 1-11 "alpha\nbeta" >expect &&
	dsplit ab.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'three members, one of them empty' '
	cat a.gz empty.gz b.gz c.gz >abc.gz &&
	rec abc.gz 1-3 1-17 "alpha\nbeta\ngamma" >expect &&
	dsplit abc.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'a member boundary inside a line joins the line' '
	printf "hel" | gzip -c >m1.gz &&
	printf "lo\nworld\n" | gzip -c >m2.gz &&
	cat m1.gz m2.gz >split.gz &&
	rec split.gz 1-2 1-12 "hello\nworld" >expect &&
	dsplit split.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'a gzip file of nothing gives no record' '
	dsplit empty.gz >out 2>err &&
	test_cmp /dev/null out &&
	test_cmp /dev/null err
'

# Member boundaries at the edge of the 256 KiB block that input.c reads:
# the first member is incompressible data of an exact compressed size, so
# the second member's magic bytes fall just before, across, on and after
# the block edge.  gzip stores such data, so the size is linear in the
# input length; a few tries find the exact length.
head -c 300000 /dev/urandom >random
printf 'TAIL\n' | gzip -c >tail.gz
# member_of_size SIZE: write m.gz, exactly SIZE bytes, and plain, its data
member_of_size() {
	n=$(($1 - 100))
	for try in 1 2 3 4 5 6; do
		head -c "$n" random >plain
		gzip -n -1 -c plain >m.gz
		size=$(wc -c <m.gz)
		[ "$size" -eq "$1" ] && return 0
		n=$((n + $1 - size))
	done
	echo "    cannot make a gzip member of $1 bytes (got $size)"
	return 1
}
for size in 262142 262143 262144 262145; do
	test_expect_success "a member boundary at byte $size of the file" "
		member_of_size $size &&
		cat m.gz tail.gz >edge.gz &&
		printf 'TAIL\n' >>plain &&
		dsplit <plain >expect &&
		dsplit <edge.gz >out 2>err &&
		test_cmp expect out &&
		test_cmp /dev/null err
	"
done

test_expect_success 'records split across members pass whole' '
	printf "id: a\n\nA\0id: b\nsou" | gzip -c >r1.gz &&
	printf "rce: s\n\nB\0" | gzip -c >r2.gz &&
	cat r1.gz r2.gz >records.gz &&
	printf "id: a\n\nA\0id: b\nsource: s\n\nB\0" >expect &&
	ddedup records.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	dtag --only person records.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'djson and djson -d read gzip' '
	printf "id: a\n\nA\0" | gzip -c >j1.gz &&
	printf "id: b\n\nB\0" | gzip -c >j2.gz &&
	cat j1.gz j2.gz >j.gz &&
	printf "{\"id\":\"a\",\"text\":\"A\"}\n{\"id\":\"b\",\"text\":\"B\"}\n" \
	    >expect &&
	djson j.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	gzip -c expect >lines.gz &&
	printf "id: a\n\nA\0id: b\n\nB\0" >expect.rec &&
	djson -d lines.gz >out 2>err &&
	test_cmp expect.rec out &&
	test_cmp /dev/null err
'

# Truncated and corrupt files.  What was read before the error is
# segmented and written (as the record readers write the records before
# it); then the error is reported and the next file read.
printf 'a longer text, so that a cut leaves part of the stream\n' >long
gzip -c long >long.gz
head -c 20 long.gz >trunc.gz
head -c 10 long.gz >header-only.gz
printf '\037\213' >magic-only.gz
size=$(wc -c <ab.gz)
head -c $((size - 3)) ab.gz >trunc2.gz

test_expect_success 'a truncated file is an error; the files around it come out' '
	{ rec a.gz 1-1 1-6 "alpha" && rec b.gz 1-1 1-5 "beta"; } >expect &&
	echo "dsplit: trunc.gz: unexpected end of gzip data (truncated?)" \
	    >expect.err &&
	test_expect_code 1 dsplit a.gz trunc.gz b.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

test_expect_success 'truncated in the header, after the magic, in member 2' '
	for f in header-only.gz magic-only.gz trunc2.gz; do
		echo "dsplit: $f: unexpected end of gzip data (truncated?)"
	done >expect.err &&
	{ rec trunc2.gz 1-2 1-11 "alpha\nbeta" &&
	    rec c.gz 1-1 1-6 "gamma"; } >expect &&
	test_expect_code 1 dsplit header-only.gz magic-only.gz trunc2.gz c.gz \
	    >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

test_expect_success 'a truncated member ends the records after the good ones' '
	printf "id: r1\n\nR1\0" | gzip -c >g1.gz &&
	printf "id: r2\n\nR2\0" | gzip -c | head -c 12 >g2.gz &&
	cat g1.gz g2.gz >cut.gz &&
	printf "id: r1\n\nR1\0id: r3\n\nR3\0" >expect &&
	printf "id: r3\n\nR3\0" >r3 &&
	echo "ddedup: cut.gz: unexpected end of gzip data (truncated?)" \
	    >expect.err &&
	test_expect_code 1 ddedup cut.gz r3 >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

# Corrupt files: a wrong CRC, a wrong length, an unknown method.
size=$(wc -c <long.gz)
# poke FILE OFFSET: overwrite one byte of FILE at OFFSET with 0xff
poke() {
	printf '\377' | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
cp long.gz crc.gz
poke crc.gz $((size - 8))
cp long.gz isize.gz
poke isize.gz $((size - 4))
cp long.gz method.gz
poke method.gz 2

test_expect_success 'a wrong CRC is corrupt data; the files around it come out' '
	{ rec a.gz 1-1 1-6 "alpha" && rec crc.gz 1-1 1-55 "$(cat long)" &&
	    rec b.gz 1-1 1-5 "beta"; } >expect &&
	echo "dsplit: crc.gz: corrupt gzip data: incorrect data check" \
	    >expect.err &&
	test_expect_code 1 dsplit a.gz crc.gz b.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

test_expect_success 'a wrong length and an unknown method are corrupt data' '
	{
		echo "dsplit: isize.gz: corrupt gzip data: incorrect length check"
		echo "dsplit: method.gz: corrupt gzip data: unknown compression method"
	} >expect.err &&
	{ rec isize.gz 1-1 1-55 "$(cat long)" && rec a.gz 1-1 1-6 "alpha"; } \
	    >expect &&
	test_expect_code 1 dsplit isize.gz method.gz a.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

# A record reader gets the data before the bad CRC (the trailer comes
# last), so the whole record in it comes out before the error.
test_expect_success 'a corrupt file is an error for record readers too' '
	printf "id: a\n\nA\0" | gzip -c >cr.gz &&
	size=$(wc -c <cr.gz) &&
	poke cr.gz $((size - 8)) &&
	echo "djson: cr.gz: corrupt gzip data: incorrect data check" \
	    >expect.err &&
	printf "{\"id\":\"a\",\"text\":\"A\"}\n{\"id\":\"g\",\"text\":\"G\"}\n" \
	    >expect &&
	printf "id: g\n\nG\0" >good &&
	test_expect_code 1 djson cr.gz good >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

# Garbage after the last member.
cat a.gz >garbage.gz
printf 'junk' >>garbage.gz
cat a.gz >zeros.gz
printf '\0\0\0\0' >>zeros.gz
cat a.gz >half-magic.gz
printf '\037' >>half-magic.gz

test_expect_success 'trailing garbage is an error; the files around it come out' '
	{ rec b.gz 1-1 1-5 "beta" && rec garbage.gz 1-1 1-6 "alpha" &&
	    rec c.gz 1-1 1-6 "gamma"; } >expect &&
	echo "dsplit: garbage.gz: trailing garbage after gzip data" >expect.err &&
	test_expect_code 1 dsplit b.gz garbage.gz c.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

test_expect_success 'zero padding and half a magic number are trailing garbage' '
	for f in zeros.gz half-magic.gz; do
		echo "dsplit: $f: trailing garbage after gzip data"
	done >expect.err &&
	{ rec zeros.gz 1-1 1-6 "alpha" && rec half-magic.gz 1-1 1-6 "alpha"; } \
	    >expect &&
	test_expect_code 1 dsplit zeros.gz half-magic.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

test_expect_success 'a plain file named .gz is read as text' '
	printf "not gzip at all\n" >plain.gz &&
	printf "\037x\n" >one-magic-byte.gz &&
	{ rec plain.gz 1-1 1-16 "not gzip at all" &&
	  rec one-magic-byte.gz 1-1 1-3 "\037x"; } >expect &&
	dsplit plain.gz one-magic-byte.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'gzip on standard input' '
	rec - 1-2 1-11 "alpha\nbeta" >expect &&
	dsplit <ab.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	dsplit - <ab.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'gzip records on standard input through every program' '
	printf "id: a\n\nA\0id: b\n\nB\0" >expect &&
	gzip -c expect | ddedup >out 2>err &&
	test_cmp expect out && test_cmp /dev/null err &&
	gzip -c expect | dtag --only person >out 2>err &&
	test_cmp expect out && test_cmp /dev/null err &&
	gzip -c expect | djson | gzip -c | djson -d >out 2>err &&
	test_cmp expect out && test_cmp /dev/null err
'

# Standard input as a pipe, written in pieces: the reader must wait for
# the second magic byte, and for the next member.
test_expect_success 'gzip through a pipe split inside the magic bytes' '
	rec - 1-2 1-11 "alpha\nbeta" >expect &&
	{ head -c 1 a.gz; sleep 0.2; tail -c +2 a.gz; sleep 0.2;
	  cat b.gz; } | dsplit >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	{ cat a.gz; head -c 1 b.gz; sleep 0.2; tail -c +2 b.gz; } |
	    dsplit >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'a truncated gzip on standard input names stdin' '
	echo "ddedup: stdin: unexpected end of gzip data (truncated?)" \
	    >expect.err &&
	test_expect_code 1 ddedup <trunc.gz >out 2>err &&
	test_cmp /dev/null out &&
	test_cmp expect.err err &&
	echo "dsplit: stdin: unexpected end of gzip data (truncated?)" \
	    >expect.err &&
	test_expect_code 1 dsplit <trunc.gz >out 2>err &&
	test_cmp /dev/null out &&
	test_cmp expect.err err
'

test_expect_success 'stats count the decompressed bytes' '
	dsplit --stats ab.gz 2>err >/dev/null &&
	grep -x "dsplit: bytes in: 11" err &&
	grep -x "dsplit: records out: 1" err
'

# Header fields that gzip itself rarely writes (FEXTRA, FNAME, FCOMMENT,
# FHCRC), set by hand in front of the deflate data of a member.
printf 'one line\nand another\n' >fields
gzip -n -c fields | tail -c +11 >fields.body
# gz_fields FLG FIELDS: a member of fields with flags FLG and the fields
# after the fixed header (printf escapes); the header CRC of hcrc.gz is
# the right one for its header.
gz_fields() {
	printf "\037\213\010$1\0\0\0\0\0\003$2" && cat fields.body
}
gz_fields '\034' '\004\0abcdname\0comment\0' >flags.gz
gz_fields '\036' '\004\0abcdname\0comment\0\342\110' >hcrc.gz
gz_fields '\036' '\004\0abcdname\0comment\0\0\0' >bad-hcrc.gz
gz_fields '\040' '' >reserved.gz

test_expect_success 'header fields: FEXTRA, FNAME, FCOMMENT, FHCRC' '
	dsplit <fields >expect &&
	dsplit <flags.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	dsplit <hcrc.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'a wrong header CRC and a reserved flag are corrupt data' '
	{
		echo "dsplit: bad-hcrc.gz: corrupt gzip data: header crc mismatch"
		echo "dsplit: reserved.gz: corrupt gzip data: unknown header flags set"
	} >expect.err &&
	test_expect_code 1 dsplit bad-hcrc.gz reserved.gz >out 2>err &&
	test_cmp /dev/null out &&
	test_cmp expect.err err
'

# A few MB of text in members of three levels and an empty one.
awk 'BEGIN { for (i = 0; i < 100000; i++)
	printf "line %d: the quick brown fox, %d\n", i, i * 7919 % 1000 }' >text
head -n 30000 text | gzip -1 -c >m1.gz
sed -n '30001,70000p' text | gzip -9 -c >m2.gz
tail -n +70001 text | gzip -6 -c >m3.gz
cat m1.gz empty.gz m2.gz m3.gz >levels.gz

test_expect_success 'a large file in members of every level reads as text' '
	dsplit <text >expect &&
	dsplit <levels.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'a wrong length in the first of large members' '
	cp levels.gz isize1.gz &&
	poke isize1.gz $(($(wc -c <m1.gz) - 2)) &&
	echo "dsplit: isize1.gz: corrupt gzip data: incorrect length check" \
	    >expect.err &&
	test_expect_code 1 dsplit isize1.gz >out 2>err &&
	test_cmp expect.err err
'
