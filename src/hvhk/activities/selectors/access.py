"""Who manages which activity, and who sees its registrations.

- The coordinator (and a platform admin) manages every activity of their network and sees every registration.
- A partner's editor creates and edits the activities of their own organisation; a partner's editor or member
  (its staff) sees the registrations of their organisation's activities, marks attendance and cancels sessions.
- Analysts and intake staff see no registrations (personal data); other networks see nothing at all.

Pages use the `*_for(role=)` querysets with `core.selectors.scoped_get_or_404`; services check the person who
acts with `can_*`, whatever role their session is in.
"""

from django.db.models import QuerySet

from hvhk.accounts.access import ActiveRole, holds_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.activities.models import Activity, Registration, Session

Role = RoleAssignment.Role
COORDINATOR = (Role.COORDINATOR,)
EDITORS = (Role.COORDINATOR, Role.EDITOR)
STAFF = (Role.COORDINATOR, Role.EDITOR, Role.MEMBER)


def _own(role: ActiveRole) -> bool:
    return role.role in RoleAssignment.PARTNER_STAFF and role.organization is not None


def activities_for(*, role: ActiveRole) -> QuerySet[Activity]:
    """The activities the role works with: all of the network for the coordinator, the organisation's own for
    its staff, none for other roles."""
    activities = Activity.objects.for_network(role.network)
    if role.is_coordinator:
        return activities
    if _own(role):
        return activities.filter(service__organization=role.organization)
    return activities.none()


def editable_activities_for(*, role: ActiveRole) -> QuerySet[Activity]:
    """The activities the role may change: all for the coordinator, the organisation's own for its editor."""
    if role.is_coordinator or (role.is_editor and role.organization is not None):
        return activities_for(role=role)
    return Activity.objects.none()


def sessions_for(*, role: ActiveRole) -> QuerySet[Session]:
    return Session.objects.for_network(role.network).filter(activity__in=activities_for(role=role))


def registrations_for(*, role: ActiveRole) -> QuerySet[Registration]:
    """The registrations (personal data) the role may see: its activities' (see `activities_for`)."""
    return Registration.objects.for_network(role.network).filter(activity__in=activities_for(role=role))


def can_edit(*, user: User | None, activity: Activity) -> bool:
    """`user` may change `activity`: the coordinator of its network, or an editor of its organisation."""
    return holds_role(user, network=activity.network_id, roles=COORDINATOR) or holds_role(
        user, network=activity.network_id, roles=(Role.EDITOR,), organization=activity.service.organization_id
    )


def can_manage_registrations(*, user: User | None, activity: Activity) -> bool:
    """`user` may see and handle `activity`'s registrations: the coordinator, or its organisation's staff."""
    return holds_role(user, network=activity.network_id, roles=COORDINATOR) or holds_role(
        user,
        network=activity.network_id,
        roles=(Role.EDITOR, Role.MEMBER),
        organization=activity.service.organization_id,
    )


def can_moderate(*, user: User | None, activity: Activity) -> bool:
    """`user` may publish or return `activity`: the coordinator only."""
    return holds_role(user, network=activity.network_id, roles=COORDINATOR)
