"""Ages and kinds of price as words of a document (hvhk.search.indexing.age_words): an age or price filter asks
the full-text index for them, so they must never leave out a service the filter lets through."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hvhk.directory import models as m
from hvhk.directory.models.services import MAX_AGE_MONTHS, PREGNANCY_START_MONTHS
from hvhk.search.indexing import AGE_ALL, age_filter_words, age_words, cost_words, reindex
from hvhk.search.models import COST_BITS, SearchDocument
from hvhk.search.query import AGE_BANDS, ServiceQuery
from hvhk.search.selectors import search_hits
from tests.directory.factories import ServiceFactory

months = st.integers(min_value=PREGNANCY_START_MONTHS, max_value=MAX_AGE_MONTHS)


def _passes(minimum, maximum, low, high) -> bool:
    """The filter's own rule (DocumentFilter.sql): the minimum is inclusive, the maximum is not."""
    return (minimum is None or minimum <= high) and (maximum is None or maximum > low)


@given(minimum=st.none() | months, maximum=st.none() | months, low=months, span=st.integers(0, 400))
def test_a_service_the_age_filter_lets_through_has_one_of_the_words_the_filter_asks_for(
    minimum, maximum, low, span
):
    high = min(low + span, MAX_AGE_MONTHS)
    if minimum is not None and maximum is not None and minimum > maximum:
        minimum, maximum = maximum, minimum  # (the database refuses the other way round)
    if _passes(minimum, maximum, low, high) and not (minimum is not None and minimum == maximum):
        assert set(age_words(minimum, maximum)) & set(age_filter_words(low, high))


@pytest.mark.parametrize(
    ("minimum", "maximum", "band", "found"),
    [
        (0, 12, "3-6", False),  # a baby's service is not asked for under 3 to 6
        (None, 12, "zwanger", True),  # until the first birthday, pregnancy included
        (0, 12, "zwanger", False),
        (36, 72, "3-6", True),
        (72, None, "18-24", True),  # from 6 years on, without end
        (300, None, "18-24", False),  # from 25
        (None, None, "zwanger", True),
    ],
)
def test_the_words_leave_out_services_of_other_years(minimum, maximum, band, found):
    assert bool(set(age_words(minimum, maximum)) & set(age_filter_words(*AGE_BANDS[band]))) is found


def test_a_service_without_age_limits_has_the_one_word_every_age_filter_asks_for():
    assert age_words(None, None) == [AGE_ALL]
    assert AGE_ALL in age_filter_words(36, 47)


def test_price_words_are_the_kinds_of_price_a_service_has():
    assert cost_words(None) == []
    assert cost_words(COST_BITS["free"] | COST_BITS["paid"]) == ["zzkfree", "zzkpaid"]


@pytest.mark.django_db
@pytest.mark.parametrize("band", list(AGE_BANDS))
@pytest.mark.parametrize("cost", ["free", "paid"])
def test_a_search_with_an_age_and_a_price_finds_what_the_filters_alone_find(network_a, partner_a, band, cost):
    """Services of every age range and price; the question's word is in all of them."""
    ranges = [(None, None), (-9, 0), (0, 12), (0, 36), (24, 72), (36, 48), (72, 144), (144, None), (216, 288)]
    for minimum, maximum in ranges:
        for kind in ("free", "paid"):
            service = ServiceFactory(
                organization=partner_a,
                name=f"Speelotheek {minimum} {maximum} {kind}",
                minimum_age_months=minimum,
                maximum_age_months=maximum,
            )
            m.CostOption.objects.create(network=network_a, service=service, kind=kind)
    reindex(network=network_a)
    assert all(AGE_ALL in d.name_tokens or "zza" in d.name_tokens for d in SearchDocument.objects.all())

    filters = {"age": band, "age_months": AGE_BANDS[band], "costs": (cost,)}
    found = search_hits(network=network_a, query=ServiceQuery(text="speelotheek", **filters))
    alone = search_hits(network=network_a, query=ServiceQuery(**filters))

    low, high = AGE_BANDS[band]
    expected = {
        f"Speelotheek {minimum} {maximum} {cost}"
        for minimum, maximum in ranges
        if _passes(minimum, maximum, low, high) and (minimum is None or minimum != maximum)
    }
    assert (_names(found), _names(alone)) == (expected, expected)


def _names(page) -> set[str]:
    return {page.services[hit.service_id].name for hit in page.loaded()}
