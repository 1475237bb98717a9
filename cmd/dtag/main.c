/*
 * dtag: add tags to records: the date and dateline place, the dates
 * mentioned, people, organisations, countries, topics, the language and
 * counts, and the tags of the user's rule files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lang.h"
#include "prog.h"
#include "sentence.h"
#include "tagger.h"

enum {
	OPT_ONLY = OPT_PROG_LAST,
	OPT_EXCEPT,
	OPT_DMY,
	OPT_MDY,
	OPT_NO_DEFAULTS
};

static const struct option longopts[] = {
	PROG_LONG_OPTIONS,
	{ "rules", required_argument, NULL, 'r' },
	{ "only", required_argument, NULL, OPT_ONLY },
	{ "except", required_argument, NULL, OPT_EXCEPT },
	{ "dmy", no_argument, NULL, OPT_DMY },
	{ "mdy", no_argument, NULL, OPT_MDY },
	{ "no-defaults", no_argument, NULL, OPT_NO_DEFAULTS },
	{ NULL, 0, NULL, 0 }
};

/* The shipped files: rule files, then word lists. */
static const char *const default_rules[] = {
	"countries.rules", "orgs.rules", "people.rules", "topics.rules"
};

static struct tagger tg;
static struct tagwork work[PROG_MAX_WORKERS];
static uint64_t *limited;
static unsigned char *warned;	/* by rule: its limit was reported */

static _Noreturn void
usage(int status)
{
	prog_usage("usage: dtag [-r file] [--only list | --except list]"
	    " [--dmy | --mdy]\n"
	    "            [--no-defaults] [--max-record size] [--progress]"
	    " [--skip-bad]\n"
	    "            [--stats] [--threads n] [file ...]\n", status);
}

/* dir/file, in a new string. */
static char *
path_in(const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s", dir, file);
	return p;
}

/* Nonzero when dir/countries.rules can be read. */
static int
has_data(const char *dir)
{
	char *path = path_in(dir, default_rules[0]);
	int ok = access(path, R_OK) == 0;

	free(path);
	return ok;
}

/*
 * The folder of the shipped files: $DTAG_DATA, else share/dtag beside
 * the program's folder (a build tree, or any PREFIX it is installed
 * in), else DATADIR.
 */
static const char *
data_dir(void)
{
	static char dir[4096];
	const char *env = getenv("DTAG_DATA");
	ssize_t n;
	char *slash;

	if (env != NULL && *env != '\0')
		return env;
	n = readlink("/proc/self/exe", dir, sizeof(dir) - 32);
	if (n > 0) {
		dir[n] = '\0';
		if ((slash = strrchr(dir, '/')) != NULL) {
			*slash = '\0';
			if ((slash = strrchr(dir, '/')) != NULL) {
				memcpy(slash, "/share/dtag",
				    sizeof("/share/dtag"));
				if (has_data(dir))
					return dir;
			}
		}
	}
#ifdef DATADIR
	if (has_data(DATADIR))
		return DATADIR;
#endif
	msg_die(EXIT_USAGE, "cannot find the shipped rule files (share/dtag);"
	    " set DTAG_DATA or give --no-defaults");
}

static void
load_defaults(void)
{
	static const struct {
		const char *file;
		struct phrase_table *t;
		int caseless;
	} lists[] = {
		{ "titles.words", &tg.titles, 1 },
		{ "given-names.words", &tg.given, 0 },
		{ "not-names.words", &tg.notname, 1 },
		{ "places.words", &tg.places, 0 }
	};
	const char *dir = data_dir();
	char *path;
	size_t i;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		path = path_in(dir, lists[i].file);
		words_load(lists[i].t, path, lists[i].caseless,
		    &tg.rules.errors);
		free(path);
	}
	for (i = 0; i < sizeof(default_rules) / sizeof(default_rules[0]);
	    i++) {
		path = path_in(dir, default_rules[i]);
		rules_load(&tg.rules, path);
		free(path);
	}
}

/*
 * Choose the taggers named in list (comma-separated): on is the value
 * they get, the others get !on.
 */
static void
choose(const char *opt, const char *list, int on)
{
	const char *p = list, *e;
	size_t i;
	long t;

	memset(tg.on, !on, sizeof(tg.on));
	memset(tg.tag_on, !on, tg.rules.ntags + 1);
	for (;;) {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		for (i = 0; i < TAG_BUILTIN; i++)
			if (strlen(tag_names[i]) == (size_t)(e - p) &&
			    memcmp(tag_names[i], p, (size_t)(e - p)) == 0)
				tg.on[i] = (unsigned char)on;
		if ((t = rules_tag(&tg.rules, p, (size_t)(e - p))) >= 0)
			tg.tag_on[t] = (unsigned char)on;
		else {
			for (i = 0; i < TAG_BUILTIN; i++)
				if (strlen(tag_names[i]) == (size_t)(e - p) &&
				    memcmp(tag_names[i], p, (size_t)(e - p)) ==
				    0)
					break;
			if (i == TAG_BUILTIN) {
				msg_warn("%s: no tagger named '%.*s'", opt,
				    (int)(e - p), p);
				usage(EXIT_USAGE);
			}
		}
		if (*e == '\0')
			break;
		p = e + 1;
	}
	/* Rule tags with built-in names follow those taggers. */
	for (i = 0; i < TAG_BUILTIN; i++)
		if ((t = rules_tag(&tg.rules, tag_names[i],
		    strlen(tag_names[i]))) >= 0)
			tg.tag_on[t] = tg.on[i];
}

/* Nonzero when key k is one dtag writes, so the old line goes. */
static int
replaced(const struct field *f)
{
	size_t i;
	long t;

	for (i = 0; i < TAG_BUILTIN; i++)
		if (tg.on[i] && field_is(f, tag_names[i]))
			return 1;
	t = rules_tag(&tg.rules, f->key, f->keylen);
	return t >= 0 && tg.tag_on[t];
}

struct prepared {
	size_t off;		/* the header lines, in out */
	size_t len;
	struct tag_counts counts;
};

/* Make the record's header lines, old and new: on a worker thread. */
static void
prepare(const struct record *rec, void *wk, struct buf *out, void *arg,
    unsigned worker)
{
	struct prepared *p = wk;
	size_t i;

	(void)arg;
	p->off = out->len;
	for (i = 0; i < rec->nfields; i++)
		if (replaced(&rec->fields[i]))
			break;
	if (i == rec->nfields && rec->raw != NULL)
		buf_append(out, rec->raw, (size_t)(rec->body - rec->raw) - 1);
	else
		for (i = 0; i < rec->nfields; i++) {
			const struct field *f = &rec->fields[i];

			if (replaced(f))
				continue;
			buf_append(out, f->key, f->keylen);
			buf_append(out, ": ", 2);
			rec_escape(out, f->val, f->vallen);
			buf_putc(out, '\n');
		}
	tag_body(&tg, &work[worker], rec->body, rec->bodylen, out, &p->counts);
	p->len = out->len - p->off;
}

/* Write the record with its tags, in input order. */
static void
emit(struct record *rec, void *wk, const char *outp, void *arg)
{
	struct prepared *p = wk;

	(void)arg;
	if (p->counts.limited > 0) {
		*limited += p->counts.limited;
		if (!warned[p->counts.first_limited]) {
			warned[p->counts.first_limited] = 1;
			msg_warn("%s: a regex stopped at its match limit in "
			    "record %.*s; its matches there may be missing",
			    tg.rules.v[p->counts.first_limited].where,
			    (int)rec->fields[0].vallen, rec->fields[0].val);
		}
	}
	out_write(&prog.out, outp + p->off, p->len);
	out_putc(&prog.out, '\n');
	out_write(&prog.out, rec->body, rec->bodylen);
	out_putc(&prog.out, '\0');
	prog.records_out++;
}

int
main(int argc, char **argv)
{
	const char *only = NULL, *except = NULL;
	char **rules = NULL;
	int c, defaults = 1, nrules = 0, i;

	prog_init(argc, argv);
	rules = xmalloc((size_t)argc * sizeof(*rules));
	tg.order = DATE_ORDER_NONE;
	while ((c = getopt_long(argc, argv, "hr:", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			rules[nrules++] = optarg;
			break;
		case OPT_ONLY:
			only = optarg;
			break;
		case OPT_EXCEPT:
			except = optarg;
			break;
		case OPT_DMY:
		case OPT_MDY:
			if (tg.order != DATE_ORDER_NONE) {
				msg_warn("--dmy and --mdy exclude each other");
				usage(EXIT_USAGE);
			}
			tg.order = c == OPT_DMY ? DATE_ORDER_DMY :
			    DATE_ORDER_MDY;
			break;
		case OPT_NO_DEFAULTS:
			defaults = 0;
			break;
		default:
			if (!prog_option(c, optarg, usage))
				usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (only != NULL && except != NULL) {
		msg_warn("--only and --except exclude each other");
		usage(EXIT_USAGE);
	}
	if (defaults)
		load_defaults();
	for (i = 0; i < nrules; i++)
		rules_load(&tg.rules, rules[i]);
	free(rules);
	if (tg.rules.errors > 0)
		exit(EXIT_USAGE);
	rules_build(&tg.rules);
	phrase_build(&tg.titles);
	phrase_build(&tg.given);
	phrase_build(&tg.notname);
	phrase_build(&tg.places);
	tg.tag_on = xmalloc(tg.rules.ntags + 1);
	memset(tg.on, 1, sizeof(tg.on));
	memset(tg.tag_on, 1, tg.rules.ntags + 1);
	if (only != NULL)
		choose("--only", only, 1);
	else if (except != NULL)
		choose("--except", except, 0);
	tagger_ready(&tg);
	/* The tables the threads share are built before they start. */
	if (lang_init() < 0)
		msg_die(EXIT_DATA, "the language tables are broken");
	sentence_init();
	limited = prog_counter("regexes stopped at the match limit");
	warned = xmalloc(tg.rules.n + 1);
	memset(warned, 0, tg.rules.n + 1);
	prog_each_record_ahead(argc, argv, sizeof(struct prepared), prepare,
	    emit, NULL);
	for (i = 0; i < PROG_MAX_WORKERS; i++)
		tagwork_free(&work[i]);
	tagger_free(&tg);
	free(warned);
	return prog_finish();
}
