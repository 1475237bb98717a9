/*
 * paragraph.h: --within-doc: the paragraphs of a document's body that
 * were seen before in the stream.
 */
#ifndef PARAGRAPH_H
#define PARAGRAPH_H

#include "buf.h"
#include "docset.h"

struct para_opts {
	unsigned norm;		/* NORM_* */
	unsigned min_repeats;	/* earlier sightings that make a repeat */
	int mark;		/* keep repeats; list them in *repeats */
};

/*
 * Look up the paragraphs of body[0..n), of the document id, in ds (an
 * exact-mode set), adding the new ones; write to out the body without
 * the paragraphs seen min_repeats times before (with mark: the whole
 * body), and to repeats their numbers, from 1, comma-separated.
 * Returns how many there were; *paras is set to the paragraphs that
 * have words.
 */
size_t para_repeats(struct docset *ds, const char *id, const char *body,
    size_t n, const struct para_opts *o, struct buf *out,
    struct buf *repeats, size_t *paras);

#endif
