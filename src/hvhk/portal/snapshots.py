"""The editable content of a service, organisation or location as one JSON-ready dict (a *snapshot*).

The portal's forms read and write snapshots; a draft stores one; publishing applies it. Comparing two snapshots
gives the readable diff the coordinator reviews. Keeping one shape for all three makes a draft, its preview and
its publication the same code path.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hvhk.directory import models as m
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE, TARGET_GROUPS_CODE

SERVICE_FIELDS = (
    "name", "alternate_name", "description", "status", "alert", "minimum_age_months", "maximum_age_months",
    "at_location", "at_home", "online", "by_phone", "walk_in", "application_process", "fees_description",
    "eligibility_description", "interpretation_services", "url", "email",
)  # fmt: skip
ORGANIZATION_FIELDS = ("name", "alternate_name", "description", "email", "website")
LOCATION_FIELDS = ("name", "description", "transportation", "latitude", "longitude")
ADDRESS_FIELDS = ("address_1", "postal_code", "city")
TRANSLATED = {"service": ("name", "description"), "organization": ("name", "description")}
LANGUAGES = ("en", "fr", "tr", "ar")
LINK_TYPES = {LIFE_DOMAINS_CODE: "life_domain", TARGET_GROUPS_CODE: "target_group"}


def _text(value) -> str:
    return "" if value is None else str(value)


# --- services ------------------------------------------------------------------------------------------------


def service_snapshot(service: m.Service) -> dict:
    data = {name: getattr(service, name) for name in SERVICE_FIELDS}
    data["terms"] = sorted(str(a.taxonomy_term_id) for a in service.attributes.all())
    data["locations"] = sorted(str(sal.location_id) for sal in service.service_at_locations.all())
    data["costs"] = [
        {"kind": c.kind, "option": c.option, "amount": _text(c.amount)}
        for c in service.cost_options.order_by("kind", "option", "id")
    ]
    data["languages"] = sorted({lang.code for lang in service.languages.all() if lang.code})
    data["hours"] = [
        {
            "byday": s.byday,
            "opens_at": s.opens_at.strftime("%H:%M") if s.opens_at else "",
            "closes_at": s.closes_at.strftime("%H:%M") if s.closes_at else "",
            "description": s.description,
        }
        for s in service.schedules.order_by("opens_at", "byday", "id")
    ]
    data["pillars"] = sorted(str(p.pk) for p in service.pillars.all())
    data["translations"] = _translations(service.translations, TRANSLATED["service"])
    return data


def _translations(stored: dict | None, fields: tuple[str, ...]) -> dict:
    stored = stored or {}
    return {
        lang: {f: stored.get(lang, {}).get(f, "") for f in fields}
        for lang in LANGUAGES
        if any(stored.get(lang, {}).get(f) for f in fields)
    }


@transaction.atomic
def apply_service_snapshot(service: m.Service, data: dict) -> m.Service:
    """Make `service` (saved or new, with its network and organisation set) say what `data` says."""
    for name in SERVICE_FIELDS:
        setattr(service, name, data.get(name, getattr(service, name)))
    kept = {
        lang: texts for lang, texts in (service.translations or {}).items() if lang not in LANGUAGES
    }  # languages the portal does not edit stay as they are
    service.translations = {**kept, **data.get("translations", {})}
    service.full_clean(exclude=["network", "organization"])
    service.save()
    network = service.network
    terms = {str(t.pk): t for t in m.TaxonomyTerm.objects.for_network(network).select_related("taxonomy")}
    wanted = {terms[i] for i in data.get("terms", []) if i in terms}
    service.attributes.exclude(taxonomy_term__in=wanted).delete()
    have = set(service.attributes.values_list("taxonomy_term_id", flat=True))
    for term in wanted - {terms[str(i)] for i in have if str(i) in terms}:
        m.Attribute.objects.create(
            network=network,
            service=service,
            taxonomy_term=term,
            link_type=LINK_TYPES.get(term.taxonomy.code, m.Attribute.LinkType.OTHER),
        )
    places = set(m.Location.objects.for_network(network).filter(pk__in=data.get("locations", [])))
    service.service_at_locations.exclude(location__in=places).delete()
    have = set(service.service_at_locations.values_list("location_id", flat=True))
    for location in places:
        if location.pk not in have:
            m.ServiceAtLocation.objects.create(network=network, service=service, location=location)
    service.cost_options.all().delete()
    for cost in data.get("costs", []):
        m.CostOption.objects.create(
            network=network,
            service=service,
            kind=cost["kind"],
            option=cost.get("option", ""),
            amount=_decimal(cost.get("amount")),
        )
    service.languages.all().delete()
    for code in data.get("languages", []):
        m.Language.objects.create(network=network, service=service, code=code, name=code)
    service.schedules.all().delete()
    for row in data.get("hours", []):
        m.Schedule.objects.create(
            network=network,
            service=service,
            freq=m.Schedule.Freq.WEEKLY,
            byday=row["byday"],
            opens_at=row.get("opens_at") or None,
            closes_at=row.get("closes_at") or None,
            description=row.get("description", ""),
        )
    pillars = list(m.Pillar.objects.for_network(network).filter(pk__in=data.get("pillars", [])))
    service.pillars.set(pillars)
    return service


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


# --- organisations and locations -----------------------------------------------------------------------------


def organization_snapshot(organization: m.Organization) -> dict:
    data = {name: getattr(organization, name) for name in ORGANIZATION_FIELDS}
    data["translations"] = _translations(organization.translations, TRANSLATED["organization"])
    return data


@transaction.atomic
def apply_organization_snapshot(organization: m.Organization, data: dict) -> m.Organization:
    for name in ORGANIZATION_FIELDS:
        setattr(organization, name, data.get(name, getattr(organization, name)))
    kept = {lang: texts for lang, texts in (organization.translations or {}).items() if lang not in LANGUAGES}
    organization.translations = {**kept, **data.get("translations", {})}
    organization.full_clean(exclude=["network", "parent_organization", "slug"])
    organization.save()
    return organization


def location_snapshot(location: m.Location) -> dict:
    data = {name: getattr(location, name) for name in LOCATION_FIELDS}
    data["latitude"], data["longitude"] = _text(location.latitude), _text(location.longitude)
    address = location.addresses.first()
    for name in ADDRESS_FIELDS:
        data[name] = getattr(address, name) if address else ""
    data["accessibility"] = sorted({a.feature for a in location.accessibility.all()})
    return data


@transaction.atomic
def apply_location_snapshot(location: m.Location, data: dict) -> m.Location:
    for name in ("name", "description", "transportation"):
        setattr(location, name, data.get(name, ""))
    location.latitude, location.longitude = _decimal(data.get("latitude")), _decimal(data.get("longitude"))
    location.full_clean(exclude=["network", "organization", "area"])
    location.save()
    address = location.addresses.first() or m.Address(
        network=location.network, location=location, state_province="Vlaams-Brabant"
    )
    for name in ADDRESS_FIELDS:
        setattr(address, name, data.get(name, ""))
    address.save()
    wanted = set(data.get("accessibility", []))
    location.accessibility.exclude(feature__in=wanted).delete()
    have = set(location.accessibility.values_list("feature", flat=True))
    for feature in wanted - have:
        m.Accessibility.objects.create(network=location.network, location=location, feature=feature)
    return location


# --- the readable difference -----------------------------------------------------------------------------------


@dataclass
class Change:
    label: str
    before: str
    after: str


LABELS = {
    "name": _("Naam"),
    "alternate_name": _("Andere naam"),
    "description": _("Beschrijving"),
    "status": _("Status"),
    "alert": _("Melding bovenaan"),
    "minimum_age_months": _("Vanaf leeftijd (maanden)"),
    "maximum_age_months": _("Tot leeftijd (maanden)"),
    "at_location": _("Op een locatie"),
    "at_home": _("Aan huis"),
    "online": _("Online"),
    "by_phone": _("Telefonisch"),
    "walk_in": _("Binnenlopen zonder afspraak"),
    "application_process": _("Hoe aanmelden"),
    "fees_description": _("Kosten (uitleg)"),
    "eligibility_description": _("Voor wie"),
    "interpretation_services": _("Tolken"),
    "url": _("Website"),
    "email": _("E-mail"),
    "website": _("Website"),
    "terms": _("Levensdomeinen en doelgroepen"),
    "locations": _("Locaties"),
    "costs": _("Prijzen"),
    "languages": _("Talen"),
    "hours": _("Openingsuren"),
    "pillars": _("Pijlers"),
    "translations": _("Vertalingen"),
    "transportation": _("Bereikbaarheid"),
    "latitude": _("Breedtegraad"),
    "longitude": _("Lengtegraad"),
    "address_1": _("Straat en nummer"),
    "postal_code": _("Postcode"),
    "city": _("Plaats"),
    "accessibility": _("Toegankelijkheid"),
}


def diff(before: dict, after: dict, names: dict[str, str] | None = None) -> list[Change]:
    """What changes, field by field, in words: ids become names (`names` maps id → name)."""
    names = names or {}
    changes = []
    for key in after:
        old, new = before.get(key), after.get(key)
        if _same(old, new):
            continue
        changes.append(Change(str(LABELS.get(key, key)), _show(old, names), _show(new, names)))
    return changes


def _same(old, new) -> bool:
    if old in (None, "", [], {}) and new in (None, "", [], {}):
        return True
    return _text(old) == _text(new) if not isinstance(new, list | dict) else old == new


def _show(value, names: dict[str, str]) -> str:
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, bool):
        return str(_("ja")) if value else str(_("nee"))
    if isinstance(value, list):
        return "; ".join(_show_item(item, names) for item in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{lang}: " + " / ".join(t for t in texts.values() if t)
            for lang, texts in value.items()
            if isinstance(texts, dict)
        )
    return names.get(str(value), str(value))


def _show_item(item, names: dict[str, str]) -> str:
    if isinstance(item, dict):
        return ", ".join(str(v) for v in item.values() if v not in (None, ""))
    return names.get(str(item), str(item))
