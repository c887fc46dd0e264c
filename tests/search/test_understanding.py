"""What a question says besides its need (hvhk.search.understanding): the child's age and the place, in the five
languages, become the results page's filters, shown as chips that say so; removing one keeps it off."""

import html
import re

import pytest

from hvhk.search.indexing import reindex
from hvhk.search.understanding import age_months, understand
from tests.core.factories import AreaFactory
from tests.directory.factories import ServiceFactory

AREAS = {
    "heverlee": "Heverlee",
    "kessel-lo": "Kessel-Lo",
    "leuven-centrum": "Leuven-centrum",
    "leuven": "Leuven",
}


@pytest.mark.parametrize(
    ("question", "age", "area", "terms"),
    [
        ("mijn dochter van 4 bijt de andere kinderen", "4", "", "mijn dochter bijt de andere kinderen"),
        ("mijn zoontje van drie bijt", "3", "", "mijn zoontje bijt"),
        ("baby van drie maanden huilt veel", "3m", "", "baby huilt veel"),
        ("16-jarige zoon drinkt", "16", "", "zoon drinkt"),
        ("we verwachten een kindje", "zwanger", "", "we verwachten een kindje"),
        ("zwemmen voor kleuters in Kessel-Lo", "3-6", "kessel-lo", "zwemmen voor kleuters"),
        ("onthaalmoeder leuven centrum", "", "leuven-centrum", "onthaalmoeder"),
        ("mon fils de 4 ans mord", "4", "", "mon fils mord"),
        ("speech therapy for my 3-year-old son", "3", "", "speech therapy for my son"),
        ("my 6 month old doesn't sleep", "6m", "", "my doesn't sleep"),
        ("4 yaşındaki oğlum konuşmuyor", "4", "", "oglum konusmuyor"),
        ("bebeğim 6 aylık uyumuyor", "6m", "", "bebegim uyumuyor"),
        ("ابني عمره ٤ سنوات", "4", "", "ابني"),
        ("hamile kadınlar için kurs", "zwanger", "", "hamile kadınlar için kurs"),
        # not an age: an article, a price, a keyword that is itself the need
        ("het kind van een vriendin", "", "", "het kind van een vriendin"),
        ("tiener", "", "", "tiener"),
        ("ik ben zwanger", "", "", "ik ben zwanger"),
        ("verdriet na het verlies van een baby", "", "", "verdriet na het verlies van een baby"),
        ("hulp bij opvoeding", "", "", "hulp bij opvoeding"),
    ],
)
def test_a_question_names_an_age_or_a_place(question, age, area, terms):
    found = understand(question, areas=AREAS)
    assert (found.age, found.area, found.terms) == (age, area, terms)
    assert found.age_months == (age_months(age) if age else None)


def test_odd_input_never_breaks_understanding():
    for text in ("", "   ", "👶🍼" * 50, "x" * 10_000, "مرحبا hello שלום 123", "van van van 99", "999 jaar"):
        found = understand(text, areas=AREAS)
        assert found.age == "" or age_months(found.age) is not None


def test_an_age_value_reads_as_months():
    assert age_months("zwanger") == (-9, -1)
    assert age_months("4") == (48, 59)
    assert age_months("6m") == (6, 6)
    assert age_months("3-6") == (36, 71)
    for bad in ("", "abc", "99", "6-3", "40m", "-"):
        assert age_months(bad) is None, bad


# --- on the results page ------------------------------------------------------------------------------------


@pytest.fixture
def swimming(db, network_a, partner_a):
    AreaFactory(network=network_a, slug="heverlee", name="Heverlee")
    ServiceFactory(
        organization=partner_a, name="Zwemles kleuters", minimum_age_months=36, maximum_age_months=72
    )
    ServiceFactory(
        organization=partner_a, name="Zwemles tieners", minimum_age_months=144, maximum_age_months=216
    )
    reindex(network=network_a)


def _chips(body: str) -> dict[str, str]:
    return {
        html.unescape(label): html.unescape(url)
        for url, label in re.findall(r'<a class="chip" href="([^"]+)"><span>([^<]+)</span>', body)
    }


def test_the_age_in_a_question_filters_and_its_chip_says_so_and_keeps_it_off(client, swimming):
    body = client.get("/netwerk-a/services/", {"q": "zwemles voor mijn zoon van 4"}).content.decode()
    assert "Zwemles kleuters" in body and "Zwemles tieners" not in body
    chips = _chips(body)
    assert "4 jaar (uit je vraag)" in chips
    off = chips["4 jaar (uit je vraag)"]
    assert "age=-" in off and "q=zwemles" in off
    assert "age=4" not in body  # links keep reading the age from the question, they do not fix it
    body = client.get(off).content.decode()
    assert "Zwemles kleuters" in body and "Zwemles tieners" in body
    assert "(uit je vraag)" not in body
    assert '<option value="-">' in body  # the filter form keeps it off too


def test_an_age_asked_for_wins_over_the_question(client, swimming):
    body = client.get(
        "/netwerk-a/services/", {"q": "zwemles voor mijn zoon van 4", "age": "12-18"}
    ).content.decode()
    assert "Zwemles tieners" in body and "Zwemles kleuters" not in body
    assert "(uit je vraag)" not in body


def test_the_place_in_a_question_filters_and_its_chip_says_so(client, swimming):
    body = client.get("/netwerk-a/services/", {"q": "zwemles in Heverlee"}).content.decode()
    chips = _chips(body)
    assert "Heverlee (uit je vraag)" in chips and "area=-" in chips["Heverlee (uit je vraag)"]
    assert "Zwemles kleuters" in body  # a service of the whole network serves Heverlee too
    assert "area=heverlee" not in body


def test_a_question_in_another_language_gets_its_age_too(client, swimming):
    body = client.get("/netwerk-a/services/", {"q": "zwemles pour mon fils de 14 ans"}).content.decode()
    assert "Zwemles tieners" in body and "Zwemles kleuters" not in body
    assert "14 jaar (uit je vraag)" in _chips(body)
