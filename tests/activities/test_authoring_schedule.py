"""services.schedule and selectors.schedule: one session, a series, a recurring pattern (public holidays, the
network's holiday periods, summer time, caps, no duplicates), and holiday periods, with the people who may not."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from hvhk.activities.models import Activity, HolidayPeriod, Registration, Session
from hvhk.activities.selectors.schedule import sessions_preview
from hvhk.activities.services import schedule
from tests.activities.factories_authoring import (
    ActivityFactory,
    HolidayPeriodFactory,
    SessionFactory,
    editor_of,
    member_of,
)
from tests.directory.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BRUSSELS)


@pytest.fixture(autouse=True)
def _spring_2027():
    with time_machine.travel(at(2027, 4, 1, 9, 0), tick=False):
        yield


@pytest.fixture
def activity(service_a):
    return ActivityFactory(service=service_a, status=Activity.Status.PUBLISHED, capacity=10)


def _register(activity, session=None, status=Registration.Status.CONFIRMED, adults=1):
    return Registration.objects.create(
        network=activity.network,
        activity=activity,
        session=session,
        name="Ouder",
        email="ouder@example.org",
        adults=adults,
        status=status,
        token_hash=f"{Registration.objects.count():064d}",
    )


# --- one session ---------------------------------------------------------------------------------------------


def test_add_a_session(activity, editor_a):
    session = schedule.session_add(
        activity=activity, starts_at=at(2027, 4, 14, 19), ends_at=at(2027, 4, 14, 21), acting_user=editor_a
    )
    assert session.network_id == activity.network_id
    assert session.history.get().history_user == editor_a


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        (at(2027, 3, 1, 19), at(2027, 3, 1, 21), "starts_at", "Dit moment ligt in het verleden."),
        (at(2027, 4, 14, 21), at(2027, 4, 14, 19), "ends_at", "Het einde moet na het begin liggen."),
        (at(2027, 4, 14, 19), at(2027, 4, 16, 19), "ends_at", "Een moment duurt hoogstens een dag."),
    ],
)
def test_bad_dates_are_refused(activity, editor_a, start, end, field, message):
    with pytest.raises(ValidationError) as caught:
        schedule.session_add(activity=activity, starts_at=start, ends_at=end, acting_user=editor_a)
    assert caught.value.message_dict[field][0].startswith(message)
    assert Session.objects.count() == 0


def test_no_two_sessions_at_the_same_start(activity, editor_a):
    SessionFactory(activity=activity, starts_at=at(2027, 4, 14, 19))
    with pytest.raises(ValidationError) as caught:
        schedule.session_add(
            activity=activity,
            starts_at=at(2027, 4, 14, 19),
            ends_at=at(2027, 4, 14, 20),
            acting_user=editor_a,
        )
    assert "Er is al een moment op" in caught.value.message_dict["starts_at"][0]
    assert Session.objects.count() == 1


@pytest.mark.parametrize("who", ["member", "editor_other", "coordinator_b", "anonymous"])
def test_only_editors_and_the_coordinator_change_sessions(who, activity, partner_a, network_a, coordinator_b):
    user = {
        "member": lambda: member_of(partner_a),
        "editor_other": lambda: editor_of(OrganizationFactory(network=network_a), "o@other.example"),
        "coordinator_b": lambda: coordinator_b,
        "anonymous": lambda: None,
    }[who]()
    session = SessionFactory(activity=activity, starts_at=at(2027, 5, 5, 19))
    calls = [
        lambda: schedule.session_add(
            activity=activity, starts_at=at(2027, 4, 14, 19), ends_at=at(2027, 4, 14, 21), acting_user=user
        ),
        lambda: schedule.session_update(
            session=session, starts_at=at(2027, 5, 6, 19), ends_at=at(2027, 5, 6, 21), acting_user=user
        ),
        lambda: schedule.session_delete(session=session, acting_user=user),
        lambda: schedule.series_set(
            activity=activity, dates=[(at(2027, 4, 14, 19), at(2027, 4, 14, 21))], acting_user=user
        ),
        lambda: schedule.sessions_generate(
            activity=activity,
            first_start=at(2027, 4, 14, 19),
            duration=dt.timedelta(hours=2),
            rrule="FREQ=WEEKLY",
            until=dt.date(2027, 5, 1),
            acting_user=user,
        ),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert list(Session.objects.values_list("starts_at", flat=True)) == [at(2027, 5, 5, 19)]


def test_update_moves_a_session_and_raises_its_sequence(activity, editor_a):
    session = SessionFactory(activity=activity, starts_at=at(2027, 5, 5, 19), ends_at=at(2027, 5, 5, 21))
    schedule.session_update(
        session=session,
        starts_at=at(2027, 5, 6, 19),
        ends_at=at(2027, 5, 6, 21),
        capacity=5,
        acting_user=editor_a,
    )
    session.refresh_from_db()
    assert (session.starts_at, session.capacity, session.sequence) == (at(2027, 5, 6, 19), 5, 1)


def test_moving_a_session_mails_everyone_registered_with_the_new_time(
    activity, editor_a, mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(activity=activity, starts_at=at(2027, 5, 5, 19), ends_at=at(2027, 5, 5, 21))
    coming = _register(activity, session)
    waiting = _register(activity, session, status=Registration.Status.WAITING)
    Registration.objects.filter(pk=waiting.pk).update(email="wacht@example.org", language="fr")
    _register(activity, session, status=Registration.Status.CANCELLED)
    Registration.objects.create(  # no e-mail address: nobody to mail
        network=activity.network,
        activity=activity,
        session=session,
        name="Zonder",
        phone="0470000000",
        status=Registration.Status.CONFIRMED,
        token_hash="f" * 64,
    )

    with django_capture_on_commit_callbacks(execute=True):
        schedule.session_update(
            session=session, starts_at=at(2027, 5, 6, 19), ends_at=at(2027, 5, 6, 21), acting_user=editor_a
        )

    assert sorted(m.to[0] for m in mailoutbox) == [coming.email, "wacht@example.org"]
    dutch = next(m for m in mailoutbox if m.to == [coming.email])
    assert dutch.subject.startswith("Nieuw uur: ")
    assert "donderdag 6 mei 2027, 19:00–21:00" in dutch.body
    assert "woensdag 5 mei 2027, 19:00–21:00" in dutch.body
    french = next(m for m in mailoutbox if m.to == ["wacht@example.org"])
    assert "jeudi 6 mai 2027" in french.body


def test_changing_only_the_places_mails_nobody(
    activity, editor_a, mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(activity=activity, starts_at=at(2027, 5, 5, 19), ends_at=at(2027, 5, 5, 21))
    _register(activity, session)
    with django_capture_on_commit_callbacks(execute=True):
        schedule.session_update(
            session=session,
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            capacity=8,
            acting_user=editor_a,
        )
    assert mailoutbox == []


def test_a_started_session_is_not_moved(activity, editor_a):
    session = SessionFactory(activity=activity, starts_at=at(2027, 4, 1, 8, 30), ends_at=at(2027, 4, 1, 10))
    with pytest.raises(ValidationError) as caught:
        schedule.session_update(
            session=session, starts_at=at(2027, 4, 2, 8, 30), ends_at=at(2027, 4, 2, 10), acting_user=editor_a
        )
    assert "al begonnen" in caught.value.message_dict["starts_at"][0]
    session.refresh_from_db()
    assert (session.starts_at, session.sequence) == (at(2027, 4, 1, 8, 30), 0)


def test_places_do_not_drop_below_what_is_taken(activity, editor_a):
    session = SessionFactory(activity=activity, starts_at=at(2027, 5, 5, 19))
    for _ in range(3):
        _register(activity, session)
    with pytest.raises(ValidationError) as caught:
        schedule.session_update(
            session=session,
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            capacity=2,
            acting_user=editor_a,
        )
    assert caught.value.message_dict["capacity"] == [
        "Er zijn al 3 plaatsen ingenomen. Kies minstens 3 plaatsen."
    ]


def test_a_session_with_registrations_is_cancelled_not_deleted(activity, editor_a):
    session = SessionFactory(activity=activity, starts_at=at(2027, 5, 5, 19))
    _register(activity, session, status=Registration.Status.WAITING)
    with pytest.raises(ValidationError) as caught:
        schedule.session_delete(session=session, acting_user=editor_a)
    assert "annuleer het moment" in caught.value.messages[0]
    assert Session.objects.count() == 1
    Registration.objects.update(status=Registration.Status.CANCELLED)
    schedule.session_delete(session=session, acting_user=editor_a)
    assert Session.objects.count() == 0


def test_a_past_session_is_not_deleted(activity, editor_a):
    session = SessionFactory(activity=activity, starts_at=at(2027, 3, 5, 19), ends_at=at(2027, 3, 5, 21))
    with pytest.raises(ValidationError):
        schedule.session_delete(session=session, acting_user=editor_a)
    assert Session.objects.count() == 1


# --- a series ----------------------------------------------------------------------------------------------


def test_a_series_becomes_exactly_the_dates_given(activity, editor_a):
    activity.schedule = Activity.Schedule.SERIES
    activity.save()
    kept = SessionFactory(activity=activity, starts_at=at(2027, 4, 6, 19), ends_at=at(2027, 4, 6, 21))
    SessionFactory(activity=activity, starts_at=at(2027, 4, 8, 19))  # not in the list: goes
    past = SessionFactory(activity=activity, starts_at=at(2027, 3, 1, 19), ends_at=at(2027, 3, 1, 21))
    dates = [(at(2027, 4, d, 19), at(2027, 4, d, 21, 30)) for d in (6, 13, 20, 27)]
    made = schedule.series_set(activity=activity, dates=dates, acting_user=editor_a)
    assert [s.starts_at for s in made] == [d[0] for d in dates]
    assert made[0].pk == kept.pk and made[0].ends_at == at(2027, 4, 6, 21, 30)
    assert Session.objects.filter(pk=past.pk).exists()


def test_a_series_with_a_past_date_changes_nothing(activity, editor_a):
    SessionFactory(activity=activity, starts_at=at(2027, 4, 8, 19))
    with pytest.raises(ValidationError) as caught:
        schedule.series_set(
            activity=activity,
            dates=[(at(2027, 4, 6, 19), at(2027, 4, 6, 21)), (at(2027, 3, 6, 19), at(2027, 3, 6, 21))],
            acting_user=editor_a,
        )
    assert "ligt in het verleden" in caught.value.message_dict["dates"][0]
    assert list(Session.objects.values_list("starts_at", flat=True)) == [at(2027, 4, 8, 19)]


def test_a_series_keeps_a_date_families_registered_for(activity, editor_a):
    session = SessionFactory(activity=activity, starts_at=at(2027, 4, 8, 19))
    _register(activity, session)
    with pytest.raises(ValidationError):
        schedule.series_set(
            activity=activity, dates=[(at(2027, 4, 6, 19), at(2027, 4, 6, 21))], acting_user=editor_a
        )
    assert list(Session.objects.values_list("starts_at", flat=True)) == [at(2027, 4, 8, 19)]


# --- a recurring pattern -----------------------------------------------------------------------------------


def _generate(activity, user, **kw):
    args = {
        "first_start": at(2027, 4, 17, 10),
        "duration": dt.timedelta(hours=1, minutes=30),
        "rrule": "FREQ=WEEKLY;BYDAY=SA",
        "until": dt.date(2027, 5, 15),
        "skip_public_holidays": True,
        "skip_school_holidays": False,
        **kw,
    }
    return schedule.sessions_generate(activity=activity, acting_user=user, **args)


def test_a_weekly_pattern_skips_the_first_of_may(activity, editor_a):
    made = _generate(activity, editor_a)
    assert [s.starts_at for s in made] == [
        at(2027, 4, 17, 10),
        at(2027, 4, 24, 10),
        at(2027, 5, 8, 10),
        at(2027, 5, 15, 10),
    ]
    assert all(s.ends_at - s.starts_at == dt.timedelta(hours=1, minutes=30) for s in made)
    activity.refresh_from_db()
    assert activity.recurrence == "FREQ=WEEKLY;BYDAY=SA"
    assert activity.schedule == Activity.Schedule.RECURRING


def test_christmas_and_a_holiday_period_are_skipped_and_the_preview_says_why(activity, editor_a, network_a):
    HolidayPeriodFactory(
        network=network_a, name="Zomervakantie", starts_on=dt.date(2027, 7, 1), ends_on=dt.date(2027, 8, 31)
    )
    args = {
        "first_start": at(2027, 6, 19, 10),
        "duration": dt.timedelta(hours=1),
        "rrule": "RRULE:FREQ=WEEKLY;BYDAY=SA",
        "until": dt.date(2027, 12, 31),
        "skip_public_holidays": True,
        "skip_school_holidays": True,
    }
    preview = sessions_preview(activity=activity, **args)
    skipped = {p.starts_at.date(): p.reason for p in preview if p.skipped}
    assert skipped[dt.date(2027, 12, 25)] == "feestdag: Kerstmis"
    assert skipped[dt.date(2027, 7, 3)] == "vakantie: Zomervakantie"
    assert dt.date(2027, 8, 28) in skipped and dt.date(2027, 9, 4) not in skipped
    made = schedule.sessions_generate(activity=activity, acting_user=editor_a, **args)
    assert [s.starts_at for s in made] == [p.starts_at for p in preview if not p.skipped]
    assert dt.date(2027, 12, 25) not in {s.starts_at.astimezone(BRUSSELS).date() for s in made}


def test_holidays_are_kept_when_asked(activity, editor_a):
    made = _generate(activity, editor_a, skip_public_holidays=False)
    assert at(2027, 5, 1, 10) in [s.starts_at for s in made]


def test_sessions_stay_at_seven_in_the_evening_when_summer_time_ends(activity, editor_a):
    made = _generate(
        activity,
        editor_a,
        first_start=at(2027, 10, 21, 19),
        duration=dt.timedelta(hours=2),
        rrule="FREQ=WEEKLY;BYDAY=TH",
        until=dt.date(2027, 11, 11),
        skip_public_holidays=False,
    )
    local = [s.starts_at.astimezone(BRUSSELS) for s in made]
    assert [(t.day, t.hour) for t in local] == [(21, 19), (28, 19), (4, 19), (11, 19)]
    assert [s.starts_at.astimezone(dt.UTC).hour for s in made] == [17, 17, 18, 18]
    assert all(s.ends_at.astimezone(BRUSSELS).hour == 21 for s in made)


def test_the_same_pattern_twice_makes_no_duplicates(activity, editor_a):
    _generate(activity, editor_a)
    with pytest.raises(ValidationError) as caught:
        _generate(activity, editor_a)
    assert caught.value.message_dict["rrule"] == ["Dit patroon geeft geen enkele nieuwe datum."]
    assert Session.objects.count() == 4
    made = _generate(activity, editor_a, until=dt.date(2027, 5, 29))  # two more weeks: only those are new
    assert [s.starts_at for s in made] == [at(2027, 5, 22, 10), at(2027, 5, 29, 10)]


@pytest.mark.parametrize(
    ("kw", "field", "message"),
    [
        ({"until": dt.date(2028, 6, 1)}, "until", "Plan hoogstens een jaar vooruit."),
        ({"rrule": "FREQ=DAILY", "until": dt.date(2027, 12, 31)}, "until", "Dat zijn meer dan 200 momenten."),
        ({"rrule": "FREQ=HOURLY"}, "rrule", "Herhaal per dag, week, maand of jaar, niet vaker."),
        ({"rrule": "elke woensdag"}, "rrule", "Deze herhaling begrijpen we niet."),
        ({"rrule": "FREQ=WEEKLY\nDTSTART:20270101"}, "rrule", "Geef een herhaling als"),
        ({"until": dt.date(2027, 4, 1)}, "until", "De einddatum ligt voor de eerste datum."),
        ({"first_start": at(2027, 3, 1, 10)}, "first_start", "De eerste datum ligt in het verleden."),
        ({"duration": dt.timedelta(0)}, "ends_at", "Het einde moet na het begin liggen."),
    ],
)
def test_bad_patterns_are_refused_and_nothing_is_made(activity, editor_a, kw, field, message):
    with pytest.raises(ValidationError) as caught:
        _generate(activity, editor_a, **kw)
    assert caught.value.message_dict[field][0].startswith(message)
    assert Session.objects.count() == 0
    activity.refresh_from_db()
    assert activity.recurrence == ""


def test_a_series_keeps_being_a_series_when_its_dates_come_from_a_pattern(activity, editor_a):
    activity.schedule = Activity.Schedule.SERIES
    activity.save()
    _generate(activity, editor_a)
    activity.refresh_from_db()
    assert activity.schedule == Activity.Schedule.SERIES


# --- holiday periods -----------------------------------------------------------------------------------------


def test_the_coordinator_keeps_holiday_periods(network_a, coordinator_a):
    period = schedule.holiday_period_create(
        network=network_a,
        name=" Krokusvakantie ",
        starts_on=dt.date(2027, 2, 8),
        ends_on=dt.date(2027, 2, 14),
        acting_user=coordinator_a,
    )
    assert period.name == "Krokusvakantie"
    schedule.holiday_period_update(
        period=period,
        name="Krokus",
        starts_on=dt.date(2027, 2, 8),
        ends_on=dt.date(2027, 2, 15),
        acting_user=coordinator_a,
    )
    assert HolidayPeriod.objects.get().ends_on == dt.date(2027, 2, 15)
    with pytest.raises(ValidationError) as caught:
        schedule.holiday_period_update(
            period=period,
            name="Krokus",
            starts_on=dt.date(2027, 2, 8),
            ends_on=dt.date(2027, 2, 1),
            acting_user=coordinator_a,
        )
    assert "ends_on" in caught.value.message_dict
    assert HolidayPeriod.objects.get().ends_on == dt.date(2027, 2, 15)
    schedule.holiday_period_delete(period=period, acting_user=coordinator_a)
    assert HolidayPeriod.objects.count() == 0


def test_others_cannot_touch_holiday_periods(network_a, editor_a, coordinator_b):
    period = HolidayPeriodFactory(network=network_a)
    for user in (editor_a, coordinator_b, None):
        with pytest.raises(PermissionDenied):
            schedule.holiday_period_create(
                network=network_a,
                name="x",
                starts_on=dt.date(2027, 1, 1),
                ends_on=dt.date(2027, 1, 2),
                acting_user=user,
            )
        with pytest.raises(PermissionDenied):
            schedule.holiday_period_delete(period=period, acting_user=user)
    assert HolidayPeriod.objects.count() == 1
