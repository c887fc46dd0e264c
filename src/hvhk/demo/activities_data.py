"""The demo's activities: Leuven's group offering of the coming eight weeks and, for the weekly ones, the last year
(so reach and the annual report have a year of activities), with registrations, waiting lists and attendance, the
school holidays of this school year and the last, and a UiTdatabank place id
on the network's locations (so the export has something to send).

Dates are relative to the day the demo loads: a session is `day` days from today (negative: past, with its
attendance), a weekly activity has a session every week on its weekday except in the school holidays and on
public holidays. Like `network_data`, rows have stable ids (`demo_id`), a reload writes only what differs and
removes what the demo does not have. Registrations are of fictitious families ("Familie …", example.org);
their private-link token is random and only its hash is kept (nobody needs it). Registrations of sessions older
than the retention period (HVHK_REGISTRATION_RETENTION_MONTHS) are anonymised, as the platform would have done.
"""

import datetime as dt
import hashlib
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import holidays
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models

from hvhk.activities.models import Activity, HolidayPeriod, Registration, Session
from hvhk.core.lib.tokens import token_hash
from hvhk.core.models import Network
from hvhk.demo.files import demo_id
from hvhk.directory import models as d

__all__ = ["ActivitiesSummary", "activities_load"]

K = Activity.Kind
NO_PLACE_ID = {"Parochiezaal Heverlee"}  # one place UiTdatabank does not know yet: the export lists it
WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
FAMILIES = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De-Smet",
    "El-Amrani",
    "Yilmaz",
    "Dubois",
    "Lambert",
    "Haddad",
    "Nowak",
    "Vermeulen",
    "Aerts",
    "Hermans",
    "Smets",
    "Diallo",
    "Kaya",
    "Van-Damme",
    "Nkosi",
    "Popescu",
    "Bakker",
]

# Each activity: organisation and service (by name), house, place (a location's name, or None when online),
# kind, title, description, ages in months (None: open), languages spoken, price and UiTPAS rate in cents,
# places; `dates` are day offsets (time `at`, `minutes` long) or `weekly` a weekday from WEEKS_BACK weeks back
# to WEEKS_AHEAD ahead; `full` makes the first upcoming session (or the series) full with that many families waiting.
WEEKS_BACK, WEEKS_AHEAD = 52, 8
LEUVEN = [
    {
        "key": "babymassage-kessel-lo",
        "org": "kind-en-preventie",
        "service": "Babymassage",
        "house": "kessel-lo",
        "place": "Huis van het Kind Kessel-Lo",
        "kind": K.WORKSHOP,
        "title": "Babymassage",
        "description": "Leer je baby masseren: het ontspant, helpt bij krampjes en is een fijn moment samen. Neem "
        "een handdoek en een flesje olie mee. Vier ouders en baby's per groep.",
        "ages": (1, 9),
        "languages": ["nl", "en"],
        "price": (500, 100),
        "capacity": 8,
        "dates": "-70 -42 -14 1",
        "at": "09:30",
        "minutes": 90,
        "full": 3,
        "translations": {
            "en": {
                "title": "Baby massage",
                "description": "Learn to massage your baby: it relaxes, "
                "helps with cramps and is a lovely moment together. Bring a towel and some oil.",
            },
            "fr": {"title": "Massage pour bébés"},
            "ar": {
                "title": "تدليك الرضّع",
                "description": "تعلّم تدليك طفلك: يريحه ويساعد على تخفيف المغص، وهي لحظة جميلة معًا.",
            },
        },
    },
    {
        "key": "infoavond-slapen",
        "org": "huis-van-het-kind-leuven",
        "service": "Infoavonden voor ouders",
        "house": "leuven-centrum",
        "place": "Huis van het Kind Leuven-centrum",
        "kind": K.INFO_EVENING,
        "title": "Infoavond: slapen zonder strijd",
        "description": "Je kind slaapt slecht of wil niet naar bed? Een verpleegkundige van Kind en Gezin vertelt "
        "hoe slaap werkt bij jonge kinderen en geeft tips voor rustige avonden. Er is tijd voor je vragen.",
        "ages": (0, 72),
        "languages": ["nl"],
        "capacity": 20,
        "places_per": "person",
        "dates": "-49 2",
        "at": "19:30",
        "minutes": 120,
        "full": 2,
        "translations": {"fr": {"title": "Soirée d'info : dormir sans combat"}},
    },
    {
        "key": "speelochtend-centrum",
        "org": "huis-van-het-kind-leuven",
        "service": "Spel- en ontmoetingsruimte Leuven-centrum",
        "house": "leuven-centrum",
        "place": "Huis van het Kind Leuven-centrum",
        "kind": K.PLAY,
        "title": "Speelochtend voor baby's en peuters",
        "description": "Kom spelen en andere ouders ontmoeten in onze speelruimte. Koffie en thee staan klaar. "
        "Binnenlopen mag, inschrijven hoeft niet.",
        "ages": (0, 36),
        "languages": ["nl", "fr", "en", "ar"],
        "registration_required": False,
        "capacity": None,
        "weekly": "SA",
        "at": "10:00",
        "minutes": 150,
        "schedule": "recurring",
    },
    {
        "key": "speel-o-theek",
        "org": "huis-van-het-kind-leuven",
        "service": "Spel- en ontmoetingsruimte Kessel-Lo",
        "house": "kessel-lo",
        "place": "Speelotheek Kessel-Lo",
        "kind": K.PLAY,
        "title": "Speel-o-theek: speelgoed lenen",
        "description": "Leen gratis speelgoed en gezelschapsspelen voor drie weken, en speel ter plaatse met je "
        "kind. In de schoolvakanties is de speel-o-theek dicht.",
        "ages": (0, 144),
        "languages": ["nl", "tr"],
        "capacity": 12,
        "weekly": "WE",
        "at": "14:00",
        "minutes": 180,
        "schedule": "recurring",
        "skip_school": True,
        "fill": 0.4,
    },
    {
        "key": "positief-opvoeden",
        "org": "wigwam",
        "service": "Oudercursus: leven met pubers en tieners",
        "house": "leuven-centrum",
        "place": "Huis van het Kind Leuven-centrum",
        "kind": K.COURSE,
        "title": "Cursus Positief opvoeden (4 avonden)",
        "description": "Vier avonden over opvoeden met meer plezier en minder ruzie: aandacht geven, grenzen "
        "stellen, omgaan met moeilijk gedrag. Je schrijft in voor de hele reeks.",
        "ages": (24, 144),
        "languages": ["nl"],
        "price": (2000, 400),
        "capacity": 12,
        "dates": "9 16 23 30",
        "at": "19:30",
        "minutes": 150,
        "schedule": "series",
        "fill": 0.75,
        "translations": {"en": {"title": "Course Positive parenting (4 evenings)"}},
    },
    {
        "key": "oudergroep-pubers",
        "org": "wigwam",
        "service": "Oudercursus: leven met pubers en tieners",
        "house": "leuven-centrum",
        "place": "Huis van het Kind Leuven-centrum",
        "kind": K.PARENT_GROUP,
        "title": "Oudergroep: leven met pubers",
        "description": "Ouders van tieners praten samen over wat hen bezighoudt: schermtijd, uitgaan, school, "
        "ruzies. Een begeleider van Wigwam leidt het gesprek.",
        "ages": (144, 216),
        "languages": ["nl"],
        "capacity": 10,
        "dates": "-63 -35 -7 21 49",
        "at": "20:00",
        "minutes": 120,
    },
    {
        "key": "doe-mee-avond",
        "org": "huis-van-het-kind-leuven",
        "service": "Opvoedingswinkel Leuven",
        "house": "leuven-centrum",
        "place": "Huis van het Kind Leuven-centrum",
        "kind": K.WORKSHOP,
        "title": "Doe-Mee-avond: grenzen stellen",
        "description": "Een avond om te oefenen: hoe zeg je nee zonder ruzie? Met voorbeelden uit het dagelijks "
        "leven en tijd om zelf te proberen.",
        "ages": (18, 144),
        "languages": ["nl"],
        "capacity": 16,
        "dates": "-28 12",
        "at": "19:30",
        "minutes": 120,
    },
    {
        "key": "borstvoedingscafe",
        "org": "huis-van-het-kind-leuven",
        "service": "Borstvoedingscafé",
        "house": "leuven-centrum",
        "place": "Huis van het Kind Leuven-centrum",
        "kind": K.PARENT_GROUP,
        "title": "Borstvoedingscafé",
        "description": "Zwangere vrouwen en mama's die borstvoeding geven, wisselen ervaringen uit met een "
        "lactatiekundige. Je baby is welkom.",
        "ages": (-4, 12),
        "languages": ["nl", "en"],
        "capacity": 12,
        "dates": "-84 -56 -28 6 34",
        "at": "10:00",
        "minutes": 120,
        "translations": {
            "en": {
                "title": "Breastfeeding café",
                "description": "Pregnant women and breastfeeding "
                "mothers share experiences with a lactation consultant. Your baby is welcome.",
            },
            "ar": {"title": "مقهى الرضاعة الطبيعية"},
        },
    },
    {
        "key": "vaste-voeding-online",
        "org": "kind-en-preventie",
        "service": "Infosessie: starten met vaste voeding",
        "place": None,
        "kind": K.INFO_EVENING,
        "title": "Online infosessie: starten met vaste voeding",
        "description": "Wanneer begin je met vaste voeding, en hoe? Een diëtiste legt het uit in een online "
        "sessie. Je krijgt de link na je inschrijving.",
        "ages": (3, 12),
        "languages": ["nl"],
        "capacity": 40,
        "dates": "-21 13",
        "at": "20:00",
        "minutes": 75,
        "online_url": "https://meet.example.org/kind-en-preventie/vaste-voeding",
        "translations": {"fr": {"title": "Séance d'info en ligne : commencer la nourriture solide"}},
    },
    {
        "key": "geboortevoorbereiding",
        "org": "kind-en-preventie",
        "service": "Geboortevoorbereiding in groep",
        "house": "kessel-lo",
        "place": "Huis van het Kind Kessel-Lo",
        "kind": K.INFO_EVENING,
        "title": "Infoavond: klaar voor de bevalling",
        "description": "Voor aanstaande ouders: wat gebeurt er bij de bevalling, hoe herken je de weeën, wat neem "
        "je mee? Met een vroedvrouw.",
        "ages": (-9, 0),
        "languages": ["nl", "fr"],
        "capacity": 12,
        "places_per": "person",
        "dates": "-42 1",
        "at": "19:30",
        "minutes": 120,
        "full": 2,
        "translations": {"fr": {"title": "Soirée d'info : prêts pour l'accouchement"}},
    },
    {
        "key": "oudergroep-driftbuien",
        "org": "wigwam",
        "service": "Oudergroep: slapen, eten en driftbuien",
        "house": "kessel-lo",
        "place": "Huis van het Kind Kessel-Lo",
        "kind": K.PARENT_GROUP,
        "title": "Oudergroep: slapen, eten en driftbuien",
        "description": "Drie keer samenkomen met ouders van peuters: over slapen, eten en driftbuien. Je mag "
        "ook één keer komen.",
        "ages": (12, 48),
        "languages": ["nl"],
        "capacity": 10,
        "dates": "-45 -31 -17 4 18 32",
        "at": "13:30",
        "minutes": 120,
    },
    {
        "key": "babyontmoeting",
        "org": "bakermat",
        "service": "Babyontmoeting",
        "house": "kessel-lo",
        "place": "Huis van het Kind Kessel-Lo",
        "kind": K.PLAY,
        "title": "Babyontmoeting",
        "description": "Ontmoet andere ouders met een baby. We spelen, zingen en praten over wat je bezighoudt.",
        "ages": (0, 12),
        "languages": ["nl", "ar"],
        "capacity": 10,
        "dates": "-77 -49 -21 7 35",
        "at": "10:00",
        "minutes": 90,
        "translations": {"ar": {"title": "لقاء الرضّع"}},
    },
    {
        "key": "papacafe",
        "org": "huis-van-het-kind-leuven",
        "service": "Papacafé",
        "house": "kessel-lo",
        "place": "Huis van het Kind Kessel-Lo",
        "kind": K.PARENT_GROUP,
        "title": "Papacafé",
        "description": "Papa's onder elkaar: een drankje, een babbel over vader zijn, en de kinderen spelen mee.",
        "ages": (0, 72),
        "languages": ["nl", "en"],
        "capacity": 15,
        "dates": "-66 -38 -10 18 46",
        "at": "10:00",
        "minutes": 120,
        "translations": {"en": {"title": "Dads' café"}},
    },
    {
        "key": "taalcafe",
        "org": "huis-van-het-kind-leuven",
        "service": "Taalcafé voor ouders",
        "house": "leuven-centrum",
        "place": "Huis van het Kind Leuven-centrum",
        "kind": K.PARENT_GROUP,
        "title": "Taalcafé voor ouders",
        "description": "Oefen Nederlands in een ontspannen sfeer, terwijl je kinderen spelen in de speelruimte.",
        "languages": ["nl", "ar", "tr", "fr"],
        "registration_required": False,
        "capacity": None,
        "dates": "-30 -16 -2 5 19 33",
        "at": "13:30",
        "minutes": 90,
        "translations": {
            "fr": {"title": "Café linguistique pour parents"},
            "ar": {"title": "مقهى اللغة للآباء"},
            "tr": {"title": "Ebeveynler için dil kafesi"},
        },
    },
    {
        "key": "zwangerschapsyoga",
        "org": "kind-en-preventie",
        "service": "Prenatale ondersteuning",
        "house": "leuven-centrum",
        "place": "Huis van het Kind Leuven-centrum",
        "kind": K.WORKSHOP,
        "title": "Zwangerschapsyoga",
        "description": "Rustige yoga voor zwangere vrouwen: ademhaling, ontspanning en "
        "oefeningen die helpen bij de bevalling. Neem een matje mee.",
        "ages": (-7, 0),
        "languages": ["nl"],
        "price": (800, 200),
        "capacity": 10,
        "dates": "-35 -21 -7 3 10 17",
        "at": "18:00",
        "minutes": 75,
    },
    {
        "key": "ehbo-baby",
        "org": "gezinsbond",
        "service": "EHBO bij baby's en peuters",
        "place": "Parochiezaal Heverlee",
        "kind": K.WORKSHOP,
        "title": "EHBO bij baby's en peuters",
        "description": "Wat doe je als je kind zich verslikt, valt of koorts krijgt? Een lesgever van het Rode Kruis "
        "oefent met je op een pop.",
        "ages": (0, 48),
        "languages": ["nl"],
        "price": (1500, 300),
        "capacity": 14,
        "places_per": "person",
        "dates": "-40 15",
        "at": "19:30",
        "minutes": 180,
    },
    {
        "key": "voorlezen-bib",
        "org": "stad-leuven",
        "service": "Voorleesmoment in de bib",
        "place": "Bibliotheek Tweebronnen",
        "kind": K.PLAY,
        "title": "Voorleesmoment voor peuters",
        "description": "Een voorlezer brengt prentenboeken tot leven. Voor peuters en hun ouders of grootouders.",
        "ages": (24, 60),
        "languages": ["nl"],
        "capacity": 25,
        "places_per": "person",
        "dates": "-60 -32 -4 10 24 38",
        "at": "10:30",
        "minutes": 45,
    },
    {
        "key": "kleuterturnen",
        "org": "stad-leuven",
        "service": "Kleuterturnen voor ouder en kind",
        "place": "Sporthal Kessel-Lo",
        "kind": K.PLAY,
        "title": "Kleuterturnen voor ouder en kind",
        "description": "Klimmen, rollen en springen: samen bewegen met je kleuter op een parcours in de sporthal.",
        "ages": (30, 72),
        "languages": ["nl"],
        "price": (300, 60),
        "capacity": 16,
        "dates": "-53 -25 3 17 31",
        "at": "09:30",
        "minutes": 60,
    },
    {
        "key": "ouderkoffie",
        "org": "buurtwerk-t-lampeke",
        "service": "Ouderkoffie en Nederlands oefenen",
        "place": "Buurthuis 't Lampeke, Leuven-Noord",
        "kind": K.PARENT_GROUP,
        "title": "Ouderkoffie in Leuven-Noord",
        "description": "Een koffie, een babbel en informatie over school, opvoeding en vrije tijd in de buurt.",
        "languages": ["nl", "ar", "tr"],
        "registration_required": False,
        "capacity": None,
        "dates": "-47 -19 9 23",
        "at": "09:00",
        "minutes": 90,
        "translations": {"tr": {"title": "Leuven-Noord'da ebeveyn kahvesi"}},
    },
    {
        "key": "scheiding-ouders",
        "org": "scheidingsschool",
        "service": "Ouders in scheiding: groep en online cursus",
        "house": "leuven-centrum",
        "place": "Huis van het Kind Leuven-centrum",
        "kind": K.INFO_EVENING,
        "title": "Infoavond: samen ouder blijven na een scheiding",
        "description": "Hoe vertel je het aan je kinderen, en hoe blijf je samen ouder? Met tijd voor vragen, "
        "anoniem als je wil.",
        "ages": (0, 216),
        "languages": ["nl"],
        "capacity": 20,
        "dates": "-26 20",
        "at": "19:30",
        "minutes": 120,
    },
    {
        "key": "infoavond-bevallen",
        "org": "uz-leuven-parel",
        "service": "Infoavond: bevallen in UZ Leuven",
        "place": "UZ Leuven, campus Sint-Rafaël",
        "kind": K.INFO_EVENING,
        "title": "Infoavond: bevallen in UZ Leuven",
        "description": "Een rondleiding op de materniteit en uitleg over de bevalling en de eerste dagen.",
        "ages": (-9, 0),
        "languages": ["nl", "en"],
        "capacity": 30,
        "places_per": "person",
        "dates": "-38 -10 25 53",
        "at": "19:00",
        "minutes": 120,
        "translations": {"en": {"title": "Information evening: giving birth at UZ Leuven"}},
    },
    {
        "key": "even-op-adem",
        "org": "ckg-de-schommel",
        "service": "Oudergroep 'Even op adem komen'",
        "place": "CKG De Schommel",
        "kind": K.PARENT_GROUP,
        "title": "Oudergroep 'Even op adem komen'",
        "description": "Voor ouders die het even te veel wordt: samen praten, steun vinden en ontspannen.",
        "ages": (0, 144),
        "languages": ["nl"],
        "capacity": 8,
        "dates": "-58 -30 -2 26 54",
        "at": "13:30",
        "minutes": 120,
    },
    {
        "key": "gezinsuitstap",
        "org": "inloopteam-de-mobil",
        "service": "Gezinsuitstappen",
        "place": "Provinciedomein Kessel-Lo",
        "kind": K.PLAY,
        "title": "Gezinsnamiddag in het provinciedomein",
        "description": "Samen spelen in het provinciedomein, met een picknick. Gratis, ook voor broers en zussen.",
        "ages": (0, 144),
        "languages": ["nl", "ar"],
        "capacity": 10,
        "dates": "-90 -61 27",
        "at": "13:00",
        "minutes": 240,
    },
    {
        "key": "kleuterspeelplein",
        "org": "speelodroom",
        "service": "Kleuterspeelplein Wijgmaal",
        "place": "Speelplein Wijgmaal",
        "kind": K.PLAY,
        "title": "Kleuterspeelnamiddag in Wijgmaal",
        "description": "Een namiddag spelen op het speelplein met de monitoren van SpeelOdroom.",
        "ages": (30, 72),
        "languages": ["nl"],
        "capacity": 24,
        "places_per": "person",
        "dates": "-98 -95 -44 11 39",
        "at": "13:30",
        "minutes": 180,
    },
    {
        "key": "slaapworkshop-concept",
        "org": "kind-en-preventie",
        "service": "Slaapconsult: als je kind slecht slaapt",
        "house": "kessel-lo",
        "place": "Consultatiebureau Heverlee",
        "kind": K.WORKSHOP,
        "title": "Workshop: slapen bij baby's (nieuw)",
        "status": "submitted",
        "description": "Een nieuwe workshop over slapen bij baby's, nog niet nagekeken.",
        "ages": (0, 12),
        "languages": ["nl"],
        "capacity": 10,
        "dates": "22",
        "at": "10:00",
        "minutes": 90,
    },
]


def school_holidays(today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """The Flemish school holidays of the school year `today` falls in, by the calendar's rules: Christmas
    from the Monday of the week with 25 December (the Monday after when it falls in a weekend), two weeks;
    krokus from the seventh Monday before Easter, one week; Easter from the first Monday of April, two weeks
    (the Monday after Easter when Easter falls in March, the second Monday before Easter when after 15 April)."""
    first = today.year if today.month >= 9 else today.year - 1
    christmas = dt.date(first, 12, 25)
    xmas = christmas - dt.timedelta(days=christmas.weekday())
    if christmas.weekday() >= 5:
        xmas += dt.timedelta(days=7)
    spring = easter(first + 1)
    krokus = spring - dt.timedelta(days=48)
    april = dt.date(first + 1, 4, 1)
    paas = april + dt.timedelta(days=(7 - april.weekday()) % 7)
    if spring.month == 3:
        paas = spring + dt.timedelta(days=1)
    elif spring > dt.date(first + 1, 4, 15):
        paas = spring - dt.timedelta(days=13)
    span = f"{first}-{first + 1}"
    return [
        (f"Kerstvakantie {span}", xmas, xmas + dt.timedelta(days=13)),
        (f"Krokusvakantie {span}", krokus, krokus + dt.timedelta(days=6)),
        (f"Paasvakantie {span}", paas, paas + dt.timedelta(days=13)),
    ]


@dataclass
class ActivitiesSummary:
    activities: int = 0
    sessions: int = 0
    registrations: int = 0
    written: int = 0
    counts: dict[str, int] = field(default_factory=dict)


class _Rows:
    """Planned rows with stable ids, written where they differ; `once` fields are set only on insert."""

    def __init__(self, network: Network) -> None:
        self.network = network
        self.rows: list[tuple[type[models.Model], object, dict, dict]] = []

    def add(self, model: type[models.Model], key: str, once: dict | None = None, **values) -> object:
        pk = demo_id(self.network.slug, f"activities-{model._meta.model_name}", key)
        self.rows.append((model, pk, values, once or {}))
        return pk

    def write(self) -> int:
        planned = defaultdict(list)
        for model, pk, _values, _once in self.rows:
            planned[model].append(pk)
        for model in (Registration, Session, Activity, HolidayPeriod):  # children first
            model.objects.filter(network=self.network).exclude(pk__in=planned[model]).delete()
        existing = {model: model.objects.in_bulk(pks) for model, pks in planned.items()}
        written = 0
        for model, pk, values, once in self.rows:
            row = existing[model].get(pk)
            if row is None:
                model(pk=pk, network=self.network, **values, **once).save(force_insert=True)
                written += 1
                continue
            changed = [name for name, value in values.items() if getattr(row, name) != value]
            if changed:
                for name in changed:
                    setattr(row, name, values[name])
                row.save()
                written += 1
        return written


def _number(*parts) -> int:
    """A stable pseudo-random number from `parts` (the same demo on every load)."""
    return int(hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest()[:8], 16)


class _Builder:
    def __init__(self, network: Network, today: dt.date) -> None:
        self.network = network
        self.today = today
        self.zone = ZoneInfo(settings.TIME_ZONE)
        self.rows = _Rows(network)
        self.holidays: list[tuple[dt.date, dt.date]] = []
        self.public = holidays.country_holidays("BE", years=range(today.year - 1, today.year + 2))
        self.services = {
            (s.organization.slug, s.name): s
            for s in d.Service.objects.for_network(network).select_related("organization")
        }
        self.locations = {loc.name: loc for loc in d.Location.objects.for_network(network)}
        self.houses = dict(d.House.objects.for_network(network).values_list("slug", "pk"))
        self.retention = today - relativedelta(months=settings.REGISTRATION_RETENTION_MONTHS)
        self.family = 0

    def place_ids(self) -> None:
        """Every place but one gets a (made-up) UiTdatabank place id."""
        for name, location in self.locations.items():
            wanted = (
                ""
                if name in NO_PLACE_ID
                else (
                    f"https://io.uitdatabank.be/place/{demo_id(self.network.slug, 'uitdatabank-place', name)}"
                )
            )
            if location.uitdatabank_place_id != wanted:
                location.uitdatabank_place_id = wanted
                location.save(update_fields=["uitdatabank_place_id", "updated_at"])

    def school_holidays(self) -> None:
        last_year = self.today - relativedelta(years=1)
        for name, first, last in [*school_holidays(last_year), *school_holidays(self.today)]:
            self.rows.add(HolidayPeriod, name, name=name, starts_on=first, ends_on=last)
            self.holidays.append((first, last))

    def _days(self, spec: dict) -> list[dt.date]:
        if "weekly" in spec:
            weekday = WEEKDAYS[spec["weekly"]]
            start = self.today - dt.timedelta(weeks=WEEKS_BACK)
            start += dt.timedelta(days=(weekday - start.weekday()) % 7)
            days = [start + dt.timedelta(weeks=n) for n in range(WEEKS_BACK + WEEKS_AHEAD + 1)]
            days = [day for day in days if day <= self.today + dt.timedelta(weeks=WEEKS_AHEAD)]
            days = [day for day in days if day not in self.public]
            if spec.get("skip_school"):
                days = [day for day in days if not any(a <= day <= b for a, b in self.holidays)]
            return days
        return [self.today + dt.timedelta(days=int(offset)) for offset in spec["dates"].split()]

    def _family(self, n: int, *, old: bool) -> dict:
        if old:  # anonymised a day ago, as the platform does after the retention period
            return {"name": "", "email": "", "anonymised_at": self.at(self.today - dt.timedelta(days=1), 3)}
        self.family += 1
        name = FAMILIES[(self.family * 7 + n) % len(FAMILIES)].replace("-", " ")
        email = f"familie.{name.lower().replace(' ', '')}@example.org"
        return {"name": f"Familie {name}", "email": email, "anonymised_at": None}

    def at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=self.zone)

    def activity(self, spec: dict) -> None:
        key = spec["key"]
        price, uitpas = spec.get("price", (0, None))
        schedule = spec.get("schedule", "single")
        location = self.locations[spec["place"]] if spec["place"] else None
        pk = self.rows.add(
            Activity,
            key,
            service=self.services[(spec["org"], spec["service"])],
            house_id=self.houses[spec["house"]] if spec.get("house") else None,
            title=spec["title"],
            description=spec["description"],
            translations=spec.get("translations", {}),
            kind=spec["kind"],
            minimum_age_months=spec.get("ages", (None, None))[0],
            maximum_age_months=spec.get("ages", (None, None))[1],
            languages=spec["languages"],
            price_cents=price,
            uitpas_price_cents=uitpas,
            location=location,
            online=location is None,
            online_url=spec.get("online_url", ""),
            schedule=schedule,
            recurrence=f"FREQ=WEEKLY;BYDAY={spec['weekly']}" if "weekly" in spec else "",
            skip_school_holidays=spec.get("skip_school", False),
            registration_required=spec.get("registration_required", True),
            capacity=spec.get("capacity"),
            places_per=spec.get("places_per", "family"),
            contact_email=f"activiteiten@{spec['org']}.example.org",
            status=spec.get("status", "published"),
            published_at=(
                None if spec.get("status") else self.at(self.today - dt.timedelta(weeks=WEEKS_BACK + 4), 9)
            ),
        )
        hour, minute = map(int, spec["at"].split(":"))
        sessions = []
        for index, day in enumerate(self._days(spec)):
            starts = self.at(day, hour, minute)
            past = day < self.today
            places = spec.get("capacity")
            present = None
            if past and spec.get("status") is None:
                present = 3 + _number(key, index) % max((places or 12) - 2, 1)
            session = self.rows.add(
                Session,
                f"{key}/{index}",
                activity_id=pk,
                starts_at=starts,
                ends_at=starts + dt.timedelta(minutes=spec["minutes"]),
                present_count=present,
                present_children=None if present is None else present // 2,
            )
            sessions.append((session, day, present))
        if not spec.get("registration_required", True) or spec.get("status"):
            return
        self.registrations(spec, pk, sessions)

    def registrations(self, spec: dict, activity, sessions) -> None:
        key, places = spec["key"], spec.get("capacity") or 12
        per_person = spec.get("places_per") == "person"
        upcoming = [(s, day) for s, day, _present in sessions if day >= self.today]
        slots = [(None, upcoming[0][1])] if spec.get("schedule") == "series" else upcoming
        for number, (session, day) in enumerate(slots):
            full = number == 0 and "full" in spec
            taken = places if full else int(places * spec.get("fill", 0.5))
            waiting = spec["full"] if full else 0
            self._families(key, activity, session, number, taken, waiting, per_person, day)
        if spec.get("schedule") != "series":
            for number, (session, day, present) in enumerate(sessions):
                if present is not None:
                    self._families(key, activity, session, f"p{number}", min(present, places), 0, False, day)

    def _families(self, key, activity, session, slot, taken, waiting, per_person, day) -> None:
        """Confirmed families for `taken` places (a family, or its people when places are per person), then
        `waiting` families on the waiting list."""
        past = day < self.today
        old = past and day < self.retention
        used = n = 0
        while used < taken:
            children = 1 + _number(key, slot, n) % 2
            if per_person:
                children = min(children, taken - used - 1)  # the last family fills the places exactly
            adults = 1 if per_person else 1 + _number(key, slot, n, "a") % 2
            self._registration(key, activity, session, slot, n, day, adults, children, old=old)
            used += adults + children if per_person else 1
            n += 1
        for _ in range(0 if past else waiting):
            self._registration(key, activity, session, slot, n, day, 1, 1, old=False, waiting=True)
            n += 1

    def _registration(self, key, activity, session, slot, n, day, adults, children, *, old, waiting=False):
        past = day < self.today
        booked = self.at(min(day, self.today) - dt.timedelta(days=14 - n % 10), 8 + n % 12)
        if waiting:  # joined the list after the last place went, in order
            booked = self.at(self.today - dt.timedelta(days=2), 9) + dt.timedelta(minutes=37 * n)
        status = Registration.Status.WAITING if waiting else Registration.Status.CONFIRMED
        self.rows.add(
            Registration,
            f"{key}/{slot}/{n}",
            once={"token_hash": token_hash(secrets.token_urlsafe(32))},
            activity_id=activity,
            session_id=session,
            adults=adults,
            children=children,
            children_ages="" if old else f"{1 + _number(key, n) % 6} jaar",
            consent_contact=n % 3 == 0,
            status=status,
            queued_at=booked if waiting else None,
            confirmed_at=None if waiting else booked,
            attended=(n % 5 != 0) if past else None,
            **self._family(n, old=old),
        )


def activities_load(*, networks: dict[str, Network], today: dt.date) -> ActivitiesSummary:
    """Restore Leuven's activities, dated as if loaded on `today`; returns what there is."""
    summary = ActivitiesSummary()
    network = networks["leuven"]
    builder = _Builder(network, today)
    builder.place_ids()
    builder.school_holidays()
    for spec in LEUVEN:
        builder.activity(spec)
    summary.written = builder.rows.write()
    summary.activities = Activity.objects.for_network(network).count()
    summary.sessions = Session.objects.for_network(network).count()
    summary.registrations = Registration.objects.for_network(network).count()
    return summary
