"""The demo's insights history for Leuven: a year of anonymised questions, the wegwijzer's use and searches that
found nothing, and the same months a year earlier; drawn with a fixed seed, loaded again without duplicates, and
every chart of the reach page has something to say."""

import datetime as dt

import pytest
from django.utils import timezone

from hvhk.core.models import Network
from hvhk.demo.insights_history import SEARCH_WORDS, insights_history_load
from hvhk.demo.services import demo_load
from hvhk.insights.selectors.reach import reach_year
from hvhk.insights.suppression import HIDDEN
from hvhk.referrals.models import RequestFacts
from hvhk.search.models import MonthlyUse, ZeroResultQuery

ROWS = (RequestFacts, MonthlyUse, ZeroResultQuery)


@pytest.fixture
def leuven(demo, db):
    return Network.objects.get(slug="leuven")


def _rows():
    return {model: set(model.objects.values_list("pk", flat=True)) for model in ROWS}


def test_a_year_of_questions_and_searches_and_the_year_before(leuven):
    today = timezone.localdate()
    facts = RequestFacts.objects.for_network(leuven).filter(reason="retention")
    last_year = facts.filter(month__gte=today.replace(day=1) - dt.timedelta(days=365))
    assert 250 <= last_year.count() <= 500  # a few hundred a year
    assert facts.exclude(pk__in=last_year).count() >= 200  # and the months a year earlier
    assert facts.values("domain").distinct().count() >= 5
    assert facts.values("area").distinct().count() >= 4
    assert set(facts.values_list("outcome", flat=True)) >= {"completed", "declined", ""}
    months = MonthlyUse.objects.for_network(leuven).filter(kind="search", month__lt=today.replace(day=1))
    assert months.count() == 24 and min(months.values_list("count", flat=True)) >= 1000
    assert (
        MonthlyUse.objects.for_network(leuven)
        .filter(kind="service_view")
        .values("service")
        .distinct()
        .count()
        >= 20
    )
    words = set(ZeroResultQuery.objects.for_network(leuven).values_list("query", flat=True))
    assert any("\u0600" <= ch <= "\u06ff" for word in words for ch in word)  # some typed in Arabic
    assert {"crèche", "daycare"} <= words


def test_a_reload_creates_nothing_twice_and_writes_nothing(leuven):
    before = _rows()
    counts = {model: model.objects.count() for model in ROWS}
    summary = insights_history_load(networks={"leuven": leuven}, today=timezone.localdate())
    assert summary.written == 0
    demo_load()
    assert _rows() == before
    assert {model: model.objects.count() for model in ROWS} == counts


def test_the_history_moves_with_the_day(leuven):
    """Loaded on a later day, the questions cover the 24 months before it, none left over from before."""
    later = timezone.localdate() + dt.timedelta(days=40)
    insights_history_load(networks={"leuven": leuven}, today=later)
    months = list(RequestFacts.objects.for_network(leuven).filter(reason="retention").dates("month", "month"))
    first = later.replace(day=1)
    assert len(months) == 24
    assert months[-1] == (first - dt.timedelta(days=1)).replace(day=1)
    assert ZeroResultQuery.objects.for_network(leuven).filter(query__in=SEARCH_WORDS).count() >= 23 * 6
    insights_history_load(networks={"leuven": leuven}, today=timezone.localdate())


def test_every_chart_of_the_network_has_something_to_say(leuven):
    year = timezone.localdate().year
    if timezone.localdate().month == 1:  # January: this year has hardly begun, last year is the demo's
        year -= 1
    reach = reach_year(network=leuven, year=year)
    for table in reach.tables:
        shown = [v for row in table.cells for v in row if isinstance(v, int) and v > 0]
        assert table.labels and shown, table.key
        assert table.chart().svg
    assert reach.table("questions").total != HIDDEN
    assert reach.median_days[1] is not None
