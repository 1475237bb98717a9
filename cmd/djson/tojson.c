/*
 * tojson.c: records to JSON Lines.
 *
 * Each header becomes a member, in the order of first appearance; a key
 * that repeats, or that dstream(5) says may repeat, becomes an array; a
 * count is a number and a range ("3-17") a two-number array, when the
 * value is written the canonical way (so that djson -d gives back the same
 * bytes); the body is the member named by --text-field.
 */
#include <stdlib.h>
#include <string.h>

#include "djson.h"
#include "keys.h"
#include "prog.h"

static uint64_t *repaired;
static uint64_t written;	/* objects written, for -a */

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/* Nonzero when s[0..n) is an integer without sign or leading zeros. */
static int
is_canonical_uint(const char *s, size_t n)
{
	return n <= 18 && all_digits(s, n) && (s[0] != '0' || n == 1);
}

/*
 * Nonzero when s[0..n) is a number that djson -d writes back the same:
 * an integer, or a decimal fraction as json_format_real() writes it.
 */
static int
is_canonical_number(const char *s, size_t n)
{
	char text[64], back[64];
	int neg = n > 1 && s[0] == '-';

	if (is_canonical_uint(s + neg, n - (size_t)neg))
		return !(neg && s[1] == '0');		/* not -0 */
	if (n >= sizeof(text) || memchr(s, '.', n) == NULL)
		return 0;
	memcpy(text, s, n);
	text[n] = '\0';
	json_format_real(back, sizeof(back), strtod(text, NULL));
	return strcmp(text, back) == 0;
}

/* Write one value as its key's kind says. */
static int
write_value(struct output *o, const struct field *f, enum key_kind kind)
{
	const char *dash;

	if (kind == KEY_NUMBER && is_canonical_number(f->val, f->vallen))
		return out_write(o, f->val, f->vallen);
	if (kind == KEY_RANGE &&
	    (dash = memchr(f->val, '-', f->vallen)) != NULL &&
	    is_canonical_uint(f->val, (size_t)(dash - f->val)) &&
	    is_canonical_uint(dash + 1,
	    (size_t)(f->val + f->vallen - dash - 1))) {
		if (out_putc(o, '[') < 0 ||
		    out_write(o, f->val, (size_t)(dash - f->val)) < 0 ||
		    out_putc(o, ',') < 0 ||
		    out_write(o, dash + 1,
		    (size_t)(f->val + f->vallen - dash - 1)) < 0)
			return -1;
		return out_putc(o, ']');
	}
	return json_write_string(o, f->val, f->vallen, repaired);
}

static int
same_key(const struct field *a, const struct field *b)
{
	return a->keylen == b->keylen && memcmp(a->key, b->key, a->keylen) == 0;
}

static int
wanted(const struct djson_opts *opts, const char *key, size_t len)
{
	size_t i;

	if (opts->fields == NULL)
		return 1;
	for (i = 0; i < opts->nfields; i++)
		if (strlen(opts->fields[i]) == len &&
		    memcmp(opts->fields[i], key, len) == 0)
			return 1;
	return 0;
}

/*
 * Write field i as a member, with its repeats as an array, unless it
 * repeats an earlier field and was written with it.
 */
static void
write_member(struct output *o, const struct record *rec, size_t i,
    int *first)
{
	const struct field *f = &rec->fields[i];
	enum key_kind kind = key_kind(f->key, f->keylen);
	size_t j, count = 0;

	for (j = 0; j < i; j++)
		if (same_key(&rec->fields[j], f))
			return;		/* written with its first */
	for (j = i; j < rec->nfields; j++)
		count += same_key(&rec->fields[j], f);
	out_write(o, *first ? "{\"" : ",\"", 2);
	*first = 0;
	out_write(o, f->key, f->keylen);
	out_write(o, "\":", 2);
	if (count == 1 && kind != KEY_LIST) {
		write_value(o, f, kind);
		return;
	}
	out_putc(o, '[');
	for (j = i; j < rec->nfields; j++) {
		if (!same_key(&rec->fields[j], f))
			continue;
		if (j != i)
			out_putc(o, ',');
		write_value(o, &rec->fields[j], kind);
	}
	out_putc(o, ']');
}

void
tojson_begin(const struct djson_opts *opts)
{
	repaired = prog_counter("invalid utf-8 repaired");
	if (opts->array)
		out_puts(&prog.out, "[\n");
}

void
tojson_end(const struct djson_opts *opts)
{
	if (opts->array)
		out_puts(&prog.out, written ? "\n]\n" : "]\n");
}

void
tojson_record(struct record *rec, void *arg)
{
	const struct djson_opts *opts = arg;
	struct output *o = &prog.out;
	const char *text = opts->text_field;
	size_t i, textlen = strlen(text);
	int first = 1;

	for (i = 0; i < rec->nfields; i++) {
		if (rec->fields[i].keylen == textlen &&
		    memcmp(rec->fields[i].key, text, textlen) == 0) {
			prog_bad_record("header '%s' clashes with the text "
			    "field", text);
			return;
		}
	}
	if (opts->array && written > 0)
		out_write(o, ",\n", 2);
	for (i = 0; i < rec->nfields; i++)
		if (wanted(opts, rec->fields[i].key, rec->fields[i].keylen))
			write_member(o, rec, i, &first);
	if (wanted(opts, text, textlen)) {
		out_write(o, first ? "{\"" : ",\"", 2);
		first = 0;
		out_write(o, text, textlen);
		out_write(o, "\":", 2);
		json_write_string(o, rec->body, rec->bodylen, repaired);
	}
	out_write(o, first ? "{}" : "}", first ? 2 : 1);
	if (!opts->array)
		out_putc(o, '\n');
	written++;
	prog.records_out++;
}
