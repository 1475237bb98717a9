/*
 * phrase.h: tables of words and phrases, found in tokenized text.
 *
 * A phrase is cut into words as the text is (token.h), so that what a
 * gazetteer says and what the text says are compared word by word: the
 * same word boundaries, a hyphen only where a hyphen is written, a
 * period only where one is written ("Dr.", "U.S."), and a possessive 's
 * in the text ignored on a phrase's last word.  A phrase is matched with
 * or without regard to ASCII case, as it was added.
 */
#ifndef PHRASE_H
#define PHRASE_H

#include <stddef.h>
#include <stdint.h>

#include "token.h"

#define PHRASE_MAX_WORDS 16

struct pword;
struct phrase;

/* An open-addressed slot: a hash or key, and what it leads to. */
struct pslot {
	uint32_t key;
	uint32_t val;	/* 0 for an empty slot */
};

struct phrase_table {
	struct phrase *v;
	size_t n;
	size_t cap;
	struct pword *words;
	size_t nwords;
	size_t wcap;
	char **texts;		/* the copies words point into */
	size_t ntexts;
	struct pslot *index;	/* by key of a phrase or of its first
				 * words: where the phrases of the key are
				 * and if longer ones go on (phrase.c) */
	size_t nindex;
	struct pslot *first;	/* by first word's hash: FIRST_* */
	size_t nfirst;
	unsigned char *recs;	/* the phrases as matched: each with its
				 * words and their text, in key order */
	size_t nrecs;		/* bytes */
};

/*
 * The tables a text is matched against, in one set: one probe per token
 * tells which of them may have a phrase that starts with it.
 */
struct phrase_marks {
	uint16_t *v;		/* by hash: a bit for each table, and one for
				 * its FIRST_ANYCASE */
	size_t n;
};

/*
 * Add the phrase s[0..n) with number id; words are separated by blanks
 * or joined by hyphens.  Returns 0, or -1 when it has no word, more than
 * PHRASE_MAX_WORDS, or punctuation between words ("a, b").
 */
int phrase_add(struct phrase_table *t, const char *s, size_t n, int caseless,
    uint32_t id);
/* Make the table ready to match; after the last phrase_add(). */
void phrase_build(struct phrase_table *t);
void phrase_free(struct phrase_table *t);

/* The slot of hash h in the tables, before the mask: its high bits. */
static inline size_t
phrase_slot(uint32_t h)
{
	return (size_t)((h * 0x9E3779B1u) >> 8);
}

enum {
	FIRST_MOST = 0xFF,	/* the most words of a phrase */
	FIRST_ANYCASE = 0x100	/* some phrase may start in lowercase */
};

/*
 * What t knows of phrases that start with a word of hash h: 0 when none,
 * else the most words of one, with FIRST_ANYCASE.
 */
static inline unsigned
phrase_first(const struct phrase_table *t, uint32_t h)
{
	size_t j, mask = t->nfirst - 1;

	if (t->n == 0)
		return 0;
	for (j = phrase_slot(h) & mask; t->first[j].val != 0;
	    j = (j + 1) & mask)
		if (t->first[j].key == h)
			return t->first[j].val;
	return 0;
}

/*
 * Make m the marks of tables t[0..n), n <= 8: phrase_mark() then sets
 * TOK_MARK(k) on each token that may start a phrase of t[k].  A mark may
 * be wrong the other way, rarely: a table must still be asked.
 */
void phrase_marks_build(struct phrase_marks *m,
    const struct phrase_table *const *t, size_t n);
void phrase_mark(const struct phrase_marks *m, struct token *tok, size_t n);
void phrase_marks_free(struct phrase_marks *m);

/*
 * The longest phrase of t that starts at token i of tok[0..n), of text:
 * returns its number of tokens, 0 when none, and calls fn(id, arg) for
 * each phrase of that length that matches (fn may be NULL).
 */
size_t phrase_at(const struct phrase_table *t, const struct token *tok,
    size_t i, size_t n, const char *text, void (*fn)(uint32_t, void *),
    void *arg);

/*
 * Nonzero when the whole of s[0..n) is a phrase of t; toks is scratch
 * space of the caller's.
 */
int phrase_is(const struct phrase_table *t, const char *s, size_t n,
    struct tokens *toks);

#endif
