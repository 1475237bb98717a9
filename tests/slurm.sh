# examples/slurm on a one-node Slurm cluster started in the test's folder:
# submit.sh's job array and the jobs after it give the corpus one
# pipeline gives, each program with --threads the CPUs of its task; a
# failing stage fails its task, leaves no corpus and no temporary file,
# and the jobs after it never run; submit.sh fails when sbatch does.
# Skipped without Slurm (tools/deps slurm), without root, or when its
# daemons do not come up.
. "$TESTS/lib.sh"

need_shared
skip() {
	echo "skip $script: $*"
	exit 0
}
for c in slurmctld slurmd sbatch squeue scontrol scancel sinfo; do
	command -v $c >/dev/null 2>&1 ||
		skip "no $c (tools/deps slurm installs Slurm)"
done
[ "$(id -u)" = 0 ] || skip "slurmd runs jobs as root only"

# Nothing of a Slurm job or settings this test may run under.
# shellcheck disable=SC2046
unset $(env | sed -n 's/^\(S\(BATCH\|LURM\)_[A-Za-z0-9_]*\)=.*/\1/p')

# The cluster: one node, localhost, with this machine's CPUs, on two free
# ports, no authentication (auth/none, Slurm before 23.11), no accounting,
# every file in slurm/.
mkdir slurm
SLURM_CONF=$WORK/slurm/slurm.conf
export SLURM_CONF
ncpu=$(nproc)
ports=$(python3 -c 'import socket
s = [socket.socket() for i in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])') || skip "no free port"
cat >"$SLURM_CONF" <<EOF
ClusterName=dtest
SlurmctldHost=localhost
SlurmctldPort=${ports% *}
SlurmdPort=${ports#* }
SlurmUser=root
AuthType=auth/none
CredType=cred/none
StateSaveLocation=$WORK/slurm/state
SlurmdSpoolDir=$WORK/slurm/spool
SlurmctldPidFile=$WORK/slurm/slurmctld.pid
SlurmdPidFile=$WORK/slurm/slurmd.pid
SlurmctldLogFile=$WORK/slurm/slurmctld.log
SlurmdLogFile=$WORK/slurm/slurmd.log
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
MinJobAge=86400
SchedulerParameters=batch_sched_delay=0
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$ncpu State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF

# Give up on a job, or a daemon to come up, after this many seconds.
timeout=${SLURM_TEST_TIMEOUT:-120}

ctld='' slurmd=''
# the job steps of this cluster: each slurmstepd holds slurmd's log open
stepds() {
	for fd in /proc/[0-9]*/fd/*; do
		[ "$(readlink "$fd" 2>/dev/null)" = "$WORK/slurm/slurmd.log" ] &&
			{ p=${fd#/proc/}; echo "${p%%/*}"; }
	done | sort -u | grep -vx "${slurmd:-0}"
}
# the process PID runs (is not gone, nor a zombie)
alive() {
	[ -e "/proc/$1" ] &&
	    ! grep -q '^[0-9]* (.*) Z ' "/proc/$1/stat" 2>/dev/null
}
# until no process of PIDS runs, or N seconds: wait_gone N PID...
wait_gone() {
	n=$1
	shift
	while :; do
		up=
		for p; do alive "$p" && up=$p; done
		[ -n "$up" ] || return 0
		[ "$n" -gt 0 ] || return 1
		sleep 1
		n=$((n - 1))
	done
}
# Cancel the jobs left, let their steps end, then stop the daemons; kill
# whatever does not go.
stop_slurm() {
	[ -n "$ctld$slurmd" ] || return 0
	scancel --user="$(id -un)" 2>/dev/null
	# shellcheck disable=SC2046
	wait_gone 30 $(stepds)
	# shellcheck disable=SC2086
	kill $slurmd $ctld 2>/dev/null
	# shellcheck disable=SC2086
	wait_gone 30 $slurmd $ctld || kill -9 $slurmd $ctld 2>/dev/null
	left=$(stepds)
	# shellcheck disable=SC2086
	[ -z "$left" ] || kill -9 $left 2>/dev/null
	wait
	ctld='' slurmd=''
}
trap 'stop_slurm; cd / && rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

slurmctld -D -f "$SLURM_CONF" >slurm/slurmctld.out 2>&1 &
ctld=$!
slurmd -D -N localhost -f "$SLURM_CONF" >slurm/slurmd.out 2>&1 &
slurmd=$!
i=0
until [ "$(sinfo -h -n localhost -o %t 2>/dev/null)" = idle ]; do
	if [ $i -ge "$timeout" ] || ! kill -0 $ctld $slurmd 2>/dev/null; then
		echo "skip $script: the Slurm daemons did not come up:"
		tail -n 5 slurm/slurmctld.out slurm/slurmd.out | sed 's/^/    /'
		exit 0
	fi
	sleep 1
	i=$((i + 1))
done

submit() { sh "$TESTS/../examples/slurm/submit.sh" "$@"; }
# the ids of the jobs submit.sh printed to FILE: $ids, all of them
# comma-separated, and $shards, $decide, $keep and $corpus
read_ids() {
	ids=$(sed -n 's/^watch them with: squeue -j \([0-9,]*\)$/\1/p' "$1")
	IFS=, read -r shards decide keep corpus <<-EOF
	$ids
	EOF
	[ -n "$corpus" ]
}
# until every job of IDS (comma-separated) ran or can never run; 1 if
# some still waits or runs after $timeout seconds
wait_jobs() {
	i=0
	while :; do
		s=$(squeue -h -t all -j "$1" -o '%T %r') || return 1
		echo "$s" | grep -v ' DependencyNeverSatisfied$' | grep -q -E \
		    '^(PENDING|CONFIGURING|RUNNING|COMPLETING|SUSPENDED|REQUEUED|RESIZING|SIGNALING|STAGE_OUT)' ||
			return 0
		if [ $i -ge "$timeout" ]; then
			echo "    jobs still waiting or running after ${timeout}s:"
			echo "$s" | sed 's/^/    /'
			return 1
		fi
		sleep 1
		i=$((i + 1))
	done
}
# the state of a job, or of each task of an array, "TASK STATE", a line
# each, in the order of the tasks
states() {
	scontrol -o show job "$1" | sed -e \
	    's/.* ArrayTaskId=\([^ ]*\) .* JobState=\([^ ]*\) .*/\1 \2/' -e \
	    's/^JobId=.* JobState=\([^ ]*\) .*/\1/' | sort -n
}
# the job ID, every task of it, never ran: cancelled, or waiting for a
# dependency never satisfied (then cancelled now); and it left no log
never_ran() {
	scontrol -o show job "$1" >job || return 1
	if grep -v -e ' JobState=CANCELLED ' -e \
	    ' JobState=PENDING Reason=DependencyNeverSatisfied ' job; then
		echo "    job $1 ran, or may"
		return 1
	fi
	scancel "$1"
	! ls "$2"/logs/*-"$1"[._]* 2>/dev/null
}
. "$TESTS/jobs.lib"

# The programs, each call of them written to the file calls.
mkdir logged
for p in dsplit dtag ddedup djson; do
	printf '#!/bin/sh\necho "%s $*" >>"%s/calls"\nexec "%s/%s" "$@"\n' \
	    $p "$WORK" "$BIN" $p >logged/$p
	chmod +x logged/$p
done

test_expect_success 'submit.sh: an array of shards, then the corpus one pipeline gives' '
	BIN=$WORK/logged CPUS=$ncpu THROTTLE=2 submit raw out >submitted &&
	cat submitted &&
	read_ids submitted &&
	wait_jobs "$ids" &&
	printf "%s COMPLETED\n" 0 1 2 >expect &&
	states "$shards" >actual &&
	test_cmp expect actual &&
	scontrol -o show job "$shards" | grep -c " ArrayJobId=$shards " >n &&
	echo 3 >expect &&
	test_cmp expect n &&
	printf "%s COMPLETED\n" 0 1 2 >expect &&
	states "$keep" >actual &&
	test_cmp expect actual &&
	echo COMPLETED >expect &&
	states "$decide" >actual &&
	test_cmp expect actual &&
	states "$corpus" >actual &&
	test_cmp expect actual &&
	for s in a b c; do
		printf "%s\n" $s.jsonl.gz $s.rec $s.sig $s.sig.keep
	done >expect &&
	printf "%s\n" corpus.jsonl.gz dumps logs >>expect &&
	sort expect -o expect &&
	files out >actual &&
	test_cmp expect actual &&
	printf "raw/%s.txt.gz\n" a b c >expect &&
	test_cmp expect out/dumps &&
	same_corpus &&
	test "$(wc -l <actual)" -lt "$(dsplit raw/*.txt.gz | tr -cd "\000" | wc -c)"
'

test_expect_success 'each program ran with --threads the CPUs of its task' '
	t="--threads $ncpu" &&
	for s in a b c; do
		echo "dsplit $t raw/$s.txt.gz"
		echo "dtag $t"
		echo "ddedup $t --signatures out/$s.sig out/$s.rec"
		echo "ddedup $t --keep out/$s.sig.keep out/$s.rec"
		echo "djson $t"
	done >expect &&
	echo "ddedup --threads 1 --decide out/a.sig out/b.sig out/c.sig" >>expect &&
	sort expect -o expect &&
	sort calls >actual &&
	test_cmp expect actual
'

test_expect_success 'a cut gzip dump fails its task; no corpus, no .tmp, no job after' '
	BIN=$BIN submit cut cut.out >submitted &&
	read_ids submitted &&
	wait_jobs "$ids" &&
	printf "0 COMPLETED\n1 FAILED\n" >expect &&
	states "$shards" >actual &&
	test_cmp expect actual &&
	grep "dsplit: cut/b\.txt\.gz: unexpected end of gzip data" \
	    "cut.out/logs/shards-${shards}_1.out" &&
	never_ran "$decide" cut.out &&
	never_ran "$keep" cut.out &&
	never_ran "$corpus" cut.out &&
	printf "%s\n" a.rec a.sig dumps logs >expect &&
	files cut.out >actual &&
	test_cmp expect actual
'

test_expect_success 'a failing dtag fails every task; no shard, no .tmp, no job after' '
	BIN=$WORK/fail submit raw fail.out >submitted &&
	read_ids submitted &&
	wait_jobs "$ids" &&
	printf "%s FAILED\n" 0 1 2 >expect &&
	states "$shards" >actual &&
	test_cmp expect actual &&
	never_ran "$decide" fail.out &&
	never_ran "$keep" fail.out &&
	never_ran "$corpus" fail.out &&
	printf "%s\n" dumps logs >expect &&
	files fail.out >actual &&
	test_cmp expect actual
'

# sbatch, refusing decide.sbatch
mkdir refuse
printf '#!/bin/sh\ncase "$*" in *decide.sbatch*) exit 1 ;; esac\nexec "%s" "$@"\n' \
    "$(command -v sbatch)" >refuse/sbatch
chmod +x refuse/sbatch

test_expect_success 'submit.sh fails without dumps, or when sbatch does' '
	mkdir empty &&
	test_expect_code 1 submit empty empty.out 2>err &&
	grep -q "no dumps empty/\*\.txt\.gz" err &&
	squeue -h -t all >before &&
	test_expect_code 1 submit raw bad.out --partition=nosuch 2>err &&
	grep -q "^submit.sh: sbatch failed$" err &&
	squeue -h -t all >after &&
	test_cmp before after
'

test_expect_success 'when sbatch fails, submit.sh cancels the jobs it submitted' '
	PATH=$WORK/refuse:$PATH test_expect_code 1 submit raw held.out --hold \
	    2>err &&
	cat err &&
	shards=$(sed -n "s/^submit.sh: sbatch failed; cancelled \([0-9]*\)$/\1/p" err) &&
	test -n "$shards" &&
	never_ran "$shards" held.out
'

# Stop the cluster, to see that nothing of it is left.
pids="$ctld $slurmd"
stop_slurm
test_expect_success 'the daemons stop, and leave no process behind' '
	for p in $pids; do
		! alive $p || exit 1
	done &&
	test -z "$(stepds)" &&
	! pgrep -f -- "$SLURM_CONF"
'
