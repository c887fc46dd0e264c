"""Counting how the wegwijzer is used, without cookies and without anything about the visitor: per network and
month how many searches were made (a results page asked for with words or filters) and per service how often its
page was viewed (search.models.MonthlyUse).

Counting must cost (almost) nothing per request, so counts wait in this process's memory (a dict under a lock) and
are written together, one `UPDATE ... SET count = count + n` per month, kind and service (an insert when the row
is missing; when two processes insert the same first row at once, the loser's insert becomes an update), when:
- the oldest waiting count is `settings.USAGE_FLUSH_SECONDS` old (env HVHK_USAGE_FLUSH_SECONDS; 0 writes every
  count at once, as the tests do),
- MAX_KEYS different rows wait, or
- the process exits (atexit).
A process that is killed loses at most those few seconds of counts: these are statistics, not records.

Robots are not counted: a request whose User-Agent contains "bot", "crawler" or "spider" (any case) is a robot
(Googlebot, bingbot, AhrefsBot, Baiduspider, ...). Nothing else about the visitor is looked at or kept."""

import atexit
import datetime as dt
import logging
import threading
import time
from uuid import UUID

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F

from hvhk.directory.models import Service
from hvhk.search.models import MonthlyUse, current_month

log = logging.getLogger(__name__)

MAX_KEYS = 500
ROBOT_WORDS = ("bot", "crawler", "spider")

Key = tuple[object, dt.date, str, str | None]  # network id, month, kind, service id

_lock = threading.Lock()
_buffer: dict[Key, int] = {}
_oldest: float | None = None  # time.monotonic() of the oldest waiting count


def is_robot(user_agent: str) -> bool:
    """Whether a User-Agent names a robot (see the module): such requests are not counted."""
    agent = (user_agent or "").lower()
    return any(word in agent for word in ROBOT_WORDS)


def usage_count(*, network_id: object, kind: str, service_id: object = None) -> None:
    """Count one search (kind "search") or one view of a service's page ("service_view", with `service_id`) in
    this month's row; written now or soon (see the module)."""
    global _oldest
    if kind not in MonthlyUse.Kind.values or (kind == MonthlyUse.Kind.SERVICE_VIEW) != bool(service_id):
        raise ValueError(f"usage_count: kind {kind!r} with service {service_id!r}")
    key: Key = (network_id, current_month(), kind, str(service_id) if service_id else None)
    wait = settings.USAGE_FLUSH_SECONDS
    now = time.monotonic()
    with _lock:
        _buffer[key] = _buffer.get(key, 0) + 1
        if _oldest is None:
            _oldest = now
        due = wait <= 0 or len(_buffer) >= MAX_KEYS or now - _oldest >= wait
    if due:
        usage_flush()


def usage_pending() -> dict[Key, int]:
    """The counts waiting to be written (a copy)."""
    with _lock:
        return dict(_buffer)


def usage_discard() -> None:
    """Forget the waiting counts (the tests, between two tests: a count never outlives its test's data)."""
    global _oldest
    with _lock:
        _buffer.clear()
        _oldest = None


def usage_flush() -> int:
    """Write every waiting count; returns how many rows were written. A count that cannot be written (its
    service was deleted meanwhile, the database is away) is dropped and logged, never raised to the visitor."""
    global _oldest
    with _lock:
        pending = dict(_buffer)
        _buffer.clear()
        _oldest = None
    written = 0
    for key, n in pending.items():
        try:
            written += _write(key, n)
        except DatabaseError:
            log.warning("wegwijzer usage: %s counts of %s not written", n, key, exc_info=True)
    return written


def _write(key: Key, n: int) -> int:
    network_id, month, kind, service_id = key
    rows = MonthlyUse.objects.filter(network_id=network_id, month=month, kind=kind, service_id=service_id)
    if rows.update(count=F("count") + n):
        return 1
    if service_id is not None:
        # Foreign keys are checked at commit on PostgreSQL: a service deleted since its view is not inserted.
        try:
            UUID(service_id)
        except ValueError:
            return 0
        if not Service.objects.filter(pk=service_id, network_id=network_id).exists():
            return 0
    try:
        with transaction.atomic():
            MonthlyUse.objects.create(
                network_id=network_id, month=month, kind=kind, service_id=service_id, count=n
            )
    except IntegrityError:  # another process created the row just now: add to it
        return rows.update(count=F("count") + n)
    return 1


@atexit.register
def _flush_at_exit() -> None:
    if _buffer:
        try:
            usage_flush()
        except Exception:  # the process is ending; nothing left to tell
            log.warning("wegwijzer usage: counts lost at exit", exc_info=True)
