/*
 * Unit tests for cmd/ddedup/docset.c: every document kept is found again,
 * through each of its bands, however the tables grew; a document is not
 * found by one that shares no band with it; exact mode finds every hash
 * and no other; and memory per document stays within the figures that
 * ddedup(1) states.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "docset.h"

static uint64_t rng = 88172645463325252ULL;

/* xorshift64: the tests' own random numbers, the same on every run. */
static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/*
 * A document with a random signature: of values below 128 for those kept,
 * of values from 128 up (high) for those asked about, which so share no
 * band with a kept one but by design.
 */
static void
random_doc(struct kept *k, int high)
{
	size_t i;

	for (i = 0; i < MH_K; i++)
		k->sig.v[i] = (unsigned char)((next() & 0x7f) | (high ? 0x80 :
		    0));
	k->sig.shingles = 100;
	k->exact = (uint32_t)next();
}

/* Documents are found again whatever band they are asked by. */
static void
test_near(size_t n)
{
	struct docset ds;
	struct kept *docs = malloc(n * sizeof(*docs)), q;
	struct match m;
	size_t i, lost = 0, wrong = 0, by_band = 0, strangers = 0;
	unsigned b, rows = 4;

	docset_init(&ds, rows, 0);
	for (i = 0; i < n; i++) {
		random_doc(&docs[i], 0);
		if (docset_add(&ds, &docs[i], "", 0) < 0)
			lost++;
	}
	for (i = 0; i < n; i++)
		if (!docset_near(&ds, &docs[i], &m) || m.doc != i || !m.exact)
			wrong++;
	/* a document sharing only band b with document i finds it */
	for (i = 0; i < n; i += 97) {
		b = (unsigned)(i % MH_BANDS);
		random_doc(&q, 1);
		memcpy(q.sig.v + (size_t)b * rows, docs[i].sig.v + (size_t)b * rows, rows);
		if (docset_near(&ds, &q, &m) && m.doc == i && !m.exact)
			by_band++;
	}
	for (i = 0; i < 1000; i++) {
		random_doc(&q, 1);
		strangers += docset_near(&ds, &q, &m);
	}
	CHECK("every document is kept", lost == 0 && ds.n == n);
	CHECK("every document finds itself, as an exact match", wrong == 0);
	CHECK("a document sharing one band finds the other",
	    by_band == (n + 96) / 97);
	CHECK("documents sharing no band find nothing", strangers == 0);
	CHECK("near mode: under 128 bytes a document (cap aside)",
	    docset_bytes(&ds) - (ds.cap - ds.n) * sizeof(struct kept) <
	    128 * n + (size_t)64 * 1024);
	docset_free(&ds);
	free(docs);
}

/* Exact mode finds each hash kept, with its document, and no other. */
static void
test_exact(size_t n)
{
	struct docset ds;
	size_t i, doc, missed = 0, wrong = 0, false_hits = 0;
	uint64_t seed = rng;

	docset_init(&ds, 4, 1);
	for (i = 0; i < n; i++)
		if (docset_exact(&ds, next(), "x", 1, &doc))
			false_hits++;
	rng = seed;
	for (i = 0; i < n; i++) {
		if (!docset_exact(&ds, next(), "x", 1, &doc))
			missed++;
		else if (doc != i)
			wrong++;
	}
	CHECK("exact: new hashes are new", false_hits == 0);
	CHECK("exact: every hash is found again", missed == 0 && ds.n == n);
	CHECK("exact: with the document that brought it", wrong == 0);
	CHECK("exact: zero is a hash like another",
	    !docset_exact(&ds, 0, "z", 1, &doc) &&
	    docset_exact(&ds, 0, "z", 1, &doc) && doc == n);
	docset_free(&ds);

	docset_init(&ds, 4, 0);
	for (i = 0; i < n; i++)
		docset_exact(&ds, next(), "", 0, &doc);
	CHECK("exact mode: under 16 bytes a document",
	    docset_bytes(&ds) < 16 * n + (size_t)64 * 1024);
	docset_free(&ds);
}

int
main(void)
{
	test_near(1);
	test_near(1000);
	test_near(150000);
	test_exact(1);
	test_exact(300000);
	return check_status();
}
