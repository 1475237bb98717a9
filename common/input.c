/* input.c: read a file or standard input, gunzipping it when it is gzip. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "inflate.h"
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
	int eof;		/* read() returned 0 */
	struct inflater *z;
	unsigned char *raw;	/* bytes read from fd */
	size_t rawpos;		/* where those not yet consumed start */
	size_t rawlen;		/* how many of them there are */
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
	if (n == 0)
		in->eof = 1;
	return n;
}

/*
 * Move the unconsumed bytes to the start of in->raw and read until there
 * are at least want of them (fewer at end of file).  -1 on error.
 */
static int
fill_raw(struct input *in, size_t want)
{
	ssize_t n;

	if (in->rawpos > 0) {
		memmove(in->raw, in->raw + in->rawpos, in->rawlen);
		in->rawpos = 0;
	}
	while (in->rawlen < want && !in->eof) {
		n = read_fd(in, in->raw + in->rawlen, RAW_BLOCK - in->rawlen);
		if (n < 0)
			return -1;
		in->rawlen += (size_t)n;
	}
	return 0;
}

static void
consume(struct input *in, size_t n)
{
	in->rawpos += n;
	in->rawlen -= n;
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
	in->z = inflater_new();
	in->gzip = 1;
	in->state = ST_GZIP;
	return 0;
}

static ssize_t
read_plain(struct input *in, char *dst, size_t len)
{
	ssize_t n;

	if (in->rawlen > 0) {	/* bytes read while sniffing */
		n = (ssize_t)(len < in->rawlen ? len : in->rawlen);
		memcpy(dst, in->raw + in->rawpos, (size_t)n);
		consume(in, (size_t)n);
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
	if (!is_gzip_magic(in->raw + in->rawpos, in->rawlen))
		return (int)fail(in, "trailing garbage after gzip data");
	inflater_reset(in->z);
	in->state = ST_GZIP;
	return 0;
}

/*
 * An error after done bytes of output: return those bytes now and the
 * error on the next call.
 */
static ssize_t
gzip_error(struct input *in, size_t done, const char *prefix,
    const char *what)
{
	snprintf(in->err, sizeof(in->err), "%s%s", prefix, what);
	in->state = ST_ERROR;
	return done > 0 ? (ssize_t)done : -1;
}

static ssize_t
read_gzip(struct input *in, char *dst, size_t len)
{
	size_t done = 0, used;

	while (done == 0 && in->state != ST_EOF) {
		if (in->state == ST_GZIP_NEXT) {
			if (next_member(in) < 0)
				return -1;
			continue;
		}
		if (in->rawlen == 0 && fill_raw(in, 1) < 0)
			return -1;
		used = in->rawlen;
		done = len;
		switch (inflater_run(in->z, in->raw + in->rawpos, &used,
		    (unsigned char *)dst, &done)) {
		case INFLATE_END:
			in->state = ST_GZIP_NEXT;
			break;
		case INFLATE_CORRUPT:
			return gzip_error(in, done, "corrupt gzip data: ",
			    inflater_error(in->z));
		case INFLATE_FAIL:
			return gzip_error(in, done, "",
			    inflater_error(in->z));
		case INFLATE_OK:
			/*
			 * No progress: the input ran out (with input, the
			 * decompressors always make progress).
			 */
			if (done == 0 && used == 0)
				return fail(in, "unexpected end of gzip data"
				    " (truncated?)");
			break;
		}
		consume(in, used);
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
	inflater_free(in->z);
	if (in->fd != STDIN_FILENO)
		close(in->fd);
	free(in->raw);
	free(in->name);
	free(in);
}
