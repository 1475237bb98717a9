/* dsplit.h: the parts of dsplit. */
#ifndef DSPLIT_H
#define DSPLIT_H

#include "input.h"

enum dsplit_unit { UNIT_DOC, UNIT_PARA, UNIT_SENT };
enum dsplit_format { FORMAT_TEXT, FORMAT_LINES, FORMAT_WARC, FORMAT_RECORDS };

struct dsplit_opts {
	enum dsplit_unit unit;
	enum dsplit_format format;
	const char *boundary;	/* -b: a PCRE2 pattern, or NULL */
	const char *chrome_file;
	int keep_chrome;
};

/* whole.c: the input as one document; whole_init() first. */
void whole_init(void);
void whole_input(struct input *in, const struct dsplit_opts *opts);

#endif
