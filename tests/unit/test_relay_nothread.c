/*
 * Unit tests for common/relay.c when the producer's thread cannot be
 * started: this pthread_create() stands in for the library's and always
 * fails, so relay_next() calls fill() itself.  The shared checks of
 * relay_checks.h must pass all the same.
 */
#include <errno.h>
#include <pthread.h>
#include <unistd.h>

#include "check.h"
#include "relay.h"
#include "relay_checks.h"

static int creates;		/* calls to pthread_create() */

int
pthread_create(pthread_t *thread, const pthread_attr_t *attr,
    void *(*start_routine)(void *), void *arg)
{
	(void)thread;
	(void)attr;
	(void)start_routine;
	(void)arg;
	creates++;
	return EAGAIN;
}

/*
 * Without a thread, fill() runs only inside relay_next(), one item each
 * time: none made ahead by relay_start(), none after the last.
 */
static void
test_on_demand(void)
{
	struct item slots[3];
	struct producer p;
	struct relay *r;
	struct item *it;
	int ok;

	producer_init(&p, 2, 0, 0);
	r = start(&p, slots, 3);
	pause_ms(20);
	ok = atomic_load(&p.fills) == 0;
	it = relay_next(r);
	ok = ok && it != NULL && item_is(it, 1) &&
	    atomic_load(&p.fills) == 1;
	relay_done(r);
	it = relay_next(r);
	ok = ok && it != NULL && item_is(it, 2) &&
	    atomic_load(&p.fills) == 2;
	relay_done(r);
	ok = ok && relay_next(r) == NULL && relay_next(r) == NULL &&
	    atomic_load(&p.fills) == 2;
	relay_stop(r);
	CHECK("fill() runs in relay_next(), an item at a time", ok);
}

int
main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);	/* each line out before a hang */
	alarm(120);
	relay_checks("without a thread", 0);
	test_on_demand();
	CHECK("each relay_start() tried to start a thread",
	    creates == starts && creates > 0);
	return check_status();
}
