"""The public activity list in Chromium: axe-core finds nothing in Dutch and Arabic, one h1, nothing wider than
320 px; without JavaScript a parent filters on age and "this week" with the plain form and pages on."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from hvhk.activities.models import Activity
from tests.activities.factories_public import ActivityFactory, SessionFactory, at
from tests.browser.conftest import axe_violations, well_inside_this_week
from tests.browser.test_wegwijzer_a11y import OVERFLOWING_JS
from tests.core.factories import AreaFactory, NetworkFactory
from tests.directory.factories import HouseFactory, LocationFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def programme(transactional_db):
    """A programme with a session in five minutes, "this week" (see well_inside_this_week)."""
    with well_inside_this_week():
        yield _programme()


def _programme():
    cache.clear()
    network = NetworkFactory(slug="leuven", name="Huis van het Kind Leuven")
    partner = OrganizationFactory(network=network, name="Kind en Preventie")
    service = ServiceFactory(network=network, organization=partner, name="Babywerking")
    area = AreaFactory(network=network, slug="kessel-lo", name="Kessel-Lo")
    location = LocationFactory(network=network, organization=partner, name="Huis Kessel-Lo", area=area)
    house = HouseFactory(network=network, location=location, slug="kessel-lo", name="Huis Kessel-Lo")
    toddlers = ActivityFactory(
        service=service,
        location=location,
        house=house,
        title="Peuterspel",
        kind=Activity.Kind.PLAY,
        minimum_age_months=12,
        maximum_age_months=48,
        capacity=1,
        translations={"ar": {"title": "لعب الأطفال الصغار"}},
    )
    soon = timezone.now() + dt.timedelta(minutes=5)
    SessionFactory(activity=toddlers, starts_at=soon, ends_at=soon + dt.timedelta(minutes=50))
    for day in range(1, 30):
        start = at(day, 10)
        SessionFactory(activity=toddlers, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    teens = ActivityFactory(
        service=service,
        location=location,
        title="Infoavond pubers",
        kind=Activity.Kind.INFO_EVENING,
        minimum_age_months=144,
        maximum_age_months=216,
        price_cents=300,
    )
    SessionFactory(activity=teens, starts_at=at(1, 19), ends_at=at(1, 21))
    SessionFactory(activity=teens, starts_at=at(2, 19), ends_at=at(2, 21), is_cancelled=True)
    return network


def _check(page, axe, name: str) -> None:
    violations = axe_violations(axe, page)
    assert violations == [], f"{name}: {violations}"
    assert page.locator("h1").count() == 1, f"{name} has no single h1"
    page.set_viewport_size({"width": 320, "height": 800})
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"{name} scrolls sideways at 320 px: {page.evaluate(OVERFLOWING_JS, 320)}"
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_list_passes_axe_and_fits_320_px(programme, open_page, live_server, axe, language):
    page = open_page("/leuven/activities/", language=language)
    assert page.locator("html").get_attribute("lang") == language
    _check(page, axe, f"activity list ({language})")
    filtered = open_page("/leuven/activities/?age=2&kind=play&age_bad=x&when=nonsense", language=language)
    _check(filtered, axe, f"filtered list with a notice ({language})")
    empty = open_page("/leuven/activities/?age=zwanger", language=language)
    _check(empty, axe, f"empty list ({language})")
    assert page.foreign_requests == []


def test_a_parent_filters_and_pages_without_javascript(programme, browser, live_server):
    context = browser.new_context(
        java_script_enabled=False, locale="nl", extra_http_headers={"Accept-Language": "nl"}
    )
    try:
        page = context.new_page()
        page.goto(live_server.url + "/leuven/activities/")
        assert page.locator("h1").inner_text() == "Activiteiten"
        page.locator("summary").filter(has_text="Filters").click()
        page.get_by_label("Leeftijd van je kind").select_option("2")
        page.get_by_label("Wanneer").select_option("week")
        page.get_by_role("button", name="Toon activiteiten").click()
        page.wait_for_url("**/activities/?*")
        assert "age=2" in page.url and "when=week" in page.url
        titles = page.locator(".service-card__title").all_inner_texts()
        assert titles and set(titles) == {"Peuterspel"}
        page.goto(live_server.url + "/leuven/activities/?kind=play")
        assert page.locator(".service-card__title").count() == 20
        page.get_by_role("link", name="Volgende").click()
        page.wait_for_url("**page=2")
        assert "kind=play" in page.url
        assert page.locator(".service-card__title").count() == 10
        assert "Nog 1 plaats" in page.locator("main").inner_text()
    finally:
        context.close()
