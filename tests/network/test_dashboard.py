"""The week at a glance on every role's start page: the counts of meetings, minutes, actions, declarations and
news, for the role's own work and never another network's; and no start page says "komt hier"."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from hvhk.accounts.access import ActiveRole, roles_of
from hvhk.accounts.models import RoleAssignment
from hvhk.network.models import ActionItem, Meeting
from hvhk.network.selectors.dashboard import week_at_a_glance
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import MembershipFactory, OrganizationFactory
from tests.network.factories import (
    ActionItemFactory,
    BodyFactory,
    BodyMemberFactory,
    DeclarationFactory,
    MeetingFactory,
    NewsPostFactory,
    SignatureFactory,
)

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def _role(user, network) -> ActiveRole:
    return next(r for r in roles_of(user) if r.network == network)


def _person(network, role, organization=None):
    user = UserFactory()
    RoleFactory(user=user, network=network, role=role, organization=organization)
    return user


def _counts(user, network) -> dict:
    return {line.key: line.count for line in week_at_a_glance(role=_role(user, network), user=user)}


@pytest.fixture
def world(network_a, network_b, partner_a, coordinator_a, coordinator_b, editor_a):
    now = timezone.now()
    today = timezone.localdate()
    closed = BodyFactory(network=network_a, name="Stuurgroep", is_open=False)
    opened = BodyFactory(network=network_a, name="Netwerkmoment", is_open=True)
    trekker = _person(network_a, Role.MEMBER, OrganizationFactory(network=network_a))
    BodyMemberFactory(body=closed, user=trekker, is_trekker=True)
    # Meetings: two coming up (one closed), one in three weeks, one in a poll, one of network B.
    MeetingFactory(body=closed, starts_at=now + dt.timedelta(days=3))
    MeetingFactory(body=opened, starts_at=now + dt.timedelta(days=10))
    MeetingFactory(body=opened, starts_at=now + dt.timedelta(days=21))
    MeetingFactory(body=opened, status=Meeting.Status.POLL, starts_at=None, ends_at=None)
    MeetingFactory(body=BodyFactory(network=network_b, is_open=True), starts_at=now + dt.timedelta(days=2))
    # Minutes to approve: a past meeting of the closed body with draft minutes; an approved one does not count.
    past = MeetingFactory(
        body=closed, starts_at=now - dt.timedelta(days=7), minutes_status=Meeting.Minutes.DRAFT
    )
    MeetingFactory(body=opened, starts_at=now - dt.timedelta(days=7), minutes_status=Meeting.Minutes.APPROVED)
    # Actions: the editor's organisation has one open and overdue, the trekker one open; one done; one of B.
    ActionItemFactory(
        meeting=past,
        agenda_item=None,
        owner_user=None,
        owner_organization=partner_a,
        due_on=today - dt.timedelta(days=1),
    )
    ActionItemFactory(meeting=past, agenda_item=None, owner_user=trekker)
    ActionItemFactory(meeting=past, agenda_item=None, owner_user=trekker, status=ActionItem.Status.DONE)
    ActionItemFactory(
        meeting=MeetingFactory(body=BodyFactory(network=network_b), starts_at=now - dt.timedelta(days=30)),
        agenda_item=None,
        due_on=today - dt.timedelta(days=3),
    )
    # Declarations: the newest version signed by one of two partners; partner_a has not signed it.
    other_partner = MembershipFactory(organization=OrganizationFactory(network=network_a)).organization
    DeclarationFactory(network=network_a, version=1)
    newest = DeclarationFactory(network=network_a, version=2)
    SignatureFactory(declaration=newest, organization=other_partner)
    DeclarationFactory(network=network_a, version=3, published_at=None)  # a draft asks nobody to sign
    # News: two this week (one public), one draft, one of network B.
    NewsPostFactory(network=network_a)
    NewsPostFactory(network=network_a, audience="public")
    NewsPostFactory(network=network_a, published_at=None)
    NewsPostFactory(network=network_b)
    return {
        "coordinator_a": coordinator_a,
        "coordinator_b": coordinator_b,
        "editor": editor_a,
        "trekker": trekker,
        "member": _person(network_a, Role.MEMBER, partner_a),
        "intake": with_two_factor(_person(network_a, Role.INTAKE)),
        "analyst": _person(network_a, Role.ANALYST),
        "network_a": network_a,
        "network_b": network_b,
    }


def _this_week_news() -> int:
    # Posts published "now" count for this week; on a Monday just after midnight they still do.
    return 2


def test_the_coordinator_sees_the_whole_networks_work(world):
    counts = _counts(world["coordinator_a"], world["network_a"])

    assert counts == {
        "meetings": 2,
        "minutes": 1,
        "actions_open": 2,
        "actions_overdue": 1,
        "declarations": 1,
        "news": _this_week_news(),
    }


def test_the_coordinator_of_another_network_sees_only_theirs(world):
    counts = _counts(world["coordinator_b"], world["network_b"])
    assert counts["meetings"] == 1 and counts["minutes"] == 0
    assert counts["actions_open"] == 1 and counts["actions_overdue"] == 1
    assert "declarations" not in counts  # network B has no declaration
    assert counts["news"] == 1


def test_a_trekker_sees_their_bodys_meetings_minutes_and_own_actions(world):
    counts = _counts(world["trekker"], world["network_a"])
    assert counts == {"meetings": 2, "minutes": 1, "actions_open": 1, "actions_overdue": 0, "news": 2}


def test_an_editor_sees_their_organisations_actions_and_that_it_must_sign(world):
    counts = _counts(world["editor"], world["network_a"])
    assert counts == {
        "meetings": 1,  # the open body's; the closed one is not theirs
        "actions_open": 1,
        "actions_overdue": 1,
        "declarations": 1,
        "news": 2,
    }


def test_an_editor_whose_organisation_signed_has_nothing_to_sign(world, partner_a):
    from hvhk.network.models import Declaration

    SignatureFactory(declaration=Declaration.objects.get(version=2), organization=partner_a)
    assert _counts(world["editor"], world["network_a"])["declarations"] == 0
    assert _counts(world["coordinator_a"], world["network_a"])["declarations"] == 0


@pytest.mark.parametrize("who", ["member", "intake", "analyst"])
def test_other_roles_see_meetings_their_actions_and_news(world, who):
    counts = _counts(world[who], world["network_a"])
    expected_actions = 1 if who == "member" else 0  # a member works for partner_a, which owns one action
    assert counts == {
        "meetings": 1,
        "actions_open": expected_actions,
        "actions_overdue": expected_actions,
        "news": 2,
    }


def test_a_line_without_its_page_has_no_link_yet(world):
    lines = {
        line.key: line
        for line in week_at_a_glance(
            role=_role(world["coordinator_a"], world["network_a"]), user=world["coordinator_a"]
        )
    }
    assert lines["news"].url == "/portal/news/"
    for line in lines.values():
        assert line.url is None or line.url.startswith("/portal/")


@pytest.mark.parametrize(
    "who", ["coordinator_a", "coordinator_b", "trekker", "editor", "member", "intake", "analyst"]
)
def test_every_roles_start_page_shows_the_week_and_never_komt_hier(client, world, who):
    client.force_login(world[who])

    page = client.get("/portal/").content.decode()

    assert "Deze week in het netwerk" in page
    assert "komt hier" not in page
    assert re.search(
        r"<strong>\d+</strong> nieuwsbericht(en)? deze week", page
    )  # "1 nieuwsbericht", "2 …berichten"
    assert 'href="/portal/news/"' in page  # the nav's news link and the news line


def test_the_start_page_counts_the_coordinators_news_with_its_link(client, world):
    client.force_login(world["coordinator_a"])
    page = client.get("/portal/").content.decode()
    assert '<a href="/portal/news/"><strong>2</strong> nieuwsberichten deze week</a>' in page
