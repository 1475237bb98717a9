# ddedup --signatures, --decide and --keep: shards deduplicated apart
# keep, record for record, what one run over them all keeps; broken,
# foreign and mismatched files are clear errors.
. "$TESTS/lib.sh"

# the number of records in a file
count() { tr -cd '\000' <"$1" | wc -c; }

# The three passes over the shards named, in mode $1, options $2, and
# options $3 for --decide alone; the records kept, in order, to sharded.
three_passes() {
	mode=$1 opts=$2 decide=$3
	shift 3
	for s in "$@"; do
		ddedup -m "$mode" $opts --signatures "$s.sig" "$s" || return 1
	done
	sigs=
	for s in "$@"; do
		sigs="$sigs $s.sig"
	done
	ddedup -m "$mode" $opts $decide --decide $sigs || return 1
	: >sharded
	for s in "$@"; do
		ddedup --keep "$s.sig.keep" "$s" >>sharded || return 1
	done
}

# words N M: the words wNx to wMx
words() {
	i=$1
	while [ "$i" -le "$2" ]; do
		printf 'w%dx ' "$i"
		i=$((i + 1))
	done
}

# Near duplication is not transitive: B is a near duplicate of A, C of B
# but not of A.  One run keeps A and C; the two-pass scheme, which
# deduplicates shard b alone first, loses C.
printf 'id: A\n\n%s\0' "$(words 1 200)" >a
{
	printf 'id: B\n\n%s\0' "$(words 26 225)"
	printf 'id: C\n\n%s\0' "$(words 51 250)"
} >b

test_expect_success 'near: not transitive: three passes keep C, as one run does' '
	cat a b | ddedup >one &&
	test "$(count one)" -eq 2 &&
	tr "\\000" "\\n" <one | grep -q "^id: C" &&
	three_passes near "" "" a b &&
	cmp one sharded
'

test_expect_success 'near: not transitive: the two-pass scheme loses C' '
	ddedup --index a.idx a >a.out &&
	ddedup --index b.idx b >b.out &&
	test "$(count b.out)" -eq 1 &&
	ddedup --index a.idx b.out >b.final &&
	cat a.out b.final >twopass &&
	test "$(count twopass)" -eq 1 &&
	! cmp -s one twopass
'

test_expect_success 'a signature file writes no records; a decision file a bit each' '
	ddedup --signatures ab.sig a b >out &&
	test ! -s out &&
	ddedup --decide ab.sig >out &&
	test ! -s out &&
	test "$(wc -c <ab.sig.keep)" -eq 37
'

test_expect_success 'a decision file of the same decisions is left as it is' '
	ddedup --signatures a.sig a &&
	ddedup --signatures b.sig b &&
	ddedup --decide a.sig b.sig &&
	touch -d "2001-02-03 04:05:06" a.sig.keep b.sig.keep &&
	cp a.sig.keep a.keep.before &&
	cp b.sig.keep b.keep.before &&
	ddedup --decide a.sig b.sig &&
	cmp a.keep.before a.sig.keep &&
	cmp b.keep.before b.sig.keep &&
	test "$(date -r b.sig.keep +%Y)" = 2001 &&
	test "$(date -r a.sig.keep +%Y)" = 2001 &&
	ddedup --decide b.sig a.sig &&
	test "$(date -r a.sig.keep +%Y)" != 2001 &&
	test "$(date -r b.sig.keep +%Y)" != 2001 &&
	! cmp -s b.keep.before b.sig.keep
'

# A signal while the signature file is written: ddedup reads from a FIFO
# kept open, so that it waits with the file half written.
for sig in INT:2 TERM:15 HUP:1; do
	num=${sig#*:} sig=${sig%:*}
	test_expect_success "SIG$sig leaves no temporary file" "
		rm -f fifo && mkfifo fifo || exit 1
		sigint_default \"\$BIN/ddedup\" --signatures int.sig <fifo &
		pid=\$! &&
		exec 9>fifo &&
		cat a b >&9 &&
		n=0 &&
		while ! ls int.sig.tmp.* >/dev/null 2>&1 && [ \$n -lt 100 ]; do
			sleep 0.05
			n=\$((n + 1))
		done &&
		ls int.sig.tmp.* >/dev/null &&
		kill -$sig \$pid &&
		{ wait \$pid; status=\$?; } &&
		exec 9>&- &&
		test \$status -eq $((128 + num)) &&
		! ls int.sig* 2>/dev/null
	"
done
exec 9>&-

# Records of 60 documents for the error cases: 20 texts in h1, each
# again (re-flowed) in h2 with 20 new ones.
i=0
while [ $i -lt 20 ]; do
	w="alpha$i bravo$i charlie$i delta$i echo$i foxtrot$i golf$i hotel$i"
	printf 'id: a:%d\n\n%s %s india%d.\0' $i "$w" "$w" $i >>h1
	[ $i -ge 5 ] || printf 'id: p:%d\n\n%s %s india%d\0' $i "$w" "$w" $i >>h1.5
	printf 'id: b:%d\n\n%s\n\n%s india%d\0' $i "$w" "$w" $i >>h2
	printf 'id: c:%d\n\nnew%d words%d here%d only%d once%d in%d all%d\0' \
	    $i $i $i $i $i $i $i $i >>h2
	i=$((i + 1))
done

# An index of A and the first 5 records of h1: B and those are dropped
# in near mode, those alone in exact mode.
while read -r mode kept; do
	test_expect_success "$mode: with --index, three passes keep what one run keeps" "
		rm -f one.idx three.idx &&
		cat a h1.5 | ddedup -m $mode --index one.idx >/dev/null &&
		cp one.idx three.idx &&
		cat h1 h2 b | ddedup -m $mode --index one.idx >one &&
		three_passes $mode '' '--index three.idx' h1 h2 b &&
		test \$(count one) -eq $kept &&
		cmp one sharded &&
		cmp one.idx three.idx
	"
done <<EOF
near 36
exact 37
EOF

test_expect_success 'exact: --min-repeats counts across shards' '
	cat h1 h2 h1 h2 | ddedup -m exact --min-repeats 2 >one &&
	cp h1 h3 && cp h2 h4 &&
	three_passes exact "--min-repeats 2" "" h1 h2 h3 h4 &&
	cmp one sharded
'

test_expect_success 'a decision file for fewer records is an error' '
	three_passes near "" "" h1 h2 &&
	test_expect_code 1 ddedup --keep h1.sig.keep h2 >out 2>err &&
	echo "ddedup: h1.sig.keep: decisions for 20 records, the input has more" >expect &&
	test_cmp expect err
'

test_expect_success 'a decision file for more records is an error' '
	test_expect_code 1 ddedup --keep h2.sig.keep h1 >out 2>err &&
	echo "ddedup: h2.sig.keep: decisions for 40 records, the input has 20" >expect &&
	test_cmp expect err
'

test_expect_success 'a decision file for other records is an error' '
	sed "s/id: a:/id: z:/g" h1 >z1 &&
	test_expect_code 1 ddedup --keep h1.sig.keep z1 >out 2>err &&
	echo "ddedup: h1.sig.keep: decisions for other records (their ids differ)" >expect &&
	test_cmp expect err
'

test_expect_success 'a corrupt decision file is an error, and no record is written' '
	cp h1.sig.keep bad.keep &&
	printf "\377" | dd of=bad.keep bs=1 seek=20 conv=notrunc 2>/dev/null &&
	test_expect_code 1 ddedup --keep bad.keep h1 >out 2>err &&
	echo "ddedup: bad.keep: corrupt decision file (checksum)" >expect &&
	test_cmp expect err &&
	test ! -s out &&
	head -c 30 h1.sig.keep >short.keep &&
	test_expect_code 1 ddedup --keep short.keep h1 >out 2>err &&
	echo "ddedup: short.keep: corrupt decision file (its size)" >expect &&
	test_cmp expect err &&
	test_expect_code 1 ddedup --keep h1.sig h1 >out 2>err &&
	echo "ddedup: h1.sig: not a ddedup decision file" >expect &&
	test_cmp expect err
'

test_expect_success 'a corrupt signature file is an error' '
	cp h1.sig bad.sig &&
	printf "X" | dd of=bad.sig bs=1 seek=70 conv=notrunc 2>/dev/null &&
	test_expect_code 1 ddedup --decide bad.sig >out 2>err &&
	echo "ddedup: bad.sig: corrupt signature file (checksum)" >expect &&
	test_cmp expect err &&
	test ! -e bad.sig.keep &&
	head -c 100 h1.sig >short.sig &&
	test_expect_code 1 ddedup --decide short.sig 2>err &&
	echo "ddedup: short.sig: truncated signature file" >expect &&
	test_cmp expect err &&
	test_expect_code 1 ddedup --decide h1.sig.keep 2>err &&
	echo "ddedup: h1.sig.keep: not a ddedup signature file" >expect &&
	test_cmp expect err &&
	test_expect_code 1 ddedup --decide h1.sig missing.sig 2>err &&
	echo "ddedup: missing.sig: No such file or directory" >expect &&
	test_cmp expect err
'

test_expect_success 'signatures of other settings are an error' '
	test_expect_code 1 ddedup -m exact --decide h1.sig 2>err &&
	echo "ddedup: h1.sig: signatures of near mode, 5-word shingles, threshold 0.8, containment 0.8, not exact mode, normalize 7, min-repeats 1" >expect &&
	test_cmp expect err &&
	test_expect_code 1 ddedup --threshold 0.85 --decide h1.sig 2>err &&
	echo "ddedup: h1.sig: signatures of near mode, 5-word shingles, threshold 0.8, containment 0.8, not near mode, 5-word shingles, threshold 0.85, containment 0.8" >expect &&
	test_cmp expect err &&
	ddedup -m exact --signatures x.sig h1 &&
	test_expect_code 1 ddedup -m exact --normalize none --decide x.sig 2>err &&
	echo "ddedup: x.sig: signatures of exact mode, normalize 7, min-repeats 1, not exact mode, normalize 0, min-repeats 1" >expect &&
	test_cmp expect err
'

test_expect_success 'an input with errors leaves no signature file' '
	test_expect_code 1 ddedup --signatures none.sig h1 missing >out 2>err &&
	printf "%s\n" "ddedup: missing: No such file or directory" \
	    "ddedup: none.sig: not written: the input had errors" >expect &&
	test_cmp expect err &&
	test ! -e none.sig &&
	test_expect_code 1 ddedup --signatures no/such/dir/x.sig h1 2>err &&
	echo "ddedup: no/such/dir/x.sig: No such file or directory" >expect &&
	test_cmp expect err
'

test_expect_success 'usage errors' '
	test_expect_code 2 ddedup --decide 2>err &&
	grep -qx "ddedup: --decide: no signature file named" err &&
	test_expect_code 2 ddedup --decide h1.sig h1.sig 2>err &&
	grep -qx "ddedup: --decide: h1.sig named twice" err &&
	test_expect_code 2 ddedup --mark --decide h1.sig 2>err &&
	grep -qx "ddedup: --mark: not with --signatures, --decide or --keep" err &&
	test_expect_code 2 ddedup --within-doc --signatures x.sig h1 2>err &&
	grep -qx "ddedup: --within-doc: not with --signatures, --decide or --keep" err &&
	test_expect_code 2 ddedup --index x.idx --keep h1.sig.keep h1 2>err &&
	grep -qx "ddedup: --index: with --decide, not --signatures or --keep" err &&
	test_expect_code 2 ddedup --decide --keep h1.sig.keep h1.sig 2>err &&
	grep -qx "ddedup: --signatures, --decide, --keep and --merge-index: one at a time" err
'

# Generated dumps, each shard's signatures made at the same time; shard
# 3 repeats the start of shard 1.
need_shared
mkdump() { python3 "$SHARED/bench/mkdump" --seed "$1" --size "$2"; }
mkdump 1 1M | dsplit >s1 &&
mkdump 2 1M | dsplit >s2 &&
{ mkdump 3 600K | dsplit && mkdump 1 400K | dsplit; } >s3 || exit 1

for mode in near exact; do
	test_expect_success "$mode: generated shards in parallel: the same records as one run" "
		cat s1 s2 s3 | ddedup -m $mode --stats >one 2>stats.one &&
		for s in s1 s2 s3; do
			ddedup -m $mode --signatures \$s.sig \$s &
		done &&
		wait &&
		ddedup -m $mode --stats --decide s1.sig s2.sig s3.sig \
		    2>stats.decide &&
		grep -E \"(records|duplicates|kept|words): \" stats.one >expect &&
		grep -E \"(records|duplicates|kept|words): \" stats.decide >actual &&
		test_cmp expect actual &&
		for s in s1 s2 s3; do
			ddedup --keep \$s.sig.keep \$s >\$s.out &
		done &&
		wait &&
		cat s1.out s2.out s3.out >sharded &&
		test \$(count one) -lt \$(( \$(count s1) + \$(count s2) + \$(count s3) )) &&
		test \$(count s3.out) -lt \$(count s3) &&
		cmp one sharded
	"
done
