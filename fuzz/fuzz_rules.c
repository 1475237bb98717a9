/*
 * fuzz_rules.c: dtag's rule files and word lists (cmd/dtag/rules.h).
 *
 * rules_load() reads a file by name, and so do the "include FILE" lines
 * and "@FILE" items of a rule file, relative to its folder: the fuzz
 * bytes are written to main.rules in a folder of this process's own,
 * beside a rule file and a word list of fixed content for them to name
 * (inc.rules, list.words).  Each input is loaded as a rule file
 * (rules_load, rules_build, rules_free), then as a word list
 * (words_load, phrase_build, phrase_free).  Bad lines are reported and
 * counted, never fatal: a call of exit() is a crash to libFuzzer.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "phrase.h"
#include "rules.h"

#include "fuzz.h"

static const char inc_rules[] =
    "# included by the fuzz input\n"
    "topic trade = trade, tariff, @list.words\n"
    "person $1 /Ambassador (\\w+)/ {2}\n";
static const char list_words[] =
    "# a word list named by @list.words\n"
    "Geneva\n"
    "World Trade Organization\n"
    "  U.S.  \n";

static char dir[4096], main_path[4200], inc_path[4200], list_path[4200];

static void
write_file(const char *path, const void *p, size_t n)
{
	const char *s = p;
	ssize_t w;
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) < 0)
		fuzz_fail("%s: %s", path, strerror(errno));
	while (n > 0) {
		if ((w = write(fd, s, n)) < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			fuzz_fail("%s: %s", path, strerror(errno));
		s += w;
		n -= (size_t)w;
	}
	if (close(fd) < 0)
		fuzz_fail("%s: %s", path, strerror(errno));
}

static void
remove_dir(void)
{
	unlink(main_path);
	unlink(inc_path);
	unlink(list_path);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	fuzz_init("fuzz_rules");
	snprintf(dir, sizeof(dir), "%s/fuzz_rules.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		fuzz_fail("mkdtemp %s: %s", dir, strerror(errno));
	snprintf(main_path, sizeof(main_path), "%s/main.rules", dir);
	snprintf(inc_path, sizeof(inc_path), "%s/inc.rules", dir);
	snprintf(list_path, sizeof(list_path), "%s/list.words", dir);
	write_file(inc_path, inc_rules, sizeof(inc_rules) - 1);
	write_file(list_path, list_words, sizeof(list_words) - 1);
	atexit(remove_dir);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct phrase_table words;
	struct ruleset rs;
	unsigned errors = 0;
	size_t i;

	write_file(main_path, data, size);

	memset(&rs, 0, sizeof(rs));
	rules_load(&rs, main_path);
	rules_build(&rs);
	for (i = 0; i < rs.n; i++)
		if (rs.v[i].tag >= rs.ntags)
			fuzz_fail("rule %zu has tag %u of %zu", i,
			    rs.v[i].tag, rs.ntags);
	rules_free(&rs);

	memset(&words, 0, sizeof(words));
	words_load(&words, main_path, size > 0 && data[0] & 1, &errors);
	phrase_build(&words);
	phrase_free(&words);
	return 0;
}
