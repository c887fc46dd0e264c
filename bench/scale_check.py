"""The scale check (scripts/scale-check): the site on two web nodes behind a load balancer, a PostgreSQL primary
with a streaming replica and Redis, all started here in a temporary folder on free ports, under mixed traffic
while a node is killed and the database restarts.

1. A PostgreSQL primary (its own cluster) and a streaming replica made from it with pg_basebackup; Redis.
2. The demo networks loaded into the primary; one Leuven partner may publish directly (its edits go live at once).
3. Two gunicorn nodes (production settings, DATABASE_REPLICA_URLS on the replica, REDIS_URL) behind nginx.
4. For --seconds (default 60): wrk rotates over searches with filters, service pages, house pages and API pages;
   beside it a family asks questions and a partner edits a service, one after the other; a probe asks /healthz of
   the balancer and of each node every 0.1 s.
5. Faults, during the load: at a quarter of the time node A is killed with SIGKILL and started again; at a half,
   the PostgreSQL primary restarts (pg_ctl restart -m fast).
6. Afterwards every write that was answered as done is looked up (a question through the family's own page, an
   edit in the service's history on the primary): one that is missing is a lost write. Each edit must be seen by
   the partner at once on the public page (read your own write), and must reach the replica.

It prints figures as it goes and one summary line at the end, which ends with the number of lost writes. It
exits 1 when a write was lost, an edit did not reach the replica, or the partner did not read their own write.
Needs PostgreSQL's server programs (initdb, pg_ctl, pg_basebackup), redis-server, nginx and wrk.
"""

import argparse
import contextlib
import html.parser
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from bench.lib import ROOT, VENV_BIN, free_port, production_env

NETWORK = "leuven"
GOAL_S = 5.0


def say(text: str) -> None:
    print(text, flush=True)


def _pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb is None:
        raise SystemExit(
            "scale-check needs PostgreSQL's server programs (initdb, pg_ctl): apt-get install postgresql"
        )
    return Path(initdb).parent


def _as_postgres() -> list[str]:
    """PostgreSQL refuses to run as root: run its programs as the postgres user then."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class Cluster:
    """A PostgreSQL cluster of its own in `folder`, on `port`."""

    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port = folder, port
        self.data, self.log = folder / "data", folder / "server.log"

    def _ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        command = [*_as_postgres(), str(_pg_bin() / "pg_ctl"), "-D", str(self.data), "-l", str(self.log)]
        return subprocess.run(  # noqa: S603
            [*command, "-o", options, "-w", "-t", "60", *args], capture_output=True, text=True, check=check
        )

    def start(self) -> None:
        self._ctl("start")

    def restart(self) -> None:
        self._ctl("restart", "-m", "fast")

    def stop(self) -> None:
        self._ctl("stop", "-m", "immediate", check=False)

    def url(self, database: str = "hvhk") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"


def _run_pg(*args: str) -> None:
    subprocess.run([*_as_postgres(), *args], check=True, capture_output=True, text=True)  # noqa: S603


def make_primary_and_replica(folder: Path) -> tuple[Cluster, Cluster]:
    for name in ("primary", "replica"):
        (folder / name).mkdir(parents=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        for name in ("primary", "replica"):
            shutil.chown(folder / name, "postgres")
    primary = Cluster(folder / "primary", free_port())
    _run_pg(str(_pg_bin() / "initdb"), "-D", str(primary.data), "-U", "postgres", "--auth=trust", "-N")
    with (primary.data / "postgresql.conf").open("a") as conf:
        conf.write(
            "wal_level = replica\nmax_wal_senders = 5\nmax_connections = 100\nshared_buffers = 128MB\n"
        )
    primary.start()
    replica = Cluster(folder / "replica", free_port())
    _run_pg(
        str(_pg_bin() / "pg_basebackup"),
        *("-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres", "-D", str(replica.data)),
        *("-R", "-X", "stream", "-c", "fast"),
    )
    replica.start()
    return primary, replica


def _wait_for(url: str, timeout: float = 60.0) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        with contextlib.suppress(OSError, http.client.HTTPException):
            if _get(url, timeout=2.0).status == 200:
                return time.monotonic() - started
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


# --- a small HTTP client with its own cookies (the site's cookies are Secure; we speak plain HTTP to nginx) ------


@dataclass
class Answer:
    status: int
    headers: dict
    body: str


def _get(url: str, *, timeout: float = 10.0, cookies: dict | None = None) -> Answer:
    return _request("GET", url, timeout=timeout, cookies=cookies)


def _request(
    method: str, url: str, *, data: list | None = None, cookies: dict | None = None, timeout: float = 15.0
) -> Answer:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    headers = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = f"https://127.0.0.1{parts.path}"
    try:
        connection.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), body, headers)
        response = connection.getresponse()
        text = response.read().decode(errors="replace")
        if cookies is not None:
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _sep, rest = value.partition("=")
                    cookies[key.strip()] = rest.split(";", 1)[0]
        return Answer(response.status, dict(response.getheaders()), text)
    finally:
        connection.close()


class _Form(html.parser.HTMLParser):
    """The fields a browser would send for the form that holds `marker_field`, with their current values."""

    def __init__(self, marker_field: str) -> None:
        super().__init__()
        self.marker_field, self.forms, self.current = marker_field, [], None
        self.select, self.textarea = None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.current = []
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.current.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            self.current.append((self.select, a.get("value", "")))
        elif tag == "textarea":
            self.textarea = [a.get("name"), ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.current.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "form":
            self.current = None

    def fields(self) -> list[tuple[str, str]]:
        return next(form for form in self.forms if any(name == self.marker_field for name, _ in form))


def _csrf(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


# --- the writers -----------------------------------------------------------------------------------------------


@dataclass
class Write:
    kind: str
    marker: str
    done: bool
    cookies: dict = field(default_factory=dict)
    service: str = ""
    read_own: bool | None = None
    replica_ms: float | None = None
    at: float = field(default_factory=time.monotonic)  # when the attempt began
    ended: float = 0.0  # when its answer (or error) came
    why: str = ""  # what went wrong, when it did


class Writers:
    """A family asking questions and a partner editing a service, each one write after the other."""

    def __init__(self, base: str, replica_url: str, editor: str, service: str) -> None:
        self.base, self.replica_url, self.editor, self.service = base, replica_url, editor, service
        self.writes: list[Write] = []
        self.stale: list[str] = []  # what a partner saw instead of their own edit
        self.failed = 0
        self.stop = threading.Event()

    def run(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self._family), threading.Thread(target=self._partner)]
        for thread in threads:
            thread.start()
        return threads

    def _family(self) -> None:
        number = 0
        while not self.stop.is_set():
            number += 1
            marker = f"scale-family-{number}-{os.getpid()}"
            cookies: dict = {}
            began = time.monotonic()
            try:
                page = _get(f"{self.base}/{NETWORK}/ask/", cookies=cookies)
                answer = _request(
                    "POST",
                    f"{self.base}/{NETWORK}/ask/",
                    cookies=cookies,
                    data=[
                        ("csrfmiddlewaretoken", _csrf(page.body)),
                        ("question", f"Mijn zoon van 3 slaapt slecht ({marker}). Waar kan ik terecht?"),
                        ("ages", "3-6"),
                        ("contact_by", "none"),
                        ("language", "nl"),
                        ("scope", "question"),
                    ],
                )
                done = answer.status == 302 and "jouw-vraag" in answer.headers.get("Location", "")
                why = "" if done else f"answered {answer.status}"
            except (OSError, http.client.HTTPException, AttributeError) as error:
                done, why = False, f"{type(error).__name__}: {error}"[:120]
            self.writes.append(
                Write("question", marker, done, cookies, at=began, ended=time.monotonic(), why=why)
            )
            self.failed += not done
            time.sleep(0.2)

    def _login(self) -> dict:
        cookies: dict = {}
        while not self.stop.is_set():
            with contextlib.suppress(OSError, http.client.HTTPException, AttributeError):
                page = _get(f"{self.base}/accounts/login/", cookies=cookies)
                answer = _request(
                    "POST",
                    f"{self.base}/accounts/login/",
                    cookies=cookies,
                    data=[
                        ("csrfmiddlewaretoken", _csrf(page.body)),
                        ("login", self.editor),
                        ("password", "hvhk-demo"),
                    ],
                )
                if answer.status == 302:
                    return cookies
            time.sleep(0.5)
        return cookies

    def _partner(self) -> None:
        cookies = self._login()
        number = 0
        edit_url = f"{self.base}/portal/services/{self.service}/"
        while not self.stop.is_set():
            number += 1
            marker = f"scale-edit-{number}-{os.getpid()}"
            write = Write("edit", marker, False, service=self.service)  # (began now)
            try:
                page = _get(edit_url, cookies=cookies)
                form = _Form("description")
                form.feed(page.body)
                fields = [(k, v) for k, v in form.fields() if k not in ("action", "language")]
                fields = [
                    (k, f"Een groep voor ouders. Laatst bewerkt: {marker}." if k == "description" else v)
                    for k, v in fields
                ]
                answer = _request("POST", edit_url, cookies=cookies, data=[*fields, ("action", "submit")])
                write.done = answer.status == 302
                write.why = "" if write.done else f"answered {answer.status}"
                if write.done:  # read your own write: the public page, at once, as this partner
                    write.read_own = self._read_own(cookies, marker)
                    write.replica_ms = self._replica_lag(marker)
            except (OSError, http.client.HTTPException, StopIteration, AttributeError) as error:
                write.done, write.why = False, f"{type(error).__name__}: {error}"[:120]
            write.ended = time.monotonic()
            self.writes.append(write)
            self.failed += not write.done
            time.sleep(0.3)

    def _read_own(self, cookies: dict, marker: str) -> bool:
        """Whether the first page that answers shows the edit (a page that fails during a fault is asked again:
        that is the fault, not a stale read)."""
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError, http.client.HTTPException):
                public = _get(f"{self.base}/{NETWORK}/services/{self.service}/", cookies=cookies)
                if public.status == 200:
                    if marker not in public.body:
                        found = re.findall(r"scale-edit-\d+-\d+", public.body)
                        self.stale.append(
                            f"{marker}: the page showed {found[:2]} (served by {public.headers.get('X-Upstream')}, "
                            f"cookies {sorted(cookies)})"
                        )
                    return marker in public.body
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)

    def _replica_lag(self, marker: str) -> float | None:
        import psycopg

        started = time.monotonic()
        while time.monotonic() - started < 10:
            with (
                contextlib.suppress(psycopg.Error),
                psycopg.connect(self.replica_url, connect_timeout=2) as db,
            ):
                found = db.execute(
                    "SELECT 1 FROM directory_service WHERE id = %s AND description LIKE %s",
                    [self.service, f"%{marker}%"],
                ).fetchone()
                if found:
                    return (time.monotonic() - started) * 1000
            time.sleep(0.005)
        return None


# --- the probe -------------------------------------------------------------------------------------------------


class Probe:
    """Asks /healthz of the balancer and of each node every 0.1 s, each in a thread of its own; keeps
    (time, target, ok)."""

    def __init__(self, targets: list[str]) -> None:
        self.targets, self.seen, self.stop = targets, [], threading.Event()

    def _one(self, url: str) -> bool:
        try:
            return _get(url + "/healthz", timeout=5.0).status == 200
        except (OSError, http.client.HTTPException):
            return False

    def run(self) -> list[threading.Thread]:
        def loop(target: int):
            while not self.stop.is_set():
                asked = time.monotonic()
                self.seen.append((asked, target, self._one(self.targets[target])))
                time.sleep(max(0.0, 0.1 - (time.monotonic() - asked)))

        threads = [threading.Thread(target=loop, args=(n,)) for n in range(len(self.targets))]
        for thread in threads:
            thread.start()
        return threads

    def all_answer_again(self, after: float) -> float | None:
        """Seconds after `after` until every target answered its first probe after its last failure; None:
        one never did."""
        ready = []
        for target in range(len(self.targets)):
            mine = [(t, ok) for t, n, ok in self.seen if n == target and t >= after]
            last_failure = max((t for t, ok in mine if not ok), default=None)
            if last_failure is None:
                ready.append(after)
                continue
            later = [t for t, ok in mine if t > last_failure and ok]
            if not later:
                return None
            ready.append(later[0])
        return max(ready) - after

    def failures(self, start: float, end: float) -> int:
        return sum(1 for t, n, ok in self.seen if n == 0 and start <= t < end and not ok)

    def count(self, start: float, end: float) -> int:
        return sum(1 for t, n, _ok in self.seen if n == 0 and start <= t < end)


# --- the web tier ----------------------------------------------------------------------------------------------


class Node:
    def __init__(self, name: str, env: dict, log: Path) -> None:
        self.name, self.env, self.log, self.port = name, env, log, free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> float:
        command = [str(VENV_BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{self.port}", "--timeout", "30"]
        with self.log.open("a") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [*command, "--chdir", str(ROOT), "hvhk.wsgi:application"],
                env=self.env,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        return _wait_for(self.url + "/healthz")

    def kill(self) -> None:
        """SIGKILL the master and its workers: a machine that dies, not a polite stop."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


NGINX = """
{user}
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
daemon off;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
  upstream hvhk {{
    server 127.0.0.1:{a} max_fails=1 fail_timeout=2s;
    server 127.0.0.1:{b} max_fails=1 fail_timeout=2s;
    keepalive 32;
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://hvhk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-Proto https;
      add_header X-Upstream $upstream_addr always;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
    }}
  }}
}}
"""


def stop_group(process: subprocess.Popen) -> None:
    """Stop a process and everything it started (nginx's workers outlive a master killed alone)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def start_nginx(folder: Path, a: int, b: int) -> tuple[subprocess.Popen, int]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("scale-check needs nginx as its load balancer: apt-get install nginx-light")
    folder.mkdir()
    port = free_port()
    user = "user root;" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(NGINX.format(user=user, dir=folder, a=a, b=b, port=port))
    process = subprocess.Popen(  # noqa: S603
        [nginx, "-p", str(folder), "-c", str(folder / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its workers go with it (stop_group)
    )
    _wait_for(f"http://127.0.0.1:{port}/healthz")
    return process, port


# --- traffic -----------------------------------------------------------------------------------------------------

WRK_SCRIPT = """
local paths, i = {}, 0
for line in io.lines("%s") do paths[#paths + 1] = line end
request = function() i = i %% #paths + 1; return wrk.format("GET", paths[i]) end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK {"requests": %%d, "seconds": %%f, "p50": %%d, "p95": %%d, "p99": %%d, '
    .. '"connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def traffic_paths(primary: Cluster) -> list[str]:
    import psycopg

    with psycopg.connect(primary.url()) as db:
        services = [
            f"/{slug}/services/{pk}/"
            for pk, slug in db.execute(
                "SELECT s.id, n.slug FROM directory_service s JOIN core_network n ON n.id = s.network_id "
                "ORDER BY s.id LIMIT 60"
            )
        ]
        houses = [
            f"/{slug}/houses/{house}/"
            for house, slug in db.execute(
                "SELECT h.slug, n.slug FROM directory_house h JOIN core_network n ON n.id = h.network_id"
            )
        ]
    searches = [
        f"/leuven/services/?q={q}{f}"
        for q in ("opvoeding", "slapen", "zwanger", "speelgoed", "huiswerk", "taal", "borstvoeding")
        for f in ("", "&age=3", "&costs=free", "&age=1&costs=free", "&area=kessel-lo")
    ]
    api = [f"/leuven/api/hsds/services?page={n}" for n in range(1, 4)] + ["/heusden-zolder/api/hsds/services"]
    mix = searches * 2 + services + houses + api * 3 + ["/leuven/", "/heusden-zolder/"]
    return mix


def run_wrk(base: str, paths: list[str], seconds: int, folder: Path) -> dict:
    (folder / "paths").write_text("\n".join(paths) + "\n")
    (folder / "mix.lua").write_text(WRK_SCRIPT % (folder / "paths"))
    done = subprocess.run(  # noqa: S603
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "10s", "-s", str(folder / "mix.lua"), base],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("WRK "))
    return json.loads(line[4:])


# --- the whole run -----------------------------------------------------------------------------------------------


def _hvhk(env: dict, *args: str) -> str:
    done = subprocess.run([str(VENV_BIN / "hvhk"), *args], env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"hvhk {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return done.stdout


TRUSTED = """
from hvhk.directory.models import Membership, Service
m = Membership.objects.filter(network__slug="leuven", organization__slug="kind-en-gezin").get()
Membership.objects.filter(pk=m.pk).update(publishes_directly=True)
print(Service.objects.filter(organization=m.organization).order_by("name").values_list("pk", flat=True)[0])
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long the load runs (default 60)")
    args = parser.parse_args()
    for program in ("wrk", "redis-server"):
        if shutil.which(program) is None:
            raise SystemExit(f"scale-check needs {program}: apt-get install {program.split('-')[0]}")
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="hvhk-scale-"))
    os.chmod(folder, 0o755)  # noqa: S103 (the postgres user reads its clusters' folders)
    cleanup: list = []
    try:
        say("[1/6] PostgreSQL primary and streaming replica, Redis")
        primary, replica = make_primary_and_replica(folder / "pg")
        cleanup += [replica.stop, primary.stop]
        _run_pg(
            str(_pg_bin() / "createdb"), "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres", "hvhk"
        )
        redis_port = free_port()
        redis_command = [shutil.which("redis-server"), "--port", str(redis_port), "--bind", "127.0.0.1"]
        redis = subprocess.Popen(  # noqa: S603
            [*redis_command, "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        cleanup.append(redis.kill)
        say(f"      primary on port {primary.port}, replica on {replica.port}, Redis on {redis_port}")

        say("[2/6] the demo networks, loaded into the primary")
        var = folder / "var"
        setup_env = production_env(
            HVHK_DEBUG="1",
            DATABASE_URL=primary.url(),
            HVHK_VAR_DIR=str(var),
            HVHK_ERASURE_JOURNAL=str(var / "e"),
        )
        _hvhk(setup_env, "migrate", "--noinput", "-v0")
        _hvhk(setup_env, "demo")
        service = _hvhk(setup_env, "shell", "--no-imports", "-c", TRUSTED).strip().splitlines()[-1]
        env = production_env(
            DATABASE_URL=primary.url(),
            DATABASE_REPLICA_URLS=replica.url(),
            REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
            HVHK_VAR_DIR=str(var),
            HVHK_ERASURE_JOURNAL=str(var / "erasures.jsonl"),
            HVHK_ALLOWED_HOSTS="127.0.0.1",
            HVHK_RATELIMIT_REQUESTS="100000/h",
            HVHK_RATELIMIT_API="100000/m",
            HVHK_RATELIMIT_LOGIN="1000/15m/ip,1000/15m/key",
            EMAIL_URL="consolemail://",  # the nodes' logs; no mail leaves the machine
        )
        _hvhk(env, "collectstatic", "--noinput", "-v0")

        say("[3/6] two gunicorn nodes behind nginx")
        nodes = [Node("A", env, folder / "node-a.log"), Node("B", env, folder / "node-b.log")]
        for node in nodes:
            node.start()
            cleanup.append(node.stop)
        nginx, lb_port = start_nginx(folder / "nginx", nodes[0].port, nodes[1].port)
        cleanup.append(lambda: stop_group(nginx))
        base = f"http://127.0.0.1:{lb_port}"
        say(f"      nodes on ports {nodes[0].port} and {nodes[1].port}, balancer on {lb_port}")

        say(f"[4/6] {args.seconds} s of mixed traffic, with a node killed and the database restarted")
        paths = traffic_paths(primary)
        for path in paths[:: max(1, len(paths) // 10)]:  # every kind of page answers before the load starts
            answer = _get(base + path)
            if answer.status != 200:
                raise RuntimeError(f"{path} answered {answer.status} before the load")
        probe = Probe([base, nodes[0].url, nodes[1].url])
        writers = Writers(base, replica.url(), "editor@kind-en-gezin.demo", service)
        threads = [*probe.run(), *writers.run()]
        load: dict = {}
        wrk_thread = threading.Thread(target=lambda: load.update(run_wrk(base, paths, args.seconds, folder)))
        load_started = time.monotonic()
        wrk_thread.start()

        time.sleep(args.seconds * 0.2)
        kill_at = time.monotonic()
        nodes[0].kill()
        say(f"      {kill_at - load_started:4.1f} s: node A killed (SIGKILL)")
        node_back: list[float] = []

        def bring_back() -> None:
            time.sleep(2)
            booted = nodes[0].start()
            node_back.append(time.monotonic())
            say(
                f"      {node_back[0] - load_started:4.1f} s: node A started again, answering after {booted:.1f} s"
            )

        back_thread = threading.Thread(target=bring_back)
        back_thread.start()
        time.sleep(max(0.0, load_started + args.seconds * 0.5 - time.monotonic()))
        back_thread.join()  # the database restarts with both nodes up
        restart_at = time.monotonic()
        primary.restart()
        restarted = time.monotonic()
        say(
            f"      {restart_at - load_started:4.1f} s: PostgreSQL primary restarted "
            f"(took {restarted - restart_at:.1f} s)"
        )

        wrk_thread.join()
        writers.stop.set()
        probe.stop.set()
        for thread in threads:
            thread.join()
        load_ended = time.monotonic()

        say("[5/6] every write answered as done, looked up again")
        lost = []
        for write in writers.writes:
            if not write.done:
                continue
            if write.kind == "question":
                answer = _get(f"{base}/{NETWORK}/ask/jouw-vraag/gegevens/", cookies=dict(write.cookies))
                if write.marker not in answer.body:
                    lost.append(write)
        import psycopg

        with psycopg.connect(primary.url()) as db:
            for write in writers.writes:
                if write.done and write.kind == "edit":
                    (count,) = db.execute(
                        "SELECT count(*) FROM directory_historicalservice WHERE id = %s AND description LIKE %s",
                        [write.service, f"%{write.marker}%"],
                    ).fetchone()
                    if not count:
                        lost.append(write)

        say("[6/6] figures")
        done = [w for w in writers.writes if w.done]
        edits = [w for w in done if w.kind == "edit"]
        read_own = sum(1 for w in edits if w.read_own)
        lags = [w.replica_ms for w in edits if w.replica_ms is not None]
        errors = sum(load[k] for k in ("connect", "read", "write", "status", "timeout"))
        rps = load["requests"] / load["seconds"]
        db_recovery = probe.all_answer_again(restarted)
        probes_kill = probe.count(kill_at, restart_at)
        failed_during_kill = probe.failures(kill_at, restart_at)
        failed_during_restart = probe.failures(restart_at, load_ended)

        def secs(value):
            return "never" if value is None else f"{value:.1f} s"

        say(
            f"      load: {load['requests']:,} requests in {load['seconds']:.0f} s, {rps:.0f}/s, "
            f"p50 {load['p50'] / 1000:.0f} ms, p95 {load['p95'] / 1000:.0f} ms, p99 {load['p99'] / 1000:.0f} ms, "
            f"{errors} errors (status {load['status']}, connect {load['connect']}, read {load['read']}, "
            f"timeout {load['timeout']})"
        )
        failed = [w for w in writers.writes if not w.done]

        def during(w: Write, start: float, end: float) -> bool:  # the attempt overlapped [start, end)
            return w.at < end and w.ended >= start

        in_kill = [w for w in failed if during(w, kill_at, restart_at)]
        in_restart = [w for w in failed if w not in in_kill and during(w, restart_at, restarted + GOAL_S)]
        by_phase = {
            "outside the faults": len(failed) - len(in_kill) - len(in_restart),
            "while node A was down": len(in_kill),
            "during the database restart": len(in_restart),
        }
        say(
            f"      writes: {len(done)} done ({len(done) - len(edits)} questions, {len(edits)} edits), {len(lost)} "
            f"lost; refused (the writer saw the error): "
            + ", ".join(f"{count} {phase}" for phase, count in by_phase.items())
        )
        say(
            f"      node A killed: {failed_during_kill} of {probes_kill} health probes through the balancer failed "
            f"while it was down and starting again ({node_back[0] - kill_at:.1f} s)"
        )
        say(
            f"      database restart: {failed_during_restart} failed health probes through the balancer; the "
            f"restart took {restarted - restart_at:.1f} s and all answered {secs(db_recovery)} after it "
            f"(goal {GOAL_S:.0f} s)"
        )
        lag = f"median {statistics.median(lags):.0f} ms, max {max(lags):.0f} ms" if lags else "never seen"
        say(
            f"      replica: {len(lags)} of {len(edits)} edits seen there ({lag}); read own write {read_own}/{len(edits)}"
        )

        problems = []
        if lost:
            problems.append(f"lost writes: {', '.join(w.marker for w in lost[:5])}")
        if len(lags) < len(edits) or not edits:
            problems.append("not every edit reached the replica")
        if read_own < len(edits):
            problems.append(
                "the partner did not always read their own write: " + "; ".join(writers.stale[:3])
            )
        if db_recovery is None or db_recovery > GOAL_S:
            problems.append(f"not all answering within {GOAL_S:.0f} s after the database restart")
        if by_phase["outside the faults"]:
            outside = [w for w in failed if w not in in_kill and w not in in_restart]
            problems.append(
                "writes failed outside the faults: "
                + "; ".join(f"{w.kind} at {w.at - load_started:.1f} s, {w.why}" for w in outside[:3])
            )
        for problem in problems:
            say(f"      PROBLEM: {problem}")
        say(
            f"scale-check {'passed' if not problems else 'FAILED'} in {time.monotonic() - started:.0f} s: "
            f"2 nodes, 1 replica, {rps:.0f} req/s, p50 {load['p50'] / 1000:.0f} ms, p95 {load['p95'] / 1000:.0f} ms, "
            f"p99 {load['p99'] / 1000:.0f} ms, {errors} errors; node killed: {failed_during_kill} failed probes; "
            f"database restart: all answering after {secs(db_recovery)}; replica lag "
            f"{f'{max(lags):.0f} ms' if lags else 'n/a'}; read own write {read_own}/{len(edits)}; "
            f"{len(done)} writes, {len(lost)} lost writes"
        )
        return 1 if problems else 0
    finally:
        for step in reversed(cleanup):
            with contextlib.suppress(Exception):
                step()
        if os.environ.get("HVHK_SCALE_KEEP") != "1":  # noqa: TID251
            shutil.rmtree(folder, ignore_errors=True)
        else:
            say(f"      kept {folder}")


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
    sys.exit(130)
