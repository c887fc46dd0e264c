"""Factories for the signals tests: signals, themes, parents' contributions, calls and policy notes."""

import datetime as dt

import factory
from django.utils import timezone

from hvhk.signals.models import (
    CallSignup,
    ParticipationCall,
    PolicyNote,
    PolicyNoteSection,
    Signal,
    SignalEvent,
    Theme,
    ThemeAnswer,
    VoiceContribution,
)
from tests.core.factories import NetworkFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Thema {n}")
    description = "Gezinnen vinden moeilijk een plaats."


class SignalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signal

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Signaal {n}")
    description = "Ouders vertellen ons dat ze maanden wachten."
    status = Signal.Status.NEW
    source = Signal.Source.PARTNER


class SignalEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignalEvent

    signal = factory.SubFactory(SignalFactory)
    network = factory.SelfAttribute("signal.network")
    action = SignalEvent.Action.REPORTED


class VoiceContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoiceContribution

    network = factory.SubFactory(NetworkFactory)
    text = "Ik mis een plek waar ik 's avonds met andere ouders kan praten."


class ParticipationCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParticipationCall

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Oudergroep {n}")
    description = "We praten over het nieuwe huis."
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    status = ParticipationCall.Status.PUBLISHED


class CallSignupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallSignup

    call = factory.SubFactory(ParticipationCallFactory)
    network = factory.SelfAttribute("call.network")
    name = "Sam Ouder"
    email = "sam@example.org"


class PolicyNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyNote

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Beleidsnota {n}")
    period_start = dt.date(2026, 1, 1)
    period_end = dt.date(2026, 12, 31)


class PolicyNoteSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyNoteSection

    note = factory.SubFactory(PolicyNoteFactory)
    network = factory.SelfAttribute("note.network")
    theme = factory.SubFactory(ThemeFactory, network=factory.SelfAttribute("..network"))


class ThemeAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeAnswer

    theme = factory.SubFactory(ThemeFactory)
    network = factory.SelfAttribute("theme.network")
    answered_on = dt.date(2026, 3, 1)
    answer = "De gemeente maakt extra plaatsen vrij."
