"""`hvhk signals-propose`: last month for every active network by default, progress lines and a summary, safe to
run twice, clear errors for a bad month or network."""

import io

import pytest
from django.core.management import CommandError, call_command

from hvhk.directory.models import Service
from hvhk.signals.models import Signal
from tests.signals.factories_proposals import last_month, searches

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("signals-propose", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def figures(network_a, network_b, partner_a, partner_b):
    Service.objects.update(assured_date=last_month())
    searches(network_a, last_month(), "nachtopvang", count=8)
    searches(network_b, last_month(), "zwemles", count=5)
    searches(network_b, last_month().replace(year=2020), "oud", count=50)


def test_by_default_every_network_gets_last_months_proposals_with_progress_and_a_summary(figures):
    output = _run()
    month = f"{last_month():%Y-%m}"

    assert f"netwerk-a: counting {month}…" in output and f"netwerk-b: counting {month}…" in output
    assert "netwerk-a: 1 new proposal (1 zero-search)" in output
    assert f"Signal proposals for {month}: 2 new in 2 networks." in output
    assert Signal.objects.filter(status=Signal.Status.PROPOSED).count() == 2

    again = _run()
    assert f"Signal proposals for {month}: 0 new in 2 networks." in again
    assert Signal.objects.count() == 2


def test_one_network_and_one_month(figures, network_b):
    output = _run("--network", "netwerk-b", "--month", "2020-" + f"{last_month():%m}")

    assert "netwerk-a" not in output and "netwerk-b: 1 new proposal" in output
    (signal,) = Signal.objects.all()
    assert signal.network == network_b and signal.figures["subject"] == "oud"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "11-2026"], "--month wants YYYY-MM"),
        (["--month", "2999-01"], "has not begun yet"),
        (["--network", "nergens"], "No network with the slug 'nergens'"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_error(figures, args, message):
    with pytest.raises(CommandError, match=message):
        _run(*args)
    assert not Signal.objects.exists()
