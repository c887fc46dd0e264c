"""A referral's steps: sent → received → accepted | declined → in progress → completed | closed, each with its
time and actor; the referring side sees every step; reminders after working days; e-mails without personal data."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from hvhk.core.lib.workdays import working_days_between
from hvhk.referrals import services
from hvhk.referrals.models import Referral, SupportRequest
from hvhk.referrals.selectors import suggestions
from hvhk.search.indexing import reindex
from tests.directory.factories import ServiceFactory
from tests.referrals.factories import make_request

pytestmark = pytest.mark.django_db
S = Referral.Status


@pytest.fixture
def referral(network_a, service_a, intake_a, editor_a):
    request, _token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="Graag snel bellen", acting_user=intake_a
    )
    return referral


def test_referring_records_who_and_when_and_moves_the_request_on(referral, intake_a):
    request = referral.request
    request.refresh_from_db()
    (event,) = referral.events.all()

    assert referral.status == S.SENT and referral.organization_id == referral.service.organization_id
    assert event.status == S.SENT and event.actor == intake_a and event.at <= timezone.now()
    assert request.status == SupportRequest.Status.REFERRED and request.assigned_to == intake_a


def test_the_whole_lifecycle_keeps_every_step_with_its_actor(referral, editor_a):
    services.referral_open(referral=referral, acting_user=editor_a)
    services.referral_advance(referral=referral, to=S.ACCEPTED, acting_user=editor_a)
    services.referral_advance(referral=referral, to=S.IN_PROGRESS, acting_user=editor_a)
    services.referral_advance(
        referral=referral, to=S.COMPLETED, acting_user=editor_a, note="Slaapadvies gegeven"
    )

    referral.refresh_from_db()
    steps = [(e.status, e.actor) for e in referral.events.all()]
    assert steps[1:] == [
        (S.RECEIVED, editor_a),
        (S.ACCEPTED, editor_a),
        (S.IN_PROGRESS, editor_a),
        (S.COMPLETED, editor_a),
    ]
    assert referral.status == S.COMPLETED and referral.reason == "Slaapadvies gegeven"
    assert referral.request.first_contact_at is not None  # accepting counts as the first contact


@pytest.mark.parametrize("to", [S.DECLINED])
def test_declining_needs_a_reason(referral, editor_a, to):
    with pytest.raises(ValidationError) as error:
        services.referral_advance(referral=referral, to=to, acting_user=editor_a, note="  ")

    assert "Geef een reden" in str(error.value)
    referral.refresh_from_db()
    assert referral.status == S.SENT and referral.events.count() == 1


@pytest.mark.parametrize("to", [S.COMPLETED, S.CLOSED])
def test_finishing_needs_an_outcome(referral, editor_a, to):
    services.referral_advance(referral=referral, to=S.ACCEPTED, acting_user=editor_a)
    with pytest.raises(ValidationError):
        services.referral_advance(referral=referral, to=to, acting_user=editor_a)


@pytest.mark.parametrize(
    ("path", "to"),
    [((), S.COMPLETED), ((), S.IN_PROGRESS), ((S.DECLINED,), S.ACCEPTED), ((S.ACCEPTED,), S.RECEIVED)],
)
def test_steps_cannot_be_skipped_or_undone(referral, editor_a, path, to):
    for step in path:
        services.referral_advance(referral=referral, to=step, acting_user=editor_a, note="reden")
    with pytest.raises(ValidationError, match="kan niet naar"):
        services.referral_advance(referral=referral, to=to, acting_user=editor_a, note="reden")


def test_the_referring_intake_hears_of_each_answer_without_personal_data(
    referral, editor_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_advance(
            referral=referral, to=S.DECLINED, acting_user=editor_a, note="Geen plaats tot maart"
        )

    (message,) = mail.outbox
    assert message.to == ["intake@a.example"] and "geweigerd" in message.subject
    assert f"/portal/requests/{referral.request_id}/" in message.body
    for personal in ("Sara", "0470", "slaapt", "maart"):
        assert personal not in message.body


def test_the_partner_gets_the_referral_by_mail_with_only_a_link(
    network_a, service_a, intake_a, editor_a, django_capture_on_commit_callbacks
):
    request, _token = make_request(network_a)
    with django_capture_on_commit_callbacks(execute=True):
        (referral,) = services.referral_create(
            request=request, services=[service_a], message="Sara belt liever 's avonds", acting_user=intake_a
        )

    (message,) = [m for m in mail.outbox if m.to == ["editor@a.example"]]
    assert f"/portal/referrals/{referral.pk}/" in message.body
    assert "Sara" not in message.body and "avonds" not in message.body


def test_a_service_of_another_network_cannot_be_referred_to(network_a, service_b, intake_a):
    request, _token = make_request(network_a)
    with pytest.raises(ValidationError, match="ander netwerk"):
        services.referral_create(request=request, services=[service_b], message="", acting_user=intake_a)
    assert not Referral.objects.exists()


def test_referring_twice_to_one_service_makes_one_referral(network_a, service_a, intake_a):
    request, _token = make_request(network_a)
    services.referral_create(request=request, services=[service_a], message="", acting_user=intake_a)
    again = services.referral_create(request=request, services=[service_a], message="", acting_user=intake_a)
    assert again == [] and request.referrals.count() == 1


def test_working_days_skip_the_weekend_and_belgian_public_holidays():
    friday = dt.date(2026, 11, 20)
    assert working_days_between(friday, dt.date(2026, 11, 23)) == 1  # to Monday
    assert working_days_between(friday, dt.date(2026, 11, 25)) == 3
    assert working_days_between(friday, friday) == 0
    # Wednesday 11 November (Wapenstilstand) is no working day; nor are Christmas and New Year across the years.
    assert working_days_between(dt.date(2026, 11, 6), dt.date(2026, 11, 12)) == 3
    assert working_days_between(dt.date(2026, 12, 24), dt.date(2027, 1, 4)) == 5  # 28-31 Dec and 4 Jan
    assert working_days_between(dt.date(2027, 3, 26), dt.date(2027, 3, 29)) == 0  # Easter Monday 2027


def test_a_reminder_waits_for_a_public_holiday_to_pass(network_a, service_a, intake_a, editor_a, settings):
    settings.REFERRAL_REMINDER_WORKING_DAYS = 3
    with time_machine.travel(dt.datetime(2026, 11, 6, 10, tzinfo=dt.UTC), tick=False):  # Friday
        request, _token = make_request(network_a)
        services.referral_create(request=request, services=[service_a], message="", acting_user=intake_a)
    with time_machine.travel(dt.datetime(2026, 11, 11, 10, tzinfo=dt.UTC), tick=False):  # Mon, Tue, holiday
        assert services.reminders_send() == 0
    with time_machine.travel(dt.datetime(2026, 11, 12, 10, tzinfo=dt.UTC), tick=False):
        assert services.reminders_send() == 1


def test_an_unanswered_referral_is_reminded_after_the_working_days_once_per_period(
    network_a, service_a, intake_a, editor_a, settings
):
    settings.REFERRAL_REMINDER_WORKING_DAYS = 3
    with time_machine.travel(dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC), tick=False):  # a Friday
        request, _token = make_request(network_a)
        (referral,) = services.referral_create(
            request=request, services=[service_a], message="", acting_user=intake_a
        )
    mail.outbox.clear()

    with time_machine.travel(dt.datetime(2026, 11, 24, 10, tzinfo=dt.UTC), tick=False):  # 2 working days
        assert services.reminders_send() == 0
    with time_machine.travel(dt.datetime(2026, 11, 25, 10, tzinfo=dt.UTC), tick=False):  # 3 working days
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0  # not twice on one day
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC), tick=False):
        services.referral_advance(referral=referral, to=S.ACCEPTED, acting_user=editor_a)
        assert services.reminders_send() == 0  # answered: no more reminders

    (reminder,) = mail.outbox[:1]
    assert (
        reminder.to == ["editor@a.example"] and "Herinnering" in reminder.body and "Sara" not in reminder.body
    )


def test_suggestions_come_from_the_search_with_the_requests_filters(network_a, partner_a):
    sleep = ServiceFactory(
        organization=partner_a, name="Slaapconsult voor peuters", description="Hulp bij slapen"
    )
    ServiceFactory(organization=partner_a, name="Huiswerkklas", description="Huiswerk maken na school")
    reindex(network=network_a)
    request, _token = make_request(network_a, question="Hulp bij slapen van mijn peuter")

    found = suggestions(request=request)

    assert found and found[0] == sleep
    assert suggestions(request=request, text="huiswerk")[0].name == "Huiswerkklas"


def test_no_reminder_goes_out_for_a_switched_off_network(network_a, service_a, intake_a, editor_a, settings):
    settings.REFERRAL_REMINDER_WORKING_DAYS = 3
    with time_machine.travel(dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC), tick=False):
        request, _token = make_request(network_a)
        services.referral_create(request=request, services=[service_a], message="", acting_user=intake_a)
    network_a.is_active = False
    network_a.save()
    with time_machine.travel(dt.datetime(2026, 11, 27, 10, tzinfo=dt.UTC), tick=False):
        assert services.reminders_send() == 0
    network_a.is_active = True
    network_a.save()
    with time_machine.travel(dt.datetime(2026, 11, 27, 10, tzinfo=dt.UTC), tick=False):
        assert services.reminders_send() == 1
