/*
 * whole.c: write a whole input as one document record.  NUL bytes are
 * dropped and ill-formed UTF-8 repaired (both counted); the body is the
 * text without its final newline; lines and bytes are those of the input.
 */
#include <string.h>

#include "buf.h"
#include "dsplit.h"
#include "prog.h"
#include "record.h"
#include "utf8.h"

#define READ_BLOCK (1024 * 1024)

static uint64_t *nuls_dropped, *utf8_repaired;

/* Register the counters, so that --stats shows them even when 0. */
void
whole_init(void)
{
	nuls_dropped = prog_counter("nul bytes dropped");
	utf8_repaired = prog_counter("invalid utf-8 repaired");
}

/* Read all of in into b; -1 on a read error, which is reported. */
static int
slurp(struct input *in, struct buf *b)
{
	ssize_t n;

	for (;;) {
		buf_reserve(b, READ_BLOCK);
		n = input_read(in, b->p + b->len, b->cap - b->len);
		if (n == 0)
			return 0;
		if (n < 0) {
			prog_error("%s: %s", input_label(in), input_error(in));
			return -1;
		}
		b->len += (size_t)n;
		prog_tick(b->len);
	}
}

static size_t
count_lines(const char *s, size_t n)
{
	const char *nl, *end = s + n;
	size_t lines = 0;

	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		lines++;
		s = nl + 1;
	}
	return lines + (s < end);
}

/* Drop NUL bytes in place; returns how many. */
static size_t
drop_nuls(struct buf *b)
{
	char *nul = memchr(b->p, '\0', b->len), *out, *s, *end;

	if (nul == NULL)
		return 0;
	out = nul;
	end = b->p + b->len;
	for (s = nul; s < end; s++)
		if (*s != '\0')
			*out++ = *s;
	b->len -= (size_t)(end - out);
	return (size_t)(end - out);
}

void
whole_input(struct input *in, const struct dsplit_opts *opts)
{
	struct buf text = BUF_INIT, fixed = BUF_INIT;
	struct buf *body = &text;
	struct record rec;
	size_t size, lines;

	(void)opts;
	if (slurp(in, &text) < 0 || text.len == 0) {
		prog.bytes_in += text.len;
		buf_free(&text);
		return;
	}
	prog.bytes_in += text.len;
	size = text.len;
	lines = count_lines(text.p, text.len);
	*nuls_dropped += drop_nuls(&text);
	if (utf8_valid_prefix(text.p, text.len) < text.len) {
		*utf8_repaired += utf8_repair(&fixed, text.p, text.len);
		body = &fixed;
	}
	if (body->len > 0 && body->p[body->len - 1] == '\n')
		body->len--;
	prog.records_in++;
	rec_init(&rec);
	rec_addf(&rec, "id", "%s:1", input_name(in));
	rec_adds(&rec, "source", input_name(in));
	rec_addf(&rec, "lines", "1-%zu", lines);
	rec_addf(&rec, "bytes", "1-%zu", size);
	rec_adds(&rec, "unit", "doc");
	rec_set_body(&rec, body->p, body->len);
	rec_write(&prog.out, &rec);
	prog.records_out++;
	rec_free(&rec);
	buf_free(&text);
	buf_free(&fixed);
}
