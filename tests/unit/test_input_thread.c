/*
 * Unit tests for common/input.c with gzip decompressed on a second
 * thread: files larger than its ring of buffers, data that comes slowly
 * through a pipe, and input_close() or exit() while the thread still
 * works or waits.  A hang is ended by alarm(), which fails the test.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "gzip_input.h"
#include "input.h"

/* The open file descriptors among the first 1024. */
static int
count_fds(void)
{
	int n = 0, fd;

	for (fd = 0; fd < 1024; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			n++;
	return n;
}

/* The thread runs while a gzip file is read, and ends with input_close. */
static void
test_thread(void)
{
	struct input *in;
	const char *err;
	char b[100];
	int before = count_threads(), during, ok;

	write_file("plain", "not gzip\n", 9);
	in = input_open("plain", &err);
	ok = in != NULL && input_read(in, b, sizeof(b)) == 9 &&
	    count_threads() == before;
	input_close(in);
	CHECK("a plain file is read without a thread", ok);

	in = input_open("big.gz", &err);
	ok = in != NULL && (before < 0 || threads_become(before)) &&
	    input_read(in, b, sizeof(b)) == sizeof(b) && input_is_gzip(in);
	during = count_threads();
	input_close(in);
	CHECK("a gzip file is read with a second thread",
	    ok && (before < 0 || (during == before + 1 &&
	    threads_become(before))));
}

/*
 * Close a large gzip file at every stage: before reading, after the
 * first bytes (the thread decompresses or waits for a free buffer),
 * after the end, and after an error.  No thread, memory or descriptor
 * is left behind.
 */
static void
test_early_close(void)
{
	struct input *in;
	const char *err;
	char b[4096];
	int fds = count_fds(), threads = count_threads(), i, ok = 1;

	for (i = 0; i < 40; i++) {
		in = input_open(i % 4 == 3 ? "large-cut.gz" : "big.gz", &err);
		if (in == NULL) {
			ok = 0;
			break;
		}
		if (i % 4 == 1)
			ok &= input_read(in, b, sizeof(b)) > 0;
		if (i % 4 == 2) {
			ok &= input_read(in, b, sizeof(b)) > 0;
			pause_ms(20);	/* the ring fills */
		}
		if (i % 4 == 3)
			while (input_read(in, b, sizeof(b)) > 0)
				continue;
		input_close(in);
	}
	CHECK("input_close() at every stage of a large gzip file",
	    ok && count_fds() == fds && (threads < 0 ||
	    threads_become(threads)));
}

/*
 * Make standard input a pipe that holds a gzip member of "first\n" and
 * the header of another, from a writer that stays silent.  Returns the
 * write end, or -1.
 */
static int
idle_pipe_stdin(void)
{
	struct buf gz = BUF_INIT;
	int p[2], ok;

	gzip_member(&gz, "first\n", 6, 6);
	buf_append(&gz, gz.p, 5);
	ok = pipe(p) == 0;
	ok = ok && write(p[1], gz.p, gz.len) == (ssize_t)gz.len &&
	    dup2(p[0], STDIN_FILENO) == STDIN_FILENO;
	buf_free(&gz);
	if (!ok)
		return -1;
	close(p[0]);
	return p[1];
}

/*
 * Gzip through a pipe whose writer stops half way: the data before
 * comes out at once, and input_close() returns though the thread waits
 * for more input.
 */
static void
test_idle_pipe(void)
{
	struct input *in;
	const char *err;
	char b[100];
	int saved = dup(STDIN_FILENO), writer = idle_pipe_stdin(), ok;

	if (saved < 0 || writer < 0) {
		CHECK("a pipe on standard input", 0);
		return;
	}
	in = input_open("-", &err);
	ok = in != NULL && input_read(in, b, sizeof(b)) == 6 &&
	    memcmp(b, "first\n", 6) == 0;
	CHECK("data through a pipe comes out before the writer stops", ok);
	input_close(in);
	CHECK("input_close() while the thread waits on an idle pipe", 1);
	close(writer);
	dup2(saved, STDIN_FILENO);
	close(saved);
}

/*
 * exit() from the main thread while the other one decompresses, or waits
 * for a free buffer or for input: the process ends with that status.
 */
static void
test_exit(void)
{
	int i, status, ok = 1;
	pid_t pid;

	fflush(stdout);
	for (i = 0; i < 3; i++) {
		if ((pid = fork()) < 0) {
			ok = 0;
			break;
		}
		if (pid == 0) {
			const char *err;
			char b[100];
			struct input *in;

			if (i == 2 && idle_pipe_stdin() < 0)
				_exit(1);
			in = input_open(i == 2 ? "-" : "big.gz", &err);
			if (in == NULL || input_read(in, b, sizeof(b)) <= 0)
				_exit(1);
			if (i == 1)
				pause_ms(20);	/* the ring fills */
			exit(7);
		}
		ok &= waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 7;
	}
	CHECK("exit() while the thread runs", ok);
}

int
main(void)
{
	struct buf text = BUF_INIT, gz = BUF_INIT;

	setvbuf(stdout, NULL, _IOLBF, 0);	/* each line out before a hang */
	alarm(120);
	check_large_files("with a thread");
	make_text(&text, 24 * MIB);
	gzip_member(&gz, text.p, text.len, 1);
	write_file("big.gz", gz.p, gz.len);
	test_thread();
	test_early_close();
	test_idle_pipe();
	test_exit();
	buf_free(&text);
	buf_free(&gz);
	return check_status();
}
