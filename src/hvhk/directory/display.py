"""How a directory record reads on a page: texts in the reader's language, opening hours, places, and the
whole context of a service's page. The public service page (wegwijzer) and the portal's preview of a draft
build that page from the same function, `service_page_context`."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy

from hvhk.core.lib.workdays import is_public_holiday
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE, TARGET_GROUPS_CODE
from hvhk.directory.models import Phone, Schedule, Service
from hvhk.directory.opening_hours import BRUSSELS, DAY_CODES, is_open_at, weekly_table
from hvhk.directory.selectors import related_services

DAY_NAMES = {
    "MO": gettext_lazy("maandag"),
    "TU": gettext_lazy("dinsdag"),
    "WE": gettext_lazy("woensdag"),
    "TH": gettext_lazy("donderdag"),
    "FR": gettext_lazy("vrijdag"),
    "SA": gettext_lazy("zaterdag"),
    "SU": gettext_lazy("zondag"),
}


@dataclass(frozen=True)
class Text:
    """A text in the visitor's language, or the Dutch original with `fallback` set (shown with lang="nl")."""

    text: str
    fallback: bool

    def __str__(self) -> str:
        return self.text


def tr(obj, field: str) -> Text:
    text, fallback = obj.translated(field, get_language())
    return Text(text or "", fallback)


def service_schedules(service: Service) -> list[Schedule]:
    """The service's own hours; when it has none, the hours of its first place."""
    own = list(service.schedules.all())
    if own:
        return own
    for sal in service.service_at_locations.all():
        place = list(sal.location.schedules.all())
        if place:
            return place
    return []


def open_now(schedules: list[Schedule], now: dt.datetime | None = None) -> bool | None:
    """True/False when the hours are known, None when they are not (by appointment only) or today is a public
    holiday (schedules rarely say whether a place opens then, so the page says neither)."""
    now = now or timezone.now()
    if not any(s.opens_at and s.closes_at for s in schedules) or holiday_today(now):
        return None
    return is_open_at(schedules, now)


def holiday_today(now: dt.datetime | None = None) -> bool:
    return is_public_holiday((now or timezone.now()).astimezone(BRUSSELS).date())


def week_rows(schedules: list[Schedule]) -> list[dict]:
    """Rows for an opening-hours table, today's row marked."""
    today = DAY_CODES[timezone.now().astimezone(BRUSSELS).weekday()]
    return [
        {"code": code, "day": DAY_NAMES[code], "periods": periods, "today": code == today}
        for code, periods in weekly_table(schedules)
    ]


def other_schedules(schedules: list[Schedule]) -> list[Schedule]:
    """Monthly or dated schedules that a weekly table cannot show; their description is shown instead."""
    return [s for s in schedules if s.freq != Schedule.Freq.WEEKLY or s.description]


def places(service: Service) -> list:
    return [sal.location for sal in service.service_at_locations.all()]


def service_page_context(*, service: Service, with_related: bool = True) -> dict:
    """What a service's page shows, from a service of `selectors.service_detail_queryset` (no query per row);
    the page's adapter adds what depends on the request (saved list, address, structured data)."""
    schedules = service_schedules(service)
    locations = places(service)
    phones: list[Phone] = list(service.phones.all()) or [
        p for location in locations for p in location.phones.all()
    ]
    terms = [a.taxonomy_term for a in service.attributes.all()]
    return {
        "service": service,
        "name": tr(service, "name"),
        "description": tr(service, "description"),
        "application_process": tr(service, "application_process"),
        "eligibility": tr(service, "eligibility_description"),
        "alert": tr(service, "alert"),
        "domains": [tr(t, "name") for t in terms if t.taxonomy.code == LIFE_DOMAINS_CODE],
        "groups": [tr(t, "name") for t in terms if t.taxonomy.code == TARGET_GROUPS_CODE],
        "open_now": open_now(schedules),
        "holiday": holiday_today(),
        "week": week_rows(schedules) if schedules else [],
        "other_schedules": other_schedules(schedules),
        "locations": locations,
        "phones": phones,
        "related": related_services(service=service) if with_related else [],
    }
