/* Unit tests for common/buf.c. */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "check.h"

int
main(void)
{
	struct buf b = BUF_INIT;
	char num[20], *p;

	buf_put_u64(&b, 0);
	CHECK("0 is written as 0", b.len == 1 && b.p[0] == '0');
	b.len = 0;
	buf_put_u64(&b, 1234567890);
	CHECK("a number in decimal", b.len == 10 &&
	    memcmp(b.p, "1234567890", 10) == 0);
	b.len = 0;
	buf_put_u64(&b, UINT64_MAX);
	CHECK("the largest number takes 20 digits", b.len == 20 &&
	    memcmp(b.p, "18446744073709551615", 20) == 0);
	b.len = 0;
	buf_put_u64(&b, 4294967295u);
	buf_put_u64(&b, 4294967296u);
	buf_put_u64(&b, 10000000000000000000u);
	CHECK("numbers either side of 2^32 and 10^19", b.len == 40 &&
	    memcmp(b.p, "4294967295429496729610000000000000000000", 40) == 0);
	b.len = 0;
	buf_put_u64(&b, UINT64_MAX);
	p = u64_decimal(num + sizeof(num), 42);
	CHECK("u64_decimal ends at end", num + sizeof(num) - p == 2 &&
	    p[0] == '4' && p[1] == '2');
	buf_puts(&b, "x");
	CHECK("appends after the number", b.len == 21 && b.p[20] == 'x');
	buf_free(&b);
	return check_status();
}
