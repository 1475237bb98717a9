/* dsplit.h: the parts of dsplit. */
#ifndef DSPLIT_H
#define DSPLIT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "input.h"

enum dsplit_unit { UNIT_DOC, UNIT_PARA, UNIT_SENT };
enum dsplit_format { FORMAT_TEXT, FORMAT_LINES, FORMAT_WARC, FORMAT_RECORDS };

struct dsplit_opts {
	enum dsplit_unit unit;
	enum dsplit_format format;
	const char *boundary;	/* -b: a PCRE2 pattern, or NULL */
	pcre2_code *boundary_re;	/* compiled, with JIT when it can */
	pcre2_match_data *boundary_md;
	const char *chrome_file;
	int keep_chrome;
};

/* split.c: read the lines of an input and segment them; or read records
 * and split each into paragraphs or sentences. */
void split_input(struct input *in, const struct dsplit_opts *opts);
void split_records(int argc, char **argv, const struct dsplit_opts *opts);

/* warc.c: each conversion or response record of a WARC file a document. */
void split_warc(struct input *in, const struct dsplit_opts *opts);

#endif
