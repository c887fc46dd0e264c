"""`hvhk backup FILE`: dump the database (SQLite online backup or pg_dump) with a manifest of row counts and
checksums per table beside it (FILE.manifest.json). See core/lib/backup.py and the README's "Backup and restore"."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hvhk.core.lib.backup import backup, manifest_path


class Command(BaseCommand):
    help = "Dump the database to FILE, with a manifest of row counts and checksums per table beside it."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        started = time.monotonic()
        try:
            manifest = backup(file)
        except (FileExistsError, NotImplementedError) as error:
            raise CommandError(str(error)) from error
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            f"Backup of {manifest['vendor']} taken at {manifest['taken_at']}: {len(manifest['tables'])} tables, "
            f"{rows:,} rows, {file.stat().st_size / 1e6:.1f} MB in {time.monotonic() - started:.1f} s "
            f"({file}, manifest {manifest_path(file).name})"
        )
