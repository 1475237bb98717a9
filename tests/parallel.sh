# examples/parallel.sh: the job of examples/Makefile under GNU parallel
# gives what one pipeline gives, and what make gives, on any number of
# jobs, with odd names and on other hosts; a failing stage fails it with
# no corpus and no temporary file; usage errors and missing dumps.
. "$TESTS/lib.sh"

need_shared
if ! parallel --version </dev/null 2>/dev/null | grep -q "^GNU parallel"; then
	echo "skip $script: GNU parallel not found"
	exit 0
fi
. "$TESTS/jobs.lib"
job() { "$TESTS/../examples/parallel.sh" "$@"; }

test_expect_success '-j 2: the files of the Makefile, and the corpus one pipeline gives' '
	job -j 2 raw out 2>err &&
	test ! -s err &&
	for s in a b c; do
		printf "%s\n" $s.jsonl.gz $s.rec $s.sig $s.sig.keep
	done >expect &&
	echo corpus.jsonl.gz >>expect &&
	files out >actual &&
	test_cmp expect actual &&
	for s in a b c; do
		dsplit raw/$s.txt.gz | dtag >expect &&
		cmp expect out/$s.rec || exit 1
	done &&
	same_corpus raw out &&
	test "$(wc -l <actual)" -lt "$(dsplit raw/*.txt.gz | tr -cd "\000" | wc -c)"
'

test_expect_success '-j 1 gives the same corpus' '
	job -j 1 raw out1 &&
	gzip -dc out/corpus.jsonl.gz >expect &&
	gzip -dc out1/corpus.jsonl.gz >actual &&
	cmp expect actual
'

test_expect_success 'the corpus is the one examples/Makefile makes' '
	make -f "$TESTS/../examples/Makefile" BIN="$BIN" RAW=raw OUT=mk -j2 \
	    >/dev/null &&
	gzip -dc mk/corpus.jsonl.gz >expect &&
	gzip -dc out/corpus.jsonl.gz >actual &&
	cmp expect actual
'

test_expect_success 'DEDUP and THREADS are given to the programs' '
	DEDUP="-m exact" THREADS=2 job -j 2 raw exact &&
	same_corpus raw exact -m exact &&
	! gzip -dc exact/corpus.jsonl.gz | cmp -s - out/corpus.jsonl.gz
'

test_expect_success 'names with spaces, quotes and $ are dumps like the others' '
	mkdir "odd *" &&
	cp raw/a.txt.gz "odd */a b.txt.gz" &&
	cp raw/b.txt.gz "odd */it'\''s \$b {}.txt.gz" &&
	cp raw/c.txt.gz "odd */:::.txt.gz" &&
	job -j 3 "odd */" "odd out" &&
	test -f "odd out/it'\''s \$b {}.sig.keep" &&
	same_corpus "odd *" "odd out"
'

test_expect_success 'SSHLOGIN: the jobs run on the hosts named' '
	SSHLOGIN=2/: job raw local &&
	same_corpus raw local &&
	mkdir hosts &&
	cat >hosts/ssh <<-\EOF &&
	#!/bin/sh
	# ssh [options] host command: the command, in an empty environment
	while :; do
		case $1 in
		-[lopS]) shift 2 ;;
		-*) shift ;;
		*) break ;;
		esac
	done
	echo "$1" >>"${0%/*}/used"
	shift
	[ "$1" = -- ] && shift
	cd && exec env -i HOME="$HOME" PATH="$PATH" SHELL=/bin/sh sh -c "$*"
	EOF
	chmod +x hosts/ssh &&
	PARALLEL="--ssh $PWD/hosts/ssh" SSHLOGIN=1/host1,1/host2 \
	    job raw remote &&
	same_corpus raw remote &&
	sort -u hosts/used >actual &&
	printf "%s\n" host1 host2 >expect &&
	test_cmp expect actual
'

test_expect_success 'a cut gzip dump fails the job, with no corpus, no temporary' '
	test_expect_code 1 job -j 2 cut cut.out 2>err &&
	grep -q "^dsplit: cut/b\.txt\.gz: unexpected end of gzip data" err &&
	files cut.out >actual &&
	! grep -v -e "^a\.rec$" -e "^a\.sig$" actual
'

test_expect_success 'a failing dtag fails the job, with no corpus, no temporary' '
	BIN=fail test_expect_code 3 job -j 2 raw fail.out 2>err &&
	files fail.out >actual &&
	test ! -s actual
'

test_expect_success 'a usage error exits 2 with the usage' '
	echo "usage: parallel.sh [-j jobs] RAW OUT" >expect &&
	for args in "" raw "-j 0 raw o" "-j x raw o" "-k raw o" "raw o x"; do
		test_expect_code 2 job $args 2>err &&
		test_cmp expect err || exit 1
	done &&
	test ! -e o
'

test_expect_success 'a folder without dumps is an error' '
	mkdir empty &&
	test_expect_code 1 job empty o 2>err &&
	echo "parallel.sh: no dumps empty/*.txt.gz" >expect &&
	test_cmp expect err &&
	test_expect_code 1 job missing o 2>err &&
	grep -q "^parallel\.sh: no dumps missing/\*\.txt\.gz$" err &&
	test ! -e o
'

test_expect_success 'a parallel that is not GNU parallel is an error' '
	mkdir path &&
	printf "#!/bin/sh\necho \"parallel: unknown option\" >&2\nexit 1\n" \
	    >path/parallel &&
	chmod +x path/parallel &&
	PATH="$PWD/path:$PATH" test_expect_code 1 job raw o 2>err &&
	grep -q "^parallel\.sh: needs GNU parallel" err &&
	test ! -e o
'
