"""The demo's network life: partners who signed, bodies with members, meetings from poll to decisions, news."""

import datetime as dt

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.models import Network
from hvhk.demo.network_data import network_load
from hvhk.directory import models as d
from hvhk.network import models as n
from hvhk.network.selectors.access import (
    managed_bodies_for,
    member_bodies_for,
    visible_bodies_for,
    visible_meetings_for,
)


@pytest.fixture
def leuven(demo, db):
    return Network.objects.get(slug="leuven")


def _role(email: str, network: Network) -> tuple[ActiveRole, User]:
    user = User.objects.get(email=email)
    a = RoleAssignment.objects.select_related("organization").get(user=user, network=network)
    return ActiveRole(key=str(a.pk), network=network, role=a.role, organization=a.organization), user


def test_the_22_partners_signed_the_2014_declaration_and_most_the_2024_version(leuven):
    v1, v2 = n.Declaration.objects.for_network(leuven).order_by("version")
    assert (v1.effective_on, v2.effective_on) == (dt.date(2014, 11, 13), dt.date(2024, 1, 1))
    assert v1.published_at and v2.published_at and "warm door" in v1.text
    assert v1.signatures.count() == 22
    assert v1.signatures.filter(method="paper", signed_on=dt.date(2014, 11, 13)).count() >= 20
    assert 15 <= v2.signatures.filter(method="online", signed_by__isnull=False).count() < 22
    partners = d.Membership.objects.for_network(leuven)
    assert partners.count() >= 22
    assert 3 <= partners.filter(role="netwerktrekker").count() <= 6
    assert partners.exclude(contact_email="").count() == partners.count()
    assert all(e.endswith(".demo") for e in partners.values_list("contact_email", flat=True))
    assert set(partners.get(organization__slug="stad-leuven").houses.values_list("slug", flat=True)) == {
        "leuven-centrum",
        "kessel-lo",
    }


def test_leuven_has_its_bodies_open_and_closed_with_trekkers(leuven):
    bodies = {b.name: b for b in n.Body.objects.for_network(leuven)}
    kinds = {b.kind for b in bodies.values()}
    assert kinds == {"board", "steering_group", "working_group", "network_lunch", "think_day"}
    assert not bodies["Raad van bestuur"].is_open and not bodies["Stuurgroep"].is_open
    groups = [b for b in bodies.values() if b.kind == "working_group"]
    assert len(groups) == 3
    for group in groups:
        assert group.is_open and group.theme
        assert group.members.filter(is_trekker=True, user__isnull=False).count() == 1
        assert group.members.filter(organization__isnull=False).exists()


def test_the_stad_leuven_editor_is_a_stuurgroep_member_and_does_not_see_the_board(leuven):
    role, editor = _role("editor@stad-leuven.demo", leuven)
    assert n.BodyMember.objects.filter(body__name="Stuurgroep", body__network=leuven, user=editor).exists()
    assert "Stuurgroep" in set(member_bodies_for(role=role, user=editor).values_list("name", flat=True))
    assert "Raad van bestuur" not in set(
        visible_bodies_for(role=role, user=editor).values_list("name", flat=True)
    )
    assert list(managed_bodies_for(role=role, user=editor).values_list("name", flat=True)) == [
        "Werkgroep communicatie"
    ]


def test_the_member_account_takes_part_in_one_working_group_and_edits_nothing(leuven):
    role, member = _role("member@kind-en-preventie.demo", leuven)
    assert role.role == RoleAssignment.Role.MEMBER
    mine = member_bodies_for(role=role, user=member)
    # Every partner takes part in the lunches and the denkdag; of the closed bodies, none.
    assert set(mine.values_list("name", flat=True)) == {
        "Werkgroep kwetsbare gezinnen",
        "Netwerklunch",
        "Denkdag",
    }
    assert not visible_bodies_for(role=role, user=member).filter(is_open=False).exists()
    assert not managed_bodies_for(role=role, user=member).exists()
    assert n.ActionItem.objects.filter(owner_user=member, status="open").exists()


def test_meetings_past_with_approved_minutes_and_decisions_and_upcoming_with_invitations(leuven):
    now = timezone.now()
    meetings = n.Meeting.objects.for_network(leuven)
    past = meetings.filter(ends_at__lt=now)
    assert past.count() >= 10
    assert all(m.starts_at > now - dt.timedelta(days=366) for m in past)
    approved = past.filter(minutes_status="approved")
    assert approved.count() >= past.count() - 1
    for meeting in approved:
        assert meeting.minutes_approved_at < now
        assert meeting.agenda_items.exclude(minutes="").exists()
        assert meeting.participants.filter(attendance="present").exists()
    assert n.Decision.objects.for_network(leuven).count() >= 15
    assert n.AgendaItem.objects.filter(meeting__in=past, minutes__contains="Besluit: ").exists()
    actions = n.ActionItem.objects.for_network(leuven)
    assert actions.filter(status="done").exists() and actions.filter(status="open").exists()
    assert any(a.is_overdue for a in actions)
    attendance = set(n.Participant.objects.filter(meeting__in=past).values_list("attendance", flat=True))
    assert {"present", "excused", "absent"} <= attendance

    upcoming = meetings.filter(starts_at__gt=now, status="planned")
    assert upcoming.filter(invitations_sent_at__lt=now).count() >= 5
    responses = set(n.Participant.objects.filter(meeting__in=upcoming).values_list("response", flat=True))
    assert {"pending", "yes"} <= responses
    poll = meetings.get(status="poll")
    assert poll.starts_at is None and poll.date_options.count() == 3
    assert n.DateVote.objects.filter(option__meeting=poll).count() >= 6


def test_the_stuurgroep_has_past_decisions_and_an_upcoming_agenda_for_its_member(leuven):
    role, editor = _role("editor@stad-leuven.demo", leuven)
    mine = visible_meetings_for(role=role, user=editor).filter(body__name="Stuurgroep")
    now = timezone.now()
    assert mine.filter(starts_at__lt=now, decisions__isnull=False).distinct().count() >= 2
    upcoming = mine.filter(starts_at__gt=now).order_by("starts_at").first()
    assert upcoming.agenda_items.filter(description__contains="besluit").exists()
    # Whatever meeting a list shows first, it has an agenda.
    for meeting in visible_meetings_for(role=role, user=editor):
        assert meeting.agenda_items.exists(), meeting


def test_news_public_and_for_partners_and_subscriptions(leuven):
    posts = n.NewsPost.objects.for_network(leuven)
    assert posts.filter(audience="public").count() == 2
    assert posts.filter(audience="partners").count() >= 2
    assert all(p.published_at < timezone.now() for p in posts)
    assert n.NewsSubscription.objects.for_network(leuven).count() >= 3


def test_heusden_zolder_has_a_stuurgroep_with_a_decision_of_its_own(leuven):
    heusden = Network.objects.get(slug="heusden-zolder")
    decision = n.Decision.objects.for_network(heusden).get()
    assert decision.meeting.body.name == "Stuurgroep" and decision.meeting.body.network == heusden
    assert not n.Decision.objects.for_network(leuven).filter(meeting__body__network=heusden).exists()


def _rows(*, history: bool = False) -> dict[str, set]:
    return {
        m.__name__: set(m.objects.values_list("pk", flat=True))
        for m in apps.get_app_config("network").get_models()
        if history or not m.__name__.startswith("Historical")
    }


def test_a_reload_writes_nothing_new_and_restores_what_was_changed(leuven):
    networks = {n.slug: n for n in Network.objects.all()}
    before = _rows(history=True)
    network_load(networks=networks, today=timezone.localdate())
    assert _rows(history=True) == before  # the same day: nothing written, not even history

    before = _rows()
    decision = n.Decision.objects.for_network(leuven).first()
    decision.text = "Iemand heeft dit veranderd"
    decision.save()
    n.Meeting.objects.create(network=leuven, body=decision.meeting.body, title="Extra", status="poll")

    network_load(networks=networks, today=timezone.localdate())

    decision.refresh_from_db()
    assert decision.text != "Iemand heeft dit veranderd"
    assert _rows() == before  # the extra meeting is gone, nothing doubled


def test_a_reload_on_a_later_day_moves_the_meetings_and_keeps_their_ids(leuven):
    networks = {n.slug: n for n in Network.objects.all()}
    meeting = (
        n.Meeting.objects.for_network(leuven).filter(body__name="Stuurgroep").order_by("starts_at").first()
    )
    before = _rows()

    network_load(networks=networks, today=timezone.localdate() + dt.timedelta(days=28))

    moved = n.Meeting.objects.get(pk=meeting.pk)
    local = timezone.localtime
    assert local(moved.starts_at).date() - local(meeting.starts_at).date() == dt.timedelta(days=28)
    assert local(moved.starts_at).time() == local(meeting.starts_at).time()
    after = _rows()
    assert {k: len(v) for k, v in after.items()} == {k: len(v) for k, v in before.items()}
    # Only the date poll's proposed dates (and their votes) are new rows: they are keyed by their date.
    assert {k for k in after if after[k] != before[k]} <= {"DateOption", "DateVote"}


def test_the_demo_command_prints_the_network_line(leuven, capsys):
    call_command("demo")
    assert "network: 8 bodies, 24 meetings, 33 partners" in capsys.readouterr().out
