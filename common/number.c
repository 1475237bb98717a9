/* number.c: bounded parsing of numbers given as option arguments. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "number.h"

static long long
check_range(long long v, long long min, long long max, const char **errstr)
{
	if (v < min) {
		*errstr = "too small";
		return 0;
	}
	if (v > max) {
		*errstr = "too large";
		return 0;
	}
	*errstr = NULL;
	return v;
}

long long
num_parse(const char *s, long long min, long long max, const char **errstr)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0') {
		*errstr = "invalid";
		return 0;
	}
	if (errno == ERANGE) {
		*errstr = v < 0 ? "too small" : "too large";
		return 0;
	}
	return check_range(v, min, max, errstr);
}

long long
num_parse_size(const char *s, long long min, long long max,
    const char **errstr)
{
	char *end;
	long long v, mult = 1;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || v < 0) {
		*errstr = "invalid";
		return 0;
	}
	switch (*end) {
	case 'k': case 'K': mult = 1LL << 10; end++; break;
	case 'm': case 'M': mult = 1LL << 20; end++; break;
	case 'g': case 'G': mult = 1LL << 30; end++; break;
	case 't': case 'T': mult = 1LL << 40; end++; break;
	default: break;
	}
	if (*end != '\0') {
		*errstr = "invalid";
		return 0;
	}
	if (errno == ERANGE || v > LLONG_MAX / mult) {
		*errstr = "too large";
		return 0;
	}
	return check_range(v * mult, min, max, errstr);
}

double
num_parse_real(const char *s, double min, double max, const char **errstr)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || errno == ERANGE || v != v) {
		*errstr = "invalid";
		return 0;
	}
	if (v < min) {
		*errstr = "too small";
		return 0;
	}
	if (v > max) {
		*errstr = "too large";
		return 0;
	}
	*errstr = NULL;
	return v;
}
