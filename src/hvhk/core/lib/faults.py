"""Fault points: places where a test can stop a real process (and then kill it) at a known moment.

Off unless the environment sets HVHK_FAULT_PAUSE_AT (settings.FAULT_PAUSE_AT) to `<point>:<file>`. At that point
the process writes its id into the file and waits there, so a test can kill it with SIGKILL at exactly that
moment (tests/faults/). It never waits for ever: after five minutes it gives up with an error.

`hold:<point>:<file>` is the variant that lets the process go on: it waits at the point until `<file>.release`
exists, then continues, so a test can break something around it meanwhile (restart the database under a
request, tests/faults/test_kill_more.py).
"""

import os
import time
from pathlib import Path

from django.conf import settings

MAX_WAIT_S = 300
HOLD = "hold:"


def pause_point(name: str) -> None:
    value = getattr(settings, "FAULT_PAUSE_AT", "") or ""
    hold = value.startswith(HOLD)
    point, _sep, path = value.removeprefix(HOLD).partition(":")
    if point != name or not path:
        return
    Path(path).write_text(str(os.getpid()))
    release = Path(f"{path}.release")
    deadline = time.monotonic() + MAX_WAIT_S
    while time.monotonic() < deadline:
        if hold and release.exists():
            return
        time.sleep(0.05)
    raise RuntimeError(f"Fault point {name}: waited {MAX_WAIT_S} s and nobody stopped this process.")
