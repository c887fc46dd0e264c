"""Huis van het Kind Leuven: example data written for the demo.

The organisations are the 22 signatories of the 2014 engagement declaration plus the network's own vzw.
Descriptions, services, opening hours and prices are made up for the demo; every e-mail address, phone
number and website is fictitious. Street names are real, house numbers and coordinates are approximate.
"""

from hvhk.demo.data.types import Area, House, Location, NetworkInfo, Organization, Service

NETWORK: NetworkInfo = {
    "slug": "leuven",
    "name": "Huis van het Kind Leuven",
    "description": (
        "Het Huis van het Kind Leuven brengt organisaties samen die gezinnen helpen, van de zwangerschap tot "
        "je kind 24 jaar is. Hier vind je waar je in Leuven terechtkunt met je vragen."
    ),
    "email": "info@huisvanhetkind-leuven.example",
    "phone": "016 00 00 00",
    "website": "https://www.huisvanhetkind-leuven.example",
    "address": "Brusselsestraat 63, 3000 Leuven",
    "colour": "#0E5A6B",
}

AREAS: list[Area] = [
    {
        "key": "leuven",
        "name": "Leuven",
        "kind": "municipality",
        "postcodes": ["3000", "3001", "3010", "3012", "3018"],
        "lat": 50.8798,
        "lon": 4.7005,
    },
    {
        "key": "leuven-centrum",
        "name": "Leuven-centrum",
        "kind": "submunicipality",
        "parent": "leuven",
        "postcodes": ["3000"],
        "lat": 50.879,
        "lon": 4.701,
    },
    {
        "key": "heverlee",
        "name": "Heverlee",
        "kind": "submunicipality",
        "parent": "leuven",
        "postcodes": ["3001"],
        "lat": 50.862,
        "lon": 4.695,
    },
    {
        "key": "kessel-lo",
        "name": "Kessel-Lo",
        "kind": "submunicipality",
        "parent": "leuven",
        "postcodes": ["3010"],
        "lat": 50.888,
        "lon": 4.733,
    },
    {
        "key": "wilsele",
        "name": "Wilsele",
        "kind": "submunicipality",
        "parent": "leuven",
        "postcodes": ["3012"],
        "lat": 50.903,
        "lon": 4.700,
    },
    {
        "key": "wijgmaal",
        "name": "Wijgmaal",
        "kind": "submunicipality",
        "parent": "leuven",
        "postcodes": ["3018"],
        "lat": 50.925,
        "lon": 4.700,
    },
]

ORGANIZATIONS: list[Organization] = [
    {
        "slug": "stad-leuven",
        "name": "Stad Leuven",
        "description": (
            "De stad helpt gezinnen met kinderopvang, vrije tijd, wonen en de UiTPAS. Stad Leuven "
            "coördineert ook het netwerk van het Huis van het Kind."
        ),
        "role": "netwerktrekker",
        "engagement_signed_on": "2014-11-13",
        "email": "info@stad-leuven.example",
        "phone": "016 00 10 00",
        "website": "https://www.stad-leuven.example",
        "legal_status": "openbaar bestuur",
    },
    {
        "slug": "caw-oost-brabant",
        "name": "CAW Oost-Brabant",
        "alternate_name": "Centrum Algemeen Welzijnswerk Oost-Brabant",
        "description": (
            "Bij het CAW kan je terecht met elke vraag of elk probleem: relaties, geweld, geld, wonen of "
            "papieren. Jongeren vinden er het JAC. De hulp is gratis en vertrouwelijk."
        ),
        "role": "netwerktrekker",
        "engagement_signed_on": "2014-11-13",
        "email": "info@caw-oost-brabant.example",
        "phone": "016 00 11 20",
        "website": "https://www.caw-oost-brabant.example",
        "legal_status": "vzw",
    },
    {
        "slug": "buurtwerk-t-lampeke",
        "name": "Buurtwerk 't Lampeke vzw",
        "description": (
            "'t Lampeke werkt in Leuvense buurten met veel sociale woningen. Buren ontmoeten elkaar in het "
            "buurthuis, kinderen krijgen hulp bij hun huiswerk en samen komen we op voor betere "
            "leefomstandigheden."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@buurtwerk-t-lampeke.example",
        "phone": "016 00 12 30",
        "website": "https://www.buurtwerk-t-lampeke.example",
        "legal_status": "vzw",
    },
    {
        "slug": "mfc-combo",
        "name": "MFC Combo",
        "alternate_name": "Multifunctioneel Centrum Combo",
        "description": (
            "Combo begeleidt kinderen en jongeren met een beperking en hun gezin. Dat kan overdag in het "
            "centrum, tijdens een logeerweekend of bij jou thuis."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@mfc-combo.example",
        "phone": "016 00 13 40",
        "website": "https://www.mfc-combo.example",
        "legal_status": "vzw",
    },
    {
        "slug": "amber",
        "name": "Amber vzw",
        "description": (
            "Amber is een organisatie voor jeugdhulp. Een begeleider komt bij je thuis als het thuis "
            "moeilijk loopt, en jongeren krijgen hulp om op zichzelf te gaan wonen."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@amber.example",
        "phone": "016 00 14 50",
        "website": "https://www.amber.example",
        "legal_status": "vzw",
    },
    {
        "slug": "gezinsbond",
        "name": "Gezinsbond vzw",
        "description": (
            "De Gezinsbond is een vereniging voor alle gezinnen. In Leuven zorgen vrijwilligers voor een "
            "babysitdienst, tweedehandsbeurzen en kortingen voor leden."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@gezinsbond.example",
        "phone": "016 00 15 60",
        "website": "https://www.gezinsbond.example",
        "legal_status": "vzw",
    },
    {
        "slug": "scheidingsschool",
        "name": "De Scheidingsschool vzw",
        "description": (
            "De Scheidingsschool organiseert groepen voor kinderen, jongeren en ouders die een scheiding "
            "meemaken. Je leert er omgaan met wat er verandert en je merkt dat je niet alleen bent."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@scheidingsschool.example",
        "phone": "016 00 16 70",
        "website": "https://www.scheidingsschool.example",
        "legal_status": "vzw",
    },
    {
        "slug": "bakermat",
        "name": "Bakermat vzw",
        "description": (
            "Bakermat komt aan huis bij jonge gezinnen die het moeilijk hebben. Samen met de ouders zoeken "
            "we hoe hun baby of peuter goed kan spelen en groeien."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@bakermat.example",
        "phone": "016 00 17 80",
        "website": "https://www.bakermat.example",
        "legal_status": "vzw",
    },
    {
        "slug": "inloopteam-de-mobil",
        "name": "Inloopteam De Mobil vzw",
        "description": (
            "De Mobil is een inloopteam voor gezinnen met jonge kinderen die weinig geld hebben. Je kan er "
            "binnenlopen voor een babbel, raad of hulp, en je ontmoet er andere ouders."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@inloopteam-de-mobil.example",
        "phone": "016 00 18 90",
        "website": "https://www.inloopteam-de-mobil.example",
        "legal_status": "vzw",
    },
    {
        "slug": "wigwam",
        "name": "Wigwam vzw",
        "description": (
            "Wigwam helpt ouders met vragen over opvoeden. Je kan bellen, langskomen op het spreekuur of een "
            "oudergroep volgen in het Huis van het Kind."
        ),
        "role": "netwerktrekker",
        "engagement_signed_on": "2014-11-13",
        "email": "info@wigwam.example",
        "phone": "016 00 19 10",
        "website": "https://www.wigwam.example",
        "legal_status": "vzw",
    },
    {
        "slug": "uz-leuven-parel",
        "name": "UZ Leuven / Parel",
        "alternate_name": "Universitaire Ziekenhuizen Leuven",
        "description": (
            "Het universitair ziekenhuis begeleidt zwangere vrouwen en jonge ouders. Parel biedt "
            "psychologische steun rond zwangerschap en geboorte, en lactatiekundigen helpen bij "
            "borstvoeding."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@uz-leuven-parel.example",
        "phone": "016 00 20 20",
        "website": "https://www.uz-leuven-parel.example",
        "legal_status": "openbaar ziekenhuis",
    },
    {
        "slug": "kind-en-preventie",
        "name": "Kind en Preventie vzw",
        "description": (
            "Kind en Preventie organiseert consultatiebureaus en begeleidt zwangere vrouwen. Artsen en "
            "verpleegkundigen volgen de groei en gezondheid van je kind en geven gratis vaccins."
        ),
        "role": "netwerktrekker",
        "engagement_signed_on": "2014-11-13",
        "email": "info@kind-en-preventie.example",
        "phone": "016 00 21 30",
        "website": "https://www.kind-en-preventie.example",
        "legal_status": "vzw",
    },
    {
        "slug": "clb-go-leuven",
        "name": "CLB GO! Leuven",
        "alternate_name": "Centrum voor leerlingenbegeleiding GO! Leuven",
        "description": (
            "Het CLB begeleidt leerlingen van GO!-scholen bij leren, studiekeuze, gezondheid en hoe ze zich "
            "voelen. Leerlingen en ouders kunnen er gratis terecht."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@clb-go-leuven.example",
        "phone": "016 00 22 40",
        "website": "https://www.clb-go-leuven.example",
        "legal_status": "openbaar bestuur",
    },
    {
        "slug": "vclb-leuven",
        "name": "VCLB Leuven",
        "alternate_name": "Vrij Centrum voor leerlingenbegeleiding Leuven",
        "description": (
            "Het VCLB begeleidt leerlingen van katholieke scholen. Je kan er gratis terecht met vragen over "
            "leren, pesten, gezondheid of de keuze van een studierichting."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@vclb-leuven.example",
        "phone": "016 00 23 50",
        "website": "https://www.vclb-leuven.example",
        "legal_status": "vzw",
    },
    {
        "slug": "ckg-de-schommel",
        "name": "CKG De Schommel",
        "alternate_name": "Centrum voor Kinderzorg en Gezinsondersteuning De Schommel",
        "description": (
            "De Schommel vangt kinderen tot 12 jaar korte tijd op als het thuis even niet lukt. Begeleiders "
            "helpen ouders ook thuis bij de opvoeding."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@ckg-de-schommel.example",
        "phone": "016 00 24 60",
        "website": "https://www.ckg-de-schommel.example",
        "legal_status": "vzw",
    },
    {
        "slug": "domo",
        "name": "Domo vzw",
        "description": (
            "Bij Domo komt een vrijwilliger op bezoek bij gezinnen die er alleen voor staan. Hij of zij "
            "luistert, helpt met kleine dingen en gaat mee op stap."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@domo.example",
        "phone": "016 00 25 70",
        "website": "https://www.domo.example",
        "legal_status": "vzw",
    },
    {
        "slug": "speelodroom",
        "name": "SpeelOdroom vzw",
        "description": (
            "SpeelOdroom organiseert speelpleinen en de speelbus in Leuven. Kinderen spelen er samen met "
            "ervaren animatoren, tijdens de schoolvakanties en in hun eigen buurt."
        ),
        "role": "partner",
        "engagement_signed_on": "2015-03-02",
        "email": "info@speelodroom.example",
        "phone": "016 00 26 80",
        "website": "https://www.speelodroom.example",
        "legal_status": "vzw",
    },
    {
        "slug": "leren-ondernemen",
        "name": "Leren Ondernemen vzw",
        "description": (
            "Leren Ondernemen werkt samen met mensen in armoede. Vrijwilligers helpen kinderen en jongeren "
            "met hun huiswerk en ondersteunen ouders bij alles wat met school te maken heeft."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@leren-ondernemen.example",
        "phone": "016 00 27 90",
        "website": "https://www.leren-ondernemen.example",
        "legal_status": "vzw",
    },
    {
        "slug": "ocmw-leuven",
        "name": "OCMW Leuven",
        "alternate_name": "Openbaar Centrum voor Maatschappelijk Welzijn Leuven",
        "description": (
            "In het Sociaal Huis helpt het OCMW je als je moeilijk rondkomt. Je kan er terecht voor een "
            "leefloon, budgetbegeleiding, hulp bij schoolkosten, zorg aan huis en begeleiding naar werk."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@ocmw-leuven.example",
        "phone": "016 00 28 10",
        "website": "https://www.ocmw-leuven.example",
        "legal_status": "openbaar bestuur",
    },
    {
        "slug": "kind-en-gezin",
        "name": "Kind en Gezin",
        "description": (
            "Kind en Gezin volgt alle baby's en jonge kinderen op, van de zwangerschap tot het kind naar "
            "school gaat. Je kan bij het consultatiebureau, aan huis of aan de telefoon terecht met al je "
            "vragen."
        ),
        "role": "netwerktrekker",
        "engagement_signed_on": "2014-11-13",
        "email": "info@kind-en-gezin.example",
        "phone": "016 00 29 20",
        "website": "https://www.kind-en-gezin.example",
        "legal_status": "Vlaams agentschap",
    },
    {
        "slug": "provincie-vlaams-brabant",
        "name": "Provincie Vlaams-Brabant",
        "description": (
            "De provincie beheert het provinciedomein in Kessel-Lo en geeft gratis advies over energie en "
            "wonen. Ze steunt ook projecten voor gezinnen in de hele provincie."
        ),
        "role": "partner",
        "engagement_signed_on": "2014-11-13",
        "email": "info@provincie-vlaams-brabant.example",
        "phone": "016 00 30 30",
        "website": "https://www.provincie-vlaams-brabant.example",
        "legal_status": "openbaar bestuur",
    },
    {
        "slug": "sporen",
        "name": "Sporen vzw",
        "description": (
            "Sporen ondersteunt kinderen en jongeren die het moeilijker hebben op school of bij het zoeken "
            "naar werk. Vrijwilligers en begeleiders helpen met studeren en met de stap naar een job."
        ),
        "role": "partner",
        "engagement_signed_on": "2016-09-15",
        "email": "info@sporen.example",
        "phone": "016 00 31 40",
        "website": "https://www.sporen.example",
        "legal_status": "vzw",
    },
    {
        "slug": "huis-van-het-kind-leuven",
        "name": "Huis van het Kind Leuven vzw",
        "description": (
            "De vzw van het netwerk beheert de Huizen van het Kind in Leuven-centrum en Kessel-Lo. Samen met "
            "de partners organiseert ze er het onthaal, het consultatiebureau, de spel- en ontmoetingsruimte "
            "en de opvoedingswinkel."
        ),
        "role": "netwerktrekker",
        "email": "info@huis-van-het-kind-leuven.example",
        "phone": "016 00 00 10",
        "website": "https://www.huis-van-het-kind-leuven.example",
        "legal_status": "vzw",
    },
]

LOCATIONS: list[Location] = [
    # Leuven-centrum (3000)
    {
        "key": "huis-leuven-centrum",
        "org": "huis-van-het-kind-leuven",
        "name": "Huis van het Kind Leuven-centrum",
        "description": (
            "Het eerste Huis van het Kind van Leuven. Hier vind je het onthaal, het consultatiebureau, de "
            "spel- en ontmoetingsruimte en de opvoedingswinkel onder één dak."
        ),
        "address_1": "Brusselsestraat 63",
        "postal_code": "3000",
        "city": "Leuven",
        "area": "leuven-centrum",
        "lat": 50.879550,
        "lon": 4.696350,
        "transportation": (
            "Bus 1, 4 en 5, halte Sint-Jacobsplein (3 minuten wandelen). Vanaf station Leuven wandel je er "
            "in 20 minuten naartoe."
        ),
        "accessibility": ["wheelchair", "adapted_toilet", "baby_changing", "stroller", "public_transport"],
        "hours": [
            {"days": ["MO", "TU", "TH", "FR"], "opens": "09:00", "closes": "12:30"},
            {"days": ["WE"], "opens": "09:00", "closes": "17:00"},
            {"days": ["TH"], "opens": "16:00", "closes": "19:00"},
            {"days": ["SA"], "opens": "09:30", "closes": "12:30"},
        ],
    },
    {
        "key": "stadskantoor-leuven",
        "org": "stad-leuven",
        "name": "Stadskantoor Leuven",
        "description": (
            "Het stadskantoor naast het station. Neem een ticket aan de ingang voor het juiste loket."
        ),
        "address_1": "Professor Van Overstraetenplein 1",
        "postal_code": "3000",
        "city": "Leuven",
        "area": "leuven-centrum",
        "lat": 50.879900,
        "lon": 4.714400,
        "transportation": (
            "Naast station Leuven. Bijna alle bussen van De Lijn stoppen aan halte Leuven Station."
        ),
        "accessibility": [
            "wheelchair",
            "adapted_toilet",
            "hearing_loop",
            "baby_changing",
            "stroller",
            "public_transport",
            "parking",
        ],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:30", "closes": "12:30"},
            {"days": ["TH"], "opens": "13:30", "closes": "19:00"},
        ],
    },
    {
        "key": "sociaal-huis-leuven",
        "org": "ocmw-leuven",
        "name": "Sociaal Huis Leuven",
        "address_1": "Vaartstraat 23",
        "postal_code": "3000",
        "city": "Leuven",
        "area": "leuven-centrum",
        "lat": 50.883500,
        "lon": 4.703200,
        "transportation": "Bus 2 en 3, halte Vismarkt. Op 15 minuten wandelen van station Leuven.",
        "accessibility": [
            "wheelchair",
            "adapted_toilet",
            "hearing_loop",
            "baby_changing",
            "public_transport",
        ],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:30", "closes": "12:00"},
            {"days": ["MO", "WE"], "opens": "13:30", "closes": "16:00"},
        ],
    },
    {
        "key": "caw-leuven",
        "org": "caw-oost-brabant",
        "name": "CAW Oost-Brabant, onthaal Leuven",
        "address_1": "Diestsestraat 153",
        "postal_code": "3000",
        "city": "Leuven",
        "area": "leuven-centrum",
        "lat": 50.881800,
        "lon": 4.710200,
        "transportation": "Op 5 minuten wandelen van station Leuven.",
        "accessibility": ["wheelchair", "adapted_toilet", "public_transport"],
        "hours": [
            {"days": ["MO", "TU", "TH", "FR"], "opens": "09:00", "closes": "12:30"},
            {"days": ["WE"], "opens": "13:30", "closes": "18:00"},
        ],
    },
    {
        "key": "jac-leuven",
        "org": "caw-oost-brabant",
        "name": "JAC Leuven",
        "description": "Het jongerenaanspreekpunt van het CAW. Je hoeft geen afspraak te maken.",
        "address_1": "Tiensestraat 62",
        "postal_code": "3000",
        "city": "Leuven",
        "area": "leuven-centrum",
        "lat": 50.877300,
        "lon": 4.705600,
        "transportation": "Bus 2, 3 en 7, halte Rector De Somerplein.",
        "accessibility": ["public_transport"],
        "hours": [
            {"days": ["MO", "TU", "TH"], "opens": "13:00", "closes": "18:00"},
            {"days": ["WE"], "opens": "13:00", "closes": "20:00"},
        ],
    },
    {
        "key": "uz-leuven-sint-rafael",
        "org": "uz-leuven-parel",
        "name": "UZ Leuven, campus Sint-Rafaël",
        "description": (
            "Volg in het gebouw de borden naar 'Moeder en kind'. De consultaties zijn op de eerste "
            "verdieping."
        ),
        "address_1": "Kapucijnenvoer 33",
        "postal_code": "3000",
        "city": "Leuven",
        "area": "leuven-centrum",
        "lat": 50.876400,
        "lon": 4.694900,
        "transportation": "Bus 3 en 600, halte Sint-Rafaël. Betaalparking in de Brouwersstraat.",
        "accessibility": [
            "wheelchair",
            "adapted_toilet",
            "hearing_loop",
            "baby_changing",
            "stroller",
            "public_transport",
            "parking",
        ],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:00", "closes": "18:00"},
        ],
    },
    {
        "key": "bib-tweebronnen",
        "org": "stad-leuven",
        "name": "Bibliotheek Tweebronnen",
        "address_1": "Rijschoolstraat 4",
        "postal_code": "3000",
        "city": "Leuven",
        "area": "leuven-centrum",
        "lat": 50.876900,
        "lon": 4.706400,
        "transportation": "Bus 2, 3 en 7, halte Rector De Somerplein.",
        "accessibility": ["wheelchair", "adapted_toilet", "baby_changing", "stroller", "public_transport"],
        "hours": [
            {"days": ["TU", "WE", "TH", "FR"], "opens": "10:00", "closes": "19:00"},
            {"days": ["SA"], "opens": "10:00", "closes": "16:00"},
        ],
    },
    {
        "key": "clb-go-leuven",
        "org": "clb-go-leuven",
        "name": "CLB GO! Leuven",
        "address_1": "Naamsestraat 150",
        "postal_code": "3000",
        "city": "Leuven",
        "area": "leuven-centrum",
        "lat": 50.870900,
        "lon": 4.700300,
        "transportation": "Bus 2 en 3, halte Naamsepoort.",
        "accessibility": ["wheelchair", "public_transport"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:30", "closes": "16:30"},
        ],
    },
    {
        "key": "vclb-leuven",
        "org": "vclb-leuven",
        "name": "VCLB Leuven",
        "address_1": "Mechelsestraat 60",
        "postal_code": "3000",
        "city": "Leuven",
        "area": "leuven-centrum",
        "lat": 50.882700,
        "lon": 4.699300,
        "transportation": "Bus 1 en 4, halte Vismarkt.",
        "accessibility": [],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:30", "closes": "12:00"},
            {"days": ["MO", "TU", "TH"], "opens": "13:00", "closes": "16:30"},
        ],
    },
    {
        "key": "buurthuis-vaartkom",
        "org": "buurtwerk-t-lampeke",
        "name": "Buurthuis 't Lampeke, Leuven-Noord",
        "address_1": "Vaartkom 31",
        "postal_code": "3000",
        "city": "Leuven",
        "area": "leuven-centrum",
        "lat": 50.887200,
        "lon": 4.704600,
        "transportation": "Bus 2, halte Vaartkom.",
        "accessibility": ["wheelchair", "stroller"],
    },
    # Heverlee (3001)
    {
        "key": "consultatiebureau-heverlee",
        "org": "kind-en-preventie",
        "name": "Consultatiebureau Heverlee",
        "address_1": "Naamsesteenweg 173",
        "postal_code": "3001",
        "city": "Heverlee",
        "area": "heverlee",
        "lat": 50.862900,
        "lon": 4.697400,
        "transportation": "Bus 2, 3 en 616, halte Heverlee Sint-Lambertus.",
        "accessibility": ["wheelchair", "baby_changing", "stroller", "public_transport"],
    },
    {
        "key": "mfc-combo-heverlee",
        "org": "mfc-combo",
        "name": "MFC Combo",
        "address_1": "Kardinaal Mercierlaan 88",
        "postal_code": "3001",
        "city": "Heverlee",
        "area": "heverlee",
        "lat": 50.860200,
        "lon": 4.686300,
        "transportation": "Bus 2, halte Heverlee Kasteelpark Arenberg.",
        "accessibility": ["wheelchair", "adapted_toilet", "baby_changing", "parking"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:00", "closes": "17:00"},
        ],
    },
    {
        "key": "ckg-de-schommel",
        "org": "ckg-de-schommel",
        "name": "CKG De Schommel",
        "address_1": "Egenhovenweg 41",
        "postal_code": "3001",
        "city": "Heverlee",
        "area": "heverlee",
        "lat": 50.855100,
        "lon": 4.688900,
        "transportation": "Bus 616, halte Egenhovenweg.",
        "accessibility": ["wheelchair", "adapted_toilet", "baby_changing", "parking"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "09:00", "closes": "17:00"},
        ],
    },
    {
        "key": "speelplein-heverlee",
        "org": "speelodroom",
        "name": "Speelplein Heverlee",
        "address_1": "Waversebaan 192",
        "postal_code": "3001",
        "city": "Heverlee",
        "area": "heverlee",
        "lat": 50.858100,
        "lon": 4.705400,
        "transportation": "Bus 4, halte Waversebaan.",
        "accessibility": ["wheelchair", "stroller"],
    },
    {
        "key": "ibo-heverlee",
        "org": "stad-leuven",
        "name": "IBO Heverlee",
        "description": "Buitenschoolse opvang in een paviljoen naast de school. Ingang via de speelplaats.",
        "address_1": "Hertogstraat 78",
        "postal_code": "3001",
        "city": "Heverlee",
        "area": "heverlee",
        "lat": 50.866800,
        "lon": 4.699100,
        "accessibility": ["wheelchair", "stroller"],
    },
    {
        "key": "zaal-heverlee",
        "org": "gezinsbond",
        "name": "Parochiezaal Heverlee",
        "description": "Een oud gebouw met de zaal op de eerste verdieping. Er is geen lift.",
        "address_1": "Naamsesteenweg 236",
        "postal_code": "3001",
        "city": "Heverlee",
        "area": "heverlee",
        "lat": 50.859800,
        "lon": 4.697000,
        "transportation": "Bus 2, 3 en 616, halte Heverlee Sint-Lambertus.",
        "accessibility": [],
    },
    # Kessel-Lo (3010)
    {
        "key": "huis-kessel-lo",
        "org": "huis-van-het-kind-leuven",
        "name": "Huis van het Kind Kessel-Lo",
        "description": (
            "Een samenwerking van Kind en Gezin, Kind en Preventie en Wigwam. Je vindt er het "
            "consultatiebureau, de spel- en ontmoetingsruimte en het opvoedingsspreekuur."
        ),
        "address_1": "Gemeentestraat 4",
        "postal_code": "3010",
        "city": "Kessel-Lo",
        "area": "kessel-lo",
        "lat": 50.887400,
        "lon": 4.730600,
        "transportation": (
            "Bus 1 en 2, halte Kessel-Lo Gemeentestraat. Vanaf station Leuven (uitgang Kessel-Lo) wandel je "
            "er in 10 minuten naartoe."
        ),
        "accessibility": [
            "wheelchair",
            "adapted_toilet",
            "baby_changing",
            "stroller",
            "public_transport",
            "parking",
        ],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH"], "opens": "09:00", "closes": "12:30"},
            {"days": ["TU", "TH"], "opens": "13:30", "closes": "17:00"},
            {"days": ["SA"], "opens": "09:30", "closes": "12:00"},
        ],
    },
    {
        "key": "de-mobil",
        "org": "inloopteam-de-mobil",
        "name": "Inloopteam De Mobil",
        "address_1": "Martelarenlaan 38",
        "postal_code": "3010",
        "city": "Kessel-Lo",
        "area": "kessel-lo",
        "lat": 50.884600,
        "lon": 4.719800,
        "transportation": "Op 5 minuten wandelen van station Leuven, uitgang Kessel-Lo.",
        "accessibility": ["wheelchair", "baby_changing", "stroller", "public_transport"],
        "hours": [
            {"days": ["MO", "TU", "TH"], "opens": "09:00", "closes": "12:00"},
        ],
    },
    {
        "key": "speelotheek-kessel-lo",
        "org": "huis-van-het-kind-leuven",
        "name": "Speelotheek Kessel-Lo",
        "address_1": "Kesseldallaan 52",
        "postal_code": "3010",
        "city": "Kessel-Lo",
        "area": "kessel-lo",
        "lat": 50.890800,
        "lon": 4.738900,
        "transportation": "Bus 2, halte Kessel-Lo Kesseldallaan.",
        "accessibility": ["wheelchair", "stroller"],
        "hours": [
            {"days": ["WE"], "opens": "14:00", "closes": "17:00"},
            {"days": ["SA"], "opens": "10:00", "closes": "12:00"},
        ],
    },
    {
        "key": "provinciedomein-kessel-lo",
        "org": "provincie-vlaams-brabant",
        "name": "Provinciedomein Kessel-Lo",
        "description": "Het onthaalgebouw ligt aan de ingang aan de Holsbeeksesteenweg, naast de parking.",
        "address_1": "Holsbeeksesteenweg 145",
        "postal_code": "3010",
        "city": "Kessel-Lo",
        "area": "kessel-lo",
        "lat": 50.895100,
        "lon": 4.737800,
        "transportation": "Bus 2 en 335, halte Kessel-Lo Provinciedomein. Fietsenstalling aan elke ingang.",
        "accessibility": [
            "wheelchair",
            "adapted_toilet",
            "baby_changing",
            "stroller",
            "public_transport",
            "parking",
        ],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"], "opens": "08:00", "closes": "21:00"},
        ],
    },
    {
        "key": "speelplein-kessel-lo",
        "org": "speelodroom",
        "name": "Speelplein Kessel-Lo",
        "address_1": "Boudewijnlaan 101",
        "postal_code": "3010",
        "city": "Kessel-Lo",
        "area": "kessel-lo",
        "lat": 50.891500,
        "lon": 4.727100,
        "accessibility": ["wheelchair", "stroller"],
    },
    {
        "key": "sporthal-kessel-lo",
        "org": "stad-leuven",
        "name": "Sporthal Kessel-Lo",
        "address_1": "Tiensesteenweg 190",
        "postal_code": "3010",
        "city": "Kessel-Lo",
        "area": "kessel-lo",
        "lat": 50.876800,
        "lon": 4.736500,
        "transportation": "Bus 4, halte Kessel-Lo Tiensesteenweg.",
        "accessibility": ["wheelchair", "adapted_toilet", "parking"],
    },
    {
        "key": "leren-ondernemen",
        "org": "leren-ondernemen",
        "name": "Leren Ondernemen",
        "address_1": "Tiensesteenweg 57",
        "postal_code": "3010",
        "city": "Kessel-Lo",
        "area": "kessel-lo",
        "lat": 50.878900,
        "lon": 4.727300,
        "transportation": "Bus 4, halte Kessel-Lo Tiensesteenweg.",
        "accessibility": ["wheelchair", "public_transport"],
        "hours": [
            {"days": ["MO", "TU", "TH", "FR"], "opens": "09:00", "closes": "16:00"},
        ],
    },
    {
        "key": "sporen",
        "org": "sporen",
        "name": "Studieplek Sporen",
        "address_1": "Diestsesteenweg 122",
        "postal_code": "3010",
        "city": "Kessel-Lo",
        "area": "kessel-lo",
        "lat": 50.887900,
        "lon": 4.726200,
        "transportation": "Bus 1 en 2, halte Kessel-Lo Diestsesteenweg.",
        "accessibility": ["wheelchair", "public_transport"],
    },
    # Wilsele (3012)
    {
        "key": "consultatiebureau-wilsele",
        "org": "kind-en-gezin",
        "name": "Consultatiebureau Wilsele",
        "address_1": "Aarschotsesteenweg 265",
        "postal_code": "3012",
        "city": "Wilsele",
        "area": "wilsele",
        "lat": 50.899600,
        "lon": 4.698300,
        "transportation": "Bus 333 en 335, halte Wilsele Putkapel.",
        "accessibility": ["wheelchair", "baby_changing", "stroller", "public_transport"],
    },
    {
        "key": "buurthuis-kareelveld",
        "org": "buurtwerk-t-lampeke",
        "name": "Buurthuis Kareelveld",
        "address_1": "Kareelveld 2",
        "postal_code": "3012",
        "city": "Wilsele",
        "area": "wilsele",
        "lat": 50.896900,
        "lon": 4.703600,
        "transportation": "Bus 333 en 335, halte Wilsele Putkapel (5 minuten wandelen).",
        "accessibility": ["wheelchair", "baby_changing", "stroller"],
        "hours": [
            {"days": ["MO", "TU", "TH"], "opens": "13:00", "closes": "18:00"},
            {"days": ["WE"], "opens": "13:00", "closes": "17:00"},
        ],
    },
    {
        "key": "ibo-wilsele",
        "org": "stad-leuven",
        "name": "IBO Wilsele",
        "address_1": "Wilselsesteenweg 70",
        "postal_code": "3012",
        "city": "Wilsele",
        "area": "wilsele",
        "lat": 50.900500,
        "lon": 4.711400,
        "accessibility": ["wheelchair", "parking"],
    },
    {
        "key": "speelplein-wilsele",
        "org": "speelodroom",
        "name": "Speelplein Wilsele",
        "address_1": "Aarschotsesteenweg 510",
        "postal_code": "3012",
        "city": "Wilsele",
        "area": "wilsele",
        "lat": 50.907800,
        "lon": 4.696700,
        "transportation": "Bus 333 en 335, halte Wilsele Aarschotsesteenweg.",
        "accessibility": ["wheelchair", "stroller", "public_transport"],
    },
    # Wijgmaal (3018)
    {
        "key": "dorpshuis-wijgmaal",
        "org": "stad-leuven",
        "name": "Dorpshuis Wijgmaal",
        "description": (
            "Het ontmoetingscentrum van Wijgmaal, met een zaal, een uitleenpost van de bib en een "
            "speeltuintje."
        ),
        "address_1": "Sint-Hadrianusstraat 10",
        "postal_code": "3018",
        "city": "Wijgmaal",
        "area": "wijgmaal",
        "lat": 50.927400,
        "lon": 4.699400,
        "transportation": "Station Wijgmaal ligt op 5 minuten wandelen. Bus 333, halte Wijgmaal Kerk.",
        "accessibility": [
            "wheelchair",
            "adapted_toilet",
            "baby_changing",
            "stroller",
            "public_transport",
            "parking",
        ],
        "hours": [
            {"days": ["TU", "TH"], "opens": "14:00", "closes": "18:00"},
            {"days": ["SA"], "opens": "10:00", "closes": "12:00"},
        ],
    },
    {
        "key": "kinderdagverblijf-de-vlinder",
        "org": "stad-leuven",
        "name": "Kinderdagverblijf De Vlinder",
        "address_1": "Rotselaarsestraat 46",
        "postal_code": "3018",
        "city": "Wijgmaal",
        "area": "wijgmaal",
        "lat": 50.929700,
        "lon": 4.704700,
        "transportation": "Station Wijgmaal ligt op 8 minuten wandelen.",
        "accessibility": ["wheelchair", "baby_changing", "stroller", "parking"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "07:00", "closes": "18:30"},
        ],
    },
    {
        "key": "ibo-wijgmaal",
        "org": "stad-leuven",
        "name": "IBO Wijgmaal",
        "address_1": "Sint-Hadrianusstraat 25",
        "postal_code": "3018",
        "city": "Wijgmaal",
        "area": "wijgmaal",
        "lat": 50.926800,
        "lon": 4.700900,
        "accessibility": ["wheelchair"],
    },
    {
        "key": "speelplein-wijgmaal",
        "org": "speelodroom",
        "name": "Speelplein Wijgmaal",
        "address_1": "Wijgmaalsesteenweg 248",
        "postal_code": "3018",
        "city": "Wijgmaal",
        "area": "wijgmaal",
        "lat": 50.920400,
        "lon": 4.699800,
        "transportation": "Bus 333, halte Wijgmaal Wijgmaalsesteenweg.",
        "accessibility": ["stroller", "public_transport"],
    },
]

SERVICES: list[Service] = [
    # --- Huis van het Kind Leuven vzw ---------------------------------------------------------------
    {
        "key": "onthaal-huis-leuven-centrum",
        "org": "huis-van-het-kind-leuven",
        "name": "Onthaal en info in het Huis van het Kind Leuven-centrum",
        "description": (
            "Heb je een vraag over je kind of je gezin, maar weet je niet waar je terechtkunt? Loop binnen "
            "bij het onthaal. Een medewerker luistert, zoekt samen met jou naar een antwoord en brengt je zo "
            "nodig in contact met de juiste organisatie. Het is gratis en je hoeft geen afspraak te maken."
        ),
        "domains": ["opvoeding", "welzijn", "geld"],
        "groups": ["aanstaande-ouders", "ouders", "nieuwkomers"],
        "age": (-9, 288),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar"],
        "how": ["location", "phone"],
        "walk_in": True,
        "application_process": "Loop binnen tijdens de openingsuren of bel naar 016 00 00 11.",
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {"days": ["MO", "TU", "TH", "FR"], "opens": "09:00", "closes": "12:30"},
            {"days": ["WE"], "opens": "09:00", "closes": "17:00"},
            {"days": ["TH"], "opens": "16:00", "closes": "19:00"},
        ],
        "phone": "016 00 00 11",
        "email": "onthaal@huis-van-het-kind-leuven.example",
        "url": "https://www.huis-van-het-kind-leuven.example/onthaal",
        "assured_date": "2026-09-14",
        "translations": {
            "en": {
                "name": "Reception and information at Huis van het Kind Leuven-centrum",
                "description": (
                    "Do you have a question about your child or your family, but don't know where to go? "
                    "Drop in at our reception desk. A staff member will listen, look for an answer with you "
                    "and, if needed, put you in touch with the right organisation. It is free and you don't "
                    "need an appointment."
                ),
            },
            "fr": {
                "name": "Accueil et information au Huis van het Kind Leuven-centrum",
                "description": (
                    "Vous avez une question sur votre enfant ou votre famille, mais vous ne savez pas à qui "
                    "vous adresser ? Passez à l'accueil. Un collaborateur vous écoute, cherche une réponse "
                    "avec vous et, si nécessaire, vous met en contact avec le bon service. C'est gratuit et "
                    "sans rendez-vous."
                ),
            },
            "ar": {
                "name": "الاستقبال والمعلومات في Huis van het Kind Leuven-centrum",
                "description": (
                    "هل لديك سؤال عن طفلك أو عائلتك ولا تعرف إلى أين تتوجه؟ تعال إلى مكتب الاستقبال. سيستمع "
                    "إليك أحد الموظفين، ويبحث معك عن إجابة، ويضعك عند الحاجة على اتصال بالجهة المناسبة. "
                    "الخدمة مجانية ولا تحتاج إلى موعد."
                ),
            },
            "tr": {
                "name": "Huis van het Kind Leuven-centrum'da karşılama ve bilgi",
                "description": (
                    "Çocuğunuz veya aileniz hakkında bir sorunuz var ama nereye başvuracağınızı bilmiyor "
                    "musunuz? Danışma masamıza uğrayın. Bir çalışanımız sizi dinler, sizinle birlikte bir "
                    "cevap arar ve gerekirse sizi doğru kuruluşa yönlendirir. Hizmet ücretsizdir ve randevu "
                    "gerekmez."
                ),
            },
        },
    },
    {
        "key": "onthaal-huis-kessel-lo",
        "org": "huis-van-het-kind-leuven",
        "name": "Onthaal en info in het Huis van het Kind Kessel-Lo",
        "description": (
            "Aan het onthaal in Kessel-Lo kan je terecht met elke vraag over zwangerschap, opvoeden, "
            "kinderopvang of geld. Je krijgt meteen uitleg, of we maken een afspraak met de juiste dienst. "
            "Ook voor een folder, een kop koffie of een plek om je baby te verzorgen ben je welkom."
        ),
        "domains": ["opvoeding", "welzijn", "kinderopvang"],
        "groups": ["aanstaande-ouders", "ouders", "kwetsbare-gezinnen"],
        "age": (-9, 288),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "tr"],
        "how": ["location", "phone"],
        "walk_in": True,
        "application_process": "Loop binnen tijdens de openingsuren of bel naar 016 00 00 21.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH"], "opens": "09:00", "closes": "12:30"},
            {"days": ["TU", "TH"], "opens": "13:30", "closes": "17:00"},
            {"days": ["SA"], "opens": "09:30", "closes": "12:00"},
        ],
        "phone": "016 00 00 21",
        "email": "kessel-lo@huis-van-het-kind-leuven.example",
        "assured_date": "2026-08-27",
    },
    {
        "key": "spel-en-ontmoeting-leuven-centrum",
        "org": "huis-van-het-kind-leuven",
        "name": "Spel- en ontmoetingsruimte Leuven-centrum",
        "description": (
            "Kom met je baby of peuter spelen in een grote, gezellige speelruimte. Jij drinkt een koffie en "
            "praat met andere ouders, terwijl je kind nieuwe vriendjes maakt. Er is altijd een medewerker "
            "voor een babbel of een vraag. Je betaalt niets en je mag komen en gaan wanneer je wil."
        ),
        "domains": ["vrije-tijd", "opvoeding"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 48),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon binnen tijdens de openingsuren; inschrijven hoeft niet.",
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {"days": ["WE", "FR"], "opens": "09:00", "closes": "12:00"},
            {"days": ["SA"], "opens": "09:30", "closes": "12:30"},
        ],
        "eligibility_description": (
            "Kinderen komen altijd samen met een ouder, grootouder of andere volwassene."
        ),
        "assured_date": "2026-10-02",
        "translations": {
            "en": {
                "name": "Play and meeting space Leuven-centrum",
                "description": (
                    "Come and play with your baby or toddler in a large, cosy playroom. You have a coffee "
                    "and chat with other parents while your child makes new friends. A staff member is "
                    "always there for a chat or a question. It costs nothing and you can come and go as you "
                    "like."
                ),
            },
            "fr": {
                "name": "Espace de jeu et de rencontre Leuven-centrum",
                "description": (
                    "Venez jouer avec votre bébé ou votre jeune enfant dans une grande salle de jeux "
                    "accueillante. Vous prenez un café et discutez avec d'autres parents pendant que votre "
                    "enfant se fait de nouveaux amis. Un collaborateur est toujours là pour bavarder ou "
                    "répondre à une question. C'est gratuit et vous pouvez venir et partir quand vous "
                    "voulez."
                ),
            },
        },
    },
    {
        "key": "spel-en-ontmoeting-kessel-lo",
        "org": "huis-van-het-kind-leuven",
        "name": "Spel- en ontmoetingsruimte Kessel-Lo",
        "description": (
            "Elke dinsdag- en donderdagochtend staat de speelruimte open voor kinderen tot 4 jaar en hun "
            "ouders. Er zijn blokken, boekjes, een zandbak en een rustig hoekje voor baby's. Op "
            "zaterdagochtend is de ruimte ook open, zodat werkende ouders kunnen komen. Gratis en zonder "
            "inschrijving."
        ),
        "domains": ["vrije-tijd", "opvoeding"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 48),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "en", "tr"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Loop binnen wanneer het jou past.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {"days": ["TU", "TH"], "opens": "09:00", "closes": "11:30"},
            {"days": ["SA"], "opens": "09:30", "closes": "12:00"},
        ],
        "eligibility_description": "Kinderen komen samen met een volwassene die voor hen zorgt.",
        "assured_date": "2026-06-18",
    },
    {
        "key": "peuterspeelmoment-wijgmaal",
        "org": "huis-van-het-kind-leuven",
        "name": "Peuterspeelmoment in Wijgmaal",
        "description": (
            "Eén keer per week wordt de zaal van het Dorpshuis een speelruimte voor kinderen tot 4 jaar. "
            "Ouders en grootouders spelen mee en leren andere gezinnen uit het dorp kennen. Een medewerker "
            "van het Huis van het Kind is erbij voor vragen. Je betaalt €1 per keer, koffie en fruit "
            "inbegrepen."
        ),
        "domains": ["vrije-tijd", "opvoeding"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 48),
        "costs": [{"kind": "paid", "option": "Per keer, koffie en fruit inbegrepen", "amount": 1.0}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom langs op donderdagochtend; je hoeft je niet in te schrijven.",
        "locations": ["dorpshuis-wijgmaal"],
        "hours": [
            {"days": ["TH"], "opens": "09:00", "closes": "11:30", "note": "niet tijdens de schoolvakanties"},
        ],
        "assured_date": "2025-11-05",
    },
    {
        "key": "opvoedingswinkel-leuven-centrum",
        "org": "huis-van-het-kind-leuven",
        "name": "Opvoedingswinkel Leuven",
        "description": (
            "In de opvoedingswinkel kan je terecht met alle vragen over opvoeden: over slapen, "
            "zindelijkheid, ruzie tussen broers en zussen of het gedrag van je tiener. Een pedagoog luistert "
            "en denkt met je mee. Kom langs op het vrije spreekuur, maak een afspraak of bel ons. Gratis, "
            "ook voor grootouders, pleegouders en onthaalouders."
        ),
        "domains": ["opvoeding", "welzijn"],
        "groups": ["ouders", "pleeggezinnen", "alleenstaande-ouders"],
        "age": (0, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "phone", "online"],
        "walk_in": True,
        "application_process": (
            "Loop binnen op het vrije spreekuur, of maak een afspraak via 016 00 00 12 of via e-mail."
        ),
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {"days": ["WE"], "opens": "13:30", "closes": "17:00", "note": "vrij spreekuur"},
            {"days": ["TH"], "opens": "16:00", "closes": "19:00", "note": "vrij spreekuur"},
        ],
        "phone": "016 00 00 12",
        "email": "opvoedingswinkel@huis-van-het-kind-leuven.example",
        "url": "https://www.huis-van-het-kind-leuven.example/opvoedingswinkel",
        "assured_date": "2026-09-30",
    },
    {
        "key": "infoavonden-ouders-leuven-centrum",
        "org": "huis-van-het-kind-leuven",
        "name": "Infoavonden voor ouders",
        "description": (
            "Een paar keer per jaar organiseren we een infoavond over een thema dat ouders bezighoudt, zoals "
            "schermtijd, zindelijkheid of een broertje of zusje krijgen. Een deskundige vertelt, daarna is "
            "er tijd voor vragen en een drankje. Op vraag is er een tolk Vlaamse Gebarentaal. Een avond kost "
            "€5, met UiTPAS met kansentarief €1."
        ),
        "domains": ["opvoeding", "gezondheid"],
        "groups": ["ouders", "aanstaande-ouders"],
        "age": (-9, 144),
        "costs": [
            {"kind": "paid", "option": "Per avond", "amount": 5.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 1.0},
        ],
        "languages": ["nl", "vgt"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je in via de website of aan het onthaal; vraag daar ook een tolk Vlaamse Gebarentaal "
            "aan."
        ),
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {
                "days": ["TU"],
                "opens": "19:30",
                "closes": "21:30",
                "note": "enkele keren per jaar; de data vind je op de website",
            },
        ],
        "url": "https://www.huis-van-het-kind-leuven.example/infoavonden",
        "assured_date": "2026-05-12",
    },
    {
        "key": "taalcafe-ouders-leuven-centrum",
        "org": "huis-van-het-kind-leuven",
        "name": "Taalcafé voor ouders",
        "description": (
            "Wil je Nederlands oefenen in een ontspannen sfeer? In het taalcafé praat je met vrijwilligers "
            "en andere ouders over alledaagse dingen: de school, de dokter, de winkel. Je kinderen spelen "
            "ondertussen in de speelruimte naast de deur. Je hoeft je niet in te schrijven en het kost "
            "niets."
        ),
        "domains": ["taal"],
        "groups": ["ouders", "nieuwkomers"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon binnen op woensdagochtend.",
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {"days": ["WE"], "opens": "09:30", "closes": "11:30", "note": "niet tijdens de schoolvakanties"},
        ],
        "eligibility_description": "Je spreekt al een beetje Nederlands.",
        "assured_date": "2026-03-19",
    },
    {
        "key": "speelotheek-kessel-lo",
        "org": "huis-van-het-kind-leuven",
        "name": "Speelotheek Kessel-Lo",
        "description": (
            "In de speelotheek leen je speelgoed en gezelschapsspellen, net zoals boeken in de bib. Je neemt "
            "tot drie spellen mee voor drie weken. Een lidkaart kost €10 per jaar; met UiTPAS met "
            "kansentarief betaal je €2."
        ),
        "domains": ["vrije-tijd", "opvoeding"],
        "groups": ["ouders", "kinderen", "kwetsbare-gezinnen"],
        "age": (0, 144),
        "costs": [
            {"kind": "paid", "option": "Lidgeld per jaar", "amount": 10.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 2.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": (
            "Kom langs tijdens de openingsuren en breng je identiteitskaart mee voor je lidkaart."
        ),
        "locations": ["speelotheek-kessel-lo"],
        "hours": [
            {"days": ["WE"], "opens": "14:00", "closes": "17:00"},
            {"days": ["SA"], "opens": "10:00", "closes": "12:00"},
        ],
        "alert": (
            "De speelotheek verhuist naar een nieuwe ruimte en is tijdelijk gesloten. Geleende spellen breng "
            "je terug aan het onthaal van het Huis van het Kind Kessel-Lo. Op de website lees je wanneer we "
            "weer openen."
        ),
        "status": "temporarily closed",
        "assured_date": "2026-10-20",
    },
    {
        "key": "papacafe-kessel-lo",
        "org": "huis-van-het-kind-leuven",
        "name": "Papacafé",
        "description": (
            "Eén zaterdag per maand is er het Papacafé: papa's, plusvaders en opa's spelen met hun kinderen "
            "en praten over het vaderschap. Soms komt er een gast vertellen, bijvoorbeeld over slapen of "
            "over werk en gezin combineren. De koffie en de koeken zijn gratis."
        ),
        "domains": ["opvoeding", "vrije-tijd"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 72),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "en"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon langs met je kinderen.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {
                "days": ["SA"],
                "opens": "09:30",
                "closes": "12:00",
                "note": "elke eerste zaterdag van de maand",
            },
        ],
        "assured_date": "2025-12-06",
    },
    {
        "key": "borstvoedingscafe-leuven-centrum",
        "org": "huis-van-het-kind-leuven",
        "name": "Borstvoedingscafé",
        "description": (
            "Geef je borstvoeding of wil je het graag proberen? In het borstvoedingscafé ontmoet je andere "
            "moeders en een vroedvrouw die lactatiekundige is. Je kan er vragen stellen over aanleggen, "
            "kolven of weer gaan werken. Zwangere vrouwen en partners zijn ook welkom."
        ),
        "domains": ["zwangerschap", "gezondheid"],
        "groups": ["aanstaande-ouders", "ouders"],
        "age": (-3, 12),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom langs met je baby; inschrijven is niet nodig.",
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {
                "days": ["FR"],
                "opens": "10:00",
                "closes": "11:30",
                "note": "elke tweede en vierde vrijdag van de maand",
            },
        ],
        "assured_date": "2026-07-03",
    },
    {
        "key": "zwangerschapsyoga",
        "org": "huis-van-het-kind-leuven",
        "name": "Zwangerschapsyoga",
        "description": (
            "Rustig bewegen, ademen en ontspannen: dat doe je in de lessen zwangerschapsyoga. Een vroedvrouw "
            "die ook yogales geeft, past de oefeningen aan voor elke fase van je zwangerschap. Je leert "
            "ademhalingen die helpen bij de bevalling. Je kan starten vanaf 14 weken zwangerschap."
        ),
        "domains": ["zwangerschap", "gezondheid"],
        "groups": ["aanstaande-ouders"],
        "age": (-6, 0),
        "costs": [
            {"kind": "paid", "option": "Per les", "amount": 8.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 1.6},
        ],
        "languages": ["nl", "en"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je in voor een reeks van acht lessen via de website of aan het onthaal."
        ),
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {"days": ["MO"], "opens": "18:30", "closes": "19:45", "note": "reeks van acht maandagen"},
        ],
        "url": "https://www.huis-van-het-kind-leuven.example/zwangerschapsyoga",
        "assured_date": "2026-02-05",
    },
    # --- Kind en Gezin ----------------------------------------------------------------------------
    {
        "key": "consultatiebureau-leuven-centrum",
        "org": "kind-en-gezin",
        "name": "Consultatiebureau Leuven-centrum",
        "description": (
            "Op het consultatiebureau volgen een arts en een verpleegkundige de groei en ontwikkeling van je "
            "kind. Ze wegen en meten je baby, geven de gratis vaccins en beantwoorden je vragen over "
            "voeding, slapen en spelen. Je komt op afspraak, van de eerste weken tot je kind naar school "
            "gaat. Alles is gratis."
        ),
        "domains": ["gezondheid"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 36),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar", "tr"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Maak een afspraak via de Kind en Gezin-Lijn op 016 00 29 21 of online.",
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {"days": ["MO"], "opens": "13:30", "closes": "16:30"},
            {"days": ["WE"], "opens": "09:00", "closes": "12:00"},
            {"days": ["TH"], "opens": "16:00", "closes": "19:00"},
        ],
        "phone": "016 00 29 21",
        "url": "https://www.kind-en-gezin.example/consultatiebureau-leuven-centrum",
        "assured_date": "2026-10-08",
        "translations": {
            "en": {
                "name": "Child health clinic Leuven-centrum",
                "description": (
                    "At the child health clinic, a doctor and a nurse follow your child's growth and "
                    "development. They weigh and measure your baby, give the free vaccinations and answer "
                    "your questions about feeding, sleep and play. You come by appointment, from the first "
                    "weeks until your child starts school. Everything is free."
                ),
            },
            "fr": {
                "name": "Consultation pour enfants Leuven-centrum",
                "description": (
                    "À la consultation, un médecin et un infirmier suivent la croissance et le développement "
                    "de votre enfant. Ils pèsent et mesurent votre bébé, administrent les vaccins gratuits "
                    "et répondent à vos questions sur l'alimentation, le sommeil et le jeu. Vous venez sur "
                    "rendez-vous, des premières semaines jusqu'à l'entrée à l'école. Tout est gratuit."
                ),
            },
            "ar": {
                "name": "مركز متابعة صحة الطفل في Leuven-centrum",
                "description": (
                    "في مركز الاستشارات يتابع طبيب وممرض نمو طفلك وتطوره. يزنان طفلك ويقيسان طوله، ويعطيانه "
                    "اللقاحات المجانية، ويجيبان عن أسئلتك حول التغذية والنوم واللعب. تأتي بموعد مسبق، من "
                    "الأسابيع الأولى حتى دخول طفلك المدرسة. كل الخدمات مجانية."
                ),
            },
            "tr": {
                "name": "Leuven-centrum Çocuk Sağlığı Danışma Merkezi",
                "description": (
                    "Danışma merkezinde bir doktor ve bir hemşire çocuğunuzun büyümesini ve gelişimini takip "
                    "eder. Bebeğinizi tartar, boyunu ölçer, ücretsiz aşıları yapar ve beslenme, uyku ve oyun "
                    "hakkındaki sorularınızı yanıtlarlar. İlk haftalardan çocuğunuz okula başlayana kadar "
                    "randevuyla gelirsiniz. Her şey ücretsizdir."
                ),
            },
        },
    },
    {
        "key": "zwangerschapsconsultatie-leuven-centrum",
        "org": "kind-en-gezin",
        "name": "Zwanger? Consult bij de vroedvrouw",
        "description": (
            "Ben je zwanger en heb je vragen over je gezondheid, voeding of de voorbereiding op je baby? Bij "
            "een consult in het Huis van het Kind praat je rustig met een vroedvrouw van Kind en Gezin. Zij "
            "vertelt ook wat er na de geboorte op je afkomt en waar je terechtkunt. Het consult is gratis en "
            "komt bovenop de controles bij je gynaecoloog."
        ),
        "domains": ["zwangerschap", "gezondheid"],
        "groups": ["aanstaande-ouders"],
        "age": (-9, 0),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "phone"],
        "walk_in": False,
        "application_process": "Maak een afspraak via de Kind en Gezin-Lijn of aan het onthaal.",
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {"days": ["MO"], "opens": "09:00", "closes": "12:00"},
        ],
        "phone": "016 00 29 21",
        "assured_date": "2026-04-22",
    },
    {
        "key": "consultatiebureau-wilsele",
        "org": "kind-en-gezin",
        "name": "Consultatiebureau Wilsele",
        "description": (
            "In het consultatiebureau van Wilsele kan je met je baby of peuter terecht voor een gratis "
            "controle. De verpleegkundige weegt en meet je kind, de arts onderzoekt het en geeft de vaccins. "
            "Na de geboorte krijg je een uitnodiging voor de eerste afspraak. Neem het groeiboekje van je "
            "kind mee."
        ),
        "domains": ["gezondheid"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 36),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "en"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Maak een afspraak via de Kind en Gezin-Lijn op 016 00 29 21.",
        "locations": ["consultatiebureau-wilsele"],
        "hours": [
            {"days": ["TU"], "opens": "13:30", "closes": "16:30"},
            {"days": ["SA"], "opens": "09:00", "closes": "12:00", "note": "één zaterdag per maand"},
        ],
        "phone": "016 00 29 21",
        "assured_date": "2025-09-16",
    },
    {
        "key": "consultatiebureau-wijgmaal",
        "org": "kind-en-gezin",
        "name": "Consultatiebureau Wijgmaal",
        "description": (
            "Eén keer per maand houdt Kind en Gezin consultatie in het Dorpshuis van Wijgmaal. Zo hoef je "
            "met je baby niet naar de stad. De arts en de verpleegkundige volgen de groei van je kind en "
            "geven de vaccins. Gratis, op afspraak."
        ),
        "domains": ["gezondheid"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 36),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Maak een afspraak via de Kind en Gezin-Lijn op 016 00 29 21.",
        "locations": ["dorpshuis-wijgmaal"],
        "hours": [
            {
                "days": ["TH"],
                "opens": "13:30",
                "closes": "16:30",
                "note": "elke derde donderdag van de maand",
            },
        ],
        "phone": "016 00 29 21",
        "assured_date": "2025-06-10",
    },
    {
        "key": "kind-en-gezin-lijn",
        "org": "kind-en-gezin",
        "name": "Kind en Gezin-Lijn",
        "description": (
            "Met vragen over je zwangerschap, je baby of je peuter kan je elke werkdag bellen of chatten met "
            "de Kind en Gezin-Lijn. Je maakt er ook een afspraak voor het consultatiebureau. Een medewerker "
            "helpt je in het Nederlands, Frans of Engels. Bellen kost niet meer dan een gewoon gesprek."
        ),
        "domains": ["zwangerschap", "gezondheid", "opvoeding"],
        "groups": ["aanstaande-ouders", "ouders"],
        "age": (-9, 72),
        "costs": [{"kind": "free", "option": "Gratis (je betaalt alleen je gewone belkosten)"}],
        "languages": ["nl", "fr", "en"],
        "how": ["phone", "online"],
        "walk_in": False,
        "application_process": "Bel naar 016 00 29 21 of start een chat op de website.",
        "locations": [],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:00", "closes": "20:00"},
        ],
        "areas": ["leuven"],
        "phone": "016 00 29 21",
        "url": "https://www.kind-en-gezin.example/lijn",
        "assured_date": "2026-11-03",
        "translations": {
            "en": {
                "name": "Kind en Gezin helpline",
                "description": (
                    "If you have questions about your pregnancy, your baby or your toddler, you can call or "
                    "chat with the Kind en Gezin helpline every working day. You can also make an "
                    "appointment at the child health clinic. Staff can help you in Dutch, French or English. "
                    "A call costs no more than a normal call."
                ),
            },
            "fr": {
                "name": "Ligne Kind en Gezin",
                "description": (
                    "Pour toute question sur votre grossesse, votre bébé ou votre jeune enfant, vous pouvez "
                    "appeler la ligne Kind en Gezin ou utiliser son chat chaque jour ouvrable. Vous pouvez "
                    "aussi y prendre rendez-vous à la consultation. Un collaborateur vous aide en "
                    "néerlandais, en français ou en anglais. L'appel ne coûte pas plus qu'un appel normal."
                ),
            },
        },
    },
    {
        "key": "huisbezoek-na-geboorte",
        "org": "kind-en-gezin",
        "name": "Huisbezoek na de geboorte",
        "description": (
            "Kort nadat je baby geboren is, komt een verpleegkundige van Kind en Gezin bij je thuis. Ze "
            "kijkt hoe het met jou en je baby gaat, helpt bij het voeden en vertelt over het "
            "consultatiebureau. Als het nodig is, komt er een tolk mee. Het bezoek is gratis en je hoeft er "
            "zelf niets voor te doen."
        ),
        "domains": ["zwangerschap", "gezondheid"],
        "groups": ["ouders"],
        "age": (0, 3),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar", "tr"],
        "how": ["home"],
        "walk_in": False,
        "application_process": "De verpleegkundige belt je na de geboorte om een dag af te spreken.",
        "locations": [],
        "hours": [],
        "areas": ["leuven"],
        "assured_date": "2026-02-11",
    },
    {
        "key": "groeipakket-spreekuur",
        "org": "kind-en-gezin",
        "name": "Spreekuur Groeipakket en schooltoeslag",
        "description": (
            "Heb je vragen over het Groeipakket (vroeger de kinderbijslag), de schooltoeslag of de "
            "kinderopvangtoeslag? Op dit spreekuur kijkt een medewerker samen met jou na of je alles krijgt "
            "waar je recht op hebt. Hij helpt je ook om een aanvraag te doen. Breng je identiteitskaart mee."
        ),
        "domains": ["geld", "onderwijs"],
        "groups": ["ouders", "nieuwkomers", "kwetsbare-gezinnen"],
        "age": (0, 288),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar"],
        "how": ["location", "phone"],
        "walk_in": True,
        "application_process": "Loop binnen op dinsdagnamiddag of bel 016 00 29 22 voor een afspraak.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {"days": ["TU"], "opens": "13:30", "closes": "16:30"},
        ],
        "phone": "016 00 29 22",
        "assured_date": "2026-01-27",
        "translations": {
            "en": {
                "name": "Drop-in for the Growth Package and school allowance",
                "description": (
                    "Do you have questions about the Growth Package (formerly child benefit), the school "
                    "allowance or the childcare allowance? At this drop-in session, a staff member checks "
                    "with you whether you receive everything you are entitled to. They also help you to "
                    "apply. Bring your identity card."
                ),
            },
            "fr": {
                "name": "Permanence Groeipakket et allocation scolaire",
                "description": (
                    "Vous avez des questions sur le Groeipakket (anciennement les allocations familiales), "
                    "l'allocation scolaire ou l'allocation pour l'accueil de l'enfant ? Pendant cette "
                    "permanence, un collaborateur vérifie avec vous si vous recevez tout ce à quoi vous avez "
                    "droit. Il vous aide aussi à faire une demande. Apportez votre carte d'identité."
                ),
            },
        },
    },
    {
        "key": "borstvoedingsgroep-wilsele",
        "org": "kind-en-gezin",
        "name": "Borstvoedingsgroep Wilsele",
        "description": (
            "Eén keer per maand komen moeders die borstvoeding geven samen in het consultatiebureau van "
            "Wilsele. Een verpleegkundige van Kind en Gezin leidt het gesprek. Je deelt ervaringen, krijgt "
            "tips en je baby mag gewoon mee. Zwangere vrouwen zijn ook welkom."
        ),
        "domains": ["zwangerschap", "gezondheid"],
        "groups": ["ouders", "aanstaande-ouders"],
        "age": (-3, 12),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom langs; je hoeft je niet in te schrijven.",
        "locations": ["consultatiebureau-wilsele"],
        "hours": [
            {"days": ["TU"], "opens": "10:00", "closes": "11:30", "note": "elke eerste dinsdag van de maand"},
        ],
        "assured_date": "2025-04-08",
    },
    # --- Kind en Preventie ------------------------------------------------------------------------
    {
        "key": "consultatiebureau-kessel-lo",
        "org": "kind-en-preventie",
        "name": "Consultatiebureau Kessel-Lo",
        "description": (
            "Kind en Preventie houdt consultatie in het Huis van het Kind Kessel-Lo. Je kind wordt gewogen, "
            "gemeten en onderzocht, en krijgt de vaccins uit het Vlaamse vaccinatieschema. Je kan ook vragen "
            "stellen over eten, slapen of huilen. De consultaties zijn gratis en op afspraak, ook op "
            "dinsdagavond."
        ),
        "domains": ["gezondheid"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 36),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "tr"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Maak een afspraak via 016 00 21 31 of via de website van Kind en Preventie.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {"days": ["MO"], "opens": "09:00", "closes": "12:00"},
            {"days": ["TU"], "opens": "16:30", "closes": "19:30"},
            {"days": ["TH"], "opens": "13:30", "closes": "16:30"},
        ],
        "phone": "016 00 21 31",
        "url": "https://www.kind-en-preventie.example/kessel-lo",
        "assured_date": "2026-09-09",
    },
    {
        "key": "consultatiebureau-heverlee",
        "org": "kind-en-preventie",
        "name": "Consultatiebureau Heverlee",
        "description": (
            "Woon je in Heverlee? Dan kan je met je baby of peuter naar het consultatiebureau aan de "
            "Naamsesteenweg. Een arts volgt de gezondheid van je kind en geeft de vaccins. Aan het einde van "
            "elk consult maak je de volgende afspraak. Alles is gratis."
        ),
        "domains": ["gezondheid"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 36),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "en"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Maak je eerste afspraak via 016 00 21 31.",
        "locations": ["consultatiebureau-heverlee"],
        "hours": [
            {"days": ["WE"], "opens": "09:00", "closes": "12:00"},
            {"days": ["FR"], "opens": "13:30", "closes": "16:30"},
        ],
        "phone": "016 00 21 31",
        "assured_date": "2025-08-19",
    },
    {
        "key": "prenatale-ondersteuning-kessel-lo",
        "org": "kind-en-preventie",
        "name": "Prenatale ondersteuning",
        "description": (
            "Ben je zwanger en heb je geen gynaecoloog, geen ziekteverzekering of weinig geld? Bij Kind en "
            "Preventie kan je terecht voor een gratis prenatale consultatie bij een arts en een vroedvrouw. "
            "Ze volgen je zwangerschap op, helpen je met papieren en zoeken samen met jou een ziekenhuis "
            "voor de bevalling. Er is een tolk als dat nodig is."
        ),
        "domains": ["zwangerschap", "gezondheid"],
        "groups": ["aanstaande-ouders", "nieuwkomers", "kwetsbare-gezinnen"],
        "age": (-9, 0),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar", "tr", "ro", "prs", "so"],
        "how": ["location", "phone"],
        "walk_in": False,
        "application_process": "Bel 016 00 21 32 of vraag aan het onthaal om een afspraak te maken.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {"days": ["WE"], "opens": "09:00", "closes": "12:30"},
            {"days": ["TH"], "opens": "13:30", "closes": "16:30"},
        ],
        "phone": "016 00 21 32",
        "eligibility_description": (
            "Voor zwangere vrouwen die in Leuven wonen, met of zonder verblijfspapieren."
        ),
        "assured_date": "2026-08-04",
        "translations": {
            "en": {
                "name": "Prenatal support",
                "description": (
                    "Are you pregnant and don't you have a gynaecologist, health insurance or much money? "
                    "Kind en Preventie offers a free prenatal consultation with a doctor and a midwife. They "
                    "follow up your pregnancy, help you with paperwork and look for a hospital for the birth "
                    "together with you. An interpreter is available if needed."
                ),
            },
            "fr": {
                "name": "Soutien prénatal",
                "description": (
                    "Vous êtes enceinte et vous n'avez pas de gynécologue, pas d'assurance maladie ou peu "
                    "d'argent ? Kind en Preventie vous propose une consultation prénatale gratuite avec un "
                    "médecin et une sage-femme. Ils suivent votre grossesse, vous aident pour les papiers et "
                    "cherchent avec vous un hôpital pour l'accouchement. Un interprète est présent si "
                    "nécessaire."
                ),
            },
            "ar": {
                "name": "الدعم قبل الولادة",
                "description": (
                    "هل أنتِ حامل وليس لديكِ طبيب نساء أو تأمين صحي، أو لديكِ القليل من المال؟ تقدم Kind en "
                    "Preventie استشارة مجانية قبل الولادة مع طبيب وقابلة. يتابعان حملكِ، ويساعدانكِ في "
                    "الأوراق، ويبحثان معكِ عن مستشفى للولادة. يتوفر مترجم عند الحاجة."
                ),
            },
            "tr": {
                "name": "Doğum öncesi destek",
                "description": (
                    "Hamile misiniz ve kadın doğum uzmanınız, sağlık sigortanız ya da yeterli paranız yok "
                    "mu? Kind en Preventie, bir doktor ve bir ebe ile ücretsiz doğum öncesi muayene sunar. "
                    "Hamileliğinizi takip eder, evrak işlerinde size yardım eder ve doğum için sizinle "
                    "birlikte bir hastane ararlar. Gerekirse tercüman bulunur."
                ),
            },
        },
    },
    {
        "key": "babymassage-kessel-lo",
        "org": "kind-en-preventie",
        "name": "Babymassage",
        "description": (
            "In vier lessen leer je je baby masseren. Een verpleegkundige toont de bewegingen op een pop, "
            "jij doet ze na bij je eigen kindje. Massage helpt je baby ontspannen en is een fijn moment "
            "samen. Breng een handdoek en wat olie mee."
        ),
        "domains": ["gezondheid", "opvoeding"],
        "groups": ["ouders"],
        "age": (1, 9),
        "costs": [
            {"kind": "paid", "option": "Reeks van vier lessen", "amount": 20.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 4.0},
        ],
        "languages": ["nl", "en"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Schrijf je in aan het onthaal of via de website van Kind en Preventie.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {
                "days": ["TH"],
                "opens": "10:00",
                "closes": "11:30",
                "note": "reeks van vier donderdagen, elke twee maanden een nieuwe reeks",
            },
        ],
        "assured_date": "2026-05-28",
    },
    {
        "key": "geboortevoorbereiding-kessel-lo",
        "org": "kind-en-preventie",
        "name": "Geboortevoorbereiding in groep",
        "description": (
            "Samen met andere aanstaande ouders bereid je je voor op de bevalling en de eerste weken thuis. "
            "In vijf bijeenkomsten praat een vroedvrouw over ademhalen, pijn, borstvoeding en slapen. "
            "Partners zijn van harte welkom. Je ziekenfonds betaalt een deel terug."
        ),
        "domains": ["zwangerschap"],
        "groups": ["aanstaande-ouders"],
        "age": (-4, 0),
        "costs": [
            {"kind": "paid", "option": "Reeks van vijf avonden", "amount": 40.0},
            {"kind": "reduced", "option": "Sociaal tarief", "amount": 8.0},
        ],
        "languages": ["nl", "en"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Schrijf je in vanaf de vijfde maand van je zwangerschap via 016 00 21 31.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {"days": ["TU"], "opens": "19:30", "closes": "21:30", "note": "reeks van vijf dinsdagen"},
        ],
        "assured_date": "2026-03-03",
    },
    {
        "key": "slaapconsult",
        "org": "kind-en-preventie",
        "name": "Slaapconsult: als je kind slecht slaapt",
        "description": (
            "Heeft je baby of peuter slaapproblemen? Slaapt het moeilijk in, wordt het vaak wakker of ben je "
            "zelf uitgeput? Bij een slaapconsult bekijkt een verpleegkundige met jou het ritme van je kind "
            "en maken jullie samen een plan dat bij je gezin past. Na twee weken belt ze je op. Het consult "
            "is gratis."
        ),
        "domains": ["gezondheid", "opvoeding"],
        "groups": ["ouders"],
        "age": (0, 48),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "phone"],
        "walk_in": False,
        "application_process": "Vraag een slaapconsult aan bij je consultatiebureau of bel 016 00 21 31.",
        "locations": ["consultatiebureau-heverlee", "huis-kessel-lo"],
        "hours": [],
        "phone": "016 00 21 31",
        "assured_date": "2026-07-15",
    },
    {
        "key": "infosessie-vaste-voeding",
        "org": "kind-en-preventie",
        "name": "Infosessie: starten met vaste voeding",
        "description": (
            "Rond zes maanden begint je baby met vaste voeding. Tijdens deze infosessie hoor je hoe je "
            "fruit- en groentepap maakt, hoeveel je kind nodig heeft en hoe je verslikken voorkomt. Je "
            "proeft ook zelf. De sessie is gratis en je baby mag mee."
        ),
        "domains": ["gezondheid"],
        "groups": ["ouders"],
        "age": (3, 12),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je in bij de verpleegkundige van het consultatiebureau of via de website."
        ),
        "locations": ["consultatiebureau-heverlee"],
        "hours": [
            {
                "days": ["WE"],
                "opens": "13:30",
                "closes": "15:00",
                "note": "elke tweede woensdag van de maand",
            },
        ],
        "assured_date": "2025-10-14",
    },
    # --- UZ Leuven / Parel ------------------------------------------------------------------------
    {
        "key": "parel-perinatale-ondersteuning",
        "org": "uz-leuven-parel",
        "name": "Parel: psychologische steun rond zwangerschap en geboorte",
        "description": (
            "Voel je je somber, angstig of overweldigd tijdens je zwangerschap of na de bevalling? Dan ben "
            "je niet alleen. Bij Parel praat je met een psycholoog of psychiater die gespecialiseerd is in "
            "de periode rond de geboorte. Ook je partner kan mee komen."
        ),
        "domains": ["zwangerschap", "welzijn"],
        "groups": ["aanstaande-ouders", "ouders"],
        "age": (-9, 12),
        "costs": [
            {"kind": "paid", "option": "Remgeld per gesprek", "amount": 11.0},
            {"kind": "reduced", "option": "Met verhoogde tegemoetkoming", "amount": 4.0},
        ],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "online"],
        "walk_in": False,
        "application_process": (
            "Vraag je huisarts, gynaecoloog of vroedvrouw om je door te verwijzen, of bel zelf naar 016 00 "
            "20 21."
        ),
        "locations": ["uz-leuven-sint-rafael"],
        "hours": [],
        "phone": "016 00 20 21",
        "url": "https://www.uz-leuven-parel.example/parel",
        "assured_date": "2026-06-02",
    },
    {
        "key": "lactatiekundige-uz-leuven",
        "org": "uz-leuven-parel",
        "name": "Lactatiekundige UZ Leuven",
        "description": (
            "Loopt de borstvoeding moeilijk, heb je pijn of drinkt je baby te weinig? Een lactatiekundige "
            "van UZ Leuven bekijkt samen met jou hoe het voeden gaat en zoekt een oplossing. Je kan al "
            "tijdens je zwangerschap een gesprek vragen. Ben je in UZ Leuven bevallen, dan is de consultatie "
            "gratis."
        ),
        "domains": ["zwangerschap", "gezondheid"],
        "groups": ["aanstaande-ouders", "ouders"],
        "age": (-2, 12),
        "costs": [
            {"kind": "free", "option": "Gratis als je in UZ Leuven bevallen bent"},
            {"kind": "paid", "option": "Consultatie voor andere moeders", "amount": 35.0},
        ],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "phone"],
        "walk_in": False,
        "application_process": "Bel 016 00 20 22 voor een afspraak of voor telefonisch advies.",
        "locations": ["uz-leuven-sint-rafael"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "09:00", "closes": "16:00"},
        ],
        "phone": "016 00 20 22",
        "assured_date": "2026-09-22",
    },
    {
        "key": "infoavond-bevallen-uz-leuven",
        "org": "uz-leuven-parel",
        "name": "Infoavond: bevallen in UZ Leuven",
        "description": (
            "Op deze infoavond leggen een vroedvrouw en een gynaecoloog uit hoe een bevalling verloopt, "
            "welke pijnstilling er is en hoe je verblijf op de materniteit eruitziet. Daarna krijg je een "
            "rondleiding. Je kan de uitleg ook online volgen. Deelnemen is gratis."
        ),
        "domains": ["zwangerschap"],
        "groups": ["aanstaande-ouders"],
        "age": (-6, 0),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "en"],
        "how": ["location", "online"],
        "walk_in": False,
        "application_process": "Schrijf je in via de website van UZ Leuven.",
        "locations": ["uz-leuven-sint-rafael"],
        "hours": [
            {
                "days": ["TH"],
                "opens": "19:30",
                "closes": "21:30",
                "note": "elke tweede donderdag van de maand",
            },
        ],
        "url": "https://www.uz-leuven-parel.example/infoavond-bevallen",
        "assured_date": "2025-07-01",
    },
    {
        "key": "praatgroep-verlies-baby",
        "org": "uz-leuven-parel",
        "name": "Praatgroep na het verlies van je baby",
        "description": (
            "Heb je een kindje verloren tijdens de zwangerschap of kort na de geboorte? In deze praatgroep "
            "ontmoet je andere ouders die hetzelfde meemaakten. Een psycholoog van Parel begeleidt de "
            "avonden. Je mag praten of gewoon luisteren. Deelnemen is gratis."
        ),
        "domains": ["welzijn", "zwangerschap"],
        "groups": ["ouders", "aanstaande-ouders"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Neem eerst contact op met Parel via 016 00 20 21 voor een kort kennismakingsgesprek."
        ),
        "locations": ["uz-leuven-sint-rafael"],
        "hours": [
            {"days": ["MO"], "opens": "19:30", "closes": "21:30", "note": "één keer per maand"},
        ],
        "phone": "016 00 20 21",
        "assured_date": "2026-01-13",
    },
    # --- Stad Leuven -------------------------------------------------------------------------------
    {
        "key": "loket-kinderopvang",
        "org": "stad-leuven",
        "name": "Loket Kinderopvang",
        "description": (
            "Zoek je opvang voor je baby, peuter of schoolkind? Bij het Loket Kinderopvang registreer je je "
            "vraag één keer, en wij zoeken mee naar een plaats bij een onthaalouder, in een "
            "kinderdagverblijf of in de buitenschoolse opvang. Begin al tijdens je zwangerschap te zoeken, "
            "want de wachtlijsten zijn lang. Moet je plots gaan werken of start je een opleiding? Ook dan "
            "helpen we je verder."
        ),
        "domains": ["kinderopvang", "werk"],
        "groups": ["aanstaande-ouders", "ouders", "alleenstaande-ouders"],
        "age": (-9, 144),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "phone", "online"],
        "walk_in": True,
        "application_process": (
            "Registreer je vraag online, bel 016 00 10 10 of kom langs in het stadskantoor."
        ),
        "locations": ["stadskantoor-leuven"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:30", "closes": "12:30"},
            {"days": ["TH"], "opens": "13:30", "closes": "19:00"},
        ],
        "phone": "016 00 10 10",
        "email": "kinderopvang@stad-leuven.example",
        "url": "https://www.stad-leuven.example/loket-kinderopvang",
        "assured_date": "2026-10-15",
    },
    {
        "key": "uitpas-kansentarief",
        "org": "stad-leuven",
        "name": "UiTPAS met kansentarief",
        "description": (
            "Met een UiTPAS spaar je punten als je naar cultuur, sport of jeugdwerk gaat. Heb je een laag "
            "inkomen? Dan krijg je een UiTPAS met kansentarief: je betaalt maar 20% van de prijs voor "
            "kampen, sportclubs, speelpleinen en veel andere activiteiten in Leuven. Een gewone UiTPAS kost "
            "€5, met kansentarief krijg je hem gratis. Vraag de pas aan in het stadskantoor of in de bib."
        ),
        "domains": ["vrije-tijd", "geld"],
        "groups": ["kwetsbare-gezinnen", "ouders", "kinderen", "jongeren"],
        "age": None,
        "costs": [
            {"kind": "paid", "option": "Gewone UiTPAS", "amount": 5.0},
            {"kind": "free", "option": "UiTPAS met kansentarief: gratis"},
        ],
        "languages": ["nl", "fr", "en"],
        "how": ["location"],
        "walk_in": True,
        "application_process": (
            "Kom langs met je identiteitskaart en een bewijs van je inkomen; je krijgt de pas meteen mee."
        ),
        "locations": ["stadskantoor-leuven", "bib-tweebronnen"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "08:30",
                "closes": "12:30",
                "note": "stadskantoor",
            },
            {"days": ["SA"], "opens": "10:00", "closes": "16:00", "note": "in de bib"},
        ],
        "eligibility_description": (
            "Je hebt recht op kansentarief als je een verhoogde tegemoetkoming of een leefloon krijgt, of "
            "als je in schuldbemiddeling zit."
        ),
        "url": "https://www.stad-leuven.example/uitpas",
        "assured_date": "2026-04-09",
        "translations": {
            "en": {
                "name": "UiTPAS with reduced rate",
                "description": (
                    "With a UiTPAS you collect points when you go to cultural, sports or youth activities. "
                    "Do you have a low income? Then you get a UiTPAS with a reduced rate: you only pay 20% "
                    "of the price for camps, sports clubs, holiday play schemes and many other activities in "
                    "Leuven. You can apply for the pass at the city office or in the library."
                ),
            },
            "fr": {
                "name": "UiTPAS à tarif réduit",
                "description": (
                    "Avec une UiTPAS, vous gagnez des points quand vous participez à des activités "
                    "culturelles, sportives ou de jeunesse. Vous avez un faible revenu ? Vous recevez alors "
                    "une UiTPAS à tarif réduit : vous ne payez que 20 % du prix des stages, des clubs de "
                    "sport, des plaines de jeux et de nombreuses autres activités à Louvain. Demandez la "
                    "carte au bureau de la ville ou à la bibliothèque."
                ),
            },
        },
    },
    {
        "key": "nieuwkomers-welkom-leuven",
        "org": "stad-leuven",
        "name": "Welkom in Leuven: onthaal voor nieuwkomers",
        "description": (
            "Ben je nieuw in Leuven? Bij het onthaal voor nieuwkomers helpt een medewerker je op weg: je "
            "inschrijving bij de stad, een school voor je kinderen, lessen Nederlands en een huisarts. We "
            "helpen je in veel talen, ook met een tolk via de telefoon. Het is gratis."
        ),
        "domains": ["taal", "onderwijs", "welzijn"],
        "groups": ["nieuwkomers", "ouders"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar", "tr", "uk", "prs", "so", "pl", "ro"],
        "how": ["location", "phone"],
        "walk_in": True,
        "application_process": (
            "Kom langs op het spreekuur of bel 016 00 10 30 voor een afspraak met een tolk."
        ),
        "locations": ["stadskantoor-leuven"],
        "hours": [
            {"days": ["TU"], "opens": "09:00", "closes": "12:30"},
            {"days": ["TH"], "opens": "13:30", "closes": "18:00"},
        ],
        "phone": "016 00 10 30",
        "email": "nieuwkomers@stad-leuven.example",
        "assured_date": "2026-07-21",
        "translations": {
            "en": {
                "name": "Welcome to Leuven: reception for newcomers",
                "description": (
                    "Are you new in Leuven? At the newcomers' desk, a staff member helps you get started: "
                    "registering with the city, a school for your children, Dutch lessons and a family "
                    "doctor. We can help you in many languages, also with an interpreter by phone. It is "
                    "free."
                ),
            },
            "fr": {
                "name": "Bienvenue à Louvain : accueil des primo-arrivants",
                "description": (
                    "Vous venez d'arriver à Louvain ? À l'accueil des primo-arrivants, un collaborateur vous "
                    "aide à démarrer : votre inscription à la commune, une école pour vos enfants, des cours "
                    "de néerlandais et un médecin généraliste. Nous pouvons vous aider dans de nombreuses "
                    "langues, aussi avec un interprète par téléphone. C'est gratuit."
                ),
            },
            "ar": {
                "name": "مرحبا بك في لوفن: استقبال القادمين الجدد",
                "description": (
                    "هل أنت جديد في لوفن؟ في مكتب استقبال القادمين الجدد يساعدك أحد الموظفين في خطواتك "
                    "الأولى: التسجيل في البلدية، ومدرسة لأطفالك، ودروس اللغة الهولندية، وطبيب عام. يمكننا "
                    "مساعدتك بلغات كثيرة، وأيضا عن طريق مترجم عبر الهاتف. الخدمة مجانية."
                ),
            },
            "tr": {
                "name": "Leuven'e hoş geldiniz: yeni gelenler için karşılama",
                "description": (
                    "Leuven'e yeni mi geldiniz? Yeni gelenler masasında bir çalışanımız ilk adımlarınızda "
                    "size yardım eder: belediyeye kayıt, çocuklarınız için bir okul, Hollandaca dersleri ve "
                    "bir aile hekimi. Size birçok dilde yardımcı olabiliriz, gerekirse telefonla tercüman da "
                    "sağlarız. Hizmet ücretsizdir."
                ),
            },
        },
    },
    {
        "key": "woonwijzer-leuven",
        "org": "stad-leuven",
        "name": "Woonwijzer: vragen over huren en wonen",
        "description": (
            "Zoek je een betaalbare woning, heb je problemen met je huisbaas of is je huis te koud en "
            "vochtig? De Woonwijzer geeft gratis advies. Een medewerker helpt je ook om je in te schrijven "
            "voor een sociale woning en legt uit hoe je via een sociaal verhuurkantoor kan huren."
        ),
        "domains": ["wonen"],
        "groups": ["ouders", "kwetsbare-gezinnen", "alleenstaande-ouders"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "phone"],
        "walk_in": True,
        "application_process": "Loop binnen tijdens het spreekuur of maak een afspraak via 016 00 10 40.",
        "locations": ["stadskantoor-leuven"],
        "hours": [
            {"days": ["MO", "WE", "FR"], "opens": "09:00", "closes": "12:30"},
            {"days": ["TH"], "opens": "13:30", "closes": "19:00"},
        ],
        "phone": "016 00 10 40",
        "assured_date": "2025-05-20",
    },
    {
        "key": "occasionele-opvang-de-vlinder",
        "org": "stad-leuven",
        "name": "Occasionele opvang in kinderdagverblijf De Vlinder",
        "description": (
            "Heb je af en toe opvang nodig, bijvoorbeeld voor een sollicitatie, een opleiding of een "
            "doktersbezoek? In De Vlinder zijn elke dag enkele plaatsen vrij voor occasionele opvang van "
            "kinderen tot 3 jaar. Je betaalt volgens je inkomen. Met een laag inkomen of in een moeilijke "
            "situatie betaal je het sociaal tarief."
        ),
        "domains": ["kinderopvang", "werk"],
        "groups": ["ouders", "alleenstaande-ouders", "kwetsbare-gezinnen"],
        "age": (0, 36),
        "costs": [
            {"kind": "paid", "option": "Per dag, volgens je inkomen (maximum)", "amount": 34.0},
            {"kind": "reduced", "option": "Sociaal tarief per dag", "amount": 5.5},
        ],
        "languages": ["nl", "fr", "en"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Bel de dag voordien naar 016 00 10 20 om een plaats te vragen.",
        "locations": ["kinderdagverblijf-de-vlinder"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "07:00", "closes": "18:30"},
        ],
        "phone": "016 00 10 20",
        "assured_date": "2026-08-12",
    },
    {
        "key": "ibo-heverlee",
        "org": "stad-leuven",
        "name": "Buitenschoolse opvang Heverlee",
        "description": (
            "Na school, op woensdagnamiddag en in de vakanties kunnen kleuters en kinderen van de lagere "
            "school terecht in de IBO. Ze spelen binnen en buiten, maken hun huiswerk of rusten wat uit. Je "
            "betaalt per opvangmoment; met UiTPAS met kansentarief krijg je 80% korting."
        ),
        "domains": ["kinderopvang", "vrije-tijd"],
        "groups": ["kinderen", "ouders"],
        "age": (30, 144),
        "costs": [
            {"kind": "paid", "option": "Per opvangmoment van maximaal 3 uur", "amount": 4.8},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 0.96},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Schrijf je kind vooraf in via het Loket Kinderopvang of online.",
        "locations": ["ibo-heverlee"],
        "hours": [
            {"days": ["MO", "TU", "TH", "FR"], "opens": "07:00", "closes": "08:30"},
            {"days": ["MO", "TU", "TH", "FR"], "opens": "15:30", "closes": "18:30"},
            {"days": ["WE"], "opens": "12:00", "closes": "18:30"},
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "07:30",
                "closes": "18:00",
                "note": "tijdens de schoolvakanties",
            },
        ],
        "assured_date": "2026-02-24",
    },
    {
        "key": "ibo-wilsele",
        "org": "stad-leuven",
        "name": "Buitenschoolse opvang Wilsele",
        "description": (
            "In de IBO van Wilsele worden kinderen van 2,5 tot 12 jaar opgevangen voor en na school. Tijdens "
            "de schoolvakanties is er een vakantiewerking met uitstappen en thema's. Je kan een vaste plaats "
            "reserveren of af en toe komen. Voor het tweede kind betaal je minder."
        ),
        "domains": ["kinderopvang", "vrije-tijd"],
        "groups": ["kinderen", "ouders"],
        "age": (30, 144),
        "costs": [
            {"kind": "paid", "option": "Per opvangmoment van maximaal 3 uur", "amount": 4.8},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 0.96},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Schrijf je kind in via het Loket Kinderopvang of online.",
        "locations": ["ibo-wilsele"],
        "hours": [
            {"days": ["MO", "TU", "TH", "FR"], "opens": "07:00", "closes": "08:30"},
            {"days": ["MO", "TU", "TH", "FR"], "opens": "15:30", "closes": "18:30"},
            {"days": ["WE"], "opens": "12:00", "closes": "18:30"},
        ],
        "assured_date": "2025-03-18",
    },
    {
        "key": "kleuteropvang-vakantie-wijgmaal",
        "org": "stad-leuven",
        "name": "Vakantieopvang voor kleuters in Wijgmaal",
        "description": (
            "Tijdens de schoolvakanties kunnen kleuters van 2,5 tot 6 jaar naar de vakantieopvang naast de "
            "school van Wijgmaal. Er is een rustige ruimte voor een middagdutje en elke week een ander "
            "thema. Je kiest zelf welke dagen je kind komt."
        ),
        "domains": ["kinderopvang"],
        "groups": ["kinderen", "ouders"],
        "age": (30, 72),
        "costs": [
            {"kind": "paid", "option": "Per dag", "amount": 12.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 2.4},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je kind online in; de inschrijvingen starten zes weken voor de vakantie."
        ),
        "locations": ["ibo-wijgmaal"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "07:30",
                "closes": "18:00",
                "note": "alleen tijdens de schoolvakanties",
            },
        ],
        "assured_date": "2025-12-16",
    },
    {
        "key": "sportkampen-vakantie",
        "org": "stad-leuven",
        "name": "Sportkampen in de schoolvakanties",
        "description": (
            "In de krokus-, paas- en zomervakantie organiseert de sportdienst sportkampen voor kinderen van "
            "6 tot 14 jaar: voetbal, dans, klimmen of een mix van sporten. De kampen duren van 9 tot 16 uur, "
            "met opvang vanaf 8 uur en tot 17.30 uur. Met UiTPAS met kansentarief betaal je maar een vijfde "
            "van de prijs."
        ),
        "domains": ["vrije-tijd"],
        "groups": ["kinderen", "jongeren", "kwetsbare-gezinnen"],
        "age": (72, 168),
        "costs": [
            {"kind": "paid", "option": "Per week", "amount": 75.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 15.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je kind online in; de inschrijvingsdag staat op de website van de stad."
        ),
        "locations": ["sporthal-kessel-lo"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "08:00",
                "closes": "17:30",
                "note": "alleen tijdens de schoolvakanties",
            },
        ],
        "url": "https://www.stad-leuven.example/sportkampen",
        "assured_date": "2026-01-08",
    },
    {
        "key": "ouder-kindturnen-wijgmaal",
        "org": "stad-leuven",
        "name": "Kleuterturnen voor ouder en kind",
        "description": (
            "Op zaterdagochtend turnen peuters en kleuters samen met mama, papa of een grootouder in de zaal "
            "van het Dorpshuis. Klimmen, rollen, springen en balspelletjes helpen je kind om sterk en handig "
            "te worden. Een reeks van tien lessen kost €35, met UiTPAS met kansentarief €7."
        ),
        "domains": ["vrije-tijd", "gezondheid"],
        "groups": ["kinderen", "ouders"],
        "age": (24, 72),
        "costs": [
            {"kind": "paid", "option": "Reeks van tien lessen", "amount": 35.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 7.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je in via de website van de sportdienst; de eerste les mag je gratis proberen."
        ),
        "locations": ["dorpshuis-wijgmaal"],
        "hours": [
            {"days": ["SA"], "opens": "09:30", "closes": "10:30", "note": "niet tijdens de schoolvakanties"},
        ],
        "assured_date": "2026-09-05",
    },
    {
        "key": "voorleesmoment-bib",
        "org": "stad-leuven",
        "name": "Voorleesmoment in de bib",
        "description": (
            "Elke woensdagnamiddag en zaterdagochtend lezen vrijwilligers voor aan kinderen van 2 tot 6 "
            "jaar. Na het verhaal is er tijd om boekjes te kiezen en mee naar huis te nemen. Een lidkaart "
            "voor kinderen is gratis. Op zaterdag is er ook een voorleesmoment in het Dorpshuis van "
            "Wijgmaal."
        ),
        "domains": ["vrije-tijd", "taal", "onderwijs"],
        "groups": ["kinderen", "ouders"],
        "age": (24, 72),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon luisteren; je hoeft niet in te schrijven.",
        "locations": ["bib-tweebronnen", "dorpshuis-wijgmaal"],
        "hours": [
            {"days": ["WE"], "opens": "15:00", "closes": "15:45", "note": "Bibliotheek Tweebronnen"},
            {
                "days": ["SA"],
                "opens": "10:30",
                "closes": "11:15",
                "note": "Tweebronnen en Dorpshuis Wijgmaal",
            },
        ],
        "assured_date": "2026-03-26",
    },
    {
        "key": "grabbelpas",
        "org": "stad-leuven",
        "name": "Grabbelpas: vakantieactiviteiten voor kinderen",
        "description": (
            "Met de Grabbelpas kiest je kind in de vakantie zelf activiteiten: een dagje klimmen, een "
            "kookworkshop, een uitstap naar het bos of een knutselnamiddag in de bib. Een activiteit kost "
            "tussen €2 en €10. Met UiTPAS met kansentarief betaal je maar een vijfde. De brochure ligt in de "
            "bib en in het stadskantoor."
        ),
        "domains": ["vrije-tijd"],
        "groups": ["kinderen", "jongeren", "kwetsbare-gezinnen"],
        "age": (72, 180),
        "costs": [
            {"kind": "paid", "option": "Per activiteit, vanaf", "amount": 2.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS, vanaf", "amount": 0.4},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je kind online in voor de activiteiten die het leuk vindt; dat kan vanaf een maand voor "
            "de vakantie."
        ),
        "locations": ["sporthal-kessel-lo", "bib-tweebronnen", "dorpshuis-wijgmaal"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "09:00",
                "closes": "17:00",
                "note": "tijdens de krokus-, paas-, zomer- en herfstvakantie",
            },
        ],
        "url": "https://www.stad-leuven.example/grabbelpas",
        "assured_date": "2026-01-15",
    },
    # --- OCMW Leuven --------------------------------------------------------------------------------
    {
        "key": "onthaal-sociaal-huis",
        "org": "ocmw-leuven",
        "name": "Onthaal Sociaal Huis",
        "description": (
            "Kom je moeilijk rond, heb je geen inkomen of weet je niet hoe je je rekeningen moet betalen? "
            "Loop binnen bij het onthaal van het Sociaal Huis. Een maatschappelijk werker bekijkt je "
            "situatie en vertelt welke hulp je kan krijgen, zoals een leefloon of hulp bij medische kosten. "
            "Neem je identiteitskaart en recente rekeningen mee."
        ),
        "domains": ["geld", "welzijn", "wonen"],
        "groups": ["kwetsbare-gezinnen", "alleenstaande-ouders", "nieuwkomers"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar"],
        "how": ["location", "phone"],
        "walk_in": True,
        "application_process": "Loop binnen tijdens de openingsuren of bel 016 00 28 11.",
        "locations": ["sociaal-huis-leuven"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:30", "closes": "12:00"},
            {"days": ["MO", "WE"], "opens": "13:30", "closes": "16:00"},
        ],
        "phone": "016 00 28 11",
        "email": "onthaal@ocmw-leuven.example",
        "assured_date": "2026-06-24",
    },
    {
        "key": "budgetbegeleiding-schuldhulp",
        "org": "ocmw-leuven",
        "name": "Budgetbegeleiding en schuldhulp",
        "description": (
            "Heb je schulden of lukt het niet meer om rond te komen? Een budgetbegeleider maakt samen met "
            "jou een overzicht van je inkomsten en uitgaven. Jullie maken afspraken met je schuldeisers en "
            "zoeken hoe je weer rustig kan leven. Als het nodig is, beheert het OCMW een tijd lang je geld "
            "mee."
        ),
        "domains": ["geld"],
        "groups": ["kwetsbare-gezinnen", "alleenstaande-ouders", "ouders"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "home"],
        "walk_in": False,
        "application_process": "Vraag een gesprek aan bij het onthaal van het Sociaal Huis.",
        "locations": ["sociaal-huis-leuven"],
        "hours": [],
        "assured_date": "2025-09-30",
    },
    {
        "key": "financiele-steun-schoolkosten",
        "org": "ocmw-leuven",
        "name": "Financiële steun voor schoolkosten en schoolreis",
        "description": (
            "Is er thuis te weinig geld voor een schoolreis, zwemles, boeken of een laptop? Het OCMW geeft "
            "financiële steun aan gezinnen met een laag inkomen, zodat je kind overal aan kan meedoen. Een "
            "maatschappelijk werker bekijkt samen met jou wat je nodig hebt. Krijg je nog geen "
            "schooltoeslag? Dan helpen we je die ook aan te vragen."
        ),
        "domains": ["geld", "onderwijs"],
        "groups": ["kwetsbare-gezinnen", "ouders", "kinderen", "jongeren"],
        "age": (30, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar"],
        "how": ["location", "phone"],
        "walk_in": False,
        "application_process": (
            "Maak een afspraak bij het onthaal van het Sociaal Huis en breng de rekening van de school mee."
        ),
        "locations": ["sociaal-huis-leuven"],
        "hours": [],
        "phone": "016 00 28 12",
        "eligibility_description": (
            "Voor Leuvense gezinnen met een laag inkomen. De maatschappelijk werker kijkt naar je inkomen en "
            "je uitgaven."
        ),
        "assured_date": "2026-08-26",
        "translations": {
            "en": {
                "name": "Financial support for school costs and school trips",
                "description": (
                    "Is there not enough money at home for a school trip, swimming lessons, books or a "
                    "laptop? The OCMW gives financial support to families with a low income, so that your "
                    "child can take part in everything. A social worker looks at what you need together with "
                    "you. Don't you receive the school allowance yet? Then we also help you apply for it."
                ),
            },
            "fr": {
                "name": "Aide financière pour les frais scolaires et les excursions",
                "description": (
                    "Il n'y a pas assez d'argent à la maison pour une excursion scolaire, la piscine, des "
                    "livres ou un ordinateur portable ? Le CPAS accorde une aide financière aux familles à "
                    "faible revenu, pour que votre enfant puisse participer à tout. Un assistant social "
                    "examine avec vous ce dont vous avez besoin. Vous ne recevez pas encore l'allocation "
                    "scolaire ? Nous vous aidons aussi à la demander."
                ),
            },
        },
    },
    {
        "key": "kraamzorg-aan-huis",
        "org": "ocmw-leuven",
        "name": "Kraamzorg aan huis",
        "description": (
            "In de eerste weken na de bevalling komt een kraamverzorgster bij je thuis. Ze helpt met het "
            "verzorgen en voeden van je baby, doet wat huishoudelijk werk en let op hoe jij herstelt. Zo kan "
            "je rustig wennen aan je nieuwe gezin. Je betaalt per uur, volgens je inkomen."
        ),
        "domains": ["zwangerschap", "gezondheid"],
        "groups": ["aanstaande-ouders", "ouders"],
        "age": (-1, 3),
        "costs": [
            {"kind": "paid", "option": "Per uur, volgens je inkomen (maximum)", "amount": 10.5},
            {"kind": "reduced", "option": "Sociaal tarief per uur", "amount": 1.5},
        ],
        "languages": ["nl", "fr", "en"],
        "how": ["home"],
        "walk_in": False,
        "application_process": (
            "Vraag kraamzorg aan vanaf de zevende maand van je zwangerschap via 016 00 28 20."
        ),
        "locations": [],
        "hours": [],
        "areas": ["leuven"],
        "phone": "016 00 28 20",
        "assured_date": "2025-11-25",
    },
    {
        "key": "oppas-zieke-kinderen",
        "org": "ocmw-leuven",
        "name": "Oppas voor zieke kinderen",
        "description": (
            "Is je kind ziek en mag het niet naar de opvang of naar school, terwijl jij moet gaan werken? "
            "Dan komt een oppas van de thuiszorgdienst bij je kind thuis. Bel voor 9 uur; vaak kan de oppas "
            "dezelfde dag nog komen. Met een laag inkomen betaal je het sociaal tarief."
        ),
        "domains": ["kinderopvang", "werk", "gezondheid"],
        "groups": ["ouders", "alleenstaande-ouders"],
        "age": (0, 144),
        "costs": [
            {"kind": "paid", "option": "Per uur", "amount": 6.0},
            {"kind": "reduced", "option": "Sociaal tarief per uur", "amount": 2.0},
        ],
        "languages": ["nl"],
        "how": ["home", "phone"],
        "walk_in": False,
        "application_process": "Bel op de dag zelf voor 9 uur naar 016 00 28 30.",
        "locations": [],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "07:30", "closes": "18:30"},
        ],
        "areas": ["leuven"],
        "phone": "016 00 28 30",
        "assured_date": "2026-05-06",
    },
    {
        "key": "werk-zoeken-met-begeleiding",
        "org": "ocmw-leuven",
        "name": "Werk zoeken met begeleiding",
        "description": (
            "Wil je aan het werk, maar weet je niet hoe je moet beginnen? Een trajectbegeleider van het OCMW "
            "zoekt samen met jou een opleiding of een job die past bij je gezin. We zoeken ook mee naar "
            "kinderopvang tijdens je opleiding en je eerste weken op het werk. Soms kan je eerst een tijd "
            "werken met een contract van het OCMW."
        ),
        "domains": ["werk", "kinderopvang"],
        "groups": ["ouders", "alleenstaande-ouders", "kwetsbare-gezinnen", "nieuwkomers"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Vraag je maatschappelijk werker om een eerste gesprek met een trajectbegeleider."
        ),
        "locations": ["sociaal-huis-leuven"],
        "hours": [],
        "eligibility_description": "Voor wie een leefloon of andere steun van het OCMW krijgt.",
        "assured_date": "2026-03-10",
    },
    {
        "key": "hulp-energiefactuur",
        "org": "ocmw-leuven",
        "name": "Hulp bij je energiefactuur",
        "description": (
            "Kan je je rekening voor gas, elektriciteit of water niet betalen? De energiecel van het OCMW "
            "helpt je een afbetalingsplan te maken en zorgt dat je niet zonder verwarming komt te zitten. Je "
            "krijgt ook tips om minder te verbruiken en hoort of je recht hebt op het sociaal tarief voor "
            "energie."
        ),
        "domains": ["wonen", "geld"],
        "groups": ["kwetsbare-gezinnen", "ouders"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "phone"],
        "walk_in": False,
        "application_process": "Maak een afspraak via het onthaal van het Sociaal Huis of bel 016 00 28 13.",
        "locations": ["sociaal-huis-leuven"],
        "hours": [
            {"days": ["WE"], "opens": "13:30", "closes": "16:00", "note": "op afspraak"},
        ],
        "phone": "016 00 28 13",
        "assured_date": "2025-10-28",
    },
    # --- CAW Oost-Brabant -------------------------------------------------------------------------
    {
        "key": "caw-onthaal-leuven",
        "org": "caw-oost-brabant",
        "name": "Onthaal CAW: met al je vragen",
        "description": (
            "Zit je met een probleem en weet je niet waar je moet beginnen? Aan het onthaal van het CAW "
            "luistert een hulpverlener naar je verhaal. Samen bekijken jullie wat je nodig hebt: een "
            "gesprek, hulp bij papieren of geld, of een andere dienst. De hulp is gratis en je hoeft geen "
            "afspraak te maken."
        ),
        "domains": ["welzijn", "geld", "wonen"],
        "groups": ["ouders", "jongeren", "alleenstaande-ouders", "kwetsbare-gezinnen", "nieuwkomers"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar"],
        "how": ["location", "phone", "online"],
        "walk_in": True,
        "application_process": (
            "Loop binnen tijdens de openingsuren, bel 016 00 11 21 of chat via de website."
        ),
        "locations": ["caw-leuven"],
        "hours": [
            {"days": ["MO", "TU", "TH", "FR"], "opens": "09:00", "closes": "12:30"},
            {"days": ["WE"], "opens": "13:30", "closes": "18:00"},
        ],
        "phone": "016 00 11 21",
        "email": "onthaal@caw-oost-brabant.example",
        "url": "https://www.caw-oost-brabant.example/onthaal-leuven",
        "assured_date": "2026-10-27",
        "translations": {
            "en": {
                "name": "CAW reception: with all your questions",
                "description": (
                    "Do you have a problem and don't know where to start? At the CAW reception desk, a "
                    "counsellor listens to your story. Together you look at what you need: a conversation, "
                    "help with paperwork or money, or another service. The help is free and you don't need "
                    "an appointment."
                ),
            },
            "fr": {
                "name": "Accueil du CAW : pour toutes vos questions",
                "description": (
                    "Vous avez un problème et vous ne savez pas par où commencer ? À l'accueil du CAW, un "
                    "intervenant écoute votre histoire. Ensemble, vous voyez ce dont vous avez besoin : un "
                    "entretien, de l'aide pour vos papiers ou votre argent, ou un autre service. L'aide est "
                    "gratuite et sans rendez-vous."
                ),
            },
            "ar": {
                "name": "استقبال CAW: لكل أسئلتك",
                "description": (
                    "هل لديك مشكلة ولا تعرف من أين تبدأ؟ في مكتب استقبال CAW يستمع أحد المرشدين الاجتماعيين "
                    "إلى قصتك. تنظران معا فيما تحتاج إليه: محادثة، أو مساعدة في الأوراق أو المال، أو خدمة "
                    "أخرى. المساعدة مجانية ولا تحتاج إلى موعد."
                ),
            },
            "tr": {
                "name": "CAW danışma: tüm sorularınız için",
                "description": (
                    "Bir sorununuz var ve nereden başlayacağınızı bilmiyor musunuz? CAW danışma masasında "
                    "bir sosyal danışman sizi dinler. Birlikte neye ihtiyacınız olduğuna bakarsınız: bir "
                    "görüşme, evrak veya para konusunda yardım ya da başka bir hizmet. Yardım ücretsizdir ve "
                    "randevu gerekmez."
                ),
            },
        },
    },
    {
        "key": "jac-leuven",
        "org": "caw-oost-brabant",
        "name": "JAC: jongerenaanspreekpunt",
        "description": (
            "Ben je tussen 12 en 24 jaar en zit je ergens mee? Thuis, op school, met vrienden, geld of je "
            "gevoelens? Bij het JAC kan je binnenlopen, bellen of chatten. Je hoeft je naam niet te zeggen "
            "en de hulp is gratis."
        ),
        "domains": ["welzijn", "wonen", "werk"],
        "groups": ["jongeren"],
        "age": (144, 288),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "phone", "online"],
        "walk_in": True,
        "application_process": "Loop binnen, bel 016 00 11 30 of chat anoniem via de website.",
        "locations": ["jac-leuven"],
        "hours": [
            {"days": ["MO", "TU", "TH"], "opens": "13:00", "closes": "18:00"},
            {"days": ["WE"], "opens": "13:00", "closes": "20:00"},
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "18:00", "closes": "21:00", "note": "chat"},
        ],
        "phone": "016 00 11 30",
        "email": "jac@caw-oost-brabant.example",
        "url": "https://www.caw-oost-brabant.example/jac",
        "assured_date": "2026-09-17",
        "translations": {
            "en": {
                "name": "JAC: youth help point",
                "description": (
                    "Are you between 12 and 24 and is something bothering you? At home, at school, with "
                    "friends, money or your feelings? At the JAC you can drop in, call or chat. You don't "
                    "have to give your name and the help is free."
                ),
            },
            "fr": {
                "name": "JAC : point d'accueil pour les jeunes",
                "description": (
                    "Tu as entre 12 et 24 ans et quelque chose te tracasse ? À la maison, à l'école, avec "
                    "tes amis, l'argent ou tes sentiments ? Au JAC, tu peux passer, appeler ou chatter. Tu "
                    "ne dois pas donner ton nom et l'aide est gratuite."
                ),
            },
        },
    },
    {
        "key": "hulp-bij-geweld-thuis",
        "org": "caw-oost-brabant",
        "name": "Hulp bij geweld in het gezin",
        "description": (
            "Word je thuis geslagen, uitgescholden of bedreigd, of maak je je zorgen over een kind? Je hoeft "
            "het niet alleen op te lossen. Bel of chat gratis en anoniem met 1712, bel het CAW of kom langs. "
            "Samen zoeken we hoe je veilig kan zijn, als het moet met een plek in de crisisopvang. Bij "
            "direct gevaar bel je 112."
        ),
        "domains": ["welzijn"],
        "groups": ["ouders", "kinderen", "jongeren", "professionals"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar", "tr"],
        "how": ["location", "phone", "online"],
        "walk_in": True,
        "application_process": "Bel 016 00 11 22, kom langs bij het onthaal van het CAW of chat via 1712.",
        "locations": ["caw-leuven"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "09:00", "closes": "17:00"},
        ],
        "phone": "016 00 11 22",
        "assured_date": "2026-11-10",
    },
    {
        "key": "hulp-bij-ruzie-en-relatieproblemen",
        "org": "caw-oost-brabant",
        "name": "Hulp bij ruzie en relatieproblemen",
        "description": (
            "Is er veel ruzie thuis, met je partner of met je kinderen? Of denk je aan een scheiding? Een "
            "hulpverlener van het CAW praat met jou, met jullie samen of met het hele gezin. Jullie zoeken "
            "hoe je weer beter met elkaar kan praten. De gesprekken zijn gratis; ook op dinsdagavond kan je "
            "terecht."
        ),
        "domains": ["welzijn", "opvoeding"],
        "groups": ["ouders", "scheiding"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "online"],
        "walk_in": False,
        "application_process": "Vraag een eerste gesprek aan via het onthaal of via 016 00 11 23.",
        "locations": ["caw-leuven"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "09:00",
                "closes": "17:00",
                "note": "op afspraak",
            },
            {"days": ["TU"], "opens": "17:00", "closes": "20:00", "note": "op afspraak"},
        ],
        "phone": "016 00 11 23",
        "assured_date": "2025-08-05",
    },
    {
        "key": "woonbegeleiding-caw",
        "org": "caw-oost-brabant",
        "name": "Hulp als je je woning dreigt te verliezen",
        "description": (
            "Heb je huurachterstand, kreeg je een brief van de vrederechter of moet je plots je huis uit? "
            "Een woonbegeleider van het CAW zoekt samen met jou naar een oplossing. We praten met je "
            "huisbaas, helpen met papieren en zoeken mee naar een andere woning als het nodig is. We komen "
            "ook bij je thuis."
        ),
        "domains": ["wonen", "geld"],
        "groups": ["ouders", "alleenstaande-ouders", "kwetsbare-gezinnen", "jongeren"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "home", "phone"],
        "walk_in": False,
        "application_process": "Kom langs bij het onthaal van het CAW of bel 016 00 11 24.",
        "locations": ["caw-leuven"],
        "hours": [],
        "phone": "016 00 11 24",
        "assured_date": "2026-04-30",
    },
    {
        "key": "begeleiding-tienerouders",
        "org": "caw-oost-brabant",
        "name": "Jong en zwanger: begeleiding voor tienerouders",
        "description": (
            "Ben je jonger dan 21 en zwanger, of ben je al een jonge mama of papa? Een vaste begeleider "
            "helpt je met alles wat op je afkomt: je school afmaken, geld, wonen en de zorg voor je baby. "
            "Eén keer per maand is er een groepsmoment met andere jonge ouders, met opvang voor de kinderen. "
            "De begeleiding is gratis."
        ),
        "domains": ["zwangerschap", "opvoeding", "onderwijs"],
        "groups": ["jongeren", "aanstaande-ouders", "ouders"],
        "age": (-9, 36),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "home", "phone"],
        "walk_in": False,
        "application_process": "Bel of stuur een bericht naar 016 00 11 31, of kom langs bij het JAC.",
        "locations": ["jac-leuven"],
        "hours": [
            {
                "days": ["WE"],
                "opens": "14:00",
                "closes": "16:30",
                "note": "groepsmoment, elke laatste woensdag van de maand",
            },
        ],
        "phone": "016 00 11 31",
        "eligibility_description": "Voor aanstaande en jonge ouders tot 21 jaar.",
        "assured_date": "2026-02-17",
    },
    # --- Provincie Vlaams-Brabant -----------------------------------------------------------------
    {
        "key": "provinciedomein-speeltuin",
        "org": "provincie-vlaams-brabant",
        "name": "Speeltuin en gezinsactiviteiten in het provinciedomein",
        "description": (
            "In het provinciedomein van Kessel-Lo spelen kinderen gratis in de grote speeltuin met "
            "waterspeelplaats, hangbrug en speeltoren. Op zondagnamiddag zijn er in de lente en de zomer "
            "gezinsactiviteiten, zoals een natuurwandeling of knutselen. Sommige attracties, zoals de "
            "minigolf, zijn betalend."
        ),
        "domains": ["vrije-tijd"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 144),
        "costs": [
            {"kind": "free", "option": "Speeltuin en gezinsactiviteiten: gratis"},
            {"kind": "paid", "option": "Minigolf per persoon", "amount": 3.5},
        ],
        "languages": ["nl", "fr", "en"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon langs; voor de gezinsactiviteiten hoef je niet in te schrijven.",
        "locations": ["provinciedomein-kessel-lo"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
                "opens": "08:00",
                "closes": "21:00",
                "note": "van april tot september; in de winter sluit het domein om 18 uur",
            },
            {
                "days": ["SU"],
                "opens": "14:00",
                "closes": "17:00",
                "note": "gezinsactiviteiten, van april tot september",
            },
        ],
        "url": "https://www.provincie-vlaams-brabant.example/provinciedomein-kessel-lo",
        "assured_date": "2026-04-16",
    },
    {
        "key": "energieloket-vlaams-brabant",
        "org": "provincie-vlaams-brabant",
        "name": "Energieloket: gratis advies over energie in huis",
        "description": (
            "Wil je minder betalen voor verwarming en elektriciteit? Bij het energieloket krijg je gratis "
            "advies over isoleren, premies en zuinig verwarmen. Huur je een woning? Dan vertellen we ook wat "
            "je huisbaas moet doen. Bel, mail of volg een online infosessie op dinsdagavond."
        ),
        "domains": ["wonen", "geld"],
        "groups": ["ouders", "kwetsbare-gezinnen"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["phone", "online"],
        "walk_in": False,
        "application_process": "Bel 016 00 30 31 of mail naar energie@provincie-vlaams-brabant.example.",
        "locations": [],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "09:00", "closes": "12:00"},
            {
                "days": ["TU"],
                "opens": "19:00",
                "closes": "20:30",
                "note": "online infosessie, elke eerste dinsdag van de maand",
            },
        ],
        "areas": ["leuven"],
        "phone": "016 00 30 31",
        "email": "energie@provincie-vlaams-brabant.example",
        "assured_date": "2025-06-25",
    },
    # --- Buurtwerk 't Lampeke ---------------------------------------------------------------------
    {
        "key": "open-buurthuis-leuven-noord",
        "org": "buurtwerk-t-lampeke",
        "name": "Open buurthuis Leuven-Noord",
        "description": (
            "In het buurthuis aan de Vaartkom ben je welkom voor een koffie, een babbel of een vraag. "
            "Kinderen spelen in de speelhoek, ouders leren hun buren kennen. Een buurtwerker helpt met "
            "brieven, formulieren of de weg naar een dienst. Gratis, en iedereen is welkom."
        ),
        "domains": ["welzijn", "taal", "vrije-tijd"],
        "groups": ["ouders", "kinderen", "kwetsbare-gezinnen", "nieuwkomers"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "ar", "tr"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Loop binnen tijdens de openingsuren.",
        "locations": ["buurthuis-vaartkom"],
        "hours": [
            {"days": ["MO", "TU", "TH"], "opens": "13:30", "closes": "17:00"},
        ],
        "phone": "016 00 12 31",
        "alert": (
            "Het buurthuis wordt verbouwd en is tijdelijk dicht. Kom in die periode naar Buurthuis "
            "Kareelveld in Wilsele of bel 016 00 12 31."
        ),
        "status": "temporarily closed",
        "assured_date": "2026-09-01",
    },
    {
        "key": "huiswerkklas-kareelveld",
        "org": "buurtwerk-t-lampeke",
        "name": "Huiswerkklas Kareelveld",
        "description": (
            "Na school maken kinderen van de lagere school hun huiswerk in het buurthuis. Vrijwilligers "
            "helpen met lezen, rekenen en leren voor toetsen. Daarna is er een vieruurtje en tijd om te "
            "spelen. Inschrijven kost €10 per schooljaar, met UiTPAS met kansentarief €2."
        ),
        "domains": ["onderwijs"],
        "groups": ["kinderen", "kwetsbare-gezinnen"],
        "age": (72, 144),
        "costs": [
            {"kind": "paid", "option": "Inschrijving per schooljaar", "amount": 10.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 2.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Kom langs in het buurthuis om je kind in te schrijven.",
        "locations": ["buurthuis-kareelveld"],
        "hours": [
            {
                "days": ["MO", "TU", "TH"],
                "opens": "15:45",
                "closes": "17:30",
                "note": "niet tijdens de schoolvakanties",
            },
        ],
        "assured_date": "2025-10-07",
    },
    {
        "key": "ouderkoffie-kareelveld",
        "org": "buurtwerk-t-lampeke",
        "name": "Ouderkoffie en Nederlands oefenen",
        "description": (
            "Elke woensdagochtend drinken ouders uit de buurt samen koffie in Buurthuis Kareelveld. Je "
            "oefent Nederlands, vertelt over je week en hoort waar je met vragen terechtkunt. Soms komt er "
            "iemand van de school, het CLB of het consultatiebureau langs. Kleine kinderen mogen mee."
        ),
        "domains": ["taal", "welzijn"],
        "groups": ["ouders", "nieuwkomers", "kwetsbare-gezinnen"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "ar", "tr", "prs"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon binnen op woensdagochtend.",
        "locations": ["buurthuis-kareelveld"],
        "hours": [
            {"days": ["WE"], "opens": "09:00", "closes": "11:00"},
        ],
        "assured_date": "2026-06-09",
    },
    {
        "key": "tienerwerking-kareelveld",
        "org": "buurtwerk-t-lampeke",
        "name": "Tienerwerking Kareelveld",
        "description": (
            "Voor tieners van 10 tot 16 jaar is er op woensdag- en zaterdagnamiddag tienerwerking. Ze "
            "chillen, koken samen, sporten of gaan op uitstap. De jongeren beslissen zelf mee over het "
            "programma. Meedoen is gratis; voor uitstappen vragen we een kleine bijdrage."
        ),
        "domains": ["vrije-tijd"],
        "groups": ["jongeren", "kinderen"],
        "age": (120, 192),
        "costs": [
            {"kind": "free", "option": "Gratis"},
            {"kind": "paid", "option": "Bijdrage voor een uitstap", "amount": 3.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom eens langs; de eerste keer hoef je niets te regelen.",
        "locations": ["buurthuis-kareelveld"],
        "hours": [
            {"days": ["WE"], "opens": "14:00", "closes": "17:00"},
            {"days": ["SA"], "opens": "14:00", "closes": "17:30"},
        ],
        "assured_date": "2026-02-03",
    },
    # --- MFC Combo --------------------------------------------------------------------------------
    {
        "key": "dagopvang-combo",
        "org": "mfc-combo",
        "name": "Dagopvang voor kinderen met een beperking",
        "description": (
            "Kinderen met een verstandelijke of meervoudige beperking kunnen overdag naar Combo. Ze krijgen "
            "er zorg en therapie, en spelen in kleine groepen, aangepast aan wat ze kunnen. Schoolgaande "
            "kinderen komen na school of in de vakanties. Je betaalt een dagprijs; met een laag inkomen "
            "betaal je minder."
        ),
        "domains": ["kinderopvang", "gezondheid"],
        "groups": ["beperking", "kinderen", "ouders"],
        "age": (0, 216),
        "costs": [
            {"kind": "paid", "option": "Dagprijs", "amount": 25.0},
            {"kind": "reduced", "option": "Verminderde dagprijs bij een laag inkomen", "amount": 10.0},
        ],
        "languages": ["nl", "fr"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Bel 016 00 13 41 voor een kennismakingsgesprek en een rondleiding.",
        "locations": ["mfc-combo-heverlee"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:00", "closes": "17:00"},
        ],
        "phone": "016 00 13 41",
        "eligibility_description": (
            "Je kind heeft een beperking of er is een vermoeden van een beperking. Voor een deel van de hulp "
            "heb je geen beslissing van het VAPH nodig; we bekijken dat samen."
        ),
        "assured_date": "2026-07-08",
    },
    {
        "key": "begeleiding-aan-huis-combo",
        "org": "mfc-combo",
        "name": "Begeleiding aan huis bij een kind met een beperking",
        "description": (
            "Een begeleider van Combo komt bij jullie thuis. Samen zoeken jullie antwoorden op vragen over "
            "gedrag, communicatie, slapen of eten. De begeleider helpt ook om school, opvang en therapie "
            "goed op elkaar af te stemmen."
        ),
        "domains": ["opvoeding", "gezondheid"],
        "groups": ["beperking", "ouders"],
        "age": (0, 216),
        "costs": [
            {"kind": "paid", "option": "Per huisbezoek", "amount": 4.0},
            {"kind": "reduced", "option": "Sociaal tarief per huisbezoek", "amount": 1.0},
        ],
        "languages": ["nl", "fr", "en"],
        "how": ["home", "phone"],
        "walk_in": False,
        "application_process": "Bel 016 00 13 41; een medewerker komt eerst langs om kennis te maken.",
        "locations": [],
        "hours": [],
        "areas": ["leuven"],
        "phone": "016 00 13 41",
        "assured_date": "2025-12-02",
    },
    {
        "key": "logeerweekends-combo",
        "org": "mfc-combo",
        "name": "Logeerweekends",
        "description": (
            "Eén keer per maand kan je kind met een beperking een weekend logeren bij Combo. Begeleiders "
            "zorgen voor een leuk programma, met uitstappen en spelletjes. Zo kan jij als ouder even op adem "
            "komen. Een weekend kost €40, met sociaal tarief €15."
        ),
        "domains": ["kinderopvang", "vrije-tijd"],
        "groups": ["beperking", "kinderen", "jongeren"],
        "age": (72, 216),
        "costs": [
            {"kind": "paid", "option": "Per weekend", "amount": 40.0},
            {"kind": "reduced", "option": "Sociaal tarief", "amount": 15.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Vraag de planning op via 016 00 13 41 en reserveer minstens een maand vooraf."
        ),
        "locations": ["mfc-combo-heverlee"],
        "hours": [
            {
                "days": ["SA", "SU"],
                "opens": "09:00",
                "closes": "18:00",
                "note": "één weekend per maand, van vrijdagavond tot zondagavond",
            },
        ],
        "phone": "016 00 13 41",
        "assured_date": "2026-05-19",
    },
    # --- Amber ------------------------------------------------------------------------------------
    {
        "key": "gezinscoaching-amber",
        "org": "amber",
        "name": "Gezinscoaching aan huis",
        "description": (
            "Loopt het thuis vast door ruzies, zorgen over het gedrag van je kind of veel stress? Een "
            "gezinscoach van Amber komt één of twee keer per week bij je thuis. Samen met jou en je kinderen "
            "zoekt de coach naar wat wel werkt. De begeleiding duurt meestal zes maanden tot een jaar en is "
            "gratis."
        ),
        "domains": ["opvoeding", "welzijn"],
        "groups": ["ouders", "kinderen", "jongeren", "kwetsbare-gezinnen"],
        "age": (0, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["home"],
        "walk_in": False,
        "application_process": (
            "Vraag de hulp aan via het CLB, het CAW of je huisarts; je mag ook zelf bellen naar 016 00 14 51."
        ),
        "locations": [],
        "hours": [],
        "areas": ["leuven"],
        "phone": "016 00 14 51",
        "assured_date": "2026-03-31",
    },
    {
        "key": "begeleid-zelfstandig-wonen-amber",
        "org": "amber",
        "name": "Begeleid zelfstandig wonen voor jongeren",
        "description": (
            "Ben je tussen 17 en 21 jaar en kan je niet meer thuis wonen? Amber helpt je om op jezelf te "
            "gaan wonen. Met een begeleider zoek je een studio, leer je je budget beheren en maak je "
            "afspraken over school of werk. De begeleider komt geregeld bij je langs."
        ),
        "domains": ["wonen", "werk", "welzijn"],
        "groups": ["jongeren"],
        "age": (204, 252),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "en"],
        "how": ["home", "phone"],
        "walk_in": False,
        "application_process": "Je jeugdconsulent of begeleider meldt je aan bij Amber.",
        "locations": [],
        "hours": [],
        "areas": ["leuven"],
        "eligibility_description": (
            "Voor jongeren die al jeugdhulp krijgen en via de toegangspoort naar Amber verwezen zijn."
        ),
        "assured_date": "2025-07-22",
    },
    {
        "key": "infoavond-pleegzorg",
        "org": "amber",
        "name": "Infoavond: pleegouder worden",
        "description": (
            "Zou jij een kind een warme thuis kunnen geven, één weekend per maand of voor langere tijd? Op "
            "deze infoavond vertellen pleegouders en begeleiders hoe pleegzorg werkt. Je hoort welke soorten "
            "pleegzorg er zijn en hoe je je kandidaat stelt. Je zit nergens aan vast."
        ),
        "domains": ["opvoeding"],
        "groups": ["pleeggezinnen", "ouders"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Schrijf je in via de website van Amber.",
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {"days": ["TH"], "opens": "19:30", "closes": "21:30", "note": "vier keer per jaar"},
        ],
        "url": "https://www.amber.example/pleegzorg",
        "assured_date": "2026-10-13",
    },
    # --- Gezinsbond -------------------------------------------------------------------------------
    {
        "key": "babysitdienst-gezinsbond",
        "org": "gezinsbond",
        "name": "Babysitdienst",
        "description": (
            "Wil je eens een avondje uit, of heb je een afspraak op zaterdag? Via de babysitdienst van de "
            "Gezinsbond vraag je een babysit aan. De babysits zijn minstens 16 jaar en volgden een "
            "babysitcursus. Je betaalt de babysit €4,50 per uur."
        ),
        "domains": ["kinderopvang"],
        "groups": ["ouders", "alleenstaande-ouders"],
        "age": (0, 144),
        "costs": [{"kind": "paid", "option": "Per uur, te betalen aan de babysit", "amount": 4.5}],
        "languages": ["nl"],
        "how": ["home", "online"],
        "walk_in": False,
        "application_process": "Vraag een babysit aan via de website, minstens drie dagen op voorhand.",
        "locations": [],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "18:00", "closes": "23:30"},
            {"days": ["SA", "SU"], "opens": "09:00", "closes": "23:30"},
        ],
        "areas": ["leuven"],
        "url": "https://www.gezinsbond.example/babysit-leuven",
        "eligibility_description": "Voor leden van de Gezinsbond.",
        "assured_date": "2026-08-18",
    },
    {
        "key": "tweedehandsbeurs-kessel-lo",
        "org": "gezinsbond",
        "name": "Tweedehandsbeurs kinderkleding en speelgoed",
        "description": (
            "Twee keer per jaar verandert het Huis van het Kind Kessel-Lo in een grote beurs. Je koopt er "
            "goedkoop kleding, speelgoed, buggy's en fietsjes voor kinderen tot 12 jaar. Wil je zelf iets "
            "verkopen? Schrijf je dan vooraf in als verkoper; een stand kost €5. De toegang is gratis."
        ),
        "domains": ["geld", "vrije-tijd"],
        "groups": ["ouders", "kwetsbare-gezinnen"],
        "age": (0, 144),
        "costs": [
            {"kind": "free", "option": "Gratis toegang"},
            {"kind": "paid", "option": "Verkoopstand", "amount": 5.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kopen kan zonder inschrijving; verkopers schrijven zich in via de website.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {
                "days": ["SA"],
                "opens": "09:00",
                "closes": "12:00",
                "note": "in maart en oktober; de data staan op de website",
            },
        ],
        "assured_date": "2026-02-26",
    },
    {
        "key": "zondagsbeurs-wijgmaal",
        "org": "gezinsbond",
        "name": "Zondagsbeurs baby- en peuterspullen in Wijgmaal",
        "description": (
            "Op de zondagsbeurs in het Dorpshuis vind je alles voor baby's en peuters: kleertjes, "
            "draagzakken, bedjes en autostoeltjes. Vrijwilligers van de Gezinsbond kijken na of alles veilig "
            "en proper is. Wil je zelf verkopen? Een tafel kost €4. Wat niet verkocht wordt, gaat naar de "
            "sociale kruidenier."
        ),
        "domains": ["geld", "zwangerschap"],
        "groups": ["aanstaande-ouders", "ouders"],
        "age": (-9, 36),
        "costs": [
            {"kind": "free", "option": "Gratis toegang"},
            {"kind": "paid", "option": "Verkooptafel", "amount": 4.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon langs met een tas en wat cash geld.",
        "locations": ["dorpshuis-wijgmaal"],
        "hours": [
            {
                "days": ["SU"],
                "opens": "09:30",
                "closes": "12:30",
                "note": "één zondag in april en één in november",
            },
        ],
        "assured_date": "2025-09-09",
    },
    {
        "key": "babysitcursus-gezinsbond",
        "org": "gezinsbond",
        "name": "Babysitcursus voor jongeren",
        "description": (
            "Ben je 15 jaar of ouder en wil je babysitten? In deze cursus leer je hoe je een baby verzorgt, "
            "wat je doet als een kind ziek wordt of zich pijn doet en hoe je kinderen bezighoudt. Na de "
            "cursus kan je je inschrijven bij de babysitdienst zodra je 16 bent. Met UiTPAS met kansentarief "
            "betaal je maar €4."
        ),
        "domains": ["werk", "kinderopvang"],
        "groups": ["jongeren"],
        "age": (180, 288),
        "costs": [
            {"kind": "paid", "option": "Cursus van twee dagen", "amount": 20.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 4.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Schrijf je in via de website van de Gezinsbond.",
        "locations": ["zaal-heverlee"],
        "hours": [
            {
                "days": ["SA", "SU"],
                "opens": "09:30",
                "closes": "16:00",
                "note": "één weekend in het voorjaar en één in het najaar",
            },
        ],
        "assured_date": "2026-01-20",
    },
    {
        "key": "ehbo-baby-peuter",
        "org": "gezinsbond",
        "name": "EHBO bij baby's en peuters",
        "description": (
            "Wat doe je als je baby zich verslikt, je peuter zich brandt of plots hoge koorts krijgt? In "
            "deze workshop van één avond oefen je met een ervaren lesgever op een oefenpop. Je krijgt ook "
            "een handige fiche mee voor thuis. Voor ouders, grootouders en babysits."
        ),
        "domains": ["gezondheid"],
        "groups": ["ouders", "aanstaande-ouders"],
        "age": (0, 48),
        "costs": [
            {"kind": "paid", "option": "Per persoon", "amount": 12.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 2.4},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je in via de website van de Gezinsbond; er zijn 16 plaatsen per avond."
        ),
        "locations": ["zaal-heverlee"],
        "hours": [
            {"days": ["TH"], "opens": "19:30", "closes": "22:00", "note": "een paar keer per jaar"},
        ],
        "assured_date": "2025-10-02",
    },
    # --- De Scheidingsschool ----------------------------------------------------------------------
    {
        "key": "scheidingsschool-kinderen",
        "org": "scheidingsschool",
        "name": "Scheidingsschool voor kinderen",
        "description": (
            "Gaan je ouders uit elkaar? In de Scheidingsschool kom je zes woensdagnamiddagen samen met "
            "kinderen die hetzelfde meemaken. Door te spelen, te tekenen en te praten ontdek je dat je "
            "gevoelens normaal zijn en dat het niet jouw schuld is. Je ouders krijgen een gesprek voor en na "
            "de reeks."
        ),
        "domains": ["welzijn"],
        "groups": ["kinderen", "scheiding"],
        "age": (72, 144),
        "costs": [
            {"kind": "paid", "option": "Reeks van zes namiddagen", "amount": 40.0},
            {"kind": "reduced", "option": "Sociaal tarief", "amount": 8.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Je ouders schrijven je in via de website van de Scheidingsschool.",
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {
                "days": ["WE"],
                "opens": "14:00",
                "closes": "16:00",
                "note": "reeks van zes woensdagen, twee keer per jaar",
            },
        ],
        "eligibility_description": (
            "Beide ouders geven toestemming. Lukt dat niet, bel ons dan om samen een oplossing te zoeken."
        ),
        "assured_date": "2026-06-30",
    },
    {
        "key": "scheidingsschool-ouders",
        "org": "scheidingsschool",
        "name": "Ouders in scheiding: groep en online cursus",
        "description": (
            "Na een scheiding blijf je samen ouder, ook als dat moeilijk loopt. In deze groep praat je met "
            "andere gescheiden ouders over het ouderschapsplan, nieuwe partners en hoe je je kinderen buiten "
            "de ruzie houdt. Je kan ook de online cursus volgen, op je eigen tempo."
        ),
        "domains": ["welzijn", "opvoeding"],
        "groups": ["scheiding", "ouders", "alleenstaande-ouders"],
        "age": (0, 216),
        "costs": [
            {"kind": "paid", "option": "Groep van vier avonden", "amount": 40.0},
            {"kind": "reduced", "option": "Sociaal tarief", "amount": 8.0},
            {"kind": "paid", "option": "Online cursus", "amount": 25.0},
        ],
        "languages": ["nl", "en"],
        "how": ["location", "online"],
        "walk_in": False,
        "application_process": "Schrijf je in via de website van de Scheidingsschool.",
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {"days": ["TU"], "opens": "19:30", "closes": "21:30", "note": "reeks van vier dinsdagen"},
        ],
        "assured_date": "2025-11-18",
    },
    {
        "key": "praatgroep-tieners-scheiding",
        "org": "scheidingsschool",
        "name": "Praatgroep voor tieners met gescheiden ouders",
        "description": (
            "Voor jongeren van 12 tot 16 jaar met gescheiden ouders is er een praatgroep op vrijdagavond. Je "
            "praat over pendelen tussen twee huizen, over kiezen tussen je ouders of gewoon over wat je "
            "dwarszit. Wat in de groep gezegd wordt, blijft in de groep. Een reeks van zes avonden kost €20, "
            "met sociaal tarief €4."
        ),
        "domains": ["welzijn"],
        "groups": ["jongeren", "scheiding"],
        "age": (144, 192),
        "costs": [
            {"kind": "paid", "option": "Reeks van zes avonden", "amount": 20.0},
            {"kind": "reduced", "option": "Sociaal tarief", "amount": 4.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Stuur een berichtje naar 016 00 16 71 of mail ons; je mag eerst eens komen kijken."
        ),
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {
                "days": ["FR"],
                "opens": "18:00",
                "closes": "20:00",
                "note": "om de twee weken, reeks van zes avonden",
            },
        ],
        "phone": "016 00 16 71",
        "assured_date": "2026-04-02",
    },
    # --- Bakermat ---------------------------------------------------------------------------------
    {
        "key": "bakermat-huisbezoeken",
        "org": "bakermat",
        "name": "Bakermat: spelen en groeien aan huis",
        "description": (
            "Een medewerker van Bakermat komt om de twee weken bij je thuis, vanaf de zwangerschap tot je "
            "kind 3 jaar is. Ze brengt speelgoed en boekjes mee en toont hoe je met je kind kan spelen, "
            "praten en voorlezen. Samen kijken jullie wat je kind nodig heeft om goed te groeien. De "
            "bezoeken zijn gratis."
        ),
        "domains": ["opvoeding", "gezondheid"],
        "groups": ["ouders", "aanstaande-ouders", "kwetsbare-gezinnen", "nieuwkomers"],
        "age": (-3, 36),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar", "so", "ti"],
        "how": ["home"],
        "walk_in": False,
        "application_process": (
            "Meld je zelf aan via 016 00 17 81, of vraag Kind en Gezin om je aan te melden."
        ),
        "locations": [],
        "hours": [],
        "areas": ["leuven"],
        "phone": "016 00 17 81",
        "eligibility_description": (
            "Voor gezinnen met weinig geld, weinig mensen om op terug te vallen of andere zorgen."
        ),
        "assured_date": "2026-09-24",
    },
    {
        "key": "babyontmoeting-bakermat",
        "org": "bakermat",
        "name": "Babyontmoeting",
        "description": (
            "Elke donderdagochtend komen ouders met een baby tot 18 maanden samen in het Huis van het Kind "
            "Kessel-Lo. Je kindje speelt op een zachte mat, jij praat met andere ouders. Een medewerker van "
            "Bakermat geeft tips over spelen, huilen en slapen. Vrijblijvend en gratis."
        ),
        "domains": ["opvoeding", "vrije-tijd"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 18),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "en", "ar"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom langs met je baby; inschrijven hoeft niet.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {"days": ["TH"], "opens": "09:30", "closes": "11:30"},
        ],
        "assured_date": "2025-05-13",
    },
    # --- Inloopteam De Mobil ----------------------------------------------------------------------
    {
        "key": "inloop-de-mobil",
        "org": "inloopteam-de-mobil",
        "name": "Inloopmomenten De Mobil",
        "description": (
            "Heb je een baby of jonge kinderen en is het thuis krap met geld? Kom dan naar De Mobil. Je "
            "drinkt er een koffie, je kinderen spelen, en je krijgt hulp bij vragen over opvoeding, papieren "
            "of geld. Je kan er ook babykleding en luiers krijgen. Je betaalt niets en hoeft geen afspraak "
            "te maken."
        ),
        "domains": ["opvoeding", "geld", "welzijn"],
        "groups": ["ouders", "kwetsbare-gezinnen", "nieuwkomers", "aanstaande-ouders"],
        "age": (-9, 72),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar", "ro", "prs"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Loop binnen tijdens een inloopmoment.",
        "locations": ["de-mobil"],
        "hours": [
            {"days": ["MO", "TU", "TH"], "opens": "09:00", "closes": "12:00"},
        ],
        "phone": "016 00 18 91",
        "assured_date": "2026-10-06",
        "translations": {
            "en": {
                "name": "Drop-in sessions at De Mobil",
                "description": (
                    "Do you have a baby or young children and is money tight at home? Then come to De Mobil. "
                    "You can have a coffee, your children can play, and you get help with questions about "
                    "parenting, paperwork or money. You can also get baby clothes and nappies. You don't pay "
                    "anything and you don't need an appointment."
                ),
            },
            "fr": {
                "name": "Accueil libre à De Mobil",
                "description": (
                    "Vous avez un bébé ou de jeunes enfants et l'argent manque à la maison ? Venez à De "
                    "Mobil. Vous y buvez un café, vos enfants jouent et vous recevez de l'aide pour vos "
                    "questions sur l'éducation, les papiers ou l'argent. Vous pouvez aussi y recevoir des "
                    "vêtements de bébé et des langes. Vous ne payez rien et il ne faut pas de rendez-vous."
                ),
            },
            "ar": {
                "name": "أوقات الاستقبال المفتوح في De Mobil",
                "description": (
                    "هل لديك رضيع أو أطفال صغار والمال قليل في البيت؟ تعال إذن إلى De Mobil. تشرب فنجان "
                    "قهوة، ويلعب أطفالك، وتحصل على مساعدة في أسئلتك عن التربية أو الأوراق أو المال. يمكنك "
                    "أيضا الحصول على ملابس للرضع وحفاضات. لا تدفع شيئا ولا تحتاج إلى موعد."
                ),
            },
            "tr": {
                "name": "De Mobil'de randevusuz buluşmalar",
                "description": (
                    "Bebeğiniz ya da küçük çocuklarınız var ve evde para sıkıntısı mı çekiyorsunuz? O zaman "
                    "De Mobil'e gelin. Bir kahve içersiniz, çocuklarınız oynar ve çocuk yetiştirme, evrak "
                    "işleri ya da parayla ilgili sorularınızda yardım alırsınız. Bebek kıyafetleri ve bez de "
                    "alabilirsiniz. Hiçbir ücret ödemezsiniz ve randevu almanız gerekmez."
                ),
            },
        },
    },
    {
        "key": "huisbezoeken-de-mobil",
        "org": "inloopteam-de-mobil",
        "name": "Huisbezoeken door De Mobil",
        "description": (
            "Kan je moeilijk naar De Mobil komen, bijvoorbeeld omdat je net bevallen bent of geen vervoer "
            "hebt? Dan komt een medewerker bij je thuis. Ze helpt je met wat op dat moment dringend is en "
            "zoekt samen met jou de weg naar andere hulp. Ook dit is gratis."
        ),
        "domains": ["welzijn", "opvoeding"],
        "groups": ["ouders", "kwetsbare-gezinnen"],
        "age": (-9, 72),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["home", "phone"],
        "walk_in": False,
        "application_process": "Bel 016 00 18 91 of vraag het tijdens een inloopmoment.",
        "locations": [],
        "hours": [],
        "areas": ["kessel-lo", "leuven-centrum", "wilsele"],
        "phone": "016 00 18 91",
        "assured_date": "2025-08-26",
    },
    {
        "key": "gezinsuitstappen-de-mobil",
        "org": "inloopteam-de-mobil",
        "name": "Gezinsuitstappen",
        "description": (
            "Een paar keer per jaar trekken we op zaterdag met de gezinnen van De Mobil op uitstap: naar de "
            "zee, een kinderboerderij of een speelbos. We reizen samen met de trein of de bus. Een uitstap "
            "kost €2 per gezin; eten en drinken zijn inbegrepen."
        ),
        "domains": ["vrije-tijd"],
        "groups": ["ouders", "kinderen", "kwetsbare-gezinnen"],
        "age": (0, 144),
        "costs": [{"kind": "paid", "option": "Per gezin", "amount": 2.0}],
        "languages": ["nl", "fr", "en"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Schrijf je in tijdens een inloopmoment.",
        "locations": ["de-mobil"],
        "hours": [
            {"days": ["SA"], "opens": "09:00", "closes": "18:00", "note": "vier keer per jaar"},
        ],
        "assured_date": "2026-05-05",
    },
    # --- Wigwam -----------------------------------------------------------------------------------
    {
        "key": "opvoedingslijn",
        "org": "wigwam",
        "name": "Opvoedingslijn: bel met je vraag over opvoeden",
        "description": (
            "Twijfel je over hoe je moet reageren op driftbuien, koppigheid of puberstreken? Bel of chat met "
            "de Opvoedingslijn. Een opvoedingsconsulent luistert, stelt vragen en geeft je concrete tips. "
            "Ook grootouders, leerkrachten en begeleiders mogen bellen. Je hoeft je naam niet te zeggen."
        ),
        "domains": ["opvoeding"],
        "groups": ["ouders", "professionals", "pleeggezinnen"],
        "age": (0, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["phone", "online"],
        "walk_in": False,
        "application_process": "Bel 016 00 19 11 of start een chat via de website van Wigwam.",
        "locations": [],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "09:00", "closes": "12:00"},
            {"days": ["MO", "TU", "TH"], "opens": "19:00", "closes": "21:00"},
        ],
        "areas": ["leuven"],
        "phone": "016 00 19 11",
        "url": "https://www.wigwam.example/opvoedingslijn",
        "assured_date": "2026-08-31",
    },
    {
        "key": "opvoedingsspreekuur-kessel-lo",
        "org": "wigwam",
        "name": "Opvoedingsspreekuur Kessel-Lo",
        "description": (
            "Heb je een vraag over opvoeden die je graag eens rustig bespreekt? Op het spreekuur in "
            "Kessel-Lo zit elke dinsdagnamiddag een pedagoog van Wigwam klaar. Je kan zonder afspraak "
            "binnenlopen, met of zonder je kinderen. Vaak is één gesprek genoeg; soms spreken we een vervolg "
            "af."
        ),
        "domains": ["opvoeding"],
        "groups": ["ouders", "alleenstaande-ouders"],
        "age": (0, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Loop binnen op dinsdagnamiddag.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {"days": ["TU"], "opens": "13:30", "closes": "16:30"},
        ],
        "assured_date": "2026-07-28",
    },
    {
        "key": "oudergroep-slapen-eten-driftbuien",
        "org": "wigwam",
        "name": "Oudergroep: slapen, eten en driftbuien",
        "description": (
            "Wil je niet meer elke avond strijden over het slapengaan, het eten of de driftbuien van je "
            "peuter? In deze oudergroep van vier avonden wissel je ervaringen uit met andere ouders van "
            "kinderen tussen 1 en 4 jaar. Een pedagoog van Wigwam geeft uitleg en oefeningen die je thuis "
            "meteen kan proberen."
        ),
        "domains": ["opvoeding", "gezondheid"],
        "groups": ["ouders"],
        "age": (12, 48),
        "costs": [
            {"kind": "paid", "option": "Reeks van vier avonden", "amount": 20.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 4.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Schrijf je in via de website van Wigwam of aan het onthaal.",
        "locations": ["huis-kessel-lo"],
        "hours": [
            {
                "days": ["TH"],
                "opens": "19:30",
                "closes": "21:30",
                "note": "reeks van vier donderdagen, drie keer per jaar",
            },
        ],
        "assured_date": "2026-09-10",
    },
    {
        "key": "oudercursus-pubers-en-tieners",
        "org": "wigwam",
        "name": "Oudercursus: leven met pubers en tieners",
        "description": (
            "Je tiener wil meer vrijheid, zit veel op de smartphone of praat nauwelijks nog met je. Hoe "
            "blijf je in contact en waar leg je grenzen? In vijf avonden krijg je uitleg over de puberteit "
            "en oefen je gesprekken in kleine groepjes. Kies een groep in het Huis van het Kind of een groep "
            "online."
        ),
        "domains": ["opvoeding", "welzijn"],
        "groups": ["ouders"],
        "age": (132, 216),
        "costs": [
            {"kind": "paid", "option": "Reeks van vijf avonden", "amount": 30.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 6.0},
        ],
        "languages": ["nl"],
        "how": ["location", "online"],
        "walk_in": False,
        "application_process": "Schrijf je in via de website van Wigwam.",
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {"days": ["MO"], "opens": "19:30", "closes": "21:30", "note": "reeks van vijf maandagen"},
        ],
        "assured_date": "2025-04-29",
    },
    {
        "key": "ouderavond-kind-rouwt",
        "org": "wigwam",
        "name": "Ouderavond: als je kind rouwt",
        "description": (
            "Is er iemand gestorven die belangrijk was voor je kind? Kinderen rouwen anders dan volwassenen: "
            "het ene moment huilen ze, het volgende spelen ze alsof er niets gebeurd is. Op deze avond hoor "
            "je hoe je je kind kan steunen en welke boeken en hulp er bestaan. De avond kost €5, met UiTPAS "
            "met kansentarief €1."
        ),
        "domains": ["welzijn", "opvoeding"],
        "groups": ["ouders", "professionals"],
        "age": (36, 216),
        "costs": [
            {"kind": "paid", "option": "Per persoon", "amount": 5.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 1.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Schrijf je in via de website van Wigwam.",
        "locations": ["huis-leuven-centrum"],
        "hours": [
            {"days": ["WE"], "opens": "19:30", "closes": "21:30", "note": "twee keer per jaar"},
        ],
        "assured_date": "2026-01-29",
    },
    # --- CLB GO! Leuven ---------------------------------------------------------------------------
    {
        "key": "vrij-spreekuur-clb-go",
        "org": "clb-go-leuven",
        "name": "Vrij spreekuur CLB GO! Leuven",
        "description": (
            "Heb je een vraag over je kind en school? Over leren, gedrag, gezondheid, afwezigheden of een "
            "andere school? Op het vrije spreekuur kan je als ouder of leerling zonder afspraak langskomen "
            "bij een CLB-medewerker. Het is gratis en wat je vertelt, blijft vertrouwelijk."
        ),
        "domains": ["onderwijs", "gezondheid", "welzijn"],
        "groups": ["ouders", "kinderen", "jongeren"],
        "age": (30, 288),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom langs op woensdagnamiddag; je hoeft geen afspraak te maken.",
        "locations": ["clb-go-leuven"],
        "hours": [
            {"days": ["WE"], "opens": "13:30", "closes": "16:30", "note": "niet tijdens de schoolvakanties"},
        ],
        "phone": "016 00 22 41",
        "assured_date": "2026-10-01",
    },
    {
        "key": "infoavond-studiekeuze",
        "org": "clb-go-leuven",
        "name": "Infoavond studiekeuze",
        "description": (
            "Moet je kind kiezen na het zesde leerjaar, na de eerste graad of na het middelbaar? Op deze "
            "infoavond legt het CLB uit hoe het onderwijs in elkaar zit en hoe je een goede studiekeuze "
            "maakt. Daarna kan je met je vragen bij een CLB-medewerker terecht. Ook leerlingen zijn welkom."
        ),
        "domains": ["onderwijs"],
        "groups": ["ouders", "jongeren", "nieuwkomers"],
        "age": (132, 288),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location", "online"],
        "walk_in": False,
        "application_process": "Schrijf je in via de school van je kind of via de website van het CLB.",
        "locations": ["clb-go-leuven"],
        "hours": [
            {"days": ["TU"], "opens": "19:00", "closes": "21:00", "note": "in januari en februari"},
        ],
        "url": "https://www.clb-go-leuven.example/studiekeuze",
        "assured_date": "2025-12-09",
    },
    {
        "key": "clb-chat",
        "org": "clb-go-leuven",
        "name": "CLB-chat",
        "description": (
            "Wil je iets kwijt, maar liever niet face-to-face? Op de CLB-chat praat je anoniem met een "
            "CLB-medewerker over school, thuis, vrienden of hoe je je voelt. De chat is gratis. Het kan zijn "
            "dat je even moet wachten tot je aan de beurt bent."
        ),
        "domains": ["welzijn", "onderwijs"],
        "groups": ["jongeren", "kinderen"],
        "age": (120, 288),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["online"],
        "walk_in": False,
        "application_process": "Open de chat op de website van het CLB tijdens de chaturen.",
        "locations": [],
        "hours": [
            {"days": ["MO", "TU", "TH"], "opens": "17:00", "closes": "21:00"},
            {"days": ["WE"], "opens": "14:00", "closes": "21:00"},
        ],
        "areas": ["leuven"],
        "url": "https://www.clb-go-leuven.example/chat",
        "assured_date": "2026-06-16",
    },
    # --- VCLB Leuven ------------------------------------------------------------------------------
    {
        "key": "leerproblemen-vclb",
        "org": "vclb-leuven",
        "name": "Hulp bij leerproblemen",
        "description": (
            "Leert je kind moeilijk lezen, schrijven of rekenen, of blijft het achter op school? Het VCLB "
            "onderzoekt samen met de school waar de moeilijkheden zitten, bijvoorbeeld dyslexie of "
            "dyscalculie. Daarna bespreken we welke hulp en aanpassingen je kind nodig heeft. Het onderzoek "
            "is gratis."
        ),
        "domains": ["onderwijs"],
        "groups": ["ouders", "kinderen", "jongeren", "beperking"],
        "age": (60, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Vraag een gesprek aan via de zorgleerkracht van de school of bel 016 00 23 51."
        ),
        "locations": ["vclb-leuven"],
        "hours": [],
        "phone": "016 00 23 51",
        "assured_date": "2026-03-17",
    },
    {
        "key": "gepest-op-school-vclb",
        "org": "vclb-leuven",
        "name": "Gepest op school? Praat erover met het CLB",
        "description": (
            "Word je gepest, op school, onderweg of online? Of merk je als ouder dat je kind niet meer naar "
            "school wil? Een CLB-medewerker luistert en zoekt samen met jou en de school hoe het pesten kan "
            "stoppen. Je kan ook anoniem chatten. De hulp is gratis."
        ),
        "domains": ["welzijn", "onderwijs"],
        "groups": ["kinderen", "jongeren", "ouders"],
        "age": (72, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "phone", "online"],
        "walk_in": False,
        "application_process": (
            "Bel 016 00 23 52, spreek de CLB-medewerker van je school aan of chat anoniem."
        ),
        "locations": ["vclb-leuven"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:30", "closes": "12:00"},
        ],
        "phone": "016 00 23 52",
        "assured_date": "2026-10-22",
    },
    {
        "key": "clb-spreekuur-kareelveld",
        "org": "vclb-leuven",
        "name": "CLB-spreekuur in de buurt",
        "description": (
            "Eén keer per maand houdt het VCLB spreekuur in Buurthuis Kareelveld. Ouders uit Wilsele kunnen "
            "er zonder afspraak langskomen met vragen over school: inschrijven, afwezigheden, leren of de "
            "overstap naar het middelbaar. Een tolk via de telefoon is mogelijk."
        ),
        "domains": ["onderwijs", "taal"],
        "groups": ["ouders", "nieuwkomers", "kwetsbare-gezinnen"],
        "age": (30, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "ar", "tr"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom langs in het buurthuis tijdens het spreekuur.",
        "locations": ["buurthuis-kareelveld"],
        "hours": [
            {"days": ["MO"], "opens": "15:30", "closes": "17:30", "note": "elke eerste maandag van de maand"},
        ],
        "assured_date": "2025-03-25",
    },
    # --- CKG De Schommel --------------------------------------------------------------------------
    {
        "key": "kortverblijf-de-schommel",
        "org": "ckg-de-schommel",
        "name": "Kortverblijf in een crisis",
        "description": (
            "Soms loopt het thuis even helemaal vast, bijvoorbeeld door ziekte, een opname in het ziekenhuis "
            "of grote problemen. Dan kan je kind tot 12 jaar korte tijd dag en nacht in De Schommel "
            "verblijven. Ondertussen werken we met jou aan een oplossing, zodat je kind zo snel mogelijk "
            "weer naar huis kan. Je betaalt een bijdrage per dag, volgens je inkomen."
        ),
        "domains": ["kinderopvang", "welzijn", "opvoeding"],
        "groups": ["kinderen", "ouders", "kwetsbare-gezinnen"],
        "age": (0, 144),
        "costs": [
            {"kind": "paid", "option": "Bijdrage per dag (maximum)", "amount": 12.0},
            {"kind": "reduced", "option": "Bijdrage per dag bij een laag inkomen", "amount": 3.0},
        ],
        "languages": ["nl", "fr", "en"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Bel 016 00 24 61; binnen de 24 uur bekijken we samen of opvang mogelijk is.",
        "locations": ["ckg-de-schommel"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
                "opens": "00:00",
                "closes": "23:59",
                "note": "dag en nacht, ook in het weekend",
            },
        ],
        "phone": "016 00 24 61",
        "assured_date": "2026-08-20",
    },
    {
        "key": "opvoedingsondersteuning-thuis-de-schommel",
        "org": "ckg-de-schommel",
        "name": "Opvoedingsondersteuning aan huis",
        "description": (
            "Een begeleider van De Schommel komt een paar maanden lang elke week bij je thuis. Samen werken "
            "jullie aan wat jij moeilijk vindt: een dagritme, grenzen stellen of rustig blijven als je kind "
            "huilt of roept. We vertrekken van wat al goed gaat in je gezin. De begeleiding is gratis."
        ),
        "domains": ["opvoeding"],
        "groups": ["ouders", "kwetsbare-gezinnen", "alleenstaande-ouders"],
        "age": (0, 144),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["home"],
        "walk_in": False,
        "application_process": "Bel 016 00 24 62 of vraag je consultatiebureau of CAW om je aan te melden.",
        "locations": [],
        "hours": [],
        "areas": ["leuven"],
        "phone": "016 00 24 62",
        "assured_date": "2025-07-15",
    },
    {
        "key": "oudergroep-op-adem-de-schommel",
        "org": "ckg-de-schommel",
        "name": "Oudergroep 'Even op adem komen'",
        "description": (
            "Ben je moe, gestrest of voel je je alleen met de zorg voor je jonge kinderen? In deze groep "
            "praat je met andere ouders over wat zwaar is en wat helpt. Je kinderen worden ondertussen "
            "opgevangen in De Schommel. Gratis, en je mag eerst eens komen proberen."
        ),
        "domains": ["welzijn", "opvoeding"],
        "groups": ["ouders", "alleenstaande-ouders"],
        "age": (0, 72),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Bel 016 00 24 62 om je aan te melden voor een proefsessie.",
        "locations": ["ckg-de-schommel"],
        "hours": [
            {"days": ["TU"], "opens": "09:30", "closes": "11:30", "note": "om de twee weken"},
        ],
        "assured_date": "2026-04-14",
    },
    # --- Domo -------------------------------------------------------------------------------------
    {
        "key": "domo-vrijwilliger-aan-huis",
        "org": "domo",
        "name": "Een vrijwilliger die je gezin steunt",
        "description": (
            "Sta je er als ouder alleen voor, of heb je weinig familie of vrienden in de buurt? Een "
            "vrijwilliger van Domo komt elke week een paar uur langs. Die speelt met de kinderen, luistert "
            "naar jou, helpt bij kleine dingen of gaat mee naar de dokter of het park. Een coördinator zoekt "
            "iemand die bij jullie past."
        ),
        "domains": ["welzijn", "opvoeding"],
        "groups": ["ouders", "alleenstaande-ouders", "kwetsbare-gezinnen", "nieuwkomers"],
        "age": (-9, 144),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["home"],
        "walk_in": False,
        "application_process": "Bel 016 00 25 71; de coördinator komt eerst bij je thuis kennismaken.",
        "locations": [],
        "hours": [],
        "areas": ["leuven"],
        "phone": "016 00 25 71",
        "assured_date": "2026-05-26",
    },
    {
        "key": "infosessie-vrijwilliger-domo",
        "org": "domo",
        "name": "Infosessie: vrijwilliger worden bij Domo",
        "description": (
            "Heb je elke week een paar uur tijd en ben je graag bij kinderen? Word dan vrijwilliger bij "
            "Domo. In deze online infosessie van een uur hoor je wat het werk inhoudt en welke vorming en "
            "begeleiding je krijgt. Je stelt je vragen via de chat."
        ),
        "domains": ["welzijn"],
        "groups": ["professionals"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["online"],
        "walk_in": False,
        "application_process": "Schrijf je in via de website van Domo; je krijgt de link per e-mail.",
        "locations": [],
        "hours": [
            {"days": ["TH"], "opens": "20:00", "closes": "21:00", "note": "één keer per maand"},
        ],
        "areas": ["leuven"],
        "url": "https://www.domo.example/vrijwilliger-worden",
        "assured_date": "2025-06-03",
    },
    # --- SpeelOdroom ------------------------------------------------------------------------------
    {
        "key": "speelplein-heverlee",
        "org": "speelodroom",
        "name": "Speelplein Heverlee",
        "description": (
            "Tijdens de paas- en zomervakantie is het speelplein van Heverlee elke weekdag open. Kinderen "
            "van 3 tot 15 jaar spelen er in leeftijdsgroepen, met animatoren die spelletjes, knutselwerk en "
            "grote spelen voorzien. Je hoeft niet vooraf in te schrijven. Een dag kost €4, met UiTPAS met "
            "kansentarief €0,80."
        ),
        "domains": ["vrije-tijd"],
        "groups": ["kinderen", "jongeren"],
        "age": (36, 180),
        "costs": [
            {"kind": "paid", "option": "Per dag", "amount": 4.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 0.8},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": (
            "Breng je kind 's ochtends naar het speelplein; de eerste keer vul je een fiche in."
        ),
        "locations": ["speelplein-heverlee"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "09:00",
                "closes": "17:00",
                "note": "alleen tijdens de paas- en zomervakantie",
            },
        ],
        "assured_date": "2026-06-23",
    },
    {
        "key": "speelplein-kessel-lo",
        "org": "speelodroom",
        "name": "Speelplein Kessel-Lo",
        "description": (
            "Zin in een dag buiten spelen tijdens de zomervakantie? Op het speelplein van Kessel-Lo kunnen "
            "kinderen van 6 tot 15 jaar elke weekdag terecht. Neem een lunchpakket mee; voor een vieruurtje "
            "en water zorgen wij. Er is opvang vanaf 8 uur."
        ),
        "domains": ["vrije-tijd"],
        "groups": ["kinderen", "jongeren"],
        "age": (72, 180),
        "costs": [
            {"kind": "paid", "option": "Per dag", "amount": 4.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 0.8},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon langs; je betaalt per dag aan de ingang.",
        "locations": ["speelplein-kessel-lo"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "08:00",
                "closes": "17:30",
                "note": "alleen tijdens de zomervakantie",
            },
        ],
        "assured_date": "2026-06-23",
    },
    {
        "key": "speelplein-wilsele",
        "org": "speelodroom",
        "name": "Speelplein Wilsele",
        "description": (
            "Het speelplein van Wilsele is open in de zomer-, herfst- en krokusvakantie. In de winter "
            "verhuist de werking naar binnen, met sport, knutselen en gezelschapsspelen. Kinderen van 3 tot "
            "12 jaar zijn welkom, ook voor een halve dag."
        ),
        "domains": ["vrije-tijd"],
        "groups": ["kinderen"],
        "age": (36, 144),
        "costs": [
            {"kind": "paid", "option": "Per dag", "amount": 4.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 0.8},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom langs tussen 9 en 10 uur of na de middag tussen 13 en 13.30 uur.",
        "locations": ["speelplein-wilsele"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "09:00",
                "closes": "17:00",
                "note": "tijdens de zomer-, herfst- en krokusvakantie",
            },
        ],
        "assured_date": "2025-10-21",
    },
    {
        "key": "kleuterspeelplein-wijgmaal",
        "org": "speelodroom",
        "name": "Kleuterspeelplein Wijgmaal",
        "description": (
            "Op het kleuterspeelplein van Wijgmaal spelen de allerkleinsten, van 3 tot 6 jaar, in een "
            "rustige en veilige omgeving. Er is een zandbak, een waterspeelplek en een tent voor wie moe is. "
            "Ervaren animatoren die graag met kleuters werken, begeleiden de dag."
        ),
        "domains": ["vrije-tijd"],
        "groups": ["kinderen"],
        "age": (36, 72),
        "costs": [
            {"kind": "paid", "option": "Per dag", "amount": 4.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 0.8},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": (
            "Kom langs in de voormiddag; geef bij de eerste keer een kleefbriefje met je telefoonnummer mee."
        ),
        "locations": ["speelplein-wijgmaal"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "09:00",
                "closes": "16:30",
                "note": "in juli en de eerste twee weken van augustus",
            },
        ],
        "assured_date": "2026-06-23",
    },
    {
        "key": "speelbus",
        "org": "speelodroom",
        "name": "Speelbus in je buurt",
        "description": (
            "De speelbus zit vol spelmateriaal: stelten, ballen, krijt, verkleedkleren en een mobiele "
            "zandbak. Op woensdag- en zaterdagnamiddag rijdt hij naar een plein in Wilsele, Wijgmaal of "
            "Leuven-Noord. Kinderen spelen er gratis, en ouders zijn welkom om mee te doen of een babbel te "
            "slaan."
        ),
        "domains": ["vrije-tijd"],
        "groups": ["kinderen", "ouders"],
        "age": (36, 144),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kijk op de website waar de speelbus staat en kom spelen.",
        "locations": ["buurthuis-kareelveld", "dorpshuis-wijgmaal", "buurthuis-vaartkom"],
        "hours": [
            {"days": ["WE", "SA"], "opens": "14:00", "closes": "17:00", "note": "van april tot oktober"},
        ],
        "url": "https://www.speelodroom.example/speelbus",
        "assured_date": "2026-04-21",
    },
    # --- Leren Ondernemen -------------------------------------------------------------------------
    {
        "key": "huiswerkbegeleiding-aan-huis",
        "org": "leren-ondernemen",
        "name": "Huiswerkbegeleiding aan huis",
        "description": (
            "Een vrijwilliger komt een- of tweemaal per week bij je thuis om je kind te helpen met huiswerk, "
            "lezen en plannen. Je kind krijgt zo meer vertrouwen, en jij krijgt tips om te helpen, ook als "
            "je zelf niet goed Nederlands spreekt. De begeleiding is gratis voor gezinnen met een laag "
            "inkomen."
        ),
        "domains": ["onderwijs", "taal"],
        "groups": ["kinderen", "kwetsbare-gezinnen", "nieuwkomers"],
        "age": (72, 180),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar"],
        "how": ["home"],
        "walk_in": False,
        "application_process": "Bel 016 00 27 91 of vraag de school of het CLB om je aan te melden.",
        "locations": [],
        "hours": [],
        "areas": ["leuven"],
        "phone": "016 00 27 91",
        "eligibility_description": "Voor gezinnen met een laag inkomen, in Leuven en de deelgemeenten.",
        "assured_date": "2026-02-10",
    },
    {
        "key": "samen-studeren-op-zaterdag",
        "org": "leren-ondernemen",
        "name": "Samen studeren op zaterdag",
        "description": (
            "In de examenperiodes van december en juni kunnen leerlingen van het middelbaar op zaterdag "
            "samen studeren bij Leren Ondernemen. Studenten helpen met plannen, samenvatten en moeilijke "
            "vakken zoals wiskunde en Frans. Er is een rustige plek met wifi en 's middags een broodje."
        ),
        "domains": ["onderwijs"],
        "groups": ["jongeren", "kwetsbare-gezinnen"],
        "age": (144, 216),
        "costs": [
            {"kind": "paid", "option": "Per dag, broodje inbegrepen", "amount": 2.0},
            {"kind": "reduced", "option": "Kansentarief met UiTPAS", "amount": 0.5},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Schrijf je in via de website; er zijn 30 plaatsen per zaterdag.",
        "locations": ["leren-ondernemen"],
        "hours": [
            {"days": ["SA"], "opens": "09:00", "closes": "16:00", "note": "in december en juni"},
        ],
        "assured_date": "2025-11-11",
    },
    {
        "key": "hulp-met-schoolbrieven",
        "org": "leren-ondernemen",
        "name": "Hulp met schoolbrieven en Smartschool",
        "description": (
            "Begrijp je de brieven van school niet goed, of vind je de weg niet in Smartschool? Een "
            "vrijwilliger legt uit wat de school vraagt, helpt je antwoorden en toont hoe je punten en "
            "berichten bekijkt op je gsm. Breng je gsm of de brief mee. Gratis."
        ),
        "domains": ["onderwijs", "taal"],
        "groups": ["ouders", "nieuwkomers"],
        "age": (30, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar", "uk"],
        "how": ["location", "phone"],
        "walk_in": True,
        "application_process": "Kom langs op vrijdagochtend, of bel 016 00 27 92 met een korte vraag.",
        "locations": ["leren-ondernemen"],
        "hours": [
            {"days": ["FR"], "opens": "09:00", "closes": "12:00"},
        ],
        "phone": "016 00 27 92",
        "assured_date": "2026-09-29",
    },
    # --- Sporen -----------------------------------------------------------------------------------
    {
        "key": "studieplek-sporen",
        "org": "sporen",
        "name": "Studieplek voor jongeren",
        "description": (
            "Heb je thuis geen rustige plek om te studeren? Op de studieplek van Sporen kan je na school "
            "terecht om huiswerk te maken en te leren. Begeleiders en vrijwilligers helpen met plannen en "
            "met vakken die je moeilijk vindt. Inschrijven kost €10 per schooljaar; met UiTPAS met "
            "kansentarief is het gratis."
        ),
        "domains": ["onderwijs"],
        "groups": ["jongeren"],
        "age": (144, 288),
        "costs": [
            {"kind": "paid", "option": "Inschrijving per schooljaar", "amount": 10.0},
            {"kind": "free", "option": "Gratis met UiTPAS met kansentarief"},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Kom een keer langs om je in te schrijven en de studieplek te leren kennen.",
        "locations": ["sporen"],
        "hours": [
            {"days": ["MO", "TU", "TH"], "opens": "16:00", "closes": "20:00"},
        ],
        "assured_date": "2026-03-04",
    },
    {
        "key": "jobcoaching-jongeren-sporen",
        "org": "sporen",
        "name": "Jobcoaching voor jongeren",
        "description": (
            "Ben je tussen 18 en 24 jaar, ben je gestopt met school en wil je werken? Een jobcoach van "
            "Sporen helpt je een cv maken, oefent sollicitatiegesprekken met je en gaat mee naar een eerste "
            "gesprek. Je kan ook een korte stage doen om te ontdekken wat je graag doet."
        ),
        "domains": ["werk"],
        "groups": ["jongeren"],
        "age": (216, 288),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "ar", "prs"],
        "how": ["location", "phone"],
        "walk_in": True,
        "application_process": "Loop binnen op woensdagnamiddag of bel 016 00 31 41 voor een afspraak.",
        "locations": ["sporen"],
        "hours": [
            {
                "days": ["WE"],
                "opens": "13:00",
                "closes": "17:00",
                "note": "inloop voor een eerste kennismaking",
            },
        ],
        "phone": "016 00 31 41",
        "assured_date": "2025-09-23",
    },
]

HOUSES: list[House] = [
    {
        "slug": "leuven-centrum",
        "name": "Huis van het Kind Leuven-centrum",
        "description": (
            "Het eerste Huis van het Kind van Leuven, in de Brusselsestraat. Je vindt er onder één dak het "
            "onthaal, het consultatiebureau, de spel- en ontmoetingsruimte, de opvoedingswinkel en veel "
            "groepsaanbod."
        ),
        "location": "huis-leuven-centrum",
        "org": "huis-van-het-kind-leuven",
        "pillars": [
            {
                "kind": "reception",
                "description": (
                    "Aan het onthaal kan je zonder afspraak terecht met elke vraag over je kind of je gezin."
                ),
                "services": ["onthaal-huis-leuven-centrum"],
            },
            {
                "kind": "consultation",
                "description": (
                    "Kind en Gezin volgt er je zwangerschap en de gezondheid en groei van je kind op."
                ),
                "services": ["consultatiebureau-leuven-centrum", "zwangerschapsconsultatie-leuven-centrum"],
            },
            {
                "kind": "play",
                "description": (
                    "In de spel- en ontmoetingsruimte spelen jonge kinderen terwijl ouders elkaar ontmoeten."
                ),
                "services": ["spel-en-ontmoeting-leuven-centrum"],
            },
            {
                "kind": "parenting_advice",
                "description": (
                    "In de opvoedingswinkel denkt een pedagoog met je mee over je vragen over opvoeden."
                ),
                "services": ["opvoedingswinkel-leuven-centrum"],
            },
            {
                "kind": "group_offer",
                "description": "Infoavonden, oudercursussen en groepen voor kinderen en ouders in scheiding.",
                "services": [
                    "infoavonden-ouders-leuven-centrum",
                    "oudercursus-pubers-en-tieners",
                    "scheidingsschool-kinderen",
                    "scheidingsschool-ouders",
                ],
            },
            {
                "kind": "extra",
                "name": "Taalcafé",
                "description": (
                    "Ouders oefenen samen Nederlands, terwijl hun kinderen in de speelruimte spelen."
                ),
                "services": ["taalcafe-ouders-leuven-centrum"],
            },
            {
                "kind": "extra",
                "name": "Borstvoedingscafé",
                "description": (
                    "Moeders en zwangere vrouwen praten met een lactatiekundige en met elkaar over "
                    "borstvoeding."
                ),
                "services": ["borstvoedingscafe-leuven-centrum"],
            },
        ],
    },
    {
        "slug": "kessel-lo",
        "name": "Huis van het Kind Kessel-Lo",
        "description": (
            "Het tweede Huis van het Kind, een samenwerking van Kind en Gezin, Kind en Preventie en Wigwam. "
            "Je kan er terecht voor het consultatiebureau, prenatale steun, spelen, opvoedingsadvies en "
            "oudergroepen."
        ),
        "location": "huis-kessel-lo",
        "org": "huis-van-het-kind-leuven",
        "pillars": [
            {
                "kind": "reception",
                "description": (
                    "Het onthaal helpt je verder met al je vragen, ook over het Groeipakket en de "
                    "schooltoeslag."
                ),
                "services": ["onthaal-huis-kessel-lo", "groeipakket-spreekuur"],
            },
            {
                "kind": "consultation",
                "description": (
                    "Kind en Preventie houdt er consultatie voor baby's en peuters en begeleidt zwangere "
                    "vrouwen."
                ),
                "services": [
                    "consultatiebureau-kessel-lo",
                    "prenatale-ondersteuning-kessel-lo",
                    "slaapconsult",
                ],
            },
            {
                "kind": "play",
                "description": (
                    "Baby's en peuters spelen er samen, terwijl hun ouders andere ouders leren kennen."
                ),
                "services": ["spel-en-ontmoeting-kessel-lo", "babyontmoeting-bakermat"],
            },
            {
                "kind": "parenting_advice",
                "description": (
                    "Op het opvoedingsspreekuur van Wigwam loop je zonder afspraak binnen met je vraag."
                ),
                "services": ["opvoedingsspreekuur-kessel-lo"],
            },
            {
                "kind": "group_offer",
                "description": (
                    "Babymassage, geboortevoorbereiding en oudergroepen over slapen, eten en driftbuien."
                ),
                "services": [
                    "babymassage-kessel-lo",
                    "geboortevoorbereiding-kessel-lo",
                    "oudergroep-slapen-eten-driftbuien",
                ],
            },
            {
                "kind": "extra",
                "name": "Tweedehandsbeurs",
                "description": (
                    "Twee keer per jaar koop en verkoop je er goedkope kinderkleding en speelgoed."
                ),
                "services": ["tweedehandsbeurs-kessel-lo"],
            },
            {
                "kind": "extra",
                "name": "Papacafé",
                "description": (
                    "Eén zaterdag per maand ontmoeten vaders en grootvaders elkaar met hun kinderen."
                ),
                "services": ["papacafe-kessel-lo"],
            },
        ],
    },
]
