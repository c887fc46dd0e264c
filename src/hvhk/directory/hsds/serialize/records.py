"""The main HSDS records: organisations (with membership and houses, our extensions), services and a service
at one of its locations."""

from hvhk.directory import models as m
from hvhk.directory.hsds.serialize.details import (
    _clean,
    _date,
    _id,
    _web,
    _years,
    contact,
    cost_option,
    language,
    phone,
    schedule,
)
from hvhk.directory.hsds.serialize.places import location, service_area
from hvhk.directory.hsds.serialize.taxonomy import attribute


def _organization_fields(org: m.Organization) -> dict:
    membership = getattr(org, "membership", None)
    return {
        "id": str(org.id),
        "hvhk_source_id": _id(org.source_id),
        "name": org.name,
        "alternate_name": org.alternate_name,
        "description": org.description,
        "email": org.email,
        "website": _web(org.website),
        "tax_status": org.tax_status,
        "tax_id": org.tax_id,
        "year_incorporated": org.year_incorporated,
        "legal_status": org.legal_status,
        "logo": _web(org.logo),
        "uri": _web(org.uri),
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
        "hvhk_source_id": _id(s.source_id),
        "organization_id": str(s.organization_id),
        "name": s.name,
        "alternate_name": s.alternate_name,
        "description": s.description,
        "url": _web(s.url),
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
        "hvhk_source_id": _id(sal.source_id),
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
