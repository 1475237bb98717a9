/*
 * tmpfiles.c: remove the temporary files of an interrupted run.
 *
 * The paths are kept in a few slots that the handler reads; a slot is
 * set only once its path is complete, so that the handler, which may
 * run at any time on the main thread (the others block signals), sees
 * either a path or nothing.
 */
#include <signal.h>
#include <stddef.h>
#include <unistd.h>

#include "msg.h"
#include "tmpfiles.h"

#define SLOTS 4			/* files written at once, at most */

static const char *volatile slot[SLOTS];
static const int signals[] = { SIGINT, SIGTERM, SIGHUP };

/* Remove the files, then die of the signal as if not caught. */
static void
on_signal(int sig)
{
	size_t i;

	for (i = 0; i < SLOTS; i++)
		if (slot[i] != NULL)
			unlink(slot[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Catch the signals that are not ignored, once. */
static void
catch_signals(void)
{
	static int done;
	struct sigaction sa, old;
	size_t i;

	if (done)
		return;
	done = 1;
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		sigaddset(&sa.sa_mask, signals[i]);
	sa.sa_flags = 0;
	for (i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		if (sigaction(signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(signals[i], &sa, NULL);
}

void
tmp_watch(const char *path)
{
	size_t i;

	catch_signals();
	for (i = 0; i < SLOTS; i++)
		if (slot[i] == NULL) {
			slot[i] = path;
			return;
		}
	msg_die(EXIT_DATA, "internal error: more than %d temporary files",
	    SLOTS);
}

void
tmp_forget(const char *path)
{
	size_t i;

	for (i = 0; i < SLOTS; i++)
		if (slot[i] == path)
			slot[i] = NULL;
}
