/* Unit tests for cmd/dtag/phrase.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "phrase.h"
#include "token.h"

#define TP_MAXHITS 8

/* The ids phrase_at() reported. */
struct tp_hits {
	uint32_t id[TP_MAXHITS];
	size_t n;
};

static void
tp_hit(uint32_t id, void *arg)
{
	struct tp_hits *h = arg;

	if (h->n < TP_MAXHITS)
		h->id[h->n] = id;
	h->n++;
}

static int
tp_add(struct phrase_table *t, const char *s, int caseless, uint32_t id)
{
	return phrase_add(t, s, strlen(s), caseless, id);
}

/* phrase_at(t) at token i of the text s; the ids it reports go to h. */
static size_t
tp_at(const struct phrase_table *t, const char *s, size_t i,
    struct tp_hits *h)
{
	struct tokens toks = { 0 };
	size_t len = 0;

	if (h != NULL)
		h->n = 0;
	tok_scan(&toks, s, strlen(s));
	if (i < toks.n)
		len = phrase_at(t, toks.v, i, toks.n, s,
		    h != NULL ? tp_hit : NULL, h);
	tok_free(&toks);
	return len;
}

/* Nonzero when h holds just the ids a, b, c (0 for none), in any order. */
static int
tp_hits_are(const struct tp_hits *h, uint32_t a, uint32_t b, uint32_t c)
{
	uint32_t want[3] = { a, b, c };
	int used[3] = { 0, 0, 0 };
	size_t i, j, n = (a != 0) + (b != 0) + (c != 0);

	if (h->n != n)
		return 0;
	for (i = 0; i < h->n; i++) {
		for (j = 0; j < n; j++)
			if (!used[j] && want[j] == h->id[i])
				break;
		if (j == n)
			return 0;
		used[j] = 1;
	}
	return 1;
}

static int
tp_is(const struct phrase_table *t, const char *s)
{
	struct tokens toks = { 0 };
	int r;

	r = phrase_is(t, s, strlen(s), &toks);
	tok_free(&toks);
	return r;
}

static void
tp_adding(void)
{
	struct phrase_table t = { 0 };

	CHECK("an empty phrase is refused", tp_add(&t, "", 0, 1) == -1);
	CHECK("blanks alone are refused", tp_add(&t, "  \t", 0, 1) == -1);
	CHECK("punctuation alone is refused", tp_add(&t, ", .", 0, 1) == -1);
	CHECK("punctuation between words is refused",
	    tp_add(&t, "a, b", 0, 1) == -1 && tp_add(&t, "a / b", 0, 1) == -1);
	CHECK("a line break between words is refused",
	    tp_add(&t, "a\nb", 0, 1) == -1);
	CHECK("a word glued after a period is refused",
	    tp_add(&t, "Mr.Smith", 0, 1) == -1);
	CHECK("nothing refused is kept", t.n == 0);
	CHECK("words between blanks are a phrase",
	    tp_add(&t, "Foreign Office", 0, 1) == 0);
	CHECK("words joined by a hyphen are a phrase",
	    tp_add(&t, "China-Pakistan", 0, 2) == 0);
	CHECK("a period and a blank between words are allowed",
	    tp_add(&t, "Dr. Smith", 0, 3) == 0);
	CHECK("PHRASE_MAX_WORDS words are a phrase",
	    tp_add(&t, "a b c d e f g h i j k l m n o p", 0, 4) == 0);
	CHECK("more than PHRASE_MAX_WORDS words are refused",
	    tp_add(&t, "a b c d e f g h i j k l m n o p q", 0, 5) == -1);
	CHECK("more than PHRASE_MAX_WORDS joined by hyphens are refused",
	    tp_add(&t, "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q", 0, 5) == -1);
	CHECK("the phrases added are kept", t.n == 4);
	phrase_build(&t);
	CHECK("a phrase of PHRASE_MAX_WORDS words is found whole",
	    tp_at(&t, "a b c d e f g h i j k l m n o p q", 0, NULL) ==
	    PHRASE_MAX_WORDS);
	phrase_free(&t);
}

static void
tp_longest(void)
{
	struct phrase_table t = { 0 };
	struct tp_hits h;

	tp_add(&t, "Foreign", 0, 1);
	tp_add(&t, "Foreign Office", 0, 2);
	tp_add(&t, "Foreign Office Spokesperson", 0, 3);
	phrase_build(&t);

	CHECK("the 2-word phrase is found when the third word differs",
	    tp_at(&t, "the Foreign Office said", 1, &h) == 2 &&
	    tp_hits_are(&h, 2, 0, 0));
	CHECK("the longest phrase is found",
	    tp_at(&t, "Foreign Office Spokesperson Ahmed", 0, &h) == 3 &&
	    tp_hits_are(&h, 3, 0, 0));
	CHECK("one word is found when the next is no phrase word",
	    tp_at(&t, "Foreign Minister", 0, &h) == 1 &&
	    tp_hits_are(&h, 1, 0, 0));
	CHECK("the 2-word phrase is found at the end of the text",
	    tp_at(&t, "Foreign Office", 0, &h) == 2 &&
	    tp_hits_are(&h, 2, 0, 0));
	CHECK("no phrase starts with a phrase's later word",
	    tp_at(&t, "Office Spokesperson", 0, &h) == 0 && h.n == 0);
	CHECK("a phrase does not span a line break",
	    tp_at(&t, "Foreign Office\nSpokesperson", 0, NULL) == 2 &&
	    tp_at(&t, "Foreign\nOffice", 0, NULL) == 1);
	CHECK("a phrase does not span punctuation",
	    tp_at(&t, "Foreign Office, Spokesperson", 0, NULL) == 2 &&
	    tp_at(&t, "Foreign (Office)", 0, NULL) == 1);
	CHECK("a period inside the text ends the phrase there",
	    tp_at(&t, "Foreign. Office", 0, NULL) == 1);
	CHECK("a period after the last word is allowed",
	    tp_at(&t, "the Foreign Office.", 1, NULL) == 2);
	CHECK("a case-sensitive phrase does not match other case",
	    tp_at(&t, "FOREIGN OFFICE", 0, NULL) == 0 &&
	    tp_at(&t, "foreign office", 0, NULL) == 0);

	{
		struct tokens toks = { 0 };
		const char *s = "Foreign Office Spokesperson";

		tok_scan(&toks, s, strlen(s));
		CHECK("phrase_at looks no further than token n",
		    toks.n == 3 &&
		    phrase_at(&t, toks.v, 0, 2, s, NULL, NULL) == 2 &&
		    phrase_at(&t, toks.v, 0, 1, s, NULL, NULL) == 1);
		tok_free(&toks);
	}
	phrase_free(&t);
}

static void
tp_case(void)
{
	struct phrase_table t = { 0 }, u = { 0 };

	tp_add(&t, "china", 1, 1);
	phrase_build(&t);
	CHECK("a caseless phrase matches any ascii case",
	    tp_at(&t, "CHINA", 0, NULL) == 1 &&
	    tp_at(&t, "China", 0, NULL) == 1 &&
	    tp_at(&t, "china", 0, NULL) == 1);
	phrase_free(&t);

	tp_add(&t, "China", 0, 1);
	phrase_build(&t);
	CHECK("a case-sensitive phrase matches its own case",
	    tp_at(&t, "in China", 1, NULL) == 1);
	CHECK("a case-sensitive phrase does not match lowercase",
	    tp_at(&t, "china", 0, NULL) == 0);
	CHECK("a case-sensitive phrase does not match capitals",
	    tp_at(&t, "CHINA", 0, NULL) == 0);
	phrase_free(&t);

	tp_add(&t, "The Gambia", 0, 1);
	phrase_build(&t);
	CHECK("a capitalised phrase does not match its lowercase form",
	    tp_at(&t, "the gambia", 0, NULL) == 0 &&
	    tp_at(&t, "the Gambia", 0, NULL) == 0);
	CHECK("a capitalised phrase matches itself",
	    tp_at(&t, "The Gambia", 0, NULL) == 2);
	tp_add(&t, "the end", 1, 2);
	phrase_build(&t);
	CHECK("nor when a caseless phrase starts with the same word",
	    tp_at(&t, "the gambia", 0, NULL) == 0 &&
	    tp_at(&t, "THE GAMBIA", 0, NULL) == 0);
	CHECK("that caseless phrase matches in any case",
	    tp_at(&t, "the end", 0, NULL) == 2 &&
	    tp_at(&t, "The End", 0, NULL) == 2);
	CHECK("phrases added after a build are found after the next",
	    tp_at(&t, "The Gambia", 0, NULL) == 2);

	tp_add(&u, "van Gogh", 0, 1);
	phrase_build(&u);
	CHECK("a case-sensitive phrase in lowercase matches lowercase",
	    tp_at(&u, "by van Gogh", 1, NULL) == 2);
	CHECK("a case-sensitive phrase in lowercase does not match capitals",
	    tp_at(&u, "Van Gogh", 0, NULL) == 0);
	phrase_free(&u);
	phrase_free(&t);
}

/* Ideographs: each a word, and a phrase of several matches in text. */
static void
tp_ideographs(void)
{
	struct phrase_table t = { 0 };

	CHECK("a phrase of ideographs can be added",
	    tp_add(&t, "中国", 0, 1) == 0);
	phrase_build(&t);
	CHECK("a phrase of ideographs matches within a text",
	    tp_at(&t, "在中国的", 1, NULL) == 2);
	CHECK("but not across punctuation",
	    tp_at(&t, "中，国", 0, NULL) == 0);
	phrase_free(&t);
}

static void
tp_joins(void)
{
	struct phrase_table t = { 0 };

	tp_add(&t, "China-Pakistan", 0, 1);
	tp_add(&t, "Foreign Office", 0, 2);
	tp_add(&t, "Dr. Smith", 0, 3);
	tp_add(&t, "Mr", 0, 4);
	tp_add(&t, "U.S.", 0, 5);
	tp_add(&t, "People's Republic", 0, 6);
	tp_add(&t, "Pakistan", 0, 7);
	phrase_build(&t);

	CHECK("a hyphenated phrase matches the hyphenated text",
	    tp_at(&t, "the China-Pakistan corridor", 1, NULL) == 2);
	CHECK("a hyphenated phrase does not match words with a blank",
	    tp_at(&t, "China Pakistan", 0, NULL) == 0);
	CHECK("a hyphen between blanks does not join words",
	    tp_at(&t, "China - Pakistan", 0, NULL) == 0);
	CHECK("a phrase with a blank does not match a hyphenated text",
	    tp_at(&t, "Foreign-Office", 0, NULL) == 0);

	CHECK("a period of the phrase is in the text",
	    tp_at(&t, "Dr. Smith", 0, NULL) == 2);
	CHECK("a phrase's period must be in the text",
	    tp_at(&t, "Dr Smith", 0, NULL) == 0);
	CHECK("a period glued to the next word does not join a phrase",
	    tp_at(&t, "Dr.Smith", 0, NULL) == 0);
	CHECK("a text's period after a phrase's last word is allowed",
	    tp_at(&t, "Mr. Jones", 0, NULL) == 1);
	CHECK("an initialism phrase matches with its period",
	    tp_at(&t, "the U.S. said", 1, NULL) == 1);
	CHECK("an initialism phrase needs its last period",
	    tp_at(&t, "the U.S army", 1, NULL) == 0);
	CHECK("an initialism phrase needs its inner period",
	    tp_at(&t, "the US.", 1, NULL) == 0);

	CHECK("a possessive 's is allowed on the last word",
	    tp_at(&t, "the Foreign Office's view", 1, NULL) == 2 &&
	    tp_at(&t, "Pakistan's", 0, NULL) == 1);
	CHECK("a possessive 's is not allowed on an inner word",
	    tp_at(&t, "Foreign's Office", 0, NULL) == 0);
	CHECK("a phrase's possessive matches the text's",
	    tp_at(&t, "People's Republic", 0, NULL) == 2);
	CHECK("a phrase's possessive must be in the text",
	    tp_at(&t, "People Republic", 0, NULL) == 0);
	phrase_free(&t);
}

static void
tp_ids(void)
{
	struct phrase_table t = { 0 };
	struct tp_hits h;

	tp_add(&t, "Foreign", 0, 5);
	tp_add(&t, "Foreign Office", 0, 9);
	tp_add(&t, "Foreign Office", 0, 7);
	tp_add(&t, "foreign office", 1, 11);
	phrase_build(&t);
	CHECK("fn is called for every phrase of the length found",
	    tp_at(&t, "Foreign Office", 0, &h) == 2 &&
	    tp_hits_are(&h, 7, 9, 11));
	CHECK("fn is called only for the phrases that match the case",
	    tp_at(&t, "FOREIGN OFFICE", 0, &h) == 2 &&
	    tp_hits_are(&h, 11, 0, 0));
	CHECK("fn is not called for a shorter phrase",
	    tp_at(&t, "Foreign Minister", 0, &h) == 1 &&
	    tp_hits_are(&h, 5, 0, 0));
	CHECK("phrase_at returns the length when fn is NULL",
	    tp_at(&t, "Foreign Office", 0, NULL) == 2);
	phrase_free(&t);
}

static void
tp_first(void)
{
	struct phrase_table t = { 0 }, u = { 0 }, e = { 0 };

	CHECK("an empty table starts nothing",
	    phrase_first(&e, tok_hash("a", 1)) == 0 &&
	    phrase_first(&e, tok_hash("A", 1)) == 0 &&
	    tp_at(&e, "a", 0, NULL) == 0 && !tp_is(&e, "a"));
	phrase_build(&e);
	CHECK("an empty table, built, matches nothing",
	    phrase_first(&e, tok_hash("a", 1)) == 0 &&
	    tp_at(&e, "a", 0, NULL) == 0 && !tp_is(&e, "a"));
	phrase_free(&e);

	tp_add(&t, "Foreign", 0, 1);
	tp_add(&t, "Foreign Office Spokesperson", 0, 2);
	phrase_build(&t);
	CHECK("phrase_first gives the most words of a phrase",
	    phrase_first(&t, tok_hash("foreign", 7)) == 3);
	CHECK("phrase_first ignores ascii case",
	    phrase_first(&t, tok_hash("FOREIGN", 7)) != 0 &&
	    phrase_first(&t, tok_hash("Foreign", 7)) != 0);
	CHECK("no phrase starts with a later word",
	    phrase_first(&t, tok_hash("office", 6)) == 0 &&
	    phrase_first(&t, tok_hash("spokesperson", 12)) == 0);
	tp_add(&t, "Foreign Affairs", 1, 3);
	phrase_build(&t);
	CHECK("a caseless phrase gives FIRST_ANYCASE",
	    phrase_first(&t, tok_hash("foreign", 7)) == (3 | FIRST_ANYCASE));
	phrase_free(&t);

	tp_add(&u, "the end", 0, 1);
	phrase_build(&u);
	CHECK("a case-sensitive phrase in lowercase gives FIRST_ANYCASE",
	    phrase_first(&u, tok_hash("the", 3)) == (2 | FIRST_ANYCASE));
	CHECK("FIRST_MOST holds the word count",
	    (phrase_first(&u, tok_hash("the", 3)) & FIRST_MOST) == 2);
	phrase_free(&u);
}

static void
tp_whole(void)
{
	struct phrase_table t = { 0 };

	tp_add(&t, "Foreign Office", 0, 1);
	tp_add(&t, "Pakistan", 0, 2);
	phrase_build(&t);
	CHECK("phrase_is: the whole text is a phrase",
	    tp_is(&t, "Foreign Office") && tp_is(&t, "Pakistan"));
	CHECK("phrase_is: a phrase and more is not",
	    !tp_is(&t, "Foreign Office said") &&
	    !tp_is(&t, "The Foreign Office"));
	CHECK("phrase_is: the start of a phrase is not",
	    !tp_is(&t, "Foreign"));
	CHECK("phrase_is: the empty text is not", !tp_is(&t, ""));
	CHECK("phrase_is: a case-sensitive phrase in other case is not",
	    !tp_is(&t, "pakistan"));
	phrase_free(&t);
}

/* Each token of s, its phrase_mark() bits only. */
static int
tp_marks_are(const struct phrase_marks *m, const char *s,
    const uint32_t *want, size_t n)
{
	struct tokens toks = { 0 };
	uint32_t before[16];
	size_t i;
	int ok;

	tok_scan(&toks, s, strlen(s));
	ok = toks.n == n && n <= 16;
	for (i = 0; ok && i < n; i++)
		before[i] = toks.v[i].flags;
	if (ok)
		phrase_mark(m, toks.v, toks.n);
	for (i = 0; ok && i < n; i++)
		if ((toks.v[i].flags & 0xFFFF0000u) != want[i] ||
		    (toks.v[i].flags & 0xFFFF) != before[i]) {
			printf("\ttoken %zu: flags %#x, want marks %#x\n", i,
			    toks.v[i].flags, want[i]);
			ok = 0;
		}
	tok_free(&toks);
	return ok;
}

static void
tp_marks(void)
{
	struct phrase_table t0 = { 0 }, t1 = { 0 }, t2 = { 0 };
	const struct phrase_table *tabs[3] = { &t0, &t1, &t2 };
	struct phrase_marks m = { 0 };
	static const uint32_t want[] = {
		TOK_MARK(0) | TOK_MARK(1),	/* Foreign */
		TOK_MARK(1),			/* foreign */
		TOK_MARK(0) | TOK_MARK(1),	/* FOREIGN */
		0,				/* Office */
		TOK_MARK(2),			/* the */
		TOK_MARK(2),			/* Gambia */
		0,				/* gambia */
		TOK_MARK(2)			/* van */
	};

	tp_add(&t0, "Foreign Office", 0, 1);
	tp_add(&t1, "foreign", 1, 1);
	tp_add(&t2, "Gambia", 0, 1);
	tp_add(&t2, "the end", 1, 2);
	tp_add(&t2, "van Gogh", 0, 3);
	phrase_build(&t0);
	phrase_build(&t1);
	phrase_build(&t2);
	phrase_marks_build(&m, tabs, 3);
	CHECK("phrase_mark sets TOK_MARK(k) for each table a token may start",
	    tp_marks_are(&m,
	    "Foreign foreign FOREIGN Office the Gambia gambia van", want, 8));
	phrase_marks_free(&m);
	CHECK("phrase_marks_free leaves zeroed marks", m.v == NULL && m.n == 0);

	phrase_marks_build(&m, tabs, 0);
	{
		static const uint32_t none[] = { 0, 0 };

		CHECK("marks of no tables mark nothing",
		    tp_marks_are(&m, "Foreign Gambia", none, 2));
	}
	phrase_marks_free(&m);
	phrase_free(&t0);
	phrase_free(&t1);
	phrase_free(&t2);
}

static void
tp_many(void)
{
	struct phrase_table t = { 0 };
	char s[64];
	size_t i, bad = 0;

	/* More phrases and words than the first allocations hold. */
	for (i = 0; i < 600; i++) {
		snprintf(s, sizeof(s), "Word%zu Thing%zu", i, i % 7);
		if (tp_add(&t, s, 0, (uint32_t)i + 1) != 0)
			bad++;
	}
	phrase_build(&t);
	for (i = 0; i < 600; i++) {
		struct tp_hits h;

		snprintf(s, sizeof(s), "Word%zu Thing%zu", i, i % 7);
		if (tp_at(&t, s, 0, &h) != 2 ||
		    !tp_hits_are(&h, (uint32_t)i + 1, 0, 0))
			bad++;
		snprintf(s, sizeof(s), "Word%zu Thing%zu", i, (i + 1) % 7);
		if (tp_at(&t, s, 0, NULL) != 0)
			bad++;
	}
	CHECK("each of 600 phrases is found, and only with its own words",
	    bad == 0 && t.n == 600);

	phrase_free(&t);
	CHECK("phrase_free leaves a zeroed table", t.v == NULL && t.n == 0 &&
	    t.cap == 0 && t.words == NULL && t.nwords == 0 && t.wcap == 0 &&
	    t.texts == NULL && t.ntexts == 0 && t.index == NULL &&
	    t.nindex == 0 && t.first == NULL && t.nfirst == 0);
	tp_add(&t, "Pakistan", 0, 1);
	phrase_build(&t);
	CHECK("a freed table can be filled again",
	    t.n == 1 && tp_at(&t, "Pakistan", 0, NULL) == 1 &&
	    tp_at(&t, "Word1 Thing1", 0, NULL) == 0);
	phrase_free(&t);
}

int
main(void)
{
	tp_adding();
	tp_longest();
	tp_case();
	tp_joins();
	tp_ideographs();
	tp_ids();
	tp_first();
	tp_whole();
	tp_marks();
	tp_many();
	return check_status();
}
