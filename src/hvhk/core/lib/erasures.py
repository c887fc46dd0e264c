"""The erasure journal: which records had their personal data erased, and when, kept outside the database.

A backup taken before an erasure still holds the person's data. After a restore, `hvhk erasures-replay --since
<time of the dump>` erases again everything the journal lists from that moment on, so erased people stay erased
(README, "Backup and restore"). The journal holds no personal data: a kind, the record's id, its network's id and
the time (JSON lines in settings.ERASURE_JOURNAL, var/erasures.jsonl by default).

Entries are written before the erasing transaction commits and flushed to disk: a crash right after an entry can
leave a line for an erasure that did not happen, which a replay then carries out (the person asked for it, or its
retention time had passed); the reverse, an erasure without a line, cannot happen.

Each kind has a replay function in its own app (settings.ERASURE_REPLAY: kind -> dotted path); it takes
`ids=` and erases what of them is still there, and does nothing for what is gone already.
"""

import datetime as dt
import fcntl
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Erasure:
    at: dt.datetime
    kind: str
    id: str
    network: str


def _path() -> Path:
    return Path(settings.ERASURE_JOURNAL)


def erasure_record(*, kind: str, ids: Iterable, network_id=None, at: dt.datetime | None = None) -> None:
    """Append one line per id to the journal and flush it to disk (see the module's docstring)."""
    if kind not in settings.ERASURE_REPLAY:
        raise ValueError(f"No replay is known for erasures of kind {kind!r} (settings.ERASURE_REPLAY).")
    at = (at or timezone.now()).astimezone(dt.UTC).isoformat()
    lines = "".join(
        json.dumps({"at": at, "kind": kind, "id": str(pk), "network": str(network_id or "")}) + "\n"
        for pk in ids
    )
    if not lines:
        return
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as journal:
        fcntl.flock(journal, fcntl.LOCK_EX)  # several processes append: whole lines, one after the other
        journal.write(lines)
        journal.flush()
        os.fsync(journal.fileno())
        fcntl.flock(journal, fcntl.LOCK_UN)


def erasures_since(since: dt.datetime) -> Iterator[Erasure]:
    """The journal's entries at or after `since`, oldest first. A line that is cut off (a crash while writing)
    is skipped."""
    path = _path()
    if not path.exists():
        return
    with path.open(encoding="utf-8") as journal:
        for line in journal:
            try:
                entry = json.loads(line)
                erasure = Erasure(
                    dt.datetime.fromisoformat(entry["at"]), entry["kind"], entry["id"], entry["network"]
                )
            except (ValueError, KeyError, TypeError):
                continue
            if erasure.at >= since:
                yield erasure


def erasures_replay(*, since: dt.datetime) -> dict[str, int]:
    """Erase again what the journal lists from `since` on; returns per kind how many entries were replayed."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for erasure in erasures_since(since):
        by_kind[erasure.kind].append(erasure.id)
    for kind, ids in by_kind.items():
        import_string(settings.ERASURE_REPLAY[kind])(ids=ids)
    return {kind: len(ids) for kind, ids in sorted(by_kind.items())}
