/*
 * input.h: read a file or standard input, gunzipping it when it is gzip.
 *
 * Gzip is recognised by its magic bytes, not by the file name.  Every
 * member of a multi-member file (cat a.gz b.gz) is read.  A truncated or
 * corrupt member, or garbage after the last member, is an error that
 * names the file.
 */
#ifndef INPUT_H
#define INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct input;

/*
 * Open path, or standard input when path is "-".  Returns NULL when the
 * file cannot be opened; *errmsg then points to a static message
 * (strerror).  Nothing is read until input_read().
 */
struct input *input_open(const char *path, const char **errmsg);

/*
 * Read up to len bytes of (decompressed) data into dst.  Returns the
 * number of bytes read, 0 at the end, or -1 on an error, whose message
 * input_error() gives ("unexpected end of gzip data", ...).  Data before
 * an error is returned first.
 */
ssize_t input_read(struct input *in, char *dst, size_t len);

const char *input_error(const struct input *in);

/* The name given to input_open(): "-" for standard input. */
const char *input_name(const struct input *in);

/* The name to use in messages: "stdin" for standard input. */
const char *input_label(const struct input *in);

int input_is_gzip(const struct input *in);

/* Close and free in; standard input is left open. */
void input_close(struct input *in);

#endif
