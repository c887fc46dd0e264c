"""The insights start page (/portal/insights/): the offering at a glance and the way to every part."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from hvhk.accounts.access import ActiveRole, request_roles
from hvhk.accounts.decorators import role_required
from hvhk.insights.selectors.access import sees_insights, sees_network_figures
from hvhk.insights.selectors.overview import domain_chart
from hvhk.insights.selectors.summary import key_figures

# The parts of insights, in the order of the navigation: (part, URL name, label, for the whole network only).
PARTS = (
    ("coverage", "insights:coverage", _("Aanbod en leemtes"), False),
    ("overlap", "insights:overlap", _("Overlap"), True),
    ("thresholds", "insights:thresholds", _("Drempels"), False),
    ("reach", "insights:reach", _("Bereik"), False),
    ("report", "insights:report", _("Jaarverslag"), True),
)


def _links(role: ActiveRole) -> list[dict]:
    links = []
    for part, name, label, network_only in PARTS:
        if network_only and not sees_network_figures(role=role):
            continue
        try:
            links.append({"part": part, "url": reverse(name), "label": label})
        except NoReverseMatch:  # a part not built yet
            continue
    return links


def page(
    request: HttpRequest, role: ActiveRole, template: str, context: dict, status: int = 200
) -> HttpResponse:
    """A portal page of insights, with the portal's navigation and the insights' own."""
    return render(
        request,
        template,
        {
            "role": role,
            "roles": request_roles(request),
            "nav": "insights",
            "network_figures": sees_network_figures(role=role),
            "insight_links": _links(role),
            **context,
        },
        status=status,
    )


def require_insights(role: ActiveRole) -> None:
    if not sees_insights(role=role):
        raise Http404


def require_network_figures(role: ActiveRole) -> None:
    if not sees_network_figures(role=role):
        raise Http404


@require_GET
@role_required
def index(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    require_insights(role)
    figures, counted_at = key_figures(role=role)
    context = {"chart": domain_chart(network=role.network), "figures": figures, "counted_at": counted_at}
    return page(request, role, "insights/index.html", {**context, "part": "index"})
