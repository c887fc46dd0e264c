"""`hvhk bench NAME [options]`: run a benchmark from the repository's bench/ folder (not part of the tests)."""

import argparse
import importlib
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

BENCHMARKS = {
    "results": "bench.results_page",
    "search": "bench.search_bench",
    "hsds": "bench.hsds_bench",
    "activities": "bench.activities_list",
    "insights": "bench.insights_bench",
}


class Command(BaseCommand):
    help = (
        "Run a benchmark from bench/: results (the results page against a bare view and /healthz), search "
        "(search at 100,000 services), hsds (HSDS import of 100,000 services and the API's throughput), activities "
        "(the public activity list at 10,000 upcoming sessions against a bare view), insights (every insights page at "
        "5,000 services, 100,000 searches and 5,000 referrals)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("name", choices=sorted(BENCHMARKS))
        parser.add_argument("extra", nargs=argparse.REMAINDER, help="options for the benchmark (NAME --help)")

    def handle(self, *args, name: str, extra: list[str], **options) -> None:
        bench_dir = settings.BASE_DIR / "bench"
        if not bench_dir.is_dir():
            raise CommandError(
                f"No bench/ folder at {bench_dir}: benchmarks run from a checkout of the repository."
            )
        sys.path.insert(0, str(settings.BASE_DIR))
        module = importlib.import_module(BENCHMARKS[name])
        module.main(extra, out=self.stdout)
