/*
 * sentence.c: a rule-based English sentence splitter for news text.
 *
 * sentence_len() scans, eight bytes at a time, for the places where a
 * sentence may end: the terminators . ! ? and U+2026 (…), and newlines.
 * At each it decides by the rules below, looking back one word and ahead
 * one word or line; it allocates nothing, and each byte is looked at a
 * bounded number of times.  The words the rules name are in one table,
 * sentence_words.c.
 *
 * Terminators.  A run of terminators (".", "?!", "...", "…") and the
 * closing quotes and brackets right after it (" ' ) ] } ” ’ » ›, and a
 * French » after a space) can end a sentence only when white space or
 * the end of the text follows: 2.5, U.S.-led, www.example.com,
 * j.doe@mail.gov.pk and https://a.b/c?x=1 never split.  With NEXT the
 * first character after the white space and after any opening quotes or
 * brackets:
 *
 *  1. the end of the text, or a blank line, ends the sentence;
 *  2. nothing else ends it before a lowercase NEXT ("etc. and",
 *     "‘Yes!’ she said", "... and then"), before a dash and a space on
 *     the same line ("“Never!” – a reply"), nor when no letter or digit
 *     comes before the run;
 *  3. ? or ! in the run ends it;
 *  4. an ellipsis (.. ... …), or a period with white space before it
 *     (". . ."), ends it before an uppercase NEXT or a digit;
 *  5. a single period after an ordinary word ends it.  A number, a single
 *     letter or a roman numeral with a period at the start of a sentence
 *     is a list marker instead ("1. First item", "b. Second").  After an
 *     abbreviation of the table it depends on the class of the
 *     abbreviation, and no class ends a sentence before a digit
 *     ("Jan. 5", "No. 10", "Sept. 11"):
 *       inner   (Mr., Dr., Gen., e.g., vs.) never ends it;
 *       number  (No., Art., pp., Rs.) does not before a roman numeral
 *               either (Vol. II), and otherwise ends it like a word;
 *       final   (etc., Inc., Ltd., a.m., Jan., Mon., Ave.) ends it
 *               before an uppercase NEXT, unless NEXT starts a month,
 *               weekday or time zone or another final abbreviation
 *               ("10 a.m. Monday", "Co. Ltd.", "Mon. Jan. 5");
 *       name    (U.S., U.K., St., Jr., Govt.; any dotted initialism such
 *               as N.Y.; a single capital, the initial of John F. Kennedy)
 *               ends it only before an uppercase NEXT that is a sentence
 *               opener (The, He, In, However...) or comes after an opening
 *               quote, or at a line end (an initial excepted).
 *     So "etc." or "Inc." before a capitalised word ends a sentence, and
 *     "U.S." before one does not unless the word is an opener: "in the
 *     U.S. Pakistan" stays one sentence, and that is the price of "the
 *     U.S. Embassy".
 *
 * Newlines.  A blank line (only white space on it) always ends a
 * sentence.  A line that ends with a terminator is left to the rules
 * above.  Any other line ends a sentence at its newline, as a title, a
 * heading, a byline or a list item does, when the next line
 *   - starts a list item ("1. ", "2) ", "(b) ", "- ", "• ") and the line
 *     does not end with a joining mark or word (below); or else
 *   - starts with an uppercase letter, a digit, or an opening quote or
 *     bracket before one, and the line does not end with a colon, a
 *     joining mark (, ; / & - – — or an opening bracket or quote) or a
 *     joining word (and, of, the, with, said... WORD_JOIN in the table).
 *     Hard-wrapped text whose line breaks before a name ("said Prime
 *     Minister" / "Wang Yi told") is told from a title by one more rule:
 *     when both lines are short enough to be hard-wrapped (at most
 *     WRAP_MAX bytes), the line ends with a capitalised word and the
 *     next line starts with a capitalised word that is not a sentence
 *     opener, the line ends a sentence only if it reads like a title,
 *     that is, no word in it starts with a lowercase letter except
 *     joining words ("Minister Meets Wang Yi in Beijing").
 * A line that continues the sentence (lowercase next, or a joining end)
 * stays inside it, newline included; the caller may fold the white space.
 * The title rule sees only the part of the line inside the sentence,
 * which may start mid-line: a wrapped line "... said. Prime Minister"
 * before "Wang Yi" counts as a title; hard-wrapped text is not this
 * splitter's strength, as news dumps hold a paragraph per line.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "sentence.h"
#include "utf8.h"

#define WORD_MAX 64		/* longest word looked at around a period */
#define WRAP_MAX 100		/* longest line of hard-wrapped text */

enum letter_case {
	CASE_END,		/* no character: the end of the text */
	CASE_LOWER,
	CASE_UPPER,		/* also letters without case (Arabic, CJK) */
	CASE_DIGIT,
	CASE_OTHER		/* punctuation, symbols */
};

/*
 * What the scan stops at: newlines, the terminators . ! ? and the lead
 * byte of U+2026, which also leads the curly quotes and is checked after.
 */
static const unsigned char candidate[256] = {
	['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1
};

#define BYTES_1 UINT64_C(0x0101010101010101)
#define BYTES_80 UINT64_C(0x8080808080808080)

/* Nonzero when some byte of x equals c (the "has zero byte" trick). */
static uint64_t
has_byte(uint64_t x, unsigned char c)
{
	uint64_t v = x ^ (BYTES_1 * c);

	return (v - BYTES_1) & ~v & BYTES_80;
}

/*
 * The first candidate byte at or after p, or end.  Sixteen (with SSE2)
 * or eight bytes at a time while none of them is a candidate, then byte
 * by byte with the table.
 */
static const unsigned char *
next_candidate(const unsigned char *p, const unsigned char *end)
{
	uint64_t x;

#if defined(__SSE2__)
	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m = _mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
		    _mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('!')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2))));
		int bits = _mm_movemask_epi8(m);

		if (bits != 0)
			return p + __builtin_ctz((unsigned)bits);
		p += 16;
	}
#endif
	while (end - p >= 8) {
		memcpy(&x, p, 8);
		if ((has_byte(x, '.') | has_byte(x, '\n') | has_byte(x, '!') |
		    has_byte(x, '?') | has_byte(x, 0xE2)) != 0)
			break;
		p += 8;
	}
	while (p < end && !candidate[*p])
		p++;
	return p;
}

/* What follows a terminator run, or starts the next line. */
struct follow {
	int newlines;		/* newlines in the white space */
	int dash;		/* a dash and a space come first */
	int quoted;		/* an opening quote or bracket comes first */
	enum letter_case kind;	/* of the character after those */
	const unsigned char *word;	/* ASCII letters there */
	size_t wordlen;
	int word_dot;		/* a period right after the letters */
};

enum run_flags {
	RUN_STRONG = 1,		/* holds ? or ! */
	RUN_ELLIPSIS = 2	/* holds U+2026 or two periods */
};

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Nonzero when p[0..3) is U+2000 + low, as E2 80 low. */
static int
is_e280(const unsigned char *p, const unsigned char *end, unsigned char low)
{
	return end - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == low;
}

/* Byte length of the white space character at p (< end), or 0. */
static size_t
space_at(const unsigned char *p, const unsigned char *end)
{
	if (*p < 0x80)		/* the common case, here */
		return *p == ' ' || (*p >= '\t' && *p <= '\r');
	return utf8_space_len((const char *)p, (size_t)(end - p));
}

/* Byte length of the closing quote or bracket at p (< end), or 0. */
static size_t
closer_at(const unsigned char *p, const unsigned char *end)
{
	switch (*p) {
	case '"': case '\'': case ')': case ']': case '}':
		return 1;
	case 0xC2:		/* » */
		return end - p >= 2 && p[1] == 0xBB ? 2 : 0;
	case 0xE2:		/* ” ’ › */
		return is_e280(p, end, 0x9D) || is_e280(p, end, 0x99) ||
		    is_e280(p, end, 0xBA) ? 3 : 0;
	default:
		return 0;
	}
}

/* Byte length of the opening quote or bracket at p (< end), or 0. */
static size_t
opener_at(const unsigned char *p, const unsigned char *end)
{
	switch (*p) {
	case '"': case '\'': case '(': case '[': case '{':
		return 1;
	case 0xC2:		/* « ¡ ¿ */
		return end - p >= 2 && (p[1] == 0xAB || p[1] == 0xA1 ||
		    p[1] == 0xBF) ? 2 : 0;
	case 0xE2:		/* “ ‘ „ ‹ */
		return is_e280(p, end, 0x9C) || is_e280(p, end, 0x98) ||
		    is_e280(p, end, 0x9E) || is_e280(p, end, 0xB9) ? 3 : 0;
	default:
		return 0;
	}
}

/* Byte length of the terminator at p (< end): . ! ? or …; else 0. */
static size_t
terminator_at(const unsigned char *p, const unsigned char *end)
{
	if (*p == '.' || *p == '!' || *p == '?')
		return 1;
	return is_e280(p, end, 0xA6) ? 3 : 0;
}

/* Byte length of a hyphen or dash at p (< end): - ‐ ‑ – —; else 0. */
static size_t
dash_at(const unsigned char *p, const unsigned char *end)
{
	if (*p == '-')
		return 1;
	if (*p != 0xE2)
		return 0;
	return is_e280(p, end, 0x90) || is_e280(p, end, 0x91) ||
	    is_e280(p, end, 0x93) || is_e280(p, end, 0x94) ? 3 : 0;
}

/* Byte length of a list bullet at p (< end): - * + • – — · ▪ ► ●. */
static size_t
bullet_at(const unsigned char *p, const unsigned char *end)
{
	if (*p == '-' || *p == '*' || *p == '+')
		return 1;
	if (end - p >= 2 && p[0] == 0xC2 && p[1] == 0xB7)
		return 2;
	if (is_e280(p, end, 0xA2) || is_e280(p, end, 0x93) ||
	    is_e280(p, end, 0x94))
		return 3;
	if (end - p >= 3 && p[0] == 0xE2 && ((p[1] == 0x96 &&
	    (p[2] == 0xAA || p[2] == 0xBA)) || (p[1] == 0x97 && p[2] == 0x8F)))
		return 3;
	return 0;
}

/*
 * Length of the character of kind at(p, end) that ends at p, looking no
 * further back than start; 0 when none does.  UTF-8 is self-synchronising,
 * so a match of the right length is that character.
 */
static size_t
char_before(const unsigned char *start, const unsigned char *p,
    size_t (*at)(const unsigned char *, const unsigned char *))
{
	size_t k;

	if (p > start && p[-1] < 0x80)	/* only ASCII ends there */
		return at(p - 1, p) == 1;
	for (k = 1; k <= 3 && k <= (size_t)(p - start); k++)
		if (at(p - k, p) == k)
			return k;
	return 0;
}

/* Back from p over white space, to no further than start. */
static const unsigned char *
trim(const unsigned char *start, const unsigned char *p)
{
	size_t k;

	while (p > start && (k = char_before(start, p, space_at)) != 0)
		p -= k;
	return p;
}

/* Case of a code point of U+0100..U+017F, Latin Extended-A. */
static enum letter_case
latin_a_case(unsigned cp)
{
	if (cp == 0x178)
		return CASE_UPPER;
	if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
		return CASE_LOWER;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return cp & 1 ? CASE_UPPER : CASE_LOWER;
	return cp & 1 ? CASE_LOWER : CASE_UPPER;
}

/* Case of a two-byte code point: Latin, Greek and Cyrillic are told. */
static enum letter_case
two_byte_case(unsigned cp)
{
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return CASE_OTHER;
	if (cp < 0xDF)
		return CASE_UPPER;
	if (cp < 0x100)
		return CASE_LOWER;
	if (cp < 0x180)
		return latin_a_case(cp);
	if (cp >= 0x250 && cp < 0x2B0)
		return CASE_LOWER;
	if (cp >= 0x2B0 && cp < 0x370)
		return CASE_OTHER;
	if (cp >= 0x386 && cp < 0x3AC)
		return CASE_UPPER;
	if (cp >= 0x3AC && cp < 0x3D0)
		return CASE_LOWER;
	if (cp >= 0x400 && cp < 0x430)
		return CASE_UPPER;
	if (cp >= 0x430 && cp < 0x460)
		return CASE_LOWER;
	if (cp >= 0x460 && cp < 0x500)
		return cp & 1 ? CASE_LOWER : CASE_UPPER;
	return CASE_UPPER;	/* other scripts: a letter without case */
}

/*
 * Case of the character at p.  Scripts without case count as uppercase,
 * as they can start a sentence; general punctuation (U+2000..U+2BFF),
 * emoji and ill-formed bytes are CASE_OTHER.
 */
static enum letter_case
letter_case(const unsigned char *p, const unsigned char *end)
{
	if (p >= end)
		return CASE_END;
	if (*p < 0x80) {
		if (*p >= 'a' && *p <= 'z')
			return CASE_LOWER;
		if (*p >= 'A' && *p <= 'Z')
			return CASE_UPPER;
		return is_digit(*p) ? CASE_DIGIT : CASE_OTHER;
	}
	if (*p >= 0xC2 && *p < 0xE0 && end - p >= 2 &&
	    (p[1] & 0xC0) == 0x80)
		return two_byte_case(((unsigned)(p[0] & 0x1F) << 6) |
		    (p[1] & 0x3F));
	if (*p == 0xE1 && end - p >= 3 && p[1] >= 0xB8 && p[1] <= 0xBB)
		return p[2] & 1 ? CASE_LOWER : CASE_UPPER;  /* U+1E00.. */
	if (*p >= 0xE1 && *p <= 0xED && *p != 0xE2)
		return CASE_UPPER;
	return CASE_OTHER;
}

/* Nonzero when the byte starts a letter or digit, for "has text". */
static int
is_text_byte(unsigned char c)
{
	return is_alpha(c) || is_digit(c) || (c >= 0xC3 && c != 0xE2);
}

/*
 * The word table by hash: slots hold an index into sentence_words plus
 * one, probed linearly; built on first use, a quarter full at most.
 */
#define WORD_SLOTS (4 * SENTENCE_WORDS_MAX)

static uint16_t word_slot[WORD_SLOTS];
static unsigned char word_len[WORD_SLOTS];	/* by table index */
static int word_slots_built;

/* FNV-1a of w[0..n), to a slot. */
static size_t
word_hash(const unsigned char *w, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ w[i]) * 16777619u;
	return (h ^ h >> 15) & (WORD_SLOTS - 1);
}

static void
build_word_slots(void)
{
	const unsigned char *t;
	size_t i, j;

	for (i = 0; i < sentence_words_count && i < SENTENCE_WORDS_MAX; i++) {
		t = (const unsigned char *)sentence_words[i].text;
		word_len[i] = (unsigned char)strlen((const char *)t);
		for (j = word_hash(t, word_len[i]);
		    word_slot[j] != 0; j = (j + 1) & (WORD_SLOTS - 1))
			continue;
		word_slot[j] = (uint16_t)(i + 1);
	}
	word_slots_built = 1;
}

void
sentence_init(void)
{
	if (!word_slots_built)
		build_word_slots();
}

/* Kind of the word w[0..n) in the table, or 0 when it is not there. */
static int
word_kind(const unsigned char *w, size_t n)
{
	size_t j, e;

	if (n == 0 || n > SENTENCE_WORD_MAX)
		return 0;
	if (!word_slots_built)
		build_word_slots();
	for (j = word_hash(w, n); word_slot[j] != 0;
	    j = (j + 1) & (WORD_SLOTS - 1)) {
		e = word_slot[j] - 1u;
		if (word_len[e] == n &&
		    memcmp(sentence_words[e].text, w, n) == 0)
			return (int)sentence_words[e].kind;
	}
	return 0;
}

/* Describe what comes after the white space at p. */
static void
follow_scan(struct follow *f, const unsigned char *p,
    const unsigned char *end)
{
	size_t k;

	f->newlines = 0;
	while (p < end && (k = space_at(p, end)) != 0) {
		f->newlines += *p == '\n';
		p += k;
	}
	k = p < end ? dash_at(p, end) : 0;
	f->dash = k != 0 && (p + k == end || space_at(p + k, end) != 0);
	f->quoted = 0;
	while (p < end && (k = opener_at(p, end)) != 0) {
		f->quoted = 1;
		p += k;
	}
	f->kind = letter_case(p, end);
	f->word = p;
	while (p < end && p - f->word < WORD_MAX && is_alpha(*p))
		p++;
	f->wordlen = (size_t)(p - f->word);
	f->word_dot = p < end && *p == '.';
}

/* The next word is a sentence opener (and not an initial: "A. Khan"). */
static int
follow_opens(const struct follow *f)
{
	if (f->wordlen == 1 && f->word_dot)
		return 0;
	return word_kind(f->word, f->wordlen) == WORD_OPENER;
}

/* After a final abbreviation, the next word goes on: "a.m. Monday". */
static int
follow_continues_final(const struct follow *f)
{
	if (word_kind(f->word, f->wordlen) == WORD_CALENDAR)
		return 1;
	return f->word_dot &&
	    word_kind(f->word, f->wordlen + 1) == ABBR_FINAL;
}

/* The next word is a roman numeral of a volume or chapter: Vol. II. */
static int
follow_roman(const struct follow *f)
{
	size_t i;

	if (f->wordlen == 0 || f->wordlen > 6 ||
	    (f->wordlen == 1 && f->word[0] == 'I'))
		return 0;
	for (i = 0; i < f->wordlen; i++)
		if (strchr("IVXLC", f->word[i]) == NULL)
			return 0;
	return 1;
}

/* w[0..n) is a list marker: 1 to 3 digits, a letter, a roman numeral. */
static int
is_list_marker(const unsigned char *w, size_t n)
{
	size_t i, digits = 0, lower = 0, upper = 0;

	for (i = 0; i < n; i++) {
		if (is_digit(w[i]))
			digits++;
		else if (w[i] != '\0' && strchr("ivxl", w[i]) != NULL)
			lower++;
		else if (w[i] != '\0' && strchr("IVXL", w[i]) != NULL)
			upper++;
		else if (!(n == 1 && is_alpha(w[i])))
			return 0;
	}
	return (digits == n && n <= 3) || (lower == n && n <= 5) ||
	    (upper == n && n <= 5) || n == 1;
}

/* What comes before the word that a period ends. */
enum word_lead {
	LEAD_START,		/* nothing: the word starts the sentence */
	LEAD_SPACE,		/* white space */
	LEAD_DASH		/* a hyphen or dash: "Pakistan-U.S." */
};

/*
 * Find the word a period at dot ends: it starts after white space, a
 * hyphen or a dash (*lead says which), and *begin is that start; the
 * word returned starts after any opening quotes or brackets and ends
 * just before the period.  NULL when the word is longer than WORD_MAX.
 */
static const unsigned char *
word_before(const unsigned char *start, const unsigned char *dot,
    const unsigned char **begin, enum word_lead *lead)
{
	const unsigned char *w = dot;
	size_t k;

	*lead = LEAD_START;
	for (; w > start; w--) {
		if (dot - w >= WORD_MAX)
			return NULL;
		if (w[-1] > ' ' && w[-1] < 0x80 && w[-1] != '-')
			continue;	/* ASCII, not a dash: the usual */
		if (char_before(start, w, space_at) != 0) {
			*lead = LEAD_SPACE;
			break;
		}
		if (char_before(start, w, dash_at) != 0) {
			*lead = LEAD_DASH;
			break;
		}
	}
	*begin = w;
	while (w < dot && (k = opener_at(w, dot)) != 0)
		w += k;
	return w;
}

/* w[0..n) with the period after it is a dotted initialism: U.S., N.Y. */
static int
is_initialism(const unsigned char *w, size_t n)
{
	size_t i;

	if (n < 3 || n % 2 == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (i % 2 == 0 ? !is_alpha(w[i]) : w[i] != '.')
			return 0;
	return 1;
}

/* Whether a single period at dot ends the sentence that starts at start. */
static int
period_ends(const unsigned char *start, const unsigned char *dot,
    const struct follow *f)
{
	const unsigned char *begin, *w;
	enum word_lead lead;
	size_t n;
	int kind;

	w = word_before(start, dot, &begin, &lead);
	if (w == NULL)
		return f->kind != CASE_LOWER;
	if (begin == dot)	/* ". . ." */
		return f->kind == CASE_UPPER || f->kind == CASE_DIGIT;
	n = (size_t)(dot - w);
	if (lead == LEAD_START && n > 0 && is_list_marker(w, n))
		return 0;
	if (f->kind == CASE_LOWER)
		return 0;
	kind = n < SENTENCE_ABBR_MAX ? word_kind(w, n + 1) : 0;
	if (kind > ABBR_NAME)
		kind = 0;
	if (kind == 0 && ((n == 1 && w[0] >= 'A' && w[0] <= 'Z') ||
	    is_initialism(w, n)))
		kind = ABBR_NAME;
	if (kind == 0)
		return 1;
	if (f->kind == CASE_DIGIT)
		return 0;
	switch (kind) {
	case ABBR_NUMBER:
		return !follow_roman(f);
	case ABBR_FINAL:
		return f->kind == CASE_UPPER && !follow_continues_final(f);
	case ABBR_NAME:
		if (f->kind != CASE_UPPER)
			return 0;
		return f->quoted || follow_opens(f) || (f->newlines > 0 &&
		    !(n == 1 && is_alpha(w[0])));
	default:
		return 0;
	}
}

/* Length of a French closing guillemet after a space at p: "Prêts. »" */
static size_t
spaced_guillemet_at(const unsigned char *p, const unsigned char *end)
{
	size_t k = space_at(p, end);

	if (k == 0 || *p == '\n' || p + k >= end)
		return 0;
	p += k;
	if (end - p >= 2 && p[0] == 0xC2 && p[1] == 0xBB)
		return k + 2;
	return is_e280(p, end, 0xBA) ? k + 3 : 0;
}

/*
 * The end of the terminator run at p and of the closing quotes and
 * brackets after it; *flags says what the run holds.
 */
static const unsigned char *
run_scan(const unsigned char *p, const unsigned char *end, int *flags)
{
	size_t k, periods = 0;

	*flags = 0;
	while (p < end) {
		if ((k = terminator_at(p, end)) != 0) {
			if (*p == '!' || *p == '?')
				*flags |= RUN_STRONG;
			else if (*p == '.')
				periods++;
			else
				*flags |= RUN_ELLIPSIS;
		} else if ((k = closer_at(p, end)) == 0 &&
		    (k = spaced_guillemet_at(p, end)) == 0)
			break;
		p += k;
	}
	if (periods > 1)
		*flags |= RUN_ELLIPSIS;
	return p;
}

/* Whether the line line[0..last) ends with a terminator (and closers). */
static int
line_ends_terminated(const unsigned char *line, const unsigned char *last)
{
	size_t k;

	while ((k = char_before(line, last, closer_at)) != 0)
		last -= k;
	return char_before(line, last, terminator_at) != 0;
}

/*
 * Whether the line line[0..last) ends with a joining mark or word.  A
 * straight quote could open or close, and does not join.
 */
static int
line_ends_joined(const unsigned char *line, const unsigned char *last)
{
	const unsigned char *w = last;

	if ((last[-1] != '\0' && strchr(",;/&", last[-1]) != NULL) ||
	    char_before(line, last, dash_at) != 0 ||
	    (char_before(line, last, opener_at) != 0 &&
	    char_before(line, last, closer_at) == 0))
		return 1;
	while (w > line && is_alpha(w[-1]))
		w--;
	return word_kind(w, (size_t)(last - w)) == WORD_JOIN;
}

/* A list item starts at p: "- ", "• ", "1. ", "2) ", "(b) ", "iv. ". */
static int
list_item_at(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *marker, *q;
	size_t k;
	int paren = *p == '(';

	if ((k = bullet_at(p, end)) != 0)
		return p + k < end && (p[k] == ' ' || p[k] == '\t');
	marker = q = p + paren;
	while (q < end && q - marker < 6 && (is_alpha(*q) || is_digit(*q)))
		q++;
	if (q == marker || q + 1 >= end ||
	    !is_list_marker(marker, (size_t)(q - marker)))
		return 0;
	if (!(*q == ')' || (*q == '.' && !paren)))
		return 0;
	return q[1] == ' ' || q[1] == '\t';
}

/* The last word of line[0..last) starts with an uppercase letter. */
static int
line_last_capitalised(const unsigned char *line, const unsigned char *last)
{
	const unsigned char *w = last;
	size_t k;

	while (w > line && char_before(line, w, space_at) == 0)
		w--;
	while (w < last && (k = opener_at(w, last)) != 0)
		w += k;
	return letter_case(w, last) == CASE_UPPER;
}

/*
 * Whether line[0..last) reads like a title: no word of it starts with a
 * lowercase letter, except the joining words (of, and, the...).
 */
static int
line_is_title(const unsigned char *line, const unsigned char *last)
{
	const unsigned char *p = line, *w, *a;
	size_t k;

	while (p < last) {
		while (p < last && (k = space_at(p, last)) != 0)
			p += k;
		w = p;
		while (p < last && space_at(p, last) == 0)
			p++;
		while (w < p && (k = opener_at(w, p)) != 0)
			w += k;
		if (letter_case(w, p) != CASE_LOWER)
			continue;
		for (a = w; a < p && is_alpha(*a); a++)
			continue;
		if (word_kind(w, (size_t)(a - w)) != WORD_JOIN)
			return 0;
	}
	return 1;
}

/* The line at p is at most WRAP_MAX bytes long, as wrapped lines are. */
static int
line_fits_wrap(const unsigned char *p, const unsigned char *end)
{
	size_t n = (size_t)(end - p);

	return n <= WRAP_MAX || memchr(p, '\n', WRAP_MAX + 1) != NULL;
}

/*
 * Whether the newline at nl ends the sentence whose current line starts
 * at line; the rules are at the top of the file.
 */
static int
newline_ends(const unsigned char *line, const unsigned char *nl,
    const unsigned char *end)
{
	const unsigned char *next = nl + 1, *last;
	struct follow f;
	size_t k;

	while (next < end && *next != '\n' &&
	    (k = space_at(next, end)) != 0)
		next += k;
	if (next == end || *next == '\n')
		return 1;
	last = trim(line, nl);
	if (last == line || line_ends_terminated(line, last))
		return 0;
	if (list_item_at(next, end))
		return !line_ends_joined(line, last);
	if (last[-1] == ':' || line_ends_joined(line, last))
		return 0;
	follow_scan(&f, next, end);
	if (f.kind != CASE_UPPER && f.kind != CASE_DIGIT)
		return 0;
	if (f.kind == CASE_UPPER && !f.quoted && !follow_opens(&f) &&
	    nl - line <= WRAP_MAX && line_fits_wrap(next, end) &&
	    line_last_capitalised(line, last) && !line_is_title(line, last))
		return 0;
	return 1;
}

/* Whether the terminator run at p, of flags, ends the sentence. */
static int
run_ends(const unsigned char *start, const unsigned char *p, int flags,
    const struct follow *f)
{
	if (f->dash && f->newlines == 0)
		return 0;
	if (flags & RUN_STRONG)
		return f->kind != CASE_LOWER;
	if (flags & RUN_ELLIPSIS)
		return f->kind == CASE_UPPER || f->kind == CASE_DIGIT;
	return period_ends(start, p, f);
}

size_t
sentence_len(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text, *end = s + n;
	const unsigned char *start = s + sentence_space(text, n);
	const unsigned char *line = start, *p = start, *q;
	const unsigned char *textless = start;	/* [start, textless): none */
	int has_text = 0, flags;
	struct follow f;

	if (start == end)
		return 0;
	for (;;) {
		p = next_candidate(p, end);
		if (p == end)
			return (size_t)(trim(start, end) - s);
		if (*p == '\n') {
			if (newline_ends(line, p, end))
				return (size_t)(trim(start, p) - s);
			line = ++p;
			continue;
		}
		if (terminator_at(p, end) == 0) {
			p++;
			continue;
		}
		q = run_scan(p, end, &flags);
		if (q < end && space_at(q, end) == 0) {
			p = q;
			continue;
		}
		follow_scan(&f, q, end);
		if (f.kind == CASE_END || f.newlines > 1)
			return (size_t)(q - s);
		while (!has_text && textless < p)
			has_text = is_text_byte(*textless++);
		if (has_text && run_ends(start, p, flags, &f))
			return (size_t)(q - s);
		p = q;
	}
}

size_t
sentence_space(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text, *p = s;
	const unsigned char *end = s + n;
	size_t k;

	while (p < end && (k = space_at(p, end)) != 0)
		p += k;
	return (size_t)(p - s);
}
