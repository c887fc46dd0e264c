"""Who may see and change what on the staff side (the portal, the referral queue and every app to come).

A person can hold several roles (in several networks and organisations); the staff pages work in one of them at
a time, the *active role*, chosen on the dashboard and kept in the session. Objects outside the active role are
404, never 403 with a hint that they exist. The querysets of a role live with the data they read (for example
`directory.selectors.editable_services`); service functions check the person who acts with `holds_role`,
whatever role their session is in.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.models import Network

SESSION_KEY = "portal_role"
Role = RoleAssignment.Role
# holds_role(..., organization=ANY_ORGANIZATION): an editor of any organisation of the network counts.
ANY_ORGANIZATION = object()


@dataclass(frozen=True)
class ActiveRole:
    """The role the staff pages work in: a network, a role in it, and for a partner editor the organisation."""

    key: str  # the role assignment's id, or "admin:<network id>" for a platform admin
    network: Network
    role: str
    organization: models.Model | None = None  # a directory.Organization, for a partner editor

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    @property
    def is_editor(self) -> bool:
        return self.role == Role.EDITOR

    @property
    def is_member(self) -> bool:
        """Partner staff who take part in the network (bodies, meetings, news) but edit nothing."""
        return self.role == Role.MEMBER

    @property
    def is_intake(self) -> bool:
        return self.role == Role.INTAKE

    @property
    def label(self) -> str:
        where = self.organization.name if self.organization else self.network.name
        return f"{Role(self.role).label} – {where}"


def roles_of(user: User) -> list[ActiveRole]:
    """Every role `user` can work in, coordinators first. A platform admin coordinates every network."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return [
            ActiveRole(f"admin:{network.pk}", network, Role.COORDINATOR)
            for network in Network.objects.filter(is_active=True)
        ]
    assignments = (
        RoleAssignment.objects.filter(user=user, network__is_active=True)
        .select_related("network", "organization")
        .order_by("role", "network__name")
    )
    order = {role: i for i, role in enumerate(Role.values)}
    roles = [ActiveRole(str(a.pk), a.network, a.role, a.organization) for a in assignments]
    return sorted(roles, key=lambda r: (order[r.role], r.network.name))


def request_roles(request: HttpRequest) -> list[ActiveRole]:
    """roles_of the signed-in person, read once per request (the decorator and the role switcher share it)."""
    cached = getattr(request, "_staff_roles", None)
    if cached is None:
        cached = request._staff_roles = roles_of(request.user)
    return cached


def active_role(request: HttpRequest) -> ActiveRole | None:
    """The role chosen in this session, or the first one the person has; None without any role."""
    roles = request_roles(request)
    chosen = request.session.get(SESSION_KEY)
    return next((r for r in roles if r.key == chosen), roles[0] if roles else None)


def choose_role(request: HttpRequest, key: str) -> ActiveRole:
    role = next((r for r in roles_of(request.user) if r.key == key), None)
    if role is None:
        raise Http404
    request.session[SESSION_KEY] = role.key
    return role


# --- checks inside service functions -----------------------------------------------------------------------------


def holds_role(
    user: User | None, *, network: Network | models.Model, roles: tuple[str, ...], organization=None
) -> bool:
    """Whether `user` (active, signed in) holds one of `roles` in `network`; a partner's editor or member only
    counts for `organization` (or for any, with ANY_ORGANIZATION). A platform admin holds the coordinator role in
    every network, as on the staff pages."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    network_id = getattr(network, "pk", network)
    if user.is_superuser and Role.COORDINATOR in roles:
        return True
    staff = [r for r in roles if r in RoleAssignment.PARTNER_STAFF]
    wanted = models.Q(role__in=[r for r in roles if r not in RoleAssignment.PARTNER_STAFF])
    if staff and organization is ANY_ORGANIZATION:
        wanted |= models.Q(role__in=staff)
    elif staff and organization is not None:
        wanted |= models.Q(role__in=staff, organization=organization)
    return RoleAssignment.objects.filter(wanted, user=user, network_id=network_id).exists()


def require_role(
    user: User | None, *, network: Network | models.Model, roles: tuple[str, ...], organization=None
) -> None:
    """Raise PermissionDenied unless `user` holds one of `roles` (see holds_role): the check every service
    function that changes state makes first, whatever the page that called it let through."""
    if not holds_role(user, network=network, roles=roles, organization=organization):
        raise PermissionDenied(f"Needs the role {' or '.join(roles)} in this network")
