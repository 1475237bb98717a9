/* buf.c: a growable byte buffer, and allocation that cannot fail. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "msg.h"

static _Noreturn void
out_of_memory(void)
{
	msg_die(EXIT_DATA, "out of memory");
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* Make room for at least extra more bytes, growing by half again. */
void
buf_reserve(struct buf *b, size_t extra)
{
	size_t want, cap;

	if (extra > SIZE_MAX - b->len)
		out_of_memory();
	want = b->len + extra;
	if (want <= b->cap)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap < want)
		cap = cap > SIZE_MAX / 3 * 2 ? want : cap + cap / 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void
buf_append(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	buf_reserve(b, n);
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

char *
u64_decimal(char *end, uint64_t v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324"
	    "25262728293031323334353637383940414243444546474849"
	    "50515253545556575859606162636465666768697071727374"
	    "75767778798081828384858687888990919293949596979899";
	uint32_t small;
	size_t k;

	while (v > UINT32_MAX) {	/* two digits at a time */
		k = (size_t)(v % 100) * 2;
		v /= 100;
		*--end = pairs[k + 1];
		*--end = pairs[k];
	}
	small = (uint32_t)v;		/* 32-bit division is faster */
	while (small >= 100) {
		k = (size_t)(small % 100) * 2;
		small /= 100;
		*--end = pairs[k + 1];
		*--end = pairs[k];
	}
	if (small >= 10) {
		*--end = pairs[(size_t)small * 2 + 1];
		*--end = pairs[(size_t)small * 2];
	} else {
		*--end = (char)('0' + small);
	}
	return end;
}

void
buf_put_u64(struct buf *b, uint64_t v)
{
	char num[20], *p = u64_decimal(num + sizeof(num), v);

	buf_append(b, p, (size_t)(num + sizeof(num) - p));
}
