"""Who may do what: reads of role assignments."""

from django.db.models import QuerySet

from hvhk.accounts.models import RoleAssignment, User
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
