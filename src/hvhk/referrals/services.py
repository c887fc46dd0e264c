"""Changing support requests, consents and referrals. Every change is one transaction and leaves an audit trail
(ReferralEvent for the referral's steps, AccessLog for personal data). E-mails carry a link, never personal data.

Every function that changes state first checks who acts (`acting_user`), whatever page called it: the network's
intake workers handle requests, the receiving partner's editors take a referral's steps, and `acting_user=None`
is the family itself, through its private link. A person without that right gets PermissionDenied.
"""

import datetime as dt
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from hvhk.accounts.access import ANY_ORGANIZATION, holds_role, require_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.core.lib.workdays import working_days_between
from hvhk.core.models import Network
from hvhk.directory.models import Service
from hvhk.referrals import display
from hvhk.referrals.crypto import token_hash
from hvhk.referrals.models import AccessLog, Consent, Referral, ReferralEvent, RequestFacts, SupportRequest

S = Referral.Status
INTAKE = (RoleAssignment.Role.INTAKE,)
# Who may register a family's question for them: an intake worker, or a partner's editor who met the family.
PROFESSIONALS = (RoleAssignment.Role.INTAKE, RoleAssignment.Role.EDITOR)
NEEDS_REASON = {
    S.DECLINED: gettext_lazy("Geef een reden waarom je de doorverwijzing weigert."),
    S.COMPLETED: gettext_lazy("Schrijf kort wat het resultaat is."),
    S.CLOSED: gettext_lazy("Schrijf kort waarom het zonder resultaat afsloot."),
}
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on the phone
MAX_REFERRALS = 5


def _reference() -> str:
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"HV-{code[:3]}-{code[3:]}"


def _require_intake(acting_user: User | None, request: SupportRequest) -> None:
    require_role(acting_user, network=request.network_id, roles=INTAKE)


def access_log_create(
    *, request: SupportRequest, acting_user: User | None, action: str, detail: str = ""
) -> None:
    """Record who opened, changed or exported a request's personal data (acting_user None: the family)."""
    user = acting_user
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


def _lock(request: SupportRequest) -> None:
    """Lock the request and its consent for this transaction (PostgreSQL; SQLite writes one at a time) and reload
    both, so a withdrawal and a referral or a step that cross each other cannot both win."""
    request.refresh_from_db(from_queryset=SupportRequest.objects.select_for_update())
    request.consent.refresh_from_db(from_queryset=Consent.objects.select_for_update())


def _refuse_if_closed(request: SupportRequest) -> None:
    if request.status == SupportRequest.Status.CLOSED:
        raise ValidationError(_("Deze hulpvraag is afgesloten."))


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


def _holds_intake(user: User | None, request: SupportRequest) -> bool:
    return holds_role(user, network=request.network_id, roles=INTAKE)


@transaction.atomic
def referral_create(
    *, request: SupportRequest, services: list[Service], message: str, acting_user: User
) -> list[Referral]:
    """Hand the request to the partners of `services` (the intake's step); a service already referred to is
    skipped."""
    _require_intake(acting_user, request)
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
        referral = Referral(
            network_id=request.network_id,
            request=request,
            service=service,
            service_name=service.name,
            organization_id=service.organization_id,
            message=message,
            created_by=acting_user,
        )
        referral.clean()  # the service, its organisation and the request share one network
        referral.save()
        _event(referral, status=S.SENT, actor=acting_user)
        created.append(referral)
        access_log_create(
            request=request, acting_user=acting_user, action=AccessLog.Action.REFER, detail=service.name
        )
    request.status = SupportRequest.Status.REFERRED
    if request.assigned_to_id is None:
        request.assigned_to = acting_user
    request.save(update_fields=["status", "assigned_to", "updated_at"])
    for referral in created:
        transaction.on_commit(
            lambda r=referral: _tell_partner(r, "referrals/mail/referral_new.txt"), robust=True
        )
    return created


def _event(referral: Referral, *, status: str, actor: User | None, note: str = "") -> ReferralEvent:
    return ReferralEvent.objects.create(
        network_id=referral.network_id, referral=referral, status=status, actor=actor, note=note
    )


@transaction.atomic
def referral_advance(*, referral: Referral, to: str, acting_user: User, note: str = "") -> Referral:
    """Move a referral one step on (see Referral.NEXT); declining and closing need a reason. Every step is the
    receiving partner's: only an editor of the referral's organisation takes it. The step is checked against the
    referral as it is now, after locking: not as the page that posted it saw it."""
    require_role(
        acting_user,
        network=referral.network_id,
        roles=(RoleAssignment.Role.EDITOR,),
        organization=referral.organization_id,
    )
    note = note.strip()
    request = referral.request
    _lock(request)  # every change to a referral locks its request first
    referral.refresh_from_db(fields=["status", "reason"])
    if not request.consent.is_active():
        raise ValidationError(
            _("Het gezin gaf geen (geldige) toestemming meer: deze doorverwijzing is gestopt.")
        )
    if to not in Referral.NEXT.get(referral.status, ()):
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
    _event(referral, status=to, actor=acting_user, note=note)
    if to == S.ACCEPTED and request.first_contact_at is None:
        request.first_contact_at = timezone.now()
        request.save(update_fields=["first_contact_at", "updated_at"])
    access_log_create(
        request=request,
        acting_user=acting_user,
        action=AccessLog.Action.UPDATE,
        detail=f"{referral.service_name}: {to}",
    )
    if to != S.RECEIVED:
        transaction.on_commit(lambda: _tell_referrer(referral), robust=True)
    return referral


def referral_open(*, referral: Referral, acting_user: User) -> None:
    """A partner opening a referral for the first time marks it received (unless a step crossed the opening)."""
    if referral.status == S.SENT:
        try:
            referral_advance(referral=referral, to=S.RECEIVED, acting_user=acting_user)
        except ValidationError:
            referral.refresh_from_db(fields=["status", "reason"])


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
def request_erase(*, request: SupportRequest, acting_user: User) -> None:
    """Erase a request on the family's demand (an intake worker does it); only anonymous facts and the access log
    stay."""
    _require_intake(acting_user, request)
    _facts(request, "erasure").save()
    access_log_create(request=request, acting_user=acting_user, action=AccessLog.Action.ERASE)
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
            access_log_create(
                request=request, acting_user=None, action=AccessLog.Action.ANONYMISE, detail=reason
            )
            request.delete()
        done += 1
    return done


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind partners of referrals unanswered for REFERRAL_REMINDER_WORKING_DAYS; at most once per period.
    Network by network, and only in active networks: a switched-off network's partners cannot open them."""
    now = now or timezone.now()
    sent = 0
    for network in Network.objects.filter(is_active=True):
        sent += _remind(network, now)
    return sent


def _remind(network: Network, now: dt.datetime) -> int:
    limit = settings.REFERRAL_REMINDER_WORKING_DAYS
    sent = 0
    # Only referrals the partner can still open: consent holds and the request is not closed.
    waiting = (
        Referral.objects.for_network(network)
        .filter(
            status__in=Referral.UNANSWERED,
            request__consent__withdrawn_at__isnull=True,
            request__consent__expires_at__gt=now,
        )
        .exclude(request__status=SupportRequest.Status.CLOSED)
    )
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
