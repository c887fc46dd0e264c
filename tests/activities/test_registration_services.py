"""Registration without an account: the rules of `registration_create`, changing and cancelling, the waiting
list and its offers. A refusal leaves every row as it was."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from hvhk.activities.models import Activity, Registration
from hvhk.activities.services import registrations as services
from hvhk.core.lib.tokens import token_hash
from tests.activities.factories_registration import SessionFactory, register, session_for

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def session(network_a):
    return session_for(network_a, capacity=2, places_per=Activity.PlacesPer.FAMILY)


def _refused(field: str, activity, **kwargs) -> ValidationError:
    before = Registration.objects.count()
    with pytest.raises(ValidationError) as caught:
        register(activity, **kwargs)
    assert field in caught.value.message_dict, caught.value.message_dict
    assert Registration.objects.count() == before
    return caught.value


def test_a_family_is_confirmed_and_only_the_hash_of_its_token_is_stored(session):
    registration, token = register(session.activity, session=session)

    assert registration.status == Status.CONFIRMED and registration.confirmed_at is not None
    assert registration.token_hash == token_hash(token) and token not in registration.token_hash
    assert len(token) >= 32


def test_the_confirmation_mail_goes_after_commit_in_the_families_language_with_a_working_link(
    session, client, django_capture_on_commit_callbacks
):
    session.activity.translations = {"en": {"title": "Baby massage"}}
    session.activity.save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        register(session.activity, session=session, language="en", name="Sam <b>Peeters</b>")
    assert mail.outbox == []  # nothing before commit
    for callback in callbacks:
        callback()

    [message] = mail.outbox
    assert message.to == ["sara@example.org"]
    assert "Baby massage" in message.subject and "Baby massage" in message.body
    link = next(line for line in message.body.splitlines() if "/activities/r/" in line).strip()
    assert link.startswith(settings.BASE_URL + "/" + session.network.slug + "/activities/r/")
    page = client.get(link.removeprefix(settings.BASE_URL))
    assert page.status_code == 200 and "Sam &lt;b&gt;Peeters&lt;/b&gt;" in page.content.decode()


def test_no_mail_without_an_email_address(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(session.activity, session=session, email="", phone="0470 12 34 56")
    assert mail.outbox == []


@pytest.mark.parametrize(
    "status", [Activity.Status.DRAFT, Activity.Status.SUBMITTED, Activity.Status.WITHDRAWN]
)
def test_an_activity_that_is_not_published_takes_no_registrations(session, status):
    Activity.objects.filter(pk=session.activity_id).update(status=status)
    _refused("session", session.activity, session=session)


def test_an_activity_without_registration_takes_none(session):
    Activity.objects.filter(pk=session.activity_id).update(registration_required=False)
    _refused("session", session.activity, session=session)


def test_a_session_is_needed_for_a_per_session_activity_and_must_be_its_own(session, network_a):
    _refused("session", session.activity)
    other = session_for(network_a)
    _refused("session", session.activity, session=other)


@pytest.mark.parametrize("when", ["past", "started", "cancelled"])
def test_a_past_started_or_cancelled_session_is_refused(session, when):
    now = timezone.now()
    if when == "past":
        session.starts_at, session.ends_at = now - dt.timedelta(days=2), now - dt.timedelta(days=2, hours=-2)
    elif when == "started":
        session.starts_at, session.ends_at = now - dt.timedelta(minutes=5), now + dt.timedelta(hours=1)
    else:
        session.is_cancelled = True
    session.save()
    error = _refused("session", session.activity, session=session)
    assert any(word in " ".join(error.messages) for word in ("voorbij", "begonnen", "afgelast"))


def test_contact_and_people_are_needed(session):
    _refused("email", session.activity, session=session, email="", phone="")
    _refused("adults", session.activity, session=session, adults=0, children=0)
    _refused("consent_contact", session.activity, session=session, consent_contact=False)


def test_an_overlong_remark_is_refused_with_a_clear_message(session):
    error = _refused("remark", session.activity, session=session, remark="x" * 1001)
    assert "1000" in " ".join(error.messages)


def test_more_people_than_places_left_says_how_many_are_left(network_a):
    session = session_for(network_a, capacity=3, places_per=Activity.PlacesPer.PERSON)
    register(session.activity, session=session, adults=1, children=1)

    error = _refused("adults", session.activity, session=session, adults=2, children=1)
    assert "nog 1 plaats" in error.messages[0] and "wachtlijst" in error.messages[0]

    waiting, _token = register(
        session.activity, session=session, adults=2, children=1, join_waiting_list=True
    )
    assert waiting.status == Status.WAITING


def test_a_full_session_puts_the_family_on_the_waiting_list_in_order(session):
    register(session.activity, session=session)
    register(session.activity, session=session)
    first, _ = register(session.activity, session=session, name="Eerste")
    second, _ = register(session.activity, session=session, name="Tweede")

    assert first.status == second.status == Status.WAITING and first.queued_at <= second.queued_at
    from hvhk.activities.selectors.registrations_public import waiting_position

    assert waiting_position(registration=first) == 1 and waiting_position(registration=second) == 2


def test_the_waiting_mail_says_the_number_in_line(session, django_capture_on_commit_callbacks):
    register(session.activity, session=session)
    register(session.activity, session=session)
    register(session.activity, session=session)
    with django_capture_on_commit_callbacks(execute=True):
        register(session.activity, session=session, email="tweede@example.org")
    assert "nummer 2" in mail.outbox[-1].body and "wachtlijst" in mail.outbox[-1].subject


def test_full_without_a_waiting_list_is_refused_as_volzet(network_a):
    session = session_for(network_a, capacity=1, waiting_list=False)
    register(session.activity, session=session)
    error = _refused("session", session.activity, session=session)
    assert "Volzet" in error.messages[0]


def test_a_series_takes_one_registration_for_all_sessions(network_a):
    first = session_for(network_a, schedule=Activity.Schedule.SERIES, capacity=1)
    activity = first.activity
    SessionFactory(activity=activity, starts_at=first.starts_at + dt.timedelta(days=7))

    _refused("session", activity, session=first)
    registration, _ = register(activity)
    assert registration.session is None and registration.status == Status.CONFIRMED
    assert register(activity)[0].status == Status.WAITING


def test_a_series_that_has_begun_or_has_no_sessions_left_is_closed(network_a):
    first = session_for(network_a, schedule=Activity.Schedule.SERIES, capacity=5)
    activity = first.activity
    SessionFactory(activity=activity, starts_at=timezone.now() + dt.timedelta(days=14))
    first.starts_at, first.ends_at = (
        timezone.now() - dt.timedelta(hours=1),
        timezone.now() + dt.timedelta(hours=1),
    )
    first.save()
    assert "begonnen" in _refused("session", activity).messages[0]

    activity.sessions.update(is_cancelled=True)
    assert "geen momenten" in _refused("session", activity).messages[0]


def test_cancelling_frees_the_place_for_the_first_in_line_who_fits(
    network_a, django_capture_on_commit_callbacks
):
    session = session_for(network_a, capacity=3, places_per=Activity.PlacesPer.PERSON, offer_hours=24)
    confirmed, _ = register(session.activity, session=session, adults=1, children=1)
    register(session.activity, session=session, adults=1, children=0)
    big, _ = register(session.activity, session=session, adults=2, children=2, join_waiting_list=True)
    small, _ = register(session.activity, session=session, adults=1, children=1, join_waiting_list=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=confirmed)

    big.refresh_from_db()
    small.refresh_from_db()
    assert big.status == Status.WAITING  # does not fit, keeps its place in line
    assert small.status == Status.OFFERED
    assert small.offer_expires_at == small.offered_at + dt.timedelta(hours=24)
    offer = mail.outbox[-1]
    assert "plaats vrij" in offer.subject and services.registration_token(small) in offer.body


def test_cancelling_twice_says_it_is_already_cancelled(session):
    registration, _ = register(session.activity, session=session)
    services.registration_cancel(registration=registration)
    with pytest.raises(ValidationError) as caught:
        services.registration_cancel(registration=registration)
    assert "al geannuleerd" in caught.value.messages[0]


def test_an_offer_is_taken_or_declined_and_then_goes_to_the_next(session):
    taken, _ = register(session.activity, session=session)
    other, _ = register(session.activity, session=session)
    first, _ = register(session.activity, session=session)
    second, _ = register(session.activity, session=session)

    services.registration_cancel(registration=taken)
    first.refresh_from_db()
    assert first.status == Status.OFFERED
    services.registration_offer_decline(registration=first)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.CANCELLED and second.status == Status.OFFERED

    services.registration_offer_accept(registration=second)
    second.refresh_from_db()
    assert second.status == Status.CONFIRMED
    with pytest.raises(ValidationError):
        services.registration_offer_accept(registration=other)  # confirmed already, nothing offered


def test_an_offer_expires_after_its_window_and_goes_to_the_next(session, django_capture_on_commit_callbacks):
    taken, _ = register(session.activity, session=session)
    register(session.activity, session=session)
    first, _ = register(session.activity, session=session)
    second, _ = register(session.activity, session=session)
    services.registration_cancel(registration=taken)

    with time_machine.travel(timezone.now() + dt.timedelta(hours=47), tick=False):
        assert services.offers_expire() == 0
    with time_machine.travel(timezone.now() + dt.timedelta(hours=49), tick=False):
        first.refresh_from_db()
        with pytest.raises(ValidationError):
            services.registration_offer_accept(registration=first)
        with django_capture_on_commit_callbacks(execute=True):
            assert services.offers_expire() == 1
        assert services.offers_expire() == 0  # twice is harmless

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.EXPIRED and second.status == Status.OFFERED
    subjects = [m.subject for m in mail.outbox]
    assert any("vervallen" in s for s in subjects) and any("plaats vrij" in s for s in subjects)


def test_changing_to_more_people_needs_the_places(network_a):
    session = session_for(network_a, capacity=4, places_per=Activity.PlacesPer.PERSON)
    registration, _ = register(session.activity, session=session, adults=1, children=1)
    register(session.activity, session=session, adults=1, children=0)

    services.registration_change(registration=registration, adults=1, children=2, children_ages="", remark="")
    with pytest.raises(ValidationError) as caught:
        services.registration_change(
            registration=registration, adults=2, children=2, children_ages="", remark=""
        )
    assert "adults" in caught.value.message_dict
    registration.refresh_from_db()
    assert (registration.adults, registration.children) == (1, 2)


def test_changing_to_fewer_people_offers_the_freed_places(network_a):
    session = session_for(network_a, capacity=3, places_per=Activity.PlacesPer.PERSON)
    registration, _ = register(session.activity, session=session, adults=2, children=1)
    waiting, _ = register(session.activity, session=session, adults=1, children=0)
    assert waiting.status == Status.WAITING

    services.registration_change(registration=registration, adults=1, children=1, children_ages="", remark="")
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED


def test_a_registration_cannot_be_changed_or_cancelled_after_the_session(session):
    registration, _ = register(session.activity, session=session)
    with time_machine.travel(session.ends_at + dt.timedelta(minutes=1), tick=False):
        with pytest.raises(ValidationError):
            services.registration_cancel(registration=registration)
        with pytest.raises(ValidationError):
            services.registration_change(
                registration=registration, adults=1, children=0, children_ages="", remark=""
            )
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
