/* minhash.c: one-permutation MinHash signatures with densification. */
#include <math.h>
#include <string.h>
#define XXH_INLINE_ALL	/* short words: no call */
#include <xxhash.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "minhash.h"

unsigned
mh_rows(double threshold)
{
	unsigned r;

	/*
	 * The most rows (the fewest chance meetings) with which a pair 0.1
	 * under the threshold still meets in one of the bands with
	 * probability 0.9; between 3 and MH_K / MH_BANDS rows.
	 */
	for (r = MH_K / MH_BANDS; r > 3; r--) {
		double s = threshold - 0.1;

		if (s <= 0 || 1 - pow(1 - pow(s, r), MH_BANDS) >= 0.9)
			break;
	}
	return r;
}

/* A 64-bit finaliser (MurmurHash3's): every input bit moves every output
 * bit. */
static inline uint64_t
mix(uint64_t h)
{
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

/* The hash of the k word hashes at h. */
static inline uint64_t
shingle(const uint64_t *h, unsigned k)
{
	uint64_t x = h[0];
	unsigned i;

	for (i = 1; i < k; i++)
		x = ((x << 23) | (x >> 41)) ^ h[i];
	return mix(x + k);
}

int
mh_signature(const char *text, size_t n, unsigned k, struct mh_work *w,
    struct mh_sig *sig)
{
	uint32_t min[MH_K];
	uint64_t *h, x, full = 0;
	size_t words = 0, word = 0, i, j, start;
	unsigned bin, d;

	/* hash the words (at most one for every two bytes) */
	w->hashes.len = 0;
	buf_reserve(&w->hashes, (n / 2 + 1) * sizeof(uint64_t));
	h = (uint64_t *)(void *)w->hashes.p;
	i = 0;
#if defined(__SSE2__)
	for (; i + 16 <= n; i += 16) {	/* the spaces, 16 bytes at a time */
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(const void *)(text + i)),
		    _mm_set1_epi8(' ')));

		for (; m != 0; m &= m - 1) {
			j = i + (size_t)__builtin_ctz(m);
			if (j > word)
				h[words++] = XXH3_64bits(text + word, j - word);
			word = j + 1;
		}
	}
#endif
	for (; i < n; i++)
		if (text[i] == ' ') {
			if (i > word)
				h[words++] = XXH3_64bits(text + word, i - word);
			word = i + 1;
		}
	if (n > word)
		h[words++] = XXH3_64bits(text + word, n - word);
	if (words == 0)
		return 0;
	if (k > words)
		k = (unsigned)words;
	memset(min, 0xFF, sizeof(min));
	for (start = 0; start + k <= words; start++) {
		x = shingle(h + start, k);
		bin = (unsigned)(x >> 58);		/* MH_K == 64 bins */
		if ((uint32_t)x < min[bin])
			min[bin] = (uint32_t)x;
		full |= UINT64_C(1) << bin;
	}
	sig->shingles = (uint32_t)(words - k + 1);
	/*
	 * An empty bin takes the next full bin's value, hashed with its
	 * own number (rotation densification): two documents agree there
	 * when that value is the same, and otherwise by chance one time in
	 * 256 for each bin, not for a whole run of empty bins.
	 */
	for (bin = 0; bin < MH_K; bin++) {
		uint64_t v = min[bin];

		for (d = 0; !(full >> ((bin + d) % MH_K) & 1); d++)
			continue;
		if (d > 0)
			v = mix((uint64_t)min[(bin + d) % MH_K] << 8 | bin);
		sig->v[bin] = (unsigned char)v;
	}
	return 1;
}

uint64_t
mh_band(const unsigned char *v, unsigned b, unsigned rows)
{
	uint64_t key = 0;

	memcpy(&key, v + (size_t)b * rows, rows);
	return mix(key ^ ((uint64_t)b << 56));
}

double
mh_similarity(const unsigned char *a, const unsigned char *b)
{
	unsigned i, same = 0;
	double m;

	for (i = 0; i < MH_K; i++)
		same += a[i] == b[i];
	/* two different minima share their low 8 bits one time in 256 */
	m = ((double)same / MH_K - 1.0 / 256) / (1 - 1.0 / 256);
	return m < 0 ? 0 : m;
}
