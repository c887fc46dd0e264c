import pytest

from hvhk.search.analysis import PART_MARK, analyse, content_words, split_compound, stem
from hvhk.search.text import fold


def test_folding_removes_case_and_accents():
    assert fold("Crèche Financiële ÉÉN") == "creche financiele een"


def test_stop_words_and_single_letters_are_dropped():
    assert content_words("Mijn kind wordt gepest op school, wat kan ik doen?") == [
        "kind",
        "gepest",
        "school",
        "doen",
    ]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("opvoedingsondersteuning", ["opvoeding", "ondersteuning"]),
        ("borstvoedingscafe", ["borstvoeding", "cafe"]),
        ("huiswerkbegeleiding", ["huiswerk", "begeleiding"]),
        ("huiswerkklas", ["huiswerk", "klas"]),
        ("kind", []),
    ],
)
def test_compounds_split_against_the_vocabulary(word, parts):
    assert split_compound(word, frozenset({"opvoeding", "ondersteuning", "begeleiding"})) == parts


def test_a_compound_keeps_its_own_stem_and_adds_marked_parts():
    tokens = analyse("Opvoedingsondersteuning")
    assert tokens[0] == stem("opvoedingsondersteuning")
    assert f"{PART_MARK}{stem('opvoeding')}" in tokens and f"{PART_MARK}{stem('ondersteuning')}" in tokens


def test_inflections_meet_in_one_stem():
    assert stem("borstvoeding") == stem("borstvoeding")
    assert stem("ouders") == stem("ouder")
    assert stem("ruzies") == stem("ruzie")
    assert stem("geboorte") == "geboort"  # the classic Dutch stemmer; the newer one cuts this to "boor"


def test_index_and_query_analysis_are_the_same_function():
    text = "Spel- en ontmoetingsruimte voor peuters"
    assert analyse(text) == analyse(text.upper())
