/*
 * split.c: hand the lines of an input (reader.c) or the lines of each
 * record's body to the segmenter.
 */
#include <string.h>

#include "prog.h"
#include "reader.h"
#include "segment.h"

/* The first number of a "first-last" header, or 1. */
static uint64_t
range_start(const struct record *rec, const char *key)
{
	const struct field *f = rec_get(rec, key);
	uint64_t v = 0;
	size_t i;

	for (i = 0; f != NULL && i < f->vallen && f->val[i] >= '0' &&
	    f->val[i] <= '9' && v < UINT64_MAX / 10 - 10; i++)
		v = v * 10 + (uint64_t)(f->val[i] - '0');
	return v > 0 ? v : 1;
}

/*
 * -f records: each record is one document, whose body is split into
 * paragraphs or sentences (-u doc passes it through).  Lines and bytes
 * count on from the record's own lines and bytes headers when it has
 * them.
 */
static void
split_record(struct record *rec, void *arg)
{
	const struct dsplit_opts *opts = arg;
	static struct buf id, source;
	const struct field *f;
	const char *p = rec->body, *end = rec->body + rec->bodylen, *nl;
	uint64_t lineno = range_start(rec, "lines");
	uint64_t byte = range_start(rec, "bytes");
	struct seg sg;

	if (opts->unit == UNIT_DOC) {
		prog_write_record(rec, NULL);
		return;
	}
	id.len = source.len = 0;
	buf_append(&id, rec->fields[0].val, rec->fields[0].vallen);
	buf_putc(&id, '\0');
	f = rec_get(rec, "source");
	if (f != NULL)
		buf_append(&source, f->val, f->vallen);
	else
		buf_putc(&source, '-');
	buf_putc(&source, '\0');
	seg_init(&sg, opts, source.p);
	sg.doc_id = id.p;
	prog.records_in--;	/* doc_write counts the document again */
	for (; p <= end; p = nl + 1, lineno++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		seg_add(&sg, p, (size_t)(nl - p), lineno,
		    byte + (uint64_t)(p - rec->body),
		    byte + (uint64_t)(nl - rec->body) - 1);
	}
	doc_write(&sg, sg.n);
	seg_free(&sg);
}

void
split_records(int argc, char **argv, const struct dsplit_opts *opts)
{
	prog_each_record(argc, argv, split_record, (void *)opts);
}

void
split_input(struct input *in, const struct dsplit_opts *opts)
{
	struct reader *rd;
	struct batch *b;
	struct seg sg;
	uint64_t consumed = 0;
	size_t i;

	rd = reader_open(in, (size_t)prog.max_record);
	seg_init(&sg, opts, input_name(in));
	while ((b = reader_next(rd)) != NULL) {
		for (i = 0; i < b->n; i++) {
			seg_add_line(&sg, &b->v[i], batch_text(b, i),
			    batch_source(b, i));
			seg_flush(&sg, 0);
		}
		seg_repairs(b->nuls, b->repaired);
		consumed = b->consumed;
		if (b->end == BATCH_TOO_BIG)
			prog_error("%s:%llu: line longer than --max-record",
			    input_label(in), (unsigned long long)b->too_big);
		else if (b->end == BATCH_ERROR)
			prog_error("%s: %s", input_label(in), b->err);
		reader_done(rd);
		prog_tick(consumed);
	}
	seg_flush(&sg, 1);
	prog.bytes_in += consumed;
	seg_free(&sg);
	reader_close(rd);
}
