"""The portal's activity pages with every role: who sees which page (outsiders 404, anonymous to the login),
read-only roles cannot write, the forms' Dutch messages, moderation through the pages, and fixed query counts."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hvhk.activities.models import Activity, Session
from tests.activities.factories_authoring import (
    ActivityFactory,
    HolidayPeriodFactory,
    SessionFactory,
    analyst_of,
    editor_of,
    intake_of,
    member_of,
)
from tests.directory.factories import LocationFactory, MembershipFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(network_a, partner_a, service_a, editor_a, coordinator_a, coordinator_b):
    place = LocationFactory(organization=partner_a, network=network_a, name="Zaal A")
    activity = ActivityFactory(
        service=service_a, location=place, status=Activity.Status.PUBLISHED, title="Babymassage"
    )
    session = SessionFactory(activity=activity)
    period = HolidayPeriodFactory(network=network_a)
    other_org = MembershipFactory(organization=OrganizationFactory(network=network_a)).organization
    people = {
        "coordinator": coordinator_a,
        "editor": editor_a,
        "editor_other": editor_of(other_org, "editor@other.example"),
        "member": member_of(partner_a),
        "analyst": analyst_of(network_a),
        "intake": intake_of(network_a),
        "coordinator_b": coordinator_b,
        "anonymous": None,
    }
    return {"activity": activity, "session": session, "period": period, "place": place, "people": people}


def _urls(world) -> dict[str, str]:
    a, s, p = world["activity"], world["session"], world["period"]
    return {
        "list": reverse("activities:portal-list"),
        "new": reverse("activities:portal-create"),
        "detail": reverse("activities:portal-detail", args=[a.pk]),
        "edit": reverse("activities:portal-edit", args=[a.pk]),
        "sessions": reverse("activities:portal-sessions", args=[a.pk]),
        "session": reverse("activities:portal-session-edit", args=[a.pk, s.pk]),
        "moderation": reverse("activities:portal-moderation"),
        "review": reverse("activities:portal-review", args=[a.pk]),
        "holidays": reverse("activities:portal-holidays"),
        "holiday": reverse("activities:portal-holiday-edit", args=[p.pk]),
    }


OK, NO = 200, 404
#                 list new detail edit sessions session moderation review holidays holiday
EXPECTED = {
    "coordinator": (OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    "editor": (OK, OK, OK, OK, OK, OK, NO, NO, NO, NO),
    "editor_other": (OK, OK, NO, NO, NO, NO, NO, NO, NO, NO),
    "member": (OK, NO, OK, NO, OK, NO, NO, NO, NO, NO),
    "analyst": (OK, NO, OK, NO, OK, NO, NO, NO, NO, NO),
    "intake": (NO, NO, NO, NO, NO, NO, NO, NO, NO, NO),
    "coordinator_b": (OK, OK, NO, NO, NO, NO, OK, NO, OK, NO),
}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_every_page_with_every_role(client, world, who):
    client.force_login(world["people"][who])
    urls = _urls(world)
    got = tuple(client.get(url).status_code for url in urls.values())
    assert dict(zip(urls, got, strict=True)) == dict(zip(urls, EXPECTED[who], strict=True))


def test_anonymous_visitors_go_to_the_login(client, world):
    for url in _urls(world).values():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_menu_links_to_activities_for_staff_but_not_intake(client, world):
    client.force_login(world["people"]["member"])
    assert 'href="/portal/activities/"' in client.get(reverse("portal:home")).text
    client.force_login(world["people"]["intake"])
    assert 'href="/portal/activities/"' not in client.get(reverse("portal:home")).text


def test_coordinator_b_sees_none_of_network_a(client, world):
    client.force_login(world["people"]["coordinator_b"])
    assert "Babymassage" not in client.get(reverse("activities:portal-list")).text


@pytest.mark.parametrize("who", ["member", "analyst", "editor_other", "coordinator_b"])
def test_read_only_and_outside_roles_cannot_write(client, world, who):
    client.force_login(world["people"][who])
    urls = _urls(world)
    before = Session.objects.count()
    responses = [
        client.post(urls["detail"], {"action": "withdraw"}),
        client.post(
            urls["sessions"],
            {"action": "add", "one-day": "2030-01-09", "one-start": "19:00", "one-end": "21:00"},
        ),
        client.post(urls["session"], {"action": "delete"}),
        client.post(urls["edit"], {"title": "Gekaapt"}),
        client.post(urls["review"], {"action": "publish"}),
    ]
    assert [r.status_code for r in responses] == [404] * 5
    world["activity"].refresh_from_db()
    assert world["activity"].status == Activity.Status.PUBLISHED
    assert world["activity"].title == "Babymassage"
    assert Session.objects.count() == before


def test_read_only_roles_see_no_forms(client, world):
    client.force_login(world["people"]["member"])
    page = client.get(_urls(world)["sessions"]).text
    assert "Eén datum toevoegen" not in page
    assert 'name="action"' not in client.get(_urls(world)["detail"]).text


# --- creating and editing --------------------------------------------------------------------------------


def _form(world, **overrides):
    data = {
        "service": str(world["activity"].service_id),
        "title": "Peuterturnen",
        "description": "Bewegen met je peuter.",
        "kind": Activity.Kind.PLAY,
        "minimum_age_months": "12",
        "maximum_age_months": "36",
        "languages": ["nl", "ar"],
        "price": "2,50",
        "uitpas_price": "0,50",
        "location": str(world["place"].pk),
        "registration_mode": "session",
        "registration_required": "on",
        "capacity": "12",
        "places_per": Activity.PlacesPer.FAMILY,
        "waiting_list": "on",
        "title_ar": "رياضة",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_an_editor_creates_and_submits_an_activity(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["people"]["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("activities:portal-create"), _form(world, action="submit"))
    activity = Activity.objects.get(title="Peuterturnen")
    assert response.status_code == 302
    assert response["Location"] == reverse("activities:portal-sessions", args=[activity.pk])
    assert activity.status == Activity.Status.SUBMITTED
    assert (activity.price_cents, activity.uitpas_price_cents) == (250, 50)
    assert activity.languages == ["ar", "nl"]
    assert activity.translations == {"ar": {"title": "رياضة"}}
    assert [m.to for m in mail.outbox] == [[world["people"]["coordinator"].email]]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"price": "vijf euro"}, "Geef een bedrag in euro, bijvoorbeeld 5 of 12,50."),
        ({"title": ""}, "Dit veld is verplicht."),
        ({"location": ""}, "Kies een plaats, of duid aan dat de activiteit online is."),
        ({"price": "1", "uitpas_price": "3"}, "Het UiTPAS-tarief kan niet hoger zijn dan de gewone prijs."),
        (
            {"minimum_age_months": "36", "maximum_age_months": "12"},
            "De hoogste leeftijd ligt voor de laagste.",
        ),
        ({"capacity": "0"}, "Geef minstens 1 plaats, of laat het leeg."),
        ({"online": "on", "location": "", "online_url": "javascript:alert(1)"}, "Geef een volledige link"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_nothing_is_saved(client, world, overrides, message):
    client.force_login(world["people"]["editor"])
    response = client.post(reverse("activities:portal-create"), _form(world, **overrides))
    assert response.status_code == 200
    assert message in response.text
    assert Activity.objects.count() == 1


def test_an_editor_cannot_pick_another_partners_service(client, world, network_a):
    other = ServiceFactory(organization=OrganizationFactory(network=network_a))
    client.force_login(world["people"]["editor"])
    response = client.post(reverse("activities:portal-create"), _form(world, service=str(other.pk)))
    assert "Kies een aanbod uit de lijst." in response.text
    assert Activity.objects.count() == 1


def test_a_proposal_through_the_pages(client, world, django_capture_on_commit_callbacks):
    activity = world["activity"]
    client.force_login(world["people"]["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("activities:portal-edit", args=[activity.pk]),
            _form(world, title="Babymassage voor papa's", capacity="6"),
        )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Babymassage"
    assert activity.capacity == 6
    assert activity.pending_changes["title"] == "Babymassage voor papa's"
    # The editor keeps working on the proposal, and sees it on the page.
    assert (
        "Babymassage voor papa&#x27;s"
        in client.get(reverse("activities:portal-edit", args=[activity.pk])).text
    )
    client.force_login(world["people"]["coordinator"])
    assert "Babymassage" in client.get(reverse("activities:portal-moderation")).text
    review = client.get(reverse("activities:portal-review", args=[activity.pk])).text
    assert "Nu online" in review and "papa" in review
    response = client.post(
        reverse("activities:portal-review", args=[activity.pk]), {"action": "return", "comment": ""}
    )
    assert "Zeg wat er anders moet." in response.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("activities:portal-review", args=[activity.pk]), {"action": "publish"})
    activity.refresh_from_db()
    assert activity.title == "Babymassage voor papa's"
    assert activity.pending_changes == {}
    assert mail.outbox[-1].to == [world["people"]["editor"].email]


def test_withdraw_through_the_detail_page(client, world):
    client.force_login(world["people"]["editor"])
    response = client.post(
        reverse("activities:portal-detail", args=[world["activity"].pk]), {"action": "withdraw"}
    )
    assert response.status_code == 302
    assert Activity.objects.get(pk=world["activity"].pk).status == Activity.Status.WITHDRAWN


# --- sessions page -------------------------------------------------------------------------------------------


def test_preview_then_generate_a_pattern(client, world):
    url = reverse("activities:portal-sessions", args=[world["activity"].pk])
    data = {
        "rec-first_day": "17/04/2027",
        "rec-start": "10:00",
        "rec-end": "11:30",
        "rec-repeat": "weekly",
        "rec-weekdays": ["SA"],
        "rec-until": "2027-05-15",
        "rec-skip_public_holidays": "on",
    }
    with time_machine.travel(dt.datetime(2027, 4, 1, 9, tzinfo=dt.UTC), tick=False):
        client.force_login(world["people"]["editor"])
        before = Session.objects.count()
        page = client.post(url, {**data, "action": "preview"}).text
        assert "4 momenten worden gemaakt" in page
        assert "feestdag" in page
        assert Session.objects.count() == before
        response = client.post(url, {**data, "action": "generate"})
        assert response.status_code == 302
        assert Session.objects.count() == before + 4


def test_a_bad_session_gets_a_dutch_message(client, world):
    client.force_login(world["people"]["editor"])
    url = reverse("activities:portal-sessions", args=[world["activity"].pk])
    page = client.post(
        url, {"action": "add", "one-day": "2001-01-01", "one-start": "19:00", "one-end": "21:00"}
    ).text
    assert "Dit moment ligt in het verleden." in page
    page = client.post(url, {"action": "series", "series-dates": "morgen om acht"}).text
    assert "Regel 1 begrijpen we niet." in page


def test_add_and_edit_one_session(client, world):
    client.force_login(world["people"]["editor"])
    url = reverse("activities:portal-sessions", args=[world["activity"].pk])
    response = client.post(
        url, {"action": "add", "one-day": "2030-01-09", "one-start": "19:00", "one-end": "21:00"}
    )
    assert response.status_code == 302
    session = Session.objects.get(starts_at__year=2030)
    edit = reverse("activities:portal-session-edit", args=[world["activity"].pk, session.pk])
    client.post(edit, {"day": "2030-01-10", "start": "19:00", "end": "21:00"})
    session.refresh_from_db()
    assert session.sequence == 1
    client.post(edit, {"action": "delete"})
    assert not Session.objects.filter(pk=session.pk).exists()


def test_holiday_periods_page(client, world):
    client.force_login(world["people"]["coordinator"])
    url = reverse("activities:portal-holidays")
    page = client.post(url, {"name": "Paasvakantie", "starts_on": "2027-04-05", "ends_on": "2027-03-01"}).text
    assert "De laatste dag ligt voor de eerste." in page
    assert (
        client.post(
            url, {"name": "Paasvakantie", "starts_on": "2027-04-05", "ends_on": "2027-04-18"}
        ).status_code
        == 302
    )
    assert "Paasvakantie" in client.get(url).text


# --- the list ------------------------------------------------------------------------------------------------


def test_waiting_for_review_comes_first_and_filters_work(client, world, network_a):
    waiting = ActivityFactory(
        service=world["activity"].service, status=Activity.Status.SUBMITTED, title="Zzz laatste"
    )
    client.force_login(world["people"]["coordinator"])
    page = client.get(reverse("activities:portal-list")).text
    assert page.index("Zzz laatste") < page.index("Babymassage")
    page = client.get(reverse("activities:portal-list"), {"status": "published"}).text
    assert "Babymassage" in page and "Zzz laatste" not in page
    other = ActivityFactory(
        service=ServiceFactory(organization=OrganizationFactory(network=network_a)), title="Andere partner"
    )
    page = client.get(reverse("activities:portal-list"), {"partner": str(other.service.organization_id)}).text
    assert "Andere partner" in page and "Babymassage" not in page and waiting.title not in page
    assert client.get(reverse("activities:portal-list"), {"partner": "geen-id"}).status_code == 200


def test_a_partner_sees_only_their_own(client, world, network_a):
    ActivityFactory(
        service=ServiceFactory(organization=OrganizationFactory(network=network_a)), title="Andere partner"
    )
    client.force_login(world["people"]["member"])
    page = client.get(reverse("activities:portal-list")).text
    assert "Babymassage" in page and "Andere partner" not in page


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["coordinator", "editor"])
def test_the_list_costs_a_fixed_number_of_queries(client, world, who):
    client.force_login(world["people"][who])
    url = reverse("activities:portal-list")
    service = world["activity"].service

    def add(k):
        for _ in range(k):
            activity = ActivityFactory(service=service, status=Activity.Status.SUBMITTED)
            SessionFactory(activity=activity)

    add(2)
    few = _count(client, url)
    add(6)
    assert _count(client, url) == few
