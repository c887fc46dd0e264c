"""The taxonomies every network starts with: life domains and target groups.

Codes are stable identifiers (URLs, filters, HSDS `code`); names are shown to families and have translations.
A network's coordinator can rename terms or add their own; these are only the seed.
"""

LIFE_DOMAINS_CODE = "levensdomein"
TARGET_GROUPS_CODE = "doelgroep"

TAXONOMIES = {
    LIFE_DOMAINS_CODE: {
        "name": "Levensdomeinen",
        "description": "Waar gaat de vraag van het gezin over?",
    },
    TARGET_GROUPS_CODE: {
        "name": "Doelgroepen",
        "description": "Voor wie is het aanbod bedoeld?",
    },
}

# code: (Dutch name, Dutch description, {lang: name})
LIFE_DOMAINS: dict[str, tuple[str, str, dict[str, str]]] = {
    "zwangerschap": (
        "Zwanger en geboorte",
        "Zwanger worden, zwanger zijn, bevallen en de eerste weken met je baby.",
        {
            "en": "Pregnancy and birth",
            "fr": "Grossesse et naissance",
            "tr": "Hamilelik ve doğum",
            "ar": "الحمل والولادة",
        },
    ),
    "gezondheid": (
        "Gezondheid en ontwikkeling",
        "Groeien, eten, slapen, vaccins en hoe je kind zich ontwikkelt.",
        {
            "en": "Health and development",
            "fr": "Santé et développement",
            "tr": "Sağlık ve gelişim",
            "ar": "الصحة والنمو",
        },
    ),
    "opvoeding": (
        "Opvoeden",
        "Vragen over opvoeden, gedrag, grenzen en het gezinsleven.",
        {"en": "Parenting", "fr": "Éducation des enfants", "tr": "Çocuk yetiştirme", "ar": "تربية الأطفال"},
    ),
    "kinderopvang": (
        "Kinderopvang",
        "Opvang voor baby's, peuters en schoolkinderen.",
        {"en": "Childcare", "fr": "Accueil des enfants", "tr": "Çocuk bakımı", "ar": "رعاية الأطفال"},
    ),
    "onderwijs": (
        "School en leren",
        "Naar school gaan, huiswerk, studiekeuze en leerproblemen.",
        {
            "en": "School and learning",
            "fr": "École et apprentissage",
            "tr": "Okul ve öğrenme",
            "ar": "المدرسة والتعلم",
        },
    ),
    "vrije-tijd": (
        "Spelen en vrije tijd",
        "Spelen, sport, cultuur, vakantie en andere gezinnen ontmoeten.",
        {
            "en": "Play and leisure",
            "fr": "Jeux et loisirs",
            "tr": "Oyun ve boş zaman",
            "ar": "اللعب وأوقات الفراغ",
        },
    ),
    "welzijn": (
        "Je goed voelen",
        "Stress, verdriet, ruzie, scheiding, geweld of als je het even niet meer weet.",
        {"en": "Wellbeing", "fr": "Bien-être", "tr": "İyi hissetmek", "ar": "الرفاه النفسي"},
    ),
    "geld": (
        "Geld en rechten",
        "Rondkomen, schulden, toelagen, premies en je rechten kennen.",
        {"en": "Money and rights", "fr": "Argent et droits", "tr": "Para ve haklar", "ar": "المال والحقوق"},
    ),
    "wonen": (
        "Wonen",
        "Een woning zoeken, huur, energie en veilig wonen.",
        {"en": "Housing", "fr": "Logement", "tr": "Barınma", "ar": "السكن"},
    ),
    "werk": (
        "Werk en opleiding",
        "Werk zoeken, een opleiding volgen en werk en gezin combineren.",
        {
            "en": "Work and training",
            "fr": "Travail et formation",
            "tr": "İş ve eğitim",
            "ar": "العمل والتدريب",
        },
    ),
    "taal": (
        "Taal en samenleven",
        "Nederlands leren, nieuw in België en je weg vinden in de buurt.",
        {
            "en": "Language and community",
            "fr": "Langue et vivre ensemble",
            "tr": "Dil ve birlikte yaşam",
            "ar": "اللغة والعيش المشترك",
        },
    ),
}

TARGET_GROUPS: dict[str, tuple[str, str, dict[str, str]]] = {
    "aanstaande-ouders": (
        "Aanstaande ouders",
        "Wie zwanger is of een kind verwacht, en hun partner.",
        {
            "en": "Expectant parents",
            "fr": "Futurs parents",
            "tr": "Anne-baba adayları",
            "ar": "الآباء المنتظرون",
        },
    ),
    "ouders": (
        "Ouders en opvoeders",
        "Ouders, plusouders, grootouders en iedereen die een kind opvoedt.",
        {
            "en": "Parents and carers",
            "fr": "Parents et éducateurs",
            "tr": "Ebeveynler ve bakıcılar",
            "ar": "الآباء ومقدمو الرعاية",
        },
    ),
    "kinderen": (
        "Kinderen",
        "Baby's, peuters, kleuters en kinderen tot 12 jaar.",
        {"en": "Children", "fr": "Enfants", "tr": "Çocuklar", "ar": "الأطفال"},
    ),
    "jongeren": (
        "Jongeren",
        "Tieners en jongeren van 12 tot 24 jaar.",
        {"en": "Young people", "fr": "Jeunes", "tr": "Gençler", "ar": "الشباب"},
    ),
    "alleenstaande-ouders": (
        "Alleenstaande ouders",
        "Wie alleen voor de kinderen zorgt.",
        {"en": "Single parents", "fr": "Parents solos", "tr": "Tek ebeveynler", "ar": "الآباء العازبون"},
    ),
    "scheiding": (
        "Gezinnen in scheiding",
        "Ouders en kinderen die een scheiding meemaken.",
        {
            "en": "Families going through separation",
            "fr": "Familles en séparation",
            "tr": "Boşanan aileler",
            "ar": "الأسر في حالة انفصال",
        },
    ),
    "nieuwkomers": (
        "Nieuwkomers",
        "Gezinnen die nog maar kort in België wonen.",
        {"en": "Newcomers", "fr": "Primo-arrivants", "tr": "Yeni gelenler", "ar": "القادمون الجدد"},
    ),
    "kwetsbare-gezinnen": (
        "Gezinnen met weinig geld",
        "Gezinnen die moeilijk rondkomen of in armoede leven.",
        {
            "en": "Families on a low income",
            "fr": "Familles à faibles revenus",
            "tr": "Düşük gelirli aileler",
            "ar": "الأسر ذات الدخل المحدود",
        },
    ),
    "beperking": (
        "Kinderen met een beperking",
        "Kinderen en jongeren met een handicap, ontwikkelingsproblemen of een chronische ziekte, en hun ouders.",
        {
            "en": "Children with a disability",
            "fr": "Enfants en situation de handicap",
            "tr": "Engelli çocuklar",
            "ar": "الأطفال ذوو الإعاقة",
        },
    ),
    "pleeggezinnen": (
        "Pleeggezinnen",
        "Pleegouders en pleegkinderen.",
        {
            "en": "Foster families",
            "fr": "Familles d'accueil",
            "tr": "Koruyucu aileler",
            "ar": "الأسر الحاضنة",
        },
    ),
    "professionals": (
        "Professionals",
        "Hulpverleners, leerkrachten en vrijwilligers die gezinnen begeleiden.",
        {"en": "Professionals", "fr": "Professionnels", "tr": "Profesyoneller", "ar": "المهنيون"},
    ),
}
