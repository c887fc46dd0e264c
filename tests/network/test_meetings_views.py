"""Meeting pages tried by every role: who sees which meeting, who manages it, the minutes' stale-save message,
the answer link without sign-in, the attendance overview and the private calendar feed."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from hvhk.accounts.models import RoleAssignment
from hvhk.network.models import Meeting, Participant
from hvhk.network.services import meetings as services
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import OrganizationFactory
from tests.network.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMemberFactory,
    DecisionFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def _person(network, role, organization=None, **kwargs):
    user = UserFactory(**kwargs)
    RoleFactory(user=user, network=network, role=role, organization=organization)
    return user


@pytest.fixture
def world(network_a, network_b, partner_a, coordinator_a, coordinator_b):
    closed = BodyFactory(network=network_a, name="Stuurgroep", kind="steering_group", is_open=False)
    people = {
        "coordinator_a": coordinator_a,
        "coordinator_b": coordinator_b,
        "trekker": _person(network_a, Role.EDITOR, partner_a, full_name="Tine Trekker"),
        "member": _person(network_a, Role.MEMBER, partner_a, full_name="Mo Medewerker"),
        "other_editor": _person(network_a, Role.EDITOR, OrganizationFactory(network=network_a)),
        "b_editor": _person(network_b, Role.EDITOR, OrganizationFactory(network=network_b)),
    }
    BodyMemberFactory(body=closed, user=people["trekker"], is_trekker=True)
    BodyMemberFactory(body=closed, user=people["member"])
    meeting = MeetingFactory(body=closed, title="Stuurgroep december")
    item = AgendaItemFactory(meeting=meeting, title="Netwerklunch voorbereiden")
    DecisionFactory(agenda_item=item, meeting=meeting, text="De netwerklunch gaat door in maart.")
    return {"closed": closed, "meeting": meeting, "item": item, "people": people}


SEES = {"coordinator_a", "trekker", "member"}
MANAGES = {"coordinator_a", "trekker"}
EVERYONE = ["coordinator_a", "coordinator_b", "trekker", "member", "other_editor", "b_editor"]


@pytest.mark.parametrize("who", EVERYONE)
def test_a_closed_bodys_meeting_page_shows_agenda_and_decisions_to_members_only(client, world, who):
    client.force_login(world["people"][who])
    meeting = world["meeting"]
    listing = client.get(reverse("network:meetings"))
    assert listing.status_code == 200
    assert (meeting.title in listing.text) == (who in SEES)
    response = client.get(reverse("network:meeting", args=[meeting.pk]))
    assert response.status_code == (200 if who in SEES else 404)
    if who in SEES:
        assert "Agenda" in response.text and "Netwerklunch voorbereiden" in response.text
        assert "De netwerklunch gaat door in maart." in response.text
        assert ("Verstuur de uitnodiging" in response.text) == (who in MANAGES)


@pytest.mark.parametrize("who", EVERYONE)
@pytest.mark.parametrize("name", ["meeting-edit", "meeting-minutes", "meeting-attendance", "agenda-item-new"])
def test_manager_pages_are_for_the_coordinator_and_the_trekker(client, world, who, name):
    client.force_login(world["people"][who])
    response = client.get(reverse(f"network:{name}", args=[world["meeting"].pk]))
    expected = 200 if who in MANAGES else 403 if who in SEES else 404
    assert response.status_code == expected


@pytest.mark.parametrize("who", EVERYONE)
def test_posts_to_another_networks_or_an_invisible_meeting_change_nothing(client, world, who):
    client.force_login(world["people"][who])
    meeting = world["meeting"]
    response = client.post(reverse("network:meeting-cancel", args=[meeting.pk]))
    assert response.status_code == (302 if who in MANAGES else 403 if who in SEES else 404)
    assert (Meeting.objects.get(pk=meeting.pk).status == "cancelled") == (who in MANAGES)


def test_the_body_pages_and_a_malformed_id(client, world):
    client.force_login(world["people"]["other_editor"])
    assert client.get(reverse("network:bodies")).status_code == 200
    assert client.get(reverse("network:body", args=[world["closed"].pk])).status_code == 404
    assert client.get("/portal/meetings/not-a-uuid/").status_code == 404
    client.force_login(world["people"]["member"])
    assert client.get(reverse("network:body", args=[world["closed"].pk])).status_code == 200
    assert client.get(reverse("network:body-new")).status_code == 404  # coordinator only


def test_the_coordinator_plans_a_meeting_with_a_poll_through_the_form(client, world):
    client.force_login(world["people"]["coordinator_a"])
    url = reverse("network:meeting-new", args=[world["closed"].pk])
    day = timezone.localdate() + dt.timedelta(days=30)
    response = client.post(
        url, {"title": "Denkdag", "start": "10:00", "end": "09:00", "date": day.isoformat()}
    )
    assert response.status_code == 200
    assert "Het einde ligt voor het begin" in response.text
    assert not Meeting.objects.filter(title="Denkdag").exists()
    response = client.post(
        url,
        {"title": "Denkdag", "start": "09:00", "end": "16:00", "option_1": day.isoformat(), "option_2": ""},
    )
    meeting = Meeting.objects.get(title="Denkdag")
    assert response.status_code == 302 and meeting.status == Meeting.Status.POLL
    assert meeting.date_options.count() == 1


def test_a_stale_minutes_save_is_refused_and_the_text_stays_in_the_form(client, world):
    item, meeting = world["item"], world["meeting"]
    opened = item.version
    services.minutes_save(
        item=item,
        minutes="Versie van de coördinator",
        version=opened,
        acting_user=world["people"]["coordinator_a"],
    )
    client.force_login(world["people"]["trekker"])
    url = reverse("network:meeting-minutes", args=[meeting.pk])
    response = client.post(
        url, {"item": item.pk, f"{item.pk}-minutes": "Mijn eigen tekst", f"{item.pk}-version": opened}
    )
    assert response.status_code == 409
    assert "Iemand anders heeft dit deel van het verslag intussen bewaard" in response.text
    assert "Mijn eigen tekst" in response.text and "Versie van de coördinator" in response.text
    item.refresh_from_db()
    assert item.minutes == "Versie van de coördinator"
    # saving again with the version now in the form goes through
    response = client.post(
        url, {"item": item.pk, f"{item.pk}-minutes": "Samengevoegd", f"{item.pk}-version": item.version}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.minutes == "Samengevoegd"


def test_the_answer_link_works_without_sign_in_twice_and_not_after_the_meeting(
    client, world, network_a, django_capture_on_commit_callbacks
):
    meeting = world["meeting"]
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_send(meeting=meeting, acting_user=world["people"]["trekker"])
    message = next(m for m in mail.outbox if m.to == [world["people"]["member"].email])
    path = re.search(r"https?://[^/]+(/\S+/meetings/answer/\S+/)", message.body).group(1)
    response = client.get(path)
    assert response.status_code == 200 and meeting.title in response.text
    assert response["Referrer-Policy"] == "same-origin"
    response = client.post(path, {"response": "yes"})
    assert "je antwoord is bewaard" in response.text
    response = client.post(path, {"response": "no"})
    assert "Je antwoord is aangepast" in response.text
    participant = Participant.objects.get(meeting=meeting, user=world["people"]["member"])
    assert participant.response == "no"
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - dt.timedelta(hours=1))
    response = client.post(path, {"response": "yes"})
    assert response.status_code == 400 and "Antwoorden kan niet meer" in response.text
    assert Participant.objects.get(pk=participant.pk).response == "no"
    assert client.get(path.replace("/answer/", "/answer/x")).status_code == 404
    other = (
        f"/{world['people']['b_editor'].roles.first().network.slug}/meetings/answer/{path.split('/')[-2]}/"
    )
    assert client.get(other).status_code == 404  # the token belongs to one network


def test_the_private_calendar_feed_lists_my_meetings_until_revoked(client, world, network_a):
    client.force_login(world["people"]["member"])
    response = client.post(reverse("network:calendar-feed"), {"action": "create"})
    feed_url = re.search(r'value="(https?://[^"]+\.ics)"', response.text).group(1)
    path = "/" + feed_url.split("/", 3)[3]
    client.logout()
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [f"Stuurgroep: {world['meeting'].title}"]
    client.force_login(world["people"]["member"])
    client.post(reverse("network:calendar-feed"), {"action": "revoke"})
    client.logout()
    assert client.get(path).status_code == 404


def test_the_yearly_attendance_overview_downloads_as_csv(client, world, partner_a):
    meeting = world["meeting"]
    starts_at = timezone.now() - dt.timedelta(hours=3)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2)
    )
    Participant.objects.create(
        network=meeting.network,
        meeting=meeting,
        user=world["people"]["member"],
        organization=partner_a,
        name="Mo",
        email="mo@example.org",
        token_hash="x" * 64,
        attendance="present",
    )
    year = timezone.localtime(starts_at).year
    client.force_login(world["people"]["coordinator_a"])
    response = client.get(reverse("network:attendance-overview"), {"format": "csv", "year": year})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("organisatie,uitgenodigd,aanwezig")
    assert f"{partner_a.name},1,1,0,0,0" in lines[1:]
    page = client.get(reverse("network:attendance-overview"), {"year": year})
    assert partner_a.name in page.text and "100 %" in page.text
    client.force_login(world["people"]["other_editor"])  # the closed body's attendance is not theirs to see
    response = client.get(reverse("network:attendance-overview"), {"format": "csv", "year": year})
    assert partner_a.name not in response.content.decode()


def test_agenda_items_show_their_owner_person_or_organisation(client, world, partner_a):
    meeting = world["meeting"]
    AgendaItemFactory(meeting=meeting, title="Punt van een persoon", owner_user=world["people"]["trekker"])
    AgendaItemFactory(meeting=meeting, title="Punt van een partner", owner_organization=partner_a)
    client.force_login(world["people"]["member"])
    response = client.get(reverse("network:meeting", args=[meeting.pk]))
    assert response.status_code == 200
    assert "Eigenaar: Tine Trekker" in response.text
    assert f"Eigenaar: {partner_a.name}" in response.text
