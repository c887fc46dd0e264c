"""How directory records read on the public pages: translated texts, prices, opening hours, ways to go."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from hvhk.core.lib.workdays import is_public_holiday
from hvhk.directory.models import CostOption, Schedule, Service
from hvhk.directory.opening_hours import BRUSSELS, DAY_CODES, hours_on, is_open_at, weekly_table

DAY_NAMES = {
    "MO": gettext_lazy("maandag"),
    "TU": gettext_lazy("dinsdag"),
    "WE": gettext_lazy("woensdag"),
    "TH": gettext_lazy("donderdag"),
    "FR": gettext_lazy("vrijdag"),
    "SA": gettext_lazy("zaterdag"),
    "SU": gettext_lazy("zondag"),
}
STALE_AFTER_DAYS = 183


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


def money(amount: Decimal) -> str:
    return f"€ {number_format(amount, 2, use_l10n=True)}"


def cost_summary(service: Service) -> str:
    """One short line for a result card: "Gratis", "Betalend, verminderd tarief mogelijk", …"""
    kinds = {o.kind for o in service.cost_options.all()}
    if not kinds:
        return ""
    if kinds == {CostOption.Kind.FREE}:
        return _("Gratis")
    if CostOption.Kind.FREE in kinds:
        return _("Gratis of betalend")
    if CostOption.Kind.REDUCED in kinds:
        return _("Betalend, verminderd tarief mogelijk")
    return _("Betalend")


def cost_lines(service: Service) -> list[str]:
    lines = []
    for option in service.cost_options.all():
        label = option.option or option.get_kind_display()
        lines.append(f"{label}: {money(option.amount)}" if option.amount else label)
    return lines


def is_free(service: Service) -> bool:
    return any(o.kind == CostOption.Kind.FREE for o in service.cost_options.all())


def ways(service: Service) -> list[str]:
    labels = []
    if service.at_location:
        labels.append(_("op een locatie"))
    if service.at_home:
        labels.append(_("aan huis"))
    if service.online:
        labels.append(_("online"))
    if service.by_phone:
        labels.append(_("telefonisch"))
    return labels


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


def today_hours(schedules: list[Schedule], now: dt.datetime | None = None) -> list[tuple[dt.time, dt.time]]:
    return hours_on(schedules, (now or timezone.now()).astimezone(BRUSSELS).date())


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


def place_label(service: Service) -> str:
    locations = places(service)
    if not locations:
        return ""
    first = locations[0]
    address = next(iter(first.addresses.all()), None)
    name = address.city if address else (first.area.name if first.area_id else first.name)
    if len(locations) > 1:
        others = len(locations) - 1
        return ngettext("%(place)s en %(n)d andere plek", "%(place)s en %(n)d andere plekken", others) % {
            "place": name,
            "n": others,
        }
    return name


def distance_label(km: float | None) -> str:
    if km is None:
        return ""
    if km < 1:
        return _("%(m)d m") % {"m": round(km * 1000, -1)}
    return _("%(km)s km") % {"km": number_format(round(km, 1), 1, use_l10n=True)}


def is_stale(service: Service) -> bool:
    if not service.assured_date:
        return True
    return (timezone.localdate() - service.assured_date).days > STALE_AFTER_DAYS
