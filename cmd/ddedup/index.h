/*
 * index.h: the documents kept, saved to a file and loaded again, so that
 * a later run deduplicates against them (--index), and files made on
 * shards merged into one (--merge-index).  The format is in ddedup(1).
 */
#ifndef INDEX_H
#define INDEX_H

#include "docset.h"

/* What must agree between an index and the run that loads it. */
struct index_params {
	unsigned exact;		/* exact mode */
	unsigned shingle;	/* words per shingle (near) */
	unsigned rows;		/* rows per band (near) */
	unsigned norm;		/* NORM_* (exact) */
};

/*
 * Add the documents of index file path to ds.  Returns 1 when loaded, 0
 * when the file does not exist, -1 on an error, described in err.
 */
int index_load(struct docset *ds, const struct index_params *p,
    const char *path, char *err, size_t errlen);

/*
 * Write ds to path through a temporary file in the same folder, synced
 * and renamed over it.  Returns 0, or -1 with err.
 */
int index_save(const struct docset *ds, const struct index_params *p,
    const char *path, char *err, size_t errlen);

/* Write ds as an index to standard output (--merge-index). */
int index_write_stdout(const struct docset *ds,
    const struct index_params *p, char *err, size_t errlen);

/*
 * Read the parameters of index file path into *p, for --merge-index.
 * Returns 0, or -1 with err.
 */
int index_peek(const char *path, struct index_params *p, char *err,
    size_t errlen);

#endif
