/*
 * html.c: the text of an HTML page, a small tolerant scanner rather than
 * a parser: it never fails, whatever the markup.
 *
 * Tags are dropped.  The contents of head, script, style, noscript,
 * template and svg, and comments, are left out.  A block element starts
 * a new paragraph (a blank line before it); br, li, tr, td, th, dt and dd
 * start a new line.  Runs of white space are one space, except in pre.
 * Character references (&amp; &#8217; &#x2019;, and the common names)
 * are decoded; others are left as they are.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"

enum brk { BRK_NONE, BRK_LINE, BRK_PARA };

/* Elements whose contents are not text. */
static const char *const skipped[] = {
	"head", "script", "style", "noscript", "template", "svg", NULL
};

/* Elements that are paragraphs, and those that are lines. */
static const char *const paragraphs[] = {
	"address", "article", "aside", "blockquote", "body", "caption",
	"center", "details", "dialog", "div", "dl", "fieldset",
	"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "header", "hgroup", "hr", "html", "main", "nav", "ol",
	"p", "pre", "section", "summary", "table", "ul", NULL
};
static const char *const lines[] = {
	"br", "dd", "dt", "li", "td", "th", "tr", NULL
};

static const struct entity {
	const char *name;
	const char *utf8;
} entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
	{ "apos", "'" }, { "nbsp", " " }, { "ndash", "\xe2\x80\x93" },
	{ "mdash", "\xe2\x80\x94" }, { "hellip", "\xe2\x80\xa6" },
	{ "lsquo", "\xe2\x80\x98" }, { "rsquo", "\xe2\x80\x99" },
	{ "ldquo", "\xe2\x80\x9c" }, { "rdquo", "\xe2\x80\x9d" },
	{ "laquo", "\xc2\xab" }, { "raquo", "\xc2\xbb" },
	{ "copy", "\xc2\xa9" }, { "reg", "\xc2\xae" },
	{ "trade", "\xe2\x84\xa2" }, { "middot", "\xc2\xb7" },
	{ "bull", "\xe2\x80\xa2" }, { "deg", "\xc2\xb0" },
	{ "euro", "\xe2\x82\xac" }, { "pound", "\xc2\xa3" },
	{ "times", "\xc3\x97" }, { NULL, NULL }
};

struct scan {
	struct buf *text;
	struct html_lines *lines;
	size_t line;		/* where the current line starts in text */
	size_t src;		/* and in the HTML */
	size_t src_end;		/* the end of its last text in the HTML */
	int space;		/* white space seen since the last text */
	enum brk brk;		/* a break seen since the last text */
	int pre;		/* inside pre */
	int blank;		/* the last line written was blank */
};

static int
in_list(const char *const *list, const char *name, size_t n)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncasecmp(*list, name, n) == 0)
			return 1;
	return 0;
}

/* End the current line (even empty) at text's end. */
static void
end_line(struct scan *sc)
{
	struct html_lines *l = sc->lines;
	struct html_line *hl;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	hl = &l->v[l->n++];
	hl->off = sc->line;
	hl->len = sc->text->len - sc->line;
	hl->src = sc->src;
	hl->src_end = sc->src_end;
	sc->blank = hl->len == 0;
	sc->line = sc->text->len;
	sc->src = sc->src_end;
}

/* Append text s[0..n), from HTML bytes at..end, after the breaks due. */
static void
put_text(struct scan *sc, const char *s, size_t n, size_t at, size_t end)
{
	int empty = sc->text->len == sc->line;

	if (sc->brk != BRK_NONE && !(empty && sc->lines->n == 0)) {
		if (!empty)
			end_line(sc);
		if (sc->brk == BRK_PARA && !sc->blank)
			end_line(sc);
		empty = 1;
	} else if (sc->space && !empty)
		buf_putc(sc->text, ' ');
	if (empty)
		sc->src = at;
	sc->brk = BRK_NONE;
	sc->space = 0;
	buf_append(sc->text, s, n);
	sc->src_end = end;
}

/* Append code point c as UTF-8 to b (U+FFFD when it is not a char). */
static void
put_utf8(char *b, size_t *n, unsigned long c)
{
	if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	if (c < 0x80) {
		b[(*n)++] = (char)c;
	} else if (c < 0x800) {
		b[(*n)++] = (char)(0xC0 | c >> 6);
		b[(*n)++] = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		b[(*n)++] = (char)(0xE0 | c >> 12);
		b[(*n)++] = (char)(0x80 | (c >> 6 & 0x3F));
		b[(*n)++] = (char)(0x80 | (c & 0x3F));
	} else {
		b[(*n)++] = (char)(0xF0 | c >> 18);
		b[(*n)++] = (char)(0x80 | (c >> 12 & 0x3F));
		b[(*n)++] = (char)(0x80 | (c >> 6 & 0x3F));
		b[(*n)++] = (char)(0x80 | (c & 0x3F));
	}
}

/*
 * The character reference at s[0..n) (s[0] is '&'): its UTF-8 in out
 * (*outlen bytes), and its length in s; 0 when it is none.
 */
static size_t
reference(const char *s, size_t n, char *out, size_t *outlen)
{
	const struct entity *e;
	unsigned long c = 0;
	size_t i = 1, digits = 0, k;
	int hex;

	*outlen = 0;
	if (i < n && s[i] == '#') {
		hex = ++i < n && (s[i] == 'x' || s[i] == 'X');
		i += (size_t)hex;
		for (; i < n && digits < 8 && (hex ? isxdigit((unsigned char)
		    s[i]) : isdigit((unsigned char)s[i])); i++, digits++)
			c = c * (hex ? 16 : 10) + (unsigned long)(isdigit(
			    (unsigned char)s[i]) ? s[i] - '0' :
			    (tolower((unsigned char)s[i]) - 'a' + 10));
		if (digits == 0)
			return 0;
		put_utf8(out, outlen, c);
		return i < n && s[i] == ';' ? i + 1 : i;
	}
	for (e = entities; e->name != NULL; e++) {
		k = strlen(e->name);
		if (n > k + 1 && memcmp(s + 1, e->name, k) == 0 &&
		    s[k + 1] == ';') {
			*outlen = strlen(e->utf8);
			memcpy(out, e->utf8, *outlen);
			return k + 2;
		}
	}
	return 0;
}

/* The end of the tag that starts at s[i] ('<'), quoted values skipped. */
static size_t
tag_end(const char *s, size_t n, size_t i)
{
	char q = 0;

	for (i++; i < n; i++) {
		if (q != 0) {
			if (s[i] == q)
				q = 0;
		} else if (s[i] == '"' || s[i] == '\'')
			q = s[i];
		else if (s[i] == '>')
			return i + 1;
	}
	return n;
}

/* The end of the element name at s[i..n) (after "</"), skipped to. */
static size_t
skip_element(const char *s, size_t n, size_t i, const char *name,
    size_t len)
{
	for (; i + 2 + len <= n; i++)
		if (s[i] == '<' && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, len) == 0 &&
		    !isalnum((unsigned char)s[i + 2 + len]))
			return tag_end(s, n, i);
	return n;
}

/* Handle the markup at s[i] ('<'); returns where the text goes on. */
static size_t
markup(struct scan *sc, const char *s, size_t n, size_t i)
{
	const char *name, *end;
	size_t len, after;
	int closing;

	if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
		end = NULL;
		for (after = i + 4; after + 3 <= n; after++)
			if (memcmp(s + after, "-->", 3) == 0) {
				end = s + after + 3;
				break;
			}
		return end != NULL ? (size_t)(end - s) : n;
	}
	if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?'))
		return tag_end(s, n, i);
	closing = i + 1 < n && s[i + 1] == '/';
	name = s + i + 1 + closing;
	for (len = 0; name + len < s + n && isalnum((unsigned char)name[len]);
	    len++)
		continue;
	if (len == 0 || !isalpha((unsigned char)name[0]))
		return i;		/* not a tag: a '<' of the text */
	after = tag_end(s, n, i);
	if (!closing && in_list(skipped, name, len))
		return skip_element(s, n, after, name, len);
	if (len == 3 && strncasecmp(name, "pre", 3) == 0)
		sc->pre = !closing;
	if (in_list(paragraphs, name, len))
		sc->brk = BRK_PARA;
	else if (in_list(lines, name, len) && sc->brk == BRK_NONE)
		sc->brk = BRK_LINE;
	return after;
}

void
html_text(const char *s, size_t n, struct buf *text,
    struct html_lines *lines)
{
	struct scan sc;
	char ref[8];
	size_t i = 0, next, k, reflen;

	memset(&sc, 0, sizeof(sc));
	sc.text = text;
	sc.lines = lines;
	text->len = 0;
	lines->n = 0;
	while (i < n) {
		if (s[i] == '<' && (next = markup(&sc, s, n, i)) != i) {
			i = next;
			continue;
		}
		if (s[i] == '&' && (k = reference(s + i, n - i, ref,
		    &reflen)) > 0) {
			put_text(&sc, ref, reflen, i, i + k);
			i += k;
			continue;
		}
		if (s[i] == '\n' && sc.pre) {	/* a second one: a blank */
			sc.brk = sc.brk == BRK_NONE ? BRK_LINE : BRK_PARA;
			i++;
			continue;
		}
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r' || s[i] == '\f') {
			if (sc.pre && s[i] != '\r')
				put_text(&sc, s + i, 1, i, i + 1);
			else
				sc.space = 1;
			i++;
			continue;
		}
		for (k = i + 1; k < n && s[k] != '<' && s[k] != '&' &&
		    s[k] != ' ' && s[k] != '\t' && s[k] != '\n' &&
		    s[k] != '\r' && s[k] != '\f'; k++)
			continue;
		put_text(&sc, s + i, k - i, i, k);
		i = k;
	}
	if (sc.text->len > sc.line)
		end_line(&sc);
	while (lines->n > 0 && lines->v[lines->n - 1].len == 0)
		lines->n--;	/* no blank lines at the end */
}

void
html_lines_free(struct html_lines *lines)
{
	free(lines->v);
	memset(lines, 0, sizeof(*lines));
}
