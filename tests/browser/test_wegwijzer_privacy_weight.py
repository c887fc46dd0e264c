"""Privacy, page weight and progressive enhancement of the public wegwijzer.

- No public page asks anything of another origin; the map's tile server is contacted only after "Toon op kaart".
- Home and a filtered results page weigh less than 150 KB (150,000 bytes) in all.
- Without JavaScript the filters and "Bewaar in je lijst" still work (plain GET and POST forms).
"""

from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings

from hvhk.demo.services import demo_load
from tests.browser.wegwijzer_pages import (
    HOME,
    HOUSE,
    LIST,
    REPORT,
    RESULTS,
    SAVED_BUTTONS,
    save_services,
    service_path,
)

MAX_PAGE_BYTES = 150_000


@pytest.fixture
def demo(transactional_db):
    demo_load()


def test_public_pages_make_no_request_to_another_origin(demo, open_page, live_server):
    page = open_page(HOME, width=360)
    foreign: dict[str, list[str]] = {"home": list(page.foreign_requests)}
    for name, path in [
        ("results", RESULTS),
        ("service", service_path()),
        ("house", HOUSE),
        ("list-empty", LIST),
        ("report", REPORT),
    ]:
        page.foreign_requests.clear()
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        foreign[name] = list(page.foreign_requests)
    page.foreign_requests.clear()
    save_services(page, live_server, 2)
    page.goto(live_server.url + LIST)
    page.wait_for_load_state("networkidle")
    foreign["list-two"] = list(page.foreign_requests)
    assert {name: urls for name, urls in foreign.items() if urls} == {}


def test_the_tile_server_is_contacted_only_after_toon_op_kaart(demo, open_page, live_server):
    tile_host = urlparse(settings.MAP_TILE_URL).netloc
    page = open_page(RESULTS, width=1280)
    page.wait_for_load_state("networkidle")
    # Leaflet is our own copy, and not even that is loaded before the visitor asks for the map.
    assert page.evaluate("typeof window.L") == "undefined"
    assert page.foreign_requests == [], "foreign requests before the map was opened"

    toggle = page.locator("[data-map-toggle]")
    assert toggle.get_attribute("aria-expanded") == "false"
    with page.expect_request(lambda request: urlparse(request.url).netloc == tile_host, timeout=10_000):
        toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#results-map").is_visible()
    # Tiles need the internet, which the test machine may not have: only where the requests go is checked.
    assert page.foreign_requests, "no request to the tile server after opening the map"
    assert {urlparse(url).netloc for url in page.foreign_requests} == {tile_host}


def _page_weight(browser, live_server, path: str) -> dict:
    """Load `path` in a fresh context (empty cache) and add up what came over the wire.

    Measured two ways: the bodies of all responses (page.on("response"), len(response.body()); the test server does
    not compress, so this is a stricter upper bound than the transferred size of production), and, as a
    cross-check, the Resource Timing API (transferSize of the navigation and all resource entries, which also
    counts the headers). The limit is asserted on the body sum.
    """
    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        page = context.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        bodies = {}
        for response in responses:
            if 300 <= response.status < 400:
                continue
            bodies[response.url.removeprefix(live_server.url)] = len(response.body())
        timing = page.evaluate(
            """() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                 .map(e => ({name: e.name, transfer: e.transferSize, encoded: e.encodedBodySize}))"""
        )
    finally:
        context.close()
    return {
        "path": path,
        "body_bytes": sum(bodies.values()),
        "responses": bodies,
        "timing_transfer_bytes": sum(e["transfer"] for e in timing),
        "timing_encoded_bytes": sum(e["encoded"] for e in timing),
    }


def test_home_and_results_weigh_less_than_150_kb(demo, browser, live_server):
    weights = [_page_weight(browser, live_server, path) for path in (HOME, RESULTS)]
    for w in weights:
        print(  # noqa: T201 (the figures, for pytest -s)
            f"\npage weight {w['path']}: {w['body_bytes']} bytes of response bodies"
            f" (Resource Timing: {w['timing_transfer_bytes']} transferred, {w['timing_encoded_bytes']} encoded)"
        )
        for url, size in sorted(w["responses"].items(), key=lambda item: -item[1]):
            print(f"  {size:>7}  {url}")  # noqa: T201
    summary = {w["path"]: w["body_bytes"] for w in weights}
    for w in weights:
        assert w["responses"], f"no responses recorded for {w['path']}"
        assert w["body_bytes"] < MAX_PAGE_BYTES, (
            f"{w['path']} weighs {w['body_bytes']} bytes (limit {MAX_PAGE_BYTES}): {w['responses']}; all: {summary}"
        )


def test_filters_and_saving_work_without_javascript(demo, browser, live_server):
    context = browser.new_context(
        java_script_enabled=False,
        viewport={"width": 360, "height": 800},
        locale="nl",
        extra_http_headers={"Accept-Language": "nl"},
    )
    try:
        page = context.new_page()
        page.goto(live_server.url + "/leuven/services/?q=opvoeding")
        # The panels are plain <details>: open them, tick "Gratis" and submit the form.
        page.locator(".filters__panel > summary").click()
        page.locator("details.filter-group > summary", has_text="Prijs").click()
        page.get_by_label("Gratis", exact=True).check()
        with page.expect_navigation():
            page.get_by_role("button", name="Toon resultaten").click()
        params = parse_qs(urlparse(page.url).query)
        assert params.get("cost") == ["free"], page.url
        assert params.get("q") == ["opvoeding"], page.url
        assert page.locator("a.chip", has_text="Gratis").count() == 1
        assert page.locator("#f-cost-1").is_checked()
        results_url = page.url

        # "Bewaar in je lijst" is a form POST that redirects back to the same results.
        first = page.locator(".results__list > li").first
        name = first.locator(".service-card__title a").inner_text()
        with page.expect_navigation():
            first.get_by_role("button", name="Bewaar in je lijst").click()
        # Back at the same results, at the button, with the message beside it (not at the top of the page).
        assert page.url.split("#")[0] == results_url and "#save-" in page.url
        first = page.locator(".results__list > li").first
        assert first.locator(".save-status").inner_text() == f"Bewaard in je lijst: {name}"
        assert first.locator(SAVED_BUTTONS).count() == 1

        page.get_by_role("link", name="Mijn lijst").click()
        page.wait_for_url("**/leuven/list/")
        assert page.locator(".saved-item h2").all_inner_texts() == [name]
    finally:
        context.close()
