/*
 * tmpfiles.h: the temporary files being written, removed should a signal
 * (SIGINT, SIGTERM, SIGHUP) end the program before they are renamed.
 */
#ifndef TMPFILES_H
#define TMPFILES_H

/*
 * Remove path (which must stay valid until tmp_forget()) should a signal
 * end the program.  The first call sets up the handlers, but for signals
 * ignored, which stay so.
 */
void tmp_watch(const char *path);

/* Forget path: it was renamed or removed. */
void tmp_forget(const char *path);

#endif
