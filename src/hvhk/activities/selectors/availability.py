"""Places and waiting lists: how many places a session (or a series) has, how many are taken, who waits.

A place is a family (one registration) or a person (adults plus children), as the activity says. Confirmed
registrations and open offers hold places; the waiting list holds none. For a series the registrations have no
session and the count is the activity's; every session of the series shows that count.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, F, Sum

from hvhk.activities.models import Activity, Registration, Session


@dataclass(frozen=True)
class Availability:
    places: int | None  # None: no limit
    taken: int = 0
    waiting: int = 0

    @property
    def left(self) -> int | None:
        return None if self.places is None else max(self.places - self.taken, 0)

    @property
    def is_full(self) -> bool:
        return self.places is not None and self.taken >= self.places


def units(*, activity: Activity, adults: int, children: int) -> int:
    """The places a registration of `adults` and `children` takes at `activity`."""
    return 1 if activity.places_per == Activity.PlacesPer.FAMILY else adults + children


def _counts(registrations) -> dict[tuple[UUID | None, UUID | None], dict[str, int]]:
    """{(activity id, session id): {"families": n, "people": n, "waiting": n}} for holding and waiting rows."""
    rows = (
        registrations.filter(status__in=Registration.ACTIVE)
        .values("activity_id", "session_id", "status")
        .annotate(families=Count("id"), people=Sum(F("adults") + F("children")))
    )
    out: dict = {}
    for row in rows:
        slot = out.setdefault(
            (row["activity_id"], row["session_id"]), {"families": 0, "people": 0, "waiting": 0}
        )
        if row["status"] == Registration.Status.WAITING:
            slot["waiting"] += row["families"]
        else:
            slot["families"] += row["families"]
            slot["people"] += row["people"] or 0
    return out


def _make(activity: Activity, places: int | None, slot: dict[str, int] | None) -> Availability:
    slot = slot or {"families": 0, "people": 0, "waiting": 0}
    taken = slot["families"] if activity.places_per == Activity.PlacesPer.FAMILY else slot["people"]
    return Availability(places=places, taken=taken, waiting=slot["waiting"])


def availability_for_sessions(*, sessions: Iterable[Session]) -> dict[UUID, Availability]:
    """{session id: Availability} for `sessions` (with `activity` loaded), in one query whatever their number."""
    sessions = list(sessions)
    if not sessions:
        return {}
    series_ids = {s.activity_id for s in sessions if s.activity.per_series}
    session_ids = [s.pk for s in sessions if not s.activity.per_series]
    registrations = Registration.objects.none()
    if session_ids:
        registrations = Registration.objects.filter(session_id__in=session_ids)
    if series_ids:
        series = Registration.objects.filter(activity_id__in=series_ids, session__isnull=True)
        registrations = series if not session_ids else registrations | series
    counts = _counts(registrations) if (session_ids or series_ids) else {}
    out = {}
    for s in sessions:
        if s.activity.per_series:
            out[s.pk] = _make(s.activity, s.activity.capacity, counts.get((s.activity_id, None)))
        else:
            out[s.pk] = _make(s.activity, s.places, counts.get((s.activity_id, s.pk)))
    return out


def series_availability(*, activity: Activity) -> Availability:
    """The places of a series activity (one registration for every session)."""
    counts = _counts(Registration.objects.filter(activity=activity, session__isnull=True))
    return _make(activity, activity.capacity, counts.get((activity.pk, None)))


def session_availability(*, session: Session) -> Availability:
    """The places of one session (for a series: the series' count)."""
    if session.activity.per_series:
        return series_availability(activity=session.activity)
    counts = _counts(Registration.objects.filter(session=session))
    return _make(session.activity, session.places, counts.get((session.activity_id, session.pk)))
