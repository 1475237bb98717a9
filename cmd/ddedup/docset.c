/*
 * docset.c: the documents kept, in hash tables that stay at least 72%
 * full as they grow, so that memory follows the documents kept.
 *
 * Near mode: each band has a table of buckets of 8 slots; a document's
 * band key hashes to two buckets (bucketed cuckoo hashing), and its slot
 * in one of them holds its index plus one (27 bits) and 5 bits of the
 * key, a tag, so that a lookup reads a signature only when the tag
 * matches.  When both buckets are full, a document already there is
 * moved to its other bucket, and so on.  The tables are rebuilt from
 * the signatures, FULL_LOW% full, when they are over FULL_HIGH% full or
 * a move finds no room.
 * Exact mode: 64-bit hashes (0 is written as 1) in 256 tables, chosen by
 * a hash's top 8 bits, probed linearly, at most 80% full, grown by 25%:
 * one table grows at a time, so growing takes little memory beside.
 */
#include <stdlib.h>
#include <string.h>

#include "docset.h"

#define MAX_CANDIDATES 64	/* earlier documents compared with one */
#define MIN_CONTAINED 10	/* shingles of a document contained in another */
#define BUCKET 8		/* slots per bucket */
#define TAG_SHIFT 27		/* a slot: tag << TAG_SHIFT | (doc + 1) */
#define DOC_MASK ((1u << TAG_SHIFT) - 1)
#define MAX_MOVES 500		/* moves before an insertion gives up */
#define FULL_LOW 72		/* percent of the slots used after a rebuild */
#define FULL_HIGH 94		/* and before the next */

void
docset_init(struct docset *ds, unsigned rows, int keep_ids)
{
	memset(ds, 0, sizeof(*ds));
	ds->rows = rows;
	ds->keep_ids = keep_ids;
}

void
docset_free(struct docset *ds)
{
	unsigned b;
	size_t t;

	for (b = 0; b < MH_BANDS; b++)
		free(ds->band[b]);
	free(ds->docs);
	for (t = 0; ds->exact != NULL && t < EXACT_TABLES; t++) {
		free(ds->exact[t].hashes);
		free(ds->exact[t].doc);
		free(ds->exact[t].repeats);
	}
	free(ds->exact);
	buf_free(&ds->ids);
	buf_free(&ds->id_at);
	memset(ds, 0, sizeof(*ds));
}

static void
keep_id(struct docset *ds, const char *id, size_t idlen)
{
	size_t at = ds->ids.len;

	if (!ds->keep_ids)
		return;
	buf_append(&ds->ids, id, idlen);
	buf_putc(&ds->ids, '\0');
	buf_append(&ds->id_at, &at, sizeof(at));
}

const char *
docset_id(const struct docset *ds, size_t doc)
{
	const size_t *at = (const size_t *)(const void *)ds->id_at.p;

	return ds->ids.p + at[doc];
}

/* x scaled to [0, n): Lemire's multiply-shift, for any n below 2^32. */
static inline size_t
scale(uint32_t x, size_t n)
{
	return (size_t)(((uint64_t)x * n) >> 32);
}

/* The slot of document doc (from 0) under band key key. */
static inline uint32_t
slot_of(uint64_t key, size_t doc)
{
	return ((uint32_t)key & 31) << TAG_SHIFT | (uint32_t)(doc + 1);
}

/* The two buckets and the tag of a band key. */
static inline void
key_place(uint64_t key, size_t nb, size_t *b1, size_t *b2, uint32_t *tag)
{
	*b1 = scale((uint32_t)(key >> 32), nb);
	*b2 = scale((uint32_t)key, nb);
	*tag = slot_of(key, 0) >> TAG_SHIFT;
}

/* The slots of bucket b of t in use (the free ones come last). */
static inline size_t
bucket_used(const uint32_t *t, size_t b)
{
	size_t i;

	for (i = 0; i < BUCKET && t[b * BUCKET + i] != 0; i++)
		continue;
	return i;
}

/*
 * Whether the full buckets b1 and b2 of band key key already hold BUCKET
 * documents of that key.  No table holds more than 2 * BUCKET documents
 * of one key, and no lookup needs more: a band shared by so many
 * documents (copies kept from merged indexes, or a common passage) is
 * left out of the documents after the first BUCKET.
 */
static int
crowded(const struct docset *ds, const uint32_t *t, unsigned band,
    uint64_t key, size_t b1, size_t b2, uint32_t tag)
{
	const unsigned char *sig;
	size_t i, j, same = 0;
	unsigned r = ds->rows;
	uint32_t v;

	for (j = 0; j < 2 && (j == 0 || b2 != b1); j++)
		for (i = 0; i < BUCKET; i++) {
			v = t[(j ? b2 : b1) * BUCKET + i];
			if (v >> TAG_SHIFT != tag)
				continue;
			sig = ds->docs[(v & DOC_MASK) - 1].sig.v;
			if (mh_band(sig, band, r) == key && ++same >= BUCKET)
				return 1;
		}
	return 0;
}

/*
 * Put slot value v, whose key is key, in band table t: in one of its two
 * buckets, or in place of a document that moves to its other bucket, and
 * so on.  -1 when MAX_MOVES moves found no room (v or one moved out is
 * then left out: the caller builds the table anew).  A document whose
 * key is crowded() is left out, and that is 0.
 */
static int
cuckoo_put(const struct docset *ds, uint32_t *t, unsigned band,
    uint32_t v, uint64_t key)
{
	size_t b1, b2, b, i, u1, u2, moves;
	uint32_t tag, old;

	key_place(key, ds->buckets, &b1, &b2, &tag);
	/* the emptier bucket */
	if ((u1 = bucket_used(t, b1)) <= (u2 = bucket_used(t, b2)) &&
	    u1 < BUCKET) {
		t[b1 * BUCKET + u1] = v;
		return 0;
	}
	if (u2 < BUCKET) {
		t[b2 * BUCKET + u2] = v;
		return 0;
	}
	if (crowded(ds, t, band, key, b1, b2, tag))
		return 0;	/* found through the others and its other bands */
	for (b = b2, moves = 0; moves < MAX_MOVES; moves++) {
		i = (size_t)(key >> 8) % BUCKET;	/* a slot at random */
		old = t[b * BUCKET + i];
		t[b * BUCKET + i] = v;
		v = old;
		key = mh_band(ds->docs[(v & DOC_MASK) - 1].sig.v, band,
		    ds->rows);
		key_place(key, ds->buckets, &b1, &b2, &tag);
		b = b1 == b ? b2 : b1;	/* its other bucket */
		if ((u1 = bucket_used(t, b)) < BUCKET) {
			t[b * BUCKET + u1] = v;
			return 0;
		}
	}
	return -1;
}

/*
 * Band b's table for the documents kept; NULL when one finds no room.
 * The bucket of the document AHEAD places on is fetched into the cache
 * while this one is put.
 */
#define AHEAD 16

static uint32_t *
band_build(const struct docset *ds, unsigned b)
{
	size_t d, b1, b2, size = ds->buckets * BUCKET * sizeof(uint32_t);
	uint32_t *t = xmalloc(size), tag;
	uint64_t key[AHEAD] = { 0 }, k;

	memset(t, 0, size);
	for (d = 0; d < ds->n + AHEAD; d++) {
		/* put document d - AHEAD, whose key is in key[d % AHEAD] */
		k = key[d % AHEAD];
		if (d >= AHEAD && cuckoo_put(ds, t, b, slot_of(k, d - AHEAD),
		    k) < 0) {
			free(t);
			return NULL;
		}
		if (d < ds->n) {	/* and fetch document d's buckets */
			k = key[d % AHEAD] = mh_band(ds->docs[d].sig.v, b,
			    ds->rows);
			key_place(k, ds->buckets, &b1, &b2, &tag);
			__builtin_prefetch(&t[b1 * BUCKET], 1);
			__builtin_prefetch(&t[b2 * BUCKET], 1);
		}
	}
	return t;
}

static void
band_free(struct docset *ds)
{
	unsigned b;

	for (b = 0; b < MH_BANDS; b++) {
		free(ds->band[b]);
		ds->band[b] = NULL;
	}
}

/*
 * Build the band tables anew, with buckets for the documents kept at FULL_LOW%
 * of their slots; larger while a document finds no room.  The old tables
 * are freed first: the signatures hold all they held.
 */
static void
band_rebuild(struct docset *ds)
{
	unsigned b;

	band_free(ds);
	ds->buckets = ds->n * 100 / ((size_t)FULL_LOW * BUCKET) + 64;
	for (;;) {
		for (b = 0; b < MH_BANDS; b++)
			if ((ds->band[b] = band_build(ds, b)) == NULL)
				break;
		if (b == MH_BANDS)
			return;
		band_free(ds);
		ds->buckets += ds->buckets / 4;
	}
}

/* How alike a new document is to kept document k. */
static void
compare(const struct kept *d, const struct kept *k, size_t doc,
    struct match *m)
{
	double j = mh_similarity(d->sig.v, k->sig.v), common, small;

	m->doc = doc;
	m->similarity = j;
	/* |A and B| = J (|A| + |B|) / (1 + J); containment is that over
	 * the smaller set */
	common = j * ((double)d->sig.shingles + k->sig.shingles) / (1 + j);
	small = d->sig.shingles < k->sig.shingles ? d->sig.shingles : k->sig.shingles;
	m->containment = small >= MIN_CONTAINED ? common / small : 0;
	if (m->containment > 1)
		m->containment = 1;
	m->exact = d->exact == k->exact && d->sig.shingles == k->sig.shingles &&
	    memcmp(d->sig.v, k->sig.v, MH_K) == 0;
}

/* Nonzero when match c is better than m: exact, then more alike. */
static int
better(const struct match *c, const struct match *m)
{
	if (c->exact != m->exact)
		return c->exact > m->exact;
	if (c->similarity != m->similarity)
		return c->similarity > m->similarity;
	return c->containment > m->containment;
}

int
docset_near(const struct docset *ds, const struct kept *d, struct match *m)
{
	size_t seen[MAX_CANDIDATES], nseen = 0, place[MH_BANDS][2], i, j, k;
	size_t doc;
	const size_t *bucket;
	unsigned b, r = ds->rows;
	uint32_t tags[MH_BANDS], tag, v;
	const uint32_t *t;
	struct match c;
	int found = 0;

	if (ds->n == 0)
		return 0;
	/* fetch all the buckets at once, then look in them */
	for (b = 0; b < MH_BANDS; b++) {
		key_place(mh_band(d->sig.v, b, r), ds->buckets, &place[b][0],
		    &place[b][1], &tags[b]);
		__builtin_prefetch(&ds->band[b][place[b][0] * BUCKET]);
		__builtin_prefetch(&ds->band[b][place[b][1] * BUCKET]);
	}
	for (b = 0; b < MH_BANDS; b++) {
		t = ds->band[b];
		bucket = place[b];
		tag = tags[b];
		for (j = 0; j < 2 && (j == 0 || bucket[1] != bucket[0]); j++)
			for (i = 0; i < BUCKET; i++) {
				v = t[bucket[j] * BUCKET + i];
				if (v == 0)
					break;	/* the rest are free too */
				if (v >> TAG_SHIFT != tag)
					continue;
				doc = (v & DOC_MASK) - 1;
				if (memcmp(ds->docs[doc].sig.v + (size_t)b * r,
				    d->sig.v + (size_t)b * r, r) != 0)
					continue;
				for (k = 0; k < nseen && seen[k] != doc; k++)
					continue;
				if (k < nseen)
					continue;
				if (nseen == MAX_CANDIDATES)
					return found;
				seen[nseen++] = doc;
				compare(d, &ds->docs[doc], doc, &c);
				if (!found || better(&c, m)) {
					*m = c;
					found = 1;
				}
			}
	}
	return found;
}

int
docset_add(struct docset *ds, const struct kept *d, const char *id,
    size_t idlen)
{
	uint64_t key;
	unsigned b;

	if (ds->n >= DOCSET_MAX_NEAR)
		return -1;
	if (ds->n == ds->cap) {
		ds->cap = ds->cap ? ds->cap + ds->cap / 2 : 1024;
		ds->docs = xrealloc(ds->docs, ds->cap * sizeof(*ds->docs));
	}
	ds->docs[ds->n++] = *d;
	keep_id(ds, id, idlen);
	if (ds->n * 100 > ds->buckets * BUCKET * FULL_HIGH) {
		band_rebuild(ds);	/* puts the new document too */
		return 0;
	}
	for (b = 0; b < MH_BANDS; b++) {
		key = mh_band(d->sig.v, b, ds->rows);
		if (cuckoo_put(ds, ds->band[b], b, slot_of(key, ds->n - 1),
		    key) < 0) {
			band_rebuild(ds);	/* a bucket overflowed */
			return 0;
		}
	}
	return 0;
}

/* Grow exact-mode table x by a quarter and put its hashes back. */
static void
exact_grow(struct exact_table *x, int keep_ids, int counts)
{
	uint64_t *old = x->hashes;
	uint32_t *old_doc = x->doc;
	unsigned char *old_repeats = x->repeats;
	size_t n = x->slots, i, j;

	x->slots = x->slots ? x->slots + x->slots / 4 : 64;
	x->hashes = xmalloc(x->slots * sizeof(*x->hashes));
	memset(x->hashes, 0, x->slots * sizeof(*x->hashes));
	if (keep_ids)
		x->doc = xmalloc(x->slots * sizeof(*x->doc));
	if (counts)
		x->repeats = xmalloc(x->slots);
	for (i = 0; i < n; i++) {
		if (old[i] == 0)
			continue;
		for (j = scale((uint32_t)old[i], x->slots); x->hashes[j] != 0;
		    j = j + 1 < x->slots ? j + 1 : 0)
			continue;
		x->hashes[j] = old[i];
		if (keep_ids)
			x->doc[j] = old_doc[i];
		if (counts)
			x->repeats[j] = old_repeats[i];
	}
	free(old);
	free(old_doc);
	free(old_repeats);
}

unsigned
docset_exact(struct docset *ds, uint64_t hash, const char *id, size_t idlen,
    size_t *doc)
{
	struct exact_table *x;
	size_t i;

	if (ds->exact == NULL) {
		ds->exact = xmalloc(EXACT_TABLES * sizeof(*ds->exact));
		memset(ds->exact, 0, EXACT_TABLES * sizeof(*ds->exact));
	}
	if (hash == 0)
		hash = 1;
	x = &ds->exact[hash >> 56];
	if ((x->n + 1) * 5 > x->slots * 4)	/* over 80% full */
		exact_grow(x, ds->keep_ids, ds->counts);
	for (i = scale((uint32_t)hash, x->slots); x->hashes[i] != 0;
	    i = i + 1 < x->slots ? i + 1 : 0)
		if (x->hashes[i] == hash) {
			*doc = ds->keep_ids ? x->doc[i] : 0;
			if (!ds->counts)
				return 1;
			if (x->repeats[i] < 255)
				x->repeats[i]++;
			return x->repeats[i];
		}
	x->hashes[i] = hash;
	if (ds->counts)
		x->repeats[i] = 0;
	if (ds->keep_ids)
		x->doc[i] = (uint32_t)ds->n;
	x->n++;
	keep_id(ds, id, idlen);
	ds->n++;
	return 0;
}

void
docset_exact_each(const struct docset *ds,
    void (*fn)(void *arg, uint64_t hash, size_t doc), void *arg)
{
	const struct exact_table *x;
	size_t t, i;

	for (t = 0; ds->exact != NULL && t < EXACT_TABLES; t++)
		for (x = &ds->exact[t], i = 0; i < x->slots; i++)
			if (x->hashes[i] != 0)
				fn(arg, x->hashes[i], ds->keep_ids ?
				    x->doc[i] : 0);
}

size_t
docset_bytes(const struct docset *ds)
{
	size_t bytes = ds->cap * sizeof(*ds->docs) + ds->ids.cap +
	    ds->id_at.cap, t;

	if (ds->docs != NULL)
		bytes += MH_BANDS * ds->buckets * BUCKET * sizeof(uint32_t);
	for (t = 0; ds->exact != NULL && t < EXACT_TABLES; t++)
		bytes += ds->exact[t].slots * (sizeof(uint64_t) +
		    (ds->keep_ids ? sizeof(uint32_t) : 0) +
		    (ds->counts ? 1 : 0));
	return bytes;
}
