/*
 * relay.c: a producer thread and a ring of items between it and the
 * caller.  Each side owns the items it works on; only the counts are
 * shared, under the lock.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "relay.h"

struct relay {
	relay_fill_fn *fill;
	void *arg;
	void **items;
	size_t count;
	size_t head;		/* the caller's next item */
	int threaded;
	int last_taken;		/* the caller took the last item */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t filled;	/* ready went up */
	pthread_cond_t emptied;	/* ready went down, or stop was set */
	size_t ready;		/* locked: filled and not yet given back */
	int ended;		/* locked: the last item is among them */
	int stop;		/* locked: relay_stop() waits */
};

/* The producer thread: fill the free items in turn, until the last. */
static void *
produce(void *arg)
{
	struct relay *r = arg;
	size_t i = 0;
	int more = 1, stop;

	while (more) {
		pthread_mutex_lock(&r->lock);
		while (r->ready == r->count && !r->stop)
			pthread_cond_wait(&r->emptied, &r->lock);
		stop = r->stop;
		pthread_mutex_unlock(&r->lock);
		if (stop)
			break;
		more = r->fill(r->arg, r->items[i]);
		i = (i + 1) % r->count;
		pthread_mutex_lock(&r->lock);
		r->ready++;
		r->ended = !more;
		pthread_cond_signal(&r->filled);
		pthread_mutex_unlock(&r->lock);
	}
	return NULL;
}

struct relay *
relay_start(relay_fill_fn *fill, void *arg, void *const *items, size_t count)
{
	struct relay *r = xmalloc(sizeof(*r));
	sigset_t all, old;

	memset(r, 0, sizeof(*r));
	r->fill = fill;
	r->arg = arg;
	r->count = count;
	r->items = xmalloc(count * sizeof(*r->items));
	memcpy(r->items, items, count * sizeof(*r->items));
	pthread_mutex_init(&r->lock, NULL);
	pthread_cond_init(&r->filled, NULL);
	pthread_cond_init(&r->emptied, NULL);
	/* signals go to the caller's thread, never to the producer */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	r->threaded = pthread_create(&r->thread, NULL, produce, r) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return r;
}

void *
relay_next(struct relay *r)
{
	void *item = NULL;

	if (r->last_taken)
		return NULL;
	if (!r->threaded) {
		r->last_taken = !r->fill(r->arg, r->items[0]);
		return r->items[0];
	}
	pthread_mutex_lock(&r->lock);
	while (r->ready == 0 && !r->ended)
		pthread_cond_wait(&r->filled, &r->lock);
	if (r->ready > 0) {
		item = r->items[r->head];
		r->last_taken = r->ended && r->ready == 1;
	}
	pthread_mutex_unlock(&r->lock);
	return item;
}

void
relay_done(struct relay *r)
{
	if (!r->threaded)
		return;
	pthread_mutex_lock(&r->lock);
	r->head = (r->head + 1) % r->count;
	r->ready--;
	pthread_cond_signal(&r->emptied);
	pthread_mutex_unlock(&r->lock);
}

void
relay_stop(struct relay *r)
{
	if (r == NULL)
		return;
	if (r->threaded) {
		pthread_mutex_lock(&r->lock);
		r->stop = 1;
		pthread_cond_signal(&r->emptied);
		pthread_mutex_unlock(&r->lock);
		pthread_join(r->thread, NULL);
	}
	pthread_cond_destroy(&r->emptied);
	pthread_cond_destroy(&r->filled);
	pthread_mutex_destroy(&r->lock);
	free(r->items);
	free(r);
}

int
relay_threaded(const struct relay *r)
{
	return r->threaded;
}
