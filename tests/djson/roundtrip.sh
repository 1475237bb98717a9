# djson | djson -d gives back the same bytes for records whose repeated
# keys are adjacent, whatever the values hold; and djson -d | djson gives
# back the same JSON that djson wrote.
. "$TESTS/lib.sh"

# roundtrip FILE [OPTIONS]: djson OPTIONS FILE | djson -d OPTIONS == FILE
roundtrip() {
	f=$1
	shift
	djson "$@" "$f" >"$f.json" &&
	djson -d "$@" "$f.json" >"$f.back" || return 1
	cmp -s "$f" "$f.back" && return 0
	echo "    records differ (- $f, + back; NUL shown as ^@):"
	cat -v "$f" >"$f.v"
	cat -v "$f.back" >"$f.back.v"
	diff -u "$f.v" "$f.back.v" | sed -n "3,30s/^/    /p"
	return 1
}

test_expect_success 'standard keys of every kind come back the same' '
	printf "id: 000_8b8542b3490ff64e.txt:2\nsource: 000_8b8542b3490ff64e.txt\nlines: 23-32\nbytes: 1-27194\ntitle: Pakistan and China\nunit: doc\nparent: 000_8b8542b3490ff64e.txt:1\nchrome: Home > News\nchrome: Follow us\nbyline: Staff reporter\ndup_of: x:1\nsimilarity: 0.85\ndate: 2024-01-21\nplace: Beijing\nperson: Wang Yi\nperson: Ishaq Dar\norg: UN\ncountry: China\ncountry: Pakistan\ntopic: trade\nlang: en\nwords: 123\nsentences: 7\nchars: 0\n\nPakistan and China deepen cooperation\nThe Second Meeting\0" >std &&
	roundtrip std
'

test_expect_success 'numbers, canonical or not, come back the same' '
	printf "id: a\nwords: 12\nsentences: -3\nchars: 123456789012345678\nsimilarity: 0.12345678901234\n\nb\0id: b\nwords: 012\nsentences: -0\nchars: 1234567890123456789\nsimilarity: 0.850\n\nb\0id: c\nwords: 1e3\nsentences: .5\nchars: 5.\nsimilarity: 0.123456789012345\n\nb\0id: d\nwords: \nsentences:  7\nchars: +7\nsimilarity: 1.5\n\nb\0id: e\nsimilarity: 0.5\nsimilarity: 1\nwords: 3\nwords: three\n\nb\0" >numbers &&
	roundtrip numbers
'

test_expect_success 'ranges, canonical or not, come back the same' '
	printf "id: a\nlines: 23-32\nbytes: 0-0\n\nb\0id: b\nlines: 5\nbytes: 03-4\n\nb\0id: c\nlines: 1-2-3\nbytes: a-b\n\nb\0id: d\nlines: -\nbytes: -1-5\n\nb\0id: e\nlines: 1-\nbytes: \n\nb\0" >ranges &&
	roundtrip ranges
'

test_expect_success 'escapes, control characters and Unicode come back the same' '
	printf "id: a\\\\tb\ntitle: tab\\\\there\nnote: line\\\\nbreak \\\\\\\\ back\nquote: say \"hi\"\nuni: caf\303\251 \344\270\255 \360\237\230\200 \342\200\250\n\nquote \"q\" back\\\\slash\ttab\r cr\n\001\037\010\014\177 end\n\n\0id: b\n\n\0id: c\nempty: \nlist: one\nlist: two\nlist: three\n\n\n\nblank lines\n\n\0" >escapes &&
	roundtrip escapes
'

test_expect_success 'a header called text comes back with --text-field' '
	printf "id: a\ntext: a header\n\nthe body\0" >textkey &&
	roundtrip textkey --text-field body
'

test_expect_success 'djson -d | djson gives back the same JSON' '
	cat std numbers ranges escapes >all &&
	djson all >all.json &&
	djson -d all.json | djson >again.json &&
	test_cmp all.json again.json
'

test_expect_success 'a record from dsplit comes back the same' '
	printf "Title line\n\n\tIndented \"quoted\" \\\\ text \377 and NUL\0 here\r\n" \
	    >raw.txt &&
	dsplit raw.txt >split &&
	roundtrip split
'

# A decimal below 0.0001 is written without an exponent both ways.
test_expect_success 'small decimals come back the same' '
	printf "id: a\nsimilarity: 0.00001\n\nb\0id: b\nsimilarity: 0.00005\nchars: -0.000012\n\nb\0" >small &&
	roundtrip small
'

# Two adjacent lines (or bytes) headers become an array of ranges,
# [[1,2],[3,4]], which djson -d writes back as two ranges.
test_expect_success 'repeated ranges come back the same' '
	printf "id: a\nlines: 1-2\nlines: 3-4\nbytes: 10-20\nbytes: 30-40\n\nb\0" \
	    >ranges2 &&
	roundtrip ranges2
'

# A member whose mapped name is id or the text field becomes orig_NAME:
# no second id header, no header that clashes with the text field.
test_expect_success 'djson -d makes no second id header from a member "ID"' '
	printf "{\"id\":\"a\",\"ID\":\"b\",\"text\":\"t\"}\n" >id.json &&
	djson -d id.json >id.rec &&
	grep -ac "^id: " id.rec >count &&
	echo 1 >expect &&
	test_cmp expect count || { cat -v id.rec; echo; false; }
'

test_expect_success 'djson -d | djson accepts a member "Text"' '
	printf "{\"id\":\"a\",\"Text\":\"b\",\"text\":\"t\"}\n" >text.json &&
	djson -d text.json >text.rec &&
	djson text.rec >text.back
'
