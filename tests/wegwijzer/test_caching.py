"""The page cache: shared pages for visitors without a session, each with their own CSRF token, never stale."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from hvhk.wegwijzer.caching import CSRF_PLACEHOLDER

pytestmark = pytest.mark.django_db


def _token(body: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)


def test_two_visitors_share_a_cached_page_but_not_a_token(listed, django_assert_max_num_queries):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    body_1 = first.get("/netwerk-a/services/", {"q": "baby"}).content.decode()
    with django_assert_max_num_queries(3):  # the network, the data version is cached: no search, no cards
        body_2 = second.get("/netwerk-a/services/", {"q": "baby"}).content.decode()
    assert CSRF_PLACEHOLDER not in body_1 + body_2
    assert "Babymassage" in body_2
    token_2 = _token(body_2)
    assert _token(body_1) != token_2
    # The second visitor's token works with the second visitor's cookie.
    response = second.post(
        "/i18n/setlang/", {"language": "fr", "next": "/netwerk-a/", "csrfmiddlewaretoken": token_2}
    )
    assert response.status_code == 302


def test_many_small_entries_cannot_push_the_pages_out(client, listed, django_assert_max_num_queries):
    """At 100,000 services a few dozen result pages bring thousands of cards and rankings into the cache; in one
    shared memory cache they pushed every page out again before it was asked a second time (the benchmark's 40
    rotating pages never hit). Pages have a cache of their own."""
    client.get("/netwerk-a/services/", {"q": "baby"})
    cache.set_many({f"card:{i}": "x" * 100 for i in range(2_000)})

    with django_assert_max_num_queries(3):
        assert "Babymassage" in client.get("/netwerk-a/services/", {"q": "baby"}).content.decode()


def test_an_edit_shows_at_once_on_a_cached_page(client, listed, django_capture_on_commit_callbacks):
    assert "Babymassage" in client.get("/netwerk-a/services/", {"q": "baby"}).content.decode()
    service = listed["babymassage"]
    with django_capture_on_commit_callbacks(execute=True):
        service.name = "Babymassage voor papa's"
        service.save()
    assert (
        "Babymassage voor papa&#x27;s" in client.get("/netwerk-a/services/", {"q": "baby"}).content.decode()
    )
    page = client.get(f"/netwerk-a/services/{service.id}/").content.decode()
    assert "Babymassage voor papa&#x27;s" in page


def test_a_visitor_with_a_session_sees_their_own_saved_state(client, listed):
    anonymous = Client()
    anonymous.get("/netwerk-a/services/", {"q": "baby"})  # fills the cache
    client.post("/netwerk-a/list/add/", {"service": str(listed["babymassage"].id)})
    mine = client.get("/netwerk-a/services/", {"q": "baby"}).content.decode()
    assert "Bewaard ✓ Haal uit je lijst" in mine
    assert "Bewaard ✓" not in anonymous.get("/netwerk-a/services/", {"q": "baby"}).content.decode()


def test_languages_are_cached_apart(listed):
    dutch = Client().get("/netwerk-a/services/", headers={"accept-language": "nl"}).content.decode()
    arabic = Client().get("/netwerk-a/services/", headers={"accept-language": "ar"}).content.decode()
    assert 'lang="nl"' in dutch[:200] and 'lang="ar"' in arabic[:200]


def test_a_cached_fragment_is_never_served_to_a_boosted_page_load(listed):
    """htmx asks for the results alone (HX-Request) or, following a link, for a whole page (HX-Boosted too)."""
    fragment = Client().get("/netwerk-a/services/", {"q": "baby"}, headers={"HX-Request": "true"})
    boosted = Client().get(
        "/netwerk-a/services/", {"q": "baby"}, headers={"HX-Request": "true", "HX-Boosted": "true"}
    )
    plain = Client().get("/netwerk-a/services/", {"q": "baby"})

    assert "<html" not in fragment.content.decode()
    assert "<html" in boosted.content.decode() and "<html" in plain.content.decode()


def test_a_new_activity_session_shows_at_once_on_a_cached_service_page(
    client, listed, django_capture_on_commit_callbacks
):
    from tests.activities.factories_public import ActivityFactory, SessionFactory

    service = listed["babymassage"]
    url = f"/netwerk-a/services/{service.id}/"
    assert "Massage voor de allerkleinsten" not in client.get(url).content.decode()  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        SessionFactory(activity=ActivityFactory(service=service, title="Massage voor de allerkleinsten"))

    assert "Massage voor de allerkleinsten" in client.get(url).content.decode()


def _panel(body: str) -> str:
    return body[body.index('<details class="filters__panel"') : body.index('<div id="results"')]


def test_one_cached_filter_panel_serves_every_question_with_the_same_filters(client, listed):
    from django.core.cache import caches

    first = _panel(client.get("/netwerk-a/services/", {"q": "baby", "age": "3"}).content.decode())
    caches["pages"].clear()  # the whole page is not the reason: only the panel's own cache
    second = _panel(client.get("/netwerk-a/services/", {"q": "slapen", "age": "3"}).content.decode())
    assert first == second
    assert '<option value="3">' not in second  # "3" is not a band; the chosen age shows as its own option
    assert "selected>3 jaar</option>" in second


def test_the_filter_panel_follows_the_filters_and_their_count(client, listed):
    three = _panel(client.get("/netwerk-a/services/", {"q": "baby", "age": "3"}).content.decode())
    fourteen = _panel(client.get("/netwerk-a/services/", {"q": "baby", "age": "14"}).content.decode())
    assert "selected>3 jaar</option>" in three and "selected>14 jaar</option>" in fourteen
    assert '<span class="badge">2</span>' in three  # the words and the age
    without_words = _panel(client.get("/netwerk-a/services/", {"age": "3"}).content.decode())
    assert '<span class="badge">1</span>' in without_words
    read_from_the_question = _panel(client.get("/netwerk-a/services/", {"q": "baby van 5"}).content.decode())
    assert "selected>5 jaar</option>" in read_from_the_question
    free = _panel(
        client.get("/netwerk-a/services/", {"q": "baby", "age": "3", "cost": "free"}).content.decode()
    )
    assert 'value="free" checked' in free and 'value="free" checked' not in three


def test_cards_this_process_keeps_are_copied_per_request_and_follow_edits(
    listed, network_a, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """The result cards a process read from the cache are kept in memory (unpickling them cost most of the cards'
    time); each request gets its own copies, so one visitor's saved state never reaches another, and an edit
    shows at once."""
    from django.utils.translation import get_language

    from hvhk.core.lib.versions import network_version
    from hvhk.wegwijzer.cards import service_cards

    service = listed["babymassage"]
    mine = service_cards([service.id], network=network_a, saved={str(service.id)})
    key = f"card:{network_a.pk}:{network_version(network_a.pk)}:{get_language()}:{service.id}"
    assert cache.get(key) is not None
    cache.delete(key)  # the shared cache forgets; this process still has the card
    with django_assert_num_queries(0):
        theirs = service_cards([service.id], network=network_a, saved=set())
    assert mine[0].saved is True and theirs[0].saved is False
    assert mine[0] is not theirs[0]

    with django_capture_on_commit_callbacks(execute=True):
        service.name = "Babymassage voor papa's"
        service.save()
    (card,) = service_cards([service.id], network=network_a, saved=set())
    assert card.name == "Babymassage voor papa's"
