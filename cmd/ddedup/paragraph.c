/*
 * paragraph.c: repeated paragraphs inside documents, as CCNet removes
 * them.
 *
 * A paragraph is a block of lines between blank lines (lines of spaces
 * and tabs).  It is normalised as in exact mode and its XXH3 hash kept;
 * a paragraph whose hash was seen min_repeats times before is cut, with
 * the blank lines after it.  A paragraph without words is never cut.
 */
#include <string.h>
#include <xxhash.h>

#include "normalize.h"
#include "number.h"
#include "paragraph.h"

/* The start of the line after the one at p. */
static const char *
next_line(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl != NULL ? nl + 1 : end;
}

/* Nonzero when p..q holds only spaces, tabs and line ends. */
static int
blank(const char *p, const char *q)
{
	for (; p < q; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
			return 0;
	return 1;
}

/* Nonzero when s[0..n) holds a byte other than a space. */
static int
has_words(const char *s, size_t n)
{
	return n > 0 && !blank(s, s + n);
}

size_t
para_repeats(struct docset *ds, const char *id, const char *body,
    size_t n, const struct para_opts *o, struct buf *out,
    struct buf *repeats, size_t *paras)
{
	static struct buf norm, pid;
	const char *p = body, *end = body + n, *start, *stop, *q;
	size_t found = 0, number = 0, doc;

	out->len = repeats->len = 0;
	*paras = 0;
	while (p < end && blank(p, q = next_line(p, end)))
		p = q;
	buf_append(out, body, (size_t)(p - body));
	while (p < end) {
		start = p;
		while (p < end && !blank(p, q = next_line(p, end)))
			p = q;
		stop = p;
		while (p < end && blank(p, q = next_line(p, end)))
			p = q;
		number++;
		norm_text(&norm, start, (size_t)(stop - start), o->norm);
		if (has_words(norm.p, norm.len)) {
			(*paras)++;
			pid.len = 0;
			if (ds->keep_ids) {	/* id.P, as dsplit -u para */
				buf_append(&pid, id, strlen(id));
				buf_putc(&pid, '.');
				buf_put_u64(&pid, number);
			}
			if (docset_exact(ds, XXH3_64bits(norm.p, norm.len),
			    pid.p, pid.len, &doc) >= o->min_repeats) {
				found++;
				if (repeats->len > 0)
					buf_putc(repeats, ',');
				buf_put_u64(repeats, number);
				if (!o->mark)
					continue;	/* cut */
			}
		}
		buf_append(out, start, (size_t)(p - start));
	}
	return found;
}
