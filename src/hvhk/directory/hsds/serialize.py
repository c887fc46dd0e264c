"""Directory records as Open Referral HSDS 3.0 objects (the API, `hvhk export-hsds`).

Field names and shapes follow the HSDS 3.0 schemas. Empty values are left out (HSDS types do not allow null).
What HSDS has no field for travels in `hvhk_…` extension fields, documented in docs/hsds.md: ages in months
(pregnancy is a negative age), how a service is used, the kind of a price, accessibility features, the area of a
location, translations, membership of the network and the houses with their pillars.
"""

from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from hvhk.core.models import Network
from hvhk.directory import models as m

HSDS_VERSION = "3.0.1"


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
            "schedule_link": s.schedule_link,
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
            "url": a.url,
            "hvhk_feature": a.feature,
            "__keep": ("id",),
        }
    )


def location(loc: m.Location) -> dict:
    return _clean(
        {
            "id": str(loc.id),
            "location_type": loc.location_type,
            "url": loc.url,
            "organization_id": _id(loc.organization_id),
            "name": loc.name,
            "alternate_name": loc.alternate_name,
            "description": loc.description,
            "transportation": loc.transportation,
            "latitude": _number(loc.latitude),
            "longitude": _number(loc.longitude),
            "external_identifier": loc.external_identifier,
            "external_identifier_type": loc.external_identifier_type,
            "languages": [language(lang) for lang in loc.languages.all()],
            "addresses": [address(a) for a in loc.addresses.all()],
            "contacts": [contact(c) for c in loc.contacts.all()],
            "accessibility": [accessibility(a) for a in loc.accessibility.all()],
            "phones": [phone(p) for p in loc.phones.all()],
            "schedules": [schedule(s) for s in loc.schedules.all()],
            "hvhk_area": area(loc.area) if loc.area_id else None,
            "__keep": ("id", "location_type"),
        }
    )


def area(a) -> dict:
    """(extension) The network's area a location or service area lies in, with the areas it lies in."""
    return _clean(
        {
            "slug": a.slug,
            "name": a.name,
            "kind": a.kind,
            "postcodes": a.postcodes,
            "latitude": _number(a.latitude),
            "longitude": _number(a.longitude),
            "parent": area(a.parent) if a.parent_id else None,
        }
    )


def taxonomy(t: m.Taxonomy) -> dict:
    return _clean(
        {
            "id": str(t.id),
            "name": t.name,
            "description": t.description,
            "uri": t.uri,
            "version": t.version,
            "hvhk_code": t.code,
            "__keep": ("id", "name", "description"),
        }
    )


def taxonomy_term(t: m.TaxonomyTerm) -> dict:
    return _clean(
        {
            "id": str(t.id),
            "code": t.code,
            "name": t.name,
            "description": t.description,
            "parent_id": _id(t.parent_id),
            "taxonomy": t.taxonomy.name,
            "taxonomy_detail": taxonomy(t.taxonomy),
            "language": t.language,
            "taxonomy_id": str(t.taxonomy_id),
            "term_uri": t.term_uri,
            "hvhk_position": t.position,
            "hvhk_translations": t.translations or None,
            "__keep": ("id", "name", "description"),
        }
    )


def attribute(a: m.Attribute) -> dict:
    return _clean(
        {
            "id": str(a.id),
            "link_id": str(a.link_id),
            "taxonomy_term_id": str(a.taxonomy_term_id),
            "link_type": a.link_type,
            "link_entity": a.link_entity,
            "value": a.value,
            "taxonomy_term": taxonomy_term(a.taxonomy_term),
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


def service_area(a: m.ServiceArea) -> dict:
    return _clean(
        {
            "id": str(a.id),
            "service_id": str(a.service_id),
            "name": a.name,
            "description": a.description,
            "extent": a.extent,
            "extent_type": a.extent_type,
            "uri": a.uri,
            "hvhk_area": area(a.area) if a.area_id else None,
            "__keep": ("id",),
        }
    )


def _organization_fields(org: m.Organization) -> dict:
    membership = getattr(org, "membership", None)
    return {
        "id": str(org.id),
        "name": org.name,
        "alternate_name": org.alternate_name,
        "description": org.description,
        "email": org.email,
        "website": org.website,
        "tax_status": org.tax_status,
        "tax_id": org.tax_id,
        "year_incorporated": org.year_incorporated,
        "legal_status": org.legal_status,
        "logo": org.logo,
        "uri": org.uri,
        "parent_organization_id": _id(org.parent_organization_id),
        "hvhk_slug": org.slug,
        "hvhk_membership": _clean(
            {
                "role": membership.role,
                "engagement_signed_on": _date(membership.engagement_signed_on),
                "joined_on": _date(membership.joined_on),
                "left_on": _date(membership.left_on),
            }
        )
        if membership
        else None,
        "hvhk_translations": org.translations or None,
        "__keep": ("id", "name", "description"),
    }


def organization_list_item(org: m.Organization) -> dict:
    return _clean(_organization_fields(org))


def organization(org: m.Organization, *, services: list | None = None) -> dict:
    """The full organisation: its phones, contacts, locations, identifiers and houses (and services if given)."""
    data = _organization_fields(org)
    data.update(
        {
            "phones": [phone(p) for p in org.phones.all()],
            "contacts": [contact(c) for c in org.contacts.all()],
            "locations": [location(loc) for loc in org.locations.all()],
            "organization_identifiers": [
                _clean(
                    {
                        "id": str(i.id),
                        "organization_id": str(org.id),
                        "identifier_scheme": i.identifier_scheme,
                        "identifier_type": i.identifier_type,
                        "identifier": i.identifier,
                        "__keep": ("id", "identifier_type", "identifier"),
                    }
                )
                for i in org.organization_identifiers.all()
            ],
            "attributes": [attribute(a) for a in org.attributes.all()],
            "hvhk_houses": [house(h) for h in org.houses.all()],
        }
    )
    if services is not None:
        data["services"] = services
    return _clean(data)


def house(h: m.House) -> dict:
    return _clean(
        {
            "id": str(h.id),
            "slug": h.slug,
            "name": h.name,
            "description": h.description,
            "location_id": str(h.location_id),
            "is_active": h.is_active,
            "translations": h.translations or None,
            "pillars": [
                _clean(
                    {
                        "id": str(p.id),
                        "kind": p.kind,
                        "name": p.name,
                        "description": p.description,
                        "position": p.position,
                        "service_ids": sorted(str(s.pk) for s in p.services.all()),
                        "translations": p.translations or None,
                        "__keep": ("id", "kind"),
                    }
                )
                for p in h.pillars.all()
            ],
            "__keep": ("id", "slug", "name"),
        }
    )


def _service_fields(s: m.Service) -> dict:
    return {
        "id": str(s.id),
        "organization_id": str(s.organization_id),
        "name": s.name,
        "alternate_name": s.alternate_name,
        "description": s.description,
        "url": s.url,
        "email": s.email,
        "status": s.status,
        "interpretation_services": s.interpretation_services,
        "application_process": s.application_process,
        "fees_description": s.fees_description,
        "accreditations": s.accreditations,
        "eligibility_description": s.eligibility_description,
        "minimum_age": _years(s.minimum_age_months),
        "maximum_age": _years(s.maximum_age_months),
        "assured_date": _date(s.assured_date),
        # Who checked the data last is a partner's staff member; published is the organisation's own address.
        "assurer_email": (s.organization.email or None) if s.assurer_email else None,
        "licenses": s.licenses,
        "alert": s.alert,
        "last_modified": s.updated_at.isoformat() if s.updated_at else None,
        "hvhk_minimum_age_months": s.minimum_age_months,
        "hvhk_maximum_age_months": s.maximum_age_months,
        "hvhk_delivery": {
            "at_location": s.at_location,
            "at_home": s.at_home,
            "online": s.online,
            "by_phone": s.by_phone,
            "walk_in": s.walk_in,
        },
        "hvhk_translations": s.translations or None,
        "__keep": ("id", "name", "status"),
    }


def service_list_item(s: m.Service) -> dict:
    data = _service_fields(s)
    data["organization"] = organization_list_item(s.organization)
    return _clean(data)


def service_at_location(sal: m.ServiceAtLocation, *, with_service: bool = False) -> dict:
    data = {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
        "description": sal.description,
        "contacts": [contact(c) for c in sal.contacts.all()],
        "phones": [phone(p) for p in sal.phones.all()],
        "schedules": [schedule(s) for s in sal.schedules.all()],
        "location": location(sal.location),
        "attributes": [attribute(a) for a in sal.attributes.all()],
        "__keep": ("id",),
    }
    if with_service:
        data["service"] = service_list_item(sal.service)
    return _clean(data)


_FULL = object()


def service(s: m.Service, *, organization_data=_FULL) -> dict:
    """The full, nested service (GET /services/{id}, one item of the JSON export).

    `organization_data` replaces the nested organisation (None leaves it out: the export nests each
    organisation once and prefetches it separately).
    """
    data = _service_fields(s)
    data.update(
        {
            "phones": [phone(p) for p in s.phones.all()],
            "schedules": [schedule(x) for x in s.schedules.all()],
            "service_areas": [service_area(a) for a in s.service_areas.all()],
            "service_at_locations": [service_at_location(sal) for sal in s.service_at_locations.all()],
            "languages": [language(lang) for lang in s.languages.all()],
            "organization": organization(s.organization) if organization_data is _FULL else organization_data,
            "cost_options": [cost_option(c) for c in s.cost_options.all()],
            "contacts": [contact(c) for c in s.contacts.all()],
            "attributes": [attribute(a) for a in s.attributes.all()],
        }
    )
    return _clean(data)


# --- querysets with everything prefetched (a fixed number of queries per page) ----------------------------------
# Nested lists come in id order: stable, the same in every database, and the same after an export and import.

_AREA = ("area__parent__parent",)


def _by_id(model, *prefetch, related=()) -> QuerySet:
    qs = model.objects.prefetch_related(*prefetch).order_by("id")
    return qs.select_related(*related) if related else qs  # select_related() without names follows every key


def _phones() -> Prefetch:
    return Prefetch("phones", queryset=_by_id(m.Phone, Prefetch("languages", queryset=_by_id(m.Language))))


def _contacts() -> Prefetch:
    return Prefetch("contacts", queryset=_by_id(m.Contact, _phones()))


def _attributes() -> Prefetch:
    return Prefetch("attributes", queryset=_by_id(m.Attribute, related=("taxonomy_term__taxonomy",)))


def _location_queryset() -> QuerySet[m.Location]:
    return _by_id(
        m.Location,
        Prefetch("languages", queryset=_by_id(m.Language)),
        Prefetch("addresses", queryset=_by_id(m.Address)),
        Prefetch("accessibility", queryset=_by_id(m.Accessibility)),
        Prefetch("schedules", queryset=_by_id(m.Schedule)),
        _phones(),
        _contacts(),
        related=_AREA,
    )


def organization_queryset(network: Network, *, public: bool = False) -> QuerySet[m.Organization]:
    """`public`: as the API shows them, with links to active services only (the export keeps every link)."""
    services = m.Service.objects.only("id")
    if public:
        services = services.filter(status=m.Service.Status.ACTIVE)
    pillars = _by_id(m.Pillar, Prefetch("services", queryset=services))
    return (
        m.Organization.objects.for_network(network)
        .select_related("membership")
        .prefetch_related(
            _phones(),
            _contacts(),
            Prefetch("organization_identifiers", queryset=_by_id(m.OrganizationIdentifier)),
            _attributes(),
            Prefetch("locations", queryset=_location_queryset()),
            Prefetch("houses", queryset=_by_id(m.House, Prefetch("pillars", queryset=pillars))),
        )
        .order_by("name", "id")
    )


def _service_at_locations() -> QuerySet[m.ServiceAtLocation]:
    return _by_id(
        m.ServiceAtLocation,
        _phones(),
        Prefetch("schedules", queryset=_by_id(m.Schedule)),
        _contacts(),
        _attributes(),
        Prefetch("location", queryset=_location_queryset()),
    )


def service_queryset(
    network: Network, *, full: bool = True, organizations: bool = True, public: bool = False
) -> QuerySet[m.Service]:
    """Services with what serializing them needs; `organizations=False` leaves out the nested organisations.
    `public`: only what the wegwijzer shows too (active services), for the open API; the export has them all."""
    qs = m.Service.objects.for_network(network).order_by("name", "id")
    if public:
        qs = qs.filter(status=m.Service.Status.ACTIVE)
    if not full or not organizations:
        qs = qs.select_related("organization__membership")
    if not full:
        return qs
    if organizations:
        qs = qs.prefetch_related(
            Prefetch("organization", queryset=organization_queryset(network, public=public))
        )
    return qs.prefetch_related(
        _phones(),
        Prefetch("schedules", queryset=_by_id(m.Schedule)),
        _contacts(),
        Prefetch("languages", queryset=_by_id(m.Language)),
        Prefetch("cost_options", queryset=_by_id(m.CostOption)),
        _attributes(),
        Prefetch("service_areas", queryset=_by_id(m.ServiceArea, related=_AREA)),
        Prefetch("service_at_locations", queryset=_service_at_locations()),
    )


def service_at_location_queryset(network: Network, *, public: bool = False) -> QuerySet[m.ServiceAtLocation]:
    qs = m.ServiceAtLocation.objects.for_network(network)
    if public:
        qs = qs.filter(service__status=m.Service.Status.ACTIVE)
    return (
        qs.select_related("service__organization__membership")
        .prefetch_related(
            _phones(),
            Prefetch("schedules", queryset=_by_id(m.Schedule)),
            _contacts(),
            _attributes(),
            Prefetch("location", queryset=_location_queryset()),
        )
        .order_by("service__name", "id")
    )
