"""A network's offering of any size, every service with what its card, its API record and its brochure entry
show: a place with an address, opening hours and a phone, a price, a language, a life domain and a target group.
Query-count tests build it twice (e.g. 5 and 25 services) and expect the same number of queries."""

import datetime as dt
from decimal import Decimal

from hvhk.directory import models as m
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE, TARGET_GROUPS_CODE
from hvhk.directory.services import taxonomy_seed
from hvhk.search.indexing import reindex
from tests.directory.factories import LocationFactory, MembershipFactory, OrganizationFactory, ServiceFactory


def build_offering(network, count: int) -> list[m.Service]:
    """`count` active services named "Speelgroep 1…n" in `network`, over three organisations and places."""
    terms = taxonomy_seed(network=network)
    domains = [t for t in terms if t.taxonomy.code == LIFE_DOMAINS_CODE]
    groups = [t for t in terms if t.taxonomy.code == TARGET_GROUPS_CODE]
    organizations = [
        MembershipFactory(organization=OrganizationFactory(network=network)).organization for _ in range(3)
    ]
    places = []
    for i, organization in enumerate(organizations):
        place = LocationFactory(
            organization=organization,
            network=network,
            latitude=Decimal("50.87") + i,
            longitude=Decimal("4.70"),
        )
        m.Address.objects.create(
            network=network, location=place, address_1=f"Straat {i}", city="Leuven", postal_code="3000"
        )
        m.Phone.objects.create(network=network, location=place, number=f"016 00 00 0{i}")
        m.Schedule.objects.create(
            network=network, location=place, byday="MO,TU", opens_at=dt.time(9), closes_at=dt.time(12)
        )
        places.append(place)
    services = []
    for n in range(count):
        service = ServiceFactory(
            organization=organizations[n % 3],
            name=f"Speelgroep {n + 1}",
            description="Spelen en praten met andere ouders.",
            minimum_age_months=12,
            maximum_age_months=72,
        )
        m.ServiceAtLocation.objects.create(network=network, service=service, location=places[n % 3])
        for term in (domains[n % len(domains)], groups[n % len(groups)]):
            m.Attribute.objects.create(
                network=network,
                service=service,
                taxonomy_term=term,
                link_type="life_domain" if term in domains else "target_group",
            )
        m.CostOption.objects.create(network=network, service=service, kind="free", option="Gratis")
        m.Language.objects.create(network=network, service=service, code="nl", name="Nederlands")
        m.Phone.objects.create(network=network, service=service, number=f"0470 00 00 {n:02d}")
        m.Schedule.objects.create(
            network=network, service=service, byday="WE", opens_at=dt.time(14), closes_at=dt.time(16)
        )
        services.append(service)
    reindex(network=network)
    return services
