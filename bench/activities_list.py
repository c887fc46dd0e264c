"""The public activity list at scale: 10,000 upcoming sessions (default), uncached, with filters.

1. A reproducible synthetic network (fixed seed): 5 houses in 5 areas, 50 services, 500 published activities of
   every kind, age range, price and language, with 20 sessions each over the coming six months (a few full, a few
   cancelled, registrations on many), plus draft activities that must never show.
2. The list page rotating over 24 filter combinations (when, dates, age, house, municipality, kind, free,
   language, a word, paging), against a bare Django page rendering 20 items from memory and the one-query
   /healthz, and an empty page of the site (the news list: the base template and two queries, the floor of any
   page here), served by the same 2-worker gunicorn with production settings, in the same run. The list has no
   page cache; the requests also carry a session cookie, so nothing could be served from one.
Target (issue 14): the list does at least 0.5x the requests per second of the bare page.
"""

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.lib import ROOT, VENV_BIN, fresh_database, gunicorn, production_env, save, wrk
from hvhk.core.lib.charts import bar_chart

NETWORK = "bench"
SEED = 20261209
TARGET = 0.5
ACTIVITIES = 500
HOUSES = [("centrum", "Centrum"), ("heverlee", "Heverlee"), ("kessel-lo", "Kessel-Lo"), ("wilsele", "Wilsele"),
          ("wijgmaal", "Wijgmaal")]  # fmt: skip
FILTERS = [
    "",
    "when=today",
    "when=week",
    "when=month",
    "age=2",
    "age=zwanger",
    "age=5&free=1",
    "house=centrum",
    "house=wilsele&when=month",
    "area=heverlee",
    "area=kessel-lo&age=1",
    "kind=workshop",
    "kind=parent_group&lang=ar",
    "free=1",
    "lang=fr",
    "lang=tr&when=month",
    "q=babymassage",
    "q=opvoeding&age=3",
    "page=2",
    "page=7&free=1",
    "when=week&age=0&free=1",
    "kind=play&house=centrum&age=1",
    "area=wijgmaal&kind=info_evening",
]


def _paths() -> list[str]:
    from django.utils import timezone

    today = timezone.localdate()
    ranged = f"date_from={today + dt.timedelta(days=10)}&date_to={today + dt.timedelta(days=24)}"
    return [f"/{NETWORK}/activities/" + (f"?{f}" if f else "") for f in [*FILTERS, ranged]]


def _build(sessions: int) -> dict:
    """Worker: the synthetic network in this process's database (bulk inserts; no signals, no history)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hvhk.settings")  # noqa: TID251
    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from hvhk.activities.models import Activity, Registration, Session
    from hvhk.core.lib.tokens import token_hash
    from hvhk.core.models import Area, Network
    from hvhk.directory.models import Address, House, Location, Organization, Service

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    rng = random.Random(SEED)
    network = Network.objects.create(slug=NETWORK, name="Huis van het Kind Benchmark")
    leuven = Area.objects.create(network=network, slug="leuven", name="Leuven", kind=Area.Kind.MUNICIPALITY)
    organization = Organization.objects.create(network=network, slug="partner", name="Partner vzw")
    locations, houses = [], []
    for slug, name in HOUSES:
        area = Area.objects.create(
            network=network, slug=slug, name=name, kind="submunicipality", parent=leuven
        )
        location = Location.objects.create(
            network=network, organization=organization, name=f"Huis {name}", area=area
        )
        Address.objects.create(network=network, location=location, address_1="Straat 1", city=name,
                               postal_code="3000", state_province="Vlaams-Brabant")  # fmt: skip
        locations.append(location)
        houses.append(
            House.objects.create(network=network, slug=slug, name=f"Huis {name}", location=location)
        )
    services = Service.objects.bulk_create(
        [
            Service(network=network, organization=organization, name=f"Aanbod {i}", description="Aanbod.")
            for i in range(50)
        ]
    )
    titles = ["Babymassage", "Opvoedingsavond", "Peuterpraat", "Speelochtend", "Slaapworkshop", "Voorleesuur",
              "Zwangerschapsyoga", "Oudercafé", "Taalspel", "Kookworkshop"]  # fmt: skip
    kinds = [k for k, _label in Activity.Kind.choices]
    ages = [(-9, 0), (0, 12), (0, 36), (12, 48), (24, 72), (36, 144), (None, None), (72, 216)]
    languages = [["nl"], ["nl", "fr"], ["nl", "ar"], ["nl", "tr"], ["nl", "en", "fr"]]
    per_activity = max(1, sessions // ACTIVITIES)
    activities = []
    for i in range(ACTIVITIES + ACTIVITIES // 10):
        low, high = rng.choice(ages)
        where = rng.randrange(len(HOUSES))
        online = rng.random() < 0.05
        activities.append(
            Activity(
                network=network,
                service=rng.choice(services),
                house=houses[where] if rng.random() < 0.7 else None,
                location=None if online else locations[where],
                online=online,
                title=f"{rng.choice(titles)} {i}",
                description="Samen met andere ouders, over opvoeding, spelen en slapen.",
                kind=rng.choice(kinds),
                minimum_age_months=low,
                maximum_age_months=high,
                languages=rng.choice(languages),
                price_cents=rng.choice([0, 0, 0, 500, 1200]),
                capacity=rng.choice([None, 8, 12, 20]),
                schedule=Activity.Schedule.SERIES if rng.random() < 0.1 else Activity.Schedule.SINGLE,
                status=Activity.Status.PUBLISHED if i < ACTIVITIES else Activity.Status.DRAFT,
            )
        )
    Activity.objects.bulk_create(activities, batch_size=500)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    rows = []
    for activity in activities:
        for _j in range(per_activity):
            start = now + dt.timedelta(days=rng.randrange(1, 181))  # from tomorrow: every one is upcoming
            start = start.replace(hour=rng.choice([9, 10, 14, 19]))
            rows.append(Session(network=network, activity=activity, starts_at=start,
                                ends_at=start + dt.timedelta(minutes=90), is_cancelled=rng.random() < 0.03))  # fmt: skip
    Session.objects.bulk_create(rows, batch_size=2000)
    registrations = []
    for n, session in enumerate(rows[: len(rows) // 3]):
        for k in range(rng.randrange(0, 4)):
            registrations.append(
                Registration(
                    network=network, activity=session.activity, session=session, name="Ouder",
                    email="ouder@example.org", adults=1, children=1, token_hash=token_hash(f"{n}-{k}"),
                    status=Registration.Status.CONFIRMED if k < 3 else Registration.Status.WAITING,
                )
            )  # fmt: skip
    Registration.objects.bulk_create(registrations, batch_size=2000)
    from django.db import connection

    with (
        connection.cursor() as cursor
    ):  # planner statistics, as autovacuum (or SQLite's optimize) would keep them
        cursor.execute("ANALYZE")
    upcoming = Session.objects.filter(activity__status=Activity.Status.PUBLISHED, ends_at__gt=timezone.now())
    return {
        "build_s": time.monotonic() - started,
        "sessions": upcoming.count(),
        "registrations": len(registrations),
    }


def main(argv: list[str], out=sys.stdout) -> None:
    parser = argparse.ArgumentParser(prog="hvhk bench activities", description=__doc__)
    parser.add_argument(
        "--sessions", type=int, default=10_000, help="upcoming public sessions (default 10,000)"
    )
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=8, help="length of each load run (default 8)")
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hvhk-bench-activities-") as folder:
        db_env = fresh_database(args.database, Path(folder), "activities")
        dev = production_env(HVHK_DEBUG="1", PYTHONPATH=str(ROOT), **db_env)
        out.write(f"1/3 building {args.sessions:,} upcoming sessions ({args.database}) …\n")
        out.flush()
        worker = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "bench.activities_list", "--build", str(args.sessions)],
            env=dev,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if worker.returncode:
            raise RuntimeError(f"building failed:\n{worker.stderr[-3000:]}")
        built = json.loads(worker.stdout.strip().splitlines()[-1])
        out.write(f"    {built['sessions']:,} upcoming public sessions in {built['build_s']:.0f}s\n")
        prod = production_env(PYTHONPATH=str(ROOT), **db_env)
        subprocess.run([str(VENV_BIN / "hvhk"), "collectstatic", "--noinput", "-v0"], env=prod, check=True)  # noqa: S603
        paths = _paths()
        with gunicorn(prod) as base:
            out.write(f"2/3 gunicorn (2 workers) at {base}; warming up …\n")
            wrk(base + paths[0], seconds=2, connections=args.connections, paths=paths)
            runs = {}
            for label, url, rotate, header in [
                ("/healthz (1 query)", base + "/healthz", None, None),
                ("bare page, 20 items from memory", base + "/bench/bare/", None, None),
                (
                    "site page, base template only",
                    base + f"/{NETWORK}/news/",
                    None,
                    "Cookie: sessionid=bench",
                ),
                ("activity list with filters", base + paths[0], paths, "Cookie: sessionid=bench"),
                ("  same, no filter, first page", base + paths[0], None, "Cookie: sessionid=bench"),
            ]:
                out.write(f"3/3 measuring {label.strip()} for {args.seconds}s …\n")
                out.flush()
                runs[label] = wrk(
                    url, seconds=args.seconds, connections=args.connections, paths=rotate, header=header
                )
    _report(built, runs, args, out)


def _report(built: dict, runs: dict, args, out) -> None:
    healthz, bare, floor, listed, plain = runs.values()
    ratio = listed.rps / bare.rps
    out.write("\n{:<38} {:>10} {:>9} {:>9} {:>7}\n".format("page", "req/s", "p50 ms", "p99 ms", "errors"))
    for label, load in runs.items():
        out.write(f"{label:<38} {load.rps:>10.1f} {load.p50_ms:>9.1f} {load.p99_ms:>9.1f} {load.errors:>7}\n")
    verdict = "meets" if ratio >= TARGET else "MISSES"
    out.write(
        f"\n{built['sessions']:,} upcoming sessions ({args.database}): activity list / bare page: {ratio:.2f}x "
        f"({verdict} the >= {TARGET}x target); no filter: {plain.rps / bare.rps:.2f}x; "
        f"list / healthz: {listed.rps / healthz.rps:.2f}x\n"
        f"floor: an empty page of this site (the news list: base template, 2 queries) does "
        f"{floor.rps / bare.rps:.2f}x the bare page; the list does {listed.rps / floor.rps:.2f}x that page\n"
    )
    data = {
        "sessions": built["sessions"],
        "database": args.database,
        "build_s": round(built["build_s"], 1),
        "runs": {k.strip(): vars(v) for k, v in runs.items()},
        "ratio_list_to_bare": round(ratio, 3),
        "ratio_plain_to_bare": round(plain.rps / bare.rps, 3),
        "ratio_floor_to_bare": round(floor.rps / bare.rps, 3),
        "ratio_list_to_floor": round(listed.rps / floor.rps, 3),
        "target": TARGET,
        "paths": len(_paths()),
    }
    svg = bar_chart(
        [(k.strip(), v.rps) for k, v in runs.items()],
        title=f"Activity list at {built['sessions']:,} sessions: requests per second (same run)",
        unit=" req/s",
    )
    json_path, svg_path = save(f"activities-list-{args.database}", data, svg)
    out.write(f"saved {json_path} and the chart {svg_path}\n")


if __name__ == "__main__":
    print(json.dumps(_build(int(sys.argv[2]))))
