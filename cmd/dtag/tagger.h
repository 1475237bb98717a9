/*
 * tagger.h: the tags of one record, from its body.
 *
 * A struct tagger holds what every thread reads: the rules, the word
 * lists, the taggers chosen.  A struct tagwork is one thread's scratch
 * space.  tag_body() appends the record's tag lines, escaped, to a
 * buffer, in a fixed order: date, dates, place, person, org, country,
 * topic, lang, words, sentences, chars, then the other tags of the rule
 * files in the order they are first named.
 */
#ifndef TAGGER_H
#define TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "date.h"
#include "person.h"
#include "phrase.h"
#include "rules.h"
#include "token.h"

enum builtin {
	TAG_DATE, TAG_DATES, TAG_PLACE, TAG_PERSON, TAG_ORG, TAG_COUNTRY,
	TAG_TOPIC, TAG_LANG, TAG_WORDS, TAG_SENTENCES, TAG_CHARS, TAG_BUILTIN
};

/* The names of the built-in taggers, by enum builtin. */
extern const char *const tag_names[TAG_BUILTIN];

struct tagger {
	struct ruleset rules;
	struct phrase_table titles, given, notname, places;
	struct phrase_marks marks;	/* of those and the rules' words, by
					 * enum person_mark */
	enum date_order order;
	unsigned char on[TAG_BUILTIN];	/* the built-in taggers chosen */
	unsigned char *tag_on;		/* by rule tag */
	unsigned char *rule_on;		/* by rule: its tag is chosen */
	unsigned char *blocking;	/* by rule: a country or an org */
	uint32_t *rank;			/* by rule tag: its place in output */
	uint32_t *by_rank;		/* the rule tag of each place */
	uint32_t builtin_ranks;		/* places of tags named as built-in
					 * taggers (person, org, ...) */
	long person_tag;		/* the rules' tag "person", or -1 */
	int tokens;			/* nonzero when a chosen tagger needs
					 * the body's tokens */
	int words_on;			/* and when a word rule is chosen */
	unsigned long match_limit;
};

struct hit;
struct value;

struct tagwork {
	struct tokens toks;
	struct tokens scratch;
	struct person_found pf;
	struct hit *hits;		/* by rule */
	uint32_t *touched;		/* rules hit in this record */
	size_t ntouched;
	struct value *vals;		/* tag values found */
	size_t nvals;
	size_t valcap;
	struct buf vtext;		/* their text */
	void **md;			/* by regex: match data */
	void *mctx;			/* match context, with limits */
	void *jit;			/* JIT stack */
	uint64_t pos;			/* offset of the token being matched */
	uint32_t *starts;		/* tokens a word rule may start at */
	size_t startcap;
};

/* What tag_body() counts, for --stats and warnings. */
struct tag_counts {
	uint32_t limited;		/* regexes stopped at their limits */
	long first_limited;		/* the first of those rules, or -1 */
};

/*
 * Make tg ready after its rules and lists are loaded and tg->on and
 * tg->tag_on are set.
 */
void tagger_ready(struct tagger *tg);
void tagger_free(struct tagger *tg);

/* Append the tag lines of body[0..n) to out. */
void tag_body(const struct tagger *tg, struct tagwork *w, const char *body,
    size_t n, struct buf *out, struct tag_counts *counts);
void tagwork_free(struct tagwork *w);

#endif
