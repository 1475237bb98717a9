/*
 * chunk.h: split an input into chunks ended by a delimiter byte (NUL for
 * records, newline for lines), in large reads, without a length limit.
 *
 * A chunk is returned as a pointer into the reader's buffer, valid until
 * the next call.  The buffer grows to hold the longest chunk.
 */
#ifndef CHUNK_H
#define CHUNK_H

#include <stddef.h>
#include <stdint.h>

#include "input.h"

enum {
	CHUNK_ERROR = -1,	/* read error: input_error() says which */
	CHUNK_END = 0,		/* no more data */
	CHUNK_OK = 1,		/* a chunk ended by the delimiter */
	CHUNK_LAST = 2,		/* a final chunk without the delimiter */
	CHUNK_TOO_BIG = 3	/* over max bytes: skipped to its end */
};

struct chunk_reader {
	struct input *in;
	int delim;
	size_t max;		/* largest chunk accepted; 0: no limit */
	char *buf;
	size_t cap;
	size_t start;		/* first byte not yet returned */
	size_t end;		/* end of the bytes read */
	size_t scanned;		/* bytes after start known to hold no delim */
	uint64_t base;		/* stream offset of buf[0] */
	uint64_t offset;	/* stream offset of the last chunk */
	int eof;
};

void chunk_init(struct chunk_reader *r, struct input *in, int delim);

/*
 * Return the next chunk in *p and *len (without its delimiter; p[len]
 * holds the delimiter, or a NUL after a CHUNK_LAST chunk).
 */
int chunk_next(struct chunk_reader *r, char **p, size_t *len);

/* Bytes consumed so far, for progress. */
static inline uint64_t
chunk_consumed(const struct chunk_reader *r)
{
	return r->base + r->start;
}

void chunk_free(struct chunk_reader *r);

#endif
