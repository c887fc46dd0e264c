"""Threshold index (/portal/insights/thresholds/): how easy each service is to reach, part by part, and the mean
per life domain and per area with a chart each. The coordinator and the analyst see every service and both
summaries; a partner's editor or member sees their own organisation's services and the network's summary per
domain (no other partner's service by name); intake and people without a role in the network get a 404."""

import csv
import io

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.insights.charts import Chart, bar_chart, number
from hvhk.insights.selectors import thresholds as selectors
from hvhk.insights.selectors.access import own_services, sees_network_figures
from hvhk.insights.views.overview import page, require_insights

PER_PAGE = 50
PART_NAMES = [name for name, _weight, _label in selectors.PARTS]
CSV_HEADER = ("service_id", "service", "organization", *PART_NAMES, "index")
SUMMARY_HEADER = ("level", "key", "name", "services", "mean_index", "near_share")


def _chart(rows: list[selectors.SummaryRow], *, title: str, header: str) -> Chart | None:
    shown = [r for r in rows if r.mean_index is not None]
    if not shown:
        return None
    best, worst = max(shown, key=lambda r: r.mean_index), min(shown, key=lambda r: r.mean_index)
    summary = _(
        "Gemiddelde drempelindex van 0 (veel drempels) tot 100 (geen drempels). Hoogst: %(best)s (%(high)s), laagst: %(worst)s (%(low)s)."
    ) % {
        "best": best.name,
        "high": number(best.mean_index),
        "worst": worst.name,
        "low": number(worst.mean_index),
    }
    empty = [r.name for r in rows if r.mean_index is None]
    if empty:
        summary += " " + _("Zonder aanbod of zonder gegevens: %(names)s.") % {"names": ", ".join(empty)}
    return bar_chart(
        title=title,
        summary=summary,
        labels=[r.name for r in shown],
        series={_("gemiddelde index"): [r.mean_index for r in shown]},
        label_header=header,
        horizontal=True,
        height=max(2.5, 0.45 * len(shown) + 1),
    )


def _cell(value: float | None) -> str:
    return "" if value is None else format(round(value, 2), "g")


def _display(value: float | None) -> str:
    if value is None:
        return "?"
    return number(int(value)) if value in (0, 1) else number(round(value, 2))


def _report(role: ActiveRole):
    network_wide = sees_network_figures(role=role)
    return selectors.threshold_report(
        network=role.network, services=None if network_wide else own_services(role=role)
    )


@never_cache
@require_GET
@role_required
def thresholds(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    require_insights(role)
    network_wide = sees_network_figures(role=role)
    rows, summary = _report(role)
    rows_page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    table = [
        {
            "row": row,
            "parts": [_display(row.parts[name]) for name in PART_NAMES],
            "distances": [
                (summary.area_names[pk], number(km))
                for pk, km in row.distances.items()
                if pk in summary.area_names
            ],
        }
        for row in rows_page
    ]
    return page(
        request,
        role,
        "insights/thresholds/index.html",
        {
            "part": "thresholds",
            "network_wide": network_wide,
            "rows": rows_page,
            "table": table,
            "part_labels": [selectors.LABELS[name] for name in PART_NAMES],
            "parts_explained": [(selectors.LABELS[name], weight) for name, weight, _label in selectors.PARTS],
            "summary": summary,
            "domain_chart": _chart(
                summary.domains, title=_("Drempelindex per levensdomein"), header=_("Levensdomein")
            ),
            "area_chart": _chart(summary.areas, title=_("Drempelindex per gebied"), header=_("Gebied"))
            if network_wide
            else None,
            "near_km": number(
                int(selectors.NEAR_KM) if selectors.NEAR_KM.is_integer() else selectors.NEAR_KM
            ),
            "computed_at": timezone.now(),
        },
    )


def _csv(rows: list[list], header, name: str) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.csv"'
    return response


@never_cache
@require_GET
@role_required
def thresholds_csv(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    """Per service (the role's own for a partner): each part (1, 0, a fraction; empty when unknown) and the
    index."""
    require_insights(role)
    rows = selectors.threshold_rows(
        network=role.network, services=None if sees_network_figures(role=role) else own_services(role=role)
    )
    return _csv(
        [
            [
                r.service_id,
                r.name,
                r.organization,
                *(_cell(r.parts[n]) for n in PART_NAMES),
                "" if r.index is None else r.index,
            ]
            for r in rows
        ],
        CSV_HEADER,
        f"drempels-{role.network.slug}",
    )


@never_cache
@require_GET
@role_required
def thresholds_summary_csv(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    """The mean index per life domain (level `life_domain`, key the term's code) and, for the coordinator and
    the analyst, per area (level `area`, key the area's slug, `near_share` the percentage within NEAR_KM)."""
    require_insights(role)
    summary = selectors.threshold_summary(network=role.network)
    rows = [["life_domain", r.key, r.name, r.services, _cell(r.mean_index), ""] for r in summary.domains]
    if sees_network_figures(role=role):
        rows += [
            ["area", r.key, r.name, r.services, _cell(r.mean_index), _cell(r.near_share)]
            for r in summary.areas
        ]
    return _csv(rows, SUMMARY_HEADER, f"drempels-samenvatting-{role.network.slug}")
