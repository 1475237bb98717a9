/* record.c: parse and write the records of dstream(5). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "buf.h"
#include "record.h"

#define ARENA_BLOCK 8192

struct arena_block {
	struct arena_block *next;
	size_t used;
	size_t cap;
	char data[];
};

void
rec_init(struct record *rec)
{
	memset(rec, 0, sizeof(*rec));
}

/* Free all arena blocks but the newest, which is emptied for reuse. */
void
rec_clear(struct record *rec)
{
	struct arena_block *b, *next;

	if (rec->arena != NULL) {
		for (b = rec->arena->next; b != NULL; b = next) {
			next = b->next;
			free(b);
		}
		rec->arena->next = NULL;
		rec->arena->used = 0;
	}
	rec->nfields = 0;
	rec->body = NULL;
	rec->bodylen = 0;
	rec->raw = NULL;
	rec->rawlen = 0;
}

void
rec_free(struct record *rec)
{
	rec_clear(rec);
	free(rec->arena);
	free(rec->fields);
	memset(rec, 0, sizeof(*rec));
}

char *
rec_alloc(struct record *rec, size_t n)
{
	struct arena_block *b = rec->arena;
	size_t cap;

	if (b == NULL || b->cap - b->used < n) {
		cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		b = xmalloc(sizeof(*b) + cap);
		b->cap = cap;
		b->used = 0;
		b->next = rec->arena;
		rec->arena = b;
	}
	b->used += n;
	return b->data + b->used - n;
}

static struct field *
new_field(struct record *rec)
{
	if (rec->nfields == rec->cap) {
		rec->cap = rec->cap ? rec->cap * 2 : 16;
		rec->fields = xrealloc(rec->fields,
		    rec->cap * sizeof(*rec->fields));
	}
	rec->raw = NULL;
	return &rec->fields[rec->nfields++];
}

void
rec_add(struct record *rec, const char *key, size_t keylen,
    const char *val, size_t vallen)
{
	struct field *f = new_field(rec);
	char *k = rec_alloc(rec, keylen + vallen);

	memcpy(k, key, keylen);
	if (vallen > 0)
		memcpy(k + keylen, val, vallen);
	f->key = k;
	f->keylen = keylen;
	f->val = k + keylen;
	f->vallen = vallen;
}

void
rec_adds(struct record *rec, const char *key, const char *val)
{
	rec_add(rec, key, strlen(key), val, strlen(val));
}

void
rec_addf(struct record *rec, const char *key, const char *fmt, ...)
{
	char small[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof(small)) {
		rec_add(rec, key, strlen(key), small, (size_t)n);
	} else if (n >= 0) {
		char *big = xmalloc((size_t)n + 1);

		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		rec_add(rec, key, strlen(key), big, (size_t)n);
		free(big);
	}
}

void
rec_set_body(struct record *rec, const char *body, size_t len)
{
	rec->body = body;
	rec->bodylen = len;
	rec->raw = NULL;
}

int
field_is(const struct field *f, const char *key)
{
	size_t n = strlen(key);

	return f->keylen == n && memcmp(f->key, key, n) == 0;
}

const struct field *
rec_get(const struct record *rec, const char *key)
{
	size_t i;

	for (i = 0; i < rec->nfields; i++)
		if (field_is(&rec->fields[i], key))
			return &rec->fields[i];
	return NULL;
}

int
key_valid(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

/* Unescape v[0..n) into the arena; -1 on a bad escape. */
static int
unescape(struct record *rec, struct field *f, const char *v, size_t n)
{
	char *d = rec_alloc(rec, n), *out = d;
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i] != '\\') {
			*out++ = v[i];
			continue;
		}
		if (++i == n)
			return -1;
		switch (v[i]) {
		case 'n': *out++ = '\n'; break;
		case 't': *out++ = '\t'; break;
		case '\\': *out++ = '\\'; break;
		default: return -1;
		}
	}
	f->val = d;
	f->vallen = (size_t)(out - d);
	return 0;
}

/*
 * The first bytes of a bad key, for a message: up to 40, each control
 * byte as \xNN, so that what reaches a terminal is only text.
 */
static const char *
shown_key(char *buf, size_t size, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n && i < 40 && o + 5 < size; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7F)
			o += (size_t)snprintf(buf + o, size - o, "\\x%02X", c);
		else
			buf[o++] = (char)c;
	}
	buf[o] = '\0';
	return buf;
}

#define PARSE_FAIL(...) do { \
	snprintf(err, errlen, __VA_ARGS__); \
	*erroff = (size_t)(line - p); \
	return -1; \
} while (0)

int
rec_parse(struct record *rec, const char *p, size_t n, char *err,
    size_t errlen, size_t *erroff)
{
	const char *line = p, *end = p + n, *nl, *colon, *v;
	struct field *f;

	rec_clear(rec);
	for (;;) {
		nl = memchr(line, '\n', (size_t)(end - line));
		if (nl == NULL)
			PARSE_FAIL(rec->nfields == 0 && line == end ?
			    "empty record" :
			    "headers not ended by an empty line");
		if (nl == line)
			break;
		colon = memchr(line, ':', (size_t)(nl - line));
		if (colon == NULL)
			PARSE_FAIL("header line without ': '");
		if (!key_valid(line, (size_t)(colon - line))) {
			char shown[40 * 4 + 8];

			PARSE_FAIL("bad header key '%s'", shown_key(shown,
			    sizeof(shown), line, (size_t)(colon - line)));
		}
		v = colon + 1;
		if (v < nl && *v++ != ' ')
			PARSE_FAIL("header line without ': '");
		f = new_field(rec);
		f->key = line;
		f->keylen = (size_t)(colon - line);
		f->val = v;
		f->vallen = (size_t)(nl - v);
		if (memchr(v, '\\', f->vallen) != NULL &&
		    unescape(rec, f, v, f->vallen) < 0)
			PARSE_FAIL("bad escape in value of '%.*s'",
			    (int)f->keylen, f->key);
		if (rec->nfields == 1 && !field_is(f, "id"))
			PARSE_FAIL("record does not start with an id header");
		if (rec->nfields == 1 && f->vallen == 0)
			PARSE_FAIL("empty id");
		if (rec->nfields > 1 && field_is(f, "id"))
			PARSE_FAIL("a second id header");
		line = nl + 1;
	}
	if (rec->nfields == 0)
		PARSE_FAIL("record without headers");
	rec->body = nl + 1;
	rec->bodylen = (size_t)(end - rec->body);
	rec->raw = p;
	rec->rawlen = n;
	return 0;
}

/* The first byte of s[0..n) to escape (newline, tab, backslash), or n. */
static size_t
plain_run(const char *s, size_t n)
{
	size_t i = 0;

#if defined(__SSE2__)
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i));
		int m = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));

		if (m != 0)
			return i + (size_t)__builtin_ctz((unsigned)m);
	}
#endif
	for (; i < n; i++)
		if (s[i] == '\n' || s[i] == '\t' || s[i] == '\\')
			break;
	return i;
}

int
rec_write_escaped(struct output *o, const char *s, size_t n)
{
	const char *esc;
	size_t k;

	while ((k = plain_run(s, n)) < n) {
		esc = s[k] == '\n' ? "\\n" : s[k] == '\t' ? "\\t" : "\\\\";
		if (out_write(o, s, k) < 0 || out_write(o, esc, 2) < 0)
			return -1;
		s += k + 1;
		n -= k + 1;
	}
	return out_write(o, s, n);
}

void
rec_escape(struct buf *b, const char *s, size_t n)
{
	size_t k;

	while ((k = plain_run(s, n)) < n) {
		buf_append(b, s, k);
		buf_putc(b, '\\');
		buf_putc(b, s[k] == '\n' ? 'n' : s[k] == '\t' ? 't' : '\\');
		s += k + 1;
		n -= k + 1;
	}
	buf_append(b, s, n);
}

int
rec_write_field(struct output *o, const char *key, const char *val,
    size_t n)
{
	if (out_puts(o, key) < 0 || out_write(o, ": ", 2) < 0 ||
	    rec_write_escaped(o, val, n) < 0)
		return -1;
	return out_putc(o, '\n');
}

int
rec_write_range(struct output *o, const char *key, uint64_t first,
    uint64_t last)
{
	char num[48], *end = num + sizeof(num), *p;

	p = u64_decimal(end, last);
	*--p = '-';
	p = u64_decimal(p, first);
	if (out_puts(o, key) < 0 || out_write(o, ": ", 2) < 0 ||
	    out_write(o, p, (size_t)(end - p)) < 0)
		return -1;
	return out_putc(o, '\n');
}

int
rec_write(struct output *o, const struct record *rec)
{
	const struct field *f;
	size_t i;

	if (rec->raw != NULL)
		return out_write(o, rec->raw, rec->rawlen + 1);
	for (i = 0; i < rec->nfields; i++) {
		f = &rec->fields[i];
		if (out_write(o, f->key, f->keylen) < 0 ||
		    out_write(o, ": ", 2) < 0 ||
		    rec_write_escaped(o, f->val, f->vallen) < 0 ||
		    out_putc(o, '\n') < 0)
			return -1;
	}
	if (out_putc(o, '\n') < 0 ||
	    out_write(o, rec->body, rec->bodylen) < 0)
		return -1;
	return out_putc(o, '\0');
}

void
rec_reader_init(struct rec_reader *r, struct input *in)
{
	chunk_init(&r->chunks, in, '\0');
	r->recno = 0;
	r->err[0] = '\0';
}

void
rec_reader_free(struct rec_reader *r)
{
	chunk_free(&r->chunks);
}

int
rec_read(struct rec_reader *r, struct record *rec)
{
	char msg[160];
	char *p;
	size_t n, off = 0;
	int ret;

	ret = chunk_next(&r->chunks, &p, &n);
	if (ret == CHUNK_END)
		return REC_END;
	if (ret == CHUNK_ERROR) {
		snprintf(r->err, sizeof(r->err), "%s",
		    input_error(r->chunks.in));
		return REC_ERROR;
	}
	r->recno++;
	if (ret == CHUNK_TOO_BIG)
		snprintf(msg, sizeof(msg), "record larger than %zu bytes",
		    r->chunks.max);
	else if (ret == CHUNK_LAST)
		snprintf(msg, sizeof(msg),
		    "record not ended by a NUL byte (truncated input?)");
	else if (rec_parse(rec, p, n, msg, sizeof(msg), &off) == 0)
		return REC_OK;
	snprintf(r->err, sizeof(r->err), "record %llu, byte %llu: %s",
	    (unsigned long long)r->recno,
	    (unsigned long long)r->chunks.offset + off + 1, msg);
	return REC_BAD;
}
