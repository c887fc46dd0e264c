from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from hvhk.core.models import Area
from hvhk.search.query import ServiceQuery, parse_service_query, query_params
from tests.core.factories import AreaFactory

pytestmark = pytest.mark.django_db


def _parse(network, qs: str) -> ServiceQuery:
    return parse_service_query(
        QueryDict(qs),
        network=network,
        domain_codes={"opvoeding", "gezondheid"},
        group_codes={"ouders"},
        area_slugs={"kessel-lo"},
        language_codes={"nl", "fr", "ar"},
    )


def test_a_full_query_is_read_and_written_back_the_same(network_a):
    AreaFactory(network=network_a, slug="kessel-lo", postcodes="3010", latitude=50.888, longitude=4.733)
    qs = (
        "q=ruzie+thuis&age=3&domain=opvoeding&group=ouders&area=kessel-lo&postcode=3010&radius=5&cost=free"
        "&lang=fr&when=SA&how=home&walkin=1&wheelchair=1&sort=distance"
    )
    query = _parse(network_a, qs)
    assert query.text == "ruzie thuis"
    assert query.age_months == (36, 47)
    assert query.origin == (50.888, 4.733) and query.radius_km == 5
    assert query.problems == ()
    assert _parse(network_a, urlencode(query_params(query))) == query


@pytest.mark.parametrize(
    ("age", "months"),
    [("zwanger", (-9, -1)), ("0-3", (0, 35)), ("12-18", (144, 215)), ("0", (0, 11)), ("24", (288, 299))],
)
def test_ages_are_bands_pregnancy_or_whole_years(network_a, age, months):
    assert _parse(network_a, f"age={age}").age_months == months


@pytest.mark.parametrize(
    ("qs", "message"),
    [
        ("age=abc", "leeftijd 'abc'"),
        ("age=99", "leeftijd '99'"),
        ("domain=onbekend", "levensdomein 'onbekend'"),
        ("cost=duur", "prijs 'duur'"),
        ("lang=xx", "taal 'xx'"),
        ("when=nooit", "moment 'nooit'"),
        ("how=per+duif", "manier 'per duif'"),
        ("area=mars", "gemeente 'mars'"),
        ("postcode=zz", "postcode 'zz'"),
        ("postcode=9999", "postcode '9999'"),
        ("near=abc", "locatie niet lezen"),
        ("near=91,4", "locatie niet lezen"),
        ("radius=7", "afstand uit de lijst"),
        ("sort=random", "sortering"),
    ],
)
def test_bad_values_are_dropped_with_a_plain_message(network_a, qs, message):
    query = _parse(network_a, qs)
    assert query == ServiceQuery()
    assert len(query.problems) == 1
    assert message in query.problems[0]


def test_an_overlong_query_is_cut_at_a_word_with_a_message(network_a):
    query = _parse(network_a, "q=" + "slapen+" * 100)
    assert len(query.text) <= 200 and query.text.endswith("slapen")
    assert "erg lang" in query.problems[0]


def test_repeated_and_comma_separated_values_are_both_read_once(network_a):
    query = _parse(network_a, "cost=free,paid&cost=free&lang=fr&lang=ar")
    assert query.costs == ("free", "paid") and query.languages == ("fr", "ar")


def test_the_visitors_location_wins_over_a_postcode(network_a):
    AreaFactory(
        network=network_a,
        slug="centrum",
        postcodes="3000",
        latitude=50.879,
        longitude=4.701,
        kind=Area.Kind.SUBMUNICIPALITY,
    )
    query = _parse(network_a, "near=50.86,4.69&postcode=3000")
    assert query.origin == (50.86, 4.69) and query.postcode == "" and query.near == "50.86,4.69"


def test_default_sort_follows_what_the_visitor_gave(network_a):
    assert ServiceQuery().effective_sort == "name"
    assert ServiceQuery(text="slapen").effective_sort == "relevance"
    assert ServiceQuery(origin=(50.8, 4.7)).effective_sort == "distance"
    assert ServiceQuery(sort="distance").effective_sort == "name"  # no origin: distance is impossible
