"""Suggestions while typing: completions of the last word and matching service names (at least 3 letters)."""

from dataclasses import dataclass

from django.db import connections, router

from hvhk.core.models import Network
from hvhk.directory.models import Service
from hvhk.search.indexing import vocabulary
from hvhk.search.models import SearchDocument
from hvhk.search.text import fold, words

MIN_LETTERS = 3
MAX_WORDS = 5
MAX_SERVICES = 5


@dataclass(frozen=True)
class Suggestions:
    completions: list[str]  # whole queries, the last word completed
    services: list[Service]


def _service_names(network: Network, prefix: str) -> list[Service]:
    """Active services with a word in their name that starts with `prefix` (unranked, bounded)."""
    head = prefix[:6]
    connection = connections[router.db_for_read(SearchDocument)]  # a replica when the router chose one
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT service_id FROM search_searchdocument WHERE network_id = %s "
                "AND vector @@ to_tsquery('simple', %s) LIMIT 50",
                [network.pk, f"{head}:*"],
            )
        else:
            cursor.execute(
                "SELECT d.service_id FROM search_fts f JOIN search_searchdocument d ON d.id = f.rowid "
                "WHERE search_fts MATCH %s LIMIT 50",
                [f'network_id:"{network.pk.hex}" AND name_tokens:"{head}"*'],
            )
        ids = [row[0] for row in cursor.fetchall()]
    services = (
        Service.objects.for_network(network)
        .filter(pk__in=ids, status=Service.Status.ACTIVE)
        .only("id", "name")
    )
    return sorted(
        (s for s in services if any(w.startswith(prefix) for w in words(s.name))), key=lambda s: s.name
    )[:MAX_SERVICES]


def suggest(*, network: Network, text: str) -> Suggestions:
    query_words = words(text)[:10]
    if not query_words or len(query_words[-1]) < MIN_LETTERS or not query_words[-1].isalnum():
        return Suggestions([], [])
    prefix = query_words[-1]
    vocab = vocabulary()
    found = sorted(
        (w for w in vocab.words if w.startswith(prefix) and w != prefix),
        key=lambda w: (-vocab.word_counts.get(w, 0), w),
    )[:MAX_WORDS]
    head = " ".join(query_words[:-1])
    completions = [f"{head} {w}".strip() for w in found]
    return Suggestions(completions, _service_names(network, fold(prefix)))
