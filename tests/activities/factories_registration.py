"""Activities, sessions and registrations for the registration tests. Registrations go through the real service
(so status, token and places are as in production)."""

import datetime as dt

import factory
from django.utils import timezone

from hvhk.activities.models import Activity, Session
from hvhk.activities.services import registrations as services
from tests.directory.factories import LocationFactory, ServiceFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    service = factory.SubFactory(ServiceFactory)
    network = factory.SelfAttribute("service.network")
    location = factory.SubFactory(
        LocationFactory, organization=factory.SelfAttribute("..service.organization")
    )
    title = factory.Sequence(lambda n: f"Babymassage {n}")
    description = "Samen met je baby ontspannen."
    kind = Activity.Kind.WORKSHOP
    status = Activity.Status.PUBLISHED
    capacity = 4
    minimum_age_months = 0
    maximum_age_months = 12
    languages = factory.LazyFunction(lambda: ["nl"])


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    network = factory.SelfAttribute("activity.network")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))


def session_for(network, *, days: float = 7, **activity_fields) -> Session:
    """A session `days` from now of a new published activity of a service in `network`."""
    service = ServiceFactory(organization__network=network, network=network)
    activity = ActivityFactory(service=service, **activity_fields)
    start = timezone.now() + dt.timedelta(days=days)
    return SessionFactory(activity=activity, starts_at=start, ends_at=start + dt.timedelta(hours=2))


def register(activity, *, session=None, **overrides):
    """A registration through `registration_create`; returns (registration, token)."""
    fields = {
        "name": "Sara Peeters",
        "email": "sara@example.org",
        "phone": "",
        "adults": 1,
        "children": 1,
        "children_ages": "2 jaar",
        "remark": "",
        "consent_contact": True,
        "language": "nl",
    }
    fields.update(overrides)
    return services.registration_create(activity=activity, session=session, **fields)
