/*
 * relay_checks.h: checks of common/relay.c shared by test_relay.c and
 * test_relay_nothread.c, which run them with the producer on a thread of
 * its own and, pthread_create() made to fail, on the caller's thread.
 *
 * Each item carries a sequence number and a pattern of bytes derived
 * from it, checked when the caller takes the item and again just before
 * it gives the item back, so that an item handed out of order, or
 * refilled while the caller still holds it, fails.  Each item also
 * carries a state (free, filled, held) that both sides check: fill()
 * must only be handed a free item, relay_next() only a filled one.
 */
#ifndef RELAY_CHECKS_H
#define RELAY_CHECKS_H

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "relay.h"
#include "threads.h"

#define ITEM_BYTES 200		/* the largest pattern an item holds */
#define MAX_SLOTS 4

enum { FREE, FILLED, HELD };

static int starts;		/* calls to relay_start() */

struct item {
	atomic_int state;	/* FREE, FILLED or HELD */
	uint64_t seq;		/* 1, 2, ... in the order made */
	size_t len;		/* bytes of the pattern in data */
	unsigned char data[ITEM_BYTES];
};

/* What fill() makes, and what it saw. */
struct producer {
	uint64_t total;		/* items to make; 0: no end */
	uint64_t slow_every;	/* sleep in every slow_every-th fill(); 0: none */
	long slow_ms;
	uint64_t made;		/* fill()'s own: the last sequence number */
	atomic_ulong fills;	/* calls to fill() */
	atomic_int busy;	/* inside fill() now */
	atomic_int misuse;	/* items handed to fill() that were not free */
};

static unsigned char
pattern(uint64_t seq, size_t i)
{
	return (unsigned char)(seq * 131 + i * 7 + (seq >> 8));
}

/* 1 when it holds the item numbered seq, whole. */
static int
item_is(const struct item *it, uint64_t seq)
{
	size_t i;

	if (it->seq != seq || it->len != seq % ITEM_BYTES + 1)
		return 0;
	for (i = 0; i < it->len; i++)
		if (it->data[i] != pattern(seq, i))
			return 0;
	return 1;
}

/* The relay's fill(): the next item of p, slowly now and then. */
static int
fill_item(void *arg, void *item)
{
	struct producer *p = arg;
	struct item *it = item;
	uint64_t seq = ++p->made;
	size_t i;

	atomic_fetch_add(&p->busy, 1);
	atomic_fetch_add(&p->fills, 1);
	if (atomic_load(&it->state) != FREE)
		atomic_fetch_add(&p->misuse, 1);
	if (p->slow_every > 0 && seq % p->slow_every == 0)
		pause_ms(p->slow_ms);
	it->seq = seq;
	it->len = seq % ITEM_BYTES + 1;
	for (i = 0; i < it->len; i++)
		it->data[i] = pattern(seq, i);
	atomic_store(&it->state, FILLED);
	atomic_fetch_sub(&p->busy, 1);
	return p->total == 0 || seq < p->total;
}

static void
producer_init(struct producer *p, uint64_t total, uint64_t slow_every,
    long slow_ms)
{
	memset(p, 0, sizeof(*p));
	p->total = total;
	p->slow_every = slow_every;
	p->slow_ms = slow_ms;
	atomic_init(&p->fills, 0);
	atomic_init(&p->busy, 0);
	atomic_init(&p->misuse, 0);
}

/*
 * Start a relay of p over slots of the caller's items (all free).  The
 * array of pointers is the relay's to copy: it is spoiled right after.
 */
static struct relay *
start(struct producer *p, struct item *slots, size_t count)
{
	void *items[MAX_SLOTS];
	struct relay *r;
	size_t i;

	for (i = 0; i < count; i++) {
		atomic_init(&slots[i].state, FREE);
		slots[i].seq = 0;
		items[i] = &slots[i];
	}
	r = relay_start(fill_item, p, items, count);
	starts++;
	memset(items, 0, sizeof(items));
	return r;
}

/* What take_all() saw. */
struct taken {
	uint64_t n;		/* items taken */
	uint64_t bad;		/* of them out of order, spoiled or foreign */
	int null_again;		/* relay_next() gave NULL twice at the end */
};

/*
 * Take items until relay_next() gives NULL, checking each when taken
 * and when given back, sleeping while holding every slow_every-th.
 */
static struct taken
take_all(struct relay *r, const struct item *slots, size_t count,
    uint64_t slow_every, long slow_ms)
{
	struct taken t = { 0, 0, 0 };
	struct item *it;
	size_t i;

	while ((it = relay_next(r)) != NULL) {
		t.n++;
		for (i = 0; i < count && it != &slots[i]; i++)
			continue;
		if (i == count) {	/* not one of ours: do not touch it */
			t.bad++;
			relay_done(r);
			continue;
		}
		if (atomic_load(&it->state) != FILLED || !item_is(it, t.n))
			t.bad++;
		atomic_store(&it->state, HELD);
		if (slow_every > 0 && t.n % slow_every == 0)
			pause_ms(slow_ms);
		if (!item_is(it, t.n) || atomic_load(&it->state) != HELD)
			t.bad++;
		atomic_store(&it->state, FREE);
		relay_done(r);
	}
	/* asked again, the end is still the end */
	t.null_again = relay_next(r) == NULL;
	t.null_again = t.null_again && relay_next(r) == NULL;
	return t;
}

/*
 * Run total items through count slots, each side slow every so often;
 * 1 when every item came once, in order and whole, and then NULL.
 */
static int
relay_run(const char *how, uint64_t total, size_t count,
    uint64_t slow_fill, uint64_t slow_take, int want_threaded)
{
	struct item slots[MAX_SLOTS];
	struct producer p;
	struct relay *r;
	struct taken t;
	int ok;

	producer_init(&p, total, slow_fill, 2);
	r = start(&p, slots, count);
	ok = relay_threaded(r) == want_threaded;
	t = take_all(r, slots, count, slow_take, 2);
	ok = ok && t.n == total && t.bad == 0 && t.null_again &&
	    atomic_load(&p.fills) == total && atomic_load(&p.misuse) == 0;
	relay_stop(r);
	if (!ok)
		printf("    %s: %llu items through %zu slots: %llu taken, "
		    "%llu bad, %lu fills, %d misused, null again %d\n", how,
		    (unsigned long long)total, count,
		    (unsigned long long)t.n, (unsigned long long)t.bad,
		    atomic_load(&p.fills), atomic_load(&p.misuse),
		    t.null_again);
	return ok;
}

/* Many more items than slots, through 1 to 4 slots, at full speed. */
static void
check_many(const char *how, int want_threaded)
{
	char name[200];
	size_t count;

	for (count = 1; count <= MAX_SLOTS; count++) {
		snprintf(name, sizeof(name), "%s: 10000 items through %zu "
		    "slot%s, in order and whole", how, count,
		    count > 1 ? "s" : "");
		CHECK(name, relay_run(how, 10000, count, 0, 0, want_threaded));
	}
}

/* One item, which is also the last, then NULL. */
static void
check_single(const char *how, int want_threaded)
{
	char name[200];

	snprintf(name, sizeof(name), "%s: a single item, the last", how);
	CHECK(name, relay_run(how, 1, 2, 0, 0, want_threaded));
	snprintf(name, sizeof(name), "%s: a single item through one slot",
	    how);
	CHECK(name, relay_run(how, 1, 1, 0, 0, want_threaded));
	snprintf(name, sizeof(name), "%s: as many items as slots", how);
	CHECK(name, relay_run(how, 3, 3, 0, 0, want_threaded));
}

/*
 * A producer that sleeps now and then (the caller waits for items), a
 * caller that sleeps now and then while it holds an item (the producer
 * fills the other slots and waits for one), and both.
 */
static void
check_slow(const char *how, int want_threaded)
{
	char name[200];

	snprintf(name, sizeof(name), "%s: a slow producer", how);
	CHECK(name, relay_run(how, 400, 2, 37, 0, want_threaded));
	snprintf(name, sizeof(name), "%s: a slow caller", how);
	CHECK(name, relay_run(how, 400, 2, 0, 41, want_threaded));
	snprintf(name, sizeof(name), "%s: a slow producer and caller, "
	    "3 slots", how);
	CHECK(name, relay_run(how, 400, 3, 13, 17, want_threaded));
	snprintf(name, sizeof(name), "%s: the last item made slowly", how);
	CHECK(name, relay_run(how, 50, 4, 50, 0, want_threaded));
}

/*
 * Wait up to 2 s for fill() to have been called want times and to have
 * returned; 1 when it was, and no more.
 */
static int
fills_become(const struct producer *p, unsigned long want)
{
	int i;

	for (i = 0; i < 200; i++) {
		if (atomic_load(&p->fills) >= want &&
		    atomic_load(&p->busy) == 0)
			break;
		pause_ms(10);
	}
	pause_ms(20);		/* time to overrun, if it would */
	return atomic_load(&p->fills) == want && atomic_load(&p->busy) == 0;
}

/*
 * After relay_stop() has returned, fill() is not running and is never
 * called again; 1 when so, with fills calls in all.
 */
static int
stopped_at(const struct producer *p, unsigned long fills)
{
	if (atomic_load(&p->busy) != 0 || atomic_load(&p->fills) != fills)
		return 0;
	pause_ms(30);
	return atomic_load(&p->fills) == fills;
}

/*
 * relay_stop() before the end of a producer that never ends: right
 * after relay_start(); while the producer waits for a free slot, the
 * caller holding an item or not; while fill() sleeps.  A hang is ended
 * by the caller's alarm().
 */
static void
check_stop(const char *how)
{
	struct item slots[MAX_SLOTS];
	struct producer p;
	struct relay *r;
	struct item *it;
	unsigned long fills;
	char name[200];
	size_t count;
	int ok, threaded, k;

	producer_init(&p, 0, 0, 0);
	r = start(&p, slots, 2);
	relay_stop(r);
	snprintf(name, sizeof(name), "%s: relay_stop() at once", how);
	CHECK(name, stopped_at(&p, atomic_load(&p.fills)));

	for (count = 1; count <= 3; count++) {
		/* take 3 items, give back 2, hold the third */
		producer_init(&p, 0, 0, 0);
		r = start(&p, slots, count);
		threaded = relay_threaded(r);
		ok = 1;
		for (k = 1; k <= 3; k++) {
			it = relay_next(r);
			ok = ok && it != NULL && item_is(it, (uint64_t)k);
			if (it == NULL)
				break;
			atomic_store(&it->state, k < 3 ? FREE : HELD);
			if (k < 3)
				relay_done(r);
		}
		/* the producer fills the free slots and waits */
		fills = threaded ? 2 + count : 3;
		ok = ok && fills_become(&p, fills);
		relay_stop(r);
		ok = ok && stopped_at(&p, fills) &&
		    atomic_load(&p.misuse) == 0;
		snprintf(name, sizeof(name), "%s: relay_stop() while the "
		    "producer waits for a free slot of %zu, an item held",
		    how, count);
		CHECK(name, ok);
	}

	/* the same, every item given back */
	producer_init(&p, 0, 0, 0);
	r = start(&p, slots, 2);
	threaded = relay_threaded(r);
	it = relay_next(r);
	ok = it != NULL && item_is(it, 1);
	if (it != NULL) {
		atomic_store(&it->state, FREE);
		relay_done(r);
	}
	fills = threaded ? 3 : 1;
	ok = ok && fills_become(&p, fills);
	relay_stop(r);
	ok = ok && stopped_at(&p, fills);
	snprintf(name, sizeof(name), "%s: relay_stop() while the producer "
	    "waits, no item held", how);
	CHECK(name, ok);

	/* every fill() sleeps: relay_stop() waits for the one under way */
	producer_init(&p, 0, 1, 40);
	r = start(&p, slots, 2);
	it = relay_next(r);
	ok = it != NULL && item_is(it, 1);
	relay_stop(r);
	ok = ok && stopped_at(&p, atomic_load(&p.fills)) &&
	    atomic_load(&p.fills) <= 2;
	snprintf(name, sizeof(name), "%s: relay_stop() while fill() runs",
	    how);
	CHECK(name, ok);
}

/* All of the shared checks. */
static void
relay_checks(const char *how, int want_threaded)
{
	check_many(how, want_threaded);
	check_single(how, want_threaded);
	check_slow(how, want_threaded);
	check_stop(how);
}

#endif
