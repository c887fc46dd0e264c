"""Platform-level pages: the list of networks, liveness, and a network's brand stylesheet."""

import logging

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import http_date, urlencode
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from hvhk.core.lib import health
from hvhk.core.lib.http import is_local_path
from hvhk.core.models import Network
from hvhk.core.selectors import network_list
from hvhk.core.tenancy import network_view

logger = logging.getLogger(__name__)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    networks = list(network_list())
    if len(networks) == 1:
        return redirect("wegwijzer:home", network_slug=networks[0].slug)
    return render(request, "core/networks.html", {"networks": networks})


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness with a database round-trip; 503 when the database does not answer.

    Registered checks (core.lib.health) are reported beside it but never change the status code: a stale search
    index (`"search_index": {"status": "stale", ...}`) is work for the worker, not a reason for a load balancer
    to take the site out of service."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("healthz: database did not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor, **health.report()})


@require_GET
@cache_control(public=True, max_age=300)
@network_view
def brand_css(request: HttpRequest, network: Network) -> HttpResponse:
    """The network's colour as a stylesheet, so pages need no inline style (strict CSP)."""
    response = render(request, "core/brand.css", {"network": network}, content_type="text/css")
    response["Last-Modified"] = http_date(network.updated_at.timestamp())
    return response


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin's own login would skip the second factor: send it to the site's login, keeping `next`."""
    target = request.GET.get("next", "/admin/")
    if not is_local_path(target):
        target = "/admin/"
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")
