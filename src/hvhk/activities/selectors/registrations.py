"""Reads of registrations for the organiser: the list per session (or for the whole series) with the open offers
and the waiting list in order, the rows of the CSV export, and the access log.

Every lookup goes through the active role (`access.activities_for`): the coordinator sees every activity of the
network, a partner's staff their organisation's own; anything else is a 404. The list page costs a fixed number
of queries whatever the number of sessions and registrations: the sessions, their registrations, their places.
"""

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone

from hvhk.accounts.access import ActiveRole
from hvhk.activities.models import Activity, Registration, RegistrationAccess, Session
from hvhk.activities.selectors.access import activities_for, sessions_for
from hvhk.activities.selectors.availability import (
    Availability,
    availability_for_sessions,
    series_availability,
)
from hvhk.core.selectors import scoped_get_or_404

Status = Registration.Status
SHOW_CHOICES = ("upcoming", "past", "all")


# --- lookups by id ----------------------------------------------------------------------------------------------


def activity_for_registrations(*, role: ActiveRole, pk) -> Activity:
    """The activity `pk` if `role` may see its registrations, else 404 (another partner's, another network's)."""
    return scoped_get_or_404(
        activities_for(role=role).select_related("network", "service__organization"),
        network=role.network,
        pk=pk,
    )


def session_for_registrations(*, role: ActiveRole, pk) -> Session:
    """The session `pk` if `role` may see its activity's registrations, else 404."""
    return scoped_get_or_404(
        sessions_for(role=role).select_related(
            "network", "activity__network", "activity__service__organization"
        ),
        network=role.network,
        pk=pk,
    )


def registration_for_organiser(*, role: ActiveRole, pk) -> Registration:
    """One registration of an activity `role` may manage, else 404."""
    return scoped_get_or_404(
        Registration.objects.filter(activity__in=activities_for(role=role)).select_related(
            "network", "session", "activity__network", "activity__service__organization"
        ),
        network=role.network,
        pk=pk,
    )


def session_registrations(*, session: Session) -> QuerySet[Registration]:
    """The registrations that belong to `session`: its own, or its series' (one registration for every date)."""
    if session.activity.per_series:
        return Registration.objects.filter(activity_id=session.activity_id, session__isnull=True)
    return Registration.objects.filter(session=session)


# --- the list page ----------------------------------------------------------------------------------------------


def _queue_key(registration: Registration) -> tuple:
    return (registration.queued_at or registration.created_at, registration.created_at)


@dataclass
class Slot:
    """One block of the list: a session of an activity with a registration per session, or the whole series
    (`session` None; `sessions` are its dates)."""

    session: Session | None
    sessions: list[Session]
    availability: Availability
    confirmed: list[Registration] = field(default_factory=list)
    offered: list[Registration] = field(default_factory=list)
    waiting: list[Registration] = field(default_factory=list)  # in order; each has `.position`
    to_phone: list[Registration] = field(default_factory=list)  # cancelled by us, no e-mail: call them

    @property
    def families(self) -> int:
        return len(self.confirmed)

    @property
    def people(self) -> int:
        return sum(r.people for r in self.confirmed)

    @property
    def children(self) -> int:
        return sum(r.children for r in self.confirmed)

    @property
    def is_cancelled(self) -> bool:
        return self.session is not None and self.session.is_cancelled

    @property
    def has_started(self) -> bool:
        return self.session is not None and self.session.starts_at <= timezone.now()

    @property
    def can_change(self) -> bool:
        """Registrations can still be cancelled by the organiser (the session is ahead and goes ahead)."""
        return not self.is_cancelled and not self.has_started


@dataclass
class Overview:
    activity: Activity
    slots: list[Slot]
    sessions: list[Session]  # the sessions shown (for a series: all)
    show: str
    chosen: Session | None


def _fill(slot: Slot, registrations: list[Registration]) -> Slot:
    for registration in registrations:
        if registration.status == Status.CONFIRMED:
            slot.confirmed.append(registration)
        elif registration.status == Status.OFFERED:
            slot.offered.append(registration)
        elif registration.status == Status.WAITING:
            slot.waiting.append(registration)
        elif (
            registration.status == Status.CANCELLED
            and registration.cancelled_by_organiser
            and slot.is_cancelled
            and not registration.email
            and registration.phone
        ):
            slot.to_phone.append(registration)
    slot.confirmed.sort(key=lambda r: (r.confirmed_at or r.created_at, r.created_at))
    slot.offered.sort(key=lambda r: (r.offer_expires_at or r.created_at, r.created_at))
    slot.waiting.sort(key=_queue_key)
    for position, registration in enumerate(slot.waiting, start=1):
        registration.position = position
    return slot


def _sessions(activity: Activity, *, show: str, chosen: Session | None) -> list[Session]:
    if chosen is not None:
        chosen.activity = activity
        return [chosen]
    sessions = activity.sessions.all()  # each session's `activity` is this instance: no query per session
    if activity.per_series or show == "all":
        return list(sessions)
    now = timezone.now()
    if show == "past":
        return list(sessions.filter(ends_at__lt=now).order_by("-starts_at"))
    return list(sessions.filter(ends_at__gte=now))


def registration_overview(
    *, activity: Activity, show: str = "upcoming", chosen: Session | None = None
) -> Overview:
    """The registrations of `activity` as the organiser reads them: per session (`show`: upcoming, past or all
    sessions; `chosen`: one session), or one block for a series, each with its totals. Three queries."""
    show = show if show in SHOW_CHOICES else "upcoming"
    sessions = _sessions(activity, show=show, chosen=chosen)
    registrations = Registration.objects.filter(activity=activity).order_by("created_at")
    if activity.per_series:
        rows = list(registrations.filter(session__isnull=True))
        slot = Slot(session=None, sessions=sessions, availability=series_availability(activity=activity))
        return Overview(activity, [_fill(slot, rows)], sessions, show, chosen)
    by_session: dict[UUID, list[Registration]] = {s.pk: [] for s in sessions}
    if sessions:
        for registration in registrations.filter(session__in=sessions):
            by_session[registration.session_id].append(registration)
    places = availability_for_sessions(sessions=sessions)
    slots = [
        _fill(Slot(session=s, sessions=[s], availability=places[s.pk]), by_session[s.pk]) for s in sessions
    ]
    return Overview(activity, slots, sessions, show, chosen)


# --- CSV export -------------------------------------------------------------------------------------------------


def registrations_for_export(*, activity: Activity, session: Session | None = None) -> list[Registration]:
    """Every registration of `activity` (of `session` only, if given), each with `.position` on its waiting list
    (None when not waiting), ordered by session and then by when they registered. One query."""
    registrations = (
        Registration.objects.filter(activity=activity).select_related("session").order_by("created_at")
    )
    if session is not None:
        registrations = registrations.filter(session=session)
    rows = list(registrations)
    queues: dict[UUID | None, list[Registration]] = {}
    for registration in rows:
        registration.position = None
        if registration.status == Status.WAITING:
            queues.setdefault(registration.session_id, []).append(registration)
    for queue in queues.values():
        for position, registration in enumerate(sorted(queue, key=_queue_key), start=1):
            registration.position = position
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    rows.sort(key=lambda r: (r.session.starts_at if r.session else far, r.created_at))
    return rows


# --- access log -------------------------------------------------------------------------------------------------


def access_log_list(*, role: ActiveRole, activity_id: UUID | None = None) -> QuerySet[RegistrationAccess]:
    """Who viewed, exported, marked or cancelled registrations in the role's network, newest first (the
    coordinator's page; other roles see nothing)."""
    if not role.is_coordinator:
        return RegistrationAccess.objects.none()
    entries = RegistrationAccess.objects.for_network(role.network).order_by("-created_at", "-pk")
    if activity_id is not None:
        entries = entries.filter(activity_id_value=activity_id)
    return entries
