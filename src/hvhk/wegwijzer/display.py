"""How directory records read on the public pages: translated texts, prices, opening hours, ways to go."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hvhk.directory.display import (  # noqa: F401  (the public pages' names for the shared helpers)
    DAY_NAMES,
    Text,
    holiday_today,
    open_now,
    other_schedules,
    places,
    service_schedules,
    tr,
    week_rows,
)
from hvhk.directory.models import CostOption, Schedule, Service
from hvhk.directory.opening_hours import BRUSSELS, hours_on

STALE_AFTER_DAYS = 183


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


def today_hours(schedules: list[Schedule], now: dt.datetime | None = None) -> list[tuple[dt.time, dt.time]]:
    return hours_on(schedules, (now or timezone.now()).astimezone(BRUSSELS).date())


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
