"""A partner's own translation of a service is searched as written: a family that types a word of the Arabic (or
any other) translation finds the service, and sees the word marked in the translated name."""

import pytest
from django.utils import translation

from hvhk.search.highlight import mark_words, match_terms
from hvhk.search.indexing import reindex
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import search_hits
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offering(network_a, partner_a):
    talk = ServiceFactory(
        organization=partner_a,
        name="Praatgroep Zonnebloem",
        description="Elke dinsdag praten moeders samen bij een kop thee.",
        translations={
            "ar": {"name": "مجموعة حوار زهرة الشمس", "description": "كل يوم ثلاثاء تتحدث الأمهات معًا"},
            "tr": {"name": "Ayçiçeği sohbet grubu", "description": "Her salı anneler birlikte sohbet ediyor"},
        },
    )
    ServiceFactory(organization=partner_a, name="Fietsles voor volwassenen", description="Leren fietsen.")
    reindex(network=network_a)
    return network_a, talk


def _found(network, text, language):
    with translation.override(language):
        return [hit.service_id for hit in search_hits(network=network, query=ServiceQuery(text=text)).hits]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("حوار", "ar"),  # a word of the Arabic name only
        ("زهرة الشمس", "ar"),
        ("ayçiçeği", "tr"),  # Turkish letters fold as the index folds them
        ("aycicegi sohbet", "tr"),
        ("zonnebloem", "nl"),
    ],
)
def test_a_word_of_a_partners_translation_finds_the_service(offering, text, language):
    network, talk = offering
    assert _found(network, text, language)[:1] == [talk.id]


def test_the_word_is_marked_in_the_translated_name(offering):
    network, _talk = offering
    terms = match_terms(network=network, text="حوار", language="ar")
    assert str(mark_words("مجموعة حوار زهرة الشمس", terms)) == "مجموعة <mark>حوار</mark> زهرة الشمس"


@pytest.mark.parametrize(
    "text",
    [
        'حوار" OR "',
        "حوار*",
        "(حوار)",
        "حوار:name",
        "حوار & !x | y",
        "حوار_مجموعة",
        "٣ حوار",
        "حوار NEAR(a b)",
    ],
)
def test_query_syntax_in_any_script_stays_plain_words(offering, text):
    network, talk = offering
    assert talk.id in _found(network, text, "ar")
