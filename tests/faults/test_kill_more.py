"""All or nothing under faults, beyond the import and the referral step (test_kill.py): a family's registration
killed inside its transaction, a mail job killed after its first mail, and PostgreSQL restarted under a request.

The first two run `hvhk` in a subprocess on this test's database (tests/faults/shared.py) and SIGKILL it at a
fault point (core/lib/faults.py). The third starts a private PostgreSQL cluster of its own: the shared server
serves other people's tests and must not be restarted.
"""

import datetime as dt
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from hvhk.accounts.models import RoleAssignment
from hvhk.activities.models import Activity, Registration
from hvhk.activities.selectors.availability import session_availability
from hvhk.core.models import SentMail
from hvhk.directory.models import Service
from hvhk.portal.tasks import send_freshness_reminders
from tests.accounts.factories import RoleFactory, UserFactory
from tests.activities.factories_registration import session_for
from tests.core.factories import NetworkFactory
from tests.directory.factories import OrganizationFactory, ServiceFactory
from tests.faults.shared import SharedDatabase

pytestmark = pytest.mark.django_db(transaction=True)


class Shared(SharedDatabase):
    """The shared database, with the subprocess's var/ (mail files, media) in this test's folder."""

    def env(self, **extra: str) -> dict[str, str]:
        return super().env(**{"HVHK_VAR_DIR": str(self.folder / "var"), **extra})


@pytest.fixture
def shared(tmp_path) -> Shared:
    return Shared(tmp_path)


def _sizes(*labels: str) -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for label in labels
        for model in apps.get_app_config(label).get_models()
    }


# --- a family's registration -------------------------------------------------------------------------------------

REGISTER = """
from hvhk.activities.models import Session
from hvhk.activities.services.registrations import registration_create

session = Session.objects.select_related("activity").get(pk="{session}")
registration, _token = registration_create(
    activity=session.activity, session=session, name="Sara Peeters", email="sara@example.org", phone="",
    adults=1, children=1, children_ages="2 jaar", remark="", consent_contact=True, language="nl",
)
print(registration.status)
"""


def test_a_registration_killed_inside_its_transaction_leaves_no_trace_and_the_next_one_works(shared):
    session = session_for(NetworkFactory(), capacity=4, places_per=Activity.PlacesPer.PERSON)
    shared.share()
    labels = ("core", "activities", "django_tasks_database")
    before = (_sizes(*labels), session_availability(session=session))
    assert before[1].left == 4

    shared.kill_at(
        "activity-registration", "shell", "--no-imports", "-c", REGISTER.format(session=session.pk)
    )
    shared.take_back()

    # The row was written when the process died; the rollback took it, the audit rows and the places with it.
    assert (_sizes(*labels), session_availability(session=session)) == before
    assert not Registration.objects.exists()

    again = shared.run("shell", "--no-imports", "-c", REGISTER.format(session=session.pk))
    shared.take_back()

    assert again.returncode == 0, again.stderr
    assert again.stdout.split()[-1] == Registration.Status.CONFIRMED
    assert Registration.objects.get().name == "Sara Peeters"
    assert session_availability(session=session).left == 2  # one adult, one child


# --- a job that mails several people ------------------------------------------------------------------------------


def _recipients(folder: Path) -> list[str]:
    """Who got a mail from the subprocesses (the file e-mail backend: var/mail/*.log), once per message."""
    return sorted(
        address
        for path in (folder / "var" / "mail").glob("*.log")
        for address in re.findall(r"^To: (.+)$", path.read_text(), flags=re.MULTILINE)
    )


def test_a_mail_job_killed_after_its_first_mail_runs_again_and_mails_nobody_twice(shared, settings):
    organization = OrganizationFactory()
    network = organization.network
    ServiceFactory(organization=organization, status=Service.Status.ACTIVE, assured_date=None)  # overdue
    editors = sorted(f"redacteur{i}@partner.example" for i in range(3))
    for address in editors:
        RoleFactory(
            user=UserFactory(email=address),
            network=network,
            role=RoleAssignment.Role.EDITOR,
            organization=organization,
        )
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    job = send_freshness_reminders.enqueue()
    shared.share()

    shared.kill_at("task-mail-sent", "db_worker", "--batch", "--no-startup-delay")
    shared.take_back()

    assert len(_recipients(shared.folder)) == 1  # the first of three mails left, then the worker died
    assert DBTaskResult.objects.get(pk=job.id).status == TaskResultStatus.RUNNING  # django-tasks leaves it so
    assert SentMail.objects.count() == 1

    shared.share()
    recovered = shared.run("tasks-recover", "--older-than", "0")
    worker = shared.run("db_worker", "--batch", "--no-startup-delay")
    shared.take_back()

    assert recovered.returncode == 0, recovered.stderr
    assert "1 jobs whose worker died queued again" in recovered.stdout
    assert worker.returncode == 0, worker.stderr
    assert _recipients(shared.folder) == editors  # each exactly once
    stored = DBTaskResult.objects.get(pk=job.id)
    assert stored.status == TaskResultStatus.SUCCESSFUL
    assert len(stored.worker_ids) == 2  # the dead worker's attempt and the one that finished
    assert stored.return_value["emails"] == 3
    # The outbox holds no address, only keyed hashes.
    assert not any("@" in key or "redacteur" in key for key in SentMail.objects.values_list("key", flat=True))


def test_the_recovery_gives_up_on_a_job_that_killed_its_worker_again_and_again(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    job = send_freshness_reminders.enqueue()
    long_ago = timezone.now() - dt.timedelta(hours=2)
    DBTaskResult.objects.filter(pk=job.id).update(
        status=TaskResultStatus.RUNNING, started_at=long_ago, worker_ids=["a", "b", "c"]
    )
    recent = send_freshness_reminders.enqueue()
    DBTaskResult.objects.filter(pk=recent.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["d"]
    )
    old_mail = SentMail.objects.create(key="a" * 64)
    SentMail.objects.filter(pk=old_mail.pk).update(sent_at=timezone.now() - dt.timedelta(days=31))
    SentMail.objects.create(key="b" * 64)
    from django.core.management import call_command

    call_command("tasks-recover")

    assert DBTaskResult.objects.get(pk=job.id).status == TaskResultStatus.FAILED
    assert DBTaskResult.objects.get(pk=job.id).exception_class_path.endswith("WorkerDied")
    assert DBTaskResult.objects.get(pk=recent.id).status == TaskResultStatus.RUNNING  # maybe still working
    assert list(SentMail.objects.values_list("key", flat=True)) == ["b" * 64]


# --- PostgreSQL restarted under a request -------------------------------------------------------------------------

PG_BIN = Path("/usr/lib/postgresql/15/bin")
ANSWER_S = 5  # how soon after a restart the site must answer normally again (CONN_HEALTH_CHECKS)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateCluster:
    """A throw-away PostgreSQL cluster of this test alone, on a free port, in a folder of its own. PostgreSQL
    refuses to run as root: as root it runs as the user postgres, which cannot enter pytest's tmp_path (root's,
    mode 700), hence a folder of its own in /tmp, removed afterwards."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="hvhk-faults-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.folder, user="postgres")

    def url(self, name: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def _pg(self, tool: str, *args: str) -> None:
        done = subprocess.run(
            [*self.as_postgres, str(PG_BIN / tool), *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, f"{tool} {' '.join(args)}:\n{done.stdout}\n{done.stderr}"

    def start(self) -> None:
        self._pg(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "-N"
        )
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-o", options, "-w", "start")
        self._pg("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "hvhk_private")

    def copy_schema_of_the_test_database(self) -> None:
        """This test's database, migrated by pytest-django, copied in (`hvhk migrate` on an empty database takes
        over a minute): a pipe from pg_dump to psql, both at the server's version."""
        test = connection.settings_dict
        source = ["-h", test["HOST"] or "127.0.0.1", "-p", str(test["PORT"] or 5432), "-U", test["USER"]]
        target = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "hvhk_private"]
        dump = subprocess.Popen(
            [str(PG_BIN / "pg_dump"), "--no-owner", "--no-privileges", *source, test["NAME"]],
            env={**os.environ, "PGPASSWORD": test["PASSWORD"] or ""},
            stdout=subprocess.PIPE,
        )
        restore = subprocess.run(
            [str(PG_BIN / "psql"), "-q", "-v", "ON_ERROR_STOP=1", *target],
            stdin=dump.stdout,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        dump.stdout.close()
        assert dump.wait(timeout=120) == 0, "pg_dump of the test database failed"
        assert restore.returncode == 0, restore.stderr

    def restart(self) -> None:
        """What an operator's restart does: sessions are cut (`-m fast`), the server comes back."""
        self._pg(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-m", "fast", "-w", "restart"
        )

    def remove(self) -> None:
        subprocess.run(
            [*self.as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)

    def count(self, table: str) -> int:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="hvhk_private") as db:
            return db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608 (a model's table)


@pytest.fixture
def cluster():
    if connection.vendor != "postgresql":
        pytest.skip(
            "restarts a PostgreSQL server: runs with DATABASE_URL=postgres://… (SQLite has no server)"
        )
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"needs PostgreSQL 15's initdb and pg_ctl in {PG_BIN} for a private cluster")
    private = PrivateCluster()
    try:
        private.start()
        yield private
    finally:
        private.remove()


class Site:
    """The platform under gunicorn (one sync worker, as in production) on the private cluster."""

    def __init__(self, cluster: PrivateCluster, folder: Path) -> None:
        self.cluster, self.folder = cluster, folder
        self.port = _free_port()
        self.reached = folder / "registration.reached"
        self.cookies = CookieJar()
        self.process = None

    def env(self) -> dict[str, str]:
        env = Shared(self.folder).env(HVHK_FAULT_PAUSE_AT=f"hold:activity-registration:{self.reached}")
        env["DATABASE_URL"] = self.cluster.url("hvhk_private")
        return env

    def hvhk(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "hvhk", *args], env=self.env(), capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def start(self) -> None:
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(
            [str(gunicorn), "hvhk.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers", "1"],
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        pytest.fail("gunicorn did not listen within 60 s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def request(self, path: str, data: dict | None = None, timeout: float = 30) -> tuple[int, str]:
        """(status, body); redirects are answers too, not followed."""

        class Keep(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), Keep)
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with opener.open(f"http://127.0.0.1:{self.port}{path}", data=body, timeout=timeout) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as answer:
            return answer.code, answer.read().decode()

    def register(self, page: str, session_id: str, timeout: float = 30) -> int:
        """A family fills in the form on the activity's page and sends it; the answer's status."""
        status, html = self.request(page, timeout=timeout)
        assert status == 200, html[:2000]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        form = {
            "csrfmiddlewaretoken": token,
            "session": session_id,
            "name": "Sara Peeters",
            "email": "sara@example.org",
            "phone": "",
            "adults": "1",
            "children": "1",
            "children_ages": "2 jaar",
            "remark": "",
            "consent_contact": "on",
        }
        return self.request(page + "register/", data=form, timeout=timeout)[0]


SEED = """
from tests.activities.factories_registration import session_for
from tests.core.factories import NetworkFactory

session = session_for(NetworkFactory(slug="herstart"), capacity=4)
print(f"/herstart/activities/{session.activity_id}/ {session.pk}")
"""


def test_a_request_cut_by_a_postgresql_restart_fails_cleanly_and_the_next_ones_work(cluster, tmp_path):
    started = time.monotonic()
    site = Site(cluster, tmp_path)
    cluster.copy_schema_of_the_test_database()
    page, session_id = site.hvhk("shell", "--no-imports", "-c", SEED).split()[-2:]
    table = Registration._meta.db_table
    site.start()
    try:
        answers = []
        sending = threading.Thread(target=lambda: answers.append(site.register(page, session_id)))
        sending.start()
        deadline = time.monotonic() + 30
        while not site.reached.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert site.reached.exists(), "the registration did not reach its fault point"

        cluster.restart()  # the request waits inside its transaction, its registration row written
        restarted = time.monotonic()
        Path(f"{site.reached}.release").touch()
        sending.join(timeout=30)

        assert not sending.is_alive(), "the request hangs after the restart"
        assert answers[0] in (500, 503)  # an error page, not a hang and not a false "you are registered"
        assert cluster.count(table) == 0  # nothing half-written
        assert site.register(page, session_id, timeout=ANSWER_S) == 302  # registered: the private link
        assert time.monotonic() - restarted < ANSWER_S
        assert cluster.count(table) == 1

        # A restart while the worker keeps an idle connection: the health check replaces it before use.
        cluster.restart()
        restarted = time.monotonic()
        assert site.request(page, timeout=ANSWER_S)[0] == 200
        assert time.monotonic() - restarted < ANSWER_S
    finally:
        site.stop()
    assert time.monotonic() - started < 60
