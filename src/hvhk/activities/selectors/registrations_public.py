"""Reads for the family's side of registration: a published activity with its sessions and places, and a
registration found by its private link. Always through the network; another network's or an unpublished
activity is a 404."""

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Max, Prefetch, Q
from django.http import Http404
from django.utils import timezone

from hvhk.activities.models import Activity, Registration, Session
from hvhk.activities.selectors.availability import Availability, availability_for_sessions
from hvhk.core.lib.tokens import token_hash
from hvhk.core.models import Network


@dataclass(frozen=True)
class SessionRow:
    """A session as the detail page shows it: its places, and whether a family can still sign up for it."""

    session: Session
    availability: Availability

    @property
    def is_cancelled(self) -> bool:
        return self.session.is_cancelled

    @property
    def can_register(self) -> bool:
        """Open for registration: not cancelled, and a place or a waiting list left."""
        if self.session.is_cancelled:
            return False
        return not self.availability.is_full or self.session.activity.waiting_list


def activity_public_get(*, network: Network, pk: UUID) -> Activity:
    """A published activity of `network` with what its page shows (organiser, house, place); else a 404."""
    activity = (
        Activity.objects.for_network(network)
        .filter(pk=pk, status=Activity.Status.PUBLISHED)
        .select_related("network", "service__organization", "house", "location")
        .prefetch_related("location__addresses", "location__accessibility")
        .first()
    )
    if activity is None:
        raise Http404
    return activity


def sessions_upcoming(*, activity: Activity, now: dt.datetime | None = None) -> list[SessionRow]:
    """The sessions of `activity` that have not started, cancelled ones included (marked), with their places.
    Two queries whatever their number."""
    now = now or timezone.now()
    sessions = list(Session.objects.filter(activity=activity, starts_at__gt=now).order_by("starts_at"))
    for session in sessions:
        session.activity = activity
    places = availability_for_sessions(sessions=sessions)
    return [SessionRow(session=s, availability=places[s.pk]) for s in sessions]


def series_started(*, activity: Activity, now: dt.datetime | None = None) -> bool:
    """A series can no longer be joined once its first (not cancelled) session has started."""
    first = activity.sessions.filter(is_cancelled=False).order_by("starts_at").first()
    return first is None or first.starts_at <= (now or timezone.now())


def registration_by_token(*, network: Network, token: str) -> Registration | None:
    """The registration behind a private link, or None (unknown, or anonymised: its link has died)."""
    if not token or len(token) > 200:
        return None
    return (
        Registration.objects.for_network(network)
        .filter(token_hash=token_hash(token), anonymised_at__isnull=True)
        .select_related("network", "activity__service__organization", "activity__location", "session")
        .prefetch_related(Prefetch("activity__sessions", queryset=Session.objects.order_by("starts_at")))
        .first()
    )


def waiting_position(*, registration: Registration) -> int | None:
    """The place in line (1 is next) of a waiting registration; None when it does not wait."""
    if registration.status != Registration.Status.WAITING or registration.queued_at is None:
        return None
    ahead = Registration.objects.filter(
        activity_id=registration.activity_id,
        session_id=registration.session_id,
        status=Registration.Status.WAITING,
    ).filter(
        Q(queued_at__lt=registration.queued_at) | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def registration_over(*, registration: Registration, now: dt.datetime | None = None) -> bool:
    """The session (the last one of a series) has ended: nothing left to change or cancel."""
    now = now or timezone.now()
    if registration.session_id:
        return registration.session.ends_at <= now
    last = registration.activity.sessions.aggregate(end=Max("ends_at"))["end"]
    return last is not None and last <= now
