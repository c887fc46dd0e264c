"""Parents' voice on the public site (no account): what parents miss or would do better, the calls to take part
with their sign-up, and the short feedback after a support request or an activity.

As the ask page: the network comes from the URL (`network_view`), every form has a CSRF token and works without
JavaScript, only what is actually sent counts towards the rate limit (RATELIMIT_VOICE per address, shared by the
three forms), and a page with a visitor's own input is never cached. A refused text comes back in the form with
the reason; a text sent again is answered politely and not stored twice. The thank-you page shows the parent's
words escaped, never as markup.

Feedback is keyed by the family's private token (a hidden field, never in a URL), so only that family can send it,
once per request or registration."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from hvhk.activities.selectors.registrations_public import registration_by_token
from hvhk.core.lib.forms import add_service_errors
from hvhk.core.lib.http import client_ip
from hvhk.core.models import Network
from hvhk.core.tenancy import network_view
from hvhk.referrals.selectors import request_get_by_token
from hvhk.signals.forms_voice import FeedbackForm, SignupForm, VoiceForm
from hvhk.signals.models import VoiceContribution
from hvhk.signals.selectors import voice as selectors
from hvhk.signals.services import voice as services

Kind = VoiceContribution.Kind


def _private(response: HttpResponse) -> HttpResponse:
    """A page with what a visitor typed on it: never cached, never indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _too_many(request: HttpRequest) -> bool:
    return is_ratelimited(
        request, group="voice", key=client_ip, rate=settings.RATELIMIT_VOICE, method="POST", increment=True
    )


def _language() -> str:
    return (get_language() or "nl")[:10]


def _thanks_key(network: Network) -> str:
    return f"voice_thanks:{network.slug}"


# --- the voice page ----------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@network_view
def voice(request: HttpRequest, network: Network) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = VoiceForm(request.POST, network=network)
        if form.is_valid() and _too_many(request):
            form.add_error(None, VoiceForm.too_many_message())
            status = 429
        elif form.is_valid():
            fields = form.service_fields()
            try:
                services.contribution_submit(network=network, language=_language(), **fields)
            except services.DuplicateText:
                request.session[_thanks_key(network)] = {"text": fields["text"], "duplicate": True}
                return _private(redirect("signals:voice-thanks", network.slug))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                request.session[_thanks_key(network)] = {
                    "text": fields["text"],
                    "duplicate": False,
                    "email": bool(fields["email"]),
                }
                return _private(redirect("signals:voice-thanks", network.slug))
    else:
        form = VoiceForm(network=network)
    context = {
        "nav": "voice",
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
        "calls": selectors.calls_published(network=network),
        "retention_days": settings.VOICE_RETENTION_DAYS,
    }
    response = render(request, "signals/voice/voice.html", context, status=status)
    return _private(response) if request.method == "POST" else response


@require_GET
@network_view
def voice_thanks(request: HttpRequest, network: Network) -> HttpResponse:
    sent = request.session.pop(_thanks_key(network), None)
    if not sent:
        return redirect("signals:voice", network.slug)
    context = {"nav": "voice", "sent": sent, "retention_days": settings.VOICE_RETENTION_DAYS}
    return _private(render(request, "signals/voice/thanks.html", context))


# --- calls to take part ------------------------------------------------------------------------------------------


def _signed_key(network: Network) -> str:
    return f"voice_signed:{network.slug}"


@require_http_methods(["GET", "POST"])
@network_view
def call(request: HttpRequest, network: Network, pk) -> HttpResponse:
    participation_call = selectors.call_public_get(network=network, pk=pk)
    status = 200
    form = SignupForm(request.POST) if request.method == "POST" else SignupForm()
    if request.method == "POST" and form.is_valid():
        if _too_many(request):
            form.add_error(None, SignupForm.too_many_message())
            status = 429
        else:
            try:
                services.call_signup(call=participation_call, language=_language(), **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                request.session[_signed_key(network)] = str(participation_call.pk)
                return _private(redirect("signals:call", network.slug, participation_call.pk))
    signed = request.method == "GET" and request.session.pop(_signed_key(network), None) == str(
        participation_call.pk
    )
    context = {
        "nav": "voice",
        "call": participation_call,
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
        "open": services.call_open(participation_call),
        "places_left": services.call_places_left(participation_call),
        "signed": signed,
        "retention_days": settings.VOICE_RETENTION_DAYS,
    }
    response = render(request, "signals/voice/call.html", context, status=status)
    return _private(response) if request.method == "POST" or signed else response


# --- feedback ----------------------------------------------------------------------------------------------------


def _feedback(request: HttpRequest, network: Network, *, kind: str) -> HttpResponse:
    form = FeedbackForm(request.POST)
    token = request.POST.get("token", "")
    if kind == Kind.REQUEST_FEEDBACK:
        subject = request_get_by_token(network=network, token=token)
        back = reverse("referrals:private_page", args=[network.slug])
        subject_kwargs = {"support_request": subject}
    else:
        subject = registration_by_token(network=network, token=token)
        back = reverse("activities:registration", args=[network.slug, token])
        subject_kwargs = {"registration": subject}
    if subject is None:
        raise Http404("No request or registration behind this token")
    status = 200
    if form.is_valid():
        if _too_many(request):
            form.add_error(None, VoiceForm.too_many_message())
            status = 429
        else:
            try:
                services.feedback_submit(
                    network=network,
                    useful=form.cleaned_data["useful"],
                    text=form.cleaned_data["text"],
                    language=_language(),
                    **subject_kwargs,
                )
            except ValidationError as error:
                if getattr(error, "code", None) == "given":
                    return _private(redirect(back + "#feedback"))
                add_service_errors(form, error)
            else:
                return _private(redirect(back + "#feedback"))
    context = {
        "form": form,
        "forms_with_errors": [form],
        "action": reverse(
            "signals:request-feedback" if kind == Kind.REQUEST_FEEDBACK else "signals:activity-feedback",
            args=[network.slug],
        ),
        "back": back,
    }
    return _private(render(request, "signals/voice/feedback.html", context, status=status))


@require_POST
@network_view
def request_feedback(request: HttpRequest, network: Network) -> HttpResponse:
    return _feedback(request, network, kind=Kind.REQUEST_FEEDBACK)


@require_POST
@network_view
def activity_feedback(request: HttpRequest, network: Network) -> HttpResponse:
    return _feedback(request, network, kind=Kind.ACTIVITY_FEEDBACK)
