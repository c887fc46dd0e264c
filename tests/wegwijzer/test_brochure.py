"""The whole-offering brochure: linked where families look, open to everyone, grouped by life domain, made
in a fixed number of queries and made once per data version."""

import pytest

from hvhk.wegwijzer import brochure as brochure_module
from hvhk.wegwijzer.brochure import brochure_sections
from tests.search.offering import build_offering

LINK = "Het hele aanbod als brochure (PDF)"


@pytest.mark.parametrize("path", ["/netwerk-a/", "/netwerk-a/services/", "/netwerk-a/services/?q=baby"])
def test_home_and_results_page_link_the_brochure(client, listed, path):
    page = client.get(path).content.decode()
    assert LINK in page
    assert 'href="/netwerk-a/brochure/"' in page


def test_every_visitor_downloads_the_whole_offering_or_one_life_domain(client, listed):
    whole = client.get("/netwerk-a/brochure/")
    assert whole.status_code == 200 and whole["Content-Type"] == "application/pdf"
    assert whole.content.startswith(b"%PDF")
    assert 'filename="netwerk-a-al-het-aanbod.pdf"' in whole["Content-Disposition"]
    one = client.get("/netwerk-a/brochure/", {"domain": "gezondheid"})
    assert one.status_code == 200 and len(one.content) < len(whole.content)
    assert client.get("/netwerk-a/brochure/", {"domain": "bestaat-niet"}).status_code == 404


def test_sections_follow_the_life_domains_and_hold_only_active_services(network_a, listed):
    listed["sleep"].status = "inactive"
    listed["sleep"].save()
    title, sections = brochure_sections(network=network_a)
    assert str(title) == "Al het aanbod"
    assert [(s["title"], [x.name for x in s["services"]]) for s in sections] == [
        ("Gezondheid en ontwikkeling", ["Babymassage"])
    ]
    title, sections = brochure_sections(network=network_a, domain_code="gezondheid")
    assert title == "Gezondheid en ontwikkeling" and [x.name for x in sections[0]["services"]] == [
        "Babymassage"
    ]


def test_a_service_in_two_life_domains_is_in_both_sections_by_name(network_a):
    services = build_offering(network_a, 25)
    _title, sections = brochure_sections(network=network_a)
    listed = [x for s in sections for x in s["services"]]
    assert sorted(x.pk for x in listed) == sorted(x.pk for x in services)  # one domain each here
    for section in sections:
        names = [x.name for x in section["services"]]
        assert names == sorted(names)


@pytest.mark.parametrize("count", [5, 25])
def test_the_brochure_takes_the_same_queries_for_5_or_25_services(
    client, network_a, count, django_assert_num_queries
):
    build_offering(network_a, count)
    with django_assert_num_queries(11):  # 161 for 25 services before
        response = client.get("/netwerk-a/brochure/")
    assert response.status_code == 200


def test_the_brochure_is_made_once_per_data_version(
    client, listed, monkeypatch, django_assert_max_num_queries
):
    made = []
    real = brochure_module.pdf_bytes

    def counting(*args, **kwargs):
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(brochure_module, "pdf_bytes", counting)
    first = client.get("/netwerk-a/brochure/").content
    with django_assert_max_num_queries(1):  # the network; no service is read again
        again = client.get("/netwerk-a/brochure/").content
    assert again == first and len(made) == 1

    listed["sleep"].name = "Slaapspreekuur voor peuters"
    listed["sleep"].save()
    client.get("/netwerk-a/brochure/")
    assert len(made) == 2
    client.get("/netwerk-a/brochure/", HTTP_ACCEPT_LANGUAGE="fr")
    assert len(made) == 3  # one per language
