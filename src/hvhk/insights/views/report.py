"""The annual report in the portal (/portal/insights/report/): choose a year, download its PDF, and (the
coordinator) write the year's introduction and closing. The coordinator and the analyst see it; every other role
gets a 404. The PDF is laid out in the request: for Leuven's demo year that takes about 5 seconds (measured with
`hvhk annual-report`), well under a minute, so no task and no "ready" state are needed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.core.lib.forms import add_service_errors
from hvhk.core.lib.pdf import pdf_response
from hvhk.insights.forms_report import ReportTextForm
from hvhk.insights.selectors.report import report_pdf, report_text, report_years, year_is_valid
from hvhk.insights.services.report import report_text_save
from hvhk.insights.views.overview import page, require_network_figures


def _year(value: str | None) -> int:
    years = report_years()
    if value is None or value == "":
        return years[0]
    if not value.isdigit() or int(value) not in years:
        raise Http404
    return int(value)


@require_http_methods(["GET", "POST"])
@role_required
def report(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    require_network_figures(role)
    year = _year(request.POST.get("year") if request.method == "POST" else request.GET.get("year"))
    text = report_text(network=role.network, year=year)
    initial = {"introduction": text.introduction, "closing": text.closing} if text else {}
    form = None
    if role.is_coordinator:
        form = ReportTextForm(request.POST if request.method == "POST" else None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                report_text_save(
                    network=role.network,
                    year=year,
                    introduction=form.cleaned_data["introduction"],
                    closing=form.cleaned_data["closing"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("De teksten van het jaarverslag %(year)d zijn bewaard.") % {"year": year}
                )
                return redirect(f"{reverse('insights:report')}?year={year}")
    elif request.method == "POST":
        raise Http404
    return page(
        request,
        role,
        "insights/report/index.html",
        {"part": "report", "year": year, "years": report_years(), "text": text, "form": form},
        status=400 if form is not None and form.is_bound else 200,
    )


@require_GET
@role_required
def report_download(request: HttpRequest, role: ActiveRole, year: int) -> HttpResponse:
    require_network_figures(role)
    if not year_is_valid(year):
        raise Http404
    with translation.override("nl"):  # the report is in Dutch, whatever language the portal is in
        pdf = report_pdf(network=role.network, year=year, request=request)
    return pdf_response(
        pdf, filename=_("jaarverslag %(year)d %(network)s") % {"year": year, "network": role.network.slug}
    )
