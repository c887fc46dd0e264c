"""The dates of an activity: one session at a time, a series (a course of N evenings), a recurring pattern
(an RRULE with the public holidays and the network's holiday periods left out), and the holiday periods the
coordinator keeps. Sessions are operational data: a partner's editor changes them at once, without review.

A session that has started is not moved and not deleted; one with registrations is not deleted either, the
partner cancels it instead (the registration lists' `session_cancel`, which tells the families). Every change raises
the session's iCalendar SEQUENCE so calendar apps take the new time.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from hvhk.accounts.access import holds_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.activities.models import Activity, HolidayPeriod, Registration, Session
from hvhk.activities.selectors.access import can_edit
from hvhk.activities.selectors.availability import session_availability
from hvhk.activities.selectors.schedule import MAX_SESSIONS, parse_rrule, plan_dates
from hvhk.activities.services.attendance import mail_moved_session
from hvhk.core.models import Network


def _require_edit(user: User | None, activity: Activity) -> None:
    if not can_edit(user=user, activity=activity):
        raise PermissionDenied("Only the coordinator or the organisation's editor changes its sessions")


def _when(value: dt.datetime) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def _has_active_registrations(session: Session) -> bool:
    registrations = Registration.objects.filter(status__in=Registration.ACTIVE)
    if session.activity.per_series:
        return registrations.filter(activity_id=session.activity_id).exists()
    return registrations.filter(session=session).exists()


def _save(session: Session, acting_user: User | None, reason: str) -> Session:
    session.full_clean()
    session._history_user = acting_user
    session._change_reason = reason
    session.save()
    return session


def _check_new(activity: Activity, starts_at: dt.datetime, ends_at: dt.datetime, *, exclude=None) -> None:
    if starts_at <= timezone.now():
        raise ValidationError(
            {"starts_at": _("Dit moment ligt in het verleden. Kies een datum die nog komt.")}
        )
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("Het einde moet na het begin liggen.")})
    if ends_at - starts_at > dt.timedelta(hours=24):
        raise ValidationError({"ends_at": _("Een moment duurt hoogstens een dag.")})
    same = Session.objects.filter(activity=activity, starts_at=starts_at)
    if exclude is not None:
        same = same.exclude(pk=exclude.pk)
    if same.exists():
        raise ValidationError(
            {"starts_at": _("Er is al een moment op %(when)s.") % {"when": _when(starts_at)}}
        )


@transaction.atomic
def session_add(
    *,
    activity: Activity,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    capacity: int | None = None,
    acting_user: User | None,
) -> Session:
    """Add one date to `activity` (in the future, not at the start of another of its sessions)."""
    _require_edit(acting_user, activity)
    _check_new(activity, starts_at, ends_at)
    session = Session(
        network_id=activity.network_id,
        activity=activity,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
    )
    return _save(session, acting_user, "add")


@transaction.atomic
def session_update(
    *,
    session: Session,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    capacity: int | None = None,
    acting_user: User | None,
) -> Session:
    """Move `session` or change its places. A session that has started keeps its time; a cancelled one is not
    changed; the places cannot drop below what is taken. Raises the iCalendar SEQUENCE."""
    _require_edit(acting_user, session.activity)
    session = Session.objects.select_for_update().select_related("activity").get(pk=session.pk)
    if session.is_cancelled:
        raise ValidationError(_("Dit moment is afgelast en kan niet meer veranderen."))
    moved = (starts_at, ends_at) != (session.starts_at, session.ends_at)
    if moved:
        if session.starts_at <= timezone.now():
            raise ValidationError(
                {"starts_at": _("Dit moment is al begonnen. Je kunt het niet meer verplaatsen.")}
            )
        _check_new(session.activity, starts_at, ends_at, exclude=session)
    if capacity != session.capacity and not session.activity.per_series:
        places = capacity if capacity is not None else session.activity.capacity
        taken = session_availability(session=session).taken
        if places is not None and taken > places:
            raise ValidationError(
                {
                    "capacity": _(
                        "Er zijn al %(taken)s plaatsen ingenomen. Kies minstens %(taken)s plaatsen."
                    )
                    % {"taken": taken}
                }
            )
    if not moved and capacity == session.capacity:
        return session
    previous = Session(starts_at=session.starts_at, ends_at=session.ends_at)
    session.starts_at, session.ends_at, session.capacity = starts_at, ends_at, capacity
    session.sequence += 1
    session = _save(session, acting_user, "update")
    if moved:
        mail_moved_session(session=session, previous=previous)  # the families hear the new time
    return session


@transaction.atomic
def session_delete(*, session: Session, acting_user: User | None) -> None:
    """Remove a session that has not started and has no registrations. With registrations the partner cancels
    it instead, so the families hear about it."""
    _require_edit(acting_user, session.activity)
    session = Session.objects.select_for_update().select_related("activity").get(pk=session.pk)
    if session.starts_at <= timezone.now():
        raise ValidationError(_("Dit moment is al voorbij of bezig. Je kunt het niet meer verwijderen."))
    if _has_active_registrations(session):
        raise ValidationError(
            _(
                "Voor dit moment zijn er inschrijvingen. Verwijderen kan dan niet: annuleer het moment, "
                "dan krijgen de ingeschreven gezinnen bericht."
            )
        )
    session._history_user = acting_user
    session._change_reason = "delete"
    session.delete()


def _parse_dates(dates: list[tuple[dt.datetime, dt.datetime]]) -> list[tuple[dt.datetime, dt.datetime]]:
    if not dates:
        raise ValidationError({"dates": _("Geef minstens één datum.")})
    if len(dates) > MAX_SESSIONS:
        raise ValidationError({"dates": _("Geef hoogstens %(max)s data.") % {"max": MAX_SESSIONS}})
    seen = set()
    for start, end in dates:
        if start in seen:
            raise ValidationError({"dates": _("%(when)s staat er twee keer in.") % {"when": _when(start)}})
        seen.add(start)
        if end <= start:
            raise ValidationError(
                {"dates": _("Op %(when)s ligt het einde voor het begin.") % {"when": _when(start)}}
            )
        if end - start > dt.timedelta(hours=24):
            raise ValidationError(
                {"dates": _("Op %(when)s duurt het moment langer dan een dag.") % {"when": _when(start)}}
            )
    return sorted(dates)


@transaction.atomic
def series_set(
    *, activity: Activity, dates: list[tuple[dt.datetime, dt.datetime]], acting_user: User | None
) -> list[Session]:
    """Make the upcoming sessions of `activity` exactly `dates` (a course of N evenings): sessions already at
    one of the starts stay (their end is updated), new starts are added, upcoming sessions not in the list are
    removed. Sessions that have started are never touched. All or nothing: a date in the past, or an upcoming
    session with registrations that would go, refuses the whole change. Returns the upcoming sessions."""
    _require_edit(acting_user, activity)
    dates = _parse_dates(dates)
    now = timezone.now()
    upcoming = {
        s.starts_at: s
        for s in Session.objects.select_for_update()
        .filter(activity=activity, starts_at__gt=now)
        .select_related("activity")
    }
    wanted = dict(dates)
    for start in wanted:
        if start <= now:
            raise ValidationError({"dates": _("%(when)s ligt in het verleden.") % {"when": _when(start)}})
    for start, session in upcoming.items():
        if start not in wanted:
            if session.is_cancelled:
                continue  # a cancelled date stays, as a record of what happened
            if _has_active_registrations(session):
                raise ValidationError(
                    {
                        "dates": _(
                            "Voor %(when)s zijn er inschrijvingen. Laat die datum staan, of annuleer het moment."
                        )
                        % {"when": _when(start)}
                    }
                )
            session._history_user = acting_user
            session._change_reason = "series"
            session.delete()
    for start, end in dates:
        session = upcoming.get(start)
        if session is None:
            _save(
                Session(network_id=activity.network_id, activity=activity, starts_at=start, ends_at=end),
                acting_user,
                "series",
            )
        elif session.ends_at != end and not session.is_cancelled:
            session.ends_at = end
            session.sequence += 1
            _save(session, acting_user, "series")
    return list(Session.objects.filter(activity=activity, starts_at__gt=now).order_by("starts_at"))


@transaction.atomic
def sessions_generate(
    *,
    activity: Activity,
    first_start: dt.datetime,
    duration: dt.timedelta,
    rrule: str,
    until: dt.date,
    skip_public_holidays: bool = True,
    skip_school_holidays: bool = False,
    acting_user: User | None,
) -> list[Session]:
    """Add the sessions of a recurring pattern (see selectors.schedule.plan_dates; the preview shows the same
    list), skipping public holidays, holiday periods and starts that already have a session. The pattern and
    the choices are kept on the activity. A per-session activity becomes 'recurring'; a series stays a series.
    Returns the sessions made."""
    _require_edit(acting_user, activity)
    rule = parse_rrule(rrule)
    if first_start <= timezone.now():
        raise ValidationError({"first_start": _("De eerste datum ligt in het verleden.")})
    planned = plan_dates(
        activity=activity,
        first_start=first_start,
        duration=duration,
        rrule=rule,
        until=until,
        skip_public_holidays=skip_public_holidays,
        skip_school_holidays=skip_school_holidays,
    )
    made = [
        _save(
            Session(
                network_id=activity.network_id, activity=activity, starts_at=p.starts_at, ends_at=p.ends_at
            ),
            acting_user,
            "generate",
        )
        for p in planned
        if not p.skipped
    ]
    if not made:
        raise ValidationError({"rrule": _("Dit patroon geeft geen enkele nieuwe datum.")})
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    activity.recurrence = rule
    activity.skip_public_holidays = skip_public_holidays
    activity.skip_school_holidays = skip_school_holidays
    if activity.schedule == Activity.Schedule.SINGLE:
        activity.schedule = Activity.Schedule.RECURRING
    activity.full_clean()
    activity._history_user = acting_user
    activity._change_reason = "recurrence"
    activity.save(
        update_fields=["recurrence", "skip_public_holidays", "skip_school_holidays", "schedule", "updated_at"]
    )
    return made


# --- holiday periods (the coordinator) ----------------------------------------------------------------------------


def _require_coordinator(user: User | None, network: Network | object) -> None:
    if not holds_role(user, network=network, roles=(RoleAssignment.Role.COORDINATOR,)):
        raise PermissionDenied("Only the coordinator keeps the holiday periods")


def _save_period(period: HolidayPeriod, acting_user: User | None) -> HolidayPeriod:
    period.name = (period.name or "").strip()
    period.full_clean()
    period.save()
    return period


@transaction.atomic
def holiday_period_create(
    *, network: Network, name: str, starts_on: dt.date, ends_on: dt.date, acting_user: User | None
) -> HolidayPeriod:
    """A school holiday (or another closing period) that recurring activities of `network` can skip."""
    _require_coordinator(acting_user, network)
    return _save_period(
        HolidayPeriod(network=network, name=name, starts_on=starts_on, ends_on=ends_on), acting_user
    )


@transaction.atomic
def holiday_period_update(
    *, period: HolidayPeriod, name: str, starts_on: dt.date, ends_on: dt.date, acting_user: User | None
) -> HolidayPeriod:
    _require_coordinator(acting_user, period.network_id)
    period.name, period.starts_on, period.ends_on = name, starts_on, ends_on
    return _save_period(period, acting_user)


@transaction.atomic
def holiday_period_delete(*, period: HolidayPeriod, acting_user: User | None) -> None:
    """Remove a holiday period; sessions already made stay as they are."""
    _require_coordinator(acting_user, period.network_id)
    period.delete()
