"""A house's A4 programme poster: a PDF of its sessions of the coming weeks, for the notice board."""

import re
import zlib

import pytest
import time_machine
from django.template.loader import render_to_string
from django.urls import reverse

from tests.activities.factories_public import NOW, SessionFactory, brussels, programme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def world(network_a, partner_a, service_b):
    return programme(network=network_a, partner=partner_a, other_network_service=service_b)


@pytest.fixture
def captured(monkeypatch):
    """The poster's HTML instead of its PDF: the template and context the view hands to WeasyPrint."""
    seen = {}

    def fake_pdf(request, template, context):
        seen["html"] = render_to_string(template, {**context, "print_css": ""}, request=request)
        return b"%PDF-1.7 fake"

    monkeypatch.setattr("hvhk.activities.views.public.pdf_bytes", fake_pdf)
    return seen


def _inflated(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated (WeasyPrint packs its objects in object streams)."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(parts)


def _url(network, house_slug="centrum", **params):
    url = reverse("activities:poster", args=[network.slug, house_slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_poster_is_an_a4_pdf(client, network_a, world):
    response = client.get(_url(network_a))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="programma-centrum.pdf"'
    content = response.content
    assert content.startswith(b"%PDF-")
    assert content.rstrip().endswith(b"%%EOF")
    objects = _inflated(content)
    assert re.search(rb"/Type\s*/Page\b", objects)
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+", objects)  # A4 in points


def test_poster_lists_the_houses_sessions_of_the_coming_four_weeks_by_day(client, network_a, world, captured):
    client.get(_url(network_a))
    html = captured["html"]
    assert "Huis van het Kind Centrum" in html
    assert "Naamsesteenweg 1, 3001 Heverlee" in html
    assert "Woensdag 9 december 2026" in html
    assert "14:00–15:30" in html
    assert "Babymassage" in html
    assert "1 maand tot 1 jaar" in html
    assert "Gratis" in html
    assert "Speelochtend" not in html  # 13 January: more than four weeks away
    assert "Infoavond slapen" not in html  # another place, no house
    assert "16 december" not in html  # the cancelled session is left off a printed poster
    assert "Klad" not in html
    assert "Inschrijven en meer info:" in html
    assert f"testserver/{network_a.slug}/activities/?house=centrum" in html
    assert "<svg" in html  # the QR code of that address


def test_weeks_parameter_from_one_to_eight(client, network_a, world, captured):
    client.get(_url(network_a, weeks=8))
    assert "Speelochtend" in captured["html"]
    client.get(_url(network_a, weeks=1))
    assert "Babymassage" in captured["html"]
    SessionFactory(
        activity=world["activities"]["massage"], starts_at=brussels(17, 10), ends_at=brussels(17, 11)
    )
    client.get(_url(network_a, weeks=1))
    assert "17 december" not in captured["html"]


@pytest.mark.parametrize("weeks", ["0", "9", "abc", "-1", "99999999999"])
def test_bad_weeks_fall_back_to_four(client, network_a, world, captured, weeks):
    response = client.get(_url(network_a, weeks=weeks))
    assert response.status_code == 200
    assert "Programma van woensdag 9 december 2026 tot dinsdag 5 januari 2027" in captured["html"]


def test_a_house_without_sessions_gets_a_poster_that_says_so(client, network_a, world, captured):
    from tests.directory.factories import HouseFactory

    HouseFactory(network=network_a, location=world["house"].location, slug="leeg", name="Huis Leeg")
    response = client.get(_url(network_a, "leeg"))
    assert response.status_code == 200
    assert "In deze weken staat hier nog niets gepland." in captured["html"]


def test_unknown_or_other_networks_house_is_404(client, network_a, network_b, world):
    assert client.get(_url(network_a, "nergens")).status_code == 404
    assert client.get(_url(network_b, "centrum")).status_code == 404


def test_inactive_house_is_404(client, network_a, world):
    house = world["house"]
    house.is_active = False
    house.save()
    assert client.get(_url(network_a)).status_code == 404


def test_poster_shows_the_networks_logo(client, network_a, world, captured, settings, tmp_path):
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "red").save(buffer, format="PNG")
    network_a.logo.save("logo.png", ContentFile(buffer.getvalue()))
    client.get(_url(network_a))
    assert 'src="data:image/png;base64,' in captured["html"]


def test_real_poster_with_a_logo_renders(client, network_a, world):
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "red").save(buffer, format="PNG")
    network_a.logo.save("logo.png", ContentFile(buffer.getvalue()))
    response = client.get(_url(network_a))
    assert response.status_code == 200
    assert re.search(rb"/Subtype\s*/Image", _inflated(response.content))
