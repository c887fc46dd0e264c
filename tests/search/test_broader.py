"""A need the offering does not name is searched by where families with it are sent (the vocabulary's `broader`
concepts): "mijn zoon bijt" finds parenting support, in every language, but a service that names the need itself
comes first, and a word that is neither stays unfound."""

import pytest
from django.utils import translation

from hvhk.search import engine
from hvhk.search.indexing import reindex
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import search_hits
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offering(network_a, partner_a):
    services = {
        "biting": ServiceFactory(
            organization=partner_a,
            name="Oudergroep: als je kind bijt of slaat",
            description="Ouders praten samen over agressief gedrag van hun kind.",
        ),
        "parenting": ServiceFactory(
            organization=partner_a,
            name="Opvoedingswinkel",
            description="Met al je vragen over opvoeding kan je hier terecht.",
        ),
        "swimming": ServiceFactory(
            organization=partner_a, name="Zwemles voor kinderen", description="Leren zwemmen in het zwembad."
        ),
    }
    reindex(network=network_a)
    return network_a, services


def _found(network, text, language="nl"):
    with translation.override(language):
        return [hit.service_id for hit in search_hits(network=network, query=ServiceQuery(text=text)).hits]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("mijn zoon van 4 bijt andere kinderen", "nl"),
        ("my son keeps biting other children", "en"),
        ("mon fils mord les autres enfants", "fr"),
    ],
)
def test_the_need_itself_first_then_where_such_families_are_sent(offering, text, language):
    network, services = offering
    found = _found(network, text, language)
    # Swimming lessons "voor kinderen" answer only the word for children, and come last if at all.
    assert found[:2] == [services["biting"].id, services["parenting"].id]
    assert found[2:] in ([], [services["swimming"].id])


def test_parenting_support_is_found_for_a_need_it_does_not_name(offering):
    network, services = offering
    services["biting"].delete()
    reindex(network=network)
    assert _found(network, "mijn dochter slaat haar zusje") == [services["parenting"].id]


def test_broader_words_are_marked_and_weigh_less_than_the_need(offering):
    network, _services = offering
    plan = engine.plan_query(network, "bijt")
    (concept,) = plan.concepts
    assert ("opvoed",) in concept.broader  # the stem of "opvoeding", from "gedrag"'s broader concept
    own = concept.alternatives[("bijt",)]
    assert concept.alternatives[("opvoed",)] == pytest.approx(own * 0.95 * engine.BROADER_QUALITY, rel=0.01)
    assert ("bijt",) not in concept.broader


def test_a_concept_found_only_by_a_broader_word_counts_less_as_found():
    """Of two documents with the same words in the same fields, the one where a concept is found only by a broader
    word ranks lower, by the share of the question it answers."""
    need = engine.Concept("bijt", {("bijt",): 1.0, ("opvoed",): 0.57}, broader={("opvoed",)})
    age = engine.Concept("kleuter", {("kleuter",): 1.0})
    scorer = engine._Scorer(engine.QueryPlan([need, age]), {"bijt": 1.0, "opvoed": 1.0, "kleuter": 1.0})
    named = scorer.score({"bijt": 1.0, "kleuter": 1.0})
    sent = scorer.score({"opvoed": 1.0, "kleuter": 1.0})
    assert named > sent > 0
    assert sent == pytest.approx((0.57 + 1.0) * ((engine.BROADER_FOUND + 1) / 2) ** 1.5)
    assert named == pytest.approx(2.0)


def test_a_large_network_asks_for_every_need_by_its_own_words_and_then_for_any_word():
    """Tier 1 (every need in one document) leaves the broader words out: they are common words of where families
    are sent and made PostgreSQL's index check most documents. The later tiers still find a service by them."""
    need = engine.Concept(
        "bijt",
        {("bijt",): 1.0, ("opvoed",): 0.57, ("kind", "gezin"): 0.57},
        broader={("opvoed",), ("kind", "gezin")},
    )
    age = engine.Concept("kleuter", {("kleuter",): 1.0})
    tiers = engine._tier_queries(engine.QueryPlan([need, age]))
    (fts, tsquery, fields), *later = tiers
    assert fields is None
    assert tsquery == "(bijt) & (kleuter)"
    assert fts == '("bijt") AND ("kleuter")'
    assert len(later) == 3
    for _fts, tsquery, _fields in later:
        assert tsquery == "(bijt | opvoed | kind & gezin | kleuter)"
    # A small network is asked once, by every word.
    ((_fts, tsquery, fields),) = engine._tier_queries(engine.QueryPlan([need, age]), small=True)
    assert tsquery == "(bijt | opvoed | kind & gezin | kleuter)"
    assert fields is None


def test_the_any_word_tiers_leave_out_words_that_most_documents_have_while_another_is_left():
    """At 100,000 services "kind" is in a quarter of the documents: asked for any word, it handed over 150 of
    24,000 documents in no useful order and took most of the search's time. A question of common words only is
    still asked by them."""
    need = engine.Concept("schoolreis", {("schoolreis",): 1.0, ("kind",): 0.6, ("kind", "gezin"): 0.57})
    other = engine.Concept("geld", {("geld",): 1.0})
    common = frozenset({"kind", "gezin", "geld"})
    tiers = engine._tier_queries(engine.QueryPlan([need, other]), common=common, counts={})
    (_fts, first, _fields), (_fts, in_name, name_fields), *later = tiers
    # PostgreSQL (counts given): every need by its rarer words (a need of common words only keeps them), then by
    # all of them in the name.
    assert first == "(schoolreis) & (geld)"
    assert in_name == "(schoolreis | kind | kind & gezin) & (geld)"
    assert name_fields == ("name_tokens",)
    assert len(later) == 3
    for fts, tsquery, _fields in later:
        assert tsquery == "(schoolreis)"
        assert fts == '("schoolreis")'
    # Nothing but common words: those are asked.
    only_common = engine._tier_queries(engine.QueryPlan([other]), common=frozenset({"geld"}))
    assert [tsquery for _f, tsquery, _c in only_common] == ["(geld)"] * 3
    # No common word: no extra tier.
    assert len(engine._tier_queries(engine.QueryPlan([need, other]), counts={})) == 4
    # SQLite (no counts): FTS5 stops at the LIMIT, so tier 1 asks for every need by all its words.
    (_fts, first, _fields), *later = engine._tier_queries(engine.QueryPlan([need, other]), common=common)
    assert first == "(schoolreis | kind | kind & gezin) & (geld)"
    assert len(later) == 3


def test_the_any_word_tiers_ask_for_the_best_words_up_to_a_budget_of_documents(monkeypatch):
    """Each concept keeps its best word; the others are added best and rarest first while the documents they are
    in add up to at most ANY_WORD_BUDGET: PostgreSQL lists every document of every word asked before handing
    over the first 150 in no useful order."""
    monkeypatch.setattr(engine, "ANY_WORD_BUDGET", 4000)
    need = engine.Concept(
        "eerste hulp",
        {("ehbo",): 1.0, ("reanimatie",): 0.9, ("ongeval",): 0.9, ("borstvoed",): 0.54, ("opgroei",): 0.54},
        broader={("borstvoed",), ("opgroei",)},
    )
    other = engine.Concept("baby", {("baby",): 1.0, ("zuigel",): 0.9})
    counts = {"ehbo": 50, "reanimatie": 300, "ongeval": 900, "borstvoed": 100, "opgroei": 4000, "baby": 3000}
    counts["zuigel"] = 200
    *_first, (_fts, tsquery, _fields) = engine._tier_queries(engine.QueryPlan([need, other]), counts=counts)
    # ehbo (50) and baby (3000) are each concept's best; then reanimatie (300) and zuigel (200) are the best of
    # the rest (3,550 documents); ongeval (900) would pass the budget, borstvoed (100) still fits, opgroei not.
    assert tsquery == "(ehbo | reanimatie | borstvoed | baby | zuigel)"
    # Without counts (a small network is asked once anyway) nothing is left out.
    *_first, (_fts, tsquery, _fields) = engine._tier_queries(engine.QueryPlan([need, other]))
    assert tsquery == "(ehbo | reanimatie | ongeval | borstvoed | opgroei | baby | zuigel)"
