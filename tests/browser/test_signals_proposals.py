"""The coordinator answers last month's proposals from the figures in Chromium: the page passes axe-core, has one
h1 and fits 320 px; a dismissal without a reason gets an error summary; one proposal is taken up with a better
title, the other set aside with a reason."""

import pytest
from django.core.cache import cache

from hvhk.accounts.models import RoleAssignment
from hvhk.directory.models import Service
from hvhk.signals.models import Signal
from hvhk.signals.services.proposals import signals_propose
from tests.accounts.factories import PASSWORD, RoleFactory, UserFactory
from tests.browser.staff_pages import TIMEOUT, check_page, click_to, sign_in, visit
from tests.conftest import TOTP_SECRET, with_two_factor
from tests.core.factories import NetworkFactory
from tests.directory.factories import OrganizationFactory
from tests.signals.factories_proposals import last_month, overdue_services, searches

pytestmark = pytest.mark.browser
LIST = "/portal/signals/proposals/"


@pytest.fixture
def coordinator(transactional_db):
    cache.clear()
    network = NetworkFactory(slug="leuven", name="Huis van het Kind Leuven")
    partner = OrganizationFactory(network=network, name="Kind en Preventie")
    user = with_two_factor(UserFactory(email="coo@example.org", full_name="Cora Coördinator"))
    RoleFactory(user=user, network=network, role=RoleAssignment.Role.COORDINATOR)
    Service.objects.update(assured_date=last_month())
    searches(network, last_month(), "nachtopvang", count=8, max_results=1)
    overdue_services(partner, 6, checked=None)
    signals_propose(network=network, month=last_month())
    return user


def test_the_coordinator_takes_one_proposal_up_and_sets_the_other_aside(
    coordinator, new_context, live_server, axe
):
    page = new_context(timeout=TIMEOUT).new_page()
    sign_in(page, live_server, coordinator.email, TOTP_SECRET, password=PASSWORD)
    visit(page, live_server, LIST)
    check_page(page, axe, "proposals page")
    search = page.locator("section", has_text="nachtopvang")
    overdue = page.locator("section", has_text="nagekeken")

    click_to(page, overdue.get_by_role("button", name="Niet weerhouden"), f"**{LIST}*/dismiss/")
    assert "Schrijf kort waarom" in page.locator(".error-summary").inner_text()
    check_page(page, axe, "proposals page with an error")

    page.locator("section", has_text="nagekeken").get_by_label("Waarom neem je dit voorstel niet op?").fill(
        "De partners kregen al een herinnering."
    )
    click_to(
        page,
        page.locator("section", has_text="nagekeken").get_by_role("button", name="Niet weerhouden"),
        f"**{LIST}",
    )
    search = page.locator("section", has_text="nachtopvang")
    search.get_by_label("Titel van het signaal").fill("Geen opvang 's nachts voor ouders met nachtwerk")
    click_to(page, search.get_by_role("button", name="Opnemen als signaal"), f"**{LIST}")

    assert "Er wachten geen voorstellen" in page.locator("main").inner_text()
    statuses = dict(Signal.objects.values_list("figures__kind", "status"))
    assert statuses == {"zero-search": Signal.Status.NEW, "overdue": Signal.Status.DISMISSED}
    assert (
        Signal.objects.get(status=Signal.Status.NEW).title
        == "Geen opvang 's nachts voor ouders met nachtwerk"
    )
