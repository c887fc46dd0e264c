"""Settings come from the environment; production settings refuse unsafe values. Each case starts a fresh
interpreter, because settings are read once at start-up."""

import os
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

GOOD_KEY = "k" * 20 + "3Fq9-Zr!2mXw8@Lp0sT4vY7bN1cE6hJ5uK" + "x" * 10


def _run(code: str, **env: str) -> subprocess.CompletedProcess:
    ours = ("HVHK_", "DATABASE_URL", "REDIS_URL", "EMAIL_URL", "DJANGO_")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    clean["DJANGO_SETTINGS_MODULE"] = "hvhk.settings"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


SETUP = "import django; django.setup(); from django.conf import settings; "


def test_production_refuses_the_builtin_secret_key():
    result = _run(SETUP + "print(settings.DEBUG)")
    assert result.returncode != 0
    assert "HVHK_SECRET_KEY is not set" in result.stderr


def test_an_empty_secret_key_counts_as_unset():
    production = _run(SETUP + "print(settings.DEBUG)", HVHK_SECRET_KEY="")
    assert production.returncode != 0
    assert "HVHK_SECRET_KEY is not set" in production.stderr

    development = _run(SETUP + "print(bool(settings.SECRET_KEY))", HVHK_SECRET_KEY="", HVHK_DEBUG="1")
    assert development.returncode == 0, development.stderr
    assert development.stdout.strip() == "True"


def test_production_refuses_a_short_secret_key():
    result = _run(SETUP + "print(settings.DEBUG)", HVHK_SECRET_KEY="short")
    assert result.returncode != 0
    assert "too short" in result.stderr


def test_production_refuses_debug_on_a_public_host():
    result = _run(SETUP + "print(settings.DEBUG)", HVHK_DEBUG="1", HVHK_ALLOWED_HOSTS="hvhk.example.org")
    assert result.returncode != 0
    assert "HVHK_DEBUG is on" in result.stderr


def test_production_settings_with_a_real_key_start_and_are_hardened():
    code = SETUP + (
        "print(settings.DEBUG, settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE, "
        "settings.SECURE_PROXY_SSL_HEADER, settings.STORAGES['staticfiles']['BACKEND'])"
    )
    result = _run(code, HVHK_SECRET_KEY=GOOD_KEY, HVHK_ALLOWED_HOSTS="hvhk.example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:3] == ["False", "True", "True"]
    assert "HTTP_X_FORWARDED_PROTO" in result.stdout
    assert "CompressedManifestStaticFilesStorage" in result.stdout


def test_check_deploy_is_clean_with_production_settings():
    code = (
        "from django.core.management import execute_from_command_line as x; x(['hvhk', 'check', '--deploy'])"
    )
    result = _run(code, HVHK_SECRET_KEY=GOOD_KEY, HVHK_ALLOWED_HOSTS="hvhk.example.org")
    assert result.returncode == 0, result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_database_url_selects_postgresql():
    code = SETUP + "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])"
    result = _run(code, HVHK_DEBUG="1", DATABASE_URL="postgres://postgres@127.0.0.1:5432/hvhk")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "hvhk"]


def test_redis_url_selects_the_redis_cache():
    code = SETUP + "print(settings.CACHES['default']['BACKEND'])"
    result = _run(code, HVHK_DEBUG="1", REDIS_URL="redis://127.0.0.1:6379/1")
    assert result.returncode == 0, result.stderr
    assert "RedisCache" in result.stdout


def test_redis_url_gives_a_cache_that_works(tmp_path):
    """Not only the setting: the cache stores and returns a value in a real Redis (CI runs one on 6379)."""
    if not _redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379")
    code = SETUP + (
        "from django.core.cache import caches; import uuid; key = 'hvhk-test-' + uuid.uuid4().hex; "
        "caches['pages'].set(key, 'gevonden', 30); print(caches['pages'].get(key)); caches['pages'].delete(key)"
    )
    result = _run(code, HVHK_DEBUG="1", REDIS_URL="redis://127.0.0.1:6379/1", HVHK_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "gevonden"


def _redis_answers() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def test_default_database_is_sqlite_in_the_var_folder(tmp_path):
    code = SETUP + "print(settings.DATABASES['default']['NAME'])"
    result = _run(code, HVHK_DEBUG="1", HVHK_VAR_DIR=str(tmp_path / "var"))
    assert result.stdout.strip() == str(tmp_path / "var" / "hvhk.sqlite3")


def test_email_url_configures_smtp():
    code = SETUP + "print(settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT)"
    result = _run(code, HVHK_DEBUG="1", EMAIL_URL="smtp://mail.example.org:2525")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        "2525",
    ]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite pragmas")
def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path, django_db_blocker):
    from django.db.backends.sqlite3.base import DatabaseWrapper

    config = {**settings.DATABASES["default"], "NAME": str(tmp_path / "pragmas.sqlite3")}
    wrapper = DatabaseWrapper(config, alias="pragmas")
    with django_db_blocker.unblock():
        try:
            with wrapper.cursor() as cursor:
                values = {
                    pragma: cursor.execute(f"PRAGMA {pragma}").fetchone()[0]
                    for pragma in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
                }
        finally:
            wrapper.close()
    assert values == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 20000, "synchronous": 1}
    assert sqlite3.sqlite_version_info >= (3, 35)
