/*
 * jsonwrite.c: write a JSON string, escaping what JSON requires and
 * replacing ill-formed UTF-8 with U+FFFD.
 *
 * This is djson's hot path: it looks at eight bytes at a time and copies
 * runs of plain ASCII whole.  (jansson's encoder, which the rest of djson
 * uses, writes about 80 MB/s; this runs several times faster.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "djson.h"
#include "swar.h"
#include "utf8.h"

#define ONES SWAR_ONES
#define HIGHS SWAR_HIGHS

/* Nonzero when some byte of v is zero (exact for "some"). */
#define HAS_ZERO(v) (((v) - ONES) & ~(v) & HIGHS)

/*
 * Nonzero when one of the eight bytes in w needs a closer look: a control
 * character, '"', '\\', or a byte of a multibyte UTF-8 sequence.
 */
static inline uint64_t
needs_care(uint64_t w)
{
	return (((w - ONES * 0x20) & ~w) & HIGHS) |
	    HAS_ZERO(w ^ (ONES * '"')) | HAS_ZERO(w ^ (ONES * '\\')) |
	    (w & HIGHS);
}

static const char hex[] = "0123456789abcdef";

/*
 * Length of the prefix of s[0..n) that can be copied as it is: text
 * without control characters, '"' or '\\', in well-formed UTF-8.
 */
static size_t
plain_run(const unsigned char *s, size_t n)
{
	size_t i = 0;
	uint64_t w;
	int len;

	for (;;) {
		while (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (needs_care(w))
				break;
			i += 8;
		}
		if (i == n)
			return i;
		if (s[i] >= 0x80) {
			len = utf8_sequence(s + i, n - i);
			if (len < 0)
				return i;
			i += (size_t)len;
		} else if (s[i] < 0x20 || s[i] == '"' || s[i] == '\\')
			return i;
		else
			i++;
	}
}

int
json_write_string(struct output *o, const char *str, size_t n,
    uint64_t *repaired)
{
	const unsigned char *s = (const unsigned char *)str;
	char esc[6] = { '\\', 'u', '0', '0', 0, 0 };
	size_t i = 0, run;
	int len;

	if (out_putc(o, '"') < 0)
		return -1;
	while (i < n) {
		run = plain_run(s + i, n - i);
		if (out_write(o, s + i, run) < 0)
			return -1;
		i += run;
		if (i == n)
			break;
		if (s[i] >= 0x80) {	/* ill-formed: plain_run took the rest */
			if (out_write(o, UTF8_REPLACEMENT, 3) < 0)
				return -1;
			(*repaired)++;
			i += (size_t)-utf8_sequence(s + i, n - i);
			continue;
		}
		switch (s[i]) {
		case '"': len = out_write(o, "\\\"", 2); break;
		case '\\': len = out_write(o, "\\\\", 2); break;
		case '\n': len = out_write(o, "\\n", 2); break;
		case '\t': len = out_write(o, "\\t", 2); break;
		case '\r': len = out_write(o, "\\r", 2); break;
		case '\b': len = out_write(o, "\\b", 2); break;
		case '\f': len = out_write(o, "\\f", 2); break;
		default:
			esc[4] = hex[s[i] >> 4];
			esc[5] = hex[s[i] & 15];
			len = out_write(o, esc, 6);
		}
		if (len < 0)
			return -1;
		i++;
	}
	return out_putc(o, '"');
}

/*
 * Write d as the shortest decimal text that reads back as d, always with
 * a point (1.0, not 1), never with an exponent (0.00001, not 1e-05), so
 * that djson writes it back as a number.
 */
void
json_format_real(char *out, size_t len, double d)
{
	char *e;
	int prec;

	for (prec = 15; prec <= 17; prec++) {
		snprintf(out, len, "%.*g", prec, d);
		if (strtod(out, NULL) == d)
			break;
	}
	if ((e = strchr(out, 'e')) != NULL) {
		int exp = (int)strtol(e + 1, NULL, 10), digits = (int)(e - out) - 1;

		/* digits after the point: those shown, shifted by exp */
		digits -= out[0] == '-';
		if (strchr(out, '.') == NULL)
			digits++;
		digits = digits - 1 - exp;
		snprintf(out, len, "%.*f", digits > 0 ? digits : 1, d);
	}
	if (strchr(out, '.') == NULL)
		strncat(out, ".0", len - strlen(out) - 1);
}
