"""Who sees and manages which body, meeting and document: every rule of network/selectors/access.py, tried by
every role, including another network's coordinator and people whose role was taken away."""

import pytest

from hvhk.accounts.access import ActiveRole, roles_of
from hvhk.accounts.models import RoleAssignment
from hvhk.network.selectors import access
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import OrganizationFactory
from tests.network.factories import BodyFactory, BodyMemberFactory, MeetingFactory

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


def _role(user, network) -> ActiveRole:
    return next(r for r in roles_of(user) if r.network == network)


def _person(network, role, organization=None, email=None):
    user = UserFactory(email=email) if email else UserFactory()
    RoleFactory(user=user, network=network, role=role, organization=organization)
    return user


@pytest.fixture
def world(network_a, network_b, partner_a, coordinator_a, coordinator_b):
    other_org = OrganizationFactory(network=network_a)
    closed = BodyFactory(network=network_a, name="Stuurgroep", is_open=False)
    opened = BodyFactory(network=network_a, name="Netwerkmoment", is_open=True)
    people = {
        "coordinator_a": coordinator_a,
        "coordinator_b": coordinator_b,
        "trekker": _person(network_a, Role.EDITOR, partner_a),
        "person_member": _person(network_a, Role.INTAKE),
        "org_staff": _person(network_a, Role.MEMBER, partner_a),
        "other_editor": _person(network_a, Role.EDITOR, other_org),
        "analyst": _person(network_a, Role.ANALYST),
        "b_editor": _person(network_b, Role.EDITOR, OrganizationFactory(network=network_b)),
    }
    BodyMemberFactory(body=closed, user=people["trekker"], is_trekker=True)
    BodyMemberFactory(body=closed, user=people["person_member"])
    BodyMemberFactory(body=closed, user=None, organization=partner_a)
    return {
        "closed": closed,
        "open": opened,
        "people": people,
        "network_a": network_a,
        "network_b": network_b,
    }


SEES_CLOSED = {"coordinator_a", "trekker", "person_member", "org_staff"}
MANAGES_CLOSED = {"coordinator_a", "trekker"}


@pytest.mark.parametrize(
    "who", ["coordinator_a", "trekker", "person_member", "org_staff", "other_editor", "analyst"]
)
def test_a_closed_body_is_seen_by_its_members_and_the_coordinator_only(world, who):
    user = world["people"][who]
    role = _role(user, world["network_a"])
    closed, opened = world["closed"], world["open"]
    meeting = MeetingFactory(body=closed)

    visible = set(access.visible_bodies_for(role=role, user=user))
    assert (closed in visible) == (who in SEES_CLOSED)
    assert opened in visible  # an open body is seen by everyone who works in the network
    assert (meeting in access.visible_meetings_for(role=role, user=user)) == (who in SEES_CLOSED)
    assert access.is_body_member(user, body=closed) == (who in SEES_CLOSED)
    assert access.can_see_body(user, body=closed) == (who in SEES_CLOSED)
    assert access.can_see_body(user, body=opened)


@pytest.mark.parametrize(
    "who", ["coordinator_a", "trekker", "person_member", "org_staff", "other_editor", "analyst"]
)
def test_only_the_coordinator_and_the_trekker_manage_a_bodys_meetings(world, who):
    user = world["people"][who]
    role = _role(user, world["network_a"])
    meeting = MeetingFactory(body=world["closed"])

    assert access.can_manage_body(user, body=world["closed"]) == (who in MANAGES_CLOSED)
    assert (meeting in access.managed_meetings_for(role=role, user=user)) == (who in MANAGES_CLOSED)
    assert (world["open"] in access.managed_bodies_for(role=role, user=user)) == (who == "coordinator_a")


@pytest.mark.parametrize("who", ["coordinator_b", "b_editor"])
def test_nothing_of_another_network_is_seen_or_managed(world, who):
    user = world["people"][who]
    role = _role(user, world["network_b"])
    MeetingFactory(body=world["closed"])
    MeetingFactory(body=world["open"])

    assert not access.visible_bodies_for(role=role, user=user).exists()
    assert not access.visible_meetings_for(role=role, user=user).exists()
    assert not access.documents_for(role=role, user=user).exists()
    for body in (world["closed"], world["open"]):
        assert not access.can_see_body(user, body=body)
        assert not access.can_manage_body(user, body=body)
        assert not access.is_body_member(user, body=body)


def test_a_trekker_whose_roles_were_taken_away_manages_nothing(world):
    trekker = world["people"]["trekker"]
    RoleAssignment.objects.filter(user=trekker).delete()

    assert not access.can_manage_body(trekker, body=world["closed"])
    assert not access.can_see_body(trekker, body=world["open"])


def test_an_organisations_staff_leave_its_bodies_with_their_role(world):
    staff = world["people"]["org_staff"]
    assert access.is_body_member(staff, body=world["closed"])

    RoleAssignment.objects.filter(user=staff).delete()

    assert not access.is_body_member(staff, body=world["closed"])


def test_anonymous_and_inactive_people_see_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    member = world["people"]["person_member"]
    member.is_active = False
    member.save()
    for user in (AnonymousUser(), member, None):
        assert not access.can_see_body(user, body=world["open"])
        assert not access.is_body_member(user, body=world["closed"])
        assert not access.can_manage_body(user, body=world["closed"])


def test_a_platform_admin_manages_every_networks_bodies(world, platform_admin):
    for body in (world["closed"], world["open"]):
        assert access.can_manage_body(platform_admin, body=body)
        assert access.can_see_body(platform_admin, body=body)
