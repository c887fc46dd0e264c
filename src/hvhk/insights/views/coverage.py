"""Coverage pages (/portal/insights/coverage/…): the matrix life domain × age band for the network or one area,
the services behind a cell, the map for one domain and age band, the base pillars per house, the coordinator's
upload of area outlines, and the matrix and the pillars as CSV.

The coordinator and the analyst see it all for their network, partner staff the same pages and CSV files (the
offering is public) but not the upload, intake and people without a role nothing (404). Every query starts from
the active role's network."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.core.lib.forms import add_service_errors
from hvhk.directory.selectors import editable_services
from hvhk.insights.bands import AGE_BANDS, BAND_LABELS
from hvhk.insights.forms_coverage import BoundariesForm, CellForm, CoverageForm
from hvhk.insights.models import AreaBoundary
from hvhk.insights.selectors import coverage as selectors
from hvhk.insights.selectors.overview import life_domains
from hvhk.insights.services.coverage import area_boundaries_replace
from hvhk.insights.views.overview import page, require_insights

DEFAULT_BAND = "0-2"


@require_GET
@role_required
def coverage(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    require_insights(role)
    network = role.network
    areas = selectors.network_areas(network=network)
    domains = life_domains(network=network)
    initial = {"band": DEFAULT_BAND, "domain": domains[0].code if domains else ""}
    form = CoverageForm(request.GET or None, areas=areas, domains=domains, initial=initial)
    valid = form.is_valid() if form.is_bound else True
    data = form.cleaned_data if form.is_bound and valid else {}
    area = next((a for a in areas if a.slug == data.get("area")), None)
    domain = data.get("domain") or (domains[0].code if domains else "")
    band = data.get("band") or DEFAULT_BAND
    matrix = selectors.coverage_matrix(network=network, area=area)
    context = {
        "part": "coverage",
        "form": form,
        "forms_with_errors": [form] if form.is_bound and not valid else [],
        "matrix": matrix,
        "table": [
            (d, [(b, BAND_LABELS[b], matrix.count(d.code, b)) for b in matrix.bands]) for d in matrix.domains
        ],
        "empty_count": len(matrix.empty_cells()),
        "thin_count": len(matrix.thin_cells()),
        "area": area,
        "band_labels": [(b, BAND_LABELS[b]) for b in AGE_BANDS],
        "thin": selectors.THIN,
        "map": selectors.coverage_map(network=network, domain_code=domain, band=band) if domain else None,
        "map_domain": domain,
        "map_band": band,
        "has_boundaries": AreaBoundary.objects.for_network(network).exists(),
        "can_upload": role.is_coordinator,
    }
    return page(request, role, "insights/coverage/index.html", context, status=200 if valid else 400)


@require_GET
@role_required
def cell(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    require_insights(role)
    network = role.network
    areas = selectors.network_areas(network=network)
    domains = life_domains(network=network)
    form = CellForm(request.GET, areas=areas, domains=domains)
    context: dict = {"part": "coverage", "form": form}
    if not form.is_valid():
        context["forms_with_errors"] = [form]
        return page(request, role, "insights/coverage/services.html", context, status=400)
    area = next((a for a in areas if a.slug == form.cleaned_data["area"]), None)
    domain = next(d for d in domains if d.code == form.cleaned_data["domain"])
    band = form.cleaned_data["band"]
    services = selectors.cell_services(network=network, domain_code=domain.code, band=band, area=area)
    editable = set(
        editable_services(role=role).filter(pk__in=[s.pk for s in services]).values_list("pk", flat=True)
    )
    context.update(
        {
            "services": [(s, s.pk in editable) for s in services],
            "domain": domain,
            "band": band,
            "band_label": BAND_LABELS[band],
            "area": area,
            "thin": selectors.THIN,
        }
    )
    return page(request, role, "insights/coverage/services.html", context)


@require_GET
@role_required
def houses(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    require_insights(role)
    return page(
        request,
        role,
        "insights/coverage/houses.html",
        {"part": "coverage", "houses": selectors.house_pillars(network=role.network)},
    )


@require_http_methods(["GET", "POST"])
@role_required(coordinator=True)
def boundaries(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    form = BoundariesForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = area_boundaries_replace(
                network=role.network, geojson=form.cleaned_data["file"].read(), acting_user=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("De omtrekken van %(count)d gebieden zijn bewaard.") % {"count": len(saved)}
            )
            return redirect("insights:coverage-boundaries")
    current = (
        AreaBoundary.objects.for_network(role.network)
        .select_related("area", "uploaded_by")
        .order_by("area__name")
    )
    return page(
        request,
        role,
        "insights/coverage/boundaries.html",
        {
            "part": "coverage",
            "form": form,
            "forms_with_errors": [form] if form.errors else [],
            "current": current,
        },
        status=400 if form.errors else 200,
    )


def _csv(filename: str, header, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return response


@require_GET
@role_required
def coverage_csv(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    require_insights(role)
    return _csv(
        f"coverage-{role.network.slug}.csv",
        selectors.CSV_HEADER,
        selectors.coverage_rows(network=role.network),
    )


@require_GET
@role_required
def houses_csv(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    require_insights(role)
    return _csv(
        f"coverage-houses-{role.network.slug}.csv",
        selectors.HOUSES_CSV_HEADER,
        selectors.house_pillar_rows(network=role.network),
    )
