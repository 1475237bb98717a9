/*
 * gzip_input.h: checks of common/input.c on gzip files of several MiB,
 * many times the ring of buffers that the decompressing thread fills.
 * Shared by test_input_thread.c and test_input_nothread.c, which run them
 * with that thread and without it.
 */
#ifndef GZIP_INPUT_H
#define GZIP_INPUT_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "buf.h"
#include "check.h"
#include "input.h"
#include "threads.h"

#define MIB ((size_t)1024 * 1024)

/* Append the gzip member of s[0..n), at the given level, to b. */
static void
gzip_member(struct buf *b, const char *s, size_t n, int level)
{
	z_stream z;

	memset(&z, 0, sizeof(z));
	deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	buf_reserve(b, deflateBound(&z, (uLong)n) + 32);
	z.next_in = (unsigned char *)s;
	z.avail_in = (uInt)n;
	z.next_out = (unsigned char *)b->p + b->len;
	z.avail_out = (uInt)(b->cap - b->len);
	deflate(&z, Z_FINISH);
	b->len = b->cap - z.avail_out;
	deflateEnd(&z);
}

/* Lines of words picked at random, about size bytes in all. */
static void
make_text(struct buf *b, size_t size)
{
	static const char *words[] = { "the", "minister", "said", "trade",
	    "of", "energy", "and", "a", "railway", "between", "two",
	    "countries", "agreed", "on", "cooperation", "transit" };
	unsigned seed = 7;
	size_t line = 0;

	while (b->len < size) {
		char head[32];
		int i, n;

		snprintf(head, sizeof(head), "%zu:", ++line);
		buf_puts(b, head);
		seed = seed * 1103515245 + 12345;
		n = 3 + (int)(seed >> 16) % 20;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			buf_putc(b, ' ');
			buf_puts(b, words[(seed >> 16) % 16]);
		}
		buf_putc(b, '\n');
	}
}

static void
write_file(const char *name, const char *p, size_t n)
{
	FILE *f = fopen(name, "wb");

	fwrite(p, 1, n, f);
	fclose(f);
}

/*
 * Read the whole of name into out with reads of block bytes; returns 0,
 * or -1 with the error message in *err.  After the end or the error,
 * a second read must give the same again.
 */
static int
read_all(const char *name, size_t block, struct buf *out, const char **err)
{
	static char msg[200];
	struct input *in = input_open(name, err);
	ssize_t n;

	out->len = 0;
	if (in == NULL)
		return -1;
	for (;;) {
		buf_reserve(out, block);
		n = input_read(in, out->p + out->len, block);
		if (n <= 0)
			break;
		out->len += (size_t)n;
	}
	snprintf(msg, sizeof(msg), "%s", n < 0 ? input_error(in) : "");
	*err = msg;
	if (input_read(in, out->p, block) != n ||
	    strcmp(msg, n < 0 ? input_error(in) : "") != 0) {
		snprintf(msg, sizeof(msg), "a read after the end differs");
		n = -2;
	}
	input_close(in);
	return n < 0 ? -1 : 0;
}

static int
starts(const struct buf *b, const char *s, size_t n)
{
	return b->len <= n && memcmp(b->p, s, b->len) == 0;
}

static int
holds(const struct buf *b, const char *s, size_t n)
{
	return b->len == n && starts(b, s, n);
}

/* Read name whole in reads of each size; 1 when each gives text. */
static int
reads_as(const char *name, const struct buf *text)
{
	static const size_t sizes[] = { MIB, 4097, 3 * MIB + 1, 20 * MIB };
	struct buf out = BUF_INIT;
	const char *err = NULL;
	size_t i;
	int ok = 1;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		if (read_all(name, sizes[i], &out, &err) != 0 ||
		    !holds(&out, text->p, text->len)) {
			printf("    %s in reads of %zu: %zu bytes, %s\n", name,
			    sizes[i], out.len, err);
			ok = 0;
		}
	buf_free(&out);
	return ok;
}

/*
 * Read name, which holds text and then an error: 1 when all of text
 * comes first, then the error message want.
 */
static int
fails_after(const char *name, const struct buf *text, const char *want)
{
	struct buf out = BUF_INIT;
	const char *err = NULL;
	int ok;

	ok = read_all(name, MIB, &out, &err) < 0 &&
	    holds(&out, text->p, text->len) && strcmp(err, want) == 0;
	if (!ok)
		printf("    %s: %zu of %zu bytes, %s\n", name, out.len,
		    text->len, err);
	buf_free(&out);
	return ok;
}

/*
 * A file of about 18 MiB of text in four members (one empty), read
 * whole and with errors after several MiB: a cut member, a wrong CRC,
 * garbage after the end.  how names the way it is read.
 */
static void
check_large_files(const char *how)
{
	struct buf text = BUF_INIT, gz = BUF_INIT, out = BUF_INIT;
	const char *err = NULL, *cut = "unexpected end of gzip data"
	    " (truncated?)";
	size_t a, b, before3, len3;
	char name[200];
	int ok;

	make_text(&text, 18 * MIB);
	a = 3 * MIB + 17;
	b = 7 * MIB + 1;
	gzip_member(&gz, text.p, a, 1);
	gzip_member(&gz, "", 0, 6);
	gzip_member(&gz, text.p + a, b - a, 9);
	before3 = gz.len;
	gzip_member(&gz, text.p + b, text.len - b, 6);
	len3 = gz.len - before3;
	write_file("large.gz", gz.p, gz.len);
	snprintf(name, sizeof(name), "%s: 18 MiB in 4 members", how);
	CHECK(name, reads_as("large.gz", &text));

	/* cut in the middle of member 3: a part of its data comes out */
	write_file("large-cut.gz", gz.p, before3 + len3 / 2);
	ok = read_all("large-cut.gz", MIB, &out, &err) < 0 &&
	    strcmp(err, cut) == 0 && out.len > b &&
	    out.len < text.len && starts(&out, text.p, text.len);
	snprintf(name, sizeof(name), "%s: a member cut after 7 MiB", how);
	CHECK(name, ok);

	/* cut in the header of a member 5: all of the data comes out */
	buf_append(&gz, gz.p, 10);
	write_file("large-cut5.gz", gz.p, gz.len);
	snprintf(name, sizeof(name), "%s: a member cut in its header", how);
	CHECK(name, fails_after("large-cut5.gz", &text, cut));
	gz.len -= 10;

	buf_append(&gz, "garbage", 7);
	write_file("large-garbage.gz", gz.p, gz.len);
	snprintf(name, sizeof(name), "%s: garbage after 18 MiB", how);
	CHECK(name, fails_after("large-garbage.gz", &text,
	    "trailing garbage after gzip data"));
	gz.len -= 7;

	gz.p[gz.len - 8] ^= 0x01;
	write_file("large-crc.gz", gz.p, gz.len);
	snprintf(name, sizeof(name), "%s: a wrong CRC at the end", how);
	CHECK(name, fails_after("large-crc.gz", &text,
	    "corrupt gzip data: incorrect data check"));

	buf_free(&text);
	buf_free(&gz);
	buf_free(&out);
}

#endif
