from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from hvhk.core.models import Network
from hvhk.core.tenancy import network_view
from hvhk.search.query import MAX_QUERY_LENGTH
from hvhk.search.suggestions import suggest


@require_GET
@cache_control(max_age=60, public=True)
@network_view
def suggestions(request: HttpRequest, network: Network) -> HttpResponse:
    """The suggestion list under the search box (an htmx fragment; the search works without it)."""
    text = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    return render(
        request, "wegwijzer/_suggestions.html", {"suggestions": suggest(network=network, text=text)}
    )
