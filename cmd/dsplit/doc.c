/*
 * doc.c: write lines as a document record: its span, its title, its
 * bylines, and its chrome cut from the body into headers.
 */
#include <string.h>

#include "prog.h"
#include "record.h"
#include "segment.h"


static int
is_content(const struct seg *sg, size_t i)
{
	return !(sg->v[i].flags & (LF_BLANK | LF_SEPARATOR));
}

/*
 * The length of the headline in s[0..n): the line, or its first
 * sentence when it holds more than one ("... in 2021. Here is ..."), and
 * at most 40 words.
 */
static size_t
headline_len(const char *s, size_t n)
{
	size_t i, word = 0, words = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ') {
			if (++words == 40)
				return i;
			word = i + 1;
			continue;
		}
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
		    i + 2 < n && s[i + 1] == ' ' && s[i + 2] >= 'A' &&
		    s[i + 2] <= 'Z' && words >= 4 && i - word >= 4)
			return i + 1;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n;
}

/* Append to b the lines first..last not marked in chrome, trimmed. */
static void
assemble(const struct seg *sg, size_t first, size_t last,
    const unsigned char *chrome, struct buf *b)
{
	size_t i;

	for (i = first; i <= last; i++) {
		if (chrome[i - first])
			continue;
		if (b->len == 0 && !is_content(sg, i))
			continue;	/* blank lines left after chrome */
		buf_append(b, seg_text(sg, i), sg->v[i].len + 1);
	}
	while (b->len > 0 && (b->p[b->len - 1] == '\n' ||
	    b->p[b->len - 1] == ' '))
		b->len--;
}

/* Write header key with s[0..n) without the spaces around it. */
static void
write_trimmed(const char *key, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	rec_write_field(&prog.out, key, s, n);
}

void
doc_write(struct seg *sg, size_t n)
{
	static struct buf body, id;
	struct output *o = &prog.out;
	static unsigned char *chrome;
	static size_t chrome_cap;
	size_t first, last, s, i, tlen;
	struct head h;
	int cut = 0;

	for (first = 0; first < n && !is_content(sg, first); first++)
		continue;
	if (first == n)
		return;
	for (last = n - 1; !is_content(sg, last); last--)
		continue;
	if (chrome == NULL || chrome_cap < last - first + 1) {
		chrome_cap = last - first + 1;
		chrome = xrealloc(chrome, chrome_cap);
	}
	memset(chrome, 0, last - first + 1);
	for (i = first; i <= last; i++)
		if (sg->v[i].flags & LF_CHROME)
			chrome[i - first] = 1;
	s = seg_opening(sg, first, last + 1);
	for (i = first; i < s; i++)
		if (is_content(sg, i))
			chrome[i - first] = 1;	/* opening chrome */
	if (s > last)
		s = first;
	memset(&h, 0, sizeof(h));
	h.title = s;
	if (!head_find(sg, s, 1, &h))
		h.count = 0;
	else if (h.echo != NONE && h.echo <= last)
		chrome[h.title - first] = chrome[h.echo - first] = 0;
		/* (a title that looks like chrome, and its echo) */

	sg->docno++;
	id.len = 0;
	if (sg->doc_id != NULL) {
		buf_puts(&id, sg->doc_id);
	} else {
		buf_append(&id, sg->source, sg->source_len);
		buf_putc(&id, ':');
		buf_put_u64(&id, sg->docno);
	}
	if (sg->opts->unit != UNIT_DOC) {
		buf_putc(&id, '\0');
		prog.records_in++;
		units_write(sg, first, last, chrome, id.p);
		return;
	}
	/* a record of few headers and one body: written as it is made */
	rec_write_field(o, "id", id.p, id.len);
	rec_write_field(o, "source", sg->source, sg->source_len);
	rec_write_range(o, "lines", sg->v[first].lineno, sg->v[last].lineno);
	rec_write_range(o, "bytes", sg->v[first].byte, sg->v[last].end);
	tlen = headline_len(seg_text(sg, h.title), sg->v[h.title].len);
	if (tlen > 0)
		rec_write_field(o, "title", seg_text(sg, h.title), tlen);
	rec_write_field(o, "unit", "doc", 3);
	for (i = 0; sg->extra != NULL && i < sg->extra->nfields; i++) {
		const struct field *f = &sg->extra->fields[i];

		out_write(o, f->key, f->keylen);
		out_write(o, ": ", 2);
		rec_write_escaped(o, f->val, f->vallen);
		out_putc(o, '\n');
	}
	for (i = 0; i < h.count; i++) {
		size_t l = h.lines[i];

		if (h.echo != NONE && l >= h.echo)
			break;
		if (l != h.title)
			write_trimmed("byline", seg_text(sg, l),
			    sg->v[l].len);
	}
	for (i = first; i <= last; i++)
		if (chrome[i - first]) {
			write_trimmed("chrome", seg_text(sg, i),
			    sg->v[i].len);
			cut = !sg->opts->keep_chrome;
		}
	out_putc(o, '\n');
	if (!cut) {
		out_write(o, seg_text(sg, first), sg->v[last].off +
		    sg->v[last].len - sg->v[first].off);
	} else {
		body.len = 0;
		assemble(sg, first, last, chrome, &body);
		out_write(o, body.p, body.len);
	}
	out_putc(o, '\0');
	prog.records_in++;
	prog.records_out++;
}
