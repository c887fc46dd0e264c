"""The public list of upcoming sessions: what shows, the filters (each, combined, bad values), paging, places,
and a fixed number of queries."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from hvhk.activities.models import Activity
from tests.activities.factories_public import NOW, ActivityFactory, SessionFactory, brussels, programme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def world(network_a, partner_a, service_b):
    return programme(network=network_a, partner=partner_a, other_network_service=service_b)


def _get(client, network, **params):
    return client.get(reverse("activities:list", args=[network.slug]), params)


def _titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="service-card__title"><a href="[^"]+"[^>]*>([^<]+)</a>', html)


def test_list_shows_upcoming_public_sessions_soonest_first(client, network_a, world):
    response = _get(client, network_a)
    assert response.status_code == 200
    assert _titles(response) == [
        "Babymassage",
        "Infoavond slapen",
        "Babymassage",
        "Oudergroep peuters",
        "Speelochtend",
    ]


def test_list_never_shows_past_unpublished_withdrawn_or_other_networks_sessions(client, network_a, world):
    html = _get(client, network_a).content.decode()
    for title in ("Klad", "Ingetrokken", "Elders"):
        assert title not in html
    assert "8 december" not in html


def test_list_hides_a_session_once_it_has_ended_but_shows_one_under_way(client, network_a, world):
    with time_machine.travel(brussels(9, 15), tick=False):
        assert _titles(_get(client, network_a))[0] == "Babymassage"
    with time_machine.travel(brussels(9, 15, 31), tick=False):
        assert _titles(_get(client, network_a))[0] == "Infoavond slapen"


def test_list_groups_sessions_by_day_with_the_weekday(client, network_a, world):
    html = _get(client, network_a).content.decode()
    headings = re.findall(r'class="activity-day__title"><time datetime="([^"]+)">([^<]+)</time>', html)
    assert headings[0] == ("2026-12-09", "Woensdag 9 december 2026")
    assert headings[1] == ("2026-12-11", "Vrijdag 11 december 2026")
    assert len(headings) == 5


def test_card_shows_time_kind_ages_place_price_languages_and_links_to_the_activity(client, network_a, world):
    html = _get(client, network_a).content.decode()
    massage = world["activities"]["massage"]
    detail = reverse("activities:detail", args=[network_a.slug, massage.pk])
    assert f'href="{detail}"' in html
    card = html[html.index("14:00–15:30") : html.index("Infoavond slapen")]
    assert "Workshop" in card
    assert "1 maand tot 1 jaar" in card
    assert "Huis Centrum, Heverlee" in card
    assert "Gratis" in card
    assert "Taal: Nederlands, Frans" in card
    assert "Nog 9 plaatsen" in card


def test_card_shows_price_with_uitpas_and_online(client, network_a, world):
    html = _get(client, network_a).content.decode()
    assert "€ 5,00, met UiTPAS € 1,50" in html
    assert "Tijdens de zwangerschap" in html
    group = html[html.index("Oudergroep peuters") :]
    assert "Online" in group[:600]


def test_full_session_says_full_with_waiting_list_and_cancelled_says_cancelled(client, network_a, world):
    html = _get(client, network_a).content.decode()
    assert "Volzet · wachtlijst" in html
    assert "activity-status--cancelled" in html
    assert "Afgelast" in html
    play = world["activities"]["play"]
    play.waiting_list = False
    play.save()
    assert "Volzet · wachtlijst" not in _get(client, network_a).content.decode()


def test_title_is_shown_in_the_interface_language_with_dutch_fallback_marked(client, network_a, world):
    response = client.get(reverse("activities:list", args=[network_a.slug]), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert ">Baby massage</a>" in html
    assert 'lang="nl">Speelochtend</a>' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"when": "today"}, ["Babymassage"]),
        ({"when": "week"}, ["Babymassage", "Infoavond slapen"]),
        ({"when": "month"}, ["Babymassage", "Infoavond slapen", "Babymassage", "Oudergroep peuters"]),
        ({"date_from": "2026-12-12", "date_to": "2026-12-22"}, ["Babymassage", "Oudergroep peuters"]),
        ({"date_from": "2027-01-01"}, ["Speelochtend"]),
        ({"date_to": "2026-12-11"}, ["Babymassage", "Infoavond slapen"]),
        ({"age": "zwanger"}, ["Infoavond slapen"]),
        ({"age": "0"}, ["Babymassage", "Babymassage", "Speelochtend"]),
        ({"age": "2"}, ["Oudergroep peuters", "Speelochtend"]),
        ({"age": "3"}, ["Oudergroep peuters"]),
        ({"age": "10"}, []),
        ({"house": "centrum"}, ["Babymassage", "Babymassage", "Speelochtend"]),
        ({"area": "leuven"}, ["Babymassage", "Babymassage", "Speelochtend"]),
        ({"area": "heverlee"}, ["Babymassage", "Babymassage", "Speelochtend"]),
        ({"area": "herent"}, ["Infoavond slapen"]),
        ({"kind": "play"}, ["Speelochtend"]),
        ({"kind": "info_evening"}, ["Infoavond slapen"]),
        ({"free": "1"}, ["Babymassage", "Babymassage", "Oudergroep peuters", "Speelochtend"]),
        ({"lang": "ar"}, ["Oudergroep peuters"]),
        ({"lang": "fr"}, ["Babymassage", "Babymassage"]),
        ({"q": "slapen"}, ["Infoavond slapen"]),
        ({"q": "baby masseren"}, ["Babymassage", "Babymassage"]),
        ({"q": "infoavond"}, ["Infoavond slapen"]),
        ({"when": "month", "free": "1", "house": "centrum"}, ["Babymassage", "Babymassage"]),
        ({"age": "2", "kind": "play", "area": "leuven"}, ["Speelochtend"]),
        ({"when": "today", "kind": "play"}, []),
    ],
)
def test_filters(client, network_a, world, params, expected):
    response = _get(client, network_a, **params)
    assert response.status_code == 200
    assert _titles(response) == expected


def test_service_filter_shows_one_service_and_names_it(client, network_a, world):
    response = _get(client, network_a, service=str(world["service"].pk))
    assert "Infoavond slapen" not in _titles(response)
    assert "Van: Babywerking" in response.content.decode()


def test_another_networks_service_is_not_a_filter(client, network_a, world, service_b):
    response = _get(client, network_a, service=str(service_b.pk))
    assert response.status_code == 200
    assert len(_titles(response)) == 5
    assert "We kennen dat aanbod niet" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"age": "abc"},
        {"age": "-3"},
        {"house": "nope"},
        {"area": "<script>alert(1)</script>"},
        {"when": "yesterday"},
        {"kind": "party"},
        {"lang": "xx"},
        {"date_from": "2026-99-99"},
        {"date_to": "9999-12-31"},
        {"date_from": "2026-12-20", "date_to": "2026-12-01"},
        {"service": "not-a-uuid"},
        {"page": "abc"},
        {"page": "99999999999"},
        {"q": "x" * 500},
    ],
)
def test_bad_values_are_ignored_with_a_message_never_an_error(client, network_a, world, params):
    response = _get(client, network_a, **params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if "page" not in params:
        assert 'class="notice" role="status"' in html
    titles = _titles(response)
    assert len(titles) == 5 or params.get("date_to") == "2026-12-01"


def test_the_form_keeps_valid_choices_and_drops_bad_ones(client, network_a, world):
    html = _get(client, network_a, kind="play", age="nonsense").content.decode()
    assert '<option value="play" selected>' in html
    assert '<option value="" selected>Alle leeftijden</option>' in html
    assert "Leeftijd van je kind" in html


def test_filter_chips_remove_one_filter(client, network_a, world):
    html = _get(client, network_a, kind="play", free="1").content.decode()
    base = reverse("activities:list", args=[network_a.slug])
    assert f'href="{base}?kind=play"' in html  # the chip of "free" keeps the kind
    assert f'href="{base}?free=1"' in html


def test_empty_state_says_so_and_offers_the_whole_list(client, network_a, world):
    html = _get(client, network_a, kind="play", when="today").content.decode()
    assert "Geen activiteiten die bij al je keuzes passen" in html
    assert "Toon alle activiteiten" in html


def test_empty_network_says_nothing_is_planned(client, network_b):
    html = _get(client, network_b).content.decode()
    assert "Er staan nu geen activiteiten gepland" in html


def test_unknown_network_is_404(client, db):
    assert client.get("/nergens/activities/").status_code == 404


def _many(network, service, count: int) -> None:
    activity = ActivityFactory(service=service, network=network, title="Reeks", kind=Activity.Kind.COURSE)
    for i in range(count):
        start = brussels(10, 9) + dt.timedelta(days=i)
        SessionFactory(activity=activity, starts_at=start, ends_at=start + dt.timedelta(hours=1))


def test_paging_twenty_per_page_with_links_that_keep_the_filters(client, network_a, service_a):
    _many(network_a, service_a, 45)
    base = reverse("activities:list", args=[network_a.slug])
    first = _get(client, network_a, kind="course")
    html = first.content.decode()
    assert len(_titles(first)) == 20
    assert "Momenten 1 tot 20" in html
    assert '<nav class="pagination" aria-label="Pagina’s">' in html
    assert f'href="{base}?kind=course&amp;page=2" rel="next"' in html
    assert 'rel="prev"' not in html
    assert "Pagina 1" in html
    second = _get(client, network_a, kind="course", page="2").content.decode()
    assert f'href="{base}?kind=course" rel="prev"' in second
    assert "Momenten 21 tot 40" in second
    last = _get(client, network_a, kind="course", page="3")
    assert len(_titles(last)) == 5
    html = last.content.decode()
    assert f'href="{base}?kind=course&amp;page=2" rel="prev"' in html
    assert 'rel="next"' not in html


def test_a_page_past_the_end_says_so_and_links_to_the_first(client, network_a, service_a):
    _many(network_a, service_a, 25)
    response = _get(client, network_a, page="40")
    html = response.content.decode()
    assert response.status_code == 200
    assert _titles(response) == []
    assert "Die pagina bestaat niet (meer)." in html
    assert "Naar de eerste pagina" in html


def test_one_page_of_results_gives_their_number(client, network_a, world):
    assert "5 momenten" in _get(client, network_a).content.decode()


def test_page_two_says_so_in_its_title(client, network_a, service_a):
    _many(network_a, service_a, 25)
    html = _get(client, network_a, page="2").content.decode()
    assert "<title>Activiteiten – pagina 2 – " in html


def test_query_count_is_fixed_whatever_the_page_size(client, network_a, service_a, django_assert_num_queries):
    _many(network_a, service_a, 3)
    _get(client, network_a)  # fill the choices' cache once, as any visitor before would
    with django_assert_num_queries(3):  # network, sessions (with their place's town), places taken
        assert len(_titles(_get(client, network_a, free="1", lang="nl"))) == 3
    _many(network_a, service_a, 30)
    with django_assert_num_queries(3):
        assert len(_titles(_get(client, network_a, free="1", lang="nl"))) == 20


def test_query_count_with_an_empty_cache(client, network_a, service_a, django_assert_num_queries):
    _many(network_a, service_a, 30)
    with django_assert_num_queries(6):  # + houses, areas, languages for the filter choices
        _get(client, network_a)


def test_page_works_without_javascript_a_get_form_and_a_submit_button(client, network_a, world):
    html = _get(client, network_a).content.decode()
    form = html[html.index('<form class="filters activity-filters"') :]
    form = form[: form.index("</form>")]
    assert 'method="get"' in form
    assert '<button type="submit"' in form
    assert 'type="date"' in form
    for name in ("q", "when", "date_from", "date_to", "age", "house", "area", "kind", "lang", "free"):
        assert f'name="{name}"' in form
    assert "<h1>Activiteiten</h1>" in html
