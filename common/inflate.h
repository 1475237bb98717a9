/*
 * inflate.h: the gzip decompressor behind input.c, one member at a time.
 *
 * Two implementations, one linked: inflate_isal.c (Intel's ISA-L, built
 * with HAVE_ISAL) and inflate_zlib.c.  Both check each member's header,
 * CRC and length, and describe errors in zlib's words where zlib has
 * them, so that the programs behave the same with either.
 */
#ifndef INFLATE_H
#define INFLATE_H

#include <stddef.h>

struct inflater;

enum inflate_status {
	INFLATE_OK,		/* progress made, or more input needed */
	INFLATE_END,		/* the member ended, its trailer matched */
	INFLATE_CORRUPT,	/* bad data: inflater_error() says what */
	INFLATE_FAIL		/* not the data's fault (out of memory) */
};

/* A new inflater, ready for a member; never NULL. */
struct inflater *inflater_new(void);

/* Get ready for the next member. */
void inflater_reset(struct inflater *z);

/*
 * Decompress in[0..*inlen) into out[0..*outlen).  On return *inlen and
 * *outlen hold the bytes consumed and produced.  After INFLATE_END the
 * input not consumed follows the member.  No progress at all (both 0)
 * means the member needs input beyond in.
 */
enum inflate_status inflater_run(struct inflater *z, const unsigned char *in,
    size_t *inlen, unsigned char *out, size_t *outlen);

/* After INFLATE_CORRUPT or INFLATE_FAIL: "incorrect data check"... */
const char *inflater_error(const struct inflater *z);

void inflater_free(struct inflater *z);

#endif
