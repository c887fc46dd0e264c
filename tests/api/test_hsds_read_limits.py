"""The reader's bounds (nesting depth, values per record, a data package's size) and an import that saves
nothing leaving nothing behind, not even its new network."""

import io
import json
import uuid
import zipfile

import pytest
from django.core.management import CommandError, call_command

from hvhk.core.models import Network
from hvhk.directory.hsds import read
from hvhk.directory.hsds.service import import_file, network_for_import
from tests.api.records import service_record

pytestmark = pytest.mark.django_db


def _command(*args) -> tuple[str, str | None]:
    out = io.StringIO()
    try:
        call_command("import-hsds", *args, stdout=out)
    except CommandError as exc:
        return out.getvalue(), str(exc)
    return out.getvalue(), None


def test_a_file_nested_twenty_thousand_levels_deep_is_refused_at_once(tmp_path):
    """40 KB of brackets took a gigabyte of memory (ijson keeps a path per level); 200 KB got the process killed."""
    path = tmp_path / "deep.json"
    path.write_text("[" * 20_000 + "]" * 20_000)
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")

    report = import_file(path, network)

    assert not report.saved
    assert "meer dan 32 niveaus diep genest" in str(report.problems[0])


def test_a_deep_object_inside_a_record_is_refused_and_a_single_object_file_too(tmp_path):
    network = Network.objects.create(slug="voorbeeld", name="Voorbeeld")
    deep = '{"x":' * 5_000 + "1" + "}" * 5_000
    record = json.dumps(service_record())[:-1] + ', "hvhk_extra": ' + deep + "}"
    in_list, alone = tmp_path / "list.json", tmp_path / "one.json"
    in_list.write_text(f"[{record}]")
    alone.write_text(record)  # json.loads on this raised RecursionError, a traceback

    for path in (in_list, alone):
        report = import_file(path, network)
        assert not report.saved
        assert "niveaus diep genest" in report.problems[0].message


def test_a_record_of_a_million_values_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_RECORD_VALUES", 100)
    record = service_record(hvhk_extra=list(range(200)))
    path = tmp_path / "big.json"
    path.write_text(json.dumps([record]))

    report = import_file(path, Network.objects.create(slug="voorbeeld", name="Voorbeeld"))

    assert not report.saved and "meer dan 100 waarden" in report.problems[0].message


def test_the_reader_streams_the_same_records_as_before(tmp_path):
    records = [service_record(), service_record(minimum_age=0.5), service_record(alert="ä ü ∑ 😀")]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(records, ensure_ascii=False))
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"total_items": 3, "contents": records}))

    assert list(read.records(path)) == records
    assert list(read.records(page)) == records


def test_a_zip_that_unpacks_beyond_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_PACKAGE_BYTES", 1000)
    package = tmp_path / "bomb.zip"
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("services.csv", "id,name\n" + "0" * 100_000)

    report = import_file(package, Network.objects.create(slug="voorbeeld", name="Voorbeeld"))

    assert not report.saved and "uitgepakt" in report.problems[0].message


def test_a_csv_field_beyond_the_csv_limit_is_a_clear_error(tmp_path):
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "services.csv").write_text(f"id,name,description\n{uuid.uuid4()},Aanbod,{'a' * 200_000}\n")

    report = import_file(folder, Network.objects.create(slug="voorbeeld", name="Voorbeeld"))

    assert not report.saved and "geen geldige CSV" in report.problems[0].message


# --- a new network exists only if the import saves ----------------------------------------------------------


def test_a_failing_import_into_a_new_network_leaves_no_network(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([service_record(name="")]))

    _output, error = _command("--network", "nieuw", "--network-name", "Nieuw", str(bad))

    assert error is not None
    assert not Network.objects.filter(slug="nieuw").exists()


def test_a_missing_file_is_an_error_not_a_traceback_and_leaves_no_network(tmp_path):
    output, error = _command("--network", "nieuw", "--network-name", "Nieuw", str(tmp_path / "nergens.json"))

    assert error is not None and "bestaat niet" in output
    assert not Network.objects.filter(slug="nieuw").exists()


def test_a_new_network_is_saved_by_the_import_in_its_transaction(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps([service_record()]))
    network, created = network_for_import("nieuw", "Nieuw")
    assert created and not Network.objects.filter(slug="nieuw").exists()

    report = import_file(path, network)

    assert report.saved and Network.objects.get(slug="nieuw").pk == network.pk


def test_a_dry_run_into_a_new_network_leaves_no_network(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps([service_record()]))

    output, error = _command("--network", "nieuw", "--network-name", "Nieuw", "--dry-run", str(path))

    assert error is None, output
    assert not Network.objects.filter(slug="nieuw").exists()
