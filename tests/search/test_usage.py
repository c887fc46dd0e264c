"""Counting the wegwijzer's use (hvhk.search.usage): buffered in the process, written as one update per row,
robots left out, no query per request while the counts wait, and a race on the first insert becomes an update."""

import threading

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from hvhk.search import usage
from hvhk.search.models import MonthlyUse, current_month
from hvhk.search.usage import is_robot, usage_count, usage_flush, usage_pending
from tests.directory.factories import ServiceFactory
from tests.wegwijzer.conftest import listed  # noqa: F401 - the fixture, used by name

pytestmark = pytest.mark.django_db
SEARCH, VIEW = MonthlyUse.Kind.SEARCH, MonthlyUse.Kind.SERVICE_VIEW
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


def _count(network, kind=SEARCH, service=None) -> int:
    rows = MonthlyUse.objects.filter(network=network, kind=kind, service=service, month=current_month())
    return sum(rows.values_list("count", flat=True))


@pytest.mark.parametrize(
    ("agent", "robot"),
    [
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", True),
        ("Mozilla/5.0 (compatible; bingbot/2.0)", True),
        ("Baiduspider+(+http://www.baidu.com/search/spider.htm)", True),
        ("SomeCrawler/1.0", True),
        (BROWSER, False),
        ("", False),
    ],
)
def test_a_robot_is_known_by_its_user_agent(agent, robot):
    assert is_robot(agent) is robot


def test_counts_wait_in_memory_and_are_written_as_one_update_per_row(settings, network_a, partner_a):
    settings.USAGE_FLUSH_SECONDS = 3600
    service = ServiceFactory(organization=partner_a)
    for _ in range(7):
        usage_count(network_id=network_a.pk, kind=SEARCH)
    for _ in range(3):
        usage_count(network_id=network_a.pk, kind=VIEW, service_id=service.pk)
    assert not MonthlyUse.objects.exists()
    assert sorted(usage_pending().values()) == [3, 7]

    assert usage_flush() == 2
    assert (_count(network_a), _count(network_a, VIEW, service)) == (7, 3)
    assert usage_pending() == {}
    usage_count(network_id=network_a.pk, kind=SEARCH)
    usage_count(network_id=network_a.pk, kind=SEARCH)
    usage_flush()
    assert _count(network_a) == 9 and MonthlyUse.objects.count() == 2  # added to the same row


def test_the_buffer_is_written_when_it_is_old_or_large(settings, network_a, monkeypatch):
    settings.USAGE_FLUSH_SECONDS = 5
    clock = [1000.0]
    monkeypatch.setattr(usage.time, "monotonic", lambda: clock[0])
    usage_count(network_id=network_a.pk, kind=SEARCH)
    clock[0] += 4
    usage_count(network_id=network_a.pk, kind=SEARCH)
    assert _count(network_a) == 0
    clock[0] += 1.5  # the oldest count is 5.5 s old
    usage_count(network_id=network_a.pk, kind=SEARCH)
    assert _count(network_a) == 3 and usage_pending() == {}

    monkeypatch.setattr(usage, "MAX_KEYS", 2)
    usage_count(network_id=network_a.pk, kind=SEARCH)
    assert _count(network_a) == 3
    monkeypatch.setattr(usage, "current_month", lambda: current_month().replace(year=2001))
    usage_count(network_id=network_a.pk, kind=SEARCH)  # a second key: the buffer is full
    assert _count(network_a) == 4 and usage_pending() == {}


def test_zero_seconds_writes_at_once(settings, network_a):
    settings.USAGE_FLUSH_SECONDS = 0
    usage_count(network_id=network_a.pk, kind=SEARCH)
    assert _count(network_a) == 1


def test_a_view_of_a_deleted_service_is_dropped(settings, network_a, partner_a):
    settings.USAGE_FLUSH_SECONDS = 3600
    service = ServiceFactory(organization=partner_a)
    usage_count(network_id=network_a.pk, kind=VIEW, service_id=service.pk)
    service.delete()
    assert usage_flush() == 0
    assert not MonthlyUse.objects.exists()


def test_a_wrong_kind_is_refused(network_a):
    with pytest.raises(ValueError, match="kind"):
        usage_count(network_id=network_a.pk, kind=VIEW)
    with pytest.raises(ValueError, match="kind"):
        usage_count(network_id=network_a.pk, kind="click")


# --- the wegwijzer counts ------------------------------------------------------------------------------------


def test_a_search_with_words_or_filters_is_counted_also_from_the_cache(settings, client, listed):  # noqa: F811
    settings.USAGE_FLUSH_SECONDS = 0
    network = listed["babymassage"].network
    client.get("/netwerk-a/services/", {"q": "baby"}, HTTP_USER_AGENT=BROWSER)
    client.get("/netwerk-a/services/", {"q": "baby"}, HTTP_USER_AGENT=BROWSER)  # the cached page
    client.get("/netwerk-a/services/", {"domain": "gezondheid"}, HTTP_USER_AGENT=BROWSER)
    assert _count(network) == 3
    client.get("/netwerk-a/services/", HTTP_USER_AGENT=BROWSER)  # no words, no filters: the list, no search
    client.get("/netwerk-a/services/", {"q": "baby", "page": "2"}, HTTP_USER_AGENT=BROWSER)  # paging on
    client.get("/netwerk-a/services/", {"q": "baby"}, HTTP_USER_AGENT="Googlebot/2.1")
    assert _count(network) == 3


def test_a_service_page_view_is_counted_also_from_the_cache_but_not_for_robots(settings, client, listed):  # noqa: F811
    settings.USAGE_FLUSH_SECONDS = 0
    service = listed["babymassage"]
    url = f"/netwerk-a/services/{service.id}/"
    assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 200
    client.get(url, HTTP_USER_AGENT="Mozilla/5.0 (compatible; AhrefsBot/7.0)")
    assert _count(service.network, VIEW, service) == 2
    missing = "/netwerk-a/services/00000000-0000-0000-0000-000000000000/"
    assert client.get(missing, HTTP_USER_AGENT=BROWSER).status_code == 404
    assert MonthlyUse.objects.filter(kind=VIEW).count() == 1


def test_counting_adds_no_query_to_a_cached_results_page(settings, client, listed, django_assert_num_queries):  # noqa: F811
    """A cached results page costs as many queries counted as uncounted (a robot's request: the page as it was
    before counting), while the counts wait in memory."""
    settings.USAGE_FLUSH_SECONDS = 3600
    client.get("/netwerk-a/services/", {"q": "baby"}, HTTP_USER_AGENT=BROWSER)  # fills the page cache
    client.get("/netwerk-a/services/", {"q": "baby"}, HTTP_USER_AGENT="Googlebot/2.1")  # and the network's
    with CaptureQueriesContext(connection) as uncounted:
        client.get("/netwerk-a/services/", {"q": "baby"}, HTTP_USER_AGENT="Googlebot/2.1")
    with django_assert_num_queries(len(uncounted.captured_queries)):
        client.get("/netwerk-a/services/", {"q": "baby"}, HTTP_USER_AGENT=BROWSER)
    assert sum(usage_pending().values()) == 2


@pytest.mark.django_db(transaction=True)
def test_two_processes_racing_on_the_first_insert_both_count(network_a, db_vendor, monkeypatch):
    """Two writers both find no row, then insert at once: the second insert fails on the unique constraint and
    becomes an update. Needs two real connections writing in parallel: PostgreSQL."""
    if db_vendor != "postgresql":
        pytest.skip("parallel writers need PostgreSQL")
    month = current_month()
    barrier = threading.Barrier(2, timeout=10)
    create = MonthlyUse.objects.create
    inserts, errors = [], []

    def create_together(**fields):
        barrier.wait()  # both have found no row to update
        try:
            row = create(**fields)
        except IntegrityError:
            inserts.append("lost")
            raise
        inserts.append("won")
        return row

    monkeypatch.setattr(MonthlyUse.objects, "create", create_together)

    def writer():
        try:
            usage._write((network_a.pk, month, SEARCH, None), 5)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(inserts) == ["lost", "won"]
    assert MonthlyUse.objects.get(network=network_a, kind=SEARCH, month=month).count == 10
