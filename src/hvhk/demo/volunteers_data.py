"""The demo's volunteers in Leuven: ten roles (of the network, the city, and partners such as Domo, Bakermat and
the Gezinsbond) and twenty-five people who signed up over the last two years: candidates waiting for a first talk,
active volunteers in one or two roles with their hours, one who paused, two who stopped (one long enough ago to be
anonymised already) and one who was not taken on.

Dates are relative to the day the demo loads. Rows have stable ids (`demo_id`); a reload on the same day finds
every row as it should be and writes nothing, another day (or after a visitor signed up) rewrites the network's
volunteers. Every name, address and number is invented."""

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hvhk.core.lib.tokens import token_hash
from hvhk.core.models import Area, Network
from hvhk.demo.files import demo_id
from hvhk.directory.models import Organization
from hvhk.volunteers.models import (
    HelpOffer,
    HelpRequest,
    Placement,
    ThankYou,
    Volunteer,
    VolunteerAccess,
    VolunteerHours,
    VolunteerRole,
)
from hvhk.volunteers.services import contact_key, volunteer_token, volunteers_retention

__all__ = ["VolunteersSummary", "volunteers_load"]

RS = VolunteerRole.Status
VS = Volunteer.Status
PS = Placement.Status

ROLES = [
    {
        "key": "speelmoment",
        "title": "Spelen met peuters tijdens het ouderkoffiemoment",
        "organization": None,
        "description": "Elke woensdagnamiddag drinken ouders samen koffie in het Huis van het Kind. Jij speelt "
        "intussen met hun kinderen van 1 tot 4 jaar: blokken, boekjes, zingen.",
        "place": "Huis van het Kind Kessel-Lo",
        "area": "kessel-lo",
        "schedule": "Elke woensdag van 14 tot 16 uur",
        "availability": ["wed-pm"],
        "hours": "2 uur per week",
        "audience": "Peuters en hun ouders",
        "interests": ["children"],
        "languages": [],
        "training": True,
        "places": 3,
    },
    {
        "key": "huiswerk",
        "title": "Huiswerkbegeleiding in de buurt",
        "organization": "stad-leuven",
        "description": "Help kinderen van de lagere school met hun huiswerk, in het buurthuis na school. Je legt "
        "uit, moedigt aan en helpt hen plannen.",
        "place": "Buurthuis Kareelveld",
        "area": "leuven-centrum",
        "schedule": "Maandag en donderdag na school",
        "availability": ["mon-pm", "thu-pm"],
        "hours": "2 tot 4 uur per week",
        "audience": "Kinderen van 6 tot 12",
        "interests": ["homework", "children"],
        "languages": [],
        "training": True,
        "places": 6,
    },
    {
        "key": "tolk",
        "title": "Tolk bij een eerste gesprek",
        "organization": None,
        "description": "Nieuwe gezinnen begrijpen soms nog weinig Nederlands. Jij helpt bij een eerste gesprek in "
        "het Huis van het Kind, zodat ouders hun vraag in hun eigen taal kunnen stellen.",
        "place": "Huis van het Kind Leuven-centrum",
        "area": "leuven-centrum",
        "schedule": "Op afspraak, meestal overdag",
        "availability": ["tue-am", "thu-am"],
        "hours": "Een paar uur per maand",
        "audience": "Nieuwkomers met jonge kinderen",
        "interests": ["language", "welcome"],
        "languages": ["ar", "tr", "fa", "uk", "ti"],
        "expenses": True,
        "places": 5,
    },
    {
        "key": "gezin-steunen",
        "title": "Een gezin thuis steunen",
        "organization": "domo",
        "description": "Je bezoekt een gezin met jonge kinderen één keer per week. Je luistert, speelt met de "
        "kinderen, gaat eens mee naar de bib of de markt. Domo begeleidt je.",
        "place": "Bij het gezin thuis",
        "area": "leuven",
        "schedule": "Eén dagdeel per week, in overleg",
        "availability": [],
        "hours": "3 uur per week, minstens een jaar",
        "audience": "Gezinnen die er even alleen voor staan",
        "interests": ["family"],
        "languages": [],
        "training": True,
        "expenses": True,
        "places": 4,
    },
    {
        "key": "voorlezen",
        "title": "Voorlezen in de bib",
        "organization": "stad-leuven",
        "description": "Lees op zaterdagvoormiddag voor aan kleuters in de bibliotheek. In het Nederlands, of in "
        "een andere taal die je goed kent.",
        "place": "Bibliotheek Tweebronnen",
        "area": "leuven-centrum",
        "schedule": "Zaterdag van 10 tot 11 uur, om de twee weken",
        "availability": ["sat-am"],
        "hours": "1 uur om de twee weken",
        "audience": "Kleuters en hun ouders",
        "interests": ["reading", "children"],
        "languages": ["nl", "ar", "tr", "fr"],
        "places": 4,
    },
    {
        "key": "beurs",
        "title": "Helpen bij de tweedehandsbeurs",
        "organization": "gezinsbond",
        "description": "Twee keer per jaar houden we een beurs met kinderkleding en speelgoed. Jij helpt met "
        "sorteren, de kassa of het opruimen.",
        "place": "Parochiezaal Wilsele",
        "area": "wilsele",
        "schedule": "Twee zaterdagen per jaar",
        "availability": ["fri-eve", "sat-am", "sat-pm"],
        "hours": "Een halve of hele dag",
        "audience": "Gezinnen die voordelig willen kopen",
        "interests": ["events", "practical"],
        "languages": [],
        "places": 10,
    },
    {
        "key": "onthaal",
        "title": "Onthaal in het Huis van het Kind",
        "organization": None,
        "description": "Je verwelkomt ouders aan de balie, wijst de weg, schenkt koffie en helpt een afspraak te "
        "maken. Je bent het eerste gezicht van het huis.",
        "place": "Huis van het Kind Leuven-centrum",
        "area": "leuven-centrum",
        "schedule": "Dinsdag- of vrijdagvoormiddag",
        "availability": ["tue-am", "fri-am"],
        "hours": "3 uur per week",
        "audience": "Alle ouders",
        "interests": ["welcome"],
        "languages": [],
        "training": True,
        "places": 2,
    },
    {
        "key": "vervoer",
        "title": "Chauffeur voor gezinnen zonder auto",
        "organization": "ocmw-leuven",
        "description": "Breng een moeder met haar baby naar het consultatiebureau of het ziekenhuis, als de bus "
        "geen optie is. Met je eigen wagen; je krijgt een kilometervergoeding.",
        "place": "Leuven en deelgemeenten",
        "area": "leuven",
        "schedule": "Overdag, op vraag",
        "availability": ["mon-am", "tue-am", "wed-am", "thu-am", "fri-am"],
        "hours": "Een paar ritten per maand",
        "audience": "Gezinnen zonder eigen vervoer",
        "interests": ["transport"],
        "languages": [],
        "expenses": True,
        "places": 3,
    },
    {
        "key": "speelpleinfeest",
        "title": "Helpen op het zomerfeest van het speelplein",
        "organization": "speelodroom",
        "description": "Schminken, een spelletje begeleiden of pannenkoeken bakken op het zomerfeest.",
        "place": "Speelplein Heverlee",
        "area": "heverlee",
        "schedule": "Eén zondag eind juni",
        "availability": ["sun-pm"],
        "hours": "4 uur",
        "audience": "Kinderen van 4 tot 12",
        "interests": ["events", "children"],
        "languages": [],
        "places": 8,
        "status": RS.FILLED,
    },
    {
        "key": "nieuwsbrief",
        "title": "De nieuwsbrief mee maken",
        "organization": None,
        "description": "Schrijf korte stukjes over wat er in het netwerk gebeurt en zoek er foto's bij.",
        "place": "Thuis of in het Huis van het Kind",
        "area": None,
        "schedule": "Wanneer het je past",
        "availability": [],
        "hours": "2 uur per maand",
        "audience": "Ouders in Leuven",
        "interests": ["admin"],
        "languages": [],
        "places": 1,
        "status": RS.DRAFT,
    },
]

# name, e-mail or phone, area, interests, languages, availability, status, months since sign-up, roles
# (key, placement status), hours a month given, how long ago they stopped (months).
PEOPLE = [
    (
        "Sara Janssens",
        "sara.janssens@example.org",
        "kessel-lo",
        ["children"],
        ["nl", "fr"],
        ["wed-pm"],
        VS.ACTIVE,
        20,
        [("speelmoment", PS.AGREED)],
        8,
        None,
    ),
    (
        "Youssef El Amrani",
        "youssef.elamrani@example.org",
        "leuven-centrum",
        ["language", "homework"],
        ["ar", "nl", "fr"],
        ["mon-pm", "thu-pm", "tue-am"],
        VS.ACTIVE,
        18,
        [("tolk", PS.AGREED), ("huiswerk", PS.AGREED)],
        10,
        None,
    ),
    (
        "Elif Yılmaz",
        "elif.yilmaz@example.org",
        "heverlee",
        ["language", "welcome"],
        ["tr", "nl", "en"],
        ["tue-am", "fri-am"],
        VS.ACTIVE,
        14,
        [("tolk", PS.AGREED), ("onthaal", PS.AGREED)],
        12,
        None,
    ),
    (
        "Marc Peeters",
        "marc.peeters@example.org",
        "wilsele",
        ["transport", "practical"],
        ["nl"],
        ["mon-am", "wed-am", "fri-am"],
        VS.ACTIVE,
        23,
        [("vervoer", PS.AGREED)],
        6,
        None,
    ),
    (
        "Lotte Vermeulen",
        "lotte.vermeulen@example.org",
        "leuven-centrum",
        ["reading", "children"],
        ["nl", "en"],
        ["sat-am"],
        VS.ACTIVE,
        11,
        [("voorlezen", PS.AGREED)],
        2,
        None,
    ),
    (
        "Olena Kovalenko",
        "olena.kovalenko@example.org",
        "kessel-lo",
        ["children", "language"],
        ["uk", "ru", "en"],
        ["wed-pm", "thu-am"],
        VS.ACTIVE,
        9,
        [("speelmoment", PS.AGREED), ("tolk", PS.PROPOSED)],
        6,
        None,
    ),
    (
        "Jan De Smet",
        "jan.desmet@example.org",
        "heverlee",
        ["homework"],
        ["nl", "fr"],
        ["mon-pm", "thu-pm"],
        VS.ACTIVE,
        16,
        [("huiswerk", PS.AGREED)],
        12,
        None,
    ),
    (
        "Fatima Ouali",
        "0470 11 22 33",
        "leuven-centrum",
        ["family", "children"],
        ["ar", "ber", "nl"],
        ["tue-pm", "wed-pm"],
        VS.ACTIVE,
        13,
        [("gezin-steunen", PS.AGREED)],
        12,
        None,
    ),
    (
        "An Claes",
        "an.claes@example.org",
        "wilsele",
        ["events", "practical"],
        ["nl"],
        ["sat-am", "sat-pm"],
        VS.ACTIVE,
        22,
        [("beurs", PS.AGREED)],
        1,
        None,
    ),
    (
        "Pieter Maes",
        "pieter.maes@example.org",
        "wijgmaal",
        ["events", "children"],
        ["nl", "en"],
        ["sun-pm", "sat-pm"],
        VS.ACTIVE,
        7,
        [("speelpleinfeest", PS.AGREED)],
        0,
        None,
    ),
    (
        "Amina Haidari",
        "amina.haidari@example.org",
        "kessel-lo",
        ["language", "welcome"],
        ["fa", "ps", "en"],
        ["tue-am", "thu-am"],
        VS.ACTIVE,
        5,
        [("tolk", PS.AGREED)],
        4,
        None,
    ),
    (
        "Koen Wouters",
        "koen.wouters@example.org",
        "heverlee",
        ["admin"],
        ["nl", "en"],
        [],
        VS.ACTIVE,
        10,
        [],
        2,
        None,
    ),
    (
        "Nadia Benali",
        "nadia.benali@example.org",
        "leuven-centrum",
        ["homework", "reading"],
        ["ar", "fr", "nl"],
        ["mon-pm", "sat-am"],
        VS.INTAKE,
        1,
        [("huiswerk", PS.PROPOSED)],
        0,
        None,
    ),
    (
        "Tom Jacobs",
        "tom.jacobs@example.org",
        "kessel-lo",
        ["transport"],
        ["nl"],
        ["tue-am", "thu-am"],
        VS.CANDIDATE,
        0,
        [],
        0,
        None,
    ),
    (
        "Mehmet Demir",
        "mehmet.demir@example.org",
        "wilsele",
        ["language", "practical"],
        ["tr", "nl"],
        ["sat-am", "fri-eve"],
        VS.CANDIDATE,
        0,
        [],
        0,
        None,
    ),
    (
        "Hanna Goossens",
        "hanna.goossens@example.org",
        "wijgmaal",
        ["children", "events"],
        ["nl", "de"],
        ["wed-pm", "sun-pm"],
        VS.CANDIDATE,
        1,
        [],
        0,
        None,
    ),
    (
        "Abebe Tesfaye",
        "0486 55 44 33",
        "leuven-centrum",
        ["language", "welcome"],
        ["ti", "en"],
        ["tue-am"],
        VS.CANDIDATE,
        0,
        [],
        0,
        None,
    ),
    (
        "Ines Martens",
        "ines.martens@example.org",
        "heverlee",
        ["family"],
        ["nl", "es"],
        ["thu-pm"],
        VS.CANDIDATE,
        2,
        [],
        0,
        None,
    ),
    (
        "Dries Willems",
        "dries.willems@example.org",
        "kessel-lo",
        ["homework"],
        ["nl"],
        ["mon-pm"],
        VS.INTAKE,
        1,
        [],
        0,
        None,
    ),
    (
        "Zeynep Kaya",
        "zeynep.kaya@example.org",
        "leuven-centrum",
        ["reading", "children"],
        ["tr", "nl"],
        ["sat-am", "wed-pm"],
        VS.CANDIDATE,
        0,
        [],
        0,
        None,
    ),
    (
        "Eva Hermans",
        "eva.hermans@example.org",
        "wilsele",
        ["welcome", "admin"],
        ["nl", "fr", "en"],
        ["fri-am"],
        VS.PAUSED,
        15,
        [("onthaal", PS.AGREED)],
        4,
        None,
    ),
    (
        "Wout Declercq",
        "wout.declercq@example.org",
        "heverlee",
        ["transport"],
        ["nl"],
        ["mon-am"],
        VS.STOPPED,
        24,
        [("vervoer", PS.ENDED)],
        4,
        3,
    ),
    (
        "Sofie Lambrechts",
        "sofie.lambrechts@example.org",
        "kessel-lo",
        ["children"],
        ["nl"],
        ["wed-pm"],
        VS.STOPPED,
        30,
        [("speelmoment", PS.ENDED)],
        6,
        15,
    ),
    (
        "Karim Said",
        "karim.said@example.org",
        "leuven-centrum",
        ["practical"],
        ["ar", "nl"],
        ["sat-pm"],
        VS.DECLINED,
        4,
        [],
        0,
        2,
    ),
    (
        "Lien Verstraeten",
        "lien.verstraeten@example.org",
        "wijgmaal",
        ["family", "children"],
        ["nl"],
        ["tue-pm"],
        VS.ACTIVE,
        6,
        [("gezin-steunen", PS.AGREED)],
        10,
        None,
    ),
]


@dataclass
class VolunteersSummary:
    roles: int = 0
    volunteers: int = 0
    active: int = 0
    written: bool = False

    def line(self) -> str:
        return f"volunteers: {self.roles} roles, {self.volunteers} volunteers ({self.active} active)"


def _months_ago(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return dt.date(year, month + 1, min(today.day, 28))


def _rows(network: Network, today: dt.date) -> dict:
    areas = {a.slug: a for a in Area.objects.for_network(network)}
    orgs = {o.slug: o for o in Organization.objects.for_network(network)}
    roles = {}
    for spec in ROLES:
        roles[spec["key"]] = VolunteerRole(
            id=demo_id(network.slug, "volunteer-role", spec["key"]),
            network=network,
            organization=orgs.get(spec["organization"]) if spec["organization"] else None,
            title=spec["title"],
            description=spec["description"],
            place=spec["place"],
            area=areas.get(spec["area"]) if spec["area"] else None,
            schedule=spec["schedule"],
            availability=spec["availability"],
            hours=spec["hours"],
            audience=spec["audience"],
            interests=spec["interests"],
            languages=spec["languages"],
            insurance=True,
            expenses=spec.get("expenses", False),
            training=spec.get("training", False),
            places=spec["places"],
            status=spec.get("status", RS.OPEN),
        )
    people, placements, hours, created = [], [], [], {}
    now = timezone.now()
    for i, (
        name,
        contact,
        area,
        interests,
        languages,
        slots,
        status,
        months,
        taken,
        per_month,
        stopped,
    ) in enumerate(PEOPLE):
        email, phone = (contact, "") if "@" in contact else ("", contact)
        pk = demo_id(network.slug, "volunteer", name)
        signed_up = _months_ago(today, months)
        started = (
            _months_ago(today, max(months - 1, 0)) if status in (VS.ACTIVE, VS.PAUSED, VS.STOPPED) else None
        )
        ended = _months_ago(today, stopped) if stopped is not None else None
        person = Volunteer(
            id=pk,
            network=network,
            name=name,
            email=email,
            phone=phone,
            contact_key=contact_key(email=email, phone=phone),
            languages=languages,
            availability=slots,
            interests=interests,
            area=areas.get(area),
            motivation="",
            role_wanted=roles[taken[0][0]] if taken and status in (VS.CANDIDATE, VS.INTAKE) else None,
            language="nl",
            consent_at=now,
            status=status,
            intake_on=_months_ago(today, max(months - 1, 0)) if status != VS.CANDIDATE else None,
            agreement_on=started,
            insured_on=started,
            started_on=started,
            ended_on=ended,
        )
        person.token_hash = token_hash(volunteer_token(person))
        people.append(person)
        created[pk] = signed_up
        for key, placement_status in taken:
            placements.append(
                Placement(
                    id=demo_id(network.slug, "placement", f"{name}/{key}"),
                    network=network,
                    volunteer=person,
                    role=roles[key],
                    status=placement_status,
                    started_on=started if placement_status != PS.PROPOSED else None,
                    ended_on=ended if placement_status == PS.ENDED else None,
                )
            )
        if per_month and started:
            last = ended or today
            month = 0
            while (day := _months_ago(last, month)) >= started and month < 24:
                hours.append(
                    VolunteerHours(
                        id=demo_id(network.slug, "volunteer-hours", f"{name}/{month}"),
                        network=network,
                        volunteer=person,
                        role=roles[taken[0][0]] if taken else None,
                        on=day,
                        hours=Decimal(per_month),
                        note="",
                    )
                )
                month += 1
        if i == 0:
            person.motivation = "Ik ben gepensioneerd kleuterjuf en speel graag met kleine kinderen."
    orgs_help = orgs.get("stad-leuven")
    help_requests = [
        HelpRequest(
            id=demo_id(network.slug, "help-request", "boekenmarkt"),
            network=network,
            organization=orgs_help,
            title="Helpende handen voor de kinderboekenmarkt",
            description="We zetten de kramen op, helpen kinderen een boek kiezen en ruimen samen op.",
            on=today + dt.timedelta(days=10),
            hours="13 tot 17 uur",
            place="Bibliotheek Tweebronnen",
            area=areas.get("leuven-centrum"),
            interests=["events", "reading"],
            needed=4,
            asked=5,
        )
    ]
    last_december = dt.date(today.year - 1, 12, 12)
    thanks = [
        ThankYou(
            id=demo_id(network.slug, "thank-you", str(last_december.year)),
            network=network,
            title="Bedankt, vrijwilligers!",
            message="Graag nodigen we je uit voor ons bedankontbijt, samen met de partners van het netwerk.",
            on=last_december,
            place="Huis van het Kind Leuven-centrum",
            sent_to=14,
        )
    ]
    offers = [
        HelpOffer(
            id=demo_id(network.slug, "help-offer", name),
            network=network,
            help_request=help_requests[0],
            volunteer=next(p for p in people if p.name == name),
        )
        for name in ("Lotte Vermeulen", "Pieter Maes")
    ]
    return {
        "roles": list(roles.values()),
        "people": people,
        "placements": placements,
        "hours": hours,
        "created": created,
        "help": help_requests,
        "offers": offers,
        "thanks": thanks,
    }


def _fingerprint(rows: dict) -> str:
    """What the demo's rows should be today: compared with the database to skip an unchanged reload."""
    parts = [f"{r.pk}:{r.status}:{r.title}" for r in rows["roles"]]
    parts += [f"{p.pk}:{p.status}:{p.started_on}:{p.ended_on}" for p in rows["people"]]
    parts += [f"{p.pk}:{p.status}" for p in rows["placements"]]
    parts += [f"{h.pk}:{h.on}" for h in rows["hours"]]
    parts += [f"{h.pk}:{h.on}" for h in rows["help"]] + [f"{t.pk}:{t.on}" for t in rows["thanks"]]
    return hashlib.sha256("|".join(sorted(parts)).encode()).hexdigest()


def _database_fingerprint(network: Network) -> str:
    parts = [
        f"{pk}:{s}:{t}"
        for pk, s, t in VolunteerRole.objects.for_network(network).values_list("pk", "status", "title")
    ]
    parts += [
        f"{pk}:{s}:{a}:{b}"
        for pk, s, a, b in Volunteer.objects.for_network(network).values_list(
            "pk", "status", "started_on", "ended_on"
        )
    ]
    parts += [f"{pk}:{s}" for pk, s in Placement.objects.for_network(network).values_list("pk", "status")]
    parts += [f"{pk}:{on}" for pk, on in VolunteerHours.objects.for_network(network).values_list("pk", "on")]
    parts += [f"{pk}:{on}" for pk, on in HelpRequest.objects.for_network(network).values_list("pk", "on")]
    parts += [f"{pk}:{on}" for pk, on in ThankYou.objects.for_network(network).values_list("pk", "on")]
    return hashlib.sha256("|".join(sorted(parts)).encode()).hexdigest()


def volunteers_load(*, networks: dict[str, Network], today: dt.date) -> VolunteersSummary:
    """Restore Leuven's volunteer roles and volunteers, dated as if loaded on `today`. The volunteer who stopped
    more than a year ago is anonymised, as the retention would have done."""
    network = networks["leuven"]
    rows = _rows(network, today)
    summary = VolunteersSummary()
    if (
        _fingerprint(rows) != _database_fingerprint(network)
        or Volunteer.objects.for_network(network).filter(anonymised_at__isnull=False).count() != 1
    ):
        with transaction.atomic():
            VolunteerAccess.objects.for_network(network).delete()
            HelpOffer.objects.for_network(network).delete()
            HelpRequest.objects.for_network(network).delete()
            ThankYou.objects.for_network(network).delete()
            VolunteerHours.objects.for_network(network).delete()
            Placement.objects.for_network(network).delete()
            Volunteer.objects.for_network(network).delete()
            VolunteerRole.objects.for_network(network).delete()
            VolunteerRole.objects.bulk_create(rows["roles"])
            Volunteer.objects.bulk_create(rows["people"])
            Placement.objects.bulk_create(rows["placements"])
            VolunteerHours.objects.bulk_create(rows["hours"])
            HelpRequest.objects.bulk_create(rows["help"])
            HelpOffer.objects.bulk_create(rows["offers"])
            ThankYou.objects.bulk_create(rows["thanks"])
            for pk, day in rows["created"].items():
                at = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
                Volunteer.objects.filter(pk=pk).update(created_at=at, consent_at=at, updated_at=at)
            _anonymise_old(network, today)
        summary.written = True
    summary.roles = VolunteerRole.objects.for_network(network).count()
    summary.volunteers = Volunteer.objects.for_network(network).count()
    summary.active = Volunteer.objects.for_network(network).filter(status=VS.ACTIVE).count()
    return summary


def _anonymise_old(network: Network, today: dt.date) -> None:
    """The one who stopped fifteen months ago: anonymised as `hvhk volunteers-retention` would have done."""
    volunteers_retention(now=timezone.make_aware(dt.datetime.combine(today, dt.time(12))), network=network)
