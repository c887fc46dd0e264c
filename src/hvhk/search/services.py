"""Writes of the search app: synonym lists and the monthly count of searches that found (nearly) nothing."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone

from hvhk.core.lib.personal_data import find_personal_data
from hvhk.core.models import Network
from hvhk.search.models import Synonym, ZeroResultQuery, current_month
from hvhk.search.synonyms import SEED
from hvhk.search.text import fold

# A search with at most this many results counts as "found (nearly) nothing": one or two hits for "zwemles baby"
# usually mean the words matched by chance, and families give up just as after zero.
NEARLY_NOTHING = 2
# Long enough for a real question ("kinderopvang 's avonds in Kessel-Lo"), short enough to keep pasted texts out.
MAX_RECORDED_QUERY = 100
# Two letters say nothing about a need ("ba", "kd") and mostly come from typing half a word.
MIN_RECORDED_QUERY = 3


@transaction.atomic
def synonym_seed(*, network: Network) -> int:
    """Give a network the starting list of synonyms (once: a coordinator's edits are kept)."""
    if Synonym.objects.for_network(network).exists():
        return 0
    Synonym.objects.bulk_create([Synonym(network=network, terms=terms) for terms in SEED])
    return len(SEED)


def zero_result_query(text: str) -> str:
    """The form a search is counted under: lower case, accents folded, spaces collapsed, cut to
    MAX_RECORDED_QUERY; "" for what is not kept (too short, or it looks like an e-mail address, a phone number or
    a national register number: a family searching for a person's details is never stored)."""
    if find_personal_data(text or ""):
        return ""
    normal = " ".join(fold(text or "").split())[:MAX_RECORDED_QUERY].strip()
    if len(normal) < MIN_RECORDED_QUERY:
        return ""
    return normal


def zero_result_record(*, network: Network, query: str, result_count: int = 0) -> bool:
    """Count a search that found nothing or nearly nothing (at most NEARLY_NOTHING results) in this month's row:
    the normalised words, how often, the most results any of them found; nothing about who searched. Safe
    when two first searches race: the second insert fails on the unique constraint and becomes an update.
    Returns whether the search was counted."""
    if result_count > NEARLY_NOTHING:
        return False
    text = zero_result_query(query)
    if not text:
        return False
    month = current_month()
    rows = ZeroResultQuery.objects.filter(network=network, month=month, query=text)

    def counted() -> int:
        return rows.update(
            count=F("count") + 1,
            max_results=Greatest(F("max_results"), result_count),
            last_seen=timezone.now(),
        )

    if not counted():
        try:
            with transaction.atomic():
                ZeroResultQuery.objects.create(
                    network=network, month=month, query=text, count=1, max_results=result_count
                )
        except IntegrityError:  # another request created it just now
            counted()
    return True
