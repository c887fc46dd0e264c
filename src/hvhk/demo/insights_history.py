"""Demo: a history for Leuven's insights (issue "Demo"), so every chart of the reach page has something to say.

For the twelve full months before `today` and the same months a year earlier, drawn with a fixed seed (the same
figures on every load of the same day):
- anonymised families' questions as referrals.RequestFacts (reason "retention", as the platform leaves them after
  the retention period): a few hundred a year over the life domains, ages, areas, houses, outcomes and days to
  first contact, a little more this year than the year before;
- the wegwijzer's use (search.MonthlyUse): thousands of searches a month and views of each service;
- searches that found (nearly) nothing (search.ZeroResultQuery), some typed in Arabic, French or English, for the
  months before last month (last month's are the signals demo's, which its proposals are made from).
Every row has a stable key (a demo id, or the unique month/kind/service or month/words), so a reload writes only
what differs and creates nothing twice. Past activity sessions are the activities demo's (a year of the weekly
ones): its loader removes every session it did not plan."""

import datetime as dt
import random
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from hvhk.core.models import Area, Network
from hvhk.demo.files import demo_id
from hvhk.directory.models import House, Service, TaxonomyTerm
from hvhk.referrals.models import AGE_CHOICES, Referral, RequestFacts, SupportRequest
from hvhk.search.models import MonthlyUse, ZeroResultQuery

SEED = 20_161  # issue 16
MONTHS = 24  # twelve months back, and the same months a year earlier
S = Referral.Status
OUTCOMES = (  # (outcome, referrals, weight); "" with referrals: no answer yet; "" without: not referred
    (S.COMPLETED, 1, 30),
    (S.IN_PROGRESS, 1, 14),
    (S.ACCEPTED, 1, 8),
    (S.CLOSED, 1, 6),
    (S.DECLINED, 1, 9),
    ("", 1, 4),
    ("", 0, 29),
)
DAYS = ((0, 8), (1, 20), (2, 16), (3, 12), (4, 9), (6, 8), (9, 7), (13, 5), (20, 4), (35, 2), (None, 9))
AGES = ((0, 10), (1, 26), (2, 20), (3, 22), (4, 15), (5, 7))  # index in AGE_CHOICES, weight
SEASON = (0.95, 1.0, 1.05, 1.0, 0.95, 0.9, 0.7, 0.75, 1.2, 1.15, 1.05, 0.85)  # January .. December
SEARCH_WORDS = (
    "kinderoppas weekend", "zwemles peuter", "hulp huiswerk avond", "budgetbegeleiding", "tweeling",
    "crèche", "aide aux devoirs", "pédiatre dimanche", "logement social",
    "daycare", "speech therapy", "baby swimming", "housing help",
    "حضانة", "دروس اللغة الهولندية", "طبيب أطفال",
)  # fmt: skip


@dataclass
class HistorySummary:
    facts: int = 0
    use_rows: int = 0
    zero_rows: int = 0
    written: int = 0


def _pick(rng: random.Random, weighted):
    return rng.choices([v for v, _w in weighted], weights=[w for _v, w in weighted])[0]


def _months(today: dt.date) -> list[tuple[int, dt.date]]:
    """(months back, first day) for the MONTHS full months before `today`'s month."""
    this = today.replace(day=1)
    return [(back, this - relativedelta(months=back)) for back in range(1, MONTHS + 1)]


def _facts(network: Network, today: dt.date, rng: random.Random) -> list[RequestFacts]:
    domains = list(
        TaxonomyTerm.objects.for_network(network)
        .filter(taxonomy__code="levensdomein")
        .order_by("position", "name")
        .values_list("pk", flat=True)
    )
    areas = list(Area.objects.for_network(network).order_by("slug").values_list("pk", flat=True))
    houses = list(House.objects.for_network(network).order_by("slug").values_list("pk", flat=True))
    domain_weights = [(d, 3 + (7 * i) % 11) for i, d in enumerate(domains)] or [(None, 1)]
    area_weights = [(a, 2 + (5 * i) % 9) for i, a in enumerate(areas)] + [(None, 2)]
    house_weights = [(h, 4 + (3 * i) % 7) for i, h in enumerate(houses)] + [(None, 3)]
    rows = []
    for back, month in _months(today):
        growth = 1.0 if back <= 12 else 0.8
        for n in range(round(rng.gauss(30, 4) * SEASON[month.month - 1] * growth)):
            outcome, referrals = _pick(rng, [((o, r), w) for o, r, w in OUTCOMES])
            ages = sorted({_pick(rng, AGES) for _ in range(1 + (rng.random() < 0.3))})
            days = _pick(rng, DAYS)
            if days is not None:
                days += rng.randrange(3)
            rows.append(
                RequestFacts(
                    pk=demo_id(network.slug, "insights-facts", f"{back}/{n}"),
                    network=network,
                    month=month,
                    source=SupportRequest.Source.ONLINE
                    if rng.random() < 0.7
                    else SupportRequest.Source.PROFESSIONAL,
                    domain_id=_pick(rng, domain_weights),
                    age_bands=[AGE_CHOICES[i][0] for i in ages],
                    area_id=_pick(rng, area_weights),
                    house_id=_pick(rng, house_weights),
                    referrals=referrals,
                    outcome=outcome,
                    days_to_first_contact=days,
                    reason="retention",
                )
            )
    return rows


FACT_FIELDS = (
    "month", "source", "domain_id", "age_bands", "area_id", "house_id", "referrals", "outcome",
    "days_to_first_contact", "reason",
)  # fmt: skip


def _write_facts(network: Network, wanted: list[RequestFacts]) -> int:
    # The demo's own anonymised questions are the network's "retention" facts: others are the demo's past.
    RequestFacts.objects.for_network(network).filter(reason="retention").exclude(
        pk__in=[f.pk for f in wanted]
    ).delete()
    existing = RequestFacts.objects.for_network(network).in_bulk([f.pk for f in wanted])
    new = [f for f in wanted if f.pk not in existing]
    changed = [
        f
        for f in wanted
        if f.pk in existing and any(getattr(existing[f.pk], n) != getattr(f, n) for n in FACT_FIELDS)
    ]
    RequestFacts.objects.bulk_create(new, batch_size=500)
    RequestFacts.objects.bulk_update(changed, FACT_FIELDS, batch_size=500)
    return len(new) + len(changed)


def _use(network: Network, today: dt.date, rng: random.Random) -> dict[tuple, int]:
    services = list(
        Service.objects.for_network(network)
        .filter(status=Service.Status.ACTIVE)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    popularity = {s: rng.paretovariate(1.6) for s in services}
    wanted: dict[tuple, int] = {}
    for back, month in _months(today):
        factor = SEASON[month.month - 1] * (1.0 if back <= 12 else 0.78)
        wanted[month, MonthlyUse.Kind.SEARCH, None] = round(rng.gauss(3200, 250) * factor)
        for service in services:
            wanted[month, MonthlyUse.Kind.SERVICE_VIEW, service] = max(
                1, round(18 * popularity[service] * factor * rng.uniform(0.8, 1.2))
            )
    return wanted


def _write_use(network: Network, today: dt.date, wanted: dict[tuple, int]) -> int:
    months = [month for _back, month in _months(today)]
    existing = {
        (row.month, row.kind, row.service_id): row
        for row in MonthlyUse.objects.for_network(network).filter(month__in=months)
    }
    new, changed = [], []
    for (month, kind, service), count in wanted.items():
        row = existing.get((month, kind, service))
        if row is None:
            new.append(MonthlyUse(network=network, month=month, kind=kind, service_id=service, count=count))
        elif row.count != count:
            row.count = count
            changed.append(row)
    MonthlyUse.objects.bulk_create(new, batch_size=500)
    MonthlyUse.objects.bulk_update(changed, ["count"], batch_size=500)
    return len(new) + len(changed)


def _zero(today: dt.date, rng: random.Random) -> dict[tuple, tuple[int, int]]:
    wanted = {}
    for back, month in _months(today):
        if back < 2:  # last month's are the signals demo's
            continue
        for words in rng.sample(SEARCH_WORDS, 6):
            wanted[month, words] = (1 + rng.randrange(8), rng.randrange(3))
    return wanted


def _write_zero(network: Network, today: dt.date, wanted: dict[tuple, tuple[int, int]]) -> int:
    months = [month for back, month in _months(today) if back >= 2]
    existing = {
        (row.month, row.query): row
        for row in ZeroResultQuery.objects.for_network(network).filter(
            month__in=months, query__in=SEARCH_WORDS
        )
    }
    new, changed = [], []
    for (month, words), (count, found) in wanted.items():
        row = existing.pop((month, words), None)
        if row is None:
            new.append(
                ZeroResultQuery(network=network, month=month, query=words, count=count, max_results=found)
            )
        elif (row.count, row.max_results) != (count, found):
            row.count, row.max_results = count, found
            changed.append(row)
    ZeroResultQuery.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()  # no longer drawn
    ZeroResultQuery.objects.bulk_create(new, batch_size=500)
    ZeroResultQuery.objects.bulk_update(changed, ["count", "max_results"], batch_size=500)
    return len(new) + len(changed)


def insights_history_load(*, networks: dict[str, Network], today: dt.date) -> HistorySummary:
    """Write Leuven's insights history as of `today` (see the module); returns what there is and how many rows
    were written."""
    network = networks["leuven"]
    rng = random.Random(SEED)  # noqa: S311 - demo figures, not secrets
    summary = HistorySummary()
    facts = _facts(network, today, rng)
    use = _use(network, today, rng)
    zero = _zero(today, rng)
    summary.written = (
        _write_facts(network, facts) + _write_use(network, today, use) + _write_zero(network, today, zero)
    )
    summary.facts, summary.use_rows, summary.zero_rows = len(facts), len(use), len(zero)
    return summary
