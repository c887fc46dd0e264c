"""Who sees and manages which body, meeting and document of the network.

- The coordinator (and a platform admin) sees and manages everything of their network.
- A body's members are people and organisations; the staff of a member organisation (its editors and members in
  the network) take part as its people. A person member who is the body's trekker manages its meetings.
- An open body, its meetings and its approved minutes are visible to everyone who holds a role in the network;
  a closed body is invisible to all but its members. Documents open for members (and the coordinator) only.
- Nothing of another network is ever returned: every queryset starts with `for_network(role.network)`.

Pages use the `*_for(role=, user=)` querysets with `core.selectors.scoped_get_or_404`; services use the
`is_*`/`can_*` checks on the person who acts, whatever role their session is in.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from hvhk.accounts.access import ActiveRole, holds_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.network.models import Body, BodyMember, Document, Meeting

COORDINATOR = (RoleAssignment.Role.COORDINATOR,)


def _staff_organizations(user: User, network_id) -> QuerySet:
    """The organisations `user` works for in the network (as its editor or member)."""
    return RoleAssignment.objects.filter(
        user=user, network_id=network_id, role__in=RoleAssignment.PARTNER_STAFF
    ).values("organization_id")


def _member_q(user: User, network_id, prefix: str = "") -> Q:
    """Rows of BodyMember (under `prefix`) that make `user` a member: as a person or through their organisation."""
    return Q(**{f"{prefix}user": user}) | Q(
        **{f"{prefix}organization__in": _staff_organizations(user, network_id)}
    )


def member_bodies_for(*, role: ActiveRole, user: User) -> QuerySet[Body]:
    """The bodies `user` is a member of in the role's network (all of them for the coordinator)."""
    bodies = Body.objects.for_network(role.network)
    if role.is_coordinator:
        return bodies
    members = BodyMember.objects.filter(_member_q(user, role.network.pk), body=OuterRef("pk"))
    return bodies.filter(Exists(members))


def visible_bodies_for(*, role: ActiveRole, user: User) -> QuerySet[Body]:
    """The bodies the person sees: open ones and their own (every body for the coordinator)."""
    bodies = Body.objects.for_network(role.network)
    if role.is_coordinator:
        return bodies
    members = BodyMember.objects.filter(_member_q(user, role.network.pk), body=OuterRef("pk"))
    return bodies.filter(Q(is_open=True) | Exists(members))


def managed_bodies_for(*, role: ActiveRole, user: User) -> QuerySet[Body]:
    """The bodies whose meetings the person manages: all for the coordinator, else those they are trekker of."""
    bodies = Body.objects.for_network(role.network)
    if role.is_coordinator:
        return bodies
    trekker = BodyMember.objects.filter(body=OuterRef("pk"), user=user, is_trekker=True)
    return bodies.filter(Exists(trekker))


def visible_meetings_for(*, role: ActiveRole, user: User) -> QuerySet[Meeting]:
    return Meeting.objects.for_network(role.network).filter(body__in=visible_bodies_for(role=role, user=user))


def managed_meetings_for(*, role: ActiveRole, user: User) -> QuerySet[Meeting]:
    return Meeting.objects.for_network(role.network).filter(body__in=managed_bodies_for(role=role, user=user))


def documents_for(*, role: ActiveRole, user: User) -> QuerySet[Document]:
    """The documents the person may open: those of the bodies they are a member of (all for the coordinator)."""
    return Document.objects.for_network(role.network).filter(body__in=member_bodies_for(role=role, user=user))


def network_people(*, network) -> QuerySet[User]:
    """The active people who hold a role in `network`: the choices for a body's member, an item's or an action's
    owner."""
    return (
        User.objects.filter(roles__network=network, is_active=True).distinct().order_by("full_name", "email")
    )


# --- checks on the person who acts (services) -------------------------------------------------------------------


def is_coordinator(user: User | None, *, network) -> bool:
    return holds_role(user, network=network, roles=COORDINATOR)


def is_body_member(user: User | None, *, body: Body) -> bool:
    """A member of `body` (as a person or through their organisation), or the network's coordinator."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if is_coordinator(user, network=body.network_id):
        return True
    return BodyMember.objects.filter(_member_q(user, body.network_id), body=body).exists()


def can_manage_body(user: User | None, *, body: Body) -> bool:
    """The coordinator, or a person who is the body's trekker (and still holds a role in the network)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if is_coordinator(user, network=body.network_id):
        return True
    return (
        BodyMember.objects.filter(body=body, user=user, is_trekker=True).exists()
        and RoleAssignment.objects.filter(user=user, network_id=body.network_id).exists()
    )


def can_see_body(user: User | None, *, body: Body) -> bool:
    """An open body is visible to everyone with a role in the network; a closed one to its members."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if body.is_open and (
        user.is_superuser or RoleAssignment.objects.filter(user=user, network_id=body.network_id).exists()
    ):
        return True
    return is_body_member(user, body=body)
