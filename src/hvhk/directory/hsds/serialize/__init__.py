"""Directory records as Open Referral HSDS 3.0 objects (the API, `hvhk export-hsds`).

Field names and shapes follow the HSDS 3.0 schemas. Empty values are left out (HSDS types do not allow null).
What HSDS has no field for travels in `hvhk_…` extension fields, documented in docs/hsds.md: ages in months
(pregnancy is a negative age), how a service is used, the kind of a price, accessibility features, the area of a
location, translations, membership of the network and the houses with their pillars.

The package: `details` (phones, schedules, contacts, addresses, prices and the small helpers), `places`
(locations, areas, service areas), `taxonomy` (taxonomies, terms, attributes), `records` (organisations,
houses, services) and `querysets` (what to prefetch so a page costs a fixed number of queries).
"""

from hvhk.directory.hsds.serialize.places import area, location, service_area
from hvhk.directory.hsds.serialize.querysets import (
    organization_queryset,
    service_at_location_queryset,
    service_queryset,
)
from hvhk.directory.hsds.serialize.records import (
    house,
    organization,
    organization_list_item,
    service,
    service_at_location,
    service_list_item,
)
from hvhk.directory.hsds.serialize.taxonomy import attribute, taxonomy, taxonomy_term

HSDS_VERSION = "3.0.1"

__all__ = [
    "HSDS_VERSION",
    "area",
    "attribute",
    "house",
    "location",
    "organization",
    "organization_list_item",
    "organization_queryset",
    "service",
    "service_area",
    "service_at_location",
    "service_at_location_queryset",
    "service_list_item",
    "service_queryset",
    "taxonomy",
    "taxonomy_term",
]
