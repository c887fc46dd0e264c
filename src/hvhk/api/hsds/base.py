"""What every endpoint of the HSDS API shares: the NinjaAPI, answers with ETag and Last-Modified from the
network's data version, the paging envelope, ids and paging as the official HSDS 3.0 OpenAPI documents them,
and paths that work with and without a trailing slash."""

import datetime as dt
import hashlib
import math
import re
import uuid
from collections.abc import Callable
from typing import Annotated

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date, parse_http_date_safe
from ninja import NinjaAPI, Path, Query, Router
from ninja.errors import ValidationError as NinjaValidationError
from ninja.throttling import AnonRateThrottle
from pydantic import WithJsonSchema

from hvhk.api import schemas
from hvhk.core.lib.text import without_control_characters
from hvhk.core.lib.versions import network_version
from hvhk.core.models import Network
from hvhk.core.selectors import network_get
from hvhk.directory.hsds import serialize

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 50
MAX_PAGE = 100_000
CACHE_SECONDS = 600
PREFIX = "/{network_slug}/api/hsds"

api = NinjaAPI(
    title="Huis van het Kind – Open Referral HSDS 3.0",
    version=serialize.HSDS_VERSION,
    description=(
        "The read-only Open Referral HSDS 3.0 API of each network: /<network>/api/hsds/ (docs/hsds.md).\n\n"
        "Responses follow the HSDS schemas (the tests validate them against the official files). Every list "
        "uses the HSDS paging envelope. Lists and details carry an ETag and Last-Modified from the network's "
        "data version, so a client that asks again with If-None-Match gets 304 without any database work. "
        "Errors are JSON naming the parameter. Clients are rate limited per address."
    ),
    urls_namespace="hsds",
    docs_url=None,
    openapi_url=None,  # served per network, with the network's own paths (see openapi.py)
    # One budget per client address (behind a proxy: HVHK_TRUSTED_PROXY_COUNT, read as NINJA_NUM_PROXIES).
    throttle=[AnonRateThrottle(settings.RATELIMIT_API)],
)
NetworkSlug = Annotated[str, Path(description="The network's short name, as in /leuven/")]
# Read by datetime_param (pydantic would take a bare number as a Unix time). Any text, as in the official
# OpenAPI: one that is not an RFC 3339 date-time narrows nothing.
DateTimeText = Annotated[str, WithJsonSchema({"type": "string"})]
MODIFIED_AFTER = Query(
    None, description="Only what changed at or after this moment (RFC 3339, e.g. 2026-01-31T12:00:00Z)"
)
# The official OpenAPI documents only 200 for the lists: a page or size out of range is brought into range.
PAGE = Query(1, description=f"Page number, from 1 (below 1 is 1; at most {MAX_PAGE})")
PER_PAGE = Query(
    DEFAULT_PER_PAGE, description=f"Items per page, 1 to {MAX_PER_PAGE} (outside it, the nearest)"
)


def responses(schema) -> dict:
    """What an endpoint may answer: the data, 304 to a client that has it, or a JSON error."""
    return {
        200: schema,
        304: None,
        404: schemas.Error,
        422: schemas.ValidationErrors,
        429: schemas.Error,
    }


def get(router: Router, path: str, **kwargs):
    """A GET endpoint at `path` and at `path` with a trailing slash (one described, both served)."""
    other = path[:-1] if path.endswith("/") else f"{path}/"

    def register(view):
        router.get(other, **{**kwargs, "include_in_schema": False})(view)
        return router.get(path, **kwargs)(view)

    return register


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    detail = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors
    ]
    return api.create_response(request, {"detail": detail}, status=422)


def problem(param: str, message: str) -> NinjaValidationError:
    return NinjaValidationError([{"loc": ["query", param], "msg": message, "type": "value_error"}])


def record_id(value: str) -> uuid.UUID:
    """The id in a path: a record's UUID. Anything else names no record, so it is a 404 like an unknown id."""
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404("No such record") from None


NO_RECORD = uuid.UUID(int=0)  # no record has it: a filter on it gives an empty page


def filter_id(value: str | None) -> uuid.UUID | None:
    """An id given as a filter (taxonomy_term_id, organization_id, ...), or None when not given. One that is
    not a UUID is no record's id: the filter then matches nothing."""
    if value is None or value == "":
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return NO_RECORD


def paging(page: int, per_page: int) -> tuple[int, int]:
    """Page and size brought into range (the official OpenAPI documents no error for them)."""
    return min(max(page, 1), MAX_PAGE), min(max(per_page, 1), MAX_PER_PAGE)


def datetime_param(value: str) -> dt.datetime | None:
    """An RFC 3339 date-time (any case, leap second allowed) in UTC, or None when it is empty or not a date.

    The official OpenAPI types `modified_after` as any string, so an unreadable one is not refused: it narrows
    nothing (a client syncing with it gets everything rather than silently missing changes).
    """
    text = re.sub(r":60(?=$|[.,Z+-])", ":59", value.strip().upper())
    try:
        parsed = parse_datetime(text) if text else None
    except ValueError:
        parsed = None
    if parsed is None:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, dt.UTC)
    # In UTC: PostgreSQL refuses offsets beyond ±15:59 that RFC 3339 allows (e.g. -18:48).
    try:
        return parsed.astimezone(dt.UTC)
    except OverflowError:  # within a day of year 1 or 9999: every record is after (or before) it
        return (
            dt.datetime.min.replace(tzinfo=dt.UTC)
            if parsed.year == 1
            else dt.datetime.max.replace(tzinfo=dt.UTC)
        )


MAX_SEARCH = 200


def search_text(value: str | None) -> str | None:
    """Search words without control characters (PostgreSQL refuses NUL), their first MAX_SEARCH characters
    (the standard sets no limit, so a longer text is cut, as the wegwijzer does), or None when nothing is left."""
    return without_control_characters(value or "")[:MAX_SEARCH].strip() or None


def network_of(slug: str) -> Network:
    return network_get(slug=slug)


def conditional(request: HttpRequest, network: Network, build: Callable[[], object]) -> HttpResponse:
    """Answer 304 when the client has this version already; otherwise build the body and stamp it."""
    version = network_version(network.pk)
    etag = (
        '"'
        + hashlib.sha1(f"{version}|{request.get_full_path()}".encode(), usedforsecurity=False).hexdigest()
        + '"'
    )
    modified = _version_time(version)
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    match = request.headers.get("If-None-Match")
    if (match and etag in match) or (not match and since and since >= int(modified)):
        response = HttpResponse(status=304)
    else:
        # The same URL at the same data version is the same answer: built once, then served from the cache.
        key = f"hsds:{etag}"
        content = cache.get(key)
        if content is None:
            content = api.create_response(request, build(), status=200).content
            cache.set(key, content, CACHE_SECONDS)
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "public, max-age=60"
    return response


def _version_time(version: str) -> float:
    try:
        return int(version.split("-")[0], 16) / 1e9
    except (ValueError, IndexError):
        return dt.datetime.now(dt.UTC).timestamp()


def envelope(total: int, page: int, per_page: int, contents: list) -> dict:
    """The HSDS paging envelope around one page of `contents`."""
    pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": total == 0,
        "contents": contents,
    }


def page_of(qs: QuerySet, page: int, per_page: int) -> tuple[int, list]:
    """(how many rows in all, the rows of this page): two queries."""
    total = qs.count()
    start = (page - 1) * per_page
    return total, list(qs[start : start + per_page])
