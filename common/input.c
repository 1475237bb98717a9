/* input.c: read a file or standard input, gunzipping it when it is gzip. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "input.h"

#define RAW_BLOCK (256 * 1024)	/* compressed bytes read at a time */

enum state {
	ST_SNIFF,		/* nothing read yet */
	ST_PLAIN,		/* not gzip: read through */
	ST_GZIP,		/* inside a gzip member */
	ST_GZIP_NEXT,		/* between members: another, or the end */
	ST_EOF,
	ST_ERROR
};

struct input {
	char *name;
	int fd;
	enum state state;
	int gzip;
	z_stream zs;
	int zinit;
	unsigned char *raw;	/* bytes read from fd, not yet consumed */
	size_t rawlen;		/* valid bytes in raw */
	char err[160];
};

struct input *
input_open(const char *path, const char **errmsg)
{
	struct input *in;
	int fd;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) < 0) {
		*errmsg = strerror(errno);
		return NULL;
	}
	in = xmalloc(sizeof(*in));
	memset(in, 0, sizeof(*in));
	in->name = xstrdup(path);
	in->fd = fd;
	in->state = ST_SNIFF;
	in->raw = xmalloc(RAW_BLOCK);
	return in;
}

static ssize_t
fail(struct input *in, const char *what)
{
	snprintf(in->err, sizeof(in->err), "%s", what);
	in->state = ST_ERROR;
	return -1;
}

/* read(2), retried on EINTR. */
static ssize_t
read_fd(struct input *in, void *dst, size_t len)
{
	ssize_t n;

	do
		n = read(in->fd, dst, len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return fail(in, strerror(errno));
	return n;
}

/*
 * Top up in->raw to at least want bytes (fewer at end of file), keeping
 * the unconsumed bytes that zs.next_in points to.  Returns -1 on error.
 */
static int
fill_raw(struct input *in, size_t want)
{
	ssize_t n;

	if (in->rawlen > 0 && in->zs.next_in != in->raw && in->zinit)
		memmove(in->raw, in->zs.next_in, in->rawlen);
	in->zs.next_in = in->raw;
	while (in->rawlen < want) {
		n = read_fd(in, in->raw + in->rawlen, RAW_BLOCK - in->rawlen);
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		in->rawlen += (size_t)n;
	}
	in->zs.avail_in = (uInt)in->rawlen;
	return 0;
}

static int
is_gzip_magic(const unsigned char *p, size_t n)
{
	return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/* Look at the first bytes to decide between gzip and plain data. */
static int
sniff(struct input *in)
{
	if (fill_raw(in, 2) < 0)
		return -1;
	if (!is_gzip_magic(in->raw, in->rawlen)) {
		in->state = ST_PLAIN;
		return 0;
	}
	if (inflateInit2(&in->zs, 15 + 16) != Z_OK)
		return (int)fail(in, "cannot initialise zlib");
	in->zinit = 1;
	in->gzip = 1;
	in->zs.next_in = in->raw;
	in->zs.avail_in = (uInt)in->rawlen;
	in->state = ST_GZIP;
	return 0;
}

static ssize_t
read_plain(struct input *in, char *dst, size_t len)
{
	ssize_t n;

	if (in->rawlen > 0) {	/* bytes read while sniffing */
		n = (ssize_t)(len < in->rawlen ? len : in->rawlen);
		memcpy(dst, in->raw, (size_t)n);
		memmove(in->raw, in->raw + n, in->rawlen - (size_t)n);
		in->rawlen -= (size_t)n;
		return n;
	}
	n = read_fd(in, dst, len);
	if (n == 0)
		in->state = ST_EOF;
	return n;
}

/* Between members: start the next one, or end at end of file. */
static int
next_member(struct input *in)
{
	if (in->rawlen < 2 && fill_raw(in, 2) < 0)
		return -1;
	if (in->rawlen == 0) {
		in->state = ST_EOF;
		return 0;
	}
	if (!is_gzip_magic(in->zs.next_in, in->rawlen))
		return (int)fail(in, "trailing garbage after gzip data");
	if (inflateReset(&in->zs) != Z_OK)
		return (int)fail(in, "cannot reset zlib");
	in->state = ST_GZIP;
	return 0;
}

static ssize_t
read_gzip(struct input *in, char *dst, size_t len)
{
	size_t done = 0;
	int ret;

	if (len > UINT32_MAX)
		len = UINT32_MAX;
	while (done == 0 && in->state != ST_EOF) {
		if (in->state == ST_GZIP_NEXT) {
			if (next_member(in) < 0)
				return -1;
			continue;
		}
		if (in->rawlen == 0) {
			if (fill_raw(in, 1) < 0)
				return -1;
			if (in->rawlen == 0)
				return fail(in,
				    "unexpected end of gzip data (truncated?)");
		}
		in->zs.next_out = (unsigned char *)dst;
		in->zs.avail_out = (uInt)len;
		ret = inflate(&in->zs, Z_NO_FLUSH);
		done = len - in->zs.avail_out;
		in->rawlen = in->zs.avail_in;
		if (ret == Z_STREAM_END)
			in->state = ST_GZIP_NEXT;
		else if (ret == Z_DATA_ERROR || ret == Z_NEED_DICT) {
			char what[120];

			snprintf(what, sizeof(what), "corrupt gzip data: %s",
			    in->zs.msg ? in->zs.msg : "invalid data");
			if (done > 0) {
				/* report the error on the next call */
				memcpy(in->err, what, sizeof(what));
				in->state = ST_ERROR;
				in->err[sizeof(in->err) - 1] = '\0';
				return (ssize_t)done;
			}
			return fail(in, what);
		} else if (ret == Z_MEM_ERROR)
			return fail(in, "out of memory in zlib");
		/* Z_OK, or Z_BUF_ERROR: needs more input; loop */
	}
	return (ssize_t)done;
}

ssize_t
input_read(struct input *in, char *dst, size_t len)
{
	if (len == 0)
		return 0;
	if (in->state == ST_SNIFF && sniff(in) < 0)
		return -1;
	switch (in->state) {
	case ST_PLAIN:
		return read_plain(in, dst, len);
	case ST_GZIP:
	case ST_GZIP_NEXT:
		return read_gzip(in, dst, len);
	case ST_ERROR:
		return -1;
	default:
		return 0;
	}
}

const char *
input_error(const struct input *in)
{
	return in->err;
}

const char *
input_name(const struct input *in)
{
	return in->name;
}

const char *
input_label(const struct input *in)
{
	return in->fd == STDIN_FILENO ? "stdin" : in->name;
}

int
input_is_gzip(const struct input *in)
{
	return in->gzip;
}

void
input_close(struct input *in)
{
	if (in == NULL)
		return;
	if (in->zinit)
		inflateEnd(&in->zs);
	if (in->fd != STDIN_FILENO)
		close(in->fd);
	free(in->raw);
	free(in->name);
	free(in);
}
