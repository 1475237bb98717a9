/* prog.c: what every program's main shares. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "number.h"
#include "prog.h"
#include "threads.h"

#define OUT_BUFFER ((size_t)256 * 1024)
#define MAX_COUNTERS 32
#define DEFAULT_MAX_RECORD (1ULL << 30)

struct prog prog;

static struct {
	const char *name;
	uint64_t n;
} counters[MAX_COUNTERS];
static size_t ncounters;

static struct timespec started, shown;
/* The record being handled, for prog_bad_record(): see prog_reading(). */
static const char *reading_label;	/* NULL: none */
static uint64_t reading_recno, reading_offset;
static int shown_any;

/* A failed write to standard output ends the program. */
static void
stdout_failed(struct output *o)
{
	if (o->err == EPIPE)
		_exit(EXIT_OK);		/* the reader went away: quietly */
	msg_die(EXIT_DATA, "write error: %s", strerror(o->err));
}

static double
seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	    (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

void
prog_init(int argc, char **argv)
{
	msg_init(argc > 0 ? argv[0] : NULL);
	if (argc > 0)
		argv[0] = (char *)msg_prog;	/* getopt's messages too */
	out_init(&prog.out, STDOUT_FILENO, OUT_BUFFER);
	prog.out.on_error = stdout_failed;
	prog.max_record = DEFAULT_MAX_RECORD;
	(void)threads_count();	/* the default, before any thread reads it */
	clock_gettime(CLOCK_MONOTONIC, &started);
}

void
prog_usage(const char *text, int status)
{
	FILE *f = status == EXIT_OK ? stdout : stderr;

	fputs(text, f);
	if (status == EXIT_OK && (fflush(f) == EOF || ferror(f)))
		msg_die(EXIT_DATA, "write error: %s", strerror(errno));
	exit(status);
}

int
prog_option(int opt, const char *arg, void (*usage)(int))
{
	const char *errstr;

	switch (opt) {
	case 'h':
		usage(EXIT_OK);
		break;
	case OPT_VERSION:
		printf("%s %s\n", msg_prog, VERSION);
		if (fflush(stdout) == EOF || ferror(stdout))
			msg_die(EXIT_DATA, "write error: %s", strerror(errno));
		exit(EXIT_OK);
	case OPT_STATS:
		prog.stats = 1;
		break;
	case OPT_PROGRESS:
		prog.progress = 1;
		break;
	case OPT_SKIP_BAD:
		prog.skip_bad = 1;
		break;
	case OPT_MAX_RECORD:
		prog.max_record = (unsigned long long)num_parse_size(arg, 1,
		    LLONG_MAX, &errstr);
		if (errstr != NULL) {
			msg_warn("--max-record %s: %s", arg, errstr);
			usage(EXIT_USAGE);
		}
		break;
	case OPT_THREADS:
		threads_set((unsigned)num_parse(arg, 1, INT_MAX,
		    &errstr));
		if (errstr != NULL) {
			msg_warn("--threads %s: %s", arg, errstr);
			usage(EXIT_USAGE);
		}
		break;
	default:
		return 0;
	}
	return 1;
}

void
prog_bad_record(const char *fmt, ...)
{
	char what[200];
	va_list ap;

	prog.bad++;
	if (prog.skip_bad)
		return;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (reading_label != NULL)
		prog_error("%s: record %llu, byte %llu: %s", reading_label,
		    (unsigned long long)reading_recno,
		    (unsigned long long)reading_offset + 1, what);
	else
		prog_error("%s", what);
}

uint64_t *
prog_counter(const char *name)
{
	size_t i;

	for (i = 0; i < ncounters; i++)
		if (strcmp(counters[i].name, name) == 0)
			return &counters[i].n;
	if (ncounters == MAX_COUNTERS)
		msg_die(EXIT_DATA, "too many counters");
	counters[ncounters].name = name;
	return &counters[ncounters++].n;
}

void
prog_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vwarn(fmt, ap);
	va_end(ap);
	prog.status = EXIT_DATA;
}

static void
show_progress(uint64_t bytes, int final)
{
	double secs = seconds_since(&started);
	double mb = (double)bytes / 1e6;

	fprintf(stderr, "%s%s: %.1f MB, %llu records, %.1f MB/s%s",
	    isatty(STDERR_FILENO) ? "\r" : "", msg_prog, mb,
	    (unsigned long long)prog.records_in,
	    secs > 0 ? mb / secs : 0.0,
	    isatty(STDERR_FILENO) && !final ? "   " : "\n");
	clock_gettime(CLOCK_MONOTONIC, &shown);
	shown_any = 1;
}

void
prog_tick(uint64_t bytes)
{
	double gap;

	if (!prog.progress)
		return;
	gap = isatty(STDERR_FILENO) ? 0.25 : 1.0;
	if (seconds_since(shown_any ? &shown : &started) >= gap)
		show_progress(prog.bytes_in + bytes, 0);
}

struct input *
prog_open(const char *path)
{
	struct input *in;
	const char *err;

	in = input_open(path, &err);
	if (in == NULL)
		prog_error("%s: %s", path, err);
	return in;
}

void
prog_reading(const char *label, uint64_t recno, uint64_t offset)
{
	reading_label = label;
	reading_recno = recno;
	reading_offset = offset;
}

/* Read the records of one input. */
static void
each_record_of(struct input *in, struct record *rec,
    void (*fn)(struct record *, void *), void *arg)
{
	struct rec_reader r;
	int ret;

	rec_reader_init(&r, in);
	r.chunks.max = (size_t)prog.max_record;
	while ((ret = rec_read(&r, rec)) != REC_END) {
		if (ret == REC_ERROR) {
			prog_error("%s: %s", input_label(in), r.err);
			break;
		}
		if (ret == REC_BAD) {
			prog.bad++;
			if (!prog.skip_bad)
				prog_error("%s: %s", input_label(in), r.err);
			continue;
		}
		prog.records_in++;
		prog_reading(input_label(in), r.recno, r.chunks.offset);
		fn(rec, arg);
		prog_reading(NULL, 0, 0);
		prog_tick(chunk_consumed(&r.chunks));
	}
	prog.bytes_in += chunk_consumed(&r.chunks);
	rec_reader_free(&r);
}

void
prog_default_stdin(int *argc, char ***argv)
{
	static char *stdin_only[] = { "-", NULL };

	if (*argc == 0) {
		*argc = 1;
		*argv = stdin_only;
	}
}

void
prog_each_record(int argc, char **argv,
    void (*fn)(struct record *, void *), void *arg)
{
	struct record rec;
	struct input *in;
	int i;

	prog_default_stdin(&argc, &argv);
	rec_init(&rec);
	for (i = 0; i < argc; i++) {
		if ((in = prog_open(argv[i])) == NULL)
			continue;
		each_record_of(in, &rec, fn, arg);
		input_close(in);
	}
	rec_free(&rec);
}

void
prog_write_record(struct record *rec, void *arg)
{
	(void)arg;
	rec_write(&prog.out, rec);
	prog.records_out++;
}

static void
print_stats(void)
{
	double secs = seconds_since(&started);
	size_t i;

	fprintf(stderr, "%s: records in: %llu\n", msg_prog,
	    (unsigned long long)prog.records_in);
	fprintf(stderr, "%s: records out: %llu\n", msg_prog,
	    (unsigned long long)prog.records_out);
	fprintf(stderr, "%s: bad records: %llu\n", msg_prog,
	    (unsigned long long)prog.bad);
	for (i = 0; i < ncounters; i++)
		fprintf(stderr, "%s: %s: %llu\n", msg_prog, counters[i].name,
		    (unsigned long long)counters[i].n);
	fprintf(stderr, "%s: bytes in: %llu\n", msg_prog,
	    (unsigned long long)prog.bytes_in);
	fprintf(stderr, "%s: seconds: %.3f\n", msg_prog, secs);
	fprintf(stderr, "%s: MB/s: %.1f\n", msg_prog,
	    secs > 0 ? (double)prog.bytes_in / 1e6 / secs : 0.0);
}

int
prog_finish(void)
{
	out_flush(&prog.out);
	if (close(STDOUT_FILENO) < 0 && errno != EBADF && errno != EINTR)
		msg_die(EXIT_DATA, "write error: %s", strerror(errno));
	if (prog.progress && shown_any)
		show_progress(prog.bytes_in, 1);
	if (prog.stats)
		print_stats();
	out_free(&prog.out);
	return prog.status;
}
