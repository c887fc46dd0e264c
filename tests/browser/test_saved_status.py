"""Saving a service says so beside its button, in a live region: in place with htmx, and after the redirect
back without JavaScript."""

import pytest

from hvhk.demo.services import demo_load
from tests.browser.wegwijzer_pages import ALL_RESULTS, LIST, SAVE_BUTTONS


@pytest.fixture
def demo(transactional_db):
    demo_load()


def _first_card(page):
    return page.locator(".results__list > li").first


def test_with_htmx_the_saved_message_appears_beside_the_button(demo, open_page):
    page = open_page(ALL_RESULTS)
    card = _first_card(page)
    name = card.locator(".service-card__title").inner_text()
    status = card.locator(".save-status[role=status]")
    assert status.inner_text() == ""

    card.locator(SAVE_BUTTONS).click()

    status.filter(has_text="Bewaard in je lijst").wait_for()
    assert status.inner_text() == f"Bewaard in je lijst: {name}"
    assert page.url.endswith(ALL_RESULTS)  # no page load
    page.goto(page.url.replace(ALL_RESULTS, LIST))
    assert "Bewaard in je lijst" not in page.locator("main").inner_text()  # not again on the next page


def test_without_javascript_the_redirect_back_shows_it_beside_the_button(demo, browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="nl")
    try:
        page = context.new_page()
        page.goto(live_server.url + ALL_RESULTS)
        card = _first_card(page)
        name = card.locator(".service-card__title").inner_text()
        with page.expect_navigation():
            card.locator(SAVE_BUTTONS).click()
        card = _first_card(page)
        assert card.locator(".save-status").inner_text() == f"Bewaard in je lijst: {name}"
        assert page.locator(".messages").count() == 0
        assert page.evaluate("location.hash").startswith("#save-")
        assert card.locator(".save-status").is_visible()
    finally:
        context.close()
