"""Search at scale: a reproducible synthetic network of N services (default 100,000), on SQLite and PostgreSQL.

For each database: the time to build the search index from scratch, the p50/p95 latency of the search function
over a fixed query mix (the judged queries, plain and with filters, with the ranking cache off; "+rows" also
loads the 20 services of the page as model objects), and the
throughput of the full results page against a bare Django view and /healthz, served by 2 gunicorn workers with
production settings, in the same run. Targets: p95 <= 20 ms for every mix (issues 5 and 19), results page >= 0.5x
the bare view, index build <= 45 s on PostgreSQL (issue 19) and <= 60 s on SQLite (issue 5).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus

from bench.lib import VENV_BIN, fresh_database, gunicorn, production_env, save, wrk

ROOT = Path(__file__).resolve().parent.parent
NETWORK = "bench"
FILTERS = {
    "plain": {},
    "age+free": {"age": "3", "age_months": (36, 47), "costs": ("free",)},
    "area": {"area": "kessel-lo"},
}
TARGETS = {"p95_ms": 20.0, "index_s": {"postgresql": 45.0, "sqlite": 60.0}, "page_to_bare": 0.5}


def _worker(services: int) -> None:
    """Runs inside a process whose settings point at the benchmark database; prints one JSON line."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hvhk.settings")  # noqa: TID251
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.synthetic import build_network
    from hvhk.search import selectors
    from hvhk.search.evaluation import JUDGED_DIR, load_judged
    from hvhk.search.indexing import reindex
    from hvhk.search.query import ServiceQuery
    from hvhk.search.selectors import search_hits

    class NoCache:
        """Every query is ranked afresh: the ranking cache would otherwise answer repeated queries."""

        def get(self, *args, **kwargs):
            return None

        def set(self, *args, **kwargs):
            return None

    selectors.cache = NoCache()

    call_command("migrate", verbosity=0)
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done % 20_000 == 0 or done == total:
            print(f"    {connection.vendor}: built {done:,} of {total:,} services", file=sys.stderr)

    network = build_network(slug=NETWORK, services=services, progress=progress)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The planner's statistics of the tables just filled, as autovacuum (or an import, which ends with
            # ANALYZE) leaves them: without them PostgreSQL scanned whole tables to load a page's 20 services.
            cursor.execute("ANALYZE")
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    indexed = reindex(network=network)
    index_s = time.perf_counter() - started
    print(
        f"    {connection.vendor}: indexed {indexed['indexed']:,} services in {index_s:.1f}s", file=sys.stderr
    )
    texts = [q["query"] for q in load_judged(JUDGED_DIR / "leuven.json")["queries"]]
    latency = {}
    for mix, extra in FILTERS.items():
        for load_rows in (False, True):
            label = f"{mix}{' +rows' if load_rows else ''}"
            search_hits(network=network, query=ServiceQuery(text=texts[0], **extra))  # warm the process
            times = []
            for text in texts:
                begin = time.perf_counter()
                found = search_hits(network=network, query=ServiceQuery(text=text, **extra))
                if load_rows:
                    found.loaded()  # the page's services, in one go
                times.append((time.perf_counter() - begin) * 1000)
            times.sort()
            latency[label] = {
                "p50_ms": statistics.median(times),
                "p95_ms": times[int(len(times) * 0.95) - 1],
                "max_ms": times[-1],
                "queries": len(times),
            }
    print(
        json.dumps(
            {
                "vendor": connection.vendor,
                "services": services,
                "build_s": build_s,
                "index_s": index_s,
                "latency": latency,
            }
        )
    )


def _paths() -> list[str]:
    words = [
        "opvoeding",
        "borstvoeding",
        "kinderopvang",
        "zwanger",
        "huiswerk",
        "scheiding",
        "pesten",
        "slapen",
        "ruzie thuis",
        "geld schoolreis",
        "babymassage",
        "consultatiebureau",
        "tiener",
        "sport",
        "crèche",
        "onthaal",
        "speeltuin",
        "taal",
        "vroedvrouw",
        "rouw",
    ]
    return [
        f"/{NETWORK}/services/?q={quote_plus(w)}&{f}" for w in words for f in ("age=3", "age=14&cost=free")
    ]


def main(argv: list[str], out=sys.stdout) -> None:
    parser = argparse.ArgumentParser(prog="hvhk bench search", description=__doc__)
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--seconds", type=int, default=6, help="length of each load run")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="hvhk-bench-") as tmp:
        for kind in args.databases.split(","):
            out.write(f"{kind}: building {args.services:,} services and the index …\n")
            out.flush()
            db_env = fresh_database(kind, Path(tmp), "search")
            env = production_env(HVHK_DEBUG="1", HVHK_SECRET_KEY="", PYTHONPATH=str(ROOT), **db_env)
            worker = subprocess.run(  # noqa: S603
                [sys.executable, "-m", "bench.search_bench", "--worker", str(args.services)],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            sys.stderr.write(worker.stderr[-4000:])
            if worker.returncode:
                raise RuntimeError(f"{kind} worker failed:\n{worker.stderr[-2000:]}")
            result = json.loads(worker.stdout.strip().splitlines()[-1])
            prod = production_env(PYTHONPATH=str(ROOT), **db_env)
            collect = [str(VENV_BIN / "hvhk"), "collectstatic", "--noinput", "-v0"]
            subprocess.run(collect, env=prod, check=True)  # noqa: S603
            out.write(f"{kind}: measuring the results page under load …\n")
            with gunicorn(prod) as base:
                paths = _paths()
                wrk(base + "/healthz", seconds=2, connections=16, paths=paths)
                loads = {
                    "healthz": wrk(base + "/healthz", seconds=args.seconds, connections=16),
                    "bare": wrk(base + "/bench/bare/", seconds=args.seconds, connections=16),
                    "page": wrk(base + paths[0], seconds=args.seconds, connections=16, paths=paths),
                    "page_rendered": wrk(
                        base + paths[0],
                        seconds=args.seconds,
                        connections=16,
                        paths=paths,
                        header="Cookie: sessionid=bench",
                    ),
                }
            result["load"] = {k: vars(v) for k, v in loads.items()}
            results.append(result)
    _report(results, out)


def _report(results: list[dict], out) -> None:
    out.write("\n")
    for r in results:
        load = r["load"]
        out.write(f"== {r['vendor']}: {r['services']:,} services; data built in {r['build_s']:.0f}s\n")
        out.write(f"   index build {r['index_s']:.1f}s (target <= {TARGETS['index_s'][r['vendor']]:.0f}s)\n")
        for mix, lat in r["latency"].items():
            out.write(
                f"   search {mix:9} p50 {lat['p50_ms']:6.1f} ms  p95 {lat['p95_ms']:6.1f} ms  "
                f"max {lat['max_ms']:6.1f} ms (target p95 <= {TARGETS['p95_ms']:.0f} ms)\n"
            )
        ratio = load["page"]["rps"] / load["bare"]["rps"]
        rendered = load["page_rendered"]["rps"] / load["bare"]["rps"]
        out.write(
            f"   results page {load['page']['rps']:.0f} req/s vs bare view {load['bare']['rps']:.0f} req/s: "
            f"{ratio:.2f}x (target >= {TARGETS['page_to_bare']}x); rendered every time (with a session) "
            f"{rendered:.2f}x; /healthz {load['healthz']['rps']:.0f} req/s\n"
        )
    bars = []
    for r in results:
        bars += [(f"{r['vendor']} p95 {mix} (ms)", lat["p95_ms"]) for mix, lat in r["latency"].items()]
        bars.append((f"{r['vendor']} index build (s)", r["index_s"]))
    json_path, svg_path = save("search", {"results": results, "targets": TARGETS}, _chart(bars))
    out.write(f"saved {json_path} and the chart {svg_path}\n")


def _chart(bars):
    from hvhk.core.lib.charts import bar_chart

    return bar_chart(bars, title="Search at scale: p95 latency (ms) and index build (s)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        _worker(int(sys.argv[2]))
