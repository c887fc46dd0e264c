"""Volunteers in Chromium: the public page passes axe-core and fits 320 px (empty, with errors, thanked), and the
whole way from a volunteer's sign-up on /<network>/volunteer/ to the coordinator proposing them for a role from the
role's suggestions and finding them, with the placement, in the pool."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from hvhk.accounts.models import RoleAssignment
from hvhk.volunteers.models import Placement, Volunteer
from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.factories import RoleFactory as AssignmentFactory
from tests.browser.conftest import axe_violations
from tests.browser.staff_pages import TIMEOUT, click_to, sign_in, visit
from tests.browser.test_wegwijzer_a11y import OVERFLOWING_JS
from tests.conftest import TOTP_SECRET, with_two_factor
from tests.core.factories import NetworkFactory
from tests.volunteers.factories import RoleFactory

pytestmark = pytest.mark.browser

COORDINATOR = "coordinator@vrijwilligers.example"
PUBLIC = "/leuven/volunteer/"
ROLE_TITLE = "Voorlezen in de bibliotheek"
NAME = "Sam Peeters"
THANKS = re.compile(r"/leuven/volunteer/thanks/(#aanmelden)?$")


@pytest.fixture
def world(transactional_db):
    cache.clear()  # rate limits and used authenticator codes live in the cache
    network = NetworkFactory(slug="leuven", name="Huis van het Kind Leuven")
    role = RoleFactory(
        network=network,
        title=ROLE_TITLE,
        description="Je leest voor aan kinderen van 4 tot 8, elke woensdagnamiddag.",
        place="Bibliotheek Kessel-Lo",
        schedule="Elke woensdagnamiddag",
        interests=["reading"],
        availability=["wed-pm"],
    )
    RoleFactory(network=network, title="Onthaal op zaterdag", interests=["welcome"], availability=["sat-am"])
    user = UserFactory(email=COORDINATOR, is_staff=True)
    AssignmentFactory(user=user, network=network, role=RoleAssignment.Role.COORDINATOR)
    with_two_factor(user)
    return {"network": network, "role": role}


def _new_page(new_context, *, language: str = "nl", width: int = 1280):
    return new_context(language=language, width=width, timeout=TIMEOUT).new_page()


def _fits_320(page) -> int:
    """The page's width at 320 px (the viewport is put back to 1280 after)."""
    page.set_viewport_size({"width": 320, "height": 800})
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            print("sticks out at 320 px:", page.evaluate(OVERFLOWING_JS, 320))  # noqa: T201
        return width
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})


def _check(page, axe, name: str) -> None:
    """No axe-core violation, one h1, nothing wider than 320 px."""
    assert axe_violations(axe, page) == [], name
    assert page.locator("h1").count() == 1, name
    assert _fits_320(page) <= 320, name


@pytest.mark.parametrize("language", ["nl", "en", "ar"])
def test_the_public_page_passes_axe(world, new_context, live_server, axe, language):
    page = _new_page(new_context, language=language)
    visit(page, live_server, PUBLIC)
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert axe_violations(axe, page) == [], f"volunteer page ({language})"
    # the refused form: the error summary and the fields in error
    click_to(page, page.locator("main form [type=submit]"), re.compile(r"/leuven/volunteer/(#aanmelden)?$"))
    assert page.locator(".error-summary").count() == 1
    assert axe_violations(axe, page) == [], f"volunteer page with errors ({language})"


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_public_page_fits_320_px(world, new_context, live_server, language):
    page = _new_page(new_context, language=language)
    visit(page, live_server, PUBLIC)
    width = _fits_320(page)
    assert width <= 320, f"the volunteer page scrolls sideways at 320 px ({language}): {width} px wide"


def test_the_public_page_fits_320_px_when_opened_at_320_px(world, new_context, live_server):
    page = _new_page(new_context, width=320)
    visit(page, live_server, PUBLIC)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.evaluate(OVERFLOWING_JS, 320)


def test_a_volunteer_signs_up_and_the_coordinator_proposes_them(world, new_context, live_server, axe):
    # 1. the volunteer, without an account
    volunteer = _new_page(new_context)
    visit(volunteer, live_server, PUBLIC)
    roles = volunteer.locator(".volunteer-role h3").all_inner_texts()
    assert roles == ["Onthaal op zaterdag", ROLE_TITLE]
    volunteer.locator("#id_name").fill(NAME)
    volunteer.locator("#id_email").fill("sam@example.org")
    volunteer.get_by_label("voorlezen", exact=True).check()
    volunteer.locator("input[name=availability][value=wed-pm]").check()
    volunteer.get_by_label("Jullie mogen mijn gegevens bewaren").check()
    click_to(
        volunteer, volunteer.get_by_role("button", name="Meld me aan"), THANKS
    )  # the form's #aanmelden stays through the redirect
    assert volunteer.locator("h1").inner_text() == f"Bedankt, {NAME}!"
    _check(volunteer, axe, "thanks page")
    # the mail's private link opens their own page
    [confirmation] = [m for m in mail.outbox if m.to == ["sam@example.org"]]
    link = re.search(r"https?://\S+(/leuven/volunteer/me/[A-Za-z0-9]+/)", confirmation.body)
    assert link, confirmation.body
    visit(volunteer, live_server, link.group(1))
    assert NAME in volunteer.locator("main").inner_text()
    _check(volunteer, axe, "private page")
    person = Volunteer.objects.get()
    assert person.name == NAME and person.interests == ["reading"] and person.availability == ["wed-pm"]

    # 2. the coordinator signs in with two factors and opens the role
    coordinator = _new_page(new_context)
    sign_in(coordinator, live_server, COORDINATOR, TOTP_SECRET, password=PASSWORD)
    visit(coordinator, live_server, "/portal/volunteers/")
    click_to(
        coordinator,
        coordinator.get_by_role("link", name=ROLE_TITLE),
        f"**/portal/volunteers/roles/{world['role'].pk}/",
    )
    _check(coordinator, axe, "role page")
    suggestions = coordinator.locator("section[aria-labelledby=suggestions-title]")
    assert NAME in suggestions.inner_text()
    assert "doet dit graag" in suggestions.inner_text() and "kan op die momenten" in suggestions.inner_text()

    # 3. proposes them: the volunteer's page says so
    suggestion = suggestions.locator("li", has_text=NAME)
    click_to(
        coordinator,
        suggestion.get_by_role("button", name="Stel voor"),
        f"**/portal/volunteers/people/{person.pk}/",
    )
    assert "De vrijwilliger is voorgesteld voor de rol." in coordinator.locator("main").inner_text()
    placement = Placement.objects.get()
    assert placement.volunteer == person and placement.role == world["role"]
    assert placement.status == Placement.Status.PROPOSED

    # 4. the pool lists them; their page shows the placement
    visit(coordinator, live_server, "/portal/volunteers/pool/")
    _check(coordinator, axe, "pool")
    row = coordinator.locator("main table tbody tr", has_text=NAME)
    assert row.count() == 1 and "Kandidaat" in row.inner_text()
    click_to(coordinator, row.get_by_role("link", name=NAME), f"**/portal/volunteers/people/{person.pk}/")
    _check(coordinator, axe, "volunteer page")
    placements = coordinator.locator("section[aria-labelledby=placements-title]").inner_text()
    assert f"{ROLE_TITLE} – voorgesteld" in placements
    # and the role's page now lists them among its volunteers, no longer as a suggestion
    visit(coordinator, live_server, f"/portal/volunteers/roles/{world['role'].pk}/")
    assert NAME in coordinator.locator("section[aria-labelledby=people-title]").inner_text()
    assert coordinator.locator("section[aria-labelledby=suggestions-title]", has_text=NAME).count() == 0


def test_the_portal_forms_pass_axe_and_fit_320_px(world, new_context, live_server, axe):
    page = _new_page(new_context)
    sign_in(page, live_server, COORDINATOR, TOTP_SECRET, password=PASSWORD)
    for path in (
        "/portal/volunteers/roles/new/",
        "/portal/volunteers/help/new/",
        "/portal/volunteers/thanks/new/",
        "/portal/volunteers/access-log/",
    ):
        visit(page, live_server, path)
        _check(page, axe, path)


def test_the_portal_overview_passes_axe(world, new_context, live_server, axe):
    page = _new_page(new_context)
    sign_in(page, live_server, COORDINATOR, TOTP_SECRET, password=PASSWORD)
    visit(page, live_server, "/portal/volunteers/")
    assert page.locator("main").get_by_role("link", name=ROLE_TITLE).count() == 1
    assert _fits_320(page) <= 320
    assert axe_violations(axe, page) == [], "portal overview"
