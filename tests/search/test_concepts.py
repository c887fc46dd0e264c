"""The multilingual vocabulary (hvhk.search.concepts): the data loads and is checked, and every concept is found
by each of its words in each of the five languages, by its variants, and in its example questions; a question is
read in its own language."""

import json
import re

import pytest

from hvhk.search.concepts import (
    LANGUAGES,
    ConceptError,
    ConceptIndex,
    arabic_root,
    concept_index,
    content_words_in,
    load_concepts,
    question_language,
)

CONCEPTS = load_concepts()


def _found(text: str, language: str) -> set[str]:
    content = content_words_in(text, language)
    return {e.id for m in concept_index().find(content, prefer=language) for e in m.concepts}


def test_the_vocabulary_has_concepts_in_every_language():
    assert CONCEPTS, "no concepts loaded"
    for entry in CONCEPTS:
        assert all(entry.words[language] for language in LANGUAGES), entry.id


@pytest.mark.parametrize("entry", CONCEPTS, ids=[e.id for e in CONCEPTS])
def test_each_word_of_a_concept_finds_it(entry):
    for language in LANGUAGES:
        for word in entry.words[language]:
            assert entry.id in _found(word, language), f"{entry.id}: {language} '{word}'"
    for variant in entry.variants:
        assert any(entry.id in _found(variant, language) for language in LANGUAGES), (
            f"{entry.id}: '{variant}'"
        )
    for language, question in entry.examples.items():
        read_as = question_language(question, prefer=language)
        assert entry.id in _found(question, read_as), f"{entry.id}: example {language} '{question}'"


def test_a_question_is_read_in_its_own_language():
    assert question_language("aide pour payer la garderie") == "fr"
    assert question_language("speech therapy for my son") == "en"
    assert question_language("مساعدة في الواجبات المدرسية") == "ar"
    assert question_language("bebeğim uyumuyor", prefer="tr") == "tr"
    assert question_language("bebeğim uyumuyor") == "nl"  # nothing tells: the visitor's language
    assert question_language("hulp bij opvoeding") == "nl"
    # "son" means a son in English, not "his": it stays in an English question
    assert "son" in content_words_in("speech therapy for my son", "en")
    # "pas" is a card in Dutch: a French stop word does not drop it from a Dutch question
    assert "pas" in content_words_in("een pas aanvragen", "nl")


def test_the_longest_phrase_wins_and_generic_words_weigh_little():
    found = concept_index().find(content_words_in("ik zoek hulp bij borstvoeding", "nl"))
    assert [[e.id for e in m.concepts] for m in found] == [["hulp"], ["borstvoeding"]]
    assert found[0].concepts[0].weight < 0.5 <= found[1].concepts[0].weight
    arabic = concept_index().find(content_words_in("مساعدة في الرضاعة الطبيعية", "ar"), prefer="ar")
    assert (arabic[-1].end - arabic[-1].start, arabic[-1].concepts[0].id) == (2, "borstvoeding")


def _write(tmp_path, concepts) -> None:
    (tmp_path / "test.json").write_text(json.dumps({"concepts": concepts}), encoding="utf-8")


GOOD = {"id": "slapen", "nl": ["slapen"], "fr": ["sommeil"], "en": ["sleep"], "tr": ["uyku"], "ar": ["نوم"]}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "Slapen!"}, "'id' must be lower case"),
        ({"tr": None}, "no words in 'tr'"),
        ({"fr": []}, "expected a list of words"),
        ({"en": ["  "]}, "expected a list of words"),
        ({"en": ["!!!"]}, "has no letters"),
        ({"weight": 0}, "'weight' must be a number above 0"),
        ({"weight": 2}, "'weight' must be a number above 0"),
        ({"examples": {"de": "schlafen"}}, "'examples' maps a language"),
        ({"colour": "blue"}, re.escape("unknown keys ['colour']")),
        ({"nl": ["x" * 61]}, "longer than 60 characters"),
        ({"broader": "opvoeding"}, "'broader' is a list of concept ids"),
        ({"broader": ["Opvoeding!"]}, "'broader' is a list of concept ids"),
        ({"broader": ["slapen"]}, "a concept is not broader than itself"),
    ],
)
def test_bad_concept_data_says_what_and_where(tmp_path, change, message):
    concept = {**GOOD, **change}
    concept = {k: v for k, v in concept.items() if v is not None}
    _write(tmp_path, [concept])
    with pytest.raises(ConceptError, match=message) as error:
        load_concepts(tmp_path)
    assert "test.json, concept 1" in str(error.value)


def test_a_concept_twice_or_a_broken_file_is_refused(tmp_path):
    _write(tmp_path, [GOOD, GOOD])
    with pytest.raises(ConceptError, match=re.escape("'slapen' is also in test.json")):
        load_concepts(tmp_path)
    (tmp_path / "test.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ConceptError, match=re.escape("test.json is not valid JSON")):
        load_concepts(tmp_path)


def test_an_index_of_own_concepts_finds_by_stem_in_each_language(tmp_path):
    _write(tmp_path, [GOOD])
    index = ConceptIndex(load_concepts(tmp_path))
    for words, language in (
        (["slaapt"], "nl"),  # not a stem of "slapen" in Dutch: not found
        (["slapen"], "nl"),
        (["sleeping"], "en"),
        (["uykular"], "tr"),
    ):
        found = [e.id for m in index.find(words, prefer=language) for e in m.concepts]
        assert found == ([] if words == ["slaapt"] else ["slapen"]), words


def test_a_broader_concept_must_exist(tmp_path):
    _write(tmp_path, [{**GOOD, "broader": ["consultatiebureau", "opvoeding"]}])
    with pytest.raises(ConceptError, match=re.escape("test.json (slapen): 'broader' names no concept")):
        load_concepts(tmp_path)
    _write(tmp_path, [{**GOOD, "broader": ["opvoeding"]}, {**GOOD, "id": "opvoeding", "nl": ["opvoeding"]}])
    index = ConceptIndex(load_concepts(tmp_path))
    assert [e.id for e in index.broader(index.entries["slapen"])] == ["opvoeding"]
    assert index.broader(index.entries["opvoeding"]) == ()


def test_the_shipped_broader_concepts_lead_to_where_families_are_sent():
    """One step up, never in a circle of two, and mostly to a concept that names a service or a helper."""
    index = concept_index()
    for entry in CONCEPTS:
        for wider in index.broader(entry):
            assert entry.id not in wider.broader, f"{entry.id} and {wider.id} are broader than each other"
    broader = {e.id: e.broader for e in CONCEPTS}
    assert "opvoedingsondersteuning" in broader["gedrag"]
    assert "consultatiebureau" in broader["borstvoeding"]
    assert "caw" in broader["intrafamiliaal-geweld"]
    assert sum(bool(b) for b in broader.values()) >= 200


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("طفلي يصرخون", "driftbuien"),  # "they scream": the root of "صراخ" (screaming)
        ("زوجتي ترضع", "borstvoeding"),  # "she breastfeeds": the root of "الرضاعة" (breastfeeding)
    ],
)
def test_an_arabic_verb_form_finds_its_concept_by_the_root(text, concept):
    assert concept in _found(text, "ar")


def test_the_root_is_only_a_fallback():
    """A word the stemmer matches keeps its own concept; roots never match a Latin word."""
    assert arabic_root("المساعدات") == arabic_root("سعيد")  # "help" and "happy" share a root ...
    assert _found("المساعدات", "ar") == {"hulp"}  # ... but the stemmer's match comes first
    assert concept_index()._with_roots(["helpen"], []) == []
    # "looking for a summer job": "يبحث عن عمل" has the roots of "البحث عن عمل" (looking for work), but "عمل صيفي"
    # (a summer job) matches exactly and keeps its words.
    assert _found("ابني يبحث عن عمل صيفي", "ar") == {"kind", "jobstudent"}
