"""Opening hours from HSDS schedules: which hours apply on a date, and whether a place is open now.

Schedules are read as local time in the network's time zone (Europe/Brussels). Public holidays are not known
here, so pages say "normaal open" rather than promise it.
"""

import datetime as dt
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from hvhk.directory.models import Schedule

BRUSSELS = ZoneInfo("Europe/Brussels")
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ORDINAL_DAY = re.compile(r"^(-?\d)?(MO|TU|WE|TH|FR|SA|SU)$")


def _applies_on(schedule: Schedule, day: dt.date) -> bool:
    if schedule.valid_from and day < schedule.valid_from:
        return False
    if schedule.valid_to and day > schedule.valid_to:
        return False
    if schedule.until and day > schedule.until:
        return False
    for part in filter(None, schedule.byday.split(",")):
        match = _ORDINAL_DAY.match(part.strip())
        if not match or DAY_CODES.index(match.group(2)) != day.weekday():
            continue
        ordinal = match.group(1)
        if schedule.freq == Schedule.Freq.MONTHLY and ordinal:
            n = int(ordinal)
            if n > 0 and (day.day - 1) // 7 + 1 == n:
                return True
            days_in_month = (
                (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            ).day
            if n < 0 and (days_in_month - day.day) // 7 + 1 == -n:
                return True
            continue
        if schedule.interval and schedule.interval > 1 and schedule.dtstart:
            weeks = (day - schedule.dtstart).days // 7
            if weeks < 0 or weeks % schedule.interval:
                continue
        return True
    return False


def hours_on(schedules: Iterable[Schedule], day: dt.date) -> list[tuple[dt.time, dt.time]]:
    """Opening periods on `day`, earliest first."""
    periods = [
        (s.opens_at, s.closes_at) for s in schedules if s.opens_at and s.closes_at and _applies_on(s, day)
    ]
    return sorted(periods)


def is_open_at(schedules: Iterable[Schedule], moment: dt.datetime) -> bool:
    local = moment.astimezone(BRUSSELS)
    now = local.time()
    return any(opens <= now < closes for opens, closes in hours_on(schedules, local.date()))


def weekly_table(schedules: Iterable[Schedule]) -> list[tuple[str, list[tuple[dt.time, dt.time]]]]:
    """For each weekday code, the weekly opening periods (monthly and dated exceptions left out)."""
    table: dict[str, list[tuple[dt.time, dt.time]]] = {code: [] for code in DAY_CODES}
    for s in schedules:
        if s.freq != Schedule.Freq.WEEKLY or not (s.opens_at and s.closes_at):
            continue
        for code in s.days:
            if code in table:
                table[code].append((s.opens_at, s.closes_at))
    return [(code, sorted(periods)) for code, periods in table.items()]
