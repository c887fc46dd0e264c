"""The signals register in Chromium on the demo network: every page of the coordinator (the list, a signal with its
triage forms, the new-signal form, the themes, a theme) and the analyst's counts with the bar chart pass axe-core,
have one h1 and do not scroll sideways at 320 px; a signal reported through the form shows in the list."""

import pytest
from django.core.cache import cache

from hvhk.accounts.models import RoleAssignment
from hvhk.core.models import Network
from hvhk.demo.services import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_load
from hvhk.signals.models import Signal, Theme
from tests.accounts.factories import RoleFactory, UserFactory
from tests.browser.staff_pages import TIMEOUT, check_page, click_to, sign_in, visit

pytestmark = pytest.mark.browser
COORDINATOR = "coordinator@leuven.demo"
ANALYST = "analist@leuven.test"


@pytest.fixture
def demo(transactional_db):
    demo_load()
    cache.clear()
    network = Network.objects.get(slug="leuven")
    analyst = UserFactory(email=ANALYST)
    analyst.set_password(DEMO_PASSWORD)
    analyst.save()
    RoleFactory(user=analyst, network=network, role=RoleAssignment.Role.ANALYST)
    return network


def test_the_register_pages_in_the_browser(demo, new_context, live_server, axe):
    page = new_context(timeout=TIMEOUT).new_page()
    sign_in(page, live_server, COORDINATOR, DEMO_TOTP_SECRET)
    signal = Signal.objects.filter(network=demo, status=Signal.Status.LOOKING).order_by("title").first()
    theme = Theme.objects.filter(network=demo).order_by("title").first()
    for name, path in (
        ("list", "/portal/signals/"),
        ("list filtered", "/portal/signals/?status=open&q=opvang"),
        ("detail", f"/portal/signals/{signal.pk}/"),
        ("new", "/portal/signals/new/"),
        ("themes", "/portal/signals/themes/"),
        ("theme", f"/portal/signals/themes/{theme.pk}/"),
        ("theme new", "/portal/signals/themes/new/"),
    ):
        visit(page, live_server, path)
        check_page(page, axe, name)
    visit(page, live_server, "/portal/signals/new/")
    page.locator("#id_title").fill("Geen plaats in de avondopvang")
    page.locator("#id_description").fill("Ouders met late diensten vinden geen opvang na 18 uur.")
    page.locator("#id_age_bands_1").check()
    click_to(page, page.locator("form.form button[type=submit]"), "**/portal/signals/*/")
    assert page.locator("h1").inner_text() == "Geen plaats in de avondopvang"
    visit(page, live_server, "/portal/signals/")
    assert page.get_by_role("link", name="Geen plaats in de avondopvang").count() == 1


def test_the_analysts_counts_in_the_browser(demo, new_context, live_server, axe):
    page = new_context(timeout=TIMEOUT).new_page()
    sign_in(page, live_server, ANALYST)
    visit(page, live_server, "/portal/signals/")
    check_page(page, axe, "counts")
    assert page.locator("svg[role=img]").count() == 2
    assert page.locator("h1").inner_text() == "Signalen in cijfers"
