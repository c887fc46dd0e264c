"""`hvhk erasures-replay --since TIME` (or `--backup FILE`, which takes the time the backup was taken): after a
restore, erase again what the erasure journal lists from that moment on (core/lib/erasures.py)."""

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hvhk.core.lib.backup import manifest_path
from hvhk.core.lib.erasures import erasures_replay


class Command(BaseCommand):
    help = "Erase again what the erasure journal lists since a time or since a backup was taken."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--since", help="ISO 8601 time with its zone, e.g. 2026-12-01T02:00:00+00:00")
        group.add_argument(
            "--backup", type=Path, help="a backup made by `hvhk backup`: the time it was taken"
        )

    def handle(self, *args, since: str | None, backup: Path | None, **options):
        if backup is not None:
            since = json.loads(manifest_path(backup).read_text(encoding="utf-8"))["taken_at"]
        try:
            moment = dt.datetime.fromisoformat(since)
        except ValueError as error:
            raise CommandError(f"Not a time: {since!r} (write e.g. 2026-12-01T02:00:00+00:00).") from error
        if moment.tzinfo is None:
            raise CommandError(f"Give the time zone with the time: {since!r} (e.g. +00:00).")
        replayed = erasures_replay(since=moment)
        total = sum(replayed.values())
        detail = ", ".join(f"{kind} {count}" for kind, count in replayed.items()) or "none"
        self.stdout.write(f"Erasures since {moment.isoformat()} done again: {total} ({detail})")
