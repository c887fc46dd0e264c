"""Backups that can be checked: a dump of the database with a manifest of every table's row count and checksum.

- SQLite: SQLite's online backup (a consistent copy while the site keeps running); the manifest is computed from
  the copy itself.
- PostgreSQL: `pg_dump --format=custom`, taken in a snapshot that this process exported and holds, so the
  manifest, computed in that same snapshot, describes exactly what the dump holds, even while people write.

`restore` puts a dump into a new, empty database; `verify` compares a database with a manifest. The README's
"Backup and restore" gives the procedure; scripts/backup-drill runs it from start to end.
"""

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import connections
from django.utils import timezone

MANIFEST_SUFFIX = ".manifest.json"
BATCH = 2000


def manifest_path(dump: Path) -> Path:
    return dump.with_name(dump.name + MANIFEST_SUFFIX)


def _row_text(row: Iterable) -> bytes:
    def one(value) -> str:
        if isinstance(value, memoryview | bytes):
            return bytes(value).hex()
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            return value.astimezone(dt.UTC).isoformat()
        return repr(value)

    return ("\x1f".join(one(value) for value in row) + "\x1e").encode()


def _table_sums(cursor, tables: list[str], quote: Callable[[str], str]) -> dict[str, dict]:
    """Row count and SHA-256 of every row, in the order of all columns, for each table."""
    sums = {}
    for table in tables:
        cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY 1")  # noqa: S608 (names from the catalogue)
        digest, rows = hashlib.sha256(), 0
        while batch := cursor.fetchmany(BATCH):
            for row in batch:
                digest.update(_row_text(row))
            rows += len(batch)
        sums[table] = {"rows": rows, "sha256": digest.hexdigest()}
    return sums


def _sqlite_tables(db: sqlite3.Connection) -> list[str]:
    found = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [name for (name,) in found]


def sqlite_manifest(path: Path) -> dict[str, dict]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return _table_sums(db.cursor(), _sqlite_tables(db), lambda name: f'"{name}"')
    finally:
        db.close()


def _pg_tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    return [name for (name,) in cursor.fetchall()]


def _pg_env(settings: dict) -> dict[str, str]:
    env = dict(os.environ)  # noqa: TID251 (the client tools need PATH and the like)
    env.update(
        PGHOST=settings.get("HOST") or "127.0.0.1",
        PGPORT=str(settings.get("PORT") or 5432),
        PGUSER=settings.get("USER") or "postgres",
        PGDATABASE=settings["NAME"],
    )
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return env


def _sqlite_copy(connection, target: Path) -> None:
    """SQLite's online backup of the connection's database into the file `target`."""
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()


def backup(target: Path, *, alias: str = "default") -> dict:
    """Dump the database to `target` and write its manifest beside it; returns the manifest."""
    if target.exists():
        raise FileExistsError(f"{target} exists already: a backup never overwrites a file.")
    target.parent.mkdir(parents=True, exist_ok=True)
    connection = connections[alias]
    taken_at = timezone.now()
    if connection.vendor == "sqlite":
        _sqlite_copy(connection, target)
        tables = sqlite_manifest(target)
    elif connection.vendor == "postgresql":
        tables = _pg_dump(connection, target)
    else:
        raise NotImplementedError(f"No backup for {connection.vendor}.")
    manifest = {
        "taken_at": taken_at.astimezone(dt.UTC).isoformat(),
        "vendor": connection.vendor,
        "dump": target.name,
        "tables": tables,
    }
    manifest_path(target).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def _pg_dump(connection, target: Path) -> dict[str, dict]:
    # A connection of its own, whose snapshot stays open while pg_dump reads it and the checksums are computed.
    own = connections.create_connection(connection.alias)
    try:
        own.set_autocommit(False)
        with own.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
            subprocess.run(  # noqa: S603
                ["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}", f"--file={target}"],  # noqa: S607
                env=_pg_env(connection.settings_dict),
                check=True,
                capture_output=True,
            )
            tables = _table_sums(cursor, _pg_tables(cursor), own.ops.quote_name)
        own.rollback()
    finally:
        own.close()
    return tables


def restore(dump: Path, *, settings: dict) -> None:
    """Put a dump into a new database described by `settings` (a DATABASES entry): a SQLite file that does not
    exist yet, or a PostgreSQL database that is created here and must not exist yet."""
    manifest = json.loads(manifest_path(dump).read_text(encoding="utf-8"))
    engine = settings["ENGINE"].rsplit(".", 1)[-1]
    if engine == "sqlite3" and manifest["vendor"] == "sqlite":
        target = Path(settings["NAME"])
        if target.exists():
            raise FileExistsError(f"{target} exists already: restore into a new database.")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dump, target)
    elif engine.startswith("postgres") and manifest["vendor"] == "postgresql":
        env = _pg_env(settings)
        subprocess.run(["createdb", settings["NAME"]], env=env, check=True, capture_output=True)  # noqa: S603, S607
        subprocess.run(  # noqa: S603
            ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={settings['NAME']}", str(dump)],  # noqa: S607
            env=env,
            check=True,
            capture_output=True,
        )
    else:
        raise ValueError(f"A {manifest['vendor']} dump cannot be restored into {settings['ENGINE']}.")


def current_manifest(*, alias: str = "default") -> dict[str, dict]:
    connection = connections[alias]
    if connection.vendor == "sqlite":
        # Read as a backup is read (sqlite3's own values, not Django's conversions), from a copy of this moment.
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "copy.sqlite3"
            _sqlite_copy(connection, copy)
            return sqlite_manifest(copy)
    with connection.cursor() as cursor:
        return _table_sums(cursor, _pg_tables(cursor), connection.ops.quote_name)


def differences(expected: dict[str, dict], found: dict[str, dict]) -> list[str]:
    """What differs between two manifests' tables, a line each (empty: the same)."""
    lines = []
    for table in sorted(set(expected) | set(found)):
        want, have = expected.get(table), found.get(table)
        if want is None or have is None:
            lines.append(f"{table}: only in the {'database' if want is None else 'backup'}")
        elif want != have:
            lines.append(f"{table}: {want['rows']} rows in the backup, {have['rows']} now; checksums differ")
    return lines
