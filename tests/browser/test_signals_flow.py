"""From a parent's words to the note for the municipality, in Chromium on the demo network: a parent writes on the
voice page in Arabic on a 360 px phone; the coordinator turns the contribution into a signal, bundles it into a
theme and makes a policy note with that theme; the note's PDF carries the theme, the count and the parent's words.
Page 1 of the PDF is rendered to PNG (tests/browser/screenshots/) to be looked at."""

import datetime as dt

import pypdfium2
import pytest
from django.core.cache import cache
from django.utils import timezone

from hvhk.core.models import Network
from hvhk.demo.services import DEMO_TOTP_SECRET, demo_load
from hvhk.signals.models import PolicyNote, Signal, Theme, VoiceContribution
from tests.browser.conftest import SCREENSHOTS
from tests.browser.staff_pages import TIMEOUT, check_page, click_to, sign_in, visit

pytestmark = pytest.mark.browser
COORDINATOR = "coordinator@leuven.demo"
# "There is no Dutch class with childcare for mothers of small children in the evening."
PARENTS_WORDS = "لا توجد دروس لغة هولندية مع رعاية للأطفال في المساء للأمهات"


@pytest.fixture
def demo(transactional_db):
    demo_load()
    cache.clear()
    return Network.objects.get(slug="leuven")


def _pdf_pages(pdf: bytes) -> tuple[list[str], pypdfium2.PdfDocument]:
    document = pypdfium2.PdfDocument(pdf)
    texts = [document[index].get_textpage().get_text_range() for index in range(len(document))]
    return texts, document


def test_a_parents_words_reach_the_policy_note(demo, new_context, live_server, axe):
    SCREENSHOTS.mkdir(exist_ok=True)

    # A parent, on a phone, in Arabic: no account.
    parent = new_context(language="ar", width=360, height=800, timeout=TIMEOUT).new_page()
    visit(parent, live_server, "/leuven/voice/?lang=ar")
    assert parent.locator("html").get_attribute("dir") == "rtl"
    check_page(parent, axe, "voice (ar)")
    parent.set_viewport_size({"width": 360, "height": 800})
    parent.screenshot(path=SCREENSHOTS / "signals-flow-0-voice-ar.png", full_page=True)
    parent.locator("#id_text").fill(PARENTS_WORDS)
    click_to(parent, parent.locator("form.form button[type=submit]"), "**/leuven/voice/thanks/**")
    parent.screenshot(path=SCREENSHOTS / "signals-flow-1-voice-thanks-ar.png", full_page=True)
    contribution = VoiceContribution.objects.get(network=demo, text=PARENTS_WORDS)
    assert contribution.status == VoiceContribution.Status.NEW
    assert contribution.language == "ar"

    # The coordinator moderates it into a signal.
    coordinator = new_context(timeout=TIMEOUT).new_page()
    sign_in(coordinator, live_server, COORDINATOR, DEMO_TOTP_SECRET)
    visit(coordinator, live_server, "/portal/signals/voice/")
    assert coordinator.get_by_text(PARENTS_WORDS).count() >= 1
    visit(coordinator, live_server, f"/portal/signals/voice/{contribution.pk}/")
    check_page(coordinator, axe, "contribution")
    click_to(
        coordinator,
        coordinator.locator("form:has(input[name=action][value=signal]) button[type=submit]"),
        "**/portal/signals/voice/",
    )
    contribution.refresh_from_db()
    assert contribution.status == VoiceContribution.Status.SIGNAL
    signal = contribution.signal
    assert signal.origin == Signal.Origin.VOICE and signal.source == Signal.Source.PARENTS

    # ... bundles it into a theme ...
    theme = Theme.objects.get(network=demo, title__icontains="nieuwkomer")
    visit(coordinator, live_server, f"/portal/signals/{signal.pk}/")
    coordinator.locator("#id_theme-theme").select_option(str(theme.pk))
    click_to(
        coordinator,
        coordinator.locator("form:has(input[name=action][value=theme]) button[type=submit]"),
        f"**/portal/signals/{signal.pk}/**",
    )
    signal.refresh_from_db()
    assert signal.theme == theme and signal.status == Signal.Status.THEMED

    # ... and makes this year's policy note with that theme.
    today = timezone.localdate()
    visit(coordinator, live_server, "/portal/signals/notes/new/")
    coordinator.locator("#id_title").fill("Signalen van dit jaar")
    coordinator.locator(f"input[name=themes][value='{theme.pk}']").check()
    coordinator.locator("#id_period_start").fill((today - dt.timedelta(days=60)).isoformat())
    coordinator.locator("#id_period_end").fill(today.isoformat())
    click_to(coordinator, coordinator.locator("form.form button[type=submit]"), "**/portal/signals/notes/*/")
    note = PolicyNote.objects.get(network=demo, title="Signalen van dit jaar")
    check_page(coordinator, axe, "note")
    coordinator.set_viewport_size({"width": 360, "height": 800})
    coordinator.screenshot(path=SCREENSHOTS / "signals-flow-3-note-nl.png", full_page=True)
    assert coordinator.get_by_text(PARENTS_WORDS).count() >= 1

    response = coordinator.request.get(f"{live_server.url}/portal/signals/notes/{note.pk}/note.pdf")
    assert response.ok and response.headers["content-type"] == "application/pdf"
    texts, document = _pdf_pages(response.body())
    # Page by page to PNG: every page has ink on it (not blank), and a person can look at them.
    for index in range(len(document)):
        image = document[index].render(scale=1.5).to_pil()
        image.save(SCREENSHOTS / f"signals-flow-2-note-page-{index + 1}.png")
        grey = image.convert("L")
        dark = sum(1 for value in grey.getdata() if value < 128)
        assert dark > 1000, f"page {index + 1} of the note looks blank"
    text = " ".join(" ".join(texts).split())  # lines joined: a phrase may wrap
    assert demo.name in text
    assert theme.title in text
    assert "Wat ouders en partners zeggen" in text  # the quotes: the parent's words are there
    # The PDF draws the Arabic (see the PNG) without a usable text layer for it; the Word-friendly version holds
    # the words, quoted once, with where they come from.
    word = coordinator.request.get(f"{live_server.url}/portal/signals/notes/{note.pk}/note.html").text()
    assert word.count(f"“{PARENTS_WORDS}”") == 1
    assert word.count(PARENTS_WORDS) == 2  # the signal's title (the parent's words) and that one quote
    assert "via de stem van ouders" in word
    counted = theme.signals.filter(
        status__in=Signal.COUNTED, created_at__date__gte=today - dt.timedelta(days=60)
    )
    assert str(counted.count()) in text
