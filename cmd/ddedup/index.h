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

/*
 * Shards deduplicated apart (ddedup(1)): a signature file holds each
 * record's document, none dropped, and the settings that decide; a
 * decision file says which records to keep.
 */
struct sig_params {
	struct index_params ix;
	double threshold;	/* near mode */
	double containment;	/* near mode */
	unsigned min_repeats;	/* exact mode */
};

/* One record of a signature file. */
struct sig_entry {
	struct kept k;		/* near mode: shingles 0 for no words */
	uint64_t hash;		/* exact mode */
	const char *id;
	size_t idlen;
};

struct sig_file;

/* A new signature file at path, or NULL with err. */
struct sig_file *sig_create(const char *path, const struct sig_params *p,
    char *err, size_t errlen);

/* Add a record's entry. */
void sig_put(struct sig_file *f, const struct sig_entry *e);

/*
 * End f and close it: renamed over its path when commit is nonzero,
 * removed otherwise.  Returns 0, or -1 with err.
 */
int sig_close(struct sig_file *f, int commit, char *err, size_t errlen);

/*
 * Open signature file path, made with the settings p, or NULL with err.
 */
struct sig_file *sig_open(const char *path, const struct sig_params *p,
    char *err, size_t errlen);

/*
 * The next entry of f (its id valid until the next call): 1, or 0 at
 * the end, once the count and the hash are checked; -1 with the err
 * given to sig_open().
 */
int sig_next(struct sig_file *f, struct sig_entry *e);

/* Close a signature file opened with sig_open(). */
void sig_free(struct sig_file *f);

/*
 * Write the decision file path: count records, bit i of keep[i / 8] set
 * for a record kept, ids the hash of their ids.  Returns 0, or -1 with
 * err.
 */
int keep_save(const char *path, const unsigned char *keep, uint64_t count,
    uint64_t ids, char *err, size_t errlen);

/*
 * Load decision file path into keep (bits), *count and *ids, checked
 * whole.  Returns 0, or -1 with err.
 */
int keep_load(const char *path, struct buf *keep, uint64_t *count,
    uint64_t *ids, char *err, size_t errlen);

#endif
