"""The ground insights stand on: age bands, the suppression of small counts, charts as inline SVG that the
Content-Security-Policy lets through, and who gets the insights pages at all."""

import re

import pytest
from django.urls import reverse

from hvhk.directory.models import Attribute
from hvhk.insights.bands import AGE_BANDS, service_bands
from hvhk.insights.charts import bar_chart, line_chart
from hvhk.insights.suppression import HIDDEN, suppress_series, suppress_table
from tests.directory.factories import ServiceFactory, TaxonomyFactory, TaxonomyTermFactory
from tests.insights.conftest import NETWORK_WIDE, NO_INSIGHTS, PARTNER_STAFF

# --- age bands -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minimum", "maximum", "bands"),
    [
        (None, None, list(AGE_BANDS)),
        (0, 36, ["0-2"]),  # "0 tot 3 jaar": the 36th month is the first it no longer takes
        (0, 37, ["0-2", "3-5"]),
        (-9, 0, ["zwangerschap"]),  # during the pregnancy only
        (-3, 12, ["zwangerschap", "0-2"]),
        (None, 36, ["0-2"]),  # no minimum: from birth, not before
        (216, None, ["18-24"]),
        (288, 300, ["18-24"]),  # a 24-year-old still counts as 18-24
        (300, None, []),
        (72, 144, ["6-11"]),
        (71, 73, ["3-5", "6-11"]),
    ],
)
def test_a_service_counts_in_every_band_its_ages_overlap(minimum, maximum, bands):
    assert service_bands(minimum, maximum) == bands


# --- suppression -----------------------------------------------------------------------------------------------


def test_a_table_without_small_counts_is_shown_whole():
    table = suppress_table([[10, 12], [7, 8]])
    assert table.cells == [[10, 12], [7, 8]]
    assert (table.row_totals, table.column_totals, table.total) == ([22, 15], [17, 20], 37)


def test_a_small_count_is_hidden_and_no_total_gives_it_away():
    table = suppress_table([[10, 3, 20], [7, 8, 9]])
    assert table.cells[0][1] == HIDDEN
    # Every row and column that hides a value hides at least two, so no total minus the rest reveals one.
    grid = [[*row, total] for row, total in zip(table.cells, table.row_totals, strict=True)]
    grid.append([*table.column_totals, table.total])
    for line in [*grid, *zip(*grid, strict=True)]:
        assert sum(value == HIDDEN for value in line) != 1
    shown = [v for row in table.cells for v in row if v != HIDDEN]
    assert 20 in shown and 9 in shown  # only as much is hidden as needed


def test_none_is_a_small_count_too_and_a_small_total_is_hidden():
    table = suppress_table([[0, 2], [1, 1]])
    assert table.cells == [[HIDDEN, HIDDEN], [HIDDEN, HIDDEN]]
    assert table.total == HIDDEN


def test_a_series_with_one_small_month_hides_a_second_one():
    values, total = suppress_series([40, 3, 12, 9])
    assert values == [40, HIDDEN, 12, HIDDEN]
    assert total == 64


# --- charts ----------------------------------------------------------------------------------------------------


def test_a_chart_is_inline_svg_without_inline_styles_and_with_its_table():
    chart = bar_chart(
        title="Aanbod per levensdomein",
        summary="Twee domeinen.",
        labels=["Gezondheid", "Opvoeding"],
        series={"aanbod": [1234, None]},
        label_header="Levensdomein",
    )
    svg = str(chart.svg)
    assert svg.startswith("<svg") and 'role="img"' in svg and 'aria-label="Aanbod per levensdomein"' in svg
    assert "style=" not in svg and "<style" not in svg  # the CSP (style-src 'self') would drop them
    assert "viewBox" in svg and not re.search(r'<svg[^>]* width="', svg)
    assert "fill=" in svg
    assert chart.rows == [["Gezondheid", "1.234"], ["Opvoeding", "< 5"]]


def test_two_charts_on_one_page_do_not_share_ids():
    one = line_chart(title="A", summary="", labels=["jan", "feb"], series={"x": [1, 2]})
    two = line_chart(title="B", summary="", labels=["jan", "feb"], series={"x": [1, 2]})
    ids = lambda svg: set(re.findall(r' id="([^"]+)"', str(svg)))  # noqa: E731
    assert ids(one.svg) and not ids(one.svg) & ids(two.svg)
    for ref in re.findall(r"url\(#([^)]+)\)", str(one.svg)):
        assert ref in ids(one.svg)


# --- access ----------------------------------------------------------------------------------------------------


def _domain_service(network, organization):
    taxonomy = TaxonomyFactory(network=network, code="levensdomein", name="Levensdomein")
    term = TaxonomyTermFactory(taxonomy=taxonomy, code="gezondheid", name="Gezondheid")
    service = ServiceFactory(organization=organization, name="Consultatie")
    Attribute.objects.create(
        network=network, taxonomy_term=term, service=service, link_type=Attribute.LinkType.LIFE_DOMAIN
    )
    return service


@pytest.mark.parametrize("persona", NETWORK_WIDE + PARTNER_STAFF)
def test_who_has_insights_gets_the_start_page_with_a_chart(persona, request, login, client, partner_a):
    _domain_service(partner_a.network, partner_a)
    login(request.getfixturevalue(persona))
    response = client.get(reverse("insights:index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body and "Gezondheid" in body


@pytest.mark.parametrize("persona", NO_INSIGHTS)
def test_who_has_no_insights_gets_a_404(persona, request, login, client, partner_a):
    _domain_service(partner_a.network, partner_a)
    login(request.getfixturevalue(persona))
    response = client.get(reverse("insights:index"))
    if persona == "coordinator_b":  # network B's coordinator sees network B's insights, never A's
        assert response.status_code == 200 and "Gezondheid" not in response.content.decode()
    else:
        assert response.status_code == 404


def test_without_signing_in_the_insights_ask_for_a_login(client, db):
    response = client.get(reverse("insights:index"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
