"""Invitations: the only way in. The e-mail carries a random token; we keep only its hash."""

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.models import Invitation, RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.core.models import Network
from hvhk.directory.models import Organization


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invite(
    *, network: Network, email: str, role: str, organization: Organization | None, by: User
) -> Invitation:
    """Create the invitation and mail its link (once the transaction commits)."""
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        network=network,
        email=email.lower(),
        role=role,
        organization=organization if role == RoleAssignment.Role.EDITOR else None,
        token_hash=_hash(token),
        invited_by=by,
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


def find(token: str) -> Invitation | None:
    """The open invitation behind a token: not accepted, not revoked, not expired."""
    return (
        Invitation.objects.filter(
            token_hash=_hash(token),
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("network", "organization")
        .first()
    )


@transaction.atomic
def accept(invitation: Invitation, *, user: User) -> RoleAssignment:
    role, _created = RoleAssignment.objects.get_or_create(
        user=user, network=invitation.network, role=invitation.role, organization=invitation.organization
    )
    if invitation.role == RoleAssignment.Role.COORDINATOR and not user.is_staff:
        user.is_staff = True  # coordinators work in the admin too (scoped to their network)
        user.save(update_fields=["is_staff"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return role


def revoke(invitation: Invitation) -> None:
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def remove_role(assignment: RoleAssignment) -> None:
    """Take a role away; a coordinator who coordinates nothing any more leaves the admin too."""
    user = assignment.user
    assignment.delete()
    if not user.is_superuser and not user.roles.filter(role=RoleAssignment.Role.COORDINATOR).exists():
        user.is_staff = False
        user.save(update_fields=["is_staff"])
