"""Read replicas (core/replicas.py), proven with two real databases that differ.

The test's data is copied to a "primary" file and a "replica" file; the replica's copy of the service gets
another name, so each page shows which database it read. A subprocess runs the site with DATABASE_URL on the
primary and DATABASE_REPLICA_URLS on the replica, and asks pages through Django's test client. SQLite files in
both runs: the router does not depend on the database, and scripts/scale-check shows it on a PostgreSQL
streaming replica.
"""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor

pytestmark = pytest.mark.django_db(transaction=True)

SCRIPT = """
import json
from django.core.cache import caches
from django.db import transaction
from django.test import Client
from hvhk.accounts.models import User
from hvhk.directory.models import Service

service = "{service}"
page = "/{network}/services/" + service + "/"
api = "/{network}/api/hsds/services/" + service
search = "/{network}/services/?q=spelotheek"
seen = {{}}

def which(response):
    for cache in caches.all():  # each step renders afresh (cards are cached between requests)
        cache.clear()
    text = response.content.decode()
    where = [name for name in ("PRIMARY", "REPLICA") if "Spelotheek " + name in text]
    return [response.status_code] + where

family = Client()
seen["public page"] = which(family.get(page))
seen["public page, again"] = which(family.get(page))
seen["api"] = which(family.get(api))
seen["search"] = which(family.get(search))
seen["outside a request"] = Service.objects.get(pk=service).name
with transaction.atomic():
    seen["in a transaction"] = which(family.get(page))
added = family.post("/{network}/list/add/", {{"service": service}})
seen["write"] = [added.status_code, added.cookies["hvhk-primary"]["max-age"]]
seen["after the write"] = which(family.get(page))
seen["after the write, api"] = which(family.get(api))
seen["after the write, search"] = which(family.get(search))
family.cookies.pop("hvhk-primary")
seen["pin expired"] = which(family.get(page))
seen["another family"] = which(Client().get(page))

staff = Client()
staff.force_login(User.objects.get(email="editor@a.example"))
seen["portal"] = which(staff.get("/portal/services/" + service + "/"))
seen["staff on a public page"] = which(staff.get(page))
print("RESULT " + json.dumps(seen))
"""


def _copy(target: Path) -> None:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    connection.connection.backup(copy)
    copy.close()


def _site(primary: Path, replicas: str, service, network) -> dict:
    ours = ("HVHK_", "DATABASE_", "REDIS_URL", "EMAIL_URL", "DJANGO_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    env.update(
        DJANGO_SETTINGS_MODULE="hvhk.settings",
        HVHK_DEBUG="1",
        DATABASE_URL=f"sqlite:///{primary}",
        DATABASE_REPLICA_URLS=replicas,
    )
    script = SCRIPT.format(service=service.pk, network=network.slug)
    done = subprocess.run(
        [sys.executable, "-m", "hvhk", "shell", "--no-imports", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stdout + done.stderr
    return json.loads(lines[-1].removeprefix("RESULT ")), done.stderr


@pytest.fixture
def two_databases(tmp_path, service_a, partner_a):
    if connection.vendor != "sqlite":
        pytest.skip(
            "copies the test's SQLite database into two files (scripts/scale-check covers PostgreSQL)"
        )
    user = with_two_factor(UserFactory(email="editor@a.example"))
    RoleFactory(user=user, network=partner_a.network, role="editor", organization=partner_a)
    service_a.name = "Spelotheek PRIMARY"
    service_a.save()
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    _copy(primary)
    _copy(replica)
    with sqlite3.connect(replica) as db:
        changed = db.execute(
            "UPDATE directory_service SET name = 'Spelotheek REPLICA' WHERE id = ?", [service_a.pk.hex]
        ).rowcount
        # The replica's search index has lost the service: a search that reads the replica finds nothing.
        db.execute("DELETE FROM search_searchdocument")
    assert changed == 1
    return primary, replica, service_a, partner_a.network


def test_public_reads_go_to_the_replica_and_everything_else_and_a_writer_to_the_primary(two_databases):
    primary, replica, service, network = two_databases

    seen, _log = _site(primary, f"sqlite:///{replica}", service, network)

    assert seen["public page"] == [200, "REPLICA"]
    assert seen["public page, again"] == [200, "REPLICA"]
    assert seen["api"] == [200, "REPLICA"]
    assert seen["search"] == [200]  # the full-text search itself read the replica's index
    assert seen["outside a request"] == "Spelotheek PRIMARY"  # commands and the task worker
    assert seen["in a transaction"] == [200, "PRIMARY"]
    assert seen["portal"] == [200, "PRIMARY"]
    assert seen["staff on a public page"] == [200, "REPLICA"]  # signed in, but wrote nothing lately
    assert seen["another family"] == [200, "REPLICA"]
    # Whoever wrote reads their own write from the primary for a few seconds, signed in or not:
    assert seen["write"] == [302, 5]  # DATABASE_REPLICA_PIN_SECONDS
    assert seen["after the write"] == [200, "PRIMARY"]
    assert seen["after the write, api"] == [200, "PRIMARY"]
    assert seen["after the write, search"] == [200, "PRIMARY"]
    assert seen["pin expired"] == [200, "REPLICA"]


def test_a_replica_that_does_not_answer_leaves_its_reads_to_the_primary(two_databases, tmp_path):
    primary, _replica, service, network = two_databases

    seen, log = _site(primary, f"sqlite:///{tmp_path}/no/such/folder/replica.sqlite3", service, network)

    assert seen["public page"] == [200, "PRIMARY"]
    assert seen["api"] == [200, "PRIMARY"]
    assert log.count("does not answer") == 1  # tried once, then left alone for a while


def test_without_replicas_nothing_changes():
    assert "DATABASE_REPLICA_URLS" not in os.environ
    assert list(settings.DATABASES) == ["default"]
    assert not getattr(settings, "DATABASE_ROUTERS", [])
    assert not any("replicas" in name or "multidb" in name for name in settings.MIDDLEWARE)
