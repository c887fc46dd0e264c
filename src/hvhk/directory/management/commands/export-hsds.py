import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hvhk.core.models import Network
from hvhk.directory.hsds.service import export_file


class Command(BaseCommand):
    help = (
        "Export a network's offering as HSDS 3.0: JSON (an array of full services) or, when OUT ends in .zip, "
        "a tabular data package (CSV files and datapackage.json)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("out", type=Path)
        parser.add_argument("--network", required=True, help="slug of the network")

    def handle(self, *args, out: Path, network: str, **options) -> None:
        target = Network.objects.filter(slug=network).first()
        if target is None:
            raise CommandError(f"No network with slug '{network}'.")
        if not out.parent.exists():
            raise CommandError(f"The folder {out.parent} does not exist.")
        started = time.monotonic()

        def progress(count: int) -> None:
            self.stdout.write(f"  {count:,} services written")

        count = export_file(target, out, progress=progress)
        size = out.stat().st_size
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {count:,} services of {target.slug} to {out} ({size / 1e6:.1f} MB) "
                f"in {time.monotonic() - started:.1f}s."
            )
        )
