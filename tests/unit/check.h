/*
 * check.h: a minimal harness for the unit tests.  CHECK(name, cond)
 * prints "ok FILE: name" or "FAIL FILE: name (line N)"; main returns
 * check_status().
 */
#ifndef CHECK_H
#define CHECK_H

#include <stdio.h>

static int check_failures;

#define CHECK(name, cond) do { \
	if (cond) \
		printf("ok %s: %s\n", __FILE__, (name)); \
	else { \
		printf("FAIL %s: %s (line %d: %s)\n", __FILE__, (name), \
		    __LINE__, #cond); \
		check_failures++; \
	} \
} while (0)

static inline int
check_status(void)
{
	return check_failures ? 1 : 0;
}

#endif
