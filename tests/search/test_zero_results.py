"""Searches that found nothing or nearly nothing, counted per month under their normalised words: nothing about
who searched, nothing that looks like personal data, and two first searches at once never fail."""

import datetime as dt

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from hvhk.search.models import ZeroResultQuery
from hvhk.search.services import NEARLY_NOTHING, zero_result_query, zero_result_record

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Crèche   in  Kessel-Lo ", "creche in kessel-lo"),
        ("ZWEMLES\tpeuters\n", "zwemles peuters"),
        ("x" * 500, "x" * 100),
        ("ab", ""),
        ("   ", ""),
        ("jan.peeters@example.org", ""),
        ("opvang 0470 12 34 56", ""),
        ("85.07.30-033.28", ""),  # a national register number
    ],
)
def test_a_query_is_folded_collapsed_and_cut_and_personal_data_is_never_kept(typed, kept):
    assert zero_result_query(typed) == kept


def test_the_months_row_counts_each_search_and_keeps_the_most_results(network_a, network_b):
    zero_result_record(network=network_a, query="Nachtopvang", result_count=0)
    zero_result_record(network=network_a, query="nachtopvang ", result_count=2)
    zero_result_record(network=network_a, query="NACHTOPVANG", result_count=1)
    zero_result_record(network=network_b, query="nachtopvang", result_count=0)

    row = ZeroResultQuery.objects.for_network(network_a).get()
    assert (row.query, row.count, row.max_results) == ("nachtopvang", 3, 2)
    assert row.month == timezone.localdate().replace(day=1)
    assert ZeroResultQuery.objects.for_network(network_b).get().count == 1


def test_a_search_with_more_than_nearly_nothing_or_personal_data_is_not_counted(network_a):
    assert not zero_result_record(network=network_a, query="zwemles", result_count=NEARLY_NOTHING + 1)
    assert not zero_result_record(network=network_a, query="bel me op 0470 12 34 56", result_count=0)
    assert not zero_result_record(network=network_a, query="a", result_count=0)
    assert not ZeroResultQuery.objects.exists()


def test_last_months_row_is_kept_and_a_new_month_starts_a_new_row(network_a):
    ZeroResultQuery.objects.create(network=network_a, month=dt.date(2020, 5, 1), query="zwemles", count=7)

    zero_result_record(network=network_a, query="zwemles", result_count=0)

    rows = dict(ZeroResultQuery.objects.for_network(network_a).values_list("month", "count"))
    assert rows == {dt.date(2020, 5, 1): 7, timezone.localdate().replace(day=1): 1}


def test_a_first_insert_that_loses_the_race_becomes_an_update(network_a, monkeypatch):
    """Two first searches at once: both find no row to update, one insert wins, the other hits the unique
    constraint and adds its count to the winner's row instead of failing the page."""
    ZeroResultQuery.objects.create(network=network_a, query="zwemles", count=1)  # the winner's insert
    real_update = QuerySet.update
    calls = []

    def first_update_sees_nothing(self, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1 and self.model is ZeroResultQuery:
            return 0  # as if the winner had not committed yet when this request looked
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", first_update_sees_nothing)
    assert zero_result_record(network=network_a, query="zwemles", result_count=1)

    row = ZeroResultQuery.objects.get()
    assert (row.count, row.max_results) == (2, 1) and len(calls) == 2
