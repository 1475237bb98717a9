# examples/Makefile: the sharded job gives what one pipeline gives, a
# changed dump remakes only its shard and the corpus, and a failing stage
# leaves neither its target, nor the corpus, nor a temporary file.
. "$TESTS/lib.sh"

need_shared
. "$TESTS/jobs.lib"
job() { make -f "$TESTS/../examples/Makefile" BIN="$BIN" "$@"; }
# the name and modification time of each file of out/
mtimes() { stat -c '%n %y' out/*; }

test_expect_success 'make -j2: the shards, and the corpus one pipeline gives' '
	job -j2 RAW=raw OUT=out &&
	for s in a b c; do
		printf "%s\n" $s.jsonl.gz $s.rec $s.sig $s.sig.keep
	done >expect &&
	printf "%s\n" corpus.jsonl.gz decided >>expect &&
	files out | sort >actual &&
	sort expect | test_cmp - actual &&
	for s in a b c; do
		dsplit raw/$s.txt.gz | dtag >expect &&
		cmp expect out/$s.rec || exit 1
	done &&
	same_corpus &&
	test "$(wc -l <actual)" -lt "$(dsplit raw/*.txt.gz | tr -cd "\000" | wc -c)" &&
	gzip -dc out/b.jsonl.gz >b.json &&
	djson -d b.json | ddedup -m exact >b.again &&
	djson b.again | cmp - b.json &&
	job -q RAW=raw OUT=out
'

test_expect_success 'make again does nothing' '
	mtimes >before &&
	job RAW=raw OUT=out &&
	mtimes >after &&
	test_cmp before after
'

test_expect_success 'a touched dump remakes its shard and the corpus, no more' '
	mtimes >before &&
	touch raw/b.txt.gz &&
	test_expect_code 1 job -q RAW=raw OUT=out &&
	job -n RAW=raw OUT=out >plan &&
	grep -q "dsplit --threads 1 *raw/b\.txt\.gz" plan &&
	! grep -q "dsplit.* raw/[ac]\.txt\.gz" plan &&
	grep -q "ddedup *--decide out/a\.sig out/b\.sig out/c\.sig" plan &&
	job -j2 RAW=raw OUT=out &&
	mtimes >after &&
	diff before after | sed -n "s/^> \([^ ]*\) .*/\1/p" >changed &&
	printf "out/%s\n" b.jsonl.gz b.rec b.sig corpus.jsonl.gz decided >expect &&
	test_cmp expect changed &&
	same_corpus
'

# a with other documents: c, whose second part were duplicates of a,
# keeps those now.
test_expect_success 'a changed dump remakes the shards whose decisions change' '
	mv raw/a.txt.gz a.txt.gz &&
	mkdump --seed 4 --size 1M | gzip -1 >raw/a.txt.gz &&
	touch -r a.txt.gz raw &&
	mtimes >before &&
	job -j2 RAW=raw OUT=out &&
	mtimes >after &&
	diff before after | sed -n "s/^> \([^ ]*\) .*/\1/p" >changed &&
	printf "out/%s\n" a.jsonl.gz a.rec a.sig a.sig.keep c.jsonl.gz \
	    c.sig.keep corpus.jsonl.gz decided >expect &&
	test_cmp expect changed &&
	same_corpus &&
	mv a.txt.gz raw/a.txt.gz &&
	touch raw/a.txt.gz &&
	job -j2 RAW=raw OUT=out &&
	same_corpus
'

test_expect_success 'shards removed to save space are made again only when needed' '
	rm out/*.rec &&
	job RAW=raw OUT=out >log &&
	test ! -e out/a.rec &&
	touch raw/c.txt.gz &&
	job -j2 RAW=raw OUT=out &&
	test ! -e out/a.rec &&
	test -e out/c.rec &&
	same_corpus
'

test_expect_success 'a removed dump remakes the corpus without its shard' '
	mv raw/c.txt.gz c.txt.gz &&
	test_expect_code 1 job -q RAW=raw OUT=out &&
	job -j2 RAW=raw OUT=out &&
	same_corpus
'
mv c.txt.gz raw/c.txt.gz 2>/dev/null

test_expect_success 'a dump put back remakes the corpus with its shard' '
	test_expect_code 1 job -q RAW=raw OUT=out &&
	job -j2 RAW=raw OUT=out &&
	same_corpus
'

test_expect_success 'a cut gzip dump fails the job, and leaves no shard of it, no corpus' '
	test_must_fail job -j2 RAW=cut OUT=cut.out 2>err &&
	grep -q "dsplit: cut/b\.txt\.gz: unexpected end of gzip data" err &&
	files cut.out >actual &&
	! grep -v "^a\.\(rec\|sig\)$" actual
'

test_expect_success 'a failing dtag fails the job, and leaves no shard, no corpus' '
	test_must_fail job -j2 BIN=fail RAW=raw OUT=fail.out 2>err &&
	files fail.out >actual &&
	test_cmp /dev/null actual
'

# Ctrl-C: SIGINT to make and its recipes, as a terminal sends it to its
# process group.
mkdir big
mkdump --seed 5 --size 8M | gzip -1 >big/a.txt.gz
test_expect_success 'Ctrl-C leaves no half-written file' '
	sigint_default make -f "$TESTS/../examples/Makefile" BIN="$BIN" RAW=big \
	    OUT=big.out >/dev/null 2>&1 &
	pid=$! &&
	n=0 &&
	while [ ! -e big.out/a.rec.tmp ] && [ $n -lt 200 ]; do
		sleep 0.05
		n=$((n + 1))
	done &&
	test -e big.out/a.rec.tmp &&
	env kill -INT -- -$pid &&
	test_expect_code 130 wait $pid &&
	files big.out >actual &&
	test_cmp /dev/null actual
'

test_expect_success 'clean removes the shards, the corpus and the folder' '
	job RAW=raw OUT=out clean &&
	test ! -e out &&
	files raw >actual &&
	printf "%s\n" a.txt.gz b.txt.gz c.txt.gz >expect &&
	test_cmp expect actual
'
