"""Partners and their engagement: a membership's role and contact person, declaration versions, online and paper
signatures, and reminders to partners that still have to sign the newest version."""

import datetime as dt
import logging
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from hvhk.accounts.access import holds_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.core.models import Network
from hvhk.directory.models import House, Membership, Organization
from hvhk.network.models import Declaration, Signature
from hvhk.network.models.engagement import DeclarationReminder
from hvhk.network.selectors import engagement as selectors
from hvhk.network.selectors.access import is_coordinator

logger = logging.getLogger(__name__)

SCAN_MAX_MB = 10
# Extension -> the first bytes such a file starts with: the name alone is not trusted.
SCAN_TYPES = {
    "pdf": (b"%PDF",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
ALREADY_SIGNED = gettext_lazy("Deze organisatie heeft deze versie van de verklaring al getekend.")


def _require_coordinator(acting_user: User | None, network) -> None:
    if not is_coordinator(acting_user, network=network):
        raise PermissionDenied("Only the network's coordinator may do this")


def _clean_text(value: str, *, field: str, label: str, max_length: int) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise ValidationError({field: _("Vul %(label)s in.") % {"label": label}})
    if len(value) > max_length:
        raise ValidationError({field: _("Gebruik hoogstens %(n)d tekens.") % {"n": max_length}})
    return value


# --- memberships -----------------------------------------------------------------------------------------------


@transaction.atomic
def membership_update(
    *,
    membership: Membership,
    role: str,
    joined_on: dt.date | None,
    left_on: dt.date | None = None,
    houses: list[House],
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    acting_user: User,
) -> Membership:
    """The coordinator sets a partner's role in the network, since when (and until when), the houses it helps run
    and its contact person for the network."""
    _require_coordinator(acting_user, membership.network_id)
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Kies partner of netwerktrekker.")})
    if joined_on and joined_on > timezone.localdate():
        raise ValidationError({"joined_on": _("Deze datum ligt in de toekomst.")})
    if left_on and joined_on and left_on < joined_on:
        raise ValidationError({"left_on": _("De partner kan niet stoppen voor hij lid werd.")})
    if any(house.network_id != membership.network_id for house in houses):
        raise ValidationError({"houses": _("Dit huis hoort bij een ander netwerk.")})
    membership.role = role
    membership.joined_on = joined_on
    membership.left_on = left_on
    membership.contact_name = " ".join(contact_name.split())
    membership.contact_email = contact_email.strip().lower()
    membership.contact_phone = contact_phone.strip()
    membership.full_clean()
    membership._history_user = acting_user  # the history row names who changed it
    membership.save()
    membership.houses.set(houses)
    return membership


# --- declarations ----------------------------------------------------------------------------------------------


@transaction.atomic
def declaration_publish(
    *, network: Network, title: str, text: str, effective_on: dt.date | None, acting_user: User
) -> Declaration:
    """The coordinator publishes a new version of the engagement declaration: the next version number. Every
    current partner is then asked to sign it (again): a reminder goes out after commit."""
    _require_coordinator(acting_user, network)
    title = _clean_text(title, field="title", label=_("een titel"), max_length=200)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Schrijf de tekst van de verklaring.")})
    latest = Declaration.objects.for_network(network).aggregate(latest=Max("version"))["latest"] or 0
    declaration = Declaration(
        network=network,
        version=latest + 1,
        title=title,
        text=text,
        effective_on=effective_on,
        published_at=timezone.now(),
        created_by=acting_user,
    )
    declaration._history_user = acting_user
    try:
        with transaction.atomic():  # a savepoint: two coordinators publishing at once, the constraint decides
            declaration.save()
    except IntegrityError as error:
        raise ValidationError(
            _("Iemand publiceerde net een andere versie. Laad de pagina opnieuw en probeer nog eens.")
        ) from error
    transaction.on_commit(lambda: _enqueue_reminders(declaration), robust=True)
    return declaration


def _enqueue_reminders(declaration: Declaration) -> int:
    from hvhk.network.tasks_engagement import send_declaration_reminder  # tasks import this module

    count = 0
    for organization in selectors.reminders_due(declaration=declaration):
        send_declaration_reminder.enqueue(str(declaration.pk), str(organization.pk))
        count += 1
    return count


# --- signatures ------------------------------------------------------------------------------------------------


def _refuse_unless_current_partner(declaration: Declaration, organization: Organization) -> None:
    if organization.network_id != declaration.network_id:
        raise ValidationError({"organization": _("Deze organisatie hoort bij een ander netwerk.")})
    membership = Membership.objects.filter(organization=organization).first()
    if membership is None or not selectors.is_current(membership):
        raise ValidationError({"organization": _("Deze organisatie is geen partner van het netwerk.")})


def _insert(signature: Signature, acting_user: User) -> Signature:
    """Save a new signature; when someone else signed for the organisation at the same moment, the unique
    constraint wins and the second gets the clear message, not an error page."""
    if Signature.objects.filter(
        declaration_id=signature.declaration_id, organization_id=signature.organization_id
    ).exists():
        raise ValidationError(ALREADY_SIGNED)
    signature._history_user = acting_user
    try:
        with transaction.atomic():
            signature.save()
    except IntegrityError as error:
        raise ValidationError(ALREADY_SIGNED) from error
    return signature


@transaction.atomic
def signature_create(
    *,
    declaration: Declaration,
    organization: Organization,
    signer_name: str,
    signer_function: str,
    acting_user: User,
) -> Signature:
    """A partner's editor signs the newest version of the declaration online for their organisation, today."""
    if not holds_role(
        acting_user,
        network=declaration.network_id,
        roles=(RoleAssignment.Role.EDITOR,),
        organization=organization,
    ):
        raise PermissionDenied("Only an editor of the organisation signs for it")
    newest = selectors.newest_declaration(network=declaration.network)
    if newest is None or newest.pk != declaration.pk:
        raise ValidationError(_("Je kunt alleen de nieuwste versie van de verklaring tekenen."))
    _refuse_unless_current_partner(declaration, organization)
    signature = Signature(
        network_id=declaration.network_id,
        declaration=declaration,
        organization=organization,
        method=Signature.Method.ONLINE,
        signer_name=_clean_text(signer_name, field="signer_name", label=_("je naam"), max_length=150),
        signer_function=_clean_text(
            signer_function, field="signer_function", label=_("je functie"), max_length=150
        ),
        signed_on=timezone.localdate(),
        signed_by=acting_user,
    )
    signature.full_clean(validate_unique=False, validate_constraints=False)
    return _insert(signature, acting_user)


def scan_check(scan: UploadedFile | None) -> str:
    """The scan's extension after checking its size and its type (by name and by its first bytes)."""
    if scan is None:
        raise ValidationError({"scan": _("Voeg de scan van de getekende verklaring toe.")})
    if scan.size > SCAN_MAX_MB * 1024 * 1024:
        raise ValidationError(
            {"scan": _("Dit bestand is te groot. Het mag hoogstens %(mb)d MB zijn.") % {"mb": SCAN_MAX_MB}}
        )
    extension = PurePath(scan.name or "").suffix.lower().lstrip(".")
    refused = ValidationError({"scan": _("Dit soort bestand kan niet. Kies een PDF, een JPG of een PNG.")})
    if extension not in SCAN_TYPES:
        raise refused
    scan.seek(0)
    head = scan.read(16)
    scan.seek(0)
    if not head.startswith(SCAN_TYPES[extension]):
        raise refused
    return "jpg" if extension == "jpeg" else extension


@transaction.atomic
def signature_paper_create(
    *,
    declaration: Declaration,
    organization: Organization,
    signer_name: str,
    signer_function: str,
    signed_on: dt.date,
    scan: UploadedFile | None,
    acting_user: User,
) -> Signature:
    """The coordinator records a partner's signature on paper, with the scan of the signed page."""
    _require_coordinator(acting_user, declaration.network_id)
    if not declaration.is_published:
        raise ValidationError(_("Deze versie is nog niet gepubliceerd."))
    if organization.network_id != declaration.network_id:
        raise ValidationError({"organization": _("Deze organisatie hoort bij een ander netwerk.")})
    if not Membership.objects.filter(organization=organization).exists():
        raise ValidationError({"organization": _("Deze organisatie is geen partner van het netwerk.")})
    if signed_on is None:
        raise ValidationError({"signed_on": _("Vul de datum in waarop getekend werd.")})
    if signed_on > timezone.localdate():
        raise ValidationError({"signed_on": _("Deze datum ligt in de toekomst.")})
    extension = scan_check(scan)
    signature = Signature(
        network_id=declaration.network_id,
        declaration=declaration,
        organization=organization,
        method=Signature.Method.PAPER,
        signer_name=_clean_text(signer_name, field="signer_name", label=_("de naam"), max_length=150),
        signer_function=_clean_text(
            signer_function, field="signer_function", label=_("de functie"), max_length=150
        ),
        signed_on=signed_on,
        recorded_by=acting_user,
    )
    signature.full_clean(exclude=["scan"], validate_unique=False, validate_constraints=False)
    _insert(signature, acting_user)
    # The row first, then the file: a refused signature leaves no file behind.
    signature.scan.save(
        f"verklaring-v{declaration.version}-{organization.slug}.{extension}", scan, save=False
    )
    signature._history_user = acting_user
    signature.save(update_fields=["scan", "updated_at"])
    return signature


# --- reminders -------------------------------------------------------------------------------------------------


def declaration_reminder_send(*, declaration: Declaration, organization: Organization) -> int:
    """Mail one partner that it still has to sign `declaration` (the task's work). Checks again that it is the
    newest version, that the partner has not signed and had no reminder for it in REMIND_EVERY_DAYS; returns 1
    when a reminder went out, 0 otherwise."""
    with transaction.atomic():
        # Lock the organisation's row: two workers running the same task cannot both send.
        Organization.objects.select_for_update().filter(pk=organization.pk).first()
        newest = selectors.newest_declaration(network=declaration.network)
        if newest is None or newest.pk != declaration.pk:
            return 0
        if not selectors.reminders_due(declaration=declaration).filter(pk=organization.pk).exists():
            return 0
        to = selectors.reminder_recipients(organization=organization)
        if not to:
            logger.info("No address to remind %s of declaration v%s", organization.slug, declaration.version)
            return 0
        DeclarationReminder.objects.create(
            network_id=declaration.network_id,
            declaration=declaration,
            organization=organization,
            sent_to=", ".join(to),
        )
        transaction.on_commit(lambda: _mail_reminder(declaration, organization, to), robust=True)
    return 1


def _mail_reminder(declaration: Declaration, organization: Organization, to: list[str]) -> None:
    with override("nl"):
        send(
            _("Teken de engagementsverklaring van {network}").format(network=declaration.network.name),
            render_to_string(
                "network/engagement/mail/declaration_reminder.txt",
                {
                    "declaration": declaration,
                    "organization": organization,
                    "network": declaration.network,
                    "link": absolute_url("network:declaration-sign", declaration.pk),
                },
            ),
            to,
        )
