"""Shapes of the hand-written demo data.

The loader (`hvhk.demo.services`) turns these plain dicts into model rows with stable UUIDs derived from
the keys, so loading twice updates rather than duplicates.
"""

from typing import Literal, NotRequired, TypedDict

DayCode = Literal["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
HowCode = Literal["location", "home", "online", "phone"]
CostKind = Literal["free", "reduced", "paid"]
AccessFeature = Literal[
    "wheelchair", "adapted_toilet", "hearing_loop", "baby_changing", "stroller", "parking", "public_transport"
]
LanguageCode = Literal[
    "nl",
    "fr",
    "en",
    "ar",
    "tr",
    "de",
    "es",
    "pl",
    "ro",
    "ru",
    "uk",
    "so",
    "ti",
    "prs",
    "ps",
    "bg",
    "sq",
    "ber",
    "vgt",
]


class Hours(TypedDict):
    days: list[DayCode]  # e.g. ["MO", "TU"]
    opens: str  # "09:00"
    closes: str  # "12:00"
    note: NotRequired[str]  # e.g. "alleen tijdens schoolvakanties"


class Area(TypedDict):
    key: str  # "kessel-lo"
    name: str  # "Kessel-Lo"
    kind: Literal["municipality", "submunicipality", "neighbourhood"]
    parent: NotRequired[str]  # key of the municipality
    postcodes: list[str]  # ["3010"]
    lat: float
    lon: float


class Organization(TypedDict):
    slug: str  # "kind-en-gezin"; also the editor account editor@<slug>.demo
    name: str
    alternate_name: NotRequired[str]
    description: str  # 1-3 sentences, plain Dutch (B1)
    role: Literal["partner", "netwerktrekker"] | None  # None: not a member of the network
    engagement_signed_on: NotRequired[str]  # "2014-11-13"
    email: str  # fictitious: ...@<slug>.example
    phone: str  # fictitious Belgian number, e.g. "016 00 12 34"
    website: str  # fictitious: https://www.<slug>.example
    legal_status: NotRequired[str]  # "vzw", "openbaar bestuur", ...


class Location(TypedDict):
    key: str
    org: str  # organisation slug
    name: str
    description: NotRequired[str]
    address_1: str  # real street name in that (sub)municipality + a plausible number
    postal_code: str
    city: str  # the (sub)municipality name as on a letter: "Kessel-Lo"
    area: str  # area key
    lat: float
    lon: float
    transportation: NotRequired[str]  # "Bus 2 en 3, halte ..."
    accessibility: list[AccessFeature]
    hours: NotRequired[list[Hours]]


class Translation(TypedDict, total=False):
    name: str
    description: str
    application_process: str


class Cost(TypedDict):
    kind: CostKind
    option: str  # "Gratis", "Per les", "Kansentarief (UiTPAS)"
    amount: NotRequired[float]  # euro; absent for free


class Service(TypedDict):
    key: str  # stable, unique within the network
    org: str
    name: str
    description: str  # 2-4 sentences, plain Dutch (B1), concrete: what happens, for whom
    domains: list[str]  # life-domain codes (LIFE_DOMAINS)
    groups: list[str]  # target-group codes (TARGET_GROUPS)
    age: (
        tuple[int, int | None] | None
    )  # months; negative = during pregnancy (-9 = from the start); None = no age limit
    costs: list[Cost]
    languages: list[LanguageCode]
    how: list[HowCode]
    walk_in: bool  # True: you can just drop in without appointment
    application_process: str  # how to start: "Loop binnen tijdens ..." / "Maak een afspraak via ..."
    locations: list[str]  # location keys; [] for home/online/phone-only services
    hours: list[Hours]  # when the service runs ([] if by appointment only)
    areas: NotRequired[
        list[str]
    ]  # area keys the service covers (home visits, outreach); default: whole network
    phone: NotRequired[str]
    email: NotRequired[str]
    url: NotRequired[str]
    eligibility_description: NotRequired[str]
    alert: NotRequired[str]
    assured_date: str  # "2026-09-14": when the partner last checked it
    status: NotRequired[Literal["active", "inactive", "temporarily closed"]]
    translations: NotRequired[dict[str, Translation]]  # {"en": {...}, "fr": {...}}


class Pillar(TypedDict):
    kind: Literal["reception", "consultation", "play", "parenting_advice", "group_offer", "extra"]
    name: NotRequired[str]  # only for kind "extra"
    description: str
    services: list[str]  # service keys that realise this pillar in this house


class House(TypedDict):
    slug: str  # "leuven-centrum"
    name: str  # "Huis van het Kind Leuven-centrum"
    description: str
    location: str  # location key
    org: NotRequired[str]  # organisation that runs the place
    pillars: list[Pillar]


class Taxonomy(TypedDict):
    code: str
    name: str
    description: str
    translations: dict[str, dict[str, str]]  # {"en": {"name": ...}, "fr": ..., "tr": ..., "ar": ...}


class NetworkInfo(TypedDict):
    slug: str
    name: str
    description: str  # 1-2 sentences for the home page, plain Dutch
    email: str
    phone: str
    website: str
    address: str  # one line: street, postcode, place
    colour: str  # "#RRGGBB", dark enough for white text (contrast >= 4.5:1)


class NetworkData(TypedDict):
    NETWORK: NetworkInfo
    AREAS: list[Area]
    ORGANIZATIONS: list[Organization]
    LOCATIONS: list[Location]
    SERVICES: list[Service]
    HOUSES: list[House]
