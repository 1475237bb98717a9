# The seed dumps of the shared corpus and their gold: dsplit finds the 14
# documents exactly, with their titles; the output is valid JSON through
# jq; each document's bytes are the lines it says; a round trip through
# every program changes nothing.
. "$TESTS/lib.sh"
need_shared

corpus=$SHARED/corpus
gold=$corpus/seeds.gold.jsonl
(cd "$corpus" && dsplit seeds/*.txt) >records 2>err.dsplit

test_expect_success 'dsplit reads the seeds quietly' '
	test_cmp /dev/null err.dsplit
'

test_expect_success 'the seeds: every boundary, span and title of the gold' '
	djson records | "$SHARED/eval/score" --gold "$gold" \
	    --min boundary_f1=1.0 --min span_exact=1.0 \
	    --min title_accuracy=0.9 >score
'

test_expect_success 'dsplit | djson | jq -c . gives the 14 documents' '
	(cd "$corpus" && dsplit seeds/*.txt | djson | jq -c .) >jq.out &&
	test "$(wc -l <jq.out)" -eq 14 &&
	jq -r "[.source, .lines[0], .lines[1]] | @tsv" <jq.out >got &&
	jq -r "[\"seeds/\" + .file, .first_line, .last_line] | @tsv" \
	    <"$gold" >want &&
	cut -f1,2 want >want.starts && cut -f1,2 got >got.starts &&
	test_cmp want.starts got.starts
'

test_expect_success 'the bytes of a document are its lines in the file' '
	djson records | jq -r "[.source, .lines[0], .lines[1], .bytes[0],
	    .bytes[1]] | @tsv" | while IFS="	" read -r f l1 l2 b1 b2; do
		awk -v a="$l1" -v b="$l2" "NR >= a && NR <= b" "$corpus/$f" \
		    >by.lines &&
		{ tail -c +"$b1" "$corpus/$f" | head -c $((b2 - b1 + 1)) &&
		    echo; } >by.bytes &&
		test_cmp by.lines by.bytes || exit 1
	done
'

test_expect_success 'the seeds round-trip through dtag and djson unchanged' '
	dtag records >tagged &&
	djson tagged | djson -d >back &&
	cmp tagged back
'
