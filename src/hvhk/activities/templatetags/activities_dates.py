"""Dates of sessions as families read them, in the interface language: "woensdag 9 december 2026, 14:00–15:30".

Named formats only (DATE_FORMAT, TIME_FORMAT of the active language), with the weekday in front: a parent picks a
date by its day of the week.
"""

import datetime as dt

from django import template
from django.utils import dateformat, formats, timezone

register = template.Library()


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


@register.filter
def weekday_date(value: dt.datetime | dt.date | None) -> str:
    """ "woensdag 9 december 2026" (in the active language)."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value)
    return f"{dateformat.format(value, 'l')} {formats.date_format(value, 'DATE_FORMAT')}"


@register.filter
def session_when(session) -> str:
    """ "woensdag 9 december 2026, 14:00–15:30" for a session (start and end on the same day), else both ends."""
    start, end = _local(session.starts_at), _local(session.ends_at)
    times = f"{formats.time_format(start, 'TIME_FORMAT')}–{formats.time_format(end, 'TIME_FORMAT')}"
    if start.date() == end.date():
        return f"{weekday_date(start)}, {times}"
    return (
        f"{weekday_date(start)} {formats.time_format(start, 'TIME_FORMAT')} – {weekday_date(end)} "
        + formats.time_format(end, "TIME_FORMAT")
    )
