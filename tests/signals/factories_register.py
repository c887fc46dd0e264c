"""Helpers for the register's tests: a life domain of a network."""

from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE
from tests.directory.factories import TaxonomyFactory, TaxonomyTermFactory


def life_domain(network, name: str):
    taxonomy = TaxonomyFactory._meta.model.objects.filter(network=network, code=LIFE_DOMAINS_CODE).first()
    if taxonomy is None:
        taxonomy = TaxonomyFactory(network=network, code=LIFE_DOMAINS_CODE, name="Levensdomeinen")
    return TaxonomyTermFactory(taxonomy=taxonomy, name=name)
