/*
 * head.c: the head of a reposted release.
 *
 * A release reposted by another site opens with a title line, a blank,
 * one to five short lines (bylines: the office, the author, the embassy;
 * not sentences of eight words or more, which are body),
 * blanks between them, and then the title again ("echoed", sometimes
 * longer or shorter, or with #hashtags) before the body; or it opens with
 * a teaser sentence, then the bylines and the title.  Such a head is
 * recognised when its first short line reads like a byline, when a short
 * line echoes the first line (most of the words of the shorter are in
 * the longer), when after a teaser sentence the title is echoed, or when
 * the body opens with the first line's words.
 */
#include <ctype.h>
#include <string.h>

#include "segment.h"

#define HEAD_SPAN 16	/* lines looked at after the first */
#define HEAD_SHORT 20	/* a head line has at most this many words */
#define ECHO 0.6	/* share of the shorter line's words in the other */

/*
 * Nonzero when lines a and b echo each other: most of the words of four
 * letters or more of the shorter are in the other; lines with fewer such
 * words must hold the same words.
 */
static int
echoes_words(const struct seg *sg, const struct words *long_a,
    const struct words *all_a, size_t b)
{
	struct words all_b, long_b;
	size_t i;

	words_of(&all_b, seg_text(sg, b), sg->v[b].len, 1);
	words_long(&long_b, &all_b, 4);
	if (long_a->count >= 3 && long_b.count >= 3)
		return words_overlap(long_a, &long_b) >= ECHO;
	if (all_a->count == 0 || all_a->count != all_b.count)
		return 0;
	for (i = 0; i < all_b.count; i++)
		if (all_a->n[i] != all_b.n[i] ||
		    memcmp(all_a->w[i], all_b.w[i], all_b.n[i]) != 0)
			return 0;
	return 1;
}

static int
echoes(const struct seg *sg, size_t a, size_t b)
{
	struct words long_a, all_a;

	words_of(&all_a, seg_text(sg, a), sg->v[a].len, 1);
	words_long(&long_a, &all_a, 4);
	return echoes_words(sg, &long_a, &all_a, b);
}

/*
 * Nonzero when the words of line s (its final full stop aside) open the
 * body line b, within its first ten words (after an opening dateline).
 */
static int
opens_body(const struct seg *sg, size_t b, size_t s)
{
	struct words wb, ws;
	size_t at, i;

	words_of(&wb, seg_text(sg, b), sg->v[b].len, 1);
	words_of(&ws, seg_text(sg, s), sg->v[s].len, 1);
	if (ws.count == 0)
		return 0;
	for (at = 0; at <= 10 && at + ws.count <= wb.count; at++) {
		for (i = 0; i < ws.count; i++)
			if (wb.n[at + i] != ws.n[i] ||
			    memcmp(wb.w[at + i], ws.w[i], ws.n[i]) != 0)
				break;
		if (i == ws.count)
			return 1;
	}
	return 0;
}

int
label_at(const struct seg *sg, size_t i)
{
	size_t j;

	if (!(sg->v[i].flags & LF_LABEL) || i + 1 >= sg->n ||
	    !(sg->v[i + 1].flags & LF_BLANK))
		return 0;
	for (j = i + 1; j < sg->n && sg->v[j].flags & LF_BLANK; j++)
		continue;
	return j < sg->n && !(sg->v[j].flags & (LF_BYLINE | LF_SEPARATOR));
}

/* Nonzero when line i may be the title after a teaser. */
static int
titleish(const struct seg *sg, size_t i)
{
	unsigned f = sg->v[i].flags;

	return (f & LF_TITLEISH) && !(f & LF_BYLINE) && sg->v[i].words >= 4;
}

/* Nonzero when line i may be a short title: no final punctuation. */
static int
short_title(const struct seg *sg, size_t i)
{
	unsigned f = sg->v[i].flags;

	return !(f & (LF_BYLINE | LF_CHROME | LF_SENTENCE | LF_COLON_END |
	    LF_DATE));
}

/* Nonzero when lines a and b hold the same text. */
static int
same_line(const struct seg *sg, size_t a, size_t b)
{
	return sg->v[a].len == sg->v[b].len &&
	    memcmp(seg_text(sg, a), seg_text(sg, b), sg->v[a].len) == 0;
}

/*
 * Find the head that opens at line s, as far as the lines read allow.
 * Returns nonzero when it is confirmed; h says where its parts are.  A
 * line that looks like chrome opens a head only when chrome is nonzero.
 */
static int
find_head(const struct seg *sg, size_t s, int chrome, struct head *h)
{
	const struct line *v = sg->v;
	size_t k, a, b, first_echo = NONE;
	int teaser = 0, byline_first;

	memset(h, 0, sizeof(*h));
	h->body = h->echo = NONE;
	h->title = s;
	if (v[s].flags & (LF_DATE | LF_BYLINE | LF_BLANK | LF_SEPARATOR) ||
	    (!chrome && v[s].flags & LF_CHROME) ||
	    s + 1 >= sg->n || !(v[s + 1].flags & LF_BLANK))
		return 0;		/* a head has a blank after its first line */
	for (k = s + 1; k < sg->n && k - s <= HEAD_SPAN; k++) {
		unsigned f = v[k].flags;

		if (f & LF_BLANK || f & LF_CHROME_ANY)
			continue;
		if (f & (LF_SEPARATOR | LF_CHROME_END | LF_CHROME_TOP |
		    LF_HASHTAGS) && !same_line(sg, s, k))
			break;		/* (a title like chrome may be echoed) */
		if (v[k].words > HEAD_SHORT ||
		    (f & LF_SENTENCE && v[k].words >= 8)) {
			h->body = k;
			break;
		}
		if (h->count == 5)
			return 0;
		h->lines[h->count++] = k;
	}
	/* bylines confirm a head that they open */
	byline_first = h->count > 0 && v[h->lines[0]].flags & LF_BYLINE;
	/* a teaser sentence, then the title and its echo, then the body
	 * opening with the teaser */
	if (h->count > 1 && v[s].flags & LF_SENTENCE && h->body != NONE &&
	    short_title(sg, h->lines[0]) && opens_body(sg, h->body, s))
		for (b = 1; b < h->count; b++)
			if (echoes(sg, h->lines[0], h->lines[b])) {
				first_echo = h->lines[b];
				h->title = h->lines[0];
				teaser = 1;
				break;
			}
	if (!teaser && islower((unsigned char)seg_text(sg, s)[0]))
		return 0;
	if (!teaser && h->count > 0) {
		struct words long_s, all_s;

		words_of(&all_s, seg_text(sg, s), v[s].len, 1);
		words_long(&long_s, &all_s, 4);
		for (a = 0; a < h->count && first_echo == NONE; a++)
			if (echoes_words(sg, &long_s, &all_s, h->lines[a]))
				first_echo = h->lines[a];
	}
	if (h->body != NONE && first_echo == NONE &&
	    words_prefix(seg_text(sg, h->body), v[h->body].len,
	    seg_text(sg, s), v[s].len))
		first_echo = h->body;
	h->confirmed = first_echo != NONE || byline_first;
	h->echo = first_echo;
	/* a teaser sentence, then the bylines and the title (and its echo) */
	if (!teaser && v[s].flags & LF_SENTENCE)
		for (a = 0; a < h->count; a++)
			if (titleish(sg, h->lines[a])) {
				h->title = h->lines[a];
				for (b = a + 1; b < h->count; b++)
					if (echoes(sg, h->title, h->lines[b])) {
						h->echo = h->lines[b];
						break;
					}
				break;
			}
	return h->confirmed;
}

/* Count the lines of h from line to instead of line from. */
static void
shift_head(struct head *h, size_t from, size_t to)
{
	size_t i;

	for (i = 0; i < h->count; i++)
		h->lines[i] = h->lines[i] - from + to;
	if (h->body != NONE)
		h->body = h->body - from + to;
	if (h->echo != NONE)
		h->echo = h->echo - from + to;
	h->title = h->title - from + to;
}

/*
 * find_head(), remembering the last few answers: the segmenter asks about
 * the first line of a document up to four times (is it a start, how far
 * is it protected, what is its title), between questions about other
 * lines.  The answer depends only on the lines from s on, which are all
 * read when it is first asked.  A line that looks like chrome is only a
 * head when chrome is nonzero; the answer is the same otherwise.
 */
int
head_find(const struct seg *sg, size_t s, int chrome, struct head *h)
{
	struct head_memo *m = sg->memo;
	uint64_t line = sg->dropped + s;	/* lines may share a number */
	unsigned i;

	if (!chrome && sg->v[s].flags & LF_CHROME) {
		memset(h, 0, sizeof(*h));
		h->body = h->echo = NONE;
		h->title = s;
		return 0;
	}
	for (i = 0; i < HEAD_MEMO; i++)
		if (m->slot[i].valid && m->slot[i].line == line) {
			*h = m->slot[i].head;
			shift_head(h, 0, s);
			return m->slot[i].found;
		}
	i = m->next;
	m->next = (m->next + 1) % HEAD_MEMO;
	m->slot[i].found = find_head(sg, s, 1, h);
	m->slot[i].head = *h;
	shift_head(&m->slot[i].head, s, 0);
	m->slot[i].line = line;
	m->slot[i].valid = 1;
	return m->slot[i].found;
}
