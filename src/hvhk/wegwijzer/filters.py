"""The choices of the search filters for one network, in the visitor's language, cached per data version."""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import get_language

from hvhk.core.lib.versions import network_version
from hvhk.core.models import Network
from hvhk.core.selectors import area_list
from hvhk.directory import selectors as directory
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE
from hvhk.directory.languages import language_name
from hvhk.wegwijzer import display

OPTIONS_TTL = 300


@dataclass(frozen=True)
class FilterOptions:
    domains: list[tuple[str, str]]  # (code, name)
    groups: list[tuple[str, str]]
    areas: list[tuple[str, str]]  # (slug, name)
    languages: list[tuple[str, str]]  # (code, name)

    def name_of(self, kind: str, value: str) -> str:
        return dict(getattr(self, kind)).get(value, value)


def filter_options(network: Network) -> FilterOptions:
    key = f"filter-options:{network.pk}:{network_version(network.pk)}:{get_language()}"
    options = cache.get(key)
    if options is None:
        options = FilterOptions(
            domains=[
                (t.code, display.tr(t, "name").text)
                for t in directory.term_list(network=network, taxonomy=LIFE_DOMAINS_CODE)
            ],
            groups=[
                (t.code, display.tr(t, "name").text) for t in directory.target_group_list(network=network)
            ],
            areas=[(a.slug, a.name) for a in area_list(network=network)],
            languages=[(code, language_name(code)) for code in directory.language_codes(network=network)],
        )
        cache.set(key, options, OPTIONS_TTL)
    return options


def life_domain_counts(network: Network) -> list[tuple[object, int]]:
    """(life domain, number of active services) for the home page tiles, cached per data version."""
    key = f"domain-counts:{network.pk}:{network_version(network.pk)}"
    counts = cache.get(key)
    if counts is None:
        counts = [(term, term.service_count) for term in directory.life_domain_list(network=network)]
        cache.set(key, counts, OPTIONS_TTL)
    return counts
