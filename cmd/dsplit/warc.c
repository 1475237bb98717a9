/*
 * warc.c: read WARC files (WARC/WET, gzipped or not, one member per
 * record or one for all) and make each "conversion" or "response" record
 * a document: its text (a response's HTTP headers left out, and an HTML
 * response's text taken out of its markup by html.c) is the body, its
 * WARC-Target-URI and WARC-Date the url and warc_date headers.  Other
 * records (warcinfo, request, metadata) are skipped.  Line numbers and
 * bytes are those of the decompressed file.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chunk.h"
#include "html.h"
#include "prog.h"
#include "reader.h"
#include "segment.h"

enum warc_state { AT_VERSION, IN_HEADER, IN_CONTENT };

struct warc {
	struct record extra;	/* url and warc_date of the record */
	unsigned long long left;	/* content bytes still to read */
	int keep;		/* a conversion or response record */
	int http;		/* a response: skip its HTTP headers */
	int in_http;
	int html;		/* its HTTP Content-Type is HTML */
	struct buf content;	/* an HTML response's content */
	struct src_line {	/* where each of its lines starts */
		size_t off;	/* in content */
		uint64_t lineno;
		uint64_t byte;	/* in the file, from 0 */
	} *src;
	size_t nsrc, capsrc;
	struct buf text;	/* its text, and lines, from html_text() */
	struct html_lines lines;
	struct buf scratch[2];	/* clean_text()'s, for header values */
};

/* Nonzero when s[0..n) holds "html", in any case. */
static int
names_html(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 4 <= n; i++)
		if (strncasecmp(s + i, "html", 4) == 0)
			return 1;
	return 0;
}

/* Keep line p[0..n) (with its newline) of an HTML response. */
static void
html_line(struct warc *w, const char *p, size_t n, uint64_t lineno,
    uint64_t byte)
{
	if (w->nsrc == w->capsrc) {
		w->capsrc = w->capsrc ? w->capsrc * 2 : 256;
		w->src = xrealloc(w->src, w->capsrc * sizeof(*w->src));
	}
	w->src[w->nsrc].off = w->content.len;
	w->src[w->nsrc].lineno = lineno;
	w->src[w->nsrc++].byte = byte;
	buf_append(&w->content, p, n);
}

/* The source line that holds content byte off. */
static const struct src_line *
src_of(const struct warc *w, size_t off)
{
	size_t lo = 0, hi = w->nsrc, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (w->src[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return &w->src[lo];
}

/*
 * Add the text of an HTML response to sg, a line at a time: as source
 * text when it is the HTML's bytes unchanged (no markup, references or
 * white space collapsed in it), so that offsets in it are bytes of the
 * file; as text made from its HTML otherwise.
 */
static void
html_add(struct warc *w, struct seg *sg)
{
	const struct html_line *l;
	const struct src_line *a, *b;
	uint64_t byte, end;
	size_t i;

	if (w->nsrc == 0)
		return;
	html_text(w->content.p, w->content.len, &w->text, &w->lines);
	for (i = 0; i < w->lines.n; i++) {
		l = &w->lines.v[i];
		a = src_of(w, l->src);
		b = src_of(w, l->src_end > l->src ? l->src_end - 1 : l->src);
		byte = a->byte + (l->src - a->off) + 1;
		end = l->src_end > l->src ?
		    b->byte + (l->src_end - 1 - b->off) + 1 : byte - 1;
		if (l->src_end - l->src == l->len && (l->len == 0 ||
		    memcmp(w->content.p + l->src, w->text.p + l->off,
		    l->len) == 0))
			seg_add(sg, w->text.p + l->off, l->len, a->lineno,
			    byte, end);
		else
			seg_add_made(sg, w->text.p + l->off, l->len,
			    a->lineno, byte, end);
	}
}

/* The value of "Name: value" if line s[0..n) is that header, or NULL. */
static const char *
header_value(const char *s, size_t n, const char *name, size_t *len)
{
	size_t k = strlen(name);

	if (n <= k + 1 || strncasecmp(s, name, k) != 0 || s[k] != ':')
		return NULL;
	for (k++; k < n && s[k] == ' '; k++)
		continue;
	*len = n - k;
	return s + k;
}

/* Add header key of value v[0..len), its NULs dropped and UTF-8 repaired
 * as the text's are. */
static void
add_header(struct warc *w, const char *key, const char *v, size_t len)
{
	uint64_t nuls = 0, repaired = 0;

	v = clean_text(v, &len, w->scratch, &nuls, &repaired);
	seg_repairs(nuls, repaired);
	rec_add(&w->extra, key, strlen(key), v, len);
}

static void
warc_header(struct warc *w, const char *s, size_t n)
{
	const char *v;
	size_t len;

	if ((v = header_value(s, n, "WARC-Type", &len)) != NULL) {
		w->keep = (len == 10 && strncmp(v, "conversion", 10) == 0) ||
		    (len == 8 && strncmp(v, "response", 8) == 0);
		w->http = len == 8;
	} else if ((v = header_value(s, n, "WARC-Target-URI", &len)) != NULL)
		add_header(w, "url", v, len);
	else if ((v = header_value(s, n, "WARC-Date", &len)) != NULL)
		add_header(w, "warc_date", v, len);
	else if ((v = header_value(s, n, "Content-Length", &len)) != NULL)
		w->left = strtoull(v, NULL, 10);
}

void
split_warc(struct input *in, const struct dsplit_opts *opts)
{
	struct chunk_reader r;
	struct seg sg;
	struct warc w;
	enum warc_state state = AT_VERSION;
	uint64_t lineno = 0;
	int junk = 0;		/* in lines that are no record's */
	size_t n, take, vlen;
	const char *v;
	char *p;
	int ret;

	memset(&w, 0, sizeof(w));
	rec_init(&w.extra);
	chunk_init(&r, in, '\n');
	seg_init(&sg, opts, input_name(in));
	sg.extra = &w.extra;
	while ((ret = chunk_next(&r, &p, &n)) != CHUNK_END) {
		if (ret == CHUNK_ERROR) {
			prog_error("%s: %s", input_label(in), input_error(in));
			break;
		}
		lineno++;
		take = n + (ret == CHUNK_OK);	/* the newline is content */
		if (state == IN_CONTENT) {
			if (take > w.left)
				take = (size_t)w.left;
			w.left -= take;
			if (w.keep && !w.in_http && w.html)
				html_line(&w, p, take, lineno, r.offset);
			else if (w.keep && !w.in_http) {
				size_t len = take < n ? take : n;

				if (len > 0 && p[len - 1] == '\r')
					len--;
				seg_add(&sg, p, len, lineno, r.offset + 1,
				    r.offset + len);
			}
			if (w.in_http && (v = header_value(p, n, "Content-Type",
			    &vlen)) != NULL && names_html(v, vlen))
				w.html = 1;
			if (w.in_http && (n == 0 || (n == 1 && p[0] == '\r')))
				w.in_http = 0;
			if (w.left == 0) {
				if (w.keep && w.html)
					html_add(&w, &sg);
				if (w.keep && sg.n > 0)
					doc_write(&sg, sg.n);
				seg_clear(&sg);
				state = AT_VERSION;
			}
			continue;
		}
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (state == AT_VERSION) {
			if (n >= 5 && strncmp(p, "WARC/", 5) == 0) {
				rec_clear(&w.extra);
				w.keep = w.http = w.html = 0;
				w.left = 0;
				w.content.len = w.nsrc = 0;
				state = IN_HEADER;
				junk = 0;
			} else if (n > 0 && !junk) {
				/* blank lines part records; anything else is
				 * reported, once a run, and skipped */
				prog_error("%s: line %llu: not a WARC record; "
				    "skipped to the next WARC/ line",
				    input_label(in), (unsigned long long)lineno);
				junk = 1;
			}
			continue;
		}
		if (n > 0) {
			warc_header(&w, p, n);
			continue;
		}
		w.in_http = w.http;
		state = w.left > 0 ? IN_CONTENT : AT_VERSION;
	}
	if (state != AT_VERSION) {
		/* what there is of the record goes out, and is an error */
		if (state == IN_CONTENT)
			prog_error("%s: line %llu: the last WARC record ends "
			    "%llu bytes short of its Content-Length",
			    input_label(in), (unsigned long long)lineno,
			    (unsigned long long)w.left);
		else
			prog_error("%s: line %llu: the last WARC record's "
			    "header does not end", input_label(in),
			    (unsigned long long)lineno);
		if (w.keep && w.html)
			html_add(&w, &sg);
		if (w.keep && sg.n > 0)
			doc_write(&sg, sg.n);
	}
	prog.bytes_in += chunk_consumed(&r);
	buf_free(&w.content);
	buf_free(&w.text);
	buf_free(&w.scratch[0]);
	buf_free(&w.scratch[1]);
	free(w.src);
	html_lines_free(&w.lines);
	rec_free(&w.extra);
	seg_free(&sg);
	chunk_free(&r);
}
