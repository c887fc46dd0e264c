"""Search on the demo data: the judged query set, typical family questions and hostile input, on both databases."""

import pytest
from django.db import connection

from hvhk.core.models import Network
from hvhk.demo.services import demo_id
from hvhk.directory.models import Service
from hvhk.search.evaluation import JUDGED_DIR, evaluate
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import search_hits


@pytest.fixture
def leuven(demo, db):
    return Network.objects.get(slug="leuven")


def _top(network, text: str, n: int = 5, **filters) -> list[str]:
    page = search_hits(network=network, query=ServiceQuery(text=text, **filters), per_page=n)
    return [hit.service.name for hit in page.hits]


def _key(network, key: str) -> str:
    return Service.objects.get(pk=demo_id(network.slug, "service", key)).name


KEYWORD_KINDS = {"typo", "synonym", "inflection", "compound", "phrase", "english", "plain"}
# Whole questions and the four other languages (issue "multilingual search"): the floors below are today's figures
# less a margin, so a change that loses ground fails; the targets (recall@5 0.9 for Dutch questions, 0.8
# for the other languages) are not reached yet.
QUESTION_FLOORS = {"question": 0.66, "en": 0.83, "fr": 0.84, "tr": 0.82, "ar": 0.84}
# The same queries judged again on pooled results by assessors who had not seen the search (judged/*-pooled.json,
# see its "about"), and new questions nobody tuned on (heusden-zolder-unseen.json): today's figures less a margin.
INDEPENDENT_FLOORS = {
    "heusden-zolder-unseen.json": {"question": 0.38, "en": 0.44, "fr": 0.55, "tr": 0.45, "ar": 0.45},
    "leuven-pooled.json": {"question": 0.67, "en": 0.78, "fr": 0.85, "tr": 0.82, "ar": 0.86, "plain": 0.92},
    "heusden-zolder-pooled.json": {
        "question": 0.66,
        "en": 0.8,
        "fr": 0.89,
        "tr": 0.91,
        "ar": 0.91,
        "plain": 0.86,
    },
}


def test_judged_queries_reach_the_relevance_bar(leuven):
    result = evaluate(
        JUDGED_DIR / "leuven.json", resolve=lambda network, key: demo_id(network.slug, "service", key)
    )
    keywords = [r for r in result.results if r.kind in KEYWORD_KINDS]
    assert len(keywords) >= 40
    recall = sum(r.recall_at_5 for r in keywords) / len(keywords)
    mrr = sum(r.reciprocal_rank for r in keywords) / len(keywords)
    assert recall >= 0.9, f"keywords: recall@5 {recall:.3f} on {connection.vendor}"
    assert mrr >= 0.75, f"keywords: MRR {mrr:.3f} on {connection.vendor}"
    by_kind = result.by_kind()
    for kind, floor in QUESTION_FLOORS.items():
        count, recall, _mrr, _ndcg = by_kind[kind]
        assert count >= 25, kind
        assert recall >= floor, f"{kind}: recall@5 {recall:.3f} on {connection.vendor}"


@pytest.mark.parametrize("name", sorted(INDEPENDENT_FLOORS))
def test_independently_judged_sets_reach_their_floors(leuven, name):
    result = evaluate(JUDGED_DIR / name, resolve=lambda network, key: demo_id(network.slug, "service", key))
    by_kind = result.by_kind()
    for kind, floor in INDEPENDENT_FLOORS[name].items():
        count, recall, _mrr, _ndcg = by_kind[kind]
        assert count >= 9, kind
        assert recall >= floor, f"{name} {kind}: recall@5 {recall:.3f} on {connection.vendor}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("borstvoedng", "borstvoedingscafe-leuven-centrum"),  # typo
        ("crèche", "occasionele-opvang-de-vlinder"),  # synonym: a crèche is a kinderdagverblijf
        ("creche", "occasionele-opvang-de-vlinder"),  # without the accent
        ("mijn kind wordt gepest", "gepest-op-school-vclb"),  # everyday words, inflection
        ("geld voor schoolreis", "financiele-steun-schoolkosten"),  # synonym of "geld"
        ("ruzie thuis", "hulp-bij-ruzie-en-relatieproblemen"),
        ("ondersteuning opvoeding", "opvoedingsondersteuning-thuis-de-schommel"),  # parts of a compound
        ("breastfeeding", "borstvoedingscafe-leuven-centrum"),  # English
    ],
)
def test_family_questions_find_the_right_service_first_three(leuven, text, expected):
    assert _key(leuven, expected) in _top(leuven, text, 3)


def test_search_never_returns_inactive_services(leuven):
    closed = Service.objects.get(pk=demo_id("leuven", "service", "speelotheek-kessel-lo"))
    assert closed.status != "active"
    assert closed.name not in _top(leuven, "speelotheek Kessel-Lo", 20)


def test_search_stays_inside_the_network(leuven):
    heusden = Network.objects.get(slug="heusden-zolder")
    own = set(Service.objects.for_network(heusden).values_list("name", flat=True))
    for text in ("spelotheek", "consultatiebureau", "kinderopvang"):
        names = _top(leuven, text, 20)
        assert not (
            set(names) & own - set(Service.objects.for_network(leuven).values_list("name", flat=True))
        )


def test_text_relevance_combines_with_filters(leuven):
    names = _top(leuven, "opvoeding", 20, age_months=(144, 155))
    assert names
    for service in Service.objects.filter(network=leuven, name__in=names):
        low, high = service.minimum_age_months, service.maximum_age_months
        assert (low is None or low <= 155) and (high is None or high >= 144), service.name


@pytest.mark.parametrize(
    "text",
    [
        "",
        "de het een en",  # only stop words
        "x" * 10_000,
        '" * ( ) NEAR OR - AND NOT ^ : {}',  # FTS syntax
        "'; DROP TABLE directory_service; --",
        "1 OR 1=1",
        "👶🍼 borstvoeding 😊",
        "رضاعة طبيعية",  # right-to-left text
        "\u202egnideovtsrob",  # right-to-left override character
        "%_%",
    ],
)
def test_hostile_or_odd_queries_give_a_sensible_answer_never_an_error(leuven, text):
    page = search_hits(network=leuven, query=ServiceQuery(text=text[:200]), per_page=5)
    assert page.total >= 0
    assert Service.objects.count() > 100  # nothing was dropped


def test_emoji_do_not_hide_the_words_around_them(leuven):
    assert _key(leuven, "borstvoedingscafe-leuven-centrum") in _top(leuven, "👶🍼 borstvoeding 😊", 3)


def test_results_page_handles_hostile_queries(client, leuven):
    for text in ['" * ( ) NEAR OR -', "'; DROP TABLE x; --", "x" * 10_000, "<script>alert(7)</script>"]:
        response = client.get("/leuven/services/", {"q": text})
        assert response.status_code == 200
        assert b"<script>alert(7)" not in response.content


def test_a_small_network_is_searched_with_one_query_and_ranked_as_by_the_tiers(leuven, monkeypatch):
    """With no more documents than the retrieval limit, the broadest tier finds every match the tiers would: one
    query, the same scores; a larger network is still searched tier by tier."""
    from django.test.utils import CaptureQueriesContext

    from hvhk.search import engine
    from hvhk.search.evaluation import load_judged

    texts = [q["query"] for q in load_judged(JUDGED_DIR / "leuven.json")["queries"]][::7]
    assert len(texts) >= 25
    assert engine._is_small(leuven)  # 105 documents
    engine.match_services(network=leuven, text="borstvoeding")  # the word list and synonyms, read once
    with CaptureQueriesContext(connection) as one:
        engine.match_services(network=leuven, text="slapen")
    single = {t: engine.match_services(network=leuven, text=t) for t in texts}

    monkeypatch.setattr(engine, "_is_small", lambda network: False)
    with CaptureQueriesContext(connection) as tiers:
        engine.match_services(network=leuven, text="slapen")
    tiered = {t: engine.match_services(network=leuven, text=t) for t in texts}

    def retrievals(queries):  # (PostgreSQL steers a large network's plan with SET LOCAL in a transaction)
        return [q for q in queries.captured_queries if q["sql"].startswith(("SELECT", "WITH"))]

    assert len(one.captured_queries) == 1
    assert len(retrievals(tiers)) == 3  # one concept: in the name, in the terms, anywhere
    assert single == tiered
    assert sum(1 for scores in single.values() if scores) >= 20
