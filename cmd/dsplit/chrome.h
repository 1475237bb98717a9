/*
 * chrome.h: the phrases of site chrome and of bylines, in tables that a
 * user can extend with --chrome-file.
 */
#ifndef CHROME_H
#define CHROME_H

#include <stddef.h>

/*
 * Read more chrome phrases from path: one a line, "end: PHRASE" for
 * chrome that closes a page, "top: PHRASE" for chrome that opens one,
 * plain "PHRASE" for chrome that may stand anywhere; '#' starts a
 * comment line.  Returns 0, or -1 with a message in err.
 */
int chrome_load(const char *path, char *err, size_t errlen);

/*
 * Sort the phrases for matching.  The matchers do it when they must, but
 * call this before they run on several threads at once.
 */
void chrome_ready(void);

/* The LF_CHROME_* flag for the line s[0..n), or 0. */
unsigned chrome_match(const char *s, size_t n, unsigned words);

/* Nonzero when s[0..n) reads like a byline: an office, a desk, "By X". */
int byline_match(const char *s, size_t n, unsigned words);

void chrome_free(void);

#endif
