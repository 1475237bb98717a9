/*
 * Unit tests for common/sentence.c: the golden cases of
 * tests/sentences/golden.txt (found through $TESTS, else next to this
 * file), edge cases by name, the word table, and invariants on the golden
 * inputs and on random text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "sentence.h"

#define GOLDEN "sentences/golden.txt"
#define PASS_PERCENT 95

/* Read the file path into b; 0, or -1 when it cannot be read. */
static int
read_file(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	size_t got;

	if (f == NULL)
		return -1;
	do {
		buf_reserve(b, 65536);
		got = fread(b->p + b->len, 1, b->cap - b->len, f);
		b->len += got;
	} while (got > 0);
	if (ferror(f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

/* The golden file: under $TESTS when the runner sets it, else beside us. */
static void
golden_path(char *path, size_t size)
{
	const char *tests = getenv("TESTS");
	const char *slash;

	if (tests != NULL && *tests != '\0') {
		snprintf(path, size, "%s/%s", tests, GOLDEN);
		return;
	}
	slash = strrchr(__FILE__, '/');
	snprintf(path, size, "%.*s/../%s",
	    slash ? (int)(slash - __FILE__) : 1, slash ? __FILE__ : ".",
	    GOLDEN);
}

static int
is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Append s[0..n) to out with each run of ASCII white space as one space. */
static void
append_folded(struct buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!is_ascii_space(s[i]))
			buf_putc(out, s[i]);
		else if (i == 0 || !is_ascii_space(s[i - 1]))
			buf_putc(out, ' ');
	}
}

/* Split s[0..n) and append the sentences to out, folded, a line each. */
static void
split_to_lines(const char *s, size_t n, struct buf *out)
{
	size_t k, len;

	while ((k = sentence_space(s, n)) < n) {
		s += k;
		n -= k;
		len = sentence_len(s, n);
		if (len == 0)	/* never loop; split_is_sound() fails */
			len = n;
		append_folded(out, s, len);
		buf_putc(out, '\n');
		s += len;
		n -= len;
	}
}

/*
 * Check what every split must be: sentences that are not empty, neither
 * start nor end with white space, end on a UTF-8 character boundary, and
 * together with the white space between them make up the text.
 */
static int
split_is_sound(const char *s, size_t n)
{
	size_t k, len;

	while ((k = sentence_space(s, n)) < n) {
		s += k;
		n -= k;
		len = sentence_len(s, n);
		if (len == 0 || len > n || sentence_space(s, len) != 0)
			return 0;
		if (len < n && ((unsigned char)s[len] & 0xC0) == 0x80)
			return 0;
		if (is_ascii_space(s[len - 1]))
			return 0;
		s += len;
		n -= len;
	}
	return 1;
}

/* Whether a and b hold the same bytes (either may be empty, p NULL). */
static int
same_bytes(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 ||
	    memcmp(a->p, b->p, a->len) == 0);
}

/* A copy of s[0..n) in a block of its own, so ASan sees overreads. */
static char *
exact_copy(const char *s, size_t n)
{
	char *p = xmalloc(n ? n : 1);

	if (n > 0)
		memcpy(p, s, n);
	return p;
}

/* Print lines (a sentence each) with a prefix, for a wrong case. */
static void
print_lines(const char *prefix, const char *p, size_t n)
{
	const char *nl;

	while (n > 0 && (nl = memchr(p, '\n', n)) != NULL) {
		printf("#   %s| %.*s\n", prefix, (int)(nl - p), p);
		n -= (size_t)(nl + 1 - p);
		p = nl + 1;
	}
}

struct golden {
	size_t cases, right, sound, stable;
};

/*
 * Run one case: input[0..n) must split into the lines of want.  Also
 * checks that the split is sound and that a final newline changes
 * nothing.
 */
static void
golden_case(struct golden *g, const char *input, size_t n,
    const struct buf *want, size_t lineno)
{
	struct buf got = BUF_INIT, again = BUF_INIT;
	char *text = exact_copy(input, n), *text_nl = xmalloc(n + 1);

	if (n > 0)
		memcpy(text_nl, input, n);
	text_nl[n] = '\n';
	split_to_lines(text, n, &got);
	split_to_lines(text_nl, n + 1, &again);
	g->cases++;
	g->sound += split_is_sound(text, n) && split_is_sound(text_nl, n + 1);
	g->stable += same_bytes(&got, &again);
	if (same_bytes(&got, want)) {
		g->right++;
	} else {
		printf("# wrong: %s:%zu\n", GOLDEN, lineno);
		print_lines("want", want->p, want->len);
		print_lines("got ", got.p, got.len);
	}
	free(text);
	free(text_nl);
	buf_free(&got);
	buf_free(&again);
}

/*
 * Run the cases of the golden file f[0..n): blocks separated by lines
 * "---", each "# " comments, the input lines, a line ">>>", and the
 * expected sentences a line each.  The text before the first "---" is
 * the file's own description.
 */
static void
golden_run(struct golden *g, const char *f, size_t n)
{
	struct buf input = BUF_INIT, want = BUF_INIT;
	const char *p = f, *end = f + n, *nl;
	size_t len, lineno = 0, caseline = 0;
	enum { HEADER, COMMENT, INPUT, WANT } state = HEADER;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		len = (size_t)(nl - p);
		lineno++;
		if (len == 3 && memcmp(p, "---", 3) == 0) {
			if (state == WANT)
				golden_case(g, input.p, input.len, &want,
				    caseline);
			state = COMMENT;
			input.len = want.len = 0;
			caseline = lineno + 1;
		} else if (state == HEADER) {
			continue;
		} else if (state == COMMENT && len > 0 && p[0] == '#') {
			caseline = lineno + 1;
		} else if (state != WANT && len == 3 &&
		    memcmp(p, ">>>", 3) == 0) {
			state = WANT;
		} else if (state != WANT) {
			if (state == INPUT)
				buf_putc(&input, '\n');
			buf_append(&input, p, len);
			state = INPUT;
		} else if (len > 0) {
			append_folded(&want, p, len);
			buf_putc(&want, '\n');
		}
	}
	if (state == WANT)
		golden_case(g, input.p, input.len, &want, caseline);
	buf_free(&input);
	buf_free(&want);
}

static void
test_golden(void)
{
	struct buf file = BUF_INIT;
	struct golden g = { 0, 0, 0, 0 };
	char path[4096];

	golden_path(path, sizeof(path));
	CHECK("golden file can be read", read_file(path, &file) == 0);
	golden_run(&g, file.p, file.len);
	printf("# %zu of %zu golden cases right (%.1f%%)\n", g.right,
	    g.cases, g.cases ? 100.0 * (double)g.right / (double)g.cases : 0);
	CHECK("at least 120 golden cases", g.cases >= 120);
	CHECK("at least 95% of golden cases right",
	    g.right * 100 >= g.cases * PASS_PERCENT);
	CHECK("every golden split is sound", g.sound == g.cases);
	CHECK("a final newline never changes a golden split",
	    g.stable == g.cases);
	buf_free(&file);
}

/* sentence_len() of the NUL-terminated s, copied to its own block. */
static size_t
len_of(const char *s)
{
	size_t n = strlen(s), len;
	char *p = exact_copy(s, n);

	len = sentence_len(p, n);
	free(p);
	return len;
}

static void
test_edges(void)
{
	char longword[200];

	CHECK("empty text has no sentence", sentence_len("", 0) == 0);
	CHECK("empty text has no space", sentence_space("", 0) == 0);
	CHECK("white space only has no sentence", len_of(" \t\n \n") == 0);
	CHECK("space skips U+00A0 and U+3000",
	    sentence_space("\xC2\xA0\xE3\x80\x80x", 6) == 5);
	CHECK("space skips U+2009 and U+202F",
	    sentence_space("\xE2\x80\x89\xE2\x80\xAFx", 7) == 6);
	CHECK("space stops at a curly quote",
	    sentence_space("\xE2\x80\x9Cx", 4) == 0);
	CHECK("one sentence without a terminator is all of it",
	    len_of("no end in sight") == 15);
	CHECK("trailing white space is not part of a sentence",
	    len_of("One two.  \n ") == 8);
	CHECK("U+00A0 after a period is white space",
	    len_of("Done.\xC2\xA0Next one.") == 5);
	CHECK("leading white space is counted in", len_of("  Hi. Yo.") == 5);
	CHECK("an abbreviation at the very end", len_of("Mr.") == 3);
	CHECK("a lone period", len_of(".") == 1);
	CHECK("a lone ellipsis", len_of("\xE2\x80\xA6") == 3);
	CHECK("a cut ellipsis at the end", len_of("Wait\xE2\x80") == 6);
	CHECK("a cut quote after a period", len_of("Go.\xE2\x80 Up") == 8);
	CHECK("a blank line ends even Mr.", len_of("Mr.\n\nKhan") == 3);
	CHECK("a NUL byte is just a byte",
	    sentence_len("a\0b. Cd.", 8) == 4);
	memset(longword, 'a', sizeof(longword));
	memcpy(longword + sizeof(longword) - 7, ". Next", 6);
	longword[sizeof(longword) - 1] = '\0';
	CHECK("a word longer than the look-back before a period",
	    len_of(longword) == sizeof(longword) - 7 + 1);
	CHECK("a line of only a dash", len_of("-\nNext") == 6);
}

static void
test_table(void)
{
	size_t i, sorted = 1, dotted = 1, short_abbr = 1;

	for (i = 0; i < sentence_words_count; i++) {
		const char *t = sentence_words[i].text;
		size_t n = strlen(t);
		int abbr = sentence_words[i].kind <= ABBR_NAME;

		if (i > 0 && strcmp(sentence_words[i - 1].text, t) >= 0) {
			printf("# table out of order at \"%s\"\n", t);
			sorted = 0;
		}
		if (n == 0 || abbr != (t[n - 1] == '.')) {
			printf("# \"%s\": abbreviations end with '.'\n", t);
			dotted = 0;
		}
		if (n > (abbr ? SENTENCE_ABBR_MAX : SENTENCE_WORD_MAX)) {
			printf("# \"%s\": longer than the limit\n", t);
			short_abbr = 0;
		}
	}
	CHECK("word table is in strcmp order without repeats", sorted);
	CHECK("abbreviations, and only they, end with a period", dotted);
	CHECK("no word is longer than SENTENCE_WORD_MAX or _ABBR_MAX",
	    short_abbr);
	CHECK("word table is not empty", sentence_words_count > 100);
	CHECK("word table fits its lookup (SENTENCE_WORDS_MAX)",
	    sentence_words_count <= SENTENCE_WORDS_MAX);
}

/* Random text from pieces that stress the rules; splits must be sound. */
static void
test_random(void)
{
	static const char *const piece[] = {
		"Mr.", "U.S.", "etc.", "No.", "a.m.", "J.", "e.g.", ".",
		"!", "?", "...", "\xE2\x80\xA6", "\xE2\x80\x9C",
		"\xE2\x80\x9D", "\xE2\x80\x99", "\"", "(", ")", " ", " ",
		" ", "\n", "\n\n", "\xC2\xA0", "The", "talks", "Wang",
		"and", "1.", "2)", "- ", ":", ",", "\xE2", "\x80", "\xC3",
		"\xC3\x89", "www.x.org", "3.5", "I", "\t", "\r\n"
	};
	const size_t npieces = sizeof(piece) / sizeof(piece[0]);
	uint32_t seed = 12345;
	struct buf b = BUF_INIT;
	size_t t, j, sound = 0, runs = 20000;
	char *text;

	for (t = 0; t < runs; t++) {
		b.len = 0;
		seed = seed * 1103515245u + 12345u;
		for (j = (seed >> 16) % 40; j > 0; j--) {
			seed = seed * 1103515245u + 12345u;
			buf_puts(&b, piece[(seed >> 16) % npieces]);
		}
		text = exact_copy(b.p ? b.p : "", b.len);
		sound += split_is_sound(text, b.len);
		free(text);
	}
	buf_free(&b);
	CHECK("random texts split soundly", sound == runs);
}

int
main(void)
{
	test_edges();
	test_table();
	test_random();
	test_golden();
	return check_status();
}
