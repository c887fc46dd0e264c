"""Factories of the volunteers' tests: roles (of the network or a partner) and volunteers as a sign-up leaves them.
They write rows directly (no access check, no mail); the services are tested on their own."""

import factory
from django.utils import timezone

from hvhk.core.lib.tokens import token_hash
from hvhk.volunteers.models import Placement, Volunteer, VolunteerRole
from hvhk.volunteers.services import contact_key, volunteer_token
from tests.core.factories import NetworkFactory


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerRole

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Helpen bij het speelmoment {n}")
    description = "Je speelt mee met kinderen van 3 tot 6 terwijl de ouders koffie drinken."
    status = VolunteerRole.Status.OPEN
    interests = factory.LazyFunction(lambda: ["children"])
    availability = factory.LazyFunction(lambda: ["wed-pm"])


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Volunteer
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Vrijwilliger {n}")
    email = factory.Sequence(lambda n: f"vrijwilliger{n}@example.org")
    phone = ""
    contact_key = factory.LazyAttribute(lambda o: contact_key(email=o.email, phone=o.phone))
    consent_at = factory.LazyFunction(timezone.now)
    interests = factory.LazyFunction(lambda: ["children"])
    availability = factory.LazyFunction(lambda: ["wed-pm"])
    languages = factory.LazyFunction(lambda: ["nl"])
    token_hash = factory.Sequence(lambda n: f"placeholder-{n}")

    @factory.post_generation
    def real_token(obj, create, extracted, **kwargs):
        """The hash of the real private link (the id is known only now)."""
        obj.token_hash = token_hash(volunteer_token(obj))
        if create:
            Volunteer.objects.filter(pk=obj.pk).update(token_hash=obj.token_hash)


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    volunteer = factory.SubFactory(VolunteerFactory)
    role = factory.SubFactory(RoleFactory, network=factory.SelfAttribute("..volunteer.network"))
    network = factory.SelfAttribute("volunteer.network")
