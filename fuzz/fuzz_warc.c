/*
 * fuzz_warc.c: dsplit -f warc, the WARC reader (cmd/dsplit/warc.c), with
 * html.c for HTML responses and the segmenter behind them.
 *
 * The fuzz bytes are the WARC file (plain or gzip, as input.c reads
 * it), given to split_warc() twice: with -u doc, and with -u sent, which
 * writes each document's sentences instead.  The records written go to
 * a memory file and must all parse (rec_parse).
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dsplit.h"
#include "prog.h"

#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init("fuzz_warc");
	return 0;
}

static void
run(const uint8_t *data, size_t size, enum dsplit_unit unit,
    const char *who)
{
	struct dsplit_opts opts;
	struct input *in;
	const char *err;

	memset(&opts, 0, sizeof(opts));
	opts.format = FORMAT_WARC;
	opts.unit = unit;
	if ((in = input_open(fuzz_file(data, size), &err)) == NULL)
		fuzz_fail("input_open: %s", err);
	out_init(&prog.out, fuzz_out_begin(), 4096);
	split_warc(in, &opts);
	input_close(in);
	fuzz_out_check(who);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run(data, size, UNIT_DOC, "dsplit -f warc");
	run(data, size, UNIT_SENT, "dsplit -f warc -u sent");
	return 0;
}
