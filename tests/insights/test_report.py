"""The annual report: the command writes a PDF whose pages carry the figures of hand-built data (small counts of
families read "< 5"), bad arguments are refused, the portal page and its PDF are for the coordinator and the
analyst only, and only the coordinator writes the year's introduction and closing."""

import datetime as dt
import io
import re

import pypdfium2 as pdfium
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from hvhk.insights.models import ReportText
from hvhk.insights.services.report import report_text_save
from hvhk.referrals.models import SupportRequest
from hvhk.signals.models import Signal
from tests.insights.conftest import NETWORK_WIDE, PARTNER_STAFF
from tests.network.factories import BodyFactory, DecisionFactory, MeetingFactory
from tests.referrals.factories import make_request
from tests.signals.factories import SignalFactory

YEAR = timezone.localdate().year


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    document = pdfium.PdfDocument(pdf)
    text = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    document[0].render(scale=0.5).to_pil()  # the cover renders
    return len(document), " ".join(text.split())


@pytest.fixture
def year_data(network_a, partner_a):
    """Network A's year: 12 questions this year and 6 the year before, 7 signals, 3 meetings with 2 decisions of
    an open steering group; and in network B a question that must not count."""
    for _ in range(12):
        make_request(network_a)
    for _ in range(6):
        request, _token = make_request(network_a)
        SupportRequest.objects.filter(pk=request.pk).update(
            created_at=dt.datetime(YEAR - 1, 5, 10, 10, tzinfo=dt.UTC)
        )
    SignalFactory.create_batch(7, network=network_a)
    SignalFactory(network=network_a, status=Signal.Status.PROPOSED)  # a proposal is not (yet) a signal
    body = BodyFactory(network=network_a, name="Stuurgroep A", kind="steering_group", is_open=True)
    held = [dt.datetime(YEAR, month, 12, 14, tzinfo=dt.UTC) for month in (1, 2, 3)]
    meetings = [MeetingFactory(body=body, starts_at=at) for at in held]
    DecisionFactory(agenda_item__meeting=meetings[0], text="We starten een werkgroep rond wachtlijsten.")
    DecisionFactory(agenda_item__meeting=meetings[1], text="De netwerklunch verhuist naar dinsdag.")
    return network_a


def test_the_command_writes_a_pdf_with_the_figures(year_data, tmp_path, coordinator_a):
    report_text_save(
        network=year_data,
        year=YEAR,
        introduction="Een jaar waarin het netwerk groeide.",
        closing="Dank aan alle partners.",
        acting_user=coordinator_a,
    )
    target = tmp_path / "verslag.pdf"
    out = io.StringIO()
    call_command("annual-report", network="netwerk-a", year=str(YEAR), output=str(target), stdout=out)
    pages, text = _pdf_text(target.read_bytes())
    assert (
        pages >= 10
    )  # cover, contents, introduction, 8 chapters, closing (the chapters start on a new page)
    assert f"Jaarverslag {YEAR}" in text and "Huis van het Kind A" in text
    assert f"In {YEAR} stelden 12 gezinnen een vraag, 100 % meer dan in {YEAR - 1}." in text
    assert f"In {YEAR} kwamen 7 signalen binnen." in text
    assert f"In {YEAR} kwamen ze 3 keer samen en namen ze 2 besluiten." in text
    assert "We starten een werkgroep rond wachtlijsten." in text
    assert "< 5" in text  # the questions per life domain: 12 without a domain is shown, …
    assert "Een jaar waarin het netwerk groeide." in text and "Dank aan alle partners." in text
    assert "Sara Peeters" not in text and "0470" not in text  # no family's name or number
    summary = out.getvalue()
    assert "Signalen en wat ermee gebeurde" in summary  # progress per chapter
    assert f"({pages} pages," in summary and " s." in summary


def test_a_suppressed_count_reads_less_than_five(network_a, tmp_path):
    for _ in range(3):
        make_request(network_a)
    target = tmp_path / "verslag.pdf"
    call_command(
        "annual-report", network="netwerk-a", year=str(YEAR), output=str(target), stdout=io.StringIO()
    )
    _pages, text = _pdf_text(target.read_bytes())
    assert f"In {YEAR} stelden een verborgen aantal gezinnen een vraag." in text
    assert "Totaal < 5" in text  # the table of questions per life domain, its total hidden too
    chapter = text.split("Vragen van gezinnen en doorverwijzingen In")[1].split("6 Signalen en wat ermee")[0]
    chapter = re.sub(r"\d+ / \d+", "", chapter.replace(str(YEAR), ""))  # no year, no page numbers
    chapter = re.sub(r"\d+ tot \d+ jaar", "", chapter)  # nor the age bands' names
    assert set(re.findall(r"\d+", chapter)) == {"5"}  # the 3 itself appears nowhere, only "< 5"


def test_another_networks_figures_stay_out(year_data, network_b, tmp_path):
    for _ in range(8):
        make_request(network_b)
    target = tmp_path / "b.pdf"
    call_command(
        "annual-report", network="netwerk-b", year=str(YEAR), output=str(target), stdout=io.StringIO()
    )
    _pages, text = _pdf_text(target.read_bytes())
    assert f"In {YEAR} stelden 8 gezinnen een vraag." in text
    assert "Stuurgroep A" not in text and "Huis van het Kind A" not in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"network": "nergens", "year": str(YEAR)}, "No network with the slug 'nergens'"),
        ({"network": "netwerk-a", "year": "twintig"}, "--year wants a year"),
        ({"network": "netwerk-a", "year": str(YEAR + 1)}, "--year wants a year"),
        ({"network": "netwerk-a", "year": "1999"}, "--year wants a year"),
    ],
)
def test_bad_arguments_get_a_clear_message(network_a, tmp_path, arguments, message):
    target = tmp_path / "x.pdf"
    with pytest.raises(CommandError, match=message):
        call_command("annual-report", output=str(target), stdout=io.StringIO(), **arguments)
    assert not target.exists()


def test_a_missing_folder_is_refused(network_a, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command(
            "annual-report", network="netwerk-a", year=str(YEAR), output=str(tmp_path / "nee" / "x.pdf")
        )


# --- the portal -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", NETWORK_WIDE)
def test_the_coordinator_and_the_analyst_get_the_page_and_the_pdf(persona, request, login, client, year_data):
    login(request.getfixturevalue(persona))
    page = client.get(reverse("insights:report"))
    assert page.status_code == 200
    body = page.content.decode()
    assert reverse("insights:report-pdf", kwargs={"year": YEAR}) in body
    assert ('name="introduction"' in body) == (persona == "coordinator_a")
    response = client.get(reverse("insights:report-pdf", kwargs={"year": YEAR}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    _pages, text = _pdf_text(response.content)
    assert "Huis van het Kind A" in text and "12 gezinnen" in text


@pytest.mark.parametrize("persona", [*PARTNER_STAFF, "intake_a"])
def test_everyone_else_gets_a_404(persona, request, login, client, year_data):
    login(request.getfixturevalue(persona))
    assert client.get(reverse("insights:report")).status_code == 404
    assert client.get(reverse("insights:report-pdf", kwargs={"year": YEAR})).status_code == 404
    response = client.post(reverse("insights:report"), {"year": YEAR, "introduction": "x", "closing": ""})
    assert response.status_code == 404
    assert not ReportText.objects.exists()


def test_network_b_coordinator_gets_network_b_report_only(login, client, year_data, coordinator_b):
    login(coordinator_b)
    response = client.get(reverse("insights:report-pdf", kwargs={"year": YEAR}))
    assert response.status_code == 200
    _pages, text = _pdf_text(response.content)
    assert "Huis van het Kind B" in text and "Huis van het Kind A" not in text and "Stuurgroep A" not in text


def test_without_signing_in_the_report_asks_for_a_login(client, db):
    for url in (reverse("insights:report"), reverse("insights:report-pdf", kwargs={"year": YEAR})):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_unknown_year_is_a_404(login, client, coordinator_a):
    login(coordinator_a)
    assert client.get(reverse("insights:report"), {"year": "1999"}).status_code == 404
    assert client.get(reverse("insights:report-pdf", kwargs={"year": YEAR + 1})).status_code == 404


def test_the_coordinator_saves_the_texts_through_the_form(login, client, coordinator_a, network_a):
    login(coordinator_a)
    response = client.post(
        reverse("insights:report"), {"year": YEAR, "introduction": "Welkom.", "closing": "Tot volgend jaar."}
    )
    assert response.status_code == 302
    text = ReportText.objects.get(network=network_a, year=YEAR)
    assert (text.introduction, text.closing, text.updated_by) == (
        "Welkom.",
        "Tot volgend jaar.",
        coordinator_a,
    )
    page = client.get(response["Location"])
    assert "Tot volgend jaar." in page.content.decode()


def test_the_form_shows_what_personal_data_it_refused(login, client, coordinator_a):
    login(coordinator_a)
    response = client.post(
        reverse("insights:report"), {"year": YEAR, "introduction": "Mail an@voorbeeld.be", "closing": ""}
    )
    assert response.status_code == 400
    assert "een e-mailadres" in response.content.decode()
    assert not ReportText.objects.exists()


def test_the_analyst_reads_the_texts_but_cannot_post_them(login, client, analyst_a, coordinator_a, network_a):
    report_text_save(
        network=network_a, year=YEAR, introduction="Onze inleiding.", closing="", acting_user=coordinator_a
    )
    login(analyst_a)
    assert "Onze inleiding." in client.get(reverse("insights:report")).content.decode()
    response = client.post(
        reverse("insights:report"), {"year": YEAR, "introduction": "Anders.", "closing": ""}
    )
    assert response.status_code == 404
    assert ReportText.objects.get().introduction == "Onze inleiding."


# --- the text service -------------------------------------------------------------------------------------------


def test_the_coordinator_writes_and_rewrites_the_texts(network_a, coordinator_a):
    report_text_save(
        network=network_a, year=YEAR, introduction=" Eerst. ", closing="", acting_user=coordinator_a
    )
    report_text_save(
        network=network_a, year=YEAR, introduction="Daarna.", closing="Slot.", acting_user=coordinator_a
    )
    text = ReportText.objects.get()
    assert (text.introduction, text.closing, text.year) == ("Daarna.", "Slot.", YEAR)


@pytest.mark.parametrize("persona", ["analyst_a", "editor_a", "member_a", "intake_a", "coordinator_b"])
def test_no_one_else_writes_the_texts(persona, request, network_a):
    with pytest.raises(PermissionDenied):
        report_text_save(
            network=network_a,
            year=YEAR,
            introduction="Iets.",
            closing="",
            acting_user=request.getfixturevalue(persona),
        )
    assert not ReportText.objects.exists()


@pytest.mark.parametrize(
    ("field", "text", "found"),
    [
        ("introduction", "Bel 0470 12 34 56 voor meer uitleg.", "een telefoonnummer"),
        ("closing", "Vragen? an.peeters@voorbeeld.be", "een e-mailadres"),
    ],
)
def test_personal_data_is_refused_and_nothing_saved(network_a, coordinator_a, field, text, found):
    report_text_save(
        network=network_a, year=YEAR, introduction="Oud.", closing="Oud.", acting_user=coordinator_a
    )
    texts = {"introduction": "Nieuw.", "closing": "Nieuw."} | {field: text}
    with pytest.raises(ValidationError) as error:
        report_text_save(network=network_a, year=YEAR, acting_user=coordinator_a, **texts)
    assert found in error.value.message_dict[field][0]
    saved = ReportText.objects.get()
    assert (saved.introduction, saved.closing) == ("Oud.", "Oud.")


def test_a_too_long_text_is_refused(network_a, coordinator_a):
    with pytest.raises(ValidationError) as error:
        report_text_save(
            network=network_a, year=YEAR, introduction="a" * 6001, closing="", acting_user=coordinator_a
        )
    assert "hoogstens 6000 tekens" in error.value.message_dict["introduction"][0]
    assert not ReportText.objects.exists()
