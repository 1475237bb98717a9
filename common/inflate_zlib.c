/* inflate_zlib.c: the gzip decompressor of inflate.h, with zlib. */
#ifndef HAVE_ISAL

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#define ZLIB_CONST
#include <zlib.h>

#include "buf.h"
#include "inflate.h"

struct inflater {
	z_stream zs;
	int init;		/* inflateInit2() succeeded */
	const char *broken;	/* set when zlib cannot go on */
	const char *err;
};

struct inflater *
inflater_new(void)
{
	struct inflater *z = xmalloc(sizeof(*z));

	memset(z, 0, sizeof(*z));
	/* 15 + 16: a 32 KiB window, gzip wrapper with its checks */
	z->init = inflateInit2(&z->zs, 15 + 16) == Z_OK;
	if (!z->init)
		z->broken = "cannot initialise zlib";
	return z;
}

void
inflater_reset(struct inflater *z)
{
	if (z->broken == NULL && inflateReset(&z->zs) != Z_OK)
		z->broken = "cannot reset zlib";
}

enum inflate_status
inflater_run(struct inflater *z, const unsigned char *in, size_t *inlen,
    unsigned char *out, size_t *outlen)
{
	uInt navail = *inlen > UINT_MAX ? UINT_MAX : (uInt)*inlen;
	uInt oavail = *outlen > UINT_MAX ? UINT_MAX : (uInt)*outlen;
	int ret;

	*inlen = *outlen = 0;
	if (z->broken != NULL) {
		z->err = z->broken;
		return INFLATE_FAIL;
	}
	z->zs.next_in = in;
	z->zs.avail_in = navail;
	z->zs.next_out = out;
	z->zs.avail_out = oavail;
	ret = inflate(&z->zs, Z_NO_FLUSH);
	*inlen = navail - z->zs.avail_in;
	*outlen = oavail - z->zs.avail_out;
	switch (ret) {
	case Z_STREAM_END:
		return INFLATE_END;
	case Z_DATA_ERROR:
	case Z_NEED_DICT:
		z->err = z->zs.msg ? z->zs.msg : "invalid data";
		return INFLATE_CORRUPT;
	case Z_MEM_ERROR:
		z->err = "out of memory in zlib";
		return INFLATE_FAIL;
	case Z_STREAM_ERROR:
		z->err = "zlib stream error";
		return INFLATE_FAIL;
	default:		/* Z_OK, or Z_BUF_ERROR: needs more input */
		return INFLATE_OK;
	}
}

const char *
inflater_error(const struct inflater *z)
{
	return z->err ? z->err : "";
}

void
inflater_free(struct inflater *z)
{
	if (z == NULL)
		return;
	if (z->init)
		inflateEnd(&z->zs);
	free(z);
}

#endif
