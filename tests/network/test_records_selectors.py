"""The reads start pages use: my open actions (mine or my organisation's), open and overdue counts per role."""

import datetime as dt

import pytest
from django.utils import timezone

from hvhk.accounts.access import roles_of
from hvhk.network.selectors import records as selectors
from tests.network import records_world
from tests.network.factories import ActionItemFactory, AgendaItemFactory, DecisionFactory, MeetingFactory

pytestmark = pytest.mark.django_db
world, private_storage = records_world.world, records_world.private_storage  # the shared fixtures


def _role(user, network):
    return next(r for r in roles_of(user) if r.network == network)


def test_my_open_actions_are_mine_and_my_organisations_soonest_first(world):
    item, member, partner = world["item"], world["people"]["member"], world["partner_a"]
    today = timezone.localdate()
    later = ActionItemFactory(agenda_item=item, owner_user=member, due_on=today + dt.timedelta(days=30))
    ActionItemFactory(agenda_item=item, owner_user=member, status="done")
    ActionItemFactory(agenda_item=item, owner_user=None, owner_organization=partner)
    role = _role(member, world["network_a"])

    mine = list(selectors.my_open_actions(role=role, user=member))
    assert mine == [world["action"], later]

    staff = world["people"]["partner_staff"]
    assert [
        a.owner_organization
        for a in selectors.my_open_actions(role=_role(staff, world["network_a"]), user=staff)
    ] == [partner]


def test_open_and_overdue_counts(world):
    item, coordinator, member = world["item"], world["people"]["coordinator_a"], world["people"]["member"]
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    ActionItemFactory(agenda_item=item, owner_user=member, due_on=yesterday)
    ActionItemFactory(agenda_item=item, due_on=yesterday)
    ActionItemFactory(agenda_item=item, due_on=yesterday, status="done")
    coordinator_role = _role(coordinator, world["network_a"])
    member_role = _role(member, world["network_a"])

    assert selectors.open_actions_count(role=coordinator_role, user=coordinator) == 3
    assert selectors.overdue_actions_count(role=coordinator_role, user=coordinator) == 2
    assert selectors.overdue_actions_count(role=member_role, user=member, mine=True) == 1
    assert selectors.open_actions_count(role=member_role, user=member, mine=True) == 2


def test_nothing_of_another_network_is_counted(world):
    coordinator_b = world["people"]["coordinator_b"]
    role = _role(coordinator_b, world["network_b"])
    ActionItemFactory(
        agenda_item=AgendaItemFactory(meeting=MeetingFactory(body__network=world["network_b"])),
        due_on=timezone.localdate() - dt.timedelta(days=3),
    )
    assert selectors.overdue_actions_count(role=role, user=coordinator_b) == 1
    assert world["action"] not in selectors.actions_for(role=role, user=coordinator_b)
    assert world["decision"] not in selectors.decisions_for(role=role, user=coordinator_b)


def test_the_register_searches_text_meeting_and_body(world):
    coordinator = world["people"]["coordinator_a"]
    role = _role(coordinator, world["network_a"])
    other = DecisionFactory(agenda_item=world["item"], text="Een nieuwe folder.")
    assert list(selectors.decisions_for(role=role, user=coordinator, q="folder")) == [other]
    assert set(selectors.decisions_for(role=role, user=coordinator, q="STUURGROEP")) == {
        other,
        world["decision"],
    }
    assert set(selectors.decisions_for(role=role, user=coordinator, q="januari")) == {
        other,
        world["decision"],
    }
