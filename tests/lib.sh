# tests/lib.sh: helpers for shell tests, sourced by tests/*.sh and
# tests/PROG/*.sh.  Each check prints "ok DESCRIPTION" or "FAIL ...".
#
#   test_expect_success DESC 'commands'   the commands succeed
#   test_cmp EXPECT ACTUAL                 files equal, else a diff
#   test_expect_code N command ...         command exits with status N
#   test_must_fail command ...             exits 1..125, not by a signal
#   need_shared                            skip the script without ../shared
#
# dsplit, ddedup, dtag and djson run the programs under test (under
# valgrind when VALGRIND=1).  Each script runs in its own empty folder.

LC_ALL=C
export LC_ALL
script=${0##*/}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/t.XXXXXX") || exit 2
trap 'cd / && rm -rf "$WORK"' EXIT
cd "$WORK" || exit 2

if [ "${VALGRIND:-}" = 1 ]; then
	VG="valgrind -q --error-exitcode=99 --leak-check=full"
	VG="$VG --errors-for-leak-kinds=definite --show-leak-kinds=definite"
else
	VG=
fi
dsplit() { $VG "$BIN/dsplit" "$@"; }
ddedup() { $VG "$BIN/ddedup" "$@"; }
dtag() { $VG "$BIN/dtag" "$@"; }
djson() { $VG "$BIN/djson" "$@"; }

test_cmp() {
	if cmp -s "$1" "$2"; then
		return 0
	fi
	echo "    files differ (- $1, + $2):"
	diff -u "$1" "$2" | sed -n '3,30s/^/    /p'
	return 1
}

test_expect_code() {
	want=$1
	shift
	"$@"
	got=$?
	[ "$got" = "$want" ] && return 0
	echo "    exit status: expected $want, got $got: $*"
	return 1
}

test_must_fail() {
	"$@"
	got=$?
	[ "$got" -ge 1 ] && [ "$got" -le 125 ] && return 0
	echo "    expected failure, got status $got: $*"
	return 1
}

test_expect_success() {
	desc=$1
	log=$WORK/.log
	(eval "$2") >"$log" 2>&1
	status=$?
	if [ "$status" = 0 ]; then
		echo "ok $script: $desc"
	else
		echo "FAIL $script: $desc"
		sed 's/^/    /' "$log" | head -40
	fi
}

need_shared() {
	if [ ! -d "$SHARED/corpus" ]; then
		echo "skip $script: $SHARED not found"
		exit 0
	fi
}

# sigint_default COMMAND [ARG...]: exec COMMAND with SIGINT as a terminal
# leaves it (a command started with & has it ignored), in a process group
# of its own, so that kill -INT reaches it as Ctrl-C would.
sigint_default() {
	exec python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.setpgid(0, 0)
os.execvp(sys.argv[1], sys.argv[1:])' "$@"
}
