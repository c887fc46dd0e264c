import pytest
from django.core.management import call_command
from django.db import transaction

from hvhk.directory import models as m
from hvhk.search.indexing import reindex
from hvhk.search.models import SearchDocument, SearchWord
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import search_hits
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def _names(network, text):
    return [h.service.name for h in search_hits(network=network, query=ServiceQuery(text=text)).hits]


def test_a_new_service_is_found_once_its_transaction_commits(
    network_a, partner_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ServiceFactory(organization=partner_a, name="Zwemles voor peuters")
    assert _names(network_a, "zwemles") == ["Zwemles voor peuters"]


def test_an_edit_updates_only_that_service(network_a, service_a, django_capture_on_commit_callbacks):
    reindex(network=network_a)
    with django_capture_on_commit_callbacks(execute=True):
        service_a.name = "Babyzwemmen"
        service_a.save()
    assert _names(network_a, "babyzwemmen") == ["Babyzwemmen"]
    assert _names(network_a, "consultatiebureau") == []


def test_a_rolled_back_change_leaves_the_index_alone(
    network_a, service_a, django_capture_on_commit_callbacks
):
    reindex(network=network_a)
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                service_a.name = "Iets anders"
                service_a.save()
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert _names(network_a, "consultatiebureau") == ["Consultatiebureau A"]


def test_inactive_and_deleted_services_leave_the_index(
    network_a, service_a, django_capture_on_commit_callbacks
):
    reindex(network=network_a)
    assert SearchWord.objects.get(word="consultatiebureau").document_count == 1
    with django_capture_on_commit_callbacks(execute=True):
        service_a.status = m.Service.Status.INACTIVE
        service_a.save()
    assert not SearchDocument.objects.filter(service=service_a).exists()
    assert not SearchWord.objects.filter(word="consultatiebureau", document_count__gt=0).exists()
    other = ServiceFactory(organization=service_a.organization, name="Speelotheek")
    reindex(network=network_a)
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()
    assert not SearchDocument.objects.filter(network=network_a).exists()


def test_renaming_an_organisation_reindexes_its_services(
    network_a, service_a, django_capture_on_commit_callbacks
):
    reindex(network=network_a)
    with django_capture_on_commit_callbacks(execute=True):
        service_a.organization.name = "Kind en Gezin"
        service_a.organization.save()
    assert _names(network_a, "kind en gezin") == ["Consultatiebureau A"]


def test_a_new_life_domain_is_searchable(network_a, service_a, django_capture_on_commit_callbacks):
    from hvhk.directory.services import taxonomy_seed

    terms = {t.code: t for t in taxonomy_seed(network=network_a)}
    with django_capture_on_commit_callbacks(execute=True):
        m.Attribute.objects.create(
            network=network_a, service=service_a, taxonomy_term=terms["wonen"], link_type="life_domain"
        )
    assert _names(network_a, "wonen") == ["Consultatiebureau A"]


def test_reindex_command_rebuilds_and_reports(network_a, service_a, service_b, capsys):
    call_command("reindex")
    out = capsys.readouterr().out
    assert "Search index rebuilt for all networks: 2 services" in out
    call_command("reindex", "--network", "netwerk-a")
    assert SearchDocument.objects.count() == 2
    with pytest.raises(Exception, match="No network"):
        call_command("reindex", "--network", "nergens")


def test_a_rebuild_leaves_nothing_waiting_in_postgresqls_full_text_indexes(network_a, service_a, service_b):
    """New GIN entries wait in a list that every search reads through; a rebuild merges them into the index."""
    from django.db import connection

    from hvhk.search.indexing import GIN_INDEXES

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 has no such list")
    reindex(network=network_a)
    with connection.cursor() as cursor:
        for index in GIN_INDEXES:
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
            assert cursor.fetchone()[0] == 0, index


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_outside_a_transaction_vacuums_and_rebuilds_postgresqls_indexes(network_a, service_a):
    """`hvhk reindex` deletes and writes every document: afterwards the table is vacuumed (no dead rows, nothing
    pending in the GIN indexes) and its indexes rebuilt, while searches go on."""
    from django.db import connection

    from hvhk.search.indexing import GIN_INDEXES

    if connection.vendor != "postgresql":
        pytest.skip("SQLite has neither dead rows nor GIN indexes")
    call_command("reindex")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'search_searchdocument'"
        )
        assert cursor.fetchone()[0] is True
        for index in GIN_INDEXES:
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
            assert cursor.fetchone()[0] == 0, index
    assert search_hits(network=network_a, query=ServiceQuery(text=service_a.name)).total == 1
