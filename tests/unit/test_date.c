/* Unit tests for cmd/dtag/date.c and cmd/dtag/dateline.c. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "date.h"
#include "dateline.h"

/* The ISO form of the date at the start of s, or "" when there is none. */
static const char *
parse_iso(const char *s, enum date_order order)
{
	static char out[11];
	struct date d;

	if (date_parse(s, strlen(s), order, &d) == 0)
		return "";
	date_iso(&d, out);
	return out;
}

/* The length of the date at the start of s. */
static size_t
parse_len(const char *s, enum date_order order)
{
	struct date d;

	return date_parse(s, strlen(s), order, &d);
}

/* Nonzero when date_parse(s) gives the date iso over the whole of s. */
static int
whole(const char *s, const char *iso)
{
	return parse_len(s, DATE_ORDER_NONE) == strlen(s) &&
	    strcmp(parse_iso(s, DATE_ORDER_NONE), iso) == 0;
}

/* Nonzero when date_find(s) finds iso at off with length len. */
static int
found(const char *s, enum date_order order, size_t off, size_t len,
    const char *iso)
{
	struct date d;
	char out[11];
	size_t k, at;

	at = date_find(s, strlen(s), order, &d, &k);
	if (at != off || k != len)
		return 0;
	date_iso(&d, out);
	return strcmp(out, iso) == 0;
}

/* Nonzero when date_find(s) finds nothing. */
static int
none(const char *s, enum date_order order)
{
	struct date d;
	size_t k, n = strlen(s);

	return date_find(s, n, order, &d, &k) == n && k == 0;
}

static int
known(const char *s, size_t n, void *arg)
{
	static const char *const places[] = { "Beijing", "Islamabad" };
	size_t i;

	(void)arg;
	for (i = 0; i < sizeof(places) / sizeof(places[0]); i++)
		if (strlen(places[i]) == n && memcmp(places[i], s, n) == 0)
			return 1;
	return 0;
}

static struct dateline dl;

/* dateline_find on body; the ISO date or "" into iso. */
static void
run(const char *body, char iso[11])
{
	dateline_find(body, strlen(body), DATE_ORDER_NONE, known, NULL, &dl);
	if (dl.has_date)
		date_iso(&dl.date, iso);
	else
		iso[0] = '\0';
}

/* Nonzero when the place found is p (NULL for none). */
static int
place_is(const char *p)
{
	if (p == NULL)
		return dl.place == NULL && dl.place_len == 0;
	return dl.place != NULL && dl.place_len == strlen(p) &&
	    memcmp(dl.place, p, dl.place_len) == 0;
}

/* Nonzero when the date found is text in body. */
static int
date_text_is(const char *body, const char *text)
{
	return dl.has_date && dl.date_len == strlen(text) &&
	    memcmp(body + dl.date_off, text, dl.date_len) == 0;
}

static void
test_parse(void)
{
	CHECK("day month year", whole("31 December 2020", "2020-12-31"));
	CHECK("day with st", whole("1st January 2021", "2021-01-01"));
	CHECK("day with nd", whole("22nd March 2019", "2019-03-22"));
	CHECK("day with rd", whole("3rd April 2019", "2019-04-03"));
	CHECK("day with th", whole("31th December 2020", "2020-12-31"));
	CHECK("day abbreviated month", whole("31 Dec 2020", "2020-12-31"));
	CHECK("day abbreviated month with period",
	    whole("31 Dec. 2020", "2020-12-31"));
	CHECK("day month comma year", whole("31 December, 2020", "2020-12-31"));
	CHECK("month day comma year", whole("December 31, 2020", "2020-12-31"));
	CHECK("month day year", whole("December 31 2020", "2020-12-31"));
	CHECK("abbreviated month with period day year",
	    whole("Dec. 31, 2020", "2020-12-31"));
	CHECK("abbreviated month day year",
	    whole("Dec 31, 2020", "2020-12-31"));
	CHECK("month ordinal day", whole("December 31st, 2020", "2020-12-31"));
	CHECK("Sept", whole("Sept. 11, 2001", "2001-09-11"));
	CHECK("Sep", whole("11 Sep 2001", "2001-09-11"));
	CHECK("month in capitals", whole("31 DECEMBER 2020", "2020-12-31"));
	CHECK("month first in capitals", whole("DEC. 31, 2020", "2020-12-31"));
	CHECK("ordinal in capitals", whole("31ST DECEMBER 2020", "2020-12-31"));
	CHECK("weekday before day month",
	    whole("Thursday, 31 December 2020", "2020-12-31"));
	CHECK("weekday abbreviation before month day",
	    whole("Thu, Dec 31, 2020", "2020-12-31"));
	CHECK("weekday without comma",
	    whole("Thursday 31 December 2020", "2020-12-31"));
	CHECK("weekday in capitals", whole("THURSDAY, DECEMBER 31, 2020",
	    "2020-12-31"));
	CHECK("no-break space between parts",
	    whole("31\xC2\xA0" "December\xC2\xA0" "2020", "2020-12-31"));
	CHECK("ISO date", whole("2020-12-31", "2020-12-31"));
	CHECK("ISO date with slashes", whole("2020/12/31", "2020-12-31"));
	CHECK("ISO date with a time: the time is left out",
	    parse_len("2021-10-26 19:13", DATE_ORDER_NONE) == 10 &&
	    strcmp(parse_iso("2021-10-26 19:13", DATE_ORDER_NONE),
	    "2021-10-26") == 0);
	CHECK("ISO date with T and a time",
	    parse_len("2020-12-31T19:13:00Z", DATE_ORDER_NONE) == 10);
	CHECK("ISO separators must match",
	    parse_len("2020-12/31", DATE_ORDER_NONE) == 0);
	CHECK("ISO needs two-digit month and day",
	    parse_len("2020-1-31", DATE_ORDER_NONE) == 0);
	CHECK("day first with slashes under dmy",
	    strcmp(parse_iso("31/12/2020", DATE_ORDER_DMY), "2020-12-31") == 0);
	CHECK("day first with periods under dmy",
	    strcmp(parse_iso("31.12.2020", DATE_ORDER_DMY), "2020-12-31") == 0);
	CHECK("day first with hyphens under dmy",
	    strcmp(parse_iso("31-12-2020", DATE_ORDER_DMY), "2020-12-31") == 0);
	CHECK("single-digit day and month under dmy",
	    strcmp(parse_iso("5/3/2021", DATE_ORDER_DMY), "2021-03-05") == 0);
	CHECK("month first under mdy",
	    strcmp(parse_iso("12/31/2020", DATE_ORDER_MDY), "2020-12-31") == 0);
	CHECK("5/3/2021 under mdy is May 3",
	    strcmp(parse_iso("5/3/2021", DATE_ORDER_MDY), "2021-05-03") == 0);
	CHECK("numeric date without order is no date",
	    parse_len("31/12/2020", DATE_ORDER_NONE) == 0 &&
	    parse_len("12/31/2020", DATE_ORDER_NONE) == 0 &&
	    parse_len("31.12.2020", DATE_ORDER_NONE) == 0);
	CHECK("month first is no date under dmy",
	    parse_len("12/31/2020", DATE_ORDER_DMY) == 0);
	CHECK("day first is no date under mdy",
	    parse_len("31/12/2020", DATE_ORDER_MDY) == 0);
	CHECK("numeric separators must match",
	    parse_len("31/12-2020", DATE_ORDER_DMY) == 0);
	CHECK("two-digit year numeric is no date",
	    parse_len("31/12/20", DATE_ORDER_DMY) == 0);
	CHECK("two-digit year in text is no date",
	    parse_len("31 Dec 20", DATE_ORDER_NONE) == 0 &&
	    parse_len("Dec 31, 20", DATE_ORDER_NONE) == 0);
	CHECK("lowercase month is no date",
	    parse_len("31 december 2020", DATE_ORDER_NONE) == 0 &&
	    parse_len("december 31, 2020", DATE_ORDER_NONE) == 0);
	CHECK("mixed-case month is no date",
	    parse_len("31 DeCember 2020", DATE_ORDER_NONE) == 0);
	CHECK("month and year without day is no date",
	    parse_len("May 2024", DATE_ORDER_NONE) == 0 &&
	    parse_len("December, 2020", DATE_ORDER_NONE) == 0);
	CHECK("day and month without year is no date",
	    parse_len("May 13", DATE_ORDER_NONE) == 0 &&
	    parse_len("13 May", DATE_ORDER_NONE) == 0 &&
	    parse_len("May 13, and then", DATE_ORDER_NONE) == 0);
	CHECK("May is a month in a date shape",
	    whole("15 May 2024", "2024-05-15") &&
	    whole("May 15, 2024", "2024-05-15"));
	CHECK("31 April is no date", parse_len("31 April 2020",
	    DATE_ORDER_NONE) == 0 && parse_len("2020-04-31",
	    DATE_ORDER_NONE) == 0);
	CHECK("30 April is a date", whole("30 April 2020", "2020-04-30"));
	CHECK("leap day of 2020", whole("2020-02-29", "2020-02-29"));
	CHECK("no leap day in 2019", parse_len("2019-02-29",
	    DATE_ORDER_NONE) == 0 && parse_len("February 29, 2019",
	    DATE_ORDER_NONE) == 0);
	CHECK("no leap day in 1900", parse_len("29 February 1900",
	    DATE_ORDER_NONE) == 0);
	CHECK("leap day of 2000", whole("29 February 2000", "2000-02-29"));
	CHECK("day 0 and month 13 are no dates",
	    parse_len("0 May 2020", DATE_ORDER_NONE) == 0 &&
	    parse_len("2020-13-01", DATE_ORDER_NONE) == 0);
	CHECK("year 1800 is the first", whole("1 January 1800", "1800-01-01") &&
	    parse_len("31 December 1799", DATE_ORDER_NONE) == 0);
	CHECK("year 2199 is the last", whole("2199-12-31", "2199-12-31") &&
	    parse_len("2200-01-01", DATE_ORDER_NONE) == 0);
	CHECK("a letter after the year is no date",
	    parse_len("31 December 2020s", DATE_ORDER_NONE) == 0 &&
	    parse_len("2020-12-31x", DATE_ORDER_NONE) == 0);
	CHECK("a digit after the year is no date",
	    parse_len("31 December 20201", DATE_ORDER_NONE) == 0);
	CHECK("a period after the date is not part of it",
	    parse_len("31 December 2020.", DATE_ORDER_NONE) == 16);
	CHECK("three-digit day is no date",
	    parse_len("131 December 2020", DATE_ORDER_NONE) == 0);
	CHECK("a weekday alone is no date",
	    parse_len("Thursday, 2020", DATE_ORDER_NONE) == 0);
	CHECK("a month glued to its day is no date",
	    parse_len("Dec31, 2020", DATE_ORDER_NONE) == 0);
	CHECK("a longer word is no month",
	    parse_len("Marching 5, 2020", DATE_ORDER_NONE) == 0);
	CHECK("a wrong ordinal suffix is no date",
	    parse_len("31xy December 2020", DATE_ORDER_NONE) == 0);
	CHECK("empty input", parse_len("", DATE_ORDER_NONE) == 0);
}

static void
test_find(void)
{
	const char *s;
	char big[4096];

	CHECK("find day month year in text",
	    found("It was signed on 9 April 2019 in Beijing.", DATE_ORDER_NONE,
	    17, 12, "2019-04-09"));
	CHECK("find month day year: offset of the month",
	    found("Talks held on December 31, 2020, ended.", DATE_ORDER_NONE,
	    14, 17, "2020-12-31"));
	CHECK("find the weekday as the start",
	    found("Posted Thursday, 31 December 2020 here", DATE_ORDER_NONE, 7,
	    26, "2020-12-31"));
	CHECK("find an abbreviated weekday and month",
	    found("at Thu, Dec 31, 2020.", DATE_ORDER_NONE, 3, 17,
	    "2020-12-31"));
	CHECK("find Dec. with its period",
	    found("on Dec. 31, 2020", DATE_ORDER_NONE, 3, 13, "2020-12-31"));
	CHECK("find ISO without the time",
	    found("Updated 2021-10-26 19:13 PKT", DATE_ORDER_NONE, 8, 10,
	    "2021-10-26"));
	CHECK("find ISO with T",
	    found("(2020-12-31T19:13:00Z)", DATE_ORDER_NONE, 1, 10,
	    "2020-12-31"));
	CHECK("find numeric under dmy",
	    found("due on 31.12.2020, said", DATE_ORDER_DMY, 7, 10,
	    "2020-12-31"));
	CHECK("numeric is not found without order",
	    none("due on 31.12.2020, said", DATE_ORDER_NONE));
	CHECK("date glued to letters before is not found",
	    none("x2020-12-31", DATE_ORDER_NONE));
	CHECK("date glued to letters after is not found",
	    none("2020-12-31x and 31 December 2020y", DATE_ORDER_NONE));
	CHECK("date glued to a digit before is not found",
	    none("12020-12-31", DATE_ORDER_NONE));
	CHECK("month glued to a letter before is not found, the day still is",
	    none("xDecember 31, 2020", DATE_ORDER_NONE));
	CHECK("Theresa May 2019 is no date",
	    none("Theresa May 2019 said", DATE_ORDER_NONE));
	CHECK("May 13 is no date", none("on May 13 they met", DATE_ORDER_NONE));
	CHECK("May 15, 2024 is a date",
	    found("Theresa May 15, 2024", DATE_ORDER_NONE, 8, 12,
	    "2024-05-15"));
	CHECK("the first of two dates is found",
	    found("From 1 May 2020 to 2021-06-30", DATE_ORDER_NONE, 5, 10,
	    "2020-05-01"));
	CHECK("a later date after a failed candidate",
	    found("In 2019, 15 people met on 3 March 2020.", DATE_ORDER_NONE,
	    26, 12, "2020-03-03"));
	CHECK("a date after a Latin letter is not found",
	    none("\xC3\xA9" "2020-12-31", DATE_ORDER_NONE));
	CHECK("a date after a dash is found",
	    found("\xE2\x80\x93" "2020-12-31", DATE_ORDER_NONE, 3, 10,
	    "2020-12-31"));
	CHECK("a date at the very end",
	    found("ends 31 Dec 2020", DATE_ORDER_NONE, 5, 11, "2020-12-31"));
	CHECK("nothing in an empty string", none("", DATE_ORDER_NONE));
	CHECK("nothing in digits alone",
	    none("12345678901234567890 1 22 333", DATE_ORDER_NONE));
	s = "Thu, Dec 31, 2020";
	CHECK("date_find and date_parse agree",
	    found(s, DATE_ORDER_NONE, 0, parse_len(s, DATE_ORDER_NONE),
	    "2020-12-31"));
	memset(big, 'a', sizeof(big));
	memcpy(big + 4000, " 2020-12-31", 11);
	big[4011] = '\0';
	CHECK("find after a long run of letters",
	    found(big, DATE_ORDER_NONE, 4001, 10, "2020-12-31"));
}

static void
test_iso(void)
{
	struct date d = { 2020, 1, 5 };
	char out[11];

	date_iso(&d, out);
	CHECK("date_iso pads month and day", strcmp(out, "2020-01-05") == 0);
	d.year = 1800;
	d.month = 12;
	d.day = 31;
	date_iso(&d, out);
	CHECK("date_iso of the first year", strcmp(out, "1800-12-31") == 0);
}

static void
test_dateline(void)
{
	const char *b;
	char iso[11];

	b = "Islamabad, 16 May 2024 (TDI): Deputy Prime Minister said.\n";
	run(b, iso);
	CHECK("opening: place, date, agency, colon",
	    strcmp(iso, "2024-05-16") == 0 && place_is("Islamabad") &&
	    date_text_is(b, "16 May 2024"));
	b = "BEIJING, Jan. 21, 2024 (Xinhua) -- China said.\n";
	run(b, iso);
	CHECK("opening: capitals, agency, double dash",
	    strcmp(iso, "2024-01-21") == 0 && place_is("BEIJING"));
	b = "Sofia, Bulgaria, 5 March 2023: The talks began.\n";
	run(b, iso);
	CHECK("opening: a second comma part before the date",
	    strcmp(iso, "2023-03-05") == 0 && place_is("Sofia"));
	b = "Islamabad, Monday, 16 May 2024: The talks began.\n";
	run(b, iso);
	CHECK("opening: a weekday is part of the date",
	    strcmp(iso, "2024-05-16") == 0 && place_is("Islamabad") &&
	    date_text_is(b, "Monday, 16 May 2024"));
	b = "Rio de Janeiro, 2 June 2022 - Brazil said.\n";
	run(b, iso);
	CHECK("opening: a place with a particle and a dash",
	    strcmp(iso, "2022-06-02") == 0 && place_is("Rio de Janeiro"));
	b = "K\xC3\xB8" "benhavn, 2 June 2022 \xE2\x80\x93 Denmark said.\n";
	run(b, iso);
	CHECK("opening: a place with a UTF-8 letter and an en dash",
	    strcmp(iso, "2022-06-02") == 0 && place_is("K\xC3\xB8" "benhavn"));
	b = "\xC3\x89vry, 2 June 2022: text\n";
	run(b, iso);
	CHECK("opening: a place starting with a UTF-8 capital",
	    strcmp(iso, "2022-06-02") == 0 && place_is("\xC3\x89vry"));
	b = "Title of the story\n\n  Islamabad, December 31, 2020: text.\n";
	run(b, iso);
	CHECK("opening: on a later line, leading space ignored",
	    strcmp(iso, "2020-12-31") == 0 && place_is("Islamabad"));
	b = "ISLAMABAD (APP) - The minister said on 9 April 2019 that\n";
	run(b, iso);
	CHECK("opening without date: capitals and agency give the place only",
	    iso[0] == '\0' && place_is("ISLAMABAD"));
	b = "Beijing : Pakistan and China agreed.\n";
	run(b, iso);
	CHECK("opening without date: a known place and a colon",
	    iso[0] == '\0' && place_is("Beijing"));
	b = "Maz Saleem: A statement from the family.\n";
	run(b, iso);
	CHECK("a headline with a colon gives no place",
	    iso[0] == '\0' && place_is(NULL));
	b = "Lahore: A statement.\n";
	run(b, iso);
	CHECK("an unknown place with a colon gives no place", place_is(NULL));
	b = "BREAKING: A statement.\n";
	run(b, iso);
	CHECK("a label in capitals is no place", place_is(NULL));
	b = "BEIJING, Jan. 21 (Xinhua) -- China said.\n";
	run(b, iso);
	CHECK("opening: month and day without a year give the place only",
	    iso[0] == '\0' && place_is("BEIJING"));
	b = "Lahore, Jan. 21 (APP) -- text\n";
	run(b, iso);
	CHECK("opening: month and day with an unknown place give nothing",
	    iso[0] == '\0' && place_is(NULL));
	b = "NEW YORK, Jan 5, 2021 /PRNewswire/ -- text\n";
	run(b, iso);
	CHECK("opening: an agency between slashes",
	    strcmp(iso, "2021-01-05") == 0 && place_is("NEW YORK"));
	b = "GENEVA (Reuters) \xE2\x80\x94 The talks\n";
	run(b, iso);
	CHECK("opening without date: agency and an em dash",
	    iso[0] == '\0' && place_is("GENEVA"));
	b = "KARACHI - The city\n";
	run(b, iso);
	CHECK("opening without date: a dash after capitals",
	    place_is("KARACHI"));
	b = "Beijing - The city\n";
	run(b, iso);
	CHECK("opening without date: a dash alone after a known place in "
	    "lowercase is no dateline", place_is(NULL));
	b = "Monday, 16 May 2024: The talks began.\n";
	run(b, iso);
	CHECK("a weekday is no place", place_is(NULL));
	b = "Islamabad, Pakistan and China agreed.\n";
	run(b, iso);
	CHECK("a comma without a date gives nothing",
	    iso[0] == '\0' && place_is(NULL));
	b = "The Minister Of Foreign Affairs Of Pakistan, 16 May 2024: x\n";
	run(b, iso);
	CHECK("a place of more than four words gives no opening dateline",
	    place_is(NULL));

	b = "Title\n2021-10-26 19:13\nThe text goes on.\n";
	run(b, iso);
	CHECK("date line: ISO and a time; a title is no closing place",
	    strcmp(iso, "2021-10-26") == 0 && place_is(NULL) &&
	    date_text_is(b, "2021-10-26"));
	b = "Title\nPublished: December 31, 2020 | 7:30 pm PKT\nText.\n";
	run(b, iso);
	CHECK("date line: label, time and zone",
	    strcmp(iso, "2020-12-31") == 0 &&
	    date_text_is(b, "December 31, 2020"));
	b = "Title\nThursday, 31 December 2020\nText.\n";
	run(b, iso);
	CHECK("date line: weekday and date",
	    strcmp(iso, "2020-12-31") == 0 &&
	    date_text_is(b, "Thursday, 31 December 2020"));
	b = "Title\nLast updated on 5 Jan 2021, 10:05 AM (GMT)\nText.\n";
	run(b, iso);
	CHECK("date line: Last updated on, time and zone in brackets",
	    strcmp(iso, "2021-01-05") == 0);
	b = "Title\nPOSTED ON 2020-12-31T19:13:00Z\nText.\n";
	run(b, iso);
	CHECK("date line: labels in capitals, ISO time",
	    strcmp(iso, "2020-12-31") == 0);
	b = "Title\nPublished on March 2, 2022 at 7:30 p.m.\nText.\n";
	run(b, iso);
	CHECK("date line: on, at and p.m.", strcmp(iso, "2022-03-02") == 0);
	b = "Title\nPublished: 31 December 2020 |\n";
	run(b, iso);
	CHECK("date line: the date offset is that of the date",
	    date_text_is(b, "31 December 2020") && dl.date_off == 17);
	b = "Title\n1 May 2020 - 2 May 2020\nText.\n";
	run(b, iso);
	CHECK("date line: two dates are no date line", iso[0] == '\0');
	b = "Title\nFriday, 1 May 2020, by our correspondent\nText.\n";
	run(b, iso);
	CHECK("date line: other words make no date line", iso[0] == '\0');
	b = "Title\n\nThe agreement was signed on 9 April 2019 in Beijing.\n"
	    "More text follows here.\n";
	run(b, iso);
	CHECK("a date mentioned in the text is no publication date",
	    iso[0] == '\0' && place_is(NULL));
	b = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n31 December 2020\n"
	    "a\nb\nc\nd\ne\n";
	run(b, iso);
	CHECK("date line: only the first twelve lines", iso[0] == '\0');

	b = "Text of the story.\nMore text here.\nPara\nPara\nPara\nPara\n"
	    "Para\nPara\nPara\nPara\nPara\nPara\n"
	    "...accepted the gracious invitation.\nIslamabad\n"
	    "31 December 2020\n";
	run(b, iso);
	CHECK("closing: place line then date line",
	    strcmp(iso, "2020-12-31") == 0 && place_is("Islamabad") &&
	    date_text_is(b, "31 December 2020"));
	b = "...accepted the gracious invitation.\nIslamabad\n"
	    "31 December 2020\n";
	run(b, iso);
	CHECK("closing: place line then date line in a short body",
	    strcmp(iso, "2020-12-31") == 0 && place_is("Islamabad"));
	b = "\n\nIslamabad\n31 December 2020\nText.\n";
	run(b, iso);
	CHECK("closing: the first line of the body is no place",
	    strcmp(iso, "2020-12-31") == 0 && place_is(NULL));
	b = "Text.\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\n"
	    "Para\nPara\nPara\nThe end.\n\nIslamabad, 31 December 2020.\n\n";
	run(b, iso);
	CHECK("closing: place, date on one line",
	    strcmp(iso, "2020-12-31") == 0 && place_is("Islamabad"));
	b = "Text.\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\n"
	    "Para\nPara\nPara\nThe end.\nNew Delhi 31 December 2020\n";
	run(b, iso);
	CHECK("closing: place and date without a comma",
	    strcmp(iso, "2020-12-31") == 0 && place_is("New Delhi"));
	b = "Text.\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\n"
	    "Para\nPara\nPara\nThe end came.\nThursday 31 December 2020 "
	    "19:13\n";
	run(b, iso);
	CHECK("closing: a date line with weekday and time, no place",
	    strcmp(iso, "2020-12-31") == 0 && place_is(NULL));
	b = "Text.\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\n"
	    "Para\nPara\nPara\nThe end.\nPublished: 31 December 2020\n";
	run(b, iso);
	CHECK("closing: no labels at the end", iso[0] == '\0');
	b = "Text.\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\n"
	    "Para\nPara\nPara\n31 December 2020\nOne\nTwo\nThree\nFour\n";
	run(b, iso);
	CHECK("closing: only the last four non-blank lines", iso[0] == '\0');
	b = "Text.\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\n"
	    "Para\nPara\nPara\n31 December 2020\nOne\n\n\nTwo\n  \nThree\n";
	run(b, iso);
	CHECK("closing: blank lines are not counted",
	    strcmp(iso, "2020-12-31") == 0);
	b = "Text.\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\nPara\n"
	    "Para\nPara\nPara\nThe talks held on 9 April 2019 ended.\n";
	run(b, iso);
	CHECK("closing: a date in a sentence is no closing date",
	    iso[0] == '\0');

	b = "Islamabad, 16 May 2024: The talks began.\nText\n"
	    "Beijing\n31 December 2020\n";
	run(b, iso);
	CHECK("the opening dateline beats the closing one",
	    strcmp(iso, "2024-05-16") == 0 && place_is("Islamabad"));
	b = "Title\n2021-10-26\nText.\nPara\nPara\nPara\nPara\nPara\nPara\n"
	    "Para\nPara\nPara\nPara\nBeijing\n31 December 2020\n";
	run(b, iso);
	CHECK("a head date line beats the closing date, the place still "
	    "comes from it", strcmp(iso, "2021-10-26") == 0 &&
	    place_is("Beijing"));
	b = "Beijing : Talks began.\nText.\nPara\nPara\nPara\nPara\nPara\n"
	    "Para\nPara\nPara\nPara\nPara\nLahore\n31 December 2020\n";
	run(b, iso);
	CHECK("an opening place and a closing date",
	    strcmp(iso, "2020-12-31") == 0 && place_is("Beijing"));

	b = "Islamabad, 16 May 2024: The talks\r\nbegan.\r\n";
	run(b, iso);
	CHECK("CRLF: opening dateline", strcmp(iso, "2024-05-16") == 0 &&
	    place_is("Islamabad"));
	b = "Title\r\n2021-10-26 19:13\r\nText.\r\n";
	run(b, iso);
	CHECK("CRLF: date line", strcmp(iso, "2021-10-26") == 0);
	b = "Text.\r\nPara\r\nPara\r\nPara\r\nPara\r\nPara\r\nPara\r\nPara\r\n"
	    "Para\r\nPara\r\nPara\r\nPara\r\nPara\r\nEnd.\r\nIslamabad\r\n"
	    "31 December 2020\r\n\r\n";
	run(b, iso);
	CHECK("CRLF: closing dateline", strcmp(iso, "2020-12-31") == 0 &&
	    place_is("Islamabad"));

	b = "Nothing here at all.\nJust some words.\n";
	run(b, iso);
	CHECK("a body with nothing gives no date and no place",
	    !dl.has_date && place_is(NULL) && dl.date_len == 0);
	run("", iso);
	CHECK("an empty body gives nothing", !dl.has_date && place_is(NULL));
	run("\n\n\n", iso);
	CHECK("a body of blank lines gives nothing",
	    !dl.has_date && place_is(NULL));
	dateline_find("Lahore: x\n", 10, DATE_ORDER_NONE, NULL, NULL, &dl);
	CHECK("no known_place function", !dl.has_date && place_is(NULL));
	dateline_find("Title\n31.12.2020\n", 17, DATE_ORDER_DMY, known, NULL,
	    &dl);
	CHECK("date line: numeric date under dmy",
	    dl.has_date && dl.date.month == 12 && dl.date.day == 31);
}

/* A body far longer than what is looked at. */
static void
test_long_body(void)
{
	size_t n = 8 << 20, i;
	char *b, iso[11];

	if ((b = malloc(n + 1)) == NULL)
		return;
	for (i = 0; i < n; i++)
		b[i] = "word words "[i % 11];
	memcpy(b, "Islamabad\n", 10);
	memcpy(b + n - 18, "\n31 December 2020\n", 18);
	b[n] = '\0';
	dateline_find(b, n, DATE_ORDER_NONE, known, NULL, &dl);
	iso[0] = '\0';
	if (dl.has_date)
		date_iso(&dl.date, iso);
	CHECK("long body: the closing date line is found",
	    strcmp(iso, "2020-12-31") == 0 && dl.date_off == n - 17);
	memset(b + n - 18, 'x', 18);
	dateline_find(b, n, DATE_ORDER_NONE, known, NULL, &dl);
	CHECK("long body of one line: nothing", !dl.has_date);
	free(b);
}

int
main(void)
{
	test_parse();
	test_find();
	test_iso();
	test_dateline();
	test_long_body();
	return check_status();
}
