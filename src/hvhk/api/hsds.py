"""The read-only Open Referral HSDS 3.0 API of each network: /<network>/api/hsds/ (django-ninja).

Responses follow the HSDS schemas (the tests validate them against the official files). Every list uses the
HSDS paging envelope. Lists and details carry an ETag and Last-Modified from the network's data version, so a
client that asks again with If-None-Match gets 304 without any database work. Errors are JSON naming the
parameter. Clients are rate limited per address.
"""

import copy
import datetime as dt
import hashlib
import math
import re
import uuid
from collections.abc import Callable
from typing import Annotated

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
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
from hvhk.core.models import Area, Network
from hvhk.core.selectors import network_get, scoped_get_or_404
from hvhk.directory import models as m
from hvhk.directory.hsds import serialize
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import filtered_services, ranked_service_ids

MAX_PER_PAGE = 100
CACHE_SECONDS = 600


def _responses(schema) -> dict:
    """What an endpoint may answer: the data, 304 to a client that has it, or a JSON error."""
    return {
        200: schema,
        304: None,
        404: schemas.Error,
        422: schemas.ValidationErrors,
        429: schemas.Error,
    }


api = NinjaAPI(
    title="Huis van het Kind – Open Referral HSDS 3.0",
    version=serialize.HSDS_VERSION,
    description=__doc__,
    urls_namespace="hsds",
    docs_url=None,
    openapi_url=None,  # served per network below, with the network's own paths
    # One budget per client address (behind a proxy: HVHK_TRUSTED_PROXY_COUNT, read as NINJA_NUM_PROXIES).
    throttle=[AnonRateThrottle(settings.RATELIMIT_API)],
)
router = Router()
PREFIX = "/{network_slug}/api/hsds"
NetworkSlug = Annotated[str, Path(description="The network's short name, as in /leuven/")]


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    detail = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors
    ]
    return api.create_response(request, {"detail": detail}, status=422)


def _problem(param: str, message: str) -> NinjaValidationError:
    return NinjaValidationError([{"loc": ["query", param], "msg": message, "type": "value_error"}])


_MODIFIED_AFTER = Query(
    None, description="Only what changed at or after this moment (RFC 3339, e.g. 2026-01-31T12:00:00Z)"
)
# Parsed by _datetime (pydantic would also take a bare number as a Unix time); documented as a date-time.
DateTimeText = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time", "maxLength": 40})]


def _datetime(param: str, value: str) -> dt.datetime:
    """An RFC 3339 date-time (any case, leap second allowed), or a 422 naming the parameter."""
    text = re.sub(r":60(?=$|[.,Z+-])", ":59", value.strip().upper())
    try:
        parsed = parse_datetime(text)
    except ValueError:
        parsed = None
    if parsed is None:
        raise _problem(param, "Not a date and time; use RFC 3339, e.g. 2026-01-31T12:00:00Z")
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


def _search_text(value: str | None) -> str | None:
    """Search words without control characters (PostgreSQL refuses NUL), or None when nothing is left."""
    return without_control_characters(value or "").strip() or None


def _network(slug: str) -> Network:
    return network_get(slug=slug)


def _conditional(request: HttpRequest, network: Network, build: Callable[[], object]):
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


def _page(total: int, page: int, per_page: int, contents: list) -> dict:
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


def _slice(qs: QuerySet, page: int, per_page: int) -> tuple[int, list]:
    total = qs.count()
    start = (page - 1) * per_page
    return total, list(qs[start : start + per_page])


# --- root ---------------------------------------------------------------------------------------------------


@router.get("/", response=_responses(schemas.ApiInfo), summary="About this API")
def root(request: HttpRequest, network_slug: NetworkSlug):
    network = _network(network_slug)
    return {
        "version": serialize.HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/latest/hsds/",
        "openapi_url": request.build_absolute_uri(f"/{network.slug}/api/hsds/openapi.json"),
    }


# --- services -----------------------------------------------------------------------------------------------


def _services(network: Network, *, taxonomy_term_id, taxonomy_id, organization_id, modified_after, age, area):
    qs = serialize.service_queryset(network, full=False, public=True)
    if taxonomy_term_id:
        qs = qs.filter(
            Exists(m.Attribute.objects.filter(service=OuterRef("pk"), taxonomy_term_id=taxonomy_term_id))
        )
    if taxonomy_id:
        qs = qs.filter(
            Exists(m.Attribute.objects.filter(service=OuterRef("pk"), taxonomy_term__taxonomy_id=taxonomy_id))
        )
    if organization_id:
        qs = qs.filter(organization_id=organization_id)
    if modified_after is not None:
        qs = qs.filter(updated_at__gte=_datetime("modified_after", modified_after))
    if age is not None or area is not None:
        query = _filters(network, age, area)
        qs = qs.filter(pk__in=filtered_services(network=network, query=query).values("pk"))
    return qs


def _filters(network: Network, age: int | None, area: str | None, text: str = "") -> ServiceQuery:
    if area is not None and not Area.objects.for_network(network).filter(slug=area).exists():
        raise _problem("area", f"Unknown area '{area[:40]}' in this network")
    return ServiceQuery(
        text=text,
        age=str(age) if age is not None else "",
        age_months=(age * 12, age * 12 + 11) if age is not None else None,
        area=area or "",
    )


@router.get(
    "/services", response=_responses(schemas.ServicePage), exclude_none=True, summary="Services (paged)"
)
def list_services(
    request: HttpRequest,
    network_slug: NetworkSlug,
    search: str | None = Query(None, max_length=200, description="Full text search (the wegwijzer's search)"),
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    organization_id: uuid.UUID | None = None,
    modified_after: DateTimeText | None = _MODIFIED_AFTER,
    age: int | None = Query(None, ge=0, le=30, description="(extension) services for a child of this age"),
    area: str | None = Query(None, max_length=80, description="(extension) services in this area (slug)"),
    full: bool = Query(False, description="Fully nested services"),
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(50, ge=1, le=MAX_PER_PAGE),
):
    network = _network(network_slug)
    search = _search_text(search)

    def build():
        narrowed = _services(
            network,
            taxonomy_term_id=taxonomy_term_id,
            taxonomy_id=taxonomy_id,
            organization_id=organization_id,
            modified_after=modified_after,
            age=age if not search else None,
            area=area if not search else None,
        )
        if search:
            # The project's search ranks; the HSDS filters narrow its ranking.
            ids = ranked_service_ids(network=network, query=_filters(network, age, area, search))
            if any(f is not None for f in (taxonomy_term_id, taxonomy_id, organization_id, modified_after)):
                allowed = set(narrowed.values_list("pk", flat=True))
                ids = [i for i in ids if i in allowed]
            total = len(ids)
            ids = ids[(page - 1) * per_page : page * per_page]
            by_id = {
                s.id: s
                for s in serialize.service_queryset(network, full=full, public=True).filter(pk__in=ids)
            }
            rows = [by_id[i] for i in ids if i in by_id]
        else:
            qs = narrowed
            if full:
                qs = serialize.service_queryset(network, full=True, public=True).filter(
                    pk__in=qs.values("pk")
                )
            total, rows = _slice(qs, page, per_page)
        item = serialize.service if full else serialize.service_list_item
        return _page(total, page, per_page, [item(s) for s in rows])

    return _conditional(request, network, build)


@router.get(
    "/services/{service_id}",
    response=_responses(schemas.Service),
    exclude_none=True,
    summary="One service, nested",
)
def get_service(request: HttpRequest, network_slug: NetworkSlug, service_id: uuid.UUID):
    network = _network(network_slug)
    return _conditional(
        request,
        network,
        lambda: serialize.service(
            scoped_get_or_404(
                serialize.service_queryset(network, public=True), network=network, id=service_id
            )
        ),
    )


# --- organisations ------------------------------------------------------------------------------------------


@router.get(
    "/organizations",
    response=_responses(schemas.OrganizationPage),
    exclude_none=True,
    summary="Organisations (paged)",
)
def list_organizations(
    request: HttpRequest,
    network_slug: NetworkSlug,
    search: str | None = Query(None, max_length=200, description="Words in the name"),
    full: bool = False,
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(50, ge=1, le=MAX_PER_PAGE),
):
    network = _network(network_slug)
    search = _search_text(search)

    def build():
        qs = (
            serialize.organization_queryset(network, public=True)
            if full
            else (
                m.Organization.objects.for_network(network)
                .select_related("membership")
                .order_by("name", "id")
            )
        )
        if search:
            qs = qs.filter(name__icontains=search)
        total, rows = _slice(qs, page, per_page)
        item = serialize.organization if full else serialize.organization_list_item
        return _page(total, page, per_page, [item(o) for o in rows])

    return _conditional(request, network, build)


@router.get(
    "/organizations/{organization_id}",
    response=_responses(schemas.Organization),
    exclude_none=True,
    summary="One organisation with its services",
)
def get_organization(
    request: HttpRequest, network_slug: NetworkSlug, organization_id: uuid.UUID, full_service: bool = False
):
    network = _network(network_slug)

    def build():
        org = scoped_get_or_404(
            serialize.organization_queryset(network, public=True), network=network, id=organization_id
        )
        services = serialize.service_queryset(network, full=full_service, public=True).filter(
            organization=org
        )
        item = serialize.service if full_service else serialize.service_list_item
        return serialize.organization(org, services=[item(s) for s in services])

    return _conditional(request, network, build)


# --- services at locations ------------------------------------------------------------------------------------


@router.get(
    "/service_at_locations",
    response=_responses(schemas.ServiceAtLocationPage),
    exclude_none=True,
    summary="Services at locations (paged)",
)
def list_service_at_locations(
    request: HttpRequest,
    network_slug: NetworkSlug,
    search: str | None = Query(None, max_length=200),
    taxonomy_term_id: uuid.UUID | None = None,
    organization_id: uuid.UUID | None = None,
    modified_after: DateTimeText | None = _MODIFIED_AFTER,
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(50, ge=1, le=MAX_PER_PAGE),
):
    network = _network(network_slug)
    search = _search_text(search)

    def build():
        qs = serialize.service_at_location_queryset(network, public=True)
        if search:
            ids = ranked_service_ids(network=network, query=ServiceQuery(text=search))
            qs = qs.filter(service_id__in=ids)
        if taxonomy_term_id:
            qs = qs.filter(service__attributes__taxonomy_term_id=taxonomy_term_id).distinct()
        if organization_id:
            qs = qs.filter(service__organization_id=organization_id)
        if modified_after is not None:
            qs = qs.filter(service__updated_at__gte=_datetime("modified_after", modified_after))
        total, rows = _slice(qs, page, per_page)
        return _page(
            total, page, per_page, [serialize.service_at_location(r, with_service=True) for r in rows]
        )

    return _conditional(request, network, build)


@router.get(
    "/service_at_locations/{sal_id}",
    response=_responses(schemas.ServiceAtLocation),
    exclude_none=True,
    summary="One service at a location",
)
def get_service_at_location(request: HttpRequest, network_slug: NetworkSlug, sal_id: uuid.UUID):
    network = _network(network_slug)
    return _conditional(
        request,
        network,
        lambda: serialize.service_at_location(
            scoped_get_or_404(
                serialize.service_at_location_queryset(network, public=True), network=network, id=sal_id
            ),
            with_service=True,
        ),
    )


# --- taxonomies -------------------------------------------------------------------------------------------------


@router.get(
    "/taxonomies", response=_responses(schemas.TaxonomyPage), exclude_none=True, summary="Taxonomies (paged)"
)
def list_taxonomies(
    request: HttpRequest,
    network_slug: NetworkSlug,
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(50, ge=1, le=MAX_PER_PAGE),
):
    network = _network(network_slug)

    def build():
        total, rows = _slice(m.Taxonomy.objects.for_network(network).order_by("name", "id"), page, per_page)
        return _page(total, page, per_page, [serialize.taxonomy(t) for t in rows])

    return _conditional(request, network, build)


@router.get(
    "/taxonomies/{taxonomy_id}",
    response=_responses(schemas.Taxonomy),
    exclude_none=True,
    summary="One taxonomy",
)
def get_taxonomy(request: HttpRequest, network_slug: NetworkSlug, taxonomy_id: uuid.UUID):
    network = _network(network_slug)
    return _conditional(
        request,
        network,
        lambda: serialize.taxonomy(scoped_get_or_404(m.Taxonomy, network=network, id=taxonomy_id)),
    )


@router.get(
    "/taxonomy_terms",
    response=_responses(schemas.TaxonomyTermPage),
    exclude_none=True,
    summary="Taxonomy terms (paged)",
)
def list_taxonomy_terms(
    request: HttpRequest,
    network_slug: NetworkSlug,
    taxonomy_id: uuid.UUID | None = None,
    parent_id: uuid.UUID | None = None,
    top_only: bool = False,
    page: int = Query(1, ge=1, le=100_000),
    per_page: int = Query(50, ge=1, le=MAX_PER_PAGE),
):
    network = _network(network_slug)

    def build():
        qs = (
            m.TaxonomyTerm.objects.for_network(network)
            .select_related("taxonomy")
            .order_by("taxonomy", "position", "id")
        )
        if taxonomy_id:
            qs = qs.filter(taxonomy_id=taxonomy_id)
        if parent_id:
            qs = qs.filter(parent_id=parent_id)
        if top_only:
            qs = qs.filter(parent__isnull=True)
        total, rows = _slice(qs, page, per_page)
        return _page(total, page, per_page, [serialize.taxonomy_term(t) for t in rows])

    return _conditional(request, network, build)


@router.get(
    "/taxonomy_terms/{term_id}",
    response=_responses(schemas.TaxonomyTerm),
    exclude_none=True,
    summary="One taxonomy term",
)
def get_taxonomy_term(request: HttpRequest, network_slug: NetworkSlug, term_id: uuid.UUID):
    network = _network(network_slug)
    return _conditional(
        request,
        network,
        lambda: serialize.taxonomy_term(
            scoped_get_or_404(m.TaxonomyTerm.objects.select_related("taxonomy"), network=network, id=term_id)
        ),
    )


@router.get("/openapi.json", include_in_schema=False)
def openapi(request: HttpRequest, network_slug: NetworkSlug):
    """The OpenAPI description of this network's API: the paths with the network filled in."""
    return network_openapi(_network(network_slug))


def network_openapi(network: Network, areas: list[str] | None = None) -> dict:
    """The API's description with this network's paths, and its areas as the values `area` takes."""
    schema = copy.deepcopy(api.get_openapi_schema())
    if areas is None:
        areas = sorted(Area.objects.for_network(network).values_list("slug", flat=True))
    paths = {}
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            operation["parameters"] = [
                p for p in operation.get("parameters", []) if p.get("name") != "network_slug"
            ]
            for parameter in operation["parameters"]:
                if parameter.get("name") == "area" and areas:
                    parameter["schema"]["enum"] = areas
        paths[path.replace("{network_slug}", network.slug)] = operations
    schema["paths"] = paths
    return schema


api.add_router(PREFIX, router)
