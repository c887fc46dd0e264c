"""The demo's data files: per network an HSDS 3.0 file and a TOML file with what HSDS has no place for.

`data/<slug>.hsds.json` holds the organisations, services, places, houses with their pillars, memberships and
translations, exactly as `hvhk export-hsds` writes them (valid against the official schema). `data/<slug>.toml`
holds the network itself, its accounts and example support requests. Both describe the demo as it was on the
TOML file's `reference_date`; `DemoFiles.records()` moves every date by the days since, so a demo loaded on
any day looks the same: most services checked in the last months, a few overdue on purpose.
"""

import datetime as dt
import json
import tomllib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
NETWORKS = ("leuven", "heusden-zolder")
NAMESPACE = uuid.UUID("6f1c2a4e-8b0d-4c1e-9a57-3d2f0e9b7c11")

# HSDS fields (and our extensions) that hold a date or a date-time; all move with the day the demo loads.
DATE_FIELDS = frozenset(
    [
        "assured_date",
        "last_modified",
        "engagement_signed_on",
        "joined_on",
        "left_on",
        "valid_from",
        "valid_to",
        "dtstart",
        "until",
    ]
)


def demo_id(network_slug: str, kind: str, key: str) -> uuid.UUID:
    """The stable id of a demo row (the data files hold these; search judgements name services by key)."""
    return uuid.uuid5(NAMESPACE, f"{network_slug}/{kind}/{key}")


@dataclass(frozen=True)
class Ids:
    """What an HSDS file holds, by kind: rows of the network that are not here are pruned after a load."""

    services: frozenset
    organizations: frozenset
    members: frozenset  # organisations with a membership
    locations: frozenset
    houses: frozenset
    areas: frozenset  # slugs


@dataclass
class DemoFiles:
    slug: str

    @cached_property
    def extras(self) -> dict:
        with open(DATA_DIR / f"{self.slug}.toml", "rb") as handle:
            return tomllib.load(handle)

    @property
    def reference_date(self) -> dt.date:
        return self.extras["reference_date"]

    def shift(self, today: dt.date) -> dt.timedelta:
        """How far every date of the files moves when the demo is loaded on `today`."""
        return today - self.reference_date

    @cached_property
    def _raw(self) -> list[dict]:
        return json.loads((DATA_DIR / f"{self.slug}.hsds.json").read_text(encoding="utf-8"))

    def records(self, *, today: dt.date, ids: dict[str, str] | None = None) -> list[dict]:
        """The HSDS records with their dates moved to `today`, and ids replaced as `ids` says (fresh copies)."""
        return [_moved(record, self.shift(today), ids or {}) for record in self._raw]

    @cached_property
    def ids(self) -> Ids:
        found: dict[str, set] = {name: set() for name in Ids.__dataclass_fields__}
        for record in self._raw:
            found["services"].add(record["id"])
            _collect(record, found)
        return Ids(**{name: frozenset(values) for name, values in found.items()})


def _moved(value, days: dt.timedelta, ids: dict[str, str], key: str = ""):
    if isinstance(value, dict):
        return {k: _moved(v, days, ids, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_moved(v, days, ids, key) for v in value]
    if isinstance(value, str):
        if key in DATE_FIELDS and days:
            return _shifted(value, days)
        return ids.get(value, value)
    return value


def _shifted(text: str, days: dt.timedelta) -> str:
    if len(text) == 10:
        return (dt.date.fromisoformat(text) + days).isoformat()
    return (dt.datetime.fromisoformat(text) + days).isoformat()


def _collect(value, found: dict[str, set]) -> None:
    """Walk a record for the ids of the shared entities in it (organisations, places, houses, areas)."""
    if isinstance(value, list):
        for item in value:
            _collect(item, found)
        return
    if not isinstance(value, dict):
        return
    if "hvhk_slug" in value:  # an organisation
        found["organizations"].add(value["id"])
        if value.get("hvhk_membership"):
            found["members"].add(value["id"])
    if "location_type" in value:  # a place
        found["locations"].add(value["id"])
    for house in value.get("hvhk_houses", ()):
        found["houses"].add(house["id"])
    for name in ("hvhk_area", "parent"):
        area = value.get(name)
        if isinstance(area, dict) and "slug" in area:
            found["areas"].add(area["slug"])
    for item in value.values():
        _collect(item, found)


def all_files() -> Iterator[DemoFiles]:
    for slug in NETWORKS:
        yield DemoFiles(slug)
