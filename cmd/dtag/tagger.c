/*
 * tagger.c: tag one record's body (tagger.h).
 *
 * The body is read in blocks (token.h): each block is cut into tokens
 * once, and the word rules, the gazetteers and the people are found in
 * them; regex rules run on each block.  The dateline, the dates, the
 * language and the sentences are found on the body itself.
 */
#include <stdlib.h>
#include <string.h>

#include "dateline.h"
#include "lang.h"
#include "record.h"
#include "sentence.h"
#include "tagger.h"

const char *const tag_names[TAG_BUILTIN] = {
	"date", "dates", "place", "person", "org", "country", "topic", "lang",
	"words", "sentences", "chars"
};

struct hit {
	uint32_t count;
	uint64_t first;		/* offset in the body of the first */
};

struct value {
	uint32_t rank;		/* of its tag */
	uint32_t rule;
	uint64_t pos;
	size_t off;		/* in vtext, when text is NULL */
	size_t len;
	const char *text;
};

#define JIT_STACK_MAX ((size_t)1024 * 1024)

void
tagger_ready(struct tagger *tg)
{
	const struct phrase_table *tables[PM_TABLES];
	struct ruleset *rs = &tg->rules;
	size_t i, t, next = 0;

	tg->rank = xmalloc((rs->ntags + 1) * sizeof(*tg->rank));
	tg->by_rank = xmalloc((rs->ntags + 1) * sizeof(*tg->by_rank));
	tg->rule_on = xmalloc(rs->n + 1);
	tg->blocking = xmalloc(rs->n + 1);
	/* The tags of built-in names first, in their order, then the rest. */
	for (i = 0; i < TAG_BUILTIN; i++) {
		long k = rules_tag(rs, tag_names[i], strlen(tag_names[i]));

		if (k >= 0)
			tg->rank[k] = (uint32_t)next++;
	}
	tg->builtin_ranks = (uint32_t)next;
	for (t = 0; t < rs->ntags; t++) {
		for (i = 0; i < TAG_BUILTIN; i++)
			if (strcmp(rs->tags[t], tag_names[i]) == 0)
				break;
		if (i == TAG_BUILTIN)
			tg->rank[t] = (uint32_t)next++;
	}
	for (t = 0; t < rs->ntags; t++)
		tg->by_rank[tg->rank[t]] = (uint32_t)t;
	tg->person_tag = rules_tag(rs, "person", 6);
	for (i = 0; i < rs->n; i++) {
		const char *tag = rs->tags[rs->v[i].tag];

		tg->rule_on[i] = tg->tag_on[rs->v[i].tag];
		tg->blocking[i] = strcmp(tag, "country") == 0 ||
		    strcmp(tag, "org") == 0;
	}
	tg->tokens = tg->on[TAG_PERSON] || tg->on[TAG_WORDS] ||
	    tg->on[TAG_CHARS];
	for (i = 0; i < rs->n; i++)
		if (tg->rule_on[i]) {
			tg->tokens = 1;
			if (rs->v[i].re == NULL)
				tg->words_on = 1;
		}
	if (tg->match_limit == 0)
		tg->match_limit = 10000000;
	tables[PM_TITLES] = &tg->titles;
	tables[PM_GIVEN] = &tg->given;
	tables[PM_NOTNAME] = &tg->notname;
	tables[PM_PLACES] = &tg->places;
	tables[PM_RULES] = &rs->words;
	phrase_marks_build(&tg->marks, tables, PM_TABLES);
}

void
tagger_free(struct tagger *tg)
{
	rules_free(&tg->rules);
	phrase_free(&tg->titles);
	phrase_free(&tg->given);
	phrase_free(&tg->notname);
	phrase_free(&tg->places);
	phrase_marks_free(&tg->marks);
	free(tg->tag_on);
	free(tg->rule_on);
	free(tg->blocking);
	free(tg->rank);
	free(tg->by_rank);
}

/* The work's tables, made on first use by this thread. */
static void
work_ready(const struct tagger *tg, struct tagwork *w)
{
	size_t i;

	if (w->hits != NULL)
		return;
	w->hits = xmalloc((tg->rules.n + 1) * sizeof(*w->hits));
	memset(w->hits, 0, (tg->rules.n + 1) * sizeof(*w->hits));
	w->touched = xmalloc((tg->rules.n + 1) * sizeof(*w->touched));
	w->md = xmalloc((tg->rules.nregex + 1) * sizeof(*w->md));
	for (i = 0; i < tg->rules.nregex; i++)
		w->md[i] = pcre2_match_data_create_from_pattern(
		    tg->rules.v[tg->rules.regex[i]].re, NULL);
	w->md[tg->rules.nregex] = NULL;
	w->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(w->mctx, (uint32_t)tg->match_limit);
	pcre2_set_depth_limit(w->mctx, 100000);
	w->jit = pcre2_jit_stack_create((size_t)32 * 1024, JIT_STACK_MAX, NULL);
	if (w->jit != NULL)
		pcre2_jit_stack_assign(w->mctx, NULL, w->jit);
}

void
tagwork_free(struct tagwork *w)
{
	size_t i;

	tok_free(&w->toks);
	tok_free(&w->scratch);
	free(w->starts);
	person_free(&w->pf);
	free(w->hits);
	free(w->touched);
	free(w->vals);
	buf_free(&w->vtext);
	if (w->md != NULL) {
		for (i = 0; w->md[i] != NULL; i++)
			pcre2_match_data_free(w->md[i]);
	}
	free(w->md);
	pcre2_match_context_free(w->mctx);
	pcre2_jit_stack_free(w->jit);
	memset(w, 0, sizeof(*w));
}

/* A word rule's phrase was found: count it. */
struct hit_arg {
	const struct tagger *tg;
	struct tagwork *w;
	int blocks;		/* a country or an org was hit */
};

static void
on_hit(uint32_t id, void *arg)
{
	struct hit_arg *h = arg;
	struct hit *hit = &h->w->hits[id];

	h->blocks |= h->tg->blocking[id];
	if (!h->tg->rule_on[id])
		return;
	if (hit->count++ == 0) {
		hit->first = h->w->pos;
		h->w->touched[h->w->ntouched++] = id;
	}
}

static struct value *
new_value(struct tagwork *w)
{
	if (w->nvals == w->valcap) {
		w->valcap = w->valcap ? w->valcap * 2 : 64;
		w->vals = xrealloc(w->vals, w->valcap * sizeof(*w->vals));
	}
	return &w->vals[w->nvals++];
}

/* Append s[0..n) to b with each run of white space one space. */
static void
put_collapsed(struct buf *b, const char *s, size_t n)
{
	size_t i;
	int space = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && b->len > 0)
			buf_putc(b, ' ');
		space = 0;
		buf_putc(b, c);
	}
}

/* The value of regex rule r for the match in md over s. */
static void
regex_value(const struct rule *r, pcre2_match_data *md, const char *s,
    struct buf *b)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	uint32_t npairs = pcre2_get_ovector_count(md);
	size_t i;

	for (i = 0; i < r->nparts; i++) {
		const struct vpart *p = &r->parts[i];

		if (p->text != NULL)
			buf_append(b, p->text, p->len);
		else if (p->group < npairs && ov[(size_t)2 * p->group] !=
		    PCRE2_UNSET)
			put_collapsed(b, s + ov[(size_t)2 * p->group],
			    ov[(size_t)2 * p->group + 1] - ov[(size_t)2 * p->group]);
	}
}

/* Run the regex rules on a block s[0..n) at offset base of the body. */
static void
run_regexes(const struct tagger *tg, struct tagwork *w, const char *s,
    size_t n, uint64_t base, unsigned char *stopped,
    struct tag_counts *counts)
{
	const struct ruleset *rs = &tg->rules;
	size_t k;

	for (k = 0; k < rs->nregex; k++) {
		uint32_t id = rs->regex[k];
		const struct rule *r = &rs->v[id];
		PCRE2_SIZE start = 0, *ov;
		int rc;

		if (!tg->rule_on[id] || stopped[k])
			continue;
		while (start <= n) {
			struct value *v;
			size_t vstart;

			rc = pcre2_match(r->re, (PCRE2_SPTR)s, n, start, 0,
			    w->md[k], w->mctx);
			if (rc == PCRE2_ERROR_NOMATCH)
				break;
			if (rc < 0) {
				stopped[k] = 1;
				if (counts->limited++ == 0)
					counts->first_limited = (long)id;
				break;
			}
			ov = pcre2_get_ovector_pointer(w->md[k]);
			if (w->hits[id].count++ == 0) {
				w->hits[id].first = base + ov[0];
				w->touched[w->ntouched++] = id;
			}
			vstart = w->vtext.len;
			regex_value(r, w->md[k], s, &w->vtext);
			if (w->vtext.len > vstart) {
				v = new_value(w);
				v->rank = tg->rank[r->tag];
				v->pos = base + ov[0];
				v->rule = id;
				v->off = vstart;
				v->len = w->vtext.len - vstart;
				v->text = NULL;
			}
			start = ov[1];
			if (ov[1] == ov[0]) {
				start++;
				while (start < n &&
				    ((unsigned char)s[start] & 0xC0) == 0x80)
					start++;
			}
		}
	}
}

/*
 * List the tokens where a word rule's phrase may start: those with its
 * mark, but for the parts of "JWG-ICC" or "COVID-19" after the first.
 * The list is made without a branch, as marks come and go at random.
 */
static size_t
rule_starts(struct tagwork *w)
{
	const struct token *tok = w->toks.v;
	size_t i, k = 0, n = w->toks.n;

	if (n > w->startcap) {
		free(w->starts);
		w->startcap = 2 * n;
		w->starts = xmalloc(w->startcap * sizeof(*w->starts));
	}
	for (i = 0; i < n; i++) {
		uint32_t f = tok[i].flags;
		unsigned inside = ((f & TOK_HYPHEN) != 0) &
		    ((f & (TOK_CAPS | TOK_DIGIT)) != 0);

		w->starts[k] = (uint32_t)i;
		k += ((f & TOK_MARK(PM_RULES)) != 0) & !inside;
	}
	return k;
}

/* Find the word rules' phrases in the block's tokens. */
static void
match_words(const struct tagger *tg, struct tagwork *w, const char *s,
    uint64_t base)
{
	struct hit_arg h = { tg, w, 0 };
	struct token *tok = w->toks.v;
	size_t c, i, n = w->toks.n, next = 0, len, nstarts;

	nstarts = rule_starts(w);
	for (c = 0; c < nstarts; c++) {
		if ((i = w->starts[c]) < next)
			continue;	/* inside the phrase before */
		w->pos = base + tok[i].off;
		h.blocks = 0;
		len = phrase_at(&tg->rules.words, tok, i, n, s, on_hit, &h);
		/* What person_scan() would ask again. */
		tok[i].flags |= PM_RULED | (h.blocks ? PM_BLOCKS : 0);
		next = i + (len ? len : 1);
	}
}

static void
put_line(struct buf *out, const char *key, const char *val, size_t n)
{
	buf_puts(out, key);
	buf_append(out, ": ", 2);
	rec_escape(out, val, n);
	buf_putc(out, '\n');
}

static void
put_number(struct buf *out, const char *key, uint64_t v)
{
	buf_puts(out, key);
	buf_append(out, ": ", 2);
	buf_put_u64(out, v);
	buf_putc(out, '\n');
}

/* What known_place() needs. */
struct place_arg {
	const struct tagger *tg;
	struct tokens *toks;
};

static int
known_place(const char *s, size_t n, void *arg)
{
	struct place_arg *p = arg;

	return phrase_is(&p->tg->places, s, n, p->toks);
}

static int
ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Write a place, in title case when it is written in capitals. */
static void
put_place(struct buf *out, const char *s, size_t n)
{
	size_t i, start;
	int caps = 1, letters = 0;

	for (i = 0; i < n; i++) {
		if ((s[i] >= 'a' && s[i] <= 'z') || (unsigned char)s[i] >= 0x80)
			caps = 0;	/* only ASCII capitals are changed */
		letters += s[i] >= 'A' && s[i] <= 'Z';
	}
	buf_puts(out, "place: ");
	start = out->len;
	rec_escape(out, s, n);
	if (caps && letters >= 2)
		for (i = start + 1; i < out->len; i++)
			if (out->p[i] >= 'A' && out->p[i] <= 'Z' &&
			    ascii_letter(out->p[i - 1]))
				out->p[i] += 'a' - 'A';
	buf_putc(out, '\n');
}

/* The date, the place and the dates mentioned. */
static void
put_dates(const struct tagger *tg, struct tagwork *w, const char *body,
    size_t n, struct buf *out)
{
	struct place_arg pa = { tg, &w->scratch };
	struct dateline dl;
	char iso[11], seen[64][11];
	size_t nseen = 0, off = 0, at, len, i;
	struct date d;

	dateline_find(body, n, tg->order, known_place, &pa, &dl);
	if (tg->on[TAG_DATE] && dl.has_date) {
		date_iso(&dl.date, iso);
		put_line(out, "date", iso, 10);
	}
	if (tg->on[TAG_DATES]) {
		while (off < n &&
		    (at = date_find(body + off, n - off, tg->order, &d, &len)) <
		    n - off) {
			at += off;
			off = at + len;
			if (dl.has_date && at == dl.date_off)
				continue;
			date_iso(&d, iso);
			for (i = 0; i < nseen; i++)
				if (memcmp(seen[i], iso, 10) == 0)
					break;
			if (i < nseen)
				continue;
			if (nseen < sizeof(seen) / sizeof(seen[0]))
				memcpy(seen[nseen++], iso, 11);
			put_line(out, "dates", iso, 10);
		}
	}
	if (tg->on[TAG_PLACE] && dl.place != NULL)
		put_place(out, dl.place, dl.place_len);
}

static void
put_person(const char *s, size_t n, void *arg)
{
	put_line(arg, "person", s, n);
}

static int
cmp_text(const void *x, const void *y)
{
	const struct value *a = x, *b = y;
	size_t n = a->len < b->len ? a->len : b->len;
	int c;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if ((c = memcmp(a->text, b->text, n)) != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static int
cmp_pos(const void *x, const void *y)
{
	const struct value *a = x, *b = y;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/*
 * Sort the values by tag and text, drop repeats (keeping the first
 * mention), then sort them by tag and position; returns how many stay.
 */
static size_t
unique_values(struct tagwork *w)
{
	size_t i, k = 0;

	if (w->nvals == 0)
		return 0;
	for (i = 0; i < w->nvals; i++)
		if (w->vals[i].text == NULL)
			w->vals[i].text = w->vtext.p + w->vals[i].off;
	qsort(w->vals, w->nvals, sizeof(*w->vals), cmp_text);
	for (i = 0; i < w->nvals; i++) {
		struct value *v = &w->vals[i];

		if (k > 0 && w->vals[k - 1].rank == v->rank &&
		    w->vals[k - 1].len == v->len &&
		    memcmp(w->vals[k - 1].text, v->text, v->len) == 0)
			continue;
		w->vals[k++] = *v;
	}
	qsort(w->vals, k, sizeof(*w->vals), cmp_pos);
	return k;
}

/* The values of the rules hit: their tags' lines and the people's. */
static void
collect(const struct tagger *tg, struct tagwork *w)
{
	const struct ruleset *rs = &tg->rules;
	size_t i, k = 0;

	/* Regex values whose rule was not matched often enough go. */
	for (i = 0; i < w->nvals; i++) {
		uint32_t id = w->vals[i].rule;

		if (w->hits[id].count >= rs->v[id].min)
			w->vals[k++] = w->vals[i];
	}
	w->nvals = k;
	for (i = 0; i < w->ntouched; i++) {
		uint32_t id = w->touched[i];
		const struct rule *r = &rs->v[id];
		struct value *v;

		if (r->re != NULL || w->hits[id].count < r->min)
			continue;
		v = new_value(w);
		v->rank = tg->rank[r->tag];
		v->rule = id;
		v->pos = w->hits[id].first;
		v->text = r->value;
		v->len = r->valuelen;
		v->off = 0;
	}
}

/* Write the tag lines of rule tags ranked in [lo, hi). */
static void
put_values(const struct tagger *tg, struct tagwork *w, size_t nvals,
    uint32_t lo, uint32_t hi, struct buf *out)
{
	size_t i;

	for (i = 0; i < nvals; i++) {
		const struct value *v = &w->vals[i];
		uint32_t t = tg->by_rank[v->rank];

		if (v->rank < lo || v->rank >= hi)
			continue;
		if ((long)t == tg->person_tag)
			continue;
		put_line(out, tg->rules.tags[t], v->text, v->len);
	}
}

static uint64_t
count_sentences(const char *s, size_t n)
{
	uint64_t c = 0;
	size_t k, len;

	while ((k = sentence_space(s, n)) < n) {
		s += k;
		n -= k;
		len = sentence_len(s, n);
		if (len == 0)
			break;
		c++;
		s += len;
		n -= len;
	}
	return c;
}

void
tag_body(const struct tagger *tg, struct tagwork *w, const char *body,
    size_t n, struct buf *out, struct tag_counts *counts)
{
	unsigned char stopped_small[64] = { 0 }, *stopped = stopped_small;
	const char *lang = NULL;
	size_t off, blen, i, nvals;

	counts->limited = 0;
	counts->first_limited = -1;
	work_ready(tg, w);
	w->toks.chars = w->toks.words = 0;
	/* each record is counted on its own: the last one's hits go */
	for (i = 0; i < w->ntouched; i++)
		w->hits[w->touched[i]].count = 0;
	w->ntouched = 0;
	w->nvals = 0;
	w->vtext.len = 0;
	if (tg->rules.nregex > sizeof(stopped_small))
		stopped = xmalloc(tg->rules.nregex);
	memset(stopped, 0, tg->rules.nregex);
	if (tg->on[TAG_PERSON])
		person_begin(&w->pf, n);
	for (off = 0; tg->tokens && off < n; off += blen) {
		blen = tok_block(body + off, n - off);
		tok_scan(&w->toks, body + off, blen);
		if (off == 0 && tg->on[TAG_LANG])
			lang = lang_detect_tokens(body, n, blen, w->toks.v,
			    w->toks.n);
		if (tg->words_on || tg->on[TAG_PERSON])
			phrase_mark(&tg->marks, w->toks.v, w->toks.n);
		if (tg->words_on)
			match_words(tg, w, body + off, off);
		if (tg->on[TAG_PERSON])
			person_scan(&(struct person_tables){ &tg->titles,
			    &tg->given, &tg->notname, &tg->places,
			    &tg->rules.words, tg->blocking }, &w->pf,
			    w->toks.v, w->toks.n, body + off, off, off == 0);
		if (tg->rules.nregex > 0)
			run_regexes(tg, w, body + off, blen, off, stopped,
			    counts);
	}
	if (stopped != stopped_small)
		free(stopped);
	collect(tg, w);
	nvals = unique_values(w);
	if (tg->on[TAG_DATE] || tg->on[TAG_DATES] || tg->on[TAG_PLACE])
		put_dates(tg, w, body, n, out);
	if (tg->on[TAG_PERSON]) {
		for (i = 0; i < nvals; i++)
			if ((long)tg->person_tag >= 0 &&
			    w->vals[i].rank == tg->rank[tg->person_tag])
				person_add(&w->pf, w->vals[i].text,
				    w->vals[i].len, w->vals[i].pos);
		person_each(&w->pf, put_person, out);
	}
	put_values(tg, w, nvals, 0, tg->builtin_ranks, out);
	if (tg->on[TAG_LANG])
		buf_puts(out, "lang: "),
		    buf_puts(out, lang != NULL ? lang : lang_detect(body, n)),
		    buf_putc(out, '\n');
	if (tg->on[TAG_WORDS])
		put_number(out, "words", w->toks.words);
	if (tg->on[TAG_SENTENCES])
		put_number(out, "sentences", count_sentences(body, n));
	if (tg->on[TAG_CHARS])
		put_number(out, "chars", w->toks.chars);
	put_values(tg, w, nvals, tg->builtin_ranks, UINT32_MAX, out);
}
