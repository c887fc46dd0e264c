"""Keyboard only: from the network home to a service page with Tab, typing and Enter, with a focus indicator on
every element that gets focus on the way."""

import pytest

from hvhk.demo.services import demo_load
from tests.browser.wegwijzer_pages import HOME, SERVICE_URL, focus_indicator, tab_until

MAX_TABS = 80
FIRST_RESULT_LINK = ".results__list > li:first-child .service-card__title a"


@pytest.fixture
def demo(transactional_db):
    demo_load()


def _tab_until(page, selector: str, seen: list[dict], key: str = "Tab") -> None:
    tab_until(page, selector, seen, max_tabs=MAX_TABS, key=key)


@pytest.mark.parametrize("width", [360, 1280])
def test_keyboard_only_search_and_open_the_first_result(demo, open_page, width):
    page = open_page(HOME, width=width)
    seen: list[dict] = []

    # To the search box, past the skip link, the language switch and the menu.
    _tab_until(page, "#search-q", seen)
    search_box = seen[-1]
    page.keyboard.type("borstvoeding")
    # One Tab too far (the Zoek button) and back with Shift+Tab: the typed text is still there.
    page.keyboard.press("Tab")
    seen.append(focus_indicator(page))
    _tab_until(page, "#search-q", seen, key="Shift+Tab")
    assert page.input_value("#search-q") == "borstvoeding"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/leuven/services/?q=borstvoeding" in page.url
    assert page.locator(".results__list > li").count() > 0, "no results for borstvoeding"

    # To the first result's link, through the filters, and open it.
    _tab_until(page, FIRST_RESULT_LINK, seen)
    result_link = seen[-1]
    expected_name = page.locator(FIRST_RESULT_LINK).inner_text()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert SERVICE_URL.search(page.url.split("?")[0]), page.url
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() == expected_name

    # A visible focus indicator: on the search box and the result link, and on everything else on the way.
    assert search_box["label"].startswith("input#search-q") and search_box["visible"], search_box
    assert result_link["label"].startswith("a[href=/leuven/services/") and result_link["visible"], result_link
    assert all(s["focusVisible"] for s in seen), [s["label"] for s in seen if not s["focusVisible"]]
    invisible = [s for s in seen if not s["visible"]]
    assert invisible == [], f"focused without a visible focus indicator at {width} px: {invisible}"
