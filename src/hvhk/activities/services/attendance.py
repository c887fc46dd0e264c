"""What the organiser does with registrations: log who opened them, mark attendance after a session, cancel a
session (everyone registered hears it) or one family's registration.

Only the coordinator of the network and the staff (editor or member) of the organising partner may act
(`selectors.access.can_manage_registrations`); anyone else gets PermissionDenied, whatever page let them through.
Every action on personal data leaves a `RegistrationAccess` row in the same transaction; mail leaves after commit,
each family in its own language, so a failing mail server never undoes a cancellation.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hvhk.accounts.models import User
from hvhk.activities.models import Activity, Registration, RegistrationAccess, Session
from hvhk.activities.selectors.access import can_manage_registrations
from hvhk.activities.selectors.registrations import session_registrations
from hvhk.core.lib.mail import send

logger = logging.getLogger(__name__)
Action = RegistrationAccess.Action
Status = Registration.Status
REASON_MAX = 300


def _require_manager(acting_user: User | None, activity: Activity) -> None:
    if not can_manage_registrations(user=acting_user, activity=activity):
        raise PermissionDenied("Only the coordinator or the organising partner's staff handle registrations")


def _moment(session: Session) -> str:
    """A session's start as the log keeps it (language-neutral, Brussels time)."""
    return timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M")


def registration_access_record(
    *, activity: Activity, action: str, acting_user: User, session: Session | None = None, detail: str = ""
) -> RegistrationAccess:
    """Log that `acting_user` opened (VIEW) or downloaded (EXPORT) the registrations of `activity` (of its
    `session` only, if given), or changed them (the services below call it themselves). `detail` is kept in
    Dutch, in the coordinator's words, without personal data."""
    _require_manager(acting_user, activity)
    if session is not None:
        detail = f"{_moment(session)} · {detail}" if detail else _moment(session)
    if action not in Action.values:
        raise ValidationError({"action": _("Onbekende handeling.")})
    entry = RegistrationAccess(
        network_id=activity.network_id,
        user=acting_user,
        user_label=acting_user.email,
        activity_id_value=activity.pk,
        activity_title=activity.title[:200],
        action=action,
        detail=detail[:200],
    )
    entry.full_clean()
    entry.save()
    return entry


# --- attendance -------------------------------------------------------------------------------------------------


@transaction.atomic
def session_attendance_set(
    *,
    session: Session,
    present_count: int,
    present_children: int | None = None,
    attended_ids: Iterable | None = None,
    note: str = "",
    acting_user: User,
) -> Session:
    """Note who came to `session` once it has started: the number of people present is enough
    (`present_children` of them children). With `attended_ids` (the confirmed registrations that came, an empty
    list when none did) every confirmed registration's `attended` is set too; for a series that is one mark for
    the whole series. Marking names is logged (ATTENDANCE)."""
    _require_manager(acting_user, session.activity)
    session = (
        Session.objects.select_for_update(of=("self",))
        .select_related("activity__service__organization", "activity__network")
        .get(pk=session.pk)
    )
    if session.is_cancelled:
        raise ValidationError(_("Dit moment is afgelast: er valt geen aanwezigheid te noteren."))
    if session.starts_at > timezone.now():
        raise ValidationError(
            {"present_count": _("Dit moment is nog niet begonnen. Noteer de aanwezigheid achteraf.")}
        )
    if present_count is None or present_count < 0:
        raise ValidationError({"present_count": _("Geef het aantal aanwezigen (0 of meer).")})
    if present_children is not None and present_children < 0:
        raise ValidationError({"present_children": _("Het aantal kinderen kan niet negatief zijn.")})
    if present_children is not None and present_children > present_count:
        raise ValidationError(
            {
                "present_children": _(
                    "Er kunnen niet meer kinderen dan aanwezigen zijn: de kinderen tellen mee."
                )
            }
        )
    marked = 0
    if attended_ids is not None:
        wanted = {str(pk) for pk in attended_ids}
        confirmed = list(
            session_registrations(session=session).filter(status=Status.CONFIRMED, anonymised_at__isnull=True)
        )
        known = {str(r.pk) for r in confirmed}
        if not wanted <= known:
            raise ValidationError(
                {"attended_ids": _("Duid enkel gezinnen aan die voor dit moment ingeschreven zijn.")}
            )
        for registration in confirmed:
            registration.attended = str(registration.pk) in wanted
        Registration.objects.bulk_update(confirmed, ["attended", "updated_at"])
        marked = len(wanted)
        registration_access_record(
            activity=session.activity,
            action=Action.ATTENDANCE,
            acting_user=acting_user,
            session=session,
            detail=f"{marked} van {len(confirmed)} gezinnen aanwezig",
        )
    session.present_count = present_count
    session.present_children = present_children
    session.attendance_note = note.strip()
    session.attendance_by = acting_user
    session._history_user = acting_user
    session.full_clean()
    session.save()
    return session


# --- cancelling -------------------------------------------------------------------------------------------------


@dataclass
class CancelResult:
    session: Session
    cancelled: int = 0  # registrations cancelled
    mailed: list[Registration] = field(default_factory=list)
    to_phone: list[Registration] = field(default_factory=list)  # no e-mail address: call them


def _reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": _("Geef de reden: de gezinnen lezen die in hun bericht.")})
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": _("Houd de reden kort: hoogstens %(max)d tekens.") % {"max": REASON_MAX}}
        )
    return reason


def organiser_contact(activity: Activity) -> str:
    """Where families reach the organiser: the activity's address, else the service's, else the partner's."""
    return activity.contact_email or activity.service.email or activity.service.organization.email


def _mail_families(
    *,
    activity: Activity,
    session: Session | None,
    registrations,
    reason: str,
    kind: str,
    series_goes_on: bool = False,
    previous: Session | None = None,
) -> None:
    """After commit, mail each registration with an e-mail address in its own language. One failing address is
    logged (without the address) and the others still get theirs. `kind` is "session" (a date is cancelled),
    "registration" (one registration is) or "moved" (a date got a new time; `previous` holds the old one)."""
    messages = []
    contact = organiser_contact(activity)
    for registration in registrations:
        if not registration.email or registration.is_anonymised:
            continue
        with translation.override(registration.language or "nl"):
            title, _fallback = activity.translated("title", translation.get_language())
            context = {
                "kind": kind,
                "registration": registration,
                "activity": activity,
                "title": title,
                "session": session,
                "series_goes_on": series_goes_on,
                "reason": reason,
                "contact": contact,
                "organization": activity.service.organization.name,
                "previous": previous,
            }
            template = "activities/mail/session_cancelled.txt"
            if kind == "moved":
                subject = _("Nieuw uur: {title}").format(title=title)
                template = "activities/mail/session_moved.txt"
            elif kind == "session":
                subject = _("Afgelast: {title}").format(title=title)
            else:
                subject = _("Je inschrijving is geannuleerd: {title}").format(title=title)
            body = render_to_string(template, context)
        messages.append((registration.pk, subject, body, registration.email))

    def deliver() -> None:
        for pk, subject, body, email in messages:
            try:
                send(subject, body, [email])
            except Exception:  # one bad address or a hiccup of the server must not stop the others
                logger.exception("Could not mail the cancellation to registration %s", pk)

    transaction.on_commit(deliver)


def mail_moved_session(*, session: Session, previous: Session) -> int:
    """Tell everyone registered for `session` (for a series: for the whole series) that it moved from
    `previous`'s time to its own, after commit. Returns how many registrations hear it."""
    activity = session.activity
    active = list(session_registrations(session=session).filter(status__in=Registration.ACTIVE))
    _mail_families(
        activity=activity, session=session, registrations=active, reason="", kind="moved", previous=previous
    )
    return sum(1 for r in active if r.email and not r.is_anonymised)


@transaction.atomic
def session_cancel(*, session: Session, reason: str, acting_user: User) -> CancelResult:
    """Cancel `session` before it starts: it is marked cancelled (its calendar SEQUENCE goes up), its confirmed,
    offered and waiting registrations are cancelled, and everyone with an e-mail address hears it after commit,
    with the reason and the organiser's contact. For a series the registrations cover every date: they all hear
    of this date and stay registered for the others (unless no date is left)."""
    _require_manager(acting_user, session.activity)
    reason = _reason(reason)
    session = (
        Session.objects.select_for_update(of=("self",))
        .select_related("activity__service__organization", "activity__network")
        .get(pk=session.pk)
    )
    activity = session.activity
    if session.is_cancelled:
        raise ValidationError(_("Dit moment is al afgelast. De gezinnen kregen toen al bericht."))
    if session.starts_at <= timezone.now():
        raise ValidationError(_("Dit moment is al begonnen of voorbij: je kunt het niet meer afgelasten."))
    now = timezone.now()
    session.is_cancelled = True
    session.cancel_reason = reason
    session.cancelled_at = now
    session.sequence += 1
    session._history_user = acting_user
    session.full_clean()
    session.save()

    active = list(
        session_registrations(session=session)
        .select_for_update()
        .filter(status__in=Registration.ACTIVE)
        .order_by("created_at")
    )
    series_goes_on = (
        activity.per_series and Session.objects.filter(activity=activity, is_cancelled=False).exists()
    )
    cancel = [] if series_goes_on else active  # a series' families stay registered for its other dates
    for registration in cancel:
        registration.status = Status.CANCELLED
        registration.cancelled_by_organiser = True
        registration.cancelled_at = now
    Registration.objects.bulk_update(
        cancel, ["status", "cancelled_by_organiser", "cancelled_at", "updated_at"]
    )
    registration_access_record(
        activity=activity,
        action=Action.CANCEL,
        acting_user=acting_user,
        session=session,
        detail=f"moment afgelast, {len(active)} inschrijvingen verwittigd",
    )
    _mail_families(
        activity=activity,
        session=session,
        registrations=active,
        reason=reason,
        kind="session",
        series_goes_on=series_goes_on,
    )
    return CancelResult(
        session=session,
        cancelled=len(cancel),
        mailed=[r for r in active if r.email and not r.is_anonymised],
        to_phone=[r for r in active if not r.email and r.phone and not r.is_anonymised],
    )


@transaction.atomic
def registration_cancel_by_organiser(
    *, registration: Registration, acting_user: User, reason: str
) -> Registration:
    """Cancel one family's registration for them (they asked by phone, say). The freed place goes to the first
    on the waiting list (`services.registrations.waitlist_advance`); the family gets a mail if it left an
    address."""
    _require_manager(acting_user, registration.activity)
    reason = _reason(reason)
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("activity__service__organization", "activity__network", "session")
        .get(pk=registration.pk)
    )
    if registration.status not in Registration.ACTIVE:
        raise ValidationError(_("Deze inschrijving is al geannuleerd of verlopen."))
    if registration.session and registration.session.starts_at <= timezone.now():
        raise ValidationError(_("Dit moment is al begonnen of voorbij: de inschrijving blijft staan."))
    held_place = registration.status in Registration.HOLDING
    registration.status = Status.CANCELLED
    registration.cancelled_by_organiser = True
    registration.cancelled_at = timezone.now()
    registration.full_clean()
    registration.save()
    activity = registration.activity
    registration_access_record(
        activity=activity,
        action=Action.CANCEL,
        acting_user=acting_user,
        session=registration.session,
        detail="1 inschrijving geannuleerd",
    )
    if held_place:
        from hvhk.activities.services.registrations import waitlist_advance  # the registration helper's

        waitlist_advance(activity=activity, session=registration.session)
    _mail_families(
        activity=activity,
        session=registration.session,
        registrations=[registration],
        reason=reason,
        kind="one",
    )
    return registration
