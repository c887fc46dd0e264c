import datetime as dt

import pytest

from hvhk.directory.models import Schedule
from hvhk.directory.opening_hours import BRUSSELS, hours_on, is_open_at, weekly_table

MONDAY = dt.date(2026, 11, 23)


def _s(**kw) -> Schedule:
    return Schedule(**{"freq": "WEEKLY", **kw})


def test_weekly_hours_apply_on_their_days_only():
    schedules = [
        _s(byday="MO,WE", opens_at=dt.time(9), closes_at=dt.time(12)),
        _s(byday="MO", opens_at=dt.time(13), closes_at=dt.time(16)),
    ]
    assert hours_on(schedules, MONDAY) == [(dt.time(9), dt.time(12)), (dt.time(13), dt.time(16))]
    assert hours_on(schedules, MONDAY + dt.timedelta(days=1)) == []


def test_validity_period_limits_the_schedule():
    schedules = [_s(byday="MO", opens_at=dt.time(9), closes_at=dt.time(12), valid_to=dt.date(2026, 11, 1))]
    assert hours_on(schedules, MONDAY) == []


def test_monthly_ordinal_days():
    second_tuesday = [_s(freq="MONTHLY", byday="2TU", opens_at=dt.time(19), closes_at=dt.time(21))]
    assert hours_on(second_tuesday, dt.date(2026, 11, 10))
    assert not hours_on(second_tuesday, dt.date(2026, 11, 17))
    last_friday = [_s(freq="MONTHLY", byday="-1FR", opens_at=dt.time(19), closes_at=dt.time(21))]
    assert hours_on(last_friday, dt.date(2026, 11, 27))
    assert not hours_on(last_friday, dt.date(2026, 11, 20))


@pytest.mark.parametrize(("hour", "open_"), [(8, False), (9, True), (11, True), (12, False)])
def test_is_open_at_uses_brussels_time(hour, open_):
    schedules = [_s(byday="MO", opens_at=dt.time(9), closes_at=dt.time(12))]
    moment = dt.datetime.combine(MONDAY, dt.time(hour, 30 if hour == 11 else 0), tzinfo=BRUSSELS)
    assert is_open_at(schedules, moment.astimezone(dt.UTC)) is open_


def test_weekly_table_lists_every_day():
    table = dict(weekly_table([_s(byday="SA,SU", opens_at=dt.time(10), closes_at=dt.time(12))]))
    assert list(table) == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    assert table["SA"] == [(dt.time(10), dt.time(12))]
    assert table["MO"] == []
