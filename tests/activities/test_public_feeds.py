"""The iCal feeds: the network's (every public upcoming session of about six months) and one activity's."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from tests.activities.factories_public import NOW, SessionFactory, brussels, programme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def world(network_a, partner_a, service_b):
    return programme(network=network_a, partner=partner_a, other_network_service=service_b)


def _feed(client, network):
    return client.get(reverse("activities:feed", args=[network.slug]))


def _events(response) -> dict[str, object]:
    calendar = Calendar.from_ical(response.content)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_feed_is_text_calendar_with_the_required_calendar_properties(client, network_a, world):
    response = _feed(client, network_a)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Huis van het Kind//")
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Brussels"]


def test_feed_holds_every_public_upcoming_session_and_nothing_else(client, network_a, world):
    events = _events(_feed(client, network_a))
    summaries = sorted(str(e["SUMMARY"]) for e in events.values())
    assert summaries == sorted(
        ["Babymassage", "Infoavond slapen", "Oudergroep peuters", "Speelochtend", "Afgelast: Babymassage"]
    )
    for name in ("past", "draft", "withdrawn", "foreign"):
        assert not any(str(world["sessions"][name].pk) in uid for uid in events)


def test_every_event_has_what_calendar_programs_need(client, network_a, world):
    raw = _feed(client, network_a).content.decode()
    for event in _events(_feed(client, network_a)).values():
        for name in (
            "UID",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "DESCRIPTION",
            "URL",
            "SEQUENCE",
            "STATUS",
        ):
            assert name in event, name
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start.tzinfo is not None and end.tzinfo is not None  # no floating times
        assert end > start
    assert "DTSTART;TZID=Europe/Brussels:20261209T140000" in raw
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))  # folded
    assert "\r\n" in raw


def test_event_content_uid_sequence_location_url_and_cancellation(client, network_a, world):
    events = _events(_feed(client, network_a))
    massage = world["sessions"]["massage"]
    uid = next(u for u in events if str(massage.pk) in u)
    event = events[uid]
    assert uid == f"activity-session-{massage.pk}@127.0.0.1"
    assert event["STATUS"] == "CONFIRMED"
    assert event["LOCATION"] == "Huis Centrum, Naamsesteenweg 1, 3001 Heverlee"
    detail = f"http://testserver/{network_a.slug}/activities/{massage.activity_id}/"
    assert str(event["URL"]) == detail
    assert detail in str(event["DESCRIPTION"])
    assert "Leer je baby masseren." in str(event["DESCRIPTION"])
    cancelled = world["sessions"]["cancelled"]
    event = next(e for u, e in events.items() if str(cancelled.pk) in u)
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 2
    online = next(e for e in events.values() if "Oudergroep" in str(e["SUMMARY"]))
    assert online["LOCATION"] == "Online"


def test_uid_stays_the_same_and_sequence_follows_the_session(client, network_a, world):
    from django.core.cache import cache

    session = world["sessions"]["info"]
    before = [u for u in _events(_feed(client, network_a)) if str(session.pk) in u]
    cache.clear()  # the feed is kept five minutes
    session.starts_at += dt.timedelta(hours=1)
    session.ends_at += dt.timedelta(hours=1)
    session.sequence = 1
    session.save()
    events = _events(_feed(client, network_a))
    assert before[0] in events
    assert events[before[0]]["SEQUENCE"] == 1


def test_feed_looks_about_six_months_ahead(client, network_a, world):
    activity = world["activities"]["group"]
    SessionFactory(
        activity=activity,
        starts_at=brussels(1, 10, month=5, year=2027),
        ends_at=brussels(1, 11, month=5, year=2027),
    )
    far = SessionFactory(
        activity=activity,
        starts_at=brussels(1, 10, month=9, year=2027),
        ends_at=brussels(1, 11, month=9, year=2027),
    )
    events = _events(_feed(client, network_a))
    assert len(events) == 6
    assert not any(str(far.pk) in uid for uid in events)


def test_feed_of_an_empty_network_is_a_valid_empty_calendar(client, network_b):
    response = _feed(client, network_b)
    assert response.status_code == 200
    assert Calendar.from_ical(response.content).walk("VEVENT") == []


def test_activity_ics_holds_that_activitys_sessions(client, network_a, world):
    massage = world["activities"]["massage"]
    response = client.get(reverse("activities:activity-ics", args=[network_a.slug, massage.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert re.search(r'filename="babymassage\.ics"', response["Content-Disposition"])
    calendar = Calendar.from_ical(response.content)
    assert calendar["METHOD"] == "PUBLISH"
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert sorted(summaries) == ["Afgelast: Babymassage", "Babymassage", "Babymassage"]  # the past one too


@pytest.mark.parametrize("which", ["draft", "withdrawn"])
def test_activity_ics_of_an_unpublished_activity_is_404(client, network_a, world, which):
    activity = world["sessions"][which].activity
    response = client.get(reverse("activities:activity-ics", args=[network_a.slug, activity.pk]))
    assert response.status_code == 404


def test_activity_ics_of_another_network_is_404(client, network_a, network_b, world):
    foreign = world["sessions"]["foreign"].activity
    assert (
        client.get(reverse("activities:activity-ics", args=[network_a.slug, foreign.pk])).status_code == 404
    )
    massage = world["activities"]["massage"]
    assert (
        client.get(reverse("activities:activity-ics", args=[network_b.slug, massage.pk])).status_code == 404
    )


def test_feed_query_count_is_fixed(client, network_a, world, django_assert_num_queries):
    with django_assert_num_queries(3):  # network, sessions, addresses
        _feed(client, network_a)


def test_feed_is_kept_five_minutes_per_network_and_language(
    client, network_a, world, django_assert_num_queries
):
    first = _feed(client, network_a).content
    with django_assert_num_queries(1):  # the network only
        assert _feed(client, network_a).content == first
    english = client.get(reverse("activities:feed", args=[network_a.slug]), HTTP_ACCEPT_LANGUAGE="en")
    assert b"Baby massage" in english.content and b"Baby massage" not in first
    with time_machine.travel(NOW + dt.timedelta(minutes=6), tick=False):
        world["activities"]["info"].title = "Infoavond over slapen"
        world["activities"]["info"].save()
        assert b"Infoavond over slapen" in _feed(client, network_a).content
