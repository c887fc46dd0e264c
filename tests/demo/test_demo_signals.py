"""The demo's signals: about thirty signals of Leuven in five themes, a few duplicates merged, parents'
contributions (some turned into or added to a signal), a call to take part, and last year's policy note with the
municipality's answer on its two themes; nothing names a family."""

import pytest
from django.utils import timezone

from hvhk.core.lib.personal_data import find_personal_data
from hvhk.core.models import Network
from hvhk.demo.services import demo_load
from hvhk.signals.models import (
    ParticipationCall,
    PolicyNote,
    PolicyNoteSection,
    Signal,
    SignalEvent,
    Theme,
    ThemeAnswer,
    VoiceContribution,
)

ROWS = (
    Signal,
    SignalEvent,
    Theme,
    VoiceContribution,
    ParticipationCall,
    PolicyNote,
    PolicyNoteSection,
    ThemeAnswer,
)


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
        first = SignalEvent.Action.PROPOSED if signal.proposal_key else SignalEvent.Action.REPORTED
        assert events[0].action == first
        if not signal.proposal_key:  # the story's signals are dated; a proposal is made now
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
    assert "1 policy note with 2 answers of the municipality" in summary.signals.line()
    assert {model: set(model.objects.values_list("pk", "updated_at")) for model in ROWS} == before


# --- last year's policy note and the municipality's answer ---------------------------------------------------------

NOTE_THEMES = {"Wachtlijsten in de kinderopvang", "Nieuwkomersgezinnen bereiken"}


def test_last_years_note_is_final_and_answered_on_both_themes(leuven):
    note = PolicyNote.objects.for_network(leuven).get()
    assert note.status == PolicyNote.Status.FINAL and note.finalised_at is not None
    assert note.period_end < timezone.localdate() and note.finalised_at.date() > note.period_end
    assert [s["title"] for s in note.snapshot["sections"]] == [
        "Wachtlijsten in de kinderopvang",
        "Nieuwkomersgezinnen bereiken",
    ]
    for section in note.snapshot["sections"]:
        assert section["signal_count"] >= 2 and section["quotes"] is not None and section["proposal"]
    answers = ThemeAnswer.objects.for_network(leuven).select_related("theme")
    assert {a.theme.title for a in answers} == NOTE_THEMES
    assert all(a.note == note and a.answered_on > note.finalised_at.date() for a in answers)
    for theme in Theme.objects.for_network(leuven):
        expected = Theme.Status.ANSWERED if theme.title in NOTE_THEMES else Theme.Status.OPEN
        assert theme.status == expected, theme.title


def test_the_note_moved_its_signals_to_answered_step_by_step(leuven):
    note = PolicyNote.objects.for_network(leuven).get()
    answered = Signal.objects.for_network(leuven).filter(status=Signal.Status.ANSWERED)
    assert answered.count() == 5
    for signal in answered:
        assert signal.theme.title in NOTE_THEMES
        assert note.period_start <= signal.created_at.date() <= note.period_end
        steps = [(e.action, e.from_status, e.to_status) for e in signal.events.all()]
        assert steps[-2:] == [("note", "themed", "policy"), ("status", "policy", "answered")]
        times = [e.created_at for e in signal.events.all()]
        assert times == sorted(times) and times[-2] == note.finalised_at
    # the themes' later signals were not in last year's note and stay where they were
    assert not Signal.objects.for_network(leuven).filter(status=Signal.Status.POLICY).exists()


def test_the_note_pdf_of_the_demo_names_leuven_and_its_themes(leuven, client):
    import pypdfium2 as pdfium

    from hvhk.accounts.models import User

    note = PolicyNote.objects.for_network(leuven).get()
    client.force_login(User.objects.get(email="coordinator@leuven.demo"))
    response = client.get(f"/portal/signals/notes/{note.pk}/note.pdf")
    assert response.status_code == 200
    document = pdfium.PdfDocument(response.content)
    text = " ".join(
        " ".join(document[i].get_textpage().get_text_range() for i in range(len(document))).split()
    )
    document.close()
    assert leuven.name in text and "Beleidsnota" in text
    assert all(title in text for title in NOTE_THEMES)
    assert "dertig extra plaatsen" not in text  # the answer came after the note; the note does not hold it


# --- last month's proposals from the figures ----------------------------------------------------------------------


def test_last_months_figures_are_proposed_to_the_coordinator(leuven):
    proposals = Signal.objects.for_network(leuven).filter(status=Signal.Status.PROPOSED)
    keys = {signal.proposal_key.split(":")[0] for signal in proposals}
    assert {"zero-search", "overdue"} <= keys
    titles = " ".join(proposals.values_list("title", flat=True))
    assert "nachtopvang" in titles and "سكن اجتماعي" in titles
    assert all(signal.origin == Signal.Origin.PLATFORM and signal.figures for signal in proposals)
