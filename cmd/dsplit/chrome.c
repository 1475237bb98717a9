/*
 * chrome.c: site chrome and bylines, by table.
 *
 * A line is chrome when it is one of the phrases below, or opens with one
 * followed by punctuation or more words (a line of at most 30 words:
 * "Also Read: ...", "Continue reading ..."), compared without regard to
 * case.  Breadcrumbs ("Home > News", "HomeNewsDiplomacy...") are
 * recognised by their shape in classify.c.  The phrases are those common
 * across news and press sites; --chrome-file adds a site's own.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chrome.h"
#include "line.h"

struct phrase {
	const char *text;
	unsigned kind;		/* LF_CHROME_ANY, _TOP or _END */
};

static const struct phrase builtin[] = {
	/* chrome that closes an article */
	{ "Back to top", LF_CHROME_END },
	{ "Cancel reply", LF_CHROME_END },
	{ "Comments", LF_CHROME_END },
	{ "Continue reading", LF_CHROME_END },
	{ "Follow us", LF_CHROME_END },
	{ "Leave a comment", LF_CHROME_END },
	{ "Leave a Reply", LF_CHROME_END },
	{ "Most Popular", LF_CHROME_END },
	{ "Most Read", LF_CHROME_END },
	{ "Post navigation", LF_CHROME_END },
	{ "Previous article", LF_CHROME_END },
	{ "Previous post", LF_CHROME_END },
	{ "Next article", LF_CHROME_END },
	{ "Next post", LF_CHROME_END },
	{ "Older posts", LF_CHROME_END },
	{ "Post a comment", LF_CHROME_END },
	{ "Print this page", LF_CHROME_END },
	{ "Read more", LF_CHROME_END },
	{ "Related Articles", LF_CHROME_END },
	{ "Related News", LF_CHROME_END },
	{ "Related Posts", LF_CHROME_END },
	{ "Related Stories", LF_CHROME_END },
	{ "Share this", LF_CHROME_END },
	{ "Share on", LF_CHROME_END },
	{ "Suggest To a Friend", LF_CHROME_END },
	{ "Tags:", LF_CHROME_END },
	{ "Your email address will not be published", LF_CHROME_END },
	{ "You may also like", LF_CHROME_END },
	/* chrome that opens a page */
	{ "Skip to content", LF_CHROME_TOP },
	{ "You are here", LF_CHROME_TOP },
	/* chrome anywhere */
	{ "Advertisement", LF_CHROME_ANY },
	{ "Also Read", LF_CHROME_ANY },
	{ "Click here", LF_CHROME_ANY },
	{ "Read also", LF_CHROME_ANY },
	{ "Read More:", LF_CHROME_ANY },
	{ "Subscribe to", LF_CHROME_ANY },
};

/* Openings of byline lines: who issued or wrote a release. */
static const char *const bylines[] = {
	"Agencies", "By ", "Consulate General", "Correspondent",
	"Embassy of", "High Commission", "Ministry of", "Monitoring Desk",
	"News Desk", "Office of", "Our Correspondent", "Press Information",
	"Press Release", "Press Wing", "Special Correspondent",
	"Spokesperson", "Staff Correspondent", "Staff Reporter", "Web Desk",
};

static struct phrase *extra;	/* from --chrome-file */
static size_t nextra;

/*
 * The phrases by their first letter (lowercased), --chrome-file's before
 * the built-in ones: bucket[c] to bucket[c + 1] in sorted[].  Most lines
 * open with a letter that no phrase does.
 */
static struct sorted_phrase {
	const char *text;
	size_t len;
	unsigned kind;
} *sorted;
static size_t bucket[257];
static unsigned char byline_first[256];

static void
sort_phrases(void)
{
	size_t nbuiltin = sizeof(builtin) / sizeof(builtin[0]);
	size_t i, c, fill[256];
	const struct phrase *p;

	free(sorted);
	sorted = xmalloc((nextra + nbuiltin) * sizeof(*sorted));
	memset(bucket, 0, sizeof(bucket));
	for (i = 0; i < nextra + nbuiltin; i++) {
		p = i < nextra ? &extra[i] : &builtin[i - nextra];
		bucket[tolower((unsigned char)p->text[0]) + 1]++;
	}
	for (c = 0; c < 256; c++) {
		bucket[c + 1] += bucket[c];
		fill[c] = bucket[c];
	}
	for (i = 0; i < nextra + nbuiltin; i++) {
		p = i < nextra ? &extra[i] : &builtin[i - nextra];
		c = fill[tolower((unsigned char)p->text[0])]++;
		sorted[c].text = p->text;
		sorted[c].len = strlen(p->text);
		sorted[c].kind = p->kind;
	}
	for (i = 0; i < sizeof(bylines) / sizeof(bylines[0]); i++)
		byline_first[tolower((unsigned char)bylines[i][0])] =
		    byline_first[toupper((unsigned char)bylines[i][0])] = 1;
}

/*
 * Nonzero when s[0..n) is phrase p, or opens with it followed by
 * punctuation ("Also Read: ...", "Continue reading “...”"), or by a few
 * more words in a short line ("Follow us on X").  A phrase ending with
 * a space ("By ") opens a line followed by anything.
 */
static int
opens_with(const char *s, size_t n, const char *p, size_t pn,
    unsigned words)
{
	size_t i;

	if (n < pn)
		return 0;
	for (i = 0; i < pn; i++)
		if (tolower((unsigned char)s[i]) != tolower((unsigned char)p[i]))
			return 0;
	if (n == pn || p[pn - 1] == ' ' || p[pn - 1] == ':')
		return 1;
	if (isalnum((unsigned char)s[pn]))
		return 0;
	for (i = pn; i < n && s[i] == ' '; i++)
		continue;
	return i == n || !isalnum((unsigned char)s[i]) || words <= 6;
}

/* s without its leading spaces and tabs; *n is shortened to match. */
static const char *
skip_blanks(const char *s, size_t *n)
{
	while (*n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	return s;
}

void
chrome_ready(void)
{
	if (sorted == NULL)
		sort_phrases();
}

unsigned
chrome_match(const char *s, size_t n, unsigned words)
{
	size_t i, c;

	chrome_ready();
	s = skip_blanks(s, &n);
	if (n == 0 || words > 30)
		return 0;
	c = (size_t)tolower((unsigned char)*s);
	for (i = bucket[c]; i < bucket[c + 1]; i++)
		if (opens_with(s, n, sorted[i].text, sorted[i].len, words))
			return sorted[i].kind;
	return 0;
}

int
byline_match(const char *s, size_t n, unsigned words)
{
	size_t i;

	chrome_ready();
	s = skip_blanks(s, &n);
	if (n == 0 || words > 15 || !byline_first[(unsigned char)*s])
		return 0;
	for (i = 0; i < sizeof(bylines) / sizeof(bylines[0]); i++)
		if ((*s | 0x20) == (bylines[i][0] | 0x20) &&
		    opens_with(s, n, bylines[i], strlen(bylines[i]), 0))
			return 1;
	return 0;
}

int
chrome_load(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *p;
	size_t cap = 0, lineno = 0;
	ssize_t len;
	unsigned kind;

	if (f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (len > 0 && isspace((unsigned char)line[len - 1]))
			line[--len] = '\0';
		p = line;
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		kind = LF_CHROME_ANY;
		if (strncmp(p, "end:", 4) == 0)
			kind = LF_CHROME_END, p += 4;
		else if (strncmp(p, "top:", 4) == 0)
			kind = LF_CHROME_TOP, p += 4;
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0') {
			snprintf(err, errlen, "%s:%zu: empty phrase", path,
			    lineno);
			free(line);
			fclose(f);
			return -1;
		}
		extra = xrealloc(extra, (nextra + 1) * sizeof(*extra));
		extra[nextra].text = xstrdup(p);
		extra[nextra++].kind = kind;
		free(sorted);
		sorted = NULL;
	}
	free(line);
	fclose(f);
	return 0;
}

void
chrome_free(void)
{
	size_t i;

	for (i = 0; i < nextra; i++)
		free((char *)extra[i].text);
	free(extra);
	extra = NULL;
	free(sorted);
	sorted = NULL;
	nextra = 0;
}
