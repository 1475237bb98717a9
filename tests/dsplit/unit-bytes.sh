# dsplit -u para and -u sent on lines that were cleaned (NUL bytes
# dropped, stray bytes, overlong forms, encoded surrogates and cut
# sequences replaced by U+FFFD): the bytes a unit states are its bytes in
# the source, so that those bytes, cleaned as dsplit cleans its input,
# are the unit's text.  The unit-bytes-* cases hold the exact output;
# here each range is taken out of the input with dd and cleaned by dsplit
# itself (--keep-chrome: the body of a document of one block is its
# text), for those cases (but unit-bytes-warc-made, whose HTML is not
# its text) and for a generated input long enough that the segmenter
# moves the source bytes it keeps.
. "$TESTS/lib.sh"

# units OUT PREFIX: "N FIRST LAST" for the N-th record of dsplit's output
# OUT, whose bytes are FIRST-LAST; its body goes to PREFIX.N.
units() {
	tr '\000' '\036' <"$1" | awk -v RS='\036' -v p="$2" '{
		i = index($0, "\n\n")
		if (!match(substr($0, 1, i), /\nbytes: [0-9]+-[0-9]+\n/))
			exit 1
		split(substr($0, RSTART + 8, RLENGTH - 9), b, "-")
		f = p "." NR
		printf "%s", substr($0, i + 2) >f
		close(f)
		print NR, b[1], b[2]
	}'
}

# check_ranges SOURCE OUT [HEAD TAIL]: for each unit of OUT (or its
# first HEAD and last TAIL), the bytes of SOURCE at its range, cleaned,
# are its text.
check_ranges() {
	if ! units "$2" unit >list || ! [ -s list ]; then
		echo "    $2: no units, or one without bytes"
		return 1
	fi
	if [ $# -gt 2 ]; then
		awk -v h="$3" -v t="$4" -v n="$(wc -l <list)" \
		    'NR <= h || NR > n - t' list >pick && mv pick list
	fi
	bad=0
	while read -r n first last; do
		dd if="$1" of=src bs=1 skip=$((first - 1)) \
		    count=$((last - first + 1)) 2>/dev/null &&
		dsplit --keep-chrome src >doc &&
		units doc clean >/dev/null || { bad=1; continue; }
		cmp -s clean.1 "unit.$n" && continue
		echo "    unit $n, bytes $first-$last:"
		od -c src | sed 's/^/      /'
		bad=1
	done <list
	return $bad
}

for name in para sent wrapped crlf lines records-sent records-para warc; do
	in=$TESTS/dsplit/unit-bytes-$name.in
	args=$(cat "$TESTS/dsplit/unit-bytes-$name.args")
	test_expect_success "unit-bytes-$name ($args): the units' bytes" "
		dsplit $args <'$in' >out &&
		check_ranges '$in' out
	"
done

# Two documents of 300 lines of about 1 KB, each line cleaned: the second
# starts once the first (more than 256 KB of source bytes kept) is
# written, and the source bytes of the lines read past it are moved.
awk 'BEGIN {
	for (d = 1; d <= 2; d++) {
		if (d == 2)
			print "=====\n"
		printf "Title of document number %d\n\n", d
		for (i = 1; i <= 300; i++) {
			printf "Line %d has a stray ^ byte. The next one", i
			for (k = 0; k < 30; k++)
				printf " runs {} on, with ~ and @@ in it"
			printf ". End @of line %d.@\n", i
		}
	}
}' | tr '@^{}~' '\000\377\300\257\355' >big.txt

test_expect_success 'a long input: -u sent, before and after the move' '
	dsplit -u sent big.txt >out &&
	check_ranges big.txt out 30 60
'

test_expect_success 'a long input: -u para, before and after the move' '
	dsplit -u para big.txt >out &&
	check_ranges big.txt out 20 40
'
