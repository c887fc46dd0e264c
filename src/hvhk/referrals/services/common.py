"""What the referral services share: the actor checks, the access log, locks and events."""

import secrets

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hvhk.accounts.access import holds_role, require_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.referrals.models import AccessLog, Consent, Referral, ReferralEvent, SupportRequest

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


def _lock(request: SupportRequest) -> None:
    """Lock the request and its consent for this transaction (PostgreSQL; SQLite writes one at a time) and reload
    both, so a withdrawal and a referral or a step that cross each other cannot both win."""
    request.refresh_from_db(from_queryset=SupportRequest.objects.select_for_update())
    request.consent.refresh_from_db(from_queryset=Consent.objects.select_for_update())


def _refuse_if_closed(request: SupportRequest) -> None:
    if request.status == SupportRequest.Status.CLOSED:
        raise ValidationError(_("Deze hulpvraag is afgesloten."))


def _holds_intake(user: User | None, request: SupportRequest) -> bool:
    return holds_role(user, network=request.network_id, roles=INTAKE)


def _event(referral: Referral, *, status: str, actor: User | None, note: str = "") -> ReferralEvent:
    return ReferralEvent.objects.create(
        network_id=referral.network_id, referral=referral, status=status, actor=actor, note=note
    )
