"""Shared helpers for the browser tests of the staff side (portal, intake, referrals) on the demo network."""

from hvhk.demo.services import DEMO_PASSWORD
from tests.browser.conftest import axe_violations
from tests.browser.test_wegwijzer_a11y import OVERFLOWING_JS
from tests.conftest import totp_code

LOGIN = "/accounts/login/"
TWO_FACTOR = "/accounts/2fa/authenticate/"
PORTAL = "/portal/"
ORGANIZATION = "kind-en-preventie"
EDITOR = f"editor@{ORGANIZATION}.demo"
TIMEOUT = 10_000  # ms; a step that takes longer has failed


def visit(page, live_server, path: str):
    response = page.goto(live_server.url + path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"
    return response


def click_to(page, locator, url) -> None:
    """Click (a link or a submit button) and wait for the page it leads to."""
    with page.expect_navigation(url=url):
        locator.click()


def sign_in(
    page, live_server, email: str, secret: str | None = None, check=None, password: str = DEMO_PASSWORD
) -> None:
    """E-mail and password on the login page, then (with a secret) the app's code on the two-factor page.
    `check(name, page)`, when given, looks at the login and the two-factor page on the way."""
    visit(page, live_server, LOGIN)
    if check:
        check("login", page)
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    submit = page.locator("form:has(input[name=password]) [type=submit]:not([form])")
    if secret is None:
        click_to(page, submit, f"**{PORTAL}")
        return
    click_to(page, submit, f"**{TWO_FACTOR}")
    if check:
        check("two-factor", page)
    page.locator("input[name=code]").fill(totp_code(secret))
    click_to(page, page.locator("form:has(input[name=code]) [type=submit]:not([form])"), f"**{PORTAL}")


def check_page(page, axe, name: str) -> None:
    """No axe-core violation, one h1, and nothing scrolls sideways at 320 px."""
    violations = axe_violations(axe, page)
    assert violations == [], f"{name}: {violations}"
    assert page.locator("h1").count() == 1, f"{name} has no single h1"
    page.set_viewport_size({"width": 320, "height": 800})
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"{name} scrolls sideways at 320 px: {page.evaluate(OVERFLOWING_JS, 320)}"
    page.set_viewport_size({"width": 1280, "height": 900})
