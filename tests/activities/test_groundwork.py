"""The shared reads every activities page stands on: places and waiting lists (selectors/availability.py) and
who manages which activity (selectors/access.py), tried with every role."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import RoleAssignment
from hvhk.activities.models import Activity, Registration, Session
from hvhk.activities.selectors import access
from hvhk.activities.selectors.availability import (
    availability_for_sessions,
    series_availability,
    session_availability,
    units,
)
from hvhk.core.lib.tokens import token_hash, token_new
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import LocationFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def _activity(service, **fields) -> Activity:
    location = LocationFactory(network=service.network, organization=service.organization)
    defaults = {"title": "Babymassage", "kind": Activity.Kind.WORKSHOP, "capacity": 3, "status": "published"}
    activity = Activity(network=service.network, service=service, location=location, **{**defaults, **fields})
    activity.full_clean()
    activity.save()
    return activity


def _session(activity, days=2, capacity=None) -> Session:
    start = timezone.now() + dt.timedelta(days=days)
    return Session.objects.create(
        network=activity.network,
        activity=activity,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        capacity=capacity,
    )


def _register(
    activity, session=None, status=Registration.Status.CONFIRMED, adults=1, children=1
) -> Registration:
    return Registration.objects.create(
        network=activity.network,
        activity=activity,
        session=session,
        name="Familie Test",
        email="ouder@example.org",
        adults=adults,
        children=children,
        status=status,
        token_hash=token_hash(token_new()),
    )


def test_a_family_takes_one_place_and_a_person_place_counts_everyone(service_a):
    family = _activity(service_a)
    people = _activity(service_a, places_per=Activity.PlacesPer.PERSON)
    assert units(activity=family, adults=2, children=3) == 1
    assert units(activity=people, adults=2, children=3) == 5


def test_confirmed_and_offered_hold_places_and_the_waiting_list_does_not(service_a):
    activity = _activity(service_a, capacity=3)
    session = _session(activity)
    _register(activity, session)
    _register(activity, session, status=Registration.Status.OFFERED)
    _register(activity, session, status=Registration.Status.WAITING)
    _register(activity, session, status=Registration.Status.CANCELLED)
    _register(activity, session, status=Registration.Status.EXPIRED)

    places = session_availability(session=session)

    assert (places.places, places.taken, places.left, places.waiting, places.is_full) == (3, 2, 1, 1, False)


def test_a_session_capacity_overrides_the_activity_and_no_capacity_means_no_limit(service_a):
    activity = _activity(service_a, capacity=10, places_per=Activity.PlacesPer.PERSON)
    small = _session(activity, capacity=2)
    unlimited = _session(_activity(service_a, capacity=None), days=3)
    _register(activity, small, adults=1, children=1)
    _register(unlimited.activity, unlimited)

    found = availability_for_sessions(sessions=Session.objects.select_related("activity"))

    assert (found[small.pk].places, found[small.pk].taken, found[small.pk].is_full) == (2, 2, True)
    assert found[unlimited.pk].places is None
    assert found[unlimited.pk].left is None
    assert found[unlimited.pk].is_full is False


def test_every_session_of_a_series_shows_the_series_count(service_a, django_assert_num_queries):
    series = _activity(service_a, schedule=Activity.Schedule.SERIES, capacity=2)
    first, second = _session(series, days=2), _session(series, days=9)
    _register(series)
    _register(series)
    other = _activity(service_a, capacity=5)
    single = _session(other)
    _register(other, single)
    sessions = list(Session.objects.select_related("activity"))

    with django_assert_num_queries(1):
        found = availability_for_sessions(sessions=sessions)

    assert found[first.pk] == found[second.pk] == series_availability(activity=series)
    assert found[first.pk].is_full
    assert (found[single.pk].taken, found[single.pk].left) == (1, 4)
    assert session_availability(session=second).is_full


def test_nobody_coming_is_refused_by_the_database(service_a):
    activity = _activity(service_a)
    with pytest.raises(Exception):  # noqa: B017, PT011 - the check constraint's error differs per database
        _register(activity, _session(activity), adults=0, children=0)


def test_an_activity_needs_a_place_or_online_and_a_fair_uitpas_rate(service_a):
    activity = Activity(
        network=service_a.network, service=service_a, title="X", kind="workshop", price_cents=500
    )
    activity.uitpas_price_cents = 600
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert {"location", "uitpas_price_cents"} <= set(error.value.message_dict)


# --- who manages what, tried with every role ----------------------------------------------------------------


@pytest.fixture
def world(network_a, network_b, partner_a, service_a, service_b):
    other_partner = OrganizationFactory(network=network_a, slug="ander")
    own = _activity(service_a, title="Eigen")
    other = _activity(ServiceFactory(organization=other_partner), title="Van een andere partner")
    foreign = _activity(service_b, title="Ander netwerk")
    people = {}
    for key, network, role, org in [
        ("coordinator", network_a, Role.COORDINATOR, None),
        ("editor", network_a, Role.EDITOR, partner_a),
        ("member", network_a, Role.MEMBER, partner_a),
        ("other_editor", network_a, Role.EDITOR, other_partner),
        ("analyst", network_a, Role.ANALYST, None),
        ("intake", network_a, Role.INTAKE, None),
        ("coordinator_b", network_b, Role.COORDINATOR, None),
    ]:
        user = UserFactory(email=f"{key}@example.org")
        assignment = RoleFactory(user=user, network=network, role=role, organization=org)
        people[key] = (user, ActiveRole(str(assignment.pk), network, role, org))
    return own, other, foreign, people


@pytest.mark.parametrize(
    ("who", "sees", "edits", "registrations"),
    [
        ("coordinator", {"Eigen", "Van een andere partner"}, True, True),
        ("editor", {"Eigen"}, True, True),
        ("member", {"Eigen"}, False, True),
        ("other_editor", {"Van een andere partner"}, False, False),
        ("analyst", set(), False, False),
        ("intake", set(), False, False),
        ("coordinator_b", {"Ander netwerk"}, False, False),
    ],
)
def test_each_role_sees_and_manages_only_its_own_activities(world, who, sees, edits, registrations):
    own, _other, foreign, people = world
    user, role = people[who]
    _register(own, _session(own))
    _register(foreign, _session(foreign))

    assert {a.title for a in access.activities_for(role=role)} == sees
    assert access.can_edit(user=user, activity=own) is edits
    assert access.can_manage_registrations(user=user, activity=own) is registrations
    assert access.can_moderate(user=user, activity=own) is (who == "coordinator")
    assert access.registrations_for(role=role).filter(activity=foreign).exists() is (who == "coordinator_b")
    assert set(access.editable_activities_for(role=role)) <= set(access.activities_for(role=role))
