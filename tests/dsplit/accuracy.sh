# dsplit on generated dumps of known layout (../shared/bench/mkdump):
# boundary F1 of at least 0.98 on dumps of several seeds and sizes, and
# the sample dump of this project against its gold.
. "$TESTS/lib.sh"

need_shared
sample=$TESTS/../sample
test_expect_success 'the sample dump: boundary F1 >= 0.97, titles >= 0.9' '
	dsplit "$sample/sample.txt.gz" | djson |
	    sed "s/sample\.txt\.gz/sample.txt/g" |
	    "$SHARED/eval/score" --gold "$sample/sample.gold.jsonl" \
	    --min boundary_f1=0.97 --min title_accuracy=0.9 >score ||
	    { cat score; false; }
'

for run in "1 3M" "2 3M" "3 6M"; do
	set -- $run
	test_expect_success "mkdump --seed $1 --size $2: boundary F1 >= 0.98" "
		python3 '$SHARED/bench/mkdump' --seed $1 --size $2 \
		    --truth truth.tsv >dump.txt &&
		dsplit dump.txt | djson |
		    '$SHARED/eval/score' --truth truth.tsv --source dump.txt \
		    --min boundary_f1=0.98 >score || { cat score; false; }
	"
done
