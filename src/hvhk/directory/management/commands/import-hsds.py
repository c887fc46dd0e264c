import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from hvhk.directory.hsds.service import import_file, network_for_import


class Command(BaseCommand):
    help = (
        "Import HSDS 3.0 data into a network: a JSON file (an array of services, or one service) or a tabular "
        "data package (datapackage.json with CSV files, as a folder or a zip). Upserts by id. A file with "
        "errors is refused as a whole unless --skip-invalid is given."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--network", required=True, help="slug of the network")
        parser.add_argument("--network-name", help="create the network with this name when it does not exist")
        parser.add_argument("--dry-run", action="store_true", help="check and count, save nothing")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="import the valid records, list the rest"
        )

    def handle(self, *args, path: Path, network: str, network_name, dry_run, skip_invalid, **options) -> None:
        try:
            target, created = network_for_import(network, network_name)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        started, last = time.monotonic(), [0.0]

        def progress(count: int, done: float) -> None:
            if time.monotonic() - last[0] > 2:
                last[0] = time.monotonic()
                rate = count / max(time.monotonic() - started, 0.001)
                self.stdout.write(
                    f"  {count:,} records read ({done:.0%} of the file, {rate:,.0f} per second)"
                )

        report = import_file(path, target, dry_run=dry_run, skip_invalid=skip_invalid, progress=progress)
        if created and report.saved:  # saved in the import's transaction: a failed import leaves none behind
            self.stdout.write(f"Network '{target.slug}' created: {target.name}")
        lines = report.summary()
        style = self.style.SUCCESS if report.saved and not report.problem_count else self.style.WARNING
        for line in lines[:-1]:
            self.stdout.write(line)
        self.stdout.write(style(lines[-1]))
        if report.failed:
            raise CommandError(f"{report.problem_count} errors: nothing imported.")
