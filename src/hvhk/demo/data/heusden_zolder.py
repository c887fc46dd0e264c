"""Demo network Huis van het Kind Heusden-Zolder: example data written for the demo.

The street names exist in Heusden-Zolder, but house numbers, coordinates, opening hours, e-mail addresses,
phone numbers and websites are made up. The offers are realistic examples, not the organisations' real offer.
"""

# The Turkish translations use the dotless i (U+0131) on purpose.

from hvhk.demo.data.types import Area, House, Location, NetworkInfo, Organization, Service

NETWORK: NetworkInfo = {
    "slug": "heusden-zolder",
    "name": "Huis van het Kind Heusden-Zolder",
    "description": (
        "Huis van het Kind Heusden-Zolder brengt de organisaties samen die (aanstaande) gezinnen met "
        "kinderen en jongeren tot 24 jaar ondersteunen. Hier vind je hun aanbod in Heusden, Zolder, "
        "Bolderberg en Eversel: voor elk gezin, met extra aandacht voor wie het moeilijker heeft."
    ),
    "email": "info@huisvanhetkind-heusden-zolder.example",
    "phone": "011 00 00 00",
    "website": "https://www.huisvanhetkind-heusden-zolder.example",
    "address": "Meylandtlaan 20, 3550 Heusden-Zolder",
    "colour": "#4A1D6B",
}

AREAS: list[Area] = [
    {
        "key": "heusden-zolder",
        "name": "Heusden-Zolder",
        "kind": "municipality",
        "postcodes": ["3550"],
        "lat": 51.031,
        "lon": 5.313,
    },
    {
        "key": "heusden",
        "name": "Heusden",
        "kind": "submunicipality",
        "parent": "heusden-zolder",
        "postcodes": ["3550"],
        "lat": 51.037,
        "lon": 5.283,
    },
    {
        "key": "zolder",
        "name": "Zolder",
        "kind": "submunicipality",
        "parent": "heusden-zolder",
        "postcodes": ["3550"],
        "lat": 51.025,
        "lon": 5.325,
    },
    {
        "key": "bolderberg",
        "name": "Bolderberg",
        "kind": "submunicipality",
        "parent": "heusden-zolder",
        "postcodes": ["3550"],
        "lat": 51.000,
        "lon": 5.270,
    },
    {
        "key": "eversel",
        "name": "Eversel",
        "kind": "submunicipality",
        "parent": "heusden-zolder",
        "postcodes": ["3550"],
        "lat": 51.057,
        "lon": 5.290,
    },
]

ORGANIZATIONS: list[Organization] = [
    {
        "slug": "gemeente-heusden-zolder",
        "name": "Gemeente Heusden-Zolder",
        "alternate_name": "Lokaal bestuur Heusden-Zolder",
        "description": (
            "Het lokaal bestuur coördineert het Huis van het Kind en zorgt voor het onthaal, het Loket "
            "Kinderopvang en de speelochtenden. De gemeente brengt signalen van gezinnen en partners naar "
            "het lokale beleid."
        ),
        "role": "netwerktrekker",
        "engagement_signed_on": "2015-02-26",
        "email": "info@gemeente-heusden-zolder.example",
        "phone": "011 00 10 10",
        "website": "https://www.gemeente-heusden-zolder.example",
        "legal_status": "openbaar bestuur",
    },
    {
        "slug": "sociaal-huis-heusden-zolder",
        "name": "Sociaal Huis Heusden-Zolder",
        "alternate_name": "OCMW Heusden-Zolder",
        "description": (
            "In het Sociaal Huis kan je terecht met vragen over geld, werk, wonen en je rechten. "
            "Maatschappelijk werkers helpen gezinnen die moeilijk rondkomen, bijvoorbeeld met schoolkosten "
            "of het lidgeld van een sportclub."
        ),
        "role": "netwerktrekker",
        "engagement_signed_on": "2015-02-26",
        "email": "info@sociaal-huis-heusden-zolder.example",
        "phone": "011 00 10 20",
        "website": "https://www.sociaal-huis-heusden-zolder.example",
        "legal_status": "openbaar bestuur",
    },
    {
        "slug": "kind-en-gezin-limburg",
        "name": "Kind en Gezin Limburg",
        "alternate_name": "Opgroeien, Kind en Gezin regio Limburg",
        "description": (
            "Kind en Gezin volgt de gezondheid en de ontwikkeling van jonge kinderen op, op het "
            "consultatiebureau en bij je thuis. De verpleegkundigen ondersteunen ook aanstaande ouders."
        ),
        "role": "netwerktrekker",
        "engagement_signed_on": "2015-02-26",
        "email": "info@kind-en-gezin-limburg.example",
        "phone": "011 00 20 20",
        "website": "https://www.kind-en-gezin-limburg.example",
        "legal_status": "Vlaams agentschap",
    },
    {
        "slug": "caw-limburg",
        "name": "CAW Limburg",
        "alternate_name": "Centrum Algemeen Welzijnswerk Limburg",
        "description": (
            "Het CAW helpt mensen met vragen over relaties, scheiding, geweld, wonen en geld. Jongeren "
            "kunnen terecht bij het JAC, het jongerenonthaal van het CAW."
        ),
        "role": "partner",
        "engagement_signed_on": "2016-05-12",
        "email": "info@caw-limburg.example",
        "phone": "011 00 30 30",
        "website": "https://www.caw-limburg.example",
        "legal_status": "vzw",
    },
    {
        "slug": "gezinsbond-heusden-zolder",
        "name": "Gezinsbond Heusden-Zolder",
        "description": (
            "De lokale afdeling van de Gezinsbond organiseert activiteiten voor gezinnen, zoals babymassage "
            "en een oppasdienst. Vrijwilligers uit Heusden, Zolder, Bolderberg en Eversel houden de werking "
            "draaiende."
        ),
        "role": "partner",
        "engagement_signed_on": "2017-09-21",
        "email": "info@gezinsbond-heusden-zolder.example",
        "phone": "011 00 40 40",
        "website": "https://www.gezinsbond-heusden-zolder.example",
        "legal_status": "vzw",
    },
    {
        "slug": "bibliotheek-heusden-zolder",
        "name": "Bibliotheek Heusden-Zolder",
        "description": (
            "In de bib leen je boeken, strips en films, en in de spelotheek ook speelgoed en spellen. De bib "
            "organiseert voorleesmomenten en een huiswerkklas voor kinderen van de lagere school."
        ),
        "role": "partner",
        "engagement_signed_on": "2016-01-14",
        "email": "info@bibliotheek-heusden-zolder.example",
        "phone": "011 00 50 50",
        "website": "https://www.bibliotheek-heusden-zolder.example",
        "legal_status": "openbaar bestuur",
    },
    {
        "slug": "vrij-clb-limburg",
        "name": "Vrij CLB Limburg",
        "alternate_name": "Vrij Centrum voor Leerlingenbegeleiding Limburg",
        "description": (
            "Het CLB helpt leerlingen, ouders en scholen bij vragen over leren, studiekeuze, gezondheid en "
            "welzijn. De hulp is gratis en vertrouwelijk."
        ),
        "role": "partner",
        "engagement_signed_on": "2018-03-08",
        "email": "info@vrij-clb-limburg.example",
        "phone": "011 00 60 60",
        "website": "https://www.vrij-clb-limburg.example",
        "legal_status": "vzw",
    },
    {
        "slug": "kinderopvang-de-kolibrie",
        "name": "Kinderopvang De Kolibrie",
        "description": (
            "De Kolibrie heeft een kinderdagverblijf voor baby's en peuters en een buitenschoolse opvang "
            "voor kleuters en lagere schoolkinderen. Ouders betalen volgens hun inkomen."
        ),
        "role": "partner",
        "engagement_signed_on": "2019-06-20",
        "email": "info@kinderopvang-de-kolibrie.example",
        "phone": "011 00 70 70",
        "website": "https://www.kinderopvang-de-kolibrie.example",
        "legal_status": "vzw",
    },
    {
        "slug": "thuis-in-de-wijk",
        "name": "Thuis in de Wijk",
        "description": (
            "Thuis in de Wijk ondersteunt gezinnen met jonge kinderen die het moeilijk hebben, vooral in de "
            "oude mijnwijken van Heusden. In buurthuis De Mijnlamp ontmoeten ouders elkaar, in het "
            "Nederlands, het Turks en het Arabisch."
        ),
        "role": "partner",
        "engagement_signed_on": "2018-10-04",
        "email": "info@thuis-in-de-wijk.example",
        "phone": "011 00 80 80",
        "website": "https://www.thuis-in-de-wijk.example",
        "legal_status": "vzw",
    },
    {
        "slug": "jeugddienst-heusden-zolder",
        "name": "Jeugddienst Heusden-Zolder",
        "description": (
            "De jeugddienst organiseert de speelpleinwerking in de zomer en ondersteunt de jeugdbewegingen "
            "en jeugdhuizen van de gemeente."
        ),
        "role": "partner",
        "engagement_signed_on": "2020-04-23",
        "email": "info@jeugddienst-heusden-zolder.example",
        "phone": "011 00 90 90",
        "website": "https://www.jeugddienst-heusden-zolder.example",
        "legal_status": "openbaar bestuur",
    },
]

LOCATIONS: list[Location] = [
    {
        "key": "huis-heusden-zolder",
        "org": "gemeente-heusden-zolder",
        "name": "Huis van het Kind Heusden-Zolder",
        "description": (
            "Een huiselijke plek met een onthaal, een speelruimte, gesprekskamers en het consultatiebureau "
            "van Kind en Gezin onder één dak."
        ),
        "address_1": "Meylandtlaan 20",
        "postal_code": "3550",
        "city": "Heusden-Zolder",
        "area": "heusden",
        "lat": 51.035412,
        "lon": 5.289634,
        "transportation": "Bushalte van De Lijn op 200 meter. Fietsenstalling en parking achter het gebouw.",
        "accessibility": [
            "wheelchair",
            "adapted_toilet",
            "baby_changing",
            "stroller",
            "parking",
            "public_transport",
        ],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "09:00", "closes": "12:00"},
            {"days": ["MO", "TU", "TH"], "opens": "13:30", "closes": "16:30"},
            {
                "days": ["WE"],
                "opens": "13:30",
                "closes": "18:30",
                "note": "lange woensdag, ook na de werkuren",
            },
        ],
    },
    {
        "key": "hz-sociaal-huis",
        "org": "sociaal-huis-heusden-zolder",
        "name": "Sociaal Huis Heusden-Zolder",
        "address_1": "Halstraat 3",
        "postal_code": "3550",
        "city": "Heusden-Zolder",
        "area": "heusden",
        "lat": 51.039874,
        "lon": 5.276105,
        "transportation": "Bushalte van De Lijn voor de deur.",
        "accessibility": ["wheelchair", "adapted_toilet", "hearing_loop", "parking", "public_transport"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:30", "closes": "12:00"},
            {"days": ["TH"], "opens": "13:30", "closes": "19:00", "note": "alleen op afspraak"},
        ],
    },
    {
        "key": "hz-buurthuis-de-mijnlamp",
        "org": "thuis-in-de-wijk",
        "name": "Buurthuis De Mijnlamp",
        "description": "Buurthuis met een grote keuken, een speelhoek en een kleine tuin.",
        "address_1": "Koolmijnlaan 150",
        "postal_code": "3550",
        "city": "Heusden-Zolder",
        "area": "heusden",
        "lat": 51.044217,
        "lon": 5.271583,
        "transportation": "Bushalte van De Lijn op 100 meter.",
        "accessibility": ["stroller", "baby_changing", "public_transport"],
        "hours": [
            {"days": ["TU", "WE", "TH"], "opens": "09:00", "closes": "12:00"},
            {"days": ["WE"], "opens": "13:30", "closes": "17:00"},
        ],
    },
    {
        "key": "hz-kinderdagverblijf-de-kolibrie",
        "org": "kinderopvang-de-kolibrie",
        "name": "Kinderdagverblijf De Kolibrie",
        "address_1": "Exelgaarden 4",
        "postal_code": "3550",
        "city": "Heusden-Zolder",
        "area": "heusden",
        "lat": 51.029637,
        "lon": 5.292315,
        "accessibility": ["stroller", "baby_changing", "parking"],
        "hours": [{"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "07:00", "closes": "18:30"}],
    },
    {
        "key": "hz-consultatiebureau-zolder",
        "org": "kind-en-gezin-limburg",
        "name": "Consultatiebureau Zolder",
        "address_1": "Stationsstraat 24",
        "postal_code": "3550",
        "city": "Heusden-Zolder",
        "area": "zolder",
        "lat": 51.021884,
        "lon": 5.319742,
        "transportation": "Station Zolder en een bushalte van De Lijn liggen op wandelafstand.",
        "accessibility": ["wheelchair", "baby_changing", "stroller", "public_transport"],
    },
    {
        "key": "hz-bibliotheek",
        "org": "bibliotheek-heusden-zolder",
        "name": "Bibliotheek Heusden-Zolder",
        "description": "De spelotheek en de jeugdafdeling zijn op de benedenverdieping.",
        "address_1": "Dorpsstraat 31",
        "postal_code": "3550",
        "city": "Heusden-Zolder",
        "area": "zolder",
        "lat": 51.026128,
        "lon": 5.323486,
        "transportation": "Bushalte van De Lijn aan de kerk van Zolder.",
        "accessibility": [
            "wheelchair",
            "adapted_toilet",
            "hearing_loop",
            "baby_changing",
            "stroller",
            "parking",
            "public_transport",
        ],
        "hours": [
            {"days": ["MO", "TH"], "opens": "14:00", "closes": "19:00"},
            {"days": ["TU", "FR"], "opens": "14:00", "closes": "18:00"},
            {"days": ["WE"], "opens": "10:00", "closes": "18:00"},
            {"days": ["SA"], "opens": "10:00", "closes": "13:00"},
        ],
    },
    {
        "key": "hz-caw-zolder",
        "org": "caw-limburg",
        "name": "CAW Limburg, onthaal Zolder",
        "address_1": "Stationsstraat 88",
        "postal_code": "3550",
        "city": "Heusden-Zolder",
        "area": "zolder",
        "lat": 51.019662,
        "lon": 5.316205,
        "transportation": "Station Zolder ligt op wandelafstand.",
        "accessibility": ["wheelchair", "hearing_loop", "public_transport"],
        "hours": [
            {"days": ["MO", "WE", "FR"], "opens": "09:00", "closes": "12:00"},
            {"days": ["TU", "TH"], "opens": "16:00", "closes": "19:00"},
            {"days": ["WE"], "opens": "13:00", "closes": "17:00", "note": "JAC-onthaal voor jongeren"},
        ],
    },
    {
        "key": "hz-sporthal-bolderberg",
        "org": "jeugddienst-heusden-zolder",
        "name": "Sporthal en speelplein Bolderberg",
        "description": "Sporthal met een omheind speelterrein aan de rand van het bos.",
        "address_1": "Vrunstraat 14",
        "postal_code": "3550",
        "city": "Heusden-Zolder",
        "area": "bolderberg",
        "lat": 51.002315,
        "lon": 5.274861,
        "accessibility": ["wheelchair", "adapted_toilet", "parking"],
    },
    {
        "key": "hz-bko-bolderberg",
        "org": "kinderopvang-de-kolibrie",
        "name": "Buitenschoolse opvang De Kolibrie Bolderberg",
        "address_1": "Kerkstraat 140",
        "postal_code": "3550",
        "city": "Heusden-Zolder",
        "area": "bolderberg",
        "lat": 50.995126,
        "lon": 5.268934,
        "accessibility": ["stroller", "parking"],
        "hours": [
            {"days": ["MO", "TU", "TH", "FR"], "opens": "07:00", "closes": "08:30"},
            {"days": ["MO", "TU", "TH", "FR"], "opens": "15:30", "closes": "18:30"},
            {"days": ["WE"], "opens": "12:00", "closes": "18:30"},
        ],
    },
    {
        "key": "hz-ontmoetingscentrum-eversel",
        "org": "gezinsbond-heusden-zolder",
        "name": "Ontmoetingscentrum Eversel",
        "description": "Zaal van het dorp, waar ook de Gezinsbond haar activiteiten houdt.",
        "address_1": "Everselkiezel 61",
        "postal_code": "3550",
        "city": "Heusden-Zolder",
        "area": "eversel",
        "lat": 51.052843,
        "lon": 5.281374,
        "accessibility": ["wheelchair", "baby_changing", "parking"],
    },
]

SERVICES: list[Service] = [
    {
        "key": "hz-onthaal-wegwijzer",
        "org": "gemeente-heusden-zolder",
        "name": "Onthaal en wegwijzer",
        "description": (
            "Heb je een vraag over opgroeien of opvoeden, maar weet je niet waar je terecht kan? Aan het "
            "onthaal van het Huis van het Kind luisteren we naar je vraag en zoeken we samen de juiste "
            "dienst. We helpen je ook met formulieren en maken zo nodig meteen een afspraak voor je. Ook "
            "hulpverleners en leerkrachten kunnen bij ons terecht om een gezin gericht door te verwijzen."
        ),
        "domains": ["opvoeding", "welzijn", "taal"],
        "groups": ["aanstaande-ouders", "ouders", "nieuwkomers", "kwetsbare-gezinnen", "professionals"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "tr", "ar"],
        "how": ["location", "phone"],
        "walk_in": True,
        "application_process": "Loop binnen tijdens de openingsuren of bel 011 00 10 10.",
        "locations": ["huis-heusden-zolder"],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "09:00", "closes": "12:00"},
            {"days": ["MO", "TU", "TH"], "opens": "13:30", "closes": "16:30"},
            {"days": ["WE"], "opens": "13:30", "closes": "18:30"},
        ],
        "phone": "011 00 10 10",
        "email": "info@gemeente-heusden-zolder.example",
        "assured_date": "2026-02-10",
    },
    {
        "key": "hz-loket-kinderopvang",
        "org": "gemeente-heusden-zolder",
        "name": "Loket Kinderopvang",
        "description": (
            "Zoek je opvang voor je baby, peuter of schoolkind? Aan het Loket Kinderopvang helpen we je een "
            "plaats te vinden bij een onthaalouder, in een kinderdagverblijf of in de buitenschoolse opvang. "
            "We leggen uit hoe het inkomenstarief werkt en helpen je om je kind online te registreren. Kom "
            "liefst al langs vanaf de derde maand van je zwangerschap."
        ),
        "domains": ["kinderopvang"],
        "groups": ["aanstaande-ouders", "ouders", "alleenstaande-ouders"],
        "age": (-9, 144),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "tr"],
        "how": ["location", "phone"],
        "walk_in": True,
        "application_process": "Loop binnen tijdens de openingsuren of maak een afspraak via 011 00 10 12.",
        "locations": ["huis-heusden-zolder"],
        "hours": [
            {"days": ["MO", "WE", "FR"], "opens": "09:00", "closes": "12:00"},
            {"days": ["WE"], "opens": "13:30", "closes": "18:30"},
        ],
        "phone": "011 00 10 12",
        "assured_date": "2025-11-18",
        "translations": {
            "en": {
                "name": "Childcare desk",
                "description": (
                    "Looking for childcare for your baby, toddler or school-age child? At the Childcare Desk "
                    "we help you find a place with a childminder, in a day-care centre or in out-of-school "
                    "care. We explain how the income-related fee works and help you register your child "
                    "online. It is best to come by from the third month of your pregnancy."
                ),
                "application_process": (
                    "Drop in during opening hours or make an appointment by calling 011 00 10 12."
                ),
            },
            "fr": {
                "name": "Guichet accueil de la petite enfance",
                "description": (
                    "Vous cherchez un accueil pour votre bébé, votre tout-petit ou votre enfant en âge "
                    "scolaire ? Au guichet, nous vous aidons à trouver une place chez une accueillante, dans "
                    "une crèche ou dans l'accueil extrascolaire. Nous vous expliquons le tarif lié aux "
                    "revenus et nous vous aidons à inscrire votre enfant en ligne. Venez de préférence dès "
                    "le troisième mois de grossesse."
                ),
                "application_process": (
                    "Passez pendant les heures d'ouverture ou prenez rendez-vous au 011 00 10 12."
                ),
            },
            "tr": {
                "name": "Çocuk Bakımı Danışma Noktası",
                "description": (
                    "Bebeğiniz, küçük çocuğunuz veya okul çağındaki çocuğunuz için bakım yeri mi "
                    "arıyorsunuz? Danışma noktamızda bir gündüz bakıcısında, bir kreşte veya okul sonrası "
                    "bakımda yer bulmanıza yardım ediyoruz. Gelire bağlı ücretin nasıl işlediğini açıklıyor "
                    "ve çocuğunuzu internet üzerinden kaydetmenize yardımcı oluyoruz. En iyisi, "
                    "hamileliğinizin üçüncü ayından itibaren bize uğramanızdır."
                ),
                "application_process": (
                    "Açık olduğumuz saatlerde uğrayın veya 011 00 10 12 numarasını arayarak randevu alın."
                ),
            },
        },
    },
    {
        "key": "hz-consultatiebureau-heusden",
        "org": "kind-en-gezin-limburg",
        "name": "Consultatiebureau Kind en Gezin Heusden",
        "description": (
            "Op het consultatiebureau volgen een arts en een verpleegkundige de groei en de ontwikkeling van "
            "je kind op, van de geboorte tot de kleuterschool. Je kind krijgt er ook gratis de vaccins. Je "
            "kan er terecht met vragen over eten, slapen, huilen of verzorgen. Heb je een tolk nodig, zeg "
            "het dan als je de afspraak maakt."
        ),
        "domains": ["gezondheid"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 36),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "tr"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Maak een afspraak via de app van Kind en Gezin of bel 011 00 20 20.",
        "locations": ["huis-heusden-zolder"],
        "hours": [
            {"days": ["TU"], "opens": "13:30", "closes": "16:30"},
            {"days": ["TH"], "opens": "09:00", "closes": "12:00"},
        ],
        "phone": "011 00 20 20",
        "assured_date": "2026-01-20",
        "translations": {
            "en": {
                "name": "Kind en Gezin baby clinic Heusden",
                "description": (
                    "At the baby clinic, a doctor and a nurse follow your child's growth and development "
                    "from birth until nursery school. Your child also gets free vaccinations here. You can "
                    "ask questions about feeding, sleeping, crying or care. If you need an interpreter, let "
                    "us know when you make the appointment."
                ),
                "application_process": "Make an appointment in the Kind en Gezin app or call 011 00 20 20.",
            },
            "fr": {
                "name": "Consultation pour nourrissons Kind en Gezin Heusden",
                "description": (
                    "À la consultation, un médecin et une infirmière suivent la croissance et le "
                    "développement de votre enfant, de la naissance jusqu'à l'école maternelle. Votre enfant "
                    "y reçoit aussi ses vaccins gratuitement. Vous pouvez y poser vos questions sur "
                    "l'alimentation, le sommeil, les pleurs ou les soins. Si vous avez besoin d'un "
                    "interprète, signalez-le en prenant rendez-vous."
                ),
                "application_process": (
                    "Prenez rendez-vous via l'application de Kind en Gezin ou appelez le 011 00 20 20."
                ),
            },
            "tr": {
                "name": "Kind en Gezin Bebek Danışma Merkezi Heusden",
                "description": (
                    "Danışma merkezinde bir doktor ve bir hemşire, çocuğunuzun doğumdan anaokuluna kadar "
                    "büyümesini ve gelişimini takip eder. Çocuğunuz burada ücretsiz olarak aşılanır. "
                    "Beslenme, uyku, ağlama veya bakım hakkındaki sorularınızı sorabilirsiniz. Tercümana "
                    "ihtiyacınız varsa, randevu alırken bunu belirtin."
                ),
                "application_process": (
                    "Kind en Gezin uygulamasından randevu alın veya 011 00 20 20 numarasını arayın."
                ),
            },
        },
    },
    {
        "key": "hz-consultatiebureau-zolder",
        "org": "kind-en-gezin-limburg",
        "name": "Consultatiebureau Kind en Gezin Zolder",
        "description": (
            "Ook in Zolder kan je met je baby of peuter naar het consultatiebureau voor een onderzoek en de "
            "gratis vaccins. De arts kijkt naar groei, ogen, oren en bewegen, en je krijgt tips die passen "
            "bij de leeftijd van je kind. Werk je overdag? Op maandagavond en op zaterdagvoormiddag zijn er "
            "ook raadplegingen."
        ),
        "domains": ["gezondheid"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 36),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "en"],
        "how": ["location"],
        "walk_in": False,
        "application_process": "Maak een afspraak via de app van Kind en Gezin of bel 011 00 20 20.",
        "locations": ["hz-consultatiebureau-zolder"],
        "hours": [
            {"days": ["MO"], "opens": "17:00", "closes": "19:30"},
            {"days": ["WE"], "opens": "09:00", "closes": "12:00"},
            {"days": ["SA"], "opens": "09:00", "closes": "12:00", "note": "twee zaterdagen per maand"},
        ],
        "phone": "011 00 20 20",
        "assured_date": "2025-09-30",
    },
    {
        "key": "hz-prenatale-ondersteuning",
        "org": "kind-en-gezin-limburg",
        "name": "Prenatale ondersteuning",
        "description": (
            "Ben je zwanger en heb je vragen, of voel je je onzeker? Een verpleegkundige van Kind en Gezin "
            "komt bij je thuis of spreekt met je af in het Huis van het Kind. Jullie praten over je "
            "zwangerschap, de bevalling, borstvoeding en wat je nodig hebt voor je baby. Er is extra "
            "aandacht voor wie weinig steun heeft of nog maar kort in België woont."
        ),
        "domains": ["zwangerschap", "gezondheid"],
        "groups": ["aanstaande-ouders", "kwetsbare-gezinnen", "nieuwkomers"],
        "age": (-9, 0),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "tr", "ar"],
        "how": ["home", "location", "phone"],
        "walk_in": False,
        "application_process": (
            "Bel Kind en Gezin op 011 00 20 21 of vraag het aan je vroedvrouw of huisarts."
        ),
        "locations": ["huis-heusden-zolder"],
        "hours": [],
        "phone": "011 00 20 21",
        "eligibility_description": "Voor alle zwangere vrouwen en hun partner die in Heusden-Zolder wonen.",
        "assured_date": "2026-03-05",
    },
    {
        "key": "hz-borstvoedingscafe",
        "org": "kind-en-gezin-limburg",
        "name": "Borstvoedingscafé",
        "description": (
            "Eén keer per maand komen mama's en aanstaande mama's samen om ervaringen over borstvoeding te "
            "delen. Een lactatiekundige beantwoordt je vragen, bijvoorbeeld over aanleggen, kolven of weer "
            "gaan werken. Je baby is natuurlijk welkom, je partner of de grootouders ook."
        ),
        "domains": ["zwangerschap", "gezondheid"],
        "groups": ["aanstaande-ouders", "ouders"],
        "age": (-9, 12),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "en"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon langs; inschrijven is niet nodig.",
        "locations": ["huis-heusden-zolder"],
        "hours": [
            {"days": ["FR"], "opens": "09:30", "closes": "11:30", "note": "elke eerste vrijdag van de maand"},
        ],
        "assured_date": "2025-06-12",
    },
    {
        "key": "hz-babymassage",
        "org": "gezinsbond-heusden-zolder",
        "name": "Babymassage",
        "description": (
            "In vier lessen leer je je baby masseren, met zachte bewegingen die rust geven en helpen bij "
            "krampjes. Je leert de signalen van je baby beter kennen en je ontmoet andere jonge ouders. "
            "Breng een handdoek en een extra luier mee; de olie krijg je van ons."
        ),
        "domains": ["gezondheid", "opvoeding"],
        "groups": ["ouders"],
        "age": (1, 9),
        "costs": [
            {"kind": "paid", "option": "Reeks van vier lessen", "amount": 40.0},
            {"kind": "reduced", "option": "Leden van de Gezinsbond", "amount": 30.0},
            {"kind": "reduced", "option": "Kansentarief via het Sociaal Huis", "amount": 8.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je in via www.gezinsbond-heusden-zolder.example/babymassage of bel 011 00 40 40."
        ),
        "locations": ["hz-ontmoetingscentrum-eversel"],
        "hours": [
            {
                "days": ["SA"],
                "opens": "10:00",
                "closes": "11:30",
                "note": "reeksen in het voorjaar en het najaar",
            },
        ],
        "url": "https://www.gezinsbond-heusden-zolder.example/babymassage",
        "assured_date": "2025-10-02",
    },
    {
        "key": "hz-inloopteam-de-mijnlamp",
        "org": "thuis-in-de-wijk",
        "name": "Inloopteam De Mijnlamp",
        "description": (
            "Het inloopteam is een warme plek voor zwangere vrouwen en gezinnen met kinderen tot 3 jaar. Je "
            "drinkt een koffie, je kind speelt, en je kan praten over alles wat je bezighoudt: van slapen en "
            "eten tot geldzorgen of papieren. De medewerkers kennen de buurt en komen, als je dat wil, ook "
            "bij je thuis langs."
        ),
        "domains": ["opvoeding", "welzijn", "zwangerschap"],
        "groups": ["kwetsbare-gezinnen", "aanstaande-ouders", "ouders", "nieuwkomers"],
        "age": (-9, 36),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "tr", "ar", "fr"],
        "how": ["location", "home"],
        "walk_in": True,
        "application_process": (
            "Loop binnen op dinsdag of woensdag, of vraag een huisbezoek aan via 011 00 80 80."
        ),
        "locations": ["hz-buurthuis-de-mijnlamp"],
        "hours": [
            {"days": ["TU"], "opens": "09:00", "closes": "12:00"},
            {"days": ["WE"], "opens": "13:30", "closes": "16:30"},
        ],
        "areas": ["heusden", "eversel", "zolder"],
        "phone": "011 00 80 80",
        "assured_date": "2026-04-22",
    },
    {
        "key": "hz-speelochtend",
        "org": "gemeente-heusden-zolder",
        "name": "Speelochtend voor baby's en peuters",
        "description": (
            "Op de speelochtend spelen baby's en peuters samen in de speelruimte van het Huis van het Kind. "
            "Ouders, grootouders en onthaalouders praten ondertussen rustig met elkaar en met een "
            "medewerker. Elke week is er een ander speelhoekje, zoals water, zand, bouwen of muziek."
        ),
        "domains": ["vrije-tijd", "opvoeding"],
        "groups": ["ouders", "kinderen"],
        "age": (0, 36),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "tr", "en"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon binnen met je kind; je hoeft je niet in te schrijven.",
        "locations": ["huis-heusden-zolder"],
        "hours": [{"days": ["TU", "FR"], "opens": "09:30", "closes": "11:30", "note": "niet op feestdagen"}],
        "assured_date": "2026-05-07",
    },
    {
        "key": "hz-spelotheek",
        "org": "bibliotheek-heusden-zolder",
        "name": "Spelotheek",
        "description": (
            "In de spelotheek leen je speelgoed en gezelschapsspellen, zoals je in de bib boeken leent. Er "
            "is speelgoed voor baby's, bouwdozen, puzzels, spellen voor het hele gezin en aangepast "
            "speelgoed voor kinderen met een beperking. Je neemt telkens vijf stuks mee voor drie weken, en "
            "de medewerkers helpen je kiezen wat past bij de leeftijd van je kind."
        ),
        "domains": ["vrije-tijd", "opvoeding"],
        "groups": ["kinderen", "ouders", "beperking"],
        "age": (0, 144),
        "costs": [
            {"kind": "paid", "option": "Jaarabonnement per gezin", "amount": 5.0},
            {"kind": "reduced", "option": "Kansentarief via het Sociaal Huis", "amount": 1.0},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": True,
        "application_process": (
            "Kom langs tijdens de openingsuren van de spelotheek en schrijf je gezin in met je "
            "identiteitskaart."
        ),
        "locations": ["hz-bibliotheek"],
        "hours": [
            {"days": ["WE"], "opens": "13:30", "closes": "17:00"},
            {"days": ["SA"], "opens": "10:00", "closes": "12:30"},
        ],
        "assured_date": "2025-08-21",
    },
    {
        "key": "hz-opvoedingsspreekuur",
        "org": "gemeente-heusden-zolder",
        "name": "Opvoedingsspreekuur",
        "description": (
            "Huilt je baby veel, heeft je kleuter driftbuien of maak je vaak ruzie met je tiener? Tijdens "
            "het opvoedingsspreekuur praat je met een opvoedingsondersteuner over je vraag. Samen zoeken "
            "jullie wat werkt in jullie gezin, zonder oordeel. Meestal zijn één tot drie gesprekken genoeg; "
            "is er meer nodig, dan helpen we je verder."
        ),
        "domains": ["opvoeding", "welzijn"],
        "groups": ["ouders", "alleenstaande-ouders", "scheiding", "pleeggezinnen"],
        "age": (0, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "en", "tr"],
        "how": ["location", "phone", "home"],
        "walk_in": True,
        "application_process": (
            "Loop op woensdagnamiddag zonder afspraak binnen, of bel 011 00 10 15 voor een gesprek op een "
            "ander moment of bij je thuis."
        ),
        "locations": ["huis-heusden-zolder"],
        "hours": [
            {"days": ["WE"], "opens": "14:00", "closes": "18:00", "note": "vrij spreekuur, zonder afspraak"},
            {"days": ["TH"], "opens": "17:00", "closes": "20:00", "note": "op afspraak"},
        ],
        "phone": "011 00 10 15",
        "assured_date": "2026-06-16",
    },
    {
        "key": "hz-praatavonden-tieners",
        "org": "vrij-clb-limburg",
        "name": "Praatavonden voor ouders van tieners",
        "description": (
            "Op drie avonden praat je met andere ouders over de puberteit: over grenzen stellen, schermtijd, "
            "vriendschappen en de overstap naar het secundair onderwijs. Een CLB-medewerker geeft telkens "
            "een korte uitleg en laat veel ruimte voor jullie vragen. Je gaat naar huis met concrete tips "
            "die je meteen kan uitproberen."
        ),
        "domains": ["opvoeding", "onderwijs"],
        "groups": ["ouders"],
        "age": (120, 192),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je in via info@vrij-clb-limburg.example of aan het onthaal van het Huis van het Kind."
        ),
        "locations": ["huis-heusden-zolder"],
        "hours": [
            {
                "days": ["TH"],
                "opens": "19:30",
                "closes": "21:30",
                "note": "drie donderdagen in oktober en maart",
            },
        ],
        "email": "info@vrij-clb-limburg.example",
        "assured_date": "2025-09-04",
    },
    {
        "key": "hz-moedergroep-turks-arabisch",
        "org": "thuis-in-de-wijk",
        "name": "Moedergroep voor Turks- en Arabischtalige mama's",
        "description": (
            "Een wekelijkse groep voor mama's die Turks of Arabisch spreken en graag andere mama's "
            "ontmoeten. Bij een glas thee praten we over opvoeden, school, gezondheid en het leven in "
            "Heusden-Zolder. De begeleidster spreekt Nederlands, Turks en Arabisch, zodat je ook wat "
            "Nederlands oefent. Je kleine kinderen spelen ondertussen in de speelhoek naast de zaal."
        ),
        "domains": ["opvoeding", "taal", "welzijn"],
        "groups": ["ouders", "nieuwkomers"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "tr", "ar"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon langs op donderdagvoormiddag; je hoeft je niet in te schrijven.",
        "locations": ["hz-buurthuis-de-mijnlamp"],
        "hours": [
            {"days": ["TH"], "opens": "09:30", "closes": "11:30", "note": "niet tijdens de schoolvakanties"},
        ],
        "assured_date": "2026-03-19",
        "translations": {
            "en": {
                "name": "Mothers' group in Turkish and Arabic",
                "description": (
                    "A weekly group for mothers who speak Turkish or Arabic and would like to meet other "
                    "mothers. Over a glass of tea we talk about parenting, school, health and life in "
                    "Heusden-Zolder. The group leader speaks Dutch, Turkish and Arabic, so you also get to "
                    "practise some Dutch. Meanwhile, your young children play in the play corner next to the "
                    "room."
                ),
                "application_process": "Just drop in on Thursday morning; you do not need to register.",
            },
            "fr": {
                "name": "Groupe de mamans en turc et en arabe",
                "description": (
                    "Un groupe hebdomadaire pour les mamans qui parlent turc ou arabe et qui aimeraient "
                    "rencontrer d'autres mamans. Autour d'un verre de thé, nous parlons d'éducation, "
                    "d'école, de santé et de la vie à Heusden-Zolder. L'animatrice parle néerlandais, turc "
                    "et arabe : vous pratiquez donc aussi un peu le néerlandais. Pendant ce temps, vos "
                    "jeunes enfants jouent dans le coin de jeux à côté de la salle."
                ),
                "application_process": (
                    "Passez simplement le jeudi matin ; l'inscription n'est pas nécessaire."
                ),
            },
            "tr": {
                "name": "Türkçe ve Arapça konuşan anneler grubu",
                "description": (
                    "Türkçe veya Arapça konuşan ve başka annelerle tanışmak isteyen anneler için haftalık "
                    "bir grup. Bir bardak çay eşliğinde çocuk yetiştirme, okul, sağlık ve "
                    "Heusden-Zolder'deki hayat hakkında sohbet ediyoruz. Grup rehberimiz Felemenkçe, Türkçe "
                    "ve Arapça konuşuyor; böylece biraz da Felemenkçe pratik yapmış olursunuz. Bu sırada "
                    "küçük çocuklarınız salonun yanındaki oyun köşesinde oynar."
                ),
                "application_process": "Perşembe sabahı gelmeniz yeterli; kayıt yaptırmanıza gerek yok.",
            },
        },
    },
    {
        "key": "hz-kinderdagverblijf-de-kolibrie",
        "org": "kinderopvang-de-kolibrie",
        "name": "Kinderdagverblijf De Kolibrie",
        "description": (
            "In het kinderdagverblijf zorgen vaste begeleiders voor baby's en peuters, in kleine "
            "leefgroepen. Je kind speelt, eet en slaapt er op een vast ritme, in een rustige en veilige "
            "omgeving. Je betaalt een inkomenstarief: hoe lager je inkomen, hoe minder je betaalt."
        ),
        "domains": ["kinderopvang"],
        "groups": ["ouders", "kinderen", "alleenstaande-ouders"],
        "age": (0, 36),
        "costs": [
            {"kind": "reduced", "option": "Inkomenstarief: je dagprijs hangt af van je gezinsinkomen"},
            {"kind": "reduced", "option": "Individueel verminderd tarief in een moeilijke situatie"},
        ],
        "languages": ["nl", "en"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Vraag een plaats aan via het Loket Kinderopvang of bel De Kolibrie op 011 00 70 70."
        ),
        "locations": ["hz-kinderdagverblijf-de-kolibrie"],
        "hours": [{"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "07:00", "closes": "18:30"}],
        "phone": "011 00 70 70",
        "assured_date": "2025-05-15",
    },
    {
        "key": "hz-buitenschoolse-opvang",
        "org": "kinderopvang-de-kolibrie",
        "name": "Buitenschoolse opvang De Kolibrie",
        "description": (
            "Voor en na school, op woensdagnamiddag en in de vakanties vangen we kleuters en lagere "
            "schoolkinderen op. De kinderen spelen er binnen en buiten, knutselen of lezen rustig een boek. "
            "Begeleiders halen de kinderen te voet op aan de scholen van Bolderberg."
        ),
        "domains": ["kinderopvang", "vrije-tijd"],
        "groups": ["kinderen", "ouders"],
        "age": (30, 144),
        "costs": [
            {"kind": "paid", "option": "Per begonnen halfuur", "amount": 1.2},
            {"kind": "reduced", "option": "Sociaal tarief: de helft van de prijs", "amount": 0.6},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je kind vooraf in via het ouderportaal van De Kolibrie of bel 011 00 70 71."
        ),
        "locations": ["hz-bko-bolderberg"],
        "hours": [
            {"days": ["MO", "TU", "TH", "FR"], "opens": "07:00", "closes": "08:30"},
            {"days": ["MO", "TU", "TH", "FR"], "opens": "15:30", "closes": "18:30"},
            {"days": ["WE"], "opens": "12:00", "closes": "18:30"},
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "07:00",
                "closes": "18:30",
                "note": "in de schoolvakanties",
            },
        ],
        "phone": "011 00 70 71",
        "assured_date": "2026-08-27",
    },
    {
        "key": "hz-huiswerkklas",
        "org": "bibliotheek-heusden-zolder",
        "name": "Huiswerkklas in de bib",
        "description": (
            "Lukt het huiswerk thuis niet goed, omdat het te druk is of omdat niemand kan helpen? In de "
            "huiswerkklas maken kinderen van de lagere school hun taken, samen met vrijwilligers. Ze oefenen "
            "ook lezen en rekenen, en er is een computer als dat nodig is. Kinderen van ouders die zelf "
            "weinig Nederlands spreken, zijn extra welkom."
        ),
        "domains": ["onderwijs"],
        "groups": ["kinderen", "kwetsbare-gezinnen", "nieuwkomers"],
        "age": (72, 144),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je kind in aan de balie van de bib of vraag het aan de zorgcoördinator van de school."
        ),
        "locations": ["hz-bibliotheek"],
        "hours": [
            {
                "days": ["MO", "TU", "TH"],
                "opens": "16:00",
                "closes": "17:30",
                "note": "niet tijdens de schoolvakanties",
            },
        ],
        "assured_date": "2025-10-28",
    },
    {
        "key": "hz-voorleesuurtje",
        "org": "bibliotheek-heusden-zolder",
        "name": "Voorleesuurtje voor peuters en kleuters",
        "description": (
            "Elke zaterdagvoormiddag lezen vrijwilligers prentenboeken voor aan peuters en kleuters, met "
            "liedjes en een klein knutselwerk. Op de eerste zaterdag van de maand lezen we ook voor in het "
            "Turks. Zo ontdekt je kind al vroeg hoe leuk boeken zijn, in het Nederlands en in de taal van "
            "thuis."
        ),
        "domains": ["vrije-tijd", "taal", "onderwijs"],
        "groups": ["kinderen", "ouders", "nieuwkomers"],
        "age": (18, 72),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "tr"],
        "how": ["location"],
        "walk_in": True,
        "application_process": "Kom gewoon naar de jeugdafdeling van de bib; inschrijven hoeft niet.",
        "locations": ["hz-bibliotheek"],
        "hours": [{"days": ["SA"], "opens": "10:30", "closes": "11:15"}],
        "assured_date": "2026-01-08",
    },
    {
        "key": "hz-hulp-bij-schoolkosten",
        "org": "sociaal-huis-heusden-zolder",
        "name": "Hulp bij schoolkosten",
        "description": (
            "Een schoolreis, boeken of een nieuwe boekentas kosten veel geld. Heb je een klein inkomen, dan "
            "bekijkt een maatschappelijk werker van het Sociaal Huis samen met jou welke hulp er is. Dat kan "
            "een tussenkomst in de schoolrekening zijn, hulp bij het aanvragen van de schooltoeslag of een "
            "afbetalingsplan met de school. Elke dinsdagnamiddag is er ook een zitdag in het Huis van het "
            "Kind."
        ),
        "domains": ["geld", "onderwijs"],
        "groups": ["kwetsbare-gezinnen", "ouders", "alleenstaande-ouders"],
        "age": (30, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en", "tr"],
        "how": ["location", "phone"],
        "walk_in": False,
        "application_process": (
            "Bel het Sociaal Huis op 011 00 10 20 voor een afspraak en breng je schoolrekeningen mee."
        ),
        "locations": ["hz-sociaal-huis", "huis-heusden-zolder"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "08:30",
                "closes": "12:00",
                "note": "in het Sociaal Huis, op afspraak",
            },
            {"days": ["TU"], "opens": "13:30", "closes": "16:30", "note": "zitdag in het Huis van het Kind"},
        ],
        "phone": "011 00 10 20",
        "eligibility_description": (
            "Voor gezinnen uit Heusden-Zolder met een laag inkomen of met tijdelijke geldproblemen."
        ),
        "assured_date": "2025-07-03",
        "translations": {
            "en": {
                "name": "Help with school costs",
                "description": (
                    "A school trip, books or a new school bag cost a lot of money. If you have a low income, "
                    "a social worker at the Sociaal Huis will look with you at what help is available. This "
                    "can be a contribution towards the school bill, help with applying for the school "
                    "allowance, or a payment plan with the school. Every Tuesday afternoon there is also a "
                    "drop-in session at the Huis van het Kind."
                ),
                "application_process": (
                    "Call the Sociaal Huis on 011 00 10 20 for an appointment and bring your school bills."
                ),
            },
            "fr": {
                "name": "Aide pour les frais scolaires",
                "description": (
                    "Une excursion scolaire, des livres ou un nouveau cartable coûtent cher. Si vous avez de "
                    "faibles revenus, un assistant social du Sociaal Huis examine avec vous les aides "
                    "possibles. Il peut s'agir d'une intervention dans la facture scolaire, d'une aide pour "
                    "demander l'allocation scolaire ou d'un plan de paiement avec l'école. Chaque mardi "
                    "après-midi, une permanence a aussi lieu au Huis van het Kind."
                ),
                "application_process": (
                    "Appelez le Sociaal Huis au 011 00 10 20 pour prendre rendez-vous et apportez vos "
                    "factures scolaires."
                ),
            },
            "tr": {
                "name": "Okul masraflarına destek",
                "description": (
                    "Okul gezisi, kitaplar veya yeni bir okul çantası çok para tutar. Geliriniz düşükse, "
                    "Sociaal Huis'ten bir sosyal hizmet uzmanı sizinle birlikte hangi desteklerin olduğuna "
                    "bakar. Bu, okul faturasına bir katkı, okul yardımı (schooltoeslag) başvurusunda yardım "
                    "veya okulla bir taksit planı olabilir. Her salı öğleden sonra Huis van het Kind'de de "
                    "bir danışma saati vardır."
                ),
                "application_process": (
                    "Randevu için 011 00 10 20 numarasından Sociaal Huis'i arayın ve okul faturalarınızı "
                    "yanınızda getirin."
                ),
            },
        },
    },
    {
        "key": "hz-tussenkomst-vrije-tijd",
        "org": "sociaal-huis-heusden-zolder",
        "name": "Tussenkomst voor sport, cultuur en jeugdwerk",
        "description": (
            "Wil je kind naar een sportclub, de muziekschool of een jeugdbeweging, maar is het lidgeld te "
            "duur? Het Sociaal Huis betaalt voor gezinnen met een klein inkomen een groot deel van het "
            "lidgeld terug, ook voor kampen en de speelpleinwerking. Een maatschappelijk werker helpt je ook "
            "om een club te kiezen die bij je kind past."
        ),
        "domains": ["geld", "vrije-tijd"],
        "groups": ["kwetsbare-gezinnen", "kinderen", "jongeren"],
        "age": (30, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "tr"],
        "how": ["location", "phone"],
        "walk_in": False,
        "application_process": (
            "Maak een afspraak bij het Sociaal Huis via 011 00 10 20 en breng het inschrijvingsbewijs van de "
            "club mee."
        ),
        "locations": ["hz-sociaal-huis"],
        "hours": [{"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:30", "closes": "12:00"}],
        "phone": "011 00 10 20",
        "eligibility_description": (
            "Voor kinderen en jongeren uit gezinnen met een leefloon of een laag inkomen."
        ),
        "assured_date": "2026-02-26",
    },
    {
        "key": "hz-werk-en-gezin",
        "org": "sociaal-huis-heusden-zolder",
        "name": "Begeleiding naar werk voor ouders",
        "description": (
            "Wil je (opnieuw) gaan werken of een opleiding volgen, maar weet je niet hoe je dat combineert "
            "met je kinderen? Een trajectbegeleider van het Sociaal Huis zoekt samen met jou naar een job, "
            "een opleiding of een cursus Nederlands. We zoeken ook mee naar kinderopvang, zodat je met een "
            "gerust hart kan starten."
        ),
        "domains": ["werk", "kinderopvang", "taal"],
        "groups": ["ouders", "alleenstaande-ouders", "nieuwkomers"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "tr", "en"],
        "how": ["location", "phone"],
        "walk_in": False,
        "application_process": "Bel het Sociaal Huis op 011 00 10 20 en vraag naar de dienst activering.",
        "locations": ["hz-sociaal-huis"],
        "hours": [
            {"days": ["TU", "TH"], "opens": "09:00", "closes": "12:00"},
            {
                "days": ["TH"],
                "opens": "16:00",
                "closes": "19:00",
                "note": "op afspraak, voor wie overdag werkt of les volgt",
            },
        ],
        "phone": "011 00 10 20",
        "assured_date": "2025-12-11",
    },
    {
        "key": "hz-caw-onthaal",
        "org": "caw-limburg",
        "name": "Onthaal CAW",
        "description": (
            "Zit je met vragen over je relatie, een scheiding, geweld thuis, schulden of een woning? Bij het "
            "onthaal van het CAW kan je zonder afspraak binnenlopen. Een hulpverlener luistert naar je "
            "verhaal en zoekt met jou wat nu nodig is. De hulp is gratis en wat je vertelt, blijft tussen "
            "jullie."
        ),
        "domains": ["welzijn", "wonen", "geld"],
        "groups": ["ouders", "scheiding", "kwetsbare-gezinnen", "alleenstaande-ouders"],
        "age": None,
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["location", "phone", "online"],
        "walk_in": True,
        "application_process": "Loop binnen tijdens de onthaaluren of bel 011 00 30 30.",
        "locations": ["hz-caw-zolder"],
        "hours": [
            {"days": ["MO", "WE", "FR"], "opens": "09:00", "closes": "12:00"},
            {"days": ["TU"], "opens": "16:00", "closes": "19:00"},
        ],
        "phone": "011 00 30 30",
        "url": "https://www.caw-limburg.example/onthaal",
        "assured_date": "2026-07-09",
    },
    {
        "key": "hz-jac",
        "org": "caw-limburg",
        "name": "JAC, onthaal voor jongeren",
        "description": (
            "Ben je tussen 12 en 24 jaar en zit je ergens mee? Bij het JAC kan je anoniem praten over "
            "school, thuis, liefde, geld, alcohol of drugs, of als je niet meer thuis kan wonen. Je kan "
            "binnenlopen, bellen of chatten. Geen vraag is te klein of te gek."
        ),
        "domains": ["welzijn", "onderwijs", "wonen"],
        "groups": ["jongeren"],
        "age": (144, 288),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "en"],
        "how": ["location", "phone", "online"],
        "walk_in": True,
        "application_process": (
            "Loop binnen op woensdagnamiddag of donderdagavond, of chat met het JAC via "
            "www.caw-limburg.example/jac."
        ),
        "locations": ["hz-caw-zolder"],
        "hours": [
            {"days": ["WE"], "opens": "13:00", "closes": "17:00"},
            {"days": ["TH"], "opens": "16:00", "closes": "19:00"},
        ],
        "phone": "011 00 30 35",
        "url": "https://www.caw-limburg.example/jac",
        "assured_date": "2025-04-24",
    },
    {
        "key": "hz-speelpleinwerking",
        "org": "jeugddienst-heusden-zolder",
        "name": "Speelpleinwerking in de zomer",
        "description": (
            "In juli en augustus kunnen kinderen van 4 tot 14 jaar elke weekdag naar het speelplein aan de "
            "sporthal van Bolderberg. Animatoren zorgen voor spelletjes, sport, knutselen en uitstappen, en "
            "er is veel ruimte om vrij te spelen in het bos. Je kiest zelf op welke dagen je kind komt."
        ),
        "domains": ["vrije-tijd"],
        "groups": ["kinderen"],
        "age": (48, 168),
        "costs": [
            {"kind": "paid", "option": "Per dag", "amount": 5.0},
            {"kind": "reduced", "option": "Kansentarief via het Sociaal Huis", "amount": 1.5},
        ],
        "languages": ["nl"],
        "how": ["location"],
        "walk_in": False,
        "application_process": (
            "Schrijf je kind vanaf 1 juni online in via www.jeugddienst-heusden-zolder.example of aan het "
            "onthaal van het Huis van het Kind."
        ),
        "locations": ["hz-sporthal-bolderberg"],
        "hours": [
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens": "09:00",
                "closes": "17:00",
                "note": "alleen in juli en augustus; opvang vanaf 08:00",
            },
        ],
        "url": "https://www.jeugddienst-heusden-zolder.example/speelplein",
        "assured_date": "2026-05-28",
    },
    {
        "key": "hz-oppasdienst",
        "org": "gezinsbond-heusden-zolder",
        "name": "Oppasdienst van de Gezinsbond",
        "description": (
            "Wil je 's avonds of in het weekend eens weg, of moet je onverwacht naar een afspraak? De "
            "oppasdienst stuurt een betrouwbare oppas van minstens 16 jaar naar je huis. Alle oppassers "
            "volgden een vorming bij de Gezinsbond, onder meer over eerste hulp bij kinderen."
        ),
        "domains": ["kinderopvang"],
        "groups": ["ouders", "alleenstaande-ouders"],
        "age": (0, 144),
        "costs": [
            {"kind": "paid", "option": "Per uur, te betalen aan de oppas", "amount": 6.0},
            {"kind": "reduced", "option": "Leden van de Gezinsbond, per uur", "amount": 5.0},
        ],
        "languages": ["nl"],
        "how": ["home"],
        "walk_in": False,
        "application_process": "Vraag minstens twee dagen vooraf een oppas aan via 011 00 40 41.",
        "locations": [],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "18:00", "closes": "23:30"},
            {"days": ["SA", "SU"], "opens": "08:00", "closes": "23:30"},
        ],
        "phone": "011 00 40 41",
        "assured_date": "2025-03-14",
    },
    {
        "key": "hz-clb-vragen-over-school",
        "org": "vrij-clb-limburg",
        "name": "CLB: vragen over leren en welzijn op school",
        "description": (
            "Heeft je kind moeite met lezen of rekenen, spijbelt het of voelt het zich niet goed op school? "
            "Het CLB zoekt samen met je kind, met jou en met de school naar een oplossing. Je kan er ook "
            "terecht voor de medische onderzoeken, vaccinaties en vragen over studiekeuze. Elke school heeft "
            "een vaste CLB-medewerker."
        ),
        "domains": ["onderwijs", "gezondheid", "welzijn"],
        "groups": ["kinderen", "jongeren", "ouders", "beperking"],
        "age": (30, 216),
        "costs": [{"kind": "free", "option": "Gratis"}],
        "languages": ["nl", "fr", "en"],
        "how": ["phone", "online"],
        "walk_in": False,
        "application_process": (
            "Bel het CLB op 011 00 60 60, chat via CLBch@t of spreek de CLB-medewerker van de school aan."
        ),
        "locations": [],
        "hours": [
            {"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:30", "closes": "12:00"},
            {"days": ["MO", "TU", "TH"], "opens": "13:00", "closes": "16:30"},
            {"days": ["WE"], "opens": "13:00", "closes": "18:00", "note": "ook via CLBch@t"},
        ],
        "phone": "011 00 60 60",
        "email": "info@vrij-clb-limburg.example",
        "assured_date": "2026-10-15",
    },
]

HOUSES: list[House] = [
    {
        "slug": "heusden-zolder",
        "name": "Huis van het Kind Heusden-Zolder",
        "description": (
            "Het Huis van het Kind aan de Meylandtlaan is de centrale plek voor gezinnen in Heusden-Zolder. "
            "Je vindt er het onthaal, het consultatiebureau, een speelruimte en gesprekskamers voor "
            "opvoedingsvragen, allemaal onder één dak."
        ),
        "location": "huis-heusden-zolder",
        "org": "gemeente-heusden-zolder",
        "pillars": [
            {
                "kind": "reception",
                "description": (
                    "Aan het onthaal luisteren we naar elke vraag en wijzen we je de weg naar de juiste "
                    "dienst."
                ),
                "services": ["hz-onthaal-wegwijzer", "hz-loket-kinderopvang"],
            },
            {
                "kind": "consultation",
                "description": (
                    "Kind en Gezin volgt hier de gezondheid en ontwikkeling van baby's en peuters op en "
                    "begeleidt aanstaande ouders."
                ),
                "services": ["hz-consultatiebureau-heusden", "hz-prenatale-ondersteuning"],
            },
            {
                "kind": "play",
                "description": (
                    "Baby's en peuters spelen samen in de speelruimte, terwijl hun ouders elkaar ontmoeten."
                ),
                "services": ["hz-speelochtend"],
            },
            {
                "kind": "parenting_advice",
                "description": (
                    "Met kleine en grote opvoedingsvragen kan je terecht bij een opvoedingsondersteuner, ook "
                    "zonder afspraak."
                ),
                "services": ["hz-opvoedingsspreekuur"],
            },
            {
                "kind": "group_offer",
                "description": (
                    "Ouders leren van elkaar in groepen en op praatavonden, van borstvoeding tot puberteit."
                ),
                "services": ["hz-borstvoedingscafe", "hz-praatavonden-tieners"],
            },
            {
                "kind": "extra",
                "name": "Zitdag geld en schoolkosten",
                "description": (
                    "Elke dinsdagnamiddag helpt een maatschappelijk werker van het Sociaal Huis gezinnen met "
                    "vragen over geld en schoolkosten."
                ),
                "services": ["hz-hulp-bij-schoolkosten"],
            },
        ],
    },
]
