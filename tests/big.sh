# A 200 MB body passes every program whole: ddedup byte for byte, dtag
# with its tags, djson into one JSON string of the right length, and
# djson -d back to the same record; a single 200 MB line makes one dsplit
# document.
. "$TESTS/lib.sh"

if [ "${VALGRIND:-}" = 1 ]; then
	echo "skip $script: 200 MB under valgrind takes too long"
	exit 0
fi

size=200000000

# The body: a text with quotes, a tab, a backslash and newlines, repeated.
yes 'He said "hi"	then \ went on.' | head -c $size >body
{
	printf 'id: big\nsource: big.txt\nwords: 7\n\n'
	cat body
	printf '\0'
} >big.rec

test_expect_success 'ddedup passes a 200 MB record unchanged' '
	ddedup big.rec >out &&
	cmp big.rec out
'

test_expect_success 'dtag tags a 200 MB record and keeps its body' '
	dtag <big.rec >out &&
	sed -n "/^\$/q;p" out >headers &&
	grep -x "chars: $size" headers &&
	grep -x "lang: en" headers &&
	! grep "^words: 7\$" headers &&
	tail -c +$(($(wc -c <headers) + 2)) out >tail &&
	{ cat body; printf "\0"; } | cmp - tail
'

test_expect_success 'djson writes a 200 MB body as one JSON string' '
	djson big.rec >big.json &&
	test "$(wc -l <big.json)" -eq 1 &&
	head -c 49 big.json >head &&
	printf "{\"id\":\"big\",\"source\":\"big.txt\",\"words\":7,\"text\":\"" \
	    >expect &&
	test_cmp expect head &&
	escaped=$(tr -cd "\"\\\\\\t\\n" <body | wc -c) &&
	test "$(wc -c <big.json)" -eq $((49 + size + escaped + 3)) &&
	tail -c 3 big.json | od -An -c | tr -d " " >tail &&
	printf "%s\n" "\"}\\n" >expect &&
	test_cmp expect tail
'

test_expect_success 'the JSON text of the 200 MB body has the right length' '
	python3 -c "import json,sys; print(len(json.loads(sys.stdin.readline())[\"text\"]))" \
	    <big.json >length &&
	echo $size >expect &&
	test_cmp expect length
'

test_expect_success 'djson -d gives back the 200 MB record' '
	djson -d big.json >out &&
	cmp big.rec out
'

# One line of 200 MB, without a newline inside.
yes 'one long line without an end ' | tr -d '\n' | head -c $size >line
printf '\n' >>line

test_expect_success 'dsplit makes one document of a single 200 MB line' '
	dsplit line >out &&
	{
		printf "id: line:1\nsource: line\nlines: 1-1\nbytes: 1-%s\n" \
		    $size &&
		printf "title: %s\n" "$(head -c 400 line | cut -d " " -f 1-40)" &&
		printf "unit: doc\n\n" &&
		head -c $size line &&
		printf "\\0"
	} | cmp - out
'

test_expect_success 'dsplit reads the 200 MB line gzipped on stdin' '
	gzip -1 -c line | dsplit >out &&
	{
		printf "id: -:1\nsource: -\nlines: 1-1\nbytes: 1-%s\n" $size &&
		printf "title: %s\n" "$(head -c 400 line | cut -d " " -f 1-40)" &&
		printf "unit: doc\n\n" &&
		head -c $size line &&
		printf "\\0"
	} | cmp - out
'
