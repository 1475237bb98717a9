# Bad input, program by program: empty files, NUL bytes, ill-formed
# UTF-8 (stray bytes, overlong forms, encoded surrogates), CRLF, broken
# gzip, directories and unreadable files among the inputs, malformed
# records and JSON lines, a failed write and SIGINT with ddedup --index.
# Each check wants the exit status, the exact messages, and every good
# record around the bad input.
. "$TESTS/lib.sh"

# U+FFFD, as a repair writes it
R=$(printf '\357\277\275')

# poke FILE OFFSET: overwrite one byte of FILE at OFFSET with 0xff
poke() {
	printf '\377' | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

: >empty
: | gzip -c >empty.gz
mkdir dir
printf 'secret\n' >unreadable
chmod 000 unreadable

# ---- dsplit: raw text ----

# drec NAME LINES BYTES TITLE BODY: the record dsplit makes of file NAME,
# one document (BODY with printf %b escapes)
drec() {
	printf 'id: %s:1\nsource: %s\nlines: %s\nbytes: %s\ntitle: %s\n' \
	    "$1" "$1" "$2" "$3" "$4"
	printf 'unit: doc\n\n%b\0' "$5"
}

printf 'alpha\n' >a.txt
printf 'gamma\n' >c.txt
printf 'Overlong test line\nA \300\257 B \340\200\257 C \360\200\200\257 D \355\240\200 E \355\277\277 F \364\220\200\200 G \370\210\200\200\200 H \200 I \342\202\n' \
    >overlong.txt

test_expect_success 'dsplit: overlong forms, surrogates and other ill-formed UTF-8 are repaired' '
	{
		drec a.txt 1-1 1-5 alpha alpha &&
		drec overlong.txt 1-2 1-72 "Overlong test line" \
		    "Overlong test line\nA $R$R B $R$R$R C $R$R$R$R D $R$R$R E $R$R$R F $R$R$R$R G $R$R$R$R$R H $R I $R" &&
		drec c.txt 1-1 1-5 gamma gamma
	} >expect &&
	dsplit a.txt overlong.txt c.txt >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	dsplit --stats overlong.txt >/dev/null 2>err &&
	grep -x "dsplit: invalid utf-8 repaired: 26" err &&
	grep -x "dsplit: nul bytes dropped: 0" err
'

# ---- dsplit -f warc ----

# warc_rec URI CONTENT: a WARC conversion record (CONTENT with printf %b
# escapes)
warc_rec() {
	printf '%b' "$2" >content
	printf 'WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: %s\r\n' "$1"
	printf 'Content-Length: %d\r\n\r\n' "$(wc -c <content)"
	cat content
	printf '\r\n\r\n'
}

# wdoc NAME N LINES BYTES URI TITLE BODY: the record dsplit -f warc makes
# of the N-th conversion record of NAME (BODY with printf %b escapes)
wdoc() {
	printf 'id: %s:%s\nsource: %s\nlines: %s\nbytes: %s\ntitle: %s\n' \
	    "$1" "$2" "$1" "$3" "$4" "$6"
	printf 'unit: doc\nurl: %s\n\n%b\0' "$5" "$7"
}

warc_rec http://example.org/a 'First page\nwith two lines.\n' >first.warc
{
	cat first.warc
	warc_rec http://example.org/b 'bad \377 over \300\257 sur \355\240\200 NUL\0here\n'
	warc_rec http://example.org/c 'Third page.\n'
} >bad-text.warc

test_expect_success 'dsplit -f warc: an empty file and an empty gzip give no record' '
	wdoc first.warc 1 6-7 95-120 http://example.org/a "First page" \
	    "First page\nwith two lines." >expect &&
	dsplit -f warc empty first.warc empty.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	dsplit -f warc empty empty.gz </dev/null >out 2>err &&
	test_cmp /dev/null out &&
	test_cmp /dev/null err
'

test_expect_success 'dsplit -f warc: NULs and ill-formed UTF-8 in a record'"'"'s text' '
	f=bad-text.warc &&
	{
		wdoc $f 1 6-7 95-120 http://example.org/a "First page" \
		    "First page\nwith two lines." &&
		wdoc $f 2 15-15 220-249 http://example.org/b \
		    "bad $R over $R$R sur $R$R$R NULhere" \
		    "bad $R over $R$R sur $R$R$R NULhere" &&
		wdoc $f 3 23-23 349-359 http://example.org/c "Third page." \
		    "Third page."
	} >expect &&
	dsplit -f warc $f >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	dsplit -f warc --stats $f >/dev/null 2>err &&
	grep -x "dsplit: nul bytes dropped: 1" err &&
	grep -x "dsplit: invalid utf-8 repaired: 6" err
'

test_expect_success 'dsplit -f warc: the last record ends without a newline' '
	{
		cat first.warc &&
		printf "WARC/1.0\r\nWARC-Type: conversion\r\n" &&
		printf "WARC-Target-URI: http://example.org/n\r\n" &&
		printf "Content-Length: 9\r\n\r\nno end NL"
	} >no-newline.warc &&
	{
		wdoc no-newline.warc 1 6-7 95-120 http://example.org/a \
		    "First page" "First page\nwith two lines." &&
		wdoc no-newline.warc 2 15-15 219-227 http://example.org/n \
		    "no end NL" "no end NL"
	} >expect &&
	dsplit -f warc no-newline.warc >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'dsplit -f warc: a truncated gzip, a plain file named .gz' '
	warc_rec http://example.org/s "Second page.\n" | gzip -c | head -c 12 \
	    >second.gz &&
	gzip -c first.warc | cat - second.gz >cut.warc.gz &&
	cp first.warc plain.warc.gz &&
	{
		wdoc cut.warc.gz 1 6-7 95-120 http://example.org/a \
		    "First page" "First page\nwith two lines." &&
		wdoc plain.warc.gz 1 6-7 95-120 http://example.org/a \
		    "First page" "First page\nwith two lines."
	} >expect &&
	echo "dsplit: cut.warc.gz: unexpected end of gzip data (truncated?)" \
	    >expect.err &&
	test_expect_code 1 dsplit -f warc cut.warc.gz plain.warc.gz >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

# ---- dsplit -f records ----

printf 'id: a\nsource: s\n\nA\0' >good-a.rec
printf 'id: f\nsource: s\n\nF\0' >good-f.rec
{
	cat good-a.rec
	printf 'id: b\nsource: s\nno colon\n\nB\0'
	printf 'id: c\nsource: s\nBad-Key: v\n\nC\0'
	printf '\0'
	printf 'id: d\r\nsource: s\r\n\r\nD\0'
	printf 'id: e\nsource: s\ntit\0le: x\n\nE\0'
	cat good-f.rec
	printf 'id: g\nsource: s\n\nno NUL at the end'
} >bad.rec

cat >bad.rec.err <<'EOF'
dsplit: bad.rec: record 2, byte 36: header line without ': '
dsplit: bad.rec: record 3, byte 64: bad header key 'Bad-Key'
dsplit: bad.rec: record 4, byte 78: empty record
dsplit: bad.rec: record 5, byte 97: header line without ': '
dsplit: bad.rec: record 6, byte 117: headers not ended by an empty line
dsplit: bad.rec: record 7, byte 121: record does not start with an id header
dsplit: bad.rec: record 9, byte 149: record not ended by a NUL byte (truncated input?)
EOF

test_expect_success 'dsplit -f records: bad records among good ones' '
	cat good-a.rec good-f.rec >expect &&
	test_expect_code 1 dsplit -f records bad.rec >out 2>err &&
	test_cmp expect out &&
	test_cmp bad.rec.err err &&
	printf "id: %s.1\nsource: s\nlines: 1-1\nbytes: 1-1\nunit: para\nparent: %s\n\n%s\0" \
	    a a A f f F >expect &&
	test_expect_code 1 dsplit -f records -u para bad.rec >out 2>err &&
	test_cmp expect out &&
	test_cmp bad.rec.err err &&
	dsplit -f records --skip-bad -u doc bad.rec >out 2>err &&
	cat good-a.rec good-f.rec >expect &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'dsplit -f records: an empty file between good ones' '
	cat good-a.rec good-f.rec >expect &&
	dsplit -f records good-a.rec empty empty.gz good-f.rec >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

printf 'id: u\nsource: s\ntitle: t\377\n\nbad \377 over \300\257 sur \355\240\200 end\n\nsecond \364\220\200\200 para\0' \
    >utf8.rec

# Only ids, units and bodies are compared with -u para here, not the
# bytes headers.
test_expect_success 'dsplit -f records: ill-formed UTF-8 passes with -u doc, is repaired with -u para' '
	cat good-a.rec utf8.rec good-f.rec >in &&
	dsplit -f records in >out 2>err &&
	cmp in out &&
	test_cmp /dev/null err &&
	{
		printf "id: a.1\nsource: s\nlines: 1-1\nunit: para\nparent: a\n\nA\0" &&
		printf "id: u.1\nsource: s\nlines: 1-1\nunit: para\nparent: u\n\n" &&
		printf "bad $R over $R$R sur $R$R$R end\0" &&
		printf "id: u.2\nsource: s\nlines: 3-3\nunit: para\nparent: u\n\n" &&
		printf "second $R$R$R$R para\0" &&
		printf "id: f.1\nsource: s\nlines: 1-1\nunit: para\nparent: f\n\nF\0"
	} >expect &&
	dsplit -f records -u para in >out 2>err &&
	sed "/^bytes: /d" out >out.nobytes &&
	test_cmp expect out.nobytes &&
	test_cmp /dev/null err &&
	dsplit -f records -u para --stats in >/dev/null 2>err &&
	grep -x "dsplit: invalid utf-8 repaired: 10" err
'

test_expect_success 'dsplit -f warc and -f records: a directory among the inputs' '
	echo "dsplit: dir: Is a directory" >expect.err &&
	dsplit -f warc first.warc >expect &&
	test_expect_code 1 dsplit -f warc dir first.warc >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err &&
	cat good-a.rec good-f.rec >expect &&
	test_expect_code 1 dsplit -f records good-a.rec dir good-f.rec \
	    >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

# ---- ddedup, dtag, djson: records ----

# run PROG ARGS...: PROG on records, dtag with a tagger that adds nothing
# to these bodies, so that ddedup and dtag give back the records as they are
run() {
	run_prog=$1
	shift
	case $run_prog in
	dtag) dtag --only person "$@" ;;
	*) $run_prog "$@" ;;
	esac
}

# mkrec ID: the record "id: ID", body "text of ID"
mkrec() {
	printf 'id: %s\n\ntext of %s\0' "$1" "$1"
}

# good PROG ID...: what run PROG writes for the records mkrec ID...
good() {
	good_prog=$1
	shift
	for id; do
		if [ "$good_prog" = djson ]; then
			printf '{"id":"%s","text":"text of %s"}\n' "$id" "$id"
		else
			mkrec "$id"
		fi
	done
}

mkrec a >a.rec
mkrec c >c.rec

# Gzip: a member cut in its data, a wrong CRC, trailing garbage, a plain
# file named .gz.  A record reader gets the data before a bad CRC (the
# trailer comes last), so the records of such a member come out.
mkrec t1 | gzip -c >t1.gz
mkrec t2 | gzip -c | head -c 12 >t2.gz
cat t1.gz t2.gz >cut.gz
mkrec r1 | gzip -c >r1.gz
mkrec r2 | gzip -c >r2.gz
cat r1.gz r2.gz >crc.gz
poke crc.gz $(($(wc -c <crc.gz) - 8))
mkrec g1 | gzip -c >g1.gz
mkrec g2 | gzip -c >g2.gz
cat g1.gz g2.gz >garbage.gz
printf 'junk' >>garbage.gz
mkrec p >plain.gz

{ mkrec x && printf 'id: y\r\ntitle: T\r\n\r\nY\0' && mkrec z; } >crlf.rec
{ mkrec a && printf 'id: x\ntit\0le: y\n\nX\0' && mkrec c; } >nul.rec
{
	mkrec a
	printf 'id: x\nt\303\257tle: T\n\nX\0'
	printf 'id: y\nmy key: v\n\nY\0'
	mkrec c
} >keys.rec

for p in ddedup dtag djson; do
	test_expect_success "$p: an empty file and an empty gzip between good files" "
		good $p a c >expect &&
		run $p a.rec empty empty.gz c.rec >out 2>err &&
		test_cmp expect out &&
		test_cmp /dev/null err
	"

	test_expect_success "$p: gzip cut in a member, a wrong CRC, trailing garbage, a plain .gz" "
		good $p a t1 r1 r2 g1 g2 p c >expect &&
		{
			echo '$p: cut.gz: unexpected end of gzip data (truncated?)' &&
			echo '$p: crc.gz: corrupt gzip data: incorrect data check' &&
			echo '$p: garbage.gz: trailing garbage after gzip data'
		} >expect.err &&
		test_expect_code 1 run $p a.rec cut.gz crc.gz garbage.gz plain.gz \
		    c.rec >out 2>err &&
		test_cmp expect out &&
		test_cmp expect.err err
	"

	test_expect_success "$p: a record written with CRLF is bad" "
		good $p x z >expect &&
		echo \"$p: crlf.rec: record 2, byte 35: header line without ': '\" \
		    >expect.err &&
		test_expect_code 1 run $p crlf.rec >out 2>err &&
		test_cmp expect out &&
		test_cmp expect.err err
	"

	test_expect_success "$p: a NUL inside the headers splits a record" "
		good $p a c >expect &&
		{
			echo '$p: nul.rec: record 2, byte 24: headers not ended by an empty line' &&
			echo '$p: nul.rec: record 3, byte 28: record does not start with an id header'
		} >expect.err &&
		test_expect_code 1 run $p nul.rec >out 2>err &&
		test_cmp expect out &&
		test_cmp expect.err err
	"

	test_expect_success "$p: keys of non-ASCII letters or with a space are bad" "
		good $p a c >expect &&
		{
			printf \"$p: keys.rec: record 2, byte 24: bad header key 't\\303\\257tle'\\n\" &&
			echo \"$p: keys.rec: record 3, byte 43: bad header key 'my key'\"
		} >expect.err &&
		test_expect_code 1 run $p keys.rec >out 2>err &&
		test_cmp expect out &&
		test_cmp expect.err err
	"

	test_expect_success "$p: a directory between good files" "
		good $p a c >expect &&
		echo '$p: dir: Is a directory' >expect.err &&
		test_expect_code 1 run $p a.rec dir c.rec >out 2>err &&
		test_cmp expect out &&
		test_cmp expect.err err
	"
done

printf 'id: u1\ntitle: t\377 \300\257\n\nbad \377 over \300\257 sur \355\240\200 end\n\nbig \364\220\200\200 and cut \342\202\0id: u2\n\n\355\277\277\0' \
    >utf8-bad
cat a.rec utf8-bad c.rec >utf8.rec

test_expect_success 'ddedup passes ill-formed UTF-8 byte for byte, in every mode' '
	for o in "-m near" "-m exact" "-u para" --within-doc --mark; do
		ddedup $o utf8.rec >out 2>err &&
		cmp utf8.rec out &&
		test_cmp /dev/null err || { echo "    ddedup $o"; return 1; }
	done
'

test_expect_success 'dtag passes ill-formed UTF-8 unchanged and tags the record' '
	{
		printf "id: a\nwords: 3\nsentences: 1\n\ntext of a\0" &&
		printf "id: u1\ntitle: t\377 \300\257\nwords: 7\nsentences: 2\n\n" &&
		printf "bad \377 over \300\257 sur \355\240\200 end\n\n" &&
		printf "big \364\220\200\200 and cut \342\202\0" &&
		printf "id: u2\nwords: 0\nsentences: 1\n\n\355\277\277\0" &&
		printf "id: c\nwords: 3\nsentences: 1\n\ntext of c\0"
	} >expect &&
	dtag --only words,sentences utf8.rec >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err &&
	dtag utf8.rec >out 2>err &&
	test_cmp /dev/null err &&
	sed -e "/^lang: /d" -e "/^words: /d" -e "/^sentences: /d" \
	    -e "/^chars: /d" out >untagged &&
	cmp utf8.rec untagged
'

# ---- djson -d: JSON Lines ----

printf '{"id":"a","text":"text of a"}\n' >a.json
printf '{"id":"c","text":"text of c"}\n' >c.json
mkrec t1 | djson | gzip -c >jt1.gz
mkrec t2 | djson | gzip -c | head -c 12 >jt2.gz
cat jt1.gz jt2.gz >jcut.gz
mkrec r1 | djson | gzip -c >jr1.gz
mkrec r2 | djson | gzip -c >jr2.gz
cat jr1.gz jr2.gz >jcrc.gz
poke jcrc.gz $(($(wc -c <jcrc.gz) - 8))
mkrec g1 | djson | gzip -c >jg1.gz
mkrec g2 | djson | gzip -c >jg2.gz
cat jg1.gz jg2.gz >jgarbage.gz
printf 'junk' >>jgarbage.gz
mkrec p | djson >jplain.gz

test_expect_success 'djson -d: an empty file and an empty gzip between good files' '
	good ddedup a c >expect &&
	djson -d a.json empty empty.gz c.json >out 2>err &&
	test_cmp expect out &&
	test_cmp /dev/null err
'

test_expect_success 'djson -d: gzip cut in a member, a wrong CRC, trailing garbage, a plain .gz' '
	good ddedup a t1 r1 r2 g1 g2 p c >expect &&
	{
		echo "djson: jcut.gz: unexpected end of gzip data (truncated?)" &&
		echo "djson: jcrc.gz: corrupt gzip data: incorrect data check" &&
		echo "djson: jgarbage.gz: trailing garbage after gzip data"
	} >expect.err &&
	test_expect_code 1 djson -d a.json jcut.gz jcrc.gz jgarbage.gz \
	    jplain.gz c.json >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

cat >utf8.json.err <<'EOF'
djson: utf8.json:2: unable to decode byte 0xc0 near '"x' (column 19)
djson: utf8.json:3: unable to decode byte 0xed near '"x' (column 19)
djson: utf8.json:4: invalid Unicode '\uD800' near '"x\ud800y"' (column 27)
djson: utf8.json:5: invalid Unicode '\uDC00' near '"x\udc00y"' (column 27)
EOF

test_expect_success 'djson -d: overlong forms and surrogates are bad lines' '
	{
		cat a.json &&
		printf "{\"id\":\"o\",\"text\":\"x\300\257y\"}\n" &&
		printf "{\"id\":\"s\",\"text\":\"x\355\240\200y\"}\n" &&
		printf "{\"id\":\"h\",\"text\":\"x\\\\ud800y\"}\n" &&
		printf "{\"id\":\"l\",\"text\":\"x\\\\udc00y\"}\n" &&
		cat c.json
	} >utf8.json &&
	good ddedup a c >expect &&
	test_expect_code 1 djson -d utf8.json >out 2>err &&
	test_cmp expect out &&
	test_cmp utf8.json.err err
'

test_expect_success 'djson -d: a raw NUL byte in a string is a bad line' '
	{
		cat a.json &&
		printf "{\"id\":\"b\",\"text\":\"B\0b\"}\n" &&
		cat c.json
	} >nul.json &&
	good ddedup a c >expect &&
	echo "djson: nul.json:2: control character 0x0 near '"'"'\"B'"'"' (column 19)" \
	    >expect.err &&
	test_expect_code 1 djson -d nul.json >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

# nest N OPEN CLOSE: OPEN N times, then CLOSE N times
nest() {
	awk -v n="$1" -v o="$2" -v c="$3" 'BEGIN {
		s = ""; t = ""
		for (i = 0; i < n; i++) { s = s o; t = t c }
		printf "%s%s", s, t
	}'
}

cat >deep.json.err <<'EOF'
djson: deep.json:2: maximum parsing depth reached near '[' (column 2065)
djson: deep.json:3: maximum parsing depth reached near '[' (column 2049)
djson: deep.json:4: maximum parsing depth reached near '{' (column 10241)
EOF

# A member that is an array is a header per element: the elements of the
# 100 levels are arrays of 99.
test_expect_success 'djson -d: 10,000 levels of nesting is a bad line' '
	{
		cat a.json &&
		printf "{\"id\":\"deep\",\"x\":%s,\"text\":\"T\"}\n" \
		    "$(nest 10000 "[" "]")" &&
		printf "%s\n" "$(nest 10000 "[" "]")" &&
		printf "%s1%s\n" "$(nest 10000 "{\"d\":" "")" "$(nest 10000 "}" "")" &&
		printf "{\"id\":\"b\",\"x\":%s,\"text\":\"B\"}\n" \
		    "$(nest 100 "[" "]")" &&
		cat c.json
	} >deep.json &&
	{
		printf "id: a\n\ntext of a\0" &&
		printf "id: b\nx: %s\n\nB\0" "$(nest 99 "[" "]")" &&
		printf "id: c\n\ntext of c\0"
	} >expect &&
	test_expect_code 1 djson -d deep.json >out 2>err &&
	test_cmp expect out &&
	test_cmp deep.json.err err
'

test_expect_success 'djson -d: a directory between good files' '
	good ddedup a c >expect &&
	echo "djson: dir: Is a directory" >expect.err &&
	test_expect_code 1 djson -d a.json dir c.json >out 2>err &&
	test_cmp expect out &&
	test_cmp expect.err err
'

# An unreadable file, with good files around it (as root every file is
# readable).
if [ -r unreadable ]; then
	echo "skip $script: unreadable files (running as root)"
else
	test_expect_success 'record readers: an unreadable file between good ones' '
		for p in ddedup dtag djson; do
			good $p a c >expect &&
			echo "$p: unreadable: Permission denied" >expect.err &&
			test_expect_code 1 run $p a.rec unreadable c.rec \
			    >out 2>err &&
			test_cmp expect out &&
			test_cmp expect.err err || return 1
		done &&
		good ddedup a c >expect &&
		echo "djson: unreadable: Permission denied" >expect.err &&
		test_expect_code 1 djson -d a.json unreadable c.json >out 2>err &&
		test_cmp expect out &&
		test_cmp expect.err err &&
		cat good-a.rec good-f.rec >expect &&
		echo "dsplit: unreadable: Permission denied" >expect.err &&
		test_expect_code 1 dsplit -f records good-a.rec unreadable \
		    good-f.rec >out 2>err &&
		test_cmp expect out &&
		test_cmp expect.err err
	'
fi

# ---- ddedup --index: an interrupted run, a failed write ----

# About 1 MB of distinct records; a seed index of one other document.
seq 15000 |
    awk '{ printf "id: r%s\n\nrecord %s with a few words to shingle, number %s~", $1, $1, $1 * 7 }' |
    tr '~' '\000' >many
printf 'id: seed\n\nthe seed document of the index, with words enough to shingle\0' \
    >seed
ddedup --index idx seed >/dev/null
cp idx idx.orig
mkfifo fifo

# The records go through a fifo that the test holds open, so that ddedup
# never sees their end: once cat has written them all, ddedup has read all
# but a pipe's worth, and waits for more when SIGINT comes.  timeout
# passes SIGINT on to ddedup (which a background job would otherwise
# ignore), and ends the test should ddedup not die.  ddedup runs without
# valgrind here: a program killed by a signal leaves its memory behind.
test_expect_success 'ddedup --index: SIGINT while reading leaves the old index as it was' '
	timeout 60 "$BIN/ddedup" --index idx fifo >out 2>err &
	pid=$!
	exec 3<>fifo &&
	timeout 60 cat many >&3 &&
	kill -INT $pid
	wait $pid
	status=$?
	exec 3>&-
	test "$status" = 130 &&
	test_cmp /dev/null err &&
	cmp idx.orig idx &&
	test -z "$(ls | grep "^idx\.tmp")" &&
	ddedup --index idx seed >out 2>err &&
	test_cmp /dev/null out &&
	test_cmp /dev/null err &&
	cmp idx.orig idx
'

# The write fails while the records are read (the output is far larger
# than a buffer), so ddedup exits with its workers running: without
# valgrind here too.
test_expect_success 'ddedup --index: a failed write leaves the old index as it was' '
	echo "ddedup: write error: No space left on device" >expect.err &&
	test_expect_code 1 "$BIN/ddedup" --index idx many >/dev/full 2>err &&
	test_cmp expect.err err &&
	cmp idx.orig idx &&
	test -z "$(ls | grep "^idx\.tmp")"
'

# The write fails only when the last records go out, after the input.
test_expect_success 'ddedup --index: a failed last write leaves the old index as it was' '
	echo "ddedup: write error: No space left on device" >expect.err &&
	printf "id: new\n\nalpha bravo charlie delta echo foxtrot golf\0" >new &&
	test_expect_code 1 "$BIN/ddedup" --index idx new >/dev/full 2>err &&
	test_cmp expect.err err &&
	cmp idx.orig idx &&
	ddedup --index idx new >out &&
	grep -qx "id: new" out
'
