/*
 * date.c: find and parse calendar dates in English news text (the
 * formats are listed in date.h).
 *
 * Every date holds a digit, and a date that starts with a letter (a
 * month or a weekday) has its first digit run right after one or two
 * names and the white space or comma after them.  So date_find() skips,
 * 32 (with SSE2) or 8 bytes at a time, to the next run of digits, and only
 * there looks back over at most two names for the start of a date and
 * parses forward from it: the text between digit runs is read once by
 * the skip and never parsed.  Nothing is allocated.
 */
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "date.h"
#include "utf8.h"

#define YEAR_MIN 1800
#define YEAR_MAX 2199
#define CAL_WORD_MAX 9		/* September, Wednesday */
#define NOWHERE SIZE_MAX	/* no position */

#define BYTES_1 UINT64_C(0x0101010101010101)
#define BYTES_80 UINT64_C(0x8080808080808080)

/* A month or weekday name. */
struct calword {
	const char *name;	/* lowercase */
	unsigned char len;
	unsigned char month;	/* 1 to 12; 0 for a weekday */
	unsigned char abbr;	/* a period may follow */
};

#define CAL(name, month, abbr) { name, sizeof(name) - 1, month, abbr }

static const struct calword calwords[] = {
	CAL("january", 1, 0), CAL("february", 2, 0), CAL("march", 3, 0),
	CAL("april", 4, 0), CAL("may", 5, 1), CAL("june", 6, 0),
	CAL("july", 7, 0), CAL("august", 8, 0), CAL("september", 9, 0),
	CAL("october", 10, 0), CAL("november", 11, 0),
	CAL("december", 12, 0),
	CAL("jan", 1, 1), CAL("feb", 2, 1), CAL("mar", 3, 1),
	CAL("apr", 4, 1), CAL("jun", 6, 1), CAL("jul", 7, 1),
	CAL("aug", 8, 1), CAL("sep", 9, 1), CAL("sept", 9, 1),
	CAL("oct", 10, 1), CAL("nov", 11, 1), CAL("dec", 12, 1),
	CAL("monday", 0, 0), CAL("tuesday", 0, 0), CAL("wednesday", 0, 0),
	CAL("thursday", 0, 0), CAL("friday", 0, 0), CAL("saturday", 0, 0),
	CAL("sunday", 0, 0),
	CAL("mon", 0, 1), CAL("tue", 0, 1), CAL("tues", 0, 1),
	CAL("wed", 0, 1), CAL("thu", 0, 1), CAL("thur", 0, 1),
	CAL("thurs", 0, 1), CAL("fri", 0, 1), CAL("sat", 0, 1),
	CAL("sun", 0, 1)
};

#define NCALWORDS (sizeof(calwords) / sizeof(calwords[0]))

/* The initials of the names, a bit for each letter from A. */
#define CAL_BIT(c) (UINT32_C(1) << ((c) - 'A'))
#define CAL_INITIALS (CAL_BIT('A') | CAL_BIT('D') | CAL_BIT('F') | \
	CAL_BIT('J') | CAL_BIT('M') | CAL_BIT('N') | CAL_BIT('O') | \
	CAL_BIT('S') | CAL_BIT('T') | CAL_BIT('W'))

/* Days in each month, February of a leap year. */
static const unsigned char mdays[13] = {
	0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
};

/* Code points of letters beyond ASCII (date_letter_len). */
static const struct span {
	uint32_t lo, hi;
} letters[] = {
	{ 0xAA, 0xAA }, { 0xB5, 0xB5 }, { 0xBA, 0xBA },
	{ 0xC0, 0xD6 }, { 0xD8, 0xF6 }, { 0xF8, 0x2AF },	/* Latin */
	{ 0x386, 0x386 }, { 0x388, 0x3FF },			/* Greek */
	{ 0x400, 0x481 }, { 0x48A, 0x52F },			/* Cyrillic */
	{ 0x531, 0x556 }, { 0x561, 0x587 },			/* Armenian */
	{ 0x5D0, 0x5EA },					/* Hebrew */
	{ 0x620, 0x64A }, { 0x671, 0x6D3 },			/* Arabic */
	{ 0x1E00, 0x1FFF },			/* Latin and Greek extended */
	{ 0x3041, 0x30FF },					/* kana */
	{ 0x4E00, 0x9FFF },					/* CJK */
	{ 0xAC00, 0xD7A3 }					/* Hangul */
};

/*
 * Uppercase letters beyond ASCII: every code point from lo to hi, or
 * with step 2 every other one, as in the Latin Extended-A and Cyrillic
 * blocks where capitals and small letters alternate.
 */
static const struct upper_span {
	uint32_t lo, hi;
	unsigned char step;
} uppers[] = {
	{ 0xC0, 0xD6, 1 }, { 0xD8, 0xDE, 1 },
	{ 0x100, 0x136, 2 }, { 0x139, 0x147, 2 }, { 0x14A, 0x176, 2 },
	{ 0x178, 0x179, 1 }, { 0x17B, 0x17D, 2 },
	{ 0x386, 0x386, 1 }, { 0x388, 0x38A, 1 }, { 0x38C, 0x38C, 1 },
	{ 0x38E, 0x38F, 1 }, { 0x391, 0x3A1, 1 }, { 0x3A3, 0x3AB, 1 },
	{ 0x400, 0x42F, 1 }, { 0x460, 0x480, 2 }, { 0x48A, 0x4BE, 2 },
	{ 0x4C0, 0x4C1, 1 }, { 0x4C3, 0x4CD, 2 }, { 0x4D0, 0x52E, 2 },
	{ 0x1E00, 0x1E94, 2 }, { 0x1EA0, 0x1EFE, 2 }
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t
date_letter_len(const char *s, size_t n, int *upper)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, len = 0;
	uint32_t c;

	*upper = 0;
	if (p[0] < 0x80) {
		*upper = is_upper(s[0]);
		return is_alpha(s[0]);
	}
	if ((c = utf8_decode(s, n, &len)) == 0xFFFD)
		return 0;
	for (i = 0; i < NELEM(letters); i++)
		if (c >= letters[i].lo && c <= letters[i].hi)
			break;
	if (i == NELEM(letters))
		return 0;
	for (i = 0; i < NELEM(uppers); i++)
		if (c >= uppers[i].lo && c <= uppers[i].hi &&
		    (c - uppers[i].lo) % uppers[i].step == 0)
			*upper = 1;
	return len;
}

size_t
date_space_len(const char *s, size_t n)
{
	size_t len = n > 0 ? utf8_space_len(s, n) : 0;

	/* White space that ends a line is not white space within one. */
	if (len == 1 && s[0] != ' ' && s[0] != '\t')
		return 0;
	if (len == 3 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9))
		return 0;	/* U+2028, U+2029 */
	return len;
}

/* The position after the white space at s[i..n). */
static size_t
spaces(const char *s, size_t n, size_t i)
{
	size_t k;

	while (i < n && (k = date_space_len(s + i, n - i)) > 0)
		i += k;
	return i;
}

/* Byte length of the white space character that ends at s[i] (i > 0). */
static size_t
space_before(const char *s, size_t i)
{
	if (s[i - 1] == ' ' || s[i - 1] == '\t')
		return 1;
	if (i >= 2 && date_space_len(s + i - 2, 2) == 2)
		return 2;
	if (i >= 3 && date_space_len(s + i - 3, 3) == 3)
		return 3;
	return 0;
}

/* Nonzero when the character that ends at s[i] (i > 0) is a letter or digit. */
static int
alnum_before(const char *s, size_t i)
{
	size_t j = i - 1;
	int up;

	if ((unsigned char)s[j] < 0x80)
		return is_alpha(s[j]) || is_digit(s[j]);
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	return date_letter_len(s + j, i - j, &up) == i - j;
}

/* Nonzero when no letter or digit starts at s[i] (i <= n). */
static int
end_ok(const char *s, size_t n, size_t i)
{
	int up;

	if (i == n)
		return 1;
	if ((unsigned char)s[i] < 0x80)
		return !is_alpha(s[i]) && !is_digit(s[i]);
	return date_letter_len(s + i, n - i, &up) == 0;
}

/*
 * The month or weekday name at s[0..n), capitalised or in capitals, with
 * no letter after it; *len is set to its length, a period after an
 * abbreviation included.
 */
static const struct calword *
calword_at(const char *s, size_t n, size_t *len)
{
	char low[CAL_WORD_MAX];
	size_t i, j, k;
	int caps, up;

	if (n < 3 || !is_upper(s[0]) || !(CAL_INITIALS >> (s[0] - 'A') & 1))
		return NULL;
	for (k = 1; k < n && k <= CAL_WORD_MAX && is_alpha(s[k]); k++)
		;
	if (k < 3 || k > CAL_WORD_MAX)
		return NULL;
	if (k < n && (unsigned char)s[k] >= 0x80 &&
	    date_letter_len(s + k, n - k, &up) > 0)
		return NULL;
	caps = is_upper(s[1]);
	low[0] = (char)(s[0] | 0x20);
	for (i = 1; i < k; i++) {
		if (is_upper(s[i]) != caps)
			return NULL;
		low[i] = (char)(s[i] | 0x20);
	}
	for (i = 0; i < NCALWORDS; i++) {
		if (calwords[i].len != k || calwords[i].name[0] != low[0])
			continue;
		for (j = 1; j < k && calwords[i].name[j] == low[j]; j++)
			;
		if (j < k)
			continue;
		*len = k + (calwords[i].abbr && k < n && s[k] == '.');
		return &calwords[i];
	}
	return NULL;
}

size_t
date_weekday_len(const char *s, size_t n)
{
	const struct calword *w;
	size_t len;

	if ((w = calword_at(s, n, &len)) == NULL || w->month != 0 ||
	    !end_ok(s, n, len))
		return 0;
	return len;
}

int
date_calendar_word(const char *s, size_t n)
{
	size_t len;

	return calword_at(s, n, &len) != NULL && len == n;
}

/* The number of digits at s[i..n), at most 5, and their value. */
static size_t
digits(const char *s, size_t n, size_t i, int *v)
{
	size_t k;

	*v = 0;
	for (k = 0; i + k < n && k < 5 && is_digit(s[i + k]); k++)
		*v = *v * 10 + (s[i + k] - '0');
	return k;
}

/* Length of an ordinal suffix (st, nd, rd, th; or in capitals) at s[i]. */
static size_t
ordinal_len(const char *s, size_t n, size_t i)
{
	static const char suffix[][3] = { "st", "nd", "rd", "th" };
	size_t k;

	if (i + 2 > n || !is_alpha(s[i]) || !is_alpha(s[i + 1]) ||
	    is_upper(s[i]) != is_upper(s[i + 1]) ||
	    (i + 2 < n && is_alpha(s[i + 2])))
		return 0;
	for (k = 0; k < NELEM(suffix); k++)
		if ((s[i] | 0x20) == suffix[k][0] &&
		    (s[i + 1] | 0x20) == suffix[k][1])
			return 2;
	return 0;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Nonzero when y-m-d is a day of the calendar in the years allowed. */
static int
valid(int y, int m, int d)
{
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m])
		return 0;
	return m != 2 || d < 29 || leap(y);
}

/* Fill *d when y-m-d is valid; returns len, or 0 when it is not. */
static size_t
fill(int y, int m, int day, size_t len, struct date *d)
{
	if (!valid(y, m, day))
		return 0;
	d->year = y;
	d->month = m;
	d->day = day;
	return len;
}

/*
 * The position after a separator of a text date at s[i..n): white space,
 * a comma, or both; 0 when there is none.
 */
static size_t
text_sep(const char *s, size_t n, size_t i)
{
	size_t j = spaces(s, n, i);

	if (j < n && s[j] == ',')
		j = spaces(s, n, j + 1);
	return j > i ? j : 0;
}

/* The four-digit year at s[i..n) that ends a text date: its end, or 0. */
static size_t
year_end(const char *s, size_t n, size_t i, int m, int day, struct date *d)
{
	int y;

	if (digits(s, n, i, &y) != 4 || !end_ok(s, n, i + 4))
		return 0;
	return fill(y, m, day, i + 4, d);
}

/* 2020-12-31 or 2020/12/31, s[4] being the separator. */
static size_t
iso(const char *s, size_t n, int y, struct date *d)
{
	char sep = s[4];
	int m, day;

	if (digits(s, n, 5, &m) != 2 || n < 8 || s[7] != sep ||
	    digits(s, n, 8, &day) != 2)
		return 0;
	/* a time may follow as in 2020-12-31T19:13 */
	if (!end_ok(s, n, 10) &&
	    !(s[10] == 'T' && n > 11 && is_digit(s[11])))
		return 0;
	return fill(y, m, day, 10, d);
}

/* 31/12/2020 or 12/31/2020 by order, a being the number before s[k]. */
static size_t
numeric(const char *s, size_t n, size_t k, int a, enum date_order order,
    struct date *d)
{
	char sep = s[k];
	size_t i = k + 1, m;
	int b, y;

	if (order == DATE_ORDER_NONE)
		return 0;
	if ((m = digits(s, n, i, &b)) < 1 || m > 2)
		return 0;
	i += m;
	if (i >= n || s[i] != sep || digits(s, n, i + 1, &y) != 4 ||
	    !end_ok(s, n, i + 5))
		return 0;
	if (order == DATE_ORDER_DMY)
		return fill(y, b, a, i + 5, d);
	return fill(y, a, b, i + 5, d);
}

/* 31 December 2020, the day of nd digits being at s[0]. */
static size_t
day_month(const char *s, size_t n, size_t nd, int day, struct date *d)
{
	const struct calword *w;
	size_t i, j, len;

	i = nd + ordinal_len(s, n, nd);
	if ((j = spaces(s, n, i)) == i)
		return 0;
	if ((w = calword_at(s + j, n - j, &len)) == NULL || w->month == 0)
		return 0;
	if ((j = text_sep(s, n, j + len)) == 0)
		return 0;
	return year_end(s, n, j, w->month, day, d);
}

/* December 31, 2020, the month name being s[0..len). */
static size_t
month_day(const char *s, size_t n, size_t len, int m, struct date *d)
{
	size_t i, j, nd;
	int day;

	if ((j = spaces(s, n, len)) == len)
		return 0;
	if ((nd = digits(s, n, j, &day)) < 1 || nd > 2)
		return 0;
	i = j + nd;
	i += ordinal_len(s, n, i);
	if ((j = text_sep(s, n, i)) == 0)
		return 0;
	return year_end(s, n, j, m, day, d);
}

/* A date without a weekday at s[0..n) (n > 0). */
static size_t
date_core(const char *s, size_t n, enum date_order order, struct date *d)
{
	const struct calword *w;
	size_t nd, len;
	int v;

	if (!is_digit(s[0])) {
		if ((w = calword_at(s, n, &len)) == NULL || w->month == 0)
			return 0;
		return month_day(s, n, len, w->month, d);
	}
	nd = digits(s, n, 0, &v);
	if (nd == 4 && nd < n && (s[nd] == '-' || s[nd] == '/'))
		return iso(s, n, v, d);
	if (nd > 2)
		return 0;
	if (nd < n && (s[nd] == '/' || s[nd] == '.' || s[nd] == '-'))
		return numeric(s, n, nd, v, order, d);
	return day_month(s, n, nd, v, d);
}

size_t
date_parse(const char *s, size_t n, enum date_order order, struct date *d)
{
	const struct calword *w;
	struct date t;
	size_t i = 0, k, len;

	if (n == 0)
		return 0;
	if (!is_digit(s[0])) {
		if ((w = calword_at(s, n, &len)) == NULL)
			return 0;
		if (w->month != 0) {
			if ((k = month_day(s, n, len, w->month, &t)) == 0)
				return 0;
			*d = t;
			return k;
		}
		/* a weekday, then a date */
		if ((i = text_sep(s, n, len)) == 0 || i == n)
			return 0;
	}
	if ((k = date_core(s + i, n - i, order, &t)) == 0)
		return 0;
	*d = t;
	return i + k;
}

/* The first digit at or after s[i] (s[0..n)), or n. */
static size_t
next_digit(const char *s, size_t i, size_t n)
{
	uint64_t x;

#if defined(__SSE2__)
	const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
	__m128i a, b;
	unsigned bits;

	while (i + 32 <= n) {
		a = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(const void *)
		    (s + i)), zero);
		b = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(const void *)
		    (s + i + 16)), zero);
		a = _mm_cmpeq_epi8(_mm_min_epu8(a, nine), a);
		b = _mm_cmpeq_epi8(_mm_min_epu8(b, nine), b);
		bits = (unsigned)_mm_movemask_epi8(a) |
		    (unsigned)_mm_movemask_epi8(b) << 16;
		if (bits != 0)
			return i + (size_t)__builtin_ctz(bits);
		i += 32;
	}
#endif
	while (i + 8 <= n) {
		memcpy(&x, s + i, 8);
		x ^= BYTES_1 * '0';
		/* a byte below 10 after the xor is a digit */
		if (((x - BYTES_1 * 10) & ~x & BYTES_80) != 0)
			break;
		i += 8;
	}
	while (i < n && !is_digit(s[i]))
		i++;
	return i;
}

/*
 * Start of the name of 3 to 9 ASCII letters before the separator that
 * ends at s[i] (white space or a comma or both, with an optional period
 * right after the name), or NOWHERE when there is none or a letter or
 * digit comes right before it.
 */
static size_t
word_before(const char *s, size_t i)
{
	size_t j = i, k, w;

	while (j > 0 && (k = space_before(s, j)) > 0)
		j -= k;
	if (j > 0 && s[j - 1] == ',') {
		j--;
		while (j > 0 && (k = space_before(s, j)) > 0)
			j -= k;
	}
	if (j == i)
		return NOWHERE;
	if (j > 0 && s[j - 1] == '.')
		j--;
	for (w = j; w > 0 && j - w <= CAL_WORD_MAX && is_alpha(s[w - 1]); w--)
		;
	if (j - w < 3 || j - w > CAL_WORD_MAX || (w > 0 && alnum_before(s, w)))
		return NOWHERE;
	return w;
}

/*
 * The date whose first digit run starts at s[i]: its length, 0 if none;
 * *start is set to where it starts, which is before i when a month or
 * weekday name comes first.
 */
static size_t
date_at(const char *s, size_t n, size_t i, enum date_order order,
    struct date *d, size_t *start)
{
	size_t w1, w2, k, len;

	if (i > 0 && alnum_before(s, i))
		return 0;
	if (i > 0 && (w1 = word_before(s, i)) != NOWHERE &&
	    calword_at(s + w1, n - w1, &len) != NULL) {
		w2 = word_before(s, w1);
		if (w2 != NOWHERE &&
		    (k = date_parse(s + w2, n - w2, order, d)) > 0) {
			*start = w2;
			return k;
		}
		if ((k = date_parse(s + w1, n - w1, order, d)) > 0) {
			*start = w1;
			return k;
		}
	}
	if ((k = date_parse(s + i, n - i, order, d)) > 0) {
		*start = i;
		return k;
	}
	return 0;
}

size_t
date_find(const char *s, size_t n, enum date_order order, struct date *d,
    size_t *len)
{
	size_t i = 0, j, k, start;

	while ((i = next_digit(s, i, n)) < n) {
		for (j = i + 1; j < n && is_digit(s[j]); j++)
			;
		if ((j - i <= 2 || j - i == 4) &&
		    (k = date_at(s, n, i, order, d, &start)) > 0) {
			*len = k;
			return start;
		}
		i = j;
	}
	*len = 0;
	return n;
}

/* Write v as w decimal digits at p. */
static void
put_digits(char *p, int v, int w)
{
	unsigned u = v < 0 ? 0 : (unsigned)v;

	while (w-- > 0) {
		p[w] = (char)('0' + u % 10);
		u /= 10;
	}
}

void
date_iso(const struct date *d, char out[11])
{
	put_digits(out, d->year, 4);
	out[4] = '-';
	put_digits(out + 5, d->month, 2);
	out[7] = '-';
	put_digits(out + 8, d->day, 2);
	out[10] = '\0';
}
