/*
 * fromjson.c: JSON Lines to records (djson -d), parsed with jansson.
 *
 * The member named by --id-field becomes the id (made from the input name
 * and line number when absent), the one named by --text-field the body,
 * and every other member a header: arrays become repeated keys (a
 * two-number array the range "a-b"), numbers and booleans their JSON
 * text, objects and nested arrays their compact JSON, null nothing.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chunk.h"
#include "djson.h"
#include "keys.h"
#include "prog.h"

static uint64_t *nuls_dropped;

/* Append s[0..n) to b without its NUL bytes, counting them. */
static void
append_without_nul(struct buf *b, const char *s, size_t n)
{
	const char *nul;

	while ((nul = memchr(s, '\0', n)) != NULL) {
		buf_append(b, s, (size_t)(nul - s));
		(*nuls_dropped)++;
		n -= (size_t)(nul - s) + 1;
		s = nul + 1;
	}
	buf_append(b, s, n);
}

/*
 * Append the header text of scalar v to b: 1 when written, 0 for null.
 * Objects and arrays are written as compact JSON.
 */
static int
scalar_text(struct buf *b, json_t *v)
{
	char num[64];
	char *dump;

	switch (json_typeof(v)) {
	case JSON_NULL:
		return 0;
	case JSON_STRING:
		append_without_nul(b, json_string_value(v),
		    json_string_length(v));
		return 1;
	case JSON_INTEGER:
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		buf_puts(b, num);
		return 1;
	case JSON_REAL:
		json_format_real(num, sizeof(num), json_real_value(v));
		buf_puts(b, num);
		return 1;
	case JSON_TRUE:
		buf_puts(b, "true");
		return 1;
	case JSON_FALSE:
		buf_puts(b, "false");
		return 1;
	default:
		dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		if (dump != NULL)
			buf_puts(b, dump);
		free(dump);
		return 1;
	}
}

/*
 * Make b the NUL-terminated record key for JSON member name, after
 * prefix: ASCII letters lowercased, other characters than letters and
 * digits made '_', and an 'x' first when the key would not start with a
 * letter.
 */
static void
make_key(struct buf *b, const char *prefix, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;

	b->len = 0;
	buf_puts(b, prefix);
	if (b->len == 0 && !(*s >= 'a' && *s <= 'z') &&
	    !(*s >= 'A' && *s <= 'Z'))
		buf_putc(b, 'x');
	for (; *s != '\0'; s++) {
		if (*s >= 'A' && *s <= 'Z')
			buf_putc(b, (char)(*s - 'A' + 'a'));
		else if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			buf_putc(b, (char)*s);
		else
			buf_putc(b, '_');
	}
	buf_putc(b, '\0');
	b->len--;
}

struct decoder {
	const struct djson_opts *opts;
	struct record rec;
	struct buf key;
	struct buf val;
	struct buf body;
};

/* Nonzero when v is an array of two integers: a range "a-b". */
static int
is_range(json_t *v)
{
	return json_is_array(v) && json_array_size(v) == 2 &&
	    json_is_integer(json_array_get(v, 0)) &&
	    json_is_integer(json_array_get(v, 1));
}

/* Add header key for v: a range, a scalar, or compact JSON. */
static void
add_header(struct decoder *d, const char *key, int range_key, json_t *v)
{
	char range[64];

	if (range_key && is_range(v)) {
		snprintf(range, sizeof(range),
		    "%" JSON_INTEGER_FORMAT "-%" JSON_INTEGER_FORMAT,
		    json_integer_value(json_array_get(v, 0)),
		    json_integer_value(json_array_get(v, 1)));
		rec_adds(&d->rec, key, range);
		return;
	}
	d->val.len = 0;
	if (scalar_text(&d->val, v))
		rec_add(&d->rec, key, strlen(key), d->val.p ? d->val.p : "",
		    d->val.len);
}

/*
 * Add member name = v to the record as headers: an array as one header
 * per element, unless it is itself a range.  A name that maps to id or
 * to the text field is kept apart as orig_NAME.
 */
static void
add_member(struct decoder *d, const char *name, json_t *v)
{
	int range_key;
	size_t i;

	make_key(&d->key, "", name);
	if (strcmp(d->key.p, "id") == 0 ||
	    strcmp(d->key.p, d->opts->text_field) == 0)
		make_key(&d->key, "orig_", name);
	range_key = key_kind(d->key.p, d->key.len) == KEY_RANGE;
	if (!json_is_array(v) || (range_key && is_range(v))) {
		add_header(d, d->key.p, range_key, v);
		return;
	}
	for (i = 0; i < json_array_size(v); i++)
		add_header(d, d->key.p, range_key, json_array_get(v, i));
}

/*
 * Turn one JSON line into a record and write it.  Returns NULL, or what
 * is wrong with the line.
 */
static const char *
decode_line(struct decoder *d, const char *src, uint64_t lineno,
    const char *line, size_t n, char *why, size_t whylen)
{
	const struct djson_opts *opts = d->opts;
	json_error_t jerr;
	json_t *obj, *v, *text;
	const char *name;
	void *it;

	obj = json_loadb(line, n, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES,
	    &jerr);
	if (obj == NULL) {
		const char *nul = memchr(line, '\0', n);

		/* jansson takes a NUL byte between tokens for the end */
		if (nul != NULL && strstr(jerr.text, "end of file") != NULL)
			snprintf(why, whylen, "a NUL byte outside a string "
			    "(column %d)", (int)(nul - line) + 1);
		else
			snprintf(why, whylen, "%s (column %d)", jerr.text,
			    jerr.column);
		return why;
	}
	if (!json_is_object(obj)) {
		json_decref(obj);
		return "not a JSON object";
	}
	text = json_object_get(obj, opts->text_field);
	if (text == NULL || !json_is_string(text)) {
		json_decref(obj);
		snprintf(why, whylen, text ? "\"%s\" is not a string" :
		    "no \"%s\" member", opts->text_field);
		return why;
	}
	rec_clear(&d->rec);
	v = json_object_get(obj, opts->id_field);
	d->val.len = 0;
	if (v == NULL || !scalar_text(&d->val, v) || d->val.len == 0)
		rec_addf(&d->rec, "id", "%s:%llu", src,
		    (unsigned long long)lineno);
	else
		rec_add(&d->rec, "id", 2, d->val.p, d->val.len);
	for (it = json_object_iter(obj); it != NULL;
	    it = json_object_iter_next(obj, it)) {
		name = json_object_iter_key(it);
		if (strcmp(name, opts->id_field) != 0 &&
		    strcmp(name, opts->text_field) != 0)
			add_member(d, name, json_object_iter_value(it));
	}
	d->body.len = 0;
	append_without_nul(&d->body, json_string_value(text),
	    json_string_length(text));
	rec_set_body(&d->rec, d->body.p ? d->body.p : "", d->body.len);
	rec_write(&prog.out, &d->rec);
	json_decref(obj);
	return NULL;
}

static int
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static void
decode_input(struct decoder *d, struct input *in)
{
	struct chunk_reader r;
	char why[200];
	const char *bad;
	uint64_t lineno = 0;
	char *line;
	size_t n;
	int ret;

	chunk_init(&r, in, '\n');
	r.max = (size_t)prog.max_record;
	while ((ret = chunk_next(&r, &line, &n)) != CHUNK_END) {
		if (ret == CHUNK_ERROR) {
			prog_error("%s: %s", input_label(in), input_error(in));
			break;
		}
		lineno++;
		if (ret != CHUNK_TOO_BIG && is_blank(line, n))
			continue;
		prog.records_in++;
		bad = ret == CHUNK_TOO_BIG ? "line too long (see --max-record)"
		    : decode_line(d, input_name(in), lineno, line, n, why,
		    sizeof(why));
		if (bad == NULL) {
			prog.records_out++;
		} else {
			prog.bad++;
			if (!prog.skip_bad)
				prog_error("%s:%llu: %s", input_label(in),
				    (unsigned long long)lineno, bad);
		}
		prog_tick(chunk_consumed(&r));
	}
	prog.bytes_in += chunk_consumed(&r);
	chunk_free(&r);
}

void
fromjson_inputs(int argc, char **argv, const struct djson_opts *opts)
{
	struct decoder d;
	struct input *in;
	int i;

	memset(&d, 0, sizeof(d));
	d.opts = opts;
	rec_init(&d.rec);
	nuls_dropped = prog_counter("nul bytes dropped");
	prog_default_stdin(&argc, &argv);
	for (i = 0; i < argc; i++) {
		if ((in = prog_open(argv[i])) == NULL)
			continue;
		decode_input(&d, in);
		input_close(in);
	}
	rec_free(&d.rec);
	buf_free(&d.key);
	buf_free(&d.val);
	buf_free(&d.body);
}
