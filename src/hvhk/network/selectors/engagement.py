"""Reads of partners and their engagement: memberships, declaration versions, signatures and reminders.

Every read starts from the network (`for_network`). Bodies are shown through `access.visible_bodies_for`, so a
closed body stays invisible to whoever is not one of its members."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.models import Network
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory.models import House, Membership, Organization, Service
from hvhk.network.models import BodyMember, Declaration, Signature
from hvhk.network.models.engagement import DeclarationReminder
from hvhk.network.selectors.access import visible_bodies_for

# A partner that has not signed the newest version gets at most one reminder per this many days.
REMIND_EVERY_DAYS = 14


def _today() -> dt.date:
    return timezone.localdate()


def current_q(today: dt.date | None = None, prefix: str = "") -> Q:
    """Memberships that hold today: not left, or leaving later."""
    today = today or _today()
    return Q(**{f"{prefix}left_on__isnull": True}) | Q(**{f"{prefix}left_on__gt": today})


def membership_list(*, network: Network) -> QuerySet[Membership]:
    """Every membership of the network (former partners too), with its organisation and houses."""
    return (
        Membership.objects.for_network(network)
        .select_related("organization")
        .prefetch_related(Prefetch("houses", queryset=House.objects.order_by("name")))
        .order_by("organization__name")
    )


def current_membership_list(*, network: Network) -> QuerySet[Membership]:
    return membership_list(network=network).filter(current_q())


def membership_get(*, network: Network, organization_id) -> Membership:
    """The membership of one organisation of the network, or 404 (another network's, or no membership)."""
    return scoped_get_or_404(
        membership_list(network=network), network=network, organization_id=organization_id
    )


def is_current(membership: Membership) -> bool:
    return membership.left_on is None or membership.left_on > _today()


# --- declarations ----------------------------------------------------------------------------------------------


def declaration_list(*, network: Network) -> QuerySet[Declaration]:
    return Declaration.objects.for_network(network).filter(published_at__isnull=False).order_by("-version")


def declaration_get(*, network: Network, pk) -> Declaration:
    return scoped_get_or_404(declaration_list(network=network), network=network, pk=pk)


def newest_declaration(*, network: Network) -> Declaration | None:
    """The newest published version: the one every partner is asked to sign."""
    return declaration_list(network=network).first()


def signature_list(*, declaration: Declaration) -> QuerySet[Signature]:
    return (
        Signature.objects.for_network(declaration.network)
        .filter(declaration=declaration)
        .select_related("organization", "signed_by", "recorded_by")
        .order_by("organization__name")
    )


def unsigned_memberships(*, declaration: Declaration) -> QuerySet[Membership]:
    """The current partners that have not signed `declaration` yet."""
    signed = Signature.objects.filter(declaration=declaration, organization=OuterRef("organization"))
    return current_membership_list(network=declaration.network).exclude(Exists(signed))


def unsigned_organizations(*, declaration: Declaration) -> QuerySet[Organization]:
    return Organization.objects.for_network(declaration.network).filter(
        pk__in=unsigned_memberships(declaration=declaration).values("organization_id")
    )


def signature_for(*, declaration: Declaration, organization: Organization) -> Signature | None:
    return Signature.objects.filter(declaration=declaration, organization=organization).first()


def signature_for_scan(*, role: ActiveRole, pk) -> Signature:
    """A paper signature whose scan the role may open: the coordinator's network, or its own organisation's
    (partner staff); anything else is a 404."""
    signatures = Signature.objects.for_network(role.network).exclude(scan="").select_related("organization")
    if not role.is_coordinator:
        if role.role not in RoleAssignment.PARTNER_STAFF or role.organization is None:
            signatures = signatures.none()
        else:
            signatures = signatures.filter(organization=role.organization)
    return scoped_get_or_404(signatures, network=role.network, pk=pk)


def reminders_due(*, declaration: Declaration, now: dt.datetime | None = None) -> QuerySet[Organization]:
    """The partners that still have to sign `declaration` and had no reminder for it in REMIND_EVERY_DAYS."""
    since = (now or timezone.now()) - dt.timedelta(days=REMIND_EVERY_DAYS)
    recent = DeclarationReminder.objects.filter(
        declaration=declaration, organization=OuterRef("pk"), created_at__gt=since
    )
    return unsigned_organizations(declaration=declaration).exclude(Exists(recent)).order_by("name")


def reminder_recipients(*, organization: Organization) -> list[str]:
    """The network contact person's address, or else the organisation's active editors."""
    membership = Membership.objects.filter(organization=organization).first()
    if membership and membership.contact_email:
        return [membership.contact_email]
    return list(
        User.objects.filter(
            roles__organization=organization, roles__role=RoleAssignment.Role.EDITOR, is_active=True
        )
        .values_list("email", flat=True)
        .distinct()
        .order_by("email")
    )


# --- the partners overview -------------------------------------------------------------------------------------


@dataclass
class PartnerRow:
    membership: Membership
    bodies: list = field(default_factory=list)  # BodyMember rows of the organisation, visible bodies only
    last_signature: Signature | None = None  # the newest version the organisation signed
    signed_newest: bool = False

    @property
    def organization(self) -> Organization:
        return self.membership.organization


def _signatures_by_organization(network: Network, organization_ids) -> dict:
    result: dict = {}
    rows = (
        Signature.objects.for_network(network)
        .filter(organization_id__in=organization_ids)
        .select_related("declaration")
        .order_by("-declaration__version")
    )
    for signature in rows:
        result.setdefault(signature.organization_id, signature)
    return result


def _bodies_by_organization(role: ActiveRole, user: User, organization_ids) -> dict:
    result: dict = {}
    rows = (
        BodyMember.objects.for_network(role.network)
        .filter(organization_id__in=organization_ids, body__in=visible_bodies_for(role=role, user=user))
        .select_related("body")
        .order_by("body__name")
    )
    for member in rows:
        result.setdefault(member.organization_id, []).append(member)
    return result


def partner_rows(*, role: ActiveRole, user: User, memberships=None) -> list[PartnerRow]:
    """Each membership with the bodies it takes part in and the newest version it signed (3 queries + houses)."""
    memberships = list(memberships if memberships is not None else membership_list(network=role.network))
    ids = [m.organization_id for m in memberships]
    newest = newest_declaration(network=role.network)
    signatures = _signatures_by_organization(role.network, ids)
    bodies = _bodies_by_organization(role, user, ids)
    rows = []
    for membership in memberships:
        last = signatures.get(membership.organization_id)
        rows.append(
            PartnerRow(
                membership=membership,
                bodies=bodies.get(membership.organization_id, []),
                last_signature=last,
                signed_newest=bool(newest and last and last.declaration_id == newest.pk),
            )
        )
    return rows


def organization_signatures(*, organization: Organization) -> QuerySet[Signature]:
    return (
        Signature.objects.for_network(organization.network)
        .filter(organization=organization)
        .select_related("declaration")
        .order_by("-declaration__version")
    )


# --- the directory for professionals and the public page -------------------------------------------------------


def directory_list(*, network: Network, q: str = "") -> QuerySet[Membership]:
    """The current partners with their description and active services, searchable on the organisation's name."""
    memberships = current_membership_list(network=network).prefetch_related(
        Prefetch(
            "organization__services",
            queryset=Service.objects.filter(status=Service.Status.ACTIVE).order_by("name"),
            to_attr="active_services",
        )
    )
    q = " ".join(q.split())[:100]
    if q:
        memberships = memberships.filter(
            Q(organization__name__icontains=q) | Q(organization__alternate_name__icontains=q)
        )
    return memberships


def public_partner_list(*, network: Network) -> QuerySet[Membership]:
    """The current partners for the public page (never the contact person: the template does not show it)."""
    return current_membership_list(network=network)


def public_signatures(*, declaration: Declaration) -> list[Signature]:
    """The signatories of `declaration` for the public PDF: organisation, signer name, function and date."""
    return list(signature_list(declaration=declaration))
