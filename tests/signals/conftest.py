"""Every persona the signals' access rules know, in network A, and a coordinator of network B:

coordinator_a, trekker_a (a partner member who is trekker of a working group), editor_a (partner A's editor),
member_a (partner A's member), other_editor_a (an editor of another partner in network A), intake_a, analyst_a,
coordinator_b. Staff who read signals see no family's personal data, so no second factor is needed here."""

import pytest

from hvhk.accounts.models import RoleAssignment
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import MembershipFactory, OrganizationFactory
from tests.network.factories import BodyFactory, BodyMemberFactory

Role = RoleAssignment.Role


def _person(email: str, network, role: str, organization=None):
    user = UserFactory(email=email, full_name=email.split("@")[0].title())
    RoleFactory(user=user, network=network, role=role, organization=organization)
    return user


@pytest.fixture
def partner_a2(network_a):
    return MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="partner-a2")
    ).organization


@pytest.fixture
def member_a(partner_a):
    return _person("member@a.example", partner_a.network, Role.MEMBER, partner_a)


@pytest.fixture
def other_editor_a(partner_a2):
    return _person("editor@a2.example", partner_a2.network, Role.EDITOR, partner_a2)


@pytest.fixture
def trekker_a(partner_a2):
    user = _person("trekker@a2.example", partner_a2.network, Role.MEMBER, partner_a2)
    body = BodyFactory(network=partner_a2.network, name="Werkgroep kwetsbare gezinnen")
    BodyMemberFactory(body=body, user=user, is_trekker=True)
    return user


@pytest.fixture
def intake_a(network_a):
    return _person("intake@a.example", network_a, Role.INTAKE)


@pytest.fixture
def analyst_a(network_a):
    return _person("analyst@a.example", network_a, Role.ANALYST)
