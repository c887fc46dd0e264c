"""How a whole Dutch question is read: a verb split from its particle is one word again ("wie past er op mijn
kinderen" asks for "oppassen"), light verbs and function words name no need, and a concept found only by a weak
alternative (a part of a compound) counts for less in the share of concepts a service answers."""

import pytest
from django.utils import translation

from hvhk.search import engine
from hvhk.search.concepts import content_words_in, separable_forms
from hvhk.search.engine import Concept, QueryPlan, _Scorer, plan_query
from hvhk.search.indexing import reindex
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import search_hits
from tests.directory.factories import ServiceFactory


@pytest.mark.parametrize(
    ("particle", "verb", "joined"),
    [
        ("op", "past", "oppassen"),
        ("op", "past", "oppas"),
        ("in", "schrijf", "inschrijven"),
        ("aan", "vraag", "aanvragen"),
    ],
)
def test_a_separated_verb_has_its_joined_spellings(particle, verb, joined):
    assert joined in separable_forms(particle, verb)


def test_a_particle_joins_the_verb_before_it_when_the_joined_word_is_known():
    known = {"oppas", "inschrijven", "aanvraag"}.__contains__
    assert "oppas" in content_words_in("wie past er dan op mijn kinderen?", "nl", known=known)
    # The noun just before the particle does not join ("inkinderen" is no word): the verb a few words back does.
    assert content_words_in("hoe schrijf ik mijn kinderen in op een school?", "nl", known=known) == [
        "inschrijven",
        "kinderen",
        "school",
    ]
    assert "aanvraag" in content_words_in("hoe vraag ik het groeipakket aan?", "nl", known=known)


def test_nothing_is_joined_when_the_joined_word_is_unknown_or_the_question_is_not_dutch():
    known = {"oppas"}.__contains__
    assert content_words_in("ik zoek hulp bij opvoeding", "nl", known=known) == ["hulp", "opvoeding"]
    assert content_words_in("wie past er op mijn kinderen", "nl") == ["past", "kinderen"]
    assert "oppas" not in content_words_in("who past op", "en", known=known)


def test_a_verb_joins_one_particle_only():
    known = {"oppas", "uitpas"}.__contains__
    assert content_words_in("past er iemand op en uit", "nl", known=known) == ["oppas"]


@pytest.mark.django_db
def test_light_verbs_and_function_words_are_no_concepts(network_a):
    plan = plan_query(network_a, "het voeden doet pijn na de bevalling, wat geef je dan?")
    words = [c.word for c in plan.concepts]
    assert "doet" not in words and "na" not in words and "geef" not in words
    assert "pijn" in words and "voeden" in words


@pytest.mark.django_db
def test_who_minds_my_children_finds_the_babysitting_service(network_a, partner_a):
    sitting = ServiceFactory(
        organization=partner_a, name="Oppasdienst", description="Een oppas komt bij je thuis als je weg moet."
    )
    ServiceFactory(organization=partner_a, name="Speelplein", description="Kinderen spelen in de vakantie.")
    reindex(network=network_a)
    with translation.override("nl"):
        hits = search_hits(network=network_a, query=ServiceQuery(text="wie past er op mijn kinderen?")).hits
    assert hits and hits[0].service_id == sitting.id


def _plan() -> QueryPlan:
    borst = Concept("borst", {("borst",): 1.0})
    kleren = Concept("kinderkleren", {("kinderkler",): 1.0, ("kinder",): 0.25})
    return QueryPlan([borst, kleren])


def test_a_concept_found_only_by_a_weak_alternative_counts_in_proportion():
    idf = {"borst": 1.0, "kinderkler": 1.0, "kinder": 1.0}
    scorer = _Scorer(_plan(), idf)
    both = scorer.score({"borst": 4.0, "kinderkler": 4.0})
    weak = scorer.score({"borst": 4.0, "kinder": 4.0})
    # Wholly found: the share is 1. The part "kinder" finds "kinderkleren" for 0.25 / FULL_QUALITY of it.
    assert both == pytest.approx(8.0)
    share = (1 + 0.25 / engine.FULL_QUALITY) / 2
    assert weak == pytest.approx((4.0 + 4.0 * 0.25) * share**1.5)


def test_an_alternative_of_full_quality_finds_its_concept_wholly():
    idf = {"borst": 1.0, "kinderkler": 1.0, "kinder": 1.0}
    plan = QueryPlan(
        [Concept("borst", {("borst",): 1.0}), Concept("kleren", {("kler",): engine.FULL_QUALITY})]
    )
    scorer = _Scorer(plan, {**idf, "kler": 1.0})
    assert scorer.score({"borst": 4.0, "kler": 4.0}) == pytest.approx(4.0 + 4.0 * engine.FULL_QUALITY)


def test_a_single_concept_is_not_weighed_by_its_share():
    plan = QueryPlan([Concept("babymassage", {("babymassag",): 1.0, ("baby",): 0.25})])
    scorer = _Scorer(plan, {"babymassag": 1.0, "baby": 1.0})
    assert scorer.score({"baby": 4.0}) == pytest.approx(1.0)


def test_the_noise_cutoff_is_scaled_by_what_the_share_leaves_of_one_need():
    one = QueryPlan([Concept("crèche", {("crech",): 1.0})])
    assert _Scorer(one, {"crech": 1.0}).one_need_share == 1.0
    four = QueryPlan([Concept(w, {(w,): 1.0}) for w in ("a", "b", "c", "d")])
    assert _Scorer(four, dict.fromkeys("abcd", 1.0)).one_need_share == pytest.approx(0.125)
    with_help = QueryPlan(
        [Concept("zwanger", {("zwanger",): 1.0}), Concept("hulp", {("hulp",): 1.0}, weight=0.2)]
    )
    assert _Scorer(with_help, {"zwanger": 1.0, "hulp": 1.0}).one_need_share == pytest.approx((1 / 1.2) ** 1.5)


@pytest.mark.django_db
def test_a_service_that_answers_one_need_of_a_long_question_is_not_cut_as_noise(network_a, partner_a):
    every = ServiceFactory(
        organization=partner_a, name="Kookles, bakles en naailes", description="Drie lessen."
    )
    one = ServiceFactory(
        organization=partner_a, name="Buurthuis", description="Elke dinsdag is er een kookles."
    )
    reindex(network=network_a)
    scores = engine.match_services(network=network_a, text="kookles bakles naailes")
    # The one that answers a third of the question scores under 5 % of the one that answers all of it, and stays.
    assert scores[one.id] < scores[every.id] * engine.RELATIVE_CUTOFF
    assert list(scores) and one.id in scores


def test_a_long_question_is_read_up_to_its_limit_only():
    asked = []

    def known(word):
        asked.append(word)
        return False

    text = "past op " * 5_000  # 40,000 characters of verbs and particles
    assert content_words_in(text, "nl", known=known, limit=16) == ["past"] * 16
    # Each particle near the words kept is tried against the few verbs before it, no more.
    assert 0 < len(asked) <= 17 * 6 * len(separable_forms("op", "past"))
