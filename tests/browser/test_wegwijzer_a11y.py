"""The public wegwijzer in Chromium: axe-core on every page type at 360 px, no sideways scrolling at 320 px,
and screenshots at 320 and 1280 px, in Dutch and in Arabic (right to left)."""

import pytest

from hvhk.demo.services import demo_load
from tests.browser.conftest import axe_violations, screenshot
from tests.browser.wegwijzer_pages import (
    HOME,
    HOUSE,
    LIST,
    REPORT,
    RESULTS,
    SAVED_BUTTONS,
    ZERO_RESULTS,
    save_services,
    service_path,
)

LANGUAGES = [("nl", "ltr"), ("ar", "rtl")]

# The outermost elements that stick out of the viewport (their parent does not), to name the culprit.
OVERFLOWING_JS = """(width) => {
  const sticksOut = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5); };
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!sticksOut(el) || sticksOut(el.parentElement)) continue;
    const r = el.getBoundingClientRect();
    const cls = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/ +/).join(".") : "";
    out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + cls
      + " [" + Math.round(r.left) + ".." + Math.round(r.right) + "]");
  }
  return out.slice(0, 5);
}"""


@pytest.fixture
def demo(transactional_db):
    demo_load()


def _visit_every_page(page, live_server, direction: str, check) -> None:
    """Go through every public page type (and the list and report states) and call check(name, page) on each."""

    def visit(name: str, path: str) -> None:
        response = page.goto(live_server.url + path)
        assert response is not None and response.ok, f"{name}: {path} answered {response and response.status}"
        assert page.locator("html").get_attribute("dir") == direction, name
        check(name, page)

    visit("home", HOME)
    visit("results", RESULTS)
    assert page.locator(".results__list > li").count() > 0, "the filtered results page shows no results"
    visit("results-zero", ZERO_RESULTS)
    assert page.locator("#zero-title").count() == 1, "the zero-result search shows no zero-result help"
    visit("service", service_path())
    visit("house", HOUSE)
    visit("list-empty", LIST)
    save_services(page, live_server, 2)
    visit("list-two", LIST)
    assert page.locator(".saved-item").count() == 2, "the list does not show the two saved services"
    assert page.locator(SAVED_BUTTONS).count() == 2
    visit("report", REPORT)
    page.locator("form.form button[type=submit]").click()
    page.locator(".error-summary").wait_for()
    assert page.locator(".field--error").count() > 0, "the empty report form shows no field error"
    check("report-errors", page)


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_public_pages_have_no_axe_violations_at_360_px(
    demo, open_page, live_server, axe, language, direction
):
    page = open_page(HOME, language=language, width=360)
    found: dict[str, list[str]] = {}

    def check(name: str, page) -> None:
        violations = axe_violations(axe, page)
        if violations:
            found[f"{name} ({page.url.removeprefix(live_server.url)})"] = violations

    _visit_every_page(page, live_server, direction, check)
    assert found == {}, f"axe-core violations in {language} at 360 px: {found}"


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
def test_no_page_scrolls_sideways_at_320_px(demo, open_page, live_server, language, direction):
    page = open_page(HOME, language=language, width=320)
    too_wide: dict[str, str] = {}

    def check(name: str, page) -> None:
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            culprits = page.evaluate(OVERFLOWING_JS, 320)
            too_wide[f"{name} ({page.url.removeprefix(live_server.url)})"] = f"{width} px: {culprits}"

    _visit_every_page(page, live_server, direction, check)
    assert too_wide == {}, f"pages wider than 320 px in {language} (scrollWidth): {too_wide}"


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_screenshots_at_320_and_1280_px(demo, open_page, live_server, language):
    """Screenshots for a human to look at (tests/browser/screenshots/, git-ignored)."""
    pages = {"home": HOME, "results": RESULTS, "service": service_path(), "house": HOUSE}
    for width in (320, 1280):
        page = open_page(HOME, language=language, width=width)
        for name, path in pages.items():
            page.goto(live_server.url + path)
            assert page.locator("h1").count() == 1, f"{name} has no single h1"
            assert screenshot(page, f"wegwijzer-{name}-{language}-{width}").exists()
