"""/organizations and /organizations/{id}: every organisation of the network, with its active services."""

from django.http import HttpRequest
from ninja import Query, Router

from hvhk.api import schemas
from hvhk.api.hsds.base import (
    PAGE,
    PER_PAGE,
    NetworkSlug,
    conditional,
    envelope,
    get,
    network_of,
    page_of,
    paging,
    record_id,
    responses,
    search_text,
)
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory import models as m
from hvhk.directory.hsds import serialize

router = Router()


@get(
    router,
    "/organizations",
    response=responses(schemas.OrganizationPage),
    exclude_none=True,
    summary="Organisations (paged)",
)
def list_organizations(
    request: HttpRequest,
    network_slug: NetworkSlug,
    search: str | None = Query(None, description="Words in the name"),
    full: bool = False,
    full_service: bool = Query(
        False, description="Accepted; a list names no services (see /organizations/{id})"
    ),
    page: int = PAGE,
    per_page: int = PER_PAGE,
):
    network = network_of(network_slug)
    search = search_text(search)
    page, per_page = paging(page, per_page)

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
        total, rows = page_of(qs, page, per_page)
        item = serialize.organization if full else serialize.organization_list_item
        return envelope(total, page, per_page, [item(o) for o in rows])

    return conditional(request, network, build)


@get(
    router,
    "/organizations/{organization_id}",
    response=responses(schemas.Organization),
    exclude_none=True,
    summary="One organisation with its services",
)
def get_organization(
    request: HttpRequest, network_slug: NetworkSlug, organization_id: str, full_service: bool = False
):
    network = network_of(network_slug)
    pk = record_id(organization_id)

    def build():
        org = scoped_get_or_404(serialize.organization_queryset(network, public=True), network=network, id=pk)
        services = serialize.service_queryset(network, full=full_service, public=True).filter(
            organization=org
        )
        item = serialize.service if full_service else serialize.service_list_item
        return serialize.organization(org, services=[item(s) for s in services])

    return conditional(request, network, build)
