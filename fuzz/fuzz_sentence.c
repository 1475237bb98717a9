/*
 * fuzz_sentence.c: the sentence splitter, common/sentence.h.
 *
 * The fuzz bytes are the text, split with sentence_space() and
 * sentence_len() in the loop sentence.h shows (as unit.c splits a
 * paragraph).  Beside what the sanitizers catch (sentence_len() reads
 * eight bytes at a time; libFuzzer's buffer is exactly the input), the
 * promises of sentence.h are checked: each step makes progress within
 * the text, and a sentence neither starts nor ends with white space.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>

#include "msg.h"
#include "sentence.h"

#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init("fuzz_sentence");
	sentence_init();
	return 0;
}

static int
ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t n = size, k, len;

	while ((k = sentence_space(s, n)) < n) {
		s += k;
		n -= k;
		len = sentence_len(s, n);
		if (len == 0 || len > n)
			fuzz_fail("sentence_len: %zu of %zu bytes, at byte %zu",
			    len, n, (size_t)(s - (const char *)data));
		if (sentence_space(s, len) != 0)
			fuzz_fail("a sentence starts with white space, at"
			    " byte %zu", (size_t)(s - (const char *)data));
		if (ascii_space(s[len - 1]))
			fuzz_fail("a sentence ends with white space, at"
			    " byte %zu", (size_t)(s - (const char *)data) +
			    len - 1);
		s += len;
		n -= len;
	}
	if (k > n)
		fuzz_fail("sentence_space: %zu of %zu bytes", k, n);
	return 0;
}
