# What every program shares on the command line: --help, --version,
# unknown options, --max-record, write errors, a closed pipe, --progress
# and --stats; and the whole pipeline, whose JSON is valid and decodes
# back to the same records.
. "$TESTS/lib.sh"

progs="dsplit ddedup dtag djson"

# ---- --help, --version, unknown options ----

for p in $progs; do
	test_expect_success "$p --help prints the usage on stdout" "
		$p --help >out 2>err &&
		test_cmp /dev/null err &&
		head -n 1 out | grep '^usage: $p \\[' &&
		$p -h >out.h 2>err &&
		test_cmp out out.h &&
		test_cmp /dev/null err
	"

	test_expect_success "$p --version" "
		echo '$p 0.1.0' >expect &&
		$p --version >out 2>err &&
		test_cmp expect out &&
		test_cmp /dev/null err
	"

	test_expect_success "$p: an unknown option is a usage error" "
		$p --help >usage &&
		{ echo \"$p: unrecognized option '--no-such-option'\" &&
		  cat usage; } >expect &&
		test_expect_code 2 $p --no-such-option </dev/null >out 2>err &&
		test_cmp /dev/null out &&
		test_cmp expect err &&
		{ echo \"$p: invalid option -- 'Z'\" && cat usage; } >expect &&
		test_expect_code 2 $p -Z </dev/null >out 2>err &&
		test_cmp /dev/null out &&
		test_cmp expect err
	"

	test_expect_success "$p --max-record takes a size" "
		for size in 0 -1 1X 1.5M '' 99999999999T; do
			test_expect_code 2 $p --max-record \"\$size\" \\
			    </dev/null >out 2>err &&
			test_cmp /dev/null out &&
			head -n 1 err | grep -x \"$p: --max-record \$size: .*\" ||
			return 1
		done &&
		for size in 1 64K 64k 100M 1G 1g 2T; do
			$p --max-record \$size </dev/null >out 2>err &&
			test_cmp /dev/null err || return 1
		done
	"

	test_expect_success "$p --threads takes a count of 1 or more" "
		for n in 0 -1 x 1.5 ''; do
			test_expect_code 2 $p --threads \"\$n\" \\
			    </dev/null >out 2>err &&
			test_cmp /dev/null out &&
			head -n 1 err | grep -x \"$p: --threads \$n: .*\" ||
			return 1
		done &&
		for n in 1 2 64; do
			$p --threads \$n </dev/null >out 2>err &&
			test_cmp /dev/null err || return 1
		done
	"
done

# ---- --threads: the same output on any number of threads ----

# Some batches of records: the sample dump 30 times, gzipped.
i=0
while [ $i -lt 30 ]; do
	cat "$TESTS/../sample/sample.txt"
	i=$((i + 1))
done | gzip -1 >threads.gz
dsplit threads.gz >threads.rec
for n in 1 2 3; do
	test_expect_success "the pipeline on --threads $n gives what it gives by default" "
		dsplit --threads $n threads.gz >rec.$n &&
		test_cmp threads.rec rec.$n &&
		dtag threads.rec >tag &&
		dtag --threads $n threads.rec >tag.$n &&
		test_cmp tag tag.$n &&
		ddedup --mark tag >dedup &&
		ddedup --mark --threads $n tag >dedup.$n &&
		test_cmp dedup dedup.$n &&
		gzip -c tag >tag.gz &&
		djson --threads $n tag.gz >json.$n &&
		djson tag >json &&
		test_cmp json json.$n &&
		gzip -c json >json.gz &&
		djson -d --threads $n json.gz >back.$n &&
		test_cmp tag back.$n
	"
done

# ---- write errors ----

printf 'some text\n' >text
printf 'id: a\n\nA\0' >rec
printf '{"id":"a","text":"A"}\n' >json

# full PROG ARGS...: PROG writes to /dev/full: an error, exit 1
full() {
	echo "$1: write error: No space left on device" >expect.full &&
	test_expect_code 1 "$@" >/dev/full 2>err.full &&
	test_cmp expect.full err.full
}

test_expect_success 'a write to /dev/full is an error, exit 1' '
	full dsplit text &&
	full ddedup rec &&
	full dtag rec &&
	full djson rec &&
	full djson -a rec &&
	full djson -d json
'

yes 'a line of text to fill the output buffer' | head -c 3000000 >big.txt

test_expect_success 'a big write to /dev/full is an error, exit 1' '
	full dsplit big.txt
'

test_expect_success '--version to /dev/full is an error, exit 1' '
	for p in $progs; do
		full $p --version || return 1
	done
'

# --help is output too: a failed write of it is not success.
test_expect_success '--help to /dev/full is an error, exit 1' '
	for p in $progs; do
		full $p --help || failed=1
	done
	test -z "$failed"
'

# ---- an unreadable file ----

printf 'secret\n' >unreadable
chmod 000 unreadable
if [ -r unreadable ]; then
	echo "skip $script: unreadable files (running as root)"
else
	test_expect_success 'an unreadable file is reported; the others come out' '
		dsplit text >expect &&
		echo "dsplit: unreadable: Permission denied" >expect.err &&
		test_expect_code 1 dsplit unreadable text >out 2>err &&
		test_cmp expect out &&
		test_cmp expect.err err &&
		for p in ddedup dtag djson; do
			echo "$p: unreadable: Permission denied" >expect.err &&
			test_expect_code 1 $p unreadable </dev/null >out 2>err &&
			test_cmp /dev/null out &&
			test_cmp expect.err err || return 1
		done
	'
fi

# ---- a closed pipe ----

# closed_pipe PROG ARGS...: PROG's output goes to `head -c 10`, which
# exits early: PROG must say nothing and end with 0 or 141 (SIGPIPE).
closed_pipe() {
	{ "$@" 2>pipe.err; echo $? >pipe.status; } | head -c 10 >pipe.out
	status=$(cat pipe.status)
	case $status in
	0 | 141) ;;
	*) echo "    exit status $status: $*"; return 1 ;;
	esac
	test_cmp /dev/null pipe.err &&
	test "$(wc -c <pipe.out)" -eq 10
}

# A 3 MB document, and 50000 records of 30 to 430 bytes (12 MB).
dsplit big.txt >big.rec
seq 50000 |
    awk '{ printf "id: r%s\nn: %s\n\nbody of record %s, %0*d~", $1, $1, $1, $1 % 400, 0 }' |
    tr '~' '\000' >many.rec
djson many.rec >many.json

test_expect_success 'a closed pipe ends each program quietly' '
	closed_pipe dsplit big.txt big.txt &&
	closed_pipe ddedup big.rec many.rec &&
	closed_pipe dtag many.rec big.rec &&
	closed_pipe djson many.rec &&
	closed_pipe djson -a big.rec &&
	closed_pipe djson -d many.json
'

# ---- --progress ----

# slow FIRST SECOND: print FIRST, wait over a second, print SECOND
# (printf formats), so that a program has time to show progress.  The
# second counts from the program's start, which valgrind delays.
pause=1.1
[ "${VALGRIND:-}" = 1 ] && pause=10
slow() {
	printf "$1"
	sleep $pause
	printf "$2"
}
# All at once, to wait only once.
for opt in --progress --stats --none; do
	o=$opt
	[ "$o" = --none ] && o=
	slow 'id: a\n\nA\0' 'id: b\n\nB\0' |
	    ddedup $o >ddedup$opt.out 2>ddedup$opt.err &
	slow 'id: a\n\nA\0' 'id: b\n\nB\0' |
	    dtag $o >dtag$opt.out 2>dtag$opt.err &
	slow 'id: a\n\nA\0' 'id: b\n\nB\0' |
	    djson $o >djson$opt.out 2>djson$opt.err &
	slow '{"text":"a"}\n' '{"text":"b"}\n' |
	    djson -d $o >djson-d$opt.out 2>djson-d$opt.err &
	slow 'some ' 'text\n' | dsplit $o >dsplit$opt.out 2>dsplit$opt.err &
done
wait

for p in ddedup dtag djson djson-d dsplit; do
	prog=${p%-d}
	test_expect_success "$p --progress shows progress on stderr only" "
		grep -c . $p--progress.err >lines &&
		test \$(cat lines) -ge 2 &&
		grep -cx '$prog: [0-9]*\.[0-9] MB, [0-9]* records, [0-9]*\.[0-9] MB/s' \
		    $p--progress.err >progress &&
		test_cmp lines progress &&
		test -s $p--none.out &&
		test_cmp $p--none.out $p--progress.out
	"
	test_expect_success "$p shows no progress unless asked" "
		test_cmp /dev/null $p--none.err &&
		test_expect_code 1 grep ' records, ' $p--stats.err &&
		grep -x '$prog: records out: [12]' $p--stats.err &&
		test_cmp $p--none.out $p--stats.out
	"
done

test_expect_success 'the last progress line counts every record' '
	tail -n 1 ddedup--progress.err | grep "^ddedup: 0.0 MB, 2 records, " &&
	tail -n 1 djson-d--progress.err | grep "^djson: 0.0 MB, 2 records, " &&
	tail -n 1 dsplit--progress.err | grep "^dsplit: 0.0 MB, 1 records, "
'

# ---- --stats ----

# stats PROG ARGS...: PROG's --stats lines without the timings, in stats
# (and fail when those are missing); returns PROG's exit status.
stats() {
	"$@" 2>stats.raw >stats.out
	stats_status=$?
	grep -v -e ': seconds: ' -e ': MB/s: ' stats.raw >stats
	grep -q ": seconds: [0-9]*\.[0-9][0-9][0-9]\$" stats.raw &&
	grep -q ": MB/s: [0-9]*\.[0-9]\$" stats.raw || {
		echo "    no timings in --stats: $*"
		return 99
	}
	return $stats_status
}

printf 'id: a\n\nA\0id: b\nBad: x\n\nB\0id: c\n\nC\0' >bad.rec

# ddedup's own counters, after those of every program
dedup_counts() {
	printf 'ddedup: %s\n' "exact duplicates: 0" "near duplicates: 0" \
	    "records without words: $1" "documents kept: $2" \
	    "index bytes: 94208"
}

test_expect_success 'ddedup and dtag --stats count records and bytes' '
	for p in ddedup dtag; do
		{
			printf "$p: %s\n" "records in: 3" "records out: 3" \
			    "bad records: 0" &&
			if [ $p = dtag ]; then
				echo "dtag: regexes stopped at the match limit: 0"
			else
				dedup_counts 1 2
			fi &&
			echo "$p: bytes in: 26"
		} >expect &&
		printf "id: a\n\nA\0id: b\n\nB\0id: c\n\n\0" >three &&
		o= && { [ $p = ddedup ] || o="--only person"; } &&
		stats $p $o --stats three &&
		test_cmp expect stats &&
		test_cmp three stats.out || return 1
	done
'

test_expect_success 'ddedup --within-doc --stats counts repeated paragraphs' '
	printf "ddedup: %s\n" "records in: 3" "records out: 2" \
	    "bad records: 0" "exact duplicates: 0" "near duplicates: 0" \
	    "records without words: 0" "repeated paragraphs: 2" \
	    "records all repeats: 1" "documents kept: 3" \
	    "index bytes: 1536" "bytes in: 34" >expect &&
	printf "id: a\n\nA\n\nB\0id: b\n\nC\n\nb\0id: c\n\na\n\0" >paras &&
	stats ddedup --within-doc --stats paras &&
	test_cmp expect stats &&
	printf "id: a\n\nA\n\nB\0id: b\n\nC\n\n\0" >expect.out &&
	test_cmp expect.out stats.out
'

test_expect_success '--stats counts bad records, with and without --skip-bad' '
	{
		cat <<-EOF &&
		ddedup: bad.rec: record 2, byte 16: bad header key '"'Bad'"'
		ddedup: records in: 2
		ddedup: records out: 2
		ddedup: bad records: 1
		EOF
		dedup_counts 0 2 &&
		echo "ddedup: bytes in: 34"
	} >expect &&
	test_expect_code 1 stats ddedup --stats bad.rec &&
	test_cmp expect stats &&
	sed 1d expect >expect.skip &&
	stats ddedup --stats --skip-bad bad.rec &&
	test_cmp expect.skip stats &&
	printf "id: a\n\nA\0id: c\n\nC\0" >expect.out &&
	test_cmp expect.out stats.out
'

test_expect_success 'djson --stats counts repaired UTF-8 and clashing records' '
	printf "id: a\ntitle: \377\n\nx\300\257y\0id: b\ntext: t\n\nB\0" >in &&
	cat >expect <<-EOF &&
	djson: records in: 2
	djson: records out: 1
	djson: bad records: 1
	djson: invalid utf-8 repaired: 3
	djson: bytes in: 38
	EOF
	stats djson --stats --skip-bad in &&
	test_cmp expect stats
'

test_expect_success 'djson -d --stats counts lines, bad lines and NUL bytes' '
	printf "{\"text\":\"a\\\\u0000b\"}\n\n{bad\n{\"k\":\"\\\\u0000\",\"text\":\"\\\\u0000\"}\n" >in &&
	cat >expect <<-EOF &&
	djson: records in: 3
	djson: records out: 2
	djson: bad records: 1
	djson: nul bytes dropped: 3
	djson: bytes in: 57
	EOF
	stats djson -d --stats --skip-bad in &&
	test_cmp expect stats &&
	printf "id: in:1\n\nab\0id: in:4\nk: \n\n\0" >expect.out &&
	test_cmp expect.out stats.out
'

test_expect_success 'dsplit --stats counts files, NUL bytes and repaired UTF-8' '
	printf "a\0b\0\n" >nul.txt &&
	printf "\377\376\n" >bad.txt &&
	: >empty.txt &&
	cat >expect <<-EOF &&
	dsplit: nosuch: No such file or directory
	dsplit: records in: 3
	dsplit: records out: 3
	dsplit: bad records: 0
	dsplit: nul bytes dropped: 2
	dsplit: invalid utf-8 repaired: 2
	dsplit: bytes in: 18
	EOF
	test_expect_code 1 stats dsplit --stats text nul.txt empty.txt nosuch \
	    bad.txt &&
	test_cmp expect stats
'

# ---- the pipeline: valid JSON, and back to the same records ----

mkdir inputs
printf 'Pakistan and China deepen cooperation\n\nThe Second Meeting.\n' \
    >inputs/news.txt
printf 'Tabs\there, a backslash \\ and "quotes"\r\nCRLF line\r\n' >inputs/odd.txt
printf 'caf\303\251 \344\270\255\345\233\275 \360\237\230\200 \342\200\250\n' \
    >inputs/unicode.txt
printf 'bad \377 byte, NUL\0 byte, \001 control\n' >inputs/bad.txt
printf 'no final newline' >inputs/last.txt
printf 'gzipped text\n' | gzip -c >inputs/packed.gz
: >inputs/empty.txt

dsplit inputs/* - <text | ddedup | dtag >records

test_expect_success 'the pipeline makes one record per non-empty file' '
	test "$(tr -cd "\000" <records | wc -c)" -eq 7
'

test_expect_success 'djson | djson -d gives back the same records' '
	djson <records >records.json &&
	djson -d <records.json >back &&
	cmp records back
'

test_expect_success 'djson | djson -d is the identity on many records' '
	djson many.rec | djson -d >back &&
	cmp many.rec back
'

test_expect_success 'jq accepts the JSON Lines, one object per record' '
	jq -c . <records.json >jq.out &&
	test "$(wc -l <jq.out)" -eq 7 &&
	jq -r .id <records.json >ids &&
	printf "%s:1\n" inputs/bad.txt inputs/last.txt inputs/news.txt \
	    inputs/odd.txt inputs/packed.gz inputs/unicode.txt - >expect &&
	test_cmp expect ids &&
	jq -r ".lines | length" <records.json | sort -u >lens &&
	echo 2 >expect &&
	test_cmp expect lens
'

# bodies.py RECORDS: each record's body, ended by a NUL
cat >bodies.py <<'EOF'
import sys
data = open(sys.argv[1], 'rb').read().split(b'\0')[:-1]
sys.stdout.buffer.write(b''.join(r.split(b'\n\n', 1)[1] + b'\0' for r in data))
EOF

test_expect_success 'jq reads each body back as the text' '
	python3 bodies.py records >bodies &&
	jq -j ".text, \"\\u0000\"" <records.json >texts &&
	test "$(tr -cd "\000" <texts | wc -c)" -eq 7 &&
	test_cmp bodies texts
'

test_expect_success 'python json.loads accepts every line' '
	python3 -c "import json,sys;[json.loads(l) for l in sys.stdin]" \
	    <records.json &&
	python3 -c "import json,sys;[json.loads(l) for l in sys.stdin]" \
	    <many.json &&
	djson -a records >array.json &&
	python3 -c "import json,sys;print(len(json.load(sys.stdin)))" \
	    <array.json >count &&
	echo 7 >expect &&
	test_cmp expect count
'

test_expect_success 'djson -a is one JSON array that jq reads' '
	jq -c ".[]" <array.json >elements &&
	jq -c . <records.json >lines &&
	test_cmp lines elements
'
