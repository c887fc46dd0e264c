"""The intake side: the triage queue, a request with suggestions and referrals, consent, export and erasure.

Only intake workers of the network open these pages (access.requests); every other role gets a 404.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.decorators import role_required
from hvhk.directory.selectors import house_choice_list
from hvhk.referrals import access, selectors, services
from hvhk.referrals.display import request_labels
from hvhk.referrals.forms import ProfessionalRequestForm, ReferForm
from hvhk.referrals.models import AccessLog, Consent, SupportRequest
from hvhk.referrals.views.page import json_download, portal_page

PER_PAGE = 50
FILTER_LABELS = {
    "open": gettext_lazy("open"),
    "new": gettext_lazy("nieuw"),
    "mine": gettext_lazy("van mij"),
    "referred": gettext_lazy("doorverwezen"),
    "closed": gettext_lazy("afgesloten"),
    "all": gettext_lazy("alle"),
}


def _intake_only(role: ActiveRole) -> None:
    if not role.is_intake:
        raise Http404


@never_cache
@require_GET
@role_required
def queue(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    if role.is_editor:
        return redirect("referrals:referrals")
    _intake_only(role)
    show = request.GET.get("show", "open")
    show = show if show in selectors.QUEUE_FILTERS else "open"
    houses = list(house_choice_list(network=role.network))
    house = next((h for h in houses if str(h.pk) == request.GET.get("house")), None)
    rows = selectors.queue(role=role, show=show, house_id=house.pk if house else None, user=request.user)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "nav": "requests",
        "page": page,
        "show": show,
        "filters": [(key, str(label)) for key, label in FILTER_LABELS.items()],
        "houses": houses,
        "house": house,
        "pagination_params": urlencode({"show": show, **({"house": house.pk} if house else {})}) + "&",
    }
    return portal_page(request, role, "referrals/queue.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def request_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    """A professional (intake worker or partner) registers a family's question with the consent given."""
    if not (role.is_intake or role.is_editor):
        raise Http404
    form = ProfessionalRequestForm(request.POST or None, network=role.network)
    if request.method == "POST" and form.is_valid():
        support_request, _token = services.request_create(
            network=role.network, acting_user=request.user, **form.request_fields()
        )
        messages.success(
            request,
            _("De hulpvraag is geregistreerd met referentie %(ref)s. Geef die referentie aan het gezin.")
            % {"ref": support_request.reference},
        )
        if role.is_intake:
            return redirect("referrals:request", support_request.pk)
        return redirect("portal:home")
    context = {"nav": "requests", "form": form, "forms_with_errors": [form] if form.errors else []}
    return portal_page(request, role, "referrals/request_new.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def request_detail(request: HttpRequest, role: ActiveRole, request_id: str) -> HttpResponse:
    _intake_only(role)
    support_request = access.request_get(role, request_id)
    personal = access.may_see_personal_data(support_request)
    refer_form = None
    offered = []
    search = " ".join(request.GET.get("q", "").split())[:200]
    if personal and support_request.status != SupportRequest.Status.CLOSED:
        offered = selectors.suggestions(request=support_request, text=search or None)
    shares_contact = support_request.consent.allows(Consent.Scope.CONTACT)
    form_kwargs = {"network": role.network, "offered": offered, "shares_contact": shares_contact}
    if request.method == "POST":
        refer_form = ReferForm(request.POST, **form_kwargs)
        if refer_form.is_valid():
            try:
                created = services.referral_create(
                    request=support_request,
                    services=list(refer_form.cleaned_data["services"]),
                    message=refer_form.cleaned_data["message"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                refer_form.add_error(None, error)
            else:
                messages.success(request, _("Doorverwezen naar %(n)d aanbod.") % {"n": len(created)})
                return redirect("referrals:request", support_request.pk)
    elif personal:
        refer_form = ReferForm(**form_kwargs)
    # Every page that shows the family's data is logged, also one shown again with an error after a POST.
    services.access_log_create(
        request=support_request, acting_user=request.user, action=AccessLog.Action.VIEW
    )
    referrals = list(
        support_request.referrals.select_related("organization").prefetch_related("events__actor")
    )
    context = {
        "nav": "requests",
        "r": support_request,
        "consent": support_request.consent,
        "personal": personal,
        "referrals": referrals,
        # Every referral answered, while consent holds: a withdrawal or an expiry stops them instead.
        "loop_closed": personal and bool(referrals) and all(not x.is_open for x in referrals),
        "refer_form": refer_form,
        "search": search,
        "forms_with_errors": [refer_form] if refer_form is not None and refer_form.errors else [],
        "colleagues": selectors.intake_workers(network=role.network).exclude(pk=request.user.pk),
        **request_labels(support_request),
    }
    return portal_page(request, role, "referrals/request.html", context)


@never_cache
@require_POST
@role_required
def request_action(request: HttpRequest, role: ActiveRole, request_id: str) -> HttpResponse:
    """The small actions on a request: take it, mark the family contacted, close it, withdraw consent."""
    _intake_only(role)
    support_request = access.request_get(role, request_id)
    try:
        _request_act(request, role, support_request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("referrals:request", support_request.pk)


def _request_act(request: HttpRequest, role: ActiveRole, support_request) -> None:
    action = request.POST.get("action")
    if action == "assign":
        # Only one of the network's intake workers; anyone else, or a malformed id, is a 404.
        colleague = selectors.intake_worker_get(network=role.network, user_id=request.POST.get("to"))
        services.request_assign(request=support_request, assignee=colleague, acting_user=request.user)
        if colleague == request.user:
            messages.success(request, _("Je behandelt deze hulpvraag nu."))
        else:
            messages.success(request, _("%(name)s behandelt deze hulpvraag nu.") % {"name": colleague})
    elif action == "contacted":
        services.request_mark_contacted(request=support_request, acting_user=request.user)
        messages.success(request, _("Genoteerd: je had contact met het gezin."))
    elif action == "close":
        services.request_close(request=support_request, acting_user=request.user)
        messages.success(request, _("De hulpvraag is afgesloten."))
    elif action == "withdraw":
        services.consent_withdraw(request=support_request, acting_user=request.user)
        messages.success(
            request, _("De toestemming is ingetrokken. De partners kunnen de vraag niet meer openen.")
        )
    else:
        raise Http404


@never_cache
@require_GET
@role_required
def request_export(request: HttpRequest, role: ActiveRole, request_id: str) -> HttpResponse:
    """A download of the request, logged: with the family's personal data while consent holds (a GDPR access
    request the family makes through staff), only the facts without it after a withdrawal or an expiry."""
    _intake_only(role)
    support_request = access.request_get(role, request_id)
    data = services.request_export(request=support_request, acting_user=request.user)
    return json_download(data, support_request.reference)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def request_erase(request: HttpRequest, role: ActiveRole, request_id: str) -> HttpResponse:
    _intake_only(role)
    support_request = access.request_get(role, request_id)
    if request.method == "POST" and request.POST.get("confirm") == support_request.reference:
        services.request_erase(request=support_request, acting_user=request.user)
        messages.success(request, _("De hulpvraag %(ref)s is gewist.") % {"ref": support_request.reference})
        return redirect("referrals:queue")
    error = request.method == "POST"
    return portal_page(
        request, role, "referrals/erase.html", {"nav": "requests", "r": support_request, "error": error}
    )


@never_cache
@require_GET
@role_required(coordinator=True)
def access_log(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    page = Paginator(selectors.access_log_list(role=role), 100).get_page(request.GET.get("page"))
    return portal_page(request, role, "referrals/access_log.html", {"nav": "access-log", "page": page})
