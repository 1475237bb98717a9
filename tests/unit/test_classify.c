/*
 * Unit tests for cmd/dsplit/classify.c: the word count, which is made 64,
 * 16 or 8 bytes at a time, against a count made byte by byte.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "line.h"

#define MAX_WORDS 41	/* as in classify.c */

/* Words (runs of bytes other than space and tab) and #hashtags. */
static unsigned
naive_words(const char *s, size_t n, unsigned *hashtags)
{
	unsigned words = 0;
	size_t i;
	int in = 0;

	*hashtags = 0;
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			in = 0;
		} else if (!in) {
			in = 1;
			words++;
			*hashtags += s[i] == '#';
		}
	}
	return words;
}

int
main(void)
{
	static const char alphabet[] = "  \t#ab#cdefghij,.";
	char s[400];
	struct line l;
	unsigned hashtags, want, bad = 0, badtags = 0, t;
	size_t n, i;

	srand(7);
	for (t = 0; t < 20000; t++) {
		n = (size_t)rand() % 300;
		for (i = 0; i < n; i++)
			s[i] = alphabet[rand() % (int)(sizeof(alphabet) - 1)];
		if (t % 3 == 0)		/* long words too */
			for (i = 0; i < n; i++)
				if (s[i] == ' ' && rand() % 4)
					s[i] = 'x';
		memset(&l, 0, sizeof(l));
		l.len = n;
		line_classify(&l, s);
		want = naive_words(s, n, &hashtags);
		if (l.words != (want > MAX_WORDS ? MAX_WORDS : want))
			bad++;
		if (want > 0 && want <= MAX_WORDS && !(l.flags & LF_SEPARATOR) &&
		    !!(l.flags & LF_HASHTAGS) != (hashtags * 2 >= want &&
		    hashtags > 0))
			badtags++;
	}
	CHECK("word counts agree with a byte-by-byte count", bad == 0);
	CHECK("hashtag lines agree with a byte-by-byte count", badtags == 0);
	l.len = 0;
	line_classify(&l, "");
	CHECK("an empty line is blank", l.words == 0 && l.flags == LF_BLANK);
	return check_status();
}
