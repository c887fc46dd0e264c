"""In the browser (Chromium, axe-core): a partner's editor reads the registrations with the waiting list, marks
attendance and cancels a session with plain forms; the coordinator reads the access log. No axe violations, one
h1, and no sideways scrolling at 320 px (wide tables scroll inside their own box)."""

import pytest
from django.core import mail
from django.core.cache import cache

from hvhk.accounts.models import RoleAssignment
from hvhk.activities.models import Activity, Registration, Session
from tests.accounts.factories import PASSWORD, RoleFactory, UserFactory
from tests.activities.factories_partner import (
    ActivityFactory,
    RegistrationFactory,
    SessionFactory,
    anonymised,
    in_days,
    offered,
    waiting,
)
from tests.browser.conftest import axe_violations
from tests.browser.staff_pages import LOGIN, PORTAL, TIMEOUT, TWO_FACTOR, click_to, visit
from tests.browser.test_wegwijzer_a11y import OVERFLOWING_JS
from tests.conftest import TOTP_SECRET, totp_code, with_two_factor
from tests.core.factories import NetworkFactory
from tests.directory.factories import OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.browser
Role = RoleAssignment.Role


@pytest.fixture
def world(transactional_db):
    cache.clear()
    network = NetworkFactory(slug="leuven", name="Huis van het Kind Leuven")
    partner = OrganizationFactory(network=network, name="Kind en Preventie")
    editor = with_two_factor(UserFactory(email="redacteur@example.org"))  # registrations ask for it
    RoleFactory(user=editor, network=network, role=Role.EDITOR, organization=partner)
    coordinator = with_two_factor(UserFactory(email="coo@example.org", is_staff=True))
    RoleFactory(user=coordinator, network=network, role=Role.COORDINATOR)
    activity = ActivityFactory(
        service=ServiceFactory(organization=partner), title="Babymassage", capacity=2, places_per="family"
    )
    coming = SessionFactory(activity=activity, starts_at=in_days(6))
    past = SessionFactory(activity=activity, starts_at=in_days(-2))
    RegistrationFactory(session=coming, name="Sara Peeters", remark="=1+1", phone="0470 12 34 56")
    offered(coming, name="Olga Aanbod")
    waiting(coming, name="Wim Wachter")
    RegistrationFactory(session=past, name="Tom Janssens")
    anonymised(past)
    series = ActivityFactory(service=activity.service, title="Reeks", schedule=Activity.Schedule.SERIES)
    SessionFactory(activity=series, starts_at=in_days(3))
    RegistrationFactory(session=None, activity=series, name="Reeks Gezin")
    return {
        "editor": editor,
        "coordinator": coordinator,
        "activity": activity,
        "coming": coming,
        "past": past,
    }


def _sign_in(page, live_server, email: str, secret: str | None = None) -> None:
    visit(page, live_server, LOGIN)
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    submit = page.locator("form:has(input[name=password]) [type=submit]:not([form])")
    if secret is None:
        click_to(page, submit, f"**{PORTAL}")
        return
    click_to(page, submit, f"**{TWO_FACTOR}")
    page.locator("input[name=code]").fill(totp_code(secret))
    click_to(page, page.locator("form:has(input[name=code]) [type=submit]:not([form])"), f"**{PORTAL}")


def _check(page, axe, name: str) -> None:
    violations = axe_violations(axe, page)
    assert violations == [], f"{name}: {violations}"
    assert page.locator("h1").count() == 1, f"{name} has no single h1"
    page.set_viewport_size({"width": 320, "height": 800})
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"{name} scrolls sideways at 320 px: {page.evaluate(OVERFLOWING_JS, 320)}"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_organiser_reads_marks_and_cancels_without_javascript(world, new_context, live_server, axe):
    activity, coming, past = world["activity"], world["coming"], world["past"]
    page = new_context(timeout=TIMEOUT).new_page()
    _sign_in(page, live_server, world["editor"].email, TOTP_SECRET)

    visit(page, live_server, f"/portal/activities/{activity.pk}/registrations/")
    assert "Wim Wachter" in page.content()
    _check(page, axe, "registrations")
    visit(page, live_server, f"/portal/activities/{activity.pk}/registrations/?show=past")
    _check(page, axe, "registrations, past")
    series = Activity.objects.get(title="Reeks")
    visit(page, live_server, f"/portal/activities/{series.pk}/registrations/")
    _check(page, axe, "registrations of a series")

    # attendance: a count and one name
    visit(page, live_server, f"/portal/activities/sessions/{past.pk}/attendance/")
    _check(page, axe, "attendance")
    page.locator("#id_present_count").fill("3")
    page.locator("#id_mark_names").check()
    page.get_by_label("Tom Janssens").check()
    click_to(page, page.locator("form.form [type=submit]"), "**/registrations/?session=*")
    assert Session.objects.get(pk=past.pk).present_count == 3
    assert Registration.objects.get(name="Tom Janssens").attended is True

    # cancelling: the confirmation page, an error, then the cancellation
    visit(page, live_server, f"/portal/activities/sessions/{coming.pk}/cancel/")
    _check(page, axe, "cancel")
    page.locator("form.form [type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1
    _check(page, axe, "cancel with an error")
    page.locator("#id_reason").fill("De lesgever is ziek.")
    click_to(page, page.locator("form.form [type=submit]"), "**/registrations/?session=*")
    assert "Het moment is afgelast." in page.content()
    _check(page, axe, "registrations after cancelling")
    assert Session.objects.get(pk=coming.pk).is_cancelled
    assert len(mail.outbox) == 3

    # the coordinator reads who did what
    coordinator = new_context(timeout=TIMEOUT).new_page()
    _sign_in(coordinator, live_server, world["coordinator"].email, TOTP_SECRET)
    visit(coordinator, live_server, "/portal/activities/access-log/")
    assert "redacteur@example.org" in coordinator.content()
    _check(coordinator, axe, "access log")
