"""hvhk import-hsds / export-hsds: round trips, idempotence, and bad files that change nothing."""

import copy
import json
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from hvhk.activities.models import Activity
from hvhk.core.models import Area, Network
from hvhk.demo.services import demo_load
from hvhk.directory.hsds.ids import copy_id
from hvhk.directory.hsds.importer import WRITE_ORDER
from hvhk.directory.hsds.service import export_file, import_file
from hvhk.directory.models import Organization, Phone, Service
from hvhk.network import models as network_models
from tests.api.records import service_record
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db
EXAMPLE = "examples/service_full.json"


def _table_sizes() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for label in ("core", "directory")
        for model in apps.get_app_config(label).get_models()
    }


def _run(*args) -> tuple[str, str | None]:
    """Run a command; (its output, the CommandError message or None)."""
    out = StringIO()
    try:
        call_command(*args, stdout=out)
    except CommandError as exc:
        return out.getvalue(), str(exc)
    return out.getvalue(), None


def _write(tmp_path: Path, data, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _drop_network(slug: str) -> None:
    """Delete a network with all its data, children first (services protect their organisation, and so on)."""
    network = Network.objects.get(slug=slug)
    # The network's meetings, decisions, actions and signatures protect their bodies and declarations.
    for model in ("Decision", "ActionItem", "Meeting", "Signature"):
        getattr(network_models, model).objects.for_network(network).delete()
    Activity.objects.for_network(network).delete()  # activities keep their service (and place)
    for model in reversed(WRITE_ORDER[1:]):
        model.objects.for_network(network).delete()
    while Area.objects.for_network(network).exists():  # areas protect the areas inside them
        Area.objects.for_network(network).filter(children__isnull=True).delete()
    network.delete()


@pytest.fixture
def valid_record(settings) -> dict:
    """The official HSDS example service, made consistent: the example is illustrative, not valid data."""
    path = Path(settings.HSDS_SCHEMAS_DIR) / EXAMPLE
    if not path.exists():
        pytest.skip(f"Official HSDS examples not found at {path}")
    record = json.loads(path.read_text())
    # The example nests its one location twice; refer to it from the service instead.
    sal = record["service_at_locations"][0]
    sal["location_id"] = sal.pop("location")["id"]
    seen = set()

    def fix(obj):
        if isinstance(obj, dict):
            if obj.get("id") in seen:
                obj["id"] = str(uuid.uuid4())  # it reuses one phone id in ten places
            seen.add(obj.get("id"))
            if isinstance(obj.get("number"), str):
                obj["number"] = obj["number"].strip('"')  # wraps its phone numbers in quotes
            if obj.get("latitude") == 100:
                obj["latitude"], obj["longitude"] = 51.5072, -0.1276  # and has a latitude of 100
            obj.pop("parent_id", None)  # and points at parents it does not contain
            obj.pop("parent_organization_id", None)
            for value in obj.values():
                fix(value)
        elif isinstance(obj, list):
            for value in obj:
                fix(value)

    fix(record)
    return record


def _variant(record: dict, **changes) -> dict:
    """Another service of the same organisation: the record with fresh ids for the service and its own rows."""
    data = copy.deepcopy(record)
    organization = data.pop("organization")

    def renew(obj):
        if isinstance(obj, dict):
            if "id" in obj:
                obj["id"] = str(uuid.uuid4())
            for key, value in obj.items():
                if key not in ("taxonomy_term", "location"):
                    renew(value)
        elif isinstance(obj, list):
            for value in obj:
                renew(value)

    renew(data)
    data["organization"] = organization
    data.update(changes)
    return data


# --- round trips ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["json", "zip"])
def test_export_import_into_an_empty_network_export_gives_identical_data(tmp_path, form):
    demo_load()
    original = tmp_path / "leuven.json"
    export_file(Network.objects.get(slug="leuven"), original)
    package = tmp_path / f"leuven.{form}"
    export_file(Network.objects.get(slug="leuven"), package)
    _drop_network("leuven")  # the ids are free again: the copy can take them

    output, error = _run("import-hsds", "--network", "kopie", "--network-name", "Kopie", str(package))

    assert error is None, output
    assert "107 records gelezen: 107 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 geweigerd" in output
    again = tmp_path / "kopie.json"
    export_file(Network.objects.get(slug="kopie"), again)
    assert json.loads(again.read_text()) == json.loads(original.read_text())


def test_a_second_import_reports_everything_unchanged_and_changes_nothing(tmp_path):
    demo_load()
    network = Network.objects.get(slug="leuven")
    path = tmp_path / "leuven.json"
    export_file(network, path)
    before = _table_sizes()
    stamps = dict(Service.objects.values_list("id", "updated_at"))

    report = import_file(path, network)

    assert report.saved and not report.problem_count
    assert (report.services.created, report.services.updated, report.services.unchanged) == (0, 0, 107)
    assert all(c.created == c.updated == c.deleted == 0 for c in report.tables.values())
    assert _table_sizes() == before
    assert dict(Service.objects.values_list("id", "updated_at")) == stamps


def test_import_updates_changed_fields_and_drops_children_the_file_no_longer_lists(tmp_path, valid_record):
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    assert import_file(_write(tmp_path, [valid_record]), network).saved
    service = Service.objects.get(pk=valid_record["id"])
    assert service.phones.count() == 1

    changed = copy.deepcopy(valid_record)
    changed["name"] = "Gezinsbegeleiding"
    changed["phones"] = []
    report = import_file(_write(tmp_path, [changed], "changed.json"), network)

    assert (report.services.created, report.services.updated, report.services.unchanged) == (0, 1, 0)
    service.refresh_from_db()
    assert service.name == "Gezinsbegeleiding"
    assert service.phones.count() == 0
    assert Phone.objects.filter(pk=valid_record["phones"][0]["id"]).count() == 0


def test_the_official_hsds_example_imports_with_its_fields_in_place(tmp_path, valid_record):
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")

    report = import_file(_write(tmp_path, valid_record), network)  # a single object, not a list

    assert report.saved, report.summary()
    service = Service.objects.get(pk=valid_record["id"])
    assert service.network == network
    assert service.name == valid_record["name"]
    assert service.organization.name == valid_record["organization"]["name"]
    assert service.minimum_age_months == round(valid_record["minimum_age"] * 12)
    assert service.cost_options.get().kind == "paid"  # derived: the example has an amount and no hvhk_kind
    assert "service.wait_time" in report.ignored  # HSDS fields we do not keep are named, not silently lost


def test_the_official_example_csv_package_imports(settings):
    folder = Path(settings.HSDS_SCHEMAS_DIR) / "examples" / "csv"
    if not folder.exists():
        pytest.skip("Official HSDS examples not found")
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")

    report = import_file(folder, network, dry_run=True)

    # The example data itself has a latitude of 100 and quoted phone numbers: refused, each with its path.
    paths = {problem.path for problem in report.problems}
    assert "service_at_locations[0].location.latitude" in paths
    assert "phones[0].number" in paths
    assert Service.objects.count() == 0


# --- bad files -----------------------------------------------------------------------------------------------


def _refused(tmp_path, path: Path, *extra: str) -> str:
    ServiceFactory()  # something already there, which must stay as it is
    before = _table_sizes()
    output, error = _run(
        "import-hsds", "--network", "voorbeeld", "--network-name", "Voorbeeld", str(path), *extra
    )
    assert error is not None and "nothing imported" in error, output
    assert _table_sizes() == before, "a refused file changed the database"
    assert not Network.objects.filter(slug="voorbeeld").exists()
    return output


def test_invalid_json_is_refused_as_a_whole(tmp_path, valid_record):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps([valid_record, valid_record])[:-200], encoding="utf-8")

    output = _refused(tmp_path, path)

    assert "broken.json is geen geldige JSON" in output


def test_bytes_that_are_not_utf8_are_refused(tmp_path, valid_record):
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps([{**valid_record, "name": "Crèche"}], ensure_ascii=False).encode("latin-1"))

    output = _refused(tmp_path, path)

    assert "latin1.json is geen UTF-8-tekst" in output


def test_a_record_without_its_required_name_is_named_with_index_id_and_field(tmp_path, valid_record):
    second = _variant(valid_record)
    del second["name"]

    output = _refused(tmp_path, _write(tmp_path, [valid_record, second]))

    assert f"record 2 (id {second['id']}): name: Dit veld kan niet leeg zijn" in output


def test_wrong_types_are_named_with_what_was_expected(tmp_path, valid_record):
    bad = _variant(valid_record, name=123, minimum_age="drie", hvhk_delivery="ja", phones={"number": "1"})

    output = _refused(tmp_path, _write(tmp_path, [bad]))

    assert "name: Moet tekst zijn, maar is een getal." in output
    assert "minimum_age: Moet een getal zijn (jaren)." in output
    assert "hvhk_delivery: Moet een object zijn." in output
    assert "phones: Moet een lijst zijn ([...])." in output


def test_a_record_that_is_not_an_object_is_named(tmp_path, valid_record):
    output = _refused(tmp_path, _write(tmp_path, [valid_record, "Kinderopvang", 3]))

    assert "record 2: Een record moet een object zijn ({...}), maar dit is tekst." in output
    assert "record 3: Een record moet een object zijn ({...}), maar dit is een getal." in output


def test_duplicate_ids_in_one_file_are_refused(tmp_path, valid_record):
    output = _refused(tmp_path, _write(tmp_path, [valid_record, valid_record]))

    assert (
        f"record 2 (id {valid_record['id']}): id: Dit id staat twee keer in het bestand (eerst in record 1)."
        in output
    )


def test_a_five_megabyte_text_is_refused(tmp_path, valid_record):
    huge = _variant(valid_record, description="a" * 5_000_000)

    output = _refused(tmp_path, _write(tmp_path, [huge]))

    assert "description: Deze tekst is 5.000.000 tekens lang; het maximum is 10.000." in output


def test_a_text_too_long_for_its_field_or_with_a_nul_character_is_refused(tmp_path, valid_record):
    # (texts that fit are taken without the field's clean(); a NUL character PostgreSQL would refuse to store)
    limit = Service._meta.get_field("name").max_length
    too_long = _variant(valid_record, name="a" * (limit + 1))
    nul = _variant(valid_record, name="Opvoedings\x00winkel")
    fits = _variant(valid_record, name="b" * limit)

    output = _refused(tmp_path, _write(tmp_path, [fits, too_long, nul]))

    assert (
        f"record 2 (id {too_long['id']}): name: Zorg dat deze waarde niet meer dan {limit} tekens bevat"
        in output
    )
    assert f"record 3 (id {nul['id']}): name: Deze tekst bevat een nul-teken (\\u0000)" in output
    assert f"(id {fits['id']})" not in output


def test_each_record_keeps_its_own_last_modified(tmp_path, valid_record):
    # (a date prepared for the database is reused while the next row has the very same one)
    dates = ["2026-03-01T10:00:00+00:00", "2026-03-01T10:00:00+00:00", "2025-11-30T08:15:00+00:00"]
    records = [_variant(valid_record, last_modified=date) for date in dates]
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")

    report = import_file(_write(tmp_path, records), network)

    assert report.saved, report.summary()
    stored = {str(pk): at.isoformat() for pk, at in Service.objects.values_list("pk", "updated_at")}
    assert [stored[record["id"]] for record in records] == dates


def test_an_id_of_another_network_imports_as_this_networks_own_copy(tmp_path, valid_record):
    other = ServiceFactory()
    taken = _variant(valid_record)
    taken["id"] = str(other.pk)
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")

    report = import_file(_write(tmp_path, [taken]), network)

    assert report.saved, report.summary()
    copy = Service.objects.get(pk=copy_id(network.pk, other.pk))
    assert (copy.network, copy.source_id) == (network, other.pk)
    assert (
        Service.objects.get(pk=other.pk).network == other.network
    )  # the other network's record is untouched


def test_a_reference_to_nothing_is_refused(tmp_path, valid_record):
    orphan = _variant(valid_record)
    del orphan["organization"]
    orphan["organization_id"] = str(uuid.uuid4())

    output = _refused(tmp_path, _write(tmp_path, [orphan]))

    assert f"organization_id: Verwijst naar {orphan['organization_id']}, dat niet in het bestand" in output


def test_markup_is_stored_as_text_and_shown_inert(client, tmp_path, valid_record):
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    record = _variant(valid_record, name='<script>alert("x")</script> Praatgroep', description="<b>vet</b>")

    assert import_file(_write(tmp_path, [record]), network).saved

    service = Service.objects.get(pk=record["id"])
    assert service.name == '<script>alert("x")</script> Praatgroep'  # kept exactly as text
    page = client.get(f"/voorbeeld/services/{service.pk}/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Praatgroep" in page
    assert "<script>alert" not in page and "<b>vet</b>" not in page
    api = client.get(f"/voorbeeld/api/hsds/services/{service.pk}")
    assert api.json()["name"] == service.name and api["Content-Type"].startswith("application/json")


def test_skip_invalid_imports_the_good_records_and_lists_the_rest(tmp_path, valid_record):
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    good = _variant(valid_record, name="Goed")
    bad = _variant(valid_record, name="")

    report = import_file(_write(tmp_path, [valid_record, bad, good]), network, skip_invalid=True)

    assert report.saved
    assert (report.services.created, len(report.rejected_records)) == (2, 1)
    assert [str(p) for p in report.problems] == [
        f"record 2 (id {bad['id']}): name: Dit veld kan niet leeg zijn"
    ]
    assert set(Service.objects.for_network(network).values_list("name", flat=True)) == {
        valid_record["name"],
        "Goed",
    }


def test_dry_run_counts_but_saves_nothing(tmp_path, valid_record):
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    before = _table_sizes()

    output, error = _run(
        "import-hsds", "--network", "voorbeeld", "--dry-run", str(_write(tmp_path, [valid_record]))
    )

    assert error is None
    assert "1 records gelezen: 1 nieuw" in output and "Proefimport: er is niets bewaard." in output
    assert _table_sizes() == before
    assert not Organization.objects.for_network(network).exists()


def test_an_unknown_network_needs_a_name(tmp_path, valid_record):
    _output, error = _run("import-hsds", "--network", "nergens", str(_write(tmp_path, [valid_record])))

    assert error == "There is no network 'nergens'. Give --network-name to create it."


def test_export_refuses_an_unknown_network_and_a_missing_folder(tmp_path):
    assert (
        _run("export-hsds", "--network", "nergens", str(tmp_path / "x.json"))[1]
        == "No network with slug 'nergens'."
    )
    Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    assert (
        "does not exist" in _run("export-hsds", "--network", "voorbeeld", str(tmp_path / "no" / "x.json"))[1]
    )


@pytest.mark.django_db
def test_a_place_of_an_organisation_later_in_the_file_is_found(tmp_path, monkeypatch):
    """Imports go in chunks; a service held at another partner's place may come before that partner's own
    records (the 100,000-service benchmark found it: 233,511 false 'refers to nothing' errors)."""
    monkeypatch.setattr("hvhk.directory.hsds.importer.CHUNK", 1)
    host = service_record(name="Huis van het Kind")
    place = {"id": str(uuid.uuid4()), "name": "Huis Centrum", "organization_id": host["organization"]["id"]}
    guest = service_record(service_at_locations=[{"id": str(uuid.uuid4()), "location": place}])
    nowhere = service_record(
        service_at_locations=[
            {
                "id": str(uuid.uuid4()),
                "location": {**place, "id": str(uuid.uuid4()), "organization_id": str(uuid.uuid4())},
            }
        ]
    )
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")

    report = import_file(_write(tmp_path, [guest, host]), network)
    refused = import_file(_write(tmp_path, [nowhere], name="nowhere.json"), network)

    assert report.saved and report.problem_count == 0
    located = Service.objects.get(pk=guest["id"]).service_at_locations.get().location
    assert str(located.organization_id) == host["organization"]["id"]
    assert not refused.saved and "Verwijst naar" in str(refused.problems[0].message)
