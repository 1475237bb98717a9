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
 * the id of the unit that holds it as parent.  Its bytes are those of its
 * source: where it starts or ends with a line, the line's first or last
 * byte (NUL bytes dropped there included); inside a line whose text was
 * cleaned, its offsets in the text walked back to the bytes they came
 * from (clean_seek()); inside text made from HTML, which tells nothing
 * finer, its lines' ends.
 */
#include <string.h>

#include "prog.h"
#include "reader.h"
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

/* The parent of units: its id, escaped once, and the units written. */
struct parent {
	struct buf eid;		/* the id escaped as a header value */
	unsigned long long count;
};

/* Where source_byte() walked a line that was cleaned. */
struct walk {
	size_t line;		/* v[line], or NONE */
	struct clean_pos pos;
};

/*
 * source_byte() for a line whose text is not its source bytes: at the
 * line's ends, and anywhere in text made from HTML, the line's own first
 * or last byte; in a line that was cleaned, the offset walked back to the
 * bytes it came from (on from w, when w is on that line and not past
 * off).
 */
static uint64_t
walk_back(const struct seg *sg, struct walk *w, size_t i, size_t off,
    int last)
{
	const struct line *l = &sg->v[i];
	const char *src;

	if ((last ? off >= l->len : off == 0) || l->flags & LF_MADE ||
	    (src = seg_source(sg, i)) == NULL)
		return last ? l->end : l->byte;
	if (w->line != i || w->pos.clean > off) {
		w->line = i;
		memset(&w->pos, 0, sizeof(w->pos));
	}
	clean_seek(&w->pos, src, (size_t)(l->end + 1 - l->byte), off);
	return l->byte + (last ? w->pos.raw - 1 : w->pos.next);
}

/*
 * The byte in the source of the text at offset off of line i: the first
 * of the text from there on, or with last, the last of the text before
 * it.
 */
static inline uint64_t
source_byte(const struct seg *sg, struct walk *w, size_t i, size_t off,
    int last)
{
	const struct line *l = &sg->v[i];

	if (l->flags & (LF_CLEANED | LF_MADE))
		return walk_back(sg, w, i, off, last);
	return l->byte + off - (last != 0);
}

/*
 * Write the next unit of parent p: lines a..b, source bytes first..last,
 * text s[0..n).  source is "\nsource: SOURCE\n", escaped, and unit
 * "sent" or "para".
 */
static void
write_unit(const struct seg *sg, struct parent *p, const struct buf *source,
    const char *unit, size_t a, size_t b, uint64_t first, uint64_t last,
    const char *s, size_t n)
{
	struct output *o = &prog.out;
	char num[128], *q = num + sizeof(num), *d;

	/* "lines: A-B\nbytes: C-D\n", made from its end */
	*--q = '\n';
	q = u64_decimal(q, last);
	*--q = '-';
	q = u64_decimal(q, first);
	q -= 7;
	memcpy(q, "bytes: ", 7);
	*--q = '\n';
	q = u64_decimal(q, sg->v[b].lineno);
	*--q = '-';
	q = u64_decimal(q, sg->v[a].lineno);
	q -= 7;
	memcpy(q, "lines: ", 7);
	d = u64_decimal(q, ++p->count);		/* the id's number, before */
	*--d = '.';
	out_write(o, "id: ", 4);
	out_write(o, p->eid.p, p->eid.len);
	out_write(o, d, (size_t)(q - d));
	out_write(o, source->p, source->len);
	out_write(o, q, (size_t)(num + sizeof(num) - q));
	out_write(o, "unit: ", 6);
	out_write(o, unit, 4);
	out_write(o, "\nparent: ", 9);
	out_write(o, p->eid.p, p->eid.len);
	out_write(o, "\n\n", 2);
	out_write(o, s, n);
	out_putc(o, '\0');
	prog.records_out++;
}

/* Write the sentences of the paragraph in lines a..b, of parent para. */
static void
write_sentences(const struct seg *sg, struct parent *para,
    const struct buf *source, size_t a, size_t b)
{
	const char *s = sg->text.p + sg->v[a].off;
	size_t n = sg->v[b].off + sg->v[b].len - sg->v[a].off, k, len;
	size_t first = a, last, start;
	struct walk w = { NONE, CLEAN_POS_INIT };
	uint64_t from, to;

	while ((k = sentence_space(s, n)) < n) {
		s += k;
		n -= k;
		len = sentence_len(s, n);
		start = (size_t)(s - sg->text.p);
		first = line_at(sg, first, b, start);
		last = line_at(sg, first, b, start + len - 1);
		/* the start first: a walk goes forward */
		from = source_byte(sg, &w, first, start - sg->v[first].off, 0);
		to = source_byte(sg, &w, last, start + len - sg->v[last].off,
		    1);
		write_unit(sg, para, source, "sent", first, last, from, to,
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
	int sent = sg->opts->unit == UNIT_SENT;
	static struct parent doc, para;
	static struct buf source;
	size_t a, b;

	source.len = 0;
	buf_puts(&source, "\nsource: ");
	rec_escape(&source, sg->source, sg->source_len);
	buf_putc(&source, '\n');
	doc.eid.len = 0;
	rec_escape(&doc.eid, docid, strlen(docid));
	doc.count = 0;
	for (a = first; a <= last; a = b + 1) {
		if (chrome[a - first] || sg->v[a].flags & LF_BLANK) {
			b = a;
			continue;
		}
		for (b = a; !per_line && b < last && !chrome[b + 1 - first] &&
		    !(sg->v[b + 1].flags & LF_BLANK); b++)
			continue;
		if (!sent) {
			write_unit(sg, &doc, &source, "para", a, b,
			    sg->v[a].byte, sg->v[b].end,
			    sg->text.p + sg->v[a].off,
			    sg->v[b].off + sg->v[b].len - sg->v[a].off);
			continue;
		}
		/* the paragraph is not written, but its id is the parent */
		para.eid.len = 0;
		buf_append(&para.eid, doc.eid.p, doc.eid.len);
		buf_putc(&para.eid, '.');
		buf_put_u64(&para.eid, ++doc.count);
		para.count = 0;
		write_sentences(sg, &para, &source, a, b);
	}
}
