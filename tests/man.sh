# The manual pages: clean under mandoc -Tlint, and each SYNOPSIS the same
# text as the program's --help.
. "$TESTS/lib.sh"

man=$TESTS/../man

# mandoc looks for the pages that .Xr names in the base system only;
# ours are installed together, so a reference to one of them is fine.
ours='referenced manual not found: Xr (dsplit|ddedup|dtag|djson) 1'
ours="$ours|referenced manual not found: Xr dstream 5"

for page in "$man"/*.1 "$man"/*.5; do
	test_expect_success "mandoc -Tlint ${page##*/}" "
		mandoc -Tlint '$page' 2>&1 | grep -Ev '$ours' >lint
		test_cmp /dev/null lint
	"
done

# SYNOPSIS as mandoc renders it, on one line.
synopsis() {
	mandoc -Tascii "$man/$1.1" | col -bx |
	    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' |
	    tr -s ' \n' '  ' | sed 's/^ //; s/ $//'
}

for p in dsplit ddedup dtag djson; do
	test_expect_success "$p --help matches the SYNOPSIS of $p.1" "
		synopsis $p >want &&
		\"\$BIN/$p\" --help | sed 's/^usage: //' |
		    tr -s ' \n' '  ' | sed 's/^ //; s/ \$//' >got &&
		echo >>want && echo >>got &&
		test_cmp want got
	"
done
