"""Coverage on hand-built data with known answers (tests/insights/coverage_data.py): the matrix for the network and
per area, the bands at their edges (the maximum age excluded), the area rule (a location or a service area; neither
counts for the whole network only), the services behind a cell, the houses' pillars, both CSV files row by row, a
constant number of queries, and who may see what."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hvhk.directory.models import Pillar, Service
from hvhk.insights.selectors.coverage import (
    cell_services,
    coverage_matrix,
    coverage_rows,
    house_pillar_rows,
    house_pillars,
)
from tests.core.factories import AreaFactory
from tests.directory.factories import HouseFactory, LocationFactory, ServiceFactory
from tests.insights.conftest import NETWORK_WIDE, PARTNER_STAFF
from tests.insights.coverage_data import BANDS, EXPECTED, build, link, located


@pytest.fixture
def offering(partner_a):
    return build(partner_a)


def _counts(matrix, code):
    return tuple(matrix.count(code, band) for band in BANDS)


# --- the matrix ------------------------------------------------------------------------------------------------


def test_the_network_matrix_counts_active_services_in_every_band_they_overlap(offering, network_a):
    matrix = coverage_matrix(network=network_a)
    assert [d.code for d in matrix.domains] == ["gezondheid", "opvoeding"]
    assert matrix.bands == list(BANDS)
    assert matrix.area is None
    assert _counts(matrix, "gezondheid") == EXPECTED[("gezondheid", "*")]
    assert _counts(matrix, "opvoeding") == EXPECTED[("opvoeding", "*")]


def test_a_service_of_0_to_3_years_is_not_counted_in_3_to_5(offering, network_a):
    only = {"Consultatie 0 tot 3"}
    three_to_five = {s.name for s in cell_services(network=network_a, domain_code="gezondheid", band="3-5")}
    zero_to_two = {s.name for s in cell_services(network=network_a, domain_code="gezondheid", band="0-2")}
    assert only <= zero_to_two
    assert not only & three_to_five
    assert three_to_five == {"Kleuterconsult"}  # (36, 72) starts at 3 years


@pytest.mark.parametrize("area", ["noord", "zuid"])
def test_an_area_counts_services_located_in_it_or_serving_it(offering, network_a, area):
    matrix = coverage_matrix(network=network_a, area=getattr(offering, area))
    assert matrix.area == getattr(offering, area)
    assert _counts(matrix, "gezondheid") == EXPECTED[("gezondheid", area)]
    assert _counts(matrix, "opvoeding") == EXPECTED[("opvoeding", area)]


def test_a_service_with_neither_location_nor_service_area_counts_for_the_whole_network_only(
    offering, network_a
):
    whole = cell_services(network=network_a, domain_code="opvoeding", band="18-24")
    assert {s.name for s in whole} == {"Opvoedingslijn", "Jongerenpunt"}
    for area in (offering.noord, offering.zuid):
        names = {
            s.name for s in cell_services(network=network_a, domain_code="opvoeding", band="18-24", area=area)
        }
        assert "Jongerenpunt" not in names


def test_a_location_in_a_part_of_an_area_counts_for_the_area_too(offering, network_a, partner_a):
    """The wegwijzer's rule: an area holds the locations in the areas inside it."""
    city = AreaFactory(network=network_a, slug="stad", name="Stad", kind="municipality")
    offering.noord.parent = city
    offering.noord.save()
    matrix = coverage_matrix(network=network_a, area=city)
    assert _counts(matrix, "gezondheid") == EXPECTED[("gezondheid", "noord")]


def test_empty_and_thin_cells(offering, network_a):
    matrix = coverage_matrix(network=network_a)
    empty = {(d.code, band) for d, band in matrix.empty_cells()}
    thin = {(d.code, band) for d, band in matrix.thin_cells()}
    assert empty == {("gezondheid", "6-11"), ("gezondheid", "12-17"), ("gezondheid", "18-24")}
    assert ("gezondheid", "0-2") in thin and ("opvoeding", "18-24") in thin
    assert not empty & thin


def test_the_matrix_costs_the_same_few_queries_for_many_services(
    offering, network_a, partner_a, django_assert_max_num_queries
):
    def measure():
        with CaptureQueriesContext(connection) as context:
            coverage_matrix(network=network_a, area=offering.noord)
        return len(context.captured_queries)

    few = measure()
    term = offering.services["Kleuterconsult"].attributes.get().taxonomy_term
    for index in range(40):
        service = ServiceFactory(
            organization=partner_a, minimum_age_months=index, maximum_age_months=index + 50
        )
        link(service, term)
        located(service, offering.noord)
    assert measure() == few
    with django_assert_max_num_queries(5):
        matrix = coverage_matrix(network=network_a, area=offering.noord)
    assert matrix.count("gezondheid", "3-5") == 1 + 40


# --- CSV -------------------------------------------------------------------------------------------------------


def _expected_rows():
    rows = []
    for area in ("*", "noord", "zuid"):
        for code in ("gezondheid", "opvoeding"):
            rows += [
                [code, band, area, str(n)] for band, n in zip(BANDS, EXPECTED[(code, area)], strict=True)
            ]
    return rows


def test_coverage_rows_have_every_domain_band_and_area_with_zeros(offering, network_a):
    rows = [[str(v) for v in row] for row in coverage_rows(network=network_a)]
    assert rows == _expected_rows()


def test_the_coverage_csv_has_its_exact_header_and_rows(offering, network_a, analyst_a, login, client):
    login(analyst_a)
    response = client.get("/portal/insights/coverage.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == ["life_domain", "age_band", "area", "services"]
    assert rows[1:] == _expected_rows()
    assert reverse("insights:coverage-csv") == "/portal/insights/coverage.csv"


# --- houses ----------------------------------------------------------------------------------------------------


@pytest.fixture
def house(offering, partner_a):
    house = HouseFactory(
        location=LocationFactory(organization=partner_a), slug="huis-noord", name="Huis Noord"
    )
    consultation = Pillar.objects.create(network=house.network, house=house, kind=Pillar.Kind.CONSULTATION)
    consultation.services.add(offering.services["Consultatie 0 tot 3"], offering.services["Gesloten consult"])
    play = Pillar.objects.create(network=house.network, house=house, kind=Pillar.Kind.PLAY)
    play.services.add(offering.services["Gesloten consult"])  # only an inactive service: missing
    HouseFactory(
        location=LocationFactory(organization=partner_a), slug="dicht", name="Dicht", is_active=False
    )
    return house


def test_a_house_offers_the_pillars_with_active_services_and_misses_the_others(house, network_a):
    (entry,) = house_pillars(network=network_a)
    assert entry.house == house
    assert [(o.kind, [s.name for s in o.services]) for o in entry.offered] == [
        ("consultation", ["Consultatie 0 tot 3"])
    ]
    assert [o.kind for o in entry.missing] == ["reception", "play", "parenting_advice", "group_offer"]


def test_the_houses_csv(house, network_a, coordinator_a, login, client):
    assert list(house_pillar_rows(network=network_a)) == [
        ("huis-noord", "reception", "nee", ""),
        ("huis-noord", "consultation", "ja", "Consultatie 0 tot 3"),
        ("huis-noord", "play", "nee", ""),
        ("huis-noord", "parenting_advice", "nee", ""),
        ("huis-noord", "group_offer", "nee", ""),
    ]
    login(coordinator_a)
    response = client.get(reverse("insights:coverage-houses-csv"))
    assert response.content.decode().splitlines()[:2] == [
        "house,pillar,offered,services",
        "huis-noord,reception,nee,",
    ]
    page = client.get(reverse("insights:coverage-houses")).content.decode()
    assert "Huis Noord" in page and "Dicht" not in page and "ontbreekt" in page


# --- pages and access ------------------------------------------------------------------------------------------

PAGES = (
    "insights:coverage",
    "insights:coverage-houses",
    "insights:coverage-csv",
    "insights:coverage-houses-csv",
)


@pytest.mark.parametrize("persona", NETWORK_WIDE + PARTNER_STAFF)
@pytest.mark.parametrize("name", PAGES)
def test_the_network_and_partner_staff_see_the_coverage(persona, name, request, offering, login, client):
    login(request.getfixturevalue(persona))
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", [*PAGES, "insights:coverage-services", "insights:coverage-boundaries"])
def test_intake_gets_a_404(name, offering, intake_a, login, client):
    login(intake_a)
    assert client.get(reverse(name), {"domain": "gezondheid", "band": "0-2"}).status_code == 404


@pytest.mark.parametrize("name", [*PAGES, "insights:coverage-services", "insights:coverage-boundaries"])
def test_without_signing_in_coverage_asks_for_a_login(name, offering, client):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_shows_the_matrix_with_empty_and_thin_cells_marked_in_words(
    offering, analyst_a, login, client
):
    login(analyst_a)
    body = client.get(reverse("insights:coverage"), {"area": "noord"}).content.decode()
    assert "Actief aanbod in Noord" in body
    assert '<span class="tag">leemte</span>' in body and '<span class="tag">weinig</span>' in body
    assert (
        'coverage-empty"><a href="/portal/insights/coverage/services/?domain=opvoeding&amp;band=0-2' in body
    )
    assert "?domain=gezondheid&amp;band=3-5&amp;area=noord" in body
    assert "<svg" in body and reverse("insights:coverage-csv") in body
    assert reverse("insights:coverage-boundaries") not in body  # the analyst does not upload


def test_a_cell_lists_its_services_with_links(offering, coordinator_a, editor_a, login, client, network_a):
    url = reverse("insights:coverage-services")
    login(coordinator_a)
    body = client.get(url, {"domain": "gezondheid", "band": "0-2", "area": "noord"}).content.decode()
    for name in ("Consultatie 0 tot 3", "Zwangerschapsconsult"):
        service = offering.services[name]
        assert reverse("portal:service", args=[service.pk]) in body
    assert "Kleuterconsult" not in body and "Gesloten consult" not in body
    other = ServiceFactory(
        network=network_a, name="Ander aanbod 0-2", minimum_age_months=0, maximum_age_months=12
    )
    link(other, offering.services["Kleuterconsult"].attributes.get().taxonomy_term)
    login(editor_a)
    body = client.get(url, {"domain": "gezondheid", "band": "0-2"}).content.decode()
    # an editor edits their own services; another partner's service opens on the wegwijzer
    assert reverse("portal:service", args=[offering.services["Consultatie 0 tot 3"].pk]) in body
    assert reverse("wegwijzer:service", args=[network_a.slug, other.pk]) in body


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"domain": "bestaat-niet", "band": "0-2"}, "Dit levensdomein kennen we niet."),
        ({"domain": "gezondheid", "band": "3-6"}, "Deze leeftijdsgroep kennen we niet."),
        ({"domain": "gezondheid", "band": "0-2", "area": "nergens"}, "Dit gebied kennen we niet."),
        ({}, "Kies een levensdomein."),
    ],
)
def test_a_bad_cell_gets_a_clear_message(params, message, offering, analyst_a, login, client):
    login(analyst_a)
    response = client.get(reverse("insights:coverage-services"), params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_bad_area_on_the_page_gets_a_clear_message(offering, analyst_a, login, client):
    login(analyst_a)
    response = client.get(reverse("insights:coverage"), {"area": "nergens", "band": "99"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Dit gebied kennen we niet" in body and "Deze leeftijdsgroep kennen we niet" in body


def test_network_b_never_sees_network_a(offering, coordinator_b, login, client, partner_b):
    login(coordinator_b)
    body = client.get(reverse("insights:coverage")).content.decode()
    assert "Gezondheid" not in body
    response = client.get(reverse("insights:coverage-services"), {"domain": "gezondheid", "band": "0-2"})
    assert response.status_code == 400 and "Consultatie" not in response.content.decode()
    response = client.get(
        reverse("insights:coverage-services"), {"domain": "x", "band": "0-2", "area": "noord"}
    )
    assert "Consultatie" not in response.content.decode()
    rows = client.get(reverse("insights:coverage-csv")).content.decode().splitlines()
    assert rows == ["life_domain,age_band,area,services"]


def test_network_b_with_the_same_codes_counts_only_its_own(offering, coordinator_b, login, client, partner_b):
    b = build(partner_b, prefix="B ")
    Service.objects.filter(pk=b.services["Kleuterconsult"].pk).update(status=Service.Status.INACTIVE)
    login(coordinator_b)
    body = client.get(
        reverse("insights:coverage-services"), {"domain": "gezondheid", "band": "0-2"}
    ).content.decode()
    assert "B Consultatie 0 tot 3" in body
    assert ">Consultatie 0 tot 3<" not in body
    rows = list(csv.reader(io.StringIO(client.get(reverse("insights:coverage-csv")).content.decode())))
    assert ["gezondheid", "3-5", "*", "0"] in rows  # A's Kleuterconsult does not count for B
