"""Who sees which insights (issue: "Access").

- The coordinator and the analyst of a network see every insight and report of that network.
- A partner's editor or member sees the coverage (the offering is public) and the figures of their own
  organisation's services; no reach of the network, no overlap, no report.
- Intake staff and people without a role in the network see nothing (a 404).
Counts only, never a family's personal data; every query starts from the role's network, so nothing crosses
networks."""

from django.db.models import QuerySet

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import RoleAssignment
from hvhk.directory.models import Service

Role = RoleAssignment.Role
NETWORK_WIDE = frozenset({Role.COORDINATOR, Role.ANALYST})


def sees_insights(*, role: ActiveRole | None) -> bool:
    """Whether the role has the insights pages at all (the coverage at least)."""
    return role is not None and (role.role in NETWORK_WIDE or role.role in RoleAssignment.PARTNER_STAFF)


def sees_network_figures(*, role: ActiveRole | None) -> bool:
    """Whether the role sees the whole network's figures: reach, overlap, thresholds of every service, reports."""
    return role is not None and role.role in NETWORK_WIDE


def own_services(*, role: ActiveRole) -> QuerySet[Service]:
    """The services whose figures the role sees one by one: every service of the network for the coordinator
    and the analyst, their own organisation's for partner staff, none otherwise."""
    services = Service.objects.for_network(role.network)
    if sees_network_figures(role=role):
        return services
    if role.role in RoleAssignment.PARTNER_STAFF and role.organization is not None:
        return services.filter(organization=role.organization)
    return services.none()
