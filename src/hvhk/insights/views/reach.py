"""Reach (/portal/insights/reach/): families' questions, referrals, activities and the wegwijzer's use in a year,
per month and compared with the year before, and every table as CSV (/portal/insights/reach/<table>.csv).

The page shows one section at a time (`?section=`, the first one by default), with links to the others: each has
up to nine charts, which a phone can scroll through and a first visit can draw in about a second; all four
together would be a wall of two dozen charts.

Coordinator and analyst see the whole network; a partner's editor or member sees only their own organisation's
figures (referrals to it, views of its services, its activities), never the network's questions or searches;
anyone else gets a 404."""

import csv
import dataclasses

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.insights.charts import number
from hvhk.insights.selectors.access import sees_network_figures
from hvhk.insights.selectors.reach import ReachTable, reach_year
from hvhk.insights.views.overview import page, require_insights

FIRST_YEAR = 2015
CACHE_SECONDS = 600
SECTIONS = (
    ("questions", gettext_lazy("Vragen van gezinnen")),
    ("referrals", gettext_lazy("Doorverwijzingen")),
    ("activities", gettext_lazy("Activiteiten")),
    ("wegwijzer", gettext_lazy("Gebruik van de wegwijzer")),
)


def _organization(role: ActiveRole):
    """None for the whole network; the partner's organisation for its staff; a 404 for anyone else."""
    require_insights(role)
    if sees_network_figures(role=role):
        return None
    if role.organization is None:
        raise Http404
    return role.organization


def _sections(organization) -> list[tuple[str, str]]:
    """The sections this page shows: families' questions are the network's, not a partner's."""
    return [(name, str(title)) for name, title in SECTIONS if organization is None or name != "questions"]


def _section(request: HttpRequest, sections: list[tuple[str, str]]) -> tuple[str | None, str]:
    """The section asked for (the first when none is), or None with the reason."""
    value = request.GET.get("section", "").strip()
    names = [name for name, _title in sections]
    if not value:
        return names[0], ""
    if value not in names:
        return None, _("Kies een van deze onderdelen: %(sections)s.") % {
            "sections": ", ".join(title for _name, title in sections)
        }
    return value, ""


def _year(request: HttpRequest) -> tuple[int | None, str]:
    """The year asked for (this year when none is), or None with the reason."""
    this_year = timezone.localdate().year
    value = request.GET.get("year", "").strip()
    if not value:
        return this_year, ""
    if not value.isdigit() or not FIRST_YEAR <= int(value) <= this_year:
        return None, _("Kies een jaar tussen %(first)d en %(last)d.") % {
            "first": FIRST_YEAR,
            "last": this_year,
        }
    return int(value), ""


def _with_table(table: ReachTable):
    """The table's chart, with the whole table (totals included) as its data."""
    chart = table.chart()
    rows = [[str(row[0]), *(number(value) for value in row[1:])] for row in table.rows]
    return dataclasses.replace(chart, headers=table.headers, rows=rows)


@require_GET
@role_required
def reach(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    organization = _organization(role)
    year, year_problem = _year(request)
    sections = _sections(organization)
    section, section_problem = _section(request, sections)
    this_year = timezone.localdate().year
    context = {
        "part": "reach",
        "years": list(range(this_year, FIRST_YEAR - 1, -1)),
        "year": year,
        "problem": year_problem,
        "section_problem": section_problem,
        "organization": organization,
        "sections": sections,
        "section": section,
        "section_title": dict(sections).get(section, ""),
    }
    if year is None or section is None:
        return page(request, role, "insights/reach/index.html", context, status=400)
    context.update(_drawn(role, year, organization, section))
    return page(request, role, "insights/reach/index.html", context)


def _drawn(role: ActiveRole, year: int, organization, section: str) -> dict:
    """The section's figures and their charts, kept CACHE_SECONDS: drawing a section's charts takes about a
    second, and figures a few minutes old are fresh enough for a year's reach (the page says when they were
    counted)."""
    organization_key = str(organization.pk) if organization is not None else "*"
    key = f"insights-reach:{role.network.pk}:{organization_key}:{year}:{section}:{get_language() or ''}"
    drawn = cache.get(key)
    if drawn is None:
        figures = reach_year(network=role.network, year=year, organization=organization, sections=[section])
        tables = figures.section(section)
        blocks = [(t, _with_table(t) if t.labels else None) for t in tables]
        drawn = {"figures": figures, "blocks": blocks, "counted_at": timezone.now()}
        cache.set(key, drawn, CACHE_SECONDS)
    return drawn


@require_GET
@role_required
def reach_csv(request: HttpRequest, role: ActiveRole, table: str) -> HttpResponse:
    organization = _organization(role)
    year, problem = _year(request)
    if year is None:
        return HttpResponse(problem, status=400, content_type="text/plain; charset=utf-8")
    figures = reach_year(network=role.network, year=year, organization=organization)
    found = next((t for t in figures.tables if t.key == table), None)
    if found is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bereik-{table}-{year}.csv"'
    writer = csv.writer(response)
    writer.writerow(found.headers)
    writer.writerows(found.rows)
    return response
