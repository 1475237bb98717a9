/*
 * fuzz.h: what the harnesses share.
 *
 * The modules read files by name and write to file descriptors, and
 * have no in-memory input: the fuzz bytes are put in a memory file
 * (memfd) that they open as /proc/self/fd/N, and what a program would
 * write to standard output goes to a second memory file, to be read
 * back and checked.  Nothing touches the disk or standard output.
 *
 * A harness that finds a broken promise calls fuzz_fail(), which writes
 * to the standard error saved by fuzz_init() (libFuzzer's -close_fd_mask
 * discards the module's messages, not these) and aborts, so that
 * libFuzzer saves the input as a crash.
 *
 * Each harness is one file: the functions are static inline.  Define
 * _GNU_SOURCE before any include (memfd_create).
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "buf.h"
#include "msg.h"
#include "output.h"
#include "prog.h"
#include "record.h"

static int fuzz_errfd = 2;	/* standard error, before libFuzzer's mask */
static int fuzz_in = -1;	/* the fuzz bytes */
static int fuzz_out = -1;	/* what the module writes */
static char fuzz_in_path[64], fuzz_out_path[64];

static inline _Noreturn void fuzz_fail(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static inline _Noreturn void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	dprintf(fuzz_errfd, "fuzz: ");
	va_start(ap, fmt);
	vdprintf(fuzz_errfd, fmt, ap);
	va_end(ap);
	dprintf(fuzz_errfd, "\n");
	abort();
}

/* A memory file, and its name. */
static inline int
fuzz_memfd(const char *name, char *path, size_t len)
{
	int fd;

	if ((fd = memfd_create(name, MFD_CLOEXEC)) < 0)
		fuzz_fail("memfd_create: %s", strerror(errno));
	snprintf(path, len, "/proc/self/fd/%d", fd);
	return fd;
}

/*
 * Call from LLVMFuzzerInitialize(), before libFuzzer closes stderr; name
 * is the harness's, for messages.
 */
static inline void
fuzz_init(const char *name)
{
	int fd;

	msg_init(name);
	if ((fd = dup(2)) >= 0)
		fuzz_errfd = fd;
	fuzz_in = fuzz_memfd("fuzz-input", fuzz_in_path,
	    sizeof(fuzz_in_path));
	fuzz_out = fuzz_memfd("fuzz-output", fuzz_out_path,
	    sizeof(fuzz_out_path));
}

/* Make fd hold exactly p[0..n), its offset at the start. */
static inline void
fuzz_fill(int fd, const void *p, size_t n)
{
	const char *s = p;
	ssize_t w;

	if (ftruncate(fd, 0) < 0 || lseek(fd, 0, SEEK_SET) < 0)
		fuzz_fail("ftruncate: %s", strerror(errno));
	while (n > 0) {
		if ((w = write(fd, s, n)) < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			fuzz_fail("write: %s", strerror(errno));
		s += w;
		n -= (size_t)w;
	}
	if (lseek(fd, 0, SEEK_SET) < 0)
		fuzz_fail("lseek: %s", strerror(errno));
}

/* The fuzz bytes as a file, by name. */
static inline const char *
fuzz_file(const uint8_t *data, size_t size)
{
	fuzz_fill(fuzz_in, data, size);
	return fuzz_in_path;
}

/* Empty the output file: the module's output starts. */
static inline int
fuzz_out_begin(void)
{
	fuzz_fill(fuzz_out, NULL, 0);
	return fuzz_out;
}

/*
 * What was written to the output file since fuzz_out_begin(), in a
 * buffer of the caller's to free (NUL-terminated, for safety).
 */
static inline char *
fuzz_out_take(size_t *len)
{
	off_t size = lseek(fuzz_out, 0, SEEK_END);
	size_t got = 0;
	ssize_t r;
	char *p;

	if (size < 0)
		fuzz_fail("lseek: %s", strerror(errno));
	p = xmalloc((size_t)size + 1);
	while (got < (size_t)size) {
		r = pread(fuzz_out, p + got, (size_t)size - got, (off_t)got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			fuzz_fail("pread: %s", strerror(errno));
		got += (size_t)r;
	}
	p[got] = '\0';
	*len = got;
	return p;
}

/*
 * Check that p[0..n), a program's output, is records of dstream(5):
 * each parses, and the last ends with its NUL byte.  Returns how many.
 */
static inline size_t
fuzz_check_records(const char *who, const char *p, size_t n)
{
	struct record rec;
	const char *end = p + n, *nul;
	char err[160];
	size_t off, count = 0;

	if (n > 0 && end[-1] != '\0')
		fuzz_fail("%s: output does not end with a NUL byte", who);
	rec_init(&rec);
	for (; p < end; p = nul + 1, count++) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (rec_parse(&rec, p, (size_t)(nul - p), err, sizeof(err),
		    &off) < 0)
			fuzz_fail("%s: output record %zu is bad at byte %zu:"
			    " %s: \"%.*s\"", who, count + 1, off + 1, err,
			    (int)(nul - p > 200 ? 200 : nul - p), p);
	}
	rec_free(&rec);
	return count;
}

/*
 * End a run that wrote to prog.out (opened on fuzz_out_begin()): flush
 * it, and check that what who wrote is records.
 */
static inline void
fuzz_out_check(const char *who)
{
	size_t n;
	char *p;

	if (out_flush(&prog.out) < 0)
		fuzz_fail("write error on the output file");
	out_free(&prog.out);
	p = fuzz_out_take(&n);
	fuzz_check_records(who, p, n);
	free(p);
}

#endif
