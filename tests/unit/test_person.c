/* Unit tests for cmd/dtag/person.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "person.h"
#include "phrase.h"
#include "token.h"

#define TPS_NAMES_MAX 1024	/* bytes of the names of one document */

/* The rules' words: their ids index blocking[]. */
enum {
	TPS_JORDAN,		/* a country */
	TPS_UN,			/* an org */
	TPS_RICE,		/* a topic */
	TPS_PAKISTAN,		/* a country */
	TPS_NRULES
};

/* The tables of the tests, built as tagger.c builds them. */
struct tps_tables {
	struct phrase_table titles;
	struct phrase_table given;
	struct phrase_table notname;
	struct phrase_table places;
	struct phrase_table rules;
	unsigned char blocking[TPS_NRULES];
	struct phrase_marks marks;
	struct person_tables pt;
	int ok;			/* every phrase was added */
};

/* One document's scan: what tag_body() keeps between documents. */
struct tps_ctx {
	struct tps_tables *tt;
	struct person_found pf;
	struct tokens toks;
	int ruled;		/* match the rules' words first, as tagger.c's
				 * match_words() does */
	const char *force;	/* a word given forceflags by the caller */
	uint32_t forceflags;
};

/* The names person_each() reported, joined by '|'. */
struct tps_names {
	char s[TPS_NAMES_MAX];
	size_t len;
	int over;
};

static const char *const tps_titles[] = {
	"President", "Prime Minister", "Foreign Minister", "Minister",
	"Dr.", "Ambassador", "mother", NULL
};
static const char *const tps_given[] = {
	"John", "Mary", "Osama", "Ursula", "Jean", "Kim", "Michael",
	"Condoleezza", "Imran", "Mark", NULL
};
static const char *const tps_notname[] = {
	"officials", "tuesday", "spokesman", NULL
};
static const char *const tps_places[] = {
	"Islamabad", "New York", "Karachi", NULL
};

static void
tps_add(struct tps_tables *tt, struct phrase_table *t,
    const char *const *words, int caseless)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (phrase_add(t, words[i], strlen(words[i]), caseless,
		    0) < 0)
			tt->ok = 0;
	phrase_build(t);
}

static void
tps_rule(struct tps_tables *tt, const char *s, uint32_t id, int blocks)
{
	if (phrase_add(&tt->rules, s, strlen(s), 0, id) < 0)
		tt->ok = 0;
	tt->blocking[id] = (unsigned char)blocks;
}

static void
tps_tables_init(struct tps_tables *tt)
{
	const struct phrase_table *tables[PM_TABLES];

	memset(tt, 0, sizeof(*tt));
	tt->ok = 1;
	/* Cases as main.c loads the lists. */
	tps_add(tt, &tt->titles, tps_titles, 1);
	tps_add(tt, &tt->given, tps_given, 0);
	tps_add(tt, &tt->notname, tps_notname, 1);
	tps_add(tt, &tt->places, tps_places, 0);
	tps_rule(tt, "Jordan", TPS_JORDAN, 1);
	tps_rule(tt, "United Nations", TPS_UN, 1);
	tps_rule(tt, "Rice", TPS_RICE, 0);
	tps_rule(tt, "Pakistan", TPS_PAKISTAN, 1);
	phrase_build(&tt->rules);
	tables[PM_TITLES] = &tt->titles;
	tables[PM_GIVEN] = &tt->given;
	tables[PM_NOTNAME] = &tt->notname;
	tables[PM_PLACES] = &tt->places;
	tables[PM_RULES] = &tt->rules;
	phrase_marks_build(&tt->marks, tables, PM_TABLES);
	tt->pt.titles = &tt->titles;
	tt->pt.given = &tt->given;
	tt->pt.notname = &tt->notname;
	tt->pt.places = &tt->places;
	tt->pt.rules = &tt->rules;
	tt->pt.blocking = tt->blocking;
}

static void
tps_tables_free(struct tps_tables *tt)
{
	phrase_free(&tt->titles);
	phrase_free(&tt->given);
	phrase_free(&tt->notname);
	phrase_free(&tt->places);
	phrase_free(&tt->rules);
	phrase_marks_free(&tt->marks);
}

static void
tps_put(const char *s, size_t n, void *arg)
{
	struct tps_names *nm = arg;

	if (nm->len + n + 2 > sizeof(nm->s)) {
		nm->over = 1;
		return;
	}
	if (nm->len > 0)
		nm->s[nm->len++] = '|';
	memcpy(nm->s + nm->len, s, n);
	nm->len += n;
	nm->s[nm->len] = '\0';
}

/* What tps_blocks() notes of the rules matched at a token. */
struct tps_hit {
	const unsigned char *blocking;
	int blocks;
};

/* Note in *arg whether the rule of id blocks names. */
static void
tps_blocks(uint32_t id, void *arg)
{
	struct tps_hit *h = arg;

	if (h->blocking[id])
		h->blocks = 1;
}

/* Match the rules' words as tagger.c's match_words() does. */
static void
tps_rule_words(struct tps_ctx *c, const char *s)
{
	struct token *tok = c->toks.v;
	struct tps_hit h;
	size_t i = 0, n = c->toks.n, len;

	while (i < n) {
		if (((tok[i].flags & TOK_HYPHEN) &&
		    (tok[i].flags & (TOK_CAPS | TOK_DIGIT))) ||
		    !(tok[i].flags & TOK_MARK(PM_RULES))) {
			i++;
			continue;
		}
		h.blocking = c->tt->blocking;
		h.blocks = 0;
		len = phrase_at(&c->tt->rules, tok, i, n, s, tps_blocks, &h);
		tok[i].flags |= PM_RULED | (h.blocks ? PM_BLOCKS : 0);
		i += len ? len : 1;
	}
}

static void
tps_begin(struct tps_ctx *c, size_t bodylen)
{
	person_begin(&c->pf, bodylen);
}

/* Scan the block body[off, off + len) as tag_body() does. */
static void
tps_block(struct tps_ctx *c, const char *body, size_t off, size_t len,
    int first)
{
	size_t i, fl = c->force != NULL ? strlen(c->force) : 0;

	tok_scan(&c->toks, body + off, len);
	phrase_mark(&c->tt->marks, c->toks.v, c->toks.n);
	if (c->ruled)
		tps_rule_words(c, body + off);
	for (i = 0; fl > 0 && i < c->toks.n; i++)
		if (c->toks.v[i].len == fl &&
		    memcmp(body + off + c->toks.v[i].off, c->force, fl) == 0)
			c->toks.v[i].flags |= c->forceflags;
	person_scan(&c->tt->pt, &c->pf, c->toks.v, c->toks.n, body + off,
	    off, first);
}

/* The names of the document, compared with want; shows them if not. */
static int
tps_end(struct tps_ctx *c, const char *want)
{
	struct tps_names nm;

	nm.len = 0;
	nm.over = 0;
	nm.s[0] = '\0';
	person_each(&c->pf, tps_put, &nm);
	if (!nm.over && strcmp(nm.s, want) == 0)
		return 1;
	printf("\tgot \"%s\"%s, want \"%s\"\n", nm.s,
	    nm.over ? " (cut)" : "", want);
	return 0;
}

/* Nonzero when the names of the one-block document s are want. */
static int
tps_is(struct tps_ctx *c, const char *s, const char *want)
{
	size_t n = strlen(s);

	tps_begin(c, n);
	tps_block(c, s, 0, n, 1);
	return tps_end(c, want);
}

/*
 * Nonzero when the names of the document of blocks part[0..n), scanned
 * one after the other, are want.
 */
static int
tps_blocks_are(struct tps_ctx *c, const char *const *part, size_t n,
    const char *want)
{
	size_t i, len = 0, off = 0;
	char *body;
	int r;

	for (i = 0; i < n; i++)
		len += strlen(part[i]);
	if ((body = malloc(len + 1)) == NULL)
		return 0;
	for (i = 0; i < n; i++) {
		memcpy(body + off, part[i], strlen(part[i]));
		off += strlen(part[i]);
	}
	body[len] = '\0';
	tps_begin(c, len);
	for (i = off = 0; i < n; i++) {
		tps_block(c, body, off, strlen(part[i]), i == 0);
		off += strlen(part[i]);
	}
	r = tps_end(c, want);
	free(body);
	return r;
}

/*
 * Nonzero when the names of s, with the gazetteer's name gaz added at
 * the first occurrence of at in s, are want.
 */
static int
tps_gaz_is(struct tps_ctx *c, const char *s, const char *gaz,
    const char *at, const char *want)
{
	const char *p = strstr(s, at);
	size_t n = strlen(s);

	if (p == NULL)
		return 0;
	tps_begin(c, n);
	tps_block(c, s, 0, n, 1);
	person_add(&c->pf, gaz, strlen(gaz), (uint64_t)(p - s));
	return tps_end(c, want);
}

/*
 * A document of head, n distinct lowercase words, and tail; the caller
 * frees it.
 */
static char *
tps_lower_doc(const char *head, size_t n, const char *tail)
{
	size_t i, len = strlen(head) + strlen(tail) + 5 * n + 1;
	char *s, *p;

	if ((s = malloc(len)) == NULL)
		return NULL;
	memcpy(s, head, strlen(head));
	p = s + strlen(head);
	for (i = 0; i < n; i++) {
		p[0] = 'w';
		p[1] = (char)('a' + i / 676 % 26);
		p[2] = (char)('a' + i / 26 % 26);
		p[3] = (char)('a' + i % 26);
		p[4] = i % 12 == 11 ? '\n' : ' ';
		p += 5;
	}
	memcpy(p, tail, strlen(tail) + 1);
	return s;
}

static void
tps_title(struct tps_ctx *c)
{
	CHECK("a name after a title, the title not included",
	    tps_is(c, "Foreign Minister Shah Mahmood Qureshi said on Monday.",
	    "Shah Mahmood Qureshi"));
	CHECK("a title in lowercase words is a title (any case)",
	    tps_is(c, "the foreign minister Shah Mahmood Qureshi spoke.",
	    "Shah Mahmood Qureshi"));
	CHECK("titles one after another: the name after the last",
	    tps_is(c, "Prime Minister Dr. Ahmed Raza spoke today.",
	    "Ahmed Raza"));
	CHECK("a title at the start of a sentence",
	    tps_is(c, "Dr. Ahmed Raza spoke.", "Ahmed Raza"));
	CHECK("a name glued after a title's period",
	    tps_is(c, "we met Dr.Ahmed Raza today.", "Ahmed Raza"));
	CHECK("a title in lowercase before a name (mother)",
	    tps_is(c, "her mother Begum Nusrat spoke.", "Begum Nusrat"));
	CHECK("an initial inside a name keeps its period",
	    tps_is(c, "President George W. Bush spoke.", "George W. Bush"));
	CHECK("a title with no capitalised word after it is no name",
	    tps_is(c, "the president spoke to the Minister", ""));
	CHECK("a name is six words at most",
	    tps_is(c, "President Aa Bb Cc Dd Ee Ff Gg spoke.",
	    "Aa Bb Cc Dd Ee Ff"));
	CHECK("a word in capitals is not a name part",
	    tps_is(c, "President JOHN SMITH spoke.", ""));
	CHECK("a possessive ends a name and is not in it",
	    tps_is(c, "Minister Ahmed Raza's car was seen.", "Ahmed Raza"));
}

static void
tps_short(struct tps_ctx *c)
{
	CHECK("a one-word name after a title folds into the full name",
	    tps_is(c, "Foreign Minister Shah Mahmood Qureshi arrived. "
	    "Later Minister Qureshi left.", "Shah Mahmood Qureshi"));
	CHECK("a lone short mention after a title is not listed",
	    tps_is(c, "President Obama spoke.", ""));
	CHECK("a short mention not in any full name is not listed",
	    tps_is(c, "President Obama met Minister Ahmed Raza.",
	    "Ahmed Raza"));
	CHECK("a name contained in a longer one folds into it, first seen "
	    "where the shorter was",
	    tps_is(c, "Mahmood Qureshi said so. John Smith arrived. "
	    "Foreign Minister Shah Mahmood Qureshi spoke.",
	    "Shah Mahmood Qureshi|John Smith"));
}

static void
tps_given_names(struct tps_ctx *c)
{
	CHECK("a run starting with a given name is a name",
	    tps_is(c, "we saw John Smith at the market.", "John Smith"));
	CHECK("a capitalised word before the given name is left out",
	    tps_is(c, "Yesterday John Smith arrived.", "John Smith"));
	CHECK("a given name alone is no name",
	    tps_is(c, "we saw John at the market.", ""));
	CHECK("a given name is case-sensitive",
	    tps_is(c, "we saw JOHN Smith and john Smith there.", ""));
	CHECK("a given name is a name start though seen in lowercase",
	    tps_is(c, "mark my words: Mark Twain arrived.", "Mark Twain"));
	CHECK("a hyphenated given name starts a name",
	    tps_is(c, "we saw Jean-Claude Juncker there.",
	    "Jean-Claude Juncker"));
	CHECK("a hyphenated given name alone is one word: no name",
	    tps_is(c, "we saw Jean-Claude there.", ""));
	CHECK("the lowercase rest of a hyphenated name is in it",
	    tps_is(c, "we saw Kim Do-hyun there.", "Kim Do-hyun"));
	CHECK("a particle between capitalised words is in the name",
	    tps_is(c, "the late Osama bin Laden was seen.",
	    "Osama bin Laden"));
	CHECK("another particle (van) inside a name",
	    tps_is(c, "we saw John van Dyke there.", "John van Dyke"));
	CHECK("a particle at a name's end is not in it",
	    tps_is(c, "we saw John Smith von there.", "John Smith"));
	CHECK("two particles in a row inside a name",
	    tps_is(c, "we saw Ursula von der Leyen there.",
	    "Ursula von der Leyen"));
	CHECK("two particles at a name's end are not in it",
	    tps_is(c, "we saw John Smith von der there.", "John Smith"));
	CHECK("three particles in a row join no name",
	    tps_is(c, "we saw John van de la Smith there.", ""));
}

static void
tps_byline(struct tps_ctx *c)
{
	CHECK("a byline: a line of its own near the top, two words",
	    tps_is(c, "Talks resume in the capital\nAhmed Raza\n"
	    "The talks resumed today.\n", "Ahmed Raza"));
	CHECK("a byline of four words",
	    tps_is(c, "Talks resume\nAhmed Ali Raza Khan\nThe talks went on.\n",
	    "Ahmed Ali Raza Khan"));
	CHECK("a line of five capitalised words is no byline",
	    tps_is(c, "Talks resume\nAhmed Ali Raza Khan Niazi\n"
	    "The talks went on.\n", ""));
	CHECK("a line of one word is no byline",
	    tps_is(c, "Talks resume\nRaza\nThe talks went on.\n", ""));
	CHECK("a name with more words on its line is no byline",
	    tps_is(c, "Talks resume\nAhmed Raza reports\n", ""));
	CHECK("a byline only among the first twelve lines",
	    tps_is(c, "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nAhmed Raza\n",
	    "Ahmed Raza") &&
	    tps_is(c, "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nAhmed Raza\n", ""));
}

static void
tps_saying(struct tps_ctx *c)
{
	CHECK("a name before a verb of saying",
	    tps_is(c, "Wang Lin said the plan was ready.", "Wang Lin"));
	CHECK("another verb of saying (told)",
	    tps_is(c, "in Beijing, Wang Lin told reporters so.", "Wang Lin"));
	CHECK("one word before a verb of saying is no name",
	    tps_is(c, "Wang said the plan was ready.", ""));
	CHECK("a possessive before a verb of saying is no name",
	    tps_is(c, "Wang Lin's aide said so.", ""));
	CHECK("punctuation before the verb: no name",
	    tps_is(c, "Wang Lin, said the paper.", ""));
	CHECK("a word that is not a verb of saying: no name",
	    tps_is(c, "Wang Lin ate the plan.", ""));
}

static void
tps_blocked(struct tps_ctx *c)
{
	CHECK("a not-name word is not taken into a name (any case)",
	    tps_is(c, "Officials Ahmed Raza said so.", "Ahmed Raza"));
	CHECK("a not-name word ends a name after a title",
	    tps_is(c, "Minister Ahmed Raza Tuesday announced it.",
	    "Ahmed Raza"));
	CHECK("a not-name word after a title is no name",
	    tps_is(c, "the Minister Spokesman Raza spoke.", ""));
	CHECK("a place is not a name part",
	    tps_is(c, "John Karachi said so.", "") &&
	    tps_is(c, "John Karimi said so.", "John Karimi"));
	CHECK("a place of two words is not a name part",
	    tps_is(c, "Mary New York said so.", "") &&
	    tps_is(c, "Mary York said so.", "Mary York"));
	CHECK("a place right after a title is no name",
	    tps_is(c, "President Islamabad Raza spoke.", ""));
	CHECK("a country of the rules is not a name part",
	    tps_is(c, "Michael Jordan said so.", ""));
	CHECK("an org of the rules is not a name part",
	    tps_is(c, "President United Nations Raza spoke.", ""));
	CHECK("a country before a title: the name after the title",
	    tps_is(c, "the Pakistan Ambassador Ahmed Raza spoke.",
	    "Ahmed Raza"));
	CHECK("a rule's word of another tag is a name part",
	    tps_is(c, "Condoleezza Rice said so.", "Condoleezza Rice"));

	c->ruled = 1;
	CHECK("rules matched by the caller (PM_RULED): a country blocks",
	    tps_is(c, "Michael Jordan said so.", ""));
	CHECK("rules matched by the caller: an org blocks",
	    tps_is(c, "John Smith United Nations said so.", "John Smith"));
	CHECK("rules matched by the caller: another tag does not block",
	    tps_is(c, "Condoleezza Rice said so.", "Condoleezza Rice"));
	c->ruled = 0;
	c->force = "Smith";
	c->forceflags = PM_RULED | PM_BLOCKS;
	CHECK("a word the caller says blocks (PM_BLOCKS) is no name part",
	    tps_is(c, "John Smith said so.", ""));
	c->force = "Jordan";
	c->forceflags = PM_RULED;
	CHECK("a word the caller says does not block is a name part",
	    tps_is(c, "Michael Jordan said so.", "Michael Jordan"));
	c->force = NULL;
	c->forceflags = 0;
}

static void
tps_lowercase(struct tps_ctx *c)
{
	CHECK("a word in lowercase elsewhere is no name part",
	    tps_is(c, "The rose was red. Rose Bush said so.", ""));
	CHECK("the same text without the lowercase word gives the name",
	    tps_is(c, "The flower was red. Rose Bush said so.", "Rose Bush"));
	CHECK("a word in lowercase later in the block counts too",
	    tps_is(c, "Rose Bush said so. The rose was red.", ""));
	CHECK("a word in lowercase elsewhere is a name part after a title",
	    tps_is(c, "The rose was red. President Rose Bush spoke.",
	    "Rose Bush"));
	CHECK("a word seen in lowercase ends a name without a title",
	    tps_is(c, "John Smith Rose said so, then rose.", "John Smith"));
}

static void
tps_headline(struct tps_ctx *c)
{
	CHECK("a headline's longer name gives way to the text's",
	    tps_is(c, "Imran Khan Speech at Rally\n"
	    "Imran Khan said the crowd was large.\n", "Imran Khan"));
	CHECK("a headline's plural name gives way to the text's",
	    tps_is(c, "Imran Khans Speech Draws Crowds\n"
	    "Imran Khan said his speech was long.\n", "Imran Khan"));
	CHECK("a line not in title case is text: its longer name is kept",
	    tps_is(c, "Imran Khan Niazi spoke at the rally\n"
	    "Imran Khan said the crowd was large.\n", "Imran Khan Niazi"));
	CHECK("a headline's name alone is kept",
	    tps_is(c, "Imran Khan Speech at Rally\nThe crowd was large.\n",
	    "Imran Khan Speech"));
}

static void
tps_gazetteer(struct tps_ctx *c)
{
	const char *s = "Foreign Minister Shah Mahmood Qureshi spoke.";

	CHECK("a gazetteer's name inside a text name gives way to it",
	    tps_gaz_is(c, s, "Mahmood Qureshi", "Mahmood",
	    "Shah Mahmood Qureshi"));
	CHECK("a gazetteer's other spelling gives way to the text's",
	    tps_gaz_is(c, s, "Shah Mehmood Qureshi", "Shah",
	    "Shah Mahmood Qureshi"));
	CHECK("a gazetteer's name elsewhere is kept, in order",
	    tps_gaz_is(c, "Wang Lin said so. Then the Nawaz Sharif affair.",
	    "Nawaz Sharif", "Nawaz", "Wang Lin|Nawaz Sharif"));
	CHECK("a gazetteer's name before the text names comes first",
	    tps_gaz_is(c, "the Nawaz Sharif affair: Wang Lin said so.",
	    "Nawaz Sharif", "Nawaz", "Nawaz Sharif|Wang Lin"));
	CHECK("a gazetteer's name over a short mention is kept",
	    tps_gaz_is(c, "President Obama spoke.", "Barack Obama", "Obama",
	    "Barack Obama"));
}

static void
tps_order(struct tps_ctx *c)
{
	CHECK("names in order of first mention, each once",
	    tps_is(c, "John Smith said so. Wang Lin said no. "
	    "John Smith added more. Mary Jones said yes.",
	    "John Smith|Wang Lin|Mary Jones"));
	CHECK("no name: nothing reported",
	    tps_is(c, "the cat sat on the mat.", ""));
	CHECK("an empty document: nothing reported", tps_is(c, "", ""));
}

static void
tps_reset(struct tps_ctx *c)
{
	CHECK("document 1 has a word in lowercase",
	    tps_is(c, "The rose was red. Rose Bush said so.", ""));
	CHECK("person_begin resets the lowercase words",
	    tps_is(c, "Rose Bush said so.", "Rose Bush"));
	CHECK("document 1 has a name",
	    tps_is(c, "John Smith said so.", "John Smith"));
	CHECK("person_begin resets the names",
	    tps_is(c, "Wang Lin said so.", "Wang Lin"));
	CHECK("a word's answers (a given name) hold in a later document",
	    tps_is(c, "we saw John Smith.", "John Smith") &&
	    tps_is(c, "we saw John Smith again.", "John Smith"));
}

static void
tps_multiblock(struct tps_ctx *c)
{
	static const char *const bylines[] = {
		"Talks resume\n", "Ahmed Raza\nThe talks went on.\n"
	};
	static const char *const order[] = {
		"The first line of the text goes on, then John Smith said.\n",
		"Mary Jones said so.\n"
	};
	static const char *const lower[] = {
		"The rose was red.\n", "Rose Bush said so.\n"
	};
	static const char *const folds[] = {
		"Mahmood Qureshi said so.\n", "John Smith arrived.\n",
		"Then the minister Shah Mahmood Qureshi spoke to them.\n"
	};
	static const char *const first[] = {
		"Ahmed Raza\nThe talks went on.\n", "More text.\n"
	};

	CHECK("blocks: a byline needs the body's first block",
	    tps_blocks_are(c, bylines, 2, "") &&
	    tps_blocks_are(c, first, 2, "Ahmed Raza"));
	CHECK("blocks: names in order of their offsets in the body",
	    tps_blocks_are(c, order, 2, "John Smith|Mary Jones"));
	CHECK("blocks: a word in lowercase in an earlier block blocks",
	    tps_blocks_are(c, lower, 2, ""));
	CHECK("blocks: names fold across blocks, first seen where the "
	    "shorter was", tps_blocks_are(c, folds, 3,
	    "Shah Mahmood Qureshi|John Smith"));
}

/*
 * Nonzero when the word that makes the lowercase set grow, the
 * (n + 1)th noted, still blocks its capitalised form.
 */
static int
tps_grows_at(struct tps_ctx *c, size_t n, const char *word,
    const char *name)
{
	char tail[128];
	char *s;
	int r;

	snprintf(tail, sizeof(tail), "%s.\n%s Bush said so.\n", word, name);
	if ((s = tps_lower_doc("", n, tail)) == NULL)
		return 0;
	r = tps_is(c, s, "");
	free(s);
	return r;
}

static void
tps_long(struct tps_ctx *c)
{
	static const char *const words[][2] = {
		{ "rose", "Rose" }, { "grace", "Grace" }, { "hope", "Hope" },
		{ "faith", "Faith" }, { "may", "May" }, { "joy", "Joy" }
	};
	size_t i;
	int ok128 = 1, ok256 = 1;
	const char *part[3];
	char *s, *t, *u;

	s = tps_lower_doc("The rose was red.\n", 300,
	    "\nRose Bush said so.\n");
	t = tps_lower_doc("The flower was red.\n", 300,
	    "\nRose Bush said so.\n");
	u = tps_lower_doc("The rose was red.\n", 3000,
	    "\nRose Bush said so.\n");
	/* A set of 256 slots grows on its 129th and 257th words. */
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		ok128 &= tps_grows_at(c, 128, words[i][0], words[i][1]);
		ok256 &= tps_grows_at(c, 256, words[i][0], words[i][1]);
	}
	CHECK("the word that makes the set grow (129th) is noted", ok128);
	CHECK("the word that makes the set grow again (257th) is noted",
	    ok256);
	CHECK("long documents made", s != NULL && t != NULL && u != NULL);
	if (s == NULL || t == NULL || u == NULL) {
		free(s);
		free(t);
		free(u);
		return;
	}
	CHECK("300 lowercase words: a word seen early still blocks",
	    tps_is(c, s, ""));
	CHECK("300 lowercase words: none of them blocks the name",
	    tps_is(c, t, "Rose Bush"));
	CHECK("3000 lowercase words: a word seen early still blocks",
	    tps_is(c, u, ""));
	CHECK("a short document after a long one: lowercase still noted",
	    tps_is(c, "The rose was red. Rose Bush said so.", ""));
	tps_begin(c, 0);
	tps_block(c, s, 0, strlen(s), 1);
	CHECK("a set sized for an empty body grows and still blocks",
	    tps_end(c, ""));
	part[0] = "The rose was red.\n";
	part[1] = u + strlen(part[0]);
	part[2] = "Rose Bush said so.\n";
	u[strlen(u) - strlen(part[2])] = '\0';
	CHECK("blocks: the set grows in a later block and still blocks",
	    tps_blocks_are(c, part, 3, ""));
	free(s);
	free(t);
	free(u);
}

int
main(void)
{
	struct tps_tables tt;
	struct tps_ctx c;

	tps_tables_init(&tt);
	CHECK("the tables are built", tt.ok && tt.titles.n == 7 &&
	    tt.rules.n == TPS_NRULES);
	memset(&c, 0, sizeof(c));
	c.tt = &tt;
	tps_title(&c);
	tps_short(&c);
	tps_given_names(&c);
	tps_byline(&c);
	tps_saying(&c);
	tps_blocked(&c);
	tps_lowercase(&c);
	tps_headline(&c);
	tps_gazetteer(&c);
	tps_order(&c);
	tps_reset(&c);
	tps_multiblock(&c);
	tps_long(&c);
	person_free(&c.pf);
	tok_free(&c.toks);
	tps_tables_free(&tt);
	return check_status();
}
