"""hvhk export-hsds: a network's whole offering as HSDS 3.0 JSON or as an HSDS tabular data package (zip).

The JSON form is an array of full services, exactly as GET /services/{id} returns them. The data package has
one CSV file per HSDS table plus datapackage.json; our `hvhk_…` extension fields are extra columns, structured
ones as JSON text. Both are written as a stream, a few hundred services at a time.
"""

import csv
import json
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

from hvhk.core.models import Network
from hvhk.directory import models as m
from hvhk.directory.hsds import serialize
from hvhk.directory.hsds.tables import LISTS, NUMBER_COLUMNS, OBJECTS, TABLES

PAGE = 250


def services(network: Network, *, shared_once: bool = False) -> Iterator[dict]:
    """Every service of the network as a full HSDS object, ordered by name (a few queries per page).

    With `shared_once`, an organisation, location or taxonomy term is nested in full the first time only;
    later services refer to it by `organization_id`, `location_id` or `taxonomy_term_id` (valid HSDS, and an
    importer reads the file in order).
    That keeps a file of many services per organisation from repeating the organisation thousands of times.
    """
    ids = list(m.Service.objects.for_network(network).order_by("name", "id").values_list("id", flat=True))
    written: set = set()
    for start in range(0, len(ids), PAGE):
        page = ids[start : start + PAGE]
        found = {
            s.pk: s
            for s in serialize.service_queryset(network, organizations=not shared_once).filter(pk__in=page)
        }
        organizations = {}
        if shared_once:
            new = {s.organization_id for s in found.values()} - written
            organizations = {
                o.pk: serialize.organization(o)
                for o in serialize.organization_queryset(network).filter(pk__in=new)
            }
        for pk in page:
            if pk not in found:
                continue
            service = found[pk]
            if not shared_once:
                yield serialize.service(service)
                continue
            organization = organizations.pop(service.organization_id, None)
            record = serialize.service(service, organization_data=organization)
            if organization:
                written.add(service.organization_id)
                written.update(location["id"] for location in organization.get("locations", []))
            for sal in record.get("service_at_locations", []):
                _nest_once(sal, "location", written)
                for attribute in sal.get("attributes", []):
                    _nest_once(attribute, "taxonomy_term", written)
            for attribute in record.get("attributes", []):
                _nest_once(attribute, "taxonomy_term", written)
            yield record


def _nest_once(parent: dict, key: str, written: set) -> None:
    """Keep the nested object the first time its id comes by; later the parent's `<key>_id` says enough."""
    nested = parent.get(key)
    if nested and nested["id"] in written:
        del parent[key]
    elif nested:
        written.add(nested["id"])


def write_json(network: Network, out: Path, progress: Callable[[int], None] | None = None) -> int:
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("[")
        for count, record in enumerate(services(network, shared_once=True), 1):
            handle.write(",\n" if count > 1 else "\n")
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True))
            if progress and count % PAGE == 0:
                progress(count)
        handle.write("\n]\n")
    return count


class _Tables:
    """CSV writers, one per table; each id is written once."""

    def __init__(self, files: dict) -> None:
        self.writers = {name: csv.DictWriter(file, TABLES[name]) for name, file in files.items()}
        for writer in self.writers.values():
            writer.writeheader()
        self.seen: dict[str, set] = {name: set() for name in TABLES}

    def add(self, table: str, obj: dict, extra: dict | None = None) -> None:
        if obj.get("id") in self.seen[table]:
            return
        self.seen[table].add(obj.get("id"))
        row = {**(extra or {})}
        for key, value in obj.items():
            if key in TABLES[table]:
                row[key] = (
                    json.dumps(value, ensure_ascii=False, sort_keys=True)
                    if isinstance(value, dict | list)
                    else value
                )
        self.writers[table].writerow(row)
        for key, child_table in LISTS.get(table, ()):
            for child in obj.get(key, ()):
                self.add(child_table, child, {"link_id": obj["id"]} if child_table == "attributes" else None)
        for key, child_table, _column in OBJECTS.get(table, ()):
            if isinstance(obj.get(key), dict):
                self.add(child_table, obj[key])


def write_package(network: Network, out: Path, progress: Callable[[int], None] | None = None) -> int:
    """The data package as a zip, built from CSV files written to a temporary folder as the services come."""
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with ExitStack() as stack:
            files = {
                name: stack.enter_context(open(folder / f"{name}.csv", "w", encoding="utf-8", newline=""))
                for name in TABLES
            }
            tables = _Tables(files)
            for count, record in enumerate(services(network), 1):
                tables.add("services", record)
                if progress and count % PAGE == 0:
                    progress(count)
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(
                "datapackage.json", json.dumps(datapackage(network), indent=2, ensure_ascii=False)
            )
            for name in TABLES:
                archive.write(folder / f"{name}.csv", f"{name}.csv")
    return count


def datapackage(network: Network) -> dict:
    """A Frictionless data package descriptor for the CSV files (HSDS 3.0 with our extension columns)."""
    return {
        "name": f"hvhk-{network.slug}",
        "title": network.name,
        "profile": "tabular-data-package",
        "description": "Open Referral HSDS 3.0 export; hvhk_ columns are extensions (see docs/hsds.md).",
        "version": serialize.HSDS_VERSION,
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "schema": {
                    "fields": [
                        {"name": column, "type": "number" if column in NUMBER_COLUMNS else "string"}
                        for column in columns
                    ],
                    "primaryKey": "id",
                },
            }
            for name, columns in TABLES.items()
        ],
    }
