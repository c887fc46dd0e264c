"""Changing support requests, consents and referrals. Every change is one transaction and leaves an audit trail
(ReferralEvent for the referral's steps, AccessLog for personal data). E-mails carry a link, never personal data.
"""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.core.lib.workdays import working_days_between
from hvhk.core.models import Network
from hvhk.directory.models import Service
from hvhk.referrals import display
from hvhk.referrals.models import AccessLog, Consent, Referral, ReferralEvent, RequestFacts, SupportRequest

S = Referral.Status
# Which step may follow which, and who takes it: the partner ("partner") or the referring intake ("intake").
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.SENT: (S.RECEIVED, S.ACCEPTED, S.DECLINED),
    S.RECEIVED: (S.ACCEPTED, S.DECLINED),
    S.ACCEPTED: (S.IN_PROGRESS, S.COMPLETED, S.CLOSED),
    S.IN_PROGRESS: (S.COMPLETED, S.CLOSED),
}
NEEDS_REASON = {
    S.DECLINED: gettext_lazy("Geef een reden waarom je de doorverwijzing weigert."),
    S.COMPLETED: gettext_lazy("Schrijf kort wat het resultaat is."),
    S.CLOSED: gettext_lazy("Schrijf kort waarom het zonder resultaat afsloot."),
}
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on the phone
MAX_REFERRALS = 5


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _reference() -> str:
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"HV-{code[:3]}-{code[3:]}"


def access_log(*, request: SupportRequest, user: User | None, action: str, detail: str = "") -> None:
    AccessLog.objects.create(
        network_id=request.network_id,
        user=user if user and user.is_authenticated else None,
        user_label=user.email if user and user.is_authenticated else _("het gezin (privélink)"),
        request_id=request.pk,
        reference=request.reference,
        action=action,
        detail=detail[:200],
    )


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
    by: User | None = None,
) -> tuple[SupportRequest, str]:
    """A new request with its consent; returns it and the family's private token (shown once, never stored)."""
    now = timezone.now()
    token = secrets.token_urlsafe(24)
    fields = {
        "network": network,
        "source": SupportRequest.Source.PROFESSIONAL if by else SupportRequest.Source.ONLINE,
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
        "created_by": by,
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
        request=request,
        how=consent_how,
        given_at=consent_given_at or now,
        recorded_by=by,
        scope=list(consent_scope),
        expires_at=now + dt.timedelta(days=round(settings.CONSENT_MONTHS * 30.44)),
    )
    access_log(request=request, user=by, action=AccessLog.Action.CREATE)
    # A mail server that is down must not cost the family its answer page: mail failures are logged, not raised.
    transaction.on_commit(lambda: _tell_intake_new(request), robust=True)
    if email and contact_by == SupportRequest.ContactBy.EMAIL:
        transaction.on_commit(lambda: _send_private_link(request, token, email), robust=True)
    return request, token


def request_for_token(*, network: Network, token: str) -> SupportRequest | None:
    if not token or len(token) > 100:
        return None
    return (
        SupportRequest.objects.for_network(network)
        .select_related("consent")
        .filter(token_hash=token_hash(token))
        .first()
    )


def _lock(request: SupportRequest) -> None:
    """Lock the request and its consent for this transaction (PostgreSQL; SQLite writes one at a time) and reload
    both, so a withdrawal and a referral or a step that cross each other cannot both win."""
    request.refresh_from_db(from_queryset=SupportRequest.objects.select_for_update())
    request.consent.refresh_from_db(from_queryset=Consent.objects.select_for_update())


def _refuse_if_closed(request: SupportRequest) -> None:
    if request.status == SupportRequest.Status.CLOSED:
        raise ValidationError(_("Deze hulpvraag is afgesloten."))


def request_assign(*, request: SupportRequest, to: User | None, by: User) -> SupportRequest:
    _refuse_if_closed(request)
    request.assigned_to = to
    if request.status == SupportRequest.Status.NEW:
        request.status = SupportRequest.Status.IN_TRIAGE
    request.save(update_fields=["assigned_to", "status", "updated_at"])
    return request


def request_contacted(*, request: SupportRequest, by: User) -> SupportRequest:
    """The intake worker reached the family (the first contact counts for 'days to first contact')."""
    _refuse_if_closed(request)
    if request.first_contact_at is None:
        request.first_contact_at = timezone.now()
    if request.status == SupportRequest.Status.NEW:
        request.status = SupportRequest.Status.IN_TRIAGE
    request.save(update_fields=["first_contact_at", "status", "updated_at"])
    access_log(request=request, user=by, action=AccessLog.Action.UPDATE, detail="contact")
    return request


def request_close(*, request: SupportRequest, by: User) -> SupportRequest:
    """Close the request; open referrals stay as they are. Its retention period starts now, once: closing it
    again changes nothing, so the period cannot be pushed back."""
    if request.status == SupportRequest.Status.CLOSED:
        return request
    request.status = SupportRequest.Status.CLOSED
    request.closed_at = timezone.now()
    request.save(update_fields=["status", "closed_at", "updated_at"])
    access_log(request=request, user=by, action=AccessLog.Action.UPDATE, detail="closed")
    return request


@transaction.atomic
def refer(*, request: SupportRequest, services: list[Service], message: str, by: User) -> list[Referral]:
    """Hand the request to the partners of `services`; a service already referred to is skipped."""
    _lock(request)
    if not request.consent.is_active():
        raise ValidationError(_("Het gezin gaf geen (geldige) toestemming meer: je kunt niet doorverwijzen."))
    _refuse_if_closed(request)
    if not services:
        raise ValidationError(_("Kies minstens één aanbod."))
    if len(services) > MAX_REFERRALS:
        raise ValidationError(_("Kies hoogstens %(n)d aanbod tegelijk.") % {"n": MAX_REFERRALS})
    done = set(request.referrals.values_list("service_id", flat=True))
    created = []
    for service in services:
        if service.network_id != request.network_id:
            raise ValidationError(_("Dit aanbod hoort bij een ander netwerk."))
        if service.pk in done:
            continue
        referral = Referral.objects.create(
            request=request,
            service=service,
            service_name=service.name,
            organization_id=service.organization_id,
            message=message,
            created_by=by,
        )
        ReferralEvent.objects.create(referral=referral, status=S.SENT, actor=by)
        created.append(referral)
        access_log(request=request, user=by, action=AccessLog.Action.REFER, detail=service.name)
    request.status = SupportRequest.Status.REFERRED
    if request.assigned_to_id is None:
        request.assigned_to = by
    request.save(update_fields=["status", "assigned_to", "updated_at"])
    for referral in created:
        transaction.on_commit(
            lambda r=referral: _tell_partner(r, "referrals/mail/referral_new.txt"), robust=True
        )
    return created


def next_steps(referral: Referral) -> tuple[str, ...]:
    return TRANSITIONS.get(referral.status, ())


@transaction.atomic
def referral_advance(*, referral: Referral, to: str, by: User | None, note: str = "") -> Referral:
    """Move a referral one step on (see TRANSITIONS); declining and closing need a reason. The step is checked
    against the referral as it is now, after locking: not as the page that posted it saw it."""
    note = note.strip()
    request = referral.request
    _lock(request)  # every change to a referral locks its request first
    referral.refresh_from_db(fields=["status", "reason"])
    if not request.consent.is_active():
        raise ValidationError(
            _("Het gezin gaf geen (geldige) toestemming meer: deze doorverwijzing is gestopt.")
        )
    if to not in next_steps(referral):
        raise ValidationError(
            _("Een doorverwijzing die %(now)s is, kan niet naar %(to)s.")
            % {"now": referral.get_status_display(), "to": S(to).label if to in S.values else to}
        )
    if to in NEEDS_REASON and not note:
        raise ValidationError({"note": NEEDS_REASON[to]})
    referral.status = to
    if to in NEEDS_REASON:
        referral.reason = note
    referral.save(update_fields=["status", "reason", "updated_at"])
    ReferralEvent.objects.create(referral=referral, status=to, actor=by, note=note)
    if to == S.ACCEPTED and request.first_contact_at is None:
        request.first_contact_at = timezone.now()
        request.save(update_fields=["first_contact_at", "updated_at"])
    access_log(
        request=request, user=by, action=AccessLog.Action.UPDATE, detail=f"{referral.service_name}: {to}"
    )
    if to != S.RECEIVED:
        transaction.on_commit(lambda: _tell_referrer(referral), robust=True)
    return referral


def referral_opened(*, referral: Referral, by: User) -> None:
    """A partner opening a referral for the first time marks it received (unless a step crossed the opening)."""
    if referral.status == S.SENT:
        try:
            referral_advance(referral=referral, to=S.RECEIVED, by=by)
        except ValidationError:
            referral.refresh_from_db(fields=["status", "reason"])


@transaction.atomic
def consent_withdraw(*, request: SupportRequest, by: User | None = None) -> Consent:
    """Sharing stops at once: open referrals close, the partners involved are told (without personal data), and
    the request closes (nothing can be done with it any more; its retention period starts now, unless it was
    closed before). The pages say why: display.request_status and display.referral_status."""
    _lock(request)
    consent = request.consent
    if consent.withdrawn_at is not None:
        return consent
    consent.withdrawn_at = timezone.now()
    consent.withdrawn_by = by
    consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
    note = _("Het gezin trok de toestemming in.")
    for referral in request.referrals.filter(status__in=Referral.OPEN):
        referral.status = S.CLOSED
        referral.reason = note
        referral.save(update_fields=["status", "reason", "updated_at"])
        ReferralEvent.objects.create(referral=referral, status=S.CLOSED, actor=by, note=note)
    if request.status != SupportRequest.Status.CLOSED:
        request.status = SupportRequest.Status.CLOSED
        request.closed_at = consent.withdrawn_at
        request.save(update_fields=["status", "closed_at", "updated_at"])
    access_log(request=request, user=by, action=AccessLog.Action.WITHDRAW)
    organizations = list(request.referrals.values_list("organization_id", flat=True).distinct())
    transaction.on_commit(lambda: _tell_consent_withdrawn(request, organizations), robust=True)
    return consent


def request_export(*, request: SupportRequest, by: User | None, family: bool = False) -> dict:
    """What is stored on one family's request, as a download; every export is written to the access log.

    The family itself (through its private link: `family=True`) always gets all of it: its right of access,
    also after withdrawing or when consent expired. Staff follow the rule of the request page: the personal data
    only while consent holds; after a withdrawal or an expiry only the facts without it (status, dates, life
    domain, ages, municipality, house, consent, the referrals' steps)."""
    consent = request.consent
    personal = family or consent.is_active()
    access_log(request=request, user=by, action=AccessLog.Action.EXPORT, detail="" if personal else "facts")
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
            for entry in AccessLog.objects.filter(request_id=request.pk).order_by("created_at")
        ],
    }
    return data


def _facts(request: SupportRequest, reason: str) -> RequestFacts:
    referrals = list(request.referrals.all())
    statuses = {r.status for r in referrals}
    outcome = next(
        (s for s in (S.COMPLETED, S.IN_PROGRESS, S.ACCEPTED, S.CLOSED, S.DECLINED) if s in statuses), ""
    )
    days = None
    if request.first_contact_at:
        days = max(0, (request.first_contact_at - request.created_at).days)
    return RequestFacts(
        network_id=request.network_id,
        month=request.created_at.date().replace(day=1),
        source=request.source,
        domain_id=request.domain_id,
        age_bands=request.ages,
        area_id=request.area_id,
        house_id=request.house_id,
        referrals=len(referrals),
        outcome=outcome,
        days_to_first_contact=days,
        reason=reason,
    )


@transaction.atomic
def request_erase(*, request: SupportRequest, by: User) -> None:
    """Erase a request on the family's demand; only anonymous facts and the access log stay."""
    _facts(request, "erasure").save()
    access_log(request=request, user=by, action=AccessLog.Action.ERASE)
    request.delete()


def requests_anonymise(*, now: dt.datetime | None = None) -> int:
    """Replace by anonymous facts the requests closed longer than REQUEST_RETENTION_MONTHS ago, and the requests
    nobody closed but nothing happened to for as long (no change to the request or any of its referrals): a
    forgotten request must not keep a family's data for ever. Returns how many."""
    now = now or timezone.now()
    before = now - dt.timedelta(days=round(settings.REQUEST_RETENTION_MONTHS * 30.44))
    closed = SupportRequest.objects.filter(closed_at__lt=before)
    idle = (
        SupportRequest.objects.filter(closed_at__isnull=True, updated_at__lt=before)
        .exclude(referrals__updated_at__gte=before)
        .exclude(consent__withdrawn_at__gte=before)
    )
    done = 0
    for reason, found in (("retention", closed), ("inactive", idle)):
        done += _anonymise(found, reason)
    return done


def _anonymise(requests, reason: str) -> int:
    done = 0
    for request in requests.iterator(chunk_size=200):
        with transaction.atomic():
            _facts(request, reason).save()
            access_log(request=request, user=None, action=AccessLog.Action.ANONYMISE, detail=reason)
            request.delete()
        done += 1
    return done


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind partners of referrals unanswered for REFERRAL_REMINDER_WORKING_DAYS; at most once per period."""
    now = now or timezone.now()
    limit = settings.REFERRAL_REMINDER_WORKING_DAYS
    sent = 0
    # Only referrals the partner can still open: consent holds and the request is not closed.
    waiting = Referral.objects.filter(
        status__in=Referral.UNANSWERED,
        request__consent__withdrawn_at__isnull=True,
        request__consent__expires_at__gt=now,
    ).exclude(request__status=SupportRequest.Status.CLOSED)
    for referral in waiting.select_related("request", "organization"):
        since = referral.reminded_at or referral.created_at
        if working_days_between(timezone.localdate(since), timezone.localdate(now)) < limit:
            continue
        if _tell_partner(referral, "referrals/mail/referral_reminder.txt"):
            referral.reminded_at = now
            referral.save(update_fields=["reminded_at"])
            sent += 1
    return sent


# --- e-mails: a link, never personal data ----------------------------------------------------------------------


def _mail(to: list[str], subject: str, template: str, context: dict) -> int:
    if not to:
        return 0
    with override("nl"):
        return send(subject, render_to_string(template, context), to)


def _editors(organization_ids) -> list[str]:
    return list(
        User.objects.filter(
            roles__organization_id__in=organization_ids,
            roles__role=RoleAssignment.Role.EDITOR,
            is_active=True,
        )
        .values_list("email", flat=True)
        .distinct()
    )


def _intake(request: SupportRequest) -> list[str]:
    if request.assigned_to_id and request.assigned_to.is_active:
        return [request.assigned_to.email]
    return list(
        User.objects.filter(
            roles__network_id=request.network_id, roles__role=RoleAssignment.Role.INTAKE, is_active=True
        )
        .values_list("email", flat=True)
        .distinct()
    )


def _tell_intake_new(request: SupportRequest) -> None:
    _mail(
        _intake(request),
        _("Nieuwe hulpvraag {reference}").format(reference=request.reference),
        "referrals/mail/request_new.txt",
        {"request": request, "link": absolute_url("referrals:request", request.pk)},
    )


def _tell_partner(referral: Referral, template: str) -> int:
    return _mail(
        _editors([referral.organization_id]),
        _("Doorverwijzing {reference}").format(reference=referral.request.reference),
        template,
        {"referral": referral, "link": absolute_url("referrals:referral", referral.pk)},
    )


def _tell_referrer(referral: Referral) -> None:
    _mail(
        _intake(referral.request),
        _("Doorverwijzing {reference}: {status}").format(
            reference=referral.request.reference, status=referral.get_status_display()
        ),
        "referrals/mail/referral_update.txt",
        {"referral": referral, "link": absolute_url("referrals:request", referral.request_id)},
    )


def _tell_consent_withdrawn(request: SupportRequest, organization_ids: list) -> None:
    _mail(
        sorted(set(_editors(organization_ids)) | set(_intake(request))),
        _("Toestemming ingetrokken voor {reference}").format(reference=request.reference),
        "referrals/mail/consent_withdrawn.txt",
        {"request": request},
    )


def _send_private_link(request: SupportRequest, token: str, email: str) -> None:
    with override(request.language):
        _send_private_link_now(request, token, email)


def _send_private_link_now(request: SupportRequest, token: str, email: str) -> None:
    send(
        _("Je vraag aan {network}: {reference}").format(
            network=request.network.name, reference=request.reference
        ),
        render_to_string(
            "referrals/mail/private_link.txt",
            {"request": request, "link": absolute_url("referrals:private", request.network.slug, token)},
        ),
        [email],
    )
