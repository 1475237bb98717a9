/*
 * relay.c: producer threads and a ring of items between them and the
 * caller.
 *
 * An item goes round: free, then filled (by one thread at a time, in
 * the ring's order), then worked on (by any number at once), then ready
 * for the caller, who takes the items in order and gives each back,
 * free again.  Each side owns the items it works on; only the states
 * and the counts are shared, under the lock.
 */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "relay.h"

#define MAX_WORKERS 16

enum item_state { ITEM_FREE, ITEM_BUSY, ITEM_READY };

struct relay {
	relay_fill_fn *fill;
	relay_work_fn *work;
	void *arg;
	void **items;
	size_t count;
	unsigned threads;	/* producer threads running: 0 for none */
	pthread_t thread[MAX_WORKERS];
	pthread_mutex_t lock;
	pthread_cond_t changed;	/* any of the below changed */
	enum item_state *state;	/* locked */
	size_t next;		/* locked: the item to fill next */
	size_t head;		/* locked: the caller's next item */
	uint64_t filled;	/* locked: items filled so far */
	uint64_t taken;		/* locked: items given back so far */
	int filling;		/* locked: a thread fills an item */
	int ended;		/* locked: fill() returned 0 */
	int stop;		/* locked: relay_stop() waits */
	unsigned started;	/* locked: threads that took their number */
};

/* A producer thread: fill the free items in turn, and work on them. */
static void *
produce(void *arg)
{
	struct relay *r = arg;
	unsigned id;
	size_t i;
	int more;

	pthread_mutex_lock(&r->lock);
	id = r->started++;
	for (;;) {
		while (!r->stop && !r->ended &&
		    (r->filling || r->state[r->next] != ITEM_FREE))
			pthread_cond_wait(&r->changed, &r->lock);
		if (r->stop || r->ended)
			break;
		i = r->next;
		r->next = (i + 1) % r->count;
		r->state[i] = ITEM_BUSY;
		r->filling = 1;
		pthread_mutex_unlock(&r->lock);
		more = r->fill(r->arg, r->items[i]);
		pthread_mutex_lock(&r->lock);
		r->filling = 0;
		r->filled++;
		r->ended = !more;
		pthread_cond_broadcast(&r->changed);
		if (r->work != NULL) {
			pthread_mutex_unlock(&r->lock);
			r->work(r->arg, r->items[i], id);
			pthread_mutex_lock(&r->lock);
		}
		r->state[i] = ITEM_READY;
		pthread_cond_broadcast(&r->changed);
	}
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

struct relay *
relay_start_workers(relay_fill_fn *fill, relay_work_fn *work, void *arg,
    void *const *items, size_t count, unsigned workers)
{
	struct relay *r = xmalloc(sizeof(*r));
	sigset_t all, old;
	unsigned i;

	memset(r, 0, sizeof(*r));
	r->fill = fill;
	r->work = work;
	r->arg = arg;
	r->count = count;
	r->items = xmalloc(count * sizeof(*r->items));
	memcpy(r->items, items, count * sizeof(*r->items));
	r->state = xmalloc(count * sizeof(*r->state));
	for (i = 0; i < count; i++)
		r->state[i] = ITEM_FREE;
	pthread_mutex_init(&r->lock, NULL);
	pthread_cond_init(&r->changed, NULL);
	if (workers > MAX_WORKERS)
		workers = MAX_WORKERS;
	/* signals go to the caller's thread, never to the producers */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (i = 0; i < workers; i++) {
		if (pthread_create(&r->thread[i], NULL, produce, r) != 0)
			break;
		r->threads++;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return r;
}

struct relay *
relay_start(relay_fill_fn *fill, void *arg, void *const *items, size_t count)
{
	return relay_start_workers(fill, NULL, arg, items, count, 1);
}

/* relay_next() without a thread: fill and work on the item here. */
static void *
next_here(struct relay *r)
{
	void *item = r->items[r->head];

	if (r->ended)
		return NULL;
	r->ended = !r->fill(r->arg, item);
	r->filled++;
	if (r->work != NULL)
		r->work(r->arg, item, 0);
	return item;
}

void *
relay_next(struct relay *r)
{
	void *item = NULL;

	if (r->threads == 0)
		return next_here(r);
	pthread_mutex_lock(&r->lock);
	while (r->state[r->head] != ITEM_READY &&
	    !(r->ended && r->taken == r->filled))
		pthread_cond_wait(&r->changed, &r->lock);
	if (r->state[r->head] == ITEM_READY)
		item = r->items[r->head];
	pthread_mutex_unlock(&r->lock);
	return item;
}

void
relay_done(struct relay *r)
{
	if (r->threads == 0) {
		r->head = (r->head + 1) % r->count;
		r->taken++;
		return;
	}
	pthread_mutex_lock(&r->lock);
	r->state[r->head] = ITEM_FREE;
	r->head = (r->head + 1) % r->count;
	r->taken++;
	pthread_cond_broadcast(&r->changed);
	pthread_mutex_unlock(&r->lock);
}

void
relay_stop(struct relay *r)
{
	unsigned i;

	if (r == NULL)
		return;
	pthread_mutex_lock(&r->lock);
	r->stop = 1;
	pthread_cond_broadcast(&r->changed);
	pthread_mutex_unlock(&r->lock);
	for (i = 0; i < r->threads; i++)
		pthread_join(r->thread[i], NULL);
	pthread_cond_destroy(&r->changed);
	pthread_mutex_destroy(&r->lock);
	free(r->state);
	free(r->items);
	free(r);
}

int
relay_threaded(const struct relay *r)
{
	return r->threads > 0;
}
