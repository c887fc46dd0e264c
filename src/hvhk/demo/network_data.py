"""The demo's network life: partners' contact people and houses, the engagement declarations and their
signatures, bodies with their members, meetings (date poll, agenda, minutes, decisions, actions, attendance) and
news for partners.

Written with the models directly, with stable ids (`demo_id`), and dated relative to the day the demo loads:
the past meetings fall in the last twelve months, the next ones in the weeks to come. Like the offering, a
reload restores this state: rows the demo does not have are removed, and a row is saved only when it differs
(a reload on the same day writes nothing, and the history tables do not grow).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.tokens import token_hash
from hvhk.core.models import Network
from hvhk.demo.files import DemoFiles, demo_id
from hvhk.directory import models as d
from hvhk.network import models as n

__all__ = ["NetworkSummary", "network_load"]

Body = n.Body
Kind = Body.Kind
COORDINATOR = "coordinator@leuven.demo"
HQ = "Huis van het Kind Leuven-centrum, Brusselsestraat 63, 3000 Leuven"
KESSEL_LO = "Huis van het Kind Kessel-Lo, Kesseldallaan 52, 3010 Kessel-Lo"
CITY = "Stadskantoor Leuven, Professor Van Overstraetenplein 1, 3000 Leuven"


@dataclass
class NetworkSummary:
    bodies: int = 0
    meetings: int = 0
    partners: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        return f"network: {self.bodies} bodies, {self.meetings} meetings, {self.partners} partners"


# --- Leuven ------------------------------------------------------------------------------------------------------

# Each partner's contact person for the network: (name, function as signer of the declaration). The e-mail is
# made from the name, at the organisation's demo domain.
LEUVEN_CONTACTS = {
    "stad-leuven": ("Els Vandenberghe", "schepen van Jeugd en Gezin"),
    "caw-oost-brabant": ("Tom Janssens", "directeur"),
    "buurtwerk-t-lampeke": ("Nadia El Amrani", "coördinator"),
    "mfc-combo": ("Pieter De Smet", "directeur"),
    "amber": ("Sofie Claes", "coördinator"),
    "gezinsbond": ("Marc Wouters", "regioverantwoordelijke"),
    "scheidingsschool": ("Katrien Maes", "coördinator"),
    "bakermat": ("Lotte Peeters", "coördinator"),
    "inloopteam-de-mobil": ("Hilde Vermeulen", "coördinator"),
    "wigwam": ("Jan Goossens", "directeur"),
    "uz-leuven-parel": ("Ann Willems", "diensthoofd"),
    "kind-en-preventie": ("Sarah Jacobs", "directeur"),
    "clb-go-leuven": ("Bart Mertens", "directeur"),
    "vclb-leuven": ("Inge Hermans", "directeur"),
    "ckg-de-schommel": ("Veerle Van Damme", "directeur"),
    "domo": ("Griet Aerts", "coördinator"),
    "speelodroom": ("Joris Lambrechts", "coördinator"),
    "leren-ondernemen": ("Fatma Yilmaz", "coördinator"),
    "ocmw-leuven": ("Kristof Michiels", "voorzitter"),
    "kind-en-gezin": ("Leen Desmet", "regioverantwoordelijke"),
    "provincie-vlaams-brabant": ("Wim Verbruggen", "gedeputeerde"),
    "sporen": ("Ilse Smets", "coördinator"),
    "huis-van-het-kind-leuven": ("Hanne Van den Broeck", "coördinator"),
}
# The houses a partner helps run (the network's vzw runs both; Kessel-Lo grew from Kind en Gezin, Kind en
# Preventie and Wigwam, as the 2014 declaration says).
LEUVEN_HOUSES = {
    "huis-van-het-kind-leuven": ["leuven-centrum", "kessel-lo"],
    "stad-leuven": ["leuven-centrum", "kessel-lo"],
    "kind-en-gezin": ["leuven-centrum", "kessel-lo"],
    "kind-en-preventie": ["kessel-lo"],
    "wigwam": ["kessel-lo"],
    "caw-oost-brabant": ["leuven-centrum"],
    "ocmw-leuven": ["leuven-centrum"],
}
# The partners that did not (yet) sign the 2024 version online.
LEUVEN_NOT_SIGNED_V2 = {"speelodroom", "sporen", "leren-ondernemen", "provincie-vlaams-brabant"}

DECLARATION_V1 = """\
Huis van het Kind Leuven is een netwerk van organisaties die gezinnen ondersteunen: van de zwangerschap tot \
een kind 24 jaar is. We willen dat elk gezin in Leuven de hulp vindt die het nodig heeft, met extra aandacht \
voor gezinnen die het moeilijker hebben.

Als partner van Huis van het Kind Leuven beloven wij:
- Wij kennen elkaar en elkaars aanbod. We vertellen wat we doen en houden die informatie juist.
- Wij delen informatie en signalen: wat we horen van gezinnen, wat ontbreekt en wat beter kan.
- Wij verwijzen warm door: past een ander aanbod beter, dan helpen we het gezin de weg te vinden, met respect \
voor hun privacy.
- Wij nemen deel aan het netwerk: aan netwerkmomenten, de stuurgroep of een werkgroep.
- Wij zeggen dat we partner zijn van Huis van het Kind Leuven, naar gezinnen en naar andere organisaties.
- Wij werken mee aan nieuw aanbod waar iets ontbreekt, en aan een aanbod dat voor iedereen bereikbaar is.

De netwerk-vzw ondersteunt ons daarbij: ze brengt het aanbod in kaart, organiseert de netwerkmomenten, volgt \
de werkgroepen op en zorgt voor de Huizen van het Kind.

Deze engagementsverklaring geldt vanaf 13 november 2014."""

DECLARATION_V2 = """\
Huis van het Kind Leuven is een netwerk van organisaties die gezinnen ondersteunen: van de zwangerschap tot \
een kind 24 jaar is. Elk gezin in Leuven vindt bij ons de hulp die het nodig heeft. Gezinnen die het \
moeilijker hebben, krijgen extra aandacht.

Als partner van Huis van het Kind Leuven beloven wij:
- Wij kennen elkaar en elkaars aanbod. Ons aanbod staat juist en volledig in de wegwijzer, en we kijken het \
minstens elk half jaar na.
- Wij delen informatie en signalen: wat we horen van gezinnen, wat ontbreekt en wat beter kan. Zo kan het \
netwerk die signalen aan het lokaal bestuur geven.
- Wij verwijzen warm door: past een ander aanbod beter, dan zoeken we samen met het gezin de juiste plek en \
nemen we zelf contact op, als het gezin dat wil. We gaan zorgvuldig om met hun gegevens.
- Wij nemen deel aan het netwerk: aan de netwerklunches, de denkdag, de stuurgroep of een werkgroep.
- Wij zeggen dat we partner zijn van Huis van het Kind Leuven, naar gezinnen en naar andere organisaties.
- Wij werken mee aan nieuw aanbod waar iets ontbreekt, en maken ons aanbod zo bereikbaar mogelijk.

De netwerk-vzw ondersteunt ons daarbij: ze houdt de wegwijzer bij, organiseert de netwerkmomenten, volgt de \
werkgroepen op, bundelt de signalen en zorgt voor de Huizen van het Kind.

Deze versie vervangt de verklaring van 13 november 2014 en geldt vanaf 1 januari 2024."""

ALL_LEUVEN = list(LEUVEN_CONTACTS)

# Bodies: people are (e-mail, is trekker); organisations are slugs.
LEUVEN_BODIES = [
    {
        "key": "raad-van-bestuur",
        "kind": Kind.BOARD,
        "name": "Raad van bestuur",
        "description": "Het bestuur van Huis van het Kind Leuven vzw: beleid, begroting en personeel.",
        "is_open": False,
        "since": dt.date(2014, 11, 13),
        "people": [
            (COORDINATOR, True),
            ("editor@huis-van-het-kind-leuven.demo", False),
            ("editor@ocmw-leuven.demo", False),
        ],
        "organizations": [
            "huis-van-het-kind-leuven",
            "ocmw-leuven",
            "kind-en-gezin",
            "caw-oost-brabant",
            "wigwam",
        ],
    },
    {
        "key": "stuurgroep",
        "kind": Kind.STEERING_GROUP,
        "name": "Stuurgroep",
        "description": "De netwerktrekkers sturen het netwerk: ze volgen de werkgroepen op en bundelen de signalen.",
        "is_open": False,
        "since": dt.date(2015, 1, 1),
        "people": [
            (COORDINATOR, True),
            ("editor@stad-leuven.demo", False),
            ("editor@kind-en-gezin.demo", False),
            ("editor@caw-oost-brabant.demo", False),
            ("editor@huis-van-het-kind-leuven.demo", False),
        ],
        "organizations": [
            "stad-leuven",
            "kind-en-gezin",
            "caw-oost-brabant",
            "ocmw-leuven",
            "huis-van-het-kind-leuven",
            "wigwam",
            "uz-leuven-parel",
        ],
    },
    {
        "key": "werkgroep-kwetsbare-gezinnen",
        "kind": Kind.WORKING_GROUP,
        "name": "Werkgroep kwetsbare gezinnen",
        "theme": "Kwetsbare gezinnen bereiken en warm doorverwijzen",
        "description": "Hoe vinden gezinnen in armoede of in een moeilijke situatie de weg naar ons aanbod?",
        "is_open": True,
        "since": dt.date(2018, 3, 1),
        "people": [
            ("editor@caw-oost-brabant.demo", True),
            ("member@kind-en-preventie.demo", False),
            ("editor@inloopteam-de-mobil.demo", False),
        ],
        "organizations": [
            "caw-oost-brabant",
            "ocmw-leuven",
            "inloopteam-de-mobil",
            "ckg-de-schommel",
            "kind-en-preventie",
            "buurtwerk-t-lampeke",
            "amber",
            "leren-ondernemen",
        ],
    },
    {
        "key": "werkgroep-communicatie",
        "kind": Kind.WORKING_GROUP,
        "name": "Werkgroep communicatie",
        "theme": "Het aanbod bekendmaken bij gezinnen en partners",
        "description": "De wegwijzer, de nieuwsbrief, affiches en sociale media van het netwerk.",
        "is_open": True,
        "since": dt.date(2016, 9, 1),
        "people": [
            ("editor@stad-leuven.demo", True),
            ("editor@huis-van-het-kind-leuven.demo", False),
            ("editor@gezinsbond.demo", False),
        ],
        "organizations": [
            "stad-leuven",
            "gezinsbond",
            "huis-van-het-kind-leuven",
            "provincie-vlaams-brabant",
            "clb-go-leuven",
        ],
    },
    {
        "key": "werkgroep-vrije-tijd",
        "kind": Kind.WORKING_GROUP,
        "name": "Werkgroep vrije tijd",
        "theme": "Betaalbare vrije tijd voor alle kinderen",
        "description": "Spelen, sport en cultuur in de wijken, ook voor gezinnen met een klein budget.",
        "is_open": True,
        "since": dt.date(2017, 1, 15),
        "people": [
            ("editor@speelodroom.demo", True),
            ("editor@wigwam.demo", False),
            ("editor@domo.demo", False),
        ],
        "organizations": [
            "speelodroom",
            "wigwam",
            "domo",
            "bakermat",
            "sporen",
            "buurtwerk-t-lampeke",
            "mfc-combo",
        ],
    },
    {
        "key": "netwerklunch",
        "kind": Kind.NETWORK_LUNCH,
        "name": "Netwerklunch",
        "description": "Elke partner is welkom: bij een broodje leren we elkaar en elkaars aanbod kennen.",
        "is_open": True,
        "since": dt.date(2014, 11, 13),
        "people": [(COORDINATOR, True)],
        "organizations": ALL_LEUVEN,
    },
    {
        "key": "denkdag",
        "kind": Kind.THINK_DAY,
        "name": "Denkdag",
        "description": "Eén dag per jaar denken alle partners samen na over de toekomst van het netwerk.",
        "is_open": True,
        "since": dt.date(2014, 11, 13),
        "people": [(COORDINATOR, True), ("editor@huis-van-het-kind-leuven.demo", False)],
        "organizations": ALL_LEUVEN,
    },
]

PREVIOUS = {
    "title": "Verslag van de vorige vergadering",
    "minutes": "Het verslag is goedgekeurd zonder opmerkingen.",
}
PREVIOUS_NEXT = {
    "title": "Verslag van de vorige vergadering",
    "description": "Voorstel van besluit: het verslag goedkeuren.",
}

# Meetings per body. `day` counts from the day the demo loads (negative: past); a meeting on a weekend moves to
# the Monday after. A past meeting has approved minutes unless it says `draft`; an upcoming one within six weeks
# has its invitations sent. Agenda items: `owner` is an e-mail or an organisation slug; a `decision` is one
# sentence (the minutes end with "Besluit: ..."); actions are (text, owner, due day, done).
LEUVEN_MEETINGS = {
    "raad-van-bestuur": [
        {
            "day": -300,
            "hours": (19, 21),
            "place": HQ,
            "items": [
                {
                    "title": "Jaarrekening en begroting",
                    "owner": "editor@huis-van-het-kind-leuven.demo",
                    "minutes": "De penningmeester licht de jaarrekening toe. Er is een klein overschot, vooral door "
                    "minder kosten voor de verhuis in Kessel-Lo.",
                    "decision": "De raad van bestuur keurt de jaarrekening goed.",
                    "actions": [
                        ("Jaarrekening neerleggen bij de ondernemingsrechtbank", COORDINATOR, -270, True)
                    ],
                },
                {
                    "title": "Personeel",
                    "owner": COORDINATOR,
                    "minutes": "Het onthaal in Kessel-Lo is te druk voor één persoon op woensdagnamiddag.",
                    "decision": "De vacature voor een onthaalmedewerker in Kessel-Lo gaat open.",
                    "actions": [("Vacature onthaalmedewerker publiceren", COORDINATOR, -280, True)],
                },
            ],
        },
        {
            "day": -120,
            "hours": (19, 21),
            "place": HQ,
            "items": [
                PREVIOUS,
                {
                    "title": "Samenwerkingsovereenkomst met Stad Leuven",
                    "owner": COORDINATOR,
                    "minutes": "De nieuwe overeenkomst loopt zes jaar. De stad blijft het gebouw in Leuven-centrum "
                    "en twee medewerkers ter beschikking stellen.",
                    "decision": "De raad van bestuur keurt de samenwerkingsovereenkomst met Stad Leuven goed.",
                    "actions": [
                        ("Overeenkomst laten ondertekenen door beide partijen", COORDINATOR, -90, True)
                    ],
                },
                {
                    "title": "Verbouwing Huis van het Kind Kessel-Lo",
                    "owner": "huis-van-het-kind-leuven",
                    "minutes": "De speelruimte is te klein voor de groepen op woensdag. Een verbouwing is nodig.",
                    "decision": "",
                    "actions": [
                        ("Drie offertes voor de verbouwing opvragen", "huis-van-het-kind-leuven", -30, False)
                    ],
                },
            ],
        },
        {
            "day": 30,
            "hours": (19, 21),
            "place": HQ,
            "items": [
                PREVIOUS_NEXT,
                {
                    "title": "Begroting volgend werkjaar",
                    "owner": "editor@huis-van-het-kind-leuven.demo",
                    "description": "Voorstel van besluit: de begroting goedkeuren zoals de stuurgroep adviseert.",
                },
                {"title": "Offertes verbouwing Kessel-Lo", "owner": COORDINATOR},
            ],
        },
    ],
    "stuurgroep": [
        {
            "day": -200,
            "hours": (14, 16),
            "place": CITY,
            "items": [
                PREVIOUS,
                {
                    "title": "Jaarverslag van het netwerk",
                    "owner": COORDINATOR,
                    "minutes": "De coördinator stelt het jaarverslag voor. De huizen bereikten meer gezinnen in "
                    "Kessel-Lo en iets minder in Leuven-centrum. De stuurgroep vraagt om de cijfers per wijk te tonen.",
                    "decision": "Het jaarverslag wordt goedgekeurd en gaat naar de raad van bestuur.",
                    "actions": [("Cijfers per wijk toevoegen aan het jaarverslag", COORDINATOR, -180, True)],
                },
                {
                    "title": "Werking van de werkgroepen",
                    "owner": "editor@caw-oost-brabant.demo",
                    "minutes": "De werkgroep kwetsbare gezinnen heeft nieuwe leden nodig uit het onderwijs.",
                    "decision": "De CLB's worden uitgenodigd voor de werkgroep kwetsbare gezinnen.",
                    "actions": [
                        ("CLB GO! en VCLB uitnodigen voor de werkgroep", "caw-oost-brabant", -150, True)
                    ],
                },
            ],
        },
        {
            "day": -110,
            "hours": (14, 16),
            "place": CITY,
            "items": [
                PREVIOUS,
                {
                    "title": "Engagementsverklaring: wie tekende nog niet?",
                    "owner": COORDINATOR,
                    "minutes": "Vier partners tekenden de nieuwe versie van de engagementsverklaring nog niet. Ze "
                    "doen wel mee aan de werkgroepen.",
                    "decision": "De coördinator neemt contact op met de partners die de nieuwe versie nog niet "
                    "tekenden.",
                    "actions": [
                        ("De vier partners opbellen over de engagementsverklaring", COORDINATOR, -80, True)
                    ],
                },
                {
                    "title": "Signalen uit de werkgroepen: wachtlijsten",
                    "owner": "editor@kind-en-gezin.demo",
                    "minutes": "Gezinnen wachten lang op kinderopvang en op hulp bij opvoedingsvragen. Partners "
                    "horen dit elke week.",
                    "decision": "De stuurgroep bundelt de signalen over wachtlijsten in een nota voor het stadsbestuur.",
                    "actions": [("Nota over wachtlijsten schrijven", "editor@stad-leuven.demo", -20, False)],
                },
            ],
        },
        {
            "day": -30,
            "hours": (14, 16),
            "place": CITY,
            "online": "https://meet.example/hvhk-leuven-stuurgroep",
            "items": [
                PREVIOUS,
                {
                    "title": "Voorbereiding van de denkdag",
                    "owner": "editor@huis-van-het-kind-leuven.demo",
                    "minutes": "Drie thema's waren kandidaat. De meeste partners kiezen voor ouders als partner.",
                    "decision": "De denkdag gaat over 'ouders als partner'.",
                    "actions": [
                        (
                            "Sprekers voor de denkdag zoeken",
                            "editor@huis-van-het-kind-leuven.demo",
                            20,
                            False,
                        ),
                        ("Zaal voor de denkdag reserveren", COORDINATOR, -10, True),
                    ],
                },
                {
                    "title": "Begroting volgend werkjaar",
                    "owner": "editor@stad-leuven.demo",
                    "minutes": "De netwerklunches trekken veel partners. De stad wil ze blijven steunen.",
                    "decision": "De stuurgroep adviseert de raad van bestuur om het budget voor de netwerklunches "
                    "te behouden.",
                    "actions": [
                        ("Begrotingsvoorstel naar de raad van bestuur sturen", "stad-leuven", -5, False)
                    ],
                },
            ],
        },
        {
            "day": 9,
            "hours": (14, 16),
            "place": CITY,
            "online": "https://meet.example/hvhk-leuven-stuurgroep",
            "items": [
                PREVIOUS_NEXT,
                {
                    "title": "Nota over wachtlijsten voor het stadsbestuur",
                    "owner": "editor@stad-leuven.demo",
                    "description": "Bespreking van de ontwerpnota. Voorstel van besluit: de nota gaat in naam van "
                    "het netwerk naar het college van burgemeester en schepenen.",
                },
                {
                    "title": "Stand van zaken in de werkgroepen",
                    "owner": COORDINATOR,
                    "description": "Elke trekker vertelt kort wat de werkgroep deed en wat ze nodig heeft.",
                },
            ],
        },
        {
            "day": 65,
            "hours": (14, 16),
            "place": CITY,
            "items": [
                {
                    "title": "Jaarplanning van het netwerk",
                    "owner": COORDINATOR,
                    "description": "Voorstel van besluit: de data van stuurgroep, netwerklunches en denkdag voor "
                    "volgend jaar vastleggen.",
                },
            ],
        },
    ],
    "werkgroep-kwetsbare-gezinnen": [
        {
            "day": -150,
            "hours": (9, 11),
            "place": KESSEL_LO,
            "items": [
                {
                    "title": "Drempels bij het onthaal",
                    "owner": "editor@inloopteam-de-mobil.demo",
                    "minutes": "Ouders vinden de folders moeilijk. Anderstalige ouders weten niet dat het onthaal "
                    "gratis is.",
                    "decision": "We maken een gezamenlijke folder in eenvoudige taal over het onthaal in beide huizen.",
                    "actions": [
                        (
                            "Tekst voor de folder in eenvoudige taal schrijven",
                            "member@kind-en-preventie.demo",
                            -120,
                            True,
                        )
                    ],
                },
                {
                    "title": "Warme doorverwijzing",
                    "owner": "editor@caw-oost-brabant.demo",
                    "minutes": "Een doorverwijzing lukt beter als de hulpverlener samen met het gezin belt.",
                    "decision": "Partners verwijzen warm door: ze bellen samen met het gezin naar de volgende dienst.",
                    "actions": [
                        ("Afsprakenkaart warme doorverwijzing opmaken", "caw-oost-brabant", -100, True)
                    ],
                },
            ],
        },
        {
            "day": -45,
            "hours": (9, 11),
            "place": KESSEL_LO,
            "items": [
                PREVIOUS,
                {
                    "title": "Signalen: armoede en huisvesting",
                    "owner": "editor@inloopteam-de-mobil.demo",
                    "minutes": "Meer gezinnen wonen in een te kleine of vochtige woning. Dat weegt op de kinderen.",
                    "decision": "De werkgroep bezorgt de signalen over huisvesting aan de stuurgroep.",
                    "actions": [
                        (
                            "Signalen over huisvesting bundelen voor de stuurgroep",
                            "member@kind-en-preventie.demo",
                            -10,
                            False,
                        ),
                        (
                            "Vorming 'praten over geldzorgen' voor partners plannen",
                            "editor@caw-oost-brabant.demo",
                            30,
                            False,
                        ),
                    ],
                },
            ],
        },
        {
            "day": 16,
            "hours": (9, 11),
            "place": KESSEL_LO,
            "items": [
                PREVIOUS_NEXT,
                {
                    "title": "Evaluatie van de folder in eenvoudige taal",
                    "owner": "member@kind-en-preventie.demo",
                    "description": "Voorstel van besluit: de folder vertalen in het Frans, Engels en Arabisch.",
                },
                {"title": "Vorming 'praten over geldzorgen'", "owner": "editor@caw-oost-brabant.demo"},
            ],
        },
    ],
    "werkgroep-communicatie": [
        {
            "day": -130,
            "hours": (10, 12),
            "place": HQ,
            "items": [
                {
                    "title": "De wegwijzer van Huis van het Kind",
                    "owner": "editor@stad-leuven.demo",
                    "minutes": "De nieuwe wegwijzer toont het aanbod van alle partners. Niet elke partner weet hoe "
                    "hij zijn aanbod zelf aanpast.",
                    "decision": "Alle partners houden hun aanbod in de wegwijzer zelf up-to-date.",
                    "actions": [
                        (
                            "Partners uitleg geven over de wegwijzer",
                            "editor@huis-van-het-kind-leuven.demo",
                            -100,
                            True,
                        )
                    ],
                },
            ],
        },
        {
            "day": -60,
            "hours": (10, 12),
            "place": HQ,
            "online": "https://meet.example/hvhk-leuven-communicatie",
            "items": [
                PREVIOUS,
                {
                    "title": "Nieuwsbrief voor partners",
                    "owner": "editor@gezinsbond.demo",
                    "minutes": "Partners missen nieuws van elkaar. Een korte nieuwsbrief per week is genoeg.",
                    "decision": "Het netwerk stuurt elke week een korte nieuwsbrief naar de partners die zich "
                    "inschrijven.",
                    "actions": [
                        (
                            "Inschrijvingen voor de nieuwsbrief verzamelen",
                            "editor@stad-leuven.demo",
                            14,
                            False,
                        )
                    ],
                },
            ],
        },
        {
            "day": -12,
            "hours": (10, 12),
            "place": HQ,
            "draft": True,
            "items": [
                {
                    "title": "Campagne voor de denkdag",
                    "owner": "editor@stad-leuven.demo",
                    "minutes": "Ontwerp: we maken een affiche en een bericht voor sociale media. De partners "
                    "verspreiden het bericht.",
                    "actions": [("Affiche voor de denkdag ontwerpen", "stad-leuven", 10, False)],
                },
            ],
        },
        {
            "day": 23,
            "hours": (10, 12),
            "place": HQ,
            "items": [
                PREVIOUS_NEXT,
                {
                    "title": "Affiche en berichten voor de denkdag",
                    "owner": "editor@stad-leuven.demo",
                    "description": "Voorstel van besluit: de affiche drukken en in beide huizen ophangen.",
                },
            ],
        },
    ],
    "werkgroep-vrije-tijd": [
        {
            "day": -90,
            "hours": (13, 15),
            "place": KESSEL_LO,
            "items": [
                {
                    "title": "Zomeraanbod in de wijken",
                    "owner": "editor@speelodroom.demo",
                    "minutes": "Elke partner heeft een eigen lijst met zomeraanbod. Gezinnen zoeken op veel plaatsen.",
                    "decision": "De partners maken één overzicht van het betaalbare zomeraanbod.",
                    "actions": [
                        ("Overzicht van het zomeraanbod verzamelen", "speelodroom", -60, True),
                        (
                            "Info over de vrijetijdspas delen met alle partners",
                            "editor@domo.demo",
                            -40,
                            False,
                        ),
                    ],
                },
            ],
        },
        {
            "day": -25,
            "hours": (13, 15),
            "place": KESSEL_LO,
            "items": [
                PREVIOUS,
                {
                    "title": "Speelpleinwerking voor kinderen met een beperking",
                    "owner": "editor@wigwam.demo",
                    "minutes": "Ouders van kinderen met een beperking vinden moeilijk een speelplein dat hen onthaalt.",
                    "decision": "We vragen aan de speelpleinen hoe ze kinderen met een beperking onthalen.",
                    "actions": [("Vragenlijst naar de speelpleinen sturen", "editor@wigwam.demo", 5, False)],
                },
            ],
        },
        {
            "poll": [20, 22, 27],
            "hours": (13, 15),
            "place": KESSEL_LO,
            "title": "Werkgroep vrije tijd: aanbod in de schoolvakanties",
            "votes": {
                "editor@speelodroom.demo": ["yes", "yes", "no"],
                "editor@wigwam.demo": ["no", "yes", "maybe"],
                "editor@domo.demo": ["yes", "maybe", "yes"],
            },
            "items": [
                {
                    "title": "Aanbod in de schoolvakanties",
                    "owner": "editor@speelodroom.demo",
                    "description": "Voorstel van besluit: één kalender met het vakantieaanbod van alle partners.",
                },
            ],
        },
    ],
    "netwerklunch": [
        {
            "day": -180,
            "hours": (12, 14),
            "place": HQ,
            "title": "Netwerklunch: drie partners stellen zich voor",
            "items": [
                {
                    "title": "Kennismaking: Bakermat, Sporen en Leren Ondernemen",
                    "owner": COORDINATOR,
                    "minutes": "Drie partners stelden hun aanbod voor. Veel partners kenden het aanbod van Sporen "
                    "nog niet.",
                    "decision": "Op elke netwerklunch stellen drie partners zich voor.",
                    "actions": [("De volgende drie partners vragen", COORDINATOR, -150, True)],
                },
            ],
        },
        {
            "day": -70,
            "hours": (12, 14),
            "place": KESSEL_LO,
            "title": "Netwerklunch: de wegwijzer",
            "items": [
                {
                    "title": "Voorstelling van de wegwijzer",
                    "owner": "editor@stad-leuven.demo",
                    "minutes": "De wegwijzer toont al het aanbod voor gezinnen in Leuven. Partners vonden enkele "
                    "fouten in hun eigen aanbod.",
                    "decision": "Partners melden fouten in de wegwijzer via de knop op elke pagina.",
                    "actions": [("Presentatie delen met alle partners", COORDINATOR, -60, True)],
                },
            ],
        },
        {
            "day": 35,
            "hours": (12, 14),
            "place": HQ,
            "title": "Netwerklunch: drie nieuwe partners",
            "items": [
                {
                    "title": "Kennismaking: Amber, Domo en MFC Combo",
                    "owner": COORDINATOR,
                    "description": "Drie partners stellen hun aanbod voor in tien minuten.",
                },
            ],
        },
    ],
    "denkdag": [
        {
            "day": -330,
            "hours": (9, 16),
            "place": "Provinciehuis Leuven, Provincieplein 1, 3010 Leuven",
            "title": "Denkdag: samen sterker voor kwetsbare gezinnen",
            "items": [
                {
                    "title": "Workshop: wat hebben gezinnen nodig?",
                    "owner": COORDINATOR,
                    "minutes": "Ouders en partners werkten in groepjes. Drie noden kwamen vaak terug: betaalbare "
                    "vrije tijd, hulp bij papieren en een plek om andere ouders te ontmoeten.",
                    "decision": "De werkgroep kwetsbare gezinnen neemt de drie noden mee in haar jaarplan.",
                    "actions": [("De drie noden uitwerken in het jaarplan", "caw-oost-brabant", -300, True)],
                },
                {
                    "title": "Terugblik en vooruitblik",
                    "owner": "editor@huis-van-het-kind-leuven.demo",
                    "minutes": "De partners zijn tevreden over de netwerklunches en willen meer tijd voor "
                    "uitwisseling.",
                },
            ],
        },
        {
            "day": 40,
            "hours": (9, 16),
            "place": "Provinciehuis Leuven, Provincieplein 1, 3010 Leuven",
            "title": "Denkdag: ouders als partner",
            "items": [
                {
                    "title": "Ouders als partner: getuigenissen",
                    "owner": "editor@huis-van-het-kind-leuven.demo",
                    "description": "Drie ouders vertellen hoe zij het netwerk ervaren.",
                },
                {
                    "title": "Workshops en afspraken",
                    "owner": COORDINATOR,
                    "description": "Voorstel van besluit: elke werkgroep nodigt minstens één ouder uit.",
                },
            ],
        },
    ],
}

LEUVEN_NEWS = [
    {
        "key": "kessel-lo-woensdag",
        "title": "Ontmoetingsplek in Kessel-Lo nu ook op woensdagnamiddag open",
        "summary": "Ouders met jonge kinderen zijn vanaf nu ook op woensdagnamiddag welkom.",
        "text": "Het Huis van het Kind Kessel-Lo opent de ontmoetingsplek ook op woensdagnamiddag, van 13.30 tot "
        "16.30 uur. Kom spelen, andere ouders ontmoeten of stel je vraag aan een medewerker. Je hoeft niet in te "
        "schrijven en het is gratis.",
        "audience": n.NewsPost.Audience.PUBLIC,
        "day": -20,
        "author": COORDINATOR,
    },
    {
        "key": "denkdag-ouders",
        "title": "Denkdag: ouders als partner",
        "summary": "Dit jaar denken partners en ouders samen na over hoe ouders meer inspraak krijgen.",
        "text": "Op de denkdag van Huis van het Kind Leuven staan ouders centraal. Drie ouders vertellen hoe zij "
        "het netwerk ervaren. Daarna werken we in workshops. Ben je ouder en wil je meedenken? Laat het weten "
        "aan het onthaal van een Huis van het Kind.",
        "audience": n.NewsPost.Audience.PUBLIC,
        "day": -6,
        "author": COORDINATOR,
        "body": "denkdag",
    },
    {
        "key": "terugblik-netwerklunch",
        "title": "Terugblik op de netwerklunch over de wegwijzer",
        "summary": "Dertig partners leerden de wegwijzer kennen.",
        "text": "Op de netwerklunch stelden we de wegwijzer voor. Kijk je eigen aanbod na: klopt alles nog? Zie je "
        "een fout, meld het dan via de knop onderaan elke pagina.",
        "audience": n.NewsPost.Audience.PARTNERS,
        "day": -60,
        "author": COORDINATOR,
        "body": "netwerklunch",
    },
    {
        "key": "vorming-geldzorgen",
        "title": "Vorming voor partners: praten met ouders over geldzorgen",
        "summary": "Een vorming van een halve dag voor medewerkers van alle partners.",
        "text": "Veel ouders praten niet graag over geldzorgen. In deze vorming leer je hoe je het gesprek begint "
        "en naar wie je kunt doorverwijzen. De vorming is gratis voor medewerkers van partners. Schrijf je in bij "
        "de coördinator.",
        "audience": n.NewsPost.Audience.PARTNERS,
        "day": -35,
        "author": COORDINATOR,
    },
    {
        "key": "warme-doorverwijzing",
        "title": "Werkgroep kwetsbare gezinnen zoekt voorbeelden van warme doorverwijzing",
        "summary": "Vertel ons hoe jouw organisatie gezinnen warm doorverwijst.",
        "text": "De werkgroep kwetsbare gezinnen maakt een afsprakenkaart over warme doorverwijzing. Heb je een "
        "goed voorbeeld uit je eigen werk? Mail het naar de trekker van de werkgroep.",
        "audience": n.NewsPost.Audience.PARTNERS,
        "day": -12,
        "author": "editor@caw-oost-brabant.demo",
        "body": "werkgroep-kwetsbare-gezinnen",
    },
]
LEUVEN_SUBSCRIBERS = [
    "editor@stad-leuven.demo",
    "member@kind-en-preventie.demo",
    "editor@wigwam.demo",
    "editor@gezinsbond.demo",
]

# --- Heusden-Zolder: a small set, so checks across networks have ids to try ----------------------------------------

HZ_CONTACTS = {
    "gemeente-heusden-zolder": ("Lies Vanhoudt", "schepen van Jeugd"),
    "sociaal-huis-heusden-zolder": ("Dirk Reynders", "diensthoofd"),
    "kind-en-gezin-limburg": ("Nele Bollen", "regioverantwoordelijke"),
}
HZ_BODIES = [
    {
        "key": "stuurgroep",
        "kind": Kind.STEERING_GROUP,
        "name": "Stuurgroep",
        "description": "De netwerktrekkers van Huis van het Kind Heusden-Zolder.",
        "is_open": False,
        "since": dt.date(2016, 1, 1),
        "people": [("coordinator@heusden-zolder.demo", True), ("editor@gemeente-heusden-zolder.demo", False)],
        "organizations": list(HZ_CONTACTS),
    }
]
HZ_MEETINGS = {
    "stuurgroep": [
        {
            "day": -50,
            "hours": (14, 16),
            "place": "Sociaal Huis Heusden-Zolder",
            "items": [
                {
                    "title": "Signalen uit de wijken",
                    "owner": "editor@gemeente-heusden-zolder.demo",
                    "minutes": "Gezinnen in Bolderberg vinden moeilijk kinderopvang.",
                    "decision": "De stuurgroep bezorgt de signalen over kinderopvang aan het lokaal bestuur.",
                    "actions": [("Signalennota opmaken", "editor@gemeente-heusden-zolder.demo", -20, False)],
                },
            ],
        },
    ],
}


# --- writing -----------------------------------------------------------------------------------------------------

# Children before parents, as they are removed.
PRUNED = [
    n.NewsSubscription,
    n.NewsPost,
    n.DateVote,
    n.DateOption,
    n.Participant,
    n.ActionItem,
    n.Decision,
    n.AgendaItem,
    n.Meeting,
    n.BodyMember,
    n.Body,
    n.Signature,
    n.Declaration,
]
AUTO = ("created_at",)  # set after saving (auto_now_add ignores a value on insert)


def _token_hash(pk) -> str:
    """A demo row's token hash: stable, so a reload writes nothing, yet not to be worked out from the row's id
    without the site's secret key (nobody receives these tokens: the demo sends no invitations)."""
    return token_hash(salted_hmac("hvhk.demo.network_data.token", str(pk)).hexdigest())


class _Plan:
    """The rows of one network, planned with stable ids, then written where they differ."""

    def __init__(self, network: Network) -> None:
        self.network = network
        self.rows: list[tuple[type[models.Model], object, dict]] = []

    def add(self, model: type[models.Model], key: str, **values) -> object:
        pk = demo_id(self.network.slug, f"network-{model._meta.model_name}", key)
        self.rows.append((model, pk, values))
        return pk

    def prune(self) -> int:
        planned = defaultdict(set)
        for model, pk, _values in self.rows:
            planned[model].add(pk)
        deleted = 0
        for model in PRUNED:
            deleted += model.objects.filter(network=self.network).exclude(pk__in=planned[model]).delete()[0]
        return deleted

    def write(self) -> int:
        by_model = defaultdict(list)
        for model, pk, _values in self.rows:
            by_model[model].append(pk)
        existing = {model: model.objects.in_bulk(pks) for model, pks in by_model.items()}
        written = 0
        for model, pk, values in self.rows:
            auto = {name: values.pop(name) for name in AUTO if name in values}
            row = existing[model].get(pk)
            if row is None:
                row = model(pk=pk, network=self.network, **values)
                row.save(force_insert=True)
                written += 1
            else:
                changed = [name for name, value in values.items() if getattr(row, name) != value]
                if changed:
                    for name in changed:
                        setattr(row, name, values[name])
                    row.save()
                    written += 1
            if auto and any(getattr(row, name) != value for name, value in auto.items()):
                model.objects.filter(pk=pk).update(**auto)
        return written


class _Builder:
    """Turns one network's data into planned rows."""

    def __init__(self, network: Network, today: dt.date, contacts: dict[str, tuple[str, str]]) -> None:
        self.network = network
        self.today = today
        self.zone = ZoneInfo(settings.TIME_ZONE)
        self.plan = _Plan(network)
        self.orgs = dict(d.Organization.objects.for_network(network).values_list("slug", "pk"))
        self.contacts = contacts
        roles = RoleAssignment.objects.filter(network=network).select_related("user")
        self.users: dict[str, User] = {r.user.email: r.user for r in roles}
        self.user_orgs = {r.user.email: r.organization_id for r in roles if r.organization_id}
        self.bodies: dict[str, object] = {}
        self.body_people: dict[str, list[str]] = {}
        self.body_orgs: dict[str, list[str]] = {}
        self.meetings = 0
        self.coordinator = next(r.user for r in roles if r.role == RoleAssignment.Role.COORDINATOR)

    # dates

    def day(self, offset: int) -> dt.date:
        day = self.today + dt.timedelta(days=offset)
        while day.weekday() >= 5:  # a weekend moves to the Monday after
            day += dt.timedelta(days=1)
        return day

    def at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=self.zone)

    def contact_email(self, slug: str) -> str:
        first, *rest = self.contacts[slug][0].lower().split()
        return f"{first}.{''.join(rest)}@{slug}.demo".replace("'", "")

    def owner(self, who: str) -> dict:
        if "@" in who:
            return {"owner_user_id": self.users[who].pk, "owner_organization_id": None}
        return {"owner_user_id": None, "owner_organization_id": self.orgs[who]}

    # memberships

    def memberships(self, houses: dict[str, list[str]]) -> None:
        """The contact person and the houses of each partner's membership (the HSDS file has neither)."""
        house_ids = dict(d.House.objects.for_network(self.network).values_list("slug", "pk"))
        members = d.Membership.objects.for_network(self.network).select_related("organization")
        for membership in members.prefetch_related("houses"):
            slug = membership.organization.slug
            if slug not in self.contacts:
                continue
            wanted = {
                "contact_name": self.contacts[slug][0],
                "contact_email": self.contact_email(slug),
                "contact_phone": f"016 00 {len(slug):02d} {sorted(self.contacts).index(slug):02d}",
            }
            changed = [name for name, value in wanted.items() if getattr(membership, name) != value]
            if changed:
                for name in changed:
                    setattr(membership, name, wanted[name])
                membership.save(update_fields=[*changed, "updated_at"])
            want_houses = {house_ids[h] for h in houses.get(slug, ())}
            if {h.pk for h in membership.houses.all()} != want_houses:
                membership.houses.set(want_houses)

    # declarations

    def declarations(self, signed_v1: dict[str, dt.date]) -> None:
        coordinator = self.coordinator
        v1 = self.plan.add(
            n.Declaration,
            "v1",
            version=1,
            title="Engagementsverklaring Huis van het Kind Leuven",
            text=DECLARATION_V1,
            effective_on=dt.date(2014, 11, 13),
            published_at=self.at(dt.date(2014, 11, 13), 10),
            created_by_id=coordinator.pk,
        )
        v2 = self.plan.add(
            n.Declaration,
            "v2",
            version=2,
            title="Engagementsverklaring Huis van het Kind Leuven",
            text=DECLARATION_V2,
            effective_on=dt.date(2024, 1, 1),
            published_at=self.at(dt.date(2023, 11, 20), 10),
            created_by_id=coordinator.pk,
        )
        for i, (slug, signed_on) in enumerate(sorted(signed_v1.items())):
            name, function = self.contacts[slug]
            self.plan.add(
                n.Signature,
                f"v1/{slug}",
                declaration_id=v1,
                organization_id=self.orgs[slug],
                method=n.Signature.Method.PAPER,
                signer_name=name,
                signer_function=function,
                signed_on=signed_on,
                signed_by_id=None,
                recorded_by_id=coordinator.pk,
            )
            if slug in LEUVEN_NOT_SIGNED_V2:
                continue
            editor = self.users.get(f"editor@{slug}.demo")
            self.plan.add(
                n.Signature,
                f"v2/{slug}",
                declaration_id=v2,
                organization_id=self.orgs[slug],
                method=n.Signature.Method.ONLINE,
                signer_name=name,
                signer_function=function,
                signed_on=dt.date(2024, 1, 8) + dt.timedelta(days=3 * i),
                signed_by_id=editor.pk if editor else None,
                recorded_by_id=None,
            )

    # bodies

    def bodies_add(self, bodies: list[dict]) -> None:
        for spec in bodies:
            key = spec["key"]
            body = self.plan.add(
                n.Body,
                key,
                kind=spec["kind"],
                name=spec["name"],
                theme=spec.get("theme", ""),
                description=spec["description"],
                is_open=spec["is_open"],
                is_active=True,
            )
            self.bodies[key] = body
            self.body_people[key] = [email for email, _trekker in spec["people"]]
            self.body_orgs[key] = spec["organizations"]
            for email, trekker in spec["people"]:
                self.plan.add(
                    n.BodyMember,
                    f"{key}/{email}",
                    body_id=body,
                    user_id=self.users[email].pk,
                    organization_id=None,
                    is_trekker=trekker,
                    since=spec["since"],
                )
            for slug in spec["organizations"]:
                self.plan.add(
                    n.BodyMember,
                    f"{key}/{slug}",
                    body_id=body,
                    user_id=None,
                    organization_id=self.orgs[slug],
                    is_trekker=False,
                    since=spec["since"],
                )

    def invitees(self, body: str) -> list[dict]:
        """The people invited to the body's meetings: its person members and its organisations' contacts."""
        people = [
            {
                "name": self.users[email].full_name,
                "email": email,
                "user_id": self.users[email].pk,
                "organization_id": self.user_orgs.get(email),
            }
            for email in self.body_people[body]
        ]
        people += [
            {
                "name": self.contacts[slug][0],
                "email": self.contact_email(slug),
                "user_id": None,
                "organization_id": self.orgs[slug],
            }
            for slug in self.body_orgs[body]
            if slug in self.contacts
        ]
        return people

    # meetings

    def meetings_add(self, body: str, meetings: list[dict], body_name: str) -> None:
        coordinator = self.coordinator.email
        for number, spec in enumerate(meetings, start=1):
            key = f"{body}/{number}"
            start_hour, end_hour = spec["hours"]
            title = spec.get("title", body_name)
            common = {
                "body_id": self.bodies[body],
                "title": title,
                "description": spec.get("description", ""),
                "place": spec["place"],
                "online_url": spec.get("online", ""),
                "created_by_id": self.users[coordinator].pk,
            }
            if "poll" in spec:
                meeting = self.plan.add(
                    n.Meeting,
                    key,
                    **common,
                    status=n.Meeting.Status.POLL,
                    starts_at=None,
                    ends_at=None,
                    invitations_sent_at=None,
                    minutes_status=n.Meeting.Minutes.NONE,
                    minutes_approved_at=None,
                    minutes_approved_by_id=None,
                )
                self.poll(key, meeting, spec)
                self.agenda(key, meeting, spec["items"], past=False, created=self.at(self.day(-3), 9))
                self.meetings += 1
                continue
            day = self.day(spec["day"])
            starts, ends = self.at(day, start_hour), self.at(day, end_hour)
            past = spec["day"] < 0
            invited = past or spec["day"] <= 45
            invitations = self.at(day - dt.timedelta(days=21), 9) if past else self.at(self.day(-3), 9)
            approved = past and not spec.get("draft")
            meeting = self.plan.add(
                n.Meeting,
                key,
                **common,
                status=n.Meeting.Status.PLANNED,
                starts_at=starts,
                ends_at=ends,
                invitations_sent_at=invitations if invited else None,
                minutes_status=(
                    n.Meeting.Minutes.APPROVED
                    if approved
                    else n.Meeting.Minutes.DRAFT
                    if past
                    else n.Meeting.Minutes.NONE
                ),
                minutes_approved_at=self.at(day + dt.timedelta(days=10), 11) if approved else None,
                minutes_approved_by_id=self.users[coordinator].pk if approved else None,
                created_at=invitations - dt.timedelta(days=7),
            )
            if invited:
                self.participants(key, meeting, body, past=past, invited_at=invitations)
            self.agenda(key, meeting, spec["items"], past=past, created=ends)
            self.meetings += 1

    def poll(self, key: str, meeting, spec: dict) -> None:
        start_hour, end_hour = spec["hours"]
        options, days = [], []
        for offset in spec["poll"]:
            day = self.day(offset)
            while day in days or day.weekday() >= 5:  # three different weekdays
                day += dt.timedelta(days=1)
            days.append(day)
            # Keyed by its date: on another day the options are new rows (no clash with the old dates).
            options.append(
                self.plan.add(
                    n.DateOption,
                    f"{key}/{day.isoformat()}",
                    meeting_id=meeting,
                    starts_at=self.at(day, start_hour),
                    ends_at=self.at(day, end_hour),
                )
            )
        for email, answers in spec["votes"].items():
            for option, answer in zip(options, answers, strict=True):
                self.plan.add(
                    n.DateVote,
                    f"{key}/{option}/{email}",
                    option_id=option,
                    user_id=self.users[email].pk,
                    answer=answer,
                )

    def participants(self, key: str, meeting, body: str, *, past: bool, invited_at: dt.datetime) -> None:
        P = n.Participant
        for i, person in enumerate(self.invitees(body)):
            if past:
                attendance = (
                    P.Attendance.EXCUSED
                    if i % 5 == 3
                    else P.Attendance.ABSENT
                    if i % 7 == 5
                    else P.Attendance.PRESENT
                )
                response = P.Response.NO if attendance == P.Attendance.EXCUSED else P.Response.YES
            else:
                attendance = P.Attendance.UNKNOWN
                response = [
                    P.Response.YES,
                    P.Response.PENDING,
                    P.Response.YES,
                    P.Response.MAYBE,
                    P.Response.NO,
                ][i % 5]
            responded = (
                None if response == P.Response.PENDING else invited_at + dt.timedelta(days=1, hours=i % 6)
            )
            pk = demo_id(self.network.slug, "network-participant", f"{key}/{person['email']}")
            self.plan.add(
                P,
                f"{key}/{person['email']}",
                meeting_id=meeting,
                **person,
                token_hash=_token_hash(pk),
                response=response,
                responded_at=responded,
                invited_at=invited_at,
                attendance=attendance,
            )

    def agenda(self, key: str, meeting, items: list[dict], *, past: bool, created: dt.datetime) -> None:
        for position, item in enumerate(items, start=1):
            item_key = f"{key}/{position}"
            minutes = item.get("minutes", "") if past else ""
            if past and item.get("decision"):
                minutes = f"{minutes}\n\nBesluit: {item['decision']}"
            owner = self.owner(item["owner"]) if item.get("owner") else {}
            agenda_item = self.plan.add(
                n.AgendaItem,
                item_key,
                meeting_id=meeting,
                position=position,
                title=item["title"],
                description=item.get("description", ""),
                minutes=minutes,
                duration_minutes=30 if len(items) > 1 else 60,
                **({"owner_user_id": None, "owner_organization_id": None} | owner),
            )
            if not past:
                continue
            if item.get("decision"):
                self.plan.add(
                    n.Decision,
                    item_key,
                    meeting_id=meeting,
                    agenda_item_id=agenda_item,
                    text=item["decision"],
                    created_by_id=self.coordinator.pk,
                    created_at=created + dt.timedelta(minutes=position),
                )
            for i, (text, who, due, done) in enumerate(item.get("actions", ())):
                due_on = self.today + dt.timedelta(days=due)
                self.plan.add(
                    n.ActionItem,
                    f"{item_key}/{i}",
                    meeting_id=meeting,
                    agenda_item_id=agenda_item,
                    text=text,
                    **self.owner(who),
                    due_on=due_on,
                    status=n.ActionItem.Status.DONE if done else n.ActionItem.Status.OPEN,
                    done_at=self.at(due_on - dt.timedelta(days=2), 15) if done else None,
                    created_at=created + dt.timedelta(minutes=position, seconds=i + 1),
                )

    # news

    def news(self, posts: list[dict], subscribers: list[str]) -> None:
        for post in posts:
            self.plan.add(
                n.NewsPost,
                post["key"],
                title=post["title"],
                summary=post["summary"],
                text=post["text"],
                audience=post["audience"],
                body_id=self.bodies[post["body"]] if "body" in post else None,
                published_at=self.at(self.day(post["day"]), 9),
                author_id=self.users[post["author"]].pk,
            )
        for email in subscribers:
            pk = demo_id(self.network.slug, "network-newssubscription", email)
            self.plan.add(
                n.NewsSubscription,
                email,
                user_id=self.users[email].pk,
                token_hash=_token_hash(pk),
                last_sent_at=self.at(self.day(-7), 8),
            )


def _signed_v1(files: DemoFiles) -> dict[str, dt.date]:
    """When each partner signed the 2014 declaration, as the HSDS file says (unmoved: history does not move)."""
    signed = {}

    def walk(value) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            membership = value.get("hvhk_membership") or {}
            if "hvhk_slug" in value and membership.get("engagement_signed_on"):
                signed[value["hvhk_slug"]] = dt.date.fromisoformat(membership["engagement_signed_on"])
            for item in value.values():
                walk(item)

    walk(files.records(today=files.reference_date))
    return signed


def network_load(*, networks: dict[str, Network], today: dt.date) -> NetworkSummary:
    """Restore the network life of the demo networks, dated as if loaded on `today`."""
    summary = NetworkSummary()
    leuven = _Builder(networks["leuven"], today, LEUVEN_CONTACTS)
    leuven.memberships(LEUVEN_HOUSES)
    leuven.declarations(_signed_v1(DemoFiles("leuven")))
    leuven.bodies_add(LEUVEN_BODIES)
    for spec in LEUVEN_BODIES:
        leuven.meetings_add(spec["key"], LEUVEN_MEETINGS[spec["key"]], spec["name"])
    leuven.news(LEUVEN_NEWS, LEUVEN_SUBSCRIBERS)

    heusden = _Builder(networks["heusden-zolder"], today, HZ_CONTACTS)
    heusden.memberships({})
    heusden.bodies_add(HZ_BODIES)
    for spec in HZ_BODIES:
        heusden.meetings_add(spec["key"], HZ_MEETINGS[spec["key"]], spec["name"])

    for builder in (leuven, heusden):
        builder.plan.prune()
        builder.plan.write()
        summary.bodies += len(builder.bodies)
        summary.meetings += builder.meetings
        summary.partners += (
            d.Membership.objects.for_network(builder.network).filter(left_on__isnull=True).count()
        )
    return summary
