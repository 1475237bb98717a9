/*
 * minhash.h: MinHash signatures of documents, and the bands that make
 * similar documents meet (locality-sensitive hashing).
 *
 * A document's shingles (its overlapping runs of words) are hashed once
 * each; one-permutation hashing sends each hash to one of MH_K bins and
 * keeps the least per bin, and empty bins borrow from the next full one
 * (densification).  So the cost does not grow with the number of hashes.
 * Each bin's minimum is kept as its low 8 bits (b-bit MinHash).
 */
#ifndef MINHASH_H
#define MINHASH_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define MH_K 64		/* hashes in a signature */
#define MH_BANDS 10	/* bands looked up */
#define SHINGLE_MAX 64	/* the most words in a shingle (--shingle) */

struct mh_sig {
	unsigned char v[MH_K];
	uint32_t shingles;	/* shingles in the document (its size) */
};

/* Rows per band for a Jaccard threshold: see ddedup(1). */
unsigned mh_rows(double threshold);

/* Working memory of mh_signature(). */
struct mh_work {
	struct buf hashes;	/* the words' hashes */
};

/*
 * The signature of text, words separated by single spaces (as
 * norm_text() makes it), with shingles of k words (a text of fewer words
 * is one shingle).  Returns 0 when the text has no words.
 */
int mh_signature(const char *text, size_t n, unsigned k,
    struct mh_work *w, struct mh_sig *sig);

/* The key of band b (of rows values) of a signature. */
uint64_t mh_band(const unsigned char *v, unsigned b, unsigned rows);

/* The Jaccard similarity two signatures estimate, from 0 to 1. */
double mh_similarity(const unsigned char *a, const unsigned char *b);

#endif
