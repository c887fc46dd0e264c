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
from tests.browser.staff_pages import TIMEOUT, check_page, click_to, sign_in, visit
from tests.conftest import TOTP_SECRET, with_two_factor
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


def test_the_organiser_reads_marks_and_cancels_without_javascript(world, new_context, live_server, axe):
    activity, coming, past = world["activity"], world["coming"], world["past"]
    page = new_context(timeout=TIMEOUT).new_page()
    sign_in(page, live_server, world["editor"].email, TOTP_SECRET, password=PASSWORD)

    visit(page, live_server, f"/portal/activities/{activity.pk}/registrations/")
    assert "Wim Wachter" in page.content()
    check_page(page, axe, "registrations")
    visit(page, live_server, f"/portal/activities/{activity.pk}/registrations/?show=past")
    check_page(page, axe, "registrations, past")
    series = Activity.objects.get(title="Reeks")
    visit(page, live_server, f"/portal/activities/{series.pk}/registrations/")
    check_page(page, axe, "registrations of a series")

    # attendance: a count and one name
    visit(page, live_server, f"/portal/activities/sessions/{past.pk}/attendance/")
    check_page(page, axe, "attendance")
    page.locator("#id_present_count").fill("3")
    page.locator("#id_mark_names").check()
    page.get_by_label("Tom Janssens").check()
    click_to(page, page.locator("form.form [type=submit]"), "**/registrations/?session=*")
    assert Session.objects.get(pk=past.pk).present_count == 3
    assert Registration.objects.get(name="Tom Janssens").attended is True

    # cancelling: the confirmation page, an error, then the cancellation
    visit(page, live_server, f"/portal/activities/sessions/{coming.pk}/cancel/")
    check_page(page, axe, "cancel")
    page.locator("form.form [type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1
    check_page(page, axe, "cancel with an error")
    page.locator("#id_reason").fill("De lesgever is ziek.")
    click_to(page, page.locator("form.form [type=submit]"), "**/registrations/?session=*")
    assert "Het moment is afgelast." in page.content()
    check_page(page, axe, "registrations after cancelling")
    assert Session.objects.get(pk=coming.pk).is_cancelled
    assert len(mail.outbox) == 3

    # the coordinator reads who did what
    coordinator = new_context(timeout=TIMEOUT).new_page()
    sign_in(coordinator, live_server, world["coordinator"].email, TOTP_SECRET, password=PASSWORD)
    visit(coordinator, live_server, "/portal/activities/access-log/")
    assert "redacteur@example.org" in coordinator.content()
    check_page(coordinator, axe, "access log")
