from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hvhk.core.lib.http import is_local_path
from hvhk.core.lib.messages import placed
from hvhk.core.lib.pdf import pdf_response, render_pdf
from hvhk.core.models import Network
from hvhk.core.selectors import scoped_get_or_404
from hvhk.core.tenancy import network_view
from hvhk.directory import selectors as directory
from hvhk.directory.models import Service
from hvhk.wegwijzer import saved_list
from hvhk.wegwijzer.brochure import brochure_pdf


def _back(request: HttpRequest, network: Network, *, anchor: str = "") -> HttpResponse:
    target = request.POST.get("next", "")
    target = target if is_local_path(target) else reverse("wegwijzer:list", args=[network.slug])
    return redirect(f"{target}#{anchor}" if anchor and "#" not in target else target)


def _answer(request: HttpRequest, network: Network, *, service, is_saved: bool, status: str, level: int):
    """The button's new state with its status beside it: in place for htmx, else on the page we go back to,
    scrolled to the button (the message is placed next to it, not at the top of the page)."""
    if request.htmx:
        context = {"service": service, "is_saved": is_saved, "status": status, "swap_status": True}
        return render(request, "wegwijzer/_save_button.html", context)
    messages.add_message(request, level, status, extra_tags=placed(f"save-{service.id}"))
    return _back(request, network, anchor=f"save-{service.id}")


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
        status, level, is_saved = (
            _("Bewaard in je lijst: %(name)s") % {"name": service.name},
            messages.SUCCESS,
            True,
        )
    else:
        status, level, is_saved = _("Je lijst is vol. Verwijder eerst iets."), messages.ERROR, False
    return _answer(request, network, service=service, is_saved=is_saved, status=status, level=level)


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
        status = _("Uit je lijst gehaald: %(name)s") % {"name": service.name}
        return _answer(
            request, network, service=service, is_saved=False, status=status, level=messages.SUCCESS
        )
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
