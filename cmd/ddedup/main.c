/*
 * ddedup: drop exact and near-duplicate records, keep-first.
 *
 * In this version every record passes through unchanged: the options are
 * parsed and checked so that scripts written against them keep working.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "prog.h"

enum {
	OPT_MARK = OPT_PROG_LAST,
	OPT_THRESHOLD
};

static const struct option longopts[] = {
	PROG_LONG_OPTIONS,
	{ "mode", required_argument, NULL, 'm' },
	{ "unit", required_argument, NULL, 'u' },
	{ "mark", no_argument, NULL, OPT_MARK },
	{ "threshold", required_argument, NULL, OPT_THRESHOLD },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(int status)
{
	prog_usage("usage: ddedup [-m mode] [-u unit] [--mark] [--threshold t]\n"
	    "              [--max-record size] [--progress] [--skip-bad]"
	    " [--stats]\n"
	    "              [file ...]\n", status);
}

int
main(int argc, char **argv)
{
	const char *errstr;
	double threshold = 0.8;
	int c;

	prog_init(argc, argv);
	while ((c = getopt_long(argc, argv, "hm:u:", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			if (strcmp(optarg, "exact") != 0 &&
			    strcmp(optarg, "near") != 0) {
				msg_warn("-m %s: unknown mode", optarg);
				usage(EXIT_USAGE);
			}
			break;
		case 'u':
			if (strcmp(optarg, "doc") != 0 &&
			    strcmp(optarg, "para") != 0) {
				msg_warn("-u %s: unknown unit", optarg);
				usage(EXIT_USAGE);
			}
			break;
		case OPT_MARK:
			break;
		case OPT_THRESHOLD:
			threshold = num_parse_real(optarg, 0.0, 1.0, &errstr);
			if (errstr != NULL) {
				msg_warn("--threshold %s: %s", optarg, errstr);
				usage(EXIT_USAGE);
			}
			break;
		default:
			if (!prog_option(c, optarg, usage))
				usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	(void)threshold;
	prog_each_record(argc, argv, prog_write_record, NULL);
	return prog_finish();
}
