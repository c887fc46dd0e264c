"""HSDS 3.0-shaped directory data, field names as in the standard where it has the concept.

Our additions are marked "(extension)" in the field's help text; `docs/hsds.md` maps them to HSDS.
"""

from hvhk.directory.models.details import (
    Accessibility,
    Address,
    Contact,
    CostOption,
    Language,
    Phone,
    Schedule,
    ServiceArea,
)
from hvhk.directory.models.drafts import Draft
from hvhk.directory.models.houses import House, Pillar
from hvhk.directory.models.locations import Location, ServiceAtLocation
from hvhk.directory.models.organizations import Membership, Organization, OrganizationIdentifier
from hvhk.directory.models.services import Service
from hvhk.directory.models.taxonomy import Attribute, Taxonomy, TaxonomyTerm

__all__ = [
    "Accessibility",
    "Address",
    "Attribute",
    "Contact",
    "CostOption",
    "Draft",
    "House",
    "Language",
    "Location",
    "Membership",
    "Organization",
    "OrganizationIdentifier",
    "Phone",
    "Pillar",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "Taxonomy",
    "TaxonomyTerm",
]
