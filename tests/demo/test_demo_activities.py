"""The demo's activities: Leuven's houses and partners have a programme for the coming eight weeks (a few full,
with a waiting list, in the next days; a series; an online one; a weekly one that skips the school holidays),
past sessions with attendance for the reports, and enough exportable events for UiTdatabank."""

import datetime as dt

import pytest
from django.utils import timezone

from hvhk.activities.models import Activity, HolidayPeriod, Registration, Session
from hvhk.activities.selectors.availability import availability_for_sessions
from hvhk.activities.selectors.export import uitdatabank_export
from hvhk.core.models import Network
from hvhk.demo.activities_data import activities_load, school_holidays
from hvhk.demo.services import demo_load
from tests.activities.factories_export import needs_schemas, schema_errors

ROWS = (Activity, Session, Registration, HolidayPeriod)


@pytest.fixture
def leuven(demo, db):
    return Network.objects.get(slug="leuven")


def _published(network):
    return Activity.objects.for_network(network).filter(status=Activity.Status.PUBLISHED)


def _upcoming(network):
    return (
        Session.objects.for_network(network)
        .filter(starts_at__gt=timezone.now(), is_cancelled=False, activity__status=Activity.Status.PUBLISHED)
        .select_related("activity")
    )


def test_a_second_load_duplicates_nothing_and_writes_nothing(leuven):
    before = {model: set(model.objects.values_list("pk", flat=True)) for model in ROWS}
    hashes = set(Registration.objects.values_list("token_hash", flat=True))

    summary = demo_load()

    assert {model: set(model.objects.values_list("pk", flat=True)) for model in ROWS} == before
    assert set(Registration.objects.values_list("token_hash", flat=True)) == hashes
    assert summary.activities.written == 0
    assert summary.activities.activities == len(before[Activity])


def test_each_house_and_several_partners_have_upcoming_activities_in_the_next_eight_weeks(leuven):
    published = _published(leuven)
    assert 20 <= published.count() <= 30
    upcoming = list(_upcoming(leuven))
    assert max(s.starts_at for s in upcoming) < timezone.now() + dt.timedelta(weeks=8, days=1)
    assert {"leuven-centrum", "kessel-lo"} <= set(
        published.filter(sessions__in=upcoming).values_list("house__slug", flat=True)
    )
    partners = set(
        published.filter(sessions__in=upcoming).values_list("service__organization__slug", flat=True)
    )
    assert len(partners - {"huis-van-het-kind-leuven"}) >= 8
    kinds = set(published.values_list("kind", flat=True))
    assert kinds == set(Activity.Kind.values)
    assert published.filter(minimum_age_months__lt=0).count() >= 2  # from pregnancy
    assert published.filter(price_cents__gt=0, uitpas_price_cents__isnull=False).count() >= 3
    assert published.exclude(translations={}).count() >= 5
    assert Activity.objects.for_network(leuven).exclude(status=Activity.Status.PUBLISHED).exists()


def test_full_activities_with_a_waiting_list_are_among_the_first_fifteen_of_the_list(leuven):
    upcoming = list(_upcoming(leuven).order_by("starts_at"))
    availability = availability_for_sessions(sessions=upcoming)
    first_sessions: dict = {}
    for session in upcoming:
        first_sessions.setdefault(session.activity_id, session)
    first_fifteen = list(first_sessions.values())[:15]
    soon = timezone.now() + dt.timedelta(days=3)

    full_soon = [
        s
        for s in first_fifteen
        if s.starts_at < soon and availability[s.pk].is_full and availability[s.pk].waiting > 0
    ]

    assert len(full_soon) >= 2
    waiting = Registration.objects.filter(session__in=full_soon, status=Registration.Status.WAITING)
    assert all(r.name.startswith("Familie ") and r.email.endswith("@example.org") for r in waiting)
    for session in full_soon:  # an order on each list
        queued = list(waiting.filter(session=session).values_list("queued_at", flat=True))
        assert len(set(queued)) == len(queued) >= 1


def test_there_is_a_series_an_online_activity_and_a_weekly_one_that_skips_the_holidays(leuven):
    published = _published(leuven)
    series = published.get(schedule=Activity.Schedule.SERIES)
    assert series.sessions.count() == 4
    assert series.registrations.filter(session__isnull=True, status=Registration.Status.CONFIRMED).exists()
    online = published.get(online=True)
    assert online.location is None and online.online_url.startswith("https://")
    weekly = published.get(skip_school_holidays=True)
    assert weekly.recurrence == "FREQ=WEEKLY;BYDAY=WE"
    periods = HolidayPeriod.objects.for_network(leuven)
    assert periods.count() >= 3
    for session in weekly.sessions.all():
        day = timezone.localtime(session.starts_at).date()
        assert day.weekday() == 2
        assert not periods.filter(starts_on__lte=day, ends_on__gte=day).exists()


def test_the_weekly_activity_leaves_out_the_christmas_holiday(leuven):
    activities_load(networks={"leuven": leuven}, today=dt.date(2026, 12, 5))

    weekly = Activity.objects.for_network(leuven).get(skip_school_holidays=True)
    days = {timezone.localtime(s.starts_at).date() for s in weekly.sessions.all()}
    assert dt.date(2026, 12, 16) in days
    assert dt.date(2026, 12, 23) not in days and dt.date(2026, 12, 30) not in days  # kerstvakantie
    assert dt.date(2027, 1, 6) in days
    assert HolidayPeriod.objects.for_network(leuven).get(name="Kerstvakantie 2026-2027").starts_on == dt.date(
        2026, 12, 21
    )


def test_school_holidays_follow_the_flemish_calendar():
    assert school_holidays(dt.date(2026, 12, 5)) == [
        ("Kerstvakantie 2026-2027", dt.date(2026, 12, 21), dt.date(2027, 1, 3)),
        ("Krokusvakantie 2026-2027", dt.date(2027, 2, 8), dt.date(2027, 2, 14)),
        ("Paasvakantie 2026-2027", dt.date(2027, 3, 29), dt.date(2027, 4, 11)),  # Easter on 28 March
    ]
    # 2024-2025: Christmas on a Wednesday, Easter on 20 April (after the 15th)
    assert school_holidays(dt.date(2025, 6, 1)) == [
        ("Kerstvakantie 2024-2025", dt.date(2024, 12, 23), dt.date(2025, 1, 5)),
        ("Krokusvakantie 2024-2025", dt.date(2025, 3, 3), dt.date(2025, 3, 9)),
        ("Paasvakantie 2024-2025", dt.date(2025, 4, 7), dt.date(2025, 4, 20)),
    ]


def test_past_sessions_have_attendance_and_the_oldest_registrations_are_anonymised(leuven):
    past = Session.objects.for_network(leuven).filter(starts_at__lt=timezone.now())
    assert past.filter(present_count__gt=0).count() >= 30
    # the weekly activities go back a year (reach and the annual report have a year of activities), no further
    for month in range(1, 12):
        around = timezone.now() - dt.timedelta(days=30 * month)
        assert past.filter(starts_at__range=(around - dt.timedelta(days=15), around)).exists(), month
    assert not past.filter(starts_at__lt=timezone.now() - dt.timedelta(weeks=53)).exists()
    anonymised = Registration.objects.for_network(leuven).filter(anonymised_at__isnull=False)
    assert anonymised.count() >= 5
    assert set(anonymised.values_list("name", "email", "children_ages")) == {("", "", "")}
    assert all(r.session.starts_at < timezone.now() - dt.timedelta(days=85) for r in anonymised)
    recent = Registration.objects.for_network(leuven).filter(
        session__in=past.filter(starts_at__gt=timezone.now() - dt.timedelta(days=60))
    )
    assert recent.exists() and not recent.filter(anonymised_at__isnull=False).exists()


def test_demo_rows_pass_their_models_validation(leuven):
    for activity in Activity.objects.for_network(leuven).select_related("service", "house", "location"):
        activity.full_clean()
    for session in Session.objects.for_network(leuven).select_related("activity"):
        session.full_clean()
    registrations = Registration.objects.for_network(leuven).filter(anonymised_at__isnull=True)[:50]
    for registration in registrations.select_related("session", "activity"):
        registration.full_clean()
    assert len(set(Registration.objects.values_list("token_hash", flat=True))) == Registration.objects.count()


@needs_schemas
def test_at_least_five_demo_activities_export_and_validate(leuven):
    export = uitdatabank_export(network=leuven)

    assert len(export.events) >= 5
    assert all(schema_errors(event) == [] for event in export.events)
    assert {e["calendarType"] for e in export.events} == {"single", "multiple"}
    assert any(e["attendanceMode"] == "online" for e in export.events)
    assert any(e["bookingAvailability"]["type"] == "Unavailable" for e in export.events)
    reasons = {activity.title: r for activity, r in export.skipped}
    assert reasons == {
        "EHBO bij baby's en peuters": ["its place Parochiezaal Heverlee has no UiTdatabank place id"]
    }
