/*
 * person.h: the people a document names.
 *
 * A name is a run of capitalised words (with particles such as bin, al,
 * de, van inside) that is
 *   - right after a title (titles.words: President, Foreign Minister,
 *     Ambassador, Dr., mother, ...), then it may be one word, a later
 *     short mention;
 *   - or starts with a common given name (given-names.words), two words
 *     or more;
 *   - or is a line of its own near the top (a byline), two to four words;
 *   - or comes before a verb of saying (said, told, added, ...).
 * A word is not part of a name when it is in not-names.words, is a
 * place, a country or an organisation of the gazetteers, or (unless it
 * is a given name or right after a title) is written in lowercase
 * elsewhere in the document.  At the end, short mentions and names
 * contained in a longer name are folded into it ("Qureshi" into "Shah
 * Mahmood Qureshi"), except that a name seen only in a title-case
 * headline gives way to the shorter one of the text.
 */
#ifndef PERSON_H
#define PERSON_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "phrase.h"
#include "token.h"

/*
 * The tables' marks (phrase.h) that person_scan() expects on the
 * tokens: TOK_MARK(PM_TITLES) on a token that may start a title, ...
 */
enum person_mark {
	PM_TITLES, PM_GIVEN, PM_NOTNAME, PM_PLACES, PM_RULES, PM_TABLES
};
/*
 * Where the caller has matched the rules' words already, it says so, so
 * that person_scan() need not match them again.
 */
#define PM_RULED TOK_MARK(PM_TABLES)	/* the rules' words were matched
					 * at this token */
#define PM_BLOCKS TOK_MARK(PM_TABLES + 1)	/* and a country or an
						 * org starts here */

struct person_tables {
	const struct phrase_table *titles;	/* any case */
	const struct phrase_table *given;	/* this case */
	const struct phrase_table *notname;	/* any case */
	const struct phrase_table *places;	/* this case */
	const struct phrase_table *rules;	/* the rule files' words */
	const unsigned char *blocking;	/* by rule: a country or an org */
};

struct pname;
struct wordmemo;

/* What one thread finds in one document: reset by person_begin(). */
struct person_found {
	struct buf text;	/* the names, one after the other */
	struct pname *v;
	size_t n;
	size_t cap;
	uint32_t *lower;	/* the hashes of words seen in lowercase */
	size_t nlower;
	size_t lowercap;	/* its slots for this document */
	size_t loweralloc;	/* and those allocated */
	unsigned char *headline;	/* by line of a block: title case */
	size_t headcap;
	unsigned char *memo;		/* by token of a block */
	uint32_t *starts;		/* tokens a title or name may start at */
	size_t memocap;			/* of both */
	struct wordmemo *words;		/* what one word is, by its hash */
	uint32_t gen;			/* of the document, in words */
};

void person_begin(struct person_found *pf, size_t bodylen);
/*
 * Scan a block's tokens; base is the block's offset in the body, first
 * nonzero for the body's first block.
 */
void person_scan(const struct person_tables *pt, struct person_found *pf,
    const struct token *tok, size_t n, const char *text, uint64_t base,
    int first);
/* Add a name found otherwise (a gazetteer, a rule) at offset pos. */
void person_add(struct person_found *pf, const char *s, size_t n,
    uint64_t pos);
/* Fold the names found and call fn for each kept, in order. */
void person_each(struct person_found *pf,
    void (*fn)(const char *, size_t, void *), void *arg);
void person_free(struct person_found *pf);

#endif
