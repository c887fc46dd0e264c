"""Planning the dates of a recurring activity: an RFC 5545 RRULE (python-dateutil) from a first start, minus the
Belgian public holidays (the `holidays` package), the network's holiday periods and the starts that already
have a session. `sessions_preview` shows the partner what would be made and what is skipped and why;
`services.schedule.sessions_generate` makes exactly the dates it lists.

Times are wall-clock times in Europe/Brussels: the rule runs on naive local times and each date is made aware
afterwards, so a session at 19:00 stays at 19:00 when summer time ends.
"""

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil import rrule as du
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hvhk.activities.models import Activity, HolidayPeriod, Session
from hvhk.core.models import Network

MAX_SESSIONS = 200
MAX_SPAN_DAYS = 366
ALLOWED_FREQUENCIES = {du.DAILY, du.WEEKLY, du.MONTHLY, du.YEARLY}

SKIP_PUBLIC_HOLIDAY = gettext_lazy("feestdag")
SKIP_SCHOOL_HOLIDAY = gettext_lazy("vakantie")
SKIP_EXISTS = gettext_lazy("er is al een moment op dit uur")


@dataclass(frozen=True)
class PlannedDate:
    starts_at: dt.datetime  # aware
    ends_at: dt.datetime
    skipped: bool = False
    reason: str = ""  # why it is skipped: "feestdag: Kerstmis"


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


@lru_cache(maxsize=16)
def _public_holidays(year: int) -> dict[dt.date, str]:
    try:
        days = holidays.country_holidays("BE", years=year, language="nl")
    except (NotImplementedError, KeyError):  # pragma: no cover (older `holidays` without Dutch names)
        days = holidays.country_holidays("BE", years=year)
    return dict(days.items())


def public_holiday_name(day: dt.date) -> str | None:
    return _public_holidays(day.year).get(day)


def parse_rrule(rule: str) -> str:
    """The RRULE part of `rule` ("RRULE:FREQ=WEEKLY;BYDAY=WE" or "FREQ=WEEKLY;BYDAY=WE"), upper-cased and
    checked; a ValidationError on `rrule` for anything dateutil does not read or we do not allow."""
    text = (rule or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    text = text.upper().replace(" ", "")
    if not text or "\n" in text or "DTSTART" in text or len(text) > 300:
        raise ValidationError({"rrule": _("Geef een herhaling als FREQ=WEEKLY;BYDAY=WE.")})
    try:
        parsed = du.rrulestr(text, dtstart=dt.datetime(2000, 1, 1))  # noqa: DTZ001 (naive local times)
    except (ValueError, TypeError) as exc:
        raise ValidationError(
            {"rrule": _("Deze herhaling begrijpen we niet. Geef ze als FREQ=WEEKLY;BYDAY=WE.")}
        ) from exc
    if not isinstance(parsed, du.rrule) or parsed._freq not in ALLOWED_FREQUENCIES:
        raise ValidationError({"rrule": _("Herhaal per dag, week, maand of jaar, niet vaker.")})
    return text


def _holiday_periods(network: Network, start: dt.date, end: dt.date) -> list[HolidayPeriod]:
    return list(
        HolidayPeriod.objects.for_network(network)
        .filter(starts_on__lte=end, ends_on__gte=start)
        .order_by("starts_on")
    )


def plan_dates(
    *,
    activity: Activity,
    first_start: dt.datetime,
    duration: dt.timedelta,
    rrule: str,
    until: dt.date,
    skip_public_holidays: bool,
    skip_school_holidays: bool,
) -> list[PlannedDate]:
    """Every date the rule gives from `first_start` up to and including `until`, each marked skipped (with the
    reason) or not. Raises ValidationError (with the field) for a bad rule, a duration of zero, an end before the
    start, more than a year, or more than MAX_SESSIONS dates."""
    rule = parse_rrule(rrule)
    if duration <= dt.timedelta(0):
        raise ValidationError({"ends_at": _("Het einde moet na het begin liggen.")})
    if duration > dt.timedelta(hours=24):
        raise ValidationError({"ends_at": _("Een moment duurt hoogstens een dag.")})
    zone = _zone()
    local_first = timezone.localtime(first_start, zone) if timezone.is_aware(first_start) else first_start
    naive_first = local_first.replace(tzinfo=None)
    if until < naive_first.date():
        raise ValidationError({"until": _("De einddatum ligt voor de eerste datum.")})
    if (until - naive_first.date()).days > MAX_SPAN_DAYS:
        raise ValidationError({"until": _("Plan hoogstens een jaar vooruit. Kies een vroegere einddatum.")})
    parsed = du.rrulestr(rule, dtstart=naive_first)
    limit = dt.datetime.combine(until, dt.time(23, 59, 59))
    if parsed._until is None or parsed._until > limit:
        parsed = parsed.replace(until=limit)
    starts: list[dt.datetime] = []
    for start in parsed:
        starts.append(start)
        if len(starts) > MAX_SESSIONS:
            raise ValidationError(
                {
                    "until": _(
                        "Dat zijn meer dan %(max)s momenten. Kies een vroegere einddatum of een ruimer patroon."
                    )
                    % {"max": MAX_SESSIONS}
                }
            )
    if not starts:
        return []
    periods = (
        _holiday_periods(activity.network, starts[0].date(), starts[-1].date())
        if skip_school_holidays
        else []
    )
    existing = set()
    if activity.pk:
        existing = {
            timezone.localtime(s, zone).replace(tzinfo=None)
            for s in Session.objects.for_network(activity.network)
            .filter(activity=activity, starts_at__gte=starts[0].replace(tzinfo=zone) - dt.timedelta(days=1))
            .values_list("starts_at", flat=True)
        }
    out = []
    for naive in starts:
        start = naive.replace(tzinfo=zone)
        end = (naive + duration).replace(tzinfo=zone)
        # Wall-clock arithmetic: 19:00 + 2 h is 21:00 local, whatever the offset; aware values compare right.
        start = dt.datetime.fromtimestamp(start.timestamp(), tz=dt.UTC).astimezone(zone)
        end = dt.datetime.fromtimestamp(end.timestamp(), tz=dt.UTC).astimezone(zone)
        reason = ""
        holiday = public_holiday_name(naive.date()) if skip_public_holidays else None
        if holiday:
            reason = f"{SKIP_PUBLIC_HOLIDAY}: {holiday}"
        else:
            period = next((p for p in periods if p.starts_on <= naive.date() <= p.ends_on), None)
            if period is not None:
                reason = f"{SKIP_SCHOOL_HOLIDAY}: {period.name}"
            elif naive in existing:
                reason = str(SKIP_EXISTS)
        out.append(PlannedDate(starts_at=start, ends_at=end, skipped=bool(reason), reason=reason))
    return out


def sessions_preview(
    *,
    activity: Activity,
    first_start: dt.datetime,
    duration: dt.timedelta,
    rrule: str,
    until: dt.date,
    skip_public_holidays: bool,
    skip_school_holidays: bool,
) -> list[PlannedDate]:
    """What `sessions_generate` would do with the same arguments: the dates it makes and the ones it skips (with
    why), for the form's preview. Reads only."""
    return plan_dates(
        activity=activity,
        first_start=first_start,
        duration=duration,
        rrule=rrule,
        until=until,
        skip_public_holidays=skip_public_holidays,
        skip_school_holidays=skip_school_holidays,
    )
