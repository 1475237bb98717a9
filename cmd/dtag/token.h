/*
 * token.h: the words of a block of text, as the taggers see them.
 *
 * A token is a run of letters and digits, with apostrophes between
 * letters (O'Brien, Chang'e) and the periods of an initialism (U.S,
 * H.E) inside.  A possessive 's (or 's) is cut off and flagged.  A hyphen
 * ends a token, and the next is flagged as joined to it, so that
 * "China-Pakistan" is two tokens the gazetteers can see, and one word
 * for the count.  Each ideograph or kana of Chinese or Japanese text is
 * a token of its own.
 */
#ifndef TOKEN_H
#define TOKEN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "swar.h"

enum {
	TOK_UPPER = 1 << 0,	/* starts with an uppercase letter */
	TOK_CAPS = 1 << 1,	/* two letters or more, all uppercase */
	TOK_DIGIT = 1 << 2,	/* starts with a digit */
	TOK_SPACE = 1 << 3,	/* only blanks since the previous token (or
				 * its period) */
	TOK_HYPHEN = 1 << 4,	/* joined to the previous one by a hyphen */
	TOK_GLUED = 1 << 5,	/* right after the previous one's period */
	TOK_LINE = 1 << 6,	/* the first of its line */
	TOK_DOT = 1 << 7,	/* followed by a period */
	TOK_POSS = 1 << 8,	/* a possessive 's was cut off */
	TOK_SENT = 1 << 9,	/* after . ! ? and a blank, or a line start */
	TOK_END = 1 << 10,	/* the last token of its line */
	TOK_IDEO = 1 << 11	/* an ideograph or kana */
};
/* Bits 16 and up are marks of phrase_mark() (phrase.h). */
#define TOK_MARK(k) ((uint32_t)1 << (16 + (k)))

struct token {
	uint32_t off;		/* in the block */
	uint32_t len;
	uint32_t hash;		/* of the text, ASCII letters lowercased */
	uint32_t line;		/* line number in the block, from 0 */
	uint32_t flags;
};

struct tokens {
	struct token *v;
	size_t n;
	size_t cap;
	uint64_t chars;		/* characters in the blocks seen */
	uint64_t words;		/* words in the blocks seen */
};

/* Append the tokens of s[0..n) to t (emptied first); n < 4 GiB. */
void tok_scan(struct tokens *t, const char *s, size_t n);
void tok_free(struct tokens *t);

/* The hash tok_scan() gives a token of text s[0..n). */
uint32_t tok_hash(const char *s, size_t n);
/* Fold one more hash into a phrase's: sep is ' ' or '-'. */
static inline uint32_t
tok_hash_join(uint32_t h, int sep, uint32_t next)
{
	h = (h ^ (uint32_t)sep) * 0x9e3779b1u;
	return (h ^ next) * 0x85ebca77u;
}

/*
 * The n bytes (1 to 8) at s in one word: two loads, which overlap when
 * n is not 2, 4 or 8, so that the same bytes make the same word.
 */
static inline uint64_t
tok_load(const char *s, size_t n)
{
	uint32_t a, b;
	uint16_t c, d;

	if (n >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return (uint64_t)a | (uint64_t)b << 32;
	}
	if (n >= 2) {
		memcpy(&c, s, 2);
		memcpy(&d, s + n - 2, 2);
		return (uint64_t)c | (uint64_t)d << 16;
	}
	return (unsigned char)s[0];
}

/* The bytes of v with the ASCII capitals small when fold is all ones. */
static inline uint64_t
tok_fold(uint64_t v, uint64_t fold)
{
	return v | (swar_in(v, 'A', 'Z') >> 2 & fold);
}

/*
 * Nonzero when s[0..n) and t[0..n) are equal, but for ASCII case when
 * caseless: for the short words of tokens, inline, eight bytes at a
 * time and the last one to eight bytes at once, with no branch on each
 * byte that a processor would have to guess.
 */
static inline int
tok_text_eq(const char *s, const char *t, size_t n, int caseless)
{
	uint64_t a, b, fold = (uint64_t)0 - (caseless != 0);
	size_t i;

	if (n == 0)
		return 1;
	for (i = 0; i + 8 < n; i += 8) {
		memcpy(&a, s + i, 8);
		memcpy(&b, t + i, 8);
		if (tok_fold(a, fold) != tok_fold(b, fold))
			return 0;
	}
	if (n >= 8) {		/* the last eight, overlapping those before */
		memcpy(&a, s + n - 8, 8);
		memcpy(&b, t + n - 8, 8);
	} else {
		a = tok_load(s, n);
		b = tok_load(t, n);
	}
	return tok_fold(a, fold) == tok_fold(b, fold);
}

/*
 * The length of the next block of s[0..n) to scan: the text up to the
 * end of the line that reaches about 64 KiB, or, for a line longer than
 * 1 MiB, up to a blank or a character boundary.
 */
size_t tok_block(const char *s, size_t n);

#endif
