/*
 * phrase.c: tables of phrases (phrase.h).
 *
 * Phrases are kept sorted by a key, the hash of their words and what
 * joins them; an open-addressed index finds the first phrase of a key.
 * A second open-addressed set holds the hash of every first word, with
 * the most words of a phrase that starts with it, so that most tokens of
 * a text cost one probe.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "phrase.h"

struct pword {
	const char *text;
	uint32_t len;
	uint32_t hash;
	uint32_t flags;		/* the token's: TOK_DOT, TOK_POSS */
	char sep;		/* ' ' or '-' before it; 0 for the first */
};

struct phrase {
	uint32_t key;
	uint32_t word;		/* its first word in t->words */
	uint32_t id;
	unsigned char nwords;
	unsigned char caseless;
};

/* The key of a phrase of n words, the first at w. */
static uint32_t
key_of(const struct pword *w, size_t n)
{
	uint32_t h = w[0].hash;
	size_t i;

	for (i = 1; i < n; i++)
		h = tok_hash_join(h, w[i].sep, w[i].hash);
	return h;
}

int
phrase_add(struct phrase_table *t, const char *s, size_t n, int caseless,
    uint32_t id)
{
	struct tokens toks = { 0 };
	struct phrase *p;
	char *copy;
	size_t i;

	copy = xmalloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	tok_scan(&toks, copy, n);
	for (i = 1; i < toks.n; i++)
		if (!(toks.v[i].flags & (TOK_SPACE | TOK_HYPHEN)) ||
		    (toks.v[i].flags & TOK_LINE))
			break;
	if (toks.n == 0 || toks.n > PHRASE_MAX_WORDS || i < toks.n) {
		tok_free(&toks);
		free(copy);
		return -1;
	}
	t->texts = xrealloc(t->texts, (t->ntexts + 1) * sizeof(*t->texts));
	t->texts[t->ntexts++] = copy;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	while (t->nwords + toks.n > t->wcap) {
		t->wcap = t->wcap ? t->wcap * 2 : 512;
		t->words = xrealloc(t->words, t->wcap * sizeof(*t->words));
	}
	p = &t->v[t->n++];
	p->word = (uint32_t)t->nwords;
	p->nwords = (unsigned char)toks.n;
	p->caseless = caseless != 0;
	p->id = id;
	for (i = 0; i < toks.n; i++) {
		struct pword *w = &t->words[t->nwords++];

		w->text = copy + toks.v[i].off;
		w->len = toks.v[i].len;
		w->hash = toks.v[i].hash;
		w->flags = toks.v[i].flags & (TOK_DOT | TOK_POSS);
		w->sep = i == 0 ? 0 : (toks.v[i].flags & TOK_HYPHEN) ? '-' :
		    ' ';
	}
	p->key = key_of(&t->words[p->word], p->nwords);
	tok_free(&toks);
	return 0;
}

static int
by_key(const void *a, const void *b)
{
	const struct phrase *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* A size for an open-addressed table of n entries: a power of two. */
static size_t
slots_for(size_t n)
{
	size_t s = 16;

	while (s < 2 * n)
		s *= 2;
	return s;
}

void
phrase_build(struct phrase_table *t)
{
	size_t i, j, mask;

	if (t->n > 0)
		qsort(t->v, t->n, sizeof(*t->v), by_key);
	free(t->index);
	t->nindex = slots_for(t->n);
	t->index = xmalloc(t->nindex * sizeof(*t->index));
	memset(t->index, 0, t->nindex * sizeof(*t->index));
	mask = t->nindex - 1;
	for (i = 0; i < t->n; i++) {
		if (i > 0 && t->v[i].key == t->v[i - 1].key)
			continue;
		for (j = phrase_slot(t->v[i].key) & mask; t->index[j] != 0; j = (j + 1) & mask)
			;
		t->index[j] = (uint32_t)i + 1;
	}
	free(t->first);
	free(t->firstmax);
	t->nfirst = slots_for(t->n);
	t->first = xmalloc(t->nfirst * sizeof(*t->first));
	t->firstmax = xmalloc(t->nfirst);
	memset(t->firstmax, 0, t->nfirst);
	mask = t->nfirst - 1;
	for (i = 0; i < t->n; i++) {
		uint32_t h = t->words[t->v[i].word].hash;

		for (j = phrase_slot(h) & mask; t->firstmax[j] != 0 &&
		    t->first[j] != h;
		    j = (j + 1) & mask)
			;
		t->first[j] = h;
		if (t->firstmax[j] < t->v[i].nwords)
			t->firstmax[j] = t->v[i].nwords;
	}
}

void
phrase_free(struct phrase_table *t)
{
	size_t i;

	for (i = 0; i < t->ntexts; i++)
		free(t->texts[i]);
	free(t->texts);
	free(t->v);
	free(t->words);
	free(t->index);
	free(t->first);
	free(t->firstmax);
	memset(t, 0, sizeof(*t));
}

/* The most words of a phrase starting with a word of hash h, or 0. */
static unsigned
first_max(const struct phrase_table *t, uint32_t h)
{
	size_t j, mask = t->nfirst - 1;

	for (j = phrase_slot(h) & mask; t->firstmax[j] != 0;
	    j = (j + 1) & mask)
		if (t->first[j] == h)
			return t->firstmax[j];
	return 0;
}

/* Nonzero when phrase p is the text of tokens tok[0..p->nwords). */
static int
words_match(const struct phrase_table *t, const struct phrase *p,
    const struct token *tok, const char *text)
{
	const struct pword *w = &t->words[p->word];
	size_t i, last = (size_t)p->nwords - 1;

	for (i = 0; i <= last; i++) {
		const char *s = text + tok[i].off;
		uint32_t f = tok[i].flags;

		if (tok[i].len != w[i].len || (p->caseless ?
		    !tok_caseless_eq(s, w[i].text, w[i].len) :
		    memcmp(s, w[i].text, w[i].len) != 0))
			return 0;
		if ((w[i].flags & TOK_DOT) && !(f & TOK_DOT))
			return 0;
		if ((w[i].flags & TOK_POSS) && !(f & TOK_POSS))
			return 0;
		if (i < last && (f & (TOK_DOT | TOK_POSS)) &&
		    !(w[i].flags & (TOK_DOT | TOK_POSS)))
			return 0;
	}
	return 1;
}

size_t
phrase_at(const struct phrase_table *t, const struct token *tok, size_t i,
    size_t n, const char *text, void (*fn)(uint32_t, void *), void *arg)
{
	uint32_t keys[PHRASE_MAX_WORDS];
	size_t len, most, j, k, mask;
	int found;

	if (t->n == 0 || (most = first_max(t, tok[i].hash)) == 0)
		return 0;
	if (most > n - i)
		most = n - i;
	keys[0] = tok[i].hash;
	for (len = 1; len < most; len++) {
		uint32_t f = tok[i + len].flags;

		if (!(f & (TOK_SPACE | TOK_HYPHEN)))
			break;
		keys[len] = tok_hash_join(keys[len - 1],
		    (f & TOK_HYPHEN) ? '-' : ' ', tok[i + len].hash);
	}
	mask = t->nindex - 1;
	for (; len > 0; len--) {
		uint32_t key = keys[len - 1];

		for (j = phrase_slot(key) & mask; t->index[j] != 0;
		    j = (j + 1) & mask)
			if (t->v[t->index[j] - 1].key == key)
				break;
		if (t->index[j] == 0)
			continue;
		found = 0;
		for (k = t->index[j] - 1; k < t->n && t->v[k].key == key; k++)
			if (t->v[k].nwords == len &&
			    words_match(t, &t->v[k], tok + i, text)) {
				found = 1;
				if (fn == NULL)
					break;
				fn(t->v[k].id, arg);
			}
		if (found)
			return len;
	}
	return 0;
}

int
phrase_is(const struct phrase_table *t, const char *s, size_t n,
    struct tokens *toks)
{
	tok_scan(toks, s, n);
	return toks->n > 0 &&
	    phrase_at(t, toks->v, 0, toks->n, s, NULL, NULL) == toks->n;
}
