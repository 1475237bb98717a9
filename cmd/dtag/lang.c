/*
 * lang.c: the language of a text, from its letters and its small words.
 *
 * One pass over at most LANG_SCAN bytes decodes UTF-8 (an ill-formed
 * byte is skipped) and counts the letters of each script; digits,
 * punctuation, symbols, emoji and combining marks count for nothing.
 * Latin letters also make words, which are looked up among the stop
 * words, a few frequent function words of each language.  Then:
 *
 *  1. fewer than LANG_MIN_LETTERS letters in all: "und";
 *  2. the script with the most letters decides when it holds at least
 *     LANG_MIN_SCRIPT percent of them; else "und".  Han and kana count
 *     as one script, so that Japanese, which mixes them, is not split;
 *  3. a script of one language gives it: Hangul "ko", Greek "el",
 *     Hebrew "he", Devanagari "hi", Bengali "bn", Gurmukhi "pa",
 *     Gujarati "gu", Tamil "ta", Telugu "te", Thai "th", Georgian "ka",
 *     Armenian "hy", Ethiopic "am";
 *  4. Arabic script is "ur" when the letters only Urdu uses (ٹ ڈ ڑ ں ے ہ
 *     ھ) make at least 1 percent of its letters, else "fa" when the
 *     Persian letters (پ چ ژ گ ک ی) do, else "ar";
 *  5. Han and kana are "ja" when kana make at least 5 percent of them
 *     (kana alone too), else "zh";
 *  6. Cyrillic is "uk" when the letters only Ukrainian uses (і ї є ґ)
 *     make at least 1 percent of its letters, else "ru";
 *  7. Latin script: a word (a run of Latin letters and combining marks,
 *     lowercased) that is a stop word is a hit for its language.  The
 *     language with the most hits wins when it has at least
 *     LATIN_MIN_HITS of them, at least 1.5 times the hits of the
 *     runner-up, and hits on at least LATIN_MIN_SHARE percent of the
 *     words; else "und".  English news prose has hits on 15 to 40
 *     percent of its words, a list of names (with its "of", "the" and
 *     "and") on less than 10.
 *
 * lang_init() puts the stop words into a hash table, the only state
 * here, which lang_detect() reads and never writes.
 */
#include <stdint.h>
#include <string.h>

#include "lang.h"
#include "swar.h"

#define nitems(a)	(sizeof(a) / sizeof((a)[0]))

#define LANG_MIN_LETTERS	20	/* fewer letters: "und" */
#define LANG_MIN_SCRIPT		60	/* percent of letters a script needs */
#define LATIN_MIN_HITS		5	/* stop words the winner needs */
#define LATIN_MIN_SHARE		12	/* percent of words that are hits */
#define WORD_MAX		8	/* bytes of the longest stop word */
#define STOP_SLOTS		1024	/* hash slots, a power of two */

#define ONES	SWAR_ONES
#define HIGHS	SWAR_HIGHS

/* What a character is to the counts: no letter, a mark, or a script. */
enum lang_class {
	C_NONE,		/* digits, punctuation, symbols: nothing */
	C_MARK,		/* combining mark: part of a word, no letter */
	C_LATIN,	/* the first class that counts as a letter */
	C_ARABIC,
	C_URDU,		/* Arabic letters that only Urdu uses */
	C_PERSIAN,	/* Arabic letters of Persian (and Urdu) */
	C_HAN,
	C_KANA,
	C_HANGUL,
	C_CYRILLIC,
	C_UKRAINIAN,	/* Cyrillic letters that only Ukrainian uses */
	C_GREEK,
	C_HEBREW,
	C_DEVANAGARI,
	C_BENGALI,
	C_GURMUKHI,
	C_GUJARATI,
	C_TAMIL,
	C_TELUGU,
	C_THAI,
	C_GEORGIAN,
	C_ARMENIAN,
	C_ETHIOPIC,
	C_COUNT
};

/*
 * What a byte starts: an ASCII letter, another ASCII character, a UTF-8
 * sequence of 2, 3 or 4 bytes (the kind is the length), or nothing that
 * is well-formed.
 */
enum { B_OTHER = 0, B_LETTER = 1, B_BAD = 5 };

#define O	B_OTHER
#define A	B_LETTER
#define X	B_BAD
static const unsigned char byte_kind[256] = {
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,	/* 00 */
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,	/* 10 */
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,	/* 20 */
	O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,	/* 30 */
	O, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,	/* 40 */
	A, A, A, A, A, A, A, A, A, A, A, O, O, O, O, O,	/* 50 */
	O, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,	/* 60 */
	A, A, A, A, A, A, A, A, A, A, A, O, O, O, O, O,	/* 70 */
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,	/* 80 */
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,	/* 90 */
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,	/* a0 */
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,	/* b0 */
	X, X, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,	/* c0 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,	/* d0 */
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,	/* e0 */
	4, 4, 4, 4, 4, X, X, X, X, X, X, X, X, X, X, X,	/* f0 */
};
#undef O
#undef A
#undef X

/*
 * The classes of the characters above ASCII, by range in code point
 * order; a character in no range is C_NONE.  Only letters are listed:
 * a block's digits and punctuation fall in the gaps.
 */
static const struct class_range {
	uint32_t lo, hi;
	unsigned char class;
} class_ranges[] = {
	{ 0x00AA, 0x00AA, C_LATIN },	/* ª */
	{ 0x00BA, 0x00BA, C_LATIN },	/* º */
	{ 0x00C0, 0x00D6, C_LATIN },
	{ 0x00D8, 0x00F6, C_LATIN },
	{ 0x00F8, 0x02AF, C_LATIN },	/* extended, IPA */
	{ 0x0300, 0x036F, C_MARK },
	{ 0x0370, 0x0373, C_GREEK },
	{ 0x0376, 0x0377, C_GREEK },
	{ 0x037B, 0x037D, C_GREEK },
	{ 0x037F, 0x037F, C_GREEK },
	{ 0x0386, 0x0386, C_GREEK },
	{ 0x0388, 0x03FF, C_GREEK },
	{ 0x0400, 0x0403, C_CYRILLIC },
	{ 0x0404, 0x0404, C_UKRAINIAN },	/* Є */
	{ 0x0405, 0x0405, C_CYRILLIC },
	{ 0x0406, 0x0407, C_UKRAINIAN },	/* І Ї */
	{ 0x0408, 0x0453, C_CYRILLIC },
	{ 0x0454, 0x0454, C_UKRAINIAN },	/* є */
	{ 0x0455, 0x0455, C_CYRILLIC },
	{ 0x0456, 0x0457, C_UKRAINIAN },	/* і ї */
	{ 0x0458, 0x0481, C_CYRILLIC },
	{ 0x048A, 0x048F, C_CYRILLIC },
	{ 0x0490, 0x0491, C_UKRAINIAN },	/* Ґ ґ */
	{ 0x0492, 0x052F, C_CYRILLIC },
	{ 0x0531, 0x0556, C_ARMENIAN },
	{ 0x0560, 0x0588, C_ARMENIAN },
	{ 0x05D0, 0x05EA, C_HEBREW },
	{ 0x05EF, 0x05F2, C_HEBREW },
	{ 0x0620, 0x063F, C_ARABIC },
	{ 0x0641, 0x064A, C_ARABIC },	/* not the tatweel */
	{ 0x066E, 0x066F, C_ARABIC },
	{ 0x0671, 0x0678, C_ARABIC },
	{ 0x0679, 0x0679, C_URDU },	/* ٹ */
	{ 0x067A, 0x067D, C_ARABIC },
	{ 0x067E, 0x067E, C_PERSIAN },	/* پ */
	{ 0x067F, 0x0685, C_ARABIC },
	{ 0x0686, 0x0686, C_PERSIAN },	/* چ */
	{ 0x0687, 0x0687, C_ARABIC },
	{ 0x0688, 0x0688, C_URDU },	/* ڈ */
	{ 0x0689, 0x0690, C_ARABIC },
	{ 0x0691, 0x0691, C_URDU },	/* ڑ */
	{ 0x0692, 0x0697, C_ARABIC },
	{ 0x0698, 0x0698, C_PERSIAN },	/* ژ */
	{ 0x0699, 0x06A8, C_ARABIC },
	{ 0x06A9, 0x06A9, C_PERSIAN },	/* ک */
	{ 0x06AA, 0x06AE, C_ARABIC },
	{ 0x06AF, 0x06AF, C_PERSIAN },	/* گ */
	{ 0x06B0, 0x06B9, C_ARABIC },
	{ 0x06BA, 0x06BA, C_URDU },	/* ں */
	{ 0x06BB, 0x06BD, C_ARABIC },
	{ 0x06BE, 0x06BE, C_URDU },	/* ھ */
	{ 0x06BF, 0x06C0, C_ARABIC },
	{ 0x06C1, 0x06C1, C_URDU },	/* ہ */
	{ 0x06C2, 0x06CB, C_ARABIC },
	{ 0x06CC, 0x06CC, C_PERSIAN },	/* ی */
	{ 0x06CD, 0x06D1, C_ARABIC },
	{ 0x06D2, 0x06D2, C_URDU },	/* ے */
	{ 0x06D3, 0x06D3, C_ARABIC },
	{ 0x06D5, 0x06D5, C_ARABIC },
	{ 0x06EE, 0x06EF, C_ARABIC },
	{ 0x06FA, 0x06FC, C_ARABIC },
	{ 0x06FF, 0x06FF, C_ARABIC },
	{ 0x0750, 0x077F, C_ARABIC },
	{ 0x08A0, 0x08C9, C_ARABIC },
	{ 0x0900, 0x0963, C_DEVANAGARI },
	{ 0x0971, 0x097F, C_DEVANAGARI },
	{ 0x0980, 0x09E3, C_BENGALI },
	{ 0x09F0, 0x09F1, C_BENGALI },
	{ 0x0A00, 0x0A65, C_GURMUKHI },
	{ 0x0A70, 0x0A7F, C_GURMUKHI },
	{ 0x0A80, 0x0AE3, C_GUJARATI },
	{ 0x0AF9, 0x0AFF, C_GUJARATI },
	{ 0x0B80, 0x0BE5, C_TAMIL },
	{ 0x0C00, 0x0C65, C_TELUGU },
	{ 0x0E01, 0x0E3A, C_THAI },
	{ 0x0E40, 0x0E4E, C_THAI },
	{ 0x10A0, 0x10FF, C_GEORGIAN },
	{ 0x1100, 0x11FF, C_HANGUL },	/* jamo */
	{ 0x1200, 0x135F, C_ETHIOPIC },
	{ 0x1380, 0x139F, C_ETHIOPIC },
	{ 0x1AB0, 0x1AFF, C_MARK },
	{ 0x1C80, 0x1C88, C_CYRILLIC },
	{ 0x1C90, 0x1CBF, C_GEORGIAN },
	{ 0x1DC0, 0x1DFF, C_MARK },
	{ 0x1E00, 0x1EFF, C_LATIN },
	{ 0x1F00, 0x1FFF, C_GREEK },
	{ 0x20D0, 0x20FF, C_MARK },
	{ 0x2C60, 0x2C7F, C_LATIN },
	{ 0x2D00, 0x2D2F, C_GEORGIAN },
	{ 0x2D80, 0x2DDF, C_ETHIOPIC },
	{ 0x3005, 0x3007, C_HAN },	/* 々 〆 〇 */
	{ 0x3041, 0x3096, C_KANA },	/* hiragana */
	{ 0x3099, 0x309F, C_KANA },
	{ 0x30A1, 0x30FA, C_KANA },	/* katakana */
	{ 0x30FC, 0x30FF, C_KANA },
	{ 0x3105, 0x312F, C_HAN },	/* bopomofo */
	{ 0x3131, 0x318E, C_HANGUL },
	{ 0x31F0, 0x31FF, C_KANA },
	{ 0x3400, 0x4DBF, C_HAN },
	{ 0x4E00, 0x9FFF, C_HAN },
	{ 0xA640, 0xA69F, C_CYRILLIC },
	{ 0xA720, 0xA7FF, C_LATIN },
	{ 0xA960, 0xA97F, C_HANGUL },
	{ 0xAC00, 0xD7A3, C_HANGUL },	/* syllables */
	{ 0xD7B0, 0xD7FF, C_HANGUL },
	{ 0xF900, 0xFAFF, C_HAN },
	{ 0xFB00, 0xFB06, C_LATIN },	/* ligatures */
	{ 0xFB13, 0xFB17, C_ARMENIAN },
	{ 0xFB1D, 0xFB4F, C_HEBREW },
	{ 0xFB50, 0xFDFF, C_ARABIC },	/* presentation forms */
	{ 0xFE20, 0xFE2F, C_MARK },
	{ 0xFE70, 0xFEFC, C_ARABIC },
	{ 0xFF21, 0xFF3A, C_LATIN },	/* fullwidth */
	{ 0xFF41, 0xFF5A, C_LATIN },
	{ 0xFF66, 0xFF9F, C_KANA },	/* halfwidth */
	{ 0xFFA0, 0xFFDC, C_HANGUL },
	{ 0x20000, 0x323AF, C_HAN },
};

/*
 * Capital and small letter pairs above ASCII, capital first, from the
 * first capital to the last small letter of a run: Latin-1 is done by
 * offset, these by pairs, and İ is the only letter set apart.
 */
static const struct case_run {
	uint32_t lo, hi;
} case_runs[] = {
	{ 0x0100, 0x012F },
	{ 0x0132, 0x0137 },
	{ 0x0139, 0x0148 },
	{ 0x014A, 0x0177 },
	{ 0x0179, 0x017E },
	{ 0x0218, 0x021B },
};

/*
 * The stop words of each language, lowercase, separated by spaces:
 * frequent function words, no word listed for two languages.  A word
 * frequent in several languages is left out ("de", "la", "en", "que",
 * "e", "o"), or kept for the one where it is far more frequent ("die",
 * "des", "il").  WORD_MAX bytes at most; lang_init() checks both.
 */
static const struct latin_lang {
	const char *code;
	const char *words;
} latin_langs[] = {
	{ "en",
	    "the and of to in is that for with was on are by this be "
	    "from have has it not which were their been will its" },
	{ "fr",
	    "le les des du et est une dans pour qui sur pas par au "
	    "aux avec cette sont été ont mais ses leur elle nous ils "
	    "où ces ce" },
	{ "de",
	    "der die das und ist nicht mit sich auf dem ein eine zu "
	    "von für im auch wird werden wurde sie bei nach aus hat "
	    "sind über dass zum zur" },
	{ "es",
	    "el los las y más pero fue también sin ya muy hay cuando "
	    "según sus hasta donde fueron dijo aunque después ese "
	    "esto están mientras tras" },
	{ "it",
	    "il che è per sono della delle dei degli nel nella alla "
	    "anche più gli questo questa essere stato dal dalla loro "
	    "dopo hanno cui tra sul negli" },
	{ "pt",
	    "em não uma os ao foi ele tem seu sua muito há já também "
	    "pelo pela até isso às ainda são foram disse após mas nas" },
	{ "nl",
	    "het een van op te dat niet zijn voor ook aan maar bij "
	    "nog wordt werd worden door naar uit hij heeft hebben tot "
	    "deze geen" },
	{ "id",
	    "yang dan di ke dari ini itu dengan untuk pada tidak "
	    "dalam akan juga adalah oleh sebagai karena atau tersebut "
	    "bahwa telah mereka sudah bisa lebih saat" },
	{ "tr",
	    "ve bir bu için ile olarak olan gibi daha çok sonra kadar "
	    "olduğu değil ancak veya şekilde diye ise göre oldu etti "
	    "yeni önce bunu ki iki ilk tüm" },
	{ "pl",
	    "w z się że nie jest jak po od przez za dla ale tak czy "
	    "jego który która które już może oraz był była są jako "
	    "także tylko przy roku" },
	{ "sv",
	    "och att det som på är av för med till har inte om ett "
	    "var jag sig vi så hade efter från eller vid också när "
	    "skulle detta vara" },
};

#define LATIN_LANGS	nitems(latin_langs)

/*
 * The stop words by hash, as lang_init() leaves them: a word's bytes
 * packed into a key (first byte lowest, 0 for an empty slot) and the
 * index of its language.  A key is in one of its two slots (cuckoo
 * hashing), so that a look-up is two loads and no branch: a third of
 * the words of a text are stop words, a branch would guess wrong often.
 */
static uint64_t stop_keys[STOP_SLOTS];
static unsigned char stop_langs[STOP_SLOTS];

#define NO_STOP		LATIN_LANGS	/* the hits of the other words */
#define CUCKOO_MOVES	256	/* keys moved for one put, at most */

/* The counts of one scan. */
struct scan {
	size_t letters[C_COUNT];	/* characters by class */
	size_t words;			/* Latin words */
	size_t hits[LATIN_LANGS + 1];	/* stop words by language */
};

/* Whether part is at least percent percent of whole. */
static int
at_least(size_t part, size_t whole, size_t percent)
{
	return part * 100 >= whole * percent;
}

/* Latin script: the language of the most stop words (rule 7). */
static const char *
pick_latin(const struct scan *sc, size_t letters)
{
	size_t best, second, i, lang;

	(void)letters;
	best = second = lang = 0;
	for (i = 0; i < LATIN_LANGS; i++) {
		if (sc->hits[i] > best) {
			second = best;
			best = sc->hits[i];
			lang = i;
		} else if (sc->hits[i] > second)
			second = sc->hits[i];
	}
	if (best < LATIN_MIN_HITS || best * 2 < second * 3 ||
	    !at_least(best, sc->words, LATIN_MIN_SHARE))
		return "und";
	return latin_langs[lang].code;
}

/* Arabic script: Urdu, Persian or Arabic by their own letters (rule 4). */
static const char *
pick_arabic(const struct scan *sc, size_t letters)
{
	if (at_least(sc->letters[C_URDU], letters, 1))
		return "ur";
	if (at_least(sc->letters[C_PERSIAN], letters, 1))
		return "fa";
	return "ar";
}

/* Han and kana: Japanese when there are kana enough (rule 5). */
static const char *
pick_cjk(const struct scan *sc, size_t letters)
{
	return at_least(sc->letters[C_KANA], letters, 5) ? "ja" : "zh";
}

/* Cyrillic: Ukrainian by its own letters, else Russian (rule 6). */
static const char *
pick_cyrillic(const struct scan *sc, size_t letters)
{
	return at_least(sc->letters[C_UKRAINIAN], letters, 1) ? "uk" : "ru";
}

/*
 * The scripts: the run of classes that count as each, and its language,
 * or the function that picks one when the script is shared.
 */
static const struct script {
	unsigned char first, last;
	const char *lang;
	const char *(*pick)(const struct scan *, size_t);
} scripts[] = {
	{ C_LATIN, C_LATIN, NULL, pick_latin },
	{ C_ARABIC, C_PERSIAN, NULL, pick_arabic },
	{ C_HAN, C_KANA, NULL, pick_cjk },
	{ C_HANGUL, C_HANGUL, "ko", NULL },
	{ C_CYRILLIC, C_UKRAINIAN, NULL, pick_cyrillic },
	{ C_GREEK, C_GREEK, "el", NULL },
	{ C_HEBREW, C_HEBREW, "he", NULL },
	{ C_DEVANAGARI, C_DEVANAGARI, "hi", NULL },
	{ C_BENGALI, C_BENGALI, "bn", NULL },
	{ C_GURMUKHI, C_GURMUKHI, "pa", NULL },
	{ C_GUJARATI, C_GUJARATI, "gu", NULL },
	{ C_TAMIL, C_TAMIL, "ta", NULL },
	{ C_TELUGU, C_TELUGU, "te", NULL },
	{ C_THAI, C_THAI, "th", NULL },
	{ C_GEORGIAN, C_GEORGIAN, "ka", NULL },
	{ C_ARMENIAN, C_ARMENIAN, "hy", NULL },
	{ C_ETHIOPIC, C_ETHIOPIC, "am", NULL },
};

/*
 * The number of bytes of s[0..n) to look at: all of them up to
 * LANG_SCAN, else LANG_SCAN less the start of a character the cut
 * would split.
 */
static size_t
scan_len(const unsigned char *s, size_t n)
{
	size_t m;

	if (n <= LANG_SCAN)
		return n;
	for (m = LANG_SCAN; m > LANG_SCAN - 3 && (s[m] & 0xC0) == 0x80; m--)
		continue;
	return m;
}

/*
 * The code point of the len-byte sequence at s, of which avail bytes
 * are there, or -1 when it is ill-formed or cut short.  The lead byte
 * is known to start a sequence of len bytes (C2..F4).
 */
static long
decode(const unsigned char *s, size_t avail, int len)
{
	uint32_t cp;

	if ((size_t)len > avail || (s[1] & 0xC0) != 0x80)
		return -1;
	if (len == 2)
		return (long)((s[0] & 0x1Fu) << 6 | (s[1] & 0x3Fu));
	if ((s[2] & 0xC0) != 0x80)
		return -1;
	if (len == 3) {
		cp = (s[0] & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 |
		    (s[2] & 0x3Fu);
		if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
			return -1;
		return (long)cp;
	}
	if ((s[3] & 0xC0) != 0x80)
		return -1;
	cp = (s[0] & 0x07u) << 18 | (s[1] & 0x3Fu) << 12 |
	    (s[2] & 0x3Fu) << 6 | (s[3] & 0x3Fu);
	if (cp < 0x10000 || cp > 0x10FFFF)
		return -1;
	return (long)cp;
}

/*
 * The class of cp, above ASCII.  *last is the range found last, tried
 * first, as a text's letters mostly come from one range; it is moved
 * to the range of cp when there is one.
 */
static int
class_of(uint32_t cp, struct class_range *last)
{
	size_t lo, hi, mid;

	if (cp >= last->lo && cp <= last->hi)
		return last->class;
	lo = 0;
	hi = nitems(class_ranges);
	while (lo < hi) {		/* the first range not below cp */
		mid = lo + (hi - lo) / 2;
		if (class_ranges[mid].hi < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == nitems(class_ranges) || cp < class_ranges[lo].lo)
		return C_NONE;
	*last = class_ranges[lo];
	return last->class;
}

/* The small letter of the Latin letter cp, above ASCII. */
static uint32_t
latin_lower(uint32_t cp)
{
	size_t i;

	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 0x20;
	if (cp == 0x130)		/* İ */
		return 'i';
	for (i = 0; i < nitems(case_runs); i++)
		if (cp >= case_runs[i].lo && cp <= case_runs[i].hi)
			return (cp - case_runs[i].lo) % 2 == 0 ? cp + 1 : cp;
	return cp;
}

/* Slot 0 or 1 (which) of the two where key may be. */
static size_t
stop_slot(uint64_t key, int which)
{
	uint64_t h = key * UINT64_C(0x9E3779B97F4A7C15);

	return (size_t)(which ? h >> 54 : h >> 32) & (STOP_SLOTS - 1);
}

/* The language index of the stop word key, else NO_STOP. */
static size_t
stop_find(uint64_t key)
{
	size_t a = stop_slot(key, 0), b = stop_slot(key, 1);
	size_t in_a = (size_t)0 - (stop_keys[a] == key),
	    in_b = (size_t)0 - (stop_keys[b] == key);

	/* a key is in one slot at most: masks, as compilers branch on ?: */
	return (stop_langs[a] & in_a) | (stop_langs[b] & in_b) |
	    (NO_STOP & ~(in_a | in_b));
}

/*
 * Put key, of language lang, into the table: in a free slot of its
 * two, else in the first, and the key that was there goes to its
 * other slot, and so on.  Returns -1 when that goes on too long.
 */
static int
stop_put(uint64_t key, unsigned char lang)
{
	size_t j = stop_slot(key, 0), moves;
	uint64_t k;
	unsigned char l;

	if (stop_keys[j] != 0 && stop_keys[stop_slot(key, 1)] == 0)
		j = stop_slot(key, 1);
	for (moves = 0; moves < CUCKOO_MOVES; moves++) {
		k = stop_keys[j];
		l = stop_langs[j];
		stop_keys[j] = key;
		stop_langs[j] = lang;
		if (k == 0)
			return 0;
		key = k;
		lang = l;
		j = stop_slot(key, 0) == j ? stop_slot(key, 1) :
		    stop_slot(key, 0);
	}
	return -1;
}

/*
 * Put the stop word w[0..n) of language lang into the table; -1 when it
 * is empty, too long, not lowercase letters, there already, or there is
 * no room.
 */
static int
stop_add(const char *w, size_t n, size_t lang)
{
	uint64_t key;
	size_t i;
	unsigned char c;

	if (n == 0 || n > WORD_MAX)
		return -1;
	key = 0;
	for (i = 0; i < n; i++) {
		c = (unsigned char)w[i];
		if (c < 0x80 && (byte_kind[c] != B_LETTER || c < 'a'))
			return -1;
		key |= (uint64_t)c << 8 * i;
	}
	if (stop_find(key) != NO_STOP)
		return -1;
	return stop_put(key, (unsigned char)lang);
}

int
lang_init(void)
{
	const char *w;
	size_t i, n, words;

	memset(stop_keys, 0, sizeof(stop_keys));
	memset(stop_langs, 0, sizeof(stop_langs));
	words = 0;
	for (i = 0; i < LATIN_LANGS; i++) {
		w = latin_langs[i].words;
		while (*(w += strspn(w, " ")) != '\0') {
			n = strcspn(w, " ");
			if (++words > STOP_SLOTS / 2 ||
			    stop_add(w, n, i) == -1)
				return -1;
			w += n;
		}
	}
	return 0;
}

/*
 * Append the Latin letter cp, above ASCII, lowercased, to the word key
 * of *len bytes; only its first WORD_MAX bytes are kept.
 */
static uint64_t
key_add(uint64_t key, size_t *len, uint32_t cp)
{
	unsigned char b[3];
	size_t i, k;

	cp = latin_lower(cp);
	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		k = 1;
	} else if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | cp >> 6);
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		k = 2;
	} else {
		b[0] = (unsigned char)(0xE0 | cp >> 12);
		b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		k = 3;
	}
	for (i = 0; i < k; i++, (*len)++)
		if (*len < WORD_MAX)
			key |= (uint64_t)b[i] << 8 * *len;
	return key;
}

/*
 * The high bit of each byte of v that is not an ASCII letter, eight
 * bytes at once: a byte is a letter when its high bit is clear and,
 * with bit 5 set as lowercase does, it lies in a..z.
 */
static uint64_t
non_letters(uint64_t v)
{
	uint64_t y, from_a, past_z;

	y = (v & ~HIGHS) | 0x20 * ONES;
	from_a = y + (0x80 - 'a') * ONES;
	past_z = y + (0x80 - 'z' - 1) * ONES;
	return (~from_a | past_z | v) & HIGHS;
}

/* The number of ASCII letters at the start of p[0..end). */
static size_t
letter_run(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *q;
	uint64_t m;

	for (q = p; end - q >= 8; q += 8)
		if ((m = non_letters(swar_load(q))) != 0)
			return (size_t)(q - p) + swar_first(m);
	while (q < end && byte_kind[*q] == B_LETTER)
		q++;
	return (size_t)(q - p);
}

/*
 * Append the ASCII letters q[0..run), lowercased, to the word key of
 * len bytes (len < WORD_MAX), as far as WORD_MAX bytes; q[0..end).
 */
static uint64_t
key_ascii(uint64_t key, size_t len, const unsigned char *q,
    const unsigned char *end, size_t run)
{
	uint64_t v;
	size_t i;

	if (run > WORD_MAX - len)
		run = WORD_MAX - len;
	if (end - q >= 8) {
		v = swar_load(q) | 0x20 * ONES;
		if (run < 8)
			v &= ((uint64_t)1 << 8 * run) - 1;
		return key | v << 8 * len;
	}
	for (i = 0; i < run; i++)
		key |= (uint64_t)(q[i] | 0x20) << 8 * (len + i);
	return key;
}

/*
 * Count the word key of len bytes, and a hit if it is a stop word; a
 * word too long for one looks up a key no word has, as a branch here
 * would be as hard to guess as the look-up's.
 */
static void
word_end(struct scan *sc, uint64_t key, size_t len)
{
	sc->words++;
	sc->hits[stop_find(key | ((uint64_t)0 - (len > WORD_MAX)))]++;
}

/* The language of the counts (rules 1 to 3). */
static const char *
pick_script(const struct scan *sc)
{
	const struct script *best;
	size_t all, count, top, i, c;

	all = 0;
	for (c = C_LATIN; c < C_COUNT; c++)
		all += sc->letters[c];
	if (all < LANG_MIN_LETTERS)
		return "und";
	best = NULL;
	top = 0;
	for (i = 0; i < nitems(scripts); i++) {
		count = 0;
		for (c = scripts[i].first; c <= scripts[i].last; c++)
			count += sc->letters[c];
		if (count > top) {
			top = count;
			best = &scripts[i];
		}
	}
	if (best == NULL || !at_least(top, all, LANG_MIN_SCRIPT))
		return "und";
	return best->pick != NULL ? best->pick(sc, top) : best->lang;
}

/*
 * Count the letters and the words of p[0..end) into sc: the words are
 * read packed into a key, and a word still open at end ends there.
 * *last is class_of()'s memory.
 */
static void
scan_bytes(struct scan *sc, const unsigned char *p, const unsigned char *end,
    struct class_range *last)
{
	uint64_t key = 0;
	size_t len = 0, latin = 0, run;
	long cp;
	int kind, class;

	while (p < end) {
		kind = byte_kind[*p];
		if (kind == B_LETTER) {
			run = letter_run(p, end);
			latin += run;
			if (len < WORD_MAX)
				key = key_ascii(key, len, p, end, run);
			len += run;
			p += run;
			continue;
		}
		if (kind == B_OTHER) {
			class = C_NONE;
			p++;
		} else if (kind == B_BAD ||
		    (cp = decode(p, (size_t)(end - p), kind)) < 0) {
			p++;		/* ill-formed: skipped */
			continue;
		} else {
			class = class_of((uint32_t)cp, last);
			if (class == C_LATIN)
				key = key_add(key, &len, (uint32_t)cp);
			sc->letters[class]++;
			p += kind;
		}
		if (len > 0 && class != C_LATIN && class != C_MARK) {
			word_end(sc, key, len);
			key = 0;
			len = 0;
		}
	}
	if (len > 0)
		word_end(sc, key, len);
	sc->letters[C_LATIN] += latin;
}

/* One pass counts letters by class and stop words; the rules decide. */
const char *
lang_detect(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	struct class_range last = class_ranges[0];
	struct scan sc;

	if (n == 0)
		return "und";
	memset(&sc, 0, sizeof(sc));
	scan_bytes(&sc, p, p + scan_len(p, n), &last);
	return pick_script(&sc);
}

/*
 * Count token t of p[0..covered) when it is ASCII letters only and
 * return 1, else return 0: eight bytes at once, and a word of at most
 * WORD_MAX bytes is looked up in one piece.
 */
static int
ascii_token(struct scan *sc, const unsigned char *p, size_t covered,
    const struct token *t)
{
	uint64_t v, keep;

	if (t->len <= WORD_MAX && covered - t->off >= 8) {
		v = swar_load(p + t->off);
		keep = t->len == 8 ? ~(uint64_t)0 :
		    ((uint64_t)1 << 8 * t->len) - 1;
		if ((non_letters(v) & keep) != 0)
			return 0;
		sc->letters[C_LATIN] += t->len;
		word_end(sc, (v | 0x20 * ONES) & keep, t->len);
		return 1;
	}
	if (t->len <= WORD_MAX ||
	    letter_run(p + t->off, p + t->off + t->len) != t->len)
		return 0;
	sc->letters[C_LATIN] += t->len;
	sc->words++;		/* too long for a stop word */
	return 1;
}

/*
 * The counts of lang_detect() from the tokens (token.h): the tokens of
 * ASCII letters, most of them, are counted without a second look at
 * their bytes, the others by their bytes; what lies between tokens is
 * no letter.
 */
const char *
lang_detect_tokens(const char *s, size_t n, size_t covered,
    const struct token *tok, size_t ntok)
{
	const unsigned char *p = (const unsigned char *)s;
	struct class_range last = class_ranges[0];
	struct scan sc;
	size_t cut, i, end, at;

	if (n == 0)
		return "und";
	cut = scan_len(p, n);
	if (covered < cut)
		return lang_detect(s, n);
	memset(&sc, 0, sizeof(sc));
	for (i = 0; i < ntok && tok[i].off < cut; i++) {
		end = (size_t)tok[i].off + tok[i].len;
		if (end > cut) {
			scan_bytes(&sc, p + tok[i].off, p + cut, &last);
			break;
		}
		if (!ascii_token(&sc, p, covered, &tok[i]))
			scan_bytes(&sc, p + tok[i].off, p + end, &last);
		if (!(tok[i].flags & TOK_POSS))
			continue;
		/* The s of a possessive 's (' U+2019 or U+02BC) is a word. */
		at = end + (p[end] == '\'' ? 1 : p[end] == 0xCA ? 2 : 3);
		if (at < cut) {
			sc.letters[C_LATIN]++;
			word_end(&sc, 's', 1);
		}
	}
	return pick_script(&sc);
}
