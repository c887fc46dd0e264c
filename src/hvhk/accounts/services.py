"""Changing who holds which role: invitations (the only way in) and taking a role away.

The e-mail of an invitation carries a random token; we keep only its hash. Every function checks who acts: the
network's coordinator (or a platform admin) invites, revokes and removes; only the invited person accepts.
"""

import datetime as dt
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.access import require_role
from hvhk.accounts.models import Invitation, RoleAssignment, User
from hvhk.accounts.selectors import invitation_token_hash
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.core.models import Network

COORDINATOR = (RoleAssignment.Role.COORDINATOR,)


@transaction.atomic
def invitation_create(
    *,
    network: Network,
    email: str,
    role: str,
    organization: models.Model | None,
    acting_user: User,
) -> Invitation:
    """Create the invitation and mail its link (once the transaction commits). `organization` (a
    directory.Organization of the network) goes with an editor's role only."""
    require_role(acting_user, network=network, roles=COORDINATOR)
    if role in RoleAssignment.PARTNER_STAFF and organization is None:
        raise ValidationError({"organization": _("Kies de organisatie van deze persoon.")})
    if organization is not None and organization.network_id != network.pk:
        raise ValidationError({"organization": _("Deze organisatie hoort bij een ander netwerk.")})
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        network=network,
        email=email.lower(),
        role=role,
        organization=organization if role in RoleAssignment.PARTNER_STAFF else None,
        token_hash=invitation_token_hash(token),
        invited_by=acting_user,
        expires_at=timezone.now() + dt.timedelta(days=Invitation.VALID_DAYS),
    )
    link = absolute_url("invitation", token)
    context = {"invitation": invitation, "link": link, "days": Invitation.VALID_DAYS}
    transaction.on_commit(
        lambda: send(
            _("Uitnodiging: {network}").format(network=network.name),
            render_to_string("accounts/mail/invitation.txt", context),
            [invitation.email],
        )
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, acting_user: User) -> RoleAssignment:
    """The invited person (the account with the invitation's address) takes the role, once."""
    if acting_user.email.lower() != invitation.email.lower():
        raise PermissionDenied("Only the invited person accepts an invitation")
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at or invitation.expires_at <= timezone.now():
        raise ValidationError(_("Deze uitnodiging is niet meer geldig."))
    role, _created = RoleAssignment.objects.get_or_create(
        user=acting_user,
        network=invitation.network,
        role=invitation.role,
        organization=invitation.organization,
    )
    if invitation.role == RoleAssignment.Role.COORDINATOR and not acting_user.is_staff:
        acting_user.is_staff = True  # coordinators work in the admin too (scoped to their network)
        acting_user.save(update_fields=["is_staff"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return role


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, acting_user: User) -> Invitation:
    require_role(acting_user, network=invitation.network_id, roles=COORDINATOR)
    if invitation.accepted_at:
        raise ValidationError(_("Deze uitnodiging is al aanvaard."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


@transaction.atomic
def role_remove(*, assignment: RoleAssignment, acting_user: User) -> None:
    """Take a role away; a coordinator who coordinates nothing any more leaves the admin too. Nobody takes
    their own coordinator role away (a network must not lose its last coordinator by a slip)."""
    require_role(acting_user, network=assignment.network_id, roles=COORDINATOR)
    if assignment.user_id == acting_user.pk and assignment.role == RoleAssignment.Role.COORDINATOR:
        raise ValidationError(_("Je kunt je eigen rol van coördinator niet wegnemen."))
    user = assignment.user
    assignment.delete()
    if not user.is_superuser and not user.roles.filter(role=RoleAssignment.Role.COORDINATOR).exists():
        user.is_staff = False
        user.save(update_fields=["is_staff"])
