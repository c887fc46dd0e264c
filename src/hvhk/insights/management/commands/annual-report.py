import logging
import re
import time
import zlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from hvhk.core.models import Network
from hvhk.insights.selectors.report import FIRST_YEAR, report_pdf, year_is_valid


class Command(BaseCommand):
    help = (
        "Write a network's annual report (jaarverslag) over one calendar year as an A4 PDF: a cover, the "
        "coordinator's introduction, one chapter per part of the network's work with charts and figures (small "
        "counts of families hidden), the closing. The same PDF as /portal/insights/report/<year>.pdf."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--network", metavar="SLUG", required=True, help="the network's short name")
        parser.add_argument("--year", metavar="YYYY", required=True, help="the calendar year to report on")
        parser.add_argument("--output", metavar="FILE.pdf", required=True, help="where to write the PDF")

    def handle(self, *args, network: str, year: str, output: str, **options) -> None:
        this_year = timezone.localdate().year
        if not year.isdigit() or not year_is_valid(int(year)):
            raise CommandError(f"--year wants a year from {FIRST_YEAR} to {this_year} (YYYY), not {year!r}.")
        found = Network.objects.filter(slug=network).first()
        if found is None:
            raise CommandError(f"No network with the slug {network!r}.")
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"The folder {str(target.parent)!r} does not exist.")
        started = time.monotonic()
        self.stdout.write(f"{found.slug}: annual report {year}…")

        def progress(chapter, seconds: float) -> None:
            self.stdout.write(f"  {chapter.title} ({seconds:.1f} s)")

        quiet = logging.getLogger("weasyprint.progress")  # one line per layout step is noise here
        level = quiet.level
        quiet.setLevel(logging.WARNING)
        try:
            with translation.override("nl"):
                pdf = report_pdf(network=found, year=int(year), on_chapter=progress)
        finally:
            quiet.setLevel(level)
        self.stdout.write(f"  PDF laid out ({time.monotonic() - started:.1f} s)")
        target.write_bytes(pdf)
        pages = _pages(pdf)
        self.stdout.write(
            self.style.SUCCESS(
                f"Annual report {year} of {found.slug}: {target} ({pages} pages, {len(pdf) / 1024:.0f} KB) "
                f"in {time.monotonic() - started:.1f} s."
            )
        )


def _pages(pdf: bytes) -> int:
    """The number of pages of a PDF WeasyPrint wrote: its page objects, also those packed in compressed object
    streams (no PDF reader is needed in production for one figure of the summary)."""
    page = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
    count = len(page.findall(pdf))
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            count += len(page.findall(zlib.decompress(stream.group(1))))
        except zlib.error:
            continue
    return count
