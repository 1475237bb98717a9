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

struct docset {
	unsigned rows;		/* per band */
	int keep_ids;
	size_t n;		/* documents kept */
	size_t cap;
	struct kept *docs;	/* near mode */
	uint32_t *band[MH_BANDS];	/* doc index + 1, or 0 */
	uint64_t *hashes;	/* exact mode: the hashes, 0 for none */
	uint32_t *slot_doc;	/* exact mode with ids: doc of each slot */
	size_t slots;		/* of each table, a power of 2 */
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

/* Keep d (near mode), with id (for --mark). */
void docset_add(struct docset *ds, const struct kept *d, const char *id,
    size_t idlen);

/*
 * Exact mode: nonzero when hash was seen (*doc is that document's index
 * when ids are kept); otherwise it is added with id.
 */
int docset_exact(struct docset *ds, uint64_t hash, const char *id,
    size_t idlen, size_t *doc);

/* The id of kept document doc (with keep_ids). */
const char *docset_id(const struct docset *ds, size_t doc);

/* Bytes of memory held, for --stats. */
size_t docset_bytes(const struct docset *ds);

#endif
