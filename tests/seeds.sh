# The seed dumps of the shared corpus: five files, five documents (one per
# file, for now), valid JSON through jq, bodies and ranges that match the
# files, and a round trip that changes nothing.
. "$TESTS/lib.sh"
need_shared

seeds=$SHARED/corpus/seeds
(cd "$SHARED/corpus" && dsplit seeds/*.txt) >records 2>err.dsplit

test_expect_success 'dsplit makes one record per seed file, quietly' '
	test_cmp /dev/null err.dsplit &&
	test "$(tr -cd "\\000" <records | wc -c)" -eq 5
'

test_expect_success 'dsplit | djson | jq -c . gives 5 records' '
	dsplit "$seeds"/*.txt | djson | jq -c . >jq.out &&
	test "$(wc -l <jq.out)" -eq 5 &&
	jq -r .id <jq.out >ids &&
	for f in "$seeds"/*.txt; do echo "$f:1"; done >expect &&
	test_cmp expect ids
'

test_expect_success 'lines and bytes cover each whole file' '
	djson records | jq -r "[.source, .lines[0], .lines[1], .bytes[0], .bytes[1], .unit] | @tsv" >got &&
	for f in "$seeds"/*.txt; do
		n=$(wc -l <"$f")
		[ -n "$(tail -c 1 "$f")" ] && n=$((n + 1))
		printf "seeds/%s\t1\t%s\t1\t%s\tdoc\n" "${f##*/}" $n \
		    $(wc -c <"$f")
	done >expect &&
	test_cmp expect got
'

test_expect_success 'each body is its file without the final newline' '
	djson records >records.json &&
	for f in "$seeds"/*.txt; do
		name=seeds/${f##*/}
		jq -j --arg s "$name" "select(.source == \$s) | .text" \
		    <records.json >body &&
		if [ -z "$(tail -c 1 "$f")" ]; then
			size=$(($(wc -c <"$f") - 1))
		else
			size=$(wc -c <"$f")
		fi &&
		head -c $size "$f" >expect &&
		test_cmp expect body || return 1
	done
'

test_expect_success 'the seeds round-trip through every program unchanged' '
	ddedup records | dtag >tagged &&
	cmp records tagged &&
	djson tagged | djson -d >back &&
	cmp records back
'
