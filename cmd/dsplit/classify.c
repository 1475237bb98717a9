/*
 * classify.c: what a line looks like, from its text alone.
 *
 * These are the shapes the segmenter's rules speak of (see dsplit(1)):
 * blank lines, separator lines, title-like lines, sentences, whole-line
 * dates, place names, opening datelines, hashtag lines, chrome, bylines
 * and section labels.  English month and weekday names are in tables.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "chrome.h"
#include "line.h"
#include "swar.h"

struct name {
	const char *s;
	size_t n;
};
#define NAME(s) { s, sizeof(s) - 1 }

static const struct name months[] = {
	NAME("january"), NAME("february"), NAME("march"), NAME("april"),
	NAME("may"), NAME("june"), NAME("july"), NAME("august"),
	NAME("september"), NAME("october"), NAME("november"),
	NAME("december"), NAME("jan"), NAME("feb"), NAME("mar"),
	NAME("apr"), NAME("jun"), NAME("jul"), NAME("aug"), NAME("sep"),
	NAME("sept"), NAME("oct"), NAME("nov"), NAME("dec")
};

static const struct name weekdays[] = {
	NAME("monday"), NAME("tuesday"), NAME("wednesday"), NAME("thursday"),
	NAME("friday"), NAME("saturday"), NAME("sunday"), NAME("mon"),
	NAME("tue"), NAME("wed"), NAME("thu"), NAME("fri"), NAME("sat"),
	NAME("sun")
};

static int
in_table(const struct name *t, size_t count, const char *s, size_t n)
{
	size_t i;

	if (n < 3 || n > 9 || !isalpha((unsigned char)s[0]))
		return 0;
	for (i = 0; i < count; i++)
		if (t[i].n == n && t[i].s[0] == (s[0] | 0x20) &&
		    strncasecmp(t[i].s, s, n) == 0)
			return 1;
	return 0;
}

#define IN_TABLE(t, s, n) in_table(t, sizeof(t) / sizeof((t)[0]), s, n)

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* Nonzero when s[0..n) is YYYY-MM-DD. */
static int
is_iso_date(const char *s, size_t n)
{
	return n == 10 && all_digits(s, 4) && s[4] == '-' &&
	    all_digits(s + 5, 2) && s[7] == '-' && all_digits(s + 8, 2);
}

/* Nonzero when s[0..n) is HH:MM or HH:MM:SS. */
static int
is_time(const char *s, size_t n)
{
	return (n == 5 || n == 8) && all_digits(s, 2) && s[2] == ':' &&
	    all_digits(s + 3, 2) && (n == 5 || (s[5] == ':' &&
	    all_digits(s + 6, 2)));
}

/*
 * Nonzero when s[0..n) is a date and nothing else: "31 December 2020",
 * "December 31, 2020", "Dec. 31, 2020", "Thursday, 31 Dec 2020",
 * "2021-10-26 19:13".  Tokens are split at spaces and commas.
 */
static int
is_date(const char *s, size_t n)
{
	const char *end = s + n, *t;
	size_t len;
	int year = 0, month = 0, day = 0, iso = 0, tokens = 0;

	for (t = s; t < end && !isdigit((unsigned char)*t); t++)
		continue;
	if (t == end)
		return 0;		/* a date has a year */
	while (s < end) {
		while (s < end && (*s == ' ' || *s == ',' || *s == '\t'))
			s++;
		if (s == end)
			break;
		for (t = s; t < end && *t != ' ' && *t != ','; t++)
			continue;
		len = (size_t)(t - s);
		if (len > 1 && s[len - 1] == '.')	/* Dec. */
			len--;
		tokens++;
		if (is_iso_date(s, len))
			iso++;
		else if (len == 4 && all_digits(s, 4) && s[0] >= '1' &&
		    s[0] <= '2')
			year++;
		else if (len <= 2 && all_digits(s, len))
			day++;
		else if (IN_TABLE(months, s, len))
			month++;
		else if (!is_time(s, len) && !IN_TABLE(weekdays, s, len))
			return 0;
		s = t;
	}
	return tokens <= 6 && ((iso == 1 && year + month + day == 0) ||
	    (iso == 0 && year == 1 && month == 1 && day == 1));
}

/* Nonzero when the UTF-8 word at s opens with a capital (or non-ASCII). */
static int
capitalised(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return isupper(c) || c >= 0xC0;
}

/* Bytes that end a place word, and bytes a place word may not hold. */
enum { PW_END = 1, PW_BAD = 2 };
static const unsigned char place_byte[256] = {
	[' '] = PW_END, [','] = PW_END, [':'] = PW_END, ['('] = PW_BAD,
	['0'] = PW_BAD, ['1'] = PW_BAD, ['2'] = PW_BAD, ['3'] = PW_BAD,
	['4'] = PW_BAD, ['5'] = PW_BAD, ['6'] = PW_BAD, ['7'] = PW_BAD,
	['8'] = PW_BAD, ['9'] = PW_BAD
};

/*
 * The number of capitalised words that open s[0..n) (up to 4), with the
 * offset after them in *after; a word ends at a space, comma or colon,
 * and holds no digit or bracket.
 */
static int
place_words(const char *s, size_t n, size_t *after)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j;
	int count = 0;

	while (i < n && count < 5) {
		if (!capitalised(s + i))
			break;
		for (j = i; j < n && place_byte[u[j]] == 0; j++)
			continue;
		if (j < n && place_byte[u[j]] == PW_BAD)
			return 0;
		count++;
		i = j;
		*after = i;
		if (i < n && s[i] == ' ' && i + 1 < n && capitalised(s + i + 1))
			i++;
		else
			break;
	}
	return count <= 4 ? count : 0;
}

/*
 * Nonzero when s opens with a dateline: "Islamabad, 16 May 2024 (TDI):",
 * "BEIJING, March 3, 2023 —", "Beijing : ...": a place, then a date and
 * an agency in brackets, then a colon or a dash.
 */
int
line_dateline(const char *s, size_t n)
{
	size_t i = 0, date;
	const char *stop;

	if (place_words(s, n, &i) == 0)
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i < n && s[i] == ':')
		return 1;
	if (i >= n || s[i] != ',')
		return 0;
	for (i++; i < n && s[i] == ' '; i++)
		continue;
	if (i == n || !(isdigit((unsigned char)s[i]) ||
	    isupper((unsigned char)s[i])))
		return 0;		/* a date opens with a number or a name */
	/* the date runs to a colon, a bracket or a dash */
	for (date = i; i < n && i - date < 40; i++)
		if (s[i] == ':' || s[i] == '(' || (s[i] == '-' && i > 0 &&
		    s[i - 1] == ' ') || (unsigned char)s[i] == 0xE2)
			break;
	if (i == n || !is_date(s + date, i - date))
		return 0;
	if (s[i] == '(') {
		stop = memchr(s + i, ')', n - i);
		if (stop == NULL || stop - (s + i) > 30)
			return 0;
		i = (size_t)(stop - s) + 1;
		while (i < n && s[i] == ' ')
			i++;
	}
	return i < n && (s[i] == ':' || s[i] == '-' ||
	    (unsigned char)s[i] == 0xE2);	/* an en or em dash */
}

/*
 * Nonzero when s[0..n) is a breadcrumb: "Home" followed by a path mark
 * (> » › / |), or glued to the next capitalised word ("HomeNews...").
 */
static int
is_breadcrumb(const char *s, size_t n)
{
	size_t i = 4;

	if (n <= 4 || strncmp(s, "Home", 4) != 0)
		return 0;
	if (isupper((unsigned char)s[4]))
		return 1;
	while (i < n && (s[i] == ' ' || (unsigned char)s[i] == 0xC2 ||
	    (unsigned char)s[i] == 0xA0))
		i++;
	if (i == 4 || i == n)
		return 0;
	return strchr(">/|", s[i]) != NULL ||
	    (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
	    (unsigned char)s[i + 1] == 0xBB) ||		/* » */
	    (i + 2 < n && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0xBA);		/* › */
}

/* Nonzero when s[0..n) is =====, -----, * * *, ##### and the like. */
static int
is_separator(const char *s, size_t n)
{
	size_t i, marks = 0;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '=': case '-': case '*': case '#': case '_': case '~':
		case '+':
			marks++;
			break;
		case ' ': case '\t':
			break;
		default:
			return 0;
		}
	}
	return marks >= 3;
}

/* The last character that is not a closing quote, bracket or space. */
static const char *
last_mark(const char *s, size_t n)
{
	const char *p = s + n;

	while (p > s) {
		unsigned char c = (unsigned char)p[-1];

		if (c == ' ' || c == '\t' || c == '"' || c == '\'' ||
		    c == ')' || c == ']')
			p--;
		else if (p - s >= 3 && (unsigned char)p[-3] == 0xE2 &&
		    (unsigned char)p[-2] == 0x80 && (c == 0x9D || c == 0x99))
			p -= 3;			/* ” or ’ */
		else
			break;
	}
	return p > s ? p - 1 : NULL;
}

/*
 * The words of s[0..n), counted up to MAX_WORDS (the rules need no
 * more), and how many of them are #hashtags.  Words are separated by
 * spaces, tabs and (in lines of up to LONG_LINE bytes) no-break spaces;
 * lines without a no-break space, and long lines, are counted 64 (with
 * SSE2) or eight bytes at a time.
 */
#define MAX_WORDS 41
#define LONG_LINE 128

#define ONES SWAR_ONES
#define HIGHS SWAR_HIGHS

/* The number of bits set in x, without a library call. */
static inline unsigned
bits64(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (unsigned)((x * ONES) >> 56);
}

#if defined(__SSE2__)
/*
 * A bit for each byte of s[0..16) that is not a space or tab, and in
 * *hash one for each '#'.
 */
static inline uint64_t
solid16(const char *s, uint64_t *hash)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i sp = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));

	*hash = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8('#')));
	return ~(unsigned)_mm_movemask_epi8(sp) & 0xFFFF;
}

/* solid16() for s[0..64). */
static inline uint64_t
solid64(const char *s, uint64_t *hash)
{
	uint64_t solid = 0, h = 0, h16;
	int k;

	for (k = 0; k < 4; k++) {
		solid |= solid16(s + (size_t)16 * k, &h16) << (16 * k);
		h |= h16 << (16 * k);
	}
	*hash = h;
	return solid;
}

/*
 * The words of s[0..n) (n >= 16), 64 or 16 bytes at a time and the last
 * bytes in one load of the last 16, until there are more than MAX_WORDS.
 */
/* Add the word starts (and #hashtags among them) of a block. */
static inline void
tally(uint64_t starts, uint64_t hash, unsigned *words, unsigned *hashtags)
{
	*words += bits64(starts);
	if (hash & starts)
		*hashtags += bits64(starts & hash);
}

static unsigned
count_words_sse2(const char *s, size_t n, unsigned *hashtags)
{
	uint64_t solid, hash, last = 0;
	unsigned words = 0;
	size_t i = 0;

	for (; i + 64 <= n && words <= MAX_WORDS; i += 64) {
		solid = solid64(s + i, &hash);
		tally(solid & ~((solid << 1) | last), hash, &words, hashtags);
		last = solid >> 63;
	}
	for (; i + 16 <= n && words <= MAX_WORDS; i += 16) {
		solid = solid16(s + i, &hash);
		tally(solid & ~((solid << 1) | last), hash, &words, hashtags);
		last = solid >> 15;
	}
	if (i < n && words <= MAX_WORDS) {
		/* bytes n-16..i-1 were counted: keep the starts after them */
		solid = solid16(s + n - 16, &hash);
		tally(solid & ~(solid << 1) &
		    ~((UINT64_C(1) << (i - (n - 16))) - 1), hash, &words,
		    hashtags);
	}
	return words > MAX_WORDS ? MAX_WORDS : words;
}
#endif

static unsigned
count_words_fast(const char *s, size_t n, unsigned *hashtags)
{
	uint64_t w, solid, starts, last = 0;
	unsigned words = 0;
	size_t i = 0;

#if defined(__SSE2__)
	if (n >= 16)
		return count_words_sse2(s, n, hashtags);
#endif
	for (; i + 8 <= n && words <= MAX_WORDS; i += 8) {
		memcpy(&w, s + i, 8);
		solid = ~(swar_equal(w, ' ') | swar_equal(w, '\t')) & HIGHS;
		starts = solid & ~((solid << 8) | last);
		last = (solid >> 56) & 0x80;
		words += swar_count(starts);
		*hashtags += swar_count(starts & swar_equal(w, '#'));
	}
	for (; i < n && words <= MAX_WORDS; i++) {
		int sp = s[i] == ' ' || s[i] == '\t';

		if (!sp && !last) {
			words++;
			*hashtags += s[i] == '#';
		}
		last = sp ? 0 : 0x80;
	}
	return words > MAX_WORDS ? MAX_WORDS : words;
}

static unsigned
count_words(const char *s, size_t n, unsigned *hashtags)
{
	unsigned words = 0;
	size_t i;
	int in = 0;

	*hashtags = 0;
	if (n > LONG_LINE || memchr(s, 0xC2, n) == NULL)
		return count_words_fast(s, n, hashtags);
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			in = 0;
		} else if ((unsigned char)s[i] == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xA0) {
			in = 0;			/* a no-break space */
			i++;
		} else if (!in) {
			in = 1;
			if (++words > MAX_WORDS)
				return MAX_WORDS;
			*hashtags += s[i] == '#';
		}
	}
	return words;
}

static int
has_punctuation(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '.': case ',': case ';': case ':': case '!': case '?':
		case '(': case ')':
			return 1;
		default:
			break;
		}
	return 0;
}

void
line_classify(struct line *l, const char *s)
{
	size_t n = l->len, after;
	const char *mark;
	unsigned hashtags, f = 0, w;
	int ends_sentence;

	w = l->words = count_words(s, n, &hashtags);
	if (w == 0) {
		l->flags = LF_BLANK;
		return;
	}
	if (w <= 8 && is_separator(s, n)) {
		l->flags = LF_SEPARATOR;
		return;
	}
	mark = last_mark(s, n);
	ends_sentence = mark != NULL && (*mark == '.' || *mark == '!' ||
	    *mark == '?' ||
	    (mark >= s + 2 && (unsigned char)mark[-2] == 0xE2 &&
	    (unsigned char)mark[-1] == 0x80 &&
	    (unsigned char)*mark == 0xA6));	/* … */
	if (ends_sentence)
		f |= LF_SENTENCE;
	if (mark != NULL && *mark == ':')
		f |= LF_COLON_END;
	if (w >= 4 && w <= 40 && n <= 400 && mark != NULL && !ends_sentence &&
	    *mark != '.' && *mark != '!' && *mark != '?' && *mark != ';' &&
	    *mark != ':' && *mark != ',' && !islower((unsigned char)*s))
		f |= LF_TITLEISH;
	if (w <= 6 && is_date(s, n))
		f |= LF_DATE;
	else if (w <= 4 && !has_punctuation(s, n) &&
	    place_words(s, n, &after) == (int)w && after == n)
		f |= LF_PLACE;
	if (w <= 2 && f & LF_PLACE)
		f |= LF_LABEL;
	if (hashtags > 0 && hashtags * 2 >= w)
		f |= LF_HASHTAGS;
	if (w <= 30)
		f |= chrome_match(s, n, w);
	if (w <= 20 && !(f & LF_SENTENCE) && is_breadcrumb(s, n))
		f |= LF_CHROME_TOP;
	if (w <= 15 && !(f & LF_SENTENCE) && byline_match(s, n, w))
		f |= LF_BYLINE;
	l->flags = f;
}

/*
 * Split s[0..n) into at most 64 lowercased words of letters and digits
 * (bytes of UTF-8 sequences count as letters), without '#'; words of
 * fewer than least letters (with 4: the, of, and, ...) are left out.
 */
/* Lowercase letters and digits for words_of(); 0 for other bytes. */
static unsigned char word_byte[256];

static void
init_word_bytes(void)
{
	int c;

	for (c = 0; c < 256; c++)
		word_byte[c] = (unsigned char)(c >= 0x80 ? c :
		    isalnum(c) ? tolower(c) : 0);
}

void
words_of(struct words *w, const char *s, size_t n, size_t least)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, used = 0, start;
	unsigned char c;

	if (word_byte['a'] == 0)
		init_word_bytes();
	w->count = 0;
	while (i < n && w->count < 64) {
		while (i < n && word_byte[u[i]] == 0)
			i++;
		start = used;
		while (i < n && (c = word_byte[u[i]]) != 0) {
			i++;
			if (used < sizeof(w->store))
				w->store[used++] = (char)c;
		}
		if (used - start >= least && used - start < 256) {
			w->w[w->count] = w->store + start;
			w->n[w->count++] = (unsigned char)(used - start);
		}
	}
}

void
words_long(struct words *w, const struct words *all, size_t least)
{
	size_t i;

	w->count = 0;
	for (i = 0; i < all->count; i++)
		if (all->n[i] >= least) {
			w->w[w->count] = all->w[i];
			w->n[w->count++] = all->n[i];
		}
}

double
words_overlap(const struct words *a, const struct words *b)
{
	size_t i, j, common = 0, least;

	least = a->count < b->count ? a->count : b->count;
	if (least == 0)
		return 0.0;
	for (i = 0; i < a->count; i++)
		for (j = 0; j < b->count; j++)
			if (a->n[i] == b->n[j] &&
			    memcmp(a->w[i], b->w[j], a->n[i]) == 0) {
				common++;
				break;
			}
	if (common > least)
		common = least;
	return (double)common / (double)least;
}

int
words_prefix(const char *s, size_t n, const char *p, size_t pn)
{
	struct words a, b;
	size_t i, j;

	/* most lines differ at once: compare the first letters first */
	for (i = 0; i < n && !isalnum((unsigned char)s[i]); i++)
		continue;
	for (j = 0; j < pn && !isalnum((unsigned char)p[j]); j++)
		continue;
	if (i == n || j == pn || tolower((unsigned char)s[i]) !=
	    tolower((unsigned char)p[j]))
		return 0;
	words_of(&a, s, n, 1);
	words_of(&b, p, pn, 1);
	if (b.count < 3 || a.count < b.count)
		return 0;
	for (i = 0; i < b.count; i++)
		if (a.n[i] != b.n[i] || memcmp(a.w[i], b.w[i], a.n[i]) != 0)
			return 0;
	return 1;
}
