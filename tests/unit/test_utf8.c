/* Unit tests for common/utf8.c. */
#include <string.h>

#include "check.h"
#include "utf8.h"

/* Repair s and compare with want; nbad is the expected replacements. */
static int
repairs_to(const char *s, size_t n, const char *want, size_t nbad)
{
	struct buf b = BUF_INIT;
	size_t bad = utf8_repair(&b, s, n);
	int ok = bad == nbad && b.len == strlen(want) &&
	    memcmp(b.p, want, b.len) == 0;

	buf_free(&b);
	return ok;
}

#define R "\xEF\xBF\xBD"

int
main(void)
{
	CHECK("ascii is valid", utf8_valid_prefix("hello, world", 12) == 12);
	CHECK("space: ASCII, no-break, en quad, line separator, ideographic",
	    utf8_space_len("\t", 1) == 1 && utf8_space_len("\xc2\xa0", 2) == 2 &&
	    utf8_space_len("\xe2\x80\x80", 3) == 3 &&
	    utf8_space_len("\xe2\x80\xa8", 3) == 3 &&
	    utf8_space_len("\xe3\x80\x80", 3) == 3);
	CHECK("space: not letters, dashes, quotes or cut sequences",
	    utf8_space_len("a", 1) == 0 && utf8_space_len("\xe2\x80\x94", 3) == 0 &&
	    utf8_space_len("\xe2\x80\x99", 3) == 0 &&
	    utf8_space_len("\xc2\xa0", 1) == 0 && utf8_space_len("\xe3\x80", 2) == 0);
	CHECK("text: tabs and UTF-8 are plain text",
	    utf8_text_prefix("a\tb \xc3\xa9t\xc3\xa9 0123456789abcdef", 26) == 26);
	CHECK("text: a CR after 20 bytes ends it",
	    utf8_text_prefix("0123456789abcdefghij\rxyz", 24) == 20);
	CHECK("text: a NUL ends it",
	    utf8_text_prefix("abc\0def", 7) == 3);
	CHECK("text: other control bytes end it",
	    utf8_text_prefix("0123456789abcdefgh\x1b[0m", 22) == 18);
	CHECK("text: invalid UTF-8 ends it",
	    utf8_text_prefix("0123456789abcdefgh\xc3(", 20) == 18);
	CHECK("text: DEL is text", utf8_text_prefix("a\x7f" "b", 3) == 3);
	CHECK("a bad byte after 40 ascii bytes is found",
	    utf8_valid_prefix("0123456789012345678901234567890123456789"
	    "\xff" "0123456789012345678901234567890123456789", 81) == 40);
	CHECK("a bad byte after a sequence past 32 bytes is found",
	    utf8_valid_prefix("0123456789012345678901234567890123456789"
	    "\xc3\xa9" "012345678901234567890123456789012345\xc3", 79) == 78);
	CHECK("empty is valid", utf8_valid_prefix("", 0) == 0);
	CHECK("two-, three-, four-byte forms are valid",
	    utf8_valid_prefix("\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80", 9) == 9);
	CHECK("valid prefix stops at a bad byte",
	    utf8_valid_prefix("abcdefghij\xFFk", 12) == 10);
	CHECK("overlong two-byte form is invalid",
	    utf8_sequence((const unsigned char *)"\xC0\xAF", 2) < 0);
	CHECK("overlong three-byte form is invalid",
	    utf8_sequence((const unsigned char *)"\xE0\x80\xAF", 3) < 0);
	CHECK("surrogate U+D800 is invalid",
	    utf8_sequence((const unsigned char *)"\xED\xA0\x80", 3) < 0);
	CHECK("U+110000 is invalid",
	    utf8_sequence((const unsigned char *)"\xF4\x90\x80\x80", 4) < 0);
	CHECK("U+10FFFF is valid",
	    utf8_sequence((const unsigned char *)"\xF4\x8F\xBF\xBF", 4) == 4);
	CHECK("a lone continuation byte becomes one U+FFFD",
	    repairs_to("a\x80z", 3, "a" R "z", 1));
	CHECK("a truncated sequence becomes one U+FFFD",
	    repairs_to("a\xE2\x80z", 4, "a" R "z", 1));
	CHECK("a truncated sequence at the end becomes one U+FFFD",
	    repairs_to("ab\xF0\x9F\x98", 5, "ab" R, 1));
	CHECK("each byte of an overlong form becomes U+FFFD",
	    repairs_to("\xC0\xAF", 2, R R, 2));
	CHECK("an encoded surrogate becomes three U+FFFD",
	    repairs_to("\xED\xA0\x80", 3, R R R, 3));
	CHECK("valid text is unchanged",
	    repairs_to("caf\xC3\xA9", 5, "caf\xC3\xA9", 0));
	{
		size_t len;
		uint32_t c;

		c = utf8_decode("\xC3\x87" "a", 3, &len);
		CHECK("utf8_decode: a two-byte letter", c == 0xC7 && len == 2);
		c = utf8_decode("\xE2\x80\x99", 3, &len);
		CHECK("utf8_decode: U+2019", c == 0x2019 && len == 3);
		c = utf8_decode("\xF0\x9F\x98\x80", 4, &len);
		CHECK("utf8_decode: four bytes", c == 0x1F600 && len == 4);
		c = utf8_decode("\xE2\x80", 2, &len);
		CHECK("utf8_decode: a cut sequence is U+FFFD, its 2 bytes",
		    c == 0xFFFD && len == 2);
		c = utf8_decode("\xFF" "x", 2, &len);
		CHECK("utf8_decode: a bad byte is U+FFFD, 1 byte",
		    c == 0xFFFD && len == 1);
	}
	return check_status();
}
