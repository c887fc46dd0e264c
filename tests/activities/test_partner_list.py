"""The organiser's list of registrations: confirmed, open offers with their deadline, the waiting list in order,
the totals per session, anonymised rows, the access row every view writes, and a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.activities.models import Activity, RegistrationAccess
from tests.activities.factories_partner import (
    ActivityFactory,
    RegistrationFactory,
    SessionFactory,
    anonymised,
    in_days,
    offered,
    person,
    waiting,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(service_a):
    return ActivityFactory(service=service_a, title="Babymassage", capacity=3)


@pytest.fixture
def member(network_a, partner_a):
    return person(network_a, RoleAssignment.Role.MEMBER, partner_a)


def _url(activity, query=""):
    return f"/portal/activities/{activity.pk}/registrations/{query}"


def test_the_list_shows_confirmed_offers_and_the_waiting_list_in_order(client, activity, member):
    session = SessionFactory(activity=activity)
    RegistrationFactory(
        session=session,
        name="Sara Peeters",
        email="sara@gezin.example",
        phone="0470 12 34 56",
        adults=2,
        children=2,
        children_ages="1 en 3",
        remark="Kinderwagen mee",
    )
    offer = offered(session, name="Olga Aanbod")
    later = waiting(session, name="Wim Tweede")
    first = waiting(session, name="Vera Eerste")
    first.queued_at = later.queued_at - dt.timedelta(hours=1)
    first.save()
    client.force_login(member)

    body = client.get(_url(activity)).content.decode()

    for text in ("Sara Peeters", "sara@gezin.example", "0470 12 34 56", "1 en 3", "Kinderwagen mee"):
        assert text in body
    assert "Olga Aanbod" in body
    assert timezone.localtime(offer.offer_expires_at).strftime("%Y") in body
    assert body.index("Vera Eerste") < body.index("Wim Tweede")  # queued first, first on the list
    assert "1 gezin ingeschreven" in body
    assert "4 personen" in body
    assert "1 plaats vrij" in body  # 3 places: one confirmed, one offered
    assert "2 gezinnen op de wachtlijst" in body


def test_anonymised_registrations_show_only_their_counts(client, activity, member):
    session = SessionFactory(activity=activity)
    anonymised(session, adults=2, children=3)
    client.force_login(member)

    body = client.get(_url(activity)).content.decode()

    assert "(geanonimiseerd)" in body
    assert "1 gezin ingeschreven" in body
    assert "5 personen" in body


def test_places_per_person_count_people(client, service_a, member):
    activity = ActivityFactory(service=service_a, capacity=10, places_per=Activity.PlacesPer.PERSON)
    session = SessionFactory(activity=activity)
    RegistrationFactory(session=session, adults=2, children=3)
    client.force_login(member)

    assert "5 plaatsen vrij" in client.get(_url(activity)).content.decode()


def test_upcoming_by_default_past_on_request(client, activity, member):
    SessionFactory(activity=activity, starts_at=in_days(4))
    RegistrationFactory(
        session=SessionFactory(activity=activity, starts_at=in_days(-10)), name="Piet Vroeger"
    )
    client.force_login(member)

    assert "Piet Vroeger" not in client.get(_url(activity)).content.decode()
    past = client.get(_url(activity, "?show=past")).content.decode()
    assert "Piet Vroeger" in past
    assert "Aanwezigheid noteren" in past


def test_a_series_shows_one_list_for_all_its_dates(client, service_a, member):
    activity = ActivityFactory(service=service_a, schedule=Activity.Schedule.SERIES, capacity=8)
    for week in (1, 2, 3):
        SessionFactory(activity=activity, starts_at=in_days(7 * week))
    RegistrationFactory(session=None, activity=activity, name="Reeks Gezin")
    client.force_login(member)

    body = client.get(_url(activity)).content.decode()

    assert "Hele reeks" in body
    assert body.count('<th scope="row">Reeks Gezin</th>') == 1
    assert body.count("Dit moment afgelasten") == 3
    assert "7 plaatsen vrij" in body


def test_every_view_writes_an_access_row(client, activity, member):
    session = SessionFactory(activity=activity)
    RegistrationFactory(session=session)
    client.force_login(member)

    client.get(_url(activity))
    client.get(_url(activity, f"?session={session.pk}"))

    rows = list(RegistrationAccess.objects.order_by("created_at"))
    assert [r.action for r in rows] == [RegistrationAccess.Action.VIEW] * 2
    assert {r.user for r in rows} == {member}
    assert {r.activity_id_value for r in rows} == {activity.pk}
    assert rows[0].activity_title == "Babymassage"
    assert rows[0].detail == "1 inschrijvingen, komende momenten"
    assert rows[1].detail.startswith(timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M"))
    assert rows[0].network == activity.network


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("series", [False, True])
def test_the_number_of_queries_does_not_grow_with_the_registrations(client, service_a, member, series):
    schedule = Activity.Schedule.SERIES if series else Activity.Schedule.SINGLE
    activity = ActivityFactory(service=service_a, capacity=50, schedule=schedule)
    first = SessionFactory(activity=activity, starts_at=in_days(3))

    def register(session, n):
        for _ in range(n):
            RegistrationFactory(session=None if series else session, activity=activity)
        waiting(None if series else session, activity=activity)
        offered(None if series else session, activity=activity)

    register(first, 1)
    client.force_login(member)
    client.get(_url(activity))  # the first request of a session reads a few things once
    few = _count(client, _url(activity))

    for days in (4, 5, 6):
        register(SessionFactory(activity=activity, starts_at=in_days(days)), 8)
    many = _count(client, _url(activity))

    assert many == few
