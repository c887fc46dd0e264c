"""/service_at_locations and /service_at_locations/{id}: where the network's active services are offered."""

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
    record_id,
    responses,
    search_text,
)
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory.hsds import serialize
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import ranked_service_ids

router = Router()


@get(
    router,
    "/service_at_locations",
    response=responses(schemas.ServiceAtLocationPage),
    exclude_none=True,
    summary="Services at locations (paged)",
)
def list_service_at_locations(
    request: HttpRequest,
    network_slug: NetworkSlug,
    search: str | None = Query(None, description="Full text search of the services (first 200 characters)"),
    taxonomy_term_id: str | None = None,
    organization_id: str | None = None,
    modified_after: DateTimeText | None = MODIFIED_AFTER,
    full: bool = Query(False, description="Accepted; every item nests its service and location already"),
    page: int = PAGE,
    per_page: int = PER_PAGE,
):
    network = network_of(network_slug)
    search = search_text(search)
    page, per_page = paging(page, per_page)
    term_id, org_id = filter_id(taxonomy_term_id), filter_id(organization_id)

    def build():
        qs = serialize.service_at_location_queryset(network, public=True)
        if search:
            ids = ranked_service_ids(network=network, query=ServiceQuery(text=search))
            qs = qs.filter(service_id__in=ids)
        if term_id:
            qs = qs.filter(service__attributes__taxonomy_term_id=term_id).distinct()
        if org_id:
            qs = qs.filter(service__organization_id=org_id)
        since = datetime_param(modified_after) if modified_after is not None else None
        if since is not None:
            qs = qs.filter(service__updated_at__gte=since)
        total, rows = page_of(qs, page, per_page)
        return envelope(
            total, page, per_page, [serialize.service_at_location(r, with_service=True) for r in rows]
        )

    return conditional(request, network, build)


@get(
    router,
    "/service_at_locations/{sal_id}",
    response=responses(schemas.ServiceAtLocation),
    exclude_none=True,
    summary="One service at a location",
)
def get_service_at_location(request: HttpRequest, network_slug: NetworkSlug, sal_id: str):
    network = network_of(network_slug)
    pk = record_id(sal_id)
    return conditional(
        request,
        network,
        lambda: serialize.service_at_location(
            scoped_get_or_404(
                serialize.service_at_location_queryset(network, public=True), network=network, id=pk
            ),
            with_service=True,
        ),
    )
