# A pathological regex on a long document ends in bounded time: the match
# stops at the limit, is counted, and reported once; the rest of the
# rules and records are tagged.
. "$TESTS/lib.sh"

printf 'x $1 /(a+)+$/\ny yes /^ok$/m\n' >bad.rules
{
	printf 'id: long\n\n'
	for i in 1 2 3 4 5 6 7 8; do
		head -c 1000000 /dev/zero | tr "\0" a
		printf '!\nok\n'
	done
	printf '\0id: short\n\nok\n\0'
} >long.rec

test_expect_success 'a pathological regex stops at its limit, counted' '
	timeout 120 "$BIN/dtag" --no-defaults --stats -r bad.rules long.rec \
	    >out 2>err &&
	grep -x "dtag: bad.rules:1: a regex stopped at its match limit in record long; its matches there may be missing" err &&
	grep -x "dtag: regexes stopped at the match limit: 1" err &&
	test "$(grep -c "match limit in record" err)" -eq 1
'

test_expect_success 'the other rules still tag every record' '
	tr "\0" "\n" <out | grep -c "^y: yes$" >got &&
	echo 2 >want &&
	test_cmp want got
'
