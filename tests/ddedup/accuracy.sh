# ddedup against known duplicates: the seeds' one reposted release, and
# generated dumps of known clusters (../shared/bench/mkdump).
. "$TESTS/lib.sh"

need_shared
seeds=$SHARED/corpus/seeds
test_expect_success 'seeds: 13 of 14 kept, the reposted CPEC release dropped' '
	dsplit "$seeds"/*.txt >records &&
	ddedup records >kept &&
	test "$(tr -cd "\\000" <kept | wc -c)" -eq 13 &&
	ddedup --mark records | djson |
	    "$SHARED/eval/score" --gold "$SHARED/corpus/seeds.gold.jsonl" \
	    --min dup_precision=1 --min dup_recall=1 >score &&
	grep -x "dup_pred: 1" score || { cat score; false; }
'

test_expect_success 'seeds: the dropped record is the repost, the third of its file' '
	ddedup --mark records | djson | jq -r "select(.dup_of) | .id" >dropped &&
	test "$(wc -l <dropped)" -eq 1 &&
	grep -q "/000_8b8542b3490ff64e.txt:3$" dropped
'

test_expect_success 'exact mode finds no near duplicates in the seeds' '
	ddedup -m exact records >exact &&
	cmp records exact
'

# The 200 MB dump checks dsplit's boundaries too (skipped under
# valgrind, where it would take an hour); a 20 MB one comes last, for
# the test after the loop.
sizes="1 20M"
[ "${VALGRIND:-}" = 1 ] || sizes="$sizes
3 200M"
sizes="$sizes
2 20M"
while read -r seed size; do
	test_expect_success "mkdump --seed $seed --size $size: precision >= 0.99, recall >= 0.95, boundary F1 >= 0.98" "
		python3 '$SHARED/bench/mkdump' --seed $seed --size $size \
		    --truth truth.tsv >dump.txt &&
		dsplit dump.txt | ddedup --mark | djson |
		    '$SHARED/eval/score' --truth truth.tsv --source dump.txt \
		    --min dup_precision=0.99 --min dup_recall=0.95 \
		    --min boundary_f1=0.98 >score ||
		    { cat score; false; }
	"
done <<EOF
$sizes
EOF

test_expect_success 'mkdump: a marked run and a dropping run keep the same' '
	dsplit dump.txt >recs &&
	ddedup recs >dropped &&
	ddedup --mark recs | tr "\\000" "\\n" | grep -ac "^dup_of: " >marked &&
	test $(( $(tr -cd "\\000" <recs | wc -c) - $(cat marked) )) -eq \
	    "$(tr -cd "\\000" <dropped | wc -c)"
'
