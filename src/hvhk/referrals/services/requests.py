"""A family's question: registered, assigned, contacted, closed, its consent withdrawn, exported, erased."""

import datetime as dt
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.access import ANY_ORGANIZATION, require_role
from hvhk.accounts.models import User
from hvhk.core.lib.erasures import erasure_record
from hvhk.core.models import Network
from hvhk.referrals import display
from hvhk.referrals.crypto import token_hash
from hvhk.referrals.models import AccessLog, Consent, Referral, SupportRequest
from hvhk.referrals.services.common import (
    PROFESSIONALS,
    S,
    _event,
    _holds_intake,
    _lock,
    _reference,
    _refuse_if_closed,
    _require_intake,
    access_log_create,
)
from hvhk.referrals.services.mail import _send_private_link, _tell_consent_withdrawn, _tell_intake_new
from hvhk.referrals.services.retention import _facts


@transaction.atomic
def request_create(
    *,
    network: Network,
    question: str,
    contact_by: str,
    consent_how: str,
    consent_scope: list[str],
    name: str = "",
    phone: str = "",
    email: str = "",
    contact_when: str = "",
    ages: list[str] | None = None,
    domain=None,
    area=None,
    house=None,
    language: str = "nl",
    consent_given_at: dt.datetime | None = None,
    acting_user: User | None = None,
) -> tuple[SupportRequest, str]:
    """A new request with its consent; returns it and the family's private token (shown once, never stored).

    `acting_user` None is the family asking online; a professional registering it must be one of the network's
    intake workers or partner editors."""
    if acting_user is not None:
        require_role(acting_user, network=network, roles=PROFESSIONALS, organization=ANY_ORGANIZATION)
    now = timezone.now()
    token = secrets.token_urlsafe(24)
    fields = {
        "network": network,
        "source": SupportRequest.Source.PROFESSIONAL if acting_user else SupportRequest.Source.ONLINE,
        "question": question,
        "contact_by": contact_by,
        "name": name,
        "phone": phone,
        "email": email,
        "contact_when": contact_when,
        "ages": list(ages or []),
        "domain": domain,
        "area": area,
        "house": house,
        "language": language,
        "created_by": acting_user,
        "token_hash": token_hash(token),
    }
    for attempt in range(5):  # a reference is random; on the rare clash, draw again
        try:
            with transaction.atomic():
                request = SupportRequest.objects.create(reference=_reference(), **fields)
            break
        except IntegrityError:
            if attempt == 4:
                raise
    Consent.objects.create(
        network=network,
        request=request,
        how=consent_how,
        given_at=consent_given_at or now,
        recorded_by=acting_user,
        scope=list(consent_scope),
        expires_at=now + dt.timedelta(days=round(settings.CONSENT_MONTHS * 30.44)),
    )
    access_log_create(request=request, acting_user=acting_user, action=AccessLog.Action.CREATE)
    # A mail server that is down must not cost the family its answer page: mail failures are logged, not raised.
    transaction.on_commit(lambda: _tell_intake_new(request), robust=True)
    if email and contact_by == SupportRequest.ContactBy.EMAIL:
        transaction.on_commit(lambda: _send_private_link(request, token, email), robust=True)
    return request, token


@transaction.atomic
def request_assign(*, request: SupportRequest, assignee: User, acting_user: User) -> SupportRequest:
    """Give the request to one of the network's intake workers (oneself or a colleague)."""
    _require_intake(acting_user, request)
    if not _holds_intake(assignee, request):
        raise ValidationError({"assignee": _("Kies een intakemedewerker van dit netwerk.")})
    _refuse_if_closed(request)
    request.assigned_to = assignee
    if request.status == SupportRequest.Status.NEW:
        request.status = SupportRequest.Status.IN_TRIAGE
    request.save(update_fields=["assigned_to", "status", "updated_at"])
    return request


@transaction.atomic
def request_mark_contacted(*, request: SupportRequest, acting_user: User) -> SupportRequest:
    """The intake worker reached the family (the first contact counts for 'days to first contact')."""
    _require_intake(acting_user, request)
    _refuse_if_closed(request)
    if request.first_contact_at is None:
        request.first_contact_at = timezone.now()
    if request.status == SupportRequest.Status.NEW:
        request.status = SupportRequest.Status.IN_TRIAGE
    request.save(update_fields=["first_contact_at", "status", "updated_at"])
    access_log_create(
        request=request, acting_user=acting_user, action=AccessLog.Action.UPDATE, detail="contact"
    )
    return request


@transaction.atomic
def request_close(*, request: SupportRequest, acting_user: User) -> SupportRequest:
    """Close the request; open referrals stay as they are. Its retention period starts now, once: closing it
    again changes nothing, so the period cannot be pushed back."""
    _require_intake(acting_user, request)
    if request.status == SupportRequest.Status.CLOSED:
        return request
    request.status = SupportRequest.Status.CLOSED
    request.closed_at = timezone.now()
    request.save(update_fields=["status", "closed_at", "updated_at"])
    access_log_create(
        request=request, acting_user=acting_user, action=AccessLog.Action.UPDATE, detail="closed"
    )
    return request


@transaction.atomic
def consent_withdraw(*, request: SupportRequest, acting_user: User | None) -> Consent:
    """Sharing stops at once: open referrals close, the partners involved are told (without personal data), and
    the request closes (nothing can be done with it any more; its retention period starts now, unless it was
    closed before). The pages say why: display.request_status and display.referral_status.

    `acting_user` None is the family, through its private link; otherwise an intake worker records it."""
    if acting_user is not None:
        _require_intake(acting_user, request)
    _lock(request)
    consent = request.consent
    if consent.withdrawn_at is not None:
        return consent
    consent.withdrawn_at = timezone.now()
    consent.withdrawn_by = acting_user
    consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
    note = _("Het gezin trok de toestemming in.")
    for referral in request.referrals.filter(status__in=Referral.OPEN):
        referral.status = S.CLOSED
        referral.reason = note
        referral.save(update_fields=["status", "reason", "updated_at"])
        _event(referral, status=S.CLOSED, actor=acting_user, note=note)
    if request.status != SupportRequest.Status.CLOSED:
        request.status = SupportRequest.Status.CLOSED
        request.closed_at = consent.withdrawn_at
        request.save(update_fields=["status", "closed_at", "updated_at"])
    access_log_create(request=request, acting_user=acting_user, action=AccessLog.Action.WITHDRAW)
    organizations = list(request.referrals.values_list("organization_id", flat=True).distinct())
    transaction.on_commit(lambda: _tell_consent_withdrawn(request, organizations), robust=True)
    return consent


@transaction.atomic
def request_export(*, request: SupportRequest, acting_user: User | None, family: bool = False) -> dict:
    """What is stored on one family's request, as a download; every export is written to the access log.

    The family itself (through its private link: `family=True`) always gets all of it: its right of access,
    also after withdrawing or when consent expired. Staff follow the rule of the request page: the personal data
    only while consent holds; after a withdrawal or an expiry only the facts without it (status, dates, life
    domain, ages, municipality, house, consent, the referrals' steps). Staff exports are the network's intake
    workers' (`acting_user`); the family's export has `acting_user` None and `family=True`."""
    if not family:
        _require_intake(acting_user, request)
    consent = request.consent
    personal = family or consent.is_active()
    access_log_create(
        request=request,
        acting_user=None if family else acting_user,
        action=AccessLog.Action.EXPORT,
        detail="" if personal else "facts",
    )
    referrals = list(request.referrals.select_related("organization").prefetch_related("events"))
    data = {
        "reference": request.reference,
        "network": request.network.name,
        "created_at": request.created_at.isoformat(),
        "source": request.get_source_display(),
        "status": display.request_status(request),
        "closed_at": request.closed_at.isoformat() if request.closed_at else None,
        "life_domain": request.domain.name if request.domain else None,
        "ages": display.age_labels(request.ages),
        "municipality": request.area.name if request.area else None,
        "house": request.house.name if request.house else None,
        "consent": {
            "how": consent.get_how_display(),
            "given_at": consent.given_at.isoformat(),
            "scope": [Consent.Scope(s).label for s in consent.scope if s in Consent.Scope.values],
            "expires_at": consent.expires_at.isoformat(),
            "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
        },
        "referrals": [
            {
                "service": r.service_name,
                "organization": r.organization.name,
                "status": display.referral_status(r),
                "decline_reason": r.get_decline_reason_display() if r.decline_reason else None,
                "steps": [
                    {"status": display.event_status(e), "at": e.at.isoformat()}
                    | ({"note": e.note} if personal else {})
                    for e in r.events.all()
                ],
            }
            | ({"message": r.message, "reason": r.reason} if personal else {})
            for r in referrals
        ],
    }
    if not personal:
        data["personal_data"] = _(
            "Niet in deze download: de toestemming van het gezin is ingetrokken of verlopen. Het gezin kan zijn "
            "eigen gegevens downloaden met zijn privélink."
        )
        return data
    data |= {
        "question": request.question,
        "name": request.name,
        "phone": request.phone,
        "email": request.email,
        "contact_when": request.contact_when,
        "contact_by": request.get_contact_by_display(),
        "language": display.language_name(request.language),
        "access_log": [
            {
                "at": entry.created_at.isoformat(),
                "who": entry.user_label,
                "what": entry.get_action_display(),
                "detail": display.access_detail(entry),
            }
            for entry in AccessLog.objects.for_network(request.network)
            .filter(request_id=request.pk)
            .order_by("created_at")
        ],
    }
    return data


@transaction.atomic
def request_erase(*, request: SupportRequest, acting_user: User) -> None:
    """Erase a request on the family's demand (an intake worker does it); only anonymous facts and the access log
    stay."""
    _require_intake(acting_user, request)
    erasure_record(kind="support-request", ids=[request.pk], network_id=request.network_id)
    _erase(request, acting_user=acting_user)


def _erase(request: SupportRequest, *, acting_user: User | None, detail: str = "") -> None:
    """Keep the request's anonymous facts and an access log row; delete the rest."""
    _facts(request, "erasure").save()
    access_log_create(request=request, acting_user=acting_user, action=AccessLog.Action.ERASE, detail=detail)
    request.delete()


def requests_erasure_replay(*, ids: list[str]) -> int:
    """After a restore from a backup: erase again the requests the erasure journal lists (core/lib/erasures.py)
    and that the backup still holds; only their anonymous facts stay, as after the first erasure."""
    count = 0
    for request in SupportRequest.objects.filter(pk__in=ids):
        with transaction.atomic():
            _erase(request, acting_user=None, detail="again after a restore")
        count += 1
    return count
