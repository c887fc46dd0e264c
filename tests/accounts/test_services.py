"""Invitations and roles change only by the network's coordinator (or a platform admin), and an invitation is
accepted only by the person it was sent to: each rule tried by everyone who might break it."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hvhk.accounts import services
from hvhk.accounts.models import Invitation, RoleAssignment
from tests.accounts.factories import RoleFactory, UserFactory

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


@pytest.fixture
def people(network_a, partner_a, editor_a, coordinator_a, coordinator_b, platform_admin):
    intake = UserFactory(email="intake@a.example")
    RoleFactory(user=intake, network=network_a, role=Role.INTAKE)
    analyst = UserFactory(email="analyst@a.example")
    RoleFactory(user=analyst, network=network_a, role=Role.ANALYST)
    return {
        "coordinator": coordinator_a,
        "platform admin": platform_admin,
        "coordinator of another network": coordinator_b,
        "editor": editor_a,
        "intake worker": intake,
        "analyst": analyst,
        "nobody (anonymous)": None,
    }


def _outsiders(people):
    return [(name, user) for name, user in people.items() if name not in ("coordinator", "platform admin")]


def _invitation(network, email="nieuw@a.example", role=Role.ANALYST) -> Invitation:
    return Invitation.objects.create(
        network=network,
        email=email,
        role=role,
        token_hash=email.ljust(64, "x")[:64],
        expires_at=timezone.now() + dt.timedelta(days=3),
    )


def test_only_the_networks_coordinator_invites(people, network_a):
    for name, user in _outsiders(people):
        with pytest.raises(PermissionDenied):
            services.invitation_create(
                network=network_a, email="x@a.example", role=Role.ANALYST, organization=None, acting_user=user
            )
        assert not Invitation.objects.exists(), name
    for allowed in ("coordinator", "platform admin"):
        services.invitation_create(
            network=network_a, email=f"{allowed[:5]}@a.example", role=Role.ANALYST, organization=None,
            acting_user=people[allowed],
        )  # fmt: skip
    assert Invitation.objects.count() == 2


def test_an_editor_is_invited_for_an_organisation_of_the_same_network(coordinator_a, network_a, partner_b):
    for organization in (None, partner_b):
        with pytest.raises(ValidationError) as refused:
            services.invitation_create(
                network=network_a, email="x@a.example", role=Role.EDITOR, organization=organization,
                acting_user=coordinator_a,
            )  # fmt: skip
        assert "organization" in refused.value.message_dict
    assert not Invitation.objects.exists()


def test_only_the_invited_person_accepts_and_only_once(network_a):
    invitation = _invitation(network_a)
    stranger = UserFactory(email="iemand@anders.example")
    with pytest.raises(PermissionDenied):
        services.invitation_accept(invitation=invitation, acting_user=stranger)
    assert not stranger.roles.exists()

    invited = UserFactory(email="nieuw@a.example")
    services.invitation_accept(invitation=invitation, acting_user=invited)
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=invitation, acting_user=invited)
    assert invited.roles.get().role == Role.ANALYST


def test_a_revoked_invitation_is_not_accepted(network_a, coordinator_a):
    invitation = _invitation(network_a)
    services.invitation_revoke(invitation=invitation, acting_user=coordinator_a)
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=invitation, acting_user=UserFactory(email="nieuw@a.example"))


def test_only_the_networks_coordinator_revokes_an_invitation(people, network_a):
    invitation = _invitation(network_a)
    for name, user in _outsiders(people):
        with pytest.raises(PermissionDenied):
            services.invitation_revoke(invitation=invitation, acting_user=user)
        invitation.refresh_from_db()
        assert invitation.revoked_at is None, name
    services.invitation_revoke(invitation=invitation, acting_user=people["coordinator"])
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_only_the_networks_coordinator_takes_a_role_away(people):
    assignment = people["editor"].roles.get()
    for name, user in _outsiders(people):
        with pytest.raises(PermissionDenied):
            services.role_remove(assignment=assignment, acting_user=user)
        assert RoleAssignment.objects.filter(pk=assignment.pk).exists(), name
    services.role_remove(assignment=assignment, acting_user=people["coordinator"])
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_a_coordinator_does_not_take_their_own_coordinator_role_away(coordinator_a):
    own = coordinator_a.roles.get()
    with pytest.raises(ValidationError):
        services.role_remove(assignment=own, acting_user=coordinator_a)
    assert RoleAssignment.objects.filter(pk=own.pk).exists()
