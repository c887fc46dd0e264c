"""The UiTdatabank export: every event of a realistic set validates against UiTdatabank's `event.json`, the
mapping (calendar type, places, ages, prices, translations, online), the reasons an activity stays out, and the
network boundary."""

import datetime as dt

import pytest
from django.utils import timezone

from hvhk.activities.models import Activity, Registration
from hvhk.activities.selectors.export import uitdatabank_export
from hvhk.activities.uitdatabank import age_range
from tests.activities.factories_export import (
    ActivityFactory,
    RegistrationFactory,
    SessionFactory,
    needs_schemas,
    schema_errors,
)
from tests.directory.factories import LocationFactory

pytestmark = pytest.mark.django_db

NIL_PLACE = "https://io.uitdatabank.be/place/00000000-0000-0000-0000-000000000000"


def _at(days: int, hour: int = 19) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def _sessions(activity, *days, hours=2, **extra):
    return [
        SessionFactory(
            activity=activity, starts_at=_at(d), ends_at=_at(d) + dt.timedelta(hours=hours), **extra
        )
        for d in days
    ]


def _by_name(export) -> dict[str, dict]:
    return {event["name"]["nl"]: event for event in export.events}


def _skipped(export) -> dict[str, list[str]]:
    return {activity.title: reasons for activity, reasons in export.skipped}


@pytest.fixture
def realistic(service_a):
    """A network's programme as partners fill it in: most kinds, a series, online, full, free and paid."""
    organization = service_a.organization
    made = {}
    made["babymassage"] = ActivityFactory(
        service=service_a,
        title="Babymassage",
        kind=Activity.Kind.WORKSHOP,
        minimum_age_months=1,
        maximum_age_months=9,
        price_cents=1000,
        uitpas_price_cents=200,
        translations={
            "en": {"title": "Baby massage", "description": "Learn to massage your baby."},
            "fr": {"title": "Massage pour bébés"},
            "ar": {"title": "تدليك الرضع"},
            "tr": {"title": "Bebek masajı"},
        },
    )
    _sessions(made["babymassage"], 2)
    made["course"] = ActivityFactory(
        service=service_a,
        title="Positief opvoeden",
        kind=Activity.Kind.COURSE,
        schedule=Activity.Schedule.SERIES,
        minimum_age_months=24,
        maximum_age_months=144,
        price_cents=2550,
        uitpas_price_cents=510,
        capacity=14,
    )
    _sessions(made["course"], 7, 14, 21, 28)
    made["online"] = ActivityFactory(
        service=service_a,
        title="Infosessie vaste voeding (online)",
        location=None,
        online=True,
        online_url="https://meet.example.org/vaste-voeding",
        minimum_age_months=4,
        maximum_age_months=12,
        capacity=None,
    )
    _sessions(made["online"], 5)
    made["full"] = ActivityFactory(
        service=service_a, title="Infoavond slapen", capacity=2, minimum_age_months=0, maximum_age_months=36
    )
    session = _sessions(made["full"], 1)[0]
    RegistrationFactory.create_batch(2, session=session)
    RegistrationFactory(session=session, status=Registration.Status.WAITING)
    made["play"] = ActivityFactory(
        service=service_a,
        title="Speelochtend voor peuters en hun ouders, met koffie en een babbel voor de ouders erbij in de zaal",
        kind=Activity.Kind.PLAY,
        registration_required=False,
        capacity=None,
        maximum_age_months=48,
        schedule=Activity.Schedule.RECURRING,
        recurrence="FREQ=WEEKLY;BYDAY=WE",
        description="",
    )
    _sessions(made["play"], 3, 10, 17, hours=3)
    made["pregnant"] = ActivityFactory(
        service=service_a,
        title="Borstvoedingscafé",
        kind=Activity.Kind.PARENT_GROUP,
        minimum_age_months=-9,
        maximum_age_months=12,
        location=LocationFactory(
            organization=organization,
            uitdatabank_place_id="https://io.uitdatabank.be/place/85b04295-479c-40f5-b3dd-469dfb4387b3",
        ),
        online=True,
    )
    _sessions(made["pregnant"], 4)
    return made


@needs_schemas
def test_every_exported_event_of_a_realistic_set_validates(network_a, realistic):
    export = uitdatabank_export(network=network_a)

    assert len(export.events) == len(realistic)
    assert export.skipped == []
    for event in export.events:
        assert schema_errors(event) == [], event["name"]["nl"]


def test_an_event_has_the_fixed_fields_and_the_public_page(network_a, realistic, settings):
    event = _by_name(uitdatabank_export(network=network_a))["Babymassage"]
    pk = realistic["babymassage"].pk

    assert event["mainLanguage"] == "nl"
    assert event["terms"] == [{"id": settings.UITDATABANK_EVENT_TYPES["workshop"], "domain": "eventtype"}]
    assert event["location"] == {"@id": realistic["babymassage"].location.uitdatabank_place_id}
    assert event["attendanceMode"] == "offline"
    assert event["audience"] == {"audienceType": "everyone"}
    assert event["status"] == {"type": "Available"}
    assert event["typicalAgeRange"] == "0-0"
    assert event["bookingInfo"]["url"] == f"{settings.BASE_URL}/netwerk-a/activities/{pk}/"
    assert event["bookingInfo"]["email"] == "info@partner.example.org"
    assert event["bookingInfo"]["urlLabel"]["nl"]


def test_translations_go_in_the_languages_uitdatabank_takes(network_a, realistic):
    event = _by_name(uitdatabank_export(network=network_a))["Babymassage"]

    assert event["name"] == {"nl": "Babymassage", "en": "Baby massage", "fr": "Massage pour bébés"}
    assert event["description"] == {
        "nl": "Een avond met uitleg en tijd voor vragen.",
        "en": "Learn to massage your baby.",
    }
    assert sorted(event["languages"]) == ["en", "fr", "nl"]


def test_prices_give_a_base_price_and_the_uitpas_rate_as_a_tariff(network_a, realistic):
    events = _by_name(uitdatabank_export(network=network_a))

    base, uitpas = events["Positief opvoeden"]["priceInfo"]
    assert (base["category"], base["price"], base["priceCurrency"]) == ("base", 25.5, "EUR")
    assert (uitpas["category"], uitpas["price"]) == ("tariff", 5.1)
    assert uitpas["name"]["nl"] == "UiTPAS-kansentarief"
    free = events["Infoavond slapen"]["priceInfo"]
    assert [(row["category"], row["price"]) for row in free] == [("base", 0)]


def test_a_single_session_is_single_and_a_series_is_multiple(network_a, realistic):
    events = _by_name(uitdatabank_export(network=network_a))

    single = events["Babymassage"]
    assert single["calendarType"] == "single"
    assert len(single["subEvent"]) == 1
    series = events["Positief opvoeden"]
    assert series["calendarType"] == "multiple"
    assert [s["id"] for s in series["subEvent"]] == [0, 1, 2, 3]
    first = series["subEvent"][0]
    assert dt.datetime.fromisoformat(first["startDate"]) == _at(7)
    assert first["startDate"].endswith(("+01:00", "+02:00"))  # Brussels, with its offset
    assert first["bookingAvailability"] == {"type": "Available", "capacity": 14, "remainingCapacity": 14}


def test_a_full_session_is_unavailable_and_the_waiting_list_takes_no_place(network_a, realistic):
    event = _by_name(uitdatabank_export(network=network_a))["Infoavond slapen"]

    assert event["subEvent"][0]["bookingAvailability"] == {
        "type": "Unavailable",
        "capacity": 2,
        "remainingCapacity": 0,
    }
    assert event["bookingAvailability"] == {"type": "Unavailable"}


def test_a_full_series_is_unavailable_on_every_date(network_a, realistic):
    course = realistic["course"]
    course.capacity = 1
    course.save()
    RegistrationFactory(session=None, activity=course)

    event = _by_name(uitdatabank_export(network=network_a))["Positief opvoeden"]

    assert {s["bookingAvailability"]["type"] for s in event["subEvent"]} == {"Unavailable"}
    assert event["bookingAvailability"] == {"type": "Unavailable"}


def test_an_online_activity_is_at_uitdatabanks_nil_place(network_a, realistic):
    events = _by_name(uitdatabank_export(network=network_a))

    online = events["Infosessie vaste voeding (online)"]
    assert online["attendanceMode"] == "online"
    assert online["location"] == {"@id": NIL_PLACE}
    assert online["onlineUrl"] == "https://meet.example.org/vaste-voeding"
    assert online["subEvent"][0]["bookingAvailability"] == {"type": "Available"}  # no limit
    mixed = events["Borstvoedingscafé"]
    assert mixed["attendanceMode"] == "mixed"
    assert mixed["location"]["@id"].endswith("85b04295-479c-40f5-b3dd-469dfb4387b3")


def test_ages_become_uitdatabanks_range_in_years(network_a, realistic):
    events = _by_name(uitdatabank_export(network=network_a))

    assert events["Positief opvoeden"]["typicalAgeRange"] == "2-12"
    assert events["Borstvoedingscafé"]["typicalAgeRange"] == "0-1"  # from pregnancy: from 0
    assert age_range(None, 48) == "-4"
    assert age_range(36, None) == "3-"
    assert age_range(-9, 0) == "0-0"
    assert age_range(None, None) is None


def test_without_registration_the_page_is_a_contact_point_and_a_long_name_is_cut(
    network_a, realistic, settings
):
    event = next(
        e for e in uitdatabank_export(network=network_a).events if e["name"]["nl"].startswith("Speel")
    )

    assert "bookingInfo" not in event
    page = f"{settings.BASE_URL}/netwerk-a/activities/{realistic['play'].pk}/"
    assert event["contactPoint"] == {"phone": [], "email": ["info@partner.example.org"], "url": [page]}
    assert len(event["name"]["nl"]) <= 90
    assert event["name"]["nl"] == (
        "Speelochtend voor peuters en hun ouders, met koffie en een babbel voor de ouders erbij in…"
    )
    assert "description" not in event  # an empty description is left out, not sent empty
    assert event["calendarType"] == "multiple"


@needs_schemas
def test_a_cancelled_date_among_others_is_sent_as_unavailable(network_a, service_a):
    activity = ActivityFactory(service=service_a, title="Oudergroep pubers", kind=Activity.Kind.PARENT_GROUP)
    _sessions(activity, 2)
    _sessions(activity, 9, is_cancelled=True, cancel_reason="De begeleider is ziek.")

    event = uitdatabank_export(network=network_a).events[0]

    assert [s["status"]["type"] for s in event["subEvent"]] == ["Available", "Unavailable"]
    assert event["subEvent"][1]["status"]["reason"] == {"nl": "De begeleider is ziek."}
    assert event["subEvent"][1]["bookingAvailability"] == {"type": "Unavailable"}
    assert schema_errors(event) == []


def test_activities_that_cannot_go_are_listed_with_the_reason(network_a, service_a, settings):
    no_place_id = ActivityFactory(service=service_a, title="Zonder plaats-id")
    no_place_id.location.uitdatabank_place_id = ""
    no_place_id.location.save()
    _sessions(no_place_id, 3)
    past = ActivityFactory(service=service_a, title="Voorbij")
    _sessions(past, -3)
    cancelled = ActivityFactory(service=service_a, title="Afgelast")
    _sessions(cancelled, 4, is_cancelled=True)
    settings.UITDATABANK_EVENT_TYPES = {"info_evening": "0.3.2.0.0"}
    no_type = ActivityFactory(service=service_a, title="Spelnamiddag", kind=Activity.Kind.PLAY)
    _sessions(no_type, 5)
    draft = ActivityFactory(service=service_a, title="Klad", status=Activity.Status.DRAFT)
    _sessions(draft, 5)

    export = uitdatabank_export(network=network_a)

    assert export.events == []
    reasons = _skipped(export)
    assert set(reasons) == {
        "Zonder plaats-id",
        "Voorbij",
        "Afgelast",
        "Spelnamiddag",
    }  # a draft is not public
    assert reasons["Zonder plaats-id"] == [f"its place {no_place_id.location} has no UiTdatabank place id"]
    assert reasons["Voorbij"] == ["no upcoming sessions"]
    assert reasons["Afgelast"] == ["no upcoming sessions"]
    assert reasons["Spelnamiddag"] == [
        "no UiTdatabank event type for the kind 'play' (HVHK_UITDATABANK_EVENT_TYPES)"
    ]


def test_only_upcoming_sessions_go_out(network_a, service_a):
    activity = ActivityFactory(service=service_a, title="Papacafé")
    _sessions(activity, -7, 7)

    event = uitdatabank_export(network=network_a).events[0]

    assert event["calendarType"] == "single"
    assert dt.datetime.fromisoformat(event["subEvent"][0]["startDate"]) == _at(7)


def test_another_networks_activities_stay_out(network_a, network_b, service_b):
    _sessions(ActivityFactory(service=service_b, title="Van netwerk B"), 3)

    export = uitdatabank_export(network=network_a)

    assert export.events == []
    assert export.skipped == []
    assert [e["name"]["nl"] for e in uitdatabank_export(network=network_b).events] == ["Van netwerk B"]


def test_the_export_takes_a_fixed_number_of_queries(network_a, service_a, django_assert_num_queries):
    def add(n: int) -> None:
        for _ in range(n):
            activity = ActivityFactory(service=service_a)
            RegistrationFactory(session=_sessions(activity, 2, 3)[0])

    add(2)
    with django_assert_num_queries(3):  # activities, their upcoming sessions, the places taken
        assert len(uitdatabank_export(network=network_a).events) == 2
    add(5)
    with django_assert_num_queries(3):
        assert len(uitdatabank_export(network=network_a).events) == 7
