/*
 * docset.h: the documents kept so far, as ddedup remembers them.
 *
 * Near mode keeps each document's signature, its size in shingles and a
 * fingerprint of its exact text, and finds earlier documents that share
 * a band with a new one.  Exact mode keeps a 64-bit hash of each text.
 * With --mark the ids are kept too, for dup_of.
 */
#ifndef DOCSET_H
#define DOCSET_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "minhash.h"

struct kept {
	struct mh_sig sig;
	uint32_t exact;		/* fingerprint of the normalised text */
};

/* One of exact mode's tables: hashes (0 for none), linearly probed. */
struct exact_table {
	uint64_t *hashes;
	uint32_t *doc;		/* with ids: the document of each slot */
	unsigned char *repeats;	/* with counts: repeats seen, up to 255 */
	size_t slots;
	size_t n;
};

#define EXACT_TABLES 256	/* chosen by a hash's top 8 bits */

struct docset {
	unsigned rows;		/* per band */
	int keep_ids;
	int counts;		/* exact mode: count repeats of each hash */
	size_t n;		/* documents kept */
	size_t cap;
	struct kept *docs;	/* near mode */
	uint32_t *band[MH_BANDS];	/* buckets of slots: see docset.c */
	size_t buckets;		/* of each band's table */
	struct exact_table *exact;	/* exact mode: EXACT_TABLES of them */
	struct buf ids;		/* ids, each NUL-terminated */
	struct buf id_at;	/* size_t offsets into ids */
};

void docset_init(struct docset *ds, unsigned rows, int keep_ids);
void docset_free(struct docset *ds);

/* A match: the earlier document, and how alike they are. */
struct match {
	size_t doc;
	double similarity;	/* estimated Jaccard similarity */
	double containment;	/* share of the smaller in the larger */
	int exact;		/* same fingerprint and signature */
};

/*
 * Find the earlier document most like d (the highest similarity, then
 * containment); 0 when no earlier document shares a band with it.
 */
int docset_near(const struct docset *ds, const struct kept *d,
    struct match *m);

/* The most documents near mode keeps: 2^27 - 2. */
#define DOCSET_MAX_NEAR ((1u << 27) - 2)

/* Keep d (near mode), with id (for --mark); -1 past DOCSET_MAX_NEAR. */
int docset_add(struct docset *ds, const struct kept *d, const char *id,
    size_t idlen);

/*
 * Exact mode: nonzero when hash was seen (*doc is that document's index
 * when ids are kept): with counts, the times it was seen before this one
 * (up to 255).  Otherwise it is added with id, and 0 returned.
 */
unsigned docset_exact(struct docset *ds, uint64_t hash, const char *id,
    size_t idlen, size_t *doc);

/* Exact mode: call fn(arg, hash, doc) for each hash kept. */
void docset_exact_each(const struct docset *ds,
    void (*fn)(void *arg, uint64_t hash, size_t doc), void *arg);

/* The id of kept document doc (with keep_ids). */
const char *docset_id(const struct docset *ds, size_t doc);

/* Bytes of memory held, for --stats. */
size_t docset_bytes(const struct docset *ds);

#endif
