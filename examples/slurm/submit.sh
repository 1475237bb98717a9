#!/bin/sh
# examples/slurm/submit.sh: the data job of examples/Makefile on a Slurm
# cluster, from raw dumps RAW/*.txt.gz to OUT/corpus.jsonl.gz, with the
# same files in OUT, in four jobs, each run once the one before it has
# succeeded (afterok; a failed one cancels those after it):
#
#   shards.sbatch   an array, a task a dump      OUT/NAME.rec, OUT/NAME.sig
#   decide.sbatch   once, for all the dumps      OUT/NAME.sig.keep
#   keep.sbatch     an array, a task a dump      OUT/NAME.jsonl.gz
#   corpus.sbatch   once                         OUT/corpus.jsonl.gz
#
# Run it where the data is, on a file system the nodes share (the jobs
# run in this folder; records' ids name the dumps as RAW/NAME.txt.gz):
#
#     examples/slurm/submit.sh RAW OUT [SBATCH-OPTION...]
#
# It writes OUT/dumps, the dumps in LC_ALL=C order (array task I takes
# line I+1), submits the jobs with the options given (all four), and
# prints their ids.  The jobs' logs go to OUT/logs.  Variables:
#   BIN        the folder of dsplit, dtag, ddedup and djson (default: PATH)
#   SPLIT, TAG, DEDUP   options for dsplit, dtag, and ddedup's signatures
#              and decisions (-m exact, --threshold 0.9, ...)
#   COMPRESS   the compressor of OUT/NAME.jsonl.gz (default: gzip -1)
#   CPUS       CPUs for each array task (--cpus-per-task; default 1); each
#              program runs with --threads SLURM_CPUS_PER_TASK
#   THROTTLE   at most this many array tasks at once (--array=...%N)
# and sbatch's own, such as SBATCH_PARTITION, SBATCH_ACCOUNT,
# SBATCH_TIMELIMIT, SBATCH_QOS.  A cluster's MaxArraySize (1001 by
# default) bounds the number of dumps.
set -eu

if [ $# -lt 2 ]; then
	echo "usage: submit.sh RAW OUT [SBATCH-OPTION...]" >&2
	exit 2
fi
raw=${1%/} out=${2%/}
shift 2
here=$(cd "$(dirname "$0")" && pwd)

mkdir -p "$out/logs"
printf '%s\n' "$raw"/*.txt.gz | LC_ALL=C sort >"$out/dumps.tmp"
if [ ! -e "$(head -n 1 "$out/dumps.tmp")" ]; then
	rm -f "$out/dumps.tmp"
	echo "submit.sh: no dumps $raw/*.txt.gz" >&2
	exit 1
fi
mv "$out/dumps.tmp" "$out/dumps"
n=$(wc -l <"$out/dumps")

export BIN SPLIT TAG DEDUP COMPRESS
ids=
# submit OPTION... SCRIPT: sbatch it, its job id in $id; if sbatch fails,
# cancel the jobs submitted before and exit
submit() {
	id=$(sbatch --parsable --export=ALL "$@") || {
		# shellcheck disable=SC2086
		[ -z "$ids" ] || scancel $ids
		echo "submit.sh: sbatch failed${ids:+; cancelled$ids}" >&2
		exit 1
	}
	id=${id%%;*}
	ids="$ids $id"
}
array="--array=0-$((n - 1))${THROTTLE:+%$THROTTLE}"
cpus=${CPUS:+--cpus-per-task=$CPUS}
after="--kill-on-invalid-dep=yes --dependency=afterok"
tasklog="--output=$out/logs/%x-%A_%a.out"
joblog="--output=$out/logs/%x-%j.out"

# shellcheck disable=SC2086
{
	submit $array $cpus "$tasklog" "$@" "$here/shards.sbatch" "$out"
	shards=$id
	submit $after:$shards "$joblog" "$@" "$here/decide.sbatch" "$out"
	decide=$id
	submit $array $cpus $after:$decide "$tasklog" "$@" \
	    "$here/keep.sbatch" "$out"
	keep=$id
	submit $after:$keep "$joblog" "$@" "$here/corpus.sbatch" "$out"
	corpus=$id
}

echo "submitted $n dumps:"
echo "  $shards  shards: dsplit | dtag, ddedup --signatures (array 0-$((n - 1)))"
echo "  $decide  decide: ddedup --decide, after $shards"
echo "  $keep  keep: ddedup --keep | djson (array 0-$((n - 1))), after $decide"
echo "  $corpus  corpus: $out/corpus.jsonl.gz, after $keep"
echo "watch them with: squeue -j $shards,$decide,$keep,$corpus"
echo "logs: $out/logs/"
