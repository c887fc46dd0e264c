"""`hvhk export-uitdatabank --network SLUG --output FILE`: a JSON array of UiTdatabank events, one line per
activity left out with the reason, a summary line; an error only when it cannot run."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.activities.factories_export import ActivityFactory, SessionFactory, needs_schemas, schema_errors

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("export-uitdatabank", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def programme(service_a):
    soon = timezone.now() + dt.timedelta(days=2)
    for title in ("Babymassage", "Infoavond slapen"):
        SessionFactory(activity=ActivityFactory(service=service_a, title=title), starts_at=soon)
    no_id = ActivityFactory(service=service_a, title="Doe-Mee-avond")
    no_id.location.uitdatabank_place_id = ""
    no_id.location.save()
    SessionFactory(activity=no_id, starts_at=soon)
    no_dates = ActivityFactory(service=service_a, title="Oudergroep zonder data")
    return no_id, no_dates


@needs_schemas
def test_it_writes_the_events_and_lists_what_it_skipped(network_a, programme, tmp_path):
    output = tmp_path / "events.json"

    out = _run("--network", "netwerk-a", "--output", str(output))

    events = json.loads(output.read_text(encoding="utf-8"))
    assert sorted(e["name"]["nl"] for e in events) == ["Babymassage", "Infoavond slapen"]
    assert all(schema_errors(e) == [] for e in events)
    lines = out.strip().splitlines()
    assert lines[-1] == "2 events written, 2 activities skipped"
    no_id, no_dates = programme
    assert lines[:-1] == [  # by title
        f"skipped: Doe-Mee-avond ({no_id.pk}): its place {no_id.location} has no UiTdatabank place id",
        f"skipped: Oudergroep zonder data ({no_dates.pk}): no upcoming sessions",
    ]
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_an_empty_programme_writes_an_empty_array(network_a, tmp_path):
    output = tmp_path / "events.json"

    out = _run("--network", "netwerk-a", "--output", str(output))

    assert json.loads(output.read_text()) == []
    assert out.strip() == "0 events written, 0 activities skipped"


def test_an_unknown_network_is_an_error_and_writes_nothing(network_a, tmp_path):
    output = tmp_path / "events.json"

    with pytest.raises(CommandError, match="No network with slug 'nergens'"):
        _run("--network", "nergens", "--output", str(output))
    assert not output.exists()


def test_a_missing_folder_is_an_error(network_a, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        _run("--network", "netwerk-a", "--output", str(tmp_path / "nope" / "events.json"))


def test_a_second_run_replaces_the_file(network_a, programme, tmp_path):
    output = tmp_path / "events.json"
    output.write_text("oud")

    _run("--network", "netwerk-a", "--output", str(output))

    assert len(json.loads(output.read_text())) == 2
