"""hvhk import-hsds in chunks and batches: every record once at the chunk boundaries, history rows in bulk."""

import gc
import json
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connection
from simple_history.models import HistoricalRecords

from hvhk.core.models import Network
from hvhk.directory.hsds import hooks
from hvhk.directory.hsds.importer import CHUNK, Importer
from hvhk.directory.hsds.service import import_file
from hvhk.directory.hsds.writer import CHANGE_REASON
from hvhk.directory.models import Location, Organization, Phone, Service, ServiceAtLocation
from hvhk.search.models import SearchDocument
from tests.accounts.factories import UserFactory
from tests.api.records import service_record

pytestmark = pytest.mark.django_db


def _write(tmp_path: Path, records: list, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def _records(size: int) -> list[dict]:
    """`size` services of one partner at one of its places (shared entities that span the chunks)."""
    organization = {"id": str(uuid.uuid4()), "name": "Vzw De Knikker", "description": "Een spelotheek."}
    place = {"id": str(uuid.uuid4()), "name": "Huis Centrum", "organization_id": organization["id"]}
    return [
        service_record(
            name=f"Spelotheek {i}",
            organization=organization,
            service_at_locations=[{"id": str(uuid.uuid4()), "location": place}],
        )
        for i in range(size)
    ]


def _history_counts() -> dict[str, int]:
    return {
        model.__name__: model.history.filter(history_change_reason=CHANGE_REASON).count()
        for model in (Service, Phone, ServiceAtLocation, Location, Organization)
    }


@pytest.mark.parametrize("size", [1, CHUNK, CHUNK + 1])
def test_every_record_is_written_once_with_its_history_at_the_chunk_boundaries(tmp_path, size):
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    path = _write(tmp_path, _records(size))

    report = import_file(path, network)

    assert report.saved and report.problem_count == 0
    assert (report.services.created, report.services.updated, report.services.unchanged) == (size, 0, 0)
    assert report.tables[str(Phone._meta.verbose_name_plural)].created == size
    assert Service.objects.for_network(network).count() == size
    assert Phone.objects.for_network(network).count() == size
    assert ServiceAtLocation.objects.for_network(network).count() == size
    assert Location.objects.for_network(network).count() == 1
    assert _history_counts() == {
        "Service": size,
        "Phone": size,
        "ServiceAtLocation": size,
        "Location": 1,
        "Organization": 1,
    }
    assert SearchDocument.objects.filter(network=network).count() == size
    assert report.indexed == size


@pytest.mark.parametrize("size", [CHUNK, CHUNK + 1])
def test_the_same_file_again_changes_nothing_and_writes_no_history(tmp_path, size):
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    path = _write(tmp_path, _records(size))
    assert import_file(path, network).saved
    history = _history_counts()
    stamps = dict(Service.objects.values_list("id", "updated_at"))

    again = import_file(path, network)

    assert again.saved and again.problem_count == 0
    assert (again.services.created, again.services.updated, again.services.unchanged) == (0, 0, size)
    assert _history_counts() == history
    assert dict(Service.objects.values_list("id", "updated_at")) == stamps


def test_history_rows_hold_the_rows_as_written_created_then_updated(tmp_path):
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    record = service_record(last_modified="2025-03-01T10:00:00Z")
    assert import_file(_write(tmp_path, [record]), network).saved
    service = Service.objects.get(pk=record["id"])
    phone = Phone.objects.get(pk=record["phones"][0]["id"])
    created = service.history.get()
    assert (created.history_type, created.history_change_reason, created.history_user) == (
        "+",
        CHANGE_REASON,
        None,
    )
    assert (created.name, created.organization_id, created.translations) == (
        service.name,
        service.organization_id,
        {},
    )
    assert created.updated_at == service.updated_at  # the file's last_modified, in the row and its history
    assert service.updated_at.isoformat() == "2025-03-01T10:00:00+00:00"
    phone_written = phone.updated_at

    record["phones"][0]["number"] = "016 99 99 99"  # a child changes, the service row does not
    report = import_file(_write(tmp_path, [record], "changed.json"), network)

    assert (report.services.created, report.services.updated, report.services.unchanged) == (0, 1, 0)
    phone.refresh_from_db()
    assert phone.number == "016 99 99 99" and phone.updated_at > phone_written
    updated = phone.history.order_by("history_id").last()
    assert (updated.history_type, updated.number, updated.updated_at) == (
        "~",
        "016 99 99 99",
        phone.updated_at,
    )
    assert phone.history.count() == 2
    assert service.history.count() == 1


def test_an_import_by_a_signed_in_person_names_them_in_the_history(tmp_path):
    """The admin imports inside a request: simple_history's middleware names the person, as before."""
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    user = UserFactory()
    record = service_record()
    HistoricalRecords.context.request = SimpleNamespace(user=user)
    try:
        assert import_file(_write(tmp_path, [record]), network).saved
    finally:
        del HistoricalRecords.context.request

    assert Service.history.get(id=record["id"]).history_user == user
    assert Phone.history.get(id=record["phones"][0]["id"]).history_user == user


def test_a_refused_file_writes_no_rows_and_no_history(tmp_path, monkeypatch):
    """All or nothing across chunks: an error in the last chunk undoes the chunks already written."""
    monkeypatch.setattr("hvhk.directory.hsds.importer.CHUNK", 2)
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    records = _records(5)
    records[-1]["organization_id"] = str(uuid.uuid4())  # differs from its nested organisation

    report = import_file(_write(tmp_path, records), network)

    assert not report.saved and report.problem_count == 1
    assert report.problems[0].index == 5
    assert Service.objects.for_network(network).count() == 0
    assert sum(_history_counts().values()) == 0


def test_the_import_gives_back_sqlites_page_cache(tmp_path):
    """The import enlarges SQLite's page cache for itself only: the connection's setting is as before."""
    if connection.vendor != "sqlite":
        pytest.skip("a SQLite setting")
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]

    assert import_file(_write(tmp_path, _records(2)), network).saved

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        assert cursor.fetchone()[0] == before


def test_the_search_index_is_built_after_the_import_has_let_go_of_what_it_kept_per_record(tmp_path):
    """What the import keeps per record (the ids it saw, the services it changed) is let go once it has
    committed, so the search index, built next, does not grow on top of it (issue 19: flat memory)."""
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    held = []

    def look(sender, **kwargs):
        importers = [o for o in gc.get_objects() if type(o) is Importer and o.network == network]
        held.extend((hasattr(o, "mapper"), hasattr(o, "local"), len(o.changed_services)) for o in importers)

    hooks.import_saved.connect(look)
    try:
        report = import_file(_write(tmp_path, _records(3)), network)
    finally:
        hooks.import_saved.disconnect(look)

    assert report.saved and report.indexed == 3
    assert SearchDocument.objects.filter(network=network).count() == 3
    assert held == [(False, False, 0)]


def test_a_partner_renamed_in_a_later_file_is_renamed_in_the_index_of_its_services_outside_that_file(
    tmp_path,
):
    """A service the second file does not list is indexed again when its organisation changes in that file;
    one whose organisation the file leaves as it was is not touched."""
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    organization = {"id": str(uuid.uuid4()), "name": "Vzw De Knikker", "description": "Een spelotheek."}
    other = {"id": str(uuid.uuid4()), "name": "Vzw Het Anker", "description": "Een ontmoetingshuis."}
    first = [
        service_record(name="Spelotheek", organization=organization),
        service_record(name="Ontmoetingshuis", organization=other),
    ]
    assert import_file(_write(tmp_path, first), network).saved
    untouched = SearchDocument.objects.get(service_id=first[1]["id"])

    renamed = {**organization, "name": "Vzw De Tol"}
    later = [
        service_record(name="Speelpleinwerking", organization=renamed),
        service_record(organization=other),
    ]
    report = import_file(_write(tmp_path, later, "later.json"), network)

    assert (
        report.saved and report.indexed == 3
    )  # the two services of the file and the one of the renamed partner
    assert "tol" in SearchDocument.objects.get(service_id=first[0]["id"]).org_tokens.split()
    assert SearchDocument.objects.get(service_id=first[1]["id"]).org_tokens == untouched.org_tokens
