import datetime as dt

import factory

from hvhk.directory import models as m
from tests.core.factories import NetworkFactory


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Organization

    network = factory.SubFactory(NetworkFactory)
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    description = "Een partner van het netwerk."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Membership

    organization = factory.SubFactory(OrganizationFactory)
    network = factory.SelfAttribute("organization.network")
    role = m.Membership.Role.PARTNER


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Service

    organization = factory.SubFactory(OrganizationFactory)
    network = factory.SelfAttribute("organization.network")
    name = factory.Sequence(lambda n: f"Aanbod {n}")
    description = "Wat je hier kunt doen."
    assured_date = factory.LazyFunction(lambda: dt.date(2026, 9, 1))


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Location

    organization = factory.SubFactory(OrganizationFactory)
    network = factory.SelfAttribute("organization.network")
    name = factory.Sequence(lambda n: f"Locatie {n}")


class TaxonomyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Taxonomy

    network = factory.SubFactory(NetworkFactory)
    code = factory.Sequence(lambda n: f"indeling-{n}")
    name = factory.Sequence(lambda n: f"Indeling {n}")
    description = "Een indeling."


class TaxonomyTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.TaxonomyTerm

    taxonomy = factory.SubFactory(TaxonomyFactory)
    network = factory.SelfAttribute("taxonomy.network")
    code = factory.Sequence(lambda n: f"term-{n}")
    name = factory.Sequence(lambda n: f"Term {n}")
    description = "Een categorie."


class HouseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.House

    location = factory.SubFactory(LocationFactory)
    network = factory.SelfAttribute("location.network")
    slug = factory.Sequence(lambda n: f"huis-{n}")
    name = factory.Sequence(lambda n: f"Huis {n}")
