"""`reindex` rewrites only what changed, reads every word once before it splits compounds, and leaves
PostgreSQL's full-text indexes rebuilt only when it rewrote most documents."""

import pytest
from django.db import connection

from hvhk.directory import models as m
from hvhk.search import indexing
from hvhk.search.analysis import content_words
from hvhk.search.indexing import reindex
from hvhk.search.models import SearchDocument, SearchWord
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import search_hits
from tests.core.factories import AreaFactory
from tests.directory.factories import LocationFactory, ServiceFactory, TaxonomyTermFactory

pytestmark = pytest.mark.django_db


def _rich_service(organization, name: str, area=None):
    """A service with a translation, a life domain with a translation, and a place with an area and a city."""
    service = ServiceFactory(
        organization=organization,
        name=name,
        alternate_name="Vroedvrouwenspreekuur",
        application_process="Bel het onthaal",
        eligibility_description="Zwangere ouders",
        fees_description="Gratis",
        translations={"fr": {"name": "Consultation prénatale", "description": "Sage-femme à l'écoute"}},
    )
    term = TaxonomyTermFactory(
        taxonomy__network=organization.network,
        name="Gezondheid",
        translations={"ar": {"name": "الصحة"}},
    )
    m.Attribute.objects.create(
        network=organization.network, taxonomy_term=term, service=service, link_type="life_domain"
    )
    location = LocationFactory(organization=organization, name="Buurthuis Zonnebloem", area=area)
    m.Address.objects.create(
        network=organization.network,
        location=location,
        address_1="Kerkstraat 1",
        city="Wijgmaal",
        state_province="Vlaams-Brabant",
        postal_code="3018",
    )
    m.ServiceAtLocation.objects.create(network=organization.network, service=service, location=location)
    return service


def test_the_first_pass_reads_exactly_the_words_the_documents_have(network_a, partner_a, partner_b):
    """The words compounds are split into are read table by table, not service by service: they must be the
    same words, of this network's active services only."""
    area = AreaFactory(network=network_a, name="Kessel-Lo", kind="submunicipality")
    one = _rich_service(partner_a, "Prenatale consultatie", area=area)
    _rich_service(partner_a, "Tweede aanbod")
    ServiceFactory(organization=partner_a, name="Gesloten zwemclub", status=m.Service.Status.INACTIVE)
    ServiceFactory(organization=partner_b, name="Ander netwerk dansles")
    services = m.Service.objects.filter(network=network_a, status=m.Service.Status.ACTIVE)
    ids = list(services.values_list("id", flat=True))

    per_service = {
        w for _s, _n, texts in indexing._texts(ids) for t in texts.values() for w in content_words(t)
    }
    table_by_table = {w for text in indexing._all_texts(services) for w in content_words(text)}

    assert table_by_table == per_service
    for word in ("prenatale", "vroedvrouwenspreekuur", "sage", "الصحة", "zonnebloem", "wijgmaal", "kessel"):
        assert word in table_by_table, word
    assert {"zwemclub", "dansles"}.isdisjoint(table_by_table)
    assert one.pk in ids


def test_a_rebuild_of_an_unchanged_network_rewrites_nothing(
    network_a, partner_a, django_capture_on_commit_callbacks
):
    services = [_rich_service(partner_a, f"Babymassage {n}") for n in range(3)]
    reindex(network=network_a)
    before = dict(SearchDocument.objects.values_list("pk", "updated_at"))
    words = dict(SearchWord.objects.values_list("word", "document_count"))

    assert reindex(network=network_a)["indexed"] == 3

    assert dict(SearchDocument.objects.values_list("pk", "updated_at")) == before
    assert dict(SearchWord.objects.values_list("word", "document_count")) == words
    assert words["babymassage"] == 3
    assert {
        h.service.pk for h in search_hits(network=network_a, query=ServiceQuery(text="babymassage")).hits
    } == {s.pk for s in services}


def test_a_rebuild_rewrites_what_changed_and_drops_what_left(network_a, partner_a):
    kept, renamed, closed = (
        ServiceFactory(organization=partner_a, name=f"Peuterturnen {n}") for n in range(3)
    )
    reindex(network=network_a)
    before = dict(SearchDocument.objects.values_list("service_id", "updated_at"))
    # Changed behind the index's back (a bulk update sends no signal): the rebuild must notice.
    m.Service.objects.filter(pk=renamed.pk).update(name="Kleuterzwemmen")
    m.Service.objects.filter(pk=closed.pk).update(status=m.Service.Status.INACTIVE)

    assert reindex(network=network_a)["indexed"] == 2

    after = dict(SearchDocument.objects.values_list("service_id", "updated_at"))
    assert set(after) == {kept.pk, renamed.pk}
    assert after[kept.pk] == before[kept.pk]
    assert after[renamed.pk] > before[renamed.pk]
    counts = dict(SearchWord.objects.values_list("word", "document_count"))
    assert counts["peuterturnen"] == 1
    assert counts["kleuterzwemmen"] == 1
    names = [
        h.service.name for h in search_hits(network=network_a, query=ServiceQuery(text="kleuterzwemmen")).hits
    ]
    assert names == ["Kleuterzwemmen"]


def _index_files() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relfilenode FROM pg_class WHERE relname = ANY(%s)", [list(indexing.GIN_INDEXES)]
        )
        return dict(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_postgresql_rebuilds_its_indexes_only_after_rewriting_most_documents(network_a, partner_a):
    """Rebuilding the GIN indexes of a large table takes longer than the rest of a rebuild: it is done when a
    rebuild left them bloated with dead entries, not after a rebuild that found nothing to change."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 table has no separate index files")
    services = [ServiceFactory(organization=partner_a, name=f"Speelotheek {n}") for n in range(5)]
    reindex(network=network_a)
    files = _index_files()

    reindex(network=network_a)
    assert _index_files() == files  # nothing changed: the same index files

    m.Service.objects.filter(pk__in=[s.pk for s in services[:1]]).update(name="Ludotheek")
    reindex(network=network_a)
    assert _index_files() == files  # one in five rewritten: below REBUILD_INDEXES_FROM

    m.Service.objects.filter(pk__in=[s.pk for s in services]).update(description="Spelen en ontlenen")
    reindex(network=network_a)
    rebuilt = _index_files()
    assert set(rebuilt) == set(files)
    assert all(rebuilt[name] != files[name] for name in files)
    assert search_hits(network=network_a, query=ServiceQuery(text="ontlenen")).total == 5


def test_sqlite_keeps_no_planner_statistics_of_the_fts_index_own_tables(network_a, partner_a):
    # Taken while the index was small, they made every batch of a large rebuild slower than the one before.
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's FTS5 index and its planner statistics")
    for name in ("Kraamzorg", "Babymassage", "Opvoedingswinkel"):
        _rich_service(partner_a, name)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # something analysed the whole database while the index was small
        cursor.execute("SELECT tbl FROM sqlite_stat1")
        assert any(table.startswith("search_fts") for (table,) in cursor.fetchall())

    reindex(network=network_a)

    with connection.cursor() as cursor:
        cursor.execute("SELECT tbl FROM sqlite_stat1")
        analysed = {table for (table,) in cursor.fetchall()}
    assert "directory_service" in analysed and "search_searchdocument" in analysed
    assert not {table for table in analysed if table.startswith("search_fts")}
