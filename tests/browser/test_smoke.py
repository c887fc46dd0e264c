"""Chromium smoke test of the demo's network home, in Dutch and in Arabic, with axe-core."""

import pytest

from hvhk.demo.services import demo_load
from tests.browser.conftest import axe_violations, screenshot


@pytest.fixture
def demo(transactional_db):
    demo_load()


@pytest.mark.parametrize(("language", "direction"), [("nl", "ltr"), ("ar", "rtl")])
@pytest.mark.parametrize("width", [320, 1280])
def test_network_home_is_accessible(demo, open_page, axe, language, direction, width):
    page = open_page("/leuven/", language=language, width=width)
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator("html").get_attribute("lang") == language
    assert "Huis van het Kind Leuven" in page.title()
    assert page.get_by_role("link", name="Meld het ons").count() == 1 or language != "nl"
    assert axe_violations(axe, page) == []
    # Nothing is wider than the screen (no sideways scrolling at 320 px).
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.foreign_requests == []
    screenshot(page, f"home-{language}-{width}")


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_the_content(demo, open_page):
    page = open_page("/leuven/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_works_without_javascript_and_is_remembered(demo, browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/leuven/")
    page.get_by_role("button", name="العربية").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.goto(live_server.url + "/leuven/")
    assert page.locator("html").get_attribute("lang") == "ar"
    context.close()
