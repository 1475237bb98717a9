/*
 * threads.h: helpers of the unit tests that start threads: a pause, and
 * the number of threads the process has.
 */
#ifndef THREADS_H
#define THREADS_H

#include <dirent.h>
#include <time.h>

static inline void
pause_ms(long ms)
{
	struct timespec t;

	t.tv_sec = ms / 1000;
	t.tv_nsec = ms % 1000 * 1000000;
	nanosleep(&t, NULL);
}

/* The threads of this process, or -1 without /proc. */
static inline int
count_threads(void)
{
	DIR *d = opendir("/proc/self/task");
	const struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/*
 * Nonzero when the process has n threads, within a second: a thread that
 * was joined may stay listed in /proc a moment longer.
 */
static inline int
threads_become(int n)
{
	int i;

	for (i = 0; i < 100; i++) {
		if (count_threads() == n)
			return 1;
		pause_ms(10);
	}
	return 0;
}

#endif
