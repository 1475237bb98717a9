/*
 * ddedup: drop exact and near-duplicate records, keep-first.
 *
 * Each record's body is normalised (normalize.c).  Exact mode keeps a
 * 64-bit XXH3 hash of it; near mode a MinHash signature (minhash.c),
 * looked up by bands among the documents kept (docset.c).  A record that
 * matches an earlier one is dropped, or with --mark written with dup_of
 * and similarity headers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "docset.h"
#include "index.h"
#include "minhash.h"
#include "normalize.h"
#include "paragraph.h"
#include "number.h"
#include "prog.h"

enum {
	OPT_MARK = OPT_PROG_LAST,
	OPT_THRESHOLD,
	OPT_CONTAINMENT,
	OPT_SHINGLE,
	OPT_NORMALIZE,
	OPT_INDEX,
	OPT_MERGE_INDEX,
	OPT_MIN_REPEATS,
	OPT_WITHIN_DOC
};

static const struct option longopts[] = {
	PROG_LONG_OPTIONS,
	{ "mode", required_argument, NULL, 'm' },
	{ "unit", required_argument, NULL, 'u' },
	{ "mark", no_argument, NULL, OPT_MARK },
	{ "threshold", required_argument, NULL, OPT_THRESHOLD },
	{ "containment", required_argument, NULL, OPT_CONTAINMENT },
	{ "shingle", required_argument, NULL, OPT_SHINGLE },
	{ "normalize", required_argument, NULL, OPT_NORMALIZE },
	{ "index", required_argument, NULL, OPT_INDEX },
	{ "merge-index", no_argument, NULL, OPT_MERGE_INDEX },
	{ "min-repeats", required_argument, NULL, OPT_MIN_REPEATS },
	{ "within-doc", no_argument, NULL, OPT_WITHIN_DOC },
	{ NULL, 0, NULL, 0 }
};

static struct {
	int exact;		/* -m exact, or -u para */
	int para;		/* -u para */
	int within;		/* --within-doc */
	unsigned min_repeats;	/* --min-repeats */
	int mark;		/* --mark */
	double threshold;	/* Jaccard similarity of a near duplicate */
	double containment;	/* or share of the smaller in the larger */
	unsigned shingle;	/* words per shingle */
	unsigned norm;		/* NORM_* for exact mode */
	const char *index;	/* --index FILE */
	int merge;		/* --merge-index */
} opt = { 0, 0, 0, 1, 0, 0.8, 0.8, 5, NORM_ALL, NULL, 0 };

static struct docset seen;
static struct index_params params;
static char err[512];
static uint64_t *exact_dups, *near_dups, *no_words, *dup_paras, *emptied;

static _Noreturn void
usage(int status)
{
	prog_usage("usage: ddedup [-m mode] [-u unit] [--mark] [--threshold t]\n"
	    "              [--containment c] [--shingle k] [--normalize list]\n"
	    "              [--within-doc] [--min-repeats n] [--index file]\n"
	    "              [--max-record size] [--progress] [--skip-bad]\n"
	    "              [--stats] [file ...]\n"
	    "       ddedup --merge-index index ...\n", status);
}

static _Noreturn void
usage_error(const char *what)
{
	msg_warn("%s", what);
	usage(EXIT_USAGE);
}

/* A number from 1 to most for option name, or a usage error. */
static unsigned
number(const char *name, const char *arg, long long most, const char *unit)
{
	const char *errstr;
	long long v = num_parse(arg, 1, most, &errstr);

	if (errstr != NULL) {
		msg_warn("%s %s: %s (1 to %lld%s)", name, arg, errstr, most,
		    unit);
		usage(EXIT_USAGE);
	}
	return (unsigned)v;
}

/* A fraction in (0, 1] for option name, or a usage error. */
static double
fraction(const char *name, const char *arg)
{
	const char *errstr;
	double v = num_parse_real(arg, 0.0, 1.0, &errstr);

	if (errstr == NULL && v <= 0.0)
		errstr = "too small";
	if (errstr != NULL) {
		msg_warn("%s %s: %s (a number above 0, at most 1)", name, arg,
		    errstr);
		usage(EXIT_USAGE);
	}
	return v;
}

/* Write rec as a duplicate of kept document doc: with --mark only. */
static void
duplicate(struct record *rec, size_t doc, double similarity)
{
	char num[16];

	if (!opt.mark)
		return;
	rec_adds(rec, "dup_of", docset_id(&seen, doc));
	snprintf(num, sizeof(num), "%.2f", similarity);
	rec_adds(rec, "similarity", num);
	prog_write_record(rec, NULL);
}

/*
 * --within-doc: write rec without its repeated paragraphs, or with
 * --mark with a dup_paragraphs header listing them; a record whose every
 * paragraph is a repeat is dropped (with --mark, written).
 */
static void
within_doc(struct record *rec)
{
	static struct buf body, repeats, id;
	struct para_opts o = { opt.norm, opt.min_repeats, opt.mark };
	size_t found, paras;

	id.len = 0;
	buf_append(&id, rec->fields[0].val, rec->fields[0].vallen);
	buf_putc(&id, '\0');
	found = para_repeats(&seen, id.p, rec->body, rec->bodylen, &o, &body,
	    &repeats, &paras);
	*dup_paras += found;
	if (found > 0 && opt.mark) {
		buf_putc(&repeats, '\0');
		rec_adds(rec, "dup_paragraphs", repeats.p);
	} else if (found > 0 && found == paras) {
		(*emptied)++;
		return;
	} else if (found > 0)
		rec_set_body(rec, body.p, body.len);
	prog_write_record(rec, NULL);
}

/* What prepare() finds in a record, ahead of dedup(). */
struct prepared {
	struct kept k;		/* near mode: its signature */
	uint64_t hash;		/* exact mode: the hash of its text */
	int words;		/* near mode: nonzero when it has words */
};

/* Each worker's scratch space for prepare(). */
static struct scratch {
	struct buf text;
	struct mh_work mh;
} scratch[PROG_MAX_WORKERS];

/*
 * Normalise and hash a record's body: on a worker thread, so it must
 * only read opt, and write only its own scratch.
 */
static void
prepare(const struct record *rec, void *work, struct buf *out, void *arg,
    unsigned worker)
{
	struct scratch *s = &scratch[worker];
	struct prepared *p = work;

	(void)out;
	(void)arg;
	if (opt.exact) {
		norm_text(&s->text, rec->body, rec->bodylen, opt.norm);
		p->hash = XXH3_64bits(s->text.p, s->text.len);
		return;
	}
	norm_text(&s->text, rec->body, rec->bodylen, NORM_ALL);
	p->words = mh_signature(s->text.p, s->text.len, opt.shingle, &s->mh,
	    &p->k.sig);
	if (p->words)
		p->k.exact = (uint32_t)XXH3_64bits(s->text.p, s->text.len);
}

/* Keep rec, or drop (or mark) it as a duplicate, given what prepare()
 * found in it. */
static void
dedup(struct record *rec, void *work, const char *outp, void *arg)
{
	const struct field *id = &rec->fields[0];
	struct prepared *p = work;
	struct match m;
	size_t doc;

	(void)outp;
	(void)arg;
	if (opt.exact) {
		if (docset_exact(&seen, p->hash, id->val, id->vallen, &doc) >=
		    opt.min_repeats) {
			(*exact_dups)++;
			duplicate(rec, doc, 1.0);
		} else {
			prog_write_record(rec, NULL);
		}
		return;
	}
	if (!p->words) {
		(*no_words)++;		/* nothing to compare: kept */
		prog_write_record(rec, NULL);
		return;
	}
	if (docset_near(&seen, &p->k, &m) && (m.exact ||
	    m.similarity >= opt.threshold ||
	    m.containment >= opt.containment)) {
		(*(m.exact ? exact_dups : near_dups))++;
		duplicate(rec, m.doc, m.exact ? 1.0 : m.similarity);
		return;
	}
	if (docset_add(&seen, &p->k, id->val, id->vallen) < 0)
		msg_die(EXIT_DATA, "more than %u documents kept: near mode's"
		    " limit", DOCSET_MAX_NEAR);
	prog_write_record(rec, NULL);
}

/* --within-doc's callback for each record. */
static void
within_doc_each(struct record *rec, void *arg)
{
	(void)arg;
	within_doc(rec);
}

/* --merge-index: the union of the indexes named, on standard output. */
static int
merge(int argc, char **argv)
{
	struct index_params p, q;
	int i;

	if (argc == 0) {
		msg_warn("--merge-index: no index named");
		usage(EXIT_USAGE);
	}
	if (index_peek(argv[0], &p, err, sizeof(err)) < 0)
		msg_die(EXIT_DATA, "%s", err);
	docset_init(&seen, p.rows, 1);
	for (i = 0; i < argc; i++) {
		if (index_peek(argv[i], &q, err, sizeof(err)) < 0 ||
		    index_load(&seen, &p, argv[i], err, sizeof(err)) <= 0) {
			if (err[0] == '\0')
				snprintf(err, sizeof(err), "%s: %s", argv[i],
				    "no such file");
			msg_die(EXIT_DATA, "%s", err);
		}
	}
	if (index_write_stdout(&seen, &p, err, sizeof(err)) < 0)
		msg_die(EXIT_DATA, "%s", err);
	docset_free(&seen);
	return prog_finish();
}

int
main(int argc, char **argv)
{
	int c, status;

	prog_init(argc, argv);
	while ((c = getopt_long(argc, argv, "hm:u:", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			if (strcmp(optarg, "exact") != 0 &&
			    strcmp(optarg, "near") != 0) {
				msg_warn("-m %s: unknown mode", optarg);
				usage(EXIT_USAGE);
			}
			opt.exact = strcmp(optarg, "exact") == 0;
			break;
		case 'u':
			if (strcmp(optarg, "doc") != 0 &&
			    strcmp(optarg, "para") != 0) {
				msg_warn("-u %s: unknown unit", optarg);
				usage(EXIT_USAGE);
			}
			opt.para = strcmp(optarg, "para") == 0;
			break;
		case OPT_MARK:
			opt.mark = 1;
			break;
		case OPT_THRESHOLD:
			opt.threshold = fraction("--threshold", optarg);
			break;
		case OPT_CONTAINMENT:
			opt.containment = fraction("--containment", optarg);
			break;
		case OPT_SHINGLE:
			opt.shingle = number("--shingle", optarg, SHINGLE_MAX, " words");
			break;
		case OPT_INDEX:
			opt.index = optarg;
			break;
		case OPT_MERGE_INDEX:
			opt.merge = 1;
			break;
		case OPT_MIN_REPEATS:
			opt.min_repeats = number("--min-repeats", optarg, 255,
			    "");
			break;
		case OPT_WITHIN_DOC:
			opt.within = 1;
			break;
		case OPT_NORMALIZE:
			if ((c = norm_parse(optarg)) < 0) {
				msg_warn("--normalize %s: not a list of case,"
				    " punct and space, nor all or none", optarg);
				usage(EXIT_USAGE);
			}
			opt.norm = (unsigned)c;
			break;
		default:
			if (!prog_option(c, optarg, usage))
				usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (opt.merge)
		return merge(argc, argv);
	if (opt.para || opt.within)
		opt.exact = 1;	/* paragraphs are compared exactly */
	if (opt.min_repeats > 1 && !opt.exact)
		usage_error("--min-repeats: with -u para, --within-doc or -m"
		    " exact only");
	if (opt.min_repeats > 1 && opt.index != NULL)
		usage_error("--min-repeats: not with --index, which keeps no"
		    " counts");
	if (opt.within && opt.para)
		usage_error("--within-doc: for document records, not -u para");
	exact_dups = prog_counter("exact duplicates");
	near_dups = prog_counter("near duplicates");
	no_words = prog_counter("records without words");
	if (opt.within) {
		dup_paras = prog_counter("repeated paragraphs");
		emptied = prog_counter("records all repeats");
	}
	params.exact = (unsigned)opt.exact;
	params.shingle = opt.exact ? 0 : opt.shingle;
	params.rows = opt.exact ? 0 : mh_rows(opt.threshold);
	params.norm = opt.exact ? opt.norm : NORM_ALL;
	/* an index keeps ids, for the dup_of of later runs */
	docset_init(&seen, params.rows, opt.mark || opt.index != NULL);
	seen.counts = opt.min_repeats > 1;
	if (opt.index != NULL &&
	    index_load(&seen, &params, opt.index, err, sizeof(err)) < 0)
		msg_die(EXIT_DATA, "%s", err);
	norm_init();		/* before the workers normalise */
	if (opt.within)
		prog_each_record(argc, argv, within_doc_each, NULL);
	else
		prog_each_record_ahead(argc, argv, sizeof(struct prepared),
		    prepare, dedup, NULL);
	*prog_counter("documents kept") = seen.n;
	*prog_counter("index bytes") = docset_bytes(&seen);
	/* the records out first: a failed write ends the run, index unsaved */
	(void)out_flush(&prog.out);
	if (opt.index != NULL &&
	    index_save(&seen, &params, opt.index, err, sizeof(err)) < 0) {
		msg_warn("%s", err);
		prog.status = EXIT_DATA;
	}
	status = prog_finish();
	docset_free(&seen);
	for (c = 0; c < PROG_MAX_WORKERS; c++) {
		buf_free(&scratch[c].text);
		buf_free(&scratch[c].mh.hashes);
	}
	return status;
}
