"""In a large network PostgreSQL is told how to retrieve (the GIN index, no parallel workers) for the
retrieval's own queries only: a caller's transaction gets its settings back."""

import pytest
from django.db import connection, transaction

from hvhk.search import engine
from hvhk.search.indexing import reindex
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import search_hits
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def _show(name: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


def test_a_large_networks_retrieval_steers_postgresql_and_then_lets_go(network_a, partner_a, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the settings are PostgreSQL's")
    for n in range(4):
        ServiceFactory(organization=partner_a, name=f"Kinderyoga {n}")
    reindex(network=network_a)
    monkeypatch.setattr(engine, "RETRIEVE_LIMIT", 3)  # four documents: a large network
    before = {name: _show(name) for name in ("enable_seqscan", "max_parallel_workers_per_gather")}
    seen: list[tuple[str, str, str]] = []

    def watch(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if sql.startswith("WITH m AS"):
            # What the retrieval's query ran under, asked on the same connection right after it.
            with context["connection"].cursor() as cursor:
                cursor.execute(
                    "SELECT current_setting('enable_seqscan'), "
                    "current_setting('max_parallel_workers_per_gather')"
                )
                seen.append((sql, *cursor.fetchone()))
        return result

    with transaction.atomic():
        with connection.execute_wrapper(watch):
            found = search_hits(network=network_a, query=ServiceQuery(text="kinderyoga"))
        after = {name: _show(name) for name in before}

    assert found.total == 3  # (as many as RETRIEVE_LIMIT hands over)
    assert seen, "the retrieval asked PostgreSQL nothing"
    assert {(seqscan, parallel) for _sql, seqscan, parallel in seen} == {("off", "0")}
    assert after == before
