import json
import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hvhk.activities.selectors.export import uitdatabank_export
from hvhk.core.models import Network


class Command(BaseCommand):
    help = (
        "Export a network's published activities with upcoming sessions as UiTdatabank events: a JSON array, "
        "one event per activity, as UiTdatabank's Entry API takes them. Activities that cannot go (no "
        "UiTdatabank place id, no upcoming session, no event type for their kind) are listed with the reason."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--network", required=True, help="slug of the network")
        parser.add_argument("--output", required=True, type=Path, help="the JSON file to write")

    def handle(self, *args, network: str, output: Path, **options) -> None:
        target = Network.objects.filter(slug=network).first()
        if target is None:
            raise CommandError(f"No network with slug '{network}'.")
        folder = output.parent if str(output.parent) else Path()
        if not folder.is_dir():
            raise CommandError(f"The folder {folder} does not exist.")
        result = uitdatabank_export(network=target)
        text = json.dumps(result.events, ensure_ascii=False, indent=2) + "\n"
        # Written next to the target and moved over it: a reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            Path(temporary).replace(output)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        for activity, reasons in result.skipped:
            self.stdout.write(f"skipped: {activity.title} ({activity.pk}): {'; '.join(reasons)}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.events)} events written, {len(result.skipped)} activities skipped"
            )
        )
