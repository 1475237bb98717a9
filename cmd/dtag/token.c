/*
 * token.c: cut a block of UTF-8 text into tokens (token.h), in one pass.
 *
 * ASCII bytes are classed by a table; other characters are decoded and
 * classed by the ranges of uclass().  Letters without case (Arabic,
 * Devanagari, ...) are letters; punctuation, symbols and emoji end
 * tokens.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "swar.h"
#include "token.h"
#include "utf8.h"

enum cls {
	C_OTHER,	/* punctuation, symbols */
	C_LOWER,	/* a letter that is not uppercase */
	C_UPPER,
	C_DIGIT,
	C_BLANK,
	C_NL,
	C_APOS,
	C_HYPHEN,
	C_DOT,
	C_END,		/* ! ? and the full stops of other scripts */
	C_IDEO		/* an ideograph or kana: a token of its own */
};

/*
 * A token's hash: its bytes (ASCII letters lowercased) packed eight at a
 * time into a 64-bit word, each word multiplied in; the high half of a
 * last product is the hash.  A run of ASCII letters and digits is packed
 * a word at once.
 */
struct hstate {
	uint64_t h;
	uint64_t acc;		/* the bytes not yet multiplied in */
	unsigned k;		/* how many: fewer than 8 */
};

#define ONES SWAR_ONES
#define HIGHS SWAR_HIGHS
#define HASH_MUL 0x9E3779B97F4A7C15u

static inline void
hs_init(struct hstate *hs)
{
	hs->h = 0x2545F4914F6CDD1Du;
	hs->acc = 0;
	hs->k = 0;
}

/* Add the n bytes (1 to 8) packed in v, the first lowest, the rest 0. */
static inline void
hs_add(struct hstate *hs, uint64_t v, unsigned n)
{
	hs->acc |= v << 8 * hs->k;
	if (hs->k + n < 8) {
		hs->k += n;
		return;
	}
	hs->h = (hs->h ^ hs->acc) * HASH_MUL;
	hs->k = hs->k + n - 8;
	hs->acc = hs->k ? v >> 8 * (n - hs->k) : 0;
}

static inline uint32_t
hs_end(const struct hstate *hs)
{
	return (uint32_t)((hs->h ^ hs->acc ^ hs->k * (UINT64_C(1) << 60)) *
	    HASH_MUL >> 32);
}

/* ASCII letters and digits, lowercased; 0 for every other byte. */
static const unsigned char wordbyte[256] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e',
	['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j',
	['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o',
	['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
	['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y',
	['Z'] = 'z',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e',
	['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j',
	['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o',
	['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't',
	['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y',
	['z'] = 'z'
};

static const unsigned char ascii[128] = {
	['\t'] = C_BLANK, ['\v'] = C_BLANK, ['\f'] = C_BLANK,
	['\r'] = C_BLANK, [' '] = C_BLANK, ['\n'] = C_NL,
	['\''] = C_APOS, ['-'] = C_HYPHEN, ['.'] = C_DOT,
	['!'] = C_END, ['?'] = C_END,
	['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT,
	['4'] = C_DIGIT, ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT,
	['8'] = C_DIGIT, ['9'] = C_DIGIT,
	['A'] = C_UPPER, ['B'] = C_UPPER, ['C'] = C_UPPER, ['D'] = C_UPPER,
	['E'] = C_UPPER, ['F'] = C_UPPER, ['G'] = C_UPPER, ['H'] = C_UPPER,
	['I'] = C_UPPER, ['J'] = C_UPPER, ['K'] = C_UPPER, ['L'] = C_UPPER,
	['M'] = C_UPPER, ['N'] = C_UPPER, ['O'] = C_UPPER, ['P'] = C_UPPER,
	['Q'] = C_UPPER, ['R'] = C_UPPER, ['S'] = C_UPPER, ['T'] = C_UPPER,
	['U'] = C_UPPER, ['V'] = C_UPPER, ['W'] = C_UPPER, ['X'] = C_UPPER,
	['Y'] = C_UPPER, ['Z'] = C_UPPER,
	['a'] = C_LOWER, ['b'] = C_LOWER, ['c'] = C_LOWER, ['d'] = C_LOWER,
	['e'] = C_LOWER, ['f'] = C_LOWER, ['g'] = C_LOWER, ['h'] = C_LOWER,
	['i'] = C_LOWER, ['j'] = C_LOWER, ['k'] = C_LOWER, ['l'] = C_LOWER,
	['m'] = C_LOWER, ['n'] = C_LOWER, ['o'] = C_LOWER, ['p'] = C_LOWER,
	['q'] = C_LOWER, ['r'] = C_LOWER, ['s'] = C_LOWER, ['t'] = C_LOWER,
	['u'] = C_LOWER, ['v'] = C_LOWER, ['w'] = C_LOWER, ['x'] = C_LOWER,
	['y'] = C_LOWER, ['z'] = C_LOWER
};

/* Nonzero for the uppercase letters of Latin, Greek and Cyrillic. */
static int
is_upper(uint32_t c)
{
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if (c >= 0x100 && c <= 0x17F) {
		if (c == 0x138 || c == 0x149 || c == 0x17F)
			return 0;
		if (c == 0x178)
			return 1;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return c & 1;
		return !(c & 1);
	}
	return (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}

/* The class of a character beyond ASCII. */
static enum cls
uclass(uint32_t c)
{
	if (c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
	    c == 0x205F || c == 0x3000)
		return C_BLANK;
	if (c == 0x2019 || c == 0x02BC)
		return C_APOS;
	if (c == 0x2010 || c == 0x2011)
		return C_HYPHEN;
	if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x061F ||
	    c == 0x0964 || c == 0x06D4)
		return C_END;
	if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c == 0xFFFD ||
	    (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFE00 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF20) ||
	    (c >= 0x1F000 && c <= 0x1FAFF) || c >= 0xE0000)
		return C_OTHER;
	if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0x20000 && c <= 0x2FFFF))
		return C_IDEO;
	return is_upper(c) ? C_UPPER : C_LOWER;
}

/* The class of the character at s[i] (of n), and its length in *len. */
static inline enum cls
class_at(const unsigned char *s, size_t i, size_t n, size_t *len)
{
	if (s[i] < 0x80) {
		*len = 1;
		return (enum cls)ascii[s[i]];
	}
	return uclass(utf8_decode((const char *)s + i, n - i, len));
}

static int
is_letter(enum cls c)
{
	return c == C_LOWER || c == C_UPPER || c == C_DIGIT;
}

uint32_t
tok_hash(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	struct hstate hs;
	size_t i;

	hs_init(&hs);
	for (i = 0; i < n; i++) {
		unsigned c = p[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
		    p[i + 2] == 0x99) {
			c = '\'';	/* U+2019, as in scan_word() */
			i += 2;
		} else if (c == 0xCA && i + 1 < n && p[i + 1] == 0xBC) {
			c = '\'';	/* U+02BC, likewise */
			i++;
		}
		hs_add(&hs, c, 1);
	}
	return hs_end(&hs);
}

static struct token *
push(struct tokens *t)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	return &t->v[t->n++];
}

/*
 * The run of ASCII letters and digits at s[i..n): add it to hs, count
 * its uppercase letters into *upper, make *lower nonzero if one is
 * lowercase, and return its end.
 */
static inline size_t
ascii_run(const unsigned char *s, size_t i, size_t n, struct hstate *hs,
    unsigned *upper, unsigned *lower)
{
	unsigned b;

	for (; i + 8 <= n; i += 8) {
		/* Letters are a..z with bit 5 set; uppercase ones lack it. */
		uint64_t v = swar_load(s + i),
		    letter = swar_in(v | 0x20 * ONES, 'a', 'z'),
		    stop = ~(letter | swar_in(v, '0', '9')) & HIGHS, keep;
		unsigned run = stop ? swar_first(stop) : 8;

		if (run == 0)
			return i;
		keep = run == 8 ? ~(uint64_t)0 : ((uint64_t)1 << 8 * run) - 1;
		letter &= keep;
		*upper += swar_count(letter & ~(v << 2));
		*lower |= (unsigned)((letter & v << 2) != 0);
		hs_add(hs, (v | 0x20 * ONES) & keep, run);
		if (run < 8)
			return i + run;
	}
	for (; i < n && (b = wordbyte[s[i]]) != 0; i++) {
		*upper += b != s[i];
		*lower |= b >= 'a' && b == s[i];
		hs_add(hs, b, 1);
	}
	return i;
}

/*
 * Scan the token of letters and digits that starts at s[i]; fill tok
 * (but its off, line and separator flags) and return where it ends,
 * after a possessive 's.
 */
static size_t
scan_word(const unsigned char *s, size_t i, size_t n, struct token *tok)
{
	size_t start = i, end, len, segstart = i;
	struct hstate hs;
	uint32_t flags;
	unsigned upper = 0, lower = 0;	/* letters not uppercase */
	enum cls c;

	hs_init(&hs);
	if (s[i] < 0x80)
		c = (enum cls)ascii[s[i]];
	else
		c = class_at(s, i, n, &len);
	/* no branch: whether a word is capitalised is anyone's guess */
	flags = (c == C_UPPER) * TOK_UPPER | (c == C_DIGIT) * TOK_DIGIT;
	for (;;) {
		i = ascii_run(s, i, n, &hs, &upper, &lower);
		/* Of ASCII, only ' and . may go on after a run. */
		if (i >= n || (s[i] < 0x80 && s[i] != '\'' && s[i] != '.'))
			break;
		c = class_at(s, i, n, &len);
		if (c == C_UPPER || c == C_LOWER || c == C_DIGIT) {
			size_t k;

			/* Not ASCII: ascii_run() took those. */
			for (k = 0; k < len; k++)
				hs_add(&hs, s[i + k], 1);
			upper += c == C_UPPER;
			lower += c == C_LOWER;
			i += len;
		} else if (c == C_APOS) {
			size_t l2, l3;
			enum cls next = i + len < n ?
			    class_at(s, i + len, n, &l2) : C_OTHER;

			if (!is_letter(next))
				break;
			if ((s[i + len] == 's' || s[i + len] == 'S') &&
			    (i + len + 1 >= n || !is_letter(class_at(s,
			    i + len + 1, n, &l3)))) {
				tok->len = (uint32_t)(i - start);
				tok->hash = hs_end(&hs);
				tok->flags = flags | TOK_POSS |
				    (upper >= 2 && lower == 0 ? TOK_CAPS : 0);
				return i + len + 1;
			}
			hs_add(&hs, '\'', 1);
			i += len;
			segstart = i;
		} else if (c == C_DOT && i - segstart == 1 && i + 1 < n &&
		    s[i + 1] < 0x80 && (ascii[s[i + 1]] == C_UPPER ||
		    ascii[s[i + 1]] == C_LOWER)) {
			hs_add(&hs, '.', 1);	/* an initialism */
			i++;
			segstart = i;
		} else
			break;
		if (i >= n)
			break;
	}
	end = i;
	tok->len = (uint32_t)(end - start);
	tok->hash = hs_end(&hs);
	tok->flags = flags | (upper >= 2 && lower == 0 ? TOK_CAPS : 0);
	return end;
}

/*
 * Characters of s[0..n): the bytes that do not continue one, counted
 * eight at a time (a continuation byte is 10xxxxxx).
 */
static uint64_t
count_chars(const unsigned char *s, size_t n)
{
	uint64_t c = 0, x, cont;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		cont = x & ~(x << 1) & 0x8080808080808080u;
		c += 8 - ((cont >> 7) * 0x0101010101010101u >> 56);
	}
	for (; i < n; i++)
		c += (s[i] & 0xC0) != 0x80;
	return c;
}

void
tok_scan(struct tokens *t, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	uint32_t next = TOK_LINE | TOK_SENT, line = 0;
	size_t i = 0, len, prev_end = (size_t)-1;
	struct token *tok, *prev = NULL;
	enum cls c;

	t->n = 0;
	t->chars += count_chars(s, n);
	while (i < n) {
		/* The common cases first: a word of ASCII, a space. */
		if (wordbyte[s[i]] != 0)
			c = C_LOWER;
		else if (s[i] == ' ') {
			i++;
			continue;
		} else
			c = class_at(s, i, n, &len);
		switch (c) {
		case C_UPPER:
		case C_LOWER:
		case C_DIGIT:
			tok = push(t);
			tok->off = (uint32_t)i;
			i = scan_word(s, i, n, tok);
			tok->line = line;
			tok->flags |= next;
			if (!(next & TOK_HYPHEN))
				t->words++;
			prev = tok;
			prev_end = i;
			next = TOK_SPACE;
			continue;
		case C_IDEO:
			tok = push(t);
			tok->off = (uint32_t)i;
			tok->len = (uint32_t)len;
			tok->hash = tok_hash(text + i, len);
			tok->line = line;
			tok->flags = next | TOK_IDEO;
			t->words++;
			prev = tok;
			prev_end = (size_t)-1;	/* no dots or hyphens after it */
			i += len;
			next = TOK_SPACE;	/* the next ideograph is the next
						 * word of a phrase */
			continue;
		case C_BLANK:
			break;
		case C_NL:
			if (prev != NULL)
				prev->flags |= TOK_END;
			line++;
			next = TOK_LINE | TOK_SENT;
			break;
		case C_DOT:
			if (prev != NULL && i == prev_end) {
				prev->flags |= TOK_DOT;
				if (i + 1 < n && s[i + 1] < 0x80 &&
				    (ascii[s[i + 1]] == C_UPPER ||
				    ascii[s[i + 1]] == C_LOWER))
					next = TOK_GLUED;
				else if (i + 1 >= n || s[i + 1] == ' ' ||
				    s[i + 1] == '\n' || s[i + 1] == '\t' ||
				    s[i + 1] == '\r')
					next |= TOK_SENT;
			} else
				next &= ~TOK_SPACE;
			break;
		case C_HYPHEN: {
			size_t l2;

			if (prev != NULL && i == prev_end && i + len < n &&
			    is_letter(class_at(s, i + len, n, &l2)))
				next = TOK_HYPHEN;
			else
				next &= ~TOK_SPACE;
			break;
		}
		case C_END:
			next = (next & ~TOK_SPACE) | TOK_SENT;
			break;
		default:
			next &= ~TOK_SPACE;
			break;
		}
		i += len;
	}
	if (prev != NULL)
		prev->flags |= TOK_END;
}

void
tok_free(struct tokens *t)
{
	free(t->v);
	memset(t, 0, sizeof(*t));
}

#define BLOCK_MIN ((size_t)64 * 1024)
#define BLOCK_MAX ((size_t)1024 * 1024)

size_t
tok_block(const char *s, size_t n)
{
	const char *nl;
	size_t i;

	if (n <= BLOCK_MIN)
		return n;
	nl = memchr(s + BLOCK_MIN, '\n', (n < BLOCK_MAX ? n : BLOCK_MAX) -
	    BLOCK_MIN);
	if (nl != NULL)
		return (size_t)(nl - s) + 1;
	if (n <= BLOCK_MAX)
		return n;
	for (i = BLOCK_MAX; i > BLOCK_MIN; i--)
		if (s[i - 1] == ' ' || s[i - 1] == '\t')
			return i;
	for (i = BLOCK_MAX; i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80; i--)
		;
	return i;
}
