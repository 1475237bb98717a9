/*
 * index.c: save the documents kept to a file, and load them again.
 *
 * All numbers are little-endian.  The file is:
 *	"DDEDUPIX", version (u32, 1), mode (u32: 0 near, 1 exact),
 *	shingle, rows, bands, hashes, normalize (u32 each), count (u64);
 *	count documents: near: signature (hashes bytes), shingles (u32),
 *	fingerprint (u32), id length (u32), id; exact: hash (u64), id
 *	length (u32), id;
 *	the XXH3-64 hash of all the bytes before it (u64).
 *
 * Its siblings, for deduplicating shards apart (ddedup(1)), end the same
 * way.  A signature file: "DDEDUPSG", version (u32, 1), the settings as
 * above, threshold and containment (IEEE 754 doubles, as u64), min
 * repeats (u32); for each record a byte 1 and its document as above
 * (near: shingles 0 for a body without words); a byte 0, the count
 * (u64).  A decision file: "DDEDUPKP", version (u32, 1), count (u64),
 * the XXH3-64 hash of the records' ids, each with a NUL (u64), then a
 * bit a record, 1 to keep it, from the low bit of each byte up (the
 * bits past the count 0).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "index.h"
#include "normalize.h"
#include "prog.h"
#include "tmpfiles.h"

#define MAGIC "DDEDUPIX"
#define SIG_MAGIC "DDEDUPSG"
#define KEEP_MAGIC "DDEDUPKP"
#define INDEX_VERSION 1u
#define MAX_ID (1024 * 1024)	/* past the end of a file not regular */
#define KEEP_HEADER 28		/* a decision file's bytes before the bits */

/*
 * Where a file is written: a temporary file renamed over path at the
 * end, or an output; hashed on the way.
 */
struct sink {
	FILE *f;
	struct output *o;
	XXH3_state_t *hash;
	int failed;
	int errnum;		/* the errno of the first failure */
	const char *path;
	char *tmp;
};

/* Note that s failed, with errno. */
static void
fail(struct sink *s)
{
	if (!s->failed)
		s->errnum = errno;
	s->failed = 1;
}

/* Write p[0..n) to s, without hashing it. */
static void
emit(struct sink *s, const void *p, size_t n)
{
	if (s->failed)
		return;		/* the file is lost already */
	if (s->f != NULL ? fwrite(p, 1, n, s->f) != n :
	    out_write(s->o, p, n) < 0)
		fail(s);
}

static void
put(struct sink *s, const void *p, size_t n)
{
	XXH3_64bits_update(s->hash, p, n);
	emit(s, p, n);
}

/* v as 8 little-endian bytes at b. */
static void
le64(unsigned char *b, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
}

static void
put_u32(struct sink *s, uint32_t v)
{
	unsigned char b[8];

	le64(b, v);
	put(s, b, 4);
}

static void
put_u64(struct sink *s, uint64_t v)
{
	unsigned char b[8];

	le64(b, v);
	put(s, b, 8);
}

/* Write the hash of all that s was given, unhashed, to end the file. */
static void
sink_end(struct sink *s)
{
	unsigned char end[8];

	le64(end, XXH3_64bits_digest(s->hash));
	emit(s, end, 8);
}

static void
put_id(struct sink *s, const struct docset *ds, size_t doc)
{
	const char *id = ds->keep_ids ? docset_id(ds, doc) : "";
	size_t n = strlen(id);

	put_u32(s, (uint32_t)n);
	put(s, id, n);
}

/* The version and the settings, after the magic. */
static void
put_settings(struct sink *s, const struct index_params *p)
{
	put_u32(s, INDEX_VERSION);
	put_u32(s, p->exact);
	put_u32(s, p->shingle);
	put_u32(s, p->rows);
	put_u32(s, MH_BANDS);
	put_u32(s, MH_K);
	put_u32(s, p->norm);
}

struct exact_sink {
	struct sink *s;
	const struct docset *ds;
};

/* docset_exact_each()'s callback: write one hash and its id. */
static void
put_exact(void *arg, uint64_t hash, size_t doc)
{
	struct exact_sink *e = arg;

	put_u64(e->s, hash);
	put_id(e->s, e->ds, doc);
}

/* Write the whole index to s; the final hash is not hashed itself. */
static void
write_index(struct sink *s, const struct docset *ds,
    const struct index_params *p)
{
	size_t i;

	put(s, MAGIC, 8);
	put_settings(s, p);
	put_u64(s, ds->n);
	if (p->exact) {
		struct exact_sink e = { s, ds };

		docset_exact_each(ds, put_exact, &e);
	} else {
		for (i = 0; i < ds->n; i++) {
			put(s, ds->docs[i].sig.v, MH_K);
			put_u32(s, ds->docs[i].sig.shingles);
			put_u32(s, ds->docs[i].exact);
			put_id(s, ds, i);
		}
	}
	sink_end(s);
}

/*
 * The mode for a new index at path: the old one's, or what a file made
 * with open(2) would have (0666 less the umask), not mkstemp()'s 0600.
 */
static mode_t
index_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0)
		return st.st_mode & 07777;
	mask = umask(0);	/* read it: the workers are done by now */
	umask(mask);
	return 0666 & ~mask;
}

/*
 * Open a temporary file beside path, for s to write the file path.
 * Returns 0, or -1 with err.
 */
static int
sink_create(struct sink *s, const char *path, char *err, size_t errlen)
{
	int fd;

	memset(s, 0, sizeof(*s));
	s->path = path;
	s->tmp = xmalloc(strlen(path) + 16);
	sprintf(s->tmp, "%s.tmp.XXXXXX", path);
	if ((s->hash = XXH3_createState()) == NULL ||
	    (fd = mkstemp(s->tmp)) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		XXH3_freeState(s->hash);
		free(s->tmp);
		return -1;
	}
	tmp_watch(s->tmp);
	XXH3_64bits_reset(s->hash);
	if (fchmod(fd, index_mode(path)) < 0 ||
	    (s->f = fdopen(fd, "wb")) == NULL) {
		fail(s);
		close(fd);
	}
	return 0;
}

/*
 * Close s's file and, when commit is nonzero and all went well, rename
 * it over its path, synced first; otherwise remove it.  Returns 0, or -1
 * with err.
 */
static int
sink_close(struct sink *s, int commit, char *err, size_t errlen)
{
	if (s->f != NULL && !s->failed && commit &&
	    (fflush(s->f) == EOF || ferror(s->f) || fsync(fileno(s->f)) < 0))
		fail(s);
	if (s->f != NULL && fclose(s->f) == EOF)
		fail(s);
	if (commit && !s->failed && rename(s->tmp, s->path) < 0)
		fail(s);
	if (s->failed || !commit)
		unlink(s->tmp);
	tmp_forget(s->tmp);
	if (s->failed && commit)
		snprintf(err, errlen, "%s: %s", s->path, strerror(s->errnum));
	XXH3_freeState(s->hash);
	free(s->tmp);
	return s->failed && commit ? -1 : 0;
}

int
index_save(const struct docset *ds, const struct index_params *p,
    const char *path, char *err, size_t errlen)
{
	struct sink s;

	if (sink_create(&s, path, err, errlen) < 0)
		return -1;
	if (!s.failed)
		write_index(&s, ds, p);
	return sink_close(&s, 1, err, errlen);
}

int
index_write_stdout(const struct docset *ds, const struct index_params *p,
    char *err, size_t errlen)
{
	struct sink s = { NULL, &prog.out, XXH3_createState(), 0, 0, NULL,
	    NULL };

	if (s.hash == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	XXH3_64bits_reset(s.hash);
	write_index(&s, ds, p);
	XXH3_freeState(s.hash);
	if (s.failed)
		snprintf(err, errlen, "write error");
	return s.failed ? -1 : 0;
}

/* Where an index is read from, hashed on the way. */
struct source {
	FILE *f;
	const char *path;
	XXH3_state_t *hash;
	const char *what;	/* "index", "signature file", for messages */
	uint64_t size;		/* of a regular file, else 0 */
	uint64_t pos;		/* bytes read */
	char *err;
	size_t errlen;
};

static int
get(struct source *s, void *p, size_t n)
{
	if (fread(p, 1, n, s->f) != n) {
		snprintf(s->err, s->errlen, "%s: %s%s", s->path, ferror(s->f) ?
		    strerror(errno) : "truncated ", ferror(s->f) ? "" : s->what);
		return -1;
	}
	XXH3_64bits_update(s->hash, p, n);
	s->pos += n;
	return 0;
}

static int
get_u32(struct source *s, uint32_t *v)
{
	unsigned char b[4];

	if (get(s, b, 4) < 0)
		return -1;
	*v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	    (uint32_t)b[3] << 24;
	return 0;
}

static int
get_u64(struct source *s, uint64_t *v)
{
	uint32_t lo, hi;

	if (get_u32(s, &lo) < 0 || get_u32(s, &hi) < 0)
		return -1;
	*v = (uint64_t)hi << 32 | lo;
	return 0;
}

/*
 * Read the magic, which must be magic, the version and the settings
 * into p.
 */
static int
get_settings(struct source *s, const char *magic, struct index_params *p)
{
	char m[8];
	uint32_t version, exact, shingle, rows, bands, hashes, norm;

	if (fread(m, 1, 8, s->f) != 8 || memcmp(m, magic, 8) != 0) {
		snprintf(s->err, s->errlen, "%s: not a ddedup %s", s->path,
		    s->what);
		return -1;
	}
	XXH3_64bits_update(s->hash, m, 8);
	if (get_u32(s, &version) < 0)
		return -1;
	if (version != INDEX_VERSION) {
		snprintf(s->err, s->errlen, "%s: %s version %u, not %u",
		    s->path, s->what, version, INDEX_VERSION);
		return -1;
	}
	if (get_u32(s, &exact) < 0 || get_u32(s, &shingle) < 0 ||
	    get_u32(s, &rows) < 0 || get_u32(s, &bands) < 0 ||
	    get_u32(s, &hashes) < 0 || get_u32(s, &norm) < 0)
		return -1;
	/* what ddedup can write: anything else would index past a band */
	if (exact > 1 || bands != MH_BANDS || hashes != MH_K ||
	    (norm & ~(uint32_t)NORM_ALL) != 0 ||
	    (exact ? rows != 0 || shingle != 0 :
	    rows < 1 || rows > MH_K / MH_BANDS || shingle < 1 ||
	    shingle > SHINGLE_MAX)) {
		snprintf(s->err, s->errlen, "%s: corrupt %s header", s->path,
		    s->what);
		return -1;
	}
	p->exact = exact;
	p->shingle = shingle;
	p->rows = rows;
	p->norm = norm;
	return 0;
}

/* Read an index's header into p and *count. */
static int
get_header(struct source *s, struct index_params *p, uint64_t *count)
{
	return get_settings(s, MAGIC, p) < 0 || get_u64(s, count) < 0 ? -1 : 0;
}

/* Read the final hash and check it, and that the file ends there. */
static int
get_end(struct source *s)
{
	unsigned char b[8];
	uint64_t want, got;
	int c;

	want = XXH3_64bits_digest(s->hash);
	if (fread(b, 1, 8, s->f) != 8) {
		snprintf(s->err, s->errlen, "%s: truncated %s", s->path,
		    s->what);
		return -1;
	}
	for (got = 0, c = 7; c >= 0; c--)
		got = got << 8 | b[c];
	if (got != want || getc(s->f) != EOF) {
		snprintf(s->err, s->errlen, "%s: corrupt %s (%s)", s->path,
		    s->what, got != want ? "checksum" : "bytes after its end");
		return -1;
	}
	return 0;
}

/* "near mode, 5-word shingles, 4 rows" and the like, for messages. */
static void
describe(char *buf, size_t len, const struct index_params *p)
{
	if (p->exact)
		snprintf(buf, len, "exact mode, normalize %u", p->norm);
	else
		snprintf(buf, len, "near mode, %u-word shingles, %u rows a band",
		    p->shingle, p->rows);
}

static int
same_params(const struct index_params *a, const struct index_params *b)
{
	return a->exact == b->exact && (a->exact ? a->norm == b->norm :
	    a->shingle == b->shingle && a->rows == b->rows);
}

static int
open_source(struct source *s, const char *path, char *err, size_t errlen)
{
	struct stat st;

	s->path = path;
	s->what = "index";
	s->err = err;
	s->errlen = errlen;
	s->hash = XXH3_createState();
	if (s->hash == NULL)
		msg_die(EXIT_DATA, "out of memory");
	XXH3_64bits_reset(s->hash);
	s->pos = 8;		/* the magic is read apart */
	s->size = 0;
	if ((s->f = fopen(path, "rb")) == NULL)
		return -1;
	if (fstat(fileno(s->f), &st) == 0 && S_ISREG(st.st_mode))
		s->size = (uint64_t)st.st_size;
	return 0;
}

static void
close_source(struct source *s)
{
	if (s->f != NULL)
		fclose(s->f);
	XXH3_freeState(s->hash);
}

int
index_peek(const char *path, struct index_params *p, char *err,
    size_t errlen)
{
	struct source s;
	uint64_t count;
	int ret;

	if (open_source(&s, path, err, errlen) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close_source(&s);
		return -1;
	}
	ret = get_header(&s, p, &count);
	close_source(&s);
	return ret;
}

/* Read an id's length and the id into id. */
static int
get_id(struct source *s, struct buf *id)
{
	uint32_t idlen;

	if (get_u32(s, &idlen) < 0)
		return -1;
	/* a length past the end is a broken file, not one to allocate */
	if (s->size > 0 ? idlen > s->size - s->pos : idlen > MAX_ID) {
		snprintf(s->err, s->errlen, "%s: corrupt %s (an id of %u"
		    " bytes)", s->path, s->what, idlen);
		return -1;
	}
	id->len = 0;
	buf_reserve(id, idlen + 1);
	if (get(s, id->p, idlen) < 0)
		return -1;
	id->len = idlen;
	return 0;
}

/* Read the documents and the final hash. */
static int
get_documents(struct source *s, struct docset *ds,
    const struct index_params *p, uint64_t count)
{
	static struct buf id;
	struct kept k;
	uint64_t i, hash = 0;
	size_t doc;

	memset(&k, 0, sizeof(k));
	for (i = 0; i < count; i++) {
		if (p->exact ? get_u64(s, &hash) < 0 :
		    get(s, k.sig.v, MH_K) < 0 || get_u32(s, &k.sig.shingles) < 0 ||
		    get_u32(s, &k.exact) < 0)
			return -1;
		if (get_id(s, &id) < 0)
			return -1;
		if (p->exact)
			docset_exact(ds, hash, id.p, id.len, &doc);
		else if (docset_add(ds, &k, id.p, id.len) < 0) {
			snprintf(s->err, s->errlen, "%s: more than %u"
			    " documents: near mode's limit", s->path,
			    DOCSET_MAX_NEAR);
			return -1;
		}
	}
	return get_end(s);
}

int
index_load(struct docset *ds, const struct index_params *p,
    const char *path, char *err, size_t errlen)
{
	struct index_params have;
	struct source s;
	uint64_t count;
	char a[96], b[96];
	int ret = -1;

	if (open_source(&s, path, err, errlen) < 0) {
		ret = errno == ENOENT ? 0 : -1;
		if (ret < 0)
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close_source(&s);
		return ret;
	}
	if (get_header(&s, &have, &count) == 0) {
		if (!same_params(&have, p)) {
			describe(a, sizeof(a), &have);
			describe(b, sizeof(b), p);
			snprintf(err, errlen, "%s: an index of %s, not %s",
			    path, a, b);
		} else if (get_documents(&s, ds, p, count) == 0) {
			ret = 1;
		}
	}
	close_source(&s);
	return ret;
}

/* A signature file, being written (w) or read (r). */
struct sig_file {
	struct sink w;
	struct source r;
	struct sig_params p;
	uint64_t n;		/* entries so far */
	struct buf id;		/* the id of the entry read last */
};

/* v's bits, to store a double exactly. */
static uint64_t
double_bits(double v)
{
	uint64_t u;

	memcpy(&u, &v, sizeof(u));
	return u;
}

static double
bits_double(uint64_t u)
{
	double v;

	memcpy(&v, &u, sizeof(v));
	return v;
}

struct sig_file *
sig_create(const char *path, const struct sig_params *p, char *err,
    size_t errlen)
{
	struct sig_file *f = xmalloc(sizeof(*f));

	memset(f, 0, sizeof(*f));
	f->p = *p;
	if (sink_create(&f->w, path, err, errlen) < 0) {
		free(f);
		return NULL;
	}
	put(&f->w, SIG_MAGIC, 8);
	put_settings(&f->w, &p->ix);
	put_u64(&f->w, double_bits(p->threshold));
	put_u64(&f->w, double_bits(p->containment));
	put_u32(&f->w, p->min_repeats);
	return f;
}

void
sig_put(struct sig_file *f, const struct sig_entry *e)
{
	put(&f->w, "\1", 1);
	if (f->p.ix.exact)
		put_u64(&f->w, e->hash);
	else {
		put(&f->w, e->k.sig.v, MH_K);
		put_u32(&f->w, e->k.sig.shingles);
		put_u32(&f->w, e->k.exact);
	}
	put_u32(&f->w, (uint32_t)e->idlen);
	put(&f->w, e->id, e->idlen);
	f->n++;
}

int
sig_close(struct sig_file *f, int commit, char *err, size_t errlen)
{
	int ret;

	if (commit) {
		put(&f->w, "\0", 1);
		put_u64(&f->w, f->n);
		sink_end(&f->w);
	}
	ret = sink_close(&f->w, commit, err, errlen);
	free(f);
	return ret;
}

/* "near mode, 5-word shingles, threshold 0.8, containment 0.8" or the
 * like, for messages. */
static void
sig_describe(char *buf, size_t len, const struct sig_params *p)
{
	if (p->ix.exact)
		snprintf(buf, len, "exact mode, normalize %u, min-repeats %u",
		    p->ix.norm, p->min_repeats);
	else
		snprintf(buf, len, "near mode, %u-word shingles, threshold %g,"
		    " containment %g", p->ix.shingle, p->threshold,
		    p->containment);
}

/* Whether signatures made with a decide as they would with b. */
static int
sig_same(const struct sig_params *a, const struct sig_params *b)
{
	if (!same_params(&a->ix, &b->ix))
		return 0;
	if (a->ix.exact)
		return a->min_repeats == b->min_repeats;
	return double_bits(a->threshold) == double_bits(b->threshold) &&
	    double_bits(a->containment) == double_bits(b->containment);
}

struct sig_file *
sig_open(const char *path, const struct sig_params *p, char *err,
    size_t errlen)
{
	struct sig_file *f = xmalloc(sizeof(*f));
	struct sig_params have;
	uint64_t t, c;
	uint32_t r;
	char a[128], b[128];

	memset(f, 0, sizeof(*f));
	f->p = *p;
	if (open_source(&f->r, path, err, errlen) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		sig_free(f);
		return NULL;
	}
	f->r.what = "signature file";
	if (get_settings(&f->r, SIG_MAGIC, &have.ix) < 0 ||
	    get_u64(&f->r, &t) < 0 || get_u64(&f->r, &c) < 0 ||
	    get_u32(&f->r, &r) < 0) {
		sig_free(f);
		return NULL;
	}
	have.threshold = bits_double(t);
	have.containment = bits_double(c);
	have.min_repeats = r;
	if (!sig_same(&have, p)) {
		sig_describe(a, sizeof(a), &have);
		sig_describe(b, sizeof(b), p);
		snprintf(err, errlen, "%s: signatures of %s, not %s", path, a,
		    b);
		sig_free(f);
		return NULL;
	}
	return f;
}

int
sig_next(struct sig_file *f, struct sig_entry *e)
{
	struct source *s = &f->r;
	unsigned char flag;
	uint64_t count;

	if (get(s, &flag, 1) < 0)
		return -1;
	if (flag == 0) {
		if (get_u64(s, &count) < 0)
			return -1;
		if (count != f->n) {
			snprintf(s->err, s->errlen, "%s: corrupt signature file"
			    " (count)", s->path);
			return -1;
		}
		return get_end(s) < 0 ? -1 : 0;
	}
	if (flag != 1) {
		snprintf(s->err, s->errlen, "%s: corrupt signature file (a"
		    " record flag of %u)", s->path, flag);
		return -1;
	}
	memset(e, 0, sizeof(*e));
	if (f->p.ix.exact ? get_u64(s, &e->hash) < 0 :
	    get(s, e->k.sig.v, MH_K) < 0 ||
	    get_u32(s, &e->k.sig.shingles) < 0 || get_u32(s, &e->k.exact) < 0)
		return -1;
	if (get_id(s, &f->id) < 0)
		return -1;
	e->id = f->id.p;
	e->idlen = f->id.len;
	f->n++;
	return 1;
}

void
sig_free(struct sig_file *f)
{
	close_source(&f->r);
	buf_free(&f->id);
	free(f);
}

/* Whether the decision file path holds these decisions already. */
static int
keep_same(const char *path, const unsigned char *keep, uint64_t count,
    uint64_t ids)
{
	struct buf old = { 0 };
	uint64_t oldcount, oldids;
	char err[16];
	int same;

	same = keep_load(path, &old, &oldcount, &oldids, err,
	    sizeof(err)) == 0 && oldcount == count && oldids == ids &&
	    (count == 0 || memcmp(old.p, keep, (size_t)((count + 7) / 8)) == 0);
	buf_free(&old);
	return same;
}

/*
 * A file that holds the same decisions is left as it is, its time too,
 * so that make(1) remakes only what depends on decisions that changed.
 */
int
keep_save(const char *path, const unsigned char *keep, uint64_t count,
    uint64_t ids, char *err, size_t errlen)
{
	struct sink s;

	if (keep_same(path, keep, count, ids))
		return 0;
	if (sink_create(&s, path, err, errlen) < 0)
		return -1;
	put(&s, KEEP_MAGIC, 8);
	put_u32(&s, INDEX_VERSION);
	put_u64(&s, count);
	put_u64(&s, ids);
	put(&s, keep, (size_t)((count + 7) / 8));
	sink_end(&s);
	return sink_close(&s, 1, err, errlen);
}

int
keep_load(const char *path, struct buf *keep, uint64_t *count,
    uint64_t *ids, char *err, size_t errlen)
{
	struct source s;
	struct stat st;
	char m[8];
	uint32_t version;
	uint64_t size;
	int ret = -1;

	if (open_source(&s, path, err, errlen) < 0 ||
	    fstat(fileno(s.f), &st) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close_source(&s);
		return -1;
	}
	s.what = "decision file";
	keep->len = 0;
	if (fread(m, 1, 8, s.f) != 8 || memcmp(m, KEEP_MAGIC, 8) != 0) {
		snprintf(err, errlen, "%s: not a ddedup decision file", path);
		goto done;
	}
	XXH3_64bits_update(s.hash, m, 8);
	if (get_u32(&s, &version) < 0)
		goto done;
	if (version != INDEX_VERSION) {
		snprintf(err, errlen, "%s: decision file version %u, not %u",
		    path, version, INDEX_VERSION);
		goto done;
	}
	if (get_u64(&s, count) < 0 || get_u64(&s, ids) < 0)
		goto done;
	size = (uint64_t)st.st_size;
	if (*count / 8 > size || KEEP_HEADER + (*count + 7) / 8 + 8 != size) {
		snprintf(err, errlen, "%s: corrupt decision file (its size)",
		    path);
		goto done;
	}
	buf_reserve(keep, (size_t)((*count + 7) / 8));
	keep->len = (size_t)((*count + 7) / 8);
	if (get(&s, keep->p, keep->len) < 0)
		goto done;
	if (*count % 8 != 0 && ((unsigned char)keep->p[keep->len - 1] >>
	    (*count % 8)) != 0) {
		snprintf(err, errlen, "%s: corrupt decision file (bits past"
		    " the count)", path);
		goto done;
	}
	ret = get_end(&s);
done:
	close_source(&s);
	return ret;
}
