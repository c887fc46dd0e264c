"""Where: locations, the network's areas (extension) and the areas a service serves."""

from hvhk.directory import models as m
from hvhk.directory.hsds.serialize.details import (
    _clean,
    _id,
    _number,
    _web,
    accessibility,
    address,
    contact,
    language,
    phone,
    schedule,
)


def location(loc: m.Location) -> dict:
    return _clean(
        {
            "id": str(loc.id),
            "hvhk_source_id": _id(loc.source_id),
            "location_type": loc.location_type,
            "url": _web(loc.url),
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
