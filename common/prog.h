/*
 * prog.h: what every program's main shares: the common options, checked
 * standard output, the exit status, --stats and --progress, and the loop
 * over input files.  This is the cmd/ side of common/: it may exit.
 */
#ifndef PROG_H
#define PROG_H

#include <getopt.h>
#include <stdint.h>

#include "input.h"
#include "msg.h"
#include "output.h"
#include "record.h"

#ifndef VERSION
#define VERSION "unknown"
#endif

enum {
	OPT_VERSION = 0x100,
	OPT_STATS,
	OPT_PROGRESS,
	OPT_SKIP_BAD,
	OPT_MAX_RECORD,
	OPT_THREADS,
	OPT_PROG_LAST		/* a program's own long options start here */
};

/* Long options every program takes; put first in its option table. */
#define PROG_LONG_OPTIONS \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, OPT_VERSION }, \
	{ "stats", no_argument, NULL, OPT_STATS }, \
	{ "progress", no_argument, NULL, OPT_PROGRESS }, \
	{ "skip-bad", no_argument, NULL, OPT_SKIP_BAD }, \
	{ "max-record", required_argument, NULL, OPT_MAX_RECORD }, \
	{ "threads", required_argument, NULL, OPT_THREADS }

struct prog {
	int stats;		/* --stats */
	int progress;		/* --progress */
	int skip_bad;		/* --skip-bad */
	unsigned long long max_record;	/* --max-record, bytes */
	int status;		/* exit status so far */
	struct output out;	/* standard output */
	uint64_t bytes_in;	/* input bytes of finished files */
	uint64_t records_in;
	uint64_t records_out;
	uint64_t bad;		/* malformed records or lines skipped */
};

extern struct prog prog;

/* Set up messages and standard output. */
void prog_init(int argc, char **argv);

/*
 * Print text, the usage, on standard output when status is EXIT_OK (and
 * check the write), else on standard error; then exit with status.
 */
_Noreturn void prog_usage(const char *text, int status);

/*
 * Handle option opt if it is one of PROG_LONG_OPTIONS (or -h); returns 0
 * when it is not.  usage(status) prints the usage and exits.
 */
int prog_option(int opt, const char *arg, void (*usage)(int));

/* A counter that --stats prints, under name (a static string). */
uint64_t *prog_counter(const char *name);

/* Report an error on stderr and remember exit status 1. */
void prog_error(const char *fmt, ...) MSG_PRINTF(1, 2);

/*
 * Report the record being handled by prog_each_record()'s callback as
 * bad ("FILE: record N, byte B: what") and count it; silent with
 * --skip-bad.  The caller then leaves the record out.
 */
void prog_bad_record(const char *fmt, ...) MSG_PRINTF(1, 2);

/* Show progress, at most a few times a second; bytes of this input. */
void prog_tick(uint64_t bytes);

/* With no file operands, read standard input: make argv { "-" }. */
void prog_default_stdin(int *argc, char ***argv);

/* Open an input, reporting failure with prog_error(). */
struct input *prog_open(const char *path);

/*
 * Read every record of the inputs named in argv (standard input when
 * argc is 0), calling fn for each.  Malformed records are reported and
 * skipped (counted, silently, with --skip-bad).
 */
void prog_each_record(int argc, char **argv,
    void (*fn)(struct record *rec, void *arg), void *arg);

/*
 * prog_each_record(), with the reading done ahead on a second thread and
 * prepare(rec, work, out, arg, worker) for each record on as many threads
 * as there are processors (common/ahead.c): prepare fills work_size bytes
 * of work, and may append bytes to out, which work can name by offset;
 * fn(rec, work, outp, arg) then gets the same work and outp, out's bytes,
 * on the calling thread, the records in order.  worker, below
 * PROG_MAX_WORKERS, says which thread prepares, for scratch space of its
 * own; prepare must only read arg, and touch nothing fn does.  When no
 * thread can be started, all runs on the calling thread.
 */
#define PROG_MAX_WORKERS 8
void prog_each_record_ahead(int argc, char **argv, size_t work_size,
    void (*prepare)(const struct record *rec, void *work, struct buf *out,
    void *arg, unsigned worker),
    void (*fn)(struct record *rec, void *work, const char *outp, void *arg),
    void *arg);
/* The record prog_bad_record() names: NULL label for none. */
void prog_reading(const char *label, uint64_t recno, uint64_t offset);

/* Write rec to standard output; a callback for prog_each_record(). */
void prog_write_record(struct record *rec, void *arg);

/* Flush standard output, print --stats, and return the exit status. */
int prog_finish(void);

#endif
