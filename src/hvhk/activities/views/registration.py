"""The family's side of an activity: its page with the registration form, and the private link to look at,
change or cancel a registration, or take a place the waiting list offers. No account anywhere.

The private pages carry their token in the URL (like the meetings' answer link): they are never cached or
indexed, and the site's Referrer-Policy (same-origin) keeps the link from other sites ("no-referrer" would make
Chromium send `Origin: null`, which fails CSRF on the page's own buttons). Logs lose the token
(core/lib/log_filters.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from hvhk.activities.forms_registration import (
    RegistrationChangeForm,
    RegistrationForm,
    row_left_text,
)
from hvhk.activities.models import Activity, Registration
from hvhk.activities.selectors import registrations_public as selectors
from hvhk.activities.selectors.availability import series_availability
from hvhk.activities.services import registrations as services
from hvhk.core.lib.forms import add_service_errors
from hvhk.core.lib.http import client_ip
from hvhk.core.models import Network
from hvhk.core.tenancy import network_view
from hvhk.directory.languages import language_name
from hvhk.directory.models import Service

Status = Registration.Status
DONE = ("registered", "changed", "cancelled", "accepted", "declined")


def _private(response: HttpResponse) -> HttpResponse:
    """A page with a family's registration on it: never cached, never indexed."""
    add_never_cache_headers(
        response
    )  # Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


def _euro(cents: int) -> str:
    return "€ " + formats.number_format(cents / 100, 2, use_l10n=True)


def _url_or_empty(name: str, *args) -> str:
    """A link to a page another part of the site may not have yet (the activity's .ics)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


# --- the activity's page ---------------------------------------------------------------------------------------


def _detail(request: HttpRequest, network: Network, activity: Activity, form=None, status: int = 200):
    now = timezone.now()
    rows = selectors.sessions_upcoming(activity=activity, now=now)
    language = get_language()
    if form is None:
        form = RegistrationForm(activity=activity, rows=rows)
    title, title_fallback = activity.translated("title", language)
    description, description_fallback = activity.translated("description", language)
    series = None
    if activity.per_series:
        places = series_availability(activity=activity)
        started = selectors.series_started(activity=activity, now=now)
        series = {
            "places": places,
            "started": started,
            "left_text": row_left_text(places.left) if places.left is not None else "",
            "open": not started and (not places.is_full or activity.waiting_list),
        }
        can_register = series["open"]
    else:
        can_register = any(row.can_register for row in rows)
    context = {
        "nav": "activities",
        "activity": activity,
        "title": title,
        "description": description,
        "translated_fallback": title_fallback or description_fallback,
        "ages": Service.age_label.fget(activity),  # the same fields and words as a service's ages
        "languages": [language_name(code) for code in activity.languages or []],
        "price": _euro(activity.price_cents) if activity.price_cents else "",
        "uitpas_price": _euro(activity.uitpas_price_cents) if activity.uitpas_price_cents is not None else "",
        "organization": activity.service.organization,
        "rows": rows,
        "series": series,
        "form": form,
        "can_register": activity.registration_required and can_register,
        "ics_url": _url_or_empty("activities:activity-ics", network.slug, activity.pk),
        "list_url": _url_or_empty("activities:list", network.slug),
    }
    response = render(request, "activities/detail.html", context, status=status)
    if request.method == "POST":
        _private(response)  # the visitor's own input is on the page
    return response


@require_GET
@network_view
def detail(request: HttpRequest, network: Network, pk) -> HttpResponse:
    activity = selectors.activity_public_get(network=network, pk=pk)
    return _detail(request, network, activity)


def _too_many(request: HttpRequest) -> bool:
    return is_ratelimited(
        request,
        group="activities-register",
        key=client_ip,
        rate=settings.RATELIMIT_REGISTRATIONS,
        method="POST",
        increment=True,
    )


@require_POST
@network_view
def register(request: HttpRequest, network: Network, pk) -> HttpResponse:
    activity = selectors.activity_public_get(network=network, pk=pk)
    rows = selectors.sessions_upcoming(activity=activity)
    form = RegistrationForm(request.POST, activity=activity, rows=rows)
    status = 200
    if form.is_valid():
        # Only registrations that are sent count towards the limit (a typo costs nothing).
        if _too_many(request):
            form.add_error(None, RegistrationForm.too_many_message())
            status = 429
        else:
            try:
                _registration, token = services.registration_create(
                    activity=activity, language=get_language() or "nl", **form.service_fields()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                url = reverse("activities:registration", args=[network.slug, token])
                return _private(redirect(f"{url}?done=registered"))
    return _detail(request, network, activity, form=form, status=status)


# --- the private link ------------------------------------------------------------------------------------------


def _missing(request: HttpRequest) -> HttpResponse:
    return _private(render(request, "activities/registration_missing.html", status=404))


def _page(
    request: HttpRequest,
    network: Network,
    registration: Registration,
    token: str,
    *,
    form=None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    now = timezone.now()
    activity = registration.activity
    language = get_language()
    sessions = list(activity.sessions.all()) if activity.per_series else [registration.session]
    over = selectors.registration_over(registration=registration, now=now)
    active = registration.status in Registration.ACTIVE and not over
    if form is None and active:
        form = RegistrationChangeForm(
            initial={
                "adults": registration.adults,
                "children": registration.children,
                "children_ages": registration.children_ages,
                "remark": registration.remark,
            }
        )
    done = request.GET.get("done", "")
    context = {
        "registration": registration,
        "activity": activity,
        "title": activity.translated("title", language)[0],
        "sessions": [s for s in sessions if s is not None],
        "position": selectors.waiting_position(registration=registration),
        "form": form if active else None,
        "active": active,
        "over": over,
        "offer_open": registration.status == Status.OFFERED
        and registration.offer_expires_at is not None
        and registration.offer_expires_at > now,
        "done": done if done in DONE and not error else "",
        "error": error,
        "token": token,
        "organization": activity.service.organization,
        "private_url": request.build_absolute_uri(
            reverse("activities:registration", args=[network.slug, token])
        ),
    }
    return _private(render(request, "activities/registration_page.html", context, status=status))


def _found(network: Network, token: str) -> Registration | None:
    return selectors.registration_by_token(network=network, token=token)


def _back(network: Network, token: str, done: str) -> HttpResponse:
    url = reverse("activities:registration", args=[network.slug, token])
    return _private(redirect(f"{url}?done={done}"))


@require_GET
@network_view
def registration_page(request: HttpRequest, network: Network, token: str) -> HttpResponse:
    registration = _found(network, token)
    if registration is None:
        return _missing(request)
    return _page(request, network, registration, token)


@require_POST
@network_view
def registration_change(request: HttpRequest, network: Network, token: str) -> HttpResponse:
    registration = _found(network, token)
    if registration is None:
        return _missing(request)
    form = RegistrationChangeForm(request.POST)
    if form.is_valid():
        try:
            services.registration_change(registration=registration, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _back(network, token, "changed")
    registration.refresh_from_db()
    return _page(request, network, registration, token, form=form)


def _step(request: HttpRequest, network: Network, token: str, step, done: str) -> HttpResponse:
    registration = _found(network, token)
    if registration is None:
        return _missing(request)
    try:
        step(registration=registration)
    except ValidationError as error:
        registration.refresh_from_db()
        return _page(request, network, registration, token, error=" ".join(error.messages))
    return _back(network, token, done)


@require_http_methods(["GET", "POST"])
@network_view
def registration_cancel(request: HttpRequest, network: Network, token: str) -> HttpResponse:
    """GET asks "are you sure?" (no JavaScript needed); POST cancels."""
    if request.method == "POST":
        return _step(request, network, token, services.registration_cancel, "cancelled")
    registration = _found(network, token)
    if registration is None:
        return _missing(request)
    if registration.status not in Registration.ACTIVE:
        return _page(request, network, registration, token)
    language = get_language()
    context = {
        "registration": registration,
        "activity": registration.activity,
        "title": registration.activity.translated("title", language)[0],
        "token": token,
    }
    return _private(render(request, "activities/registration_cancel.html", context))


@require_POST
@network_view
def registration_accept(request: HttpRequest, network: Network, token: str) -> HttpResponse:
    return _step(request, network, token, services.registration_offer_accept, "accepted")


@require_POST
@network_view
def registration_decline(request: HttpRequest, network: Network, token: str) -> HttpResponse:
    return _step(request, network, token, services.registration_offer_decline, "declined")
