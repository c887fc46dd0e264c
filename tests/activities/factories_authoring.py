"""Factories and personas for the authoring tests (activities, sessions, holiday periods, partner staff)."""

import datetime as dt

import factory
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.activities.models import Activity, HolidayPeriod, Session
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import LocationFactory, ServiceFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    service = factory.SubFactory(ServiceFactory)
    network = factory.SelfAttribute("service.network")
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    description = "Een avond voor ouders."
    kind = Activity.Kind.INFO_EVENING
    online = False
    location = factory.LazyAttribute(
        lambda o: LocationFactory(organization=o.service.organization, network=o.service.network)
    )
    status = Activity.Status.DRAFT


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    network = factory.SelfAttribute("activity.network")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))


class HolidayPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HolidayPeriod

    name = "Herfstvakantie"
    starts_on = dt.date(2026, 10, 31)
    ends_on = dt.date(2026, 11, 8)


def person(email: str, network, role: str, organization=None, *, two_factor: bool = False):
    user = UserFactory(email=email)
    RoleFactory(user=user, network=network, role=role, organization=organization)
    return with_two_factor(user) if two_factor else user


def member_of(organization, email: str = "member@a.example"):
    return person(email, organization.network, RoleAssignment.Role.MEMBER, organization)


def editor_of(organization, email: str):
    return person(email, organization.network, RoleAssignment.Role.EDITOR, organization)


def analyst_of(network, email: str = "analyst@a.example"):
    return person(email, network, RoleAssignment.Role.ANALYST, two_factor=True)


def intake_of(network, email: str = "intake@a.example"):
    return person(email, network, RoleAssignment.Role.INTAKE, two_factor=True)


def trust(organization) -> None:
    """The coordinator lets this partner publish directly."""
    organization.membership.publishes_directly = True
    organization.membership.save()
