"""Factories of the funding calls' tests: calls, applications and the partners in them, written directly (no
access check, no mail; the services are tested on their own), and `offers`, the services (with their life domains
and target groups) that make an organisation's themes."""

import datetime as dt

import factory
from django.utils import timezone

from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE
from hvhk.directory.models import Attribute
from hvhk.projects.models import Application, ApplicationPartner, FundingCall
from tests.accounts.factories import RoleFactory, UserFactory
from tests.core.factories import NetworkFactory
from tests.directory.factories import OrganizationFactory, ServiceFactory


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingCall

    network = factory.SubFactory(NetworkFactory)
    funder = "Koning Boudewijnstichting"
    funder_kind = FundingCall.FunderKind.FOUNDATION
    title = factory.Sequence(lambda n: f"Samen sterk voor gezinnen {n}")
    description = "Projecten die gezinnen met jonge kinderen ondersteunen."
    deadline = factory.LazyFunction(lambda: in_days(60))


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    network = factory.SelfAttribute("call.network")
    title = factory.Sequence(lambda n: f"Speel-o-theek op wielen {n}")
    summary = "Een bus met speelgoed die langs de wijken rijdt."
    status = Application.Status.IDEA


class ApplicationPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationPartner

    application = factory.SubFactory(ApplicationFactory)
    network = factory.SelfAttribute("application.network")
    organization = factory.SubFactory(OrganizationFactory, network=factory.SelfAttribute("..network"))
    role = ApplicationPartner.Role.PARTNER
    answer = ApplicationPartner.Answer.INVITED


def person(email: str, network, role: str, organization=None):
    """A user with one role (RoleAssignment.Role) in `network`, for a partner's staff at `organization`."""
    user = UserFactory(email=email, full_name=email.split("@")[0].title())
    RoleFactory(user=user, network=network, role=role, organization=organization)
    return user


def stored_files(root) -> list:
    """The files under a storage's root (the `private_storage` fixture)."""
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def offers(organization, *terms):
    """A service of `organization` in each of `terms` (life domains or target groups): its themes."""
    service = ServiceFactory(organization=organization)
    for term in terms:
        Attribute.objects.create(
            network=organization.network,
            service=service,
            taxonomy_term=term,
            link_type="life_domain" if term.taxonomy.code == LIFE_DOMAINS_CODE else "target_group",
        )
    return service
