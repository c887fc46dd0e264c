"""`hvhk backup-verify FILE`: compare this database (DATABASE_URL) table by table with a backup's manifest:
the same tables, row counts and checksums, or a line per difference and exit status 1."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hvhk.core.lib.backup import current_manifest, differences, manifest_path


class Command(BaseCommand):
    help = "Compare this database with a backup's manifest (row counts and checksums per table)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the backup (its FILE.manifest.json is read)")

    def handle(self, *args, file: Path, **options):
        expected = json.loads(manifest_path(file).read_text(encoding="utf-8"))["tables"]
        found = current_manifest()
        lines = differences(expected, found)
        if lines:
            raise CommandError("The database differs from the backup:\n" + "\n".join(lines))
        rows = sum(table["rows"] for table in found.values())
        self.stdout.write(f"Same as the backup: {len(found)} tables, {rows:,} rows, every checksum equal")
