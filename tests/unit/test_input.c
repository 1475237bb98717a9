/*
 * Unit tests for common/input.c and the decompressor behind it
 * (inflate.h, zlib or ISA-L): plain files, gzip members, errors.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "check.h"
#include "inflate.h"
#include "input.h"

#define RAW_BLOCK ((size_t)256 * 1024)	/* what input.c reads at a time */

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

/* Append the raw deflate data of s[0..n) to b. */
static void
deflate_raw(struct buf *b, const char *s, size_t n)
{
	z_stream z;

	memset(&z, 0, sizeof(z));
	deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
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
put_le(struct buf *b, uint32_t v, int bytes)
{
	int i;

	for (i = 0; i < bytes; i++)
		buf_putc(b, (char)(v >> (8 * i)));
}

/* Append the gzip trailer of s[0..n): CRC32 and ISIZE. */
static void
gzip_trailer(struct buf *b, const char *s, size_t n)
{
	put_le(b, (uint32_t)crc32(0, (const unsigned char *)s, (uInt)n), 4);
	put_le(b, (uint32_t)n, 4);
}

/*
 * Append a gzip member of s[0..n) with a header written by hand: FLG
 * flg, and the extra field (of xlen bytes), name, comment and header CRC
 * it asks for.
 */
static void
gzip_member_flags(struct buf *b, unsigned flg, size_t xlen, const char *s,
    size_t n)
{
	size_t start = b->len, i;

	buf_append(b, "\x1f\x8b\x08", 3);
	buf_putc(b, (char)flg);
	buf_append(b, "\x01\x02\x03\x04\x00\x03", 6);	/* MTIME XFL OS */
	if (flg & 0x04) {	/* FEXTRA */
		put_le(b, (uint32_t)xlen, 2);
		for (i = 0; i < xlen; i++)
			buf_putc(b, (char)i);
	}
	if (flg & 0x08)		/* FNAME */
		buf_append(b, "name.txt", 9);
	if (flg & 0x10)		/* FCOMMENT */
		buf_append(b, "a comment", 10);
	if (flg & 0x02)		/* FHCRC: low 16 bits of its CRC */
		put_le(b, (uint32_t)crc32(0, (unsigned char *)b->p + start,
		    (uInt)(b->len - start)), 2);
	deflate_raw(b, s, n);
	gzip_trailer(b, s, n);
}

/*
 * Append a gzip member of exactly size bytes (at least 23): the first
 * bytes of s in stored deflate blocks.  Returns how many bytes of s.
 */
static size_t
stored_member(struct buf *b, const char *s, size_t size)
{
	size_t blocks = (size - 18 + 65539) / 65540;	/* 5 + 65535 */
	size_t n = size - 18 - 5 * blocks, i, len, done = 0;

	buf_append(b, "\x1f\x8b\x08\0\0\0\0\0\0\x03", 10);
	for (i = 0; i < blocks; i++) {
		len = n / blocks + (i < n % blocks);
		buf_putc(b, i + 1 == blocks);	/* BFINAL, BTYPE 00 */
		put_le(b, (uint32_t)len, 2);
		put_le(b, (uint32_t)~len, 2);
		buf_append(b, s + done, len);
		done += len;
	}
	gzip_trailer(b, s, n);
	return n;
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

/*
 * Decompress the gzip members of gz with the inflater itself, given
 * inblock bytes of input and outblock bytes of room at a time.  Returns
 * INFLATE_END when all of gz was read, INFLATE_OK when it was cut short,
 * or the error.
 */
static enum inflate_status
inflate_by(const struct buf *gz, size_t inblock, size_t outblock,
    struct buf *out, const char **err)
{
	static char msg[200];
	struct inflater *z = inflater_new();
	enum inflate_status st;
	size_t pos = 0, inlen, outlen;

	out->len = 0;
	for (;;) {
		inlen = gz->len - pos < inblock ? gz->len - pos : inblock;
		outlen = outblock;
		buf_reserve(out, outblock);
		st = inflater_run(z, (unsigned char *)gz->p + pos, &inlen,
		    (unsigned char *)out->p + out->len, &outlen);
		pos += inlen;
		out->len += outlen;
		if (st == INFLATE_END && pos < gz->len)
			inflater_reset(z);
		else if (st != INFLATE_OK || (inlen == 0 && outlen == 0))
			break;
	}
	snprintf(msg, sizeof(msg), "%s", inflater_error(z));
	*err = msg;
	inflater_free(z);
	return st;
}

static int
holds(const struct buf *b, const char *s, size_t n)
{
	return b->len == n && memcmp(b->p, s, n) == 0;
}

/* Flags in the header, written by hand, and each check on the header. */
static void
test_header_flags(void)
{
	struct buf gz = BUF_INIT, out = BUF_INIT;
	const char *err = NULL;
	size_t i;

	gzip_member_flags(&gz, 0x04 | 0x08 | 0x10, 6, "flagged\n", 8);
	write_file("flags.gz", gz.p, gz.len);
	CHECK("FEXTRA, FNAME and FCOMMENT are skipped",
	    read_all("flags.gz", 64, &out, &err) == 0 &&
	    holds(&out, "flagged\n", 8));
	gz.len = 0;
	gzip_member_flags(&gz, 0x04, 0, "empty ", 6);
	gzip_member_flags(&gz, 0x04 | 0x02, 65535, "and full\n", 9);
	write_file("extra.gz", gz.p, gz.len);
	CHECK("extra fields of 0 and 65535 bytes",
	    read_all("extra.gz", 1, &out, &err) == 0 &&
	    holds(&out, "empty and full\n", 15));
	gz.len = 0;
	gzip_member_flags(&gz, 0x1f, 6, "all\n", 4);	/* all 5 flags */
	write_file("hcrc.gz", gz.p, gz.len);
	CHECK("FTEXT and a right FHCRC too",
	    read_all("hcrc.gz", 64, &out, &err) == 0 &&
	    holds(&out, "all\n", 4));

	gz.p[30] ^= 1;		/* in the comment, under the HCRC */
	write_file("badhcrc.gz", gz.p, gz.len);
	CHECK("a wrong header CRC is an error",
	    read_all("badhcrc.gz", 64, &out, &err) < 0 &&
	    strcmp(err, "corrupt gzip data: header crc mismatch") == 0);
	gz.p[30] ^= 1;

	/* With FHCRC, whatever byte is spoilt, the member is an error. */
	for (i = 0; i < gz.len; i++) {
		gz.p[i] ^= 0x55;
		write_file("spoilt.gz", gz.p, gz.len);
		gz.p[i] ^= 0x55;
		if (i >= 2 && read_all("spoilt.gz", 64, &out, &err) == 0)
			break;
	}
	CHECK("a wrong byte anywhere in a member is an error", i == gz.len);

	gz.len = 0;
	gzip_member_flags(&gz, 0x20, 0, "x", 1);
	write_file("reserved.gz", gz.p, gz.len);
	CHECK("a reserved flag is an error",
	    read_all("reserved.gz", 64, &out, &err) < 0 &&
	    strcmp(err, "corrupt gzip data: unknown header flags set") == 0);
	gz.p[2] = 7;
	write_file("method.gz", gz.p, gz.len);
	CHECK("a method other than deflate is an error",
	    read_all("method.gz", 64, &out, &err) < 0 &&
	    strcmp(err, "corrupt gzip data: unknown compression method") ==
	    0);
	buf_free(&gz);
	buf_free(&out);
}

/* A wrong CRC and a wrong length, each told by its own message. */
static void
test_trailer(void)
{
	struct buf gz = BUF_INIT, out = BUF_INIT;
	const char *err = NULL;

	gzip_member(&gz, "first\n", 6);
	gzip_member(&gz, "second\n", 7);
	gz.p[gz.len - 8] ^= 0x01;	/* a byte of the CRC */
	write_file("crc2.gz", gz.p, gz.len);
	CHECK("a wrong CRC in member 2 is an error after its data",
	    read_all("crc2.gz", 1 << 20, &out, &err) < 0 &&
	    strcmp(err, "corrupt gzip data: incorrect data check") == 0 &&
	    holds(&out, "first\nsecond\n", 13));
	gz.p[gz.len - 8] ^= 0x01;
	gz.p[gz.len - 2] ^= 0x01;	/* the third byte of ISIZE */
	write_file("isize.gz", gz.p, gz.len);
	CHECK("a wrong length is an error after the data",
	    read_all("isize.gz", 1 << 20, &out, &err) < 0 &&
	    strcmp(err, "corrupt gzip data: incorrect length check") == 0 &&
	    holds(&out, "first\nsecond\n", 13));
	gz.p[gz.len - 2] ^= 0x01;
	gz.p[gz.len - 4] ^= 0x80;	/* the first byte of ISIZE */
	write_file("isize1.gz", gz.p, gz.len);
	CHECK("a wrong length in its low byte too",
	    read_all("isize1.gz", 1, &out, &err) < 0 &&
	    strcmp(err, "corrupt gzip data: incorrect length check") == 0);
	buf_free(&gz);
	buf_free(&out);
}

/* Empty members, alone, first, between, last. */
static void
test_empty_members(void)
{
	struct buf gz = BUF_INIT, out = BUF_INIT;
	const char *err = NULL;

	gzip_member(&gz, "", 0);
	gzip_member(&gz, "", 0);
	write_file("empties.gz", gz.p, gz.len);
	CHECK("a file of empty members is empty",
	    read_all("empties.gz", 64, &out, &err) == 0 && out.len == 0);
	gzip_member(&gz, "one\n", 4);
	gzip_member(&gz, "", 0);
	gzip_member_flags(&gz, 0x08, 0, "", 0);
	gzip_member(&gz, "two\n", 4);
	gzip_member(&gz, "", 0);
	write_file("between.gz", gz.p, gz.len);
	CHECK("empty members between two members are read",
	    read_all("between.gz", 3, &out, &err) == 0 &&
	    holds(&out, "one\ntwo\n", 8));
	buf_free(&gz);
	buf_free(&out);
}

/*
 * A member that ends exactly at the edge of the block that input.c
 * reads, or a few bytes either side (its trailer split across blocks).
 */
static void
test_block_edge(const struct buf *data)
{
	struct buf gz = BUF_INIT, out = BUF_INIT, want = BUF_INIT;
	const char *err = NULL;
	size_t size, n;
	int ok = 1;

	for (size = RAW_BLOCK - 10; size <= RAW_BLOCK + 2; size++) {
		gz.len = want.len = 0;
		n = stored_member(&gz, data->p, size);
		gzip_member(&gz, "TAIL\n", 5);
		buf_append(&want, data->p, n);
		buf_append(&want, "TAIL\n", 5);
		write_file("edge.gz", gz.p, gz.len);
		if (read_all("edge.gz", 1 << 20, &out, &err) != 0 ||
		    !holds(&out, want.p, want.len)) {
			printf("    member of %zu bytes\n", size);
			ok = 0;
		}
	}
	CHECK("a member boundary at the edge of a read block", ok);
	gz.len = 0;
	stored_member(&gz, data->p, RAW_BLOCK);
	gz.len -= 4;	/* the file ends at the edge, without ISIZE */
	write_file("edge-cut.gz", gz.p, gz.len);
	CHECK("a member cut at the edge of a read block",
	    read_all("edge-cut.gz", 1 << 20, &out, &err) < 0 &&
	    strstr(err, "unexpected end of gzip data") != NULL);
	buf_free(&gz);
	buf_free(&out);
	buf_free(&want);
}

/*
 * Tiny blocks: input_read() a byte at a time, and the inflater itself
 * fed and drained a few bytes at a time.
 */
static void
test_tiny_blocks(void)
{
	struct buf gz = BUF_INIT, out = BUF_INIT, text = BUF_INIT;
	const char *err = NULL;
	size_t i, in_sizes[] = { 1, 2, 3, 5, 8, 13, 4096 };
	size_t out_sizes[] = { 1, 2, 7, 4096 };
	size_t a, b;
	int ok = 1;

	for (i = 0; i < 300; i++) {
		char line[64];

		snprintf(line, sizeof(line), "line %zu of a small file\n", i);
		buf_puts(&text, line);
	}
	gzip_member(&gz, text.p, 100);
	gzip_member(&gz, "", 0);
	gzip_member_flags(&gz, 0x1f, 6, text.p + 100, text.len - 100);
	write_file("tiny.gz", gz.p, gz.len);
	CHECK("a small file read a byte at a time",
	    read_all("tiny.gz", 1, &out, &err) == 0 &&
	    holds(&out, text.p, text.len));
	for (a = 0; a < sizeof(in_sizes) / sizeof(in_sizes[0]); a++)
		for (b = 0; b < sizeof(out_sizes) / sizeof(out_sizes[0]); b++)
			if (inflate_by(&gz, in_sizes[a], out_sizes[b], &out,
			    &err) != INFLATE_END ||
			    !holds(&out, text.p, text.len)) {
				printf("    in %zu, out %zu: %s\n",
				    in_sizes[a], out_sizes[b], err);
				ok = 0;
			}
	CHECK("the inflater fed and drained in tiny blocks", ok);
	gz.len -= 3;
	CHECK("a cut file fed a byte at a time stops short, not in error",
	    inflate_by(&gz, 1, 1, &out, &err) == INFLATE_OK &&
	    out.len == text.len && memcmp(out.p, text.p, out.len) == 0);
	buf_free(&gz);
	buf_free(&out);
	buf_free(&text);
}

/*
 * A file cut at every length: an error, after a part of the data, unless
 * the cut falls between members.
 */
static void
test_every_cut(void)
{
	struct buf gz = BUF_INIT, out = BUF_INIT;
	const char *err = NULL, *text = "hello world\n";
	size_t cut, end1, end2;
	int ok = 1, want_ok;

	gzip_member(&gz, "hello ", 6);
	end1 = gz.len;
	gzip_member(&gz, "", 0);
	end2 = gz.len;
	gzip_member_flags(&gz, 0x1e, 6, "world\n", 6);
	for (cut = 2; cut < gz.len; cut++) {
		write_file("cut.gz", gz.p, cut);
		want_ok = cut == end1 || cut == end2;
		if ((read_all("cut.gz", 5, &out, &err) == 0) != want_ok ||
		    out.len > 12 || memcmp(out.p, text, out.len) != 0 ||
		    (!want_ok && strcmp(err, cut == end1 + 1 ||
		    cut == end2 + 1 ? "trailing garbage after gzip data" :
		    "unexpected end of gzip data (truncated?)") != 0)) {
			printf("    cut at %zu: %s\n", cut,
			    want_ok ? "" : err);
			ok = 0;
		}
	}
	CHECK("a file cut anywhere", ok);
	buf_free(&gz);
	buf_free(&out);
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

	test_header_flags();
	test_trailer();
	test_empty_members();
	test_block_edge(&big);
	test_tiny_blocks();
	test_every_cut();

	buf_free(&gz);
	buf_free(&out);
	buf_free(&big);
	return check_status();
}
