/* Unit tests for common/record.c and common/chunk.c. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "record.h"

static char err[200];
static size_t erroff;

static int
parses(struct record *rec, const char *s)
{
	return rec_parse(rec, s, strlen(s), err, sizeof(err), &erroff) == 0;
}

static int
fails_with(struct record *rec, const char *s, const char *msg, size_t off)
{
	return !parses(rec, s) && strstr(err, msg) != NULL && erroff == off;
}

static int
value_is(const struct field *f, const char *key, const char *val)
{
	return f != NULL && field_is(f, key) && f->vallen == strlen(val) &&
	    memcmp(f->val, val, f->vallen) == 0;
}

/* Write rec to a file and return its bytes (static buffer). */
static const char *
written(const struct record *rec, size_t *len)
{
	static char back[4096];
	struct output o;
	int fd = open("rec.out", O_RDWR | O_CREAT | O_TRUNC, 0600);
	ssize_t n;

	out_init(&o, fd, 16);	/* small, to cross the buffer often */
	rec_write(&o, rec);
	out_flush(&o);
	out_free(&o);
	n = pread(fd, back, sizeof(back) - 1, 0);
	close(fd);
	*len = n > 0 ? (size_t)n : 0;
	return back;
}

static void
test_parse(void)
{
	struct record rec;
	const char *out;
	size_t len;

	rec_init(&rec);
	CHECK("a record parses",
	    parses(&rec, "id: a:1\nsource: a\nperson: X\nperson: Y\n\nbody"));
	CHECK("fields in order", rec.nfields == 4 &&
	    value_is(&rec.fields[0], "id", "a:1") &&
	    value_is(&rec.fields[2], "person", "X") &&
	    value_is(&rec.fields[3], "person", "Y"));
	CHECK("body after the empty line",
	    rec.bodylen == 4 && memcmp(rec.body, "body", 4) == 0);
	CHECK("rec_get finds the first of a repeated key",
	    value_is(rec_get(&rec, "person"), "person", "X"));
	CHECK("empty body", parses(&rec, "id: x\n\n") && rec.bodylen == 0);
	CHECK("empty value with and without space",
	    parses(&rec, "id: x\na: \nb:\n\n") &&
	    value_is(&rec.fields[1], "a", "") &&
	    value_is(&rec.fields[2], "b", ""));
	CHECK("escapes are undone",
	    parses(&rec, "id: x\ntitle: a\\nb\\tc\\\\d\n\n") &&
	    value_is(&rec.fields[1], "title", "a\nb\tc\\d"));
	CHECK("a value may hold ': ' and colons",
	    parses(&rec, "id: x\nurl: http://a/b: c\n\n") &&
	    value_is(&rec.fields[1], "url", "http://a/b: c"));
	CHECK("unknown escape is an error",
	    fails_with(&rec, "id: x\nt: a\\qb\n\n", "bad escape", 6));
	CHECK("trailing backslash is an error",
	    fails_with(&rec, "id: x\nt: a\\\n\n", "bad escape", 6));
	CHECK("line without ': ' is an error",
	    fails_with(&rec, "id: x\nno colon\n\n", "without ': '", 6));
	CHECK("colon without space is an error",
	    fails_with(&rec, "id: x\nkey:value\n\n", "without ': '", 6));
	CHECK("bad key characters are an error",
	    fails_with(&rec, "id: x\nBad-Key: v\n\n", "bad header key", 6));
	CHECK("key starting with a digit is an error",
	    fails_with(&rec, "id: x\n1a: v\n\n", "bad header key", 6));
	CHECK("first key must be id",
	    fails_with(&rec, "source: a\nid: x\n\n", "does not start", 0));
	CHECK("headers must end with an empty line",
	    fails_with(&rec, "id: x\nsource: a", "not ended", 6));
	CHECK("an empty record is an error",
	    fails_with(&rec, "", "empty record", 0));
	CHECK("a record without headers is an error",
	    fails_with(&rec, "\nbody", "without headers", 0));
	CHECK("body may hold blank lines and 'k: v' lines",
	    parses(&rec, "id: x\n\na: b\n\nc") && rec.nfields == 1 &&
	    rec.bodylen == 7);

	/* writing */
	parses(&rec, "id: x\ntitle: a\\nb\n\nbody");
	out = written(&rec, &len);
	CHECK("an unchanged record is written as read",
	    len == 24 && memcmp(out, "id: x\ntitle: a\\nb\n\nbody", 24) == 0
	    && out[23] == '\0');
	rec_clear(&rec);
	rec_adds(&rec, "id", "y");
	rec_adds(&rec, "note", "tab\there\nnew \\ line");
	rec_addf(&rec, "lines", "%d-%d", 3, 17);
	rec_set_body(&rec, "text", 4);
	out = written(&rec, &len);
	CHECK("a built record is written with escapes",
	    len == strlen("id: y\nnote: tab\\there\\nnew \\\\ line\n"
	    "lines: 3-17\n\ntext") + 1 &&
	    memcmp(out, "id: y\nnote: tab\\there\\nnew \\\\ line\nlines: 3-17"
	    "\n\ntext", len - 1) == 0 && out[len - 1] == '\0');
	CHECK("what is written parses back to the same values",
	    rec_parse(&rec, out, len - 1, err, sizeof(err), &erroff) == 0 &&
	    value_is(&rec.fields[1], "note", "tab\there\nnew \\ line"));
	rec_clear(&rec);
	rec_adds(&rec, "id", "z");
	rec_adds(&rec, "long", "0123456789abcdef0123456789abcde\tX"
	    "0123456789abcdef\\0123456789abcdef0123456789\n");
	rec_set_body(&rec, "", 0);
	out = written(&rec, &len);
	CHECK("escapes past the first sixteen bytes are written",
	    len == strlen("id: z\nlong: 0123456789abcdef0123456789abcde\\tX"
	    "0123456789abcdef\\\\0123456789abcdef0123456789\\n\n\n") + 1 &&
	    memcmp(out, "id: z\nlong: 0123456789abcdef0123456789abcde\\tX"
	    "0123456789abcdef\\\\0123456789abcdef0123456789\\n\n\n",
	    len - 1) == 0);
	rec_free(&rec);
}

/* Write data to a file and read its records with a chunk reader. */
static void
test_reader(void)
{
	struct rec_reader r;
	struct record rec;
	struct input *in;
	const char *e;
	size_t big = 3 * 1024 * 1024 + 17, i, n = 0;
	char *data = malloc(big + 64);
	FILE *f;
	int ret, ok = 1;

	/* two records, the second with a body longer than a read */
	n += (size_t)sprintf(data, "id: a\n\nsmall") + 1;
	n += (size_t)sprintf(data + n, "id: b\n\n");
	for (i = 0; i < big; i++)
		data[n + i] = (char)('a' + i % 26);
	n += big;
	data[n++] = '\0';
	memcpy(data + n, "id: c\nbad line\n\nx", 17);
	n += 17;
	data[n++] = '\0';
	memcpy(data + n, "id: d\n\nno nul", 13);
	n += 13;
	f = fopen("recs", "wb");
	fwrite(data, 1, n, f);
	fclose(f);

	in = input_open("recs", &e);
	rec_reader_init(&r, in);
	rec_init(&rec);
	ret = rec_read(&r, &rec);
	CHECK("reader: first record", ret == REC_OK && rec.bodylen == 5);
	ret = rec_read(&r, &rec);
	CHECK("reader: a body larger than the read buffer", ret == REC_OK &&
	    rec.bodylen == big && rec.body[0] == 'a' &&
	    rec.body[big - 1] == (char)('a' + (big - 1) % 26));
	ret = rec_read(&r, &rec);
	CHECK("reader: a malformed record gives its number and offset",
	    ret == REC_BAD && strstr(r.err, "record 3, byte") != NULL &&
	    strstr(r.err, "without ': '") != NULL);
	if (ret == REC_BAD) {
		unsigned long long off = strtoull(strstr(r.err, "byte ") + 5,
		    NULL, 10);
		ok = off == n - 13 - 1 - 17 + 6 + 1;
	}
	CHECK("reader: the offset is that of the bad line", ok);
	ret = rec_read(&r, &rec);
	CHECK("reader: a record without its NUL at the end is bad",
	    ret == REC_BAD && strstr(r.err, "record 4") &&
	    strstr(r.err, "not ended by a NUL"));
	CHECK("reader: then the end", rec_read(&r, &rec) == REC_END);
	rec_free(&rec);
	rec_reader_free(&r);
	input_close(in);

	/* --max-record: an oversized record is skipped, the next one read */
	in = input_open("recs", &e);
	rec_reader_init(&r, in);
	r.chunks.max = (size_t)1024 * 1024;
	rec_init(&rec);
	CHECK("max: a small record passes", rec_read(&r, &rec) == REC_OK);
	ret = rec_read(&r, &rec);
	CHECK("max: a record over the limit is bad",
	    ret == REC_BAD && strstr(r.err, "record 2, byte 14:") &&
	    strstr(r.err, "larger than"));
	ret = rec_read(&r, &rec);
	CHECK("max: the record after it is read",
	    ret == REC_BAD && strstr(r.err, "record 3"));
	rec_free(&rec);
	rec_reader_free(&r);
	input_close(in);
	free(data);
}

int
main(void)
{
	test_parse();
	test_reader();
	return check_status();
}
