"""The demo's funding calls in Leuven: four open calls (one with a joint application in the making, led by the city
with Domo and Bakermat), one call of last year whose application was granted (with its milestones and report), and
one that was refused. The Stad Leuven editor follows calls on their themes.

Dates are relative to the day the demo loads. Rows have stable ids (`demo_id`); a reload on the same day writes
nothing, another day rewrites the network's calls. Funders and amounts are examples."""

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hvhk.accounts.models import User
from hvhk.core.models import Network
from hvhk.demo.files import demo_id
from hvhk.directory.models import Organization
from hvhk.directory.selectors import life_domain_list, target_group_list
from hvhk.projects.models import Application, ApplicationPartner, CallAlert, FundingCall, Milestone

__all__ = ["ProjectsSummary", "projects_load"]

K = FundingCall.FunderKind
S = Application.Status
R = ApplicationPartner.Role
A = ApplicationPartner.Answer

# key, funder, kind, title, days to the deadline (negative: past; or (years back, month, day)), amounts, themes (life-domain and target-group
# names, matched case-insensitively), description.
CALLS = [
    (
        "kbs-armoede",
        "Koning Boudewijnstichting",
        K.FOUNDATION,
        "Samen tegen kinderarmoede: lokale projecten",
        45,
        (Decimal(5000), Decimal(25000)),
        ["geld en rechten", "weinig geld"],
        "Steun voor lokale samenwerkingen die gezinnen in armoede sneller bij de juiste hulp brengen.",
    ),
    (
        "vlaanderen-opvoeding",
        "Vlaamse overheid, Opgroeien",
        K.FLEMISH,
        "Projectoproep preventieve gezinsondersteuning 2027",
        80,
        (None, Decimal(60000)),
        ["opvoeden", "ouders en opvoeders"],
        "Voor Huizen van het Kind die nieuwe vormen van opvoedingsondersteuning uittesten, met aandacht voor "
        "kwetsbare gezinnen.",
    ),
    (
        "provincie-taal",
        "Provincie Vlaams-Brabant",
        K.PROVINCE,
        "Meertaligheid en Nederlands oefenen in de vrije tijd",
        20,
        (Decimal(2000), Decimal(10000)),
        ["taal en samenleven", "nieuwkomers"],
        "Kleine projecten die ouders en kinderen laten oefenen in het Nederlands, met respect voor hun thuistaal.",
    ),
    (
        "stad-buurt",
        "Stad Leuven",
        K.MUNICIPALITY,
        "Buurtbudget: ideeën voor je wijk",
        120,
        (Decimal(500), Decimal(5000)),
        [],
        "Bewoners en organisaties dienen een idee in voor hun buurt. De buurt stemt mee.",
    ),
    (
        "kbs-2025",
        "Koning Boudewijnstichting",
        K.FOUNDATION,
        "Eerste 1000 dagen: samen sterk rond de geboorte",
        (1, 3, 15),
        (Decimal(10000), Decimal(40000)),
        ["zwanger", "aanstaande"],
        "Samenwerking rond zwangerschap en de eerste levensjaren.",
    ),
    (
        "fonds-2025",
        "Fonds Gezinnen in Beweging",
        K.FOUNDATION,
        "Digitale drempels voor ouders",
        -200,
        (None, Decimal(15000)),
        ["school en leren"],
        "Projecten die ouders helpen met digitale schoolplatformen en online aanvragen.",
    ),
]

# key, call, title, status, partners (organisation slug, role, answer), amount asked, granted, days ago submitted,
# days ago decided (or (years back, month, day): the granted one is of last year, whatever today is), summary.
APPLICATIONS = [
    (
        "taalspeelmoment",
        "provincie-taal",
        "Taalspeelmomenten in de buurt",
        S.WRITING,
        [
            ("stad-leuven", R.LEAD, A.ACCEPTED),
            ("domo", R.PARTNER, A.ACCEPTED),
            ("bakermat", R.PARTNER, A.INVITED),
        ],
        Decimal(8500),
        None,
        None,
        None,
        "Wekelijkse speelmomenten waar ouders en peuters samen Nederlands oefenen, met vrijwilligers die de "
        "thuistaal van de ouders spreken.",
    ),
    (
        "eerste-1000",
        "kbs-2025",
        "Samen sterk rond de geboorte in Kessel-Lo",
        S.GRANTED,
        [
            ("kind-en-gezin", R.LEAD, A.ACCEPTED),
            ("uz-leuven-parel", R.PARTNER, A.ACCEPTED),
            ("stad-leuven", R.SUPPORTING, A.ACCEPTED),
        ],
        Decimal(38000),
        Decimal(32000),
        (1, 3, 1),
        (1, 6, 20),
        "Een vroedvrouw en een gezinsondersteuner bezoeken samen jonge gezinnen in Kessel-Lo in de eerste "
        "maanden na de geboorte.",
    ),
    (
        "digitaal",
        "fonds-2025",
        "Ouderspreekuur Smartschool en online aanvragen",
        S.REFUSED,
        [("buurtwerk-t-lampeke", R.LEAD, A.ACCEPTED), ("clb-go-leuven", R.PARTNER, A.ACCEPTED)],
        Decimal(15000),
        None,
        205,
        150,
        "Een wekelijks spreekuur in het buurthuis voor ouders die vastlopen met digitale schoolplatformen.",
    ),
]

TEXT = (
    "Waarom dit project?\nIn onze wijken groeien veel kinderen op met een andere thuistaal. Ouders willen graag "
    "dat hun kinderen Nederlands leren, maar vinden weinig plekken om samen te oefenen.\n\nWat doen we?\nElke week "
    "een speelmoment in het buurthuis ..."
)


@dataclass
class ProjectsSummary:
    calls: int = 0
    applications: int = 0
    written: bool = False

    def line(self) -> str:
        return f"projects: {self.calls} funding calls, {self.applications} joint applications"


def _day(today: dt.date, when, *, ago: bool) -> dt.date:
    """A demo date: days before (ago) or after today, or (years back, month, day)."""
    if isinstance(when, tuple):
        years, month, day = when
        return dt.date(today.year - years, month, day)
    return today - dt.timedelta(days=when) if ago else today + dt.timedelta(days=when)


def _terms(network: Network, words: list[str]) -> tuple[list, list]:
    domains = [t for t in life_domain_list(network=network) if any(w in t.name.casefold() for w in words)]
    groups = [t for t in target_group_list(network=network) if any(w in t.name.casefold() for w in words)]
    return domains, groups


def _wanted(network: Network, today: dt.date) -> str:
    parts = [
        f"{key}:{_day(today, days, ago=False)}:{sum(map(len, _terms(network, words)))}"
        for key, _f, _k, _t, days, _a, words, _d in CALLS
    ]
    parts += [f"{key}:{status}" for key, _c, _t, status, *_ in APPLICATIONS]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _present(network: Network) -> str:
    keys = {demo_id(network.slug, "funding-call", c[0]): c[0] for c in CALLS}
    app_keys = {demo_id(network.slug, "application", a[0]): a[0] for a in APPLICATIONS}
    calls = {
        keys.get(
            call.pk, str(call.pk)
        ): f"{call.deadline}:{call.life_domains.count() + call.target_groups.count()}"
        for call in FundingCall.objects.for_network(network)
    }
    apps = {
        app_keys.get(pk, str(pk)): status
        for pk, status in Application.objects.for_network(network).values_list("pk", "status")
    }
    parts = [f"{key}:{calls[key]}" for key, *_ in CALLS if key in calls]
    parts += [f"{key}:{apps[key]}" for key, *_ in APPLICATIONS if key in apps]
    if len(calls) != len(CALLS) or len(apps) != len(APPLICATIONS):
        return ""
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def projects_load(*, networks: dict[str, Network], today: dt.date) -> ProjectsSummary:
    network = networks["leuven"]
    summary = ProjectsSummary()
    if _wanted(network, today) != _present(network):
        with transaction.atomic():
            _replace(network, today)
        summary.written = True
    summary.calls = FundingCall.objects.for_network(network).count()
    summary.applications = Application.objects.for_network(network).count()
    return summary


def _replace(network: Network, today: dt.date) -> None:
    Milestone.objects.for_network(network).delete()
    ApplicationPartner.objects.for_network(network).delete()
    for application in Application.objects.for_network(network):
        for document in application.documents.all():
            document.file.delete(save=False)
    Application.objects.for_network(network).delete()
    FundingCall.objects.for_network(network).delete()
    CallAlert.objects.for_network(network).delete()
    orgs = {o.slug: o for o in Organization.objects.for_network(network)}
    coordinator = User.objects.filter(email="coordinator@leuven.demo").first()
    calls = {}
    for key, funder, kind, title, days, (low, high), words, description in CALLS:
        call = FundingCall.objects.create(
            id=demo_id(network.slug, "funding-call", key),
            network=network,
            funder=funder,
            funder_kind=kind,
            title=title,
            url="https://example.org/oproepen/" + key,
            description=description,
            eligibility="Vzw's en lokale besturen, bij voorkeur in samenwerking.",
            amount_min=low,
            amount_max=high,
            deadline=_day(today, days, ago=False),
            created_by=coordinator,
            alerted_at=timezone.now(),
        )
        domains, groups = _terms(network, words)
        call.life_domains.set(domains)
        call.target_groups.set(groups)
        calls[key] = call
    for (
        key,
        call_key,
        title,
        status,
        partners,
        asked,
        granted,
        submitted,
        decided,
        summary_text,
    ) in APPLICATIONS:
        application = Application.objects.create(
            id=demo_id(network.slug, "application", key),
            network=network,
            call=calls[call_key],
            title=title,
            summary=summary_text,
            text=TEXT if status == S.WRITING else summary_text,
            status=status,
            amount_asked=asked,
            amount_granted=granted,
            submitted_on=_day(today, submitted, ago=True) if submitted else None,
            decided_on=_day(today, decided, ago=True) if decided else None,
            started_by=coordinator,
            report="Veertig gezinnen kregen bezoek; de meeste vonden daarna vlot de weg naar het consultatiebureau."
            if status == S.GRANTED
            else "",
        )
        for slug, role, answer in partners:
            ApplicationPartner.objects.create(
                network=network,
                application=application,
                organization=orgs[slug],
                role=role,
                answer=answer,
                answered_at=timezone.now() if answer != A.INVITED else None,
            )
        if status == S.GRANTED:
            # Counted from the grant: what is due by today is done, the final report is still to come.
            for i, (name, after) in enumerate(
                [("Start van de huisbezoeken", 45), ("Tussentijdse evaluatie", 200), ("Eindverslag", 540)]
            ):
                due = application.decided_on + dt.timedelta(days=after)
                Milestone.objects.create(
                    id=demo_id(network.slug, "milestone", f"{key}/{i}"),
                    network=network,
                    application=application,
                    title=name,
                    due_on=due,
                    done_on=due if due <= today else None,
                )
    editor = User.objects.filter(email="editor@stad-leuven.demo").first()
    if editor is not None and "stad-leuven" in orgs:
        CallAlert.objects.create(network=network, user=editor, organization=orgs["stad-leuven"])
