"""Retention of parents' voice: e-mail addresses VOICE_RETENTION_DAYS after the contribution, sign-ups' names and
contact details VOICE_RETENTION_DAYS after the call; the contributions and the count stay. The daily command."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from hvhk.signals.models import CallSignup, CallSignupAccess, VoiceContribution
from hvhk.signals.services.voice import voice_retention
from tests.signals.factories import CallSignupFactory, ParticipationCallFactory, VoiceContributionFactory

pytestmark = pytest.mark.django_db


def _aged(contribution, days):
    VoiceContribution.objects.filter(pk=contribution.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days)
    )


def test_old_emails_are_erased_and_the_contribution_stays(network_a, settings):
    settings.VOICE_RETENTION_DAYS = 90
    old = VoiceContributionFactory(network=network_a, email="oud@example.org", text="Oud")
    recent = VoiceContributionFactory(network=network_a, email="nieuw@example.org")
    _aged(old, 91)
    _aged(recent, 89)
    assert voice_retention() == (1, 0)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.email == "" and old.email_erased_at is not None and old.text == "Oud"
    assert recent.email == "nieuw@example.org"
    assert voice_retention() == (0, 0)  # safe to run twice


def test_sign_ups_are_erased_after_the_call_and_counted_still(network_a, settings):
    settings.VOICE_RETENTION_DAYS = 90
    past = ParticipationCallFactory(network=network_a, starts_at=timezone.now() - dt.timedelta(days=91))
    recent = ParticipationCallFactory(network=network_a, starts_at=timezone.now() - dt.timedelta(days=10))
    CallSignupFactory(call=past, name="Sam", email="sam@example.org", phone="0470", remark="Met baby")
    CallSignupFactory(call=past, name="Lin", email="lin@example.org")
    CallSignupFactory(call=recent, name="Kim")
    assert voice_retention() == (0, 2)
    erased = CallSignup.objects.filter(call=past)
    assert erased.count() == 2
    assert set(erased.values_list("name", "email", "phone", "remark")) == {("", "", "", "")}
    assert all(s.erased_at for s in erased)
    assert CallSignup.objects.get(call=recent).name == "Kim"
    [log] = CallSignupAccess.objects.all()
    assert log.action == CallSignupAccess.Action.ERASE and log.call_id_value == past.pk and log.user is None
    assert voice_retention() == (0, 0)


def test_the_daily_command_reports_progress_and_a_summary(network_a, capsys):
    old = VoiceContributionFactory(network=network_a, email="oud@example.org")
    _aged(old, 365)
    call_command("signals-retention")
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0].startswith("Signals retention: erasing")
    assert out[-1] == "Signals retention: 1 e-mail addresses and 0 sign-ups erased (older than 90 days)."
