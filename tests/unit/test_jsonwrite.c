/*
 * Unit tests for cmd/djson/jsonwrite.c: what it writes must decode, with
 * jansson, to the input with its ill-formed UTF-8 repaired.
 */
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "djson.h"
#include "utf8.h"

/* Encode s[0..n) and decode it again with jansson; 1 when it matches. */
static int
round_trips(const char *s, size_t n, size_t *nbad)
{
	struct buf want = BUF_INIT;
	struct output o;
	uint64_t bad = 0;
	json_error_t e;
	json_t *v;
	char *back;
	off_t len;
	int fd, ok;

	fd = open("json.out", O_RDWR | O_CREAT | O_TRUNC, 0600);
	out_init(&o, fd, 64);
	json_write_string(&o, s, n, &bad);
	out_flush(&o);
	out_free(&o);
	len = lseek(fd, 0, SEEK_END);
	back = malloc((size_t)len);
	ok = pread(fd, back, (size_t)len, 0) == len;
	close(fd);
	v = json_loadb(back, (size_t)len, JSON_DECODE_ANY | JSON_ALLOW_NUL,
	    &e);
	*nbad = utf8_repair(&want, s, n);
	ok = ok && v != NULL && json_is_string(v) && bad == *nbad &&
	    json_string_length(v) == want.len &&
	    (want.len == 0 ||
	    memcmp(json_string_value(v), want.p, want.len) == 0);
	json_decref(v);
	free(back);
	buf_free(&want);
	return ok;
}

int
main(void)
{
	static const char every[] = "\"\\/\b\f\n\r\t\x01\x1f\x7f end";
	char s[4096];
	size_t i, nbad, total = 0;
	unsigned seed = 7;
	int ok = 1, round;

	CHECK("empty string", round_trips("", 0, &nbad));
	CHECK("every escape", round_trips(every, sizeof(every) - 1, &nbad));
	CHECK("NUL is escaped", round_trips("a\0b", 3, &nbad));
	CHECK("UTF-8 passes", round_trips("\xE2\x80\x9C\xD8\xA7\xF0\x9F\x98"
	    "\x80", 9, &nbad) && nbad == 0);
	CHECK("ill-formed bytes are repaired",
	    round_trips("a\xFF\xC0\xAFz\xED\xA0\x80", 8, &nbad) && nbad == 6);
	for (round = 0; round < 2000 && ok; round++) {
		size_t n = (size_t)(round % 300) + 1;

		for (i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			/* mostly text, some bytes of every kind */
			s[i] = (seed >> 24) % 4 ? (char)(' ' + (seed >> 16) % 90)
			    : (char)(seed >> 16);
		}
		ok = round_trips(s, n, &nbad);
		total += nbad;
	}
	CHECK("2000 random strings decode to their repaired selves",
	    ok && total > 0);
	return check_status();
}
