/*
 * Unit tests for cmd/dsplit/reader.c: files written to a temporary
 * directory are read whole, batch by batch, and every line checked: its
 * cleaned text, its number, its first and last byte in the input; then
 * how the batches end, what they count (NUL bytes dropped, UTF-8
 * repaired, bytes consumed) and a couple of classification flags.
 *
 * The conventions checked (those of split.c for records too): lines end
 * with LF, CRLF or a lone CR; line numbers and bytes count from 1; byte
 * is the line's first byte, end its last, the line end left out, so that
 * an empty line has end == byte - 1.  Dropped NUL bytes and invalid
 * bytes count as input bytes.  A hang is ended by alarm(), which fails
 * the test and removes its files.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "check.h"
#include "input.h"
#include "line.h"
#include "reader.h"
#include "utf8.h"

#define MIB ((size_t)1024 * 1024)
#define FFFD "\xEF\xBF\xBD"	/* what invalid UTF-8 becomes */

/* The temporary directory, and the paths of the files written to it. */
static char dir[] = "/tmp/test_reader.XXXXXX";
static char made[32][96];
static volatile sig_atomic_t nmade;

/* One line as read, or as it should be. */
struct got_line {
	size_t off, len;	/* text in got.text */
	uint64_t lineno, byte, end;
	uint64_t after;		/* wanted lines: the input offset after the
				 * line end */
	unsigned flags, words;
};

/* One batch as read. */
struct got_batch {
	size_t lines;		/* lines in all up to its end */
	uint64_t consumed;
	enum batch_end end;
};

/* What reading a file gave, or should give. */
struct got {
	struct buf text;	/* the lines, each followed by '\n' */
	struct got_line *v;
	size_t n, cap;
	struct got_batch *b;
	size_t batches, bcap;
	uint64_t nuls, repaired;
	uint64_t too_big[8];	/* the lines reported BATCH_TOO_BIG */
	size_t ntoo_big;
	char err[160];		/* of a BATCH_ERROR */
	const char *bad;	/* a batch out of shape, and how */
	int null_again;		/* reader_next() gave NULL twice at the end */
};

#define GOT_INIT { BUF_INIT, NULL, 0, 0, NULL, 0, 0, 0, 0, { 0 }, 0, "", \
	NULL, 0 }

/* Free what g holds and clear it. */
static void
got_free(struct got *g)
{
	buf_free(&g->text);
	free(g->v);
	free(g->b);
	memset(g, 0, sizeof(*g));
}

/* Append a line to g. */
static struct got_line *
got_add(struct got *g, const char *s, size_t n, uint64_t lineno,
    uint64_t byte, uint64_t end)
{
	struct got_line *l;

	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 256;
		g->v = xrealloc(g->v, g->cap * sizeof(*g->v));
	}
	l = &g->v[g->n++];
	memset(l, 0, sizeof(*l));
	l->off = g->text.len;
	l->len = n;
	l->lineno = lineno;
	l->byte = byte;
	l->end = end;
	buf_append(&g->text, s, n);
	buf_putc(&g->text, '\n');
	return l;
}

/* The path of name in the temporary directory. */
static const char *
path(const char *name)
{
	static char p[2][128];
	static int k;

	k = !k;
	snprintf(p[k], sizeof(p[k]), "%s/%s", dir, name);
	return p[k];
}

/* Write s[0..n) to name in the temporary directory. */
static void
write_file(const char *name, const char *s, size_t n)
{
	FILE *f = fopen(path(name), "wb");
	size_t i;
	int ok = f != NULL && fwrite(s, 1, n, f) == n;

	if (f != NULL && fclose(f) != 0)
		ok = 0;
	if (!ok)
		printf("    cannot write %s\n", path(name));
	for (i = 0; i < (size_t)nmade && strcmp(made[i], path(name)) != 0;
	    i++)
		continue;
	if (i == (size_t)nmade && i < sizeof(made) / sizeof(made[0])) {
		snprintf(made[i], sizeof(made[0]), "%s", path(name));
		nmade = (sig_atomic_t)(i + 1);
	}
}

/* Write s[0..n) gzipped, with zlib's gzwrite(), to name. */
static void
write_gzip(const char *name, const char *s, size_t n)
{
	gzFile f;
	int ok;

	write_file(name, "", 0);	/* to be removed at the end */
	f = gzopen(path(name), "wb6");
	ok = f != NULL && gzwrite(f, s, (unsigned)n) == (int)n;
	if (f != NULL && gzclose(f) != Z_OK)
		ok = 0;
	if (!ok)
		printf("    cannot write %s\n", path(name));
}

/* The bytes of name, into b. */
static void
slurp(const char *name, struct buf *b)
{
	FILE *f = fopen(path(name), "rb");
	char tmp[65536];
	size_t n;

	b->len = 0;
	while (f != NULL && (n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_append(b, tmp, n);
	if (f != NULL)
		fclose(f);
}

/* Remove the files and the temporary directory. */
static void
cleanup(void)
{
	sig_atomic_t i;

	for (i = 0; i < nmade; i++)
		unlink(made[i]);
	rmdir(dir);
}

/* alarm() went off: a hang.  Say so, remove the files, and fail. */
static void
timed_out(int sig)
{
	static const char msg[] = "FAIL tests/unit/test_reader.c: "
	    "a hang, ended by alarm()\n";

	(void)sig;
	cleanup();
	if (write(STDOUT_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(2);
	_exit(1);
}

/*
 * Read name with reader_next() and reader_done() to the end, into g;
 * max as for reader_open().  Each batch is checked for shape: each
 * line's text inside the raw or the clean buffer; consumed never going
 * back; BATCH_END or BATCH_ERROR only on the last batch.
 */
static void
read_lines(const char *name, size_t max, struct got *g)
{
	struct input *in;
	struct reader *rd;
	struct batch *b;
	const char *err = "";
	uint64_t consumed = 0;
	int last = 0;
	size_t i;

	in = input_open(path(name), &err);
	if (in == NULL) {
		printf("    %s: %s\n", name, err);
		g->bad = "cannot open";
		return;
	}
	rd = reader_open(in, max);
	while ((b = reader_next(rd)) != NULL) {
		if (last)
			g->bad = "a batch after the last";
		for (i = 0; i < b->n; i++) {
			const struct line *l = &b->v[i];
			const char *t = batch_text(b, i);
			struct got_line *gl;

			if (l->off & BATCH_CLEAN ?
			    t + l->len > b->clean.p + b->clean.len :
			    t + l->len >= b->raw.p + b->raw.len) {
				g->bad = "a line not where it should be";
				break;
			}
			gl = got_add(g, t, l->len, l->lineno, l->byte, l->end);
			gl->flags = l->flags;
			gl->words = l->words;
		}
		if (b->consumed < consumed)
			g->bad = "consumed went back";
		consumed = b->consumed;
		g->nuls += b->nuls;
		g->repaired += b->repaired;
		if (b->end == BATCH_TOO_BIG && g->ntoo_big < 8)
			g->too_big[g->ntoo_big++] = b->too_big;
		if (b->end == BATCH_ERROR)
			snprintf(g->err, sizeof(g->err), "%s", b->err);
		last = b->end == BATCH_END || b->end == BATCH_ERROR;
		if (g->batches == g->bcap) {
			g->bcap = g->bcap ? 2 * g->bcap : 16;
			g->b = xrealloc(g->b, g->bcap * sizeof(*g->b));
		}
		g->b[g->batches].lines = g->n;
		g->b[g->batches].consumed = b->consumed;
		g->b[g->batches++].end = b->end;
		reader_done(rd);
	}
	if (!last)
		g->bad = "no BATCH_END or BATCH_ERROR at the end";
	g->null_again = reader_next(rd) == NULL;
	reader_close(rd);
	input_close(in);
}

/* How the last batch ended. */
static enum batch_end
last_end(const struct got *g)
{
	return g->batches > 0 ? g->b[g->batches - 1].end : BATCH_MORE;
}

/* Bytes consumed at the end of the last batch. */
static uint64_t
last_consumed(const struct got *g)
{
	return g->batches > 0 ? g->b[g->batches - 1].consumed : 0;
}

/* 1 when g is out of shape; says how. */
static int
misshapen(const char *name, const struct got *g)
{
	if (g->bad == NULL && g->null_again)
		return 0;
	printf("    %s: %s\n", name, g->bad ? g->bad :
	    "reader_next() not NULL again after the last batch");
	return 1;
}

/* Print line i of g, its text cut at 60 bytes. */
static void
print_line(const char *what, const struct got *g, size_t i)
{
	const struct got_line *l = &g->v[i];

	printf("    %s %zu: \"%.*s\" line %llu, bytes %llu-%llu\n", what, i,
	    (int)(l->len > 60 ? 60 : l->len), g->text.p + l->off,
	    (unsigned long long)l->lineno, (unsigned long long)l->byte,
	    (unsigned long long)l->end);
}

/*
 * 1 when the first n lines of g and of want are the same: text, line
 * number, first and last byte.  The first difference is printed.
 */
static int
same_lines(const char *name, const struct got *g, const struct got *want,
    size_t n)
{
	size_t i;

	if (g->n < n || want->n < n) {
		printf("    %s: %zu lines, %zu wanted\n", name, g->n, n);
		return 0;
	}
	for (i = 0; i < n; i++) {
		const struct got_line *a = &g->v[i], *b = &want->v[i];

		if (a->len != b->len || memcmp(g->text.p + a->off,
		    want->text.p + b->off, a->len) != 0 ||
		    a->lineno != b->lineno || a->byte != b->byte ||
		    a->end != b->end) {
			printf("    %s: line %zu differs\n", name, i);
			print_line("got", g, i);
			print_line("want", want, i);
			return 0;
		}
	}
	return 1;
}

/* A wanted line, in a table. */
struct want {
	const char *text;
	uint64_t lineno, byte, end;
};

/* The lines of a table, as a got. */
static void
want_table(struct got *w, const struct want *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		got_add(w, t[i].text, strlen(t[i].text), t[i].lineno,
		    t[i].byte, t[i].end);
}

/*
 * Read name (max as for reader_open()): 1 when it holds just the lines
 * of t, in shape, with consumed equal to size at a BATCH_END.
 */
static int
reads_as(const char *name, size_t max, const struct want *t, size_t n,
    uint64_t size)
{
	struct got g = GOT_INIT, w = GOT_INIT;
	int ok;

	read_lines(name, max, &g);
	want_table(&w, t, n);
	ok = !misshapen(name, &g) && same_lines(name, &g, &w, n) &&
	    g.n == n && last_end(&g) == BATCH_END &&
	    last_consumed(&g) == size;
	if (!ok)
		printf("    %s: %zu lines, end %d, consumed %llu of %llu\n",
		    name, g.n, (int)last_end(&g),
		    (unsigned long long)last_consumed(&g),
		    (unsigned long long)size);
	got_free(&g);
	got_free(&w);
	return ok;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* LF, CRLF and lone CR line ends, alone and mixed, and empty lines. */
static void
test_line_ends(void)
{
	static const char mixed[] = "one\ntwo\r\nthree\rfour\n\n\r\n\rlast";
	static const struct want mixed_lines[] = {
		{ "one", 1, 1, 3 },
		{ "two", 2, 5, 7 },
		{ "three", 3, 10, 14 },
		{ "four", 4, 16, 19 },
		{ "", 5, 21, 20 },
		{ "", 6, 22, 21 },
		{ "", 7, 24, 23 },
		{ "last", 8, 25, 28 },
	};
	static const char lf[] = "alpha\nbeta gamma\n\ndelta\n";
	static const struct want lf_lines[] = {
		{ "alpha", 1, 1, 5 },
		{ "beta gamma", 2, 7, 16 },
		{ "", 3, 18, 17 },
		{ "delta", 4, 19, 23 },
	};
	static const char crlf[] = "alpha\r\nbeta gamma\r\n\r\ndelta\r\n";
	static const struct want crlf_lines[] = {
		{ "alpha", 1, 1, 5 },
		{ "beta gamma", 2, 8, 17 },
		{ "", 3, 20, 19 },
		{ "delta", 4, 22, 26 },
	};
	static const char cr[] = "alpha\rbeta gamma\r\rdelta\r";
	static const struct want cr_lines[] = {
		{ "alpha", 1, 1, 5 },
		{ "beta gamma", 2, 7, 16 },
		{ "", 3, 18, 17 },
		{ "delta", 4, 19, 23 },
	};
	/* a CR before a CRLF ends a line of its own */
	static const char crcrlf[] = "a\r\r\nb\n";
	static const struct want crcrlf_lines[] = {
		{ "a", 1, 1, 1 },
		{ "", 2, 3, 2 },
		{ "b", 3, 5, 5 },
	};

	write_file("lf", lf, sizeof(lf) - 1);
	CHECK("LF line ends", reads_as("lf", 0, lf_lines,
	    COUNT(lf_lines), sizeof(lf) - 1));
	write_file("crlf", crlf, sizeof(crlf) - 1);
	CHECK("CRLF line ends", reads_as("crlf", 0, crlf_lines,
	    COUNT(crlf_lines), sizeof(crlf) - 1));
	write_file("cr", cr, sizeof(cr) - 1);
	CHECK("lone CR line ends", reads_as("cr", 0, cr_lines,
	    COUNT(cr_lines), sizeof(cr) - 1));
	write_file("mixed", mixed, sizeof(mixed) - 1);
	CHECK("LF, CRLF and lone CR mixed, empty lines of each",
	    reads_as("mixed", 0, mixed_lines, COUNT(mixed_lines),
	    sizeof(mixed) - 1));
	write_file("crcrlf", crcrlf, sizeof(crcrlf) - 1);
	CHECK("CR then CRLF: two lines", reads_as("crcrlf", 0,
	    crcrlf_lines, COUNT(crcrlf_lines), sizeof(crcrlf) - 1));
}

/* A last line without a line end; a file of one such line. */
static void
test_no_final_newline(void)
{
	static const struct want two[] = {
		{ "alpha", 1, 1, 5 },
		{ "beta", 2, 7, 10 },
	};
	static const struct want one[] = { { "x", 1, 1, 1 } };
	static const struct want crlf[] = {
		{ "a", 1, 1, 1 },
		{ "b", 2, 4, 4 },
	};

	write_file("nofinal", "alpha\nbeta", 10);
	CHECK("a last line without a newline", reads_as("nofinal", 0, two,
	    COUNT(two), 10));
	write_file("one", "x", 1);
	CHECK("a file of one byte", reads_as("one", 0, one, COUNT(one), 1));
	write_file("nofinal-crlf", "a\r\nb", 4);
	CHECK("after a CRLF, a last line without a newline",
	    reads_as("nofinal-crlf", 0, crlf, COUNT(crlf), 4));
}

/* An empty file: no lines, one batch, BATCH_END; one empty line. */
static void
test_empty(void)
{
	static const struct want empty_line[] = { { "", 1, 1, 0 } };
	struct got g = GOT_INIT;

	write_file("empty", "", 0);
	read_lines("empty", 0, &g);
	CHECK("an empty file: no lines, then BATCH_END",
	    !misshapen("empty", &g) && g.n == 0 && g.batches == 1 &&
	    last_end(&g) == BATCH_END && last_consumed(&g) == 0 &&
	    g.nuls == 0 && g.repaired == 0);
	got_free(&g);
	write_file("newline", "\n", 1);
	CHECK("a file of one newline: one empty line", reads_as("newline", 0,
	    empty_line, COUNT(empty_line), 1));
}

/*
 * NUL bytes dropped and counted, their bytes still counted in byte and
 * end; a line of NUL bytes only is blank.
 */
static void
test_nuls(void)
{
	static const char s[] = "a\0b\0\0c\n\0\nplain\nx\0\ry\n";
	static const struct want lines[] = {
		{ "abc", 1, 1, 6 },
		{ "", 2, 8, 8 },
		{ "plain", 3, 10, 14 },
		{ "x", 4, 16, 17 },
		{ "y", 5, 19, 19 },
	};
	struct got g = GOT_INIT;

	write_file("nuls", s, sizeof(s) - 1);
	CHECK("NUL bytes dropped", reads_as("nuls", 0, lines,
	    COUNT(lines), sizeof(s) - 1));
	read_lines("nuls", 0, &g);
	CHECK("NUL bytes counted in nuls", g.nuls == 5 && g.repaired == 0);
	CHECK("a line of NUL bytes is blank, and cleaned", g.n == 5 &&
	    g.v[1].flags == (LF_BLANK | LF_CLEANED) && g.v[1].words == 0);
	got_free(&g);
}

/*
 * Invalid UTF-8 replaced by U+FFFD, each maximal ill-formed part once,
 * and counted; valid UTF-8 left as it is.
 */
static void
test_utf8(void)
{
	static const char s[] = "caf\xe9 au lait\n"
	    "\xff\xfe\n"
	    "na\xc3\xafve\n"
	    "x\0\xc3\n"
	    "\xff\rok\r\n";
	static const struct want lines[] = {
		{ "caf" FFFD " au lait", 1, 1, 12 },
		{ FFFD FFFD, 2, 14, 15 },
		{ "na\xc3\xafve", 3, 17, 22 },
		{ "x" FFFD, 4, 24, 26 },
		{ FFFD, 5, 28, 28 },
		{ "ok", 6, 30, 31 },
	};
	struct got g = GOT_INIT;

	write_file("utf8", s, sizeof(s) - 1);
	CHECK("invalid UTF-8 repaired", reads_as("utf8", 0, lines,
	    COUNT(lines), sizeof(s) - 1));
	read_lines("utf8", 0, &g);
	CHECK("invalid UTF-8 counted in repaired, NUL in nuls",
	    g.repaired == 5 && g.nuls == 1);
	got_free(&g);
}

/*
 * The source bytes of the lines that were cleaned are kept where the
 * batch says, and are the input's bytes byte..end; other lines have
 * none.
 */
static void
test_sources(void)
{
	static const char s[] = "plain line\n"
	    "a\0b \xff c\r\n"
	    "ctrl \x01 only\n"
	    "\xc0\xaf\rlone CR\n"
	    "\0\0\n";
	static const int cleaned[] = { 0, 1, 0, 1, 0, 1 };
	const char *err = "";
	struct input *in;
	struct reader *rd;
	struct batch *b;
	const char *src;
	size_t i, n = 0;
	int ok = 1;

	write_file("sources", s, sizeof(s) - 1);
	if ((in = input_open(path("sources"), &err)) == NULL) {
		CHECK("sources: open", 0);
		return;
	}
	rd = reader_open(in, 0);
	while ((b = reader_next(rd)) != NULL) {
		for (i = 0; i < b->n; i++, n++) {
			const struct line *l = &b->v[i];

			src = batch_source(b, i);
			if (n >= COUNT(cleaned) || (src != NULL) !=
			    cleaned[n] || (src != NULL && memcmp(src,
			    s + l->byte - 1, l->end + 1 - l->byte) != 0))
				ok = 0;
		}
		reader_done(rd);
	}
	reader_close(rd);
	input_close(in);
	CHECK("the source bytes of lines cleaned, and of those only",
	    ok && n == COUNT(cleaned));
}

/* Pseudo-random numbers, the same on every run. */
static unsigned
next_random(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 16;
}

/*
 * clean_seek() against clean_text(): at each character of the clean text
 * of strings of NULs, ASCII, and lead and continuation bytes valid and
 * not, the bytes before raw clean to the text before it, those from next
 * (not a NUL) on to the rest, and only NULs stand between the two; a
 * walk on from the character before ends where one from the start does.
 */
static void
test_clean_seek(void)
{
	static const unsigned char bytes[] = { 0, 0, 'a', ' ', '.', 0x80,
	    0x8f, 0x9f, 0xa0, 0xaf, 0xbf, 0xc0, 0xc2, 0xc3, 0xdf, 0xe0,
	    0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff };
	struct buf scratch[2] = { BUF_INIT, BUF_INIT }, text = BUF_INIT;
	struct clean_pos walk, fresh;
	unsigned state = 1;
	uint64_t nuls = 0, repaired = 0;
	char s[24];
	const char *t;
	size_t n, tn, c, len, k, round;
	int ok = 1;

	buf_reserve(&text, 3 * sizeof(s));	/* never a null pointer */
	for (round = 0; round < 20000 && ok; round++) {
		n = next_random(&state) % sizeof(s);
		for (k = 0; k < n; k++)
			s[k] = (char)bytes[next_random(&state) %
			    sizeof(bytes)];
		tn = n;
		t = clean_text(s, &tn, scratch, &nuls, &repaired);
		text.len = 0;
		buf_append(&text, t, tn);
		memset(&walk, 0, sizeof(walk));
		for (c = 0; c <= text.len && ok; c += len) {
			memset(&fresh, 0, sizeof(fresh));
			clean_seek(&fresh, s, n, c);
			clean_seek(&walk, s, n, c);
			ok = walk.raw == fresh.raw &&
			    walk.next == fresh.next && fresh.clean == c &&
			    fresh.raw <= fresh.next &&
			    (fresh.next == n || s[fresh.next] != '\0');
			for (k = fresh.raw; ok && k < fresh.next; k++)
				ok = s[k] == '\0';
			len = fresh.raw;
			t = clean_text(s, &len, scratch, &nuls, &repaired);
			ok = ok && len == c && memcmp(t, text.p, c) == 0;
			len = n - fresh.next;
			t = clean_text(s + fresh.next, &len, scratch, &nuls,
			    &repaired);
			ok = ok && len == text.len - c &&
			    memcmp(t, text.p + c, len) == 0;
			if (!ok)
				printf("    round %zu: clean offset %zu\n",
				    round, c);
			len = c == text.len ? 1 : (size_t)utf8_sequence(
			    (const unsigned char *)text.p + c,
			    text.len - c);
		}
	}
	CHECK("clean_seek() takes clean offsets back to the source", ok);
	buf_free(&scratch[0]);
	buf_free(&scratch[1]);
	buf_free(&text);
}

/* Blank and separator lines, and a sentence, as classified. */
static void
test_classify(void)
{
	static const char s[] = "   \t\n=====\n"
	    "The minister said that trade grew.\n \t\r\n";
	struct got g = GOT_INIT;

	write_file("classify", s, sizeof(s) - 1);
	read_lines("classify", 0, &g);
	CHECK("classify: four lines", !misshapen("classify", &g) &&
	    g.n == 4);
	CHECK("a blank line is LF_BLANK, of no words", g.n == 4 &&
	    g.v[0].flags == LF_BLANK && g.v[0].words == 0);
	CHECK("===== is LF_SEPARATOR", g.n == 4 &&
	    (g.v[1].flags & LF_SEPARATOR) && !(g.v[1].flags & LF_BLANK));
	CHECK("a sentence is LF_SENTENCE, of 6 words", g.n == 4 &&
	    (g.v[2].flags & LF_SENTENCE) && g.v[2].words == 6);
	CHECK("a blank line ended by CRLF is LF_BLANK", g.n == 4 &&
	    g.v[3].flags == LF_BLANK && g.v[3].words == 0);
	got_free(&g);
}

/*
 * Lines over max: each ends a batch with BATCH_TOO_BIG and its number;
 * reading goes on after it, line numbers and bytes counting it.  A line
 * of max bytes exactly is read.  The last one has no newline.
 */
static void
test_too_big(void)
{
	static const char s[] = "short line\n"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
	    "after\r\n"
	    "exactly 16 bytes\n"
	    "seventeen bytes!!\n"
	    "tail\n"
	    "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy";
	static const struct want lines[] = {
		{ "short line", 1, 1, 10 },
		{ "after", 3, 53, 57 },
		{ "exactly 16 bytes", 4, 60, 75 },
		{ "tail", 6, 95, 98 },
	};
	struct got g = GOT_INIT, w = GOT_INIT, big = GOT_INIT;
	struct buf text = BUF_INIT;
	uint64_t z;
	int ok;

	write_file("too-big", s, sizeof(s) - 1);
	read_lines("too-big", 16, &g);
	want_table(&w, lines, COUNT(lines));
	CHECK("lines over max skipped, the others read",
	    !misshapen("too-big", &g) && same_lines("too-big", &g, &w,
	    COUNT(lines)) && g.n == COUNT(lines));
	CHECK("each line over max reported with its number",
	    g.ntoo_big == 3 && g.too_big[0] == 2 && g.too_big[1] == 5 &&
	    g.too_big[2] == 7);
	ok = g.batches == 4 && g.b[0].end == BATCH_TOO_BIG &&
	    g.b[0].lines == 1 && g.b[1].end == BATCH_TOO_BIG &&
	    g.b[1].lines == 3 && g.b[2].end == BATCH_TOO_BIG &&
	    g.b[2].lines == 4 && g.b[3].end == BATCH_END &&
	    g.b[3].lines == 4 && last_consumed(&g) == sizeof(s) - 1;
	CHECK("a batch ends at each, then BATCH_END", ok);
	got_free(&g);
	got_free(&w);

	/* lone CRs end lines that max counts one by one */
	write_file("cr-big", "a\rb\rcccccccccccccccccccc\nd\n", 27);
	read_lines("cr-big", 10, &g);
	CHECK("lone-CR lines numbered across a too-big one",
	    !misshapen("cr-big", &g) && g.n == 3 && g.ntoo_big == 1 &&
	    g.too_big[0] == 3 && g.v[2].lineno == 4 &&
	    g.v[1].lineno == 2);
	got_free(&g);

	/* a line of 6 MiB, over a max of 1000: dropped while it is read */
	buf_puts(&text, "before\n");
	buf_reserve(&text, 6 * MIB);
	memset(text.p + text.len, 'z', 6 * MIB);
	text.len += 6 * MIB;
	buf_puts(&text, "\nafter\n");
	write_file("huge-line", text.p, text.len);
	read_lines("huge-line", 1000, &big);
	z = 7 + 6 * MIB + 1;	/* the newline after the z's */
	CHECK("a line of 6 MiB over max: the lines after it numbered right",
	    !misshapen("huge-line", &big) && big.n == 2 &&
	    big.v[0].lineno == 1 && big.v[1].lineno == 3 &&
	    big.v[1].byte == z + 1 && big.v[1].end == z + 5 &&
	    big.v[1].len == 5 && memcmp(big.text.p + big.v[1].off, "after",
	    5) == 0 && big.ntoo_big == 1 && big.too_big[0] == 2 &&
	    last_end(&big) == BATCH_END && last_consumed(&big) == text.len);
	got_free(&big);
	buf_free(&text);
}

/*
 * Append a line to raw (its bytes) and to want (as it should be read),
 * ended by eol.  clean is its text once cleaned (raw when NULL).
 */
static void
put_line(struct buf *raw, struct got *want, const char *s, size_t n,
    const char *clean, const char *eol)
{
	uint64_t byte = raw->len + 1;

	buf_append(raw, s, n);
	if (clean == NULL)
		got_add(want, s, n, want->n + 1, byte, byte + n - 1);
	else
		got_add(want, clean, strlen(clean), want->n + 1, byte,
		    byte + n - 1);
	buf_puts(raw, eol);
	want->v[want->n - 1].after = raw->len;
}

/*
 * Some lines of words, about size bytes in all: mostly LF, some CRLF and
 * lone CR, empty lines, a NUL byte or an invalid byte here and there.
 */
static void
make_big(struct buf *raw, struct got *want, size_t size)
{
	static const char *words[] = { "the", "minister", "said", "trade",
	    "of", "energy", "and", "a", "railway", "between", "two",
	    "countries", "agreed", "on", "na\xc3\xafve", "caf\xc3\xa9" };
	unsigned seed = 11;
	const char *eol = "\n";
	size_t k = 0;
	char line[600], clean[600];
	int n, i, len;

	while (raw->len < size) {
		k++;
		len = snprintf(line, sizeof(line), "%zu:", k);
		seed = seed * 1103515245 + 12345;
		n = 2 + (int)(seed >> 16) % 40;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			len += snprintf(line + len, sizeof(line) - (size_t)len,
			    " %s", words[(seed >> 16) % 16]);
		}
		if (k % 11 == 0)
			len = 0;
		/* an empty line after a lone CR: CRLF, not LF, ends it */
		eol = k % 7 == 0 ? "\r\n" : k % 13 == 0 ? "\r" :
		    len == 0 && strcmp(eol, "\r") == 0 ? "\r\n" : "\n";
		if (k % 101 == 0) {	/* a NUL byte dropped */
			memcpy(clean, line, (size_t)len);
			clean[len] = '\0';
			line[len] = '\0';
			put_line(raw, want, line, (size_t)len + 1, clean, eol);
			want->nuls++;
		} else if (k % 103 == 0) {	/* an invalid byte */
			memcpy(clean, line, (size_t)len);
			memcpy(clean + len, FFFD, sizeof(FFFD));
			line[len] = '\xff';
			put_line(raw, want, line, (size_t)len + 1, clean, eol);
			want->repaired++;
		} else {
			put_line(raw, want, line, (size_t)len, NULL, eol);
		}
	}
}

/*
 * 1 when each batch that ends with BATCH_MORE consumed the input up to
 * the line end of its last line, as want has it.
 */
static int
consumed_at_lines(const char *name, const struct got *g,
    const struct got *want)
{
	size_t i, n;

	for (i = 0; i < g->batches; i++) {
		n = g->b[i].lines;
		if (g->b[i].end != BATCH_MORE || n == 0 || n > want->n)
			continue;
		if (g->b[i].consumed != want->v[n - 1].after) {
			printf("    %s: batch %zu consumed %llu, its last line "
			    "ends at %llu\n", name, i,
			    (unsigned long long)g->b[i].consumed,
			    (unsigned long long)want->v[n - 1].after);
			return 0;
		}
	}
	return 1;
}

/* 1 when name reads as want whole, and as raw's bytes, in shape. */
static int
reads_whole(const char *name, const struct got *want,
    const struct buf *raw, size_t *batches)
{
	struct got g = GOT_INIT;
	int ok;

	read_lines(name, 0, &g);
	ok = !misshapen(name, &g) && same_lines(name, &g, want, want->n) &&
	    g.n == want->n && last_end(&g) == BATCH_END &&
	    last_consumed(&g) == raw->len && g.nuls == want->nuls &&
	    g.repaired == want->repaired &&
	    consumed_at_lines(name, &g, want);
	if (!ok)
		printf("    %s: %zu lines of %zu, consumed %llu of %zu, "
		    "nuls %llu, repaired %llu\n", name, g.n, want->n,
		    (unsigned long long)last_consumed(&g), raw->len,
		    (unsigned long long)g.nuls,
		    (unsigned long long)g.repaired);
	*batches = g.batches;
	got_free(&g);
	return ok;
}

/*
 * A file of 7 MiB, several times the text of a batch (1 MiB): every line
 * comes back in order, numbered across batches, with all bytes
 * consumed; gzipped, the same.  Cut short, a gzip file gives the lines
 * before the cut, whole, then BATCH_ERROR with a message.
 */
static void
test_big(void)
{
	struct buf raw = BUF_INIT, gz = BUF_INIT;
	struct got want = GOT_INIT, g = GOT_INIT;
	size_t batches = 0, gz_batches = 0;
	const char *e;
	int ok;

	make_big(&raw, &want, 7 * MIB);
	write_file("big", raw.p, raw.len);
	CHECK("7 MiB: every line in order, all bytes consumed",
	    reads_whole("big", &want, &raw, &batches));
	CHECK("7 MiB come in several batches", batches >= 5);
	write_gzip("big.gz", raw.p, raw.len);
	CHECK("7 MiB gzipped read the same",
	    reads_whole("big.gz", &want, &raw, &gz_batches));

	/* cut the gzip file in the middle */
	slurp("big.gz", &gz);
	write_file("big-cut.gz", gz.p, gz.len / 2);
	read_lines("big-cut.gz", 0, &g);
	e = "unexpected end of gzip data (truncated?)";
	ok = !misshapen("big-cut.gz", &g) && last_end(&g) == BATCH_ERROR &&
	    strcmp(g.err, e) == 0 && g.n > want.n / 4 && g.n < want.n &&
	    same_lines("big-cut.gz", &g, &want, g.n) &&
	    consumed_at_lines("big-cut.gz", &g, &want) &&
	    last_consumed(&g) == want.v[g.n - 1].after;
	if (!ok)
		printf("    big-cut.gz: %zu lines of %zu, end %d, \"%s\"\n",
		    g.n, want.n, (int)last_end(&g), g.err);
	CHECK("a gzip file cut short: the lines before, then BATCH_ERROR",
	    ok);
	got_free(&g);

	/* cut in its header: an error at once */
	write_file("cut-header.gz", gz.p, 5);
	read_lines("cut-header.gz", 0, &g);
	CHECK("a gzip file cut in its header: BATCH_ERROR, no lines",
	    !misshapen("cut-header.gz", &g) && g.n == 0 &&
	    last_end(&g) == BATCH_ERROR && strcmp(g.err, e) == 0);
	got_free(&g);

	buf_free(&raw);
	buf_free(&gz);
	got_free(&want);
}

/* The small files with mixed line ends, gzipped: the same lines. */
static void
test_small_gzip(void)
{
	static const char s[] = "one\ntwo\r\nthree\rfour\n\nla\0st";
	static const struct want lines[] = {
		{ "one", 1, 1, 3 },
		{ "two", 2, 5, 7 },
		{ "three", 3, 10, 14 },
		{ "four", 4, 16, 19 },
		{ "", 5, 21, 20 },
		{ "last", 6, 22, 26 },
	};

	write_gzip("small.gz", s, sizeof(s) - 1);
	CHECK("a small gzip file: lines and bytes of its text",
	    reads_as("small.gz", 0, lines, COUNT(lines), sizeof(s) - 1));
}

/*
 * reader_close() before the end: before any batch, and after one, while
 * the thread waits for a free batch.  It returns, and frees all (which
 * the sanitizer build checks).
 */
static void
test_early_close(void)
{
	struct input *in;
	struct reader *rd;
	const char *err;
	int ok = 1, i;

	for (i = 0; i < 3; i++) {
		in = input_open(path(i == 2 ? "big.gz" : "big"), &err);
		if (in == NULL) {
			ok = 0;
			break;
		}
		rd = reader_open(in, 0);
		if (i > 0)
			ok &= reader_next(rd) != NULL;
		if (i == 1) {
			struct timespec t = { 0, 50000000L };

			reader_done(rd);
			ok &= reader_next(rd) != NULL;
			nanosleep(&t, NULL);	/* the batches fill */
		}
		reader_close(rd);
		input_close(in);
	}
	CHECK("reader_close() before the end", ok);
}

int
main(void)
{
	struct sigaction sa;

	setvbuf(stdout, NULL, _IOLBF, 0);	/* each line out before a hang */
	if (mkdtemp(dir) == NULL) {
		CHECK("a temporary directory", 0);
		return check_status();
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = timed_out;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	alarm(120);
	test_line_ends();
	test_no_final_newline();
	test_empty();
	test_nuls();
	test_utf8();
	test_sources();
	test_clean_seek();
	test_classify();
	test_too_big();
	test_small_gzip();
	test_big();
	test_early_close();
	cleanup();
	return check_status();
}
