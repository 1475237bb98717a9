# make install puts the programs and the manual pages under
# DESTDIR/PREFIX, and the installed programs run.
. "$TESTS/lib.sh"

top=$TESTS/..
test_expect_success 'make install PREFIX DESTDIR' '
	env -u MAKEFLAGS -u MAKELEVEL make -s -C "$top" install \
	    PREFIX=/opt/dt DESTDIR="$WORK/root" >log 2>&1 ||
	    { cat log; exit 1; }
	for p in dsplit ddedup dtag djson; do
		test -x root/opt/dt/bin/$p || { echo "no bin/$p"; exit 1; }
		test -f root/opt/dt/share/man/man1/$p.1 ||
		    { echo "no $p.1"; exit 1; }
	done
	test -f root/opt/dt/share/man/man5/dstream.5
'
test_expect_success 'the installed programs run' '
	root/opt/dt/bin/djson --version >got &&
	echo "djson 0.1.0" >want &&
	test_cmp want got
'
