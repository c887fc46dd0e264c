"""Why a result matched (hvhk.search.highlight): the words of its name that the search found are marked, in any of
the five languages of the question, and a name is always escaped."""

import pytest

from hvhk.search.highlight import mark_words, match_terms
from hvhk.search.indexing import reindex
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offering(network_a, partner_a):
    ServiceFactory(organization=partner_a, name="Borstvoedingscafé Centrum")
    ServiceFactory(organization=partner_a, name="Huiswerkklas <b>De Kim</b>")
    reindex(network=network_a)
    return network_a


@pytest.mark.parametrize(
    ("question", "name", "marked"),
    [
        ("borstvoeding", "Borstvoedingscafé Centrum", "<mark>Borstvoedingscafé</mark> Centrum"),
        ("breastfeeding", "Borstvoedingscafé Centrum", "<mark>Borstvoedingscafé</mark> Centrum"),
        ("الرضاعة الطبيعية", "Borstvoedingscafé Centrum", "<mark>Borstvoedingscafé</mark> Centrum"),
        ("aide aux devoirs", "Huiswerkklas De Kim", "<mark>Huiswerkklas</mark> De Kim"),
        (
            "ik zoek hulp",
            "Hulp bij opvoeding",
            "Hulp bij opvoeding",
        ),  # a word that names no need is not marked
    ],
)
def test_the_words_that_matched_are_marked(offering, question, name, marked):
    assert str(mark_words(name, match_terms(network=offering, text=question))) == marked


def test_a_name_is_escaped_and_nothing_is_marked_without_a_search(offering):
    terms = match_terms(network=offering, text="huiswerk")
    assert str(mark_words("Huiswerkklas <b>De Kim</b>", terms)) == (
        "<mark>Huiswerkklas</mark> &lt;b&gt;De Kim&lt;/b&gt;"
    )
    assert str(mark_words("<i>x</i>", frozenset())) == "&lt;i&gt;x&lt;/i&gt;"


def test_the_results_page_marks_the_names(client, offering):
    body = client.get("/netwerk-a/services/", {"q": "breastfeeding"}).content.decode()
    assert "<mark>Borstvoedingscafé</mark> Centrum" in body
    body = client.get("/netwerk-a/services/", {"q": "huiswerk"}).content.decode()
    assert "<mark>Huiswerkklas</mark> &lt;b&gt;De Kim&lt;/b&gt;" in body and "<b>De Kim</b>" not in body
