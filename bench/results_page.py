"""Results page throughput: the wegwijzer's results page with filters, rotating over 40 real queries, against a
bare Django page rendering 20 results from memory and the one-query /healthz, all served by the same 2-worker
gunicorn with production settings, in the same run (the machine is shared and noisy: compare ratios)."""

import argparse
import subprocess
import sys
from urllib.parse import quote_plus

from bench.lib import VENV_BIN, gunicorn, production_env, save, wrk
from hvhk.core.lib.charts import bar_chart

QUERIES = [
    "opvoeding",
    "borstvoeding",
    "kinderopvang",
    "zwanger",
    "speelotheek",
    "huiswerk",
    "scheiding",
    "pesten",
    "slapen",
    "taal",
    "geld schoolreis",
    "ruzie thuis",
    "babymassage",
    "consultatiebureau",
    "tiener",
    "studiekeuze",
    "vrije tijd",
    "sport",
    "crèche",
    "onthaal",
]
FILTERS = ["age=3", "age=14&cost=free"]
# Words for the first-visit run: every pair of them, each with an age, makes 1,600 distinct two-word queries, more
# than a run asks, so neither the page cache nor the ranking cache helps (as for a visitor's own question).
PAIR_WORDS = [
    "opvoeding",
    "borstvoeding",
    "kinderopvang",
    "zwanger",
    "speelotheek",
    "huiswerk",
    "scheiding",
    "pesten",
    "slapen",
    "taal",
    "geld",
    "schoolreis",
    "ruzie",
    "babymassage",
    "consultatie",
    "tiener",
    "studiekeuze",
    "sport",
    "crèche",
    "onthaal",
    "ouders",
    "baby",
    "peuter",
    "kleuter",
    "school",
    "muziek",
    "zwemmen",
    "voeding",
    "gezondheid",
    "logopedie",
    "ontwikkeling",
    "autisme",
    "rouw",
    "stress",
    "armoede",
    "huur",
    "wonen",
    "werk",
    "inburgering",
    "lezen",
    "spelen",
    "speelplein",
    "jeugdwerk",
    "vakantie",
    "kamp",
    "gezin",
    "papa",
    "mama",
    "vrienden",
    "tandarts",
    "vaccinatie",
    "premie",
    "groeipakket",
    "budget",
    "angst",
    "fiets",
    "bibliotheek",
    "dokter",
]
UNCACHED = 1600


def first_visit_paths(network: str) -> list[str]:
    """UNCACHED distinct results pages: two words and an age each (ages 0 to 17 in turn)."""
    pairs = [(a, b) for i, a in enumerate(PAIR_WORDS) for b in PAIR_WORDS[i + 1 :]]
    if len(pairs) < UNCACHED:
        raise ValueError(f"{len(PAIR_WORDS)} words make only {len(pairs)} pairs")
    return [
        f"/{network}/services/?q={quote_plus(f'{a} {b}')}&age={n % 18}"
        for n, (a, b) in enumerate(pairs[:UNCACHED])
    ]


def result_paths(network: str) -> list[str]:
    return [f"/{network}/services/?q={quote_plus(q)}&{f}" for q in QUERIES for f in FILTERS]


def main(argv: list[str], out=sys.stdout) -> None:
    parser = argparse.ArgumentParser(prog="hvhk bench results", description=__doc__)
    parser.add_argument("--seconds", type=int, default=8, help="length of each load run (default 8)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--network", default="leuven")
    args = parser.parse_args(argv)
    hvhk = str(VENV_BIN / "hvhk")
    dev = production_env(HVHK_DEBUG="1", HVHK_SECRET_KEY="")
    out.write("1/4 loading the demo data (hvhk demo) …\n")
    subprocess.run([hvhk, "migrate", "--noinput", "-v0"], env=dev, check=True)  # noqa: S603
    subprocess.run([hvhk, "demo"], env=dev, check=True, capture_output=True)  # noqa: S603
    env = production_env()
    out.write("2/4 collecting static files under production settings …\n")
    subprocess.run([hvhk, "collectstatic", "--noinput", "-v0"], env=env, check=True)  # noqa: S603
    paths = result_paths(args.network)
    fresh = first_visit_paths(args.network)
    with gunicorn(env) as base:
        out.write(f"3/4 gunicorn (2 workers) at {base}; warming up …\n")
        wrk(base + "/healthz", seconds=2, connections=args.connections, paths=paths)
        runs = {}
        for label, url, rotate, header in [
            ("/healthz (1 query)", base + "/healthz", None, None),
            ("bare page, 20 results from memory", base + "/bench/bare/", None, None),
            ("results page with filters", base + paths[0], paths, None),
            ("  same, rendered each time (session)", base + paths[0], paths, "Cookie: sessionid=bench"),
            (f"first visits ({UNCACHED} distinct queries)", base + fresh[0], fresh, None),
        ]:
            out.write(f"4/4 measuring {label.strip()} for {args.seconds}s …\n")
            runs[label] = wrk(
                url, seconds=args.seconds, connections=args.connections, paths=rotate, header=header
            )
    healthz, bare, results, rendered, first = runs.values()
    out.write("\n{:<38} {:>10} {:>9} {:>9} {:>7}\n".format("page", "req/s", "p50 ms", "p99 ms", "errors"))
    for label, load in runs.items():
        out.write(f"{label:<38} {load.rps:>10.1f} {load.p50_ms:>9.1f} {load.p99_ms:>9.1f} {load.errors:>7}\n")
    ratio_bare, ratio_healthz = results.rps / bare.rps, results.rps / healthz.rps
    out.write(
        f"\nresults page / bare page: {ratio_bare:.2f}x    results page / healthz: {ratio_healthz:.2f}x "
        f"(speed check asks >= 0.15x healthz, p99 <= 150 ms)\n"
        f"rendered every time (a visitor with a session, no page cache): {rendered.rps / bare.rps:.2f}x bare, "
        f"{rendered.rps / healthz.rps:.2f}x healthz\n"
        f"first visits, {UNCACHED} distinct queries with an age: {first.rps / healthz.rps:.2f}x healthz, "
        f"p99 {first.p99_ms:.0f} ms (issue 17 asks >= 0.15x, p99 <= 100 ms)\n"
    )
    data = {
        "runs": {k: vars(v) for k, v in runs.items()},
        "ratio_results_to_bare": round(ratio_bare, 3),
        "ratio_results_to_healthz": round(ratio_healthz, 3),
        "ratio_rendered_to_bare": round(rendered.rps / bare.rps, 3),
        "ratio_first_visits_to_healthz": round(first.rps / healthz.rps, 3),
        "queries": len(paths),
    }
    svg = bar_chart(
        [(k, v.rps) for k, v in runs.items()], title="Requests per second (same run)", unit=" req/s"
    )
    json_path, svg_path = save("results-page", data, svg)
    out.write(f"saved {json_path} and the chart {svg_path}\n")
