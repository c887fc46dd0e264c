from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hvhk.core.lib.http import is_local_path
from hvhk.core.models import Network
from hvhk.core.selectors import scoped_get_or_404
from hvhk.core.tenancy import network_view
from hvhk.directory import selectors as directory
from hvhk.directory.models import Service
from hvhk.wegwijzer import saved_list
from hvhk.wegwijzer.brochure import brochure_pdf
from hvhk.wegwijzer.pdf import pdf_response, render_pdf


def _back(request: HttpRequest, network: Network) -> HttpResponse:
    target = request.POST.get("next", "")
    return redirect(target if is_local_path(target) else reverse("wegwijzer:list", args=[network.slug]))


@require_GET
@network_view
def saved(request: HttpRequest, network: Network) -> HttpResponse:
    services = directory.services_by_ids(network=network, ids=saved_list.saved_ids(request, network))
    return render(request, "wegwijzer/list.html", {"services": services, "nav": "list"})


@require_POST
@network_view
def saved_add(request: HttpRequest, network: Network) -> HttpResponse:
    service = scoped_get_or_404(
        directory.service_list(network=network), network=network, id=request.POST.get("service", "")
    )
    if saved_list.save(request, network, str(service.id)):
        messages.success(request, _("Bewaard in je lijst: %(name)s") % {"name": service.name})
    else:
        messages.error(request, _("Je lijst is vol. Verwijder eerst iets."))
    if request.htmx:
        return render(request, "wegwijzer/_save_button.html", {"service": service, "is_saved": True})
    return _back(request, network)


@require_POST
@network_view
def saved_remove(request: HttpRequest, network: Network) -> HttpResponse:
    service_id = request.POST.get("service", "")
    if request.POST.get("all") == "1":
        saved_list.clear(request, network)
        messages.success(request, _("Je lijst is leeg."))
    else:
        saved_list.remove(request, network, service_id)
    if request.htmx and service_id:
        service = scoped_get_or_404(Service, network=network, id=service_id)
        return render(request, "wegwijzer/_save_button.html", {"service": service, "is_saved": False})
    return _back(request, network)


@require_GET
@network_view
def saved_pdf(request: HttpRequest, network: Network) -> HttpResponse:
    services = directory.services_by_ids(network=network, ids=saved_list.saved_ids(request, network))
    if not services:
        raise Http404("The list is empty")
    context = {"title": _("Mijn lijst"), "sections": [{"title": "", "services": services}]}
    return render_pdf(request, "wegwijzer/pdf/brochure.html", context, filename=f"{network.slug}-mijn-lijst")


@require_GET
@network_view
def brochure(request: HttpRequest, network: Network) -> HttpResponse:
    """The print directory for families and partners: the whole offering, or one life domain (?domain=)."""
    pdf, title = brochure_pdf(request, network=network, domain_code=request.GET.get("domain", "").strip())
    return pdf_response(pdf, filename=f"{network.slug}-{title}")
