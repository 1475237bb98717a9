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
	OPT_WITHIN_DOC,
	OPT_SIGNATURES,
	OPT_DECIDE,
	OPT_KEEP
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
	{ "signatures", required_argument, NULL, OPT_SIGNATURES },
	{ "decide", no_argument, NULL, OPT_DECIDE },
	{ "keep", required_argument, NULL, OPT_KEEP },
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
	const char *signatures;	/* --signatures FILE */
	int decide;		/* --decide */
	const char *keep;	/* --keep FILE */
} opt = { 0, 0, 0, 1, 0, 0.8, 0.8, 5, NORM_ALL, NULL, 0, NULL, 0, NULL };

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
	    "              [--stats] [--threads n] [file ...]\n"
	    "       ddedup --merge-index index ...\n"
	    "       ddedup [options] --signatures sigfile [file ...]\n"
	    "       ddedup [options] --decide sigfile ...\n"
	    "       ddedup --keep keepfile [file ...]\n", status);
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

/*
 * Whether a record of id, which prepare() found to be p, is kept: then
 * it joins the documents kept.  Otherwise it duplicates kept document
 * *doc, *similarity alike.  Every pass decides here, so that they agree.
 */
static int
decide(const struct prepared *p, const char *id, size_t idlen, size_t *doc,
    double *similarity)
{
	struct match m;

	if (opt.exact) {
		if (docset_exact(&seen, p->hash, id, idlen, doc) <
		    opt.min_repeats)
			return 1;
		(*exact_dups)++;
		*similarity = 1.0;
		return 0;
	}
	if (!p->words) {
		(*no_words)++;		/* nothing to compare: kept */
		return 1;
	}
	if (docset_near(&seen, &p->k, &m) && (m.exact ||
	    m.similarity >= opt.threshold ||
	    m.containment >= opt.containment)) {
		(*(m.exact ? exact_dups : near_dups))++;
		*doc = m.doc;
		*similarity = m.exact ? 1.0 : m.similarity;
		return 0;
	}
	if (docset_add(&seen, &p->k, id, idlen) < 0)
		msg_die(EXIT_DATA, "more than %u documents kept: near mode's"
		    " limit", DOCSET_MAX_NEAR);
	return 1;
}

/* Keep rec, or drop (or mark) it as a duplicate, given what prepare()
 * found in it. */
static void
dedup(struct record *rec, void *work, const char *outp, void *arg)
{
	const struct field *id = &rec->fields[0];
	size_t doc = 0;
	double similarity = 0;

	(void)outp;
	(void)arg;
	if (decide(work, id->val, id->vallen, &doc, &similarity))
		prog_write_record(rec, NULL);
	else
		duplicate(rec, doc, similarity);
}

/* --within-doc's callback for each record. */
static void
within_doc_each(struct record *rec, void *arg)
{
	(void)arg;
	within_doc(rec);
}

/* --signatures: the file being written, and the settings it names. */
static struct sig_file *sigs;
static struct sig_params sig_params;

/* --signatures' callback: rec's entry, as prepare() found it. */
static void
signature(struct record *rec, void *work, const char *outp, void *arg)
{
	const struct prepared *p = work;
	struct sig_entry e;

	(void)outp;
	(void)arg;
	memset(&e, 0, sizeof(e));
	if (opt.exact)
		e.hash = p->hash;
	else if (p->words)
		e.k = p->k;	/* else all 0: shingles 0 says no words */
	e.id = rec->fields[0].val;
	e.idlen = rec->fields[0].vallen;
	sig_put(sigs, &e);
}

/*
 * --signatures: every record's entry to the signature file, none
 * dropped, and no records out.  A run whose input had errors leaves no
 * file.
 */
static void
signatures(int argc, char **argv)
{
	int commit;

	if ((sigs = sig_create(opt.signatures, &sig_params, err,
	    sizeof(err))) == NULL)
		msg_die(EXIT_DATA, "%s", err);
	prog_each_record_ahead(argc, argv, sizeof(struct prepared), prepare,
	    signature, NULL);
	commit = prog.status == EXIT_OK;
	if (sig_close(sigs, commit, err, sizeof(err)) < 0) {
		msg_warn("%s", err);
		prog.status = EXIT_DATA;
	} else if (!commit)
		msg_warn("%s: not written: the input had errors",
		    opt.signatures);
}

/*
 * --decide: run the decisions over the signature files named, in turn,
 * and write each one's to its name with ".keep" added.
 */
static void
decide_files(int argc, char **argv)
{
	struct buf keep = BUF_INIT, path = BUF_INIT;
	XXH3_state_t *ids = XXH3_createState();
	struct sig_file *f;
	struct sig_entry e;
	struct prepared p;
	uint64_t n;
	size_t doc;
	double similarity;
	int i, j, ret;

	if (argc == 0)
		usage_error("--decide: no signature file named");
	for (i = 0; i < argc; i++)
		for (j = 0; j < i; j++)
			if (strcmp(argv[i], argv[j]) == 0) {
				msg_warn("--decide: %s named twice", argv[i]);
				usage(EXIT_USAGE);
			}
	if (ids == NULL)
		msg_die(EXIT_DATA, "out of memory");
	memset(&p, 0, sizeof(p));
	for (i = 0; i < argc; i++) {
		if ((f = sig_open(argv[i], &sig_params, err,
		    sizeof(err))) == NULL)
			msg_die(EXIT_DATA, "%s", err);
		XXH3_64bits_reset(ids);
		keep.len = 0;
		for (n = 0; (ret = sig_next(f, &e)) == 1; n++) {
			p.k = e.k;
			p.hash = e.hash;
			p.words = e.k.sig.shingles != 0;
			if (n % 8 == 0)
				buf_putc(&keep, 0);
			prog.records_in++;
			if (decide(&p, e.id, e.idlen, &doc, &similarity)) {
				keep.p[n / 8] |= (char)(1 << n % 8);
				prog.records_out++;
			}
			XXH3_64bits_update(ids, e.id, e.idlen);
			XXH3_64bits_update(ids, "", 1);
		}
		sig_free(f);
		if (ret < 0)
			msg_die(EXIT_DATA, "%s", err);
		path.len = 0;
		buf_puts(&path, argv[i]);
		buf_append(&path, ".keep", 6);
		if (keep_save(path.p, (unsigned char *)keep.p, n,
		    XXH3_64bits_digest(ids), err, sizeof(err)) < 0)
			msg_die(EXIT_DATA, "%s", err);
	}
	XXH3_freeState(ids);
	buf_free(&keep);
	buf_free(&path);
}

/* --keep: the decisions loaded, and the records met so far. */
static struct {
	struct buf bits;
	uint64_t count;
	uint64_t ids;
	uint64_t n;
	XXH3_state_t *hash;	/* of the ids met */
} kept;

/* --keep's callback: write rec when its decision keeps it. */
static void
keep_each(struct record *rec, void *arg)
{
	const struct field *id = &rec->fields[0];

	(void)arg;
	if (kept.n == kept.count)
		msg_die(EXIT_DATA, "%s: decisions for %llu records, the input"
		    " has more", opt.keep, (unsigned long long)kept.count);
	XXH3_64bits_update(kept.hash, id->val, id->vallen);
	XXH3_64bits_update(kept.hash, "", 1);
	if ((unsigned char)kept.bits.p[kept.n / 8] >> kept.n % 8 & 1)
		prog_write_record(rec, NULL);
	kept.n++;
}

/*
 * --keep: write the records the decision file keeps; the input must be
 * the records it was made for.
 */
static void
keep_records(int argc, char **argv)
{
	if ((kept.hash = XXH3_createState()) == NULL)
		msg_die(EXIT_DATA, "out of memory");
	XXH3_64bits_reset(kept.hash);
	if (keep_load(opt.keep, &kept.bits, &kept.count, &kept.ids, err,
	    sizeof(err)) < 0)
		msg_die(EXIT_DATA, "%s", err);
	prog_each_record(argc, argv, keep_each, NULL);
	if (prog.status != EXIT_OK)
		;		/* the input's error said it all */
	else if (kept.n != kept.count)
		prog_error("%s: decisions for %llu records, the input has"
		    " %llu", opt.keep, (unsigned long long)kept.count,
		    (unsigned long long)kept.n);
	else if (XXH3_64bits_digest(kept.hash) != kept.ids)
		prog_error("%s: decisions for other records (their ids"
		    " differ)", opt.keep);
	XXH3_freeState(kept.hash);
	buf_free(&kept.bits);
}

/* Usage errors of --signatures, --decide and --keep. */
static void
check_shards(void)
{
	int passes = (opt.signatures != NULL) + opt.decide +
	    (opt.keep != NULL);

	if (passes == 0)
		return;
	if (passes > 1 || opt.merge)
		usage_error("--signatures, --decide, --keep and --merge-index:"
		    " one at a time");
	if (opt.mark)
		usage_error("--mark: not with --signatures, --decide or"
		    " --keep");
	if (opt.within)
		usage_error("--within-doc: not with --signatures, --decide or"
		    " --keep");
	if (opt.index != NULL && !opt.decide)
		usage_error("--index: with --decide, not --signatures or"
		    " --keep");
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
		case OPT_SIGNATURES:
			opt.signatures = optarg;
			break;
		case OPT_DECIDE:
			opt.decide = 1;
			break;
		case OPT_KEEP:
			opt.keep = optarg;
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
	check_shards();
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
	sig_params.ix = params;
	sig_params.threshold = opt.threshold;
	sig_params.containment = opt.containment;
	sig_params.min_repeats = opt.min_repeats;
	/* an index keeps ids, for the dup_of of later runs */
	docset_init(&seen, params.rows, opt.mark || opt.index != NULL);
	seen.counts = opt.min_repeats > 1;
	if (opt.index != NULL &&
	    index_load(&seen, &params, opt.index, err, sizeof(err)) < 0)
		msg_die(EXIT_DATA, "%s", err);
	norm_init();		/* before the workers normalise */
	if (opt.signatures != NULL)
		signatures(argc, argv);
	else if (opt.decide)
		decide_files(argc, argv);
	else if (opt.keep != NULL)
		keep_records(argc, argv);
	else if (opt.within)
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
