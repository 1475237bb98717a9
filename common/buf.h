/*
 * buf.h: a growable byte buffer, and allocation that cannot fail.
 *
 * Running out of memory is the one condition common/ does not return:
 * xmalloc() and friends print "PROG: out of memory" and exit 1, as a
 * program could do nothing better.
 */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>
#include <stdint.h>

struct buf {
	char *p;		/* bytes, owned; NULL while cap == 0 */
	size_t len;		/* bytes in use */
	size_t cap;		/* bytes allocated */
};

#define BUF_INIT { NULL, 0, 0 }

/* never NULL: told to the compiler and the static analysers */
#ifdef __GNUC__
#define BUF_NONNULL __attribute__((returns_nonnull))
#else
#define BUF_NONNULL
#endif

void *xmalloc(size_t n) BUF_NONNULL;
void *xrealloc(void *p, size_t n) BUF_NONNULL;
char *xstrdup(const char *s) BUF_NONNULL;

void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_free(struct buf *b);

/* Append v in decimal. */
void buf_put_u64(struct buf *b, uint64_t v);

/*
 * Write v in decimal so that it ends just before end; returns where it
 * starts (at most 20 bytes before end).
 */
char *u64_decimal(char *end, uint64_t v);

static inline void
buf_putc(struct buf *b, char c)
{
	if (b->len == b->cap)
		buf_reserve(b, 1);
	b->p[b->len++] = c;
}

static inline void
buf_puts(struct buf *b, const char *s)
{
	size_t n = 0;

	while (s[n] != '\0')
		n++;
	buf_append(b, s, n);
}

#endif
