/*
 * output.h: buffered output to a file descriptor, every write checked.
 *
 * The first failed write is remembered (out->err holds its errno) and
 * later writes do nothing; the owner's on_error hook, when set, is called
 * once at that moment.  out_flush() reports it too.
 */
#ifndef OUTPUT_H
#define OUTPUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct output {
	int fd;
	char *buf;
	size_t len;
	size_t cap;
	int err;			/* errno of the first failure, or 0 */
	uint64_t bytes;			/* bytes accepted so far */
	void (*on_error)(struct output *);
};

void out_init(struct output *o, int fd, size_t cap);
void out_free(struct output *o);

/* Write everything buffered.  Returns 0, or -1 with o->err set. */
int out_flush(struct output *o);

/* Append n bytes; large writes bypass the buffer.  Returns 0 or -1. */
int out_write_slow(struct output *o, const void *p, size_t n);

static inline int
out_write(struct output *o, const void *p, size_t n)
{
	if (n <= o->cap - o->len) {
		memcpy(o->buf + o->len, p, n);
		o->len += n;
		o->bytes += n;
		return 0;
	}
	return out_write_slow(o, p, n);
}

static inline int
out_putc(struct output *o, char c)
{
	if (o->len < o->cap) {
		o->buf[o->len++] = c;
		o->bytes++;
		return 0;
	}
	return out_write_slow(o, &c, 1);
}

static inline int
out_puts(struct output *o, const char *s)
{
	return out_write(o, s, strlen(s));
}

#endif
