"""HSDS at scale: importing a file of N services (time, peak memory, a second import of the same file) against
issue 19's targets, and the API's list throughput.

1. A reproducible synthetic network of N services (bench/synthetic.py) is exported with `hvhk export-hsds`.
2. Baseline, same run: a process that only reads the file (the streaming JSON parser), for time and memory.
3. `hvhk import-hsds` into an empty database: time (saving and indexing apart) and peak memory, for a tenth of
   the file and for the whole file (flat memory means the two peaks are close); then the same file again, which
   must report every record unchanged. The import runs with production settings (no DEBUG: Django's debug mode
   keeps the last 9,000 SQL statements with their values, hundreds of megabytes in an import).
4. The figures against the targets (at 100,000 services: import at most 120 s, peak memory under 300 MB, the
   same file again at most 60 s; the times scale with N), printed and drawn in bench/results/.
5. The API's list endpoint (/services, 50 per page, rotating over 40 pages) against the bare Django page and
   /healthz, served by 2 gunicorn workers with production settings (`--no-api` skips it; it needs wrk). The
   API's rate limit is lifted for this run: it measures serving, not limiting.
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
# Issue 19's targets for 100,000 services (times scale with the number of services; memory does not).
TARGET_SERVICES = 100_000
TARGET_IMPORT_S = 120
TARGET_PEAK_MB = 300
TARGET_AGAIN_S = 60


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
    parser = argparse.ArgumentParser(
        prog="hvhk bench hsds", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=6, help="length of each load run")
    parser.add_argument("--no-api", action="store_true", help="skip the API's throughput (step 5)")
    args = parser.parse_args(argv)
    n = args.services
    steps = 4 if args.no_api else 5
    dev = {"HVHK_DEBUG": "1", "HVHK_SECRET_KEY": "", "PYTHONPATH": str(ROOT)}
    prod = {"PYTHONPATH": str(ROOT)}  # the import as an operator runs it
    with tempfile.TemporaryDirectory(prefix="hvhk-bench-hsds-") as folder:
        tmp = Path(folder)
        file, tenth = tmp / "services.json", tmp / "tenth.json"
        out.write(f"1/{steps} building {n:,} synthetic services and exporting them …\n")
        out.flush()
        made = _worker(production_env(**dev, HVHK_VAR_DIR=str(tmp / "source")), "--make", str(file), str(n))
        _first(file, tenth, max(1, n // 10))
        size_mb = file.stat().st_size / 1e6
        out.write(
            f"    built in {made['build_s']:.0f}s, exported in {made['export_s']:.1f}s ({size_mb:.0f} MB)\n"
        )
        out.write(f"2/{steps} baseline: streaming through the file without importing …\n")
        read = _worker(production_env(**prod), "--read", str(file))
        out.write(
            f"3/{steps} importing into an empty {args.database} database (a tenth, then the whole file) …\n"
        )
        out.flush()
        small = _worker(
            production_env(**prod, **fresh_database(args.database, tmp, "hsds_tenth")), "--import", str(tenth)
        )
        target_db = fresh_database(args.database, tmp, "hsds_target")
        target = production_env(**prod, **target_db)
        full = _worker(target, "--import", str(file))
        out.write(f"4/{steps} importing the same file again …\n")
        out.flush()
        again = _worker(target, "--import", str(file))
        loads = None
        if not args.no_api:
            out.write("5/5 API list throughput under load …\n")
            served = production_env(PYTHONPATH=str(ROOT), HVHK_RATELIMIT_API="10000000/m", **target_db)
            collect = [str(VENV_BIN / "hvhk"), "collectstatic", "--noinput", "-v0"]
            subprocess.run(collect, env=served, check=True)  # noqa: S603
            pages = [f"/{NETWORK}/api/hsds/services?per_page=50&page={p}" for p in range(1, 41)]
            with gunicorn(served) as base:
                wrk(base + pages[0], seconds=2, connections=16, paths=pages)
                loads = {
                    "healthz": wrk(base + "/healthz", seconds=args.seconds, connections=16),
                    "bare": wrk(base + "/bench/bare/", seconds=args.seconds, connections=16),
                    "api": wrk(base + pages[0], seconds=args.seconds, connections=16, paths=pages),
                }
    _report(n, args.database, made, read, small, full, again, loads, size_mb, out)


def _targets(n: int) -> dict[str, float]:
    """The targets at n services: the times in proportion to 100,000, the memory as it is."""
    scale = n / TARGET_SERVICES
    return {"import_s": TARGET_IMPORT_S * scale, "peak_mb": TARGET_PEAK_MB, "again_s": TARGET_AGAIN_S * scale}


def _verdict(value: float, limit: float) -> str:
    return "met" if value <= limit else "MISSED"


def _report(n, database, made, read, small, full, again, loads, size_mb, out) -> None:
    rate = n / full["save_s"]
    target = _targets(n)
    out.write(
        f"\n== HSDS import of {n:,} services ({size_mb:.0f} MB JSON) into {database}\n"
        f"   baseline (stream through the file): {read['seconds']:.1f}s, peak {read['peak_mb']:.0f} MB\n"
        f"   import: {full['seconds']:.1f}s = saving {full['save_s']:.1f}s ({rate:,.0f} services/s, "
        f"{full['save_s'] / read['seconds']:.1f}x the baseline) + search indexing {full['index_s']:.1f}s\n"
        f"   peak memory: {small['peak_mb']:.0f} MB for a tenth of the file, {full['peak_mb']:.0f} MB for all of "
        f"it ({full['peak_mb'] / small['peak_mb']:.2f}x for 10x the records); baseline {read['peak_mb']:.0f} MB\n"
        f"   counts: {full['created']:,} created, {full['problems']} problems; again: {again['unchanged']:,} "
        f"unchanged, {again['created'] + again['updated']} changed, in {again['seconds']:.1f}s\n"
        f"   targets{' (times scaled to ' + format(n, ',') + ' services)' if n != TARGET_SERVICES else ''}: "
        f"import {full['seconds']:.1f}s of at most {target['import_s']:.0f}s "
        f"({_verdict(full['seconds'], target['import_s'])}), "
        f"peak {full['peak_mb']:.0f} MB under {target['peak_mb']} MB ({_verdict(full['peak_mb'], target['peak_mb'])}), "
        f"again {again['seconds']:.1f}s of at most {target['again_s']:.0f}s "
        f"({_verdict(again['seconds'], target['again_s'])})\n"
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
        "targets": target,
    }
    svg = bar_chart(
        [
            ("stream through file", read["seconds"]),
            ("import: saving", full["save_s"]),
            ("import: indexing", full["index_s"]),
            ("import: total", full["seconds"]),
            ("target: import", target["import_s"]),
            ("import again", again["seconds"]),
            ("target: import again", target["again_s"]),
        ],
        title=f"HSDS import of {n:,} services ({database}), seconds",
        unit=" s",
    )
    json_path, svg_path = save(f"hsds-import-{database}", data, svg)
    memory_svg = bar_chart(
        [
            ("stream through file", read["peak_mb"]),
            ("import, a tenth", small["peak_mb"]),
            ("import, whole file", full["peak_mb"]),
            ("import again", again["peak_mb"]),
            ("target", target["peak_mb"]),
        ],
        title=f"Peak memory, HSDS import of {n:,} services ({database})",
        unit=" MB",
        integers=True,
    )
    _memory_json, memory_path = save(f"hsds-import-memory-{database}", data, memory_svg)
    saved = [json_path, svg_path, memory_path]
    if loads is not None:
        api, bare, healthz = loads["api"], loads["bare"], loads["healthz"]
        out.write(
            f"   API /services (50 per page): {api.rps:.0f} req/s (p50 {api.p50_ms:.0f} ms, p99 {api.p99_ms:.0f} "
            f"ms, {api.errors} errors) = {api.rps / bare.rps:.2f}x the bare page ({bare.rps:.0f} req/s), "
            f"{api.rps / healthz.rps:.2f}x /healthz ({healthz.rps:.0f} req/s)\n"
        )
        api_svg = bar_chart(
            [("API /services", api.rps), ("bare page", bare.rps), ("/healthz", healthz.rps)],
            title="Requests per second (same run)",
            unit=" req/s",
        )
        load = {k: vars(v) for k, v in loads.items()}
        api_json, api_path = save(
            f"hsds-api-{database}", {"load": load, "ratio_api_to_bare": round(api.rps / bare.rps, 3)}, api_svg
        )
        saved += [api_json, api_path]
    out.write(f"saved {', '.join(str(path) for path in saved)}\n")


if __name__ == "__main__":
    _commands = {"--make": lambda a: _make(a[0], int(a[1])), "--read": lambda a: _read(a[0]),
                 "--import": lambda a: _import(a[0])}  # fmt: skip
    print(json.dumps(_commands[sys.argv[1]](sys.argv[2:])))
