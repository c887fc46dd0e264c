"""A question is planned once per process for the same words, language, word list and network data
(hvhk.search.engine.planned_query): the results page ranks it and marks the matched words with one plan."""

import pytest
from django.db import transaction

from hvhk.search import engine
from hvhk.search.models import Synonym

pytestmark = pytest.mark.django_db


def test_the_same_question_is_planned_once(network_a, monkeypatch):
    calls = []
    real = engine.plan_query
    monkeypatch.setattr(engine, "plan_query", lambda *a, **k: calls.append(a) or real(*a, **k))
    first = engine.planned_query(network_a, "hulp bij huiswerk", language="nl")
    assert engine.planned_query(network_a, "hulp bij huiswerk", language="nl") is first
    assert len(calls) == 1
    engine.planned_query(network_a, "hulp bij huiswerk", language="fr")  # read in another language: planned
    engine.planned_query(network_a, "huiswerk", language="nl")
    assert len(calls) == 3


def test_a_new_synonym_gives_a_new_plan(network_a, django_capture_on_commit_callbacks):
    before = engine.planned_query(network_a, "speelotheek", language="nl")
    assert not any(("knikkerhuis",) in c.alternatives for c in before.concepts)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        Synonym.objects.create(network=network_a, terms="speelotheek, knikkerhuis")
    after = engine.planned_query(network_a, "speelotheek", language="nl")
    assert after is not before
    assert any(("knikkerhuis",) in c.alternatives for c in after.concepts)


def test_the_memory_stays_bounded(network_a, monkeypatch):
    monkeypatch.setattr(engine, "_plans", {})
    for n in range(engine.PLANS_KEPT + 20):
        engine.planned_query(network_a, f"vraag {n}", language="nl")
    assert len(engine._plans) == engine.PLANS_KEPT
