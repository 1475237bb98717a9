/*
 * Unit tests for common/input.c when the thread that decompresses gzip
 * cannot be started: this pthread_create() stands in for the library's
 * and always fails, and input.c decompresses on the calling thread.
 */
#include <errno.h>
#include <pthread.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "gzip_input.h"
#include "input.h"

static int creates;		/* calls to pthread_create() */

int
pthread_create(pthread_t *thread, const pthread_attr_t *attr,
    void *(*start)(void *), void *arg)
{
	(void)thread;
	(void)attr;
	(void)start;
	(void)arg;
	creates++;
	return EAGAIN;
}

int
main(void)
{
	int threads = count_threads();

	alarm(120);
	check_large_files("without a thread");
	CHECK("each gzip file tried to start a thread", creates == 8);
	CHECK("and none runs", threads < 0 || threads_become(threads));
	return check_status();
}
