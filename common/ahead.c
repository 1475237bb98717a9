/*
 * ahead.c: prog_each_record_ahead(): records read on one thread and
 * prepared on as many as there are processors (relay.c), in batches that
 * the calling thread takes in order.
 *
 * A batch holds a copy of its records' bytes, each with its NUL, and for
 * each an entry: a record (parsed again where it is prepared and where
 * it is taken, which is cheap beside the preparing), a malformed
 * record's message, or the read error that ends the input.  Its out
 * buffer holds what the preparing wrote for fn, which work entries
 * point into by offset.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"
#include "relay.h"
#include "threads.h"

#define BATCHES 6
#define BATCH_BYTES ((size_t)1024 * 1024)	/* record bytes that end a batch */
#define RAW_PAD 64		/* zero bytes after a batch's records */

enum entry_kind { ENTRY_RECORD, ENTRY_BAD, ENTRY_ERROR };

struct entry {
	enum entry_kind kind;
	size_t off;		/* in raw: the record, or the message */
	size_t len;
	uint64_t recno;
	uint64_t offset;	/* of the record in the input */
};

struct batch {
	struct buf raw;		/* records and messages */
	struct buf work;	/* work_size bytes for each entry */
	struct buf out;		/* bytes prepare() wrote for fn() */
	struct entry *v;
	size_t n;
	size_t cap;
	uint64_t consumed;	/* input bytes read up to the batch's end */
};

struct ahead {
	struct rec_reader r;
	struct record rec;
	size_t work_size;
	void (*prepare)(const struct record *, void *, struct buf *, void *,
	    unsigned);
	void *arg;
	struct record wrec[PROG_MAX_WORKERS];	/* each worker's */
	struct batch batch[BATCHES];
};

/* Add an entry of kind to b, with bytes s[0..n) and a NUL. */
static struct entry *
add_entry(struct batch *b, enum entry_kind kind, const char *s, size_t n,
    size_t work_size)
{
	struct entry *e;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	e = &b->v[b->n++];
	e->kind = kind;
	e->off = b->raw.len;
	e->len = n;
	buf_append(&b->raw, s, n);
	buf_putc(&b->raw, '\0');
	buf_reserve(&b->work, work_size);
	memset(b->work.p + b->work.len, 0, work_size);
	b->work.len += work_size;
	return e;
}

/* The relay's fill(): read records until a batch is full. */
static int
fill(void *arg, void *item)
{
	struct ahead *a = arg;
	struct batch *b = item;
	struct entry *e;
	int ret = REC_OK;

	b->n = b->raw.len = b->work.len = 0;
	buf_reserve(&b->work, 1);	/* never a null pointer */
	while (b->raw.len < BATCH_BYTES &&
	    (ret = rec_read(&a->r, &a->rec)) != REC_END) {
		if (ret == REC_ERROR) {
			add_entry(b, ENTRY_ERROR, a->r.err, strlen(a->r.err),
			    a->work_size);
			break;
		}
		if (ret == REC_BAD) {
			add_entry(b, ENTRY_BAD, a->r.err, strlen(a->r.err),
			    a->work_size);
			continue;
		}
		e = add_entry(b, ENTRY_RECORD, a->rec.raw, a->rec.rawlen,
		    a->work_size);
		e->recno = a->r.recno;
		e->offset = a->r.chunks.offset;
	}
	/* Scanners that read a word at a time (PCRE2's JIT) may look a
	 * few bytes past the last body: they are set, not left undefined. */
	buf_reserve(&b->raw, RAW_PAD);
	memset(b->raw.p + b->raw.len, 0, RAW_PAD);
	b->consumed = chunk_consumed(&a->r.chunks);
	return ret != REC_END && ret != REC_ERROR;
}

/* The relay's work(): prepare the records of a batch. */
static void
work(void *arg, void *item, unsigned worker)
{
	struct ahead *a = arg;
	struct batch *b = item;
	struct record *rec = &a->wrec[worker];
	char err[256];
	size_t i, erroff;

	b->out.len = 0;
	buf_reserve(&b->out, 1);	/* never a null pointer */
	for (i = 0; i < b->n; i++)
		if (b->v[i].kind == ENTRY_RECORD &&
		    rec_parse(rec, b->raw.p + b->v[i].off, b->v[i].len, err,
		    sizeof(err), &erroff) == 0)
			a->prepare(rec, b->work.p + i * a->work_size, &b->out,
			    a->arg, worker);
}

/*
 * As many workers as threads to work on (up to the most); none for one
 * thread: the calling thread then prepares the records too.
 */
static unsigned
workers(void)
{
	unsigned n = threads_count();

	return n < 2 ? 0 : n > PROG_MAX_WORKERS ? PROG_MAX_WORKERS : n;
}

/* The records of one input. */
static void
each_record_of(struct input *in, struct ahead *a,
    void (*fn)(struct record *, void *, const char *, void *))
{
	struct relay *relay;
	struct record rec;
	struct batch *b;
	struct entry *e;
	void *items[BATCHES];
	char err[256];
	size_t i, erroff;
	uint64_t consumed = 0;

	rec_reader_init(&a->r, in);
	a->r.chunks.max = (size_t)prog.max_record;
	for (i = 0; i < BATCHES; i++)
		items[i] = &a->batch[i];
	rec_init(&rec);
	relay = relay_start_workers(fill, work, a, items, BATCHES, workers());
	while ((b = relay_next(relay)) != NULL) {
		for (i = 0; i < b->n; i++) {
			e = &b->v[i];
			if (e->kind == ENTRY_ERROR)
				prog_error("%s: %s", input_label(in),
				    b->raw.p + e->off);
			else if (e->kind == ENTRY_BAD) {
				prog.bad++;
				if (!prog.skip_bad)
					prog_error("%s: %s", input_label(in),
					    b->raw.p + e->off);
			} else if (rec_parse(&rec, b->raw.p + e->off, e->len,
			    err, sizeof(err), &erroff) < 0)
				prog_error("%s: record %llu: %s",
				    input_label(in),
				    (unsigned long long)e->recno, err);
			else {
				prog.records_in++;
				prog_reading(input_label(in), e->recno,
				    e->offset);
				fn(&rec, b->work.p + i * a->work_size,
				    b->out.p, a->arg);
				prog_reading(NULL, 0, 0);
			}
		}
		consumed = b->consumed;
		relay_done(relay);
		prog_tick(consumed);
	}
	relay_stop(relay);
	prog.bytes_in += consumed;
	rec_free(&rec);
	rec_reader_free(&a->r);
}

void
prog_each_record_ahead(int argc, char **argv, size_t work_size,
    void (*prepare)(const struct record *, void *, struct buf *, void *,
    unsigned),
    void (*fn)(struct record *, void *, const char *, void *), void *arg)
{
	struct ahead *a = xmalloc(sizeof(*a));
	struct input *in;
	int i;

	memset(a, 0, sizeof(*a));
	a->work_size = work_size;
	a->prepare = prepare;
	a->arg = arg;
	rec_init(&a->rec);
	for (i = 0; i < PROG_MAX_WORKERS; i++)
		rec_init(&a->wrec[i]);
	prog_default_stdin(&argc, &argv);
	for (i = 0; i < argc; i++) {
		if ((in = prog_open(argv[i])) == NULL)
			continue;
		each_record_of(in, a, fn);
		input_close(in);
	}
	for (i = 0; i < BATCHES; i++) {
		buf_free(&a->batch[i].raw);
		buf_free(&a->batch[i].work);
		buf_free(&a->batch[i].out);
		free(a->batch[i].v);
	}
	rec_free(&a->rec);
	for (i = 0; i < PROG_MAX_WORKERS; i++)
		rec_free(&a->wrec[i]);
	free(a);
}
