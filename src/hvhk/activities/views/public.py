"""Families' activity pages: the list of upcoming sessions with filters, the iCal feeds and a house's A4
programme poster. None of them is cached whole: the places left must be right."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hvhk.activities.calendar import sessions_ics
from hvhk.activities.forms_public import ActivityFilterForm
from hvhk.activities.selectors import public as selectors
from hvhk.core.lib.pdf import logo_data_url, pdf_bytes, pdf_response
from hvhk.core.models import Network
from hvhk.core.tenancy import network_view
from hvhk.directory import selectors as directory
from hvhk.directory.models import Service

FEED_MAX_AGE = 15 * 60
FEED_CACHE = 5 * 60
POSTER_WEEKS, POSTER_MAX_WEEKS = 4, 8


def _page_number(value: str) -> int:
    return int(value) if value.isdigit() and len(value) < 7 else 1


@dataclass
class Page:
    """One page of sessions without counting them all (a count of 10,000 sessions costs more than the page):
    one row more than a page tells whether there is a next one."""

    number: int
    rows: list
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * selectors.PER_PAGE + 1

    @property
    def end_index(self) -> int:
        return self.start_index + len(self.rows) - 1

    @property
    def total(self) -> int | None:
        """The number of sessions when this one page holds them all, else None."""
        return len(self.rows) if self.number == 1 and not self.has_next else None

    @property
    def out_of_range(self) -> bool:
        return self.number > 1 and not self.rows


def _page(sessions, number: int) -> Page:
    start = (number - 1) * selectors.PER_PAGE
    rows = list(sessions[start : start + selectors.PER_PAGE + 1])
    return Page(number=number, rows=rows[: selectors.PER_PAGE], has_next=len(rows) > selectors.PER_PAGE)


def _filter_fields(form: ActivityFilterForm) -> dict[str, dict]:
    """The select fields as plain data (label, id, options with the chosen one): the template writes them out
    itself, which is many times cheaper than Django's widget templates (one template per option)."""
    data = form.valid_data()
    out = {}
    for name in ("when", "age", "house", "area", "kind", "lang"):
        field = form.fields[name]
        value = data.get(name) or ""
        out[name] = {
            "name": name,
            "label": str(field.label),
            "options": [(str(v), str(label), str(v) == value) for v, label in field.choices],
        }
    for name in ("q", "date_from", "date_to"):
        value = data.get(name)
        out[name] = {
            "name": name,
            "label": form.fields[name].label,
            "value": value.isoformat() if isinstance(value, dt.date) else (value or ""),
        }
    return out


def _chips(form: ActivityFilterForm, base: str, service: Service | None) -> list[dict]:
    """Each active filter as a link that removes it."""
    params = form.query_params()
    labels = {
        "q": lambda v: _("Zoekwoord: %(q)s") % {"q": v},
        "date_from": lambda v: _("Vanaf %(d)s") % {"d": v},
        "date_to": lambda v: _("Tot en met %(d)s") % {"d": v},
        "free": lambda v: _("Gratis"),
        "service": lambda v: _("Van: %(name)s") % {"name": service.name if service else v},
    }
    chips = []
    for name, value in params:
        if name in labels:
            label = labels[name](value)
        else:
            field = form.fields[name]
            label = str(dict(field.choices).get(value, value))
        rest = [(n, v) for n, v in params if n != name]
        chips.append({"label": label, "url": f"{base}?{urlencode(rest)}" if rest else base})
    return chips


@require_GET
@network_view
def activity_list(request: HttpRequest, network: Network) -> HttpResponse:
    choices = selectors.filter_choices(network=network)
    form = ActivityFilterForm(request.GET, choices=choices)
    form.is_valid()
    problems = form.problems()
    service = None
    service_id = form.valid_data().get("service")
    if service_id:
        service = (
            Service.objects.for_network(network)
            .filter(pk=service_id, status=Service.Status.ACTIVE)
            .only("id", "name")
            .first()
        )
        if service is None:
            form.add_error("service", "unknown")
            problems = form.problems()
    filters = form.filters(service_id=service.pk if service else None)
    page = _page(
        selectors.session_list(network=network, filters=filters), _page_number(request.GET.get("page", "1"))
    )
    cards = selectors.session_cards(page.rows, network=network)
    base = reverse("activities:list", args=[network.slug])
    params = form.query_params()
    query = urlencode(params)
    context = {
        "filter_fields": _filter_fields(form),
        "free": bool(form.valid_data().get("free")),
        "service_value": str(service.pk) if service else "",
        "problems": problems,
        "page": page,
        "days": selectors.by_day(cards),
        "chips": _chips(form, base, service),
        "clear_url": base,
        "page_url": f"{base}?{query}&page=" if query else f"{base}?page=",
        "first_url": f"{base}?{query}" if query else base,
        "filtered": bool(params),
        "feed_url": reverse("activities:feed", args=[network.slug]),
        "nav": "activities",
    }
    return render(request, "activities/list.html", context)


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _ics_response(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


def _url_for(request: HttpRequest, network: Network):
    prefix = _absolute(request, reverse("activities:list", args=[network.slug]))

    def url_for(session) -> str:
        return f"{prefix}{session.activity_id}/"

    return url_for


@require_GET
@network_view
def feed(request: HttpRequest, network: Network) -> HttpResponse:
    """Every public session of the coming six months, for a calendar program to subscribe to.

    Calendar programs ask again every hour or so, and a large network's feed takes seconds to write, so it is
    kept FEED_CACHE seconds per network, language and host (a change shows within that time)."""
    key = f"activities:feed:{network.pk}:{get_language()}:{request.get_host()}"
    content = cache.get(key)
    if content is None:
        content = sessions_ics(
            selectors.feed_sessions(network=network),
            name=_("Activiteiten van %(network)s") % {"network": network.name},
            url_for=_url_for(request, network),
        )
        cache.set(key, content, FEED_CACHE)
    return _ics_response(content, filename=f"{network.slug}-activiteiten")


@require_GET
@network_view
def activity_ics(request: HttpRequest, network: Network, pk) -> HttpResponse:
    """All sessions of one published activity (to put in one's own calendar)."""
    activity, sessions = selectors.activity_sessions(network=network, activity_id=pk)
    content = sessions_ics(sessions, name=activity.title, url_for=_url_for(request, network))
    return _ics_response(content, filename=slugify(activity.title)[:60] or "activiteit")


def _weeks(value: str) -> int:
    if value.isdigit() and 1 <= int(value) <= POSTER_MAX_WEEKS:
        return int(value)
    return POSTER_WEEKS


def _qr_svg(url: str) -> str:
    """A QR code of `url` as inline SVG (drawn by us, nothing fetched)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return image.to_string(encoding="unicode")


@require_GET
@network_view
def poster(request: HttpRequest, network: Network, house_slug: str) -> HttpResponse:
    """The house's programme of the coming weeks (`?weeks=` 1 to 8, default 4) as an A4 poster."""
    house = directory.house_get(network=network, slug=house_slug)
    weeks = _weeks(request.GET.get("weeks", ""))
    sessions = selectors.poster_sessions(network=network, house=house, weeks=weeks)
    cards = selectors.session_cards(sessions, network=network, with_availability=False)
    list_url = _absolute(request, reverse("activities:list", args=[network.slug])) + f"?house={house.slug}"
    short_url = list_url.split("//", 1)[-1]
    address = next(iter(house.location.addresses.all()), None)
    today = timezone.localdate()
    context = {
        "house": house,
        "house_name": house.translated("name", request.LANGUAGE_CODE)[0],
        "address": address,
        "days": selectors.by_day(cards),
        "weeks": weeks,
        "first_day": today,
        "last_day": today + dt.timedelta(weeks=weeks, days=-1),
        "short_url": short_url,
        "qr_svg": _qr_svg(list_url),
        "logo": logo_data_url(network),
    }
    pdf = pdf_bytes(request, "activities/pdf/poster.html", context)
    return pdf_response(pdf, filename=f"programma-{house.slug}")
