"""The network's meeting cycle in Chromium: the coordinator plans a meeting and invites the body, a member answers
the invitation from the link in the e-mail (without signing in), the trekker writes the minutes with a decision
and an action, the action's owner closes it, and the coordinator approves the minutes. On the way: axe-core on
every page and nothing wider than 320 px."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.network.models import ActionItem, Decision, Meeting, Participant
from tests.accounts.factories import PASSWORD, RoleFactory, UserFactory
from tests.browser.conftest import axe_violations
from tests.browser.staff_pages import TIMEOUT, check_page, click_to, sign_in, visit
from tests.conftest import TOTP_SECRET, with_two_factor
from tests.core.factories import NetworkFactory
from tests.directory.factories import OrganizationFactory
from tests.network.factories import BodyFactory, BodyMemberFactory

pytestmark = pytest.mark.browser
Role = RoleAssignment.Role


@pytest.fixture
def people(transactional_db):
    cache.clear()
    network = NetworkFactory(slug="leuven", name="Huis van het Kind Leuven")
    partner = OrganizationFactory(network=network, name="Kind en Preventie")
    coordinator = with_two_factor(
        UserFactory(email="coo@example.org", full_name="Cora Coördinator", is_staff=True)
    )
    RoleFactory(user=coordinator, network=network, role=Role.COORDINATOR)
    trekker = UserFactory(email="trekker@example.org", full_name="Tine Trekker")
    RoleFactory(user=trekker, network=network, role=Role.EDITOR, organization=partner)
    member = UserFactory(email="lid@example.org", full_name="Mo Medewerker")
    RoleFactory(user=member, network=network, role=Role.MEMBER, organization=partner)
    body = BodyFactory(network=network, name="Werkgroep kwetsbare gezinnen", is_open=False)
    BodyMemberFactory(body=body, user=trekker, is_trekker=True)
    BodyMemberFactory(body=body, user=member)
    return {
        "network": network,
        "body": body,
        "coordinator": coordinator,
        "trekker": trekker,
        "member": member,
    }


def test_a_meeting_from_planning_to_a_closed_action(people, new_context, live_server, axe):
    body = people["body"]
    day = timezone.localdate() + dt.timedelta(days=21)

    # 1. The coordinator plans the meeting, puts an item on the agenda and sends the invitation.
    coordinator = new_context(timeout=TIMEOUT).new_page()
    sign_in(coordinator, live_server, people["coordinator"].email, TOTP_SECRET, password=PASSWORD)
    visit(coordinator, live_server, f"/portal/bodies/{body.pk}/")
    check_page(coordinator, axe, "body page")
    click_to(coordinator, coordinator.get_by_role("link", name="Nieuwe vergadering"), "**/meetings/new/")
    coordinator.get_by_label("Titel").fill("Werkgroep januari")
    coordinator.get_by_label("Datum", exact=True).fill(day.isoformat())
    coordinator.get_by_label("Begint om").fill("09:30")
    coordinator.get_by_label("Eindigt om").fill("11:00")
    coordinator.get_by_label("Plaats").fill("Huis van het Kind, Brusselsestraat")
    click_to(coordinator, coordinator.get_by_role("button", name="Bewaar"), "**/portal/meetings/*/")
    meeting = Meeting.objects.get(title="Werkgroep januari")
    coordinator.get_by_label("Titel").fill("Aanbod voor gezinnen in armoede")
    click_to(coordinator, coordinator.get_by_role("button", name="Voeg toe"), "**/portal/meetings/*/#agenda")
    assert "Aanbod voor gezinnen in armoede" in coordinator.locator("#agenda ~ ol").inner_text()
    check_page(coordinator, axe, "meeting page")
    click_to(
        coordinator,
        coordinator.get_by_role("button", name="Verstuur de uitnodiging"),
        "**/portal/meetings/*/",
    )
    assert "2 uitnodigingen verstuurd" in coordinator.locator(".messages").inner_text()

    # 2. The member answers from the link in the e-mail, without signing in.
    invitation = next(m for m in mail.outbox if m.to == [people["member"].email])
    link = re.search(r"(https?://\S+/meetings/answer/\S+/)", invitation.body).group(1)
    member = new_context(timeout=TIMEOUT).new_page()
    member.goto(link.replace(link.split("/leuven/")[0], live_server.url))
    check_page(member, axe, "answer page")
    member.get_by_label("Komt", exact=True).check()
    member.get_by_role("button", name="Bewaar mijn antwoord").click()
    assert "je antwoord is bewaard" in member.locator("main").inner_text()
    assert Participant.objects.get(meeting=meeting, user=people["member"]).response == "yes"

    # 3. The trekker writes the minutes of the item.
    trekker = new_context(timeout=TIMEOUT).new_page()
    sign_in(trekker, live_server, people["trekker"].email, password=PASSWORD)
    visit(trekker, live_server, f"/portal/meetings/{meeting.pk}/")
    click_to(trekker, trekker.get_by_role("link", name="Verslag schrijven"), "**/minutes/")
    check_page(trekker, axe, "minutes page")
    trekker.get_by_label("Verslag").fill("We zetten de aanbieders samen rond tafel.")
    click_to(
        trekker, trekker.get_by_role("button", name=re.compile("^Bewaar dit punt")), "**/minutes/#item-*"
    )
    assert "is bewaard" in trekker.locator(".messages").inner_text()
    assert meeting.agenda_items.get().minutes == "We zetten de aanbieders samen rond tafel."
    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.Minutes.DRAFT

    # 4. ... and records a decision and an action for the member under the item.
    visit(trekker, live_server, f"/portal/meetings/{meeting.pk}/")
    click_to(trekker, trekker.get_by_role("link", name=re.compile("^Besluit toevoegen")), "**/decisions/new/")
    check_page(trekker, axe, "decision form")
    trekker.get_by_label("Besluit").fill("Elke partner brengt één aanbod voor gezinnen in armoede mee.")
    click_to(trekker, trekker.get_by_role("button", name="Bewaar het besluit"), "**/portal/meetings/*/**")
    click_to(trekker, trekker.get_by_role("link", name=re.compile("^Actie toevoegen")), "**/actions/new/")
    trekker.get_by_label(re.compile(r"^Actie")).fill("De lijst met aanbod rondsturen.")
    trekker.get_by_label("Eigenaar: een persoon").select_option(
        label=f"Mo Medewerker ({people['member'].email})"
    )
    trekker.get_by_label("Klaar tegen").fill((day + dt.timedelta(days=7)).isoformat())
    click_to(trekker, trekker.get_by_role("button", name="Bewaar de actie"), "**/portal/meetings/*/**")
    page_text = trekker.locator("main").inner_text()
    assert "Elke partner brengt één aanbod" in page_text and "De lijst met aanbod rondsturen." in page_text
    assert Decision.objects.get(meeting=meeting).history.first().history_user == people["trekker"]
    action = ActionItem.objects.get(meeting=meeting)
    assert action.owner_user == people["member"] and action.status == ActionItem.Status.OPEN

    # 5. The owner finds the action under "my open actions" and closes it.
    owner = new_context(timeout=TIMEOUT).new_page()
    sign_in(owner, live_server, people["member"].email, password=PASSWORD)
    visit(owner, live_server, "/portal/actions/?mine=1")
    check_page(owner, axe, "my actions")
    click_to(
        owner,
        owner.get_by_role("link", name="De lijst met aanbod rondsturen."),
        f"**/portal/actions/{action.pk}/",
    )
    click_to(owner, owner.get_by_role("button", name="Afgerond"), f"**/portal/actions/{action.pk}/**")
    action.refresh_from_db()
    assert action.status == ActionItem.Status.DONE and action.done_at is not None

    # 6. The coordinator approves the minutes; the member then reads them as approved.
    visit(coordinator, live_server, f"/portal/meetings/{meeting.pk}/")
    click_to(
        coordinator, coordinator.get_by_role("button", name="Keur het verslag goed"), "**/portal/meetings/*/"
    )
    assert Meeting.objects.get(pk=meeting.pk).minutes_status == Meeting.Minutes.APPROVED
    visit(owner, live_server, f"/portal/meetings/{meeting.pk}/")
    assert "Goedgekeurd" in owner.locator("main").inner_text()
    assert "We zetten de aanbieders samen rond tafel." in owner.locator("main").inner_text()


@pytest.fixture
def demo(transactional_db):
    from hvhk.demo.services import demo_load

    demo_load()
    cache.clear()


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_public_network_pages_work_without_javascript_and_pass_axe(
    demo, browser, live_server, axe, language
):
    from hvhk.core.lib.tokens import token_hash
    from hvhk.network.models import NewsPost

    meeting = Meeting.objects.filter(
        network__slug="leuven",
        status=Meeting.Status.PLANNED,
        starts_at__gt=timezone.now(),
        body__is_open=True,
    ).first()
    token = "t" * 32
    Participant.objects.create(
        network=meeting.network,
        meeting=meeting,
        name="Ouder",
        email="gast@example.org",
        token_hash=token_hash(token),
    )
    post = NewsPost.objects.filter(network__slug="leuven", audience="public").first()
    headers = {"Accept-Language": language}
    context = browser.new_context(java_script_enabled=False, locale=language, extra_http_headers=headers)
    checked = browser.new_context(locale=language, extra_http_headers=headers)  # axe-core runs as a script
    page, axe_page = context.new_page(), checked.new_page()
    try:
        for path in [
            "/leuven/partners/",
            "/leuven/news/",
            f"/leuven/news/{post.pk}/",
            f"/leuven/meetings/answer/{token}/",
        ]:
            response = page.goto(live_server.url + path)
            assert response.ok, path
            assert page.locator("html").get_attribute("lang") == language
            axe_page.goto(live_server.url + path)
            assert axe_violations(axe, axe_page) == [], path
            dead = [
                b.inner_text()
                for b in page.locator("button").all()
                if b.is_visible() and (b.get_attribute("type") or "submit") != "submit"
            ]
            assert dead == [], f"{path}: buttons that need JavaScript: {dead}"
        page.locator("input[name=response][value=maybe]").check()
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert Participant.objects.get(email="gast@example.org").response == "maybe"
    finally:
        context.close()
        checked.close()
