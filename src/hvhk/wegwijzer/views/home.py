from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hvhk.core.models import Network
from hvhk.core.tenancy import network_view
from hvhk.directory import selectors as directory
from hvhk.search.query import AGE_BANDS
from hvhk.wegwijzer import display
from hvhk.wegwijzer.caching import public_page_cache
from hvhk.wegwijzer.choices import AGE_LABELS
from hvhk.wegwijzer.filters import life_domain_counts


@require_GET
@network_view
@public_page_cache
def home(request: HttpRequest, network: Network) -> HttpResponse:
    houses = [
        {"house": house, "today": display.today_hours(list(house.location.schedules.all()))}
        for house in directory.house_list(network=network)
    ]
    context = {
        "houses": houses,
        "domains": [
            {"term": term, "name": display.tr(term, "name"), "count": count}
            for term, count in life_domain_counts(network)
        ],
        "ages": [(value, AGE_LABELS[value]) for value in AGE_BANDS],
        "service_count": directory.service_list(network=network).count(),
        "partner_count": directory.organization_list(network=network)
        .filter(membership__isnull=False)
        .count(),
    }
    return render(request, "wegwijzer/home.html", context)
