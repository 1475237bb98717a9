/* djson.h: the parts of djson. */
#ifndef DJSON_H
#define DJSON_H

#include <stddef.h>
#include <stdint.h>

#include "output.h"
#include "record.h"

struct djson_opts {
	const char *text_field;	/* --text-field: the body's JSON name */
	const char *id_field;	/* --id-field: the id's JSON name (-d) */
	int array;		/* -a: one JSON array */
	char **fields;		/* --fields: keep only these; NULL: all */
	size_t nfields;
};

/* jsonwrite.c: JSON strings, fast, with UTF-8 repair. */
int json_write_string(struct output *o, const char *s, size_t n,
    uint64_t *repaired);

/* Format d as the shortest decimal that reads back the same. */
void json_format_real(char *out, size_t len, double d);

/* tojson.c: records to JSON Lines. */
void tojson_record(struct record *rec, void *opts);
void tojson_begin(const struct djson_opts *opts);
void tojson_end(const struct djson_opts *opts);

/* fromjson.c: JSON Lines to records. */
void fromjson_inputs(int argc, char **argv, const struct djson_opts *opts);

#endif
