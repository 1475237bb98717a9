/*
 * fuzz_index.c: the index files of ddedup --index and --merge-index
 * (cmd/ddedup/index.c, with docset.c behind it).
 *
 * The fuzz bytes are the index file, loaded three ways:
 *  - as --merge-index does: index_peek() reads its parameters, the
 *    document set is made with them, and index_load() fills it; when it
 *    loads, index_write_stdout() writes the set (to a memory file) and
 *    that must load again, with as many documents;
 *  - as --index does with the default options, near mode (5-word
 *    shingles, the rows of --threshold 0.8) and exact mode (normalize
 *    all), where an index of other parameters is an error.
 * The checksum at the end covers all the bytes before it, so mutated
 * files mostly stop there; the documents before it are read and added
 * all the same.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "docset.h"
#include "index.h"
#include "minhash.h"
#include "normalize.h"
#include "prog.h"

#include "fuzz.h"

static struct index_params near_params, exact_params;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init("fuzz_index");
	/* ddedup's defaults: see main() */
	near_params.exact = 0;
	near_params.shingle = 5;
	near_params.rows = mh_rows(0.8);
	near_params.norm = NORM_ALL;
	exact_params.exact = 1;
	exact_params.shingle = 0;
	exact_params.rows = 0;
	exact_params.norm = NORM_ALL;
	return 0;
}

/* --merge-index of the one file; then load what it wrote. */
static void
merge(const char *path)
{
	struct index_params p, q;
	struct docset ds, again;
	char err[512];

	err[0] = '\0';
	if (index_peek(path, &p, err, sizeof(err)) < 0)
		return;
	docset_init(&ds, p.rows, 1);
	if (index_load(&ds, &p, path, err, sizeof(err)) == 1) {
		out_init(&prog.out, fuzz_out_begin(), 4096);
		if (index_write_stdout(&ds, &p, err, sizeof(err)) < 0 ||
		    out_flush(&prog.out) < 0)
			fuzz_fail("index_write_stdout: %s", err);
		out_free(&prog.out);
		if (index_peek(fuzz_out_path, &q, err, sizeof(err)) < 0)
			fuzz_fail("a written index: %s", err);
		docset_init(&again, q.rows, 1);
		if (index_load(&again, &q, fuzz_out_path, err,
		    sizeof(err)) != 1)
			fuzz_fail("a written index does not load: %s", err);
		if (again.n != ds.n)
			fuzz_fail("a written index of %zu documents loads"
			    " %zu", ds.n, again.n);
		docset_free(&again);
	}
	docset_free(&ds);
}

/* --index FILE with the parameters of the run, p. */
static void
load(const char *path, const struct index_params *p)
{
	struct docset ds;
	char err[512];

	err[0] = '\0';
	docset_init(&ds, p->rows, 1);
	if (index_load(&ds, p, path, err, sizeof(err)) < 0 && err[0] == '\0')
		fuzz_fail("index_load: an error without a message");
	docset_free(&ds);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);

	merge(path);
	load(path, &near_params);
	load(path, &exact_params);
	return 0;
}
