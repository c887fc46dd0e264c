"""The whole way of a family in Chromium: a parent finds an activity for a 2-year-old this week, registers, the
session fills up, a second parent lands on the waiting list, the first cancels through the private link and the
second is offered the place (by e-mail) and takes it. axe-core checks the activity page in Dutch and Arabic."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from hvhk.activities.models import Activity, Registration
from tests.activities.factories_public import ActivityFactory, SessionFactory
from tests.browser.conftest import axe_violations, well_inside_this_week
from tests.browser.test_wegwijzer_a11y import OVERFLOWING_JS
from tests.core.factories import AreaFactory, NetworkFactory
from tests.directory.factories import HouseFactory, LocationFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.browser
PRIVATE = re.compile(r"/leuven/activities/r/[A-Za-z0-9_-]{20,}/")


@pytest.fixture
def babymassage(transactional_db):
    """An activity with one place, its session in half an hour, "this week" (see well_inside_this_week)."""
    with well_inside_this_week():
        yield _babymassage()


def _babymassage():
    cache.clear()
    network = NetworkFactory(slug="leuven", name="Huis van het Kind Leuven")
    partner = OrganizationFactory(network=network, name="Kind en Preventie")
    service = ServiceFactory(network=network, organization=partner, name="Babywerking")
    area = AreaFactory(network=network, slug="kessel-lo", name="Kessel-Lo")
    location = LocationFactory(network=network, organization=partner, name="Huis Kessel-Lo", area=area)
    house = HouseFactory(network=network, location=location, slug="kessel-lo", name="Huis Kessel-Lo")
    activity = ActivityFactory(
        service=service,
        location=location,
        house=house,
        title="Peuterspel",
        kind=Activity.Kind.PLAY,
        minimum_age_months=12,
        maximum_age_months=48,
        capacity=1,
        places_per=Activity.PlacesPer.FAMILY,
        translations={"ar": {"title": "لعب الأطفال الصغار"}},
    )
    soon = timezone.now() + dt.timedelta(minutes=30)
    SessionFactory(activity=activity, starts_at=soon, ends_at=soon + dt.timedelta(hours=1))
    return activity


def _check(page, axe, name: str) -> None:
    violations = axe_violations(axe, page)
    assert violations == [], f"{name}: {violations}"
    assert page.locator("h1").count() == 1, f"{name} has no single h1"
    page.set_viewport_size({"width": 320, "height": 800})
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"{name} scrolls sideways at 320 px: {page.evaluate(OVERFLOWING_JS, 320)}"
    page.set_viewport_size({"width": 1280, "height": 900})


def _register(page, name: str, email: str) -> None:
    page.locator("input[name=session]").first.check()
    page.get_by_label("Je naam").fill(name)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("De organisator mag me contacteren over deze activiteit.").check()
    page.get_by_role("button", name="Inschrijven").click()
    page.wait_for_url(PRIVATE)


def _link_in_last_mail_to(email: str) -> str:
    mails = [m for m in mail.outbox if email in m.to]
    assert mails, f"no mail to {email}"
    return PRIVATE.search(mails[-1].body).group(0)


def test_a_parent_registers_cancels_and_the_waiting_list_gets_the_place(
    babymassage, open_page, live_server, axe
):
    # A parent looks for something for their 2-year-old this week and opens the activity.
    first = open_page("/leuven/activities/?age=2&when=week")
    first.get_by_role("link", name="Peuterspel").first.click()
    first.wait_for_url(f"**/leuven/activities/{babymassage.pk}/")
    _check(first, axe, "activity page (nl)")
    _register(first, "Sara Peeters", "sara@example.org")
    assert "Bedankt, je bent ingeschreven" in first.content()

    # The only place is taken: the next parent sees the waiting list and joins it.
    second = open_page(f"/leuven/activities/{babymassage.pk}/")
    assert "wachtlijst" in second.locator("main").inner_text().lower()
    _register(second, "Tom Janssens", "tom@example.org")
    assert "Je staat op de wachtlijst als nummer 1" in second.content()
    tom = Registration.objects.get(name="Tom Janssens")
    assert tom.status == Registration.Status.WAITING

    # The first parent cancels through the private link (it asks first).
    first.get_by_role("link", name="Inschrijving annuleren").click()
    first.get_by_role("button", name="Ja, annuleer mijn inschrijving").click()
    first.wait_for_load_state()
    assert "Deze inschrijving is geannuleerd." in first.content()

    # The second parent gets the place offered by e-mail, follows the link and takes it.
    tom.refresh_from_db()
    assert tom.status == Registration.Status.OFFERED
    second.goto(live_server.url + _link_in_last_mail_to("tom@example.org"))
    assert "Er is een plaats vrij voor jullie." in second.content()
    second.get_by_role("button", name="Ja, we komen").click()
    second.wait_for_load_state()
    assert "Je hebt de plaats bevestigd. Je bent ingeschreven." in second.content()
    tom.refresh_from_db()
    assert tom.status == Registration.Status.CONFIRMED
    assert Registration.objects.get(name="Sara Peeters").status == Registration.Status.CANCELLED


def test_the_activity_page_passes_axe_in_arabic(babymassage, open_page, axe):
    page = open_page(f"/leuven/activities/{babymassage.pk}/", language="ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "لعب الأطفال الصغار" in page.locator("h1").inner_text()
    _check(page, axe, "activity page (ar)")
    assert page.foreign_requests == []
