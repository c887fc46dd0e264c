"""The demo's data files: valid HSDS, what `hvhk export-hsds` gives back, and dated relative to the day."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from hvhk.core.models import Network
from hvhk.demo.files import DemoFiles, all_files
from hvhk.directory.hsds.service import export_file
from tests.api.conftest import hsds  # noqa: F401 (the official schemas' validators, a fixture)

FILES = list(all_files())


@pytest.mark.parametrize("files", FILES, ids=lambda f: f.slug)
def test_each_hsds_file_is_valid_against_the_official_schema(files, hsds):  # noqa: F811
    validator = hsds("compiled/service.json")
    records = files.records(today=files.reference_date)
    errors = [
        f"{record['name']}: {'/'.join(map(str, e.absolute_path))}: {e.message[:120]}"
        for record in records
        for e in validator.iter_errors(record)
    ]
    assert records and errors == []


@pytest.mark.django_db
@pytest.mark.parametrize("files", FILES, ids=lambda f: f.slug)
def test_a_loaded_network_exports_exactly_its_file(files, demo, tmp_path):
    """So the file can be edited through the demo and written back with `hvhk export-hsds`."""
    out = tmp_path / "export.json"

    export_file(Network.objects.get(slug=files.slug), out)

    assert json.loads(out.read_text()) == files.records(today=timezone.localdate())


def test_loading_moves_every_date_by_the_days_since_the_reference_date():
    files = DemoFiles("leuven")
    later = files.reference_date + dt.timedelta(days=100)

    before = files.records(today=files.reference_date)
    after = files.records(today=later)

    first = before[0]
    assert (
        after[0]["assured_date"]
        == (dt.date.fromisoformat(first["assured_date"]) + dt.timedelta(days=100)).isoformat()
    )
    assert (
        after[0]["last_modified"]
        == (dt.datetime.fromisoformat(first["last_modified"]) + dt.timedelta(days=100)).isoformat()
    )
    membership = next(r["organization"]["hvhk_membership"] for r in before if "organization" in r)
    moved = next(r["organization"]["hvhk_membership"] for r in after if "organization" in r)
    signed = dt.date.fromisoformat(membership["engagement_signed_on"])
    assert moved["engagement_signed_on"] == (signed + dt.timedelta(days=100)).isoformat()
    assert after[0]["name"] == first["name"] and after[0]["id"] == first["id"]


def test_the_files_name_the_accounts_their_networks_and_requests_need():
    leuven, heusden_zolder = (DemoFiles(slug) for slug in ("leuven", "heusden-zolder"))
    for files in (leuven, heusden_zolder):
        organizations = {
            r["organization"]["hvhk_slug"]
            for r in files.records(today=files.reference_date)
            if "organization" in r
        }
        editors = {a["organization"] for a in files.extras["accounts"] if a.get("role") == "editor"}
        assert editors == organizations, files.slug
        assert files.extras["network"]["slug"] == files.slug
    assert len(leuven.extras["requests"]) == 3
    assert "requests" not in heusden_zolder.extras
