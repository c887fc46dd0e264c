"""One organisation in several networks: the same HSDS file imports into two networks of one installation as two
copies, each complete and isolated, each updated in place by a second import (hsds/ids.py, docs/hsds.md)."""

import json
import uuid
from pathlib import Path

import pytest
from django.apps import apps

from hvhk.core.models import Network
from hvhk.directory import models as m
from hvhk.directory.hsds.ids import copy_id
from hvhk.directory.hsds.service import export_file, import_file
from tests.api.records import service_record

pytestmark = pytest.mark.django_db


def _records() -> list[dict]:
    """Two services of a regional partner, sharing its place and a category; the second links to the first's
    organisation by id only."""
    term = {
        "id": str(uuid.uuid4()),
        "name": "Zwangere vrouwen",
        "description": "Wie een kind verwacht",
        "taxonomy_detail": {"id": str(uuid.uuid4()), "name": "Doelgroep", "description": "Voor wie"},
    }
    first = service_record(name="Consultatiebureau")
    org_id = first["organization"]["id"]
    place = {"id": str(uuid.uuid4()), "name": "Huis Centrum", "organization_id": org_id}
    first["service_at_locations"] = [{"id": str(uuid.uuid4()), "location": place}]
    first["attributes"] = [{"id": str(uuid.uuid4()), "taxonomy_term": term}]
    second = service_record(name="Prenatale begeleiding")
    del second["organization"]
    second["organization_id"] = org_id
    second["service_at_locations"] = [{"id": str(uuid.uuid4()), "location_id": place["id"]}]
    second["attributes"] = [{"id": str(uuid.uuid4()), "taxonomy_term_id": term["id"]}]
    return [first, second]


def _write(tmp_path: Path, data, name: str = "partner.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _sizes(network: Network) -> dict[str, int]:
    return {
        model._meta.label: model.objects.filter(network=network).count()
        for model in apps.get_app_config("directory").get_models()
        if any(f.name == "network" for f in model._meta.concrete_fields)
    }


@pytest.fixture
def networks(db):
    return Network.objects.create(slug="leuven", name="Leuven"), Network.objects.create(
        slug="genk", name="Genk"
    )


def test_the_same_file_imports_into_two_networks_each_complete(tmp_path, networks):
    leuven, genk = networks
    records = _records()
    path = _write(tmp_path, records)

    first, second = import_file(path, leuven), import_file(path, genk)

    assert first.saved and second.saved, second.summary()
    assert (second.services.created, second.problem_count) == (2, 0)
    assert _sizes(genk) == _sizes(leuven)
    source = uuid.UUID(records[0]["id"])
    assert m.Service.objects.get(pk=source).network == leuven  # the first network keeps the file's ids
    copy = m.Service.objects.get(pk=copy_id(genk.pk, source))
    assert (copy.network, copy.source_id) == (genk, source)
    # Every link of the copy stays inside its own network.
    place = copy.service_at_locations.get().location
    assert place.network == genk and place.organization.network == genk
    assert copy.organization.network == genk
    term = copy.attributes.get().taxonomy_term
    assert term.network == genk and term.taxonomy.network == genk
    other = m.Service.objects.for_network(genk).get(name="Prenatale begeleiding")
    assert other.organization == copy.organization
    assert other.service_at_locations.get().location == place


def test_a_second_import_updates_each_copy_in_place(tmp_path, networks):
    leuven, genk = networks
    path = _write(tmp_path, _records())
    import_file(path, leuven), import_file(path, genk)
    before = _sizes(leuven), _sizes(genk)

    again = [import_file(path, network) for network in (leuven, genk)]

    assert [(r.services.unchanged, r.services.created, r.services.updated) for r in again] == [(2, 0, 0)] * 2
    assert (_sizes(leuven), _sizes(genk)) == before


def test_a_change_in_one_network_leaves_the_other_alone(tmp_path, networks):
    leuven, genk = networks
    records = _records()
    path = _write(tmp_path, records)
    import_file(path, leuven), import_file(path, genk)
    source = uuid.UUID(records[0]["id"])

    own = m.Service.objects.get(pk=source)
    own.name = "Alleen in Leuven"
    own.save()
    records[0]["description"] = "Nieuwe tekst van de partner"
    report = import_file(_write(tmp_path, records, "changed.json"), genk)

    copy = m.Service.objects.get(pk=copy_id(genk.pk, source))
    assert report.services.updated == 1
    assert copy.name == "Consultatiebureau" and copy.description == "Nieuwe tekst van de partner"
    own.refresh_from_db()
    assert own.name == "Alleen in Leuven" and own.description != "Nieuwe tekst van de partner"


def test_an_export_of_a_copy_says_where_it_came_from_and_imports_into_its_network_unchanged(
    tmp_path, networks
):
    leuven, genk = networks
    records = _records()
    path = _write(tmp_path, records)
    import_file(path, leuven), import_file(path, genk)
    exported = tmp_path / "genk.json"

    export_file(genk, exported)
    report = import_file(exported, genk)

    data = {item["name"]: item for item in json.loads(exported.read_text())}
    assert data["Consultatiebureau"]["hvhk_source_id"] == records[0]["id"]
    assert data["Consultatiebureau"]["organization"]["hvhk_source_id"] == records[0]["organization"]["id"]
    assert report.saved and report.services.unchanged == 2 and not report.ignored


def test_the_api_of_a_network_serves_its_copy_with_the_source_id(client, tmp_path, networks):
    leuven, genk = networks
    records = _records()
    path = _write(tmp_path, records)
    import_file(path, leuven), import_file(path, genk)
    copy = copy_id(genk.pk, uuid.UUID(records[0]["id"]))

    response = client.get(f"/genk/api/hsds/services/{copy}")
    elsewhere = client.get(f"/genk/api/hsds/services/{records[0]['id']}")

    assert response.status_code == 200
    assert response.json()["hvhk_source_id"] == records[0]["id"]
    assert elsewhere.status_code == 404  # the other network's record stays out of reach
