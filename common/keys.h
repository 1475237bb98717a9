/*
 * keys.h: what the standard keys of dstream(5) hold, for programs that
 * give values a type (djson's JSON numbers, arrays and ranges).
 */
#ifndef KEYS_H
#define KEYS_H

#include <stddef.h>

enum key_kind {
	KEY_STRING,	/* one string; an array only when it repeats */
	KEY_LIST,	/* may repeat: always an array */
	KEY_NUMBER,	/* a count or a score */
	KEY_RANGE	/* "first-last" */
};

enum key_kind key_kind(const char *key, size_t len);

#endif
