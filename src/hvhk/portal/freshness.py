"""Freshness ("laatst nagekeken"): remind partner editors of services nobody has checked for a while.

Each overdue service in the reminder gets a one-click "still correct" link. The link is a signed token (service
and editor), so confirming needs no sign-in; it expires after FRESHNESS_LINK_DAYS and stops working as soon as
the person no longer edits the service's organisation.

No "last reminded" date is stored: a run mails each editor once per organisation, and the scheduler runs it
weekly (`hvhk freshness`, see the command), so nobody gets more than one reminder a week. A run whose worker
died half-way runs again (`hvhk tasks-recover`) and mails only the editors it had not reached (send_once).
"""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import job_key, send_once
from hvhk.core.models import Network
from hvhk.directory import models as m
from hvhk.directory.services import service_confirm_current
from hvhk.portal.selectors import overdue_before

FRESHNESS_LINK_DAYS = 30
LINK_SALT = "hvhk.freshness"


class InvalidLink(Exception):
    """A freshness link that is tampered with, expired or no longer the holder's; `status` is the HTTP answer."""

    def __init__(self, status: int = 400) -> None:
        super().__init__(status)
        self.status = status


# --- reads -----------------------------------------------------------------------------------------------------


def overdue_by_organization(
    network: Network, today: dt.date | None = None
) -> dict[m.Organization, list[m.Service]]:
    """The network's active services that are overdue, per organisation (by name); never-checked ones first."""
    services = (
        m.Service.objects.for_network(network)
        .filter(
            Q(assured_date__lt=overdue_before(today)) | Q(assured_date__isnull=True),
            status=m.Service.Status.ACTIVE,
        )
        .select_related("organization")
        .order_by("organization__name", "organization_id", F("assured_date").asc(nulls_first=True), "name")
    )
    grouped: dict[m.Organization, list[m.Service]] = {}
    for service in services:
        grouped.setdefault(service.organization, []).append(service)
    return grouped


def editors_of(organization: m.Organization) -> list[User]:
    """Active people with the partner-editor role for `organization`: they get its reminders."""
    return list(
        User.objects.filter(
            roles__role=RoleAssignment.Role.EDITOR,
            roles__organization=organization,
            roles__network=organization.network_id,
            is_active=True,
        )
        .distinct()
        .order_by("email")
    )


# --- the one-click link ----------------------------------------------------------------------------------------


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=LINK_SALT)


def make_token(*, service: m.Service, user: User) -> str:
    return _signer().sign_object({"s": str(service.pk), "u": str(user.pk)})


def confirm_link(*, service: m.Service, user: User) -> str:
    return absolute_url("portal:fresh", make_token(service=service, user=user))


def check_token(token: str) -> tuple[m.Service, User]:
    """The service and editor a link was made for, if it is still valid; raises InvalidLink otherwise.

    Valid means: signed by us, at most FRESHNESS_LINK_DAYS old, the service still exists (else 404), and the
    person is still an active editor of the service's organisation (organisations can change hands).
    """
    try:
        data = _signer().unsign_object(token, max_age=dt.timedelta(days=FRESHNESS_LINK_DAYS))
        service_id, user_id = data["s"], data["u"]
    except (signing.BadSignature, KeyError, TypeError) as exc:
        raise InvalidLink from exc
    service = m.Service.objects.select_related("organization", "network").filter(pk=service_id).first()
    if service is None:
        raise InvalidLink(status=404)
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not _edits(user, service.organization):
        raise InvalidLink
    return service, user


def service_confirm_by_link(*, service: m.Service, acting_user: User) -> m.Service:
    """ "Still correct" from the e-mail; the audit trail names the editor, who is not signed in."""
    return service_confirm_current(service=service, acting_user=acting_user)


def _edits(user: User, organization: m.Organization) -> bool:
    return RoleAssignment.objects.filter(
        user=user,
        role=RoleAssignment.Role.EDITOR,
        organization=organization,
        network=organization.network_id,
        network__is_active=True,
    ).exists()


# --- the reminder ----------------------------------------------------------------------------------------------


def freshness_reminders_send(*, today: dt.date | None = None) -> dict:
    """Mail every editor of each organisation with overdue services (all active networks), once per run.

    Returns {"organizations": organisations with overdue services, "services": overdue services,
    "emails": e-mails sent, "without_editor": names of organisations with overdue services but nobody to
    mail}; the coordinator follows those up.
    """
    result = {"organizations": 0, "services": 0, "emails": 0, "without_editor": []}
    with translation.override(settings.LANGUAGE_CODE):
        for network in Network.objects.filter(is_active=True).order_by("name"):
            for organization, services in overdue_by_organization(network, today).items():
                result["organizations"] += 1
                result["services"] += len(services)
                editors = editors_of(organization)
                if not editors:
                    result["without_editor"].append(organization.name)
                for editor in editors:
                    _remind(editor=editor, network=network, organization=organization, services=services)
                    result["emails"] += 1
    return result


def _remind(
    *, editor: User, network: Network, organization: m.Organization, services: list[m.Service]
) -> None:
    items = [
        {
            "service": service,
            "confirm_link": confirm_link(service=service, user=editor),
            "edit_link": absolute_url("portal:service", service.pk),
        }
        for service in services
    ]
    context = {
        "editor": editor,
        "network": network,
        "organization": organization,
        "items": items,
        "link_days": FRESHNESS_LINK_DAYS,
        "portal_link": absolute_url("portal:home"),
    }
    send_once(
        _("Klopt het aanbod van {organization} nog?").format(organization=organization.name),
        render_to_string("portal/mail/freshness_reminder.txt", context),
        [editor.email],
        key=job_key(f"portal.freshness:{organization.pk}"),
    )
