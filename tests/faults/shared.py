"""What the kill tests share (tests/faults): this test's database as a subprocess can reach it, and a way to run
`hvhk` there until a fault point (core/lib/faults.py) and SIGKILL it.

On SQLite the test database lives in memory, so it is copied to a file for the subprocess and back afterwards;
on PostgreSQL the subprocess uses the test database itself (its changes are committed: transactional tests).
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

REACH_S = 180  # how long a subprocess may take to reach its fault point on a busy machine


class SharedDatabase:
    """This test's database, as a subprocess can reach it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.file = folder / "shared.sqlite3"

    def env(self, **extra: str) -> dict[str, str]:
        ours = ("HVHK_", "DATABASE_URL", "REDIS_URL", "EMAIL_URL", "DJANGO_")
        env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
        env.update(DJANGO_SETTINGS_MODULE="hvhk.settings", HVHK_DEBUG="1", DATABASE_URL=self.url, **extra)
        return env

    @property
    def url(self) -> str:
        if connection.vendor == "sqlite":
            return f"sqlite:///{self.file}"
        s = connection.settings_dict
        return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"

    def share(self) -> None:
        """Hand what the test made so far to the subprocess (SQLite: copy the in-memory database to a file)."""
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(self.file)
            connection.connection.backup(target)
            target.close()

    def take_back(self) -> None:
        """See what the subprocess left (SQLite: copy the file back into the test's database)."""
        if connection.vendor == "sqlite":
            source = sqlite3.connect(self.file)  # opening it recovers what a killed writer left half done
            source.backup(connection.connection)
            source.close()

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "hvhk", *args],
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    def kill_at(self, point: str, *args: str, **env: str) -> None:
        """Run `hvhk <args>` until it reaches `point`, then SIGKILL it."""
        reached = self.folder / f"{point}.reached"
        process = subprocess.Popen(
            [sys.executable, "-m", "hvhk", *args],
            env=self.env(HVHK_FAULT_PAUSE_AT=f"{point}:{reached}", **env),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + REACH_S
        while not reached.exists():
            if process.poll() is not None:
                out, err = process.communicate()
                pytest.fail(f"hvhk {' '.join(args)} ended before {point}:\n{out}\n{err}")
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"hvhk {' '.join(args)} did not reach {point} within {REACH_S} s")
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        assert process.returncode == -signal.SIGKILL
