/*
 * dtag: add tags to records.
 *
 * In this version every record passes through unchanged: the options are
 * parsed and checked so that scripts written against them keep working.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "prog.h"

enum {
	OPT_ONLY = OPT_PROG_LAST,
	OPT_DMY,
	OPT_MDY
};

static const struct option longopts[] = {
	PROG_LONG_OPTIONS,
	{ "rules", required_argument, NULL, 'r' },
	{ "only", required_argument, NULL, OPT_ONLY },
	{ "dmy", no_argument, NULL, OPT_DMY },
	{ "mdy", no_argument, NULL, OPT_MDY },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(int status)
{
	prog_usage("usage: dtag [-r file] [--only list] [--dmy | --mdy]"
	    " [--max-record size]\n"
	    "            [--progress] [--skip-bad] [--stats] [file ...]\n", status);
}

int
main(int argc, char **argv)
{
	int c, dmy = 0, mdy = 0;

	prog_init(argc, argv);
	while ((c = getopt_long(argc, argv, "hr:", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (access(optarg, R_OK) != 0)
				msg_die(EXIT_USAGE, "-r %s: cannot read it",
				    optarg);
			break;
		case OPT_ONLY:
			break;
		case OPT_DMY:
			dmy = 1;
			break;
		case OPT_MDY:
			mdy = 1;
			break;
		default:
			if (!prog_option(c, optarg, usage))
				usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (dmy && mdy) {
		msg_warn("--dmy and --mdy exclude each other");
		usage(EXIT_USAGE);
	}
	prog_each_record(argc, argv, prog_write_record, NULL);
	return prog_finish();
}
