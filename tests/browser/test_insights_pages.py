"""Every insights page on Leuven's demo in Chromium, as the coordinator: each passes axe-core, has one h1, fits
320 px, and shows its charts as inline SVG; the reach and the coverage also in Arabic (right to left)."""

import pytest
from django.core.cache import cache

from hvhk.demo.services import DEMO_TOTP_SECRET
from tests.browser.staff_pages import TIMEOUT, check_page, sign_in, visit

pytestmark = pytest.mark.browser
PAGES = {
    "/portal/insights/": 1,
    "/portal/insights/coverage/": 1,
    "/portal/insights/coverage/houses/": 0,
    "/portal/insights/overlap/": 0,
    "/portal/insights/thresholds/": 2,
    "/portal/insights/reach/": 6,  # families' questions
    "/portal/insights/reach/?section=referrals": 2,
    "/portal/insights/reach/?section=activities": 6,
    "/portal/insights/reach/?section=wegwijzer": 3,
    "/portal/insights/report/": 0,
}


@pytest.fixture
def demo(transactional_db):
    from hvhk.demo.services import demo_load

    demo_load()
    cache.clear()


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_coordinator_reads_every_insights_page(demo, browser, live_server, axe, language):
    context = browser.new_context(
        viewport={"width": 360, "height": 800},
        locale=language,
        extra_http_headers={"Accept-Language": language},
    )
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    try:
        sign_in(page, live_server, "coordinator@leuven.demo", DEMO_TOTP_SECRET)
        paths = (
            PAGES
            if language == "nl"
            else {p: n for p, n in PAGES.items() if "reach" in p or "coverage/" in p}
        )
        for path, charts in paths.items():
            visit(page, live_server, path)
            assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
            assert page.locator("main svg[role=img]").count() >= charts, f"{path}: fewer than {charts} charts"
            check_page(page, axe, f"{path} ({language})")
    finally:
        context.close()
