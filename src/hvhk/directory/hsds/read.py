"""Reading HSDS files: a JSON array of nested services (or one object), or a tabular data package.

JSON is streamed (ijson), so a file of any size is read one service at a time. A data package (datapackage.json
with CSV files, in a folder or a zip) is turned into the same nested services: the CSV tables are read once and
joined on their ids, which keeps them in memory (a data package is table-shaped by nature).
"""

import csv
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import ijson
from django.utils.translation import gettext as _

from hvhk.directory.hsds.tables import LISTS, NUMBER_COLUMNS, OBJECTS, PARENT_COLUMN

# Tables whose rows recur in many services: built once, shared.
SHARED = {"organizations", "locations", "taxonomy_terms", "taxonomies"}


class ReadError(ValueError):
    """The file as a whole cannot be read (not JSON, not UTF-8, no data package); nothing is imported."""


class Records:
    """The services in an HSDS file, in file order, as nested dicts; `done()` says how far the reading is (0–1)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise ReadError(_("Het bestand {name} bestaat niet.").format(name=self.path))
        self._handle = None
        self._position = 0.0

    def done(self) -> float:
        if self._handle is not None and not self._handle.closed:
            return min(self._handle.tell() / max(self.path.stat().st_size, 1), 1.0)
        return self._position

    def __iter__(self) -> Iterator[dict]:
        path = self.path
        if (
            path.is_dir()
            or zipfile.is_zipfile(path)
            or path.suffix == ".csv"
            or path.name == "datapackage.json"
        ):
            package = TabularPackage(path)
            total = len(package.tables["services"])
            for i, record in enumerate(package.services(), 1):
                self._position = i / max(total, 1)
                yield record
            self._position = 1.0
            return
        with open(path, "rb") as handle:
            self._handle = handle
            yield from _json_records(path, handle)
        self._position = 1.0


def records(path: Path) -> Iterator[dict]:
    """The services in `path`, in file order, as nested HSDS dicts."""
    yield from Records(path)


def _json_records(path: Path, handle) -> Iterator[dict]:
    head = handle.read(4096)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not _partial_utf8(head, exc):
            raise ReadError(_not_utf8(path.name, exc.start)) from exc
    first = head.lstrip()[:1]
    handle.seek(0)
    try:
        if first == b"[":
            yield from ijson.items(handle, "item", use_float=True)
        elif first == b"{":
            data = json.loads(handle.read().decode("utf-8"))
            contents = data.get("contents") if isinstance(data, dict) else None
            # One service, or one page of the API (its paging envelope around `contents`).
            yield from contents if isinstance(contents, list) else [data]
        else:
            raise ReadError(
                _("{name} is geen HSDS-JSON: het moet beginnen met [ (een lijst) of {{ (één object).").format(
                    name=path.name
                )
            )
    except (ijson.JSONError, json.JSONDecodeError) as exc:
        raise ReadError(_("{name} is geen geldige JSON: {error}").format(name=path.name, error=exc)) from exc
    except UnicodeDecodeError as exc:
        raise ReadError(_not_utf8(path.name, exc.start)) from exc


def _not_utf8(name: str, position: int) -> str:
    return _("{name} is geen UTF-8-tekst (fout bij byte {position}). Bewaar het bestand als UTF-8.").format(
        name=name, position=position
    )


def _partial_utf8(head: bytes, exc: UnicodeDecodeError) -> bool:
    """A multi-byte character cut off by the 4 KB sample is fine; a real encoding error is not."""
    return exc.start >= len(head) - 3


# --- tabular data packages ------------------------------------------------------------------------------------


class TabularPackage:
    """An HSDS tabular data package (CSV files described by datapackage.json), as nested services."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tables: dict[str, list[dict]] = {}
        self._read()

    def _files(self) -> Iterator[tuple[str, bytes]]:
        if zipfile.is_zipfile(self.path):
            with zipfile.ZipFile(self.path) as archive:
                for name in archive.namelist():
                    if name.endswith((".csv", "datapackage.json")):
                        yield name.rsplit("/", 1)[-1], archive.read(name)
            return
        folder = self.path if self.path.is_dir() else self.path.parent
        for file in folder.rglob("*"):
            if file.name.endswith((".csv", "datapackage.json")):
                yield file.name, file.read_bytes()

    def _read(self) -> None:
        """Tables are named after their CSV file (services.csv is `services`), as in the HSDS data package.

        datapackage.json is optional (the official HSDS example CSVs come without one); when present, it may
        point a table at another file name.
        """
        found = dict(self._files())
        paths = {f"{name[:-4]}": name for name in found if name.endswith(".csv")}
        if "datapackage.json" in found:
            try:
                package = json.loads(found["datapackage.json"].decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ReadError(
                    _("{name} is geen geldige JSON: {error}").format(name="datapackage.json", error=exc)
                ) from exc
            for resource in package.get("resources", []) if isinstance(package, dict) else []:
                file = str(resource.get("path") or "").rsplit("/", 1)[-1]
                if file.endswith(".csv") and file in found:
                    paths[file[:-4]] = file
        for table, file in paths.items():
            self.tables[table] = self._rows(file, found[file])
        if "services" not in self.tables:
            raise ReadError(_("Het datapakket heeft geen services.csv."))

    @staticmethod
    def _rows(name: str, data: bytes) -> list[dict]:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReadError(_not_utf8(name, exc.start)) from exc
        rows = []
        for row in csv.DictReader(io.StringIO(text)):
            clean = {}
            for key, value in row.items():
                if key is None or value in (None, ""):
                    continue
                if key in NUMBER_COLUMNS:
                    try:
                        clean[key] = float(value) if "." in value else int(value)
                    except ValueError:
                        clean[key] = value  # reported by validation, with its field
                elif key.startswith("hvhk_") and value[:1] in "{[":
                    try:
                        clean[key] = json.loads(value)
                    except json.JSONDecodeError:
                        clean[key] = value
                elif value in ("true", "false") and key in ("is_active",):
                    clean[key] = value == "true"
                else:
                    clean[key] = value
            rows.append(clean)
        return rows

    def services(self) -> Iterator[dict]:
        """Each row of services.csv with everything it links to nested, as the JSON form has it."""
        by_id = {
            table: {row["id"]: row for row in rows if row.get("id")} for table, rows in self.tables.items()
        }
        children: dict[tuple[str, str], dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        for table, rows in self.tables.items():
            for column in {*PARENT_COLUMN.values(), "link_id"}:
                for row in rows:
                    if row.get(column):
                        children[(table, column)][row[column]].append(row)
        shared: dict[tuple[str, str], dict] = {}

        def build(table: str, row: dict) -> dict:
            key = (table, row.get("id", ""))
            if table in SHARED and key in shared:
                return shared[key]
            obj = dict(row)
            for name, child_table in LISTS.get(table, ()):
                column = "link_id" if child_table == "attributes" else PARENT_COLUMN[table]
                obj[name] = [
                    build(child_table, child)
                    for child in children[(child_table, column)].get(row.get("id"), [])
                ]
            for name, child_table, column in OBJECTS.get(table, ()):
                target = by_id.get(child_table, {}).get(row.get(column))
                if target is not None:
                    obj[name] = build(child_table, target)
            if table in SHARED:
                shared[key] = obj
            return obj

        for row in self.tables["services"]:
            yield build("services", row)
