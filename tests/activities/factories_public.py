"""Factories for the public activity pages (helper "public"): activities and their sessions."""

import datetime as dt
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from hvhk.activities.models import Activity, Registration, Session
from hvhk.core.lib.tokens import token_hash
from tests.directory.factories import LocationFactory, ServiceFactory


def at(days: int = 1, hour: int = 14, minute: int = 0) -> dt.datetime:
    """An aware datetime `days` from today at `hour`:`minute` in Brussels time."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    service = factory.SubFactory(ServiceFactory)
    network = factory.SelfAttribute("service.network")
    location = factory.LazyAttribute(
        lambda o: LocationFactory(organization=o.service.organization, network=o.service.network)
    )
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    description = "Samen spelen en ouders ontmoeten."
    kind = Activity.Kind.WORKSHOP
    status = Activity.Status.PUBLISHED
    languages = factory.LazyFunction(lambda: ["nl"])
    capacity = 10


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    network = factory.SelfAttribute("activity.network")
    starts_at = factory.LazyFunction(lambda: at(1, 14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1, minutes=30))


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    session = factory.SubFactory(SessionFactory)
    activity = factory.SelfAttribute("session.activity")
    network = factory.SelfAttribute("session.network")
    name = "Ouder"
    email = "ouder@example.org"
    adults = 1
    children = 1
    status = Registration.Status.CONFIRMED
    token_hash = factory.Sequence(lambda n: token_hash(f"token-{n}"))


# A fixed moment for the public pages' tests: Wednesday 9 December 2026, 10:00 in Brussels.
NOW = dt.datetime(2026, 12, 9, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


BRUSSELS = ZoneInfo("Europe/Brussels")


def brussels(day: int, hour: int, minute: int = 0, *, month: int = 12, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


def programme(*, network, partner, other_network_service=None) -> dict:
    """A small programme in `network` around NOW: public sessions on several days, plus rows that must never show
    (past, draft, withdrawn, another network's)."""
    from hvhk.core.models import Area
    from hvhk.directory import models as m
    from tests.core.factories import AreaFactory
    from tests.directory.factories import HouseFactory

    leuven = AreaFactory(network=network, slug="leuven", name="Leuven", kind=Area.Kind.MUNICIPALITY)
    heverlee = AreaFactory(network=network, slug="heverlee", name="Heverlee", parent=leuven, postcodes="3001")
    herent = AreaFactory(network=network, slug="herent", name="Herent", kind=Area.Kind.MUNICIPALITY)
    centrum = LocationFactory(organization=partner, network=network, name="Huis Centrum", area=heverlee)
    m.Address.objects.create(
        network=network,
        location=centrum,
        address_1="Naamsesteenweg 1",
        city="Heverlee",
        postal_code="3001",
        state_province="Vlaams-Brabant",
    )
    zaal = LocationFactory(organization=partner, network=network, name="Zaal Herent", area=herent)
    house = HouseFactory(location=centrum, network=network, slug="centrum", name="Huis van het Kind Centrum")
    service = ServiceFactory(organization=partner, network=network, name="Babywerking")
    other_service = ServiceFactory(organization=partner, network=network, name="Opvoedingswinkel")

    def activity(**kwargs):
        defaults = {"service": service, "network": network, "location": centrum}
        return ActivityFactory(**{**defaults, **kwargs})

    massage = activity(
        title="Babymassage",
        description="Leer je baby masseren.",
        translations={"en": {"title": "Baby massage"}},
        kind=Activity.Kind.WORKSHOP,
        minimum_age_months=1,
        maximum_age_months=12,
        languages=["nl", "fr"],
        house=house,
    )
    info = activity(
        service=other_service,
        title="Infoavond slapen",
        description="Hoe slaapt je baby goed?",
        kind=Activity.Kind.INFO_EVENING,
        minimum_age_months=-9,
        maximum_age_months=0,
        price_cents=500,
        uitpas_price_cents=150,
        location=zaal,
    )
    group = activity(
        title="Oudergroep peuters",
        description="Praten over peuters.",
        kind=Activity.Kind.PARENT_GROUP,
        minimum_age_months=24,
        maximum_age_months=48,
        languages=["ar", "nl"],
        online=True,
        location=None,
    )
    play = activity(
        title="Speelochtend",
        description="Spelen en ontmoeten.",
        kind=Activity.Kind.PLAY,
        minimum_age_months=0,
        maximum_age_months=36,
        capacity=2,
        house=house,
    )
    draft = activity(title="Klad", status=Activity.Status.DRAFT)
    withdrawn = activity(title="Ingetrokken", status=Activity.Status.WITHDRAWN)
    sessions = {
        "massage": SessionFactory(activity=massage, starts_at=brussels(9, 14), ends_at=brussels(9, 15, 30)),
        "info": SessionFactory(activity=info, starts_at=brussels(11, 19, 30), ends_at=brussels(11, 21)),
        "group": SessionFactory(activity=group, starts_at=brussels(22, 10), ends_at=brussels(22, 11, 30)),
        "play": SessionFactory(
            activity=play,
            starts_at=brussels(13, 9, 30, month=1, year=2027),
            ends_at=brussels(13, 11, month=1, year=2027),
        ),
        "cancelled": SessionFactory(
            activity=massage,
            starts_at=brussels(16, 14),
            ends_at=brussels(16, 15),
            is_cancelled=True,
            sequence=2,
        ),
        "past": SessionFactory(activity=massage, starts_at=brussels(8, 14), ends_at=brussels(8, 15)),
        "draft": SessionFactory(activity=draft, starts_at=brussels(10, 10), ends_at=brussels(10, 11)),
        "withdrawn": SessionFactory(activity=withdrawn, starts_at=brussels(10, 12), ends_at=brussels(10, 13)),
    }
    RegistrationFactory(session=sessions["play"])
    RegistrationFactory(session=sessions["play"])
    RegistrationFactory(session=sessions["massage"], adults=1, children=1)
    if other_network_service is not None:
        foreign = ActivityFactory(service=other_network_service, title="Elders")
        sessions["foreign"] = SessionFactory(
            activity=foreign, starts_at=brussels(10, 9), ends_at=brussels(10, 10)
        )
    return {
        "house": house,
        "service": service,
        "areas": {"leuven": leuven, "heverlee": heverlee, "herent": herent},
        "activities": {"massage": massage, "info": info, "group": group, "play": play, "draft": draft},
        "sessions": sessions,
    }
