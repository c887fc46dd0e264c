"""Attendance after a session: the number present is enough, names are optional; not before the session starts,
not for a cancelled one; children never outnumber the people present; marking names is logged."""

import pytest
from django.core.exceptions import ValidationError

from hvhk.accounts.models import RoleAssignment
from hvhk.activities.models import Activity, Registration, RegistrationAccess, Session
from hvhk.activities.services.attendance import session_attendance_set
from tests.activities.factories_partner import (
    ActivityFactory,
    RegistrationFactory,
    SessionFactory,
    in_days,
    person,
    waiting,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(network_a, partner_a):
    return person(network_a, RoleAssignment.Role.MEMBER, partner_a)


@pytest.fixture
def past(service_a):
    return SessionFactory(activity=ActivityFactory(service=service_a), starts_at=in_days(-1))


def _url(session):
    return f"/portal/activities/sessions/{session.pk}/attendance/"


def test_the_number_present_is_enough(past, member):
    registration = RegistrationFactory(session=past)

    session_attendance_set(session=past, present_count=7, present_children=4, note="Fijn", acting_user=member)

    past.refresh_from_db()
    assert (past.present_count, past.present_children, past.attendance_note) == (7, 4, "Fijn")
    assert past.attendance_by == member
    registration.refresh_from_db()
    assert registration.attended is None  # no names marked
    assert not RegistrationAccess.objects.exists()


def test_names_fill_attended_and_are_logged(past, member):
    came, stayed_home = RegistrationFactory(session=past), RegistrationFactory(session=past)
    queued = waiting(past)

    session_attendance_set(session=past, present_count=2, attended_ids=[came.pk], acting_user=member)

    assert Registration.objects.get(pk=came.pk).attended is True
    assert Registration.objects.get(pk=stayed_home.pk).attended is False
    assert Registration.objects.get(pk=queued.pk).attended is None
    (entry,) = RegistrationAccess.objects.all()
    assert entry.action == RegistrationAccess.Action.ATTENDANCE
    assert entry.detail.endswith("1 van 2 gezinnen aanwezig")


def test_marking_nobody_by_name_is_not_the_same_as_not_marking(past, member):
    registration = RegistrationFactory(session=past)

    session_attendance_set(session=past, present_count=0, attended_ids=[], acting_user=member)

    assert Registration.objects.get(pk=registration.pk).attended is False


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"present_count": 3, "present_children": 4}, "present_children"),
        ({"present_count": -1}, "present_count"),
    ],
)
def test_impossible_numbers_are_refused_and_nothing_changes(past, member, fields, field):
    with pytest.raises(ValidationError) as error:
        session_attendance_set(session=past, acting_user=member, **fields)
    assert field in error.value.message_dict
    assert Session.objects.get(pk=past.pk).present_count is None


def test_not_before_the_session_started(service_a, member):
    coming = SessionFactory(activity=ActivityFactory(service=service_a), starts_at=in_days(1))
    with pytest.raises(ValidationError) as error:
        session_attendance_set(session=coming, present_count=3, acting_user=member)
    assert "nog niet begonnen" in str(error.value)
    assert Session.objects.get(pk=coming.pk).present_count is None


def test_not_for_a_cancelled_session(past, member):
    Session.objects.filter(pk=past.pk).update(is_cancelled=True, cancel_reason="Ziek")
    with pytest.raises(ValidationError, match="afgelast"):
        session_attendance_set(session=past, present_count=3, acting_user=member)


def test_only_this_sessions_confirmed_families_can_be_marked(past, member, service_a):
    elsewhere = RegistrationFactory(session=SessionFactory(activity=past.activity, starts_at=in_days(-8)))
    queued = waiting(past)
    for stranger in (elsewhere, queued):
        with pytest.raises(ValidationError) as error:
            session_attendance_set(
                session=past, present_count=1, attended_ids=[stranger.pk], acting_user=member
            )
        assert "attended_ids" in error.value.message_dict
    assert Registration.objects.filter(attended__isnull=False).count() == 0
    assert Session.objects.get(pk=past.pk).present_count is None
    assert not RegistrationAccess.objects.exists()


def test_a_series_marks_its_families_once(service_a, member):
    activity = ActivityFactory(service=service_a, schedule=Activity.Schedule.SERIES)
    first = SessionFactory(activity=activity, starts_at=in_days(-7))
    SessionFactory(activity=activity, starts_at=in_days(7))
    family = RegistrationFactory(session=None, activity=activity)

    session_attendance_set(session=first, present_count=1, attended_ids=[family.pk], acting_user=member)

    assert Registration.objects.get(pk=family.pk).attended is True


def test_the_page_saves_a_count_and_names(client, past, member):
    came = RegistrationFactory(session=past, name="Sara Peeters")
    other = RegistrationFactory(session=past, name="Tom Janssens")
    client.force_login(member)

    page = client.get(_url(past)).content.decode()
    assert "Sara Peeters" in page
    response = client.post(
        _url(past),
        {"present_count": "3", "present_children": "1", "mark_names": "on", "attended": [str(came.pk)]},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/portal/activities/{past.activity_id}/registrations/?session={past.pk}"
    assert Registration.objects.get(pk=came.pk).attended is True
    assert Registration.objects.get(pk=other.pk).attended is False


def test_the_page_without_mark_names_leaves_names_alone(client, past, member):
    came = RegistrationFactory(session=past)
    client.force_login(member)

    client.post(_url(past), {"present_count": "3", "attended": [str(came.pk)]})

    assert Session.objects.get(pk=past.pk).present_count == 3
    assert Registration.objects.get(pk=came.pk).attended is None


def test_the_page_says_what_is_wrong(client, past, member):
    client.force_login(member)

    response = client.post(_url(past), {"present_count": "2", "present_children": "5"})

    assert response.status_code == 400
    assert "Er kunnen niet meer kinderen dan aanwezigen zijn." in response.content.decode()
    assert Session.objects.get(pk=past.pk).present_count is None


def test_the_page_of_a_coming_session_has_no_form(client, service_a, member):
    coming = SessionFactory(activity=ActivityFactory(service=service_a), starts_at=in_days(2))
    client.force_login(member)

    assert '<form method="post" class="form"' not in client.get(_url(coming)).content.decode()
    assert client.post(_url(coming), {"present_count": "3"}).status_code == 400
    assert Session.objects.get(pk=coming.pk).present_count is None
