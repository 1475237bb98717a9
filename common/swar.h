/*
 * swar.h: eight bytes of text at once in a 64-bit word, the first byte
 * lowest ("SIMD within a register").  A mask has the high bit of each
 * byte it marks.
 */
#ifndef SWAR_H
#define SWAR_H

#include <stdint.h>

#define SWAR_ONES UINT64_C(0x0101010101010101)	/* a 1 in each byte */
#define SWAR_HIGHS UINT64_C(0x8080808080808080)	/* each byte's high bit */

/* The 8 bytes at p, the first lowest, whatever the machine's order. */
static inline uint64_t
swar_load(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	    (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	    (uint64_t)p[7] << 56;
}

/* The mask of the bytes of v equal to c. */
static inline uint64_t
swar_equal(uint64_t v, unsigned char c)
{
	uint64_t t = v ^ (SWAR_ONES * c);

	return ~(((t & ~SWAR_HIGHS) + ~SWAR_HIGHS) | t) & SWAR_HIGHS;
}

/* The mask of the bytes of v that are ASCII and in [lo, hi]. */
static inline uint64_t
swar_in(uint64_t v, unsigned lo, unsigned hi)
{
	uint64_t y = v & ~SWAR_HIGHS;

	return (y + (0x80 - lo) * SWAR_ONES) & ~(y + (0x7F - hi) * SWAR_ONES) &
	    ~v & SWAR_HIGHS;
}

/* The number of bytes before the first one of mask m (m != 0). */
static inline unsigned
swar_first(uint64_t m)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctzll(m) / 8;
#else
	return (unsigned)(((((m & -m) - 1) >> 7) & SWAR_ONES) * SWAR_ONES >>
	    56);
#endif
}

/* The number of bytes of mask m. */
static inline unsigned
swar_count(uint64_t m)
{
	return (unsigned)((m >> 7) * SWAR_ONES >> 56);
}

#endif
