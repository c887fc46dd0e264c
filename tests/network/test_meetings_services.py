"""Meeting services: planning and the date poll, invitations with .ics and answer link, agenda, minutes with an
optimistic lock, approval and attendance. Bad input gets a clear Dutch message and writes nothing."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from icalendar import Calendar

from hvhk.accounts.models import RoleAssignment
from hvhk.network.models import AgendaItem, Meeting, Participant
from hvhk.network.selectors import meetings as selectors
from hvhk.network.services import bodies as body_services
from hvhk.network.services import meetings as services
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import OrganizationFactory
from tests.network.factories import AgendaItemFactory, BodyFactory, BodyMemberFactory, MeetingFactory

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def _person(network, role=Role.MEMBER, organization=None, **kwargs):
    user = UserFactory(**kwargs)
    RoleFactory(user=user, network=network, role=role, organization=organization)
    return user


@pytest.fixture
def body(network_a, partner_a):
    body = BodyFactory(network=network_a, name="Stuurgroep", kind="steering_group")
    return body


@pytest.fixture
def trekker(network_a, partner_a, body):
    user = _person(network_a, Role.EDITOR, partner_a, full_name="Tine Trekker")
    BodyMemberFactory(body=body, user=user, is_trekker=True)
    return user


@pytest.fixture
def member(network_a, body):
    user = _person(network_a, Role.INTAKE, full_name="Mo Lid")
    BodyMemberFactory(body=body, user=user)
    return user


def _future(days=10, hour=10):
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def test_a_meeting_with_a_date_is_planned_and_one_without_opens_a_poll(body, trekker):
    planned = services.meeting_create(
        body=body,
        title="Stuurgroep maart",
        starts_at=_future(),
        ends_at=_future(hour=12),
        acting_user=trekker,
    )
    assert planned.status == Meeting.Status.PLANNED
    poll = services.meeting_create(
        body=body,
        title="Stuurgroep april",
        acting_user=trekker,
        date_options=[(_future(20), None), (_future(21), None)],
    )
    assert poll.status == Meeting.Status.POLL
    assert poll.date_options.count() == 2
    assert planned.history.first().history_user == trekker


def test_an_end_before_the_start_is_refused_and_nothing_is_written(body, trekker):
    with pytest.raises(ValidationError) as error:
        services.meeting_create(
            body=body, title="Fout", starts_at=_future(hour=12), ends_at=_future(hour=10), acting_user=trekker
        )
    assert "Het einde ligt voor het begin" in str(error.value)
    assert not Meeting.objects.exists()


def test_a_meeting_without_date_or_poll_is_refused(body, trekker):
    with pytest.raises(ValidationError, match="datumprikker"):
        services.meeting_create(body=body, title="Zonder datum", acting_user=trekker)


def test_only_the_coordinator_and_the_trekker_plan_meetings(body, member, coordinator_a, network_b):
    with pytest.raises(PermissionDenied):
        services.meeting_create(body=body, title="X", starts_at=_future(), acting_user=member)
    outsider = _person(network_b, Role.COORDINATOR)
    with pytest.raises(PermissionDenied):
        services.meeting_create(body=body, title="X", starts_at=_future(), acting_user=outsider)
    assert services.meeting_create(body=body, title="X", starts_at=_future(), acting_user=coordinator_a)


def test_members_answer_the_poll_and_the_trekker_picks_a_date(body, trekker, member):
    meeting = services.meeting_create(
        body=body, title="Poll", acting_user=trekker, date_options=[(_future(20), None), (_future(21), None)]
    )
    first, second = meeting.date_options.order_by("starts_at")
    services.date_votes_set(meeting=meeting, answers={first.pk: "no", second.pk: "yes"}, acting_user=member)
    services.date_votes_set(
        meeting=meeting, answers={first.pk: "maybe"}, acting_user=member
    )  # changes an answer
    tally = selectors.poll_tally(meeting=meeting, user=member)
    assert [(r["yes"], r["maybe"], r["no"], r["mine"]) for r in tally] == [
        (0, 1, 0, "maybe"),
        (1, 0, 0, "yes"),
    ]
    outsider = _person(body.network, Role.INTAKE)
    with pytest.raises(PermissionDenied):
        services.date_votes_set(meeting=meeting, answers={first.pk: "yes"}, acting_user=outsider)
    with pytest.raises(PermissionDenied):
        services.meeting_pick_date(meeting=meeting, option=second, acting_user=member)
    meeting = services.meeting_pick_date(meeting=meeting, option=second, acting_user=trekker)
    assert meeting.status == Meeting.Status.PLANNED and meeting.starts_at == second.starts_at
    with pytest.raises(ValidationError, match="gesloten"):
        services.date_votes_set(meeting=meeting, answers={first.pk: "yes"}, acting_user=member)


def test_a_past_date_cannot_be_proposed(body, trekker):
    with pytest.raises(ValidationError, match="verleden"):
        services.meeting_create(
            body=body,
            title="Poll",
            acting_user=trekker,
            date_options=[(timezone.now() - dt.timedelta(days=1), None)],
        )
    assert not Meeting.objects.exists()


def test_invitations_reach_person_and_organisation_members_with_an_ics_and_a_working_answer_link(
    body, trekker, member, partner_a, network_a, django_capture_on_commit_callbacks
):
    colleague = _person(network_a, Role.MEMBER, partner_a, full_name="Col Lega")
    BodyMemberFactory(body=body, user=None, organization=partner_a)
    meeting = MeetingFactory(body=body, starts_at=_future(), ends_at=_future(hour=12))
    with django_capture_on_commit_callbacks(execute=True):
        count = services.invitations_send(meeting=meeting, acting_user=trekker)
    assert count == 3  # trekker, member and the partner's colleague (the trekker works there too: once)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([trekker.email, member.email, colleague.email])
    message = next(m for m in mail.outbox if m.to == [member.email])
    (filename, content, mimetype) = message.attachments[0]
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]).endswith(meeting.title)
    assert event.decoded("dtstart") == meeting.starts_at
    token = re.search(r"/meetings/answer/([^/\s]+)/", message.body).group(1)
    participant = selectors.participant_by_token(network=network_a, token=token)
    assert participant.user == member
    assert Participant.objects.get(pk=participant.pk).token_hash != token  # only the hash is kept
    # a second round invites nobody twice
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invitations_send(meeting=meeting, acting_user=trekker) == 0
    assert len(mail.outbox) == 3


def test_an_invitation_for_a_meeting_in_the_past_is_refused(body, trekker, member):
    meeting = MeetingFactory(body=body, starts_at=timezone.now() - dt.timedelta(days=2))
    with pytest.raises(ValidationError, match="voorbij"):
        services.invitations_send(meeting=meeting, acting_user=trekker)
    assert not meeting.participants.exists()
    assert Meeting.objects.get(pk=meeting.pk).invitations_sent_at is None


def test_an_answer_can_change_until_the_meeting_and_not_after(body, trekker, member):
    meeting = MeetingFactory(body=body, starts_at=_future())
    services.invitations_send(meeting=meeting, acting_user=trekker)
    participant = meeting.participants.get(user=member)
    assert services.participant_answer(participant=participant, response="yes") == "pending"
    assert services.participant_answer(participant=participant, response="no") == "yes"
    with pytest.raises(ValidationError):
        services.participant_answer(participant=participant, response="perhaps")
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - dt.timedelta(hours=1))
    with pytest.raises(ValidationError, match="voorbij"):
        services.participant_answer(participant=participant, response="yes")
    assert Participant.objects.get(pk=participant.pk).response == "no"


def test_moving_a_meeting_after_the_invitation_mails_the_update_with_a_higher_sequence(
    body, trekker, member, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(body=body, starts_at=_future(), ends_at=_future(hour=12))
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_send(meeting=meeting, acting_user=trekker)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            meeting=meeting, starts_at=_future(11), ends_at=_future(11, 12), acting_user=trekker
        )
    assert len(mail.outbox) == 2 and all(m.subject.startswith("Gewijzigd") for m in mail.outbox)
    event = Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")[0]
    assert int(event["sequence"]) == 1
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting=meeting, acting_user=trekker)
    cancel = Calendar.from_ical(mail.outbox[0].attachments[0][1])
    assert str(cancel["method"]) == "CANCEL"


def test_minutes_saved_with_a_stale_version_are_refused_and_nothing_is_overwritten(
    body, trekker, coordinator_a
):
    item = AgendaItemFactory(meeting=MeetingFactory(body=body), minutes="")
    opened_by_both = item.version
    services.minutes_save(
        item=item, minutes="Tekst van de trekker", version=opened_by_both, acting_user=trekker
    )
    with pytest.raises(services.StaleMinutes, match="Iemand anders"):
        services.minutes_save(
            item=item, minutes="Tekst van de coördinator", version=opened_by_both, acting_user=coordinator_a
        )
    item.refresh_from_db()
    assert item.minutes == "Tekst van de trekker"
    assert item.version == opened_by_both + 1
    assert item.meeting.minutes_status == Meeting.Minutes.DRAFT
    assert [h.history_user for h in item.history.all()][:1] == [trekker]


def test_approved_minutes_are_locked_until_reopened(body, trekker, member):
    item = AgendaItemFactory(meeting=MeetingFactory(body=body))
    with pytest.raises(ValidationError, match="ontwerpverslag"):
        services.minutes_approve(meeting=item.meeting, acting_user=trekker)
    item = services.minutes_save(item=item, minutes="Besproken.", version=item.version, acting_user=trekker)
    with pytest.raises(PermissionDenied):
        services.minutes_approve(meeting=item.meeting, acting_user=member)
    meeting = services.minutes_approve(meeting=item.meeting, acting_user=trekker)
    assert meeting.minutes_status == Meeting.Minutes.APPROVED and meeting.minutes_approved_by == trekker
    with pytest.raises(ValidationError, match="goedgekeurd"):
        services.minutes_save(item=item, minutes="Later", version=item.version, acting_user=trekker)
    services.minutes_reopen(meeting=meeting, acting_user=trekker)
    services.minutes_save(item=item, minutes="Later", version=item.version, acting_user=trekker)


def test_agenda_items_are_numbered_moved_and_kept_once_they_hold_minutes(body, trekker, network_b):
    meeting = MeetingFactory(body=body)
    first = services.agenda_item_create(meeting=meeting, title="Welkom", acting_user=trekker)
    second = services.agenda_item_create(meeting=meeting, title="Netwerklunch", acting_user=trekker)
    assert (first.position, second.position) == (1, 2)
    services.agenda_item_move(item=second, up=True, acting_user=trekker)
    assert list(meeting.agenda_items.order_by("position").values_list("title", flat=True)) == [
        "Netwerklunch",
        "Welkom",
    ]
    with pytest.raises(ValidationError, match="ander netwerk"):
        services.agenda_item_create(
            meeting=meeting,
            title="X",
            owner_organization=OrganizationFactory(network=network_b),
            acting_user=trekker,
        )
    services.minutes_save(item=first, minutes="Iedereen welkom.", version=first.version, acting_user=trekker)
    with pytest.raises(ValidationError, match="blijft dus staan"):
        services.agenda_item_delete(item=AgendaItem.objects.get(pk=first.pk), acting_user=trekker)
    services.agenda_item_delete(item=second, acting_user=trekker)
    assert list(meeting.agenda_items.all()) == [first]


def test_attendance_is_noted_after_the_start_and_counted_per_partner_per_meeting(
    body, trekker, partner_a, network_a, coordinator_a
):
    from hvhk.accounts.access import roles_of

    colleague = _person(network_a, Role.MEMBER, partner_a)
    BodyMemberFactory(body=body, user=None, organization=partner_a)
    meeting = MeetingFactory(body=body, starts_at=_future())
    services.invitations_send(meeting=meeting, acting_user=trekker)
    people = {p.user_id: p for p in meeting.participants.all()}
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        services.attendance_record(
            meeting=meeting, attendance={people[trekker.pk].pk: "present"}, acting_user=trekker
        )
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=3), ends_at=None
    )
    meeting.refresh_from_db()
    services.attendance_record(
        meeting=meeting,
        attendance={people[trekker.pk].pk: "present", people[colleague.pk].pk: "absent"},
        acting_user=trekker,
    )
    role = next(r for r in roles_of(coordinator_a) if r.network == network_a)
    rows = selectors.attendance_overview(role=role, user=coordinator_a, year=meeting.starts_at.year)
    row = next(r for r in rows if r["organization"] == partner_a.name)
    assert (row["invited"], row["present"], row["absent"]) == (
        1,
        1,
        0,
    )  # two colleagues, one meeting: present


def test_a_trekker_must_be_a_person_and_a_member_is_added_once(body, coordinator_a, partner_a, trekker):
    with pytest.raises(ValidationError, match="persoon"):
        body_services.body_member_add(
            body=body, organization=partner_a, is_trekker=True, acting_user=coordinator_a
        )
    with pytest.raises(ValidationError, match="al lid"):
        body_services.body_member_add(body=body, user=trekker, acting_user=coordinator_a)
    with pytest.raises(PermissionDenied):
        body_services.body_member_add(body=body, organization=partner_a, acting_user=trekker)
