/* Unit tests for cmd/dtag/token.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "token.h"

#define TT_START (TOK_LINE | TOK_SENT)	/* a text's first token */
#define TT_KIB ((size_t)1024)
#define TT_MIB ((size_t)1024 * 1024)

/* Scan the string s into t; returns s. */
static const char *
tt_scan(struct tokens *t, const char *s)
{
	tok_scan(t, s, strlen(s));
	return s;
}

/*
 * Nonzero when token i of t, in text s, is want at off with flags f;
 * shows what it is when it is not.
 */
static int
tt_is(const struct tokens *t, const char *s, size_t i, uint32_t off,
    const char *want, uint32_t f)
{
	const struct token *k;

	if (i >= t->n) {
		printf("\tno token %zu: %zu tokens\n", i, t->n);
		return 0;
	}
	k = &t->v[i];
	if (k->off == off && k->len == strlen(want) &&
	    memcmp(s + k->off, want, k->len) == 0 && k->flags == f)
		return 1;
	printf("\ttoken %zu: off %u len %u flags %#x, want %u \"%s\" %#x\n",
	    i, k->off, k->len, k->flags, off, want, f);
	return 0;
}

/* Nonzero when every token of t has the hash tok_hash() gives its text. */
static int
tt_hashes_agree(const struct tokens *t, const char *s)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].hash != tok_hash(s + t->v[i].off, t->v[i].len))
			return 0;
	return 1;
}

/* A buffer of n bytes of pattern p repeated; the caller frees it. */
static char *
tt_fill(const char *p, size_t n)
{
	size_t i, m = strlen(p);
	char *s;

	if ((s = malloc(n)) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		s[i] = p[i % m];
	return s;
}

static void
tt_words(void)
{
	struct tokens t = { 0 };
	const char *s;

	s = tt_scan(&t, "the cat sat");
	CHECK("ascii words are tokens at their offsets",
	    t.n == 3 && tt_is(&t, s, 0, 0, "the", TT_START) &&
	    tt_is(&t, s, 1, 4, "cat", TOK_SPACE) &&
	    tt_is(&t, s, 2, 8, "sat", TOK_SPACE | TOK_END));
	CHECK("three words and eleven characters are counted",
	    t.words == 3 && t.chars == 11);
	CHECK("every token is on line 0 of a one-line text",
	    t.n == 3 && t.v[0].line == 0 && t.v[1].line == 0 &&
	    t.v[2].line == 0);

	s = tt_scan(&t, "Paris NATO 42nd A ABC1 McDonald");
	CHECK("a capital first letter gives TOK_UPPER", t.n == 6 &&
	    tt_is(&t, s, 0, 0, "Paris", TOK_UPPER | TT_START));
	CHECK("two capitals or more and no lowercase give TOK_CAPS",
	    tt_is(&t, s, 1, 6, "NATO", TOK_UPPER | TOK_CAPS | TOK_SPACE));
	CHECK("a first digit gives TOK_DIGIT",
	    tt_is(&t, s, 2, 11, "42nd", TOK_DIGIT | TOK_SPACE));
	CHECK("one capital alone is not TOK_CAPS",
	    tt_is(&t, s, 3, 16, "A", TOK_UPPER | TOK_SPACE));
	CHECK("digits do not stop TOK_CAPS",
	    tt_is(&t, s, 4, 18, "ABC1", TOK_UPPER | TOK_CAPS | TOK_SPACE));
	CHECK("a lowercase letter rules out TOK_CAPS", tt_is(&t, s, 5, 23,
	    "McDonald", TOK_UPPER | TOK_SPACE | TOK_END));

	s = tt_scan(&t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFGHIJKLMNOPQRSTUVWXYz "
	    "abcdefghijklmnopqrstuvwxyZ");
	CHECK("a long word of capitals is TOK_CAPS", t.n == 3 &&
	    tt_is(&t, s, 0, 0, "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
	    TOK_UPPER | TOK_CAPS | TT_START));
	CHECK("a long word with one lowercase letter is not TOK_CAPS",
	    tt_is(&t, s, 1, 27, "ABCDEFGHIJKLMNOPQRSTUVWXYz",
	    TOK_UPPER | TOK_SPACE));
	CHECK("a long word starting in lowercase is not TOK_UPPER",
	    tt_is(&t, s, 2, 54, "abcdefghijklmnopqrstuvwxyZ",
	    TOK_SPACE | TOK_END));

	s = tt_scan(&t, "  a");
	CHECK("leading blanks are skipped",
	    t.n == 1 && tt_is(&t, s, 0, 2, "a", TT_START | TOK_END));

	tt_scan(&t, "");
	CHECK("an empty text has no tokens", t.n == 0);
	tt_scan(&t, ", . ; (!)");
	CHECK("punctuation alone gives no tokens", t.n == 0);
	tok_free(&t);
	CHECK("tok_free leaves a zeroed struct", t.v == NULL && t.n == 0 &&
	    t.cap == 0 && t.chars == 0 && t.words == 0);
}

static void
tt_apostrophes(void)
{
	struct tokens t = { 0 };
	const char *s;

	s = tt_scan(&t, "O'Brien and Chang'e");
	CHECK("an apostrophe between letters stays in the token", t.n == 3 &&
	    tt_is(&t, s, 0, 0, "O'Brien", TOK_UPPER | TT_START) &&
	    tt_is(&t, s, 2, 12, "Chang'e", TOK_UPPER | TOK_SPACE | TOK_END));
	CHECK("the apostrophe is in the hash",
	    t.n == 3 && t.v[0].hash == tok_hash("o'brien", 7) &&
	    t.v[0].hash != tok_hash("obrien", 6));

	s = tt_scan(&t, "O\xE2\x80\x99" "Brien said");
	CHECK("a U+2019 apostrophe between letters stays in the token",
	    t.n == 2 && tt_is(&t, s, 0, 0, "O\xE2\x80\x99" "Brien",
	    TOK_UPPER | TT_START) &&
	    tt_is(&t, s, 1, 10, "said", TOK_SPACE | TOK_END));
	CHECK("a U+2019 apostrophe hashes as an ascii one",
	    t.n == 2 && t.v[0].hash == tok_hash("O'Brien", 7));

	s = tt_scan(&t, "O'Sullivan");
	CHECK("an apostrophe and an s that goes on is no possessive",
	    t.n == 1 && tt_is(&t, s, 0, 0, "O'Sullivan",
	    TOK_UPPER | TT_START | TOK_END));

	s = tt_scan(&t, "Obama's plan");
	CHECK("a possessive 's is cut off and flagged", t.n == 2 &&
	    tt_is(&t, s, 0, 0, "Obama", TOK_UPPER | TOK_POSS | TT_START) &&
	    tt_is(&t, s, 1, 8, "plan", TOK_SPACE | TOK_END));
	CHECK("the hash of a possessive is that of the word without 's",
	    t.n == 2 && t.v[0].hash == tok_hash("obama", 5));

	s = tt_scan(&t, "Obama\xE2\x80\x99s plan");
	CHECK("a possessive \xE2\x80\x99s is cut off and flagged", t.n == 2 &&
	    tt_is(&t, s, 0, 0, "Obama", TOK_UPPER | TOK_POSS | TT_START) &&
	    tt_is(&t, s, 1, 10, "plan", TOK_SPACE | TOK_END));

	s = tt_scan(&t, "NATO'S");
	CHECK("a possessive 'S in capitals is cut off too", t.n == 1 &&
	    tt_is(&t, s, 0, 0, "NATO",
	    TOK_UPPER | TOK_CAPS | TOK_POSS | TT_START | TOK_END));

	s = tt_scan(&t, "the students' books");
	CHECK("a trailing apostrophe is not in the token", t.n == 3 &&
	    tt_is(&t, s, 1, 4, "students", TOK_SPACE));
	CHECK("a trailing apostrophe takes TOK_SPACE from the next token",
	    tt_is(&t, s, 2, 14, "books", TOK_END));
	tok_free(&t);
}

static void
tt_periods(void)
{
	struct tokens t = { 0 };
	const char *s;

	s = tt_scan(&t, "U.S. troops left");
	CHECK("an initialism U.S. is one token with TOK_DOT", t.n == 3 &&
	    tt_is(&t, s, 0, 0, "U.S",
	    TOK_UPPER | TOK_CAPS | TOK_DOT | TT_START));
	CHECK("an initialism hashes with its inner period",
	    t.n == 3 && t.v[0].hash == tok_hash("u.s", 3) &&
	    t.v[0].hash != tok_hash("us", 2));
	CHECK("a period and a blank give TOK_SENT",
	    tt_is(&t, s, 1, 5, "troops", TOK_SPACE | TOK_SENT) &&
	    tt_is(&t, s, 2, 12, "left", TOK_SPACE | TOK_END));

	s = tt_scan(&t, "H.E. the President");
	CHECK("an initialism H.E. is one token with TOK_DOT", t.n == 3 &&
	    tt_is(&t, s, 0, 0, "H.E",
	    TOK_UPPER | TOK_CAPS | TOK_DOT | TT_START));

	s = tt_scan(&t, "e.g. this");
	CHECK("a lowercase initialism is one token", t.n == 2 &&
	    tt_is(&t, s, 0, 0, "e.g", TOK_DOT | TT_START) &&
	    tt_is(&t, s, 1, 5, "this", TOK_SPACE | TOK_SENT | TOK_END));

	s = tt_scan(&t, "Mr. Smith");
	CHECK("Mr. and a blank: TOK_DOT, then TOK_SPACE and TOK_SENT",
	    t.n == 2 && tt_is(&t, s, 0, 0, "Mr", TOK_UPPER | TOK_DOT |
	    TT_START) && tt_is(&t, s, 1, 4, "Smith",
	    TOK_UPPER | TOK_SPACE | TOK_SENT | TOK_END));

	s = tt_scan(&t, "Mr.Smith");
	CHECK("a letter right after a period is TOK_GLUED, not TOK_SENT",
	    t.n == 2 && tt_is(&t, s, 0, 0, "Mr", TOK_UPPER | TOK_DOT |
	    TT_START) && tt_is(&t, s, 1, 3, "Smith",
	    TOK_UPPER | TOK_GLUED | TOK_END));

	s = tt_scan(&t, "3.5 percent");
	CHECK("a digit after a period is neither glued nor a sentence",
	    t.n == 3 && tt_is(&t, s, 0, 0, "3", TOK_DIGIT | TOK_DOT |
	    TT_START) && tt_is(&t, s, 1, 2, "5", TOK_DIGIT | TOK_SPACE) &&
	    tt_is(&t, s, 2, 4, "percent", TOK_SPACE | TOK_END));

	s = tt_scan(&t, "a . b");
	CHECK("a period after a blank is not the token's",
	    t.n == 2 && tt_is(&t, s, 0, 0, "a", TT_START) &&
	    tt_is(&t, s, 1, 4, "b", TOK_END));

	s = tt_scan(&t, "Yes! No? Maybe");
	CHECK("! and ? give TOK_SENT", t.n == 3 &&
	    tt_is(&t, s, 1, 5, "No", TOK_UPPER | TOK_SENT) &&
	    tt_is(&t, s, 2, 9, "Maybe", TOK_UPPER | TOK_SENT | TOK_END));

	s = tt_scan(&t, "a, b");
	CHECK("a comma takes TOK_SPACE away", t.n == 2 &&
	    tt_is(&t, s, 1, 3, "b", TOK_END));

	s = tt_scan(&t, "done.");
	CHECK("a period at the end of the text is the token's",
	    t.n == 1 && tt_is(&t, s, 0, 0, "done", TOK_DOT | TT_START |
	    TOK_END));
	tok_free(&t);
}

static void
tt_hyphens(void)
{
	struct tokens t = { 0 };
	const char *s;

	s = tt_scan(&t, "China-Pakistan corridor");
	CHECK("a hyphen splits China-Pakistan into two tokens", t.n == 3 &&
	    tt_is(&t, s, 0, 0, "China", TOK_UPPER | TT_START) &&
	    tt_is(&t, s, 1, 6, "Pakistan", TOK_UPPER | TOK_HYPHEN) &&
	    tt_is(&t, s, 2, 15, "corridor", TOK_SPACE | TOK_END));
	CHECK("a hyphenated word counts as one word", t.words == 2);

	s = tt_scan(&t, "China\xE2\x80\x90Pakistan");
	CHECK("a U+2010 hyphen joins words as well", t.n == 2 &&
	    tt_is(&t, s, 1, 8, "Pakistan", TOK_UPPER | TOK_HYPHEN | TOK_END));

	t.words = 0;
	s = tt_scan(&t, "a - b");
	CHECK("a hyphen between blanks joins nothing", t.n == 2 &&
	    tt_is(&t, s, 1, 4, "b", TOK_END) && t.words == 2);

	s = tt_scan(&t, "pre- and post-war");
	CHECK("a hyphen before a blank joins nothing", t.n == 4 &&
	    tt_is(&t, s, 0, 0, "pre", TT_START) &&
	    tt_is(&t, s, 1, 5, "and", 0) &&
	    tt_is(&t, s, 3, 14, "war", TOK_HYPHEN | TOK_END));
	tok_free(&t);
}

static void
tt_lines(void)
{
	struct tokens t = { 0 };
	const char *s;

	s = tt_scan(&t, "end.\nNext  line\n\n  last");
	CHECK("the last token of a line is TOK_END", t.n == 4 &&
	    tt_is(&t, s, 0, 0, "end", TOK_DOT | TT_START | TOK_END));
	CHECK("a line start is TOK_LINE and TOK_SENT, not TOK_SPACE",
	    tt_is(&t, s, 1, 5, "Next", TOK_UPPER | TT_START) &&
	    tt_is(&t, s, 2, 11, "line", TOK_SPACE | TOK_END));
	CHECK("blanks at a line start leave TOK_LINE",
	    tt_is(&t, s, 3, 19, "last", TT_START | TOK_END));
	CHECK("tokens carry their line numbers", t.n == 4 &&
	    t.v[0].line == 0 && t.v[1].line == 1 && t.v[2].line == 1 &&
	    t.v[3].line == 3);

	s = tt_scan(&t, "a\xC2\xA0" "b\tc\xE3\x80\x80" "d");
	CHECK("NBSP, tab and U+3000 are blanks", t.n == 4 &&
	    tt_is(&t, s, 1, 3, "b", TOK_SPACE) &&
	    tt_is(&t, s, 2, 5, "c", TOK_SPACE) &&
	    tt_is(&t, s, 3, 9, "d", TOK_SPACE | TOK_END));

	s = tt_scan(&t, "a\xE2\x82\xAC" "b\xFF" "c");
	CHECK("a symbol or an ill-formed byte ends a token", t.n == 3 &&
	    tt_is(&t, s, 0, 0, "a", TT_START) &&
	    tt_is(&t, s, 1, 4, "b", 0) && tt_is(&t, s, 2, 6, "c", TOK_END));
	tok_free(&t);
}

static void
tt_scripts(void)
{
	struct tokens t = { 0 };
	const char *s;

	t.words = 0;
	s = tt_scan(&t, "中国人");
	CHECK("each ideograph is a token, the next word of a phrase",
	    t.n == 3 && tt_is(&t, s, 0, 0, "中", TOK_IDEO | TT_START) &&
	    tt_is(&t, s, 1, 3, "国", TOK_SPACE | TOK_IDEO) &&
	    tt_is(&t, s, 2, 6, "人", TOK_SPACE | TOK_IDEO | TOK_END));
	CHECK("each ideograph is a word", t.words == 3);
	CHECK("an ideograph's hash is tok_hash of its bytes",
	    tt_hashes_agree(&t, s) && t.n == 3 &&
	    t.v[0].hash != t.v[1].hash);

	s = tt_scan(&t, "カタカナ");
	CHECK("each kana is a token with TOK_IDEO", t.n == 4 &&
	    tt_is(&t, s, 1, 3, "タ", TOK_SPACE | TOK_IDEO) &&
	    t.v[3].off == 9 && (t.v[3].flags & TOK_IDEO));

	s = tt_scan(&t, "a 中\nb");
	CHECK("an ideograph that ends a line is TOK_END", t.n == 3 &&
	    tt_is(&t, s, 1, 2, "中", TOK_SPACE | TOK_IDEO | TOK_END));
	s = tt_scan(&t, "中 ab");
	CHECK("a word after an ideograph and a blank is TOK_SPACE",
	    t.n == 2 && tt_is(&t, s, 1, 4, "ab", TOK_SPACE | TOK_END));
	(void)tt_scan(&t, "中.ab");
	CHECK("no period is taken after an ideograph", t.n == 2 &&
	    t.v[0].flags == (TOK_IDEO | TT_START) &&
	    !(t.v[1].flags & (TOK_SPACE | TOK_GLUED)));

	s = tt_scan(&t, "ab中cd");
	CHECK("an ideograph ends the ascii word before it", t.n == 3 &&
	    tt_is(&t, s, 0, 0, "ab", TT_START) &&
	    tt_is(&t, s, 1, 2, "中", TOK_SPACE | TOK_IDEO) &&
	    t.v[2].off == 5 && t.v[2].len == 2);

	s = tt_scan(&t, "외교부 장관");
	CHECK("hangul syllables are letters of one token", t.n == 2 &&
	    tt_is(&t, s, 0, 0, "외교부", TT_START) &&
	    tt_is(&t, s, 1, 10, "장관", TOK_SPACE | TOK_END));

	s = tt_scan(&t, "café Über École Москва МОСКВА Łódź ÀB Αθήνα");
	CHECK("accented lowercase letters are letters", t.n == 8 &&
	    tt_is(&t, s, 0, 0, "café", TT_START));
	CHECK("Ü and É give TOK_UPPER",
	    tt_is(&t, s, 1, 6, "Über", TOK_UPPER | TOK_SPACE) &&
	    tt_is(&t, s, 2, 12, "École", TOK_UPPER | TOK_SPACE));
	CHECK("cyrillic capitals give TOK_UPPER and TOK_CAPS",
	    tt_is(&t, s, 3, 19, "Москва", TOK_UPPER | TOK_SPACE) &&
	    tt_is(&t, s, 4, 32, "МОСКВА", TOK_UPPER | TOK_CAPS | TOK_SPACE));
	CHECK("latin extended-a Ł is uppercase, ź lowercase",
	    tt_is(&t, s, 5, 45, "Łódź", TOK_UPPER | TOK_SPACE));
	CHECK("À and B are two capitals",
	    tt_is(&t, s, 6, 53, "ÀB", TOK_UPPER | TOK_CAPS | TOK_SPACE));
	CHECK("greek capitals give TOK_UPPER",
	    tt_is(&t, s, 7, 57, "Αθήνα", TOK_UPPER | TOK_SPACE | TOK_END));
	CHECK("hashes of non-ascii words are tok_hash of their text",
	    tt_hashes_agree(&t, s));
	CHECK("case beyond ascii is not folded by the hash",
	    tok_hash("\xC3\x89", 2) != tok_hash("\xC3\xA9", 2));

	s = tt_scan(&t, "مرحبا بكم");
	CHECK("arabic letters are letters", t.n == 2 &&
	    tt_is(&t, s, 0, 0, "مرحبا", TT_START) &&
	    tt_is(&t, s, 1, 11, "بكم", TOK_SPACE | TOK_END));

	s = tt_scan(&t, "نعم؟ لا");
	CHECK("the arabic question mark ends a sentence", t.n == 2 &&
	    tt_is(&t, s, 1, 9, "لا", TOK_SENT | TOK_END));
	tok_free(&t);
}

static void
tt_counts(void)
{
	struct tokens t = { 0 };
	char *big;
	size_t i;

	/* 18 bytes: é at 7-8, 国 at 14-16 straddle the 8-byte words. */
	tt_scan(&t, "abcdefg\xC3\xA9中ab国z");
	CHECK("characters are counted, not bytes, across 8-byte words",
	    t.chars == 13);
	tt_scan(&t, "naïve café");
	CHECK("chars add up over the blocks seen", t.chars == 13 + 10);
	t.chars = 0;
	tt_scan(&t, "a😀😀😀");
	CHECK("a 4-byte character straddling byte 8 is one character",
	    t.chars == 4);
	t.chars = 0;
	tt_scan(&t, "ééééé");
	CHECK("a 10-byte text of 2-byte characters is 5 characters",
	    t.chars == 5);
	t.chars = 0;
	tt_scan(&t, "abcdefghijklmnopq");
	CHECK("17 ascii bytes are 17 characters", t.chars == 17);

	t.words = 0;
	tt_scan(&t, "one two");
	tt_scan(&t, "three-four five");
	CHECK("words add up over the blocks seen, the tokens do not",
	    t.words == 4 && t.n == 3);

	/* More tokens than the first allocation holds. */
	if ((big = tt_fill("w ", 6000)) != NULL) {
		tok_scan(&t, big, 6000);
		for (i = 0; i < t.n; i++)
			if (t.v[i].off != 2 * i || t.v[i].len != 1)
				break;
		CHECK("3000 tokens are all kept, in order",
		    t.n == 3000 && i == t.n);
		free(big);
	}
	tok_free(&t);
}

/*
 * tok_text_eq() on two copies of n bytes (in blocks of exactly n bytes,
 * so that a sanitizer sees a read past them) for n to 40: equal; with
 * one letter's case changed, equal only when caseless; with one letter
 * changed, unequal.  Nonzero when all of that holds.
 */
static int
tt_text_eq_all(void)
{
	size_t n, i, p;
	char *a, *b;
	int ok = 1;

	for (n = 1; n <= 40; n++) {
		if ((a = malloc(n)) == NULL || (b = malloc(n)) == NULL) {
			free(a);
			return 0;
		}
		for (i = 0; i < n; i++)
			a[i] = (char)('a' + i % 26);
		for (p = 0; p < n; p++) {
			memcpy(b, a, n);
			ok &= tok_text_eq(a, b, n, 0) && tok_text_eq(a, b, n, 1);
			b[p] = (char)(b[p] - 'a' + 'A');
			ok &= !tok_text_eq(a, b, n, 0) && tok_text_eq(a, b, n, 1) &&
			    tok_text_eq(b, a, n, 1);
			b[p] = a[p] == 'z' ? 'y' : (char)(a[p] + 1);
			ok &= !tok_text_eq(a, b, n, 0) && !tok_text_eq(a, b, n, 1);
		}
		free(a);
		free(b);
	}
	return ok;
}

static void
tt_hash(void)
{
	struct tokens t = { 0 };
	const char *s;

	CHECK("tok_hash ignores ascii case",
	    tok_hash("China", 5) == tok_hash("CHINA", 5) &&
	    tok_hash("China", 5) == tok_hash("china", 5));
	CHECK("tok_hash tells words apart",
	    tok_hash("china", 5) != tok_hash("chine", 5) &&
	    tok_hash("china", 5) != tok_hash("chin", 4));
	CHECK("tok_hash does not fold [ into {",
	    tok_hash("[", 1) != tok_hash("{", 1));
	CHECK("tok_hash of U+2019 is that of an ascii apostrophe",
	    tok_hash("\xE2\x80\x99", 3) == tok_hash("'", 1) &&
	    tok_hash("Chang\xE2\x80\x99" "e", 9) == tok_hash("chang'e", 7));
	s = tt_scan(&t, "O\xCA\xBC" "Brien");
	CHECK("a U+02BC apostrophe: tok_hash agrees with the token's",
	    t.n == 1 && t.v[0].len == 8 &&
	    t.v[0].hash == tok_hash(s, 8) &&
	    t.v[0].hash == tok_hash("o'brien", 7));

	s = tt_scan(&t, "Internationalization and INTERNATIONALIZATION, "
	    "Zürich's U.S. O'Brien 42nd H.E. Chang\xE2\x80\x99" "e 中 "
	    "internationalization");
	CHECK("every token's hash is tok_hash of its text",
	    t.n == 11 && tt_hashes_agree(&t, s));
	CHECK("a long word has one hash in the middle and at the end",
	    t.n == 11 && t.v[0].hash == t.v[2].hash &&
	    t.v[0].hash == t.v[10].hash &&
	    t.v[0].hash == tok_hash("internationalization", 20));
	tok_free(&t);

	CHECK("tok_text_eq, caseless, ignores ascii case",
	    tok_text_eq("China", "CHINA", 5, 1) &&
	    tok_text_eq("Foreign Office", "foreign OFFICE", 14, 1));
	CHECK("tok_text_eq, caseless, tells letters apart",
	    !tok_text_eq("China", "Chine", 5, 1) &&
	    !tok_text_eq("abc", "abd", 3, 1));
	CHECK("tok_text_eq, caseless, folds only ascii letters",
	    !tok_text_eq("[", "{", 1, 1) && !tok_text_eq("@", "`", 1, 1) &&
	    !tok_text_eq("\xC3\x89", "\xC3\xA9", 2, 1));
	CHECK("tok_text_eq, case-sensitive, wants the same case",
	    tok_text_eq("China", "China", 5, 0) &&
	    !tok_text_eq("China", "CHINA", 5, 0) &&
	    !tok_text_eq("china", "China", 5, 0));
	CHECK("tok_text_eq compares n bytes only",
	    tok_text_eq("abcX", "ABCy", 3, 1) &&
	    tok_text_eq("abcX", "abcy", 3, 0) && tok_text_eq("x", "y", 0, 0));
	CHECK("tok_text_eq, every length to 40 and every place of a change",
	    tt_text_eq_all());
}

static void
tt_block(void)
{
	size_t n = 2 * TT_MIB + 17;
	char *s;

	if ((s = tt_fill("a", n)) == NULL) {
		CHECK("memory for tok_block's texts", 0);
		return;
	}
	CHECK("a short text is one block", tok_block(s, 100) == 100);
	CHECK("64 KiB is one block", tok_block(s, 64 * TT_KIB) == 64 * TT_KIB);

	s[1000] = '\n';
	s[70000] = '\n';
	s[100000] = '\n';
	CHECK("a block ends after the first newline past 64 KiB",
	    tok_block(s, 200000) == 70001);
	s[65536] = '\n';
	CHECK("a newline at byte 65536 ends the block",
	    tok_block(s, 200000) == 65537);
	s[65536] = s[70000] = s[100000] = 'a';
	CHECK("a text under 1 MiB without a newline past 64 KiB is one block",
	    tok_block(s, 200000) == 200000);
	CHECK("a text of just 1 MiB without one is one block",
	    tok_block(s, TT_MIB) == TT_MIB);

	s[500000] = ' ';
	s[900000] = '\t';
	s[1100000] = ' ';
	s[1500000] = '\n';
	CHECK("a line over 1 MiB ends after its last blank before 1 MiB",
	    tok_block(s, n) == 900001);
	s[500000] = s[900000] = s[1100000] = s[1500000] = 'a';
	s[100] = ' ';
	CHECK("a blank before 64 KiB does not end a long line",
	    tok_block(s, n) == TT_MIB);
	free(s);

	/* Leads at multiples of 3: the last one by 1 MiB is 1048575. */
	if ((s = tt_fill("中", n)) == NULL)
		return;
	CHECK("a line over 1 MiB without blanks ends at a character start",
	    tok_block(s, n) == 1048575 &&
	    ((unsigned char)s[1048575] & 0xC0) != 0x80);
	free(s);
	if ((s = tt_fill("\xC3\xA9", n)) == NULL)
		return;
	CHECK("1 MiB of 2-byte characters ends at 1 MiB",
	    tok_block(s, n) == TT_MIB);
	free(s);
}

int
main(void)
{
	tt_words();
	tt_apostrophes();
	tt_periods();
	tt_hyphens();
	tt_lines();
	tt_scripts();
	tt_counts();
	tt_hash();
	tt_block();
	return check_status();
}
