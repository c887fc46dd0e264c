"""Whole-page caching of public pages for visitors without a session.

Most visitors of the wegwijzer have saved nothing and carry no session, so their page for one URL, language
and minute is the same, except for the CSRF token in its forms. Such pages are rendered once with a
placeholder where the token goes, cached under the network's data version (so an edit shows at once) and the
current minute (so "nu open" stays right), and served with this visitor's own token put in. Visitors with a
session (a saved list, a message) always get a freshly rendered page, and so does everyone with DEBUG on.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from hvhk.core.lib.versions import network_version
from hvhk.core.models import Network

PAGE_TTL = 60
CSRF_PLACEHOLDER = "hvhk-csrf-placeholder-0f3a9c"


def _cacheable(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    # A visitor who just wrote something reads from the primary for a few seconds (core/replicas.py): their
    # page is made afresh, not taken from a cache that a replica may have filled a moment before their write.
    pinned = getattr(settings, "MULTIDB_PINNING_COOKIE", None) in cookies
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and not pinned
    )


def _key(request: HttpRequest, network: Network) -> str:
    minute = timezone.now().strftime("%Y%m%d%H%M")
    htmx = getattr(request, "htmx", None)
    # The views answer an htmx request with a fragment, but a boosted one (a link htmx follows) with a page.
    shape = "fragment" if htmx and not htmx.boosted else "page"
    parts = "|".join([request.get_full_path(), get_language() or "", shape, minute])
    digest = hashlib.sha1(parts.encode(), usedforsecurity=False).hexdigest()
    return f"page:{network.pk}:{network_version(network.pk)}:{digest}"


def public_page_cache(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Cache a public GET page of a network (see module docstring); the view must take `network`."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, network: Network, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, network=network, **kwargs)
        key = _key(request, network)
        stored = caches["pages"].get(key)
        if stored is None:
            request.csrf_placeholder = CSRF_PLACEHOLDER
            response = view(request, *args, network=network, **kwargs)
            if response.status_code != 200 or response.streaming or response.cookies:
                return _with_token(response, request)
            stored = (response.content, response.headers.get("Content-Type"))
            caches["pages"].set(key, stored, PAGE_TTL)
        content, content_type = stored
        return _with_token(HttpResponse(content, content_type=content_type), request)

    return wrapper


def _with_token(response: HttpResponse, request: HttpRequest) -> HttpResponse:
    if CSRF_PLACEHOLDER.encode() in response.content:
        response.content = response.content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
    return response
