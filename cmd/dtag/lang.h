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

#endif
