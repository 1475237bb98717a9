/*
 * lang.h: guess the language of a body from its letters.
 *
 * Only the first LANG_SCAN bytes of a text are looked at (less up to
 * three, so that the cut falls on a UTF-8 character boundary): a long
 * body costs no more than a short one.  The answer is an ISO 639-1 code
 * or "und" when the text is too short, mixed, or in no language the
 * rules know; the rules are at the top of lang.c.
 *
 * lang_init() must be called once, before any thread calls
 * lang_detect(): it builds the one table lang_detect() reads and never
 * writes, so that threads may then call lang_detect() at the same time.
 */
#ifndef LANG_H
#define LANG_H

#include <stddef.h>

#include "token.h"

#define LANG_SCAN	((size_t)16384)	/* bytes of a text looked at, at most */

/*
 * Build the table of stop words.  Returns 0, or -1 when the word lists
 * are broken (a word listed twice, or too long).
 */
int lang_init(void);

/*
 * The language of s[0..n), UTF-8 text: an ISO 639-1 code ("en", "ur",
 * ...) or "und" when unsure.  The string is a constant.
 */
const char *lang_detect(const char *s, size_t n);

/*
 * The same from the tokens tok[0..ntok) that tok_scan() cut from
 * s[0..covered), the start of s[0..n): faster, as the tokens of ASCII
 * letters need no second look.  When covered is shorter than what
 * lang_detect() would look at, it is lang_detect()'s answer.  The two
 * differ only where the tokens and the letters part: an ill-formed byte
 * inside a word ends it here, and the few letters that are no part of a
 * token (ª º 々 〆 〇) are not counted.
 */
const char *lang_detect_tokens(const char *s, size_t n, size_t covered,
    const struct token *tok, size_t ntok);

#endif
