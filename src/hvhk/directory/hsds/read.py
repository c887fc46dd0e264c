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
from typing import Any

import ijson
from django.utils.translation import gettext as _

from hvhk.directory.hsds.tables import LISTS, NUMBER_COLUMNS, OBJECTS, PARENT_COLUMN

# Tables whose rows recur in many services: built once, shared.
SHARED = {"organizations", "locations", "taxonomy_terms", "taxonomies"}
# HSDS nests a few levels (service → service_at_locations → location → addresses); our extensions a few more.
MAX_DEPTH = 32
# Values (texts, numbers, …) in one record: a service with all its places and prices has hundreds.
MAX_RECORD_VALUES = 1_000_000
# A data package is joined in memory: its CSV files together may hold this much (unpacked).
MAX_PACKAGE_BYTES = 1024 * 1024 * 1024


class ReadError(ValueError):
    """The file as a whole cannot be read (not JSON, not UTF-8, no data package); nothing is imported."""


class Records:
    """The services in an HSDS file, in file order, as nested dicts; `done()` says how far the reading is (0–1)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._handle = None
        self._position = 0.0

    def done(self) -> float:
        if self._handle is not None and not self._handle.closed:
            return min(self._handle.tell() / max(self.path.stat().st_size, 1), 1.0)
        return self._position

    def __iter__(self) -> Iterator[dict]:
        path = self.path
        if not path.exists():
            raise ReadError(_("Het bestand {name} bestaat niet.").format(name=path))
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
    if first not in (b"[", b"{"):
        raise ReadError(
            _("{name} is geen HSDS-JSON: het moet beginnen met [ (een lijst) of {{ (één object).").format(
                name=path.name
            )
        )
    try:
        for value in _values(ijson.basic_parse(handle, use_float=True), path.name):
            if first == b"[":
                yield value
                continue
            contents = value.get("contents") if isinstance(value, dict) else None
            # One service, or one page of the API (its paging envelope around `contents`).
            yield from contents if isinstance(contents, list) else [value]
    except ijson.JSONError as exc:
        raise ReadError(_("{name} is geen geldige JSON: {error}").format(name=path.name, error=exc)) from exc
    except UnicodeDecodeError as exc:
        raise ReadError(_not_utf8(path.name, exc.start)) from exc


def _values(events: Iterator[tuple[str, Any]], name: str) -> Iterator[Any]:
    """The items of a top-level array one at a time (or a top-level object whole), built from the parser's
    events with two bounds: nesting depth (ijson's own builder keeps a path per level, so 20,000 levels in a
    40 KB file took a gigabyte) and the number of values in one record."""
    stack: list = []  # the open containers of the value being built
    keys: list = []  # the key each open container has in its parent
    key = None
    depth = 0  # of the top-level array included
    size = 0
    top_is_array = None
    for event, value in events:
        if event == "map_key":
            key = value
            continue
        if event == "start_map" or event == "start_array":
            depth += 1
            if top_is_array is None:
                top_is_array = event == "start_array"
                if top_is_array:
                    continue
            if depth > MAX_DEPTH:
                raise ReadError(
                    _(
                        "{name}: de gegevens zijn meer dan {limit} niveaus diep genest. HSDS heeft er maar "
                        "enkele nodig: dit is geen HSDS-bestand of het is beschadigd."
                    ).format(name=name, limit=MAX_DEPTH)
                )
            value = {} if event == "start_map" else []
            if stack:
                parent = stack[-1]
                if type(parent) is dict:
                    parent[key] = value
                else:
                    parent.append(value)
            keys.append(key)
            stack.append(value)
            continue
        if event == "end_map" or event == "end_array":
            depth -= 1
            if not stack:
                return  # the end of the top-level array
            done = stack.pop()
            key = keys.pop()
            if not stack:
                size = 0
                yield done
            continue
        size += 1
        if size > MAX_RECORD_VALUES:
            raise ReadError(
                _("{name}: één record heeft meer dan {limit} waarden; zo groot is geen aanbod.").format(
                    name=name, limit=f"{MAX_RECORD_VALUES:,}".replace(",", ".")
                )
            )
        if stack:
            parent = stack[-1]
            if type(parent) is dict:
                parent[key] = value
            else:
                parent.append(value)
        else:
            yield value  # a bare number or text in the top-level array: the mapper names it


def _loads(text: str) -> Any:
    """json.loads with the reader's depth bound (a data package's JSON cells and datapackage.json)."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise ValueError(_("meer dan {limit} niveaus diep genest").format(limit=MAX_DEPTH)) from None
    if _depth(value) > MAX_DEPTH:
        raise ValueError(_("meer dan {limit} niveaus diep genest").format(limit=MAX_DEPTH))
    return value


def _depth(value: Any) -> int:
    deepest, todo = 0, [(value, 1)]
    while todo:
        item, level = todo.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            todo.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


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
                members = [i for i in archive.infolist() if i.filename.endswith((".csv", "datapackage.json"))]
                self._check_size(sum(info.file_size for info in members))  # a zip bomb stops here
                for info in members:
                    yield info.filename.rsplit("/", 1)[-1], archive.read(info)
            return
        folder = self.path if self.path.is_dir() else self.path.parent
        files = [file for file in folder.rglob("*") if file.name.endswith((".csv", "datapackage.json"))]
        self._check_size(sum(file.stat().st_size for file in files))
        for file in files:
            yield file.name, file.read_bytes()

    def _check_size(self, size: int) -> None:
        if size > MAX_PACKAGE_BYTES:
            raise ReadError(
                _(
                    "Het datapakket is uitgepakt {size} MB; het maximum is {limit} MB. Importeer het in delen, "
                    "of als JSON (dat wordt record per record gelezen)."
                ).format(size=size // 1024 // 1024, limit=MAX_PACKAGE_BYTES // 1024 // 1024)
            )

    def _read(self) -> None:
        """Tables are named after their CSV file (services.csv is `services`), as in the HSDS data package.

        datapackage.json is optional (the official HSDS example CSVs come without one); when present, it may
        point a table at another file name.
        """
        found = dict(self._files())
        paths = {f"{name[:-4]}": name for name in found if name.endswith(".csv")}
        if "datapackage.json" in found:
            try:
                package = _loads(found["datapackage.json"].decode("utf-8-sig"))
            except (UnicodeDecodeError, ValueError) as exc:
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
        try:
            return TabularPackage._parse(text)
        except csv.Error as exc:  # e.g. a field longer than the csv module allows (128 KB)
            raise ReadError(_("{name} is geen geldige CSV: {error}").format(name=name, error=exc)) from exc

    @staticmethod
    def _parse(text: str) -> list[dict]:
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
                        clean[key] = _loads(value)
                    except ValueError:  # not JSON, or nested too deep: reported by validation, with its field
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
