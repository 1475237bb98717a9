/*
 * segment.h: cut a stream of lines into documents.
 *
 * The segmenter keeps the lines of the document being read and a few
 * dozen lines of lookahead, decides for each line whether it starts a
 * new document (the rules are in segment.c and dsplit(1)), and writes
 * each document as a record as soon as the next one starts.
 */
#ifndef SEGMENT_H
#define SEGMENT_H

#include "buf.h"
#include "dsplit.h"
#include "line.h"
#include "record.h"

struct head_memo;

struct seg {
	const struct dsplit_opts *opts;
	const char *source;	/* input name, for id and source */
	size_t source_len;
	struct line *v;		/* the current document, then lookahead */
	size_t n;
	size_t cap;
	struct buf text;	/* the lines' text, each followed by '\n' */
	struct buf src;		/* the source bytes of lines cleaned */
	struct seg_src {	/* where, in line order: see seg_source() */
		uint64_t line;	/* dropped + the line's index in v */
		size_t off;	/* in src */
	} *srcs;
	size_t nsrcs;
	size_t capsrcs;
	size_t next;		/* the next line to decide */
	uint64_t dropped;	/* lines forgotten before v[0] */
	uint64_t docno;		/* documents written from this source */
	size_t protect;		/* see protected_until() in segment.c */
	const char *doc_id;	/* -f records: the id of the one document */
	const struct record *extra;	/* -f warc: headers to add (url...) */
	struct head_memo *memo;	/* head.c's last answers */
};

#define NONE ((size_t)-1)	/* no line */

/* The text of line i (not NUL-terminated: a newline follows it). */
static inline const char *
seg_text(const struct seg *sg, size_t i)
{
	return sg->text.p + sg->v[i].off;
}

void seg_init(struct seg *sg, const struct dsplit_opts *opts,
    const char *source);

/*
 * Add one line (without its line end) read at lineno and bytes byte..end
 * (n of them); NUL bytes are dropped and invalid UTF-8 repaired (and
 * counted).
 */
void seg_add(struct seg *sg, const char *s, size_t n, uint64_t lineno,
    uint64_t byte, uint64_t end);

/* The same for a line of text made from the source bytes byte..end. */
void seg_add_made(struct seg *sg, const char *s, size_t n, uint64_t lineno,
    uint64_t byte, uint64_t end);

/* Count NUL bytes dropped and UTF-8 repaired, for --stats. */
void seg_repairs(uint64_t nuls, uint64_t repaired);

/*
 * Add a line read and classified already (reader.c), whose text is
 * s[0..line->len) and, when that text was cleaned, whose source bytes
 * are src (else NULL).
 */
void seg_add_line(struct seg *sg, const struct line *line, const char *s,
    const char *src);

/*
 * The source bytes (byte..end) of line i when its text was cleaned
 * (LF_CLEANED), or NULL.
 */
const char *seg_source(const struct seg *sg, size_t i);

/* Forget all the lines (a WARC record's, once written). */
void seg_clear(struct seg *sg);

/* Decide what can be decided; at the end of input, write the rest. */
void seg_flush(struct seg *sg, int at_end);

void seg_free(struct seg *sg);

/*
 * The first line of lines first..end-1 after the document's opening
 * chrome: breadcrumbs and other opening chrome, and section labels; or a
 * line that looks like opening chrome but is a release's title, echoed
 * after its bylines.  end when there is none.
 */
size_t seg_opening(const struct seg *sg, size_t first, size_t end);

/* doc.c: write lines v[0..n) as one document record. */
void doc_write(struct seg *sg, size_t n);

/* unit.c: write lines first..last (but chrome) as paragraphs or
 * sentences of the document docid. */
void units_write(const struct seg *sg, size_t first, size_t last,
    const unsigned char *chrome, const char *docid);

/* head.c: the head of a reposted release that opens at line s. */
struct head {
	size_t lines[8];	/* lines between s and the body */
	size_t count;
	size_t body;		/* first body line, or (size_t)-1 */
	int confirmed;		/* bylines or an echoed title seen */
	size_t echo;		/* the line echoing the title, or -1 */
	size_t title;		/* the title line */
};

/*
 * Find the head of a release at line s (a line that looks like chrome
 * too, when chrome is nonzero); nonzero when it is confirmed.
 */
int head_find(const struct seg *sg, size_t s, int chrome, struct head *h);

/* head_find()'s last answers (see head.c). */
#define HEAD_MEMO 4
struct head_memo {
	struct {
		int valid;
		uint64_t line;		/* the line asked about: dropped + s */
		int found;
		struct head head;	/* its lines counted from that line */
	} slot[HEAD_MEMO];
	unsigned next;		/* the slot to fill next */
};

/*
 * Nonzero when line i is a section label: one or two capitalised words,
 * a blank, then a line that is not a byline.
 */
int label_at(const struct seg *sg, size_t i);

#endif
