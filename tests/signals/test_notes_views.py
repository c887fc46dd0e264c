"""The policy note's pages with every persona: who sees which note (and another network's by id: never), the forms
and their errors, finalising with a confirmation, the municipality's answer, and the downloads (a real PDF with the
network's name, the themes and the heading; a Word-friendly HTML file) that never hold a personal quote."""

import datetime as dt
import io

import pypdfium2 as pdfium
import pytest
from allauth.mfa.utils import is_mfa_enabled
from django.urls import reverse
from django.utils import timezone

from hvhk.signals.models import PolicyNote, Signal, Theme, ThemeAnswer
from hvhk.signals.services import notes as services
from tests.conftest import with_two_factor
from tests.signals.factories_notes import PHONE_QUOTE, note_world

pytestmark = pytest.mark.django_db
note_world = note_world  # the shared fixture

PERSONAS = [
    "coordinator_a",
    "trekker_a",
    "editor_a",
    "member_a",
    "other_editor_a",
    "intake_a",
    "analyst_a",
    "coordinator_b",
]
TRIAGERS = {"coordinator_a", "trekker_a"}
READERS = {"editor_a", "member_a", "other_editor_a", "intake_a"}


@pytest.fixture
def login(client):
    """Sign in as a persona (intake staff need their second factor, as every role that may see personal data)."""

    def login(user):
        if not is_mfa_enabled(user):
            with_two_factor(user)
        client.force_login(user)
        return user

    return login


def _urls(world) -> dict[str, str]:
    draft, final, other = world["draft"].pk, world["final"].pk, world["other"].pk
    section = world["draft"].sections.get(position=1).pk
    return {
        "notes": "/portal/signals/notes/",
        "note-new": "/portal/signals/notes/new/",
        "draft": f"/portal/signals/notes/{draft}/",
        "draft-pdf": f"/portal/signals/notes/{draft}/note.pdf",
        "draft-html": f"/portal/signals/notes/{draft}/note.html",
        "draft-finalise": f"/portal/signals/notes/{draft}/finalise/",
        "final": f"/portal/signals/notes/{final}/",
        "final-pdf": f"/portal/signals/notes/{final}/note.pdf",
        "final-html": f"/portal/signals/notes/{final}/note.html",
        "other": f"/portal/signals/notes/{other}/",
        "other-pdf": f"/portal/signals/notes/{other}/note.pdf",
        "other-html": f"/portal/signals/notes/{other}/note.html",
        "theme-answer": f"/portal/signals/themes/{world['opvang'].pk}/answer/",
        "other-theme-answer": f"/portal/signals/themes/{world['other_theme'].pk}/answer/",
        "section": f"/portal/signals/notes/{draft}/sections/{section}/",
    }


def _expected(who: str) -> dict[str, int]:
    if who == "coordinator_b":  # a network of its own: its note opens at its own id, nothing of A does
        opens = {"notes", "note-new", "other", "other-pdf", "other-html", "other-theme-answer"}
    elif who in TRIAGERS:
        opens = {"notes", "note-new", "draft", "draft-pdf", "draft-html", "draft-finalise", "final"}
        opens |= {"final-pdf", "final-html", "theme-answer"}
    elif who in READERS:
        opens = {"notes", "final", "final-pdf", "final-html"}
    else:  # the analyst: counts only, no texts
        opens = set()
    names = [name for name in _URL_NAMES if name != "section"]
    return {name: 200 if name in opens else 404 for name in names}


_URL_NAMES = [
    "notes",
    "note-new",
    "draft",
    "draft-pdf",
    "draft-html",
    "draft-finalise",
    "final",
    "final-pdf",
    "final-html",
    "other",
    "other-pdf",
    "other-html",
    "theme-answer",
    "other-theme-answer",
    "section",
]


def test_the_url_names_are_the_agreed_ones(note_world):
    urls = _urls(note_world)
    assert set(urls) == set(_URL_NAMES)
    draft = note_world["draft"].pk
    assert reverse("signals:notes") == urls["notes"]
    assert reverse("signals:note-new") == urls["note-new"]
    assert reverse("signals:note-detail", args=[draft]) == urls["draft"]
    assert reverse("signals:note-pdf", args=[draft]) == urls["draft-pdf"]
    assert reverse("signals:note-html", args=[draft]) == urls["draft-html"]
    assert reverse("signals:theme-answer", args=[note_world["opvang"].pk]) == urls["theme-answer"]


def test_without_an_account_every_page_asks_to_sign_in(client, note_world):
    for name, url in _urls(note_world).items():
        response = client.get(url)
        if name == "section":
            assert response.status_code == 405, url  # POST only
            continue
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url


@pytest.mark.parametrize("who", PERSONAS)
def test_every_page_by_persona(request, client, login, note_world, who):
    login(request.getfixturevalue(who))
    urls = _urls(note_world)
    expected = _expected(who)
    got = {name: client.get(urls[name]).status_code for name in expected}
    assert got == expected


@pytest.mark.parametrize("who", [*sorted(READERS), "analyst_a", "coordinator_b"])
def test_read_only_roles_cannot_write(request, client, login, note_world, who):
    login(request.getfixturevalue(who))
    urls = _urls(note_world)
    note = note_world["draft"]
    section = note.sections.get(position=1)
    posts = {
        urls["note-new"]: {"title": "x", "themes": [note_world["opvang"].pk]},
        reverse("signals:note-edit", args=[note.pk]): {"note-title": "Gekaapt"},
        urls["section"]: {f"s-{section.pk}-text": "Gekaapt"},
        reverse("signals:note-section-move", args=[note.pk, section.pk]): {"direction": "down"},
        reverse("signals:note-section-add", args=[note.pk]): {"add-theme": note_world["spare"].pk},
        reverse("signals:note-section-remove", args=[note.pk, section.pk]): {},
        urls["draft-finalise"]: {"confirm": "on"},
        urls["theme-answer"]: {"answered_on": "2026-01-01", "answer": "Gekaapt"},
    }
    if who == "coordinator_b":  # writes notes in B: A's themes are simply not a choice there
        data = {**posts.pop(urls["note-new"]), "period_start": "2025-01-01", "period_end": "2025-12-31"}
        response = client.post(urls["note-new"], data)
        assert response.status_code == 200 and "Selecteer een geldige keuze" in response.content.decode()
    for url, data in posts.items():
        assert client.post(url, data).status_code == 404, url
    note.refresh_from_db()
    assert note.title == "Beleidsnota ontwerp" and note.status == PolicyNote.Status.DRAFT
    assert not ThemeAnswer.objects.exists()
    assert PolicyNote.objects.count() == 3
    assert list(note.sections.order_by("position").values_list("theme__title", flat=True)) == [
        "Wachtlijsten in de kinderopvang",
        "Nieuwkomers bereiken",
    ]


def test_readers_see_only_final_notes_in_the_list(client, login, note_world, member_a):
    login(member_a)
    page = client.get("/portal/signals/notes/").content.decode()
    assert "Beleidsnota vorig jaar" in page
    assert "Beleidsnota ontwerp" not in page and "Nota van B" not in page
    assert reverse("signals:note-new") not in page


def test_the_detail_shows_the_note_with_its_blocks_for_a_triager(client, login, note_world, coordinator_a):
    login(coordinator_a)
    page = client.get(_urls(note_world)["draft"]).content.decode()
    assert page.count("<h1") == 1
    assert "Wachtlijsten in de kinderopvang" in page and "Nieuwkomers bereiken" in page
    assert "We wachten al acht maanden op een plaats." in page
    assert "0470" not in page
    assert "Kind en Gezin A" in page
    assert reverse("signals:note-finalise", args=[note_world["draft"].pk]) in page
    assert 'name="direction" value="down"' in page


def test_a_reader_sees_a_final_note_without_forms(client, login, note_world, editor_a):
    login(editor_a)
    page = client.get(_urls(note_world)["final"]).content.decode()
    assert "Beleidsnota vorig jaar" in page
    assert '<form method="post" action="/portal/signals' not in page
    assert "/answer/" not in page


def test_a_new_note_defaults_to_last_calendar_year_and_is_made(client, login, note_world, coordinator_a):
    login(coordinator_a)
    page = client.get("/portal/signals/notes/new/").content.decode()
    last_year = timezone.localdate().year - 1
    assert f'value="{last_year}-01-01"' in page and f'value="{last_year}-12-31"' in page
    assert 'type="checkbox"' in page and "Thema van B" not in page
    response = client.post(
        "/portal/signals/notes/new/",
        {
            "title": "Beleidsnota nieuw",
            "themes": [note_world["nieuw"].pk, note_world["spare"].pk],
            "period_start": f"{last_year}-01-01",
            "period_end": f"{last_year}-12-31",
        },
    )
    note = PolicyNote.objects.get(title="Beleidsnota nieuw")
    assert response.status_code == 302 and response["Location"] == f"/portal/signals/notes/{note.pk}/"
    assert note.sections.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "themes": "A"}, "Geef de nota een titel."),
        ({"title": "Nota", "themes": None}, "Kies minstens één thema."),
        ({"title": "Nota voor jan@example.org", "themes": "A"}, "e-mailadres"),
        ({"title": "Nota", "themes": "B"}, "Selecteer een geldige keuze"),
        (
            {"title": "Nota", "themes": "A", "period_end": "2020-01-01"},
            "Het einde van de periode ligt voor het begin.",
        ),
    ],
)
def test_a_new_note_with_bad_input_says_what_is_wrong(
    client, login, note_world, coordinator_a, data, message
):
    login(coordinator_a)
    themes = {"A": [note_world["opvang"].pk], "B": [note_world["other_theme"].pk], None: []}[
        data.pop("themes")
    ]
    payload = {"period_start": "2025-01-01", "period_end": "2025-12-31", "themes": themes, **data}
    response = client.post("/portal/signals/notes/new/", payload)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert PolicyNote.objects.count() == 3


def test_section_text_errors_show_on_the_note_and_script_is_escaped(client, login, note_world, coordinator_a):
    login(coordinator_a)
    note = note_world["draft"]
    section = note.sections.get(position=1)
    url = reverse("signals:note-section", args=[note.pk, section.pk])
    response = client.post(url, {f"s-{section.pk}-text": "x" * 8001, f"s-{section.pk}-proposal": ""})
    assert response.status_code == 400
    assert "Deze tekst is te lang" in response.content.decode()
    response = client.post(url, {f"s-{section.pk}-text": "Bel 0470 12 34 56", f"s-{section.pk}-proposal": ""})
    assert response.status_code == 400 and "telefoonnummer" in response.content.decode()
    response = client.post(
        url,
        {f"s-{section.pk}-text": "<script>alert(1)</script>", f"s-{section.pk}-proposal": "Meer plaatsen."},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    html = client.get(_urls(note_world)["draft-html"]).content.decode()
    assert "<script" not in html and "&lt;script&gt;" in html


def test_note_fields_and_order_change_through_the_page(client, login, note_world, coordinator_a):
    login(coordinator_a)
    note = note_world["draft"]
    response = client.post(
        reverse("signals:note-edit", args=[note.pk]),
        {
            "note-title": "Beleidsnota 2026",
            "note-addressee": "het college",
            "note-period_start": note_world["start"].isoformat(),
            "note-period_end": note_world["end"].isoformat(),
            "note-introduction": "Inleiding.",
            "note-closing": "",
        },
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.title == "Beleidsnota 2026"
    first = note.sections.get(position=1)
    client.post(reverse("signals:note-section-move", args=[note.pk, first.pk]), {"direction": "down"})
    assert note.sections.get(pk=first.pk).position == 2
    client.post(reverse("signals:note-section-add", args=[note.pk]), {"add-theme": note_world["spare"].pk})
    assert note.sections.count() == 3
    client.post(reverse("signals:note-section-remove", args=[note.pk, first.pk]))
    assert list(note.sections.order_by("position").values_list("position", flat=True)) == [1, 2]
    response = client.post(
        reverse("signals:note-section-add", args=[note.pk]), {"add-theme": note_world["other_theme"].pk}
    )
    assert response.status_code == 400 and "Kies een thema uit de lijst." in response.content.decode()


def test_finalising_asks_for_a_confirmation(client, login, note_world, coordinator_a):
    login(coordinator_a)
    url = _urls(note_world)["draft-finalise"]
    response = client.post(url, {})
    assert (
        response.status_code == 200
        and "Vink aan dat je de nota definitief wilt maken." in response.content.decode()
    )
    note = PolicyNote.objects.get(pk=note_world["draft"].pk)
    assert note.status == PolicyNote.Status.DRAFT
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.status == PolicyNote.Status.FINAL
    assert Signal.objects.get(pk=note_world["themed"].pk).status == Signal.Status.POLICY
    page = client.get(_urls(note_world)["draft"]).content.decode()  # now final: no forms, answers possible
    assert reverse("signals:note-finalise", args=[note.pk]) not in page
    assert reverse("signals:theme-answer", args=[note_world["opvang"].pk]) in page
    # editing a final note through a page only says it cannot
    section = note.sections.get(position=1)
    response = client.post(
        reverse("signals:note-section", args=[note.pk, section.pk]), {f"s-{section.pk}-text": "x"}
    )
    assert response.status_code == 302
    assert PolicyNote.objects.get(pk=note.pk).sections.get(pk=section.pk).text == ""


def test_the_municipality_answer_is_recorded_on_the_theme(client, login, note_world, coordinator_a):
    login(coordinator_a)
    note = services.policy_note_finalise(note=note_world["draft"], acting_user=coordinator_a)
    url = _urls(note_world)["theme-answer"]
    page = client.get(url).content.decode()
    assert "Beleidsnota ontwerp" in page  # the note that carried the theme can be chosen
    response = client.post(url, {"answered_on": "31/12/2999", "note": note.pk, "answer": "Ja"})
    assert response.status_code == 200 and "toekomst" in response.content.decode()
    response = client.post(url, {"answered_on": "", "note": note.pk, "answer": ""})
    assert "Vul een datum in." in response.content.decode() and "Vul dit in." in response.content.decode()
    response = client.post(
        url,
        {
            "answered_on": timezone.localdate().isoformat(),
            "note": note.pk,
            "answer": "De gemeente opent 30 extra plaatsen.",
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/portal/signals/notes/{note.pk}/"
    assert Theme.objects.get(pk=note_world["opvang"].pk).status == Theme.Status.ANSWERED
    assert Signal.objects.get(pk=note_world["themed"].pk).status == Signal.Status.ANSWERED
    page = client.get(response["Location"]).content.decode()
    assert "De gemeente opent 30 extra plaatsen." in page


# --- downloads ---------------------------------------------------------------------------------------------------


def _pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def test_the_pdf_is_a_real_pdf_with_the_network_the_themes_and_no_personal_quote(
    client, login, note_world, coordinator_a, network_a
):
    login(coordinator_a)
    response = client.get(_urls(note_world)["draft-pdf"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"].startswith("attachment;")
        and ".pdf" in response["Content-Disposition"]
    )
    assert response.content.startswith(b"%PDF-")
    text = " ".join(_pdf_text(response.content).split())
    assert network_a.name in text
    assert "Beleidsnota" in text
    assert "Wachtlijsten in de kinderopvang" in text and "Nieuwkomers bereiken" in text
    assert "Extra plaatsen met een inkomenstarief." in text
    assert "acht maanden" in text  # the safe quote
    assert "0470" not in text and "example.org" not in text


def test_the_pdf_first_page_renders_to_a_picture_that_is_not_blank(client, login, note_world, coordinator_a):
    login(coordinator_a)
    data = client.get(_urls(note_world)["draft-pdf"]).content
    document = pdfium.PdfDocument(data)
    try:
        image = document[0].render(scale=1).to_pil()
    finally:
        document.close()
    width, height = image.size
    assert abs(width / height - 210 / 297) < 0.01  # A4
    png = io.BytesIO()
    image.save(png, format="PNG")
    assert png.getvalue().startswith(b"\x89PNG")
    grey = image.convert("L")
    dark = sum(1 for value in grey.get_flattened_data() if value < 128)
    assert dark > width * height * 0.002  # text was drawn
    assert grey.getextrema()[0] < 64  # and it is black on white, not a blank page


def test_the_word_download_is_simple_html_without_scripts_or_outside_resources(
    client, login, note_world, coordinator_a
):
    login(coordinator_a)
    response = client.get(_urls(note_world)["draft-html"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert (
        response["Content-Disposition"].startswith("attachment;")
        and ".html" in response["Content-Disposition"]
    )
    html = response.content.decode()
    assert html.startswith("<!doctype html>") and '<meta charset="utf-8">' in html
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert "src=" not in html and "http://" not in html and "https://" not in html
    assert 'style="' in html
    assert "Wachtlijsten in de kinderopvang" in html and note_world["draft"].network.name in html
    assert PHONE_QUOTE not in html and "0470" not in html and "example.org" not in html


def test_downloads_of_a_final_note_do_not_change_when_signals_do(client, login, note_world, coordinator_a):
    login(coordinator_a)
    services.policy_note_finalise(note=note_world["draft"], acting_user=coordinator_a)
    before = _pdf_text(client.get(_urls(note_world)["draft-pdf"]).content)
    signal = note_world["themed"]
    signal.title = "Een titel van na de nota"
    signal.save()
    after = _pdf_text(client.get(_urls(note_world)["draft-pdf"]).content)
    assert "Een titel van na de nota" not in after
    assert "Geen opvangplaats bij terugkeer naar het werk" in " ".join(after.split())
    assert before.replace(" ", "") == after.replace(" ", "")


def test_the_list_costs_the_same_queries_for_more_notes(client, login, note_world, coordinator_a, network_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(coordinator_a)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/portal/signals/notes/").status_code == 200
    for year in (2020, 2021, 2022):
        services.policy_note_create(
            network=network_a,
            title=f"Beleidsnota {year}",
            period_start=dt.date(year, 1, 1),
            period_end=dt.date(year, 12, 31),
            themes=[note_world["opvang"], note_world["spare"]],
            acting_user=coordinator_a,
        )
    with CaptureQueriesContext(connection) as more:
        page = client.get("/portal/signals/notes/").content.decode()
    assert "Beleidsnota 2021" in page
    assert len(more.captured_queries) == len(few.captured_queries)
