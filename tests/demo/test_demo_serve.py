"""`make demo` serves with the worker beside the web server, and e-mail links follow the port it serves on.

scripts/demo-serve runs a stand-in for `hvhk` here (HVHK=…): it notes how it was started and then waits, so the
tests see what the script starts, with which address, and that it stops both.
"""
# ruff: noqa: TID251, S603 (the environment of the processes started here is what these tests check)

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "demo-serve"
OURS = ("HVHK_", "DATABASE_URL", "EMAIL_URL", "DJANGO_", "PORT")

FAKE_HVHK = """#!/bin/sh
echo "$$ $1 $2 $HVHK_BASE_URL $HVHK_DEBUG" >> "$LOG"
if [ "$1" = runserver ] && [ -n "${SERVER_STOPS:-}" ]; then
  while [ "$(wc -l < "$LOG")" -lt 2 ]; do sleep 0.05; done  # the worker has started too
  exit 0
fi
exec sleep 600
"""


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    fake = tmp_path / "hvhk"
    fake.write_text(FAKE_HVHK)
    fake.chmod(0o755)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(OURS)}
    return {**clean, "HVHK": str(fake), "LOG": str(tmp_path / "log"), **extra}


def _started(tmp_path: Path) -> dict[str, list[str]]:
    """What the stand-in noted, by command: [pid, address or '', HVHK_BASE_URL, HVHK_DEBUG]."""
    lines = (tmp_path / "log").read_text().splitlines()
    return {line.split()[1]: line.split(" ") for line in lines}


def _gone(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    return False


def _wait_for_both(tmp_path: Path, process: subprocess.Popen) -> None:
    log = tmp_path / "log"
    while not (log.exists() and len(log.read_text().splitlines()) == 2):
        assert process.poll() is None, process.stdout.read()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.05)


def test_the_worker_runs_beside_the_server_and_mail_links_follow_the_port(tmp_path):
    result = subprocess.run(
        [SCRIPT],
        env=_env(tmp_path, PORT="8093", SERVER_STOPS="1"),
        capture_output=True,
        text=True,
        timeout=60,
    )

    started = _started(tmp_path)
    assert set(started) == {"db_worker", "runserver"}
    assert started["runserver"][2] == "127.0.0.1:8093"
    for command in started.values():
        assert command[-2:] == ["http://127.0.0.1:8093", "1"]
    assert "var/mail" in result.stdout
    assert _gone(started["db_worker"][0]), "the server stopped, but the worker still runs"


def test_a_base_url_the_user_set_is_kept(tmp_path):
    env = _env(tmp_path, PORT="8093", SERVER_STOPS="1", HVHK_BASE_URL="https://demo.example.org")
    subprocess.run([SCRIPT], env=env, capture_output=True, timeout=60, check=False)

    assert {c[-2] for c in _started(tmp_path).values()} == {"https://demo.example.org"}


@pytest.mark.parametrize(
    ("how", "sig"), [("ctrl-c in the terminal", signal.SIGINT), ("kill of the script", signal.SIGTERM)]
)
def test_stopping_the_demo_stops_the_server_and_the_worker(tmp_path, how, sig):
    # Started as from a terminal: a shell cannot trap a signal that was ignored when it started, and the test
    # run itself may have been started with Ctrl-C ignored (in the background, say); a terminal's job has it.
    as_from_a_terminal = [
        sys.executable,
        "-c",
        "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])",
        str(SCRIPT),
    ]
    process = subprocess.Popen(
        as_from_a_terminal, env=_env(tmp_path), stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    _wait_for_both(tmp_path, process)

    if sig == signal.SIGINT:
        os.killpg(process.pid, sig)  # a terminal's Ctrl-C reaches every process of the foreground group
    else:
        process.send_signal(sig)
    process.wait(timeout=60)

    started = _started(tmp_path)
    assert all(_gone(command[0]) for command in started.values()), how


def test_links_in_a_mail_sent_in_debug_use_hvhk_base_url(tmp_path):
    """Settings are read once at start-up: a fresh interpreter with the demo's environment sends one mail."""
    code = (
        "import django; django.setup(); "
        "from hvhk.core.lib.http import absolute_url; from hvhk.core.lib.mail import send; "
        "send('Test', 'Open ' + absolute_url('/portal/'), ['intake@leuven.demo'])"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(OURS)}
    env |= {"DJANGO_SETTINGS_MODULE": "hvhk.settings", "HVHK_DEBUG": "1", "HVHK_VAR_DIR": str(tmp_path)}
    env["HVHK_BASE_URL"] = "http://127.0.0.1:8093"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
    (mail,) = (tmp_path / "mail").iterdir()
    assert "Open http://127.0.0.1:8093/portal/" in mail.read_text()
