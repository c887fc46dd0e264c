"""SQLite: a large batch of new documents reaches the FTS5 index in one statement, with the insert trigger set
aside and put back exactly as it was, all or nothing."""

import pytest
from django.db import DatabaseError, connection

from hvhk.search import indexing
from hvhk.search.models import SearchDocument
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import search_hits
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 trigger is SQLite's (PostgreSQL copies new documents in)")


def _trigger() -> str | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_fts_insert'")
        row = cursor.fetchone()
    return row[0] if row else None


def _fts_rows(network) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [f'"{network.pk.hex}"'])
        return cursor.fetchone()[0]


def _integrity_check() -> None:
    """FTS5 compares its index with the documents' table and raises when they differ."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")


def test_a_large_batch_is_indexed_in_one_go_and_the_trigger_is_back(network_a, partner_a, monkeypatch):
    monkeypatch.setattr(indexing, "FTS_BULK_FROM", 3)
    trigger = _trigger()
    assert trigger is not None
    names = ["Babymassage Wijgmaal", "Kraamzorg Kessel-Lo", "Huiswerkklas Heverlee", "Zwemles peuters"]
    services = [ServiceFactory(organization=partner_a, name=name) for name in names]
    SearchDocument.objects.all().delete()

    indexing.index_services([s.pk for s in services])

    assert _trigger() == trigger  # the very same text SQLite kept
    assert _fts_rows(network_a) == len(services)
    _integrity_check()
    for service, word in zip(services, ("babymassage", "kraamzorg", "huiswerkklas", "zwemles"), strict=True):
        hits = search_hits(network=network_a, query=ServiceQuery(text=word)).hits
        assert [hit.service_id for hit in hits] == [service.pk], word

    # Below the threshold a new document goes through the trigger, which still works.
    late = ServiceFactory(organization=partner_a, name="Logopedie Linden")
    indexing.index_services([late.pk])
    assert [
        h.service_id for h in search_hits(network=network_a, query=ServiceQuery(text="logopedie")).hits
    ] == [late.pk]
    assert _fts_rows(network_a) == len(services) + 1
    _integrity_check()


def test_documents_of_other_networks_stay_as_they_were(network_a, partner_a, partner_b, monkeypatch):
    """Only the documents inserted by the batch are added to the index: the others are neither repeated nor
    lost (a repeat would count twice and fail FTS5's integrity check)."""
    other = ServiceFactory(organization=partner_b, name="Speelotheek Borgerhout")
    indexing.index_services([other.pk])  # through the trigger
    monkeypatch.setattr(indexing, "FTS_BULK_FROM", 2)
    ours = [ServiceFactory(organization=partner_a, name=f"Opvoedingswinkel {n}") for n in range(3)]

    indexing.index_services([s.pk for s in ours])

    assert _fts_rows(partner_b.network) == 1
    assert _fts_rows(network_a) == 3
    _integrity_check()


def test_a_failure_halfway_leaves_the_trigger_and_writes_nothing(network_a, partner_a, monkeypatch):
    monkeypatch.setattr(indexing, "FTS_BULK_FROM", 2)
    trigger = _trigger()
    services = [ServiceFactory(organization=partner_a, name=f"Gezinsondersteuning {n}") for n in range(3)]
    SearchDocument.objects.all().delete()
    # The statement after the documents' insert fails (with the trigger already set aside).
    monkeypatch.setattr(indexing, "FTS_COLUMNS", "network_id, no_such_column")

    with pytest.raises(DatabaseError):
        indexing.index_services([s.pk for s in services])

    assert _trigger() == trigger
    assert not SearchDocument.objects.exists()
    assert _fts_rows(network_a) == 0
    _integrity_check()
