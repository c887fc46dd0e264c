"""Hand-built offering of network A with known coverage, shared by the coverage tests.

Two life domains (gezondheid, opvoeding) and two areas (Noord, Zuid) of network A; partner A offers:
- "Consultatie 0 tot 3"  (0, 36)   gezondheid, a location in Noord        -> 0-2 only (36 is excluded)
- "Kleuterconsult"       (36, 72)  gezondheid, a location in Noord        -> 3-5
- "Zwangerschapsconsult" (-9, 12)  gezondheid, a service area Noord       -> zwangerschap, 0-2
- "Opvoedingslijn"       no ages   opvoeding, a service area Zuid        -> every band
- "Jongerenpunt"         (216, -)  opvoeding, neither location nor area  -> 18-24, whole network only
- "Gesloten consult"     no ages   gezondheid, inactive, in Noord        -> nowhere
"""

from dataclasses import dataclass

from hvhk.core.models import Area
from hvhk.directory.models import Attribute, Service, ServiceArea, ServiceAtLocation
from tests.core.factories import AreaFactory
from tests.directory.factories import LocationFactory, ServiceFactory, TaxonomyFactory, TaxonomyTermFactory

BANDS = ("zwangerschap", "0-2", "3-5", "6-11", "12-17", "18-24")

# (domain, area) -> counts per band, in BANDS order
EXPECTED = {
    ("gezondheid", "*"): (1, 2, 1, 0, 0, 0),
    ("opvoeding", "*"): (1, 1, 1, 1, 1, 2),
    ("gezondheid", "noord"): (1, 2, 1, 0, 0, 0),
    ("opvoeding", "noord"): (0, 0, 0, 0, 0, 0),
    ("gezondheid", "zuid"): (0, 0, 0, 0, 0, 0),
    ("opvoeding", "zuid"): (1, 1, 1, 1, 1, 1),
}


@dataclass
class Offering:
    noord: Area
    zuid: Area
    services: dict[str, Service]


def link(service: Service, term) -> None:
    Attribute.objects.create(
        network=service.network, taxonomy_term=term, service=service, link_type=Attribute.LinkType.LIFE_DOMAIN
    )


def located(service: Service, area: Area) -> None:
    location = LocationFactory(organization=service.organization, area=area)
    ServiceAtLocation.objects.create(network=service.network, service=service, location=location)


def serves(service: Service, area: Area) -> None:
    ServiceArea.objects.create(network=service.network, service=service, area=area)


def build(organization, *, prefix: str = "") -> Offering:
    network = organization.network
    taxonomy = TaxonomyFactory(network=network, code="levensdomein", name="Levensdomein")
    health = TaxonomyTermFactory(taxonomy=taxonomy, code="gezondheid", name="Gezondheid", position=0)
    parenting = TaxonomyTermFactory(taxonomy=taxonomy, code="opvoeding", name="Opvoeding", position=1)
    noord = AreaFactory(network=network, slug="noord", name="Noord")
    zuid = AreaFactory(network=network, slug="zuid", name="Zuid")
    rows = [
        ("Consultatie 0 tot 3", 0, 36, health, Service.Status.ACTIVE, ("at", noord)),
        ("Kleuterconsult", 36, 72, health, Service.Status.ACTIVE, ("at", noord)),
        ("Zwangerschapsconsult", -9, 12, health, Service.Status.ACTIVE, ("serves", noord)),
        ("Opvoedingslijn", None, None, parenting, Service.Status.ACTIVE, ("serves", zuid)),
        ("Jongerenpunt", 216, None, parenting, Service.Status.ACTIVE, None),
        ("Gesloten consult", None, None, health, Service.Status.INACTIVE, ("at", noord)),
    ]
    services = {}
    for name, low, high, term, status, where in rows:
        service = ServiceFactory(
            organization=organization,
            name=prefix + name,
            minimum_age_months=low,
            maximum_age_months=high,
            status=status,
        )
        link(service, term)
        if where and where[0] == "at":
            located(service, where[1])
        elif where:
            serves(service, where[1])
        services[name] = service
    return Offering(noord=noord, zuid=zuid, services=services)
