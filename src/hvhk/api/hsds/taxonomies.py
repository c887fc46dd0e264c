"""/taxonomies and /taxonomy_terms (with their {id}): the network's life domains, target groups and others."""

from django.http import HttpRequest
from ninja import Router

from hvhk.api import schemas
from hvhk.api.hsds.base import (
    PAGE,
    PER_PAGE,
    NetworkSlug,
    conditional,
    envelope,
    filter_id,
    get,
    network_of,
    page_of,
    paging,
    record_id,
    responses,
)
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory import models as m
from hvhk.directory.hsds import serialize

router = Router()


@get(
    router,
    "/taxonomies",
    response=responses(schemas.TaxonomyPage),
    exclude_none=True,
    summary="Taxonomies (paged)",
)
def list_taxonomies(
    request: HttpRequest, network_slug: NetworkSlug, page: int = PAGE, per_page: int = PER_PAGE
):
    network = network_of(network_slug)
    page, per_page = paging(page, per_page)

    def build():
        qs = m.Taxonomy.objects.for_network(network).order_by("name", "id")
        total, rows = page_of(qs, page, per_page)
        return envelope(total, page, per_page, [serialize.taxonomy(t) for t in rows])

    return conditional(request, network, build)


@get(
    router,
    "/taxonomies/{taxonomy_id}",
    response=responses(schemas.Taxonomy),
    exclude_none=True,
    summary="One taxonomy",
)
def get_taxonomy(request: HttpRequest, network_slug: NetworkSlug, taxonomy_id: str):
    network = network_of(network_slug)
    pk = record_id(taxonomy_id)
    return conditional(
        request,
        network,
        lambda: serialize.taxonomy(scoped_get_or_404(m.Taxonomy, network=network, id=pk)),
    )


@get(
    router,
    "/taxonomy_terms",
    response=responses(schemas.TaxonomyTermPage),
    exclude_none=True,
    summary="Taxonomy terms (paged)",
)
def list_taxonomy_terms(
    request: HttpRequest,
    network_slug: NetworkSlug,
    taxonomy_id: str | None = None,
    parent_id: str | None = None,
    top_only: bool = False,
    page: int = PAGE,
    per_page: int = PER_PAGE,
):
    network = network_of(network_slug)
    page, per_page = paging(page, per_page)
    taxonomy, parent = filter_id(taxonomy_id), filter_id(parent_id)

    def build():
        qs = (
            m.TaxonomyTerm.objects.for_network(network)
            .select_related("taxonomy")
            .order_by("taxonomy", "position", "id")
        )
        if taxonomy:
            qs = qs.filter(taxonomy_id=taxonomy)
        if parent:
            qs = qs.filter(parent_id=parent)
        if top_only:
            qs = qs.filter(parent__isnull=True)
        total, rows = page_of(qs, page, per_page)
        return envelope(total, page, per_page, [serialize.taxonomy_term(t) for t in rows])

    return conditional(request, network, build)


@get(
    router,
    "/taxonomy_terms/{term_id}",
    response=responses(schemas.TaxonomyTerm),
    exclude_none=True,
    summary="One taxonomy term",
)
def get_taxonomy_term(request: HttpRequest, network_slug: NetworkSlug, term_id: str):
    network = network_of(network_slug)
    pk = record_id(term_id)
    return conditional(
        request,
        network,
        lambda: serialize.taxonomy_term(
            scoped_get_or_404(m.TaxonomyTerm.objects.select_related("taxonomy"), network=network, id=pk)
        ),
    )
