"""The family's side: ask a question (no account), then follow it and withdraw consent through a private link.

The private link carries a token, like a password-reset link. As Django's password reset does, opening it puts
the token in the session and redirects to a URL without it, so the token does not travel on in Referer headers,
"Meld het ons" reports, bookmarks of the page or Django's logs. The session keeps it only while the family uses
the page (PRIVATE_IDLE_SECONDS), for a shared computer."""

import time

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from hvhk.core.lib.http import client_ip
from hvhk.core.models import Network
from hvhk.core.tenancy import network_view
from hvhk.referrals import selectors, services
from hvhk.referrals.forms import AskForm
from hvhk.referrals.models import Consent
from hvhk.referrals.views.page import json_download

SESSION_NEW = "ask_new_reference"
PRIVATE_IDLE_SECONDS = 30 * 60


def _private(response: HttpResponse) -> HttpResponse:
    """A page behind the private link: never cached or indexed. The site's Referrer-Policy (same-origin) already
    keeps the link from other sites; "no-referrer" would make Chromium send `Origin: null`, which fails CSRF."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_http_methods(["GET", "POST"])
@network_view
def ask(request: HttpRequest, network: Network) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = AskForm(request.POST, network=network)
        # Only questions that are sent count towards the limit (a typo costs nothing). There is no honeypot
        # field: a browser's autofill could fill it, and silently dropping a family's question costs too much.
        if form.is_valid() and _too_many(request):
            form.add_error(None, AskForm.too_many_message())
            status = 429
        elif form.is_valid():
            support_request, token = services.request_create(
                network=network, consent_how=Consent.How.ONLINE, **form.request_fields()
            )
            request.session.cycle_key()  # a new session id for a session that now opens personal data
            request.session[SESSION_NEW] = support_request.reference
            _remember(request, network, token)
            return redirect("referrals:private_page", network.slug)
    else:
        form = AskForm(network=network)
    context = {
        "nav": "ask",
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
        "consent_months": settings.CONSENT_MONTHS,
        "retention_months": settings.REQUEST_RETENTION_MONTHS,
    }
    return _private(render(request, "referrals/ask.html", context, status=status))


def _too_many(request: HttpRequest) -> bool:
    rate = settings.RATELIMIT_REQUESTS
    return is_ratelimited(request, group="ask", key=client_ip, rate=rate, method="POST", increment=True)


def _session_key(network: Network) -> str:
    return f"ask_private:{network.slug}"


def _remember(request: HttpRequest, network: Network, token: str) -> None:
    request.session[_session_key(network)] = {"token": token, "seen": time.time()}


def _remembered(request: HttpRequest, network: Network):
    """The request whose private link was opened in this session, while the family keeps using the page."""
    kept = request.session.get(_session_key(network))
    if not kept or time.time() - kept.get("seen", 0) > PRIVATE_IDLE_SECONDS:
        request.session.pop(_session_key(network), None)
        return None, None
    support_request = selectors.request_get_by_token(network=network, token=kept["token"])
    if support_request is None:
        request.session.pop(_session_key(network), None)
        return None, None
    _remember(request, network, kept["token"])
    return support_request, kept["token"]


def _link_needed(request: HttpRequest) -> HttpResponse:
    return _private(render(request, "referrals/private_missing.html", status=404))


@require_http_methods(["GET"])
@network_view
def private(request: HttpRequest, network: Network, token: str) -> HttpResponse:
    """The private link itself: remember the token in the session and continue on a URL without it."""
    if selectors.request_get_by_token(network=network, token=token) is None:
        raise Http404
    request.session.cycle_key()  # never a session id someone else may know (session fixation)
    _remember(request, network, token)
    return _private(redirect("referrals:private_page", network.slug))


@require_http_methods(["GET"])
@network_view
def private_page(request: HttpRequest, network: Network) -> HttpResponse:
    support_request, token = _remembered(request, network)
    if support_request is None:
        return _link_needed(request)
    new = request.session.pop(SESSION_NEW, None) == support_request.reference
    referrals = list(support_request.referrals.select_related("organization").order_by("created_at"))
    context = {
        "support_request": support_request,
        "consent": support_request.consent,
        "referrals": referrals,
        "new": new,
        "token": token,  # for the feedback form (signals/voice/_request_feedback.html), posted, never in a URL
        "private_url": request.build_absolute_uri(reverse("referrals:private", args=[network.slug, token])),
    }
    return _private(render(request, "referrals/private.html", context))


@require_http_methods(["GET"])
@network_view
def private_export(request: HttpRequest, network: Network) -> HttpResponse:
    """The family's own download of everything stored on its request (its right of access), also after it
    withdrew or its consent expired; written to the access log like every export."""
    support_request, _token = _remembered(request, network)
    if support_request is None:
        return _link_needed(request)
    data = services.request_export(request=support_request, acting_user=None, family=True)
    return _private(json_download(data, support_request.reference))


@require_http_methods(["GET", "POST"])
@network_view
def withdraw(request: HttpRequest, network: Network) -> HttpResponse:
    support_request, _token = _remembered(request, network)
    if support_request is None:
        return _link_needed(request)
    if request.method == "POST":
        services.consent_withdraw(request=support_request, acting_user=None)
        return _private(redirect("referrals:private_page", network.slug))
    return _private(render(request, "referrals/withdraw.html", {"support_request": support_request}))
