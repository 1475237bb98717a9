/* number.h: bounded parsing of numbers given as option arguments. */
#ifndef NUMBER_H
#define NUMBER_H

/*
 * Parse s as a decimal integer in [min, max], like OpenBSD's strtonum:
 * returns the value, or 0 with *errstr set to "invalid", "too small" or
 * "too large".  *errstr is NULL on success.
 */
long long num_parse(const char *s, long long min, long long max,
    const char **errstr);

/*
 * Parse a size such as 512, 64K, 100M or 1G (powers of 1024) in
 * [min, max]; errors as for num_parse().
 */
long long num_parse_size(const char *s, long long min, long long max,
    const char **errstr);

/* Parse a decimal fraction such as 0.8 in [min, max]. */
double num_parse_real(const char *s, double min, double max,
    const char **errstr);

#endif
