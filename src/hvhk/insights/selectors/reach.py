"""Reach (issue "Reach"): what the network did for families in a calendar year, per month and compared with the
year before, in counts only.

- Families' questions: the live requests (referrals.SupportRequest) plus what stays of anonymised or erased ones
  (referrals.RequestFacts). Anonymisation writes the facts and deletes the request in one transaction, so a
  question is in exactly one of the two and adding them counts none twice. Counted in the month the question came
  in, by life domain, age (referrals' own bands mapped onto the insights bands: "0-3" is 0 to 2 years, ... ; a
  question about children of several ages counts in each), area, house, source, outcome (the best status its
  referrals reached) and days to first contact (calendar days, as the facts keep them; "within a week" stands for
  five working days).
- Referrals (referrals.Referral, in the month they were sent) by status and by receiving organisation, plus those
  of anonymised questions (RequestFacts.referrals, in the month of the question; their best status is kept, the
  others' status and every receiving organisation are not).
- Activities: sessions held (not cancelled), persons present (Session.present_count) and confirmed
  registrations, per month and by pillar, house and kind.
- Wegwijzer use (search.MonthlyUse, search.ZeroResultQuery): searches, service views, searches that found
  (nearly) nothing and the words most often typed in them (only words counted 3 times or more), most viewed
  services. These count pages, not people: they are not suppressed.

Every count of people goes through hvhk.insights.suppression. Partner staff (`organization` given) get only
their organisation's figures: referrals to it, views of its services, its activities; never the network's
questions or searches.

`reach_year` costs a fixed number of queries, whatever the size of the network (rows are grouped in the database
or read as plain values once)."""

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hvhk.activities.models import Activity, Registration, Session
from hvhk.core.models import Area, Network
from hvhk.directory.models import House, Organization, Pillar, TaxonomyTerm
from hvhk.insights.bands import AGE_BANDS, BAND_LABELS
from hvhk.insights.charts import Chart, bar_chart, line_chart, number
from hvhk.insights.suppression import suppress_table
from hvhk.referrals.models import Referral, RequestFacts, SupportRequest
from hvhk.search.models import MonthlyUse, ZeroResultQuery

# referrals.AGE_CHOICES -> insights band ("0-3" is "0 tot 3 jaar": 0 up to the third birthday, so 0-2 years)
REQUEST_AGE_BANDS = {
    "zwanger": "zwangerschap",
    "0-3": "0-2",
    "3-6": "3-5",
    "6-12": "6-11",
    "12-18": "12-17",
    "18-24": "18-24",
}
S = Referral.Status
# The best status a question's referrals reached, best first (as referrals.services.retention keeps it).
OUTCOME_ORDER = (S.COMPLETED, S.IN_PROGRESS, S.ACCEPTED, S.CLOSED, S.DECLINED)
NO_ANSWER = "waiting"  # referred, no answer yet
NOT_REFERRED = "none"
UNKNOWN = "unknown"
ANONYMISED = "anonymised"
FIRST_WEEK_DAYS = 7  # five working days
DAY_BUCKETS = (
    ("0", 0, 0, gettext_lazy("dezelfde dag")),
    ("1-7", 1, 7, gettext_lazy("1 tot 7 dagen")),
    ("8-14", 8, 14, gettext_lazy("8 tot 14 dagen")),
    ("15-30", 15, 30, gettext_lazy("15 tot 30 dagen")),
    ("31+", 31, None, gettext_lazy("meer dan 30 dagen")),
)
MIN_ZERO_RESULT_COUNT = 3  # words typed fewer times are not listed
TOP_QUERIES = 15
TOP_SERVICES = 15


@dataclass(frozen=True)
class ReachTable:
    """One table of reach: rows (`labels`) by columns; for counts of people the cells and totals are suppressed
    (an int, "< 5" or "×"). `monthly` tables have the twelve months as rows and the previous and this year as
    columns; they are drawn as lines, the others as bars."""

    key: str  # its name in the CSV's URL
    title: str
    label_header: str
    columns: tuple[str, ...]
    labels: tuple[str, ...]
    cells: tuple[tuple[int | str, ...], ...]
    row_totals: tuple[int | str, ...]
    column_totals: tuple[int | str, ...]
    total: int | str
    people: bool
    monthly: bool = False
    totals: bool = True  # whether totals mean something (not for a list of top words)
    note: str = ""

    @property
    def headers(self) -> list[str]:
        return [
            self.label_header,
            *self.columns,
            *([_("Totaal")] if self.totals and len(self.columns) > 1 else []),
        ]

    @property
    def rows(self) -> list[list[int | str]]:
        """The rows with their totals, then a row of column totals (the CSV's and the page's table)."""
        wide = self.totals and len(self.columns) > 1
        out = [
            [label, *cells, *([total] if wide else [])]
            for label, cells, total in zip(self.labels, self.cells, self.row_totals, strict=True)
        ]
        if self.totals and self.labels:
            out.append([_("Totaal"), *self.column_totals, *([self.total] if wide else [])])
        return out

    def year_total(self, year: int) -> int | str:
        """The total of `year` (HIDDEN when hidden); 0 when the table has no column for that year (a year without
        any figures is left out)."""
        if str(year) not in self.columns:
            return 0
        return self.column_totals[self.columns.index(str(year))]

    def chart(self) -> Chart:
        series = {
            column: [row[i] for row in self.cells]  # a hidden count keeps its marker ("< 5" or "×")
            for i, column in enumerate(self.columns)
        }
        summary = self.summary()
        if self.monthly:
            return line_chart(
                title=self.title,
                summary=summary,
                labels=list(self.labels),
                series=series,
                label_header=self.label_header,
            )
        return bar_chart(
            title=self.title,
            summary=summary,
            labels=list(self.labels),
            series=series,
            label_header=self.label_header,
            horizontal=True,
            height=max(2.4, 0.42 * len(self.labels) * max(1, len(self.columns) / 1.5) + 1),
        )

    def summary(self) -> str:
        if not self.labels:
            return _("Nog geen cijfers.")
        lead = self.note + " " if self.note else ""
        if not self.totals:
            top = self.labels[0]
            return lead + _("Het vaakst: %(label)s (%(n)s).") % {"label": top, "n": number(self.cells[0][-1])}
        parts = [
            _("%(column)s: %(n)s") % {"column": column, "n": number(total)}
            for column, total in zip(self.columns, self.column_totals, strict=True)
        ]
        return lead + _("Samen: %(parts)s.") % {"parts": "; ".join(parts)}


@dataclass(frozen=True)
class ReachYear:
    """The reach of a network (or of one organisation in it) in `year`, with `year - 1` to compare."""

    network: Network
    year: int
    organization: Organization | None
    tables: tuple[ReachTable, ...]
    # days to first contact, per year (previous, this): the median and the share within a week (None: too few)
    median_days: tuple[float | None, float | None] = (None, None)
    within_week: tuple[float | None, float | None] = (None, None)
    sections: dict[str, tuple[str, ...]] = field(default_factory=dict)  # section -> table keys

    def table(self, key: str) -> ReachTable:
        return next(t for t in self.tables if t.key == key)

    def section(self, name: str) -> list[ReachTable]:
        return [self.table(key) for key in self.sections.get(name, ())]


# --- building tables -----------------------------------------------------------------------------------------


def _months(year: int) -> tuple[str, ...]:
    return tuple(str(MONTHS_3[m]) for m in range(1, 13))


def _table(
    key: str,
    title: str,
    label_header: str,
    columns: Sequence[str],
    rows: Sequence[tuple[str, Sequence[int]]],
    *,
    people: bool,
    monthly: bool = False,
    totals: bool = True,
    note: str = "",
) -> ReachTable:
    labels = tuple(label for label, _values in rows)
    values = [list(v) for _label, v in rows]
    if len(columns) > 1 and values:
        # A year without any count (before the platform was used) is left out rather than shown as zeros: for
        # people, hidden zeros would hide the other year's figures with them; for the rest, a flat line of zeros
        # says nothing. Only counts of people leave out this year too (the pages' own counts of this year are
        # shown, even when there are none).
        empty = [
            i
            for i in range(len(columns))
            if not any(v[i] for v in values) and (people or i < len(columns) - 1)
        ]
        if empty and len(empty) < len(columns):
            note = " ".join(
                [note, *(_("Geen cijfers voor %(column)s.") % {"column": columns[i]} for i in empty)]
            ).strip()
            columns = [c for i, c in enumerate(columns) if i not in empty]
            values = [[x for i, x in enumerate(v) if i not in empty] for v in values]
    if people and values:
        hidden = suppress_table(values)
        cells, row_totals, column_totals, total = (
            hidden.cells,
            hidden.row_totals,
            hidden.column_totals,
            hidden.total,
        )
    else:
        cells = values
        row_totals = [sum(v) for v in values]
        column_totals = [sum(v[i] for v in values) for i in range(len(columns))]
        total = sum(row_totals)
    return ReachTable(
        key=key,
        title=title,
        label_header=label_header,
        columns=tuple(columns),
        labels=labels,
        cells=tuple(tuple(row) for row in cells),
        row_totals=tuple(row_totals),
        column_totals=tuple(column_totals),
        total=total,
        people=people,
        monthly=monthly,
        totals=totals,
        note=note,
    )


class _Tally:
    """Counts per (year index 0/1, month 1..12) and per (year index, label key)."""

    def __init__(self) -> None:
        self.month: Counter = Counter()
        self.by: dict[str, Counter] = defaultdict(Counter)

    def add(self, index: int, month: int, n: int = 1, **keys) -> None:
        self.month[index, month] += n
        for dimension, value in keys.items():
            for one in value if isinstance(value, list | tuple) else [value]:
                self.by[dimension][index, one] += n

    def monthly(self) -> list[tuple[str, list[int]]]:
        return [(label, [self.month[0, m + 1], self.month[1, m + 1]]) for m, label in enumerate(_months(0))]

    def rows(self, dimension: str, order: Iterable[tuple[object, str]], *, keep_empty: bool = False):
        counter = self.by[dimension]
        rows = [(label, [counter[0, key], counter[1, key]]) for key, label in order]
        return [row for row in rows if keep_empty or any(row[1])]


def _year_index(day: dt.date, year: int) -> int | None:
    return {year - 1: 0, year: 1}.get(day.year)


def _local_month(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date().replace(day=1)


def _bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    zone = timezone.get_current_timezone()
    return (
        dt.datetime(year - 1, 1, 1, tzinfo=zone),
        dt.datetime(year + 1, 1, 1, tzinfo=zone),
    )


def _outcome(statuses: set[str], referrals: int) -> str:
    if not referrals:
        return NOT_REFERRED
    return next((s for s in OUTCOME_ORDER if s in statuses), NO_ANSWER)


def _days_bucket(days: int | None) -> str:
    if days is None:
        return UNKNOWN
    for key, low, high, _label in DAY_BUCKETS:
        if days >= low and (high is None or days <= high):
            return key
    return UNKNOWN


def _whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _named(model, ids: Iterable, network: Network, attribute: str = "name") -> dict:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(model.objects.for_network(network).filter(pk__in=ids).values_list("pk", attribute))


def _ordered(names: dict, unknown: str) -> list[tuple[object, str]]:
    order = sorted(((key, str(name)) for key, name in names.items()), key=lambda pair: pair[1].lower())
    return [*order, (None, unknown)]


# --- the figures ---------------------------------------------------------------------------------------------


def _questions(network: Network, year: int, columns: Sequence[str]) -> tuple[list[ReachTable], dict]:
    start, end = _bounds(year)
    tally = _Tally()
    days: dict[int, list[int]] = {0: [], 1: []}
    live = list(
        SupportRequest.objects.for_network(network)
        .filter(created_at__gte=start, created_at__lt=end)
        .values_list(
            "pk", "created_at", "domain_id", "ages", "area_id", "house_id", "source", "first_contact_at"
        )
    )
    statuses: dict[object, set[str]] = defaultdict(set)
    for request_id, status in (
        Referral.objects.for_network(network)
        .filter(request__created_at__gte=start, request__created_at__lt=end)
        .values_list("request_id", "status")
    ):
        statuses[request_id].add(status)
    facts = list(
        RequestFacts.objects.for_network(network)
        .filter(month__gte=start.date(), month__lt=end.date())
        .values_list(
            "month", "domain_id", "age_bands", "area_id", "house_id", "source", "referrals", "outcome",
            "days_to_first_contact",
        )
    )  # fmt: skip
    rows = []
    for pk, created, domain, ages, area, house, source, first_contact in live:
        found = statuses.get(pk, set())
        waited = max(0, (first_contact - created).days) if first_contact else None
        rows.append(
            (_local_month(created), domain, ages, area, house, source, _outcome(found, len(found)), waited)
        )
    for month, domain, ages, area, house, source, referrals, outcome, waited in facts:
        rows.append((month, domain, ages, area, house, source, outcome or _outcome(set(), referrals), waited))
    for month, domain, ages, area, house, source, outcome, waited in rows:
        index = _year_index(month, year)
        if index is None:
            continue
        bands = sorted({REQUEST_AGE_BANDS.get(a, UNKNOWN) for a in ages or []}) or [UNKNOWN]
        tally.add(
            index,
            month.month,
            domain=domain,
            age=bands,
            area=area,
            house=house,
            source=source,
            outcome=outcome,
            days=_days_bucket(waited),
        )
        if waited is not None:
            days[index].append(waited)
    domains = _named(TaxonomyTerm, {k for _i, k in tally.by["domain"]}, network)
    areas = _named(Area, {k for _i, k in tally.by["area"]}, network)
    houses = _named(House, {k for _i, k in tally.by["house"]}, network)
    unknown = _("onbekend")
    outcomes = [
        *((s, str(S(s).label)) for s in OUTCOME_ORDER),
        (NO_ANSWER, _("doorverwezen, nog geen antwoord")),
        (NOT_REFERRED, _("niet doorverwezen")),
    ]
    tables = [
        _table(
            "questions", _("Vragen van gezinnen per maand"), _("Maand"), columns, tally.monthly(),
            people=True, monthly=True,
        ),
        _table(
            "questions-domain", _("Vragen per levensdomein"), _("Levensdomein"), columns,
            tally.rows("domain", _ordered(domains, unknown)), people=True,
        ),
        _table(
            "questions-age", _("Vragen per leeftijd van de kinderen"), _("Leeftijd"), columns,
            tally.rows("age", [*((b, str(BAND_LABELS[b])) for b in AGE_BANDS), (UNKNOWN, unknown)]),
            people=True, note=_("Een vraag over kinderen van verschillende leeftijden telt bij elke leeftijd."),
        ),
        _table(
            "questions-area", _("Vragen per gemeente"), _("Gemeente"), columns,
            tally.rows("area", _ordered(areas, unknown)), people=True,
        ),
        _table(
            "questions-house", _("Vragen per huis"), _("Huis"), columns,
            tally.rows("house", _ordered(houses, _("geen huis"))), people=True,
        ),
        _table(
            "questions-source", _("Vragen per manier van aanmelden"), _("Aangemeld"), columns,
            tally.rows("source", [(s.value, str(s.label)) for s in SupportRequest.Source]), people=True,
        ),
        _table(
            "questions-outcome", _("Vragen per resultaat"), _("Beste resultaat van de doorverwijzingen"),
            columns, tally.rows("outcome", outcomes), people=True,
        ),
        _table(
            "questions-days", _("Dagen tot het eerste contact"), _("Eerste contact na"), columns,
            tally.rows(
                "days", [*((key, str(label)) for key, _l, _h, label in DAY_BUCKETS), (UNKNOWN, _("nog geen contact"))]
            ),
            people=True,
        ),
    ]  # fmt: skip
    medians = tuple(_whole(statistics.median(days[i])) if len(days[i]) >= 5 else None for i in (0, 1))
    within = tuple(
        round(100 * sum(d <= FIRST_WEEK_DAYS for d in days[i]) / len(days[i])) if len(days[i]) >= 5 else None
        for i in (0, 1)
    )
    return tables, {"median_days": medians, "within_week": within}


def _referrals(
    network: Network, year: int, columns: Sequence[str], organization: Organization | None
) -> list[ReachTable]:
    start, end = _bounds(year)
    referrals = Referral.objects.for_network(network).filter(created_at__gte=start, created_at__lt=end)
    if organization is not None:
        referrals = referrals.filter(organization=organization)
    tally = _Tally()
    for created, status, org in referrals.values_list("created_at", "status", "organization_id"):
        month = _local_month(created)
        index = _year_index(month, year)
        if index is not None:
            tally.add(index, month.month, status=status, organization=org)
    if organization is None:  # anonymised questions keep how many referrals and the best status, not to whom
        facts = RequestFacts.objects.for_network(network).filter(
            month__gte=start.date(), month__lt=end.date(), referrals__gt=0
        )
        for month, n, outcome in facts.values_list("month", "referrals", "outcome"):
            index = _year_index(month, year)
            if index is None:
                continue
            best = 1 if outcome else 0
            tally.add(index, month.month, n, organization=ANONYMISED)
            if best:
                tally.by["status"][index, outcome] += 1
            if n - best:
                tally.by["status"][index, ANONYMISED] += n - best
    organizations = _named(Organization, {k for _i, k in tally.by["organization"]} - {ANONYMISED}, network)
    anonymised = _("niet meer bekend (geanonimiseerd)")
    note = (
        _("Van een geanonimiseerde vraag blijft enkel het beste resultaat van haar doorverwijzingen bewaard.")
        if organization is None
        else ""
    )
    tables = [
        _table(
            "referrals", _("Doorverwijzingen per maand"), _("Maand"), columns, tally.monthly(),
            people=True, monthly=True,
        ),
        _table(
            "referrals-status", _("Doorverwijzingen per status"), _("Status"), columns,
            tally.rows("status", [*((s.value, str(s.label)) for s in S), (ANONYMISED, anonymised)]),
            people=True, note=note,
        ),
    ]  # fmt: skip
    if organization is None:
        tables.append(
            _table(
                "referrals-organization", _("Doorverwijzingen per ontvangende organisatie"), _("Organisatie"),
                columns,
                tally.rows("organization", [*_ordered(organizations, _("onbekend")), (ANONYMISED, anonymised)]),
                people=True,
            )
        )  # fmt: skip
    return tables


def _activities(
    network: Network, year: int, columns: Sequence[str], organization: Organization | None
) -> list[ReachTable]:
    start, end = _bounds(year)
    sessions = Session.objects.for_network(network).filter(  # held: not cancelled, begun already
        starts_at__gte=start, starts_at__lt=min(end, timezone.now()), is_cancelled=False
    )
    registrations = Registration.objects.for_network(network).filter(status=Registration.Status.CONFIRMED)
    if organization is not None:
        sessions = sessions.filter(activity__service__organization=organization)
        registrations = registrations.filter(activity__service__organization=organization)
    held, present, booked = _Tally(), _Tally(), _Tally()
    grouped = sessions.values_list(
        "starts_at", "activity__pillar", "activity__house_id", "activity__kind", "present_count"
    )
    for starts, pillar, house, kind, persons in grouped:
        month = _local_month(starts)
        index = _year_index(month, year)
        if index is None:
            continue
        held.add(index, month.month, pillar=pillar, house=house, kind=kind)
        if persons:
            present.add(index, month.month, persons, pillar=pillar, house=house, kind=kind)
    dated = registrations.annotate(day=Coalesce("session__starts_at", "created_at")).filter(
        day__gte=start, day__lt=end
    )
    for day, n in dated.values_list("day").annotate(n=Count("pk")).values_list("day", "n"):
        month = _local_month(day)
        index = _year_index(month, year)
        if index is not None:
            booked.add(index, month.month, n)
    houses = _named(House, {k for _i, k in held.by["house"]}, network)
    pillars = [(k.value, str(k.label)) for k in Pillar.Kind]
    kinds = [(k.value, str(k.label)) for k in Activity.Kind]
    no_house = _("geen huis")
    tables = [
        _table(
            "sessions", _("Activiteiten per maand (momenten)"), _("Maand"), columns, held.monthly(),
            people=False, monthly=True,
        ),
        _table(
            "attendance", _("Aanwezigen op activiteiten per maand"), _("Maand"), columns, present.monthly(),
            people=True, monthly=True,
        ),
        _table(
            "registrations", _("Inschrijvingen voor activiteiten per maand"), _("Maand"), columns,
            booked.monthly(), people=True, monthly=True,
        ),
        _table(
            "sessions-pillar", _("Activiteiten per basispijler (momenten)"), _("Pijler"), columns,
            held.rows("pillar", pillars), people=False,
        ),
        _table(
            "attendance-pillar", _("Aanwezigen per basispijler"), _("Pijler"), columns,
            present.rows("pillar", pillars), people=True,
        ),
        _table(
            "sessions-house", _("Activiteiten per huis (momenten)"), _("Huis"), columns,
            held.rows("house", _ordered(houses, no_house)), people=False,
        ),
        _table(
            "attendance-house", _("Aanwezigen per huis"), _("Huis"), columns,
            present.rows("house", _ordered(houses, no_house)), people=True,
        ),
        _table(
            "sessions-kind", _("Activiteiten per soort (momenten)"), _("Soort"), columns,
            held.rows("kind", kinds), people=False,
        ),
        _table(
            "attendance-kind", _("Aanwezigen per soort activiteit"), _("Soort"), columns,
            present.rows("kind", kinds), people=True,
        ),
    ]  # fmt: skip
    return tables


def _wegwijzer(
    network: Network, year: int, columns: Sequence[str], organization: Organization | None
) -> list[ReachTable]:
    first, after = dt.date(year - 1, 1, 1), dt.date(year + 1, 1, 1)
    use = MonthlyUse.objects.for_network(network).filter(month__gte=first, month__lt=after)
    if organization is not None:
        use = use.filter(kind=MonthlyUse.Kind.SERVICE_VIEW, service__organization=organization)
    searches, views = _Tally(), _Tally()
    for month, kind, n in (
        use.values_list("month", "kind").annotate(n=Sum("count")).values_list("month", "kind", "n")
    ):
        index = _year_index(month, year)
        if index is not None:
            (searches if kind == MonthlyUse.Kind.SEARCH else views).add(index, month.month, n)
    # The most viewed services, summed per service in the database (a year of views is a row per service and
    # month: tens of thousands for a large network).
    this_year = dt.date(year, 1, 1)
    top = list(
        use.filter(kind=MonthlyUse.Kind.SERVICE_VIEW)
        .values_list("service_id", "service__name")
        .annotate(
            now=Coalesce(Sum("count", filter=Q(month__gte=this_year)), 0),
            before=Coalesce(Sum("count", filter=Q(month__lt=this_year)), 0),
        )
        .filter(now__gt=0)
        .order_by("-now", "-before", "service__name")
        .values_list("service__name", "before", "now")[:TOP_SERVICES]
    )
    tables = []
    if organization is None:
        tables.append(
            _table(
                "searches", _("Zoekopdrachten in de wegwijzer per maand"), _("Maand"), columns,
                searches.monthly(), people=False, monthly=True,
            )
        )  # fmt: skip
    tables.append(
        _table(
            "service-views", _("Bekeken aanbod in de wegwijzer per maand"), _("Maand"), columns,
            views.monthly(), people=False, monthly=True,
        )
    )  # fmt: skip
    tables.append(
        _table(
            "top-services", _("Meest bekeken aanbod"), _("Aanbod"), columns,
            [(name, [before, now]) for name, before, now in top], people=False, totals=False,
            note=_("De %(n)d meest bekeken aanbodpagina's in %(year)d.") % {"n": TOP_SERVICES, "year": year},
        )
    )  # fmt: skip
    if organization is None:
        tables += _zero_results(network, year, columns)
    return tables


def _zero_results(network: Network, year: int, columns: Sequence[str]) -> list[ReachTable]:
    first, after = dt.date(year - 1, 1, 1), dt.date(year + 1, 1, 1)
    zero = ZeroResultQuery.objects.for_network(network).filter(month__gte=first, month__lt=after)
    tally = _Tally()
    for month, n in zero.values_list("month").annotate(n=Sum("count")).values_list("month", "n"):
        index = _year_index(month, year)
        if index is not None:
            tally.add(index, month.month, n)
    words = (
        zero.filter(month__year=year)
        .values_list("query")
        .annotate(n=Sum("count"))
        .filter(n__gte=MIN_ZERO_RESULT_COUNT)
        .order_by("-n", "query")
        .values_list("query", "n")[:TOP_QUERIES]
    )
    return [
        _table(
            "zero-results", _("Zoekopdrachten zonder (bijna) resultaat per maand"), _("Maand"), columns,
            tally.monthly(), people=False, monthly=True,
        ),
        _table(
            "zero-result-words", _("Zoekwoorden die (bijna) niets vonden"), _("Zoekwoorden"),
            [str(year)], [(query, [n]) for query, n in words], people=False, totals=False,
            note=_("Enkel woorden die minstens %(n)d keer gezocht zijn.") % {"n": MIN_ZERO_RESULT_COUNT},
        ),
    ]  # fmt: skip


SECTIONS = ("questions", "referrals", "activities", "wegwijzer")


def reach_year(
    *,
    network: Network,
    year: int,
    organization: Organization | None = None,
    sections: Sequence[str] = SECTIONS,
) -> ReachYear:
    """The reach of `network` in `year` (and `year - 1` to compare); with `organization`, only that partner's
    own figures (see the module). Only the `sections` asked for are counted (a page that shows one section
    need not count the others); families' questions are never counted for an organisation."""
    columns = (str(year - 1), str(year))
    counted: dict[str, tuple[str, ...]] = {}
    tables: list[ReachTable] = []
    extra: dict = {}

    def add(name: str, built: list[ReachTable]) -> None:
        counted[name] = tuple(t.key for t in built)
        tables.extend(built)

    if organization is None and "questions" in sections:
        questions, extra = _questions(network, year, columns)
        add("questions", questions)
    if "referrals" in sections:
        add("referrals", _referrals(network, year, columns, organization))
    if "activities" in sections:
        add("activities", _activities(network, year, columns, organization))
    if "wegwijzer" in sections:
        add("wegwijzer", _wegwijzer(network, year, columns, organization))
    return ReachYear(
        network=network,
        year=year,
        organization=organization,
        tables=tuple(tables),
        sections=counted,
        **extra,
    )


def year_totals(*, network: Network, year: int, organization: Organization | None = None) -> ReachTable:
    """The start page's figure: for the network its families' questions, for a partner the referrals to it,
    per month of `year` and `year - 1`, suppressed. The same table as reach_year's "questions" (or, for a
    partner, "referrals"), counted per month in the database instead of row by row."""
    start, end = _bounds(year)
    tally = _Tally()
    zone = timezone.get_current_timezone()
    if organization is None:
        key, title = "questions", _("Vragen van gezinnen per maand")
        live = SupportRequest.objects.for_network(network).filter(created_at__gte=start, created_at__lt=end)
        facts = (
            RequestFacts.objects.for_network(network)
            .filter(month__gte=start.date(), month__lt=end.date())
            .values_list("month")
            .annotate(n=Count("pk"))
            .values_list("month", "n")
        )
    else:
        key, title = "referrals", _("Doorverwijzingen per maand")
        live = Referral.objects.for_network(network).filter(
            created_at__gte=start, created_at__lt=end, organization=organization
        )
        facts = []
    months = (
        live.annotate(local_month=TruncMonth("created_at", tzinfo=zone))
        .values_list("local_month")
        .annotate(n=Count("pk"))
        .values_list("local_month", "n")
    )
    for month, n in [*((m.date() if isinstance(m, dt.datetime) else m, n) for m, n in months), *facts]:
        index = _year_index(month, year)
        if index is not None:
            tally.add(index, month.month, n)
    return _table(
        key, title, _("Maand"), (str(year - 1), str(year)), tally.monthly(), people=True, monthly=True
    )
