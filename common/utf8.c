/* utf8.c: check and repair UTF-8. */
#include <stdint.h>
#include <string.h>

#include "utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The first byte at or after i of s[0..n) that is not ASCII, or n. */
static inline size_t
skip_ascii(const unsigned char *s, size_t i, size_t n)
{
	uint64_t w;

#if defined(__SSE2__)
	while (i + 32 <= n) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i + 16));

		if (_mm_movemask_epi8(_mm_or_si128(a, b)) != 0)
			break;
		i += 32;
	}
#endif
	while (i + 8 <= n) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

int
utf8_sequence(const unsigned char *s, size_t n)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	int len, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;		/* no overlong forms */
		else if (c == 0xED)
			hi = 0x9F;		/* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;		/* no overlong forms */
		else if (c == 0xF4)
			hi = 0x8F;		/* nothing above U+10FFFF */
	} else
		return -1;
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n || s[i] < lo || s[i] > hi)
			return -i;
		lo = 0x80;
		hi = 0xBF;
	}
	return len;
}

#if defined(__SSE2__)
/* A bit for each of the 16 bytes at p that is not printable ASCII or tab. */
static inline unsigned
odd_bits(const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	/* signed: bytes of 0x80 and more are below 0x20 too */
	__m128i odd = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
	    _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));

	return (unsigned)_mm_movemask_epi8(odd);
}
#endif

/*
 * The first byte at or after i of s[0..n) that is not printable ASCII or
 * tab, or n.
 */
static inline size_t
skip_plain(const unsigned char *s, size_t i, size_t n)
{
#if defined(__SSE2__)
	unsigned bits;

	for (; i + 16 <= n; i += 16)
		if ((bits = odd_bits(s + i)) != 0)
			return i + (size_t)__builtin_ctz(bits);
	if (i < n && n >= 16) {		/* the last 16 bytes, some seen */
		bits = odd_bits(s + n - 16) >> (i - (n - 16));
		return bits == 0 ? n : i + (size_t)__builtin_ctz(bits);
	}
#endif
	while (i < n && ((s[i] >= 0x20 && s[i] < 0x80) || s[i] == '\t'))
		i++;
	return i;
}

/*
 * The longest valid prefix of s[0..n); with text, the longest that holds
 * no control byte but tab either.
 */
static inline size_t
valid_prefix(const unsigned char *s, size_t n, int text)
{
	size_t i = 0;
	int len;

	while ((i = text ? skip_plain(s, i, n) : skip_ascii(s, i, n)) < n) {
		if (s[i] < 0x80)
			return i;		/* a control byte (text) */
		len = utf8_sequence(s + i, n - i);
		if (len < 0)
			return i;
		i += (size_t)len;
	}
	return i;
}

size_t
utf8_valid_prefix(const char *s, size_t n)
{
	return valid_prefix((const unsigned char *)s, n, 0);
}

uint32_t
utf8_decode(const char *str, size_t n, size_t *len)
{
	static const unsigned char lead_bits[5] = { 0, 0x7F, 0x1F, 0x0F, 0x07 };
	const unsigned char *s = (const unsigned char *)str;
	int k = utf8_sequence(s, n), i;
	uint32_t c;

	if (k < 0) {
		*len = (size_t)-k;
		return 0xFFFD;
	}
	c = s[0] & lead_bits[k];
	for (i = 1; i < k; i++)
		c = c << 6 | (s[i] & 0x3F);
	*len = (size_t)k;
	return c;
}

size_t
utf8_text_prefix(const char *s, size_t n)
{
	return valid_prefix((const unsigned char *)s, n, 1);
}

size_t
utf8_space_len(const char *str, size_t n)
{
	const unsigned char *p = (const unsigned char *)str;

	switch (p[0]) {
	case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
		return 1;
	case 0xC2:		/* U+00A0 */
		return n >= 2 && p[1] == 0xA0 ? 2 : 0;
	case 0xE2:	/* U+2000..U+200A, U+2028, U+2029, U+202F, U+205F */
		if (n < 3)
			return 0;
		if (p[1] == 0x80 && p[2] >= 0x80 && (p[2] <= 0x8A ||
		    p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF))
			return 3;
		return p[1] == 0x81 && p[2] == 0x9F ? 3 : 0;
	case 0xE3:		/* U+3000 */
		return n >= 3 && p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
	default:
		return 0;
	}
}

size_t
utf8_repair(struct buf *b, const char *s, size_t n)
{
	size_t ok, bad = 0;
	int len;

	buf_reserve(b, n);
	while (n > 0) {
		ok = utf8_valid_prefix(s, n);
		buf_append(b, s, ok);
		s += ok;
		n -= ok;
		if (n == 0)
			break;
		len = -utf8_sequence((const unsigned char *)s, n);
		buf_append(b, UTF8_REPLACEMENT, 3);
		s += len;
		n -= (size_t)len;
		bad++;
	}
	return bad;
}
