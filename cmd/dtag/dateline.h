/*
 * dateline.h: the publication date and the dateline place of a news
 * body, from its opening lines and its closing lines (the rules are at
 * the top of dateline.c).
 */
#ifndef DATELINE_H
#define DATELINE_H

#include <stddef.h>

#include "date.h"

struct dateline {
	int has_date;
	struct date date;
	/*
	 * where in the body the date that gave `date` is, so the caller can
	 * leave it out of the list of mentioned dates
	 */
	size_t date_off, date_len;
	const char *place;	/* into the body, NULL when none */
	size_t place_len;
};

/*
 * Find the publication date and dateline place of body[0..n).
 * known_place(s, n, arg) returns nonzero when s[0..n) is a known place
 * name; it may be NULL, and then only a place in capitals counts where
 * a known one is needed.  Looks at the first 4096 bytes and the last
 * lines only, whatever the length of the body.
 */
void dateline_find(const char *body, size_t n, enum date_order order,
    int (*known_place)(const char *, size_t, void *), void *arg,
    struct dateline *out);

#endif
