"""Shared plumbing for benchmarks: a production-like gunicorn, wrk runs, a results folder and charts."""

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
VENV_BIN = Path(sys.executable).parent


def fresh_database(kind: str, folder: Path, name: str) -> dict[str, str]:
    """Settings of an empty database for one benchmark step: a SQLite file under `folder`, or a PostgreSQL
    database `hvhk_bench_<name>` (dropped and created again) on the server of HVHK_TEST_POSTGRES_URL."""
    if kind == "sqlite":
        return {"HVHK_VAR_DIR": str(folder / name)}
    url = os.environ.get("HVHK_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/hvhk")  # noqa: TID251
    base = url.rsplit("/", 1)[0]
    import psycopg

    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS hvhk_bench_{name}")
        conn.execute(f"CREATE DATABASE hvhk_bench_{name}")
    return {"DATABASE_URL": f"{base}/hvhk_bench_{name}"}


def production_env(**extra: str) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("HVHK_")}  # noqa: TID251
    env.update(
        HVHK_DEBUG="0", HVHK_SECRET_KEY="bench-" + secrets.token_urlsafe(48), HVHK_ALLOWED_HOSTS="127.0.0.1"
    )
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env: dict[str, str], *, workers: int = 2):
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115 (kept for reading after a failure)
    process = subprocess.Popen(  # noqa: S603
        [
            str(VENV_BIN / "gunicorn"),
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--chdir",
            str(ROOT),
            "bench.wsgi:application",
        ],
        env=env,
        stdout=log,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base + "/healthz", timeout=2)  # noqa: S310
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"gunicorn did not start; see {log.name}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def _ms(value: str) -> float:
    number, unit = float(re.match(r"[\d.]+", value).group()), re.sub(r"[\d.]+", "", value)
    return number * {"us": 0.001, "ms": 1.0, "s": 1000.0}.get(unit, 1.0)


def wrk(
    url: str, *, seconds: int, connections: int, paths: list[str] | None = None, header: str | None = None
) -> Load:
    """Load `url` (or rotate over `paths`) with wrk; requests are marked HTTPS as the TLS proxy would."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is needed for this benchmark: apt-get install wrk")
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-H", "X-Forwarded-Proto: https"]
    if header:
        args += ["-H", header]
    with tempfile.TemporaryDirectory() as tmp:
        if paths:
            (Path(tmp) / "paths").write_text("\n".join(paths) + "\n")
            script = Path(tmp) / "rotate.lua"
            script.write_text(
                f'local paths, i = {{}}, 0\nfor line in io.lines("{tmp}/paths") do paths[#paths + 1] = line end\n'
                "request = function() i = i % #paths + 1; return wrk.format('GET', paths[i]) end\n"
            )
            args += ["-s", str(script)]
        output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return Load(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        p99_ms=_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        errors=errors,
    )


def save(name: str, data: dict, svg: str) -> tuple[Path, Path]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    json_path, svg_path = RESULTS / f"{name}.json", RESULTS / f"{name}.svg"
    json_path.write_text(json.dumps(data, indent=2))
    svg_path.write_text(svg)
    return json_path, svg_path
