/*
 * Unit tests for cmd/ddedup/normalize.c: named cases, and random ASCII
 * texts against a byte-by-byte reference (the fast path works on blocks
 * of 16 bytes, so the texts cross blocks in every way).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "normalize.h"

/* The reference for ASCII text with all three normalisations. */
static size_t
reference(char *out, const char *s, size_t n)
{
	size_t i, o = 0;
	int gap = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isalnum(c)) {
			if (gap && o > 0)
				out[o++] = ' ';
			gap = 0;
			out[o++] = (char)tolower(c);
		} else {
			gap = 1;
		}
	}
	return o;
}

static int
is(const char *in, unsigned flags, const char *want)
{
	struct buf b = BUF_INIT;
	int ok;

	norm_text(&b, in, strlen(in), flags);
	ok = b.len == strlen(want) && memcmp(b.p, want, b.len) == 0;
	buf_free(&b);
	return ok;
}

int
main(void)
{
	static const char alphabet[] = "aBcD3x   ,.#-\t";
	struct buf b = BUF_INIT;
	char s[300], want[300];
	size_t n, i, wn;
	unsigned t, bad = 0;

	CHECK("case, punctuation and space",
	    is("  Hello,  World! #CPEC\n\nNext ", NORM_ALL,
	    "hello world cpec next"));
	CHECK("curly quotes, dashes and no-break spaces are not words",
	    is("\xe2\x80\x9cPakistan\xe2\x80\x99s\xe2\x80\x9d \xe2\x80\x94"
	    " China\xc2\xa0" "Corridor", NORM_ALL,
	    "pakistan s china corridor"));
	CHECK("Latin-1 capitals fold", is("\xc3\x89T\xc3\x89", NORM_ALL,
	    "\xc3\xa9t\xc3\xa9"));
	CHECK("other letters are kept", is("\xd0\x9c\xd0\xb8\xd1\x80 \xe4\xb8\xad",
	    NORM_ALL, "\xd0\x9c\xd0\xb8\xd1\x80 \xe4\xb8\xad"));
	CHECK("none keeps the text", is(" A,  b ", 0, " A,  b "));
	CHECK("case only", is(" A,  b ", NORM_CASE, " a,  b "));
	CHECK("space without punct keeps punctuation as words",
	    is("a , b", NORM_SPACE, "a , b"));
	CHECK("long plain text, the fast path",
	    is("The Quick Brown Fox Jumps Over The Lazy Dog 0123456789 abc",
	    NORM_ALL, "the quick brown fox jumps over the lazy dog"
	    " 0123456789 abc"));
	CHECK("norm_parse", norm_parse("case,space") == (NORM_CASE |
	    NORM_SPACE) && norm_parse("all") == NORM_ALL &&
	    norm_parse("none") == 0 && norm_parse("case,") == -1 &&
	    norm_parse("cases") == -1 && norm_parse("") == -1);

	srand(11);
	for (t = 0; t < 20000; t++) {
		n = (size_t)rand() % 260;
		for (i = 0; i < n; i++)
			s[i] = alphabet[rand() % (t % 2 ? 6 : 13)];
		wn = reference(want, s, n);
		norm_text(&b, s, n, NORM_ALL);
		if (b.len != wn || memcmp(b.p, want, wn) != 0)
			bad++;
	}
	CHECK("random ASCII texts match the byte-by-byte reference",
	    bad == 0);
	buf_free(&b);
	return check_status();
}
