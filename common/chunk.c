/* chunk.c: split an input into delimited chunks, in large reads. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chunk.h"

#define READ_BLOCK ((size_t)1024 * 1024)	/* the least we ask read() for */

void
chunk_init(struct chunk_reader *r, struct input *in, int delim)
{
	memset(r, 0, sizeof(*r));
	r->in = in;
	r->delim = delim;
	r->cap = 4 * READ_BLOCK;
	r->buf = xmalloc(r->cap + 1);
}

void
chunk_free(struct chunk_reader *r)
{
	free(r->buf);
	r->buf = NULL;
}

/*
 * Make room for a read of at least READ_BLOCK bytes after end: move the
 * unreturned bytes to the front, and grow the buffer when they fill it.
 * When a chunk is over the limit, its bytes are dropped instead.
 */
static void
make_room(struct chunk_reader *r)
{
	size_t keep = r->end - r->start;

	if (r->start > 0 && r->cap - r->end < READ_BLOCK) {
		memmove(r->buf, r->buf + r->start, keep);
		r->base += r->start;
		r->end = keep;
		r->start = 0;
	}
	if (r->cap - r->end < READ_BLOCK) {
		r->cap = r->cap + r->cap / 2 + READ_BLOCK;
		r->buf = xrealloc(r->buf, r->cap + 1);
	}
}

int
chunk_next(struct chunk_reader *r, char **p, size_t *len)
{
	uint64_t off = r->base + r->start;
	char *hit;
	ssize_t n;
	int too_big = 0;

	for (;;) {
		hit = memchr(r->buf + r->start + r->scanned, r->delim,
		    r->end - r->start - r->scanned);
		if (hit != NULL)
			break;
		r->scanned = r->end - r->start;
		if (r->max > 0 && r->scanned > r->max) {
			/* drop what we have of the oversized chunk */
			too_big = 1;
			r->base += r->end;
			r->start = r->end = r->scanned = 0;
		}
		if (r->eof) {
			if (r->end == r->start && !too_big)
				return CHUNK_END;
			*p = r->buf + r->start;
			*len = r->end - r->start;
			(*p)[*len] = '\0';
			r->offset = off;
			r->start = r->end;
			r->scanned = 0;
			return too_big ? CHUNK_TOO_BIG : CHUNK_LAST;
		}
		make_room(r);
		n = input_read(r->in, r->buf + r->end, r->cap - r->end);
		if (n < 0)
			return CHUNK_ERROR;
		if (n == 0)
			r->eof = 1;
		r->end += (size_t)n;
	}
	*p = r->buf + r->start;
	*len = (size_t)(hit - *p);
	r->offset = off;
	r->start += *len + 1;
	r->scanned = 0;
	if (too_big || (r->max > 0 && *len > r->max))
		return CHUNK_TOO_BIG;
	return CHUNK_OK;
}
