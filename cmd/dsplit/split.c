/*
 * split.c: read the lines of an input and hand them to the segmenter.
 *
 * Lines end with LF, CRLF or a lone CR.  Line numbers and byte offsets
 * are those of the (decompressed) input, counted from 1.
 */
#include <string.h>

#include "chunk.h"
#include "prog.h"
#include "segment.h"

void
split_input(struct input *in, const struct dsplit_opts *opts)
{
	struct chunk_reader r;
	struct seg sg;
	uint64_t lineno = 0, off;
	char *p, *q, *cr, *end;
	size_t n;
	int ret;

	chunk_init(&r, in, '\n');
	r.max = (size_t)prog.max_record;
	seg_init(&sg, opts, input_name(in));
	while ((ret = chunk_next(&r, &p, &n)) != CHUNK_END) {
		if (ret == CHUNK_ERROR) {
			prog_error("%s: %s", input_label(in), input_error(in));
			break;
		}
		if (ret == CHUNK_TOO_BIG) {
			prog_error("%s:%llu: line longer than --max-record",
			    input_label(in), (unsigned long long)lineno + 1);
			lineno++;
			continue;
		}
		off = r.offset;
		end = p + n;
		for (q = p; ; q = cr + 1) {
			cr = memchr(q, '\r', (size_t)(end - q));
			if (cr == NULL || cr + 1 == end) {
				lineno++;
				seg_add(&sg, q, (size_t)((cr ? cr : end) - q),
				    lineno, off + (uint64_t)(q - p) + 1,
				    off + (uint64_t)((cr ? cr : end) - p));
				break;
			}
			lineno++;
			seg_add(&sg, q, (size_t)(cr - q), lineno,
			    off + (uint64_t)(q - p) + 1,
			    off + (uint64_t)(cr - p));
		}
		seg_flush(&sg, 0);
		prog_tick(chunk_consumed(&r));
	}
	seg_flush(&sg, 1);
	prog.bytes_in += chunk_consumed(&r);
	seg_free(&sg);
	chunk_free(&r);
}
