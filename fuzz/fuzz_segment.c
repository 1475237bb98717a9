/*
 * fuzz_segment.c: dsplit's segmenter, which cuts the lines of a raw
 * text dump into documents (cmd/dsplit/segment.c, with classify.c,
 * head.c, chrome.c, doc.c and unit.c behind it).
 *
 * The first fuzz byte chooses the options and the way in; the rest is
 * the text:
 *	bits 0-1	-u doc, para, sent (3: doc)
 *	bit 2		--keep-chrome
 *	bit 3		-f lines instead of -f text
 *	bit 4		-b with a fixed pattern
 *	bits 5-6	0, 3: the lines (split at LF, CRLF or CR) are given
 *			to seg_add() and seg_flush() as split_input() does;
 *			1: split_input() itself, through reader.c, on the
 *			rest as an input file (plain or gzip, small
 *			--max-record); 2: the whole rest as one document,
 *			lines split at LF only, as split_records() does
 *			for a record's body (-f records)
 * The records written go to a memory file and must all parse.
 */
#define _GNU_SOURCE
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dsplit.h"
#include "prog.h"
#include "segment.h"

#include "fuzz.h"

#define BOUNDARY "^(?:Chapter|CHAPTER|==+) "
#define MAX_RECORD 4096		/* --max-record of the reader's way in */

static pcre2_code *boundary_re;
static pcre2_match_data *boundary_md;

static void
free_boundary(void)
{
	pcre2_match_data_free(boundary_md);
	pcre2_code_free(boundary_re);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	PCRE2_SIZE where;
	int code;

	(void)argc;
	(void)argv;
	fuzz_init("fuzz_segment");
	/* as compile_boundary() in main.c */
	boundary_re = pcre2_compile((PCRE2_SPTR)BOUNDARY,
	    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &code,
	    &where, NULL);
	if (boundary_re == NULL)
		fuzz_fail("cannot compile the -b pattern");
	pcre2_jit_compile(boundary_re, PCRE2_JIT_COMPLETE);
	boundary_md = pcre2_match_data_create_from_pattern(boundary_re, NULL);
	atexit(free_boundary);
	return 0;
}

/* split_input() without its reader: lines end at LF, CRLF or CR. */
static void
segment_lines(const char *s, size_t n, const struct dsplit_opts *opts)
{
	const char *p = s, *end = s + n, *e;
	uint64_t lineno = 1;
	struct seg sg;

	seg_init(&sg, opts, "fuzz");
	while (p < end) {
		for (e = p; e < end && *e != '\n' && *e != '\r'; e++)
			continue;
		seg_add(&sg, p, (size_t)(e - p), lineno++,
		    (uint64_t)(p - s) + 1, (uint64_t)(e - s));
		seg_flush(&sg, 0);
		if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n')
			e++;
		p = e + 1;
	}
	seg_flush(&sg, 1);
	seg_free(&sg);
}

/* split_record(): the whole text one document, lines split at LF. */
static void
segment_record(const char *s, size_t n, const struct dsplit_opts *opts)
{
	const char *p, *end = s + n, *nl;
	uint64_t lineno = 1;
	struct seg sg;

	seg_init(&sg, opts, "fuzz");
	sg.doc_id = "fuzz:1";
	for (p = s; p <= end; p = nl + 1, lineno++) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		seg_add(&sg, p, (size_t)(nl - p), lineno,
		    (uint64_t)(p - s) + 1, (uint64_t)(nl - s));
	}
	doc_write(&sg, sg.n);
	seg_free(&sg);
}

/* split_input() on the text as an input file. */
static void
segment_input(const char *s, size_t n, const struct dsplit_opts *opts)
{
	struct input *in;
	const char *err;

	if ((in = input_open(fuzz_file((const uint8_t *)s, n), &err)) == NULL)
		fuzz_fail("input_open: %s", err);
	prog.max_record = MAX_RECORD;
	split_input(in, opts);
	prog.max_record = 0;
	input_close(in);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum dsplit_unit units[] = { UNIT_DOC, UNIT_PARA,
	    UNIT_SENT, UNIT_DOC };
	struct dsplit_opts opts;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	unsigned mode;

	if (size == 0)
		return 0;
	mode = data[0];
	memset(&opts, 0, sizeof(opts));
	opts.unit = units[mode & 3];
	opts.keep_chrome = (mode & 4) != 0;
	opts.format = mode & 8 ? FORMAT_LINES : FORMAT_TEXT;
	if (mode & 16) {
		opts.boundary = BOUNDARY;
		opts.boundary_re = boundary_re;
		opts.boundary_md = boundary_md;
	}
	out_init(&prog.out, fuzz_out_begin(), 4096);
	switch ((mode >> 5) & 3) {
	case 1:
		segment_input(s, n, &opts);
		break;
	case 2:
		segment_record(s, n, &opts);
		break;
	default:
		segment_lines(s, n, &opts);
		break;
	}
	fuzz_out_check("dsplit");
	return 0;
}
