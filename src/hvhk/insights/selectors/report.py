"""The annual report (jaarverslag) of one network over one calendar year: a cover, the coordinator's introduction,
one chapter per part of the network's work, the closing; laid out as an A4 PDF by WeasyPrint.

Each chapter is one function `<part>_chapter(*, network, year) -> Chapter`: a title, a few short sentences
generated around the figures (in Dutch, numbers and dates in Belgian Dutch), charts (inline SVG from
`hvhk.insights.charts`) and tables. Counts of people (families' questions, referrals, registrations, attendance)
go through `hvhk.insights.suppression`: a count under 5 reads "< 5" and no total gives one away; a comparison with
the year before is only made when both years are shown. Counts of services, meetings and signals are not people
and are shown whole.

The figures come from the same selectors as the insights pages: the coverage matrix and the houses' pillars
(selectors.coverage), reach (selectors.reach), so the report and the pages never disagree."""

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.contrib.staticfiles import finders
from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from hvhk.core.lib.pdf import logo_data_url
from hvhk.core.models import Network
from hvhk.directory.models import House, Membership, Pillar, Service
from hvhk.insights.bands import AGE_BANDS, BAND_LABELS, service_bands
from hvhk.insights.charts import Chart, bar_chart, number
from hvhk.insights.models import ReportText
from hvhk.insights.selectors.coverage import coverage_matrix, house_pillars
from hvhk.insights.selectors.overview import domain_chart
from hvhk.insights.selectors.reach import ReachTable, ReachYear, reach_year
from hvhk.insights.suppression import HIDDEN, THRESHOLD, in_words, shown
from hvhk.network.models import Body, Decision, Declaration, Meeting, Signature
from hvhk.projects.selectors import applications_in_year, lead_of
from hvhk.signals.models import PolicyNote, Signal, Theme, ThemeAnswer
from hvhk.volunteers.selectors import year_count

FIRST_YEAR = 2000
THIN = 2  # a life domain or age band with this many active services or fewer is "thin"


@dataclass(frozen=True)
class Table:
    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    numeric_from: int = 1  # the columns from this one on hold figures (right-aligned)


@dataclass
class Chapter:
    key: str  # the anchor of the chapter in the document (the table of contents links to it)
    title: str
    paragraphs: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class Report:
    network: Network
    year: int
    introduction: str
    closing: str
    chapters: list[Chapter]
    logo: str = ""  # the network's logo as a data: URL, or ""


# --- small helpers ----------------------------------------------------------------------------------------------


def report_years(*, today: dt.date | None = None) -> list[int]:
    """The years a report can be asked for in the portal: this year and the four before, newest first."""
    this_year = (today or timezone.localdate()).year
    return [year for year in range(this_year, this_year - 5, -1) if year >= FIRST_YEAR]


def year_is_valid(year: int, *, today: dt.date | None = None) -> bool:
    return FIRST_YEAR <= year <= (today or timezone.localdate()).year


def report_text(*, network: Network, year: int) -> ReportText | None:
    return ReportText.objects.for_network(network).filter(year=year).first()


def _span(year: int) -> tuple[dt.datetime, dt.datetime]:
    """The year as [start, end) in the site's time zone."""
    zone = timezone.get_current_timezone()
    return dt.datetime(year, 1, 1, tzinfo=zone), dt.datetime(year + 1, 1, 1, tzinfo=zone)


def _in_year(name: str, year: int) -> Q:
    start, end = _span(year)
    return Q(**{f"{name}__gte": start, f"{name}__lt": end})


def _months() -> list[str]:
    return [str(MONTHS_3[m]) for m in range(1, 13)]


def _per_month(datetimes: Sequence[dt.datetime]) -> list[int]:
    counts = [0] * 12
    for moment in datetimes:
        counts[timezone.localtime(moment).month - 1] += 1
    return counts


def _compared(now, before, year: int) -> str:
    """ ", 14 % meer dan in 2025" (or less, or as many): only when both counts are shown and the year before had
    enough to compare with (from 3 to 25 is no "733 % more")."""
    if not isinstance(now, int) or not isinstance(before, int) or before < THRESHOLD:
        return ""
    change = round((now - before) * 100 / before)
    if change == 0:
        return _(", evenveel als in %(year)d") % {"year": year - 1}
    words = _("%(pct)s %% meer dan in %(year)d") if change > 0 else _("%(pct)s %% minder dan in %(year)d")
    return ", " + words % {"pct": number(abs(change)), "year": year - 1}


def _date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return date_format(value, "DATE_FORMAT", use_l10n=True).replace(" ", "\u00a0")  # one date, one line


def _short(text: str, limit: int = 300) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def network_chapter(*, network: Network, year: int) -> Chapter:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    members = list(
        Membership.objects.for_network(network)
        .filter(Q(joined_on__isnull=True) | Q(joined_on__lte=end))
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=start))
        .select_related("organization")
        .order_by("organization__name")
    )
    current = [m for m in members if m.left_on is None or m.left_on > end]
    leads = [m for m in current if m.role == Membership.Role.LEAD]
    joined = [m for m in members if m.joined_on and m.joined_on.year == year]
    left = [m for m in members if m.left_on and m.left_on <= end]
    declaration = (
        Declaration.objects.for_network(network)
        .filter(published_at__isnull=False, published_at__lt=_span(year)[1])
        .order_by("-version")
        .first()
    )
    signed_by = {}
    if declaration is not None:
        signed_by = dict(
            Signature.objects.for_network(network)
            .filter(declaration=declaration)
            .values_list("organization_id", "signed_on")
        )
    else:  # no declaration kept on the platform yet: the date each membership records
        signed_by = {m.organization_id: m.engagement_signed_on for m in current if m.engagement_signed_on}
    signed = [m for m in current if m.organization_id in signed_by]
    signed_this_year = [m for m in signed if signed_by[m.organization_id].year == year]

    paragraphs = [
        ngettext(
            "Eind %(year)d telde %(network)s %(count)s partnerorganisatie",
            "Eind %(year)d telde %(network)s %(count)s partnerorganisaties",
            len(current),
        )
        % {"year": year, "network": network.name, "count": number(len(current))}
        + ngettext(", waarvan %(leads)s netwerktrekker.", ", waarvan %(leads)s netwerktrekkers.", len(leads))
        % {"leads": number(len(leads))}
    ]
    if joined or left:
        paragraphs.append(
            _("In %(year)d sloten %(joined)s partners aan en verlieten %(left)s partners het netwerk.")
            % {"year": year, "joined": number(len(joined)), "left": number(len(left))}
        )
    if declaration is not None:
        paragraphs.append(
            _(
                "%(signed)s van de %(count)s partners tekenden de engagementsverklaring “%(title)s” (versie "
                "%(version)d)."
            )
            % {
                "signed": number(len(signed)),
                "count": number(len(current)),
                "title": declaration.title,
                "version": declaration.version,
            }
            + (
                " "
                + _("%(this_year)s van hen deden dat in %(year)d.")
                % {"this_year": number(len(signed_this_year)), "year": year}
                if signed_this_year
                else ""
            )
        )
    else:
        paragraphs.append(
            _("%(signed)s van de %(count)s partners tekenden de engagementsverklaring.")
            % {"signed": number(len(signed)), "count": number(len(current))}
        )
    roles = [Membership.Role.LEAD, Membership.Role.PARTNER]
    chart = bar_chart(
        title=_("Partners en de engagementsverklaring"),
        summary=_("%(signed)s van de %(count)s partners tekenden, %(unsigned)s nog niet.")
        % {
            "signed": number(len(signed)),
            "count": number(len(current)),
            "unsigned": number(len(current) - len(signed)),
        },
        labels=[str(Membership.Role(role).label).capitalize() for role in roles],
        series={
            _("getekend"): [sum(1 for m in signed if m.role == role) for role in roles],
            _("nog niet getekend"): [
                sum(1 for m in current if m.role == role and m.organization_id not in signed_by)
                for role in roles
            ],
        },
        label_header=_("Rol"),
        horizontal=True,
        height=2.2,
    )
    table = Table(
        caption=_("De partners van het netwerk eind %(year)d") % {"year": year},
        headers=[_("Organisatie"), _("Rol"), _("Lid sinds"), _("Engagement getekend")],
        rows=[
            [
                m.organization.name,
                m.get_role_display(),
                _date(m.joined_on) or "–",
                _date(signed_by.get(m.organization_id)) or _("nog niet"),
            ]
            for m in current
        ],
        numeric_from=4,
    )
    return Chapter(
        key="netwerk",
        title=_("Het netwerk en zijn partners"),
        paragraphs=paragraphs,
        charts=[chart],
        tables=[table],
    )


# --- 2. houses and pillars ---------------------------------------------------------------------------------------


def _house_pillars(network: Network) -> list[tuple[House, dict[str, int], int]]:
    """Per active house: active services per base pillar it offers (coverage's rule: a pillar without an active
    service is missing), and how many extra offers it has."""
    extra = Counter(
        Pillar.objects.for_network(network)
        .filter(kind=Pillar.Kind.EXTRA, house__is_active=True)
        .values_list("house_id", flat=True)
    )
    return [
        (row.house, {offer.kind: len(offer.services) for offer in row.offered}, extra[row.house.pk])
        for row in house_pillars(network=network)
    ]


def houses_chapter(*, network: Network, year: int) -> Chapter:
    rows = _house_pillars(network)
    kinds = list(Pillar.BASE_KINDS)
    complete = [house for house, pillars, _extra in rows if all(kind in pillars for kind in kinds)]
    paragraphs = [
        ngettext(
            "Het netwerk heeft %(count)s Huis van het Kind.",
            "Het netwerk heeft %(count)s Huizen van het Kind.",
            len(rows),
        )
        % {"count": number(len(rows))}
    ]
    if rows:
        paragraphs.append(
            _("%(complete)s van de %(count)s huizen bieden alle vijf basispijlers aan.")
            % {"complete": number(len(complete)), "count": number(len(rows))}
        )
    for house, pillars, _extra in rows:
        missing = [str(Pillar.Kind(kind).label).lower() for kind in kinds if kind not in pillars]
        if missing:
            paragraphs.append(
                _("In %(house)s ontbreekt: %(pillars)s.")
                % {"house": house.name, "pillars": "; ".join(missing)}
            )
    if not rows:
        return Chapter(key="huizen", title=_("Huizen en basispijlers"), paragraphs=paragraphs)
    short = [_("Onthaal"), _("Consultatie"), _("Spel en ontmoeting"), _("Opvoedadvies"), _("Groepsaanbod")]
    chart = bar_chart(
        title=_("Aanbod per basispijler en per huis"),
        summary=_("Hoeveel actief aanbod elke basispijler van elk huis invult."),
        labels=short,
        series={house.name: [pillars.get(kind, 0) for kind in kinds] for house, pillars, _extra in rows},
        label_header=_("Basispijler"),
        height=3.2,
    )
    table = Table(
        caption=_("Basispijlers per huis (aantal actief aanbod; – is een pijler die ontbreekt)"),
        headers=[_("Huis"), *short, _("Extra")],
        rows=[
            [
                house.name,
                *(number(pillars[kind]) if kind in pillars else "–" for kind in kinds),
                number(extra),
            ]
            for house, pillars, extra in rows
        ],
    )
    return Chapter(
        key="huizen", title=_("Huizen en basispijlers"), paragraphs=paragraphs, charts=[chart], tables=[table]
    )


# --- 3. the offering, its coverage and gaps ----------------------------------------------------------------------


def _offering_figures(network: Network, year: int) -> dict:
    """Active services, those added in the year, per age band, and the cells of the coverage matrix (life domain
    × age band) with none or only a few."""
    active = Service.objects.for_network(network).filter(status=Service.Status.ACTIVE)
    bands = dict.fromkeys(AGE_BANDS, 0)
    for low, high in active.values_list("minimum_age_months", "maximum_age_months"):
        for band in service_bands(low, high):
            bands[band] += 1
    matrix = coverage_matrix(network=network)
    return {
        "active": active.count(),
        "added": active.filter(_in_year("created_at", year)).count(),
        "organizations": active.values("organization").distinct().count(),
        "domain_chart": domain_chart(network=network),
        "bands": bands,
        "matrix": matrix,
        "empty": matrix.empty_cells(),
        "thin": matrix.thin_cells(),
        "domains": len(matrix.domains),
    }


def _cells(cells) -> str:
    """ "Wonen (0 tot 2 jaar), Wonen (3 tot 5 jaar)" """
    return ", ".join(f"{term.name} ({BAND_LABELS[band]})" for term, band in cells)


def offering_chapter(*, network: Network, year: int) -> Chapter:
    figures = _offering_figures(network, year)
    paragraphs = [
        _(
            "Eind %(year)d boden %(organizations)s organisaties samen %(active)s keer actief aanbod aan, "
            "verdeeld over %(domains)s levensdomeinen."
        )
        % {
            "year": year,
            "organizations": number(figures["organizations"]),
            "active": number(figures["active"]),
            "domains": number(figures["domains"]),
        }
        + " "
        + ngettext(
            "Daarvan kwam er %(added)s bij in %(year)d.",
            "Daarvan kwamen er %(added)s bij in %(year)d.",
            figures["added"],
        )
        % {"added": number(figures["added"]), "year": year}
    ]
    empty, thin = figures["empty"], figures["thin"]
    cells = len(figures["matrix"].domains) * len(figures["matrix"].bands)
    if empty:
        paragraphs.append(
            _(
                "Van de %(cells)s combinaties van levensdomein en leeftijd hebben er %(empty)s geen aanbod: %(names)s."
            )
            % {"cells": number(cells), "empty": number(len(empty)), "names": _cells(empty)}
        )
    if thin:
        paragraphs.append(_("Maar één of twee keer aanbod hebben: %(names)s.") % {"names": _cells(thin)})
    if not empty and not thin:
        paragraphs.append(_("Elk levensdomein heeft voor elke leeftijd meer dan een paar keer aanbod."))
    bands = figures["bands"]
    band_chart = bar_chart(
        title=_("Actief aanbod per leeftijdsgroep"),
        summary=_(
            "Aanbod telt mee in elke leeftijdsgroep die het bereikt; aanbod zonder leeftijden in alle groepen."
        ),
        labels=[str(BAND_LABELS[band]) for band in bands],
        series={_("aanbod"): list(bands.values())},
        label_header=_("Leeftijdsgroep"),
        height=3.0,
    )
    matrix = figures["matrix"]
    table = Table(
        caption=_("Actief aanbod per levensdomein en leeftijd (0: een leemte)"),
        headers=[_("Levensdomein"), *(str(BAND_LABELS[band]) for band in matrix.bands)],
        rows=[
            [term.name, *(number(matrix.count(term.code, band)) for band in matrix.bands)]
            for term in matrix.domains
        ],
    )
    return Chapter(
        key="aanbod",
        title=_("Het aanbod, zijn dekking en leemtes"),
        paragraphs=paragraphs,
        charts=[band_chart, figures["domain_chart"]],
        tables=[table],
    )


# --- 4. activities and reach -------------------------------------------------------------------------------------


def _reach(network: Network, year: int) -> ReachYear:
    return reach_year(network=network, year=year)


def _report_table(table: ReachTable, *, limit: int | None = None) -> Table:
    """A reach table as the report prints it: its rows (the top `limit` when given), totals included."""
    rows = table.rows
    if limit is not None and len(table.labels) > limit:
        rows = rows[:limit]
    return Table(
        caption=table.title,
        headers=table.headers,
        rows=[[row[0], *(number(value) for value in row[1:])] for row in rows],
    )


def reach_chapter(*, network: Network, year: int) -> Chapter:
    reach = _reach(network, year)
    sessions, attendance = reach.table("sessions"), reach.table("attendance")
    registrations = reach.table("registrations")
    held, held_before = sessions.year_total(year), sessions.year_total(year - 1)
    paragraphs = [
        _("In %(year)d vonden %(sessions)s momenten van activiteiten plaats%(compared)s.")
        % {"year": year, "sessions": in_words(held), "compared": _compared(held, held_before, year)},
        _("Er waren %(registrations)s bevestigde inschrijvingen en %(present)s aanwezigen.")
        % {
            "registrations": in_words(registrations.year_total(year)),
            "present": in_words(attendance.year_total(year)),
        },
    ]
    charts = [sessions.chart()]
    if any(isinstance(v, int) and v for row in attendance.cells for v in row):
        charts.append(attendance.chart())
    tables = [_report_table(reach.table("sessions-pillar")), _report_table(reach.table("attendance-pillar"))]
    searches = reach.table("searches")
    total = searches.year_total(year)
    if total:
        paragraphs.append(
            _("Op de wegwijzer werd %(searches)s keer gezocht%(compared)s, zonder cookies geteld.")
            % {"searches": number(total), "compared": _compared(total, searches.year_total(year - 1), year)}
        )
        charts.append(searches.chart())
        zero = reach.table("zero-results").year_total(year)
        if zero:
            paragraphs.append(
                _(
                    "%(zero)s zoekopdrachten vonden niets of bijna niets: zij tonen wat gezinnen zoeken en missen."
                )
                % {"zero": number(zero)}
            )
    else:
        paragraphs.append(_("Voor dit jaar zijn er nog geen zoekopdrachten op de wegwijzer geteld."))
    top = reach.table("top-services")
    if top.labels:
        tables.append(_report_table(top, limit=10))
    words = reach.table("zero-result-words")
    if words.labels:
        tables.append(_report_table(words, limit=10))
    return Chapter(
        key="bereik", title=_("Activiteiten en bereik"), paragraphs=paragraphs, charts=charts, tables=tables
    )


# --- 5. families' questions and referrals -------------------------------------------------------------------------


def requests_chapter(*, network: Network, year: int) -> Chapter:
    reach = _reach(network, year)
    questions, referrals = reach.table("questions"), reach.table("referrals")
    count, before = questions.year_total(year), questions.year_total(year - 1)
    paragraphs = [
        _("In %(year)d stelden %(count)s gezinnen een vraag%(compared)s.")
        % {"year": year, "count": in_words(count), "compared": _compared(count, before, year)}
    ]
    sent = referrals.year_total(year)
    if sent:
        paragraphs.append(
            _("Er gingen %(referrals)s doorverwijzingen naar een partner.") % {"referrals": in_words(sent)}
        )
    median = reach.median_days[1]
    if median is not None:
        paragraphs.append(
            _("Tot het eerste contact met het gezin duurde het meestal (mediaan) %(days)s dagen.")
            % {"days": number(median)}
        )
    paragraphs.append(
        _(
            "Kleine aantallen tonen we niet: “%(hidden)s” staat voor minder dan %(n)d gezinnen, of voor een getal "
            "dat we ook verbergen, zodat niemand een klein aantal uit een totaal kan afleiden."
        )
        % {"n": THRESHOLD, "hidden": HIDDEN}
    )
    charts = []
    if any(isinstance(v, int) and v for row in questions.cells for v in row):
        charts.append(questions.chart())
    else:
        paragraphs.append(_("Per maand zijn de aantallen te klein om te tonen."))
    tables = [
        _report_table(reach.table(key))
        for key in ("questions-domain", "questions-age", "questions-outcome", "referrals-status")
        if reach.table(key).labels
    ]
    return Chapter(
        key="vragen",
        title=_("Vragen van gezinnen en doorverwijzingen"),
        paragraphs=paragraphs,
        charts=charts,
        tables=tables,
    )


# --- 6. signals and what was done with them ------------------------------------------------------------------------


def signals_chapter(*, network: Network, year: int) -> Chapter:
    signals = (
        Signal.objects.for_network(network)
        .filter(_in_year("created_at", year))
        .exclude(status__in=[Signal.Status.PROPOSED, Signal.Status.MERGED])
    )
    before = (
        Signal.objects.for_network(network)
        .filter(_in_year("created_at", year - 1))
        .exclude(status__in=[Signal.Status.PROPOSED, Signal.Status.MERGED])
        .count()
    )
    statuses = dict(signals.values_list("status").annotate(n=Count("pk")))
    sources = dict(signals.values_list("source").annotate(n=Count("pk")))
    count = sum(statuses.values())
    themes = list(
        Theme.objects.for_network(network)
        .annotate(n=Count("signals", filter=_in_year("signals__created_at", year), distinct=True))
        .filter(
            Q(n__gt=0)
            | Q(
                pk__in=ThemeAnswer.objects.for_network(network).filter(answered_on__year=year).values("theme")
            )
        )
        .order_by("title")
    )
    notes = list(
        PolicyNote.objects.for_network(network)
        .filter(_in_year("finalised_at", year), status=PolicyNote.Status.FINAL)
        .order_by("finalised_at")
    )
    answers = list(
        ThemeAnswer.objects.for_network(network)
        .filter(answered_on__year=year)
        .select_related("theme")
        .order_by("answered_on")
    )
    to_policy = sum(
        statuses.get(s, 0) for s in (Signal.Status.POLICY, Signal.Status.ANSWERED, Signal.Status.CLOSED)
    )
    paragraphs = [
        _("In %(year)d kwamen %(count)s signalen binnen%(compared)s.")
        % {"year": year, "count": number(count), "compared": _compared(count, before, year)},
    ]
    if count:
        sources_text = ", ".join(
            f"{number(sources[key])} {_('van')} {Signal.Source(key).label}"
            for key in Signal.Source.values
            if sources.get(key)
        )
        paragraphs.append(_("Ze kwamen %(sources)s.") % {"sources": sources_text})
        paragraphs.append(
            _(
                "%(themed)s signalen zijn gebundeld in %(themes)s thema's; %(policy)s gingen naar het beleid of "
                "kregen een antwoord."
            )
            % {
                "themed": number(sum(t.n for t in themes)),
                "themes": number(len([t for t in themes if t.n])),
                "policy": number(to_policy),
            }
        )
    if notes:
        paragraphs.append(
            ngettext(
                "Het netwerk maakte %(count)s beleidsnota definitief: %(titles)s.",
                "Het netwerk maakte %(count)s beleidsnota's definitief: %(titles)s.",
                len(notes),
            )
            % {"count": number(len(notes)), "titles": "; ".join(f"“{note.title}”" for note in notes)}
        )
    if answers:
        paragraphs.append(
            ngettext(
                "De gemeente antwoordde %(count)s keer op een thema.",
                "De gemeente antwoordde %(count)s keer op een thema.",
                len(answers),
            )
            % {"count": number(len(answers))}
        )
    charts = []
    if count:
        keys = [key for key in Signal.Status.values if statuses.get(key)]
        charts.append(
            bar_chart(
                title=_("Signalen van %(year)d naar hun stand nu") % {"year": year},
                summary=_("%(count)s signalen, per stand.") % {"count": number(count)},
                labels=[str(Signal.Status(key).label).capitalize() for key in keys],
                series={_("signalen"): [statuses[key] for key in keys]},
                label_header=_("Stand"),
                horizontal=True,
                height=max(2.2, 0.4 * len(keys) + 1),
            )
        )
    tables = []
    if themes:
        tables.append(
            Table(
                caption=_("Thema's met signalen of een antwoord in %(year)d") % {"year": year},
                headers=[_("Thema"), _("Stand"), _("Signalen")],
                rows=[[t.title, t.get_status_display(), number(t.n)] for t in themes],
                numeric_from=2,
            )
        )
    if answers:
        tables.append(
            Table(
                caption=_("Antwoorden van de gemeente"),
                headers=[_("Datum"), _("Thema"), _("Antwoord")],
                rows=[[_date(a.answered_on), a.theme.title, _short(a.answer)] for a in answers],
                numeric_from=3,
            )
        )
    return Chapter(
        key="signalen",
        title=_("Signalen en wat ermee gebeurde"),
        paragraphs=paragraphs,
        charts=charts,
        tables=tables,
    )


# --- 7. meetings and working groups --------------------------------------------------------------------------------


def meetings_chapter(*, network: Network, year: int) -> Chapter:
    now = timezone.now()
    bodies = list(Body.objects.for_network(network).filter(is_active=True).order_by("kind", "name"))
    meetings = Meeting.objects.for_network(network).filter(_in_year("starts_at", year))
    held = meetings.filter(status=Meeting.Status.PLANNED, starts_at__lte=now)
    per_body = dict(held.values_list("body").annotate(n=Count("pk")))
    decisions = Decision.objects.for_network(network).filter(meeting__in=held)
    decisions_per_body = dict(decisions.values_list("meeting__body").annotate(n=Count("pk")))
    kinds = Counter(body.kind for body in bodies)
    kinds_text = ", ".join(
        f"{number(kinds[kind])} × {Body.Kind(kind).label}" for kind in Body.Kind.values if kinds.get(kind)
    )
    count = sum(per_body.values())
    paragraphs = [
        ngettext(
            "Het netwerk werkt met %(count)s overleg- en werkgroep",
            "Het netwerk werkt met %(count)s overleg- en werkgroepen",
            len(bodies),
        )
        % {"count": number(len(bodies))}
        + (f" ({kinds_text})." if kinds_text else "."),
        _("In %(year)d kwamen ze %(meetings)s keer samen en namen ze %(decisions)s besluiten.")
        % {"year": year, "meetings": number(count), "decisions": number(sum(decisions_per_body.values()))},
    ]
    cancelled = meetings.filter(status=Meeting.Status.CANCELLED).count()
    if cancelled:
        paragraphs.append(
            ngettext(
                "%(cancelled)s vergadering werd geannuleerd.",
                "%(cancelled)s vergaderingen werden geannuleerd.",
                cancelled,
            )
            % {"cancelled": number(cancelled)}
        )
    planned = meetings.filter(status=Meeting.Status.PLANNED, starts_at__gt=now).count()
    if planned:
        paragraphs.append(
            _("Voor de rest van %(year)d staan nog %(planned)s vergaderingen gepland.")
            % {"year": year, "planned": number(planned)}
        )
    charts = []
    active = [body for body in bodies if per_body.get(body.pk)]
    if active:
        charts.append(
            bar_chart(
                title=_("Vergaderingen per overleg in %(year)d") % {"year": year},
                summary=_("%(count)s vergaderingen die plaatsvonden.") % {"count": number(count)},
                labels=[body.name for body in active],
                series={_("vergaderingen"): [per_body[body.pk] for body in active]},
                label_header=_("Overleg"),
                horizontal=True,
                height=max(2.2, 0.4 * len(active) + 1),
            )
        )
    tables = [
        Table(
            caption=_("Overleg- en werkgroepen in %(year)d") % {"year": year},
            headers=[_("Overleg"), _("Soort"), _("Vergaderingen"), _("Besluiten")],
            rows=[
                [
                    body.name,
                    body.get_kind_display(),
                    number(per_body.get(body.pk, 0)),
                    number(decisions_per_body.get(body.pk, 0)),
                ]
                for body in bodies
            ],
            numeric_from=2,
        )
    ]
    # Only an open body's decisions are named: a closed body is visible to its members and the coordinator alone.
    open_decisions = list(
        decisions.filter(meeting__body__is_open=True)
        .select_related("meeting__body")
        .order_by("meeting__starts_at", "created_at")
    )
    if open_decisions:
        tables.append(
            Table(
                caption=_("Besluiten van de open overleggen"),
                headers=[_("Datum"), _("Overleg"), _("Besluit")],
                rows=[
                    [_date(d.meeting.starts_at), d.meeting.body.name, _short(d.text, 240)]
                    for d in open_decisions
                ],
                numeric_from=3,
            )
        )
    return Chapter(
        key="overleg",
        title=_("Overleg en werkgroepen"),
        paragraphs=paragraphs,
        charts=charts,
        tables=tables,
    )


def _euro(value) -> str:
    return "€\u00a0" + number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


def working_together_chapter(*, network: Network, year: int) -> Chapter:
    """Volunteers (how many were active, new, stopped, their hours, the roles they filled, the thank-you moment)
    and joint applications for funding (every application that counts in the year, with its outcome). Volunteers
    are people: a count under the threshold reads "< 5"."""
    from hvhk.volunteers.models import ThankYou

    count = year_count(network=network, year=year)
    before = year_count(network=network, year=year - 1)
    paragraphs = []
    if count.active or count.signups:
        paragraphs.append(
            _(
                "In %(year)d waren %(active)s vrijwilligers actief%(compared)s, van wie %(new)s nieuw. Samen gaven ze "
                "%(hours)s uur, in %(roles)s rollen bij het netwerk en zijn partners. %(signups)s mensen meldden zich "
                "aan als vrijwilliger; %(stopped)s stopten."
            )
            % {
                "year": year,
                "active": in_words(shown(count.active)),
                "compared": _compared(shown(count.active), shown(before.active), year),
                "new": in_words(shown(count.new)),
                "hours": number(int(count.hours)),
                "roles": number(count.roles),
                "signups": in_words(shown(count.signups)),
                "stopped": in_words(shown(count.stopped)),
            }
        )
    else:
        paragraphs.append(
            _("In %(year)d waren er geen vrijwilligers actief in het platform.") % {"year": year}
        )
    thanks = list(ThankYou.objects.for_network(network).filter(on__year=year).order_by("on"))
    if thanks:
        paragraphs.append(
            _("Het netwerk bedankte zijn vrijwilligers: %(moments)s.")
            % {"moments": "; ".join(f"{t.title} ({_date(t.on)})" for t in thanks)}
        )
    overview = applications_in_year(network=network, year=year)
    tables = []
    if overview.applications:
        paragraphs.append(
            _(
                "Partners dienden samen %(submitted)s aanvragen in voor projectgeld: %(granted)s werden goedgekeurd, "
                "%(refused)s afgewezen, %(pending)s wachten nog op een antwoord. Samen kreeg het netwerk %(amount)s."
            )
            % {
                "submitted": number(overview.submitted),
                "granted": number(overview.granted),
                "refused": number(overview.refused),
                "pending": number(overview.pending),
                "amount": _euro(overview.granted_amount),
            }
        )
        tables.append(
            Table(
                caption=_("Gezamenlijke aanvragen in %(year)d") % {"year": year},
                headers=[
                    _("Aanvraag"),
                    _("Financier"),
                    pgettext("application", "Trekker"),
                    _("Uitkomst"),
                    _("Gevraagd"),
                    _("Toegekend"),
                ],
                rows=[
                    [
                        a.title,
                        a.call.funder,
                        lead.organization.name if (lead := lead_of(a)) else "",
                        a.get_status_display(),
                        _euro(a.amount_asked) if a.amount_asked is not None else "",
                        _euro(a.amount_granted) if a.amount_granted is not None else "",
                    ]
                    for a in overview.applications
                ],
                numeric_from=4,
            )
        )
    else:
        paragraphs.append(_("Er waren geen gezamenlijke aanvragen voor projectgeld."))
    return Chapter(
        key="samenwerken",
        title=_("Samen werken: vrijwilligers en projecten"),
        paragraphs=paragraphs,
        tables=tables,
    )


# --- the whole report --------------------------------------------------------------------------------------------

CHAPTERS: tuple[Callable[..., Chapter], ...] = (
    network_chapter,
    houses_chapter,
    offering_chapter,
    reach_chapter,
    requests_chapter,
    signals_chapter,
    meetings_chapter,
    working_together_chapter,
)


def annual_report(
    *, network: Network, year: int, on_chapter: Callable[[Chapter, float], None] | None = None
) -> Report:
    """Every chapter of `network`'s report on `year`; `on_chapter(chapter, seconds)` is called after each."""
    import time

    chapters = []
    for build in CHAPTERS:
        started = time.monotonic()
        chapter = build(network=network, year=year)
        chapters.append(chapter)
        if on_chapter is not None:
            on_chapter(chapter, time.monotonic() - started)
    text = report_text(network=network, year=year)
    return Report(
        network=network,
        year=year,
        introduction=text.introduction if text else "",
        closing=text.closing if text else "",
        chapters=chapters,
        logo=logo_data_url(network),
    )


def report_pdf(
    *,
    network: Network,
    year: int,
    request: HttpRequest | None = None,
    on_chapter: Callable[[Chapter, float], None] | None = None,
) -> bytes:
    """The report laid out as an A4 PDF."""
    from hvhk.core.lib.pdf import pdf_bytes

    report = annual_report(network=network, year=year, on_chapter=on_chapter)
    with open(finders.find("insights/report.css"), encoding="utf-8") as handle:
        css = handle.read()
    return pdf_bytes(request, "insights/report/report_pdf.html", {"report": report, "report_css": css})
