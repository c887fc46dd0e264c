"""The annual report of Leuven's demo year: at least 6 pages that name the report and the network."""

import io

import pypdfium2 as pdfium
from django.core.management import call_command
from django.utils import timezone


def test_leuvens_demo_report_has_at_least_six_pages(demo, tmp_path):
    target = tmp_path / "leuven.pdf"
    year = timezone.localdate().year
    call_command("annual-report", network="leuven", year=str(year), output=str(target), stdout=io.StringIO())
    document = pdfium.PdfDocument(str(target))
    text = " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert len(document) >= 6
    assert f"Jaarverslag {year}" in text and "Leuven" in text
    assert "Werkgroep" in text and "Partners en de engagementsverklaring" in text
