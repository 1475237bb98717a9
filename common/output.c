/* output.c: buffered output to a file descriptor, every write checked. */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "buf.h"
#include "output.h"

void
out_init(struct output *o, int fd, size_t cap)
{
	o->fd = fd;
	o->cap = cap;
	o->buf = xmalloc(cap);
	o->len = 0;
	o->err = 0;
	o->bytes = 0;
	o->on_error = NULL;
}

void
out_free(struct output *o)
{
	free(o->buf);
	o->buf = NULL;
	o->cap = o->len = 0;
}

/* write(2) all of p, retrying on EINTR and short writes. */
static int
write_all(struct output *o, const char *p, size_t n)
{
	ssize_t w;

	if (o->err)
		return -1;
	while (n > 0) {
		w = write(o->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			o->err = w < 0 ? errno : EIO;
			if (o->on_error != NULL)
				o->on_error(o);
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
out_flush(struct output *o)
{
	size_t n = o->len;

	o->len = 0;
	if (write_all(o, o->buf, n) < 0)
		return -1;
	return 0;
}

int
out_write_slow(struct output *o, const void *p, size_t n)
{
	const char *s = p;
	size_t room;

	if (o->err)
		return -1;
	o->bytes += n;
	if (o->len > 0) {
		room = o->cap - o->len;
		if (room > n)
			room = n;
		memcpy(o->buf + o->len, s, room);
		o->len += room;
		s += room;
		n -= room;
		if (out_flush(o) < 0)
			return -1;
	}
	if (n >= o->cap)
		return write_all(o, s, n);
	memcpy(o->buf, s, n);
	o->len = n;
	return 0;
}
