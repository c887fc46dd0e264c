"""The whole-offering brochure (or one life domain's): the search's hits grouped by life domain, as a PDF.

Laying out 60 pages takes WeasyPrint seconds, so a brochure is made once per network, language, life domain
and data version and then served from the cache: an edit makes a new one the next time it is asked for.
"""

from django.core.cache import cache
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hvhk.core.lib.pdf import pdf_bytes
from hvhk.core.lib.versions import network_version
from hvhk.core.models import Network
from hvhk.directory import selectors as directory
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE
from hvhk.directory.models import Attribute, Service, ServiceAtLocation
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import search_hits
from hvhk.wegwijzer import display

BROCHURE_TTL = 60 * 60 * 24  # the key holds the data version and the day, so this only frees memory


def brochure_services(*, network: Network) -> QuerySet[Service]:
    """Services with what a brochure entry prints (and their life domains, to group them)."""
    return (
        Service.objects.for_network(network)
        .select_related("organization")
        .prefetch_related(
            "cost_options",
            "phones",
            Prefetch(
                "attributes",
                queryset=Attribute.objects.filter(taxonomy_term__taxonomy__code=LIFE_DOMAINS_CODE).only(
                    "id", "service_id", "taxonomy_term_id"
                ),
                to_attr="life_domains",
            ),
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                    "location__addresses", "location__phones"
                ),
            ),
        )
    )


def brochure_sections(*, network: Network, domain_code: str = "") -> tuple[str, list[dict]]:
    """(title, sections): per life domain its active services by name; a service in two domains is in both.
    A fixed number of queries, however large the offering."""
    domains = list(directory.life_domain_list(network=network))
    if domain_code:
        domains = [d for d in domains if d.code == domain_code]
        if not domains:
            raise Http404("Unknown life domain")
    query = ServiceQuery(domains=(domain_code,)) if domain_code else ServiceQuery()
    hits = search_hits(
        network=network, query=query, per_page=None, services=brochure_services(network=network)
    ).loaded()
    by_domain: dict = {d.pk: [] for d in domains}
    for hit in hits:
        for attribute in hit.service.life_domains:
            if attribute.taxonomy_term_id in by_domain:
                by_domain[attribute.taxonomy_term_id].append(hit.service)
    sections = [
        {"title": display.tr(d, "name").text, "services": by_domain[d.pk]} for d in domains if by_domain[d.pk]
    ]
    title = display.tr(domains[0], "name").text if domain_code else _("Al het aanbod")
    return title, sections


def brochure_pdf(request: HttpRequest, *, network: Network, domain_code: str = "") -> tuple[bytes, str]:
    """(the PDF, its title), made once per network, language, life domain and data version."""
    # The day is part of the key too: the brochure says when it was printed.
    day = timezone.localdate().isoformat()
    key = f"brochure:{network.pk}:{network_version(network.pk)}:{day}:{get_language()}:{domain_code}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    title, sections = brochure_sections(network=network, domain_code=domain_code)
    context = {"title": title, "sections": sections, "brochure": True}
    made = (pdf_bytes(request, "wegwijzer/pdf/brochure.html", context), str(title))
    cache.set(key, made, BROCHURE_TTL)
    return made
