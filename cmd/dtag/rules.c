/*
 * rules.c: read rule files and word lists (rules.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "msg.h"
#include "record.h"
#include "rules.h"

#define INCLUDE_DEPTH 16

/* Where a line is read: for messages. */
struct at {
	const char *file;
	unsigned line;
	const char *start;	/* of the line, for columns */
	struct ruleset *rs;
	unsigned *errors;
};

/* Report what is wrong at column p of the line being read. */
static void
bad(struct at *at, const char *p, const char *fmt, ...) MSG_PRINTF(3, 4);

static void
bad(struct at *at, const char *p, const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	msg_warn("%s:%u: column %u: %s", at->file, at->line,
	    (unsigned)(p - at->start) + 1, what);
	(*at->errors)++;
}

/* The whole of file path, NUL-terminated, or NULL (reported). */
static char *
slurp(const char *path, size_t *len, const char *from, unsigned *errors)
{
	struct buf b = { 0 };
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL) {
		if (from != NULL)
			msg_warn("%s: cannot read %s: %s", from, path,
			    strerror(errno));
		else
			msg_warn("%s: %s", path, strerror(errno));
		(*errors)++;
		return NULL;
	}
	do {
		buf_reserve(&b, 65536);
		n = fread(b.p + b.len, 1, 65536, f);
		b.len += n;
	} while (n > 0);
	if (ferror(f)) {
		msg_warn("%s: %s", path, strerror(errno));
		(*errors)++;
		fclose(f);
		buf_free(&b);
		return NULL;
	}
	fclose(f);
	buf_putc(&b, '\0');
	*len = b.len - 1;
	return b.p;
}

/* path, or path relative to the folder of file from. */
static char *
relative(const char *from, const char *path)
{
	const char *slash = strrchr(from, '/');
	char *s;
	size_t n;

	if (path[0] == '/' || slash == NULL)
		return xstrdup(path);
	n = (size_t)(slash - from) + strlen(path) + 2;
	s = xmalloc(n);
	snprintf(s, n, "%.*s/%s", (int)(slash - from), from, path);
	return s;
}

static const char *
skip_blank(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Past the blanks at p, but not past end. */
static const char *
skip_blank_to(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* The end of the word at p: the next blank or the end. */
static const char *
word_end(const char *p)
{
	while (*p != '\0' && *p != ' ' && *p != '\t')
		p++;
	return p;
}

/*
 * Call fn(item, len, where, arg) for each line of word list path that is
 * not blank or a comment; returns -1 when it cannot be read.
 */
static int
each_line(const char *path, const char *from, unsigned *errors,
    void (*fn)(const char *, size_t, struct at *, void *), void *arg,
    struct ruleset *rs)
{
	struct at at = { path, 0, NULL, rs, errors };
	char *text, *p, *nl, *end;
	size_t len;

	if ((text = slurp(path, &len, from, errors)) == NULL)
		return -1;
	for (p = text; p < text + len; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(text + len - p))) == NULL)
			nl = text + len;
		*nl = '\0';
		at.line++;
		at.start = p;
		if (memchr(p, '\0', (size_t)(nl - p)) != NULL) {
			bad(&at, p, "a NUL byte");
			continue;
		}
		end = nl;
		if (end > p && end[-1] == '\r')
			*--end = '\0';
		fn(p, (size_t)(end - p), &at, arg);
	}
	free(text);
	return 0;
}

/* A word list's line into the table arg. */
struct list_arg {
	struct phrase_table *t;
	int caseless;
	uint32_t id;
};

static void
list_line(const char *p, size_t n, struct at *at, void *arg)
{
	struct list_arg *la = arg;
	const char *e = p + n, *s = skip_blank_to(p, e);

	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (s == e || *s == '#')
		return;
	if (phrase_add(la->t, s, (size_t)(e - s), la->caseless, la->id) < 0)
		bad(at, s, "not a word or phrase: %.*s", (int)(e - s), s);
}

void
words_load(struct phrase_table *t, const char *path, int caseless,
    unsigned *errors)
{
	struct list_arg la = { t, caseless, 0 };

	each_line(path, NULL, errors, list_line, &la, NULL);
}

long
rules_tag(const struct ruleset *rs, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < rs->ntags; i++)
		if (strlen(rs->tags[i]) == n && memcmp(rs->tags[i], s, n) == 0)
			return (long)i;
	return -1;
}

/* Keys a rule may not name: the record's own, and dtag's built-in ones. */
static const char *const reserved[] = {
	"id", "source", "lines", "bytes", "title", "unit", "parent",
	"chrome", "byline", "dup_of", "similarity", "date", "dates", "place",
	"lang", "words", "sentences", "chars", "include"
};

static uint32_t
tag_of(struct ruleset *rs, const char *s, size_t n)
{
	long t = rules_tag(rs, s, n);

	if (t >= 0)
		return (uint32_t)t;
	rs->tags = xrealloc(rs->tags, (rs->ntags + 1) * sizeof(*rs->tags));
	rs->tags[rs->ntags] = xmalloc(n + 1);
	memcpy(rs->tags[rs->ntags], s, n);
	rs->tags[rs->ntags][n] = '\0';
	return (uint32_t)rs->ntags++;
}

static struct rule *
new_rule(struct ruleset *rs)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->v = xrealloc(rs->v, rs->cap * sizeof(*rs->v));
	}
	memset(&rs->v[rs->n], 0, sizeof(rs->v[0]));
	return &rs->v[rs->n++];
}

/*
 * Read the value at *pp, a word or a "quoted string", into a new string;
 * NULL when there is none (reported).
 */
static char *
read_value(struct at *at, const char **pp, size_t *len)
{
	const char *p = *pp;
	struct buf b = { 0 };

	if (*p == '"') {
		for (p++; *p != '"'; p++) {
			if (*p == '\0') {
				bad(at, *pp, "a quote that does not end");
				buf_free(&b);
				return NULL;
			}
			if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
				p++;
			buf_putc(&b, *p);
		}
		p++;
	} else {
		const char *e = word_end(p);

		buf_append(&b, p, (size_t)(e - p));
		p = e;
	}
	if (b.len == 0) {
		bad(at, *pp, "an empty value");
		buf_free(&b);
		return NULL;
	}
	*pp = p;
	*len = b.len;
	buf_putc(&b, '\0');
	return b.p;
}

/* Read "{N}" at *pp, if there is one, into *min; -1 when it is bad. */
static int
read_min(struct at *at, const char **pp, uint32_t *min)
{
	const char *p = skip_blank(*pp), *q;
	unsigned long v;
	char *end;

	*min = 1;
	if (*p != '{') {
		*pp = p;
		return 0;
	}
	q = p + 1;
	errno = 0;
	v = strtoul(q, &end, 10);
	if (end == q || *q < '0' || *q > '9' || *end != '}' || v < 1 ||
	    v > 1000000 || errno != 0) {
		bad(at, p, "a count is {N}, N from 1 to 1000000");
		return -1;
	}
	*min = (uint32_t)v;
	*pp = end + 1;
	return 0;
}

/* The rest of a line must be blank or a comment. */
static int
line_ends(struct at *at, const char *p)
{
	p = skip_blank(p);
	if (*p != '\0' && *p != '#') {
		bad(at, p, "unexpected text after the rule");
		return -1;
	}
	return 0;
}

/* Make the parts of a regex rule's value: text and $N, ${N}, ${name}. */
static int
value_parts(struct at *at, struct rule *r, const char *vcol)
{
	const char *v = r->value, *p = v, *lit = v;
	uint32_t ncap = 0;
	struct vpart *part;

	pcre2_pattern_info(r->re, PCRE2_INFO_CAPTURECOUNT, &ncap);
	r->parts = xmalloc((strlen(v) + 1) * sizeof(*r->parts));
	while (*p != '\0') {
		const char *q = p + 1;
		long g = -1;

		if (*p != '$') {
			p++;
			continue;
		}
		if (*q >= '0' && *q <= '9') {
			g = *q - '0';
			q++;
		} else if (*q == '{') {
			const char *e = strchr(q, '}');
			char name[128];

			if (e == NULL || e == q + 1 ||
			    (size_t)(e - q - 1) >= sizeof(name)) {
				bad(at, vcol + (p - v), "a ${ without its }");
				return -1;
			}
			memcpy(name, q + 1, (size_t)(e - q - 1));
			name[e - q - 1] = '\0';
			if (name[0] >= '0' && name[0] <= '9')
				g = strtol(name, NULL, 10);
			else
				g = pcre2_substring_number_from_name(r->re,
				    (PCRE2_SPTR)name);
			if (g < 0) {
				bad(at, vcol + (p - v),
				    "no group named %s in the regex", name);
				return -1;
			}
			q = e + 1;
		} else if (*q == '$') {
			part = &r->parts[r->nparts++];
			part->text = lit;
			part->len = (size_t)(q - lit);
			p = lit = q + 1;
			continue;
		} else {
			p++;
			continue;
		}
		if ((uint32_t)g > ncap) {
			bad(at, vcol + (p - v), "no group %ld in the regex", g);
			return -1;
		}
		if (p > lit) {
			part = &r->parts[r->nparts++];
			part->text = lit;
			part->len = (size_t)(p - lit);
		}
		part = &r->parts[r->nparts++];
		part->text = NULL;
		part->len = 0;
		part->group = (uint32_t)g;
		p = lit = q;
	}
	if (p > lit) {
		part = &r->parts[r->nparts++];
		part->text = lit;
		part->len = (size_t)(p - lit);
	}
	return 0;
}

/* Read /REGEX/FLAGS at p into r; returns where it ends, NULL if bad. */
static const char *
read_regex(struct at *at, const char *p, struct rule *r)
{
	const char *start = p + 1, *q;
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
	PCRE2_SIZE erroff;
	int err;

	for (q = start; *q != '/'; q++) {
		if (*q == '\0') {
			bad(at, p, "a regex without its closing /");
			return NULL;
		}
		if (*q == '\\' && q[1] != '\0')
			q++;
	}
	for (p = q + 1; *p != '\0' && *p != ' ' && *p != '\t' && *p != '{';
	    p++) {
		switch (*p) {
		case 'i':
			opts |= PCRE2_CASELESS;
			break;
		case 'm':
			opts |= PCRE2_MULTILINE;
			break;
		case 's':
			opts |= PCRE2_DOTALL;
			break;
		case 'x':
			opts |= PCRE2_EXTENDED;
			break;
		default:
			bad(at, p, "unknown flag %c (flags are i, m, s, x)",
			    *p);
			return NULL;
		}
	}
	r->re = pcre2_compile((PCRE2_SPTR)start, (PCRE2_SIZE)(q - start),
	    opts, &err, &erroff, NULL);
	if (r->re == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof(msg));
		bad(at, start + erroff, "%s", (const char *)msg);
		return NULL;
	}
	(void)pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE);
	return p;
}

struct rule_arg;
static void load(struct ruleset *rs, const char *path, const char *from,
    const struct rule_arg *up, unsigned *errors);

/* One item list's lines, a word list named by @FILE. */
static void
item_line(const char *p, size_t n, struct at *at, void *arg)
{
	list_line(p, n, at, arg);
}

/* Add the items of "= a, b, @file" at p (without the final {N}). */
static void
read_items(struct at *at, const char *p, const char *end, int caseless,
    uint32_t id)
{
	struct list_arg la = { &at->rs->words, caseless, id };
	const char *comma, *s, *e;

	for (;;) {
		if ((comma = memchr(p, ',', (size_t)(end - p))) == NULL)
			comma = end;
		s = skip_blank_to(p, comma);
		for (e = comma; e > s && (e[-1] == ' ' || e[-1] == '\t'); e--)
			;
		if (s == e)
			bad(at, s, "an empty item");
		else if (*s == '@') {
			char name[4096], *path;

			if ((size_t)(e - s) >= sizeof(name))
				bad(at, s, "a file name too long");
			else {
				memcpy(name, s + 1, (size_t)(e - s - 1));
				name[e - s - 1] = '\0';
				char from[4200];

				snprintf(from, sizeof(from), "%s:%u", at->file,
				    at->line);
				path = relative(at->file, name);
				each_line(path, from, at->errors, item_line, &la,
				    at->rs);
				free(path);
			}
		} else if (phrase_add(la.t, s, (size_t)(e - s), caseless, id) < 0)
			bad(at, s, "not a word or phrase: %.*s", (int)(e - s),
			    s);
		if (comma == end)
			break;
		p = comma + 1;
	}
}

/* Where the items of a word rule end: before a comment or {N}. */
static const char *
items_end(const char *p)
{
	const char *e = p + strlen(p), *hash;

	for (hash = p; (hash = strchr(hash, '#')) != NULL; hash++)
		if (hash == p || hash[-1] == ' ' || hash[-1] == '\t') {
			e = hash;
			break;
		}
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e > p && e[-1] == '}') {
		const char *b = e;

		while (b > p && b[-1] != '{')
			b--;
		if (b > p)
			e = b - 1;
	}
	return e;
}

/* One line of a rule file: the file and those that include it. */
struct rule_arg {
	int depth;
	const struct rule_arg *up;	/* the file that included this */
	dev_t dev;			/* this file's, when known (known) */
	ino_t ino;
	int known;
};

/* Whether path is the file of ra or of one that includes it. */
static int
including(const struct rule_arg *ra, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return 0;	/* reading it will tell */
	for (; ra != NULL; ra = ra->up)
		if (ra->known && ra->dev == st.st_dev && ra->ino == st.st_ino)
			return 1;
	return 0;
}

static void
rule_line(const char *line, size_t n, struct at *at, void *arg)
{
	struct rule_arg *ra = arg;
	struct ruleset *rs = at->rs;
	const char *p = skip_blank(line), *e, *vcol;
	struct rule *r;
	size_t i, vlen;
	char *value;

	(void)n;
	if (*p == '\0' || *p == '#')
		return;
	e = word_end(p);
	if ((size_t)(e - p) == 7 && memcmp(p, "include", 7) == 0) {
		const char *f = skip_blank(e);
		char name[4096], *path;

		e = word_end(f);
		if (f == e || (size_t)(e - f) >= sizeof(name)) {
			bad(at, f, "include needs a file name");
			return;
		}
		memcpy(name, f, (size_t)(e - f));
		name[e - f] = '\0';
		if (line_ends(at, e) < 0)
			return;
		if (ra->depth >= INCLUDE_DEPTH) {
			bad(at, f, "includes nested more than %d deep",
			    INCLUDE_DEPTH);
			return;
		}
		path = relative(at->file, name);
		if (including(ra, path))
			bad(at, f, "%s includes itself", path);
		else {
			char from[4200];

			snprintf(from, sizeof(from), "%s:%u", at->file,
			    at->line);
			load(rs, path, from, ra, at->errors);
		}
		free(path);
		return;
	}
	if (!key_valid(p, (size_t)(e - p))) {
		bad(at, p, "a tag is a name of a-z, 0-9 and _: %.*s",
		    (int)(e - p), p);
		return;
	}
	for (i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
		if (strlen(reserved[i]) == (size_t)(e - p) &&
		    memcmp(reserved[i], p, (size_t)(e - p)) == 0) {
			bad(at, p, "%s is not a tag rules can give",
			    reserved[i]);
			return;
		}
	vcol = skip_blank(e);
	if (vcol == e || *vcol == '\0') {
		bad(at, vcol, "a rule is TAG VALUE MATCHER");
		return;
	}
	p = vcol;
	if ((value = read_value(at, &p, &vlen)) == NULL)
		return;
	if (*vcol == '"')
		vcol++;
	r = new_rule(rs);
	r->tag = tag_of(rs, line + (skip_blank(line) - line),
	    (size_t)(e - skip_blank(line)));
	r->value = value;
	r->valuelen = vlen;
	p = skip_blank(p);
	if (*p == '/') {
		if ((p = read_regex(at, p, r)) == NULL ||
		    value_parts(at, r, vcol) < 0 || read_min(at, &p, &r->min) < 0 ||
		    line_ends(at, p) < 0)
			goto fail;
	} else if (*p == '=') {
		int caseless = p[1] != '=';
		const char *end;

		p += caseless ? 1 : 2;
		end = items_end(p);
		if (skip_blank_to(p, end) == end) {
			bad(at, p, "no words after =");
			goto fail;
		}
		read_items(at, p, end, caseless, (uint32_t)(rs->n - 1));
		p = end;
		if (read_min(at, &p, &r->min) < 0 || line_ends(at, p) < 0)
			goto fail;
	} else {
		bad(at, p, "expected /REGEX/, = or == after the value");
		goto fail;
	}
	{
		size_t n = strlen(at->file) + 16;

		r->where = xmalloc(n);
		snprintf(r->where, n, "%s:%u", at->file, at->line);
	}
	return;
fail:
	/* The rule stays, matching nothing: the run stops before tagging. */
	return;
}

/* Read the rule file path, included by up (NULL: named by -r). */
static void
load(struct ruleset *rs, const char *path, const char *from,
    const struct rule_arg *up, unsigned *errors)
{
	struct rule_arg ra = { up != NULL ? up->depth + 1 : 0, up, 0, 0, 0 };
	struct stat st;

	if (stat(path, &st) == 0) {
		ra.dev = st.st_dev;
		ra.ino = st.st_ino;
		ra.known = 1;
	}
	each_line(path, from, errors, rule_line, &ra, rs);
}

void
rules_load(struct ruleset *rs, const char *path)
{
	load(rs, path, NULL, NULL, &rs->errors);
}

void
rules_build(struct ruleset *rs)
{
	size_t i;

	phrase_build(&rs->words);
	free(rs->regex);
	rs->regex = xmalloc((rs->n + 1) * sizeof(*rs->regex));
	rs->nregex = 0;
	for (i = 0; i < rs->n; i++)
		if (rs->v[i].re != NULL)
			rs->regex[rs->nregex++] = (uint32_t)i;
}

void
rules_free(struct ruleset *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free((char *)rs->v[i].value);
		free(rs->v[i].parts);
		free(rs->v[i].where);
		pcre2_code_free(rs->v[i].re);
	}
	for (i = 0; i < rs->ntags; i++)
		free(rs->tags[i]);
	free(rs->tags);
	free(rs->v);
	free(rs->regex);
	phrase_free(&rs->words);
	memset(rs, 0, sizeof(*rs));
}
