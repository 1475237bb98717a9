/*
 * threads.c: the number of threads to work on.
 */
#define _GNU_SOURCE		/* sched_getaffinity, CPU_COUNT */
#include <sched.h>
#include <unistd.h>

#include "threads.h"

static unsigned chosen;		/* threads_set()'s, 0 for none */

/* The processors this process may run on. */
static unsigned
processors(void)
{
	cpu_set_t set;
	long n;

	if (sched_getaffinity(0, sizeof(set), &set) == 0 &&
	    CPU_COUNT(&set) > 0)
		return (unsigned)CPU_COUNT(&set);
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : (unsigned)n;
}

unsigned
threads_count(void)
{
	if (chosen == 0)
		chosen = processors();
	return chosen;
}

void
threads_set(unsigned n)
{
	chosen = n < 1 ? 1 : n;
}
