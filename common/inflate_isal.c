/*
 * inflate_isal.c: the gzip decompressor of inflate.h, with Intel's ISA-L.
 *
 * ISA-L inflates the deflate data and computes its CRC (ISAL_GZIP_NO_HDR).
 * The header and the trailer are read here, a byte at a time, so that
 * errors read as zlib's do and a wrong CRC is told from a wrong length
 * (ISA-L's own checks return one code for both, and let reserved header
 * flags pass).
 */
#ifdef HAVE_ISAL

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>

#include "buf.h"
#include "inflate.h"

/* gzip header flags (RFC 1952) */
#define FHCRC		0x02
#define FEXTRA		0x04
#define FNAME		0x08
#define FCOMMENT	0x10
#define FRESERVED	0xe0

/* The parts of a member, in order. */
enum part {
	P_FIXED,		/* ID1 ID2 CM FLG MTIME(4) XFL OS */
	P_XLEN,			/* with FEXTRA: its length, 2 bytes */
	P_EXTRA,		/* with FEXTRA: its bytes */
	P_NAME,			/* with FNAME: up to a NUL */
	P_COMMENT,		/* with FCOMMENT: up to a NUL */
	P_HCRC,			/* with FHCRC: 2 bytes */
	P_BODY,			/* deflate data, inflated by ISA-L */
	P_TRAILER		/* CRC32 and ISIZE, 4 bytes each */
};

struct inflater {
	struct inflate_state st;
	enum part part;
	size_t pos;		/* bytes read of the current part */
	unsigned flags;		/* FLG */
	size_t xlen;		/* length of the FEXTRA field */
	uint32_t hcrc;		/* CRC of the header so far */
	unsigned char buf[8];	/* ID CM FLG, or HCRC, or the trailer */
	const char *err;
};

struct inflater *
inflater_new(void)
{
	struct inflater *z = xmalloc(sizeof(*z));

	memset(z, 0, sizeof(*z));
	inflater_reset(z);
	return z;
}

void
inflater_reset(struct inflater *z)
{
	isal_inflate_init(&z->st);
	z->st.crc_flag = ISAL_GZIP_NO_HDR;
	z->part = P_FIXED;
	z->pos = 0;
	z->flags = 0;
	z->xlen = 0;
	z->hcrc = 0;
}

static enum inflate_status
corrupt(struct inflater *z, const char *what)
{
	z->err = what;
	return INFLATE_CORRUPT;
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* Go to part p, or on past the parts that the flags leave out. */
static void
enter(struct inflater *z, enum part p)
{
	if (p == P_XLEN && !(z->flags & FEXTRA))
		p = P_NAME;
	if (p == P_NAME && !(z->flags & FNAME))
		p = P_COMMENT;
	if (p == P_COMMENT && !(z->flags & FCOMMENT))
		p = P_HCRC;
	if (p == P_HCRC && !(z->flags & FHCRC))
		p = P_BODY;
	z->part = p;
	z->pos = 0;
}

/* Take one byte of the header (part before P_BODY), checking as zlib. */
static enum inflate_status
header_byte(struct inflater *z, unsigned char c)
{
	if (z->part != P_HCRC)
		z->hcrc = crc32_gzip_refl(z->hcrc, &c, 1);
	switch (z->part) {
	case P_FIXED:
		if (z->pos < 4)
			z->buf[z->pos] = c;
		z->pos++;
		if (z->pos == 2 && (z->buf[0] != 0x1f || z->buf[1] != 0x8b))
			return corrupt(z, "incorrect header check");
		if (z->pos == 4) {
			if (z->buf[2] != 8)	/* deflate */
				return corrupt(z,
				    "unknown compression method");
			if (z->buf[3] & FRESERVED)
				return corrupt(z, "unknown header flags set");
			z->flags = z->buf[3];
		}
		if (z->pos == 10)
			enter(z, P_XLEN);
		break;
	case P_XLEN:
		z->xlen |= (size_t)c << (8 * z->pos++);
		if (z->pos == 2)
			enter(z, z->xlen > 0 ? P_EXTRA : P_NAME);
		break;
	case P_EXTRA:
		if (++z->pos == z->xlen)
			enter(z, P_NAME);
		break;
	case P_NAME:
	case P_COMMENT:
		if (c == '\0')
			enter(z, z->part == P_NAME ? P_COMMENT : P_HCRC);
		break;
	case P_HCRC:
		z->buf[z->pos++] = c;
		if (z->pos < 2)
			break;
		if ((unsigned)(z->buf[0] | z->buf[1] << 8) !=
		    (z->hcrc & 0xffff))
			return corrupt(z, "header crc mismatch");
		enter(z, P_BODY);
		break;
	default:
		break;
	}
	return INFLATE_OK;
}

/* Check the trailer once its 8 bytes are in z->buf. */
static enum inflate_status
check_trailer(struct inflater *z)
{
	if (le32(z->buf) != z->st.crc)
		return corrupt(z, "incorrect data check");
	if (le32(z->buf + 4) != z->st.total_out)
		return corrupt(z, "incorrect length check");
	return INFLATE_END;
}

static enum inflate_status
trailer_byte(struct inflater *z, unsigned char c)
{
	z->buf[z->pos++] = c;
	return z->pos < 8 ? INFLATE_OK : check_trailer(z);
}

static const char *
isal_error(int ret)
{
	switch (ret) {
	case ISAL_INVALID_BLOCK:
		return "invalid block";
	case ISAL_INVALID_SYMBOL:
		return "invalid symbol";
	case ISAL_INVALID_LOOKBACK:
		return "invalid distance too far back";
	default:
		return "invalid data";
	}
}

/*
 * Inflate deflate data with ISA-L.  At the end of it, ISA-L may hold the
 * first bytes of the trailer in its bit buffer: the whole bytes after the
 * padding bits of the last deflate byte.  They go to the trailer.
 */
static enum inflate_status
body(struct inflater *z, const unsigned char *in, size_t *inlen,
    unsigned char *out, size_t *outlen)
{
	uint32_t navail = *inlen > UINT32_MAX ? UINT32_MAX : *inlen;
	uint32_t oavail = *outlen > UINT32_MAX ? UINT32_MAX : *outlen;
	uint64_t bits;
	int ret, n;

	z->st.next_in = (uint8_t *)in;	/* ISA-L does not write to it */
	z->st.avail_in = navail;
	z->st.next_out = out;
	z->st.avail_out = oavail;
	ret = isal_inflate(&z->st);
	*inlen = navail - z->st.avail_in;
	*outlen = oavail - z->st.avail_out;
	if (ret < 0)
		return corrupt(z, isal_error(ret));
	if (z->st.block_state != ISAL_BLOCK_FINISH)
		return INFLATE_OK;
	z->part = P_TRAILER;
	z->pos = 0;
	n = z->st.read_in_length;
	bits = z->st.read_in >> (n % 8);
	for (n /= 8; n > 0 && z->pos < 8; n--, bits >>= 8)
		z->buf[z->pos++] = (unsigned char)bits;
	z->st.read_in = 0;
	z->st.read_in_length = 0;
	return z->pos < 8 ? INFLATE_OK : check_trailer(z);
}

enum inflate_status
inflater_run(struct inflater *z, const unsigned char *in, size_t *inlen,
    unsigned char *out, size_t *outlen)
{
	size_t len = *inlen, used = 0, ilen, room = *outlen;
	enum inflate_status ret = INFLATE_OK;

	*outlen = 0;
	while (ret == INFLATE_OK) {
		if (z->part == P_BODY) {
			/* called with no input too: ISA-L may hold output */
			ilen = len - used;
			*outlen = room;
			ret = body(z, in + used, &ilen, out, outlen);
			used += ilen;
			if (z->part == P_BODY)
				break;
		} else if (used == len)
			break;
		else if (z->part == P_TRAILER)
			ret = trailer_byte(z, in[used++]);
		else
			ret = header_byte(z, in[used++]);
	}
	*inlen = used;
	return ret;
}

const char *
inflater_error(const struct inflater *z)
{
	return z->err ? z->err : "";
}

void
inflater_free(struct inflater *z)
{
	free(z);
}

#endif
