"""The demo's signals: about thirty signals of Leuven in five themes, a few duplicates merged, parents'
contributions (some turned into or added to a signal) and a call to take part; nothing names a family."""

import pytest

from hvhk.core.lib.personal_data import find_personal_data
from hvhk.core.models import Network
from hvhk.demo.services import demo_load
from hvhk.signals.models import ParticipationCall, Signal, SignalEvent, Theme, VoiceContribution

ROWS = (Signal, SignalEvent, Theme, VoiceContribution, ParticipationCall)


@pytest.fixture
def leuven(demo, db):
    return Network.objects.get(slug="leuven")


def test_leuven_has_about_thirty_signals_in_five_themes(leuven):
    signals = Signal.objects.for_network(leuven)
    assert 25 <= signals.exclude(status=Signal.Status.MERGED).count() <= 35
    themes = Theme.objects.for_network(leuven)
    assert themes.count() == 5
    for theme in themes:
        assert theme.signals.exclude(status=Signal.Status.MERGED).count() >= 4, theme.title
    assert {s.status for s in signals} >= {"new", "looking", "themed", "answered", "closed", "merged"}


def test_merged_signals_point_at_a_signal_that_counts_their_reporters(leuven):
    merged = Signal.objects.for_network(leuven).filter(status=Signal.Status.MERGED)
    assert merged.count() >= 2
    for signal in merged:
        assert signal.merged_into.status != Signal.Status.MERGED
        assert signal.merged_into.reporter_count > signal.reporter_count
        assert signal.events.filter(
            action=SignalEvent.Action.MERGED, related_signal=signal.merged_into
        ).exists()


def test_every_signal_has_a_trail_that_starts_with_its_report(leuven):
    for signal in Signal.objects.for_network(leuven).prefetch_related("events"):
        events = list(signal.events.all())
        assert events[0].action == SignalEvent.Action.REPORTED
        assert events[0].created_at == signal.created_at


def test_parents_contributions_and_a_call_with_sign_ups(leuven):
    contributions = VoiceContribution.objects.for_network(leuven)
    assert contributions.filter(status=VoiceContribution.Status.NEW).count() >= 2
    assert contributions.filter(signal__isnull=False).count() >= 2
    call = ParticipationCall.objects.for_network(leuven).get()
    assert call.status == ParticipationCall.Status.PUBLISHED
    assert call.signups.count() == 3


def test_no_demo_text_holds_personal_data_and_rows_pass_validation(leuven):
    for signal in Signal.objects.for_network(leuven):
        signal.full_clean()
        for text in (signal.title, signal.description, signal.evidence):
            assert find_personal_data(text) == [], text
    for contribution in VoiceContribution.objects.for_network(leuven):
        contribution.full_clean()
        assert find_personal_data(contribution.text) == []


def test_a_second_load_writes_nothing(leuven):
    before = {model: set(model.objects.values_list("pk", "updated_at")) for model in ROWS}
    summary = demo_load()
    assert summary.signals.written is False
    assert {model: set(model.objects.values_list("pk", "updated_at")) for model in ROWS} == before
