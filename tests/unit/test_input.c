/* Unit tests for common/input.c: plain files, gzip members, errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "check.h"
#include "input.h"

/* Append the gzip member of s[0..n) to b. */
static void
gzip_member(struct buf *b, const char *s, size_t n)
{
	z_stream z;

	memset(&z, 0, sizeof(z));
	deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	buf_reserve(b, deflateBound(&z, (uLong)n) + 32);
	z.next_in = (unsigned char *)s;
	z.avail_in = (uInt)n;
	z.next_out = (unsigned char *)b->p + b->len;
	z.avail_out = (uInt)(b->cap - b->len);
	deflate(&z, Z_FINISH);
	b->len = b->cap - z.avail_out;
	deflateEnd(&z);
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
 * or -1 with the error message in *err.
 */
static int
read_all(const char *name, size_t block, struct buf *out, const char **err)
{
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
	if (n < 0) {
		static char msg[200];

		snprintf(msg, sizeof(msg), "%s", input_error(in));
		*err = msg;
	}
	input_close(in);
	return n < 0 ? -1 : 0;
}

static int
holds(const struct buf *b, const char *s, size_t n)
{
	return b->len == n && memcmp(b->p, s, n) == 0;
}

int
main(void)
{
	struct buf gz = BUF_INIT, out = BUF_INIT, big = BUF_INIT;
	const char *err = NULL;
	size_t i, half;
	unsigned seed = 1;

	write_file("plain", "not gzip\n", 9);
	CHECK("plain file read as is", read_all("plain", 3, &out, &err) == 0
	    && holds(&out, "not gzip\n", 9));
	write_file("empty", "", 0);
	CHECK("empty file", read_all("empty", 64, &out, &err) == 0 &&
	    out.len == 0);
	write_file("one", "\x1f", 1);
	CHECK("one byte that starts like gzip is plain",
	    read_all("one", 64, &out, &err) == 0 && holds(&out, "\x1f", 1));
	CHECK("a missing file is an error at open",
	    read_all("nonexistent", 64, &out, &err) < 0 &&
	    strstr(err, "No such file") != NULL);

	gzip_member(&gz, "hello ", 6);
	gzip_member(&gz, "", 0);
	gzip_member(&gz, "world\n", 6);
	write_file("multi.gz", gz.p, gz.len);
	CHECK("every member of a multi-member file is read",
	    read_all("multi.gz", 4, &out, &err) == 0 &&
	    holds(&out, "hello world\n", 12));
	CHECK("members read with one large read",
	    read_all("multi.gz", 1 << 20, &out, &err) == 0 &&
	    holds(&out, "hello world\n", 12));

	write_file("trunc.gz", gz.p, gz.len - 5);
	CHECK("a truncated member is an error after its data",
	    read_all("trunc.gz", 1 << 20, &out, &err) < 0 &&
	    strstr(err, "unexpected end of gzip data") != NULL &&
	    out.len >= 6 && memcmp(out.p, "hello ", 6) == 0);

	gz.p[gz.len - 6] ^= 0x55;	/* a byte of the last CRC */
	write_file("crc.gz", gz.p, gz.len);
	CHECK("a bad CRC is an error",
	    read_all("crc.gz", 1 << 20, &out, &err) < 0 &&
	    strstr(err, "corrupt gzip data") != NULL);
	gz.p[gz.len - 6] ^= 0x55;

	buf_append(&gz, "garbage", 7);
	write_file("garbage.gz", gz.p, gz.len);
	CHECK("garbage after the last member is an error after the data",
	    read_all("garbage.gz", 1 << 20, &out, &err) < 0 &&
	    strstr(err, "trailing garbage") != NULL &&
	    holds(&out, "hello world\n", 12));

	/* a member of incompressible data larger than a raw read block,
	 * then a second member: the boundary falls inside a block */
	for (i = 0; i < 700000; i++) {
		seed = seed * 1103515245 + 12345;
		buf_putc(&big, (char)(seed >> 16));
	}
	half = big.len / 2;
	gz.len = 0;
	gzip_member(&gz, big.p, half);
	gzip_member(&gz, big.p + half, big.len - half);
	write_file("big.gz", gz.p, gz.len);
	CHECK("large members across read blocks",
	    read_all("big.gz", 100000, &out, &err) == 0 &&
	    holds(&out, big.p, big.len));

	buf_free(&gz);
	buf_free(&out);
	buf_free(&big);
	return check_status();
}
