/*
 * rules.h: dtag's rule files and word lists.
 *
 * A rule file holds one rule a line, "TAG VALUE MATCHER [{N}]", where
 * MATCHER is /REGEX/FLAGS, "= words, phrases" (any case) or "== Words,
 * Phrases" (this case); an item "@FILE" stands for the lines of a word
 * list.  "include FILE" reads another rule file.  "#" starts a comment.
 * man/dtag.1 has the whole syntax.
 */
#ifndef RULES_H
#define RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

#include "phrase.h"

/* A piece of a regex rule's value: text, or a capture group. */
struct vpart {
	const char *text;	/* NULL for a group */
	size_t len;
	uint32_t group;
};

struct rule {
	uint32_t tag;		/* in ruleset.tags */
	const char *value;	/* for word rules */
	size_t valuelen;
	uint32_t min;		/* {N}: matches needed, at least 1 */
	pcre2_code *re;		/* NULL for word rules */
	struct vpart *parts;	/* a regex rule's value */
	size_t nparts;
	char *where;		/* "FILE:LINE", for messages */
};

struct ruleset {
	struct rule *v;
	size_t n;
	size_t cap;
	char **tags;		/* tag names, in the order first named */
	size_t ntags;
	struct phrase_table words;	/* word rules' items; id: the rule */
	uint32_t *regex;	/* the regex rules */
	size_t nregex;
	unsigned errors;	/* bad lines reported */
};

/*
 * Read the rule file path into rs.  A bad line is reported on stderr as
 * "dtag: FILE:LINE: column N: what" and counted in rs->errors; a file
 * that cannot be read is reported and counted too.
 */
void rules_load(struct ruleset *rs, const char *path);
/* Make the rules ready to match; after the last rules_load(). */
void rules_build(struct ruleset *rs);
void rules_free(struct ruleset *rs);
/* The number of tag name s[0..n) in rs, or -1. */
long rules_tag(const struct ruleset *rs, const char *s, size_t n);

/*
 * Read a word list, one word or phrase a line, into t; bad lines are
 * reported and counted in *errors, as for rules_load().
 */
void words_load(struct phrase_table *t, const char *path, int caseless,
    unsigned *errors);

#endif
