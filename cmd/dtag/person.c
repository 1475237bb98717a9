/*
 * person.c: find people's names (person.h).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "person.h"

#define NAME_MAX_WORDS 6
#define NAMES_MAX 1024		/* distinct names kept for one document */
#define BYLINE_LINES 12		/* a byline is among a body's first lines */

enum {
	PN_SHORT = 1,		/* one word, after a title */
	PN_HEADLINE = 2,	/* seen in a title-case line */
	PN_TEXT = 4,		/* seen elsewhere */
	PN_DROP = 8,
	PN_GAZ = 16		/* from a gazetteer or a rule */
};

struct pname {
	size_t off;		/* in pf->text */
	uint32_t len;
	uint32_t hash;
	uint32_t words;
	uint32_t flags;
	uint64_t pos;		/* of the first mention in the body */
	uint64_t end;		/* and its end */
};

/* A word of a list, and its length. */
struct word {
	const char *s;
	size_t n;
};
#define W(s) { s, sizeof(s) - 1 }

enum {
	WM_NOTNAME = 1,
	WM_GIVEN = 2
};

#define WORDMEMO_SLOTS 256

/*
 * What a word of the document is, WM_*, kept for the next time it is
 * seen: its text, with TOK_DOT and TOK_POSS, as a key.
 */
struct wordmemo {
	const char *text;
	uint32_t len;
	uint32_t hash;
	uint32_t flags;
	uint32_t gen;
	unsigned what;
};

/* Words that join the parts of a name. */
static const struct word particles[] = {
	W("al"), W("bin"), W("binti"), W("da"), W("das"), W("de"),
	W("del"), W("della"), W("den"), W("der"), W("di"), W("dos"),
	W("du"), W("el"), W("ibn"), W("la"), W("le"), W("ud"), W("ul"),
	W("van"), W("von")
};

/* Verbs of saying: a name before one is a person's. */
static const struct word saying[] = {
	W("added"), W("announced"), W("argued"), W("asked"),
	W("asserted"), W("commented"), W("emphasised"), W("emphasized"),
	W("explained"), W("highlighted"), W("insisted"),
	W("maintained"), W("noted"), W("observed"), W("pointed"),
	W("remarked"), W("replied"), W("reiterated"), W("said"),
	W("says"), W("stated"), W("stressed"), W("told"), W("tweeted"),
	W("underlined"), W("underscored"), W("urged"), W("warned"),
	W("wrote")
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The tok_hash() of each word of the lists, made once (hash_lists()). */
static uint32_t particle_hash[NELEM(particles)], saying_hash[NELEM(saying)];
static pthread_once_t hashed = PTHREAD_ONCE_INIT;

static void
hash_lists(void)
{
	size_t i;

	for (i = 0; i < NELEM(particles); i++)
		particle_hash[i] = tok_hash(particles[i].s, particles[i].n);
	for (i = 0; i < NELEM(saying); i++)
		saying_hash[i] = tok_hash(saying[i].s, saying[i].n);
}

/*
 * Nonzero when token t of text is one of the n words of list, whose
 * hashes are hash: those tell the words apart with no guessing, where
 * their lengths and first letters often agree.
 */
static int
in_list(const struct word *list, const uint32_t *hash, size_t n,
    const struct token *t, const char *text)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (hash[i] == t->hash && list[i].n == t->len &&
		    memcmp(list[i].s, text + t->off, t->len) == 0)
			return 1;
	return 0;
}

/*
 * The words seen in lowercase: a set of their hashes, open-addressed,
 * sized for a word in four bytes of the body and grown when it is a quarter
 * full, up to a million words (later ones are not noted).
 */
#define LOWER_MIN ((size_t)1 << 9)
#define LOWER_MAX ((size_t)1 << 22)

void
person_begin(struct person_found *pf, size_t bodylen)
{
	size_t cap = LOWER_MIN;

	pthread_once(&hashed, hash_lists);
	while (cap < bodylen / 4 && cap < LOWER_MAX)
		cap *= 2;
	if (cap > pf->loweralloc) {
		free(pf->lower);
		pf->lower = xmalloc(cap * sizeof(*pf->lower));
		pf->loweralloc = cap;
	}
	memset(pf->lower, 0, cap * sizeof(*pf->lower));
	pf->lowercap = cap;
	pf->nlower = 0;
	if (pf->words == NULL) {
		pf->words = xmalloc(WORDMEMO_SLOTS * sizeof(*pf->words));
		memset(pf->words, 0, WORDMEMO_SLOTS * sizeof(*pf->words));
	}
	if (++pf->gen == 0) {	/* no memo of 2^32 documents ago stays */
		memset(pf->words, 0, WORDMEMO_SLOTS * sizeof(*pf->words));
		pf->gen = 1;
	}
	pf->n = 0;
	pf->text.len = 0;
}

/*
 * The slot of hash h (not 0) in the set of lowercase words: where it
 * is, or the empty one where it goes.  Whether a word is there or new
 * is anyone's guess, so that one test ends the probe for both: the
 * product is 0 when the slot is empty or holds h.
 */
static size_t
lower_slot(const uint32_t *set, size_t cap, uint32_t h)
{
	size_t j, mask = cap - 1;

	for (j = phrase_slot(h) & mask;
	    (uint64_t)set[j] * (set[j] ^ h) != 0; j = (j + 1) & mask)
		;
	return j;
}

/* Make the set twice as big; 0 when it is as big as it may be. */
static int
lower_grow(struct person_found *pf)
{
	uint32_t *old = pf->lower;
	size_t oldcap = pf->lowercap, i;

	if (oldcap >= LOWER_MAX)
		return 0;
	pf->lowercap *= 2;
	if (pf->lowercap > pf->loweralloc)
		pf->loweralloc = pf->lowercap;
	pf->lower = xmalloc(pf->loweralloc * sizeof(*pf->lower));
	memset(pf->lower, 0, pf->lowercap * sizeof(*pf->lower));
	for (i = 0; i < oldcap; i++)
		if (old[i] != 0)
			pf->lower[lower_slot(pf->lower, pf->lowercap,
			    old[i])] = old[i];
	free(old);
	return 1;
}

/*
 * Note a word seen in lowercase, by its hash: put without a branch on
 * whether it is there already.  A full set (a quarter of its slots, so
 * that most look-ups take one probe) that may not grow notes no more
 * words.
 */
static void
lower_set(struct person_found *pf, uint32_t h)
{
	size_t j;

	if (4 * (pf->nlower + 1) > pf->lowercap && !lower_grow(pf))
		return;
	h += h == 0;
	j = lower_slot(pf->lower, pf->lowercap, h);
	pf->nlower += pf->lower[j] == 0;
	pf->lower[j] = h;
}

static int
lower_seen(const struct person_found *pf, uint32_t h)
{
	h += h == 0;
	return pf->lower[lower_slot(pf->lower, pf->lowercap, h)] != 0;
}

/* What a scan of one block needs. */
struct scan {
	const struct person_tables *pt;
	struct person_found *pf;
	const struct token *tok;
	size_t n;
	const char *text;
	uint64_t base;
	unsigned char *memo;	/* by token: what namey() found, NM_* */
};

enum {
	NM_KNOWN = 1,		/* the bits below are set */
	NM_NAME = 2,		/* can be part of a name after a title */
	NM_WEAK = 4		/* and without a title */
};

/* What blocked() asks phrase_at() to note. */
struct block_arg {
	const unsigned char *blocking;
	int hit;
};

static void
is_blocking(uint32_t id, void *arg)
{
	struct block_arg *b = arg;

	if (b->blocking[id])
		b->hit = 1;
}

/*
 * Nonzero when token i is one of the words in table t (as one word), of
 * mark m.
 */
static int
word_in(const struct scan *s, const struct phrase_table *t, int m, size_t i)
{
	return (s->tok[i].flags & TOK_MARK(m)) &&
	    phrase_at(t, s->tok, i, i + 1, s->text, NULL, NULL) == 1;
}

/* Nonzero when token i starts a place, country or organisation. */
static int
blocked(const struct scan *s, size_t i)
{
	struct block_arg b = { s->pt->blocking, 0 };

	if (s->tok[i].flags & PM_RULED) {
		if (s->tok[i].flags & PM_BLOCKS)
			return 1;
		b.hit = -1;	/* known: no rule's word blocks */
	}

	if ((s->tok[i].flags & TOK_MARK(PM_PLACES)) &&
	    phrase_at(s->pt->places, s->tok, i, s->n, s->text, NULL, NULL))
		return 1;
	if (b.hit < 0)
		return 0;
	if (s->tok[i].flags & TOK_MARK(PM_RULES))
		phrase_at(s->pt->rules, s->tok, i, s->n, s->text, is_blocking, &b);
	return b.hit;
}

/* What token i is, WM_*: the lists' answer for one word. */
static unsigned
word_is(const struct scan *s, size_t i)
{
	const struct token *t = &s->tok[i];
	const char *text = s->text + t->off;
	uint32_t flags = t->flags & (TOK_DOT | TOK_POSS);
	struct wordmemo *m = &s->pf->words[t->hash % WORDMEMO_SLOTS];

	if (m->gen == s->pf->gen && m->hash == t->hash && m->len == t->len &&
	    m->flags == flags && tok_text_eq(m->text, text, t->len, 0))
		return m->what;
	m->text = text;
	m->len = t->len;
	m->hash = t->hash;
	m->flags = flags;
	m->gen = s->pf->gen;
	m->what = (word_in(s, s->pt->notname, PM_NOTNAME, i) ? WM_NOTNAME :
	    0) | (word_in(s, s->pt->given, PM_GIVEN, i) ? WM_GIVEN : 0);
	return m->what;
}

/* Nonzero when token i is an initial: "W." */
static int
initial(const struct scan *s, size_t i)
{
	const struct token *t = &s->tok[i];

	return t->len == 1 && (t->flags & TOK_UPPER) && (t->flags & TOK_DOT);
}

/*
 * Nonzero when token i can be part of a name; strong when a title is
 * right before it, so that it may be a word also written in lowercase.
 */
static int
namey(const struct scan *s, size_t i, int strong)
{
	const struct token *t = &s->tok[i];
	unsigned char m = s->memo[i];

	if (!(t->flags & TOK_UPPER) ||
	    (t->flags & (TOK_CAPS | TOK_DIGIT | TOK_IDEO)))
		return 0;
	if (t->len == 1)
		return initial(s, i);
	if (!(m & NM_KNOWN)) {
		unsigned w = word_is(s, i);

		m = NM_KNOWN;
		if (!(w & WM_NOTNAME) && !blocked(s, i)) {
			m |= NM_NAME;
			if (!lower_seen(s->pf, t->hash) || (w & WM_GIVEN))
				m |= NM_WEAK;
		}
		s->memo[i] = m;
	}
	return (m & (strong ? NM_NAME : NM_WEAK)) != 0;
}

static int
joined(const struct token *t)
{
	return (t->flags & (TOK_SPACE | TOK_HYPHEN)) != 0;
}

/* How many particles (at most two, each lowercase) start at token j. */
static size_t
particles_at(const struct scan *s, size_t j)
{
	size_t k;

	for (k = 0; k < 2 && j + k < s->n &&
	    !(s->tok[j + k].flags & (TOK_UPPER | TOK_DOT | TOK_POSS)) &&
	    (k == 0 || joined(&s->tok[j + k])) &&
	    in_list(particles, particle_hash, NELEM(particles), &s->tok[j + k],
	    s->text); k++)
		continue;
	return k;
}

/* The end of the name that starts with token i, a namey one. */
static size_t
run_end(const struct scan *s, size_t i, int strong)
{
	const struct token *tok = s->tok;
	size_t j = i + 1, k;

	while (j < s->n && j - i < NAME_MAX_WORDS) {
		if (tok[j - 1].flags & TOK_POSS)
			break;
		if ((tok[j - 1].flags & TOK_DOT) && !initial(s, j - 1))
			break;
		if (!joined(&tok[j]))
			break;
		if (namey(s, j, strong)) {
			j++;
			continue;
		}
		/* The rest of a hyphenated name: Do-hyun, Yat-sen. */
		if ((tok[j].flags & TOK_HYPHEN) && tok[j].len >= 2 &&
		    !(tok[j].flags & (TOK_UPPER | TOK_DIGIT | TOK_IDEO))) {
			j++;
			continue;
		}
		/* one or two particles, then a name: bin Salman, von der
		 * Leyen, de la Cruz */
		if ((k = particles_at(s, j)) > 0 && j + k < s->n &&
		    joined(&tok[j + k]) && namey(s, j + k, strong)) {
			j += k + 1;
			continue;
		}
		break;
	}
	while (j > i + 1 && initial(s, j - 1))
		j--;
	return j;
}

/* The length of the title (or titles, one after another) at token i. */
static size_t
title_at(const struct scan *s, size_t i)
{
	size_t p = i, l;

	if (!(s->tok[i].flags & TOK_MARK(PM_TITLES)))
		return 0;
	while (p < s->n && (p == i || (s->tok[p].flags & TOK_SPACE) ||
	    ((s->tok[p].flags & TOK_GLUED) && (s->tok[p - 1].flags & TOK_DOT))) &&
	    (l = phrase_at(s->pt->titles, s->tok, p, s->n, s->text, NULL,
	    NULL)) > 0)
		p += l;
	return p - i;
}

static uint32_t
hash_of(const char *s, size_t n)
{
	return tok_hash(s, n);
}

/* Record a name: its words, or the text s[0..n); flags PN_*. */
static void
add_name(struct person_found *pf, const char *s, size_t n, uint32_t words,
    uint32_t flags, uint64_t pos, uint64_t end)
{
	uint32_t h = hash_of(s, n);
	struct pname *p;
	size_t i;

	for (i = 0; i < pf->n; i++) {
		p = &pf->v[i];
		if (p->hash == h && p->len == n &&
		    memcmp(pf->text.p + p->off, s, n) == 0) {
			p->flags |= flags;
			return;
		}
	}
	if (pf->n >= NAMES_MAX)
		return;
	if (pf->n == pf->cap) {
		pf->cap = pf->cap ? pf->cap * 2 : 32;
		pf->v = xrealloc(pf->v, pf->cap * sizeof(*pf->v));
	}
	p = &pf->v[pf->n++];
	p->off = pf->text.len;
	p->len = (uint32_t)n;
	p->hash = h;
	p->words = words;
	p->flags = flags;
	p->pos = pos;
	p->end = end;
	buf_append(&pf->text, s, n);
}

/* The words of tokens [a, b): parts joined by hyphens are one. */
static size_t
words_of(const struct scan *s, size_t a, size_t b)
{
	size_t i, w = 0;

	for (i = a; i < b; i++)
		w += !(s->tok[i].flags & TOK_HYPHEN) || i == a;
	return w;
}

/* Add the name of tokens [a, b). */
static void
add_run(const struct scan *s, size_t a, size_t b, uint32_t flags)
{
	char name[512];
	size_t len = 0, i;

	for (i = a; i < b; i++) {
		const struct token *t = &s->tok[i];

		if (len + t->len + 2 >= sizeof(name))
			return;
		if (i > a)
			name[len++] = (t->flags & TOK_HYPHEN) ? '-' : ' ';
		memcpy(name + len, s->text + t->off, t->len);
		len += t->len;
		if (initial(s, i))
			name[len++] = '.';
	}
	if (s->pf->headline[s->tok[a].line])
		flags |= PN_HEADLINE;
	else
		flags |= PN_TEXT;
	if (words_of(s, a, b) == 1)
		flags |= PN_SHORT;
	add_name(s->pf, name, len, (uint32_t)(b - a), flags,
	    s->base + s->tok[a].off,
	    s->base + s->tok[b - 1].off + s->tok[b - 1].len);
}

/*
 * Mark the title-case lines of a block, note lowercase words, and list
 * the tokens a title or a name may start at (capitalised or with the
 * titles' mark): without a branch, as those come and go at random.
 * Returns how many are listed.
 */
static size_t
lines_of(struct scan *s)
{
	struct person_found *pf = s->pf;
	size_t i, nlines = s->n ? (size_t)s->tok[s->n - 1].line + 1 : 0;
	size_t a, total, caps, k = 0;

	if (nlines > pf->headcap) {
		free(pf->headline);
		pf->headcap = nlines * 2;
		pf->headline = xmalloc(pf->headcap);
	}
	for (a = 0; a < s->n; a = i) {
		total = caps = 0;
		for (i = a; i < s->n && s->tok[i].line == s->tok[a].line; i++) {
			uint32_t f = s->tok[i].flags;

			pf->starts[k] = (uint32_t)i;
			k += (f & (TOK_UPPER | TOK_MARK(PM_TITLES))) != 0;
			if (f & (TOK_DIGIT | TOK_IDEO))
				continue;
			total++;
			if (f & TOK_UPPER)
				caps++;
			else if (!(f & TOK_HYPHEN))
				lower_set(pf, s->tok[i].hash);
		}
		pf->headline[s->tok[a].line] = total >= 4 &&
		    caps * 10 >= total * 7;
	}
	return k;
}

/* Nonzero when a name's run [a, b) is a line of its own near the top. */
static int
byline(const struct scan *s, size_t a, size_t b, int first)
{
	return first && words_of(s, a, b) >= 2 && b - a <= 4 &&
	    (s->tok[a].flags & TOK_LINE) && (s->tok[b - 1].flags & TOK_END) &&
	    s->tok[a].line < BYLINE_LINES;
}

void
person_scan(const struct person_tables *pt, struct person_found *pf,
    const struct token *tok, size_t n, const char *text, uint64_t base,
    int first)
{
	struct scan s = { pt, pf, tok, n, text, base, NULL };
	size_t c, nstarts, i, next = 0, j, p, g;

	if (n > pf->memocap) {
		free(pf->memo);
		free(pf->starts);
		pf->memocap = n * 2;
		pf->memo = xmalloc(pf->memocap);
		pf->starts = xmalloc(pf->memocap * sizeof(*pf->starts));
	}
	if (n == 0)
		return;
	memset(pf->memo, 0, n);
	s.memo = pf->memo;

	nstarts = lines_of(&s);
	for (c = 0; c < nstarts; c++) {
		if ((i = pf->starts[c]) < next)
			continue;	/* inside the title or name before */
		next = i + 1;
		if ((p = title_at(&s, i)) > 0) {
			p += i;
			if (p < n && ((tok[p].flags & TOK_SPACE) ||
			    ((tok[p].flags & TOK_GLUED) &&
			    (tok[p - 1].flags & TOK_DOT))) && namey(&s, p, 1)) {
				j = run_end(&s, p, 1);
				add_run(&s, p, j, 0);
				next = j;
			} else
				next = p;
			continue;
		}
		if (!namey(&s, i, 0))
			continue;
		j = run_end(&s, i, 0);
		for (g = i; g + 1 < j; g++)
			if ((word_is(&s, g) & WM_GIVEN) &&
			    !(tok[g].flags & TOK_HYPHEN))
				break;
		if (g + 1 < j && words_of(&s, g, j) >= 2)
			add_run(&s, g, j, 0);
		else if (byline(&s, i, j, first) ||
		    (words_of(&s, i, j) >= 2 && j < n &&
		    (tok[j].flags & TOK_SPACE) &&
		    !(tok[j - 1].flags & (TOK_POSS | TOK_DOT)) &&
		    in_list(saying, saying_hash, NELEM(saying), &tok[j],
		    text)))
			add_run(&s, i, j, 0);
		next = j;
	}
}

void
person_add(struct person_found *pf, const char *s, size_t n, uint64_t pos)
{
	uint32_t words = 1;
	size_t i;

	for (i = 0; i < n; i++)
		words += s[i] == ' ';
	add_name(pf, s, n, words, PN_TEXT | PN_GAZ, pos, pos + 1);
}

/* Nonzero when name a is b, or whole words of b. */
static int
within(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	if (an > bn)
		return 0;
	for (i = 0; i + an <= bn; i++)
		if ((i == 0 || b[i - 1] == ' ' || b[i - 1] == '-') &&
		    (i + an == bn || b[i + an] == ' ' || b[i + an] == '-') &&
		    memcmp(b + i, a, an) == 0)
			return 1;
	return 0;
}

/* Nonzero when a is b with an s at the end ("Imran Khans"). */
static int
plural_of(const char *a, size_t an, const char *b, size_t bn)
{
	return an == bn + 1 && a[bn] == 's' && memcmp(a, b, bn) == 0;
}

/* Fold name a into b: b is the name, first seen where either was. */
static void
fold(struct pname *a, struct pname *b)
{
	if (a->pos < b->pos)
		b->pos = a->pos;
	b->flags |= a->flags & PN_TEXT;
	a->flags |= PN_DROP;
}

static int
by_pos(const void *x, const void *y)
{
	const struct pname *a = x, *b = y;

	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

void
person_each(struct person_found *pf,
    void (*fn)(const char *, size_t, void *), void *arg)
{
	struct pname *a, *b;
	size_t i, j;

	for (i = 0; i < pf->n; i++) {
		a = &pf->v[i];
		if (a->flags & PN_SHORT)
			a->flags |= PN_DROP;
		/*
		 * A gazetteer's name found inside a name of the text gives
		 * way to it: the text's spelling is kept.
		 */
		for (j = 0; j < pf->n; j++)
			if (j != i && (a->flags & PN_GAZ) &&
			    !(pf->v[j].flags & (PN_GAZ | PN_SHORT)) &&
			    a->pos >= pf->v[j].pos && a->pos < pf->v[j].end)
				a->flags |= PN_DROP;
	}
	for (i = 0; i < pf->n; i++) {
		a = &pf->v[i];
		for (j = 0; j < pf->n && !(a->flags & PN_DROP); j++) {
			const char *at = pf->text.p + a->off;
			const char *bt;

			b = &pf->v[j];
			bt = pf->text.p + b->off;
			if (i == j || (b->flags & PN_DROP) ||
			    !(plural_of(at, a->len, bt, b->len) ||
			    within(at, a->len, bt, b->len)))
				continue;
			if ((b->flags & (PN_HEADLINE | PN_TEXT)) == PN_HEADLINE &&
			    (a->flags & PN_TEXT) && !(a->flags & PN_SHORT)) {
				/* b, of a headline only, gives way to a */
				fold(b, a);
				continue;
			}
			fold(a, b);
		}
	}
	if (pf->n > 0)
		qsort(pf->v, pf->n, sizeof(*pf->v), by_pos);
	for (i = 0; i < pf->n; i++)
		if (!(pf->v[i].flags & PN_DROP))
			fn(pf->text.p + pf->v[i].off, pf->v[i].len, arg);
}

void
person_free(struct person_found *pf)
{
	buf_free(&pf->text);
	free(pf->v);
	free(pf->lower);
	free(pf->headline);
	free(pf->memo);
	free(pf->starts);
	free(pf->words);
	memset(pf, 0, sizeof(*pf));
}
