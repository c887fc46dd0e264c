"""The hourly `hvhk activities` command: offers that expire, reminders the day before, anonymisation after the
retention period. Each is safe to run twice."""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from hvhk.activities.models import Activity, Registration, RegistrationAccess
from hvhk.activities.services import registrations as services
from hvhk.activities.tasks_registration import (
    anonymise_registrations,
    expire_offers,
    send_registration_reminders,
)
from tests.activities.factories_registration import SessionFactory, register, session_for

pytestmark = pytest.mark.django_db(transaction=True)  # mails leave after commit, as in production
BRUSSELS = ZoneInfo("Europe/Brussels")
Status = Registration.Status


def _at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, 0, tzinfo=BRUSSELS)


@pytest.fixture
def session(network_a):
    with time_machine.travel(_at(1, 9), tick=False):
        made = session_for(network_a, capacity=10)
    made.starts_at, made.ends_at = _at(11, 14), _at(11, 16)
    made.save()
    return made


def test_a_reminder_goes_the_day_before_once_in_the_familys_language(session):
    with time_machine.travel(_at(2, 9), tick=False):
        register(session.activity, session=session, language="fr")
        register(session.activity, session=session, email="", phone="0470 00 00 00")  # no mail address
        waiting = register(session.activity, session=session)[0]
        Registration.objects.filter(pk=waiting.pk).update(status=Status.WAITING)
    mail.outbox.clear()

    with time_machine.travel(_at(9, 20), tick=False):
        assert services.reminders_send() == 0  # two days before: not yet
    with time_machine.travel(_at(10, 8), tick=False):
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0  # every hour again: nothing twice
    [reminder] = mail.outbox
    assert reminder.to == ["sara@example.org"] and "/activities/r/" in reminder.body
    assert Registration.objects.filter(reminder_sent_at__isnull=False).count() == 1


def test_a_series_is_reminded_before_its_first_session_only(network_a):
    with time_machine.travel(_at(1, 9), tick=False):
        first = session_for(network_a, schedule=Activity.Schedule.SERIES, capacity=5)
        first.starts_at, first.ends_at = _at(11, 14), _at(11, 16)
        first.save()
        SessionFactory(activity=first.activity, starts_at=_at(18, 14), ends_at=_at(18, 16))
        register(first.activity)
    with time_machine.travel(_at(17, 9), tick=False):
        assert services.reminders_send() == 0
    with time_machine.travel(_at(10, 9), tick=False):
        assert services.reminders_send() == 1


def test_registrations_are_anonymised_after_the_retention_period_counts_kept(session, settings):
    settings.REGISTRATION_RETENTION_MONTHS = 3
    with time_machine.travel(_at(2, 9), tick=False):
        registration, token = register(
            session.activity, session=session, adults=2, children=3, remark="Allergie"
        )
        cancelled, _ = register(session.activity, session=session)
        services.registration_cancel(registration=cancelled)
    Registration.objects.filter(pk=registration.pk).update(attended=True)

    with time_machine.travel(_at(11, 16) + dt.timedelta(days=80), tick=False):
        assert services.registrations_anonymise() == 0
    with time_machine.travel(_at(11, 16) + dt.timedelta(days=95), tick=False):
        assert services.registrations_anonymise() == 2
        assert services.registrations_anonymise() == 0

    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.remark, registration.children_ages) == (
        "",
        "",
        "",
        "",
    )
    assert (registration.adults, registration.children, registration.status, registration.attended) == (
        2,
        3,
        Status.CONFIRMED,
        True,
    )
    assert registration.is_anonymised and registration.token_hash != services.token_hash(token)
    [log] = RegistrationAccess.objects.all()
    assert log.action == RegistrationAccess.Action.ANONYMISE and "2" in log.detail
    assert log.activity_id_value == session.activity_id


def test_the_command_runs_everything_and_prints_one_line_twice_safely(session):
    with time_machine.travel(_at(2, 9), tick=False):
        out = StringIO()
        call_command("activities", stdout=out)
        call_command("activities", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("Activities: 0 offers expired, 0 reminders sent")


def test_the_tasks_call_the_same_services(session):
    with time_machine.travel(_at(2, 9), tick=False):
        register(session.activity, session=session)
    with time_machine.travel(_at(10, 9), tick=False):
        assert expire_offers.enqueue().return_value == 0
        assert send_registration_reminders.enqueue().return_value == 1
        assert anonymise_registrations.enqueue().return_value == 0


def test_the_anonymisation_log_is_written_in_dutch_whatever_the_process_last_spoke(session, settings):
    """The worker's thread may have served an Arabic page last: stored text stays in the site's language."""
    settings.REGISTRATION_RETENTION_MONTHS = 3
    with time_machine.travel(_at(2, 9), tick=False):
        register(session.activity, session=session)
    with time_machine.travel(_at(11, 16) + dt.timedelta(days=95), tick=False), translation.override("ar"):
        assert services.registrations_anonymise() == 1
        assert translation.get_language() == "ar"  # the caller's language is left as it was
    [log] = RegistrationAccess.objects.all()
    assert (log.user_label, log.detail) == ("bewaartermijn (automatisch)", "1 inschrijving geanonimiseerd")
