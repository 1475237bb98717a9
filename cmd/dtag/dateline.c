/*
 * dateline.c: the publication date and the dateline place of a news
 * body.
 *
 * Only the head of the body (its first HEAD_LINES lines, within its first
 * HEAD_MAX bytes) and its tail (its last TAIL_LINES non-blank lines,
 * found backwards from the end) are looked at.  Lines end at \n, a \r
 * before it is dropped, and white space at either end of a line is
 * ignored.  The rules for the date, the first that gives one winning:
 *
 *  1. The opening dateline: the first line of the head that starts with
 *     a PLACE and goes on with
 *	, DATE [(AGENCY)] and a colon, a dash, or the end of the line:
 *	  "Islamabad, 16 May 2024 (TDI): Deputy Prime Minister...",
 *	  "BEIJING, Jan. 21, 2024 (Xinhua) -- ...", with a second part of
 *	  one to three capitalised words allowed before the date ("Sofia,
 *	  Bulgaria, 5 March 2023: ..."; the place is the first part);
 *	[, MONTH DAY] [(AGENCY)] and a colon, or a dash after the agency
 *	  or the month and day, with no date: "ISLAMABAD (APP) - ...",
 *	  "Beijing : ...", "BEIJING, Jan. 21 (Xinhua) -- ..." (a month and
 *	  day without a year are no date); also a dash right after a PLACE
 *	  in capitals.  These give the place only, and only when it is a
 *	  known place or in capitals (not a label such as BREAKING or
 *	  UPDATE), so that a headline such as "Maz Saleem: A statement"
 *	  gives no place.
 *     An AGENCY is up to AGENCY_MAX bytes in brackets, or between slashes
 *     as in "/PRNewswire/".
 *     A PLACE is one to PLACE_WORDS words that start with an uppercase
 *     letter and hold letters, and hyphens and apostrophes inside, with
 *     lowercase particles between them ("Rio de Janeiro"), at most
 *     PLACE_MAX bytes, and not a month or weekday name.  A dash is - -- –
 *     or — with white space before it.
 *  2. A date line in the head: the first line of at most DATE_LINE_MAX
 *     bytes that holds exactly one date and besides it only white space,
 *     punctuation, weekday names, times ("19:13", "7:30 pm"), time zones
 *     (two to five capitals) and the labels Published, Posted, Updated,
 *     Last updated, Date, Dated, On and At, in any case.
 *  3. The closing dateline: the last of the tail lines that is a date
 *     line as in rule 2 but without labels, or a PLACE, a comma or white
 *     space and a DATE alone on the line.  When the date line has no
 *     place, the non-blank line before it gives one when it is a PLACE
 *     alone (a comma may end it): "Islamabad\n31 December 2020", unless
 *     that line is the first of the body, the title of a short one.
 * The place is the one of the opening dateline if it has one, else the
 * one of the closing dateline.  A date in running text is never taken.
 */
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "dateline.h"

#define HEAD_MAX 4096		/* bytes of the head */
#define HEAD_LINES 12		/* lines of the head */
#define TAIL_LINES 4		/* non-blank lines of the tail */
#define TAIL_MAX 8192		/* bytes from the end the tail may span */
#define DATE_LINE_MAX 100	/* longest date line */
#define PLACE_MAX 40		/* longest place name, in bytes */
#define PLACE_WORDS 4		/* capitalised words of a place */
#define PART_WORDS 3		/* of the second part: Sofia, Bulgaria */
#define AGENCY_MAX 40		/* longest agency name */
#define WORD_MAX 16		/* longest word compared with a table */

#define BYTES_1 UINT64_C(0x0101010101010101)
#define BYTES_80 UINT64_C(0x8080808080808080)

/* A line of the body, white space trimmed; s is NULL when unusable. */
struct line {
	const char *s;
	size_t n;
};

/* The end of a capitalised word of a place, and the case so far. */
struct pword {
	size_t end;
	int caps;	/* every word up to this one in capitals */
};

/* Lowercase words that may join the words of a place name. */
static const char *const particles[] = {
	"de", "da", "del", "di", "du", "la", "le", "al", "el", "van", "von",
	"bin", "ul"
};

/* Labels a date line of the head may hold (rule 2). */
static const char *const labels[] = {
	"published", "posted", "updated", "date", "dated", "on", "at",
	"last"
};

/* Words in capitals before a colon that are not places. */
static const char *const not_places[] = {
	"alert", "also", "analysis", "breaking", "comment", "copyright",
	"correction", "date", "dated", "disclaimer", "editorial",
	"exclusive", "faq", "flash", "interview", "live", "news", "note",
	"notice", "opinion", "photo", "photos", "posted", "press",
	"published", "read", "report", "source", "summary", "update",
	"updated", "updates", "urgent", "video", "videos", "warning", "watch"
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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

/* Nonzero when a letter or digit starts at s[i] (i <= n). */
static int
alnum_at(const char *s, size_t n, size_t i)
{
	int up;

	if (i == n)
		return 0;
	return is_digit(s[i]) || date_letter_len(s + i, n - i, &up) > 0;
}

/* Nonzero when the ASCII word s[0..n) is, lowercased, in table t. */
static int
in_table(const char *s, size_t n, const char *const *t, size_t nt)
{
	char low[WORD_MAX];
	size_t i;

	if (n == 0 || n > WORD_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		if (!is_alpha(s[i]))
			return 0;
		low[i] = (char)(s[i] | 0x20);
	}
	for (i = 0; i < nt; i++)
		if (t[i][0] == low[0] && strlen(t[i]) == n &&
		    memcmp(t[i], low, n) == 0)
			return 1;
	return 0;
}

/* Nonzero when s[0..n) is the lowercase word w in any case. */
static int
lower_eq(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i] == '\0' || !is_alpha(s[i]) || (s[i] | 0x20) != w[i])
			return 0;
	return w[n] == '\0';
}

/* Trim s[0..n) of white space, a \r and a byte order mark into *l. */
static void
trim(const char *s, size_t n, struct line *l)
{
	size_t i = 0, k;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (;;) {
		i = spaces(s, n, i);
		if (i < n && (s[i] == '\r' || s[i] == '\f' || s[i] == '\v'))
			i++;
		else
			break;
	}
	while (n > i) {
		if (s[n - 1] == '\r' || s[n - 1] == '\f' || s[n - 1] == '\v' ||
		    date_space_len(s + n - 1, 1) == 1)
			k = 1;
		else if (n - i >= 2 && date_space_len(s + n - 2, 2) == 2)
			k = 2;
		else if (n - i >= 3 && date_space_len(s + n - 3, 3) == 3)
			k = 3;
		else
			break;
		n -= k;
	}
	l->s = s + i;
	l->n = n - i;
}

/*
 * Length of the word at s[0..n): letters, with hyphens and apostrophes
 * between letters.  *upper is set when it starts with an uppercase
 * letter, *caps when all its letters are uppercase.
 */
static size_t
word_len(const char *s, size_t n, int *upper, int *caps)
{
	size_t i, k, j;
	int up;

	*upper = *caps = 0;
	if (n == 0 || (k = date_letter_len(s, n, upper)) == 0)
		return 0;
	*caps = *upper;
	for (i = k; i < n; i += k) {
		if (s[i] >= 'a' && s[i] <= 'z') {
			*caps = 0;
			k = 1;
			continue;
		}
		if (s[i] >= 'A' && s[i] <= 'Z') {
			k = 1;
			continue;
		}
		j = i;
		if (s[j] == '-' || s[j] == '\'')
			j++;
		else if (n - j >= 3 && memcmp(s + j, "\xE2\x80\x99", 3) == 0)
			j += 3;	/* U+2019 */
		if (j >= n || (k = date_letter_len(s + j, n - j, &up)) == 0)
			break;
		if (!up)
			*caps = 0;
		k += j - i;
	}
	return i;
}

/*
 * The capitalised words of the place name at the start of s[0..n): at
 * most max of them, lowercase particles between them not counted, all
 * within PLACE_MAX bytes.  Fills w[] and returns their number.
 */
static int
place_words(const char *s, size_t n, int max, struct pword *w)
{
	size_t i = 0, k, sp;
	int nw = 0, caps = 1, upper, wcaps;

	while ((k = word_len(s + i, n - i, &upper, &wcaps)) > 0) {
		if (upper) {
			if (i + k > PLACE_MAX)
				break;
			caps = caps && wcaps;
			w[nw].end = i + k;
			w[nw].caps = caps;
			if (++nw == max)
				break;
		} else if (nw == 0 || !in_table(s + i, k, particles,
		    NELEM(particles)))
			break;
		else
			caps = 0;
		i += k;
		if (i >= n || (sp = date_space_len(s + i, n - i)) == 0)
			break;
		i += sp;
	}
	/* a month or weekday is no place: Monday, 16 May 2024 */
	if (nw > 0 && date_calendar_word(s, w[0].end))
		return 0;
	return nw;
}

/*
 * The position after the agency name at s[i] (s[0..n)), in brackets as
 * in "(APP)" or between slashes as in "/PRNewswire/", or 0 if none.
 */
static size_t
agency_end(const char *s, size_t n, size_t i)
{
	size_t j;
	char close;

	if (i >= n || (s[i] != '(' && s[i] != '/'))
		return 0;
	close = s[i] == '(' ? ')' : '/';
	for (j = i + 1; j < n && j - i <= AGENCY_MAX + 1; j++) {
		if (s[j] == close)
			return j > i + 1 ? j + 1 : 0;
		if (s[j] == '(' || s[j] == ':')
			return 0;
	}
	return 0;
}

/*
 * Nonzero when s[i..n) starts with white space, then a dash (- -- – —)
 * and white space or the end of the line.
 */
static int
dash_at(const char *s, size_t n, size_t i)
{
	size_t j = spaces(s, n, i);

	if (j == i || j >= n)
		return 0;
	if (s[j] == '-')
		j += j + 1 < n && s[j + 1] == '-' ? 2 : 1;
	else if (n - j >= 3 && (memcmp(s + j, "\xE2\x80\x93", 3) == 0 ||
	    memcmp(s + j, "\xE2\x80\x94", 3) == 0))
		j += 3;
	else
		return 0;
	return j == n || date_space_len(s + j, n - j) > 0;
}

/*
 * Nonzero when s[i..n) is what may follow the date or place of an
 * opening dateline: an optional "(AGENCY)", then the end of the line, or
 * when text is allowed a colon or a dash.
 */
static int
opening_tail(const char *s, size_t n, size_t i, int text)
{
	size_t j = spaces(s, n, i), k;

	if ((k = agency_end(s, n, j)) > 0)
		i = j = k;
	j = spaces(s, n, j);
	if (j == n)
		return 1;
	return text && (s[j] == ':' || dash_at(s, n, i));
}

/*
 * The date at s[i..n) followed by what may follow it (opening_tail, or
 * when text is 0 an optional period and the end of the line): its
 * length, or 0.
 */
static size_t
dated(const char *s, size_t n, size_t i, enum date_order order, int text,
    struct date *d)
{
	size_t k, j;

	if (i >= n || (k = date_parse(s + i, n - i, order, d)) == 0)
		return 0;
	if (text)
		return opening_tail(s, n, i + k, 1) ? k : 0;
	j = i + k;
	if (j < n && s[j] == '.')
		j++;
	return spaces(s, n, j) == n ? k : 0;
}

/*
 * "PLACE, [PART,] DATE" at the start of s[0..n), the nw words of the
 * place being w[], and when text is 0 also "PLACE DATE", with the tail
 * dated() allows: the place length, or 0; *off and *len are set to the
 * date.
 */
static size_t
place_date(const char *s, size_t n, const struct pword *w, int nw,
    enum date_order order, int text, struct date *d, size_t *off,
    size_t *len)
{
	struct pword part[PART_WORDS];
	size_t p, i, q;
	int np, t;

	for (t = nw - 1; t >= 0; t--) {
		p = w[t].end;
		if (p < n && s[p] == ',') {
			i = spaces(s, n, p + 1);
			if ((*len = dated(s, n, i, order, text, d)) > 0) {
				*off = i;
				return p;
			}
			/* a second part: Sofia, Bulgaria, 5 March 2023 */
			np = place_words(s + i, n - i, PART_WORDS, part);
			if (np == 0)
				return 0;
			q = i + part[np - 1].end;
			if (q >= n || s[q] != ',')
				return 0;
			i = spaces(s, n, q + 1);
			if ((*len = dated(s, n, i, order, text, d)) > 0) {
				*off = i;
				return p;
			}
			return 0;
		}
		if (!text && (i = spaces(s, n, p)) > p &&
		    (*len = dated(s, n, i, order, 0, d)) > 0) {
			*off = i;
			return p;
		}
	}
	return 0;
}

/*
 * The position after the month name and day at s[i..n), as in "Jan. 21"
 * or "December 31" (no year), or 0 if none.
 */
static size_t
month_day_end(const char *s, size_t n, size_t i)
{
	size_t j, k;

	for (j = i; j < n && is_alpha(s[j]); j++)
		;
	if (!date_calendar_word(s + i, j - i) ||
	    date_weekday_len(s + i, n - i) > 0)
		return 0;
	if (j < n && s[j] == '.')
		j++;
	if ((k = spaces(s, n, j)) == j)
		return 0;
	for (j = k; j < n && j - k < 3 && is_digit(s[j]); j++)
		;
	return j > k && j - k <= 2 && !alnum_at(s, n, j) ? j : 0;
}

/*
 * Rule 1 on the line s[0..n) of the body: nonzero when it is an opening
 * dateline, with its place, and its date when it has one, set in *out.
 */
static int
opening(const char *body, const char *s, size_t n, enum date_order order,
    int (*known_place)(const char *, size_t, void *), void *arg,
    struct dateline *out)
{
	struct pword w[PLACE_WORDS];
	struct date d;
	size_t p, i, j, off, len;
	int nw, caps, marked = 0, ok;

	if ((nw = place_words(s, n, PLACE_WORDS, w)) == 0)
		return 0;
	if ((p = place_date(s, n, w, nw, order, 1, &d, &off, &len)) > 0) {
		out->place = s;
		out->place_len = p;
		out->has_date = 1;
		out->date = d;
		out->date_off = (size_t)(s - body) + off;
		out->date_len = len;
		return 1;
	}
	p = w[nw - 1].end;
	caps = w[nw - 1].caps && p >= 2 &&
	    !in_table(s, w[0].end, not_places, NELEM(not_places));
	i = spaces(s, n, p);
	/* BEIJING, Jan. 21 (Xinhua) -- */
	if (i < n && s[i] == ',' &&
	    (j = month_day_end(s, n, spaces(s, n, i + 1))) > 0) {
		marked = 1;
		i = spaces(s, n, j);
	}
	if ((j = agency_end(s, n, i)) > 0) {
		marked = 1;
		i = spaces(s, n, j);
	} else
		j = p;
	if (i < n && s[i] == ':')
		ok = 1;
	else
		ok = (marked || caps) && dash_at(s, n, j);
	if (!ok || (!caps && (known_place == NULL ||
	    !known_place(s, p, arg))))
		return 0;
	out->place = s;
	out->place_len = p;
	return 1;
}

/*
 * Length of the time at s[i..n): 19:13, 19:13:05, 7:30 pm, 10:05 AM,
 * a "T" right after a digit before it, and a zone such as Z or +05:00
 * right after it; 0 if none.
 */
static size_t
time_len(const char *s, size_t n, size_t i)
{
	size_t j = i, k, h;

	if (j < n && s[j] == 'T' && j > 0 && is_digit(s[j - 1]))
		j++;
	for (h = 0, k = j; j < n && j - k < 3 && is_digit(s[j]); j++)
		h = h * 10 + (size_t)(s[j] - '0');
	if (j == k || j - k > 2 || h > 23)
		return 0;
	/* :MM, and :SS */
	for (k = 0; k < 2; k++) {
		if (j + 2 < n && s[j] == ':' && s[j + 1] >= '0' &&
		    s[j + 1] <= '5' && is_digit(s[j + 2]))
			j += 3;
		else if (k == 0)
			return 0;
	}
	if (j < n && s[j] == 'Z')
		j++;
	else if (j + 2 < n && (s[j] == '+' || s[j] == '-') &&
	    is_digit(s[j + 1]) && is_digit(s[j + 2])) {
		j += 3;
		if (j + 2 < n && s[j] == ':' && is_digit(s[j + 1]) &&
		    is_digit(s[j + 2]))
			j += 3;
		else if (j + 1 < n && is_digit(s[j]) && is_digit(s[j + 1]))
			j += 2;
	}
	/* am, pm, a.m., p.m. in either case */
	k = spaces(s, n, j);
	if (k + 1 < n && ((s[k] | 0x20) == 'a' || (s[k] | 0x20) == 'p')) {
		if ((s[k + 1] | 0x20) == 'm' && !alnum_at(s, n, k + 2))
			j = k + 2;
		else if (k + 3 < n && s[k + 1] == '.' &&
		    (s[k + 2] | 0x20) == 'm' && s[k + 3] == '.')
			j = k + 4;
	}
	return alnum_at(s, n, j) ? 0 : j - i;
}

/*
 * Length of the word at s[0..n) a date line may hold: a weekday, a time
 * zone, and when labels is set a label; 0 for any other.
 */
static size_t
line_word(const char *s, size_t n, int labels_ok)
{
	size_t k, j, caps = 0;

	if ((k = date_weekday_len(s, n)) > 0)
		return k;
	for (k = 0; k < n && is_alpha(s[k]); k++)
		caps += s[k] >= 'A' && s[k] <= 'Z';
	if (k == 0 || alnum_at(s, n, k))
		return 0;
	if (k >= 2 && k <= 5 && caps == k)
		return k;
	if (!labels_ok || !in_table(s, k, labels, NELEM(labels)))
		return 0;
	if (!lower_eq(s, k, "last"))
		return k;
	/* "last" only in "Last updated" */
	j = spaces(s, n, k);
	if (j > k && n - j >= 7 && lower_eq(s + j, 7, "updated") &&
	    !alnum_at(s, n, j + 7))
		return j + 7;
	return 0;
}

/* Length of the punctuation character at s[0..n) a date line may hold. */
static size_t
punct_len(const char *s, size_t n)
{
	static const unsigned char ascii[128] = {
		['|'] = 1, [','] = 1, ['-'] = 1, [':'] = 1, ['('] = 1,
		[')'] = 1, ['.'] = 1, [';'] = 1, ['/'] = 1
	};

	if ((unsigned char)s[0] < 128 && ascii[(unsigned char)s[0]])
		return 1;
	if (n >= 3 && s[0] == '\xE2' && s[1] == '\x80' &&
	    (s[2] == '\x93' || s[2] == '\x94' || s[2] == '\xA2'))
		return 3;	/* – — • */
	if (n >= 2 && s[0] == '\xC2' && s[1] == '\xB7')
		return 2;	/* · */
	return 0;
}

/*
 * Nonzero when the line s[0..n) is a date line (rule 2, with labels when
 * labels_ok is set): *off and *len are set to its date.
 */
static int
date_line(const char *s, size_t n, enum date_order order, int labels_ok,
    size_t *off, size_t *len, struct date *d)
{
	struct date t;
	size_t i = 0, k;
	int dates = 0;

	if (n > DATE_LINE_MAX)
		return 0;
	while (i < n) {
		if ((k = date_space_len(s + i, n - i)) > 0 ||
		    (k = punct_len(s + i, n - i)) > 0) {
			i += k;
			continue;
		}
		if ((k = date_parse(s + i, n - i, order, &t)) > 0) {
			if (dates++ > 0)
				return 0;
			*off = i;
			*len = k;
			*d = t;
		} else if ((k = time_len(s, n, i)) == 0 &&
		    (k = line_word(s + i, n - i, labels_ok)) == 0)
			return 0;
		i += k;
	}
	return dates == 1;
}

/* Length of the place alone on the line s[0..n), a comma after it allowed. */
static size_t
place_alone(const char *s, size_t n)
{
	struct pword w[PLACE_WORDS];
	size_t p, i;
	int nw;

	if ((nw = place_words(s, n, PLACE_WORDS, w)) == 0)
		return 0;
	p = w[nw - 1].end;
	i = spaces(s, n, p);
	if (i < n && s[i] == ',')
		i = spaces(s, n, i + 1);
	return i == n ? p : 0;
}

/* Nonzero when some byte of x equals c. */
static uint64_t
has_byte(uint64_t x, unsigned char c)
{
	uint64_t v = x ^ (BYTES_1 * c);

	return (v - BYTES_1) & ~v & BYTES_80;
}

/* The start of the line that ends at body[end], not before lim. */
static size_t
line_start(const char *body, size_t end, size_t lim)
{
	uint64_t x;

	while (end - lim >= 8) {
		memcpy(&x, body + end - 8, 8);
		if (has_byte(x, '\n'))
			break;
		end -= 8;
	}
	while (end > lim && body[end - 1] != '\n')
		end--;
	return end;
}

/*
 * The last non-blank lines of body[0..n), the last first, at most max,
 * within the last TAIL_MAX bytes; a line that starts before them ends
 * the list with s NULL.  Returns their number; *top is set when the
 * list holds the first non-blank line of the body.
 */
static int
tail_lines(const char *body, size_t n, struct line *l, int max, int *top)
{
	size_t end = n, start, lim = n > TAIL_MAX ? n - TAIL_MAX : 0;
	int k = 0;

	*top = 0;
	while (k < max && end > lim) {
		start = line_start(body, end, lim);
		if (start == lim && lim > 0 && body[lim - 1] != '\n') {
			l[k].s = NULL;
			l[k++].n = 0;
			return k;
		}
		trim(body + start, end - start, &l[k]);
		if (l[k].n > 0)
			k++;
		if (start == 0) {
			*top = 1;
			break;
		}
		end = start - 1;
	}
	if (end == 0)
		*top = 1;	/* an empty first line is all that is left */
	return k;
}

/*
 * Rule 3: the closing dateline, for what *out still lacks.  The line
 * before a date line gives no place when it is the first line of the
 * body, as the title of a short body is.
 */
static void
closing(const char *body, size_t n, enum date_order order,
    struct dateline *out)
{
	struct line l[TAIL_LINES + 1];
	struct pword w[PLACE_WORDS];
	struct date d;
	size_t off, len, p = 0;
	const char *place = NULL;
	int nl, nw, k, top;

	nl = tail_lines(body, n, l, TAIL_LINES + 1, &top);
	for (k = 0; k < nl && k < TAIL_LINES && l[k].s != NULL; k++) {
		if (date_line(l[k].s, l[k].n, order, 0, &off, &len, &d)) {
			if (k + 1 < nl && l[k + 1].s != NULL &&
			    !(top && k + 2 == nl) &&
			    (p = place_alone(l[k + 1].s, l[k + 1].n)) > 0)
				place = l[k + 1].s;
			break;
		}
		if ((nw = place_words(l[k].s, l[k].n, PLACE_WORDS, w)) > 0 &&
		    (p = place_date(l[k].s, l[k].n, w, nw, order, 0, &d, &off,
		    &len)) > 0) {
			place = l[k].s;
			break;
		}
	}
	if (k == nl || k == TAIL_LINES || l[k].s == NULL)
		return;
	if (!out->has_date) {
		out->has_date = 1;
		out->date = d;
		out->date_off = (size_t)(l[k].s - body) + off;
		out->date_len = len;
	}
	if (out->place == NULL && place != NULL) {
		out->place = place;
		out->place_len = p;
	}
}

void
dateline_find(const char *body, size_t n, enum date_order order,
    int (*known_place)(const char *, size_t, void *), void *arg,
    struct dateline *out)
{
	struct line head[HEAD_LINES];
	struct date d;
	const char *nl;
	size_t i = 0, end, hn = n < HEAD_MAX ? n : HEAD_MAX, off, len;
	int nh = 0, k;

	memset(out, 0, sizeof(*out));
	out->place = NULL;
	while (nh < HEAD_LINES && i < hn) {
		nl = memchr(body + i, '\n', hn - i);
		end = nl != NULL ? (size_t)(nl - body) : hn;
		trim(body + i, end - i, &head[nh++]);
		i = end + 1;
	}
	for (k = 0; k < nh; k++)
		if (head[k].n > 0 && opening(body, head[k].s, head[k].n, order,
		    known_place, arg, out))
			break;
	for (k = 0; k < nh && !out->has_date; k++)
		if (head[k].n > 0 && date_line(head[k].s, head[k].n, order, 1,
		    &off, &len, &d)) {
			out->has_date = 1;
			out->date = d;
			out->date_off = (size_t)(head[k].s - body) + off;
			out->date_len = len;
		}
	if (!out->has_date || out->place == NULL)
		closing(body, n, order, out);
}
