"""Parents' voice in Chromium: a parent writes on the voice page (in Dutch and Arabic), is refused for a phone
number with the text kept, is thanked, and signs up for a call; the coordinator moderates the contribution into a
signal. Every page: no axe-core violation, one h1, nothing wider than 320 px."""

import pytest
from django.core.cache import cache

from hvhk.accounts.models import RoleAssignment
from hvhk.signals.models import Signal, VoiceContribution
from tests.accounts.factories import PASSWORD, RoleFactory, UserFactory
from tests.browser.staff_pages import check_page, click_to, sign_in, visit
from tests.conftest import TOTP_SECRET, with_two_factor
from tests.core.factories import NetworkFactory
from tests.signals.factories import ParticipationCallFactory
from tests.signals.factories_voice import area, life_domain

pytestmark = pytest.mark.browser
COORDINATOR = "coordinator@voice.example"


@pytest.fixture
def world(transactional_db):
    cache.clear()
    network = NetworkFactory(slug="leuven", name="Huis van het Kind Leuven")
    life_domain(network, "Kinderopvang")
    area(network, "Kessel-Lo")
    call = ParticipationCallFactory(network=network, title="Oudergroep nieuw huis", capacity=5)
    user = UserFactory(email=COORDINATOR, is_staff=True)
    RoleFactory(user=user, network=network, role=RoleAssignment.Role.COORDINATOR)
    with_two_factor(user)
    return {"network": network, "call": call}


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_parent_is_refused_then_thanked_and_signs_up(world, new_context, live_server, axe, language):
    page = new_context(language=language).new_page()
    visit(page, live_server, "/leuven/voice/")
    check_page(page, axe, f"voice ({language})")
    page.locator("#id_text").fill("Bel me op 0470 12 34 56, er is te weinig opvang.")
    click_to(page, page.locator("main form [type=submit]"), "**/leuven/voice/")
    assert "0470 12 34 56" in page.locator("#id_text").input_value()  # the text is given back
    check_page(page, axe, f"voice refused ({language})")
    page.locator("#id_text").fill("Er is te weinig opvang op woensdag. <script>alert(9)</script>")
    page.locator("#id_age_bands_1").check()
    click_to(page, page.locator("main form [type=submit]"), "**/leuven/voice/thanks/")
    assert "<script>alert(9)</script>" in page.locator("blockquote").inner_text()  # shown as text, not run
    check_page(page, axe, f"voice thanks ({language})")
    assert VoiceContribution.objects.get().age_bands == ["0-3"]

    visit(page, live_server, f"/leuven/voice/calls/{world['call'].pk}/")
    check_page(page, axe, f"call ({language})")
    page.locator("#id_name").fill("Sam")
    page.locator("#id_phone").fill("0470 12 34 56")
    click_to(page, page.locator("main form [type=submit]"), f"**/leuven/voice/calls/{world['call'].pk}/")
    check_page(page, axe, f"call signed up ({language})")


def test_the_coordinator_makes_a_signal_of_a_contribution(world, new_context, live_server, axe):
    VoiceContribution.objects.create(network=world["network"], text="Geen opvang op woensdagnamiddag.")
    page = new_context().new_page()
    sign_in(page, live_server, COORDINATOR, TOTP_SECRET, password=PASSWORD)
    visit(page, live_server, "/portal/signals/voice/")
    check_page(page, axe, "voice queue")
    click_to(page, page.locator("main .contribution-list a").first, "**/portal/signals/voice/*/")
    check_page(page, axe, "contribution")
    page.locator("#id_signal-title").fill("Opvang op woensdagnamiddag")
    click_to(page, page.locator("form:has(#id_signal-title) [type=submit]"), "**/portal/signals/voice/")
    signal = Signal.objects.get()
    assert signal.origin == Signal.Origin.VOICE and "“Geen opvang op woensdagnamiddag.”" in signal.evidence
    visit(page, live_server, f"/portal/signals/calls/{world['call'].pk}/")
    check_page(page, axe, "call detail")
