/*
 * line.h: the lines dsplit segments, and what each line looks like.
 *
 * A line's features are computed once, when it is read, from its text
 * alone (classify.c); the segmenter then looks at lines around it.
 */
#ifndef LINE_H
#define LINE_H

#include <stddef.h>
#include <stdint.h>

enum line_flag {
	LF_BLANK = 1 << 0,	/* only spaces and tabs */
	LF_SEPARATOR = 1 << 1,	/* =====, -----, * * *, ##### */
	LF_TITLEISH = 1 << 2,	/* 4 to 40 words, no final punctuation */
	LF_SENTENCE = 1 << 3,	/* ends with . ! ? (or one in quotes) */
	LF_DATE = 1 << 4,	/* the whole line is a date (and time) */
	LF_PLACE = 1 << 5,	/* 1 to 4 capitalised words, nothing else */
	LF_HASHTAGS = 1 << 7,	/* mostly #hashtags */
	LF_CHROME_ANY = 1 << 8,	/* chrome that may stand anywhere */
	LF_CHROME_TOP = 1 << 9,	/* chrome that opens a page */
	LF_CHROME_END = 1 << 10,	/* chrome that closes a page */
	LF_BYLINE = 1 << 11,	/* office, desk, embassy, "By ..." */
	LF_LABEL = 1 << 12,	/* 1 or 2 capitalised words: a section? */
	LF_COLON_END = 1 << 13,	/* ends with ':' */
	/* not what the line looks like, but what its text is: */
	LF_CLEANED = 1 << 14,	/* its source bytes cleaned (NUL bytes
				 * dropped, UTF-8 repaired): their
				 * offsets differ (see seg_source()) */
	LF_MADE = 1 << 15	/* made from its source (HTML): offsets in
				 * it are none of the source's */
};

#define LF_CHROME (LF_CHROME_ANY | LF_CHROME_TOP | LF_CHROME_END)

struct line {
	size_t off;		/* text in the segmenter's buffer */
	size_t len;
	uint64_t lineno;	/* in the source, from 1 */
	uint64_t byte;		/* first byte in the source, from 1 */
	uint64_t end;		/* last byte in the source, line end left out */
	unsigned flags;		/* enum line_flag */
	unsigned words;
};

/* Set l->flags and l->words from the text s[0..l->len). */
void line_classify(struct line *l, const char *s);

/*
 * Nonzero when s[0..n) opens with a dateline, "Place, date (Agency):";
 * asked only of the few lines where the rules need it.
 */
int line_dateline(const char *s, size_t n);

/* The words of s[0..n) that carry meaning: see words_of(). */
struct words {
	const char *w[64];
	unsigned char n[64];
	char store[512];
	size_t count;
};
void words_of(struct words *w, const char *s, size_t n, size_t least);

/* The words of all of least letters or more (pointing into all). */
void words_long(struct words *w, const struct words *all, size_t least);

/* |a and b| / min(|a|, |b|): how much the smaller set of words echoes. */
double words_overlap(const struct words *a, const struct words *b);

/* Nonzero when s[0..n) opens with the text of p[0..pn), as words. */
int words_prefix(const char *s, size_t n, const char *p, size_t pn);

#endif
