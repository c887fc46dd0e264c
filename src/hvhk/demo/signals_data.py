"""The demo's signals: what Leuven's partners and parents noticed over the last fourteen months, bundled into five
themes (waiting lists in childcare, reaching newcomer families, teenagers' mental health, affordable leisure time,
digital barriers), a few duplicates merged, parents' own contributions and a call to take part; and last year's
policy note, which carried the first two themes to the college, with the municipality's answer on each.

The note is made the way a coordinator makes one, through the notes services: its signals go from "bundled in a
theme" to "taken to policy" when it is finalised and to "answered" when the answer is recorded, each step in their
trail (dated afterwards to when it happened in the demo's story).

Dates are relative to the day the demo loads (`months` before it). Rows have stable ids (`demo_id`); a reload on
the same day finds every row as it should be and writes nothing, another day rewrites the signals of the demo
network. Nothing here names a family: signals never do.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hvhk.accounts.models import User
from hvhk.core.models import Area, Network
from hvhk.demo.files import demo_id
from hvhk.directory.models import Organization
from hvhk.directory.selectors import life_domain_list
from hvhk.network.models import Body
from hvhk.search.models import ZeroResultQuery
from hvhk.signals.models import (
    CallSignup,
    ParticipationCall,
    PolicyNote,
    PolicyNoteSection,
    Signal,
    SignalEvent,
    Theme,
    ThemeAnswer,
    VoiceContribution,
)
from hvhk.signals.services import notes as note_services
from hvhk.signals.services.proposals import signals_propose

__all__ = ["SignalsSummary", "signals_load"]

S = Signal.Status
SRC = Signal.Source
TZ = ZoneInfo(settings.TIME_ZONE)

THEMES = [
    {
        "key": "opvang",
        "title": "Wachtlijsten in de kinderopvang",
        "description": "Ouders vinden geen plaats in de kinderopvang op het moment dat ze weer gaan werken of een "
        "opleiding starten. Wie laat zoekt of onregelmatig werkt, staat het langst op de wachtlijst.",
        "proposal": "Extra plaatsen met een inkomenstarief in Kessel-Lo en Wilsele, en één aanmeldpunt voor alle "
        "opvang in Leuven, zodat ouders maar één keer hoeven aan te vragen.",
        "body": "Werkgroep kwetsbare gezinnen",
        "status": Theme.Status.ANSWERED,
    },
    {
        "key": "nieuwkomers",
        "title": "Nieuwkomersgezinnen bereiken",
        "description": "Gezinnen die pas in Leuven wonen, kennen het aanbod niet. Folders en websites in het "
        "Nederlands bereiken hen niet; ze komen pas als er al problemen zijn.",
        "proposal": "Een brugfiguur met een tolk in het onthaal van de stad en folders in vijf talen.",
        "body": "Werkgroep kwetsbare gezinnen",
        "status": Theme.Status.ANSWERED,
    },
    {
        "key": "tieners",
        "title": "Mentaal welzijn van tieners",
        "description": "Scholen en jeugdwerk zien meer tieners met angst en somberheid. De wachttijd bij de "
        "jongerenhulp is lang, en ouders weten niet waar ze intussen terechtkunnen.",
        "proposal": "Een laagdrempelig aanspreekpunt voor tieners en hun ouders, op een vaste avond in het Huis "
        "van het Kind, samen met het CLB en het CAW.",
        "body": None,
        "status": Theme.Status.OPEN,
    },
    {
        "key": "vrije-tijd",
        "title": "Betaalbare vrije tijd voor kinderen",
        "description": "Kampen en sportclubs zijn te duur voor een deel van de gezinnen, ook met de UiTPAS. Ook "
        "het materiaal (sportschoenen, een fiets) is een drempel.",
        "proposal": "Het kansentarief van de UiTPAS uitbreiden naar kampen en een uitleendienst voor "
        "sportmateriaal.",
        "body": "Werkgroep vrije tijd",
        "status": Theme.Status.OPEN,
    },
    {
        "key": "digitaal",
        "title": "Digitale drempels bij aanvragen",
        "description": "Het Groeipakket, de kinderopvang en de school vragen steeds vaker om online aan te vragen. "
        "Ouders zonder computer of met weinig digitale vaardigheden lopen zo rechten mis.",
        "proposal": "Vaste momenten met hulp bij online aanvragen in elke deelgemeente.",
        "body": None,
        "status": Theme.Status.OPEN,
    },
]

# key, theme, title, source, partner slug, months ago, status, age bands, target groups, life domain, area,
# reporters, merged into
SIGNALS = [
    ("opvang-1", "opvang", "Geen opvangplaats bij terugkeer naar het werk", SRC.PARTNER, "kind-en-gezin", 13,
     S.ANSWERED, ["0-3"], ["all"], "kinderopvang", "Kessel-Lo", 4, None),
    ("opvang-2", "opvang", "Wachtlijst van zes maanden voor een opvangplaats", SRC.PARTNER, "ocmw-leuven", 12,
     S.ANSWERED, ["0-3"], ["poverty", "single_parents"], "kinderopvang", "Wilsele", 2, None),
    ("opvang-3", "opvang", "Geen opvang voor ouders met wisselende uren", SRC.WORKING_GROUP, None, 11,
     S.ANSWERED, ["0-3", "3-6"], ["single_parents"], "kinderopvang", "Leuven", 3, None),
    ("opvang-4", "opvang", "Opvang voor een opleiding telt niet mee als voorrang", SRC.PARTNER, "leren-ondernemen",
     5, S.THEMED, ["0-3"], ["newcomers"], "kinderopvang", "Leuven-centrum", 1, None),
    ("opvang-5", "opvang", "Ouders haken af bij het aanmelden in meerdere opvangplaatsen", SRC.PARENTS, None, 2,
     S.THEMED, ["0-3"], ["all"], "kinderopvang", None, 1, None),
    ("opvang-6", "opvang", "Wachtlijst opvang Kessel-Lo", SRC.PARTNER, "ckg-de-schommel", 12, S.MERGED,
     ["0-3"], ["all"], "kinderopvang", "Kessel-Lo", 1, "opvang-1"),
    ("nieuw-1", "nieuwkomers", "Nieuwe gezinnen kennen het consultatiebureau niet", SRC.PARTNER,
     "kind-en-preventie", 12, S.ANSWERED, ["zwanger", "0-3"], ["newcomers"], "gezondheid", "Kessel-Lo", 3, None),
    ("nieuw-2", "nieuwkomers", "Folders alleen in het Nederlands", SRC.WORKING_GROUP, None, 11, S.ANSWERED,
     ["0-3", "3-6", "6-12"], ["newcomers", "language"], "taal", "Leuven", 2, None),
    ("nieuw-3", "nieuwkomers", "Geen tolk bij het eerste gesprek", SRC.PARTNER, "caw-oost-brabant", 6, S.THEMED,
     [], ["newcomers", "language"], "taal", "Leuven-centrum", 2, None),
    ("nieuw-4", "nieuwkomers", "Moeders met een baby zitten geïsoleerd thuis", SRC.PARTNER, "inloopteam-de-mobil",
     4, S.THEMED, ["0-3"], ["newcomers"], "opvoeding", "Kessel-Lo", 2, None),
    ("nieuw-5", "nieuwkomers", "Inschrijven in de school lukt niet zonder hulp", SRC.PARTNER, "clb-go-leuven", 3,
     S.LOOKING, ["3-6", "6-12"], ["newcomers", "language"], "onderwijs", "Leuven", 1, None),
    ("nieuw-6", "nieuwkomers", "Nieuwkomers vinden de speelpleinwerking niet", SRC.PARTNER, "speelodroom", 5,
     S.MERGED, ["6-12"], ["newcomers"], "vrije-tijd", "Leuven", 1, "nieuw-4"),
    ("tiener-1", "tieners", "Lange wachttijd bij de jongerenhulp", SRC.PARTNER, "caw-oost-brabant", 7, S.THEMED,
     ["12-18"], ["all"], "welzijn", "Leuven", 3, None),
    ("tiener-2", "tieners", "Meer tieners met angst op school", SRC.PARTNER, "vclb-leuven", 6, S.THEMED,
     ["12-18"], ["all"], "welzijn", "Heverlee", 2, None),
    ("tiener-3", "tieners", "Ouders weten niet waar ze terechtkunnen met een sombere tiener", SRC.PARENTS, None,
     4, S.THEMED, ["12-18"], ["all"], "opvoeding", None, 1, None),
    ("tiener-4", "tieners", "Jongeren haken af in het jeugdwerk", SRC.PARTNER, "sporen", 3, S.LOOKING,
     ["12-18"], ["poverty"], "vrije-tijd", "Kessel-Lo", 1, None),
    ("tiener-5", "tieners", "Schoolverzuim bij tieners na de coronajaren", SRC.FIGURES, None, 2, S.NEW,
     ["12-18"], ["all"], "onderwijs", "Leuven", 1, None),
    ("tiener-6", "tieners", "Jongvolwassenen vallen tussen twee stoelen", SRC.PARTNER, "domo", 1, S.NEW,
     ["18-24"], ["young_parents"], "welzijn", "Leuven", 1, None),
    ("vrij-1", "vrije-tijd", "Kampen te duur, ook met kansentarief", SRC.PARTNER, "gezinsbond", 8, S.THEMED,
     ["6-12"], ["poverty"], "vrije-tijd", "Leuven", 2, None),
    ("vrij-2", "vrije-tijd", "Geen sportmateriaal om mee te doen", SRC.WORKING_GROUP, None, 6, S.THEMED,
     ["6-12", "12-18"], ["poverty"], "vrije-tijd", "Kessel-Lo", 2, None),
    ("vrij-3", "vrije-tijd", "Weinig aanbod voor kinderen met een beperking", SRC.PARTNER, "mfc-combo", 5, S.THEMED,
     ["3-6", "6-12"], ["disability"], "vrije-tijd", "Heverlee", 1, None),
    ("vrij-4", "vrije-tijd", "UiTPAS onbekend bij nieuwe gezinnen", SRC.PARTNER, "stad-leuven", 3, S.LOOKING,
     ["3-6", "6-12"], ["newcomers", "poverty"], "geld", "Leuven", 1, None),
    ("vrij-5", "vrije-tijd", "Speelpleinen vol in de zomer", SRC.PARENTS, None, 4, S.NEW, ["3-6", "6-12"],
     ["all"], "vrije-tijd", "Wilsele", 1, None),
    ("dig-1", "digitaal", "Groeipakket aanvragen lukt niet zonder computer", SRC.PARTNER, "ocmw-leuven", 6,
     S.THEMED, [], ["poverty", "language"], "geld", "Leuven", 2, None),
    ("dig-2", "digitaal", "Online aanmelden voor de school is een drempel", SRC.PARTNER, "clb-go-leuven", 4,
     S.THEMED, ["3-6", "6-12"], ["language"], "onderwijs", "Leuven", 2, None),
    ("dig-3", "digitaal", "Ouders missen berichten van de school in de app", SRC.PARENTS, None, 3, S.LOOKING,
     ["6-12"], ["language"], "onderwijs", None, 1, None),
    ("dig-4", "digitaal", "Itsme als drempel voor jonge ouders", SRC.PARTNER, "huis-van-het-kind-leuven", 2,
     S.NEW, ["0-3"], ["young_parents"], "geld", "Leuven", 1, None),
    ("los-1", None, "Geen kraamzorg in het weekend", SRC.PARTNER, "uz-leuven-parel", 1, S.NEW, ["zwanger"],
     ["all"], "zwangerschap", "Leuven", 1, None),
    ("los-2", None, "Weinig plaats in de budgetbegeleiding", SRC.PARTNER, "caw-oost-brabant", 2, S.LOOKING, [],
     ["poverty"], "geld", "Leuven", 1, None),
    ("los-3", None, "Wachtlijst voor logopedie na de zomer", SRC.PARTNER, "vclb-leuven", 9, S.CLOSED,
     ["3-6", "6-12"], ["all"], "gezondheid", "Heverlee", 1, None),
]  # fmt: skip

DESCRIPTIONS = {
    SRC.PARTNER: "Onze medewerkers horen dit steeds vaker in gesprekken met gezinnen. {extra}",
    SRC.WORKING_GROUP: "In de werkgroep kwam dit bij meerdere partners terug. {extra}",
    SRC.PARENTS: "Ouders vertelden het ons zelf, in de oudergroep en aan het onthaal. {extra}",
    SRC.FIGURES: "De cijfers van de voorbije maanden tonen het. {extra}",
}
EVIDENCE = {
    "opvang-1": "Sinds januari 14 gezinnen die zonder opvang weer aan het werk moesten. "
    "Een moeder: “Ik heb mijn job bijna moeten opgeven.”",
    "opvang-2": "Gemiddelde wachttijd 6 maanden (informatie van 3 opvanglocaties).",
    "nieuw-1": "Van de 40 nieuwkomersgezinnen met een baby kwamen er 9 naar het consultatiebureau.",
    "nieuw-3": "“Mijn buurvrouw moest vertalen, over mijn schulden.”",
    "tiener-1": "Wachttijd voor een eerste gesprek: 10 weken.",
    "tiener-2": "Het CLB telde dit schooljaar 35 % meer vragen over angst.",
    "vrij-1": "Een kamp van een week kost 120 tot 180 euro; met kansentarief blijft er 40 tot 60 euro over.",
    "dig-1": "Het OCMW hielp dit jaar 62 gezinnen met een online aanvraag voor het Groeipakket.",
}

CONTRIBUTIONS = [
    # key, text, life domain, ages, area, months ago, status, linked signal
    ("stem-1", "Ik zoek al maanden opvang voor mijn dochter. Overal hoor ik dat er een wachtlijst is.",
     "kinderopvang", ["0-3"], "Kessel-Lo", 3, VoiceContribution.Status.LINKED, "opvang-5"),
    ("stem-2", "Er is te weinig te doen voor tieners in onze wijk, vooral in de winter.", "vrije-tijd",
     ["12-18"], "Wilsele", 2, VoiceContribution.Status.NEW, None),
    ("stem-3", "De website van de school is alleen in het Nederlands. Ik begrijp de brieven niet.", "onderwijs",
     ["6-12"], "Leuven", 2, VoiceContribution.Status.LINKED, "dig-3"),
    ("stem-4", "Een plek om andere mama's te ontmoeten, 's avonds, zou fijn zijn.", "opvoeding", ["0-3"],
     "Heverlee", 1, VoiceContribution.Status.NEW, None),
    ("stem-5", "Mijn zoon is somber en ik weet niet bij wie ik kan aankloppen.", "welzijn", ["12-18"], None,
     4, VoiceContribution.Status.SIGNAL, "tiener-3"),
    ("stem-6", "Het speelplein zat vol toen we kwamen.", "vrije-tijd", ["3-6"], "Wilsele", 4,
     VoiceContribution.Status.SIGNAL, "vrij-5"),
]  # fmt: skip

REPORTERS = {  # who reported a signal without a partner: the working group's trekker, or the coordinator
    SRC.WORKING_GROUP: "editor@caw-oost-brabant.demo",
    SRC.PARENTS: "coordinator@leuven.demo",
    SRC.FIGURES: "coordinator@leuven.demo",
}


COORDINATOR = "coordinator@leuven.demo"

# Last year's note: the themes it carried (their answered signals are written "bundled in a theme"; the note and
# the answer move them on), its texts and what the municipality answered on each theme.
NOTE = {
    "title": "Signalen uit de gezinnen {period}",
    "introduction": "Het Huis van het Kind Leuven verzamelt het hele jaar signalen van partners, werkgroepen en "
    "ouders. In deze nota brengen we de twee thema's die het vaakst terugkwamen, met onze voorstellen.",
    "closing": "We bespreken deze nota graag met het college. Het netwerk volgt de signalen verder op en brengt "
    "volgend jaar verslag uit over wat er veranderde.",
    "themes": ["opvang", "nieuwkomers"],
    "texts": {
        "opvang": "Partners en ouders melden dat gezinnen maanden wachten op een plaats in de kinderopvang. Vooral "
        "ouders die weer gaan werken of een opleiding starten, en ouders met wisselende uren, vallen uit de boot.",
        "nieuwkomers": "Nieuwe gezinnen in Leuven kennen het aanbod niet. Ze komen pas als er al problemen zijn, "
        "omdat folders en websites alleen in het Nederlands zijn.",
    },
    "answers": {
        "opvang": "Het college opent dit najaar dertig extra plaatsen met een inkomenstarief in Kessel-Lo en "
        "Wilsele. Eén aanmeldpunt voor alle opvang in Leuven wordt onderzocht met de opvangsector.",
        "nieuwkomers": "De stad werft een halftijdse brugfiguur voor het onthaal van nieuwkomersgezinnen. De "
        "folder van het Huis van het Kind wordt vertaald in vijf talen.",
    },
}


@dataclass
class SignalsSummary:
    signals: int = 0
    themes: int = 0
    contributions: int = 0
    notes: int = 0
    answers: int = 0
    proposals: int = 0
    written: bool = False

    def line(self) -> str:
        return (
            f"signals: {self.signals} signals in {self.themes} themes (and {self.proposals} "
            f"proposal{'s' if self.proposals != 1 else ''} from last month's figures), {self.contributions} parents' "
            f"contributions, {self.notes} policy note{'s' if self.notes != 1 else ''} with "
            f"{self.answers} answer{'s' if self.answers != 1 else ''} of the municipality"
        )


def _at(today: dt.date, months: int, day: int = 12) -> dt.datetime:
    moment = today - relativedelta(months=months)
    return dt.datetime(moment.year, moment.month, min(day, 28), 10, 0, tzinfo=TZ)


class _Demo:
    def __init__(self, network: Network, today: dt.date) -> None:
        self.network = network
        self.today = today
        self.orgs = {o.slug: o for o in Organization.objects.for_network(network)}
        self.domains = {t.code: t for t in life_domain_list(network=network)}
        self.areas = {a.name: a for a in Area.objects.for_network(network)}
        self.bodies = {b.name: b for b in Body.objects.for_network(network)}
        self.users = {u.email: u for u in User.objects.filter(email__endswith=".demo")}

    def id(self, kind: str, key: str):
        return demo_id(self.network.slug, kind, key)

    def _reporter(self, source: str, org_slug: str | None) -> User | None:
        email = f"editor@{org_slug}.demo" if org_slug else REPORTERS[source]
        return self.users.get(email)

    def wanted(self) -> dict[str, list]:
        themes = [
            Theme(
                id=self.id("theme", spec["key"]),
                network=self.network,
                title=spec["title"],
                description=spec["description"],
                proposal=spec["proposal"],
                status=Theme.Status.OPEN if spec["key"] in NOTE["themes"] else spec["status"],
                body=self.bodies.get(spec["body"]) if spec["body"] else None,
                created_by=self.users.get(COORDINATOR),
            )
            for spec in THEMES
        ]
        for theme, spec in zip(themes, THEMES, strict=True):
            theme._final_status = spec["status"]  # what the note and the answer make of it
        signals, events, created = [], [], {}
        for (
            key,
            theme,
            title,
            source,
            org,
            months,
            status,
            ages,
            groups,
            domain,
            area,
            count,
            merged,
        ) in SIGNALS:
            pk = self.id("signal", key)
            final_status = status
            if theme in NOTE["themes"] and status == S.ANSWERED:
                status = S.THEMED  # last year's note takes it to policy, the municipality's answer answers it
            created[pk] = _at(self.today, months, day=3 + len(signals) % 24)
            reporter = self._reporter(source, org)
            extra = EVIDENCE.get(key, "").split(".")[0] if source == SRC.FIGURES else ""
            signal = Signal(
                id=pk,
                network=self.network,
                title=title,
                description=DESCRIPTIONS[source].format(extra=extra).strip(),
                noticed_since=(created[pk] - relativedelta(months=2)).date().replace(day=1),
                frequency=Signal.Frequency.WEEKLY if count > 1 else Signal.Frequency.MONTHLY,
                age_bands=ages,
                target_groups=groups,
                life_domain=self.domains.get(domain),
                area=self.areas.get(area) if area else None,
                source=source,
                origin=Signal.Origin.VOICE if source == SRC.PARENTS else Signal.Origin.PORTAL,
                evidence=EVIDENCE.get(key, ""),
                status=status,
                theme_id=self.id("theme", theme) if theme else None,
                organization=self.orgs.get(org) if org else None,
                body=self.bodies.get("Werkgroep kwetsbare gezinnen") if source == SRC.WORKING_GROUP else None,
                reported_by=reporter,
                reporter_count=count,
                merged_into_id=self.id("signal", merged) if merged else None,
                status_changed_at=created[pk] + dt.timedelta(days=14) if status != S.NEW else None,
            )
            signal.created_at = created[pk]  # for the comparison with what is there; written after the insert
            signal._final_status = final_status
            signals.append(signal)
            events.append(self._event(signal, "reported", SignalEvent.Action.REPORTED, reporter, created[pk]))
            if status not in (S.NEW, S.MERGED):
                events.append(
                    self._event(
                        signal,
                        "status",
                        SignalEvent.Action.STATUS,
                        self.users.get(COORDINATOR),
                        created[pk] + dt.timedelta(days=14),
                        from_status=S.NEW,
                        to_status=status,
                    )
                )
            if merged:
                events.append(
                    self._event(
                        signal,
                        "merged",
                        SignalEvent.Action.MERGED,
                        self.users.get(COORDINATOR),
                        created[pk] + dt.timedelta(days=10),
                        from_status=S.NEW,
                        to_status=S.MERGED,
                        related=self.id("signal", merged),
                    )
                )
        contributions = []
        for key, text, domain, ages, area, months, status, signal in CONTRIBUTIONS:
            contributions.append(
                VoiceContribution(
                    id=self.id("voice", key),
                    network=self.network,
                    kind=VoiceContribution.Kind.VOICE,
                    text=text,
                    life_domain=self.domains.get(domain),
                    age_bands=ages,
                    area=self.areas.get(area) if area else None,
                    language="nl",
                    status=status,
                    signal_id=self.id("signal", signal) if signal else None,
                    moderated_by=self.users.get(COORDINATOR) if signal else None,
                    moderated_at=_at(self.today, months, day=20) if signal else None,
                )
            )
            created[self.id("voice", key)] = _at(self.today, months, day=15)
        call = ParticipationCall(
            id=self.id("call", "oudergroep"),
            network=self.network,
            title="Oudergroep: hoe moet het nieuwe Huis van het Kind eruitzien?",
            description="We bouwen een nieuw Huis van het Kind in Kessel-Lo. Wat moet er zeker in? Kom een avond "
            "met ons meedenken, met koffie en opvang voor de kinderen.",
            starts_at=dt.datetime.combine(self.today + dt.timedelta(days=24), dt.time(19, 30), tzinfo=TZ),
            place="Huis van het Kind Leuven-centrum, Brusselsestraat 63, 3000 Leuven",
            capacity=15,
            signup_until=dt.datetime.combine(self.today + dt.timedelta(days=21), dt.time(23, 59), tzinfo=TZ),
            status=ParticipationCall.Status.PUBLISHED,
            theme_id=self.id("theme", "nieuwkomers"),
            created_by=self.users.get(COORDINATOR),
        )
        signups = [
            CallSignup(
                id=self.id("signup", name),
                network=self.network,
                call=call,
                name=f"Familie {name}",
                email=f"{name.lower()}@example.org",
                language=language,
            )
            for name, language in (("Haddad", "ar"), ("Peeters", "nl"), ("Yilmaz", "tr"))
        ]
        return {
            "themes": themes,
            "signals": signals,
            "events": events,
            "contributions": contributions,
            "calls": [call],
            "signups": signups,
            "created": created,
        }

    def _event(self, signal, key, action, user, at, *, from_status="", to_status="", related=None):
        event = SignalEvent(
            id=self.id("signal-event", f"{signal.pk}/{key}"),
            network=self.network,
            signal=signal,
            action=action,
            from_status=from_status,
            to_status=to_status,
            user=user,
            user_label=(user.get_full_name() or user.email) if user else "",
            related_signal_id=related,
        )
        event._at = at
        return event


def _same(rows: list, model, fields: tuple[str, ...], network: Network) -> bool:
    """The rows are there as the demo leaves them (a status the note changes is compared with its end). Signals
    proposed from the figures (`proposals_load`) are not the demo's own rows and are left out."""
    existing = model.objects.for_network(network)
    if model is Signal:
        existing = existing.filter(proposal_key="")
    have = set(existing.values_list("pk", *fields))
    want = {(row.pk, *(getattr(row, f"_final_{f}", getattr(row, f)) for f in fields)) for row in rows}
    return have == want


def _note_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """Last year's note: the twelve months that ended ten months ago (the first of its signals came in then)."""
    end = (today - relativedelta(months=9)).replace(day=1) - dt.timedelta(days=1)
    start = (end + dt.timedelta(days=1)) - relativedelta(months=12)
    return start, end


def _note_title(start: dt.date, end: dt.date) -> str:
    period = str(end.year) if start.year == end.year else f"{start.year}-{end.year}"
    return NOTE["title"].format(period=period)


def _note_is_there(network: Network, today: dt.date) -> bool:
    start, end = _note_period(today)
    note = (
        PolicyNote.objects.for_network(network)
        .filter(
            title=_note_title(start, end), period_start=start, period_end=end, status=PolicyNote.Status.FINAL
        )
        .first()
    )
    return (
        note is not None
        and PolicyNote.objects.for_network(network).count() == 1
        and set(note.answers.values_list("theme_id", flat=True))
        == {demo_id(network.slug, "theme", key) for key in NOTE["themes"]}
        and ThemeAnswer.objects.for_network(network).count() == len(NOTE["themes"])
    )


def notes_load(*, network: Network, today: dt.date) -> None:
    """Last year's policy note, made through the services as the coordinator would: created over the period with
    the two themes, the texts written, finalised, and the municipality's answer recorded on each theme. The rows
    and the steps in the signals' trails are then dated to when they happened in the demo's story."""
    coordinator = User.objects.get(email=COORDINATOR)
    start, end = _note_period(today)
    made = dt.datetime.combine(end + dt.timedelta(days=7), dt.time(9, 0), tzinfo=TZ)
    finalised = made + dt.timedelta(days=14)
    answered = finalised + dt.timedelta(days=49)
    themes = {key: Theme.objects.get(pk=demo_id(network.slug, "theme", key)) for key in NOTE["themes"]}
    note = note_services.policy_note_create(
        network=network,
        title=_note_title(start, end),
        period_start=start,
        period_end=end,
        themes=list(themes.values()),
        introduction=NOTE["introduction"],
        acting_user=coordinator,
    )
    note = note_services.policy_note_update(
        note=note,
        title=note.title,
        period_start=start,
        period_end=end,
        addressee=note.addressee,
        introduction=note.introduction,
        closing=NOTE["closing"],
        acting_user=coordinator,
    )
    for section in note.sections.select_related("theme"):
        key = next(k for k, theme in themes.items() if theme.pk == section.theme_id)
        note_services.policy_note_section_update(
            section=section, text=NOTE["texts"][key], proposal=section.proposal, acting_user=coordinator
        )
    since = timezone.now()  # the demo's own steps are all dated before this moment
    note = note_services.policy_note_finalise(note=note, acting_user=coordinator)
    note_steps = list(
        SignalEvent.objects.for_network(network).filter(created_at__gte=since).values_list("pk", flat=True)
    )
    for key, theme in themes.items():
        note_services.theme_answer_record(
            theme=theme,
            note=note,
            answered_on=answered.date(),
            answer=NOTE["answers"][key],
            acting_user=coordinator,
        )
    events = SignalEvent.objects.for_network(network).filter(created_at__gte=since)
    events.filter(pk__in=note_steps).update(created_at=finalised, updated_at=finalised)
    events.exclude(pk__in=note_steps).update(created_at=answered, updated_at=answered)
    PolicyNote.objects.filter(pk=note.pk).update(
        created_at=made, updated_at=finalised, finalised_at=finalised
    )
    PolicyNoteSection.objects.filter(note=note).update(created_at=made, updated_at=made)
    ThemeAnswer.objects.for_network(network).update(created_at=answered, updated_at=answered)
    Signal.objects.for_network(network).filter(theme__in=themes.values(), status=S.ANSWERED).update(
        status_changed_at=answered
    )


# What families searched on Leuven's wegwijzer last month without finding (nearly) anything: the normalised words,
# how often, the most results any search found. With the demo's other figures (services overdue for a check,
# waiting lists, declined referrals) they make last month's proposals for the coordinator.
SEARCH_GAPS = (
    ("nachtopvang", 9, 0),
    ("babysit avond", 7, 1),
    ("سكن اجتماعي", 6, 0),  # social housing, typed in Arabic
    ("autisme tiener", 5, 2),
)


def proposals_load(*, network: Network, today: dt.date) -> int:
    """Last month's search gaps, then last month's proposals from the figures, made as the monthly command makes
    them (`signals_propose`: a proposal made before is not made again). Returns the open proposals."""
    month = today.replace(day=1) - relativedelta(months=1)
    for query, count, found in SEARCH_GAPS:
        row, created = ZeroResultQuery.objects.get_or_create(
            network=network, month=month, query=query, defaults={"count": count, "max_results": found}
        )
        if not created and (row.count, row.max_results) != (count, found):
            ZeroResultQuery.objects.filter(pk=row.pk).update(count=count, max_results=found)
    if month <= timezone.localdate().replace(day=1):  # a demo dated in the future proposes nothing
        signals_propose(network=network, month=month)
    return Signal.objects.for_network(network).filter(status=S.PROPOSED).count()


def signals_load(*, networks: dict[str, Network], today: dt.date) -> SignalsSummary:
    """Restore Leuven's signals, themes, parents' contributions and call, dated as if loaded on `today`, and last
    year's policy note with the municipality's answer (`notes_load`)."""
    network = networks["leuven"]
    demo = _Demo(network, today)
    rows = demo.wanted()
    summary = SignalsSummary()
    unchanged = (
        _same(rows["themes"], Theme, ("title", "status", "proposal"), network)
        and _same(
            rows["signals"], Signal, ("title", "status", "theme_id", "reporter_count", "created_at"), network
        )
        and _same(rows["contributions"], VoiceContribution, ("text", "status", "signal_id"), network)
        and _same(rows["calls"], ParticipationCall, ("title", "starts_at"), network)
        and _note_is_there(network, today)
    )
    if not unchanged:
        with transaction.atomic():
            _replace(network, rows)
            notes_load(network=network, today=today)
        summary.written = True
    summary.proposals = proposals_load(network=network, today=today)
    summary.signals = Signal.objects.for_network(network).exclude(status__in=(S.MERGED, S.PROPOSED)).count()
    summary.themes = Theme.objects.for_network(network).count()
    summary.contributions = VoiceContribution.objects.for_network(network).count()
    summary.notes = PolicyNote.objects.for_network(network).count()
    summary.answers = ThemeAnswer.objects.for_network(network).count()
    return summary


def _replace(network: Network, rows: dict) -> None:
    """Remove the network's signals data and write the demo's."""
    ThemeAnswer.objects.for_network(network).delete()
    PolicyNote.objects.for_network(network).delete()
    CallSignup.objects.for_network(network).delete()
    ParticipationCall.objects.for_network(network).delete()
    VoiceContribution.objects.for_network(network).delete()
    SignalEvent.objects.for_network(network).delete()
    Signal.objects.for_network(network).update(merged_into=None)
    Signal.objects.for_network(network).delete()
    Theme.objects.for_network(network).delete()
    for theme in rows["themes"]:
        theme.full_clean()
    Theme.objects.bulk_create(rows["themes"])
    merged = [s for s in rows["signals"] if s.merged_into_id]  # written after the signals they point at
    Signal.objects.bulk_create([s for s in rows["signals"] if not s.merged_into_id])
    Signal.objects.bulk_create(merged)
    SignalEvent.objects.bulk_create(rows["events"])
    VoiceContribution.objects.bulk_create(rows["contributions"])
    ParticipationCall.objects.bulk_create(rows["calls"])
    CallSignup.objects.bulk_create(rows["signups"])
    created = rows["created"]
    for model in (Signal, VoiceContribution):
        for pk in model.objects.for_network(network).values_list("pk", flat=True):
            if pk in created:
                model.objects.filter(pk=pk).update(created_at=created[pk], updated_at=created[pk])
    for event in rows["events"]:
        SignalEvent.objects.filter(pk=event.pk).update(created_at=event._at, updated_at=event._at)
