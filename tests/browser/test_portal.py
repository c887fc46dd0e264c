"""The partner portal in Chromium: the moderation loop from a partner's edit to the public page, axe-core and no
sideways scrolling at 320 px on every portal page, the edit form by keyboard only, and no Content-Security-Policy
violation anywhere on the way.

The people are the demo's: editor@kind-en-preventie.demo (given an authenticator app here, so that the partner
editor too signs in with two factors) and coordinator@leuven.demo (the demo's documented authenticator secret).
"""

import re

import pytest
from django.core.cache import cache

from hvhk.accounts.models import User
from hvhk.demo.services import DEMO_TOTP_SECRET, demo_load
from hvhk.directory.models import Service
from hvhk.feedback.services import error_report_create
from tests.browser.conftest import axe_violations
from tests.browser.staff_pages import EDITOR, ORGANIZATION, PORTAL, TIMEOUT, click_to, sign_in, visit
from tests.browser.test_wegwijzer_a11y import OVERFLOWING_JS
from tests.browser.wegwijzer_pages import tab_until
from tests.conftest import TOTP_SECRET, with_two_factor

pytestmark = pytest.mark.browser

COORDINATOR = "coordinator@leuven.demo"
NEW_NAME = "Consultatiebureau – nieuwe naam uit de browsertest"

SUBMIT = "button[name=action][value=submit]"  # "Verstuur naar de coördinator"
SAVE = "button[name=action][value=save]"  # "Bewaar als klad"
PUBLISH = "button[name=action][value=publish]"
MAX_TABS = 400  # the edit form has many checkboxes (groups, domains, days, languages, pillars)

# Every Content-Security-Policy violation the page sees, reported to Python (an exposed binding survives
# navigation; init scripts and bindings are injected by the browser itself, outside the page's policy).
CSP_LISTENER = """document.addEventListener("securitypolicyviolation", (e) => window.hvhkCspViolation(
  location.pathname + ": " + e.effectiveDirective + " blocked " + (e.blockedURI || "inline")
  + " (" + (e.sourceFile || "?") + ":" + e.lineNumber + ") " + (e.sample || "")));"""


@pytest.fixture
def demo(transactional_db):
    demo_load()
    cache.clear()  # rate limits and used authenticator codes live in the cache
    # The partner editor signs in with two factors too (the demo gives an app only to personal-data roles).
    with_two_factor(User.objects.get(email=EDITOR))


def _service() -> Service:
    """The service the editor changes: their first active one, as the dashboard lists it (by name)."""
    service = (
        Service.objects.filter(network__slug="leuven", organization__slug=ORGANIZATION, status="active")
        .order_by("name")
        .first()
    )
    assert service is not None, f"the demo has no active service of {ORGANIZATION}"
    return service


@pytest.fixture
def new_page(new_context, live_server):
    """new_page(width=1280) -> a page in a fresh context (a person of their own), with console errors and CSP
    violations recorded."""

    def _open(*, width: int = 1280, height: int = 900):
        context = new_context(width=width, height=height, timeout=TIMEOUT)
        return _record_csp_violations(context.new_page(), live_server)

    return _open


def _record_csp_violations(page, live_server):
    page.csp_violations = []
    page.expose_function("hvhkCspViolation", lambda text: page.csp_violations.append(text))
    page.add_init_script(CSP_LISTENER)

    def console(message) -> None:
        text = message.text
        if message.type == "error" and (
            "Content Security Policy" in text or "Content-Security-Policy" in text
        ):
            page.csp_violations.append(f"{page.url.removeprefix(live_server.url)}: console: {text}")

    page.on("console", console)
    return page


def _edit_link(page, service_name: str):
    """The dashboard's "Aanpassen" link of one service. Its accessible name ends in a visually hidden
    ": <name>"; Chromium puts a space before that span (absolutely positioned, so a block), hence the \\s*."""
    return page.get_by_role("link", name=re.compile(rf"^Aanpassen\s*:\s*{re.escape(service_name)}$"))


def _public_name(page, live_server, service: Service) -> str:
    visit(page, live_server, f"/leuven/services/{service.id}/")
    return page.locator("h1").inner_text().strip()


# --- 1. the moderation loop ------------------------------------------------------------------------------------


def _seen_text(cell) -> str:
    """A cell's text as a sighted reader sees it: without the labels only screen readers get."""
    return cell.evaluate(
        "el => { const c = el.cloneNode(true); c.querySelectorAll('.visually-hidden').forEach(n => n.remove());"
        " return c.textContent.trim(); }"
    )


def test_a_partner_change_goes_through_the_coordinator_to_the_public_page(demo, new_page, live_server):
    service = _service()
    old_name = service.name
    editor = new_page()
    coordinator = new_page()
    visitor = new_page()
    assert _public_name(visitor, live_server, service) == old_name

    # The partner editor signs in with password and app code, and opens the service from the dashboard.
    sign_in(editor, live_server, EDITOR, TOTP_SECRET)
    assert editor.locator("#services-title").count() == 1
    click_to(editor, _edit_link(editor, old_name), f"**/portal/services/{service.id}/")
    assert editor.locator("#id_name").input_value() == old_name
    editor.locator("#id_name").fill(NEW_NAME)
    submit = editor.locator(SUBMIT)
    assert submit.inner_text().strip() == "Verstuur naar de coördinator"
    click_to(editor, submit, f"**{PORTAL}")
    assert "Verstuurd" in editor.locator(".messages").inner_text()

    # Nothing is online yet.
    assert _public_name(visitor, live_server, service) == old_name

    # The coordinator signs in with password and app code, and finds the proposal in the review queue.
    sign_in(coordinator, live_server, COORDINATOR, DEMO_TOTP_SECRET)
    visit(coordinator, live_server, "/portal/review/")
    proposal = coordinator.get_by_role("link", name=NEW_NAME, exact=True)
    assert proposal.count() == 1, coordinator.locator("main").inner_text()
    click_to(coordinator, proposal, "**/portal/review/*/")
    rows = coordinator.locator("table.diff tbody tr")
    changes = {
        rows.nth(i).locator("th").inner_text().strip(): (
            _seen_text(rows.nth(i).locator(".diff__before")),
            _seen_text(rows.nth(i).locator(".diff__after")),
        )
        for i in range(rows.count())
    }
    assert (old_name, NEW_NAME) in changes.values(), changes
    assert len(changes) == 1, f"only the name changed, but the diff shows {changes}"
    assert coordinator.locator("table.diff ins").count() >= 1  # the new words are marked
    click_to(coordinator, coordinator.locator(PUBLISH), "**/portal/review/")
    assert "Gepubliceerd" in coordinator.locator(".messages").inner_text()
    assert coordinator.get_by_role("link", name=NEW_NAME, exact=True).count() == 0

    # Online now, for every visitor.
    assert _public_name(visitor, live_server, service) == NEW_NAME
    service.refresh_from_db()
    assert service.name == NEW_NAME


# --- 2. and 4. every portal page: axe-core, 320 px, Content-Security-Policy ------------------------------------


def _walk_the_portal(new_page, live_server, width: int, check) -> list[str]:
    """Sign in as partner and coordinator and go through every portal page, calling check(name, page) on each.

    The partner's part: login, app code, dashboard, the service form (also with an error), the draft, its
    preview, the dashboard after sending it; the coordinator's: dashboard, review queue, the review page,
    reports (with one report in it), a report, people. Returns the CSP violations seen on the way.
    """
    service = _service()
    error_report_create(
        network=service.network,
        page_url=f"/leuven/services/{service.id}/",
        page_title=service.name,
        message="Het telefoonnummer klopt niet meer.",
        service=service,
    )
    editor = new_page(width=width)
    coordinator = new_page(width=width)

    sign_in(editor, live_server, EDITOR, TOTP_SECRET, check)
    check("dashboard (partner)", editor)
    click_to(
        editor,
        _edit_link(editor, service.name),
        f"**/portal/services/{service.id}/",
    )
    check("service form", editor)
    editor.locator("#id_name").fill("")
    click_to(editor, editor.locator(SAVE), f"**/portal/services/{service.id}/")
    assert editor.locator(".error-summary").count() == 1, "an empty name gives no error summary"
    check("service form with an error", editor)
    editor.locator("#id_name").fill(NEW_NAME)
    click_to(editor, editor.locator(SAVE), "**/portal/drafts/*/")
    check("draft form", editor)
    click_to(
        editor,
        editor.get_by_role("link", name="Bekijk hoe het eruit zal zien"),
        "**/portal/drafts/*/preview/",
    )
    assert editor.locator("h1").inner_text().strip() == NEW_NAME
    check("draft preview", editor)
    click_to(editor, editor.get_by_role("link", name="Terug naar het formulier"), "**/portal/drafts/*/")
    click_to(editor, editor.locator(SUBMIT), f"**{PORTAL}")
    check("dashboard after sending (partner)", editor)
    visit(editor, live_server, "/portal/reports/")
    check("reports (partner)", editor)

    sign_in(coordinator, live_server, COORDINATOR, DEMO_TOTP_SECRET)
    check("dashboard (coordinator)", coordinator)
    visit(coordinator, live_server, "/portal/review/")
    check("review queue", coordinator)
    click_to(coordinator, coordinator.get_by_role("link", name=NEW_NAME, exact=True), "**/portal/review/*/")
    assert coordinator.locator("table.diff").count() == 1
    check("review", coordinator)
    visit(coordinator, live_server, "/portal/reports/")
    check("reports (coordinator)", coordinator)
    click_to(coordinator, coordinator.locator("main table a").first, "**/portal/reports/*/")
    check("report", coordinator)
    visit(coordinator, live_server, "/portal/people/")
    check("people", coordinator)

    editor.wait_for_timeout(100)  # the last violation reports reach Python
    return editor.csp_violations + coordinator.csp_violations


@pytest.mark.parametrize("width", [320, 1280])
def test_portal_pages_have_no_axe_violations_and_no_sideways_scrolling(
    demo, new_page, live_server, axe, width
):
    found: dict[str, list[str]] = {}
    too_wide: dict[str, str] = {}

    def check(name: str, page) -> None:
        where = f"{name} ({page.url.removeprefix(live_server.url)})"
        assert page.locator("html").get_attribute("lang") == "nl", where
        assert page.locator("h1").count() == 1, f"{where} has no single h1"
        violations = axe_violations(axe, page)
        if violations:
            found[where] = violations
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[where] = f"{scroll_width} px: {page.evaluate(OVERFLOWING_JS, width)}"

    _walk_the_portal(new_page, live_server, width, check)
    assert found == {}, f"axe-core violations at {width} px: {found}"
    assert too_wide == {}, f"pages wider than {width} px (scrollWidth): {too_wide}"


def test_portal_pages_break_no_content_security_policy_rule(demo, new_page, live_server):
    visited: list[str] = []
    violations = _walk_the_portal(
        new_page, live_server, 1280, lambda name, page: visited.append(page.url.removeprefix(live_server.url))
    )
    assert len(visited) == 15, visited
    assert violations == [], f"Content-Security-Policy violations: {violations}"


# --- 3. keyboard only on the service form ----------------------------------------------------------------------


def _tab_until(page, selector: str, seen: list[dict]) -> None:
    """Tab to `selector`, noting for each stop whether it is in the edit form and whether it is a time field's
    clock button: on that button (inside the field's closed user-agent shadow root) document.activeElement is
    the field, which is then :focus-within but neither :focus nor :focus-visible, and the field itself must then
    show the focus indicator."""
    tab_until(page, selector, seen, max_tabs=MAX_TABS, describe=_focus_context)


def _focus_context(page) -> dict:
    in_form, picker = page.evaluate(
        """() => { const el = document.activeElement;
          return [!!el.closest("form.form"), el.matches(":focus-within:not(:focus)")]; }"""
    )
    return {"inForm": in_form, "pickerButton": picker}


@pytest.mark.parametrize("width", [360, 1280])
def test_keyboard_only_on_the_service_form(demo, new_page, live_server, width):
    service = _service()
    page = new_page(width=width)
    sign_in(page, live_server, EDITOR, TOTP_SECRET)
    visit(page, live_server, f"/portal/services/{service.id}/")
    seen: list[dict] = []

    # The first field of the form that Tab reaches is the name.
    _tab_until(page, "#id_name", seen)
    assert next(s for s in seen if s["inForm"])["label"].startswith("input#id_name"), seen
    name_field = seen[-1]

    # Through the whole form to "Verstuur naar de coördinator", then "Bewaar als klad".
    _tab_until(page, SUBMIT, seen)
    submit = seen[-1]
    _tab_until(page, SAVE, seen)
    save = seen[-1]
    assert submit["label"].startswith("button Verstuur naar de coördinator"), submit
    assert save["label"].startswith("button Bewaar als klad"), save

    # Enter on the focused "Bewaar als klad" saves a draft.
    with page.expect_navigation(url="**/portal/drafts/*/"):
        page.keyboard.press("Enter")
    assert "Bewaard als klad" in page.locator(".messages").inner_text()

    # A visible focus indicator on the name, the two buttons, and everything else on the way.
    for style in (name_field, submit, save):
        assert style["focusVisible"] and style["visible"], style
    not_focus_visible = [s["label"] for s in seen if not (s["focusVisible"] or s["pickerButton"])]
    assert not_focus_visible == [], not_focus_visible
    invisible = [s for s in seen if not s["visible"]]
    assert invisible == [], f"focused without a visible focus indicator at {width} px: {invisible}"
