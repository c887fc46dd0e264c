"""/services and /services/{id}: the network's active services; `search` is the wegwijzer's own search."""

from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from ninja import Query, Router

from hvhk.api import schemas
from hvhk.api.hsds.base import (
    MODIFIED_AFTER,
    PAGE,
    PER_PAGE,
    DateTimeText,
    NetworkSlug,
    conditional,
    datetime_param,
    envelope,
    filter_id,
    get,
    network_of,
    page_of,
    paging,
    problem,
    record_id,
    responses,
    search_text,
)
from hvhk.core.models import Area, Network
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory import models as m
from hvhk.directory.hsds import serialize
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import filtered_services, search_hits

router = Router()


def _narrowed(network: Network, *, taxonomy_term_id, taxonomy_id, organization_id, modified_after, age, area):
    """The active services that pass the HSDS filters (and the extensions `age` and `area`)."""
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
    since = datetime_param(modified_after) if modified_after is not None else None
    if since is not None:
        qs = qs.filter(updated_at__gte=since)
    if age is not None or area is not None:
        query = _search_query(network, age, area)
        qs = qs.filter(pk__in=filtered_services(network=network, query=query).values("pk"))
    return qs


def _search_query(network: Network, age: int | None, area: str | None, text: str = "") -> ServiceQuery:
    """The wegwijzer's search for these words, a child of `age` years (its 12 months) and `area`."""
    if area is not None and not Area.objects.for_network(network).filter(slug=area).exists():
        raise problem("area", f"Unknown area '{area[:40]}' in this network")
    return ServiceQuery(
        text=text,
        age=str(age) if age is not None else "",
        age_months=(age * 12, age * 12 + 11) if age is not None else None,
        area=area or "",
    )


@get(
    router,
    "/services",
    response=responses(schemas.ServicePage),
    exclude_none=True,
    summary="Services (paged)",
)
def list_services(
    request: HttpRequest,
    network_slug: NetworkSlug,
    search: str | None = Query(
        None, description="Full text search (the wegwijzer's search; first 200 characters)"
    ),
    taxonomy_term_id: str | None = None,
    taxonomy_id: str | None = None,
    organization_id: str | None = None,
    modified_after: DateTimeText | None = MODIFIED_AFTER,
    age: int | None = Query(None, ge=0, le=30, description="(extension) services for a child of this age"),
    area: str | None = Query(None, max_length=80, description="(extension) services in this area (slug)"),
    full: bool = Query(False, description="Fully nested services"),
    minimal: bool = Query(False, description="Accepted; the list without `full` is already the short form"),
    page: int = PAGE,
    per_page: int = PER_PAGE,
):
    network = network_of(network_slug)
    search = search_text(search)
    page, per_page = paging(page, per_page)
    filters = {
        "taxonomy_term_id": filter_id(taxonomy_term_id),
        "taxonomy_id": filter_id(taxonomy_id),
        "organization_id": filter_id(organization_id),
        "modified_after": modified_after,
    }

    def build():
        item = serialize.service if full else serialize.service_list_item
        if search:
            # The project's search ranks; the HSDS filters narrow its ranking before paging.
            narrowed = any(value not in (None, "") for value in filters.values())
            found = search_hits(
                network=network,
                query=_search_query(network, age, area, search),
                page=page,
                per_page=per_page,
                services=serialize.service_queryset(network, full=full, public=True),
                within=_narrowed(network, **filters, age=None, area=None) if narrowed else None,
            )
            # The envelope names the page asked for: past the last one it is empty, as without `search`.
            rows = [hit.service for hit in found.loaded()] if found.page == page else []
            return envelope(found.total, page, per_page, [item(s) for s in rows])
        qs = _narrowed(network, **filters, age=age, area=area)
        if full:
            qs = serialize.service_queryset(network, full=True, public=True).filter(pk__in=qs.values("pk"))
        total, rows = page_of(qs, page, per_page)
        return envelope(total, page, per_page, [item(s) for s in rows])

    return conditional(request, network, build)


@get(
    router,
    "/services/{service_id}",
    response=responses(schemas.Service),
    exclude_none=True,
    summary="One service, nested",
)
def get_service(request: HttpRequest, network_slug: NetworkSlug, service_id: str):
    network = network_of(network_slug)
    pk = record_id(service_id)
    return conditional(
        request,
        network,
        lambda: serialize.service(
            scoped_get_or_404(serialize.service_queryset(network, public=True), network=network, id=pk)
        ),
    )
