/* djson: records to JSON Lines, and JSON Lines back to records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "djson.h"
#include "prog.h"

enum {
	OPT_FIELDS = OPT_PROG_LAST,
	OPT_TEXT_FIELD,
	OPT_ID_FIELD
};

static const struct option longopts[] = {
	PROG_LONG_OPTIONS,
	{ "array", no_argument, NULL, 'a' },
	{ "decode", no_argument, NULL, 'd' },
	{ "fields", required_argument, NULL, OPT_FIELDS },
	{ "text-field", required_argument, NULL, OPT_TEXT_FIELD },
	{ "id-field", required_argument, NULL, OPT_ID_FIELD },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(int status)
{
	prog_usage("usage: djson [-a] [--fields list] [--text-field name]\n"
	    "             [--max-record size] [--progress] [--skip-bad]"
	    " [--stats]\n"
	    "             [--threads n] [file ...]\n"
	    "       djson -d [--id-field name] [--text-field name]\n"
	    "             [--max-record size] [--progress] [--skip-bad]"
	    " [--stats]\n"
	    "             [--threads n] [file ...]\n", status);
}

/* Split a comma-separated list in place. */
static char **
split_list(char *s, size_t *n)
{
	char **v = NULL, *tok;

	*n = 0;
	for (tok = strtok(s, ","); tok != NULL; tok = strtok(NULL, ",")) {
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = tok;
	}
	return v;
}

int
main(int argc, char **argv)
{
	struct djson_opts opts = { "text", "id", 0, NULL, 0 };
	int decode = 0, c;

	prog_init(argc, argv);
	while ((c = getopt_long(argc, argv, "adh", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			opts.array = 1;
			break;
		case 'd':
			decode = 1;
			break;
		case OPT_FIELDS:
			free(opts.fields);
			opts.fields = split_list(optarg, &opts.nfields);
			break;
		case OPT_TEXT_FIELD:
			opts.text_field = optarg;
			break;
		case OPT_ID_FIELD:
			opts.id_field = optarg;
			break;
		default:
			if (!prog_option(c, optarg, usage))
				usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (decode && (opts.array || opts.fields != NULL)) {
		msg_warn("-a and --fields do not go with -d");
		usage(EXIT_USAGE);
	}
	if (*opts.text_field == '\0' || *opts.id_field == '\0') {
		msg_warn("empty field name");
		usage(EXIT_USAGE);
	}
	if (decode)
		fromjson_inputs(argc, argv, &opts);
	else {
		tojson_begin(&opts);
		prog_each_record(argc, argv, tojson_record, &opts);
		tojson_end(&opts);
	}
	free(opts.fields);
	return prog_finish();
}
