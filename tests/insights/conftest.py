"""The personas insights' access rules know, in network A, and a coordinator of network B: coordinator_a,
analyst_a, editor_a (partner A's editor), member_a (partner A's member), other_editor_a (an editor of another
partner of A), intake_a, coordinator_b; and `login`, which signs one in (with a second factor, as the portal
asks of everyone who may see personal data)."""

import pytest
from allauth.mfa.utils import is_mfa_enabled

from hvhk.accounts.models import RoleAssignment
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import MembershipFactory, OrganizationFactory

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
def intake_a(network_a):
    return _person("intake@a.example", network_a, Role.INTAKE)


@pytest.fixture
def analyst_a(network_a):
    return _person("analyst@a.example", network_a, Role.ANALYST)


@pytest.fixture
def login(client):
    def login(user):
        if not is_mfa_enabled(user):
            with_two_factor(user)
        client.force_login(user)
        return user

    return login


NETWORK_WIDE = ("coordinator_a", "analyst_a")
PARTNER_STAFF = ("editor_a", "member_a", "other_editor_a")
NO_INSIGHTS = ("intake_a", "coordinator_b")
