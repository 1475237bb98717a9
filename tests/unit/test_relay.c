/*
 * Unit tests for common/relay.c with the producer on a thread of its
 * own: the shared checks of relay_checks.h, then that the thread runs
 * with every signal blocked, apart from the caller's, and ends with
 * relay_stop().  A hang is ended by alarm(), which fails the test.
 */
#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "relay.h"
#include "relay_checks.h"
#include "threads.h"

/* Nonzero when the calling thread blocks SIGALRM, SIGINT and SIGTERM. */
static int
signals_blocked(void)
{
	sigset_t set;

	pthread_sigmask(SIG_BLOCK, NULL, &set);
	return sigismember(&set, SIGALRM) && sigismember(&set, SIGINT) &&
	    sigismember(&set, SIGTERM);
}

static pthread_t caller;

/* Where fill_where() ran. */
struct where {
	atomic_int calls;
	atomic_int on_caller;	/* calls on the caller's thread */
	atomic_int unblocked;	/* calls with a signal not blocked */
};

/* A fill() of three items that notes its thread and signal mask. */
static int
fill_where(void *arg, void *item)
{
	struct where *w = arg;

	(void)item;
	if (pthread_equal(pthread_self(), caller))
		atomic_fetch_add(&w->on_caller, 1);
	if (!signals_blocked())
		atomic_fetch_add(&w->unblocked, 1);
	return atomic_fetch_add(&w->calls, 1) + 1 < 3;
}

/*
 * fill() runs off the caller's thread, with the signals blocked (so that
 * alarm() and ^C reach the caller); the caller's mask stays as it was.
 */
static void
test_thread_signals(void)
{
	struct where w;
	char slot[2][8];
	void *items[2] = { slot[0], slot[1] };
	struct relay *r;
	int n = 0;

	caller = pthread_self();
	atomic_init(&w.calls, 0);
	atomic_init(&w.on_caller, 0);
	atomic_init(&w.unblocked, 0);
	r = relay_start(fill_where, &w, items, 2);
	CHECK("the caller's signals stay unblocked", !signals_blocked());
	while (relay_next(r) != NULL) {
		n++;
		relay_done(r);
	}
	relay_stop(r);
	CHECK("fill() runs on another thread, every signal blocked",
	    n == 3 && atomic_load(&w.calls) == 3 &&
	    atomic_load(&w.on_caller) == 0 &&
	    atomic_load(&w.unblocked) == 0);
}

/*
 * One thread more while a producer waits for a free slot, none after
 * relay_stop(); and none left after a producer that came to its end.
 */
static void
test_thread_count(void)
{
	struct item slots[2];
	struct producer p;
	struct relay *r;
	int before = count_threads(), during;

	producer_init(&p, 0, 0, 0);
	r = start(&p, slots, 2);
	fills_become(&p, 2);
	during = count_threads();
	relay_stop(r);
	CHECK("a thread runs until relay_stop()", before < 0 ||
	    (during == before + 1 && threads_become(before)));

	producer_init(&p, 5, 0, 0);
	r = start(&p, slots, 2);
	while (relay_next(r) != NULL)
		relay_done(r);
	relay_stop(r);
	CHECK("and after the last item", before < 0 ||
	    threads_become(before));
}

/* Items for the workers' test: a number, and what work() made of it. */
struct job {
	uint64_t seq;
	uint64_t square;
	unsigned worker;
};

struct jobs {
	uint64_t next, total;
	atomic_int working, most;	/* work() running now, at most */
};

static int
job_fill(void *arg, void *item)
{
	struct jobs *j = arg;
	struct job *it = item;

	it->seq = j->next++;
	it->square = 0;
	return j->next < j->total;
}

static void
job_work(void *arg, void *item, unsigned worker)
{
	struct jobs *j = arg;
	struct job *it = item;
	int now = atomic_fetch_add(&j->working, 1) + 1, most;

	while (now > (most = atomic_load(&j->most)) &&
	    !atomic_compare_exchange_weak(&j->most, &most, now))
		continue;
	if (it->seq % 97 == 0)
		pause_ms(1);	/* let another overtake this one */
	it->square = it->seq * it->seq;
	it->worker = worker;
	atomic_fetch_sub(&j->working, 1);
}

/*
 * relay_start_workers(): filled in order, worked on by several threads
 * at once, taken in order, each item worked on before it is taken.
 */
static void
test_workers(void)
{
	struct job items[6];
	void *p[6];
	struct jobs j;
	struct relay *r;
	struct job *it;
	uint64_t want = 0;
	unsigned used = 0;
	int ok = 1, i;

	memset(&j, 0, sizeof(j));
	j.total = 5000;
	for (i = 0; i < 6; i++)
		p[i] = &items[i];
	r = relay_start_workers(job_fill, job_work, &j, p, 6, 3);
	while ((it = relay_next(r)) != NULL) {
		if (it->seq != want++ || it->square != it->seq * it->seq ||
		    it->worker >= 3)
			ok = 0;
		used |= 1u << it->worker;
		relay_done(r);
	}
	relay_stop(r);
	CHECK("workers: every item, in order, worked on", ok &&
	    want == 5000);
	CHECK("workers: more than one worked at once",
	    atomic_load(&j.most) > 1 && used != 1);
}

int
main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);	/* each line out before a hang */
	alarm(120);
	relay_checks("with a thread", 1);
	test_thread_signals();
	test_thread_count();
	test_workers();
	return check_status();
}
