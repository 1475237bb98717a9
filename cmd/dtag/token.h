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
 * Nonzero when s[0..n) and t[0..n) are equal, but for ASCII case when
 * caseless: for the short words of tokens, inline.
 */
static inline int
tok_text_eq(const char *s, const char *t, size_t n, int caseless)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char a = (unsigned char)s[i], b = (unsigned char)t[i];

		if (a == b)
			continue;
		if (!caseless)
			return 0;
		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		if (a != b)
			return 0;
	}
	return 1;
}

/*
 * The length of the next block of s[0..n) to scan: the text up to the
 * end of the line that reaches about 64 KiB, or, for a line longer than
 * 1 MiB, up to a blank or a character boundary.
 */
size_t tok_block(const char *s, size_t n);

#endif
