"""The key figure of each part of insights, for the start page: gaps in the offering, pairs of services to look
at, families reached this year against the last. Computed from the same selectors as the parts' own pages and
kept in the cache for SUMMARY_SECONDS (the page says from when)."""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hvhk.accounts.access import ActiveRole
from hvhk.insights.charts import number
from hvhk.insights.selectors.access import sees_network_figures
from hvhk.insights.selectors.coverage import coverage_matrix
from hvhk.insights.selectors.overlap import overlap_result, overlap_snapshot
from hvhk.insights.selectors.reach import year_totals
from hvhk.insights.suppression import in_words

SUMMARY_SECONDS = 5 * 60


@dataclass(frozen=True)
class KeyFigure:
    part: str  # the part's URL name in the `insights` namespace
    title: str
    figure: str
    text: str


def _coverage(role: ActiveRole) -> KeyFigure:
    matrix = coverage_matrix(network=role.network)
    cells = len(matrix.domains) * len(matrix.bands)
    return KeyFigure(
        part="coverage",
        title=_("Aanbod en leemtes"),
        figure=_("%(empty)s leemtes, %(thin)s met weinig aanbod")
        % {"empty": number(len(matrix.empty_cells())), "thin": number(len(matrix.thin_cells()))},
        text=_("van de %(cells)s combinaties van levensdomein en leeftijd.") % {"cells": number(cells)},
    )


def _overlap(role: ActiveRole) -> KeyFigure:
    snapshot = overlap_snapshot(network=role.network)
    if snapshot is None:  # computing it is the overlap page's work, not the start page's
        figure, text = _("Nog niet berekend"), _("Open de pagina om de overlap te berekenen.")
    else:
        result = overlap_result(network=role.network, data=snapshot.data, computed_at=snapshot.computed_at)
        figure = _("%(pairs)s paren om te bekijken") % {"pairs": number(len(result.pairs))}
        text = _("Berekend op %(when)s.") % {
            "when": date_format(timezone.localtime(snapshot.computed_at), "DATETIME_FORMAT")
        }
    return KeyFigure(part="overlap", title=_("Overlap"), figure=figure, text=text)


def _reach(role: ActiveRole, year: int) -> KeyFigure:
    network_wide = sees_network_figures(role=role)
    table = year_totals(
        network=role.network, year=year, organization=None if network_wide else role.organization
    )
    now, before = table.year_total(year), table.year_total(year - 1)
    if network_wide:
        figure = _("%(count)s vragen van gezinnen in %(year)d") % {"count": in_words(now), "year": year}
    else:
        figure = _("%(count)s doorverwijzingen naar je organisatie in %(year)d") % {
            "count": in_words(now),
            "year": year,
        }
    text = _("In %(year)d: %(count)s.") % {"year": year - 1, "count": in_words(before)}
    return KeyFigure(part="reach", title=_("Bereik"), figure=figure, text=text)


def key_figures(*, role: ActiveRole) -> tuple[list[KeyFigure], str]:
    """The key figures the role may see, and the time they were counted ("14:05")."""
    year = timezone.localdate().year
    organization = None if sees_network_figures(role=role) else getattr(role.organization, "pk", None)
    key = f"insights:summary:{role.network.pk}:{organization}:{year}:{get_language()}"
    cached = cache.get(key)
    if cached is None:
        figures = [_coverage(role)]
        if sees_network_figures(role=role):
            figures.append(_overlap(role))
        figures.append(_reach(role, year))
        cached = (figures, date_format(timezone.localtime(), "TIME_FORMAT"))
        cache.set(key, cached, SUMMARY_SECONDS)
    return cached
