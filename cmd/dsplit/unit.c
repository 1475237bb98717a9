/*
 * unit.c: write a document's paragraphs (-u para) or sentences (-u sent)
 * as records.
 *
 * A paragraph is a block of lines between blank lines, or a single line
 * in a document whose paragraphs are one line each: one where at least
 * half of the lines (chrome aside) end with a full stop, question or
 * exclamation mark, or are longer than 160 bytes.  Hard-wrapped text
 * fails that test and keeps its blocks.  Sentences are split within a
 * paragraph by sentence.c.  Each unit has its own lines and bytes and
 * the id of the unit that holds it as parent.
 */
#include <string.h>

#include "prog.h"
#include "record.h"
#include "segment.h"
#include "sentence.h"

#define LONG_LINE 160

/* Nonzero when the paragraphs of lines first..last are one line each. */
static int
one_line_paragraphs(const struct seg *sg, size_t first, size_t last,
    const unsigned char *chrome)
{
	size_t i, lines = 0, whole = 0;

	for (i = first; i <= last; i++) {
		if (chrome[i - first] || sg->v[i].flags & LF_BLANK)
			continue;
		lines++;
		if (sg->v[i].flags & LF_SENTENCE || sg->v[i].len > LONG_LINE)
			whole++;
	}
	return whole * 2 >= lines;
}

/* The line of first..last that holds byte offset off of the text. */
static size_t
line_at(const struct seg *sg, size_t first, size_t last, size_t off)
{
	size_t i;

	for (i = first; i < last && sg->v[i + 1].off <= off; i++)
		continue;
	return i;
}

/* A unit's id or its parent's, with its length. */
struct unit_id {
	struct buf text;	/* NUL-terminated */
	size_t len;
};

/* Write a unit's record directly: these are many and small. */
static void
write_unit(const struct seg *sg, const struct unit_id *id,
    const struct unit_id *parent, const char *unit, size_t a, size_t b,
    const char *s, size_t n)
{
	const struct line *la = &sg->v[a], *lb = &sg->v[b];
	size_t start = (size_t)(s - sg->text.p), end = start + n;
	struct output *o = &prog.out;

	rec_write_field(o, "id", id->text.p, id->len);
	rec_write_field(o, "source", sg->source, sg->source_len);
	rec_write_range(o, "lines", la->lineno, lb->lineno);
	rec_write_range(o, "bytes", la->byte + (start - la->off),
	    lb->byte + (end - lb->off) - 1);
	rec_write_field(o, "unit", unit, 4);
	rec_write_field(o, "parent", parent->text.p, parent->len);
	out_putc(o, '\n');
	out_write(o, s, n);
	out_putc(o, '\0');
	prog.records_out++;
}

/* Make id "PARENT.N". */
static void
child_id(struct unit_id *id, const struct unit_id *parent,
    unsigned long long n)
{
	id->text.len = 0;
	buf_append(&id->text, parent->text.p, parent->len);
	buf_putc(&id->text, '.');
	buf_put_u64(&id->text, n);
	id->len = id->text.len;
	buf_putc(&id->text, '\0');
}

/* Write the sentences of the paragraph in lines a..b. */
static void
write_sentences(const struct seg *sg, const struct unit_id *para, size_t a,
    size_t b)
{
	static struct unit_id id;
	const char *s = sg->text.p + sg->v[a].off;
	size_t n = sg->v[b].off + sg->v[b].len - sg->v[a].off, k, len;
	unsigned long long count = 0;

	while ((k = sentence_space(s, n)) < n) {
		s += k;
		n -= k;
		len = sentence_len(s, n);
		child_id(&id, para, ++count);
		write_unit(sg, &id, para, "sent",
		    line_at(sg, a, b, (size_t)(s - sg->text.p)),
		    line_at(sg, a, b, (size_t)(s - sg->text.p) + len - 1),
		    s, len);
		s += len;
		n -= len;
	}
}

void
units_write(const struct seg *sg, size_t first, size_t last,
    const unsigned char *chrome, const char *docid)
{
	int per_line = one_line_paragraphs(sg, first, last, chrome);
	unsigned long long count = 0;
	static struct unit_id id, doc;
	size_t a, b;

	doc.text.len = 0;
	buf_puts(&doc.text, docid);
	doc.len = doc.text.len;
	buf_putc(&doc.text, '\0');

	for (a = first; a <= last; a = b + 1) {
		if (chrome[a - first] || sg->v[a].flags & LF_BLANK) {
			b = a;
			continue;
		}
		for (b = a; !per_line && b < last && !chrome[b + 1 - first] &&
		    !(sg->v[b + 1].flags & LF_BLANK); b++)
			continue;
		child_id(&id, &doc, ++count);
		if (sg->opts->unit == UNIT_SENT)
			write_sentences(sg, &id, a, b);
		else
			write_unit(sg, &id, &doc, "para", a, b,
			    sg->text.p + sg->v[a].off,
			    sg->v[b].off + sg->v[b].len - sg->v[a].off);
	}
}
