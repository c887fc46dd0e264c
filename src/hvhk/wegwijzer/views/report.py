from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited

from hvhk.core.lib.http import client_ip, is_local_path
from hvhk.core.models import Network
from hvhk.core.tenancy import network_view
from hvhk.feedback.services import error_report_create
from hvhk.wegwijzer.forms import ReportForm
from hvhk.wegwijzer.reports import service_for_page


@require_http_methods(["GET", "POST"])
@network_view
def report(request: HttpRequest, network: Network) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST)
        limited = is_ratelimited(
            request,
            group="report",
            key=client_ip,
            rate=settings.RATELIMIT_REPORTS,
            method="POST",
            increment=True,
        )
        if limited:
            form.add_error(None, ReportForm.too_many_message())
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            if not form.is_spam:
                page_url = data["page_url"] or reverse("wegwijzer:home", args=[network.slug])
                error_report_create(
                    network=network,
                    page_url=page_url,
                    topic=data["topic"],
                    message=data["message"],
                    reporter_email=data["reporter_email"],
                    language=get_language() or "nl",
                    service=service_for_page(network=network, path=page_url),
                )
            thanks = reverse("wegwijzer:report-thanks", args=[network.slug])
            return redirect(
                f"{thanks}?{urlencode({'page': data['page_url']})}" if data["page_url"] else thanks
            )
    else:
        page = request.GET.get("page", "")
        form = ReportForm(initial={"page_url": page if is_local_path(page) else ""})
    return render(request, "wegwijzer/report.html", {"form": form}, status=status)


@require_GET
@network_view
def report_thanks(request: HttpRequest, network: Network) -> HttpResponse:
    page = request.GET.get("page", "")
    return render(request, "wegwijzer/report_thanks.html", {"back_to": page if is_local_path(page) else ""})
