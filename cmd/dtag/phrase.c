/*
 * phrase.c: tables of phrases (phrase.h).
 *
 * Phrases are kept sorted by a key, the hash of their words and what
 * joins them.  An open-addressed index holds the key of every phrase
 * and of every phrase's first words: a text is matched a word at a
 * time, and stops at the first words no phrase starts with, so that
 * most tokens cost one probe.  A second set holds the hash of every
 * first word, for phrase_first() and the marks.
 *
 * What a match compares, a phrase's words and their text, is copied
 * into one record a phrase (struct rec, in key order, in t->recs), so
 * that a token that starts a phrase reads the index and one record,
 * mostly one cache line, rather than three scattered arrays.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "msg.h"
#include "phrase.h"

struct pword {
	const char *text;
	uint32_t len;
	uint32_t hash;
	uint32_t flags;		/* the token's: TOK_DOT, TOK_POSS, TOK_UPPER */
	char sep;		/* ' ' or '-' before it; 0 for the first */
};

struct phrase {
	uint32_t key;
	uint32_t word;		/* its first word in t->words */
	uint32_t id;
	unsigned char nwords;
	unsigned char caseless;
};

/* A phrase as matched: rec_words() after it, then their texts. */
struct rec {
	uint32_t key;
	uint32_t id;
	uint32_t size;		/* bytes to the next record */
	unsigned char nwords;
	unsigned char caseless;
};

/* A word of a record. */
struct rword {
	uint32_t len;
	uint32_t flags;		/* as in struct pword */
};

#define REC_ALIGN 8

static const struct rword *
rec_words(const struct rec *r)
{
	return (const struct rword *)(const void *)(r + 1);
}

static const struct rec *
rec_at(const struct phrase_table *t, size_t off)
{
	return (const struct rec *)(const void *)(t->recs + off);
}

/* What an index slot's val holds. */
enum {
	IX_AT = 0x3FFFFFFF,	/* 1 + the offset of the first record of the
				 * key, or 0 */
	IX_ANYCASE = 0x40000000,	/* a phrase's first word, and some
					 * phrase may start in lowercase */
	IX_LONGER = 0x80000000	/* the first words of a longer phrase */
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
		w->flags = toks.v[i].flags & (TOK_DOT | TOK_POSS | TOK_UPPER);
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

/*
 * The slot of key k in the open-addressed slots v[0..n): the one that
 * holds it, or the empty one where it goes.
 */
static struct pslot *
slot_put(struct pslot *v, size_t n, uint32_t k)
{
	size_t j, mask = n - 1;

	for (j = phrase_slot(k) & mask; v[j].val != 0 && v[j].key != k;
	    j = (j + 1) & mask)
		;
	v[j].key = k;
	return &v[j];
}

static struct pslot *
slots_new(size_t n)
{
	struct pslot *v = xmalloc(n * sizeof(*v));

	memset(v, 0, n * sizeof(*v));
	return v;
}

/*
 * Copy the phrases, sorted, into records; *at[i] is the offset of
 * phrase i's record.
 */
static void
recs_build(struct phrase_table *t, size_t *at)
{
	size_t i, k, size, off = 0;

	for (i = 0; i < t->n; i++) {
		size = sizeof(struct rec) + t->v[i].nwords *
		    sizeof(struct rword);
		for (k = 0; k < t->v[i].nwords; k++)
			size += t->words[t->v[i].word + k].len;
		at[i] = off;
		off += (size + REC_ALIGN - 1) / REC_ALIGN * REC_ALIGN;
	}
	if (off >= IX_AT)
		msg_die(EXIT_USAGE, "a table of words is too big (%zu bytes)",
		    off);
	free(t->recs);
	t->recs = xmalloc(off + 1);
	memset(t->recs, 0, off + 1);
	t->nrecs = off;
	for (i = 0; i < t->n; i++) {
		const struct pword *w = &t->words[t->v[i].word];
		struct rec *r = (struct rec *)(void *)(t->recs + at[i]);
		struct rword *rw = (struct rword *)(void *)(r + 1);
		char *text = (char *)(rw + t->v[i].nwords);

		r->key = t->v[i].key;
		r->id = t->v[i].id;
		r->size = (uint32_t)((i + 1 < t->n ? at[i + 1] : off) - at[i]);
		r->nwords = t->v[i].nwords;
		r->caseless = t->v[i].caseless;
		for (k = 0; k < r->nwords; k++) {
			rw[k].len = w[k].len;
			rw[k].flags = w[k].flags;
			memcpy(text, w[k].text, w[k].len);
			text += w[k].len;
		}
	}
}

void
phrase_build(struct phrase_table *t)
{
	size_t i, *at;

	if (t->n > 0)
		qsort(t->v, t->n, sizeof(*t->v), by_key);
	at = xmalloc((t->n + 1) * sizeof(*at));
	recs_build(t, at);
	free(t->index);
	t->nindex = slots_for(t->nwords);
	t->index = slots_new(t->nindex);
	for (i = 0; i < t->n; i++) {
		const struct pword *w = &t->words[t->v[i].word];
		uint32_t key = w[0].hash, bits = 0;
		size_t k;

		if (t->v[i].caseless || !(w[0].flags & TOK_UPPER))
			bits = IX_ANYCASE;
		for (k = 1; k < t->v[i].nwords; k++) {
			slot_put(t->index, t->nindex, key)->val |=
			    bits | IX_LONGER;
			key = tok_hash_join(key, w[k].sep, w[k].hash);
			bits = 0;
		}
		if (i == 0 || t->v[i].key != t->v[i - 1].key)
			bits |= (uint32_t)at[i] + 1;
		if (bits != 0)
			slot_put(t->index, t->nindex, key)->val |= bits;
	}
	free(t->first);
	t->nfirst = slots_for(t->n);
	t->first = slots_new(t->nfirst);
	for (i = 0; i < t->n; i++) {
		const struct pword *w = &t->words[t->v[i].word];
		struct pslot *f = slot_put(t->first, t->nfirst, w->hash);

		if ((f->val & FIRST_MOST) < t->v[i].nwords)
			f->val = (f->val & ~FIRST_MOST) | t->v[i].nwords;
		if (t->v[i].caseless || !(w->flags & TOK_UPPER))
			f->val |= FIRST_ANYCASE;
	}
	free(at);
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
	free(t->recs);
	memset(t, 0, sizeof(*t));
}

/*
 * The marks are a direct-mapped table, one probe and no branch a token:
 * a slot holds a bit for each table a phrase of which may start with a
 * word of its hashes, and above those a bit for each table where one
 * may start in lowercase.  Words of the same slot share their bits, so
 * that a mark may be false (one word in twenty or so), never missing.
 */
#define MARK_SLOTS_PER_WORD 16
#define MARK_BITS 0xFFu

void
phrase_marks_build(struct phrase_marks *m, const struct phrase_table *const *t,
    size_t n)
{
	size_t k, i, firsts = 0;

	for (k = 0; k < n; k++)
		for (i = 0; i < t[k]->nfirst; i++)
			firsts += t[k]->first[i].val != 0;
	for (m->n = 256; m->n < MARK_SLOTS_PER_WORD * firsts; m->n *= 2)
		;
	m->v = xmalloc(m->n * sizeof(*m->v));
	memset(m->v, 0, m->n * sizeof(*m->v));
	for (k = 0; k < n; k++)
		for (i = 0; i < t[k]->nfirst; i++) {
			uint32_t v = t[k]->first[i].val;

			if (v != 0)
				m->v[phrase_slot(t[k]->first[i].key) &
				    (m->n - 1)] |= (uint16_t)(1u << k |
				    (v & FIRST_ANYCASE ? 1u << (8 + k) : 0));
		}
}

void
phrase_mark(const struct phrase_marks *m, struct token *tok, size_t n)
{
	size_t i, mask = m->n - 1;

	for (i = 0; i < n; i++) {
		uint32_t v = m->v[phrase_slot(tok[i].hash) & mask];

		/* Tables of capitalised phrases only skip a lowercase
		 * word. */
		if (!(tok[i].flags & TOK_UPPER))
			v &= v >> 8;
		tok[i].flags |= (v & MARK_BITS) << 16;
	}
}

void
phrase_marks_free(struct phrase_marks *m)
{
	free(m->v);
	memset(m, 0, sizeof(*m));
}

/* Nonzero when record r is the text of tokens tok[0..r->nwords). */
static int
words_match(const struct rec *r, const struct token *tok, const char *text)
{
	const struct rword *w = rec_words(r);
	const char *wt = (const char *)(w + r->nwords);
	size_t i, last = (size_t)r->nwords - 1;

	for (i = 0; i <= last; i++) {
		const char *s = text + tok[i].off;
		uint32_t f = tok[i].flags;

		if (tok[i].len != w[i].len ||
		    !tok_text_eq(s, wt, w[i].len, r->caseless))
			return 0;
		wt += w[i].len;
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

/* The index's slot of key, or NULL. */
static const struct pslot *
index_find(const struct phrase_table *t, uint32_t key)
{
	size_t j, mask = t->nindex - 1;

	for (j = phrase_slot(key) & mask; t->index[j].val != 0;
	    j = (j + 1) & mask)
		if (t->index[j].key == key)
			return &t->index[j];
	return NULL;
}

size_t
phrase_at(const struct phrase_table *t, const struct token *tok, size_t i,
    size_t n, const char *text, void (*fn)(uint32_t, void *), void *arg)
{
	uint32_t keys[PHRASE_MAX_WORDS], at[PHRASE_MAX_WORDS];
	const struct pslot *x;
	const struct rec *r;
	uint32_t key;
	size_t len, k, found = 0;

	if (t->n == 0 || (x = index_find(t, tok[i].hash)) == NULL ||
	    (!(x->val & IX_ANYCASE) && !(tok[i].flags & TOK_UPPER)))
		return 0;
	/* Walk on while the words are the start of some phrase. */
	for (len = 1;; len++) {
		keys[len - 1] = x->key;
		at[len - 1] = x->val & IX_AT;
		if (!(x->val & IX_LONGER) || len == PHRASE_MAX_WORDS ||
		    i + len >= n ||
		    !(tok[i + len].flags & (TOK_SPACE | TOK_HYPHEN)))
			break;
		key = tok_hash_join(x->key, (tok[i + len].flags &
		    TOK_HYPHEN) ? '-' : ' ', tok[i + len].hash);
		if ((x = index_find(t, key)) == NULL)
			break;
	}
	/* The longest phrase whose words are the text's. */
	for (; len > 0 && !found; len--) {
		if (at[len - 1] == 0)
			continue;
		for (k = at[len - 1] - 1; k < t->nrecs &&
		    (r = rec_at(t, k))->key == keys[len - 1]; k += r->size)
			if (r->nwords == len && words_match(r, tok + i, text)) {
				found = len;
				if (fn == NULL)
					break;
				fn(r->id, arg);
			}
	}
	return found;
}

int
phrase_is(const struct phrase_table *t, const char *s, size_t n,
    struct tokens *toks)
{
	tok_scan(toks, s, n);
	return toks->n > 0 &&
	    phrase_at(t, toks->v, 0, toks->n, s, NULL, NULL) == toks->n;
}
