"""Who may do what: reads of role assignments and invitations."""

import hashlib

from django.db.models import QuerySet
from django.utils import timezone

from hvhk.accounts.models import Invitation, RoleAssignment, User
from hvhk.core.models import Network


def user_networks(*, user: User, roles: tuple[str, ...]) -> QuerySet[Network]:
    """Active networks in which `user` holds one of `roles` (all networks for a platform admin, who alone can
    switch a network back on)."""
    if not user.is_authenticated or not user.is_active:
        return Network.objects.none()
    if user.is_superuser:
        return Network.objects.all()
    return Network.objects.filter(
        role_assignments__user=user, role_assignments__role__in=roles, is_active=True
    ).distinct()


def coordinator_networks(*, user: User) -> QuerySet[Network]:
    return user_networks(user=user, roles=(RoleAssignment.Role.COORDINATOR,))


def is_coordinator(*, user: User, network: Network) -> bool:
    return coordinator_networks(user=user).filter(pk=network.pk).exists()


# Roles that open personal data (requests for support, reports with an e-mail address) and must sign in with a
# second factor. A partner editor opens a family's data only through a referral, which asks for it there
# (referrals.views.partner), so editors who only keep their offering sign in with a password.
PERSONAL_DATA_ROLES = (RoleAssignment.Role.COORDINATOR, RoleAssignment.Role.INTAKE)


def needs_two_factor(*, user: User) -> bool:
    """Platform admins and everyone with a role that opens personal data must use a second factor."""
    if user.is_superuser:
        return True
    return user.roles.filter(role__in=PERSONAL_DATA_ROLES).exists()


def invitation_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_get_by_token(*, token: str) -> Invitation | None:
    """The open invitation behind a token: not accepted, not revoked, not expired."""
    return (
        Invitation.objects.filter(
            token_hash=invitation_token_hash(token),
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("network", "organization")
        .first()
    )


def pending_invitation_list(*, network: Network) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        network=network, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("organization")


def role_assignment_list(*, network: Network) -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.filter(network=network)
        .select_related("user", "organization")
        .order_by("role", "user__email")
    )
