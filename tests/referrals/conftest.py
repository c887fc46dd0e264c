import pytest

from hvhk.accounts.models import RoleAssignment
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import MembershipFactory, OrganizationFactory


@pytest.fixture
def intake_a(network_a):
    user = UserFactory(email="intake@a.example")
    RoleFactory(user=user, network=network_a, role=RoleAssignment.Role.INTAKE)
    return with_two_factor(user)


@pytest.fixture
def intake_b(network_b):
    user = UserFactory(email="intake@b.example")
    RoleFactory(user=user, network=network_b, role=RoleAssignment.Role.INTAKE)
    return with_two_factor(user)


@pytest.fixture
def editor_a(editor_a):
    """The partner editor of the shared fixtures, with an authenticator app: they open families' data."""
    return with_two_factor(editor_a)


@pytest.fixture
def neighbour_editor(network_a):
    """The editor of another partner organisation of network A (with two factors: only the rules stop them)."""
    neighbour = MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="buur")
    ).organization
    user = UserFactory(email="editor@buur.example")
    RoleFactory(user=user, network=network_a, role=RoleAssignment.Role.EDITOR, organization=neighbour)
    return with_two_factor(user)


@pytest.fixture
def editor_b(partner_b):
    user = UserFactory(email="editor@b.example")
    RoleFactory(user=user, network=partner_b.network, role=RoleAssignment.Role.EDITOR, organization=partner_b)
    return with_two_factor(user)


@pytest.fixture
def analyst_a(network_a):
    user = UserFactory(email="analyst@a.example")
    RoleFactory(user=user, network=network_a, role=RoleAssignment.Role.ANALYST)
    return with_two_factor(user)
