import time

from django.core.management.base import BaseCommand, CommandError

from hvhk.core.models import Network
from hvhk.search.indexing import reindex, repair_stale


class Command(BaseCommand):
    help = "Rebuild the search index from scratch (all networks, or one with --network). Safe to run twice."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--network", help="slug of one network (default: all)")
        parser.add_argument(
            "--stale",
            action="store_true",
            help="only the networks marked stale (an import that stopped before it had indexed); "
            "the worker does this too",
        )

    def handle(self, *args, network: str | None = None, stale: bool = False, **options) -> None:
        if stale:
            indexed = repair_stale()
            self.stdout.write(
                self.style.SUCCESS(f"Stale search indexes repaired: {indexed:,} services indexed.")
            )
            return
        scope = None
        if network:
            scope = Network.objects.filter(slug=network).first()
            if scope is None:
                raise CommandError(f"No network with slug '{network}'.")
        started = time.monotonic()
        last = [0.0]

        def progress(done: int, total: int) -> None:
            if time.monotonic() - last[0] > 1 or done == total:
                last[0] = time.monotonic()
                self.stdout.write(
                    f"  indexed {done:,} of {total:,} services ({done * 100 // max(total, 1)}%)"
                )

        result = reindex(network=scope, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Search index rebuilt for {network or 'all networks'}: {result['indexed']:,} services, "
                f"{result['words']:,} words, in {time.monotonic() - started:.1f}s."
            )
        )
