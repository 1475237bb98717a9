# The seeds of the shared corpus, cut by their gold (so that dsplit plays
# no part) and after dsplit: dtag finds every publication date and
# dateline place, and the people with precision >= 0.85 and recall >= 0.9.
. "$TESTS/lib.sh"
need_shared

corpus=$SHARED/corpus
gold=$corpus/seeds.gold.jsonl
mins="--min date_accuracy=1.0 --min place_accuracy=1.0
    --min person_precision=0.85 --min person_recall=0.9"

test_expect_success 'the seeds cut by their gold: dates, places, people' '
	"$SHARED/eval/cut" --gold "$gold" >cut.rec &&
	dtag cut.rec >tagged &&
	djson tagged | "$SHARED/eval/score" --gold "$gold" $mins >score ||
	{ cat score; exit 1; }
'

test_expect_success 'the seeds after dsplit: dates, places, people' '
	(cd "$corpus" && dsplit seeds/*.txt) >split.rec &&
	dtag split.rec | djson | "$SHARED/eval/score" --gold "$gold" $mins \
	    >score || { cat score; exit 1; }
'

test_expect_success 'dtag twice gives what dtag once gives' '
	dtag tagged >again &&
	cmp tagged again
'

test_expect_success 'each seed document gets its counts and language' '
	tr "\0" "\n" <tagged | grep -c "^lang: en$" >got &&
	echo 14 >want &&
	test_cmp want got
'
