/*
 * reader.c: lines of an input, cleaned and classified in batches.
 *
 * Lines end with LF, CRLF or a lone CR (--max-record counts each line
 * apart).  Line numbers and byte offsets are those of the (decompressed)
 * input, counted from 1.  The reading,
 * the cleaning and line_classify() run on the relay's thread, while the
 * segmenter works on the batch before.
 *
 * The input is read straight into a batch's raw buffer, and a line of
 * plain text (valid UTF-8 without control bytes but tab, which is most
 * of them) is left there: one pass finds its end and checks it.  Other
 * lines are split at lone CRs and cleaned into the clean buffer.  The
 * unfinished line at the end of a batch is carried to the next one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chrome.h"
#include "reader.h"
#include "relay.h"
#include "threads.h"
#include "utf8.h"

#define BATCHES 4		/* batches in the relay */
#define BATCH_BYTES ((size_t)1024 * 1024)	/* input that ends a batch */
#define READ_BLOCK ((size_t)256 * 1024)	/* the least asked of input_read() */

struct reader {
	struct input *in;
	size_t max;		/* longest line kept; 0: no limit */
	uint64_t lineno;	/* of the last line read */
	uint64_t base;		/* input offset of the carried bytes */
	struct buf carry;	/* the start of an unfinished line */
	int skipping;		/* dropping the rest of a line over max */
	int eof;		/* input_read() returned 0 */
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

void
clean_seek(struct clean_pos *p, const char *s, size_t n, size_t off)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char c[4] = { 0 };
	size_t at[4] = { 0 }, i, k;
	int len;

	while (p->clean < off && p->raw < n) {
		if (u[p->raw] != '\0' && u[p->raw] < 0x80) {
			p->clean++;
			p->raw++;
			continue;
		}
		/* the next character with the NUL bytes in it left out, as
		 * clean_text() drops them before it repairs */
		for (i = p->raw, k = 0; i < n && k < 4; i++)
			if (u[i] != '\0') {
				c[k] = u[i];
				at[k++] = i;
			}
		if (k == 0)
			break;		/* only NUL bytes are left */
		len = utf8_sequence(c, k);
		p->clean += len > 0 ? (size_t)len : 3;	/* or U+FFFD */
		p->raw = at[(len > 0 ? len : -len) - 1] + 1;
	}
	for (p->next = p->raw; p->next < n && s[p->next] == '\0'; p->next++)
		continue;
}

/* Room for one more line in b; the new line, numbered. */
static struct line *
new_line(struct reader *rd, struct batch *b)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 1024;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	b->v[b->n].lineno = ++rd->lineno;
	return &b->v[b->n++];
}

/* Add the plain line of raw bytes at..at+n, input offset base. */
static void
add_plain(struct reader *rd, struct batch *b, uint64_t base, size_t at,
    size_t n)
{
	struct line *l = new_line(rd, b);

	l->off = at;
	l->len = n;
	l->byte = base + at + 1;
	l->end = base + at + n;
	line_classify(l, b->raw.p + at);
}

/*
 * Add s[0..n), read at input bytes byte..end, cleaned; when that changes
 * it, s is kept after the text (see batch_source()).
 */
static void
add_cleaned(struct reader *rd, struct batch *b, const char *s, size_t n,
    uint64_t byte, uint64_t end)
{
	struct line *l = new_line(rd, b);
	size_t len = n;
	const char *t = clean_text(s, &len, rd->scratch, &b->nuls,
	    &b->repaired);

	l->off = b->clean.len | BATCH_CLEAN;
	l->len = len;
	l->byte = byte;
	l->end = end;
	buf_append(&b->clean, t, len);
	line_classify(l, b->clean.p + (l->off & ~BATCH_CLEAN));
	if (t != s) {
		l->flags |= LF_CLEANED;
		buf_append(&b->clean, s, n);
	}
}

/* Add the raw bytes at..at+n, split at lone CRs, cleaned. */
static void
add_dirty(struct reader *rd, struct batch *b, uint64_t base, size_t at,
    size_t n)
{
	const char *p = b->raw.p + at, *end = p + n, *q, *cr, *stop;
	uint64_t off = base + at;

	for (q = p; ; q = cr + 1) {
		cr = memchr(q, '\r', (size_t)(end - q));
		stop = cr != NULL ? cr : end;
		add_cleaned(rd, b, q, (size_t)(stop - q), off +
		    (uint64_t)(q - p) + 1, off + (uint64_t)(stop - p));
		if (cr == NULL || cr + 1 == end)
			break;
	}
}

/*
 * Where the line at p ends: its LF, the LF of its CRLF, or its lone CR;
 * and whether it is plain text.  NULL when its end is not read yet (a CR
 * at the end of what is read may be the start of a CRLF).
 */
static const char *
line_end(const char *p, const char *end, int eof, int *plain)
{
	const char *q = p + utf8_text_prefix(p, (size_t)(end - p));

	if (q < end && *q == '\n') {
		*plain = 1;
		return q;
	}
	*plain = 0;
	for (; q < end; q++) {
		if (*q == '\n')
			return q;
		if (*q == '\r') {
			if (q + 1 < end)
				return q[1] == '\n' ? q + 1 : q;
			return eof ? q : NULL;
		}
	}
	return NULL;
}

/* The relay's fill(): read lines into a batch until it is full. */
static int
fill(void *arg, void *item)
{
	struct reader *rd = arg;
	struct batch *b = item;
	uint64_t base = rd->base;	/* input offset of raw.p[0] */
	size_t pos = 0;			/* the first byte of no line yet */
	size_t scan = 0;		/* bytes after pos without a newline */
	const char *e, *nl;
	ssize_t got;
	int plain;

	b->n = b->raw.len = b->clean.len = 0;
	b->nuls = b->repaired = 0;
	b->end = BATCH_MORE;
	buf_reserve(&b->raw, READ_BLOCK);	/* never null pointers */
	buf_reserve(&b->clean, 1);
	if (rd->carry.len > 0)
		buf_append(&b->raw, rd->carry.p, rd->carry.len);
	rd->carry.len = 0;
	for (;;) {
		e = b->raw.p + b->raw.len;
		if (rd->skipping) {	/* the rest of a line over max */
			nl = memchr(b->raw.p + pos, '\n', b->raw.len - pos);
			if (nl == NULL) {
				base += b->raw.len - pos;
				b->raw.len = pos;
			} else {
				pos = (size_t)(nl - b->raw.p) + 1;
				rd->skipping = 0;
				b->too_big = ++rd->lineno;
				b->end = BATCH_TOO_BIG;
				break;
			}
		}
		while (!rd->skipping && pos < b->raw.len &&
		    (nl = line_end(b->raw.p + pos + scan, e, rd->eof,
		    &plain)) != NULL) {
			size_t n = (size_t)(nl - b->raw.p) - pos;

			if (rd->max > 0 && n > rd->max) {
				b->too_big = ++rd->lineno;
				b->end = BATCH_TOO_BIG;
				pos += n + 1;
				goto done;
			}
			if (plain && scan == 0)
				add_plain(rd, b, base, pos, n);
			else
				add_dirty(rd, b, base, pos, n);
			pos += n + 1;
			scan = 0;
		}
		if (!rd->skipping && pos < b->raw.len) {
			/* an unfinished line: look on from where it stops */
			scan = b->raw.len - pos > 3 ? b->raw.len - pos - 3 : 0;
			if (rd->max > 0 && b->raw.len - pos > rd->max) {
				rd->skipping = 1;	/* drop it as it comes */
				base += b->raw.len - pos;
				b->raw.len = pos;
				scan = 0;
				continue;
			}
		}
		if (rd->eof) {
			if (pos < b->raw.len)	/* a last line without newline */
				add_dirty(rd, b, base, pos, b->raw.len - pos);
			pos = b->raw.len;
			if (rd->skipping) {
				rd->skipping = 0;
				b->too_big = ++rd->lineno;
				b->end = BATCH_TOO_BIG;
				goto done;
			}
			b->end = BATCH_END;
			break;
		}
		if (pos >= BATCH_BYTES)
			break;
		buf_reserve(&b->raw, READ_BLOCK);
		got = input_read(rd->in, b->raw.p + b->raw.len,
		    b->raw.cap - b->raw.len);
		if (got < 0) {
			snprintf(b->err, sizeof(b->err), "%s",
			    input_error(rd->in));
			b->end = BATCH_ERROR;
			break;
		}
		if (got == 0)
			rd->eof = 1;
		b->raw.len += (size_t)got;
	}
done:
	/* carry the unfinished line to the next batch */
	if (b->end != BATCH_END && b->end != BATCH_ERROR &&
	    pos < b->raw.len) {
		buf_append(&rd->carry, b->raw.p + pos, b->raw.len - pos);
		b->raw.len = pos;
	}
	rd->base = base + pos;
	b->consumed = rd->base;
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
	rd->max = max;
	chrome_ready();		/* before line_classify() runs on the thread */
	for (i = 0; i < BATCHES; i++)
		items[i] = &rd->batch[i];
	/* one thread: lines read and classified when asked for */
	rd->relay = relay_start_workers(fill, NULL, rd, items, BATCHES,
	    threads_count() > 1);
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
		buf_free(&rd->batch[i].raw);
		buf_free(&rd->batch[i].clean);
		free(rd->batch[i].v);
	}
	buf_free(&rd->carry);
	buf_free(&rd->scratch[0]);
	buf_free(&rd->scratch[1]);
	free(rd);
}
