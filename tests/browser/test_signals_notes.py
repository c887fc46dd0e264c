"""The policy note in Chromium: the coordinator picks two themes and a period, writes a text block, changes the
order, finalises the note after the confirmation, downloads the PDF (page 1 rendered to a PNG and looked at) and
records the municipality's answer; a partner's editor then reads the final note. On the way: axe-core on every page,
one h1 and nothing wider than 320 px."""

import datetime as dt
import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from django.core.cache import cache
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.signals.models import PolicyNote, Signal, Theme, VoiceContribution
from tests.accounts.factories import PASSWORD, RoleFactory, UserFactory
from tests.browser.staff_pages import TIMEOUT, check_page, click_to, sign_in, visit
from tests.conftest import TOTP_SECRET, with_two_factor
from tests.core.factories import NetworkFactory
from tests.directory.factories import MembershipFactory, OrganizationFactory
from tests.signals.factories import SignalFactory, ThemeFactory, VoiceContributionFactory

pytestmark = pytest.mark.browser
Role = RoleAssignment.Role


@pytest.fixture
def world(transactional_db):
    cache.clear()
    network = NetworkFactory(slug="leuven", name="Huis van het Kind Leuven")
    partner = MembershipFactory(
        organization=OrganizationFactory(network=network, name="Kind en Preventie", slug="kind-en-preventie")
    ).organization
    coordinator = with_two_factor(
        UserFactory(email="coo@example.org", full_name="Cora Coördinator", is_staff=True)
    )
    RoleFactory(user=coordinator, network=network, role=Role.COORDINATOR)
    editor = UserFactory(email="editor@example.org", full_name="Eddy Editor")
    RoleFactory(user=editor, network=network, role=Role.EDITOR, organization=partner)
    opvang = ThemeFactory(
        network=network,
        title="Wachtlijsten in de kinderopvang",
        proposal="Extra plaatsen met een inkomenstarief.",
    )
    nieuw = ThemeFactory(network=network, title="Nieuwkomersgezinnen bereiken", proposal="Een brugfiguur.")
    signal = SignalFactory(
        network=network,
        theme=opvang,
        title="Geen opvangplaats bij terugkeer naar het werk",
        status=Signal.Status.THEMED,
        organization=partner,
        reporter_count=4,
        evidence="Een moeder: “Ik heb mijn job bijna moeten opgeven.”",
    )
    VoiceContributionFactory(
        network=network,
        text="Ik zoek al maanden opvang voor mijn dochter.",
        status=VoiceContribution.Status.LINKED,
        signal=signal,
    )
    VoiceContributionFactory(
        network=network,
        text="Bel me op 0470 12 34 56.",
        status=VoiceContribution.Status.LINKED,
        signal=signal,
    )
    SignalFactory(network=network, theme=nieuw, status=Signal.Status.THEMED, organization=partner)
    return {
        "network": network,
        "coordinator": coordinator,
        "editor": editor,
        "opvang": opvang,
        "nieuw": nieuw,
    }


def test_a_policy_note_from_themes_to_the_pdf_and_the_answer(world, new_context, live_server, axe, tmp_path):
    today = timezone.localdate()
    page = new_context(timeout=TIMEOUT).new_page()
    sign_in(page, live_server, world["coordinator"].email, TOTP_SECRET, password=PASSWORD)

    # 1. The list, then a new note with two themes over this year.
    visit(page, live_server, "/portal/signals/notes/")
    check_page(page, axe, "notes list")
    click_to(page, page.get_by_role("link", name="Nieuwe beleidsnota"), "**/notes/new/")
    check_page(page, axe, "new note")
    page.get_by_label("Titel van de nota").fill("Beleidsnota dit jaar")
    page.get_by_label("Wachtlijsten in de kinderopvang").check()
    page.get_by_label("Nieuwkomersgezinnen bereiken").check()
    page.get_by_label("Signalen gemeld vanaf").fill((today - dt.timedelta(days=30)).isoformat())
    page.get_by_label("tot en met").fill(today.isoformat())
    click_to(page, page.get_by_role("button", name="Maak de nota"), "**/portal/signals/notes/*/")
    note = PolicyNote.objects.get(title="Beleidsnota dit jaar")
    check_page(page, axe, "draft note")
    body = page.locator("main").inner_text()
    assert "Ik heb mijn job bijna moeten opgeven." in body and "0470" not in body

    # 2. A text block, and the childcare theme (second: the themes come in alphabetical order) moved up.
    field = page.locator(f"#id_s-{note.sections.get(position=1).pk}-text")
    page.locator("details", has=field).locator("summary").click()
    field.fill("Ouders wachten maanden op een plaats.")
    click_to(page, page.get_by_role("button", name="Bewaar de tekst").first, "**/portal/signals/notes/*/")
    click_to(
        page,
        page.get_by_role("button", name="“Wachtlijsten in de kinderopvang” omhoog"),
        "**/portal/signals/notes/*/",
    )
    assert list(note.sections.order_by("position").values_list("theme__title", flat=True)) == [
        "Wachtlijsten in de kinderopvang",
        "Nieuwkomersgezinnen bereiken",
    ]
    assert note.sections.get(position=2).text == "Ouders wachten maanden op een plaats."

    # 3. Finalise after the confirmation.
    click_to(page, page.get_by_role("link", name="Maak de nota definitief"), "**/finalise/")
    check_page(page, axe, "finalise")
    page.get_by_label("Ik heb de nota nagelezen. Maak ze definitief.").check()
    click_to(page, page.get_by_role("button", name="Maak definitief"), "**/portal/signals/notes/*/")
    note.refresh_from_db()
    assert note.status == PolicyNote.Status.FINAL
    check_page(page, axe, "final note")

    # 4. The PDF: page 1 rendered to a PNG and looked at.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download als PDF").click()
    data = Path(download_info.value.path()).read_bytes()
    document = pdfium.PdfDocument(data)
    try:
        text = " ".join(document[0].get_textpage().get_text_range().split())
        image = document[0].render(scale=1.5).to_pil()
    finally:
        document.close()
    assert "Huis van het Kind Leuven" in text and "Beleidsnota" in text
    assert "Wachtlijsten in de kinderopvang" in text and "0470" not in text
    png = tmp_path / "note-page-1.png"
    image.save(png, format="PNG")
    grey = image.convert("L")
    assert grey.getextrema()[0] < 64  # something black was drawn
    top = grey.crop((0, 0, grey.width, grey.height // 4))
    assert sum(1 for v in top.get_flattened_data() if v < 128) > 500  # the cover with the name and the title
    assert png.read_bytes().startswith(b"\x89PNG")
    assert io.BytesIO(png.read_bytes()).getbuffer().nbytes > 10_000

    # 5. The municipality's answer on one theme.
    click_to(
        page,
        page.get_by_role(
            "link", name="Antwoord van de gemeente op “Wachtlijsten in de kinderopvang” noteren"
        ),
        "**/answer/",
    )
    check_page(page, axe, "theme answer")
    page.locator("#id_answer").fill("De stad opent dertig extra plaatsen.")
    click_to(page, page.get_by_role("button", name="Bewaar het antwoord"), "**/portal/signals/notes/*/")
    assert Theme.objects.get(pk=world["opvang"].pk).status == Theme.Status.ANSWERED
    assert "De stad opent dertig extra plaatsen." in page.locator("main").inner_text()

    # 6. A partner's editor reads the final note, without forms.
    reader = new_context(timeout=TIMEOUT).new_page()
    sign_in(reader, live_server, world["editor"].email, password=PASSWORD)
    visit(reader, live_server, f"/portal/signals/notes/{note.pk}/")
    check_page(reader, axe, "final note for a partner")
    assert reader.locator("main form[method=post]").count() == 0
