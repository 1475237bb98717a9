/*
 * normalize.h: the text two documents are compared by.
 *
 * A body is normalised before it is hashed: letters are folded to lower
 * case, punctuation and '#' count as white space, and white space is
 * collapsed to single spaces between words.  --normalize chooses which of
 * these is done (exact mode); near mode always compares the words.
 */
#ifndef NORMALIZE_H
#define NORMALIZE_H

#include <stddef.h>

#include "buf.h"

enum {
	NORM_CASE = 1,		/* fold A-Z and Latin-1 capitals */
	NORM_PUNCT = 2,		/* punctuation and '#' are white space */
	NORM_SPACE = 4,		/* runs of white space are one space */
	NORM_ALL = NORM_CASE | NORM_PUNCT | NORM_SPACE
};

/*
 * Parse a --normalize list ("case,punct,space", "all" or "none") into
 * flags; -1 when it names something else.
 */
int norm_parse(const char *list);

/* Set out to the normalised s[0..n). */
/*
 * Build norm_text()'s tables, which it does itself when it must: call
 * this first when it runs on several threads at once.
 */
void norm_init(void);

void norm_text(struct buf *out, const char *s, size_t n, unsigned flags);

#endif
