"""Insights at scale: every insights page for a network of 5,000 services, a year of 100,000 searches and 5,000
referrals (issue 16: each answers within 2 s on this machine).

1. A reproducible synthetic network (bench.synthetic, fixed seed) of 5,000 services in five areas, with houses and
   their pillars; a year of wegwijzer use (100,000 searches as monthly counts, views of every service, searches
   that found nothing); 5,000 referrals of families' questions spread over the year (and anonymised facts of
   earlier ones); past activity sessions with registrations and attendance; an analyst signed in.
2. The worker's precomputation (the overlap task) is timed on its own, as it runs in the background.
3. Each insights page is asked once with nothing cached (its first visit) and then RUNS times, one request at a
   time, by the analyst of a 2-worker gunicorn with production settings; beside them the same server's /healthz and the portal's
   start page (a signed-in page with the portal's navigation: the floor of any portal page) in the same run.
   A page that does not exist yet is reported as such.
Target: the slowest request of every insights page under 2 s.
"""

import argparse
import datetime as dt
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.lib import ROOT, VENV_BIN, fresh_database, gunicorn, production_env, save
from hvhk.core.lib.charts import bar_chart

NETWORK = "bench"
SEED = 20261206
TARGET_S = 2.0
SESSION_KEY = "insightsbenchsession0000000000000"
PAGES = [
    ("insights start page", "/portal/insights/"),
    ("coverage, whole network", "/portal/insights/coverage/"),
    ("coverage, one area", "/portal/insights/coverage/?area=heverlee"),
    ("coverage.csv", "/portal/insights/coverage.csv"),
    ("overlap", "/portal/insights/overlap/"),
    ("thresholds", "/portal/insights/thresholds/"),
    ("reach: questions", "/portal/insights/reach/"),
    ("reach: referrals", "/portal/insights/reach/?section=referrals"),
    ("reach: activities", "/portal/insights/reach/?section=activities"),
    ("reach: wegwijzer", "/portal/insights/reach/?section=wegwijzer"),
    ("annual report page", "/portal/insights/report/"),
]


def _build(services: int, searches: int, referrals: int) -> dict:
    """Worker: the synthetic network and its year of history in this process's database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hvhk.settings")  # noqa: TID251
    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY
    from django.contrib.auth import SESSION_KEY as USER_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from bench.synthetic import build_network
    from hvhk.accounts.models import RoleAssignment, User
    from hvhk.activities.models import Activity, Registration, Session
    from hvhk.core.lib.tokens import token_hash
    from hvhk.core.models import Area
    from hvhk.directory.models import Attribute, House, Location, Pillar, Service
    from hvhk.referrals.models import Referral, RequestFacts, SupportRequest
    from hvhk.search.models import MonthlyUse, ZeroResultQuery

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    rng = random.Random(SEED)
    network = build_network(slug=NETWORK, services=services)
    built_services = time.monotonic() - started
    areas = list(Area.objects.for_network(network))
    all_services = list(Service.objects.for_network(network).only("id", "organization_id"))
    locations = list(Location.objects.for_network(network)[: len(areas)])
    houses = []
    for area, location in zip(areas, locations, strict=False):
        house = House.objects.create(
            network=network, slug=area.slug, name=f"Huis {area.name}", location=location
        )
        houses.append(house)
        for position, kind in enumerate(Pillar.BASE_KINDS):
            if rng.random() < 0.8:
                pillar = Pillar.objects.create(network=network, house=house, kind=kind, position=position)
                pillar.services.set(rng.sample(all_services, 3))
    today = timezone.localdate()
    months = [(today.replace(day=1) - dt.timedelta(days=31 * k)).replace(day=1) for k in range(12)]
    # A year of wegwijzer use: searches per month, views of every service, searches that found nothing.
    per_month = searches // 12
    uses = [MonthlyUse(network=network, month=m, kind="search", count=per_month) for m in months]
    for service in all_services:
        for m in months:
            uses.append(
                MonthlyUse(
                    network=network, month=m, kind="service_view", service=service, count=rng.randrange(1, 60)
                )
            )
    MonthlyUse.objects.bulk_create(uses, batch_size=5000)
    words = ["kinderopvang", "babyzwemmen", "logopedie", "huiswerk", "rouw", "pleegzorg", "tienerpapa", "حضانة",
             "crèche", "daycare", "ödev", "speelpleinwerking", "autisme", "scheiding", "budget"]  # fmt: skip
    zero = {}
    for _i in range(searches // 10):
        key = (rng.choice(months), " ".join(rng.sample(words, rng.choice([1, 1, 2]))))
        zero[key] = zero.get(key, 0) + 1
    ZeroResultQuery.objects.bulk_create(
        [ZeroResultQuery(network=network, month=m, query=q, count=n) for (m, q), n in zero.items()],
        batch_size=5000,
    )
    # Families' questions and their referrals over the year, and anonymised facts of earlier ones.
    domains = list(
        Attribute.objects.for_network(network)
        .filter(link_type="life_domain")
        .values_list("taxonomy_term", flat=True)
        .distinct()
    )
    requests, links = [], []
    ages = ["zwanger", "0-3", "3-6", "6-12", "12-18", "18-24"]
    for i in range(referrals * 2 // 3):
        requests.append(
            SupportRequest(
                network=network, reference=f"B{i:08d}", status=rng.choice(["new", "in_triage", "referred", "closed"]),
                house=rng.choice(houses), question="Een vraag.", domain_id=rng.choice(domains),
                ages=rng.sample(ages, rng.choice([1, 1, 2])), area=rng.choice(areas), contact_by="email",
                email="gezin@example.org", token_hash=token_hash(f"bench-request-{i}"),
            )
        )  # fmt: skip
    SupportRequest.objects.bulk_create(requests, batch_size=2000)
    statuses = [s for s, _label in Referral.Status.choices]
    for i in range(referrals):
        service = all_services[rng.randrange(len(all_services))]
        links.append(
            Referral(network=network, request=requests[i % len(requests)], service=service, service_name="Aanbod",
                     organization_id=service.organization_id, status=rng.choice(statuses))
        )  # fmt: skip
    Referral.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)
    for index, month in enumerate(months):  # spread over the year (created_at is set on insert)
        ids = [r.pk for r in requests[index :: len(months)]]
        moment = timezone.make_aware(dt.datetime.combine(month, dt.time(10)))
        SupportRequest.objects.filter(pk__in=ids).update(
            created_at=moment, first_contact_at=moment + dt.timedelta(days=rng.randrange(0, 9))
        )
        Referral.objects.filter(request_id__in=ids).update(created_at=moment)
    RequestFacts.objects.bulk_create(
        [
            RequestFacts(network=network, month=rng.choice(months), source="online", domain_id=rng.choice(domains),
                         age_bands=[rng.choice(ages)], area=rng.choice(areas), house=rng.choice(houses),
                         referrals=rng.randrange(0, 3), outcome=rng.choice(["", "completed", "declined"]),
                         days_to_first_contact=rng.randrange(0, 15), reason="retention")
            for _i in range(referrals // 3)
        ]
    )  # fmt: skip
    # Past activity sessions with registrations and attendance.
    activities = Activity.objects.bulk_create(
        [
            Activity(network=network, service=rng.choice(all_services), house=rng.choice(houses),
                     location=rng.choice(locations), title=f"Activiteit {i}", description="Samen spelen.",
                     kind=rng.choice([k for k, _l in Activity.Kind.choices]), languages=["nl"],
                     status=Activity.Status.PUBLISHED)
            for i in range(200)
        ]
    )  # fmt: skip
    now = timezone.now()
    sessions = []
    for activity in activities:
        for _j in range(10):
            start = now - dt.timedelta(days=rng.randrange(1, 360), hours=rng.randrange(0, 8))
            sessions.append(Session(network=network, activity=activity, starts_at=start,
                                    ends_at=start + dt.timedelta(hours=2), present_count=rng.randrange(0, 25)))  # fmt: skip
    Session.objects.bulk_create(sessions, batch_size=2000)
    Registration.objects.bulk_create(
        [
            Registration(network=network, activity=s.activity, session=s, name="", adults=1,
                         children=rng.randrange(0, 3), status="confirmed", attended=rng.random() < 0.8,
                         token_hash=token_hash(f"bench-registration-{n}-{k}"))
            for n, s in enumerate(sessions) for k in range(rng.randrange(0, 6))
        ],
        batch_size=2000,
    )  # fmt: skip
    analyst = User.objects.create_user(email="analyst@bench.example", password=None, full_name="Analist")
    RoleAssignment.objects.create(user=analyst, network=network, role=RoleAssignment.Role.ANALYST)
    session = SessionStore(session_key=None)
    session[USER_KEY] = str(analyst.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = analyst.get_session_auth_hash()
    session.create()
    with (
        connection.cursor() as cursor
    ):  # planner statistics, as autovacuum (or SQLite's optimize) would keep them
        cursor.execute("ANALYZE")
    return {
        "build_s": round(time.monotonic() - started, 1),
        "services_s": round(built_services, 1),
        "services": len(all_services),
        "searches": per_month * 12,
        "referrals": Referral.objects.for_network(network).count(),
        "session": session.session_key,
    }


def _precompute(env: dict) -> float:
    """Run the worker's precomputation (the overlap task) once, as `hvhk db_worker` would; its seconds."""
    code = (
        "import django, os, time; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'hvhk.settings'); django.setup()\n"
        "from hvhk.core.models import Network\n"
        "network = Network.objects.get(slug='bench'); started = time.monotonic()\n"
        "from hvhk.insights.tasks import overlap_compute_task\n"
        "overlap_compute_task.call(str(network.pk)); print(time.monotonic() - started)\n"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise RuntimeError(f"the overlap task failed:\n{done.stderr[-2000:]}")
    return float(done.stdout.strip().splitlines()[-1])


def _time(url: str, cookie: str, runs: int) -> dict | None:
    """Seconds of the first request (nothing cached yet) and of `runs` sequential ones after it; None when the
    page does not exist (404)."""
    headers = {"Cookie": cookie, "X-Forwarded-Proto": "https"}

    def once() -> float:
        started = time.monotonic()
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=120) as response:  # noqa: S310
            response.read()
            if "/accounts/login/" in response.url:
                raise RuntimeError(f"{url}: not signed in (redirected to the login page)")
        return time.monotonic() - started

    try:
        first = once()
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise
    times = [once() for _i in range(runs)]
    return {"first_s": first, "median_s": statistics.median(times), "max_s": max(times), "min_s": min(times)}


def main(argv: list[str], out=sys.stdout) -> None:
    parser = argparse.ArgumentParser(prog="hvhk bench insights", description=__doc__)
    parser.add_argument("--services", type=int, default=5_000)
    parser.add_argument(
        "--searches", type=int, default=100_000, help="searches in the year (default 100,000)"
    )
    parser.add_argument("--referrals", type=int, default=5_000, help="referrals in the year (default 5,000)")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--runs", type=int, default=5, help="requests per page after a warm-up (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hvhk-bench-insights-") as folder:
        db_env = fresh_database(args.database, Path(folder), "insights")
        # One secret for building and serving: the analyst's session is signed with it.
        secret = {"HVHK_SECRET_KEY": "bench-insights-" + secrets.token_urlsafe(40)}
        dev = production_env(HVHK_DEBUG="1", PYTHONPATH=str(ROOT), **db_env, **secret)
        out.write(
            f"1/4 building {args.services:,} services, {args.searches:,} searches and {args.referrals:,} referrals "
            f"({args.database}) …\n"
        )
        out.flush()
        worker = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "bench.insights_bench", "--build", str(args.services), str(args.searches),
             str(args.referrals)],
            env=dev, cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if worker.returncode:
            raise RuntimeError(f"building failed:\n{worker.stderr[-3000:]}")
        built = json.loads(worker.stdout.strip().splitlines()[-1])
        out.write(
            f"    {built['services']:,} services ({built['services_s']:.0f}s), {built['searches']:,} searches, "
            f"{built['referrals']:,} referrals; built in {built['build_s']:.0f}s\n"
        )
        prod = production_env(PYTHONPATH=str(ROOT), **db_env, **secret)
        out.write("2/4 the worker's precomputation (overlap) …\n")
        out.flush()
        precompute_s = _precompute(prod)
        out.write(f"    {precompute_s:.1f}s in the background\n")
        subprocess.run([str(VENV_BIN / "hvhk"), "collectstatic", "--noinput", "-v0"], env=prod, check=True)  # noqa: S603
        cookie = f"__Host-sessionid={built['session']}; sessionid={built['session']}"
        timings = {}
        with gunicorn(prod) as base:
            out.write(f"3/4 gunicorn (2 workers) at {base}\n")
            for label, path in [
                ("/healthz (1 query)", "/healthz"),
                ("portal start page", "/portal/"),
                *PAGES,
            ]:
                out.write(f"4/4 {label} × {args.runs} …\n")
                out.flush()
                timings[label] = _time(base + path, cookie, args.runs)
    _report(built, precompute_s, timings, args, out)


def _report(built: dict, precompute_s: float, timings: dict, args, out) -> None:
    floor = timings["portal start page"]["median_s"]
    out.write(
        "\n{:<28} {:>10} {:>10} {:>10} {:>14}\n".format(
            "page", "first s", "median s", "max s", "× portal page"
        )
    )
    for label, t in timings.items():
        if t is None:
            out.write(f"{label:<28} {'not built':>10}\n")
            continue
        out.write(
            f"{label:<28} {t['first_s']:>10.3f} {t['median_s']:>10.3f} {t['max_s']:>10.3f} "
            f"{t['median_s'] / floor:>14.1f}\n"
        )
    pages = {label: t for label, t in timings.items() if label in dict(PAGES) and t is not None}
    slowest = (
        max(pages.items(), key=lambda item: max(item[1]["max_s"], item[1]["first_s"])) if pages else None
    )
    if slowest:
        worst = max(slowest[1]["max_s"], slowest[1]["first_s"])
        verdict = "meets" if worst < TARGET_S else "MISSES"
        out.write(
            f"\n{built['services']:,} services, {built['searches']:,} searches, {built['referrals']:,} referrals "
            f"({args.database}): the slowest insights page is {slowest[0]} at {worst:.2f}s at most (first visit included) "
            f"({verdict} the < {TARGET_S:.0f}s target); {len(pages)} of {len(PAGES)} pages built"
            + (
                f"; the overlap precomputation takes {precompute_s:.1f}s in the worker\n"
                if precompute_s >= 0
                else "\n"
            )
        )
    data = {
        "database": args.database,
        **built,
        "precompute_s": precompute_s,
        "timings": timings,
        "target_s": TARGET_S,
    }
    data.pop("session", None)
    svg = bar_chart(
        [(label, t["first_s"] * 1000) for label, t in timings.items() if t is not None],
        title=f"Insights at {built['services']:,} services: milliseconds of each page's first visit (same run)",
        unit=" ms",
    )
    json_path, svg_path = save(f"insights-{args.database}", data, svg)
    out.write(f"saved {json_path} and the chart {svg_path}\n")


if __name__ == "__main__":
    print(json.dumps(_build(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))))
