"""hvhk import-hsds in chunks and batches: every record once at the chunk boundaries, history rows in bulk."""

import json
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connection
from simple_history.models import HistoricalRecords

from hvhk.core.models import Network
from hvhk.directory.hsds.importer import CHUNK
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
