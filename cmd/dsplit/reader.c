/*
 * reader.c: lines of an input, cleaned and classified in batches.
 *
 * Lines end with LF, CRLF or a lone CR.  Line numbers and byte offsets
 * are those of the (decompressed) input, counted from 1.  The reading,
 * the cleaning and line_classify() run on the relay's thread, while the
 * segmenter works on the batch before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chrome.h"
#include "chunk.h"
#include "reader.h"
#include "relay.h"
#include "utf8.h"

#define BATCHES 4		/* batches in the relay */
#define BATCH_BYTES (1024 * 1024)	/* text that ends a batch */

struct reader {
	struct input *in;
	struct chunk_reader r;
	uint64_t lineno;	/* of the last line read */
	struct buf scratch[2];	/* clean_text()'s */
	struct batch batch[BATCHES];
	struct relay *relay;
};

const char *
clean_text(const char *s, size_t *n, struct buf scratch[2], uint64_t *nuls,
    uint64_t *repaired)
{
	size_t i, len = *n;

	if (memchr(s, '\0', len) != NULL) {
		scratch[0].len = 0;
		buf_reserve(&scratch[0], len);
		for (i = 0; i < len; i++) {
			if (s[i] != '\0')
				scratch[0].p[scratch[0].len++] = s[i];
			else
				(*nuls)++;
		}
		s = scratch[0].p;
		len = scratch[0].len;
	}
	if (utf8_valid_prefix(s, len) < len) {
		scratch[1].len = 0;
		*repaired += utf8_repair(&scratch[1], s, len);
		s = scratch[1].p;
		len = scratch[1].len;
	}
	*n = len;
	return s;
}

/* Add the line s[0..n), at input bytes byte..end, to b, classified. */
static void
add_line(struct reader *rd, struct batch *b, const char *s, size_t n,
    uint64_t byte, uint64_t end, int clean)
{
	struct line *l;

	if (!clean)
		s = clean_text(s, &n, rd->scratch, &b->nuls, &b->repaired);
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 1024;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	l = &b->v[b->n++];
	buf_reserve(&b->text, n + 1);
	l->off = b->text.len;
	l->len = n;
	l->lineno = ++rd->lineno;
	l->byte = byte;
	l->end = end;
	if (n > 0)
		memcpy(b->text.p + b->text.len, s, n);
	b->text.p[b->text.len + n] = '\n';
	b->text.len += n + 1;
	line_classify(l, b->text.p + l->off);
}

/* Add the lines of p[0..n), read at offset off, split at lone CRs. */
static void
add_cr_lines(struct reader *rd, struct batch *b, const char *p, size_t n,
    uint64_t off)
{
	const char *q, *cr, *stop, *end = p + n;

	for (q = p; ; q = cr + 1) {
		cr = memchr(q, '\r', (size_t)(end - q));
		stop = cr != NULL ? cr : end;
		add_line(rd, b, q, (size_t)(stop - q), off +
		    (uint64_t)(q - p) + 1, off + (uint64_t)(stop - p), 0);
		if (cr == NULL || cr + 1 == end)
			break;
	}
}

/* The relay's fill(): read lines into a batch until it is full. */
static int
fill(void *arg, void *item)
{
	struct reader *rd = arg;
	struct batch *b = item;
	char *p;
	size_t n;
	int ret;

	b->n = b->text.len = 0;
	b->nuls = b->repaired = 0;
	b->end = BATCH_MORE;
	while (b->text.len < BATCH_BYTES) {
		ret = chunk_next(&rd->r, &p, &n);
		b->consumed = chunk_consumed(&rd->r);
		if (ret == CHUNK_END) {
			b->end = BATCH_END;
			break;
		}
		if (ret == CHUNK_ERROR) {
			snprintf(b->err, sizeof(b->err), "%s",
			    input_error(rd->in));
			b->end = BATCH_ERROR;
			break;
		}
		if (ret == CHUNK_TOO_BIG) {
			b->too_big = ++rd->lineno;
			b->end = BATCH_TOO_BIG;
			break;
		}
		if (utf8_text_prefix(p, n) == n)	/* the common case */
			add_line(rd, b, p, n, rd->r.offset + 1,
			    rd->r.offset + n, 1);
		else
			add_cr_lines(rd, b, p, n, rd->r.offset);
	}
	return b->end == BATCH_MORE || b->end == BATCH_TOO_BIG;
}

struct reader *
reader_open(struct input *in, size_t max)
{
	struct reader *rd = xmalloc(sizeof(*rd));
	void *items[BATCHES];
	size_t i;

	memset(rd, 0, sizeof(*rd));
	rd->in = in;
	chunk_init(&rd->r, in, '\n');
	rd->r.max = max;
	chrome_ready();		/* before line_classify() runs on the thread */
	for (i = 0; i < BATCHES; i++)
		items[i] = &rd->batch[i];
	rd->relay = relay_start(fill, rd, items, BATCHES);
	return rd;
}

struct batch *
reader_next(struct reader *rd)
{
	return relay_next(rd->relay);
}

void
reader_done(struct reader *rd)
{
	relay_done(rd->relay);
}

void
reader_close(struct reader *rd)
{
	size_t i;

	relay_stop(rd->relay);
	for (i = 0; i < BATCHES; i++) {
		buf_free(&rd->batch[i].text);
		free(rd->batch[i].v);
	}
	buf_free(&rd->scratch[0]);
	buf_free(&rd->scratch[1]);
	chunk_free(&rd->r);
	free(rd);
}
