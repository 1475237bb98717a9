/*
 * html.h: the text of an HTML page, as lines, for the response records
 * of WARC files.
 */
#ifndef HTML_H
#define HTML_H

#include <stddef.h>

#include "buf.h"

/* A line of text and the bytes of HTML it came from. */
struct html_line {
	size_t off, len;	/* in the text */
	size_t src, src_end;	/* in the HTML: first and last byte, + 1 */
};

struct html_lines {
	struct html_line *v;
	size_t n, cap;
};

/*
 * The text of the HTML s[0..n) into text, a line at a time into lines:
 * tags dropped; the head, scripts, styles and comments left out; a block
 * (p, div, h1, li, tr, br...) on lines of its own, blocks apart by a
 * blank line; white space collapsed but in pre; character references
 * decoded.
 */
void html_text(const char *s, size_t n, struct buf *text,
    struct html_lines *lines);

void html_lines_free(struct html_lines *lines);

#endif
