"""Volunteers on the public site (no account): the open roles of the network and its partners, the sign-up form,
and a volunteer's own page behind their private link (what we keep, and erasing it).

As the other public forms: the network comes from the URL, the form has a CSRF token and works without
JavaScript, only a sign-up that is actually sent counts towards the rate limit (RATELIMIT_VOLUNTEER per address),
and a page with a visitor's own input is never cached. The thank-you page says the same whether the address was
new or known (it tells nobody who else volunteers); the mail says the rest."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited

from hvhk.core.lib.forms import add_service_errors
from hvhk.core.lib.http import client_ip
from hvhk.core.models import Network
from hvhk.core.tenancy import network_view
from hvhk.volunteers import selectors, services
from hvhk.volunteers.forms import SignupForm
from hvhk.volunteers.models import AVAILABILITY, DAY_PARTS, INTERESTS, LANGUAGES, WEEKDAYS


def _private(response: HttpResponse) -> HttpResponse:
    """A page with what a visitor typed or with their data: never cached, never indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _too_many(request: HttpRequest) -> bool:
    return is_ratelimited(
        request,
        group="volunteer",
        key=client_ip,
        rate=settings.RATELIMIT_VOLUNTEER,
        method="POST",
        increment=True,
    )


def _thanks_key(network: Network) -> str:
    return f"volunteer_thanks:{network.slug}"


@require_http_methods(["GET", "POST"])
@network_view
def volunteer(request: HttpRequest, network: Network) -> HttpResponse:
    roles = list(selectors.roles_public(network=network))
    status = 200
    if request.method == "POST":
        form = SignupForm(request.POST, network=network, roles=selectors.roles_public(network=network))
        if form.is_valid() and _too_many(request):
            form.add_error(None, SignupForm.too_many_message())
            status = 429
        elif form.is_valid():
            try:
                services.volunteer_signup(
                    network=network, language=(get_language() or "nl")[:10], **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                request.session[_thanks_key(network)] = {
                    "name": form.cleaned_data["name"],
                    "email": bool(form.cleaned_data["email"]),
                }
                return _private(redirect("volunteers:thanks", network.slug))
    else:
        wanted = request.GET.get("rol", "")
        initial = {"role_wanted": wanted} if any(str(r.pk) == wanted for r in roles) else {}
        form = SignupForm(network=network, roles=selectors.roles_public(network=network), initial=initial)
    context = {
        "nav": "volunteer",
        "roles": roles,
        "form": form,
        "forms_with_errors": [form] if form.errors else [],
        "interests": INTERESTS,
        "languages": LANGUAGES,
        "weekdays": WEEKDAYS,
        "day_parts": DAY_PARTS,
        "retention_months": settings.VOLUNTEER_RETENTION_MONTHS,
    }
    response = render(request, "volunteers/public.html", context, status=status)
    return _private(response) if request.method == "POST" else response


@require_GET
@network_view
def thanks(request: HttpRequest, network: Network) -> HttpResponse:
    sent = request.session.pop(_thanks_key(network), None)
    if not sent:
        return redirect("volunteers:public", network.slug)
    context = {"nav": "volunteer", "sent": sent}
    return _private(render(request, "volunteers/thanks.html", context))


@require_http_methods(["GET", "POST"])
@network_view
def private(request: HttpRequest, network: Network, token: str) -> HttpResponse:
    """The volunteer's own page: everything we keep of them, and a button to erase it."""
    person = selectors.volunteer_by_token(network=network, token=token)
    if request.method == "POST":
        if person is not None and request.POST.get("confirm") == "yes":
            services.volunteer_erase(volunteer=person)
            return _private(render(request, "volunteers/erased.html", {"nav": "volunteer"}))
        if person is None:
            raise Http404("No volunteer behind this link")
        context = {"volunteer": person, "must_confirm": True, **_labels(person)}
        return _private(render(request, "volunteers/private.html", context, status=400))
    if person is None:
        return _private(render(request, "volunteers/private_gone.html", {"nav": "volunteer"}, status=404))
    services.volunteer_export_record(volunteer=person)
    context = {"volunteer": person, **_labels(person)}
    return _private(render(request, "volunteers/private.html", context))


def _labels(person) -> dict:
    return {
        "interest_labels": [INTERESTS[k] for k in person.interests if k in INTERESTS],
        "language_labels": [LANGUAGES[k] for k in person.languages if k in LANGUAGES],
        "availability_labels": [
            f"{WEEKDAYS[AVAILABILITY[k][0]]} {DAY_PARTS[AVAILABILITY[k][1]]}"
            for k in person.availability
            if k in AVAILABILITY
        ],
        "retention_months": settings.VOLUNTEER_RETENTION_MONTHS,
    }


@require_http_methods(["GET", "POST"])
@network_view
def help_answer(request: HttpRequest, network: Network, token: str, pk) -> HttpResponse:
    """A volunteer answers a call for a hand (the link in the mail): the page shows what is asked, one button says
    yes. Who says yes is shown to the partner who asked."""
    person = selectors.volunteer_by_token(network=network, token=token)
    help_request = selectors.help_request_public(network=network, pk=pk)
    if person is None or help_request is None:
        return _private(render(request, "volunteers/private_gone.html", {"nav": "volunteer"}, status=404))
    said_yes = help_request.offers.filter(volunteer=person).exists()
    problem, status = "", 200
    if request.method == "POST":
        try:
            services.help_offer_make(help_request=help_request, volunteer=person)
        except ValidationError as error:
            problem, status = " ".join(error.messages), 400
        else:
            said_yes = True
    context = {
        "nav": "volunteer",
        "volunteer": person,
        "help": help_request,
        "said_yes": said_yes,
        "problem": problem,
        "token": token,
    }
    return _private(render(request, "volunteers/help_answer.html", context, status=status))
