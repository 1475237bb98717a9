/*
 * date.h: find and parse calendar dates in English news text.
 *
 * A date is one of
 *	31 December 2020, 31st Dec. 2020, 31 December, 2020
 *	December 31, 2020, Dec. 31 2020, December 31st, 2020
 *	2020-12-31, 2020/12/31 (a time after it is not part of the date)
 *	31/12/2020, 31.12.2020, 31-12-2020 with DATE_ORDER_DMY only,
 *	12/31/2020 and the like with DATE_ORDER_MDY only
 * and a text form may start with a weekday: Thursday, 31 December 2020;
 * Thu, Dec 31, 2020.  Month and weekday names are English, capitalised
 * or all capitals, in full or in three letters (also Sept, Tues, Thur,
 * Thurs), an abbreviation with an optional period.  The year is four
 * digits from 1800 to 2199 and the day exists in that month and year.
 * Neither a letter nor a digit may come right before or after a date.
 */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>

enum date_order { DATE_ORDER_NONE, DATE_ORDER_DMY, DATE_ORDER_MDY };

struct date {
	int year, month, day;
};

/*
 * Length of the date that starts exactly at s[0] (s[0..n)), 0 if none;
 * *d set when found.  The character after the date is checked, the one
 * before is the caller's to check.
 */
size_t date_parse(const char *s, size_t n, enum date_order order,
    struct date *d);

/*
 * Offset of the first date in s[0..n) that starts at a word boundary, or
 * n; sets *d and *len when found, and *len to 0 when not.
 */
size_t date_find(const char *s, size_t n, enum date_order order,
    struct date *d, size_t *len);

/* Write "YYYY-MM-DD" and a NUL into out (11 bytes). */
void date_iso(const struct date *d, char out[11]);

/*
 * Byte length of the letter at s[0..n) (n > 0): an ASCII letter, or in
 * UTF-8 a Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, kana, CJK or
 * Hangul letter; 0 for any other character.  *upper is set to nonzero
 * for an uppercase Latin, Greek or Cyrillic letter.
 */
size_t date_letter_len(const char *s, size_t n, int *upper);

/*
 * Byte length of the white space character inside a line at s[0..n)
 * (n > 0): space, tab, U+00A0, U+2000..U+200A, U+202F, U+205F or U+3000;
 * 0 for any other (newlines included).
 */
size_t date_space_len(const char *s, size_t n);

/*
 * Length of the weekday name at s[0..n) (Thursday, THU, Thu.), its
 * period included, when no letter or digit follows; 0 if none.
 */
size_t date_weekday_len(const char *s, size_t n);

/* Nonzero when the word s[0..n) is a month or weekday name. */
int date_calendar_word(const char *s, size_t n);

#endif
