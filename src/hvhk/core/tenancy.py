"""Resolving the network of a request: every page under /<network>/ goes through `network_view`."""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse

from hvhk.core.selectors import network_get


def network_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Turn the URL's `network_slug` into `network` (404 for an unknown or inactive network)."""

    @wraps(view)
    def wrapper(request: HttpRequest, network_slug: str, *args, **kwargs) -> HttpResponse:
        network = network_get(slug=network_slug)
        request.network = network
        return view(request, *args, network=network, **kwargs)

    return wrapper
