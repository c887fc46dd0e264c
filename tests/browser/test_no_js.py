"""The public pages without JavaScript: no control that only a script can make work is visible (and the script
does show them), the form fields have one size whatever their type, and the results page without a query
passes axe."""

import pytest

from hvhk.demo.services import demo_load
from tests.browser.conftest import axe_violations
from tests.browser.wegwijzer_pages import ALL_RESULTS, LIST, NETWORK, service_path

# The controls that site.js wires up (print, share, locate, map); each carries `hidden` until the script runs.
SCRIPTED = "[data-print], [data-share], [data-locate], [data-map-toggle]"
ASK = NETWORK + "ask/"


@pytest.fixture
def demo(transactional_db):
    demo_load()


@pytest.fixture
def page_without_js(browser, live_server):
    context = browser.new_context(
        java_script_enabled=False, locale="nl", extra_http_headers={"Accept-Language": "nl"}
    )
    page = context.new_page()
    yield page
    context.close()


def _visible_buttons(page) -> list[str]:
    """Every visible <button> that does not submit a form: without JavaScript such a button does nothing."""
    return [
        button.inner_text().strip()
        for button in page.locator("button").all()
        if button.is_visible() and (button.get_attribute("type") or "submit") != "submit"
    ]


def _save_first_result(page, live_server) -> None:
    page.goto(live_server.url + ALL_RESULTS)
    with page.expect_navigation():
        page.locator("form.save-form button[type=submit]").first.click()


def test_without_javascript_no_dead_button_is_visible(demo, page_without_js, live_server):
    page = page_without_js
    for path in (ALL_RESULTS, service_path()):
        page.goto(live_server.url + path)
        assert page.locator(SCRIPTED).count() > 0, f"{path} has none of the scripted controls to check"
        assert _visible_buttons(page) == [], path
    _save_first_result(page, live_server)  # a plain form post: saving works without JavaScript
    page.goto(live_server.url + LIST)
    assert page.locator(".saved-item").count() == 1
    assert _visible_buttons(page) == [], LIST


def test_the_script_shows_the_buttons_it_makes_work(demo, open_page, live_server):
    results = open_page(ALL_RESULTS)
    results.locator("[data-map-toggle]").wait_for(state="visible")
    service = open_page(service_path())
    service.locator("[data-print]").wait_for(state="visible")
    service.locator("[data-share]").wait_for(state="visible")


@pytest.mark.parametrize("width", [360, 1280])
def test_the_results_page_without_a_query_passes_axe(demo, open_page, axe, width):
    page = open_page(ALL_RESULTS, width=width)
    assert page.locator(".results__list > li").count() > 0, "the results page without a query shows nothing"
    assert axe_violations(axe, page) == []


@pytest.mark.parametrize("width", [360, 1280])
def test_the_phone_field_is_as_big_as_the_text_fields(demo, open_page, width):
    page = open_page(ASK, width=width)
    phone = page.locator("input[type=tel]").bounding_box()
    for other in ("input[name=name]", "input[type=email]"):
        box = page.locator(other).bounding_box()
        assert (round(phone["width"]), round(phone["height"])) == (
            round(box["width"]),
            round(box["height"]),
        ), other
