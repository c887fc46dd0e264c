import pytest

from hvhk.accounts.models import RoleAssignment
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor


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
