"""Result cards: built once per service, language and data version, then kept in the cache.

A results page shows 20 of them; building them from the database costs more than the rest of the page, so
only what changes per visitor and per minute is worked out per request: whether the visitor saved the service
and whether it is open now.
"""

import datetime as dt
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hvhk.core.lib.versions import network_version
from hvhk.core.models import Network
from hvhk.directory.models import Schedule, Service
from hvhk.directory.selectors import SCHEDULE_RULE_FIELDS, service_card_queryset
from hvhk.search.selectors import SearchHit
from hvhk.wegwijzer import display

CARD_TTL = 300


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float


@dataclass
class Card:
    id: str
    url: str
    name: str
    name_is_dutch_fallback: bool
    organization: str
    facts: list[str]
    place: str
    places: list[Place]
    schedules: list[Schedule] = field(repr=False)
    saved: bool = False
    open_now: bool | None = None
    distance: str = ""
    name_marked: str = ""  # the name with the words the search matched in <mark> (per request)
    save_form: str = ""  # the "Bewaar in je lijst" form (per request; see stamp_save_forms)
    html: str = ""  # the whole card, when stamped (per request; see stamp_cards)


def _build(service: Service, base_url: str) -> Card:
    name = display.tr(service, "name")
    facts = [service.age_label]
    cost = display.cost_summary(service)
    if cost:
        facts.append(cost)
    ways = [
        (service.at_home, _("aan huis")),
        (service.online, _("online")),
        (service.by_phone, _("telefonisch")),
        (service.walk_in, _("zonder afspraak")),
    ]
    return Card(
        id=str(service.id),
        url=f"{base_url}{service.id}/",
        name=name.text,
        name_is_dutch_fallback=name.fallback,
        organization=service.organization.name,
        facts=facts + [label for flag, label in ways if flag],
        place=display.place_label(service),
        places=[
            Place(location.name, float(location.latitude), float(location.longitude))
            for location in display.places(service)
            if location.latitude is not None
        ],
        # Plain copies of the opening hours, so "open now" is worked out when the page is shown.
        schedules=[
            Schedule(**{f: getattr(s, f) for f in SCHEDULE_RULE_FIELDS})
            for s in display.service_schedules(service)
        ],
    )


def service_cards(
    service_ids: list[uuid.UUID],
    *,
    network: Network,
    saved: set[str],
    distances: dict | None = None,
    now: dt.datetime | None = None,
    services: Iterable[Service] | None = None,
) -> list[Card]:
    """Cards for these services in this order, in the active language (cached per data version). Missing cards
    are built from `services` (read only when a card is missing) or else loaded from the database."""
    now = now or timezone.now()
    prefix = f"card:{network.pk}:{network_version(network.pk)}:{get_language()}:"
    keys = [prefix + str(i) for i in service_ids]
    found = _kept(keys)
    if len(found) < len(keys):
        found.update(cache.get_many([k for k in keys if k not in found]))
    missing = [i for i in service_ids if prefix + str(i) not in found]
    if missing:
        base_url = reverse("wegwijzer:services", args=[network.slug])
        rows = (
            services
            if services is not None
            else service_card_queryset(network=network).filter(pk__in=missing)
        )
        built = {prefix + str(s.id): _build(s, base_url) for s in rows if s.id in set(missing)}
        cache.set_many(built, CARD_TTL)
        found.update(built)
    _keep(found)
    cards = []
    for service_id in service_ids:
        card = found.get(prefix + str(service_id))
        if card is None:
            continue
        card = replace(card)  # the per-visitor fields below are this request's own
        card.saved = card.id in saved
        card.open_now = display.open_now(card.schedules, now)
        distance = (distances or {}).get(service_id)
        card.distance = display.distance_label(distance) if distance is not None else ""
        cards.append(card)
    return cards


CARDS_KEPT = 2000
_cards_here: dict[str, tuple[float, Card]] = {}  # key: (kept at, card); this process's copies of cached cards


def _kept(keys: list[str]) -> dict[str, Card]:
    """The cards this process already read from the cache (reading them again costs unpickling 20 cards with
    their opening hours, most of the time the cards take), for as long as the cache keeps them."""
    now = time.monotonic()
    found = {}
    for key in keys:
        kept = _cards_here.get(key)
        if kept is not None and now - kept[0] < CARD_TTL:
            found[key] = kept[1]
    return found


def _keep(cards: dict[str, Card]) -> None:
    now = time.monotonic()
    for key, card in cards.items():
        if key not in _cards_here:
            if len(_cards_here) >= CARDS_KEPT:
                _cards_here.pop(next(iter(_cards_here)))  # the oldest
            _cards_here[key] = (now, card)


def hit_cards(hits: list[SearchHit], *, network: Network, saved: set[str]) -> list[Card]:
    """Cards for a page of search hits, with their distances. A card not in the cache is built from the hit's
    service, which the search loads for the whole page at once (so only when some card is missing)."""
    return service_cards(
        [hit.service_id for hit in hits],
        network=network,
        saved=saved,
        distances={hit.service_id: hit.distance_km for hit in hits},
        services=(hit.service for hit in hits if hit.service is not None),
    )


# Letters only: escaping leaves them as they are.
ID_MARK, NAME_MARK, NEXT_MARK = "hvhkcardid7c1e", "hvhkcardname7c1e", "hvhkcardnext7c1e"
_forms_here: dict[
    tuple, str
] = {}  # (network, language, saved): the form with its marks, rendered for the page cache


def stamp_save_forms(cards: list[Card], *, request: HttpRequest, network: Network, next_url: str) -> None:
    """Give each card its "Bewaar in je lijst" form. The form is the service page's own template, rendered once
    per page for a saved and for an unsaved service and stamped with each card's id and name: twenty renders cost
    more than the rest of the result list. A message placed beside one card's form (after saving without
    JavaScript) needs that card's own render: then every card renders its form in the list template."""
    placed = [m for m in get_messages(request) if "placed" in (m.extra_tags or "").split()]
    if not cards or any(f"save-{card.id}" in (m.extra_tags or "").split() for m in placed for card in cards):
        return
    # A page rendered for the page cache has a placeholder for the visitor's token: its forms are the same for
    # every page of the network in that language, and rendered once per process.
    shared = bool(getattr(request, "csrf_placeholder", None))
    forms = {}
    for saved in {card.saved for card in cards}:
        key = (network.pk, network.slug, get_language(), saved, getattr(request, "csrf_placeholder", None))
        form = _forms_here.get(key) if shared else None
        if form is None:
            form = render_to_string(
                "wegwijzer/_save_button.html",
                {
                    "service_id": ID_MARK,
                    "service_name": NAME_MARK,
                    "is_saved": saved,
                    "next": NEXT_MARK,
                    "network": network,
                },
                request=request,
            )
            if shared:
                _forms_here[key] = form
        forms[saved] = form.replace(NEXT_MARK, escape(next_url))
    for card in cards:
        card.save_form = mark_safe(  # noqa: S308 - the template escaped everything but the marks, replaced escaped
            forms[card.saved].replace(ID_MARK, escape(card.id)).replace(NAME_MARK, escape(card.name))
        )


# Letters only, as the marks above.
NAME_SLOT, DISTANCE_SLOT, FORM_SLOT = "hvhkslotname7c1e", "hvhkslotdistance7c1e", "hvhkslotform7c1e"
FRAGMENTS_KEPT = 4000
_fragments_here: dict[tuple, tuple[float, str]] = {}  # key: (rendered at, the card's HTML with slots)


def stamp_cards(cards: list[Card], *, network: Network) -> None:
    """Give each card its whole HTML: the card template rendered once per process for the card (its data
    version and language, for as long as the card itself is cached), whether it is open now and whether it has a
    distance, with slots for the marked
    name, the distance and the save form put in per request. Rendering twenty cards took a sixth of a first
    visit. Only when every card has its stamped save form (see stamp_save_forms); otherwise the list template
    renders each card itself."""
    if not cards or not all(card.save_form for card in cards):
        return
    prefix = (network.pk, network_version(network.pk), get_language())
    for card in cards:
        key = (*prefix, card.id, card.open_now, bool(card.distance))
        kept = _fragments_here.get(key)
        fragment = kept[1] if kept is not None and time.monotonic() - kept[0] < CARD_TTL else None
        if fragment is None:
            slotted = replace(
                card,
                name_marked=mark_safe(NAME_SLOT),  # noqa: S308 - letters only
                distance=DISTANCE_SLOT if card.distance else "",
                save_form=mark_safe(FORM_SLOT),  # noqa: S308 - letters only
            )
            fragment = render_to_string("wegwijzer/_card.html", {"card": slotted})
            if len(_fragments_here) >= FRAGMENTS_KEPT:
                _fragments_here.pop(next(iter(_fragments_here)))  # the oldest
            _fragments_here[key] = (time.monotonic(), fragment)
        card.html = mark_safe(  # noqa: S308 - the template escaped everything but the slots, filled escaped
            fragment.replace(NAME_SLOT, card.name_marked or escape(card.name))
            .replace(DISTANCE_SLOT, escape(card.distance))
            .replace(FORM_SLOT, card.save_form)
        )
