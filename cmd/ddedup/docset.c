/*
 * docset.c: the documents kept, in open-addressing tables that grow by
 * doubling and are at most half full.
 *
 * Near mode: a table per band holds the index (plus one) of each kept
 * document at the place its band key hashes to; a lookup compares the
 * band's values in the signatures themselves, so a slot is 4 bytes.
 * Exact mode: one table of 64-bit hashes (0 is written as 1).
 */
#include <stdlib.h>
#include <string.h>

#include "docset.h"

#define MAX_CANDIDATES 64	/* earlier documents compared with one */
#define MIN_CONTAINED 10	/* shingles of a document contained in another */

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

	for (b = 0; b < MH_BANDS; b++)
		free(ds->band[b]);
	free(ds->docs);
	free(ds->hashes);
	free(ds->slot_doc);
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

/* Put document d into band b's table (which has room). */
static void
band_put(struct docset *ds, unsigned b, size_t d)
{
	size_t mask = ds->slots - 1;
	size_t i = mh_band(ds->docs[d].sig.v, b, ds->rows) & mask;

	while (ds->band[b][i] != 0)
		i = (i + 1) & mask;
	ds->band[b][i] = (uint32_t)(d + 1);
}

/* Double the near-mode tables and put the documents back. */
static void
band_grow(struct docset *ds)
{
	size_t d;
	unsigned b;

	ds->slots = ds->slots ? ds->slots * 2 : 1024;
	for (b = 0; b < MH_BANDS; b++) {
		free(ds->band[b]);
		ds->band[b] = xmalloc(ds->slots * sizeof(uint32_t));
		memset(ds->band[b], 0, ds->slots * sizeof(uint32_t));
	}
	for (d = 0; d < ds->n; d++)
		for (b = 0; b < MH_BANDS; b++)
			band_put(ds, b, d);
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
	m->exact = d->exact == k->exact &&
	    memcmp(d->sig.v, k->sig.v, MH_K) == 0 && d->sig.shingles == k->sig.shingles;
}

int
docset_near(const struct docset *ds, const struct kept *d, struct match *m)
{
	size_t seen[MAX_CANDIDATES], nseen = 0, mask = ds->slots - 1, i, k;
	unsigned b, r = ds->rows;
	struct match c;
	int found = 0;

	if (ds->n == 0)
		return 0;
	for (b = 0; b < MH_BANDS; b++) {
		for (i = mh_band(d->sig.v, b, r) & mask; ds->band[b][i] != 0;
		    i = (i + 1) & mask) {
			size_t doc = ds->band[b][i] - 1;

			if (memcmp(ds->docs[doc].sig.v + b * r, d->sig.v + b * r, r) != 0)
				continue;
			for (k = 0; k < nseen && seen[k] != doc; k++)
				continue;
			if (k < nseen)
				continue;
			if (nseen == MAX_CANDIDATES)
				return found;
			seen[nseen++] = doc;
			compare(d, &ds->docs[doc], doc, &c);
			if (!found || c.exact > m->exact || (c.exact == m->exact &&
			    (c.similarity > m->similarity ||
			    (c.similarity == m->similarity &&
			    c.containment > m->containment)))) {
				*m = c;
				found = 1;
			}
		}
	}
	return found;
}

void
docset_add(struct docset *ds, const struct kept *d, const char *id,
    size_t idlen)
{
	unsigned b;

	if (ds->n == ds->cap) {
		ds->cap = ds->cap ? ds->cap * 2 : 1024;
		ds->docs = xrealloc(ds->docs, ds->cap * sizeof(*ds->docs));
	}
	ds->docs[ds->n++] = *d;
	keep_id(ds, id, idlen);
	if (ds->n * 2 > ds->slots)
		band_grow(ds);	/* puts the new document too */
	else
		for (b = 0; b < MH_BANDS; b++)
			band_put(ds, b, ds->n - 1);
}

/* Double the exact-mode table and put the hashes back. */
static void
exact_grow(struct docset *ds)
{
	uint64_t *old = ds->hashes;
	uint32_t *old_doc = ds->slot_doc;
	size_t n = ds->slots, i, j, mask;

	ds->slots = ds->slots ? ds->slots * 2 : 1024;
	mask = ds->slots - 1;
	ds->hashes = xmalloc(ds->slots * sizeof(*ds->hashes));
	memset(ds->hashes, 0, ds->slots * sizeof(*ds->hashes));
	if (ds->keep_ids)
		ds->slot_doc = xmalloc(ds->slots * sizeof(*ds->slot_doc));
	for (i = 0; i < n; i++) {
		if (old[i] == 0)
			continue;
		for (j = old[i] & mask; ds->hashes[j] != 0; j = (j + 1) & mask)
			continue;
		ds->hashes[j] = old[i];
		if (ds->keep_ids)
			ds->slot_doc[j] = old_doc[i];
	}
	free(old);
	free(old_doc);
}

int
docset_exact(struct docset *ds, uint64_t hash, const char *id, size_t idlen,
    size_t *doc)
{
	size_t i, mask;

	if (hash == 0)
		hash = 1;
	if ((ds->n + 1) * 2 > ds->slots)
		exact_grow(ds);
	mask = ds->slots - 1;
	for (i = hash & mask; ds->hashes[i] != 0; i = (i + 1) & mask)
		if (ds->hashes[i] == hash) {
			*doc = ds->keep_ids ? ds->slot_doc[i] : 0;
			return 1;
		}
	ds->hashes[i] = hash;
	if (ds->keep_ids)
		ds->slot_doc[i] = (uint32_t)ds->n;
	keep_id(ds, id, idlen);
	ds->n++;
	return 0;
}

size_t
docset_bytes(const struct docset *ds)
{
	size_t bytes = ds->cap * sizeof(*ds->docs) + ds->ids.cap +
	    ds->id_at.cap;

	if (ds->docs != NULL)
		bytes += MH_BANDS * ds->slots * sizeof(uint32_t);
	if (ds->hashes != NULL)
		bytes += ds->slots * (sizeof(uint64_t) +
		    (ds->keep_ids ? sizeof(uint32_t) : 0));
	return bytes;
}
