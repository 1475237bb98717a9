/*
 * input.c: read a file or standard input, gunzipping it when it is gzip.
 *
 * Gzip data is decompressed on a second thread, the producer, into a
 * small ring of buffers, and input_read() copies it out of them: the
 * caller's work overlaps the decompression.  When the thread cannot be
 * started, input_read() decompresses on the calling thread instead.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "inflate.h"
#include "input.h"
#include "threads.h"

#define RAW_BLOCK ((size_t)256 * 1024)	/* compressed bytes read at a time */
#define RING_SLOTS 8		/* buffers of decompressed data */
#define SLOT_SIZE ((size_t)1024 * 1024)	/* the size of each */

enum state {
	ST_SNIFF,		/* nothing read yet */
	ST_PLAIN,		/* not gzip: read through */
	ST_GZIP,		/* inside a gzip member */
	ST_GZIP_NEXT,		/* between members: another, or the end */
	ST_EOF,
	ST_ERROR
};

/* How the producer ended. */
enum ring_end {
	RING_RUNNING,
	RING_EOF,
	RING_ERROR		/* its message in in->err */
};

struct slot {
	char *p;
	size_t len;
};

/*
 * The ring of buffers between the producer and input_read().  The
 * producer fills the slot after the ready ones, input_read() reads the
 * first ready one; each side owns its slot, so that only the counts
 * need the lock.  The producer also owns what it works on in struct
 * input (state, eof, z, raw, err) until input_close() joins it.
 */
struct ring {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t filled;	/* ready went up, or end was set */
	pthread_cond_t emptied;	/* ready went down, or stop was set */
	struct slot slot[RING_SLOTS];
	size_t head;		/* the first ready slot (input_read's) */
	size_t pos;		/* bytes of it already read */
	size_t ready;		/* locked: slots filled and not yet read */
	enum ring_end end;	/* locked */
	int stop;		/* locked: input_close() wants the end */
	int wake[2];		/* a pipe: closing wake[1] wakes a poll */
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
	struct ring *ring;	/* while a producer runs */
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

/*
 * In the producer: wait until in->fd has input, or until input_close()
 * closes the write end of the wake pipe (-1 then), so that closing never
 * waits for a pipe that stays idle.
 */
static int
wait_input(const struct input *in)
{
	struct pollfd p[2];

	p[0].fd = in->fd;
	p[1].fd = in->ring->wake[0];
	p[0].events = p[1].events = POLLIN;
	p[0].revents = p[1].revents = 0;
	while (poll(p, 2, -1) < 0)
		if (errno != EINTR)
			return 0;	/* read() will tell */
	return p[1].revents != 0 ? -1 : 0;
}

/* read(2), retried on EINTR. */
static ssize_t
read_fd(struct input *in, void *dst, size_t len)
{
	ssize_t n;

	if (in->ring != NULL && wait_input(in) < 0)
		return fail(in, "closed");
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

/*
 * Decompress into dst.  Returns as soon as there is output: it waits for
 * input only when it has none to give.
 */
static ssize_t
read_gzip(struct input *in, char *dst, size_t len)
{
	size_t done = 0, used;

	if (in->state == ST_ERROR)
		return -1;
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

static void
free_ring(struct ring *r)
{
	int i;

	for (i = 0; i < 2; i++)
		if (r->wake[i] >= 0)
			close(r->wake[i]);
	for (i = 0; i < RING_SLOTS; i++)
		free(r->slot[i].p);
	pthread_cond_destroy(&r->emptied);
	pthread_cond_destroy(&r->filled);
	pthread_mutex_destroy(&r->lock);
	free(r);
}

/*
 * The producer thread: decompress into the free slots in turn, until
 * the end, an error or input_close().  Each slot is handed over with
 * what one read_gzip() gives, which returns before it would wait for
 * input: data that comes slowly through a pipe is not held back.
 */
static void *
produce(void *arg)
{
	struct input *in = arg;
	struct ring *r = in->ring;
	struct slot *s;
	size_t fill = 0;	/* the slot to fill next */
	ssize_t n = 1;
	int stop;

	while (n > 0) {
		pthread_mutex_lock(&r->lock);
		while (r->ready == RING_SLOTS && !r->stop)
			pthread_cond_wait(&r->emptied, &r->lock);
		stop = r->stop;
		pthread_mutex_unlock(&r->lock);
		if (stop)
			break;
		s = &r->slot[fill];
		n = read_gzip(in, s->p, SLOT_SIZE);
		pthread_mutex_lock(&r->lock);
		if (n > 0) {
			s->len = (size_t)n;
			r->ready++;
			fill = (fill + 1) % RING_SLOTS;
		} else
			r->end = n < 0 ? RING_ERROR : RING_EOF;
		pthread_cond_signal(&r->filled);
		pthread_mutex_unlock(&r->lock);
	}
	return NULL;
}

/*
 * Start the producer on an empty ring; -1 when it cannot be started.
 * Its signals are blocked, so that they still go to the caller's thread.
 */
static int
start_producer(struct input *in)
{
	struct ring *r = xmalloc(sizeof(*r));
	sigset_t all, old;
	int i, err;

	memset(r, 0, sizeof(*r));
	if (pipe(r->wake) < 0) {
		free(r);
		return -1;
	}
	pthread_mutex_init(&r->lock, NULL);
	pthread_cond_init(&r->filled, NULL);
	pthread_cond_init(&r->emptied, NULL);
	for (i = 0; i < RING_SLOTS; i++)
		r->slot[i].p = xmalloc(SLOT_SIZE);
	in->ring = r;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&r->thread, NULL, produce, in);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err != 0) {
		in->ring = NULL;
		free_ring(r);
		return -1;
	}
	return 0;
}

/* Stop the producer, wherever it waits, and free the ring. */
static void
stop_producer(struct ring *r)
{
	pthread_mutex_lock(&r->lock);
	r->stop = 1;
	pthread_cond_signal(&r->emptied);
	pthread_mutex_unlock(&r->lock);
	close(r->wake[1]);
	r->wake[1] = -1;
	pthread_join(r->thread, NULL);
	free_ring(r);
}

/*
 * input_read() while a producer runs: copy out of the ready slots,
 * waiting for one only while nothing is copied yet.
 */
static ssize_t
read_ring(struct ring *r, char *dst, size_t len)
{
	const struct slot *s;
	enum ring_end end;
	size_t done = 0, n;

	pthread_mutex_lock(&r->lock);
	for (;;) {
		while (done == 0 && r->ready == 0 && r->end == RING_RUNNING)
			pthread_cond_wait(&r->filled, &r->lock);
		if (r->ready == 0 || done == len)
			break;
		pthread_mutex_unlock(&r->lock);
		s = &r->slot[r->head];
		n = s->len - r->pos < len - done ? s->len - r->pos :
		    len - done;
		memcpy(dst + done, s->p + r->pos, n);
		done += n;
		r->pos += n;
		pthread_mutex_lock(&r->lock);
		if (r->pos == s->len) {
			r->pos = 0;
			r->head = (r->head + 1) % RING_SLOTS;
			r->ready--;
			pthread_cond_signal(&r->emptied);
		}
	}
	end = r->end;
	pthread_mutex_unlock(&r->lock);
	if (done > 0)
		return (ssize_t)done;
	return end == RING_ERROR ? -1 : 0;
}

ssize_t
input_read(struct input *in, char *dst, size_t len)
{
	if (len == 0)
		return 0;
	if (in->ring != NULL)
		return read_ring(in->ring, dst, len);
	if (in->state == ST_SNIFF) {
		if (sniff(in) < 0)
			return -1;
		if (in->gzip && threads_count() > 1 &&
		    start_producer(in) == 0)
			return read_ring(in->ring, dst, len);
	}
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
	if (in->ring != NULL)
		stop_producer(in->ring);
	inflater_free(in->z);
	if (in->fd != STDIN_FILENO)
		close(in->fd);
	free(in->raw);
	free(in->name);
	free(in);
}
