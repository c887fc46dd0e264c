"""Referrals: a hand-over to a partner and the partner's steps, each checked against who acts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.access import require_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.directory.models import Service
from hvhk.referrals.models import AccessLog, Referral, SupportRequest
from hvhk.referrals.services.common import (
    MAX_REFERRALS,
    NEEDS_REASON,
    S,
    _event,
    _lock,
    _refuse_if_closed,
    _require_intake,
    access_log_create,
)
from hvhk.referrals.services.mail import _tell_partner, _tell_referrer


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


@transaction.atomic
def referral_advance(
    *, referral: Referral, to: str, acting_user: User, note: str = "", decline_reason: str = ""
) -> Referral:
    """Move a referral one step on (see Referral.NEXT); declining and closing need a reason. Every step is the
    receiving partner's: only an editor of the referral's organisation takes it. The step is checked against the
    referral as it is now, after locking: not as the page that posted it saw it.

    Declining also takes `decline_reason` (Referral.DeclineReason), counted in the monthly signals; a caller that
    does not say (older callers, the intake's own tools) declines for "other". The portal's form requires it."""
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
    decline_reason = _decline_reason(to, decline_reason)
    referral.status = to
    if to in NEEDS_REASON:
        referral.reason = note
    referral.decline_reason = decline_reason
    referral.save(update_fields=["status", "reason", "decline_reason", "updated_at"])
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


def _decline_reason(to: str, decline_reason: str) -> str:
    """The structured reason to store with step `to`: a known choice when declining ("other" when none is
    given), nothing for any other step."""
    decline_reason = (decline_reason or "").strip()
    if to != S.DECLINED:
        if decline_reason:
            raise ValidationError(
                {"decline_reason": _("Een reden om te weigeren geef je alleen als je weigert.")}
            )
        return ""
    if not decline_reason:
        return Referral.DeclineReason.OTHER
    if decline_reason not in Referral.DeclineReason.values:
        raise ValidationError({"decline_reason": _("Kies een van de redenen in de lijst.")})
    return decline_reason


def referral_open(*, referral: Referral, acting_user: User) -> None:
    """A partner opening a referral for the first time marks it received (unless a step crossed the opening)."""
    if referral.status == S.SENT:
        try:
            referral_advance(referral=referral, to=S.RECEIVED, acting_user=acting_user)
        except ValidationError:
            referral.refresh_from_db(fields=["status", "reason"])
