"""`hvhk restore FILE --into URL`: put a backup into a new database (a SQLite file or a PostgreSQL database that
does not exist yet); then point DATABASE_URL at it and run `hvhk backup-verify FILE` and `hvhk erasures-replay`."""

from pathlib import Path

import environ
from django.core.management.base import BaseCommand, CommandError

from hvhk.core.lib.backup import restore


class Command(BaseCommand):
    help = "Restore a backup made by `hvhk backup` into a new database (--into, a database URL)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--into", required=True, help="database URL of the new database")

    def handle(self, *args, file: Path, into: str, **options):
        try:
            restore(file, settings=environ.Env.db_url_config(into))
        except (FileExistsError, FileNotFoundError, ValueError) as error:
            raise CommandError(str(error)) from error
        except Exception as error:  # a client tool failed: say what it said
            detail = getattr(error, "stderr", b"") or b""
            raise CommandError(f"Restore failed: {error} {detail.decode(errors='replace')[-500:]}") from error
        self.stdout.write(f"Restored {file} into {into.rsplit('@', 1)[-1]}")
