# ddedup --index and --merge-index: a run in two halves keeps what one run
# keeps; broken, foreign and mismatched index files are clear errors.
. "$TESTS/lib.sh"

# Records of 40 documents: 20 texts, each twice (the copy re-flowed).
i=0
while [ $i -lt 20 ]; do
	w="alpha$i bravo$i charlie$i delta$i echo$i foxtrot$i golf$i hotel$i"
	printf 'id: a:%d\n\n%s %s india%d.\0' $i "$w" "$w" $i
	i=$((i + 1))
done >half1
i=0
while [ $i -lt 20 ]; do
	w="alpha$i bravo$i charlie$i delta$i echo$i foxtrot$i golf$i hotel$i"
	printf 'id: b:%d\n\n%s\n\n%s india%d\0' $i "$w" "$w" $i
	printf 'id: c:%d\n\nnew%d words%d here%d only%d once%d in%d all%d\0' \
	    $i $i $i $i $i $i $i $i
	i=$((i + 1))
done >half2
cat half1 half2 >whole

# the number of records in a file
count() { tr -cd '\000' <"$1" | wc -c; }

for mode in near exact; do
	test_expect_success "$mode: two runs with --index keep what one run keeps" "
		ddedup -m $mode whole >one &&
		ddedup -m $mode --index idx.$mode half1 >two &&
		ddedup -m $mode --index idx.$mode half2 >>two &&
		cmp one two &&
		test \$(count one) -eq 40
	"
done

for mode in near exact; do
	test_expect_success "$mode: shards apart, then a filter pass, keep what one run keeps" "
		rm -f s1.idx s2.idx &&
		ddedup -m $mode whole >one &&
		ddedup -m $mode --index s1.idx half1 >s1.out &&
		ddedup -m $mode --index s2.idx half2 >s2.out &&
		test \$(count s2.out) -eq 40 &&
		ddedup -m $mode --index s1.idx s2.out >s2.final &&
		cat s1.out s2.final >sharded &&
		cmp one sharded &&
		ddedup -m $mode --index s1.idx half1 half2 >again &&
		test \$(count again) -eq 0
	"
done

test_expect_success 'the second run names the first run'"'"'s document' '
	rm -f idx &&
	ddedup --index idx half1 >/dev/null &&
	ddedup --index idx --mark half2 | tr "\000" "\n" |
	    grep -a "^dup_of: " | sort -u >dups &&
	test "$(wc -l <dups)" -eq 20 &&
	grep -qx "dup_of: a:7" dups
'

test_expect_success '--merge-index: the union of shards' '
	rm -f a.idx b.idx &&
	ddedup --index a.idx half1 >/dev/null &&
	printf "id: z\n\nzulu yankee xray whiskey victor uniform tango\0" >z &&
	ddedup --index b.idx z >/dev/null &&
	ddedup --merge-index a.idx b.idx >ab.idx &&
	ddedup --index ab.idx half2 z >out &&
	test "$(count out)" -eq 20 &&
	! grep -aq "^id: z" out
'

test_expect_success '--merge-index: forty copies of one document' '
	printf "id: one\n\nzulu yankee xray whiskey victor uniform tango sierra\0" >one &&
	ddedup --index one.idx one >/dev/null &&
	timeout 60 "$BIN/ddedup" --merge-index $(for i in $(seq 40); do
	    echo one.idx; done) >forty.idx &&
	printf "id: again\n\nzulu yankee xray whiskey victor uniform tango sierra\0" >again &&
	timeout 60 "$BIN/ddedup" --mark --index forty.idx again >out &&
	grep -qx "dup_of: one" out
'

test_expect_success 'a new index has the mode of a new file; a saved one keeps its own' '
	rm -f mode.idx &&
	(umask 027 && ddedup --index mode.idx one >/dev/null) &&
	test "$(stat -c %a mode.idx)" = 640 &&
	chmod 604 mode.idx &&
	ddedup --index mode.idx one >/dev/null &&
	test "$(stat -c %a mode.idx)" = 604
'

test_expect_success 'a corrupt index is an error, and is left as it was' '
	cp idx.near bad &&
	printf "X" | dd of=bad bs=1 seek=60 conv=notrunc 2>/dev/null &&
	cp bad bad.orig &&
	test_expect_code 1 ddedup --index bad half1 >out 2>err &&
	echo "ddedup: bad: corrupt index (checksum)" >expect &&
	test_cmp expect err &&
	test ! -s out &&
	cmp bad bad.orig
'

test_expect_success 'an index header ddedup cannot have written is an error' '
	cp idx.near rows &&
	printf "\310" | dd of=rows bs=1 seek=20 conv=notrunc 2>/dev/null &&
	test_expect_code 1 ddedup --index rows half1 >out 2>err &&
	echo "ddedup: rows: corrupt index header" >expect &&
	test_cmp expect err &&
	test ! -s out &&
	test_expect_code 1 ddedup --merge-index idx.near rows >out 2>err &&
	test_cmp expect err &&
	cp idx.near shingle &&
	printf "\0" | dd of=shingle bs=1 seek=16 conv=notrunc 2>/dev/null &&
	test_expect_code 1 ddedup --index shingle half1 >out 2>err &&
	echo "ddedup: shingle: corrupt index header" >expect &&
	test_cmp expect err
'

test_expect_success 'a truncated index is an error' '
	head -c 100 idx.near >short &&
	test_expect_code 1 ddedup --index short half1 >out 2>err &&
	echo "ddedup: short: truncated index" >expect &&
	test_cmp expect err
'

test_expect_success 'a file that is not an index is an error' '
	echo "hello" >foreign &&
	test_expect_code 1 ddedup --index foreign half1 2>err >/dev/null &&
	echo "ddedup: foreign: not a ddedup index" >expect &&
	test_cmp expect err &&
	: >empty &&
	test_expect_code 1 ddedup --index empty half1 2>err >/dev/null &&
	echo "ddedup: empty: not a ddedup index" >expect &&
	test_cmp expect err
'

test_expect_success 'an index of other settings is an error' '
	test_expect_code 1 ddedup --index idx.exact half1 2>err >/dev/null &&
	echo "ddedup: idx.exact: an index of exact mode, normalize 7, not near mode, 5-word shingles, 4 rows a band" >expect &&
	test_cmp expect err &&
	test_expect_code 1 ddedup --shingle 3 --index idx.near half1 \
	    2>err >/dev/null &&
	grep -q "not near mode, 3-word shingles" err
'

test_expect_success 'an index that cannot be written is an error' '
	test_expect_code 1 ddedup --index no/such/dir/idx half1 >out 2>err &&
	echo "ddedup: no/such/dir/idx: No such file or directory" >expect &&
	test_cmp expect err &&
	cmp half1 out
'

test_expect_success '--merge-index of a missing or broken file fails' '
	test_expect_code 1 ddedup --merge-index idx.near missing >out 2>err &&
	echo "ddedup: missing: No such file or directory" >expect &&
	test_cmp expect err &&
	test_expect_code 1 ddedup --merge-index idx.near idx.exact >out 2>err &&
	grep -q "an index of exact mode" err &&
	test_expect_code 2 ddedup --merge-index 2>err
'

test_expect_success 'an id over 1 MiB is saved and loaded again' '
	{ printf "id: " && head -c 1100000 /dev/zero | tr "\\000" x &&
	    printf "\n\nsome words of a body\0"; } >longid &&
	rm -f long.idx &&
	ddedup --index long.idx longid >out &&
	cmp longid out &&
	ddedup --index long.idx longid >out &&
	test ! -s out
'
