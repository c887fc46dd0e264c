"""The policy note's services and its content: who may write it, what it counts and quotes (never anything
personal), how finalising freezes it and moves themes and signals to policy, and how the municipality's answer
changes their status."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import RestrictedError
from django.utils import timezone

from hvhk.signals.models import PolicyNote, PolicyNoteSection, Signal, SignalEvent, Theme, ThemeAnswer
from hvhk.signals.selectors.notes import note_content
from hvhk.signals.services import notes as services
from tests.signals.factories import SignalFactory, ThemeAnswerFactory, ThemeFactory
from tests.signals.factories_notes import PHONE_QUOTE, SAFE_QUOTE, note_world

pytestmark = pytest.mark.django_db
note_world = note_world  # the shared fixture


def _counts() -> tuple[int, ...]:
    return (
        PolicyNote.objects.count(),
        PolicyNoteSection.objects.count(),
        ThemeAnswer.objects.count(),
        SignalEvent.objects.count(),
    )


def _positions(note) -> list[tuple[str, int]]:
    return list(note.sections.order_by("position").values_list("theme__title", "position"))


# --- creating and editing ----------------------------------------------------------------------------------------


def test_a_new_note_has_a_section_per_theme_with_the_theme_proposal(note_world, coordinator_a):
    note = note_world["draft"]
    assert note.status == PolicyNote.Status.DRAFT
    assert note.created_by == coordinator_a
    assert _positions(note) == [("Wachtlijsten in de kinderopvang", 1), ("Nieuwkomers bereiken", 2)]
    assert note.sections.get(position=1).proposal == "Extra plaatsen met een inkomenstarief."


def test_a_trekker_may_write_a_note(note_world, network_a, trekker_a):
    note = services.policy_note_create(
        network=network_a,
        title="Nota van de werkgroep",
        period_start=note_world["start"],
        period_end=note_world["end"],
        themes=[note_world["nieuw"]],
        acting_user=trekker_a,
    )
    assert note.sections.count() == 1


@pytest.mark.parametrize("who", ["editor_a", "member_a", "intake_a", "analyst_a", "coordinator_b"])
def test_others_may_not_write_a_note(request, note_world, network_a, who):
    user = request.getfixturevalue(who)
    before = _counts()
    with pytest.raises(PermissionDenied):
        services.policy_note_create(
            network=network_a,
            title="Nota",
            period_start=note_world["start"],
            period_end=note_world["end"],
            themes=[note_world["opvang"]],
            acting_user=user,
        )
    with pytest.raises(PermissionDenied):
        services.policy_note_finalise(note=note_world["draft"], acting_user=user)
    with pytest.raises(PermissionDenied):
        services.theme_answer_record(
            theme=note_world["opvang"], answered_on=dt.date(2026, 1, 1), answer="Ja", acting_user=user
        )
    assert _counts() == before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"themes": []}, "themes"),
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "Nota voor jan@example.org"}, "title"),
        ({"introduction": "Bel 0470 12 34 56"}, "introduction"),
        ({"period_end": dt.date(2020, 1, 1)}, "period_end"),
    ],
)
def test_a_new_note_refuses_bad_input_and_stores_nothing(
    note_world, network_a, coordinator_a, changes, field
):
    arguments = {
        "network": network_a,
        "title": "Nota",
        "period_start": note_world["start"],
        "period_end": note_world["end"],
        "themes": [note_world["opvang"]],
        "acting_user": coordinator_a,
        **changes,
    }
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        services.policy_note_create(**arguments)
    assert field in caught.value.message_dict
    assert _counts() == before


def test_personal_data_is_refused_with_a_message_that_names_it(note_world, coordinator_a):
    with pytest.raises(ValidationError) as caught:
        services.policy_note_update(
            note=note_world["draft"],
            title="Nota",
            period_start=note_world["start"],
            period_end=note_world["end"],
            addressee="het college",
            introduction="Vragen? Mail naar jan@example.org of bel 016 12 34 56.",
            closing="",
            acting_user=coordinator_a,
        )
    message = caught.value.message_dict["introduction"][0]
    assert "e-mailadres" in message and "telefoonnummer" in message
    note_world["draft"].refresh_from_db()
    assert note_world["draft"].introduction == ""


def test_a_theme_of_another_network_is_refused(note_world, network_a, coordinator_a):
    with pytest.raises(ValidationError) as caught:
        services.policy_note_create(
            network=network_a,
            title="Nota",
            period_start=note_world["start"],
            period_end=note_world["end"],
            themes=[note_world["opvang"], note_world["other_theme"]],
            acting_user=coordinator_a,
        )
    assert "themes" in caught.value.message_dict
    with pytest.raises(ValidationError):
        services.policy_note_section_add(
            note=note_world["draft"], theme=note_world["other_theme"], acting_user=coordinator_a
        )


def test_update_changes_the_texts_of_a_draft(note_world, coordinator_a):
    note = services.policy_note_update(
        note=note_world["draft"],
        title="  Beleidsnota 2026 ",
        period_start=note_world["start"],
        period_end=note_world["end"],
        addressee="het college van Leuven",
        introduction="Dit jaar vielen twee thema's op.",
        closing="We gaan graag in gesprek.",
        acting_user=coordinator_a,
    )
    note.refresh_from_db()
    assert (note.title, note.addressee, note.closing) == (
        "Beleidsnota 2026",
        "het college van Leuven",
        "We gaan graag in gesprek.",
    )


def test_sections_move_and_keep_unique_gapless_positions(note_world, coordinator_a):
    note = note_world["draft"]
    services.policy_note_section_add(note=note, theme=note_world["spare"], acting_user=coordinator_a)
    spare = note.sections.get(theme=note_world["spare"])
    assert spare.position == 3
    services.policy_note_section_move(section=spare, direction="up", acting_user=coordinator_a)
    assert [p for _t, p in _positions(note)] == [1, 2, 3]
    assert _positions(note)[1][0] == "Betaalbare vrije tijd"
    first = note.sections.get(position=1)
    services.policy_note_section_move(section=first, direction="up", acting_user=coordinator_a)  # stays first
    assert _positions(note)[0][0] == first.theme.title
    services.policy_note_section_remove(section=first, acting_user=coordinator_a)
    assert [p for _t, p in _positions(note)] == [1, 2]
    last = note.sections.get(position=2)
    services.policy_note_section_move(section=last, direction="down", acting_user=coordinator_a)
    assert note.sections.get(pk=last.pk).position == 2
    with pytest.raises(ValidationError):
        services.policy_note_section_move(section=last, direction="sideways", acting_user=coordinator_a)


def test_a_note_keeps_one_theme_and_takes_each_theme_once(note_world, coordinator_a):
    note = note_world["draft"]
    with pytest.raises(ValidationError):
        services.policy_note_section_add(note=note, theme=note_world["opvang"], acting_user=coordinator_a)
    services.policy_note_section_remove(section=note.sections.get(position=2), acting_user=coordinator_a)
    with pytest.raises(ValidationError):
        services.policy_note_section_remove(section=note.sections.get(), acting_user=coordinator_a)
    assert note.sections.count() == 1


def test_section_texts_are_checked(note_world, coordinator_a):
    section = note_world["draft"].sections.get(position=1)
    services.policy_note_section_update(
        section=section, text="Ouders wachten lang.", proposal="Meer plaatsen.", acting_user=coordinator_a
    )
    section.refresh_from_db()
    assert (section.text, section.proposal) == ("Ouders wachten lang.", "Meer plaatsen.")
    with pytest.raises(ValidationError) as caught:
        services.policy_note_section_update(
            section=section, text="", proposal="Neem contact op via 0470/12.34.56", acting_user=coordinator_a
        )
    assert "proposal" in caught.value.message_dict
    section.refresh_from_db()
    assert section.proposal == "Meer plaatsen."


# --- the content -------------------------------------------------------------------------------------------------


def test_the_content_counts_the_theme_signals_of_the_period(note_world):
    content = note_content(note=note_world["draft"])
    opvang, nieuw = content["sections"]
    assert opvang["title"] == "Wachtlijsten in de kinderopvang"
    # themed (3 reporters), phone and new: not the dismissed one, not the one from before the period
    assert opvang["signal_count"] == 3
    assert opvang["reporter_count"] == 5
    assert "Oud signaal" not in opvang["signals"] and "Niet weerhouden signaal" not in opvang["signals"]
    assert {row["code"]: row["count"] for row in opvang["sources"]} == {"partner": 2, "working_group": 1}
    assert opvang["partners"] == ["CAW A", "Kind en Gezin A"]
    assert {row["code"]: row["count"] for row in opvang["age_bands"]} == {"0-3": 2, "3-6": 1}
    assert opvang["areas"] == [{"name": "Kessel-Lo", "count": 1}]
    assert {"kind": "families", "label": "", "value": 14} in opvang["figures"]
    assert any(row["value"] == "14" and "wachtende gezinnen" in row["label"] for row in opvang["figures"])
    assert opvang["proposal"] == "Extra plaatsen met een inkomenstarief."
    assert nieuw["signal_count"] == 1 and nieuw["sources"][0]["label"] == "ouders"


def test_quotes_leave_out_anything_personal_and_unmoderated(note_world):
    quotes = note_content(note=note_world["draft"])["sections"][0]["quotes"]
    assert SAFE_QUOTE in quotes
    assert "Ik zoek al maanden opvang voor mijn dochter." in quotes
    assert PHONE_QUOTE not in quotes
    assert not any("example.org" in q or "0470" in q or "niet citeren" in q for q in quotes)


def test_a_contribution_already_quoted_in_the_evidence_is_quoted_once(note_world):
    words = "Ik zoek al maanden opvang voor mijn dochter."
    themed = Signal.objects.get(title="Geen opvangplaats bij terugkeer naar het werk")
    themed.evidence = f"{SAFE_QUOTE}\n“{words}” (een ouder, via de stem van ouders)"
    themed.save()
    quotes = note_content(note=note_world["draft"])["sections"][0]["quotes"]
    assert sum(words in quote for quote in quotes) == 1
    assert words not in quotes  # only the quote with where it comes from


def test_earlier_answers_before_the_period_end_show_what_changed(note_world):
    opvang = note_world["opvang"]
    ThemeAnswerFactory(theme=opvang, network=opvang.network, answered_on=note_world["start"], answer="Eerder")
    ThemeAnswerFactory(
        theme=opvang,
        network=opvang.network,
        answered_on=note_world["end"] + dt.timedelta(days=1),
        answer="Later",
    )
    ThemeAnswerFactory(
        theme=opvang, network=opvang.network, answered_on=note_world["start"], answer="Bel 0470 12 34 56"
    )
    answers = note_content(note=note_world["draft"])["sections"][0]["answers"]
    assert [a["answer"] for a in answers] == ["Eerder"]


# --- finalising --------------------------------------------------------------------------------------------------


def test_finalising_freezes_the_note_and_takes_themes_and_signals_to_policy(note_world, coordinator_a):
    note = services.policy_note_finalise(note=note_world["draft"], acting_user=coordinator_a)
    note.refresh_from_db()
    assert note.status == PolicyNote.Status.FINAL and note.finalised_at is not None
    assert [s["title"] for s in note.snapshot["sections"]] == [
        "Wachtlijsten in de kinderopvang",
        "Nieuwkomers bereiken",
    ]
    assert PHONE_QUOTE not in str(note.snapshot)
    for theme in ("opvang", "nieuw"):
        assert Theme.objects.get(pk=note_world[theme].pk).status == Theme.Status.POLICY
    themed = Signal.objects.get(pk=note_world["themed"].pk)
    assert themed.status == Signal.Status.POLICY
    event = themed.events.get(action=SignalEvent.Action.NOTE)
    assert (event.from_status, event.to_status, event.user) == ("themed", "policy", coordinator_a)
    assert "Beleidsnota ontwerp" in event.note
    new = Signal.objects.get(pk=note_world["new"].pk)  # new cannot go to policy: stays new, trail says so
    assert new.status == Signal.Status.NEW
    assert new.events.get(action=SignalEvent.Action.NOTE).to_status == ""
    old = Signal.objects.get(pk=note_world["old"].pk)  # outside the period: untouched
    assert old.status == Signal.Status.THEMED and not old.events.exists()
    assert not Signal.objects.get(pk=note_world["dismissed"].pk).events.exists()


def test_a_final_note_can_no_longer_be_edited(note_world, coordinator_a):
    note = services.policy_note_finalise(note=note_world["draft"], acting_user=coordinator_a)
    section = note.sections.get(position=1)
    attempts = [
        lambda: services.policy_note_update(
            note=note,
            title="Anders",
            period_start=note.period_start,
            period_end=note.period_end,
            addressee="",
            introduction="",
            closing="",
            acting_user=coordinator_a,
        ),
        lambda: services.policy_note_section_update(
            section=section, text="x", proposal="y", acting_user=coordinator_a
        ),
        lambda: services.policy_note_section_move(
            section=section, direction="down", acting_user=coordinator_a
        ),
        lambda: services.policy_note_section_add(
            note=note, theme=note_world["spare"], acting_user=coordinator_a
        ),
        lambda: services.policy_note_section_remove(section=section, acting_user=coordinator_a),
        lambda: services.policy_note_finalise(note=note, acting_user=coordinator_a),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert "definitief" in caught.value.messages[0]
    note.refresh_from_db()
    assert note.title == "Beleidsnota ontwerp" and note.sections.count() == 2


def test_a_final_note_reads_from_its_snapshot(note_world, coordinator_a):
    note = services.policy_note_finalise(note=note_world["draft"], acting_user=coordinator_a)
    before = note_content(note=note)
    themed = note_world["themed"]
    themed.title, themed.evidence, themed.reporter_count = "Nieuwe titel", "Een ander citaat.", 9
    themed.save()
    SignalFactory(
        network=themed.network, theme=note_world["opvang"], status=Signal.Status.THEMED, title="Later"
    )
    ThemeAnswerFactory(theme=note_world["opvang"], network=themed.network, answered_on=note_world["start"])
    after = note_content(note=PolicyNote.objects.get(pk=note.pk))
    assert after == before
    assert "Nieuwe titel" not in str(after) and after["sections"][0]["reporter_count"] == 5


# --- the municipality's answer -----------------------------------------------------------------------------------


def test_an_answer_marks_the_theme_and_its_policy_signals_answered(note_world, coordinator_a):
    note = services.policy_note_finalise(note=note_world["draft"], acting_user=coordinator_a)
    answer = services.theme_answer_record(
        theme=note_world["opvang"],
        note=note,
        answered_on=timezone.localdate(),
        answer="De gemeente opent 30 extra plaatsen in Kessel-Lo.",
        acting_user=coordinator_a,
    )
    assert answer.recorded_by == coordinator_a and answer.note == note
    assert Theme.objects.get(pk=note_world["opvang"].pk).status == Theme.Status.ANSWERED
    assert Theme.objects.get(pk=note_world["nieuw"].pk).status == Theme.Status.POLICY
    themed = Signal.objects.get(pk=note_world["themed"].pk)
    assert themed.status == Signal.Status.ANSWERED
    step = themed.events.order_by("-created_at").first()
    assert (step.action, step.from_status, step.to_status) == ("status", "policy", "answered")
    assert Signal.objects.get(pk=note_world["new"].pk).status == Signal.Status.NEW
    assert Signal.objects.get(pk=note_world["nieuw_signal"].pk).status == Signal.Status.POLICY


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"answer": ""}, "answer"),
        ({"answer": "x" * 8001}, "answer"),
        ({"answer": "Vragen aan schepen@leuven.example"}, "answer"),
        ({"answered_on": dt.date(2999, 1, 1)}, "answered_on"),
        ({"note": "draft"}, "note"),
        ({"note": "final"}, "note"),  # the final note does not carry this theme
    ],
)
def test_a_bad_answer_is_refused_and_changes_nothing(note_world, coordinator_a, changes, field):
    if "note" in changes:
        changes = {"note": note_world[changes["note"]]}
    arguments = {
        "theme": note_world["opvang"],
        "answered_on": timezone.localdate(),
        "answer": "Goed idee.",
        "acting_user": coordinator_a,
        **changes,
    }
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        services.theme_answer_record(**arguments)
    assert field in caught.value.message_dict
    assert _counts() == before
    assert Theme.objects.get(pk=note_world["opvang"].pk).status == Theme.Status.OPEN


def test_an_answer_for_another_network_theme_is_refused(note_world, coordinator_a):
    with pytest.raises(PermissionDenied):
        services.theme_answer_record(
            theme=note_world["other_theme"],
            answered_on=timezone.localdate(),
            answer="Ja",
            acting_user=coordinator_a,
        )
    theme_b = ThemeFactory(network=note_world["other_theme"].network)
    assert theme_b.answers.count() == 0


# --- deleting ----------------------------------------------------------------------------------------------------


def test_a_theme_in_a_note_stays_but_the_network_can_go_with_its_notes(note_world):
    opvang = note_world["opvang"]
    with pytest.raises(RestrictedError):
        opvang.delete()
    network = opvang.network
    network.delete()
    assert not PolicyNote.objects.filter(network_id=network.pk).exists()
    assert not Theme.objects.filter(network_id=network.pk).exists()
