"""The analyst reads the coverage in Chromium at 360 px: the page passes axe-core, has one h1 and fits 320 px;
a cell of the matrix opens the services behind it."""

import pytest
from django.core.cache import cache

from hvhk.accounts.models import RoleAssignment
from tests.accounts.factories import PASSWORD, RoleFactory, UserFactory
from tests.browser.staff_pages import TIMEOUT, check_page, click_to, sign_in, visit
from tests.conftest import TOTP_SECRET, with_two_factor
from tests.core.factories import NetworkFactory
from tests.directory.factories import MembershipFactory, OrganizationFactory
from tests.insights.coverage_data import build

pytestmark = pytest.mark.browser
COVERAGE = "/portal/insights/coverage/"


@pytest.fixture
def analyst(transactional_db):
    cache.clear()
    network = NetworkFactory(slug="leuven", name="Huis van het Kind Leuven")
    partner = MembershipFactory(organization=OrganizationFactory(network=network, name="Kind en Preventie"))
    build(partner.organization)
    user = with_two_factor(UserFactory(email="analist@example.org", full_name="Ann Analist"))
    RoleFactory(user=user, network=network, role=RoleAssignment.Role.ANALYST)
    return user


def test_the_analyst_reads_the_coverage_and_opens_a_cell(analyst, new_context, live_server, axe):
    page = new_context(width=360, height=800, timeout=TIMEOUT).new_page()
    sign_in(page, live_server, analyst.email, TOTP_SECRET, password=PASSWORD)
    visit(page, live_server, COVERAGE)
    check_page(page, axe, "coverage page")
    assert page.locator("svg[role=img]").count() == 1
    page.get_by_label("Gebied", exact=True).select_option("noord")
    click_to(page, page.get_by_role("button", name="Toon", exact=True), f"**{COVERAGE}?area=noord*")
    assert "Actief aanbod in Noord" in page.locator("main").inner_text()
    check_page(page, axe, "coverage of an area")
    cell = (
        page.locator("table.coverage-matrix tr", has_text="Gezondheid")
        .locator("td")
        .nth(1)
        .get_by_role("link")
    )
    click_to(page, cell, "**/portal/insights/coverage/services/?domain=gezondheid&band=0-2&area=noord")
    main = page.locator("main").inner_text()
    assert "Consultatie 0 tot 3" in main and "Zwangerschapsconsult" in main and "Kleuterconsult" not in main
    check_page(page, axe, "services of a cell")
