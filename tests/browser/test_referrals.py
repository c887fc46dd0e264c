"""Referrals in Chromium: the whole loop from a family's question to a partner's answer and back, the family's
private link and withdrawal, axe-core and no sideways scrolling on every page of it, and the question form by
keyboard only.

The people are the demo's: intake@leuven.demo (password and the demo's authenticator secret) and
editor@kind-en-preventie.demo (password only); the families ask without an account, one in Dutch and one in
Arabic (right to left).
"""

import re

import pytest
from django.core.cache import cache

from hvhk.accounts.models import User
from hvhk.core.models import Network
from hvhk.demo.services import DEMO_TOTP_SECRET, demo_load
from hvhk.directory.models import Service
from hvhk.referrals import services
from hvhk.referrals.models import Consent, Referral
from tests.browser.conftest import axe_violations
from tests.browser.staff_pages import EDITOR, ORGANIZATION, TIMEOUT, click_to, sign_in, visit
from tests.browser.test_wegwijzer_a11y import OVERFLOWING_JS
from tests.browser.wegwijzer_pages import focus_indicator, tab_until
from tests.conftest import TOTP_SECRET, with_two_factor

pytestmark = pytest.mark.browser

ASK = "/leuven/ask/"
# (A fragment in the address, such as an error summary's link, stays through the redirect.)
PRIVATE_URL = re.compile(r"/leuven/ask/jouw-vraag/(#[\w-]*)?$")  # where the private link leads, token-free
PRIVATE_LINK = re.compile(r"^http://[^/]+/leuven/ask/[A-Za-z0-9_-]{20,}/$")
WITHDRAW_URL = "**/leuven/ask/jouw-vraag/intrekken/"
REFERENCE = re.compile(r"^HV-[A-Z2-9]{3}-[A-Z2-9]{3}$")
QUEUE = "/portal/requests/"
REFERRALS = "/portal/referrals/"
INTAKE = "intake@leuven.demo"
ORGANIZATION_NAME = "Kind en Preventie vzw"
MAX_TABS = 120

QUESTION_NL = "Mijn baby van vier maanden drinkt slecht en groeit weinig. Bij wie kan ik terecht voor advies?"
QUESTION_AR = "ابني عمره سنتان ولا يتكلم بعد. أين يمكنني أن أجد المساعدة والنصيحة؟"
MESSAGE = "Mama belt liefst na 17 uur. Ze wil graag een afspraak op het consultatiebureau."
RESULT = "Twee consulten gehad; de baby drinkt en groeit weer goed."

SUMMARY = ".error-summary"
ASK_SUBMIT = "main form.form button[type=submit]"
FAMILY_LANGUAGES = [("nl", "ltr"), ("ar", "rtl")]


@pytest.fixture
def demo(transactional_db):
    demo_load()
    cache.clear()  # rate limits and used authenticator codes live in the cache
    # A partner opens families' data only after signing in with two factors (the demo gives none to editors).
    with_two_factor(User.objects.get(email=EDITOR))


# --- helpers -----------------------------------------------------------------------------------------------------


@pytest.fixture
def new_page(new_context):
    """new_page(language="nl", width=1280) -> a page in a fresh context: a person of their own."""

    def _new(*, language: str = "nl", width: int = 1280, height: int = 900):
        return new_context(language=language, width=width, height=height, timeout=TIMEOUT).new_page()

    return _new


def _path(page, live_server) -> str:
    return page.url.removeprefix(live_server.url)


def _messages(page) -> str:
    return page.locator(".messages").inner_text() if page.locator(".messages").count() else ""


def _ask_private_page(page) -> tuple[str, str]:
    """On the family's private page just after asking: (reference, private link); the page's URL holds no token."""
    assert PRIVATE_URL.search(page.url), page.url
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE.match(reference), reference
    private_link = page.locator(".private-link").inner_text().strip()
    assert PRIVATE_LINK.match(private_link), private_link
    return reference, private_link


def _choose_partner_service(page) -> str:
    """Tick a suggested service of Kind en Preventie on the intake's request page (searching for one if none is
    suggested); returns the service's name."""
    fieldset = page.locator(
        "fieldset", has=page.locator("legend", has_text="Naar welk aanbod verwijs je door?")
    )
    assert fieldset.count() == 1, "the request page offers no services to refer to"
    labels = fieldset.locator("label", has_text=f"– {ORGANIZATION_NAME}")
    if labels.count() == 0:
        page.get_by_label("Ander aanbod zoeken").fill("consultatiebureau")
        click_to(
            page, page.get_by_role("button", name="Zoek", exact=True), re.compile(r"\?q=consultatiebureau")
        )
    assert labels.count() > 0, f"no service of {ORGANIZATION_NAME} found: {fieldset.inner_text()}"
    label = labels.first
    name = label.inner_text().rsplit(" – ", 1)[0].strip()
    label.click()
    assert page.locator(f"#{label.get_attribute('for')}").is_checked()
    return name


# --- 1. the whole loop -------------------------------------------------------------------------------------------


def test_a_familys_question_goes_to_a_partner_and_back_and_consent_can_be_withdrawn(
    demo, new_page, live_server
):
    parent = new_page()
    parent_ar = new_page()
    intake = new_page()
    partner = new_page()

    # A parent asks in Dutch, without an account, and wants a phone call.
    visit(parent, live_server, ASK)
    assert parent.locator("html").get_attribute("dir") == "ltr"
    parent.get_by_label("Wat is je vraag?").fill(QUESTION_NL)
    parent.get_by_label("0 tot 3 jaar").check()
    parent.get_by_label("Telefoon", exact=True).check()
    parent.get_by_label("Je naam (mag je leeg laten)").fill("Sara")
    parent.get_by_label("Je telefoonnummer").fill("0470 12 34 56")
    parent.get_by_label("Wanneer ben je het best bereikbaar? (mag je leeg laten)").fill("na 17 uur")
    # Consent is an active choice: nothing is ticked before the parent ticks it.
    for scope in ("question", "contact"):
        box = parent.locator(f"input[name=scope][value={scope}]")
        assert not box.is_checked()
        box.check()
    click_to(parent, parent.get_by_role("button", name="Verstuur je vraag"), PRIVATE_URL)
    assert parent.locator("h1").inner_text().strip() == "Bedankt, we hebben je vraag goed ontvangen"
    reference_nl, private_link = _ask_private_page(parent)

    # Another parent switches the site to Arabic with the language switcher and asks in Arabic, by e-mail.
    visit(parent_ar, live_server, ASK)
    click_to(parent_ar, parent_ar.locator(".lang-switch").get_by_role("button", name="العربية"), f"**{ASK}")
    assert parent_ar.locator("html").get_attribute("dir") == "rtl"
    assert parent_ar.locator("html").get_attribute("lang") == "ar"
    assert parent_ar.locator("#id_language").input_value() == "ar"
    parent_ar.locator("#id_question").fill(QUESTION_AR)
    parent_ar.locator("input[name=contact_by][value=email]").check()
    parent_ar.locator("#id_email").fill("ouder@example.org")
    parent_ar.locator("input[name=scope][value=question]").check()
    click_to(parent_ar, parent_ar.locator(ASK_SUBMIT), PRIVATE_URL)
    assert parent_ar.locator("html").get_attribute("dir") == "rtl"
    reference_ar, _link = _ask_private_page(parent_ar)
    assert reference_ar != reference_nl

    # The intake worker signs in with two factors and finds both questions in the queue.
    sign_in(intake, live_server, INTAKE, DEMO_TOTP_SECRET)
    visit(intake, live_server, QUEUE)
    for reference in (reference_nl, reference_ar):
        assert intake.get_by_role("link", name=reference, exact=True).count() == 1, intake.locator(
            "main"
        ).inner_text()
    request_page = re.compile(r"/portal/requests/[^/]+/$")
    click_to(intake, intake.get_by_role("link", name=reference_ar, exact=True), request_page)
    question = intake.locator("blockquote")
    assert question.inner_text().strip() == QUESTION_AR
    assert question.get_attribute("lang") == "ar" and question.get_attribute("dir") == "auto"
    visit(intake, live_server, QUEUE)
    click_to(intake, intake.get_by_role("link", name=reference_nl, exact=True), request_page)
    request_url = intake.url
    assert intake.locator("h1").inner_text().strip() == f"Hulpvraag {reference_nl}"
    assert QUESTION_NL in intake.locator("blockquote").inner_text()
    assert "0470 12 34 56" in intake.locator("main").inner_text()

    # ... and refers it to a service of Kind en Preventie, with a message.
    service_name = _choose_partner_service(intake)
    intake.get_by_label("Bericht aan de partner").fill(MESSAGE)
    click_to(
        intake, intake.get_by_role("button", name="Doorverwijzen", exact=True), request_url.split("?")[0]
    )
    assert "Doorverwezen naar 1 aanbod." in _messages(intake)
    referral_card = intake.locator("article.referral", has_text=service_name)
    assert referral_card.count() == 1
    assert "Verstuurd" in referral_card.inner_text()
    assert intake.locator("text=De lus is gesloten").count() == 0

    # The partner's editor signs in and finds the referral among theirs.
    sign_in(partner, live_server, EDITOR, TOTP_SECRET)
    visit(partner, live_server, REFERRALS)
    row = partner.locator("tbody tr", has=partner.get_by_role("link", name=reference_nl, exact=True))
    assert row.count() == 1, partner.locator("main").inner_text()
    assert service_name in row.inner_text()
    assert partner.get_by_role("link", name=reference_ar, exact=True).count() == 0
    click_to(partner, row.get_by_role("link", name=reference_nl), re.compile(r"/portal/referrals/[^/]+/$"))
    referral_url = partner.url
    main = partner.locator("main").inner_text()
    assert QUESTION_NL in main and MESSAGE in main and "0470 12 34 56" in main, main
    assert "Ontvangen" in partner.locator(".facts-list").first.inner_text()

    # Accepts it ...
    partner.get_by_label("aanvaard", exact=True).check()
    click_to(partner, partner.get_by_role("button", name="Status bewaren"), referral_url)
    assert "De status is bewaard: aanvaard." in _messages(partner)
    # ... and completes it with a note.
    partner.get_by_label("afgerond", exact=True).check()
    partner.get_by_label("Toelichting").fill(RESULT)
    click_to(partner, partner.get_by_role("button", name="Status bewaren"), referral_url)
    assert "De status is bewaard: afgerond." in _messages(partner)
    assert partner.get_by_role("button", name="Status bewaren").count() == 0, (
        "a completed referral has no next step"
    )
    assert RESULT in partner.locator(".timeline").inner_text()

    # The intake worker reloads the request: the loop is closed, with every step.
    intake.reload()
    assert intake.locator(".notice--success", has_text="De lus is gesloten").count() == 1
    card = intake.locator("article.referral", has_text=service_name).inner_text()
    assert f"Afgerond: {RESULT}" in card, card
    for step in ("verstuurd", "ontvangen", "aanvaard", "afgerond"):
        assert f"– {step}" in card, (step, card)

    # The family opens their private link: the referral and its answer, then withdraws consent.
    parent.goto(private_link)
    assert PRIVATE_URL.search(parent.url), parent.url
    assert parent.locator("h1").inner_text().strip() == f"Je vraag {reference_nl}"
    assert f"{ORGANIZATION_NAME}: {service_name} – afgerond" in parent.locator("main").inner_text()
    click_to(parent, parent.get_by_role("link", name="Toestemming intrekken"), WITHDRAW_URL)
    click_to(parent, parent.get_by_role("button", name="Ja, trek mijn toestemming in"), PRIVATE_URL)
    assert "Je trok je toestemming in op" in parent.locator("main").inner_text()
    assert parent.get_by_role("link", name="Toestemming intrekken").count() == 0

    # The partner can no longer open the referral (the page says the family no longer shares it), nor see it
    # listed.
    response = partner.reload()
    assert response is not None and response.status == 410
    assert "Het gezin deelt deze vraag niet meer" in partner.locator("main").inner_text()
    assert QUESTION_NL not in partner.locator("main").inner_text()
    for show in ("", "?show=all"):
        visit(partner, live_server, REFERRALS + show)
        assert partner.get_by_role("link", name=reference_nl, exact=True).count() == 0, show

    # The intake worker sees the withdrawal, without the family's personal data.
    intake.reload()
    assert "Toestemming ingetrokken op" in intake.locator("main").inner_text()
    assert intake.locator("blockquote").count() == 0
    assert "0470 12 34 56" not in intake.locator("main").inner_text()

    referral = Referral.objects.get(request__reference=reference_nl)
    assert referral.status == Referral.Status.COMPLETED and referral.reason == RESULT
    assert referral.request.consent.withdrawn_at is not None


# --- 2. axe-core and 320 px ----------------------------------------------------------------------------------------


class Checker:
    """check(name, page): axe-core violations and (at 320 px) sideways scrolling, collected per page."""

    def __init__(self, axe, live_server) -> None:
        self.axe = axe
        self.live_server = live_server
        self.violations: dict[str, list[str]] = {}
        self.too_wide: dict[str, str] = {}

    def __call__(self, name: str, page) -> None:
        width = page.viewport_size["width"]
        where = f"{name} at {width} px ({_path(page, self.live_server)})"
        assert page.locator("h1").count() == 1, f"{where} has no single h1"
        found = axe_violations(self.axe, page)
        if found:
            self.violations[where] = found
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            self.too_wide[where] = f"{scroll_width} px: {page.evaluate(OVERFLOWING_JS, width)}"

    def assert_clean(self) -> None:
        assert self.violations == {}, f"axe-core violations: {self.violations}"
        assert self.too_wide == {}, f"pages wider than the screen (scrollWidth): {self.too_wide}"


@pytest.mark.parametrize(("language", "direction"), FAMILY_LANGUAGES)
def test_the_familys_pages_have_no_axe_violations_and_no_sideways_scrolling(
    demo, new_page, live_server, axe, language, direction
):
    check = Checker(axe, live_server)
    for width in (320, 1280):
        page = new_page(language=language, width=width)
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        visit(page, live_server, ASK)
        assert page.locator("html").get_attribute("dir") == direction
        assert page.locator("html").get_attribute("lang") == language
        check("ask", page)

        # A refused submission: no question, no way to contact, nothing shared (no box is ticked beforehand).
        assert not page.locator("input[name=scope][value=question]").is_checked()
        click_to(page, page.locator(ASK_SUBMIT), f"**{ASK}")
        assert page.locator(SUMMARY).count() == 1, "a refused question shows no error summary"
        errors = page.locator(".field--error")
        assert errors.count() >= 3, f"expected errors on question, contact and consent: {errors.count()}"
        check("ask with errors", page)

        page.locator("#id_question").fill(QUESTION_AR if language == "ar" else QUESTION_NL)
        page.locator("input[name=contact_by][value=sms]").check()
        page.locator("#id_phone").fill("+32 470 12 34 56")
        page.locator("input[name=scope][value=question]").check()
        click_to(page, page.locator(ASK_SUBMIT), PRIVATE_URL)
        assert page.locator("html").get_attribute("dir") == direction
        _, private_link = _ask_private_page(page)
        check("private page, new", page)
        page.goto(private_link)
        check("private page", page)

        click_to(page, page.locator("main a[href$='/ask/jouw-vraag/intrekken/']"), WITHDRAW_URL)
        check("withdraw", page)
        click_to(page, page.locator("main form button[type=submit]"), PRIVATE_URL)
        check("private page, withdrawn", page)
    check.assert_clean()


def _referred_request(editor_organization: str) -> tuple[str, str]:
    """A Dutch family's question, referred by the intake worker to a service of the organisation: (request id,
    referral id)."""
    network = Network.objects.get(slug="leuven")
    support_request, _token = services.request_create(
        network=network,
        question=QUESTION_NL,
        contact_by="phone",
        phone="0470 12 34 56",
        name="Sara",
        contact_when="na 17 uur, of op woensdag",
        consent_how=Consent.How.ONLINE,
        consent_scope=[Consent.Scope.QUESTION, Consent.Scope.CONTACT],
    )
    service = (
        Service.objects.filter(network=network, organization__slug=editor_organization, status="active")
        .order_by("name")
        .first()
    )
    (referral,) = services.referral_create(
        request=support_request,
        services=[service],
        message=MESSAGE,
        acting_user=User.objects.get(email=INTAKE),
    )
    return str(support_request.pk), str(referral.pk)


def test_the_intake_and_partner_pages_have_no_axe_violations_and_no_sideways_scrolling(
    demo, new_page, live_server, axe
):
    request_id, referral_id = _referred_request(ORGANIZATION)
    check = Checker(axe, live_server)
    intake = new_page()
    partner = new_page()
    sign_in(intake, live_server, INTAKE, DEMO_TOTP_SECRET)
    sign_in(partner, live_server, EDITOR, TOTP_SECRET)
    for width in (1280, 320):
        for page in (intake, partner):
            page.set_viewport_size({"width": width, "height": 900})
        visit(intake, live_server, QUEUE)
        check("intake queue", intake)
        visit(intake, live_server, f"{QUEUE}{request_id}/")
        check("intake request", intake)
        # A refusal: referring without choosing a service.
        click_to(
            intake, intake.get_by_role("button", name="Doorverwijzen", exact=True), f"**{QUEUE}{request_id}/"
        )
        assert intake.locator(SUMMARY).count() == 1, "referring to nothing shows no error summary"
        check("intake request with an error", intake)
        # The intake's own search for other services.
        intake.get_by_label("Ander aanbod zoeken").fill("consultatiebureau")
        click_to(
            intake,
            intake.get_by_role("button", name="Zoek", exact=True),
            re.compile(r"\?q=consultatiebureau"),
        )
        offered = intake.locator(
            "fieldset", has=intake.locator("legend", has_text="Naar welk aanbod verwijs je door?")
        )
        assert "Consultatiebureau" in offered.inner_text(), offered.inner_text()
        check("intake request, searched", intake)
        visit(partner, live_server, REFERRALS)
        check("partner referrals", partner)
        visit(partner, live_server, f"{REFERRALS}{referral_id}/")
        assert partner.get_by_role("button", name="Status bewaren").count() == 1
        check("partner referral", partner)
    check.assert_clean()


# --- 3. keyboard only ----------------------------------------------------------------------------------------------


def _tab_until(page, selector: str, seen: list[dict], key: str = "Tab") -> None:
    tab_until(page, selector, seen, max_tabs=MAX_TABS, key=key)


def test_keyboard_only_ask_a_question_with_an_error_on_the_way(demo, new_page, live_server):
    page = new_page()
    visit(page, live_server, ASK)
    seen: list[dict] = []

    # To the question, type it, and on to the submit button; Enter sends it without a way to contact.
    _tab_until(page, "#id_question", seen)
    page.keyboard.type(QUESTION_NL)
    _tab_until(page, ASK_SUBMIT, seen)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(SUMMARY).count() == 1
    assert page.locator("#id_question").input_value() == QUESTION_NL, "the question was lost on the refusal"

    # The error summary is reachable by Tab (it does not take focus itself), and its link for the missing choice
    # moves focus to the first radio button.
    link = page.locator(f"{SUMMARY} a", has_text="Hoe mogen we je contacteren?")
    assert link.count() == 1, page.locator(SUMMARY).inner_text()
    _tab_until(page, f"{SUMMARY} a[href='{link.get_attribute('href')}']", seen)
    page.keyboard.press("Enter")
    target = page.evaluate("location.hash")
    assert page.locator(target).count() == 1, f"the error summary links to {target}, which is not on the page"
    assert page.evaluate("document.activeElement.name") == "contact_by", (
        "the error link does not focus the choice"
    )
    seen.append(focus_indicator(page) or {"label": "nothing focused", "visible": False})

    # Choose phone with Space (the first choice, now focused), type the number, and send with Space on the button.
    page.keyboard.press("Space")
    assert page.locator("input[name=contact_by][value=phone]").is_checked()
    _tab_until(page, "#id_phone", seen)
    page.keyboard.type("0470 12 34 56")
    # Consent to share the question is the family's own choice: tick it with Space.
    _tab_until(page, "input[name=scope][value=question]", seen)
    page.keyboard.press("Space")
    assert page.locator("input[name=scope][value=question]").is_checked()
    _tab_until(page, ASK_SUBMIT, seen)
    with page.expect_navigation(url=PRIVATE_URL):
        page.keyboard.press("Space")
    assert page.locator("h1").inner_text().strip() == "Bedankt, we hebben je vraag goed ontvangen"
    _ask_private_page(page)

    invisible = [s["label"] for s in seen if not s["visible"]]
    assert invisible == [], f"focused without a visible focus indicator: {invisible}"


# --- 4. a partner's answer without a note ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error"),
    [
        ("afgerond", "Schrijf kort wat het resultaat is."),
        ("geweigerd", "Geef een reden waarom je de doorverwijzing weigert."),
    ],
)
def test_completing_or_declining_a_referral_without_a_note_is_refused_with_an_error(
    demo, new_page, live_server, axe, status, error
):
    _request_id, referral_id = _referred_request(ORGANIZATION)
    if status == "afgerond":
        referral = Referral.objects.get(pk=referral_id)
        services.referral_advance(
            referral=referral, to=Referral.Status.ACCEPTED, acting_user=User.objects.get(email=EDITOR)
        )
    partner = new_page()
    sign_in(partner, live_server, EDITOR, TOTP_SECRET)
    referral_url = f"{live_server.url}{REFERRALS}{referral_id}/"
    visit(partner, live_server, f"{REFERRALS}{referral_id}/")
    partner.get_by_label(status, exact=True).check()
    if status == "geweigerd":  # the reason as a choice is given: only the note is missing
        partner.get_by_label("geen plaats (volzet of wachtlijst)", exact=True).check()
    with partner.expect_navigation(url=referral_url) as navigation:
        partner.get_by_role("button", name="Status bewaren").click()
    response = navigation.value
    assert response is not None and response.status == 200, (
        f"saving without a note answered {response.status}"
    )
    assert error in partner.locator(SUMMARY).inner_text()
    assert error in partner.locator(".field--error").inner_text()
    assert axe_violations(axe, partner) == []
    assert (
        Referral.objects.get(pk=referral_id).status
        != {"afgerond": "completed", "geweigerd": "declined"}[status]
    )
