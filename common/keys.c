/* keys.c: the standard keys of dstream(5) and what they hold. */
#include <string.h>

#include "keys.h"

static const struct {
	const char *key;
	enum key_kind kind;
} standard_keys[] = {
	{ "lines", KEY_RANGE },
	{ "bytes", KEY_RANGE },
	{ "chrome", KEY_LIST },
	{ "byline", KEY_LIST },
	{ "person", KEY_LIST },
	{ "org", KEY_LIST },
	{ "country", KEY_LIST },
	{ "topic", KEY_LIST },
	{ "dates", KEY_LIST },
	{ "words", KEY_NUMBER },
	{ "sentences", KEY_NUMBER },
	{ "chars", KEY_NUMBER },
	{ "similarity", KEY_NUMBER },
};

enum key_kind
key_kind(const char *key, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(standard_keys) / sizeof(standard_keys[0]); i++)
		if (strlen(standard_keys[i].key) == len &&
		    memcmp(standard_keys[i].key, key, len) == 0)
			return standard_keys[i].kind;
	return KEY_STRING;
}
