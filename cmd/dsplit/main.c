/* dsplit: segment raw text dumps into document records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chrome.h"
#include "dsplit.h"
#include "prog.h"

enum {
	OPT_CHROME_FILE = OPT_PROG_LAST,
	OPT_KEEP_CHROME
};

static const struct option longopts[] = {
	PROG_LONG_OPTIONS,
	{ "boundary", required_argument, NULL, 'b' },
	{ "format", required_argument, NULL, 'f' },
	{ "unit", required_argument, NULL, 'u' },
	{ "chrome-file", required_argument, NULL, OPT_CHROME_FILE },
	{ "keep-chrome", no_argument, NULL, OPT_KEEP_CHROME },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(int status)
{
	prog_usage("usage: dsplit [-b regex] [-f format] [-u unit]"
	    " [--chrome-file file]\n"
	    "              [--keep-chrome] [--max-record size] [--progress]\n"
	    "              [--skip-bad] [--stats] [--threads n] [file ...]\n",
	    status);
}

/* Index of name in the NULL-terminated list names, or a usage error. */
static int
choose(const char *opt, const char *name, const char *const *names)
{
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	msg_warn("%s %s: unknown value", opt, name);
	usage(EXIT_USAGE);
}

/* Compile the -b pattern, with JIT when it can; a usage error if bad. */
static void
compile_boundary(struct dsplit_opts *opts)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE where;
	int code;

	opts->boundary_re = pcre2_compile((PCRE2_SPTR)opts->boundary,
	    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &code,
	    &where, NULL);
	if (opts->boundary_re == NULL) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		msg_die(EXIT_USAGE, "-b: column %zu: %s", (size_t)where + 1,
		    (char *)msg);
	}
	pcre2_jit_compile(opts->boundary_re, PCRE2_JIT_COMPLETE);
	opts->boundary_md = pcre2_match_data_create_from_pattern(
	    opts->boundary_re, NULL);
}

int
main(int argc, char **argv)
{
	static const char *const units[] = { "doc", "para", "sent", NULL };
	static const char *const formats[] = { "text", "lines", "warc",
	    "records", NULL };
	struct dsplit_opts opts;
	struct input *in;
	char err[300];
	int c, i;

	memset(&opts, 0, sizeof(opts));
	prog_init(argc, argv);
	while ((c = getopt_long(argc, argv, "b:f:hu:", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'b':
			opts.boundary = optarg;
			break;
		case 'f':
			opts.format = choose("-f", optarg, formats);
			break;
		case 'u':
			opts.unit = choose("-u", optarg, units);
			break;
		case OPT_CHROME_FILE:
			opts.chrome_file = optarg;
			break;
		case OPT_KEEP_CHROME:
			opts.keep_chrome = 1;
			break;
		default:
			if (!prog_option(c, optarg, usage))
				usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (opts.boundary != NULL)
		compile_boundary(&opts);
	if (opts.chrome_file != NULL &&
	    chrome_load(opts.chrome_file, err, sizeof(err)) < 0)
		msg_die(EXIT_USAGE, "--chrome-file %s", err);
	prog_default_stdin(&argc, &argv);
	if (opts.format == FORMAT_RECORDS)
		split_records(argc, argv, &opts);
	for (i = 0; i < argc && opts.format != FORMAT_RECORDS; i++) {
		if ((in = prog_open(argv[i])) == NULL)
			continue;
		if (opts.format == FORMAT_WARC)
			split_warc(in, &opts);
		else
			split_input(in, &opts);
		input_close(in);
	}
	pcre2_match_data_free(opts.boundary_md);
	pcre2_code_free(opts.boundary_re);
	chrome_free();
	return prog_finish();
}
