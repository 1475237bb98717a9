/*
 * warc.c: read WARC files (WARC/WET, gzipped or not, one member per
 * record or one for all) and make each "conversion" or "response" record
 * a document: its text (a response's HTTP headers left out) is the body,
 * its WARC-Target-URI and WARC-Date the url and warc_date headers.  Other
 * records (warcinfo, request, metadata) are skipped.  Line numbers and
 * bytes are those of the decompressed file.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chunk.h"
#include "prog.h"
#include "segment.h"

enum warc_state { AT_VERSION, IN_HEADER, IN_CONTENT };

struct warc {
	struct record extra;	/* url and warc_date of the record */
	unsigned long long left;	/* content bytes still to read */
	int keep;		/* a conversion or response record */
	int http;		/* a response: skip its HTTP headers */
	int in_http;
};

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
		rec_add(&w->extra, "url", 3, v, len);
	else if ((v = header_value(s, n, "WARC-Date", &len)) != NULL)
		rec_add(&w->extra, "warc_date", 9, v, len);
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
	size_t n, take;
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
			if (w.keep && !w.in_http) {
				size_t len = take < n ? take : n;

				if (len > 0 && p[len - 1] == '\r')
					len--;
				seg_add(&sg, p, len, lineno, r.offset + 1,
				    r.offset + len);
			}
			if (w.in_http && (n == 0 || (n == 1 && p[0] == '\r')))
				w.in_http = 0;
			if (w.left == 0) {
				if (w.keep && sg.n > 0)
					doc_write(&sg, sg.n);
				sg.n = 0;
				sg.text.len = 0;
				state = AT_VERSION;
			}
			continue;
		}
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (state == AT_VERSION) {
			if (n >= 5 && strncmp(p, "WARC/", 5) == 0) {
				rec_clear(&w.extra);
				w.keep = w.http = 0;
				w.left = 0;
				state = IN_HEADER;
			}
			continue;	/* blank lines between records */
		}
		if (n > 0) {
			warc_header(&w, p, n);
			continue;
		}
		w.in_http = w.http;
		state = w.left > 0 ? IN_CONTENT : AT_VERSION;
	}
	prog.bytes_in += chunk_consumed(&r);
	rec_free(&w.extra);
	seg_free(&sg);
	chunk_free(&r);
}
