/* Unit tests for common/number.c. */
#include <string.h>

#include "check.h"
#include "number.h"

int
main(void)
{
	const char *e;
	long long v;
	double d;

	v = num_parse("42", 0, 100, &e);
	CHECK("a number in range", v == 42 && e == NULL);
	num_parse("9x", 0, 100, &e);
	CHECK("trailing junk is invalid", e && strcmp(e, "invalid") == 0);
	num_parse("", 0, 100, &e);
	CHECK("empty is invalid", e && strcmp(e, "invalid") == 0);
	num_parse("101", 0, 100, &e);
	CHECK("above max is too large", e && strcmp(e, "too large") == 0);
	num_parse("-1", 0, 100, &e);
	CHECK("below min is too small", e && strcmp(e, "too small") == 0);
	num_parse("99999999999999999999", 0, 100, &e);
	CHECK("overflow is too large", e && strcmp(e, "too large") == 0);
	v = num_parse_size("64K", 1, 1LL << 40, &e);
	CHECK("64K is 65536", v == 65536 && e == NULL);
	v = num_parse_size("1G", 1, 1LL << 40, &e);
	CHECK("1G is 2^30", v == 1LL << 30 && e == NULL);
	num_parse_size("1Q", 1, 1LL << 40, &e);
	CHECK("unknown suffix is invalid", e && strcmp(e, "invalid") == 0);
	num_parse_size("99999999999T", 1, 1LL << 40, &e);
	CHECK("a size that overflows is too large",
	    e && strcmp(e, "too large") == 0);
	d = num_parse_real("0.8", 0, 1, &e);
	CHECK("0.8 is a fraction", d == 0.8 && e == NULL);
	num_parse_real("1.5", 0, 1, &e);
	CHECK("1.5 is above 1", e && strcmp(e, "too large") == 0);
	num_parse_real("nan", 0, 1, &e);
	CHECK("nan is invalid", e && strcmp(e, "invalid") == 0);
	return check_status();
}
