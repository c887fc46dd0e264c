"""core.lib.personal_data: e-mail addresses, phone numbers and national register numbers in free text."""

import pytest

from hvhk.core.lib.personal_data import find_personal_data, personal_data_found, personal_data_kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mail de mama op an.peeters@example.org als het kan", "email"),
        ("Bel haar: 0470 12 34 56", "phone"),
        ("Bel haar: 0470/12.34.56", "phone"),
        ("Vast nummer 016 00 00 00", "phone"),
        ("Internationaal +32 470 12 34 56", "phone"),
        ("Of 0032 470 12 34 56", "phone"),
        ("Rijksregisternummer 85.07.30-033.28", "national_number"),
        ("Zonder tekens 85073003328", "national_number"),
        ("Geboren na 2000: 05.01.01-123.85", "national_number"),
    ],
)
def test_it_finds_contact_details_and_identity_numbers(text, kind):
    assert [finding.kind for finding in find_personal_data(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "Sinds 2024 wachten 120 gezinnen op een plaats in de kinderopvang.",
        "Tussen 12/03/2026 en 30/06/2026 kwamen 45 vragen binnen.",
        "Wachtlijst van 6 tot 9 maanden, 3 op 10 ouders haken af.",
        "Budget 2025-2026: 15.000 euro.",
    ],
)
def test_it_leaves_figures_and_dates_alone(text):
    assert find_personal_data(text) == []


def test_a_national_register_number_is_not_also_a_phone_number():
    findings = find_personal_data("Nummer 85073003328 en mail x@y.be")
    assert [f.kind for f in findings] == ["national_number", "email"]


def test_kinds_are_named_once_each_in_plain_words():
    assert personal_data_kinds("a@b.be, c@d.be en 0470 12 34 56") == ["een e-mailadres", "een telefoonnummer"]


def test_what_was_found_is_named_for_a_message():
    assert personal_data_found("Wachtlijst van acht maanden") == ""
    assert personal_data_found("Mail mama@example.org") == "een e-mailadres"
    assert personal_data_found("Mail mama@example.org of bel 0470 12 34 56") == (
        "een e-mailadres en een telefoonnummer"
    )
