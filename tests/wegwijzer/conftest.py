import datetime as dt
from decimal import Decimal

import pytest

from hvhk.directory import models as m
from hvhk.directory.services import taxonomy_seed
from hvhk.search.indexing import reindex
from tests.directory.factories import HouseFactory, LocationFactory, ServiceFactory


@pytest.fixture
def listed(network_a, partner_a):
    """A small published offering in network A: a house with a pillar, and two services there."""
    terms = {t.code: t for t in taxonomy_seed(network=network_a)}
    location = LocationFactory(
        organization=partner_a,
        network=network_a,
        name="Huis Centrum",
        latitude=Decimal("50.879"),
        longitude=Decimal("4.701"),
    )
    m.Address.objects.create(
        network=network_a,
        location=location,
        address_1="Brusselsestraat 63",
        city="Leuven",
        postal_code="3000",
        state_province="Vlaams-Brabant",
    )
    m.Phone.objects.create(network=network_a, location=location, number="016 00 00 01")
    m.Schedule.objects.create(
        network=network_a,
        location=location,
        byday="MO,TU,WE,TH,FR",
        opens_at=dt.time(9),
        closes_at=dt.time(17),
    )
    house = HouseFactory(
        location=location, network=network_a, slug="centrum", name="Huis van het Kind Centrum"
    )
    babymassage = ServiceFactory(
        organization=partner_a,
        name="Babymassage",
        description="Leer je baby masseren.",
        minimum_age_months=1,
        maximum_age_months=9,
        walk_in=True,
        translations={"en": {"name": "Baby massage", "description": "Learn to massage your baby."}},
    )
    sleep = ServiceFactory(
        organization=partner_a, name="Slaapspreekuur", description="Als je kind slecht slaapt."
    )
    for service, domain in ((babymassage, "gezondheid"), (sleep, "opvoeding")):
        m.ServiceAtLocation.objects.create(network=network_a, service=service, location=location)
        m.Attribute.objects.create(
            network=network_a, service=service, taxonomy_term=terms[domain], link_type="life_domain"
        )
        m.CostOption.objects.create(network=network_a, service=service, kind="free", option="Gratis")
    pillar = m.Pillar.objects.create(
        network=network_a, house=house, kind="consultation", description="Elke week consultatie."
    )
    pillar.services.add(babymassage)
    reindex(network=network_a)
    return {"house": house, "babymassage": babymassage, "sleep": sleep, "terms": terms}
