"""Upcoming activities on the wegwijzer's pages: a service's, a house's programme, and "Activiteiten die passen"
on the search results (one extra query, only when there is a question)."""

import datetime as dt

import pytest
from django.urls import reverse

from hvhk.activities.models import Activity
from tests.activities.factories_public import ActivityFactory, SessionFactory, at

pytestmark = pytest.mark.django_db


def _activity(listed, title="Babymassage in groep", **kwargs):
    defaults = {
        "service": listed["babymassage"],
        "house": listed["house"],
        "location": listed["house"].location,
        "title": title,
        "description": "Samen leren masseren.",
        "kind": Activity.Kind.WORKSHOP,
    }
    return ActivityFactory(**{**defaults, **kwargs})


def _session(activity, days=1, **kwargs):
    start = at(days, 10)
    return SessionFactory(activity=activity, starts_at=start, ends_at=start + dt.timedelta(hours=1), **kwargs)


@pytest.fixture
def activities(listed, service_b):
    massage = _activity(listed)
    _session(massage, 2)
    _session(massage, 9)
    _session(massage, 3, is_cancelled=True)
    _session(massage, -2)  # past
    talk = _activity(
        listed, "Slaapavond", service=listed["sleep"], house=None, kind=Activity.Kind.INFO_EVENING
    )
    _session(talk, 4)
    draft = _activity(listed, "Kladactiviteit", status=Activity.Status.DRAFT)
    _session(draft, 1)
    foreign = ActivityFactory(service=service_b, title="Babymassage elders")
    _session(foreign, 1)
    return {"massage": massage, "talk": talk, "draft": draft}


def _service_url(network, service):
    return reverse("wegwijzer:service", args=[network.slug, service.id])


def test_service_page_lists_its_upcoming_sessions_and_links_to_all(client, network_a, listed, activities):
    html = client.get(_service_url(network_a, listed["babymassage"])).content.decode()
    section = html[html.index('id="upcoming-title"') :]
    section = section[: section.index("</section>")]
    assert section.count("Babymassage in groep") == 2  # two upcoming, the cancelled and the past one not
    assert "Slaapavond" not in section  # another service's
    assert "Kladactiviteit" not in section and "elders" not in section
    detail = reverse("activities:detail", args=[network_a.slug, activities["massage"].pk])
    assert f'href="{detail}"' in section
    list_url = reverse("activities:list", args=[network_a.slug])
    assert f'href="{list_url}?service={listed["babymassage"].pk}"' in section


def test_service_filter_link_leads_to_that_services_sessions(client, network_a, listed, activities):
    response = client.get(
        reverse("activities:list", args=[network_a.slug]), {"service": listed["babymassage"].pk}
    )
    html = response.content.decode()
    assert html.count('class="service-card__title"') == 3  # two and the cancelled one, marked
    assert "Slaapavond" not in html


def test_service_page_without_activities_has_no_block(client, network_a, listed, activities):
    html = client.get(_service_url(network_a, listed["sleep"])).content.decode()
    assert "Slaapavond" in html
    other = client.get(_service_url(network_a, listed["babymassage"])).content.decode()
    assert 'id="upcoming-title"' in other
    activities["talk"].status = Activity.Status.WITHDRAWN
    activities["talk"].save()
    from django.core.cache import caches

    caches["pages"].clear()
    html = client.get(_service_url(network_a, listed["sleep"])).content.decode()
    assert 'id="upcoming-title"' not in html


def _service_queries(client, network, listed) -> int:
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(_service_url(network, listed["babymassage"]))
    caches["pages"].clear()
    return len(queries)


def test_service_page_query_count_is_the_same_for_one_or_six_activities(client, network_a, listed):
    _session(_activity(listed, "Workshop 0"), 1)
    one = _service_queries(client, network_a, listed)
    for i in range(1, 6):
        _session(_activity(listed, f"Workshop {i}"), i + 1)
    assert _service_queries(client, network_a, listed) == one


def test_house_page_shows_its_programme_with_poster_and_list_links(client, network_a, listed, activities):
    html = client.get(reverse("wegwijzer:house", args=[network_a.slug, "centrum"])).content.decode()
    section = html[html.index('id="upcoming-title"') :]
    section = section[: section.index("</section>")]
    assert ">Programma</h2>" in section
    assert section.count("Babymassage in groep") == 2
    assert "Slaapavond" not in section  # not at this house
    poster = reverse("activities:poster", args=[network_a.slug, "centrum"])
    assert f'href="{poster}"' in section
    assert f'href="{reverse("activities:list", args=[network_a.slug])}?house=centrum"' in section


def test_house_page_without_a_programme_has_no_block(client, network_a, listed):
    html = client.get(reverse("wegwijzer:house", args=[network_a.slug, "centrum"])).content.decode()
    assert 'id="upcoming-title"' not in html


def _results(client, network, **params):
    return client.get(reverse("wegwijzer:services", args=[network.slug]), params).content.decode()


def test_search_results_show_activities_that_fit_the_question(client, network_a, listed, activities):
    html = _results(client, network_a, q="babymassage")
    assert "Activiteiten die passen" in html
    block = html[html.index('id="activity-matches-title"') :]
    assert "Babymassage in groep" in block
    assert "elders" not in block and "Kladactiviteit" not in block
    assert f"{reverse('activities:list', args=[network_a.slug])}?q=babymassage" in block


def test_search_results_match_the_kind_and_the_description(client, network_a, listed, activities):
    assert "Slaapavond" in _results(client, network_a, q="infoavond")
    assert "Babymassage in groep" in _results(client, network_a, q="samen masseren")


def test_search_results_without_a_fitting_activity_or_question_have_no_block(
    client, network_a, listed, activities
):
    assert "Activiteiten die passen" not in _results(client, network_a, q="huiswerk")
    assert "Activiteiten die passen" not in _results(client, network_a)
    assert "Activiteiten die passen" not in _results(client, network_a, q="de het een")  # stop words only


def test_a_past_or_cancelled_only_activity_does_not_fit(client, network_a, listed):
    gone = _activity(listed, "Zwangerschapsyoga")
    _session(gone, -3)
    _session(gone, 3, is_cancelled=True)
    assert "Activiteiten die passen" not in _results(client, network_a, q="zwangerschapsyoga")


def test_at_most_three_activities_fit(client, network_a, listed):
    for i in range(5):
        _session(_activity(listed, f"Babymassage {i}"), i + 1)
    html = _results(client, network_a, q="babymassage")
    block = html[html.index('id="activity-matches-title"') :]
    block = block[: block.index("</section>")]
    assert block.count("<li>") == 3
    assert "Babymassage 0" in block and "Babymassage 3" not in block  # the soonest


def test_search_results_read_the_fitting_activities_once_per_data_version(
    client, network_a, listed, activities
):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def activity_queries(**params) -> list[str]:
        caches["pages"].clear()
        with CaptureQueriesContext(connection) as queries:
            html = _results(client, network_a, **params)
        assert "Activiteiten die passen" in html
        return [q["sql"] for q in queries.captured_queries if "activities_" in q["sql"]]

    assert activity_queries(q="babymassage")  # read once …
    assert activity_queries(q="samen masseren") == []  # … and another question asks nothing more
    _session(_activity(listed, "Babymassage voor papa's"), 1)  # a change: read again, and shown at once
    assert activity_queries(q="babymassage")
    assert "Babymassage voor papa&#x27;s" in _results(client, network_a, q="babymassage")


def test_an_activity_whose_next_session_ended_since_it_was_read_is_left_out(
    client, network_a, listed, monkeypatch
):
    import datetime as dt

    from django.utils import timezone

    from hvhk.activities.selectors.public import activities_matching

    soon = _activity(listed, "Voorleesuurtje")
    _session(soon, 1)
    assert [m.title.text for m in activities_matching(network=network_a, text="voorleesuurtje")] == [
        "Voorleesuurtje"
    ]
    later = timezone.now() + dt.timedelta(days=30)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the cached list is the same; time went on
    assert activities_matching(network=network_a, text="voorleesuurtje") == []
