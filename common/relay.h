/*
 * relay.h: run a producer on a second thread and hand what it makes to
 * the caller in order, through a few buffers, so that both work at once.
 *
 * The buffers ("items") are the caller's.  The producer fills them in
 * turn with fill(arg, item), which returns nonzero while more may follow
 * and zero with the last item.  The caller takes each filled item with
 * relay_next() and gives it back with relay_done() before asking for the
 * next.  When no thread can be started, relay_next() calls fill() itself:
 * the items are the same, only made one at a time.
 */
#ifndef RELAY_H
#define RELAY_H

#include <stddef.h>

typedef int relay_fill_fn(void *arg, void *item);
typedef void relay_work_fn(void *arg, void *item, unsigned worker);

struct relay;

/* Start filling items[0..count) with fill(arg, item). */
struct relay *relay_start(relay_fill_fn *fill, void *arg, void *const *items,
    size_t count);

/*
 * relay_start(), with work(arg, item, worker) done on each item once it
 * is filled, by up to workers threads at once (worker says which, from
 * 0): the filling stays one item at a time, in order, but the work is
 * shared.  Without threads, worker is 0.
 */
struct relay *relay_start_workers(relay_fill_fn *fill, relay_work_fn *work,
    void *arg, void *const *items, size_t count, unsigned workers);

/* The next filled item; NULL after the last one. */
void *relay_next(struct relay *r);

/* Give back the item relay_next() returned, to be filled again. */
void relay_done(struct relay *r);

/* Stop the producer once its current fill() returns, and free r. */
void relay_stop(struct relay *r);

/* Nonzero when the producer runs on a thread of its own. */
int relay_threaded(const struct relay *r);

#endif
