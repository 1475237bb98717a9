/*
 * record.h: the record stream of dstream(5).
 *
 * A record is header lines "key: value", an empty line, the body, and a
 * NUL byte.  Keys are [a-z][a-z0-9_]*; values are one line, with newline,
 * tab and backslash written \n, \t and \\.  A key may repeat.  The first
 * key is id.
 */
#ifndef RECORD_H
#define RECORD_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "chunk.h"
#include "msg.h"
#include "output.h"

struct field {
	const char *key;	/* not NUL-terminated: use keylen */
	size_t keylen;
	const char *val;	/* unescaped, not NUL-terminated */
	size_t vallen;
};

struct arena_block;

struct record {
	struct field *fields;
	size_t nfields;
	size_t cap;
	const char *body;	/* not owned; body[bodylen] may not be NUL */
	size_t bodylen;
	const char *raw;	/* the record as read, when unchanged */
	size_t rawlen;
	struct arena_block *arena;	/* copies of values, freed by rec_clear */
};

void rec_init(struct record *rec);
void rec_clear(struct record *rec);	/* forget fields, body, copies */
void rec_free(struct record *rec);

/* Append a header; key and value are copied. */
void rec_add(struct record *rec, const char *key, size_t keylen,
    const char *val, size_t vallen);
void rec_adds(struct record *rec, const char *key, const char *val);
void rec_addf(struct record *rec, const char *key, const char *fmt, ...)
    MSG_PRINTF(3, 4);

/* Set the body; it is not copied and must outlive the record's use. */
void rec_set_body(struct record *rec, const char *body, size_t len);

/* Copy n bytes into the record's arena, e.g. a repaired body. */
char *rec_alloc(struct record *rec, size_t n);

/* The first field named key, or NULL. */
const struct field *rec_get(const struct record *rec, const char *key);

/* Nonzero when field f is named key. */
int field_is(const struct field *f, const char *key);

/* Nonzero when s[0..n) is a valid key: [a-z][a-z0-9_]* */
int key_valid(const char *s, size_t n);

/*
 * Parse one record from p[0..n) (without its NUL) into rec; values with
 * escapes are unescaped into the record's arena, everything else points
 * into p.  Returns 0, or -1 with a message in err and *erroff set to the
 * offset within p of the offending line.
 */
int rec_parse(struct record *rec, const char *p, size_t n, char *err,
    size_t errlen, size_t *erroff);

/* Write rec, escaping values, and the NUL that ends it. */
int rec_write(struct output *o, const struct record *rec);

/* Append the escaped form of a value (\n, \t, \\) to o. */
int rec_write_escaped(struct output *o, const char *s, size_t n);

/* Append s[0..n) to b escaped as a header value is. */
void rec_escape(struct buf *b, const char *s, size_t n);

/*
 * Write one header line, "key: value" with the value escaped, or
 * "key: first-last"; for programs that write records without building
 * them (a record then ends with an empty line, the body and a NUL).
 */
int rec_write_field(struct output *o, const char *key, const char *val,
    size_t n);
int rec_write_range(struct output *o, const char *key, uint64_t first,
    uint64_t last);

/* Reading records from an input. */
enum {
	REC_ERROR = -1,		/* input error: stop reading this input */
	REC_END = 0,
	REC_OK = 1,
	REC_BAD = 2		/* a malformed record: skipped, see err */
};

struct rec_reader {
	struct chunk_reader chunks;
	uint64_t recno;		/* number of the last record, from 1 */
	char err[256];		/* "record N, byte B: what is wrong" */
};

void rec_reader_init(struct rec_reader *r, struct input *in);
void rec_reader_free(struct rec_reader *r);
/*
 * Read the next record into rec.  For REC_BAD and REC_ERROR, r->err says
 * what is wrong; for REC_BAD it names the record's number and the byte
 * (counted from 1 in the decompressed stream) of the offending line.
 */
int rec_read(struct rec_reader *r, struct record *rec);

#endif
