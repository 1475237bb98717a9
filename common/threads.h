/*
 * threads.h: how many threads a program may work on: --threads, or the
 * processors it may run on.
 */
#ifndef THREADS_H
#define THREADS_H

/*
 * The threads to work on: what threads_set() set, else the processors
 * this process may run on (its affinity mask, as taskset(1), cgroup
 * cpusets and batch schedulers restrict it; as nproc(1) counts them).
 * At least 1; 1 means start no thread.
 */
unsigned threads_count(void);

/* Work on n threads (n >= 1), as --threads n asks. */
void threads_set(unsigned n);

#endif
