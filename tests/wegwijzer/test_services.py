import json
import re

import pytest

from hvhk.directory.models import Service
from hvhk.search.indexing import reindex
from hvhk.wegwijzer.views import services as services_view
from tests.directory.factories import ServiceFactory
from tests.search.offering import build_offering

pytestmark = pytest.mark.django_db


def test_results_show_count_cards_and_removable_chips(client, listed):
    body = client.get("/netwerk-a/services/", {"q": "baby", "domain": "gezondheid"}).content.decode()
    assert "1 resultaat" in body
    assert f'href="/netwerk-a/services/{listed["babymassage"].id}/"' in body
    assert "Zoekwoord: baby" in body
    chip = re.search(r'<a class="chip" href="([^"]+)"><span>Gezondheid en ontwikkeling', body)
    assert chip and "domain=" not in chip.group(1) and "q=baby" in chip.group(1)


def test_bad_input_gives_messages_and_an_escaped_page_never_an_error(client, listed):
    response = client.get(
        "/netwerk-a/services/",
        {
            "q": "<script>alert(7)</script>" + "x" * 3000,
            "age": "abc",
            "page": "9999",
            "postcode": "zz",
            "domain": "<b>",
            "sort": "DROP TABLE",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(7)" not in body and "&lt;script&gt;alert(7)" in body
    assert "We begrijpen de leeftijd" in body and "postcode" in body and "erg lang" in body
    assert "<b>" not in body.split("<main", 1)[1]


def test_control_characters_in_a_search_never_reach_the_database(client, listed):
    """A NUL byte would make PostgreSQL fail on the unmet-needs counter; it is dropped with the others."""
    response = client.get("/netwerk-a/services/", {"q": "bab\x00y\x07mas\x1bsage"})

    assert response.status_code == 200 and "Babymassage" in response.content.decode()


def test_page_beyond_the_last_shows_the_last_page_with_a_note(client, listed):
    body = client.get("/netwerk-a/services/", {"page": "9999"}).content.decode()
    assert "Die pagina bestaat niet" in body and "Babymassage" in body


def test_zero_results_suggest_what_to_drop_and_give_the_house_phone(client, listed):
    body = client.get("/netwerk-a/services/", {"q": "baby", "domain": "opvoeding"}).content.decode()
    assert "Geen resultaten" in body
    assert "Zoek in alle levensdomeinen" in body and "(1 resultaat)" in body
    assert "016 00 00 01" in body


def test_an_htmx_request_gets_only_the_results(client, listed):
    response = client.get("/netwerk-a/services/", {"q": "baby"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and "Babymassage" in body


def test_results_of_another_network_never_show(client, listed, service_b):
    body = client.get("/netwerk-a/services/", {"q": service_b.name}).content.decode()
    assert str(service_b.id) not in body and "Geen resultaten" in body


def test_service_page_has_the_essentials_and_structured_data(client, listed):
    service = listed["babymassage"]
    body = client.get(f"/netwerk-a/services/{service.id}/").content.decode()
    for expected in (
        "Babymassage",
        "Leer je baby masseren.",
        "Gratis",
        "Brusselsestraat 63",
        "tel:+3216000001",
        "zonder afspraak",
        "Route plannen",
        "Meld het ons",
        "Laatst nagekeken",
    ):
        assert expected in body, expected
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', body).group(1))
    assert data["@type"] == "Service" and data["name"] == "Babymassage"
    assert data["offers"][0]["price"] == "0"
    assert data["availableChannel"][0]["serviceLocation"]["address"]["postalCode"] == "3000"


def test_markup_in_a_service_name_cannot_break_out_of_the_json_ld(client, listed):
    service = listed["sleep"]
    service.name = "</script><script>alert(1)</script>"
    service.save()
    body = client.get(f"/netwerk-a/services/{service.id}/").content.decode()
    assert "<script>alert(1)" not in body
    assert "\\u003C/script\\u003E" in body


def test_service_page_speaks_the_visitors_language_and_marks_dutch_fallbacks(client, listed):
    english = client.get(
        f"/netwerk-a/services/{listed['babymassage'].id}/", headers={"accept-language": "en"}
    )
    assert "Baby massage" in english.content.decode()
    french = client.get(f"/netwerk-a/services/{listed['babymassage'].id}/", headers={"accept-language": "fr"})
    body = french.content.decode()
    assert '<h1 id="service-title" lang="nl">Babymassage</h1>' in body


def test_service_pages_of_other_networks_defunct_or_malformed_ids_are_404(client, listed, service_b):
    assert client.get(f"/netwerk-a/services/{service_b.id}/").status_code == 404
    assert client.get("/netwerk-a/services/not-a-uuid/").status_code == 404
    Service.objects.filter(pk=listed["sleep"].pk).update(status="defunct")
    assert client.get(f"/netwerk-a/services/{listed['sleep'].id}/").status_code == 404


def test_an_inactive_service_still_has_a_page_that_says_so(client, listed):
    Service.objects.filter(pk=listed["sleep"].pk).update(status="temporarily closed")
    body = client.get(f"/netwerk-a/services/{listed['sleep'].id}/").content.decode()
    assert "tijdelijk gesloten" in body
    assert "Slaapspreekuur" not in client.get("/netwerk-a/services/").content.decode()


def test_house_page_shows_pillars_services_hours_and_the_way(client, listed):
    body = client.get("/netwerk-a/houses/centrum/").content.decode()
    for expected in (
        "Huis van het Kind Centrum",
        "Medische, psychosociale en pedagogische consultatie",
        "Babymassage",
        "Maandag",
        "09:00–17:00",
        "Route plannen",
    ):
        assert expected in body, expected
    assert client.get("/netwerk-a/houses/").status_code == 200


def test_house_and_organisation_of_another_network_are_404(client, listed, partner_b, network_b):
    assert client.get("/netwerk-b/houses/centrum/").status_code == 404
    assert client.get(f"/netwerk-a/organizations/{partner_b.id}/").status_code == 404


def test_organisation_page_lists_its_services(client, listed, partner_a):
    body = client.get(f"/netwerk-a/organizations/{partner_a.id}/").content.decode()
    assert partner_a.name in body and "Babymassage" in body and "Slaapspreekuur" in body


def test_home_links_life_domains_and_ages_to_the_search(client, listed):
    body = client.get("/netwerk-a/").content.decode()
    assert 'href="/netwerk-a/services/?domain=gezondheid"' in body
    assert 'href="/netwerk-a/services/?age=zwanger"' in body
    assert 'action="/netwerk-a/services/"' in body


@pytest.mark.parametrize(
    "url", ["javascript:alert(document.cookie)", "  JAVASCRIPT:alert(1)", "data:text/html,x"]
)
def test_a_javascript_website_is_never_a_link_on_the_service_and_organisation_pages(
    client, listed, partner_a, url
):
    # Written straight to the database, as an old import or a bug elsewhere could have stored it.
    type(listed["babymassage"]).objects.filter(pk=listed["babymassage"].pk).update(url=url)
    type(partner_a).objects.filter(pk=partner_a.pk).update(website=url)

    pages = [
        client.get(f"/netwerk-a/services/{listed['babymassage'].id}/").content.decode(),
        client.get(f"/netwerk-a/organizations/{partner_a.id}/").content.decode(),
    ]

    for body in pages:
        assert 'href="javascript' not in body.lower() and 'href="  javascript' not in body.lower()
        assert 'href="data:' not in body
        assert "unlinked-url" in body  # shown as plain text instead


def test_a_web_address_is_still_a_link(client, listed, partner_a):
    type(partner_a).objects.filter(pk=partner_a.pk).update(website="https://partner.example/")
    body = client.get(f"/netwerk-a/organizations/{partner_a.id}/").content.decode()
    assert '<a href="https://partner.example/" rel="noopener">Website</a>' in body


@pytest.mark.parametrize("count", [5, 25])
@pytest.mark.parametrize(("params", "queries"), [({}, 13), ({"q": "speelgroep"}, 16)])
def test_the_results_page_takes_the_same_queries_for_5_or_25_services(
    client, network_a, count, params, queries, django_assert_num_queries
):
    """The network, the filters' choices (4), the search (1 to 6), the page's services with their card
    relations (6), with a question the activities that fit it (1); the same for 5 results as for a full page
    of 20."""
    build_offering(network_a, count)
    with django_assert_num_queries(queries):
        response = client.get("/netwerk-a/services/", params)
    assert len(response.context["cards"]) == min(count, 20)


def test_the_search_is_read_from_the_url_once_per_request(client, listed, monkeypatch):
    calls = []
    real = services_view.parse_service_query

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(services_view, "parse_service_query", counting)
    assert client.get("/netwerk-a/services/", {"q": "baby", "age": "0-3"}).status_code == 200
    assert len(calls) == 1


def test_a_card_shows_an_upper_age_as_tot_and_its_filter_agrees(client, network_a, partner_a):
    """ "2 tot 6 jaar" (24, 72): under "3 tot 6 jaar" and for a child of 5, not under "6 tot 12" nor for 6."""
    ServiceFactory(
        organization=partner_a, name="Kleuterzwemmen", minimum_age_months=24, maximum_age_months=72
    )
    reindex(network=network_a)
    for params, shown in (
        ({"age": "3-6"}, True),
        ({"age": "5"}, True),
        ({"age": "6-12"}, False),
        ({"age": "6"}, False),
    ):
        page = client.get("/netwerk-a/services/", params).content.decode()
        assert ("Kleuterzwemmen" in page) is shown, params
    assert "2 tot 6 jaar" in client.get("/netwerk-a/services/", {"age": "3-6"}).content.decode()


# --- searches that found (nearly) nothing are counted for the signals ---------------------------------------------


def test_a_search_that_finds_nothing_is_counted_once_per_visit(client, listed):
    from hvhk.search.models import ZeroResultQuery

    client.get("/netwerk-a/services/", {"q": "Nachtopvang"})
    client.get("/netwerk-a/services/", {"q": "nachtopvang"})  # the cached page is counted too

    row = ZeroResultQuery.objects.get()
    assert (row.query, row.count, row.max_results) == ("nachtopvang", 2, 0)


def test_a_search_with_many_results_or_with_filters_is_not_counted_and_costs_no_query(client, listed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hvhk.search.models import ZeroResultQuery

    for n in range(3):
        ServiceFactory(organization=listed["babymassage"].organization, name=f"Peuterzwemmen {n}")
    reindex(network=listed["babymassage"].network)

    with CaptureQueriesContext(connection) as queries:
        body = client.get("/netwerk-a/services/", {"q": "peuterzwemmen"}).content.decode()
        client.get(
            "/netwerk-a/services/", {"q": "nachtopvang", "domain": "opvoeding"}
        )  # a filter: not counted

    assert "Peuterzwemmen 2" in body
    assert not ZeroResultQuery.objects.exists()
    assert not [q for q in queries.captured_queries if "zeroresultquery" in q["sql"].lower()]


@pytest.mark.parametrize("language", ["nl", "en", "fr", "tr", "ar"])
@pytest.mark.parametrize(
    "text",
    [
        "مساعدة في homework للأطفال",  # right to left with a Latin word
        "bebeğim uyumuyor 👶 sleep نوم",  # three scripts and an emoji
        "\u202ebaby\u202c <b>massage</b>",  # a direction override and markup
        "de het een en waar kan ik",  # only words that name nothing
        "baby " + "ا" * 10_000,  # 10,000 characters
    ],
)
def test_odd_questions_in_every_language_give_a_page_never_an_error(client, listed, language, text):
    client.cookies["django_language"] = language
    response = client.get("/netwerk-a/services/", {"q": text}, headers={"accept-language": language})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<b>massage" not in body
    assert f'<html lang="{language}"' in body
