/*
 * utf8.h: check and repair UTF-8.
 *
 * Valid means well-formed as in Unicode 15, table 3-7: no overlong
 * forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.  Repair
 * replaces each maximal ill-formed subpart with U+FFFD, as Unicode and
 * the WHATWG encoding standard recommend.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define UTF8_REPLACEMENT "\xEF\xBF\xBD"	/* U+FFFD */

/*
 * Byte length of the white space character at s[0..n) (n > 0): ASCII
 * white space, U+00A0, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F
 * or U+3000; 0 for any other.
 */
size_t utf8_space_len(const char *s, size_t n);

/* Length of the longest valid prefix of s[0..n). */
size_t utf8_valid_prefix(const char *s, size_t n);

/*
 * Length of the longest prefix of s[0..n) that is valid and holds no
 * control byte (below 0x20) but tab: plain text, which needs no other
 * look before it is used.
 */
size_t utf8_text_prefix(const char *s, size_t n);

/*
 * Length of the well-formed sequence at s (1 to 4), or, when it is not
 * well-formed, minus the length of its maximal ill-formed subpart.
 */
int utf8_sequence(const unsigned char *s, size_t n);

/*
 * The code point of the character at s[0..n) (n > 0), its length in
 * *len; U+FFFD, with the length of the ill-formed subpart, when the
 * bytes there are not well-formed.
 */
uint32_t utf8_decode(const char *s, size_t n, size_t *len);

/*
 * Append s[0..n) to b with each ill-formed subpart replaced by U+FFFD.
 * Returns the number of replacements.
 */
size_t utf8_repair(struct buf *b, const char *s, size_t n);

#endif
