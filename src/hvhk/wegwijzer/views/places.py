from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hvhk.activities.selectors.public import ActivityFilters, upcoming_cards
from hvhk.core.models import Network
from hvhk.core.tenancy import network_view
from hvhk.directory import selectors as directory
from hvhk.wegwijzer import display, saved_list
from hvhk.wegwijzer.caching import public_page_cache
from hvhk.wegwijzer.cards import service_cards, stamp_cards, stamp_save_forms


def _house_card(house) -> dict:
    schedules = list(house.location.schedules.all())
    return {
        "house": house,
        "name": display.tr(house, "name"),
        "address": next(iter(house.location.addresses.all()), None),
        "phone": next(iter(house.location.phones.all()), None),
        "today": display.today_hours(schedules),
        "open_now": display.open_now(schedules),
    }


@require_GET
@network_view
@public_page_cache
def houses(request: HttpRequest, network: Network) -> HttpResponse:
    cards = [_house_card(house) for house in directory.house_list(network=network)]
    return render(request, "wegwijzer/houses.html", {"houses": cards, "nav": "houses"})


@require_GET
@network_view
@public_page_cache
def house_detail(request: HttpRequest, network: Network, slug: str) -> HttpResponse:
    house = directory.house_get(network=network, slug=slug)
    schedules = list(house.location.schedules.all())
    context = {
        **_house_card(house),
        "description": display.tr(house, "description"),
        "week": display.week_rows(schedules),
        "holiday": display.holiday_today(),
        "pillars": [
            {
                "pillar": p,
                "title": p.name if not p.is_base else p.get_kind_display(),
                "description": display.tr(p, "description"),
                "services": list(p.services.all()),
            }
            for p in house.pillars.all()
        ],
        "location": house.location,
        "upcoming": upcoming_cards(network=network, filters=ActivityFilters(house_id=house.pk), limit=6),
        "upcoming_title": _("Programma"),
        "upcoming_all_url": reverse("activities:list", args=[network.slug]) + f"?house={house.slug}",
        "upcoming_poster_url": reverse("activities:poster", args=[network.slug, house.slug]),
        "nav": "houses",
    }
    return render(request, "wegwijzer/house.html", context)


@require_GET
@network_view
@public_page_cache
def organization_detail(request: HttpRequest, network: Network, organization_id: str) -> HttpResponse:
    organization = directory.organization_get(network=network, organization_id=organization_id)
    services = directory.organization_services(network=network, organization=organization)
    cards = service_cards(
        [s.id for s in services],
        network=network,
        saved=set(saved_list.saved_ids(request, network)),
        services=services,
    )
    stamp_save_forms(cards, request=request, network=network, next_url=request.get_full_path())
    stamp_cards(cards, network=network)
    context = {
        "cards": cards,
        "next_url": request.get_full_path(),
        "organization": organization,
        "name": display.tr(organization, "name"),
        "description": display.tr(organization, "description"),
        "phones": list(organization.phones.all()),
        "membership": getattr(organization, "membership", None),
    }
    return render(request, "wegwijzer/organization.html", context)
