/* Unit tests for cmd/dtag/lang.c. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lang.h"
#include "token.h"

#define ENGLISH \
	"Foreign Minister Amina Rauf held a telephone conversation today " \
	"with the Minister of Foreign Affairs of the Republic of " \
	"Kazakhstan. The two ministers reviewed the entire spectrum of " \
	"bilateral relations and agreed to give fresh impetus to " \
	"cooperation in trade, transit, energy and education.\n" \
	"The Foreign Minister said that Pakistan regarded Kazakhstan as a " \
	"natural partner for regional connectivity, and that the ports of " \
	"Karachi and Gwadar offered the shortest route to the sea. Both " \
	"sides have agreed that the next round of talks will be held in " \
	"Astana this year.\n"

#define CHINESE \
	"外交部发言人今天在例行记者会上表示，中方愿同各方一道，推动地区和平与" \
	"稳定。双方同意进一步加强经贸合作，扩大人文交流，共同应对全球性挑战。\n"

/* A text, the language it must get, and the rule that says so. */
static const struct lang_case {
	const char *rule;
	const char *text;
	const char *want;
} cases[] = {
	{ "english news prose is en", ENGLISH, "en" },
	{ "french stop words give fr",
	    "Le ministre des Affaires étrangères a reçu mardi son homologue "
	    "allemand pour un entretien consacré à la situation au "
	    "Proche-Orient. Les deux ministres ont souligné l'importance "
	    "d'une solution politique et ont appelé à la reprise des "
	    "négociations.\nSelon le communiqué publié par le ministère, la "
	    "France est prête à accueillir une conférence internationale sur "
	    "la reconstruction, mais elle attend des garanties sur la "
	    "sécurité des populations civiles. Ces discussions se "
	    "poursuivront dans les prochaines semaines.\n", "fr" },
	{ "german stop words give de",
	    "Der Bundesaußenminister hat am Dienstag in Berlin seinen "
	    "französischen Amtskollegen empfangen. Die beiden Minister "
	    "sprachen über die Lage in der Ukraine und die Zusammenarbeit in "
	    "der Europäischen Union.\nNach dem Treffen sagte er, dass "
	    "Deutschland und Frankreich auch in Zukunft eng zusammenarbeiten "
	    "werden. Die Gespräche sollen im kommenden Monat in Paris "
	    "fortgesetzt werden, wie das Auswärtige Amt mitteilte.\n", "de" },
	{ "spanish stop words give es",
	    "El ministro de Asuntos Exteriores se reunió el martes en Madrid "
	    "con su homólogo mexicano para hablar sobre la cooperación "
	    "económica entre los dos países. Según un comunicado oficial, "
	    "ambos gobiernos firmaron también un acuerdo sobre migración y "
	    "seguridad.\nEl ministro dijo que las relaciones entre España y "
	    "México están en su mejor momento, aunque reconoció que todavía "
	    "hay muchos desafíos. Las conversaciones continuarán el próximo "
	    "mes en la capital mexicana.\n", "es" },
	{ "italian stop words give it",
	    "Il ministro degli Esteri ha incontrato ieri a Roma il suo "
	    "omologo tedesco per discutere della situazione in Medio Oriente "
	    "e della cooperazione economica tra i due paesi. Secondo una "
	    "nota della Farnesina, i due ministri hanno anche firmato un "
	    "accordo sulla gestione dei flussi migratori.\nDopo l'incontro il "
	    "ministro ha dichiarato che l'Italia e la Germania sono pronte a "
	    "lavorare insieme per la stabilità della regione.\n", "it" },
	{ "portuguese stop words give pt",
	    "O ministro dos Negócios Estrangeiros recebeu nesta terça-feira "
	    "em Lisboa o seu homólogo brasileiro para uma reunião sobre a "
	    "cooperação econômica entre os dois países. Segundo um "
	    "comunicado oficial, os governos também assinaram um acordo "
	    "sobre migração e segurança.\nO ministro disse que as relações "
	    "entre Portugal e o Brasil são muito fortes, mas reconheceu que "
	    "ainda há desafios. As conversações vão continuar no próximo mês "
	    "em Brasília.\n", "pt" },
	{ "dutch stop words give nl",
	    "De minister van Buitenlandse Zaken heeft dinsdag in Den Haag "
	    "zijn Duitse ambtgenoot ontvangen voor een gesprek over de "
	    "situatie in Oekraïne. Volgens een verklaring van het ministerie "
	    "werd ook gesproken over de samenwerking op het gebied van "
	    "energie.\nNa afloop zei de minister dat Nederland en Duitsland "
	    "nauw zullen blijven samenwerken. De gesprekken worden volgende "
	    "maand voortgezet in Berlijn. Er is nog geen datum vastgesteld "
	    "voor het bezoek.\n", "nl" },
	{ "indonesian stop words give id",
	    "Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar "
	    "Negeri Malaysia di Jakarta pada hari Selasa untuk membahas kerja "
	    "sama ekonomi antara kedua negara. Dalam pertemuan tersebut, "
	    "kedua menteri juga menandatangani perjanjian tentang "
	    "perlindungan pekerja migran.\nMenteri mengatakan bahwa hubungan "
	    "kedua negara saat ini sangat baik, tetapi masih ada tantangan "
	    "yang harus diselesaikan. Pembicaraan akan dilanjutkan bulan "
	    "depan di Kuala Lumpur.\n", "id" },
	{ "turkish stop words give tr",
	    "Dışişleri Bakanı salı günü Ankara'da Azerbaycanlı mevkidaşı ile "
	    "bir araya gelerek iki ülke arasındaki ekonomik iş birliğini "
	    "görüştü. Bakanlık tarafından yapılan açıklamaya göre, görüşmede "
	    "enerji ve ulaştırma alanlarındaki projeler de ele alındı.\n"
	    "Bakan, "
	    "iki ülke arasındaki ilişkilerin çok iyi olduğunu ancak daha "
	    "yapılacak çok iş bulunduğunu söyledi. Görüşmelerin gelecek ay "
	    "Bakü'de devam etmesi bekleniyor ve bu ziyaret için hazırlıklar "
	    "sürüyor.\n", "tr" },
	{ "polish stop words give pl",
	    "Minister spraw zagranicznych spotkał się we wtorek w Warszawie "
	    "ze swoim niemieckim odpowiednikiem, aby omówić sytuację na "
	    "Ukrainie oraz współpracę gospodarczą. Jak poinformowało "
	    "ministerstwo, podczas rozmowy podpisano także porozumienie w "
	    "sprawie bezpieczeństwa energetycznego.\nMinister powiedział, że "
	    "stosunki między Polską a Niemcami są obecnie bardzo dobre, ale "
	    "nadal jest wiele do zrobienia. Rozmowy będą kontynuowane w "
	    "przyszłym miesiącu w Berlinie.\n", "pl" },
	{ "swedish stop words give sv",
	    "Utrikesministern träffade på tisdagen sin norska kollega i "
	    "Stockholm för att diskutera säkerhetsläget i Östersjöregionen "
	    "och samarbetet inom energiområdet. Enligt ett pressmeddelande "
	    "från regeringen undertecknade de också ett avtal om gemensamma "
	    "övningar.\nMinistern sade att relationerna mellan Sverige och "
	    "Norge är mycket goda, men att det finns frågor som måste lösas. "
	    "Samtalen ska fortsätta nästa månad i Oslo.\n", "sv" },
	{ "capitals are lowercased before the stop words are looked up",
	    "THE TWO MINISTERS REVIEWED THE ENTIRE SPECTRUM OF BILATERAL "
	    "RELATIONS AND AGREED THAT THE NEXT ROUND OF TALKS WILL BE HELD "
	    "IN ASTANA, AS THE MINISTRY HAS SAID IN A STATEMENT.\n", "en" },
	{ "capitals above ascii are lowercased too",
	    "DIŞİŞLERİ BAKANI, İKİ ÜLKE ARASINDAKİ İLİŞKİLERİN ÇOK İYİ "
	    "OLDUĞU, ANCAK DAHA YAPILACAK ÇOK İŞ BULUNDUĞU GÖRÜŞÜNDE. "
	    "AÇIKLAMAYA GÖRE GÖRÜŞMELER GELECEK AY DA SÜRECEK VE BU "
	    "ZİYARET İÇİN HAZIRLIK YAPILIYOR.\n", "tr" },
	{ "urdu-only letters give ur",
	    "پاکستان اور چین کے درمیان اسٹریٹجک مذاکرات کا پانچواں دور اسلام "
	    "آباد میں منعقد ہوا۔\nدونوں ممالک نے دوطرفہ تعلقات اور اقتصادی "
	    "راہداری کے منصوبوں پر تبادلہ خیال کیا۔\n", "ur" },
	{ "arabic script without urdu or persian letters is ar",
	    "عقد وزير الخارجية اجتماعا مع نظيره الأردني في القاهرة يوم "
	    "الثلاثاء لبحث العلاقات الثنائية بين البلدين.\nوأكد الوزيران على "
	    "أهمية تعزيز التعاون الاقتصادي والتنسيق المشترك في القضايا "
	    "الإقليمية.\n", "ar" },
	{ "persian letters without urdu ones give fa",
	    "وزیر امور خارجه ایران روز سه‌شنبه با همتای ترکیه‌ای خود در تهران "
	    "دیدار و درباره گسترش همکاری‌های اقتصادی گفتگو کرد.\n"
	    "دو طرف همچنین "
	    "بر اهمیت توسعه روابط تجاری و فرهنگی میان دو کشور تأکید "
	    "کردند.\n", "fa" },
	{ "a stray urdu letter under 1 percent leaves ar",
	    "عقد وزير الخارجية اجتماعا مع نظيره الأردني في القاهرة يوم "
	    "الثلاثاء لبحث العلاقات الثنائية بين البلدين ٹ.\n"
	    "وأكد الوزيران على "
	    "أهمية تعزيز التعاون الاقتصادي والتنسيق المشترك في القضايا "
	    "الإقليمية.\n", "ar" },
	{ "han without kana is zh", CHINESE, "zh" },
	{ "han with kana is ja",
	    "外務大臣は火曜日、東京で韓国の外相と会談し、"
	    "両国間の経済協力について意見を交換しました。\n"
	    "会談の後、大臣は記者団に対し、地域の平和と安定"
	    "のために緊密に連携していくことを確認したと述べました。\n", "ja" },
	{ "kana alone is ja",
	    "きょうは とても いい てんきですね。あしたも はれると いいですね。"
	    "カタカナも すこし まぜて みましょう。\n", "ja" },
	{ "hangul is ko",
	    "외교부 장관은 화요일 서울에서 일본 외무상과 회담을 갖고 "
	    "양국 간 경제 "
	    "협력 방안을 논의했다.\n두 장관은 지역의 평화와 안정을 위해 긴밀히 "
	    "협력하기로 합의했다.\n", "ko" },
	{ "cyrillic without ukrainian letters is ru",
	    "Министр иностранных дел провёл во вторник переговоры со своим "
	    "казахстанским коллегой в Москве.\nСтороны обсудили вопросы "
	    "торгово-экономического сотрудничества и региональной "
	    "безопасности.\n", "ru" },
	{ "ukrainian letters give uk",
	    "Міністр закордонних справ України провів у вівторок переговори "
	    "зі своїм польським колегою у Києві.\nСторони обговорили питання "
	    "економічної співпраці та енергетичної безпеки в регіоні.\n",
	    "uk" },
	{ "greek is el",
	    "Ο υπουργός Εξωτερικών συναντήθηκε την Τρίτη στην Αθήνα με τον "
	    "Κύπριο ομόλογό του.\nΣυζήτησαν τις διμερείς σχέσεις και τη "
	    "συνεργασία στον τομέα της ενέργειας.\n", "el" },
	{ "hebrew is he",
	    "שר החוץ נפגש ביום שלישי בירושלים עם עמיתו היווני.\nהשניים דנו "
	    "בשיתוף הפעולה הכלכלי בין שתי המדינות ובמצב הביטחוני באזור.\n",
	    "he" },
	{ "devanagari is hi",
	    "विदेश मंत्री ने मंगलवार को नई दिल्ली में अपने नेपाली "
	    "समकक्ष से मुलाकात की।\nदोनों नेताओं ने क्षेत्रीय शांति और "
	    "स्थिरता के लिए मिलकर काम करने "
	    "पर सहमति व्यक्त की।\n", "hi" },
	{ "thai is th",
	    "รัฐมนตรีว่าการกระทรวงการต่างประเทศได้พบหารือกับรัฐมนตรีต่างประเทศ"
	    "ญี่ปุ่นที่กรุงเทพฯ\nเพื่อหารือเกี่ยวกับความร่วมมือทางเศรษฐกิจ"
	    "ระหว่างสองประเทศ\n", "th" },
	{ "fewer than 20 letters is und", "Talks held in Astana.", "und" },
	{ "digits and punctuation only is und",
	    "2024-03-14 12:30:45 +05:00 | 1,234,567.89 | (42) 7/11 %%% 0.5\n"
	    "310 120 99 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19\n",
	    "und" },
	{ "a script with 60 percent of the letters decides",
	    "Министр иностранных дел провёл переговоры со своим коллегой "
	    "Daniyar Kemelbekov в Астане; стороны обсудили проект CASA-1000 "
	    "и маршрут Trans-Caspian.\n", "ru" },
	{ "half latin, half cyrillic is und",
	    "The ministers reviewed bilateral relations and trade.\n"
	    "Министры обсудили двусторонние отношения и торговлю.\n", "und" },
	{ "english with a few chinese words is still en",
	    "The delegation visited the 中国 pavilion at the trade fair in "
	    "上海 and met officials of the 商务部. The ministers said that "
	    "the exhibition was a success and that it would be held again "
	    "next year, with more companies from the region.\n", "en" },
	{ "a line of company names is und",
	    "Apple Inc., Microsoft Corp., Alphabet Inc., Amazon.com Inc., "
	    "Meta Platforms Inc., Berkshire Hathaway Inc., Tesla Inc., "
	    "Bank of America Corp., JPMorgan Chase & Co., Toyota Motor Corp., "
	    "Samsung Electronics Co. Ltd., Nestle SA, Siemens AG, Unilever "
	    "PLC, Tencent Holdings Ltd., Alibaba Group Holding Ltd., The Walt "
	    "Disney Co., Commonwealth Bank of Australia, State Bank of "
	    "India, Industrial and Commercial Bank of China Ltd., The "
	    "Coca-Cola Co., Procter and Gamble Co., Habib Bank Ltd., Engro "
	    "Corp., Lucky Cement Ltd., Saudi Aramco, Reliance Industries "
	    "Ltd., Tata Consultancy Services Ltd.\n", "und" },
	{ "latin text in no listed language is und",
	    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed "
	    "eiusmod tempor incididunt ut labore magna aliqua. Ut enim ad "
	    "minim veniam, quis nostrud exercitation ullamco laboris nisi "
	    "aliquip ex ea commodo consequat.\n", "und" },
};

/* lang_detect_tokens() on s[0..n), its first covered bytes tokenized. */
static const char *
by_tokens(const char *s, size_t n, size_t covered)
{
	struct tokens t = { 0 };
	const char *lang;

	tok_scan(&t, s, covered);
	lang = lang_detect_tokens(s, n, covered, t.v, t.n);
	tok_free(&t);
	return lang;
}

/*
 * Check one case, by the bytes and by the tokens, and show what came
 * back when it is wrong.
 */
static void
check_case(const struct lang_case *c)
{
	size_t n = strlen(c->text);
	const char *got, *tokens;

	got = lang_detect(c->text, n);
	tokens = by_tokens(c->text, n, n);
	CHECK(c->rule, strcmp(got, c->want) == 0 &&
	    strcmp(tokens, c->want) == 0);
	if (strcmp(got, c->want) != 0 || strcmp(tokens, c->want) != 0)
		printf("\twant %s, got %s, by the tokens %s\n", c->want, got,
		    tokens);
}

/*
 * A text of a bytes of first, repeated and cut, then b bytes of second;
 * the caller frees it.
 */
static char *
glue(const char *first, size_t a, const char *second, size_t b)
{
	size_t i, m, n;
	char *s;

	if ((s = malloc(a + b)) == NULL)
		return NULL;
	m = strlen(first);
	n = strlen(second);
	for (i = 0; i < a; i++)
		s[i] = first[i % m];
	for (i = 0; i < b; i++)
		s[a + i] = second[i % n];
	return s;
}

int
main(void)
{
	static const char dirty[] =
	    "Foreign Minister Amina Rauf held a \xff telephone conversation "
	    "today with the Minister of Foreign \xc3\x28 Affairs of the "
	    "Republic of Kazakhstan. The two ministers \x80\x80 reviewed the "
	    "entire spectrum of bilateral relations and agreed to give fresh "
	    "impetus to cooperation in trade, transit, \xe2\x82 energy and "
	    "education.\nThe Foreign Minister said that Pakistan regarded "
	    "Kazakhstan as a natural partner for regional connectivity, and "
	    "that th\xff" "e ports of Karachi and Gwadar offered the shortest "
	    "route to the sea. Both sides have agreed that the next round of "
	    "talks "
	    "will be held in Astana this year.\xf0\x9f\x98\n";
	/* 12 Cyrillic letters and 8 Latin ones, with the s of 's: 60% */
	static const char poss[] = "Москва Самара Ahmedov's",
	    poss2[] = "Москва Самара Ahmedov\xe2\x80\x99s",
	    poss3[] = "Москва Самара Ahmedov\xca\xbcs";
	char *big;
	size_t i, n;

	CHECK("the stop word lists are well formed", lang_init() == 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_case(&cases[i]);

	CHECK("n = 0 is und", strcmp(lang_detect(ENGLISH, 0), "und") == 0);
	CHECK("ill-formed bytes in english text change nothing",
	    strcmp(lang_detect(dirty, sizeof(dirty) - 1), "en") == 0 &&
	    strcmp(lang_detect(ENGLISH, strlen(ENGLISH)), "en") == 0);
	CHECK("a text cut short inside a character is read to the cut",
	    strcmp(lang_detect(CHINESE, sizeof(CHINESE) - 3), "zh") == 0);

	big = glue(ENGLISH, LANG_SCAN, CHINESE, 4 * LANG_SCAN);
	CHECK("english for LANG_SCAN bytes, then chinese, is en",
	    big != NULL && strcmp(lang_detect(big, 5 * LANG_SCAN), "en") == 0);
	CHECK("that chinese on its own is zh", big != NULL &&
	    strcmp(lang_detect(big + LANG_SCAN, 4 * LANG_SCAN), "zh") == 0);
	CHECK("by the tokens too", big != NULL &&
	    strcmp(by_tokens(big, 5 * LANG_SCAN, 5 * LANG_SCAN), "en") == 0 &&
	    strcmp(by_tokens(big + LANG_SCAN, 4 * LANG_SCAN, 4 * LANG_SCAN),
	    "zh") == 0);
	free(big);
	big = glue(" ", LANG_SCAN, CHINESE, 4 * LANG_SCAN);
	CHECK("nothing past the first LANG_SCAN bytes is looked at",
	    big != NULL &&
	    strcmp(lang_detect(big, 5 * LANG_SCAN), "und") == 0 &&
	    strcmp(by_tokens(big, 5 * LANG_SCAN, 5 * LANG_SCAN), "und") == 0);
	free(big);
	/*
	 * The cut falls after "Ahmedovi": with 12 Cyrillic letters before,
	 * 8 Latin letters make 60 percent (ru); 10 or none would not.
	 */
	big = malloc(LANG_SCAN + 10);
	if (big != NULL) {
		static const char cyr[] = "Москва Самара ", lat[] = "Ahmedovich";

		memset(big, ' ', LANG_SCAN + 10);
		memcpy(big + LANG_SCAN - 8 - (sizeof(cyr) - 1), cyr,
		    sizeof(cyr) - 1);
		memcpy(big + LANG_SCAN - 8, lat, sizeof(lat) - 1);
	}
	CHECK("a word across the cut counts to the cut", big != NULL &&
	    strcmp(lang_detect(big, LANG_SCAN + 10), "ru") == 0 &&
	    strcmp(by_tokens(big, LANG_SCAN + 10, LANG_SCAN + 10), "ru") ==
	    0);
	free(big);

	CHECK("the s of a possessive is a word of one letter",
	    strcmp(lang_detect(poss, sizeof(poss) - 1), "ru") == 0 &&
	    strcmp(by_tokens(poss, sizeof(poss) - 1, sizeof(poss) - 1),
	    "ru") == 0 &&
	    strcmp(lang_detect(poss, sizeof(poss) - 3), "und") == 0 &&
	    strcmp(by_tokens(poss, sizeof(poss) - 3, sizeof(poss) - 3),
	    "und") == 0);
	CHECK("after U+2019 and U+02BC too",
	    strcmp(by_tokens(poss2, sizeof(poss2) - 1, sizeof(poss2) - 1),
	    "ru") == 0 &&
	    strcmp(by_tokens(poss3, sizeof(poss3) - 1, sizeof(poss3) - 1),
	    "ru") == 0 &&
	    strcmp(lang_detect(poss2, sizeof(poss2) - 1), "ru") == 0);
	n = strlen(ENGLISH);
	CHECK("tokens of less than the text: the bytes decide",
	    strcmp(by_tokens(ENGLISH, n, 100), "en") == 0 &&
	    strcmp(by_tokens(ENGLISH, 100, 100), "und") == 0);
	return check_status();
}
