#!/usr/bin/env bash
# examples/parallel.sh: the data job of examples/Makefile, under GNU parallel.
#
#     examples/parallel.sh [-j jobs] RAW OUT
#
# From the raw dumps RAW/*.txt.gz, in the order of their names (as
# LC_ALL=C sorts them), it writes the same files as examples/Makefile:
#
#   1. OUT/NAME.rec, OUT/NAME.sig     dsplit | dtag, ddedup --signatures
#                                     (-j jobs at once, one a dump)
#   2. OUT/NAME.sig.keep              ddedup --decide, once for all
#   3. OUT/NAME.jsonl.gz              ddedup --keep | djson | gzip -1
#                                     (-j jobs at once, one a dump)
#   4. OUT/corpus.jsonl.gz            the OUT/NAME.jsonl.gz joined
#
# The corpus is, record for record, what dsplit RAW/*.txt.gz | dtag |
# ddedup | djson gives, gzipped.  Every step is made again on each run.
# A failing stage of a job fails it; then the other jobs are killed, and
# the script fails with no corpus.  Nothing half written is left behind,
# on a failure or an interruption.  -j defaults to the number of
# processors.  Needs bash 4.4 (on the hosts below too) and GNU parallel
# (not the parallel of moreutils).
#
# The variables, as in examples/Makefile: BIN (the folder of dsplit, dtag,
# ddedup and djson; empty: those on PATH), THREADS (for each program of a
# job, default 1; empty: the programs' default), SPLIT, TAG and DEDUP (the
# options of dsplit, dtag and ddedup --signatures and --decide), COMPRESS
# (default gzip -1):
#
#     DEDUP='-m exact' examples/parallel.sh -j 8 raw out
#
# Steps 1 and 3 can run on several machines that see RAW, OUT and BIN at
# the same paths (a shared file system), the decisions being made here:
# SSHLOGIN is given to parallel as --sshlogin, with --workdir . (":" is
# this machine; "8/" runs 8 jobs on a host instead of -j):
#
#     SSHLOGIN=8/host1,8/host2,: BIN=$PWD/bin examples/parallel.sh raw out
#
# DTAG_DATA, when set (exported), goes with the jobs to the other hosts.
#
# For a file of hosts, give parallel its options in $PARALLEL:
#
#     PARALLEL='--sshloginfile hosts --workdir .' examples/parallel.sh raw out
set -euo pipefail

me=${0##*/}
usage() {
	echo "usage: $me [-j jobs] RAW OUT" >&2
	exit 2
}

# What is half written when the script stops: a job's temporaries (a job
# killed before its trap ran, or a ddedup killed, leaves its
# FILE.tmp.XXXXXX), the decisions' and the corpus's.
names=()
cleanup() {
	local n
	for n in "${names[@]}"; do
		rm -f "$OUT/$n.rec.tmp" "$OUT/$n.sig".tmp.* \
		    "$OUT/$n.sig.keep".tmp.* "$OUT/$n.jsonl.gz.tmp"
	done
	((${#names[@]} == 0)) || rm -f "$OUT/corpus.jsonl.gz.tmp"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

jobs=$(nproc)
while getopts :j: opt; do
	case $opt in
	j) jobs=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[[ $# == 2 && -n $1 && -n $2 && $jobs =~ ^[1-9][0-9]*$ ]] || usage
RAW=$1 OUT=$2
[[ $RAW == / ]] || RAW=${RAW%/}
[[ $OUT == / ]] || OUT=${OUT%/}

version=$(parallel --version </dev/null 2>/dev/null) || true
if [[ $version != "GNU parallel"* ]]; then
	echo "$me: needs GNU parallel (https://www.gnu.org/software/parallel/);" \
	    "parallel on PATH is not it, or there is none" >&2
	exit 1
fi

bin=${BIN:+${BIN%/}/}
threads=()
[[ -z ${THREADS-1} ]] || threads=(--threads "${THREADS-1}")
read -ra split <<<"${SPLIT-}"
read -ra tag <<<"${TAG-}"
read -ra dedup <<<"${DEDUP-}"
read -ra compress <<<"${COMPRESS:-gzip -1}"

# The dumps' NAMEs, in LC_ALL=C order.
shopt -s nullglob
mapfile -d '' names < <(
	LC_ALL=C
	for f in "$RAW"/*.txt.gz; do
		f=${f##*/}
		printf '%s\0' "${f%.txt.gz}"
	done
)
if ((${#names[@]} == 0)); then
	echo "$me: no dumps $RAW/*.txt.gz" >&2
	exit 1
fi

mkdir -p -- "$OUT"

# Run a job for each dump: bash (whatever shell parallel uses, and on
# every host: --env) runs $JOB, the settings above and the script $1,
# with the dump's NAME as $1.  A local job watches parallel, which may
# miss a job it starts as it is interrupted, and stops when it is gone;
# leave FILE... stops the watch and removes the FILEs.
settings=$(
	declare -p bin threads split tag dedup compress RAW OUT
	cat <<'EOF'
set -euo pipefail
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
watch=
if [[ ${PARALLEL_SSHLOGIN-} == : ]]; then
	{ while kill -0 "$PARALLEL_PID"; do sleep 0.2; done
	  kill -TERM 0; } >/dev/null 2>&1 &
	watch=$!
fi
leave() { [[ -z $watch ]] || kill "$watch" 2>/dev/null || true; rm -f "$@"; }
EOF
)
each() {
	local opts=(--jobs "$jobs" --halt "now,fail=1" --env JOB)
	[[ -z ${SSHLOGIN-} ]] || opts+=(--sshlogin "$SSHLOGIN" --workdir .)
	# where dtag finds its shipped files, on the other hosts too
	[[ -z ${DTAG_DATA-} ]] || opts+=(--env DTAG_DATA)
	local JOB=$settings$'\n'$1
	export JOB
	# shellcheck disable=SC2016
	printf '%s\0' "${names[@]}" |
	    parallel "${opts[@]}" -0 -q bash -c 'eval "$JOB"' "$me" {}
}

each "$(cat <<'EOF'
	rec=$OUT/$1.rec sig=$OUT/$1.sig
	trap 'leave "$rec.tmp" "$sig".tmp.*' EXIT
	"${bin}dsplit" "${threads[@]}" "${split[@]}" "$RAW/$1.txt.gz" |
	    "${bin}dtag" "${threads[@]}" "${tag[@]}" >"$rec.tmp"
	mv "$rec.tmp" "$rec"
	"${bin}ddedup" "${threads[@]}" "${dedup[@]}" --signatures "$sig" "$rec"
EOF
)"

sigs=()
for n in "${names[@]}"; do
	sigs+=("$OUT/$n.sig")
done
"${bin}ddedup" "${dedup[@]}" --decide "${sigs[@]}"

each "$(cat <<'EOF'
	json=$OUT/$1.jsonl.gz
	trap 'leave "$json.tmp"' EXIT
	"${bin}ddedup" "${threads[@]}" --keep "$OUT/$1.sig.keep" "$OUT/$1.rec" |
	    "${bin}djson" "${threads[@]}" | "${compress[@]}" >"$json.tmp"
	mv "$json.tmp" "$json"
EOF
)"

jsons=()
for n in "${names[@]}"; do
	jsons+=("$OUT/$n.jsonl.gz")
done
cat "${jsons[@]}" >"$OUT/corpus.jsonl.gz.tmp"
mv "$OUT/corpus.jsonl.gz.tmp" "$OUT/corpus.jsonl.gz"
