"""Parents' voice in the portal: the moderation queue (a contribution becomes a signal, joins an open signal, or
is set aside; a parent who left an e-mail address can get a reply) and the calls to take part with their
sign-ups. Only the coordinator and the trekkers (`access.contributions_for`, `access.calls_for`) reach these
pages; everyone else, and every id of another network, gets a 404.

Sign-ups hold names and contact details: like registrations and referrals they open only after signing in with a
second factor, and every view of them is written to the call's access log."""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hvhk.accounts.access import ActiveRole, request_roles
from hvhk.accounts.decorators import role_required
from hvhk.core.lib.forms import add_service_errors
from hvhk.signals.forms_voice import (
    CallForm,
    LinkForm,
    RejectForm,
    ReplyForm,
    ToSignalForm,
)
from hvhk.signals.models import CallSignupAccess, VoiceContribution
from hvhk.signals.selectors import voice as selectors
from hvhk.signals.selectors.access import triages
from hvhk.signals.services import voice as services


def _page(request: HttpRequest, role: ActiveRole, template: str, context: dict, status: int = 200):
    return render(
        request,
        template,
        {"role": role, "roles": request_roles(request), "nav": "signals", **context},
        status=status,
    )


def _moderator(request: HttpRequest, role: ActiveRole) -> None:
    """The coordinator and the trekkers moderate; every other role gets a 404 (as for the signals they may
    not see)."""
    if not triages(role=role, user=request.user):
        raise Http404("Only the coordinator and trekkers handle parents' voice")


# --- the queue ---------------------------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
def voice_queue(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    _moderator(request, role)
    show = "done" if request.GET.get("show") == "done" else "new"
    contributions = selectors.contribution_queue(role=role, user=request.user, show=show)
    page = Paginator(contributions, 25).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "show": show,
        "new_count": selectors.contribution_queue(role=role, user=request.user).count(),
    }
    return _page(request, role, "signals/voice/portal/queue.html", context)


def _contribution_forms(request: HttpRequest, role: ActiveRole, contribution: VoiceContribution, action: str):
    data = request.POST if request.method == "POST" else None
    suggested = (contribution.text or contribution.get_useful_display())[:80]
    forms = {
        "signal": ToSignalForm(
            data if action == "signal" else None,
            prefix="signal",
            initial={"title": suggested, "description": contribution.text},
        ),
        "link": LinkForm(
            data if action == "link" else None,
            prefix="link",
            signals=selectors.signals_open(role=role, user=request.user),
        ),
        "reject": RejectForm(data if action == "reject" else None, prefix="reject"),
        "reply": ReplyForm(data if action == "reply" else None, prefix="reply"),
    }
    return forms


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def contribution(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    _moderator(request, role)
    item = selectors.contribution_get(role=role, user=request.user, pk=pk)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    forms = _contribution_forms(request, role, item, action)
    if request.method == "POST":
        form = forms.get(action)
        if form is None:
            raise Http404("Unknown action")
        if form.is_valid():
            try:
                done = _moderate(request, item, action, form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, done)
                return redirect("signals:voice-queue")
    context = {
        "item": item,
        "forms": forms,
        "forms_with_errors": [f for f in forms.values() if f.errors],
        "moderated": item.status != VoiceContribution.Status.NEW,
    }
    return _page(request, role, "signals/voice/portal/contribution.html", context, status=200)


def _moderate(request: HttpRequest, item: VoiceContribution, action: str, form) -> str:
    user = request.user
    if action == "signal":
        signal = services.contribution_to_signal(contribution=item, acting_user=user, **form.cleaned_data)
        return _("Er is een nieuw signaal: „%(title)s”.") % {"title": signal.title}
    if action == "link":
        signal = services.contribution_link(contribution=item, signal=form.chosen(), acting_user=user)
        return _("De bijdrage is toegevoegd aan „%(title)s”.") % {"title": signal.title}
    if action == "reject":
        services.contribution_reject(contribution=item, note=form.cleaned_data["note"], acting_user=user)
        return _("De bijdrage is niet weerhouden.")
    services.contribution_reply(contribution=item, message=form.cleaned_data["message"], acting_user=user)
    return _("Je antwoord wordt gemaild.")


# --- calls -------------------------------------------------------------------------------------------------------


@never_cache
@require_GET
@role_required
def calls(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    _moderator(request, role)
    page = Paginator(selectors.call_list(role=role, user=request.user), 25).get_page(request.GET.get("page"))
    return _page(request, role, "signals/voice/portal/calls.html", {"page": page})


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def call_new(request: HttpRequest, role: ActiveRole) -> HttpResponse:
    _moderator(request, role)
    form = (
        CallForm(request.POST, network=role.network)
        if request.method == "POST"
        else CallForm(network=role.network)
    )
    if request.method == "POST" and form.is_valid():
        try:
            call = services.call_create(
                network=role.network, acting_user=request.user, **form.service_fields()
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(
                request, _("De oproep is bewaard als klad. Publiceer ze om ze op de website te zetten.")
            )
            return redirect("signals:call-detail", call.pk)
    context = {"form": form, "call": None, "forms_with_errors": [form] if form.errors else []}
    return _page(request, role, "signals/voice/portal/call_form.html", context)


def _errors(form: CallForm, error: ValidationError) -> None:
    """A service's error on starts_at belongs to the day field of the form."""
    if hasattr(error, "error_dict") and "starts_at" in error.error_dict:
        error.error_dict["day"] = error.error_dict.pop("starts_at")
    add_service_errors(form, error)


@never_cache
@require_http_methods(["GET", "POST"])
@role_required
def call_edit(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    _moderator(request, role)
    call = selectors.call_get(role=role, user=request.user, pk=pk)
    if request.method == "POST":
        form = CallForm(request.POST, network=role.network, call=call)
        if form.is_valid():
            try:
                services.call_update(call=call, acting_user=request.user, **form.service_fields())
            except ValidationError as error:
                _errors(form, error)
            else:
                messages.success(request, _("De oproep is bewaard."))
                return redirect("signals:call-detail", call.pk)
    else:
        form = CallForm(network=role.network, call=call)
    context = {"form": form, "call": call, "forms_with_errors": [form] if form.errors else []}
    return _page(request, role, "signals/voice/portal/call_form.html", context)


@never_cache
@require_GET
@role_required
def call_detail(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    _moderator(request, role)
    call = selectors.call_get(role=role, user=request.user, pk=pk)
    second_factor = is_mfa_enabled(request.user)
    signups = []
    if second_factor:
        signups = list(call.signups.order_by("created_at"))
        services.signup_access_record(
            call=call,
            acting_user=request.user,
            action=CallSignupAccess.Action.VIEW,
            detail=ngettext("%(n)d inschrijving", "%(n)d inschrijvingen", len(signups)) % {"n": len(signups)},
        )
    context = {
        "call": call,
        "second_factor": second_factor,
        "signups": signups,
        "places_left": services.call_places_left(call),
        "open": services.call_open(call),
        "access_log": selectors.call_access_log(call=call) if second_factor else [],
    }
    return _page(request, role, "signals/voice/portal/call_detail.html", context)


def _call_step(request: HttpRequest, role: ActiveRole, pk, step, done: str) -> HttpResponse:
    _moderator(request, role)
    call = selectors.call_get(role=role, user=request.user, pk=pk)
    try:
        step(call=call, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("signals:call-detail", call.pk)


@require_POST
@role_required
def call_publish(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    return _call_step(request, role, pk, services.call_publish, _("De oproep staat op de website."))


@require_POST
@role_required
def call_close(request: HttpRequest, role: ActiveRole, pk) -> HttpResponse:
    return _call_step(request, role, pk, services.call_close, _("De oproep is afgesloten."))
