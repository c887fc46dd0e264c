"""A network with two themes full of signals (in and outside the note's period, counted and not), parents'
contributions (one with a phone number), a draft and a final note, and a note of network B: the notes tests
(services, selectors, pages) share it. Import the `note_world` fixture into a test module."""

import datetime as dt

import pytest
from django.utils import timezone

from hvhk.signals.models import PolicyNote, Signal, VoiceContribution
from hvhk.signals.services import notes as services
from tests.core.factories import AreaFactory
from tests.signals.factories import (
    PolicyNoteFactory,
    PolicyNoteSectionFactory,
    SignalFactory,
    ThemeFactory,
    VoiceContributionFactory,
)

PHONE_QUOTE = "Bel mij gerust op 0470 12 34 56, zegt een moeder."
SAFE_QUOTE = "Een vader: “We wachten al acht maanden op een plaats.”"


def period() -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    return today - dt.timedelta(days=365), today


def dated(signal: Signal, day: dt.date) -> Signal:
    moment = dt.datetime.combine(day, dt.time(10), tzinfo=timezone.get_current_timezone())
    Signal.objects.filter(pk=signal.pk).update(created_at=moment)
    signal.refresh_from_db()
    return signal


@pytest.fixture
def note_world(network_a, network_b, partner_a, partner_a2, coordinator_a):
    start, end = period()
    partner_a.name, partner_a2.name = "Kind en Gezin A", "CAW A"
    partner_a.save()
    partner_a2.save()
    area = AreaFactory(network=network_a, name="Kessel-Lo")
    opvang = ThemeFactory(
        network=network_a,
        title="Wachtlijsten in de kinderopvang",
        proposal="Extra plaatsen met een inkomenstarief.",
        status="open",
    )
    nieuw = ThemeFactory(network=network_a, title="Nieuwkomers bereiken", proposal="Een brugfiguur.")
    spare = ThemeFactory(network=network_a, title="Betaalbare vrije tijd")
    themed = SignalFactory(
        network=network_a,
        theme=opvang,
        title="Geen opvangplaats bij terugkeer naar het werk",
        status=Signal.Status.THEMED,
        organization=partner_a,
        reporter_count=3,
        families_estimate=14,
        age_bands=["0-3"],
        area=area,
        evidence=SAFE_QUOTE,
        figures={"wachtende_gezinnen": 14},
    )
    phone = SignalFactory(
        network=network_a,
        theme=opvang,
        title="Wachtlijst voor ouders met wisselende uren",
        status=Signal.Status.THEMED,
        organization=partner_a2,
        source=Signal.Source.WORKING_GROUP,
        evidence=PHONE_QUOTE,
        age_bands=["0-3", "3-6"],
    )
    new = SignalFactory(
        network=network_a, theme=opvang, title="Opvang voor een opleiding", status=Signal.Status.NEW
    )
    dismissed = SignalFactory(
        network=network_a, theme=opvang, title="Niet weerhouden signaal", status=Signal.Status.DISMISSED
    )
    old = dated(
        SignalFactory(network=network_a, theme=opvang, title="Oud signaal", status=Signal.Status.THEMED),
        start - dt.timedelta(days=30),
    )
    nieuw_signal = SignalFactory(
        network=network_a,
        theme=nieuw,
        title="Folders alleen in het Nederlands",
        status=Signal.Status.THEMED,
        source=Signal.Source.PARENTS,
    )
    VoiceContributionFactory(
        network=network_a,
        text="Ik zoek al maanden opvang voor mijn dochter.",
        status=VoiceContribution.Status.LINKED,
        signal=themed,
    )
    VoiceContributionFactory(
        network=network_a,
        text="Mail me op mama@example.org als er plaats is.",
        status=VoiceContribution.Status.LINKED,
        signal=themed,
    )
    VoiceContributionFactory(
        network=network_a,
        text="Nog niet gemodereerd: niet citeren.",
        status=VoiceContribution.Status.NEW,
        signal=themed,
    )
    draft = services.policy_note_create(
        network=network_a,
        title="Beleidsnota ontwerp",
        period_start=start,
        period_end=end,
        themes=[opvang, nieuw],
        acting_user=coordinator_a,
    )
    final = PolicyNoteFactory(
        network=network_a,
        title="Beleidsnota vorig jaar",
        period_start=start,
        period_end=end,
        status=PolicyNote.Status.FINAL,
        finalised_at=timezone.now(),
        snapshot={
            "version": 1,
            "network": network_a.name,
            "title": "Beleidsnota vorig jaar",
            "addressee": "het college",
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "introduction": "",
            "closing": "",
            "sections": [],
        },
    )
    PolicyNoteSectionFactory(note=final, network=network_a, theme=spare, position=1)
    other = PolicyNoteFactory(network=network_b, title="Nota van B", status=PolicyNote.Status.FINAL)
    other_theme = ThemeFactory(network=network_b, title="Thema van B")
    PolicyNoteSectionFactory(note=other, network=network_b, theme=other_theme, position=1)
    return {
        "start": start,
        "end": end,
        "area": area,
        "opvang": opvang,
        "nieuw": nieuw,
        "spare": spare,
        "themed": themed,
        "phone": phone,
        "new": new,
        "dismissed": dismissed,
        "old": old,
        "nieuw_signal": nieuw_signal,
        "draft": draft,
        "final": final,
        "other": other,
        "other_theme": other_theme,
    }
