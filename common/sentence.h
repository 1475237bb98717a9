/*
 * sentence.h: split English text into sentences by rule, in one pass,
 * without allocating.  The rules are described at the top of sentence.c;
 * the words they use (abbreviations, sentence openers, joining words,
 * calendar words) are one table in sentence_words.c.
 *
 * Text is UTF-8.  A sentence never starts or ends with white space; the
 * caller skips the white space between sentences:
 *
 *	while ((k = sentence_space(s, n)) < n) {
 *		s += k;
 *		n -= k;
 *		len = sentence_len(s, n);
 *		use(s, len);
 *		s += len;
 *		n -= len;
 *	}
 */
#ifndef SENTENCE_H
#define SENTENCE_H

#include <stddef.h>

/*
 * Length of the first sentence of s[0..n): up to and including its final
 * punctuation and any closing quotes or brackets, without the white space
 * after it.  n, less any trailing white space, when the text holds one
 * sentence.  s should start with the sentence (white space at the start
 * is counted in); 0 only when s[0..n) is all white space.
 */
size_t sentence_len(const char *s, size_t n);

/*
 * Build the splitter's word table, which is otherwise built on first
 * use: call it before threads split sentences.
 */
void sentence_init(void);

/*
 * Length of the white space at the start of s[0..n): ASCII white space,
 * U+00A0, U+2000..U+200A, U+202F, U+205F and U+3000.
 */
size_t sentence_space(const char *s, size_t n);

/* What a word of the table is to the splitter. */
enum sentence_word_kind {
	ABBR_INNER = 1,	/* never ends a sentence: Mr., Dr., Gen., e.g. */
	ABBR_NUMBER,	/* goes before a number: No. 5, Art. 370, pp. 12 */
	ABBR_FINAL,	/* often ends one: etc., Inc., Ltd., a.m. */
	ABBR_NAME,	/* part of a name or date: U.S., Jan., St. */
	WORD_OPENER,	/* starts sentences: The, He, However */
	WORD_JOIN,	/* a line ending with it goes on: and, of, the */
	WORD_CALENDAR	/* months, weekdays, time zones: Monday, GMT */
};

/*
 * The longest word of the table, and the longest abbreviation with its
 * period; the unit test checks both.
 */
#define SENTENCE_WORD_MAX 16
#define SENTENCE_ABBR_MAX 10
#define SENTENCE_WORDS_MAX 512	/* entries the lookup holds */

struct sentence_word {
	const char *text;	/* abbreviations with their final period */
	enum sentence_word_kind kind;
};

/* The table, in strcmp() order, in sentence_words.c. */
extern const struct sentence_word sentence_words[];
extern const size_t sentence_words_count;

#endif
