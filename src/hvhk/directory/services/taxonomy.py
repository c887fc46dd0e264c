"""Writes of directory data."""

from django.db import transaction

from hvhk.core.models import Network
from hvhk.directory.default_taxonomy import (
    LIFE_DOMAINS,
    LIFE_DOMAINS_CODE,
    TARGET_GROUPS,
    TARGET_GROUPS_CODE,
    TAXONOMIES,
)
from hvhk.directory.models import Taxonomy, TaxonomyTerm


@transaction.atomic
def taxonomy_seed(*, network: Network) -> list[TaxonomyTerm]:
    """Give `network` the default life domains and target groups; existing terms keep their edits."""
    terms = []
    for code, terms_data in ((LIFE_DOMAINS_CODE, LIFE_DOMAINS), (TARGET_GROUPS_CODE, TARGET_GROUPS)):
        taxonomy, _created = Taxonomy.objects.get_or_create(
            network=network,
            code=code,
            defaults={"name": TAXONOMIES[code]["name"], "description": TAXONOMIES[code]["description"]},
        )
        for position, (term_code, (name, description, names)) in enumerate(terms_data.items()):
            term, _created = TaxonomyTerm.objects.get_or_create(
                network=network,
                taxonomy=taxonomy,
                code=term_code,
                defaults={
                    "name": name,
                    "description": description,
                    "position": position,
                    "translations": {lang: {"name": text} for lang, text in names.items()},
                },
            )
            terms.append(term)
    return terms
