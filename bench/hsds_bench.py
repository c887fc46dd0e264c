"""HSDS at scale: importing a file of N services (time, peak memory) and the API's list throughput.

1. A reproducible synthetic network of N services (bench/synthetic.py) is exported with `hvhk export-hsds`.
2. Baseline, same run: a process that only reads the file (the streaming JSON parser), for time and memory.
3. `hvhk import-hsds` into an empty database: time (saving and indexing apart) and peak memory, for a tenth of
   the file and for the whole file (flat memory means the two peaks are close); then the same file again, which
   must report every record unchanged.
4. The API's list endpoint (/services, 50 per page, rotating over 40 pages) against the bare Django page and
   /healthz, served by 2 gunicorn workers with production settings. The API's rate limit is lifted for this
   run: it measures serving, not limiting.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.lib import ROOT, VENV_BIN, fresh_database, gunicorn, production_env, save, wrk
from hvhk.core.lib.charts import bar_chart

NETWORK = "bench"


def _django() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hvhk.settings")  # noqa: TID251
    django.setup()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _make(path: str, services: int) -> dict:
    """Worker: build the synthetic network in this process's database and export it."""
    _django()
    from django.core.management import call_command

    from bench.synthetic import build_network
    from hvhk.directory.hsds.export import write_json

    call_command("migrate", verbosity=0)
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        if done % 20_000 == 0 or done == total:
            sys.stderr.write(f"    built {done:,} of {total:,} services\n")

    network = build_network(slug=NETWORK, services=services, progress=progress)
    built = time.monotonic() - started
    started = time.monotonic()
    count = write_json(network, Path(path))
    return {"build_s": built, "export_s": time.monotonic() - started, "exported": count}


def _read(path: str) -> dict:
    """Worker, baseline: stream every record of the file and do nothing with it."""
    _django()
    from hvhk.directory.hsds.read import Records

    started = time.monotonic()
    count = sum(1 for _record in Records(Path(path)))
    return {"seconds": time.monotonic() - started, "records": count, "peak_mb": _peak_mb()}


def _import(path: str) -> dict:
    """Worker: import the file into this process's database (creating the network) and report."""
    _django()
    from django.core.management import call_command

    from hvhk.directory.hsds.service import import_file, network_for_import

    call_command("migrate", verbosity=0)
    network, _created = network_for_import(NETWORK, "Benchmark")
    started = time.monotonic()
    report = import_file(Path(path), network)
    s = report.services
    return {
        "seconds": time.monotonic() - started,
        "index_s": report.index_seconds,
        "save_s": report.seconds - report.index_seconds,
        "created": s.created,
        "updated": s.updated,
        "unchanged": s.unchanged,
        "problems": report.problem_count,
        "peak_mb": _peak_mb(),
    }


def _worker(env: dict, *args: str) -> dict:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.hsds_bench", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    sys.stderr.write(done.stderr[-3000:])
    if done.returncode:
        raise RuntimeError(f"worker {args[0]} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _first(path: Path, out: Path, count: int) -> None:
    """The first `count` records of a JSON export, as a file of their own (streamed)."""
    import ijson

    with open(path, "rb") as source, open(out, "w", encoding="utf-8") as target:
        target.write("[")
        for i, record in enumerate(ijson.items(source, "item", use_float=True)):
            if i == count:
                break
            target.write(("," if i else "") + json.dumps(record))
        target.write("]")


def main(argv: list[str], out=sys.stdout) -> None:
    parser = argparse.ArgumentParser(prog="hvhk bench hsds", description=__doc__)
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=6, help="length of each load run")
    args = parser.parse_args(argv)
    n = args.services
    dev = {"HVHK_DEBUG": "1", "HVHK_SECRET_KEY": "", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory(prefix="hvhk-bench-hsds-") as folder:
        tmp = Path(folder)
        file, tenth = tmp / "services.json", tmp / "tenth.json"
        out.write(f"1/5 building {n:,} synthetic services and exporting them …\n")
        out.flush()
        made = _worker(production_env(**dev, HVHK_VAR_DIR=str(tmp / "source")), "--make", str(file), str(n))
        _first(file, tenth, max(1, n // 10))
        size_mb = file.stat().st_size / 1e6
        out.write(
            f"    built in {made['build_s']:.0f}s, exported in {made['export_s']:.1f}s ({size_mb:.0f} MB)\n"
        )
        out.write("2/5 baseline: streaming through the file without importing …\n")
        read = _worker(production_env(**dev), "--read", str(file))
        out.write(f"3/5 importing into an empty {args.database} database (a tenth, then the whole file) …\n")
        out.flush()
        small = _worker(
            production_env(**dev, **fresh_database(args.database, tmp, "tenth")), "--import", str(tenth)
        )
        target_db = fresh_database(args.database, tmp, "target")
        target = production_env(**dev, **target_db)
        full = _worker(target, "--import", str(file))
        out.write("4/5 importing the same file again …\n")
        again = _worker(target, "--import", str(file))
        out.write("5/5 API list throughput under load …\n")
        prod = production_env(PYTHONPATH=str(ROOT), HVHK_RATELIMIT_API="10000000/m", **target_db)
        subprocess.run([str(VENV_BIN / "hvhk"), "collectstatic", "--noinput", "-v0"], env=prod, check=True)  # noqa: S603
        pages = [f"/{NETWORK}/api/hsds/services?per_page=50&page={p}" for p in range(1, 41)]
        with gunicorn(prod) as base:
            wrk(base + pages[0], seconds=2, connections=16, paths=pages)
            loads = {
                "healthz": wrk(base + "/healthz", seconds=args.seconds, connections=16),
                "bare": wrk(base + "/bench/bare/", seconds=args.seconds, connections=16),
                "api": wrk(base + pages[0], seconds=args.seconds, connections=16, paths=pages),
            }
    _report(n, args.database, made, read, small, full, again, loads, size_mb, out)


def _report(n, database, made, read, small, full, again, loads, size_mb, out) -> None:
    rate = n / full["save_s"]
    api, bare, healthz = loads["api"], loads["bare"], loads["healthz"]
    out.write(
        f"\n== HSDS import of {n:,} services ({size_mb:.0f} MB JSON) into {database}\n"
        f"   baseline (stream through the file): {read['seconds']:.1f}s, peak {read['peak_mb']:.0f} MB\n"
        f"   import: {full['seconds']:.1f}s = saving {full['save_s']:.1f}s ({rate:,.0f} services/s, "
        f"{full['save_s'] / read['seconds']:.1f}x the baseline) + search indexing {full['index_s']:.1f}s\n"
        f"   peak memory: {small['peak_mb']:.0f} MB for a tenth of the file, {full['peak_mb']:.0f} MB for all of "
        f"it ({full['peak_mb'] / small['peak_mb']:.2f}x for 10x the records); baseline {read['peak_mb']:.0f} MB\n"
        f"   counts: {full['created']:,} created, {full['problems']} problems; again: {again['unchanged']:,} "
        f"unchanged, {again['created'] + again['updated']} changed, in {again['seconds']:.1f}s\n"
        f"   API /services (50 per page): {api.rps:.0f} req/s (p50 {api.p50_ms:.0f} ms, p99 {api.p99_ms:.0f} ms, "
        f"{api.errors} errors) = {api.rps / bare.rps:.2f}x the bare page ({bare.rps:.0f} req/s), "
        f"{api.rps / healthz.rps:.2f}x /healthz ({healthz.rps:.0f} req/s)\n"
    )
    data = {
        "services": n,
        "database": database,
        "file_mb": round(size_mb, 1),
        "make": made,
        "baseline_read": read,
        "import_tenth": small,
        "import": full,
        "import_again": again,
        "load": {k: vars(v) for k, v in loads.items()},
        "ratio_api_to_bare": round(api.rps / bare.rps, 3),
    }
    svg = bar_chart(
        [
            ("stream through file (s)", read["seconds"]),
            ("import: saving (s)", full["save_s"]),
            ("import: indexing (s)", full["index_s"]),
            ("import again (s)", again["seconds"]),
            ("peak MB, a tenth", small["peak_mb"]),
            ("peak MB, whole file", full["peak_mb"]),
        ],
        title=f"HSDS import of {n:,} services ({database})",
    )
    json_path, svg_path = save(f"hsds-import-{database}", data, svg)
    api_svg = bar_chart(
        [("API /services", api.rps), ("bare page", bare.rps), ("/healthz", healthz.rps)],
        title="Requests per second (same run)",
        unit=" req/s",
    )
    api_json, api_path = save(f"hsds-api-{database}", {"load": data["load"]}, api_svg)
    out.write(f"saved {json_path}, {svg_path}, {api_json} and {api_path}\n")


if __name__ == "__main__":
    _commands = {"--make": lambda a: _make(a[0], int(a[1])), "--read": lambda a: _read(a[0]),
                 "--import": lambda a: _import(a[0])}  # fmt: skip
    print(json.dumps(_commands[sys.argv[1]](sys.argv[2:])))
