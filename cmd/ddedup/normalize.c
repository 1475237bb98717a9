/*
 * normalize.c: fold case, drop punctuation, collapse white space.
 *
 * White space is ASCII white space, U+00A0, U+2000..U+200A, U+2028,
 * U+2029, U+202F, U+205F and U+3000.  Punctuation is ASCII punctuation
 * and symbols, U+00A1..U+00BF, U+00D7, U+00F7, the rest of U+2000..U+206F
 * (dashes, quotes, bullets, ellipsis) and of U+3000..U+303F.  Other bytes,
 * and invalid UTF-8, are parts of words.
 */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "normalize.h"
#include "utf8.h"

enum cls { C_WORD, C_SPACE, C_PUNCT };

int
norm_parse(const char *list)
{
	const char *p = list, *e;
	size_t n;
	int flags = 0;

	if (strcmp(list, "all") == 0)
		return NORM_ALL;
	if (strcmp(list, "none") == 0)
		return 0;
	while (*p != '\0') {
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (n == 4 && strncmp(p, "case", 4) == 0)
			flags |= NORM_CASE;
		else if (n == 5 && strncmp(p, "punct", 5) == 0)
			flags |= NORM_PUNCT;
		else if (n == 5 && strncmp(p, "space", 5) == 0)
			flags |= NORM_SPACE;
		else
			return -1;
		p += n;
		if (*p == ',' && *++p == '\0')
			return -1;	/* a trailing comma */
	}
	return flags != 0 || *list != '\0' ? flags : -1;
}

/* The class of each ASCII byte, and its lower case. */
static unsigned char ascii_cls[128], ascii_low[128];

void
norm_init(void)
{
	int c;

	for (c = 0; c < 128; c++) {
		ascii_low[c] = (unsigned char)(c >= 'A' && c <= 'Z' ?
		    c + 0x20 : c);
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'))
			ascii_cls[c] = C_WORD;
		else if (c <= ' ' || c == 0x7F)
			ascii_cls[c] = C_SPACE;
		else
			ascii_cls[c] = C_PUNCT;
	}
}

/*
 * The class of the character at s[0..n) (not ASCII), its length in *len
 * and, for a capital that folds, its lower case in low[0..*len).
 */
static enum cls
wide_class(const unsigned char *s, size_t n, size_t *len, unsigned char *low)
{
	unsigned c1 = n > 1 ? s[1] : 0, c2 = n > 2 ? s[2] : 0;

	if ((*len = utf8_space_len((const char *)s, n)) > 0)
		return C_SPACE;
	*len = 1;
	if (s[0] == 0xC2 && c1 >= 0xA1 && c1 <= 0xBF) {
		*len = 2;
		return C_PUNCT;
	}
	if (s[0] == 0xC3 && c1 >= 0x80 && c1 <= 0xBF) {
		*len = 2;
		if (c1 == 0x97 || c1 == 0xB7)
			return C_PUNCT;		/* × ÷ */
		low[0] = 0xC3;
		low[1] = (unsigned char)(c1 <= 0x9E ? c1 + 0x20 : c1);
		return C_WORD;
	}
	if ((s[0] == 0xE2 && (c1 == 0x80 || c1 == 0x81)) ||
	    (s[0] == 0xE3 && c1 == 0x80)) {
		if (c2 >= 0x80 && c2 <= 0xBF) {
			*len = 3;	/* the rest of U+2000..U+206F, U+3000.. */
			return C_PUNCT;
		}
	}
	/* another character: copy its bytes as they are */
	while (*len < n && *len < 4 && (s[*len] & 0xC0) == 0x80 &&
	    s[0] >= 0xC0)
		(*len)++;
	memcpy(low, s, *len);
	return C_WORD;
}

#if defined(__SSE2__)
/*
 * Copy ASCII letters and digits with single spaces between them,
 * lower-cased with NORM_CASE, from s + *i to *o, 16 bytes at a time: the
 * bulk of most texts.  Returns at the first byte that is anything else,
 * a second space, or a space that opens a block (the scalar loop
 * decides those).
 */
static void
plain_blocks(const unsigned char *s, size_t n, size_t *i, unsigned char **o,
    const unsigned char *start, int *gap, unsigned flags)
{
	const __m128i a = _mm_set1_epi8('a' - 1), z = _mm_set1_epi8('z' + 1);
	const __m128i A = _mm_set1_epi8('A' - 1), Z = _mm_set1_epi8('Z' + 1);
	const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1);
	const __m128i sp = _mm_set1_epi8(' '), bit = _mm_set1_epi8(0x20);

	while (*i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + *i));
		__m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, A),
		    _mm_cmplt_epi8(v, Z));
		__m128i lower = _mm_and_si128(_mm_cmpgt_epi8(v, a),
		    _mm_cmplt_epi8(v, z));
		__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, d0),
		    _mm_cmplt_epi8(v, d9));
		unsigned word = (unsigned)_mm_movemask_epi8(_mm_or_si128(upper,
		    _mm_or_si128(lower, digit)));
		unsigned space = (unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(v, sp));

		/* the bytes before the first that is neither part of a word
		 * nor a single space go as they are */
		unsigned bad = ~(word | space) & 0xFFFF, p;

		if (flags & NORM_SPACE)
			bad |= (space << 1 & space) | (space & 1);
		p = bad != 0 ? (unsigned)__builtin_ctz(bad) : 16;
		if (p == 0)
			return;			/* the scalar loop decides */
		if (flags & NORM_SPACE) {
			if (*gap && *o > start)
				*(*o)++ = ' ';
			*gap = 0;
		}
		if (flags & NORM_CASE)
			v = _mm_or_si128(v, _mm_and_si128(upper, bit));
		_mm_storeu_si128((__m128i *)(void *)*o, v);	/* room: n + 16 */
		if ((flags & NORM_SPACE) && (space >> (p - 1) & 1)) {
			*o += p - 1;		/* a final space is a gap */
			*gap = 1;
		} else {
			*o += p;
		}
		*i += p;
		if (p < 16)
			return;
	}
}
#endif

void
norm_text(struct buf *out, const char *str, size_t n, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)str;
	const unsigned char *low_of = ascii_low;
	unsigned char low[4], *o, *start;
	size_t i = 0, len;
	enum cls c;
	int gap = 0;		/* white space since the last word */
	int punct;

	if (ascii_low['A'] == 0)
		norm_init();
	if (!(flags & NORM_CASE))
		low_of = NULL;
	buf_reserve(out, n + 16);	/* the text never grows */
	o = start = (unsigned char *)out->p;
	while (i < n) {
#if defined(__SSE2__)
		plain_blocks(s, n, &i, &o, start, &gap, flags);
		if (i == n)
			break;
#endif
		if (s[i] < 0x80) {
			c = (enum cls)ascii_cls[s[i]];
			if (c == C_WORD) {	/* the common case */
				if (gap && o > start)
					*o++ = ' ';
				gap = 0;
				*o++ = low_of != NULL ? low_of[s[i]] : s[i];
				i++;
				continue;
			}
			len = 1;
			low[0] = s[i];
		} else {
			c = wide_class(s + i, n - i, &len, low);
			if (!(flags & NORM_CASE) || c != C_WORD)
				memcpy(low, s + i, len);
		}
		punct = c == C_PUNCT;
		if (punct && (flags & NORM_PUNCT))
			c = C_SPACE;
		if (c == C_SPACE) {
			if (flags & NORM_SPACE) {
				gap = 1;
			} else if (punct) {
				*o++ = ' ';
			} else {
				memcpy(o, s + i, len);
				o += len;
			}
		} else {
			if (gap && o > start)
				*o++ = ' ';
			gap = 0;
			memcpy(o, low, len);
			o += len;
		}
		i += len;
	}
	out->len = (size_t)(o - start);
}
