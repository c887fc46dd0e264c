"""Request helpers shared by the apps."""

import os

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify


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


def private_download(document) -> FileResponse:
    """A kept document (with `file`, `title` and `content_type`) as a download for whoever the view let through:
    always an attachment named after its title, never shown inline or sniffed, never cached. 404 when the file is
    missing from the storage."""
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("The file is missing") from error
    extension = os.path.splitext(document.file.name)[1].lower()
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{slugify(document.title) or 'document'}{extension}",
        content_type=document.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
