/*
 * msg.h: messages on stderr and the exit codes every program uses.
 *
 * Messages read "PROG: subject: what is wrong", lowercase, no full stop.
 * Only cmd/ code calls msg_die(); the rest of common/ returns errors.
 */
#ifndef MSG_H
#define MSG_H

#include <stdarg.h>

enum {
	EXIT_OK = 0,		/* success */
	EXIT_DATA = 1,		/* a data or I/O error */
	EXIT_USAGE = 2		/* a usage error */
};

#if defined(__GNUC__) || defined(__clang__)
#define MSG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define MSG_PRINTF(a, b)
#endif

extern const char *msg_prog;	/* program name, for message prefixes */

void msg_init(const char *argv0);
void msg_warn(const char *fmt, ...) MSG_PRINTF(1, 2);
void msg_vwarn(const char *fmt, va_list ap);
_Noreturn void msg_die(int status, const char *fmt, ...) MSG_PRINTF(2, 3);

#endif
