"""Who may see and change what in the portal. Every portal view gets its objects through these functions.

A person can hold several roles (in several networks and organisations); the portal works in one of them at a
time, the *active role*, chosen on the dashboard and kept in the session. Objects outside the active role are
404, never 403 with a hint that they exist.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.models import Network
from hvhk.directory import models as m
from hvhk.directory.models import Draft

SESSION_KEY = "portal_role"


@dataclass(frozen=True)
class ActiveRole:
    """The role the portal works in: a network, a role in it, and for a partner editor the organisation."""

    key: str  # the role assignment's id, or "admin:<network id>" for a platform admin
    network: Network
    role: str
    organization: m.Organization | None = None

    @property
    def is_coordinator(self) -> bool:
        return self.role == RoleAssignment.Role.COORDINATOR

    @property
    def is_editor(self) -> bool:
        return self.role == RoleAssignment.Role.EDITOR

    @property
    def label(self) -> str:
        where = self.organization.name if self.organization else self.network.name
        return f"{RoleAssignment.Role(self.role).label} – {where}"


def roles_of(user: User) -> list[ActiveRole]:
    """Every role `user` can work in, coordinators first. A platform admin coordinates every network."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return [
            ActiveRole(f"admin:{network.pk}", network, RoleAssignment.Role.COORDINATOR)
            for network in Network.objects.filter(is_active=True)
        ]
    assignments = (
        RoleAssignment.objects.filter(user=user, network__is_active=True)
        .select_related("network", "organization")
        .order_by("role", "network__name")
    )
    order = {role: i for i, role in enumerate(RoleAssignment.Role.values)}
    roles = [ActiveRole(str(a.pk), a.network, a.role, a.organization) for a in assignments]
    return sorted(roles, key=lambda r: (order[r.role], r.network.name))


def active_role(request: HttpRequest) -> ActiveRole | None:
    """The role chosen in this session, or the first one the person has; None without any role."""
    roles = roles_of(request.user)
    chosen = request.session.get(SESSION_KEY)
    return next((r for r in roles if r.key == chosen), roles[0] if roles else None)


def choose_role(request: HttpRequest, key: str) -> ActiveRole:
    role = next((r for r in roles_of(request.user) if r.key == key), None)
    if role is None:
        raise Http404
    request.session[SESSION_KEY] = role.key
    return role


# --- objects of the active role --------------------------------------------------------------------------------


def organizations(role: ActiveRole) -> QuerySet[m.Organization]:
    """The organisations whose data this role keeps: its own (editor) or all of the network (coordinator)."""
    qs = m.Organization.objects.for_network(role.network).select_related("membership")
    if role.is_coordinator:
        return qs
    if role.is_editor and role.organization is not None:
        return qs.filter(pk=role.organization.pk)
    return qs.none()


def services(role: ActiveRole) -> QuerySet[m.Service]:
    return m.Service.objects.for_network(role.network).filter(organization__in=organizations(role))


def locations(role: ActiveRole) -> QuerySet[m.Location]:
    return m.Location.objects.for_network(role.network).filter(organization__in=organizations(role))


def drafts(role: ActiveRole) -> QuerySet[Draft]:
    return Draft.objects.for_network(role.network).filter(organization__in=organizations(role))


def get_or_404(queryset: QuerySet, pk):
    """One object of the role's queryset; anything else, a malformed id included, is a 404."""
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValidationError, ValueError, TypeError) as exc:
        raise Http404 from exc
