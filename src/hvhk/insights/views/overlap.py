"""Overlap (/portal/insights/overlap/): pairs of services of different partners that look alike, with why, for
the coordinator and the analyst (everyone else: a 404). The coordinator marks a pair "vullen elkaar aan" or "te
bespreken" and can undo it; the analyst sees the same page without forms. The pairs come from a snapshot
(computed inline for a small network, by the worker for a large one), and the page says when it was computed."""

import csv
import io

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.core.models import Network
from hvhk.core.selectors import scoped_get_or_404
from hvhk.insights.forms_overlap import OverlapMarkForm
from hvhk.insights.models import OverlapReview
from hvhk.insights.selectors import overlap as selectors
from hvhk.insights.services import overlap as services
from hvhk.insights.tasks import overlap_compute_task
from hvhk.insights.views.overview import page, require_network_figures

PER_PAGE = 50
QUEUED_FOR = 15 * 60  # seconds a queued computation is not queued again


def _queue(network: Network) -> bool:
    """Enqueue the computation unless it was queued a moment ago; whether it was queued now."""
    if not cache.add(f"insights-overlap-queued-{network.pk}", True, QUEUED_FOR):
        return False
    overlap_compute_task.enqueue(str(network.pk))
    return True


def _small(network: Network) -> bool:
    return selectors.active_services(network=network).count() < selectors.INLINE_LIMIT


@never_cache
@require_GET
@role_required
def overlap(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    require_network_figures(role)
    network = role.network
    snapshot = selectors.overlap_snapshot(network=network)
    queued = False
    if snapshot is None:
        if _small(network):
            snapshot = services.overlap_snapshot_store(network=network)
        else:
            _queue(network)
            queued = True
    result = (
        selectors.overlap_result(network=network, data=snapshot.data, computed_at=snapshot.computed_at)
        if snapshot is not None
        else None
    )
    pairs_page = Paginator(result.pairs if result else [], PER_PAGE).get_page(request.GET.get("page"))
    return page(
        request,
        role,
        "insights/overlap/index.html",
        {
            "part": "overlap",
            "result": result,
            "queued": queued,
            "pairs": pairs_page,
            "groups": selectors.overlap_groups(result.pairs) if result else [],
            "first_index": pairs_page.start_index() if result else 0,
            "reviews": selectors.overlap_reviews(network=network),
            "can_mark": role.is_coordinator,
            "verdicts": OverlapReview.Verdict.choices,
            "min_similarity": selectors.MIN_SIMILARITY,
            "max_pairs": selectors.MAX_PAIRS,
            "weights": selectors.WEIGHTS,
        },
    )


@require_POST
@role_required
def overlap_recompute(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    require_network_figures(role)
    if _small(role.network):
        services.overlap_snapshot_store(network=role.network)
        messages.success(request, _("De overlap is opnieuw berekend."))
    else:
        _queue(role.network)
        messages.info(
            request,
            _(
                "De berekening staat in de wachtrij. Kom over enkele minuten terug: de datum bovenaan verandert dan."
            ),
        )
    return redirect("insights:overlap")


@require_POST
@role_required
def overlap_mark(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    require_network_figures(role)
    form = OverlapMarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("insights:overlap")
    network = role.network
    active = selectors.active_services(network=network)
    service_a = scoped_get_or_404(active, network=network, pk=form.cleaned_data["service_a"])
    service_b = scoped_get_or_404(active, network=network, pk=form.cleaned_data["service_b"])
    try:
        review = services.overlap_review_mark(
            network=network,
            service_a=service_a,
            service_b=service_b,
            verdict=form.cleaned_data["verdict"],
            note=form.cleaned_data["note"],
            acting_user=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("insights:overlap")
    messages.success(
        request,
        _("'%(a)s' en '%(b)s': %(verdict)s.")
        % {
            "a": review.service_low.name,
            "b": review.service_high.name,
            "verdict": review.get_verdict_display(),
        },
    )
    return redirect("insights:overlap")


@require_POST
@role_required
def overlap_undo(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    require_network_figures(role)
    review = scoped_get_or_404(OverlapReview, network=role.network, pk=pk)
    services.overlap_review_undo(network=role.network, review=review, acting_user=request.user)
    messages.success(request, _("Het besluit is ongedaan gemaakt: het paar staat weer bij de nieuwe."))
    return redirect("insights:overlap")


CSV_HEADER = (
    "service_a_id",
    "service_a",
    "organization_a",
    "service_b_id",
    "service_b",
    "organization_b",
    "score",
    "similarity",
    "review",
    "reasons",
)


@never_cache
@require_GET
@role_required
def overlap_csv(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    """Every flagged pair (reviewed ones with their verdict) as CSV: UTF-8, a header row, comma-separated."""
    require_network_figures(role)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for pair in selectors.overlap_pairs(network=role.network, include_reviewed=True):
        a, b = pair.service_a, pair.service_b
        writer.writerow(
            [
                a.pk,
                a.name,
                a.organization.name,
                b.pk,
                b.name,
                b.organization.name,
                pair.score,
                pair.similarity,
                pair.review.verdict if pair.review else "",
                "; ".join(pair.reasons),
            ]
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    name = f"overlap-{role.network.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
