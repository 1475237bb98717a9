/*
 * Unit tests for cmd/dsplit/html.c: the text of HTML as lines, joined
 * here with '\n' so that a check reads like the text it wants.
 */
#include <string.h>

#include "buf.h"
#include "check.h"
#include "html.h"

/* The lines of the text of html, each ended by '\n'. */
static const char *
text_of(const char *html)
{
	static struct buf text, out;
	static struct html_lines lines;
	size_t i;

	html_text(html, strlen(html), &text, &lines);
	out.len = 0;
	for (i = 0; i < lines.n; i++) {
		buf_append(&out, text.p + lines.v[i].off, lines.v[i].len);
		buf_putc(&out, '\n');
	}
	buf_putc(&out, '\0');
	return out.p;
}

#define IS(html, want) (strcmp(text_of(html), (want)) == 0)

static void
test_blocks(void)
{
	CHECK("paragraphs apart by a blank line",
	    IS("<p>One.</p><p>Two.</p>", "One.\n\nTwo.\n"));
	CHECK("br and li start lines",
	    IS("<ul><li>a</li><li>b<br>c</li></ul>", "a\nb\nc\n"));
	CHECK("inline tags are dropped, words kept apart by spaces only",
	    IS("<p>a <b>bold</b><i>er</i> word</p>", "a bolder word\n"));
	CHECK("white space collapses",
	    IS("<p>  a \n\t b  </p>", "a b\n"));
	CHECK("a heading and its body",
	    IS("<h1>Title</h1>\n<div><p>Body one.</p></div>",
	    "Title\n\nBody one.\n"));
	CHECK("no blank lines at either end",
	    IS("<div><p></p><p>x</p><div></div></div>", "x\n"));
	CHECK("pre keeps its lines and spaces",
	    IS("<pre>a  b\nc\n\nd</pre>", "a  b\nc\n\nd\n"));
}

static void
test_left_out(void)
{
	CHECK("head, script and style are left out",
	    IS("<html><head><title>T</title><style>p{}</style></head>"
	    "<body><script>var x = '<p>';</script><p>Text</p></body>",
	    "Text\n"));
	CHECK("comments are left out",
	    IS("<p>a<!-- <p>not</p> -->b</p>", "ab\n"));
	CHECK("a '>' in a quoted attribute does not end the tag",
	    IS("<p title=\"a>b\">x</p>", "x\n"));
	CHECK("a '<' that opens no tag is text",
	    IS("<p>1 < 2 and 3 <4</p>", "1 < 2 and 3 <4\n"));
	CHECK("an unclosed script leaves the rest out",
	    IS("<p>a</p><script>b", "a\n"));
	CHECK("doctype and processing instructions are dropped",
	    IS("<!DOCTYPE html><?xml x?><p>a</p>", "a\n"));
	CHECK("upper-case tags are tags",
	    IS("<P>a</P><SCRIPT>x</SCRIPT><P>b", "a\n\nb\n"));
}

static void
test_references(void)
{
	CHECK("named references",
	    IS("<p>a &amp; b &lt;c&gt; &quot;d&quot;</p>",
	    "a & b <c> \"d\"\n"));
	CHECK("typographic references",
	    IS("<p>It&rsquo;s &ldquo;x&rdquo; &mdash; y&hellip;</p>",
	    "It\xe2\x80\x99s \xe2\x80\x9cx\xe2\x80\x9d \xe2\x80\x94 y"
	    "\xe2\x80\xa6\n"));
	CHECK("numeric references, decimal and hex",
	    IS("<p>&#65;&#x42;&#8217;&#X1F600;</p>",
	    "AB\xe2\x80\x99\xf0\x9f\x98\x80\n"));
	CHECK("a reference to no character is U+FFFD",
	    IS("<p>&#0;&#xD800;&#1114112;</p>",
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\n"));
	CHECK("unknown and bare ampersands stay",
	    IS("<p>AT&T &foo; & &#;</p>", "AT&T &foo; & &#;\n"));
	CHECK("&nbsp; is a space",
	    IS("<p>a&nbsp;b</p>", "a b\n"));
}

/* Each line knows the bytes of HTML it came from. */
static void
test_sources(void)
{
	static struct buf text;
	static struct html_lines lines;
	const char *html = "<p>first</p>\n<p>second <b>line</b></p>";

	html_text(html, strlen(html), &text, &lines);
	CHECK("sources: three lines, one blank", lines.n == 3 &&
	    lines.v[1].len == 0);
	CHECK("sources: the first line's bytes",
	    lines.v[0].src == 3 && lines.v[0].src_end == 8);
	CHECK("sources: the last line's bytes",
	    lines.n == 3 && lines.v[2].src == 16 &&
	    lines.v[2].src_end == 30);
	html_lines_free(&lines);
	buf_free(&text);
}

int
main(void)
{
	test_blocks();
	test_left_out();
	test_references();
	test_sources();
	return check_status();
}
