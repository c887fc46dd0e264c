"""Writes of the search app: synonym lists and the count of searches that found nothing."""

from django.db import IntegrityError, transaction
from django.db.models import F

from hvhk.core.models import Network
from hvhk.search.models import Synonym, ZeroResultQuery
from hvhk.search.synonyms import SEED
from hvhk.search.text import fold

MAX_RECORDED_QUERY = 200


@transaction.atomic
def synonym_seed(*, network: Network) -> int:
    """Give a network the starting list of synonyms (once: a coordinator's edits are kept)."""
    if Synonym.objects.for_network(network).exists():
        return 0
    Synonym.objects.bulk_create([Synonym(network=network, terms=terms) for terms in SEED])
    return len(SEED)


def zero_result_record(*, network: Network, query: str) -> None:
    """Count a search without results: the folded words only, nothing about who searched."""
    text = " ".join(fold(query).split())[:MAX_RECORDED_QUERY]
    if not text:
        return
    updated = ZeroResultQuery.objects.filter(network=network, query=text).update(count=F("count") + 1)
    if not updated:
        try:
            with transaction.atomic():
                ZeroResultQuery.objects.create(network=network, query=text, count=1)
        except IntegrityError:  # another request created it just now
            ZeroResultQuery.objects.filter(network=network, query=text).update(count=F("count") + 1)
