/*
 * fuzz_record.c: the record reader of dstream(5), common/record.h.
 *
 * The fuzz bytes are an input file (common/input.h: plain or gzip, as
 * every program takes), read with rec_reader_init() and rec_read() as
 * prog_each_record() reads one: chunk.c splits it at NUL bytes and
 * rec_parse() parses each record.  Each good record is then built anew
 * with rec_add() and rec_set_body(), written with rec_write() and parsed
 * again: the copy must have the same fields and body.  --max-record
 * is small (4 KiB), so that records over it are met too.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "input.h"
#include "msg.h"
#include "output.h"
#include "record.h"

#include "fuzz.h"

#define MAX_RECORD 4096	/* --max-record */

static struct output out;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init("fuzz_record");
	return 0;
}

static int
same_field(const struct field *a, const struct field *b)
{
	return a->keylen == b->keylen && a->vallen == b->vallen &&
	    memcmp(a->key, b->key, a->keylen) == 0 &&
	    (a->vallen == 0 || memcmp(a->val, b->val, a->vallen) == 0);
}

/* Write a copy of rec, as a program that changed it would; read it back. */
static void
round_trip(const struct record *rec)
{
	struct record copy, back;
	char err[160], *p;
	size_t i, n, off;

	rec_init(&copy);
	for (i = 0; i < rec->nfields; i++)
		rec_add(&copy, rec->fields[i].key, rec->fields[i].keylen,
		    rec->fields[i].val, rec->fields[i].vallen);
	rec_set_body(&copy, rec->body, rec->bodylen);
	out_init(&out, fuzz_out_begin(), 4096);
	if (rec_write(&out, &copy) < 0 || out_flush(&out) < 0)
		fuzz_fail("rec_write failed");
	out_free(&out);
	p = fuzz_out_take(&n);
	if (n == 0 || p[n - 1] != '\0' || memchr(p, '\0', n - 1) != NULL)
		fuzz_fail("rec_write: not one record ended by a NUL");
	rec_init(&back);
	if (rec_parse(&back, p, n - 1, err, sizeof(err), &off) < 0)
		fuzz_fail("a record written by rec_write does not parse:"
		    " byte %zu: %s", off + 1, err);
	if (back.nfields != rec->nfields)
		fuzz_fail("%zu fields read back, not %zu", back.nfields,
		    rec->nfields);
	for (i = 0; i < rec->nfields; i++)
		if (!same_field(&back.fields[i], &rec->fields[i]))
			fuzz_fail("field %zu read back changed", i + 1);
	if (back.bodylen != rec->bodylen ||
	    memcmp(back.body, rec->body, rec->bodylen) != 0)
		fuzz_fail("body read back changed");
	rec_free(&back);
	rec_free(&copy);
	free(p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rec_reader r;
	struct record rec;
	struct input *in;
	const char *err;
	int ret;

	if ((in = input_open(fuzz_file(data, size), &err)) == NULL)
		fuzz_fail("input_open: %s", err);
	rec_init(&rec);
	rec_reader_init(&r, in);
	r.chunks.max = MAX_RECORD;
	while ((ret = rec_read(&r, &rec)) != REC_END && ret != REC_ERROR) {
		if (ret == REC_BAD) {
			if (r.err[0] == '\0')
				fuzz_fail("REC_BAD without a message");
			continue;
		}
		if (rec.nfields == 0 || !field_is(&rec.fields[0], "id"))
			fuzz_fail("a record read without its id first");
		round_trip(&rec);
	}
	rec_reader_free(&r);
	rec_free(&rec);
	input_close(in);
	return 0;
}
