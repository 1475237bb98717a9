/*
 * segment.c: where one document ends and the next begins.
 *
 * Each input starts a document.  The opening of a document (its opening
 * chrome, and the head of a reposted release: see head.c) never starts
 * another.  After that, a line starts a new document when (the first
 * rule that applies decides):
 *   1. with -b, it matches the pattern (and no other rule applies);
 *   2. a separator line (=====, -----, * * *, #####) stands before it;
 *   3. it closes a page itself (closing chrome followed by a blank line
 *      or more chrome, a line of #hashtags, a closing dateline) or is
 *      other chrome: it does not, unless it is a title echoed after
 *      bylines (rule 8);
 *   4. the line before it closed a page: it does;
 *   5. no blank line stands before it: it does not;
 *   6. it is a breadcrumb ("Home > News", "HomeNewsWorld") or other
 *      opening chrome: it does;
 *   7. it is a section label (one or two capitalised words, then a blank
 *      and a line that is not a byline) and that line starts a document
 *      by rule 8 or 9: it does;
 *   8. it opens the head of a reposted release (head.c): it does;
 *   9. it looks like a title (4 to 40 words, no final punctuation) and
 *      the body follows at once (a long line, a sentence or a date
 *      line), or it is a line without final punctuation followed, at once
 *      or after blank lines, by an opening dateline ("Beijing, 21 January
 *      2024 (TDI): ..."): it does;
 *  10. otherwise it does not: a blank line alone is a paragraph break.
 * A closing dateline is a place line (one to four capitalised words)
 * followed by a date line ("31 December 2020").
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"
#include "reader.h"
#include "segment.h"
#include "utf8.h"

#define LOOKAHEAD 24	/* lines read past the one being decided */

void
seg_init(struct seg *sg, const struct dsplit_opts *opts, const char *source)
{
	memset(sg, 0, sizeof(*sg));
	sg->opts = opts;
	sg->source = source;
	sg->source_len = strlen(source);
	sg->protect = NONE;
	sg->memo = xmalloc(sizeof(*sg->memo));
	memset(sg->memo, 0, sizeof(*sg->memo));
}

void
seg_free(struct seg *sg)
{
	free(sg->v);
	free(sg->memo);
	buf_free(&sg->text);
	buf_free(&sg->src);
	free(sg->srcs);
	memset(sg, 0, sizeof(*sg));
}

/* Make room for line n of sg, and return it. */
static struct line *
new_line(struct seg *sg)
{
	if (sg->n == sg->cap) {
		sg->cap = sg->cap ? sg->cap * 2 : 256;
		sg->v = xrealloc(sg->v, sg->cap * sizeof(*sg->v));
	}
	return &sg->v[sg->n++];
}

/* Append the text s[0..n) of line l, with its newline. */
static void
add_text(struct seg *sg, struct line *l, const char *s, size_t n)
{
	buf_reserve(&sg->text, n + 1);
	l->off = sg->text.len;
	l->len = n;
	if (n > 0)
		memcpy(sg->text.p + sg->text.len, s, n);
	sg->text.p[sg->text.len + n] = '\n';
	sg->text.len += n + 1;
}

/* Keep the source bytes src of the last line, whose text was cleaned. */
static void
keep_source(struct seg *sg, const char *src)
{
	const struct line *l = &sg->v[sg->n - 1];

	if (sg->nsrcs == sg->capsrcs) {
		sg->capsrcs = sg->capsrcs ? sg->capsrcs * 2 : 64;
		sg->srcs = xrealloc(sg->srcs, sg->capsrcs * sizeof(*sg->srcs));
	}
	sg->srcs[sg->nsrcs].line = sg->dropped + sg->n - 1;
	sg->srcs[sg->nsrcs++].off = sg->src.len;
	buf_append(&sg->src, src, (size_t)(l->end + 1 - l->byte));
}

const char *
seg_source(const struct seg *sg, size_t i)
{
	uint64_t line = sg->dropped + i;
	size_t lo = 0, hi = sg->nsrcs, mid;

	if (!(sg->v[i].flags & LF_CLEANED))
		return NULL;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (sg->srcs[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sg->nsrcs && sg->srcs[lo].line == line ?
	    sg->src.p + sg->srcs[lo].off : NULL;
}

void
seg_add_line(struct seg *sg, const struct line *line, const char *s,
    const char *src)
{
	struct line *l = new_line(sg);

	*l = *line;
	add_text(sg, l, s, line->len);
	if (src != NULL)
		keep_source(sg, src);
}

void
seg_repairs(uint64_t nuls, uint64_t repaired)
{
	static uint64_t *nul_count, *repair_count;

	if (nul_count == NULL) {
		nul_count = prog_counter("nul bytes dropped");
		repair_count = prog_counter("invalid utf-8 repaired");
	}
	*nul_count += nuls;
	*repair_count += repaired;
}

/* seg_add() and seg_add_made(): made tells which. */
static void
add_line(struct seg *sg, const char *s, size_t n, uint64_t lineno,
    uint64_t byte, uint64_t end, int made)
{
	static struct buf scratch[2];
	uint64_t nuls = 0, repaired = 0;
	const char *t = clean_text(s, &n, scratch, &nuls, &repaired);
	struct line *l;

	seg_repairs(nuls, repaired);
	l = new_line(sg);
	l->lineno = lineno;
	l->byte = byte;
	l->end = end;
	add_text(sg, l, t, n);
	line_classify(l, sg->text.p + l->off);
	if (made)
		l->flags |= LF_MADE;
	else if (t != s) {
		l->flags |= LF_CLEANED;
		keep_source(sg, s);
	}
}

void
seg_add(struct seg *sg, const char *s, size_t n, uint64_t lineno,
    uint64_t byte, uint64_t end)
{
	add_line(sg, s, n, lineno, byte, end, 0);
}

void
seg_add_made(struct seg *sg, const char *s, size_t n, uint64_t lineno,
    uint64_t byte, uint64_t end)
{
	add_line(sg, s, n, lineno, byte, end, 1);
}

static int
has(const struct seg *sg, size_t i, unsigned flags)
{
	return i < sg->n && (sg->v[i].flags & flags) != 0;
}

/*
 * Nonzero when line i closes a page: see rule 3.  Closing chrome does
 * only when a blank line, a separator or more chrome follows it.
 */
static int
closes_page(const struct seg *sg, size_t i)
{
	if (has(sg, i, LF_HASHTAGS))
		return 1;
	if (has(sg, i, LF_CHROME_END))
		return i + 1 >= sg->n ||
		    has(sg, i + 1, LF_BLANK | LF_SEPARATOR | LF_CHROME);
	if (has(sg, i, LF_PLACE) && has(sg, i + 1, LF_DATE))
		return 1;
	return has(sg, i, LF_DATE) && i > 0 && has(sg, i - 1, LF_PLACE);
}

/* The next line after i that is not blank, or NONE. */
static size_t
next_content(const struct seg *sg, size_t i)
{
	for (i++; i < sg->n; i++)
		if (!has(sg, i, LF_BLANK | LF_SEPARATOR))
			return i;
	return NONE;
}

/*
 * Rule 9: a title followed by its body.  Before an opening dateline a
 * title may be short; elsewhere it has four words or more.
 */
static int
title_then_body(const struct seg *sg, size_t i)
{
	const struct line *l = &sg->v[i];
	size_t j;

	if (l->flags & (LF_CHROME | LF_BYLINE | LF_SENTENCE | LF_DATE |
	    LF_COLON_END) || l->words > 40 ||
	    islower((unsigned char)sg->text.p[l->off]))
		return 0;
	j = next_content(sg, i);
	if (j != NONE && line_dateline(seg_text(sg, j), sg->v[j].len))
		return 1;
	if (!(l->flags & LF_TITLEISH) || j != i + 1)
		return 0;
	return sg->v[j].words >= 12 || has(sg, j, LF_SENTENCE | LF_DATE);
}

/*
 * Nonzero when a line that looks like chrome opens the head of a release
 * whose title it is, echoed after the bylines.
 */
static int
echoed_head(const struct seg *sg, size_t i)
{
	struct head h;

	return head_find(sg, i, 1, &h) && h.echo != NONE && h.title == i;
}

/* Rules 8 and 9. */
static int
opens_document(const struct seg *sg, size_t i)
{
	struct head h;

	return head_find(sg, i, 0, &h) || title_then_body(sg, i);
}

static int
matches_boundary(const struct seg *sg, size_t i)
{
	pcre2_match_data *md = sg->opts->boundary_md;

	return pcre2_match(sg->opts->boundary_re,
	    (PCRE2_SPTR)(sg->text.p + sg->v[i].off), sg->v[i].len, 0, 0, md,
	    NULL) >= 0;
}

size_t
seg_opening(const struct seg *sg, size_t first, size_t end)
{
	struct head h;
	size_t i;

	for (i = first; i < end; i++) {
		if (has(sg, i, LF_CHROME_TOP) && head_find(sg, i, 1, &h) &&
		    h.echo != NONE && h.title == i)
			break;	/* a title that looks like chrome, echoed */
		if (!has(sg, i, LF_BLANK | LF_SEPARATOR | LF_CHROME_TOP) &&
		    !label_at(sg, i))
			break;
	}
	return i;
}

/*
 * The line after which the current document may end: past its opening
 * chrome and the head of a release that opens it (whose bylines and
 * echoed title are not new documents).
 */
static size_t
protected_until(struct seg *sg)
{
	struct head h;
	size_t s;

	if (sg->protect != NONE)
		return sg->protect;
	s = sg->protect = seg_opening(sg, 0, sg->n);
	if (s < sg->n && head_find(sg, s, 1, &h)) {
		if (h.count > 0)
			sg->protect = h.lines[h.count - 1];
		if (h.body != NONE)
			sg->protect = h.body;
	}
	return sg->protect;
}

/* Nonzero when line i starts a new document: the rules above. */
static int
starts_document(struct seg *sg, size_t i)
{
	size_t p, j;
	int gap = 0, sep = 0;

	if (has(sg, i, LF_BLANK | LF_SEPARATOR))
		return 0;
	if (sg->opts->boundary_re == NULL && i <= protected_until(sg))
		return 0;
	for (p = i; p-- > 0;) {
		if (has(sg, p, LF_SEPARATOR))
			sep = 1;
		else if (has(sg, p, LF_BLANK))
			gap = 1;
		else
			break;
	}
	if (p == NONE)
		return 0;		/* the first line of the document */
	if (sg->opts->boundary_re != NULL)
		return matches_boundary(sg, i);
	if (sep)
		return 1;
	if (closes_page(sg, i) || has(sg, i, LF_CHROME_ANY))
		return gap && echoed_head(sg, i);
	if (closes_page(sg, p) && p > protected_until(sg))
		return 1;
	if (!gap)
		return 0;
	if (has(sg, i, LF_CHROME_TOP))
		return 1;
	if (label_at(sg, i) && (j = next_content(sg, i)) != NONE &&
	    opens_document(sg, j))
		return 1;
	return opens_document(sg, i);
}

/*
 * Forget lines v[0..n), whose document was written.  Their text (and the
 * source bytes of those cleaned) stays where it is until it is most of
 * the buffer and more than DEAD_TEXT bytes, so the text of the lines kept
 * is seldom moved.
 */
#define DEAD_TEXT ((size_t)256 * 1024)

/* Move b's bytes from off on to its start when off is past DEAD_TEXT and
 * most of it; nonzero when they moved (offsets into b then less off). */
static int
compact(struct buf *b, size_t off)
{
	if (off < DEAD_TEXT || off < 3 * (b->len - off))
		return 0;
	memmove(b->p, b->p + off, b->len - off);
	b->len -= off;
	return 1;
}

/* drop_lines() for the source bytes of the lines cleaned. */
static void
drop_sources(struct seg *sg)
{
	size_t k, off;

	for (k = 0; k < sg->nsrcs && sg->srcs[k].line < sg->dropped; k++)
		continue;
	if (k == sg->nsrcs) {
		sg->nsrcs = sg->src.len = 0;
		return;
	}
	if (k > 0) {
		memmove(sg->srcs, sg->srcs + k,
		    (sg->nsrcs - k) * sizeof(*sg->srcs));
		sg->nsrcs -= k;
	}
	off = sg->srcs[0].off;
	if (compact(&sg->src, off))
		for (k = 0; k < sg->nsrcs; k++)
			sg->srcs[k].off -= off;
}

static void
drop_lines(struct seg *sg, size_t n)
{
	size_t off, i;

	sg->dropped += n;
	if (n == sg->n) {
		sg->n = 0;
		sg->text.len = 0;
		sg->nsrcs = sg->src.len = 0;
		return;
	}
	memmove(sg->v, sg->v + n, (sg->n - n) * sizeof(*sg->v));
	sg->n -= n;
	if (sg->nsrcs > 0)
		drop_sources(sg);
	off = sg->v[0].off;
	if (compact(&sg->text, off))
		for (i = 0; i < sg->n; i++)
			sg->v[i].off -= off;
}

void
seg_clear(struct seg *sg)
{
	drop_lines(sg, sg->n);
	sg->next = 0;
	sg->protect = NONE;
}

void
seg_flush(struct seg *sg, int at_end)
{
	if (sg->opts->format == FORMAT_LINES) {
		for (; sg->n > 0; sg->next = 0) {
			if (!has(sg, 0, LF_BLANK))
				doc_write(sg, 1);
			drop_lines(sg, 1);
		}
		return;
	}
	while (sg->next < sg->n && (at_end ||
	    sg->n - sg->next > LOOKAHEAD)) {
		if (sg->next > 0 && starts_document(sg, sg->next)) {
			doc_write(sg, sg->next);
			drop_lines(sg, sg->next);
			sg->next = 0;
			sg->protect = NONE;
		}
		sg->next++;
	}
	if (at_end && sg->n > 0) {
		doc_write(sg, sg->n);
		drop_lines(sg, sg->n);
		sg->next = 0;
	}
}
