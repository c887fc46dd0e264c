"""Request helpers shared by the apps."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def client_ip(group, request: HttpRequest) -> str:
    """The visitor's address, read through `TRUSTED_PROXY_COUNT` reverse proxies (a django-ratelimit key)."""
    hops = settings.TRUSTED_PROXY_COUNT
    if hops:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def is_local_path(value: str) -> bool:
    """A path on this site ("/leuven/services/…"), never another site ("//evil", "https://…", "\\\\evil"), nor
    one with spaces or control characters: browsers drop a tab or newline, so "/<tab>/evil" becomes "//evil"."""
    return (
        value.startswith("/")
        and not value.startswith("//")
        and "\\" not in value
        and len(value) <= 500
        and value.isprintable()
        and not any(c.isspace() for c in value)
        and url_has_allowed_host_and_scheme(value, allowed_hosts=None)
    )


def absolute_url(name_or_path: str, *args) -> str:
    """The public address (HVHK_BASE_URL) of a URL name with its arguments, or of a path on this site: for
    links in e-mails, which are read outside any request."""
    path = name_or_path if name_or_path.startswith("/") else reverse(name_or_path, args=args)
    return settings.BASE_URL.rstrip("/") + path
