/*
 * fuzz_fromjson.c: djson -d, JSON Lines to records (cmd/djson/fromjson.c).
 *
 * The fuzz bytes are the input file of fromjson_inputs(), with djson's
 * default options (--text-field text, --id-field id) and a small
 * --max-record, so that lines over it are met too.  What it writes to
 * standard output goes to a memory file, and every record of it must
 * parse (rec_parse): djson -d writes dstream(5) whatever it reads.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "djson.h"
#include "prog.h"

#include "fuzz.h"

#define MAX_RECORD 8192		/* --max-record: longer lines are bad */

static const struct djson_opts opts = { "text", "id", 0, NULL, 0 };

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init("fuzz_fromjson");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[2];

	argv[0] = (char *)fuzz_file(data, size);
	argv[1] = NULL;
	prog.max_record = MAX_RECORD;
	prog.skip_bad = 0;
	out_init(&prog.out, fuzz_out_begin(), 4096);
	fromjson_inputs(1, argv, &opts);
	fuzz_out_check("djson -d");
	return 0;
}
