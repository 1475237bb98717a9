/*
 * reader.h: read the lines of an input, clean and classify them, on a
 * second thread (common/relay.c), in batches that the segmenter takes
 * in order.
 */
#ifndef READER_H
#define READER_H

#include <stdint.h>

#include "buf.h"
#include "input.h"
#include "line.h"

/* How a batch ends. */
enum batch_end {
	BATCH_MORE,		/* more batches follow */
	BATCH_TOO_BIG,		/* then a line over --max-record, skipped */
	BATCH_ERROR,		/* then a read error: the last batch */
	BATCH_END		/* the end of the input: the last batch */
};

struct batch {
	struct buf raw;		/* input bytes: most lines' text is here */
	struct buf clean;	/* the text of lines that were cleaned, and
				 * the source bytes of those it changed */
	struct line *v;		/* classified; off: see batch_text() */
	size_t n;
	size_t cap;
	uint64_t nuls;		/* NUL bytes dropped from these lines */
	uint64_t repaired;	/* invalid UTF-8 sequences repaired */
	uint64_t consumed;	/* input bytes read up to the batch's end */
	enum batch_end end;
	uint64_t too_big;	/* BATCH_TOO_BIG: the line's number */
	char err[160];		/* BATCH_ERROR: the message */
};

#define BATCH_CLEAN ((size_t)1 << (sizeof(size_t) * 8 - 1))

/* The text of line i of b, v[i].len bytes (not NUL-terminated). */
static inline const char *
batch_text(const struct batch *b, size_t i)
{
	size_t off = b->v[i].off;

	return off & BATCH_CLEAN ? b->clean.p + (off & ~BATCH_CLEAN) :
	    b->raw.p + off;
}

/*
 * The source bytes of line i of b (byte..end) when its text was cleaned
 * (LF_CLEANED: they follow the text), or NULL.
 */
static inline const char *
batch_source(const struct batch *b, size_t i)
{
	return b->v[i].flags & LF_CLEANED ? batch_text(b, i) + b->v[i].len :
	    NULL;
}

struct reader;

/* Start reading in, skipping lines over max bytes (0: no limit). */
struct reader *reader_open(struct input *in, size_t max);

/* The next batch (valid until reader_done()), NULL after the last. */
struct batch *reader_next(struct reader *rd);

/* Give the batch reader_next() returned back. */
void reader_done(struct reader *rd);

/* Stop reading and free rd; the input stays open. */
void reader_close(struct reader *rd);

/*
 * Drop the NUL bytes of s[0..*n) and repair its invalid UTF-8, counting
 * both; returns the clean text (s itself, or one of the scratch
 * buffers) and sets *n to its length.
 */
const char *clean_text(const char *s, size_t *n, struct buf scratch[2],
    uint64_t *nuls, uint64_t *repaired);

/* A place in the text clean_text() made of s[0..n), and in s. */
struct clean_pos {
	size_t clean;	/* an offset in the clean text, a character's start */
	size_t raw;	/* in s, just past the bytes of the text before it */
	size_t next;	/* in s, the first byte of the text from it on */
};

#define CLEAN_POS_INIT { 0, 0, 0 }

/*
 * Move p on to offset off of the text clean_text() makes of s[0..n): off
 * at a character's start, and not before p->clean.  next is past raw by
 * the NUL bytes dropped between the two.
 */
void clean_seek(struct clean_pos *p, const char *s, size_t n, size_t off);

#endif
