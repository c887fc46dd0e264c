"""Browser tests: Playwright for Python driving Debian's Chromium against the live test server."""

import contextlib
import datetime as dt
from pathlib import Path
from urllib.parse import urlparse

import pytest
import time_machine
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import sync_playwright

from tests.conftest import CHROMIUM

SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API keeps an event loop in this thread; the ORM calls in these tests are synchronous.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def new_context(browser):
    """new_context(language="nl", width=1280, height=900, timeout=None) -> a fresh browser context: a person of
    their own, with their own cookies. Every context is closed after the test, passed or failed: a context left
    open keeps keep-alive connections to the live server, whose threads then outlive it and fail on the shared
    connection."""
    contexts = []

    def _new(*, language: str = "nl", width: int = 1280, height: int = 900, timeout: int | None = None):
        context = browser.new_context(
            locale=language,
            extra_http_headers={"Accept-Language": language},
            viewport={"width": width, "height": height},
        )
        contexts.append(context)
        if timeout is not None:
            context.set_default_timeout(timeout)
            context.set_default_navigation_timeout(timeout)
        return context

    yield _new
    for context in contexts:
        context.close()


@pytest.fixture
def open_page(new_context, live_server):
    """open_page(path, language="nl", width=1280) -> a page on the live server, with foreign requests recorded."""

    def _open(path: str, *, language: str = "nl", width: int = 1280, height: int = 900):
        page = new_context(language=language, width=width, height=height).new_page()
        page.foreign_requests = []
        own = urlparse(live_server.url).netloc

        def record(request) -> None:
            netloc = urlparse(request.url).netloc
            if netloc and netloc != own:
                page.foreign_requests.append(request.url)

        page.on("request", record)
        page.goto(live_server.url + path)
        return page

    return _open


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


def axe_violations(axe: Axe, page) -> list[str]:
    """Every axe-core rule (WCAG 2.2 A/AA and best practices) that the page breaks, with the offending nodes."""
    result = axe.run(page)
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in result.response["violations"]
    ]


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@contextlib.contextmanager
def well_inside_this_week():
    """For a test that puts a session shortly after now and expects it in "this week" (which ends on Sunday at
    midnight): in the week's last hour the test runs on the coming Wednesday instead."""
    now = timezone.localtime()
    if (now + dt.timedelta(hours=1)).isocalendar()[:2] == now.isocalendar()[:2]:
        yield
        return
    with time_machine.travel(now + dt.timedelta(days=3), tick=True):
        yield
