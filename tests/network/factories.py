import datetime as dt

import factory
from django.utils import timezone

from hvhk.network import models as m
from tests.accounts.factories import UserFactory
from tests.core.factories import NetworkFactory


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Body

    network = factory.SubFactory(NetworkFactory)
    kind = m.Body.Kind.WORKING_GROUP
    name = factory.Sequence(lambda n: f"Werkgroep {n}")
    is_open = False


class BodyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.BodyMember

    body = factory.SubFactory(BodyFactory)
    network = factory.SelfAttribute("body.network")
    user = factory.SubFactory(UserFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Meeting

    body = factory.SubFactory(BodyFactory)
    network = factory.SelfAttribute("body.network")
    title = factory.Sequence(lambda n: f"Vergadering {n}")
    status = m.Meeting.Status.PLANNED
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2) if o.starts_at else None)
    place = "Huis van het Kind, Leuven"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    network = factory.SelfAttribute("meeting.network")
    title = factory.Sequence(lambda n: f"Agendapunt {n}")
    position = factory.Sequence(lambda n: n)


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Decision

    agenda_item = factory.SubFactory(AgendaItemFactory)
    meeting = factory.SelfAttribute("agenda_item.meeting")
    network = factory.SelfAttribute("meeting.network")
    text = "We organiseren in het voorjaar een netwerklunch."


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.ActionItem

    agenda_item = factory.SubFactory(AgendaItemFactory)
    meeting = factory.SelfAttribute("agenda_item.meeting")
    network = factory.SelfAttribute("meeting.network")
    text = "Uitnodiging voor de netwerklunch versturen."
    owner_user = factory.SubFactory(UserFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=7))


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Declaration

    network = factory.SubFactory(NetworkFactory)
    version = factory.Sequence(lambda n: n + 1)
    title = "Engagementsverklaring"
    text = "Wij werken samen aan een sterk netwerk voor gezinnen."
    effective_on = dt.date(2014, 11, 13)
    published_at = factory.LazyFunction(timezone.now)


class SignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Signature

    declaration = factory.SubFactory(DeclarationFactory)
    network = factory.SelfAttribute("declaration.network")
    method = m.Signature.Method.ONLINE
    signer_name = "An Peeters"
    signer_function = "directeur"
    signed_on = dt.date(2014, 11, 13)


class NewsPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.NewsPost

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Nieuws {n}")
    text = "Er is nieuws in het netwerk."
    published_at = factory.LazyFunction(timezone.now)
