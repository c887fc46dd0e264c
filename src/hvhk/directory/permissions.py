"""Who may change which directory data: the rules the directory's services check on their acting user.

A platform admin may do everything; a coordinator everything in their network; a partner editor keeps the data
of their own organisation and publishes it directly only where the coordinator trusts the partner
(`Membership.publishes_directly`). Other roles (intake, analyst) and other networks may not. Only active people
in active networks count.
"""

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.models import Network
from hvhk.directory.models import Organization


def _active(user: User | None) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def coordinates(*, user: User | None, network: Network) -> bool:
    """`user` coordinates `network` (or is a platform admin)."""
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    return RoleAssignment.objects.filter(
        user=user, network=network, network__is_active=True, role=RoleAssignment.Role.COORDINATOR
    ).exists()


def edits(*, user: User | None, organization: Organization) -> bool:
    """`user` may propose changes to `organization`'s data: its partner editor, or a coordinator."""
    if coordinates(user=user, network=organization.network):
        return True
    return (
        _active(user)
        and RoleAssignment.objects.filter(
            user=user,
            network_id=organization.network_id,
            network__is_active=True,
            role=RoleAssignment.Role.EDITOR,
            organization=organization,
        ).exists()
    )


def publishes_directly(*, user: User | None, organization: Organization) -> bool:
    """`user` may put a change to `organization`'s data online without review: a coordinator, or an editor of
    a partner the coordinator trusts."""
    if coordinates(user=user, network=organization.network):
        return True
    membership = getattr(organization, "membership", None)
    return bool(membership and membership.publishes_directly) and edits(user=user, organization=organization)
