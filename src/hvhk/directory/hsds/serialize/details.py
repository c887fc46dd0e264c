"""Small nested HSDS objects: phones, languages, schedules, contacts, addresses, accessibility, prices."""

from decimal import Decimal

from hvhk.directory import models as m
from hvhk.directory.models.validators import is_web_url


def _clean(data: dict) -> dict:
    """Drop empty values, but keep required keys (listed in `data["__keep"]`) and lists.

    An empty list says "none": an importer must be able to tell "this service has no phones any more" from
    "this export does not say anything about phones".
    """
    keep = set(data.pop("__keep", ()))
    return {k: v for k, v in data.items() if k in keep or isinstance(v, list) or v not in (None, "", {})}


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _years(months: int | None) -> float | None:
    if months is None:
        return None
    return round(max(months, 0) / 12, 2)


def _time(value) -> str | None:
    return value.strftime("%H:%M") if value else None


def _date(value) -> str | None:
    return value.isoformat() if value else None


def phone(p: m.Phone) -> dict:
    return _clean(
        {
            "id": str(p.id),
            "number": p.number,
            "extension": p.extension,
            "type": p.type,
            "description": p.description,
            "location_id": _id(p.location_id),
            "service_id": _id(p.service_id),
            "organization_id": _id(p.organization_id),
            "contact_id": _id(p.contact_id),
            "service_at_location_id": _id(p.service_at_location_id),
            "languages": [language(lang) for lang in p.languages.all()],
            "__keep": ("id", "number"),
        }
    )


def _web(value: str) -> str | None:
    """A link as published: only http(s). A row saved before the model refused other schemes may hold
    `javascript:` or `ftp:`; the API never passes such a link on to the sites that show it."""
    return value if is_web_url(value) else None


def _id(value) -> str | None:
    return str(value) if value else None


def language(lang: m.Language) -> dict:
    return _clean(
        {
            "id": str(lang.id),
            "name": lang.name,
            "code": lang.code,
            "note": lang.note,
            "service_id": _id(lang.service_id),
            "location_id": _id(lang.location_id),
            "phone_id": _id(lang.phone_id),
            "__keep": ("id",),
        }
    )


def schedule(s: m.Schedule) -> dict:
    return _clean(
        {
            "id": str(s.id),
            "service_id": _id(s.service_id),
            "location_id": _id(s.location_id),
            "service_at_location_id": _id(s.service_at_location_id),
            "valid_from": _date(s.valid_from),
            "valid_to": _date(s.valid_to),
            "dtstart": _date(s.dtstart),
            "timezone": s.timezone,
            "until": _date(s.until),
            "count": s.count,
            "wkst": s.wkst,
            "freq": s.freq,
            "interval": s.interval,
            "byday": s.byday,
            "byweekno": s.byweekno,
            "bymonthday": s.bymonthday,
            "byyearday": s.byyearday,
            "description": s.description,
            "opens_at": _time(s.opens_at),
            "closes_at": _time(s.closes_at),
            "schedule_link": _web(s.schedule_link),
            "attending_type": s.attending_type,
            "notes": s.notes,
            "__keep": ("id",),
        }
    )


def contact(c: m.Contact) -> dict:
    return _clean(
        {
            "id": str(c.id),
            "organization_id": _id(c.organization_id),
            "service_id": _id(c.service_id),
            "service_at_location_id": _id(c.service_at_location_id),
            "location_id": _id(c.location_id),
            "name": c.name,
            "title": c.title,
            "department": c.department,
            "email": c.email,
            "phones": [phone(p) for p in c.phones.all()],
            "__keep": ("id",),
        }
    )


def address(a: m.Address) -> dict:
    return _clean(
        {
            "id": str(a.id),
            "location_id": str(a.location_id),
            "attention": a.attention,
            "address_1": a.address_1,
            "address_2": a.address_2,
            "city": a.city,
            "region": a.region,
            "state_province": a.state_province,
            "postal_code": a.postal_code,
            "country": a.country,
            "address_type": a.address_type,
            "__keep": ("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
        }
    )


def accessibility(a: m.Accessibility) -> dict:
    return _clean(
        {
            "id": str(a.id),
            "location_id": str(a.location_id),
            "description": a.description,
            "details": a.details,
            "url": _web(a.url),
            "hvhk_feature": a.feature,
            "__keep": ("id",),
        }
    )


def cost_option(c: m.CostOption) -> dict:
    return _clean(
        {
            "id": str(c.id),
            "service_id": str(c.service_id),
            "valid_from": _date(c.valid_from),
            "valid_to": _date(c.valid_to),
            "option": c.option,
            "currency": c.currency,
            "amount": _number(c.amount),
            "amount_description": c.amount_description,
            "hvhk_kind": c.kind,
            "__keep": ("id",),
        }
    )
