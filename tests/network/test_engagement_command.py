"""`hvhk declarations-remind`: a reminder to each partner that has not signed the newest version, at most once
per 14 days, through a task; it prints what it does and a summary."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from hvhk.network.models.engagement import DeclarationReminder
from tests.network.engagement_helpers import build_world
from tests.network.factories import SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(network_a, network_b, partner_a, partner_b, editor_a, coordinator_a, coordinator_b):
    return build_world(
        network_a=network_a,
        network_b=network_b,
        partner_a=partner_a,
        partner_b=partner_b,
        editor_a=editor_a,
        coordinator_a=coordinator_a,
        coordinator_b=coordinator_b,
    )


def _run(*args) -> str:
    out = StringIO()
    call_command("declarations-remind", *args, stdout=out)
    return out.getvalue()


def test_it_reminds_each_partner_that_has_not_signed_once(
    world, partner_a, django_capture_on_commit_callbacks
):
    SignatureFactory(declaration=world["v2"], organization=world["neighbour"])  # Buurtwerk signed already
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        out = _run("--network", "netwerk-a")
    assert "version 2, 2 partners still to sign, 2 to remind now" in out
    assert f"reminder enqueued for {partner_a.name}" in out and "reminder enqueued for Kind en Gezin" in out
    assert "Buurtwerk" not in out and "Oude Partner" not in out
    assert "Declaration reminders: 2 enqueued, 0 skipped" in out
    assert sorted(m.to[0] for m in mail.outbox) == ["editor@a.example", "lotte@kindengezin.example"]
    assert "Engagementsverklaring 2024" in mail.outbox[0].body
    assert set(DeclarationReminder.objects.values_list("organization__slug", flat=True)) == {
        "partner-a",
        "kind-en-gezin",
    }

    # Run again the next day: nobody is reminded twice within 14 days.
    with django_capture_on_commit_callbacks(execute=True):
        again = _run("--network", "netwerk-a")
    assert "Declaration reminders: 0 enqueued, 2 skipped" in again
    assert len(mail.outbox) == 2

    # 15 days later the partners that still have not signed get a new reminder; one signed meanwhile.
    DeclarationReminder.objects.update(created_at=timezone.now() - dt.timedelta(days=15))
    SignatureFactory(declaration=world["v2"], organization=partner_a)
    with django_capture_on_commit_callbacks(execute=True):
        later = _run("--network", "netwerk-a")
    assert "Declaration reminders: 1 enqueued, 0 skipped" in later
    assert mail.outbox[-1].to == ["lotte@kindengezin.example"] and len(mail.outbox) == 3


def test_without_network_it_goes_through_every_network(world, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        out = _run()
    assert "Huis van het Kind A: version 2" in out and "Huis van het Kind B: version 1" in out
    assert "Declaration reminders: 3 enqueued" in out  # network A: 3 partners; B's partner signed


def test_a_network_without_a_declaration_is_said_and_an_unknown_slug_fails(network_a):
    out = _run("--network", "netwerk-a")
    assert "no engagement declaration published yet" in out
    assert "0 enqueued, 0 skipped (reminded in the last 14 days), 1 networks without a declaration" in out
    with pytest.raises(CommandError, match="No active network"):
        _run("--network", "bestaat-niet")
