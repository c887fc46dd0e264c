"""Writing mapped rows: upsert by id in batches (with history for audited models), and deleting the children a
record no longer lists.

Rows go to the database as plain values: the rows of a chunk that may exist already are read in one query
per table and batch and compared in Python, new ones are inserted and changed ones updated with one
executemany per table and batch, and each audited table's history rows are copied from the written rows by
one INSERT … SELECT per batch. Django's bulk_create/bulk_update (a model object and a SQL fragment per value)
and simple_history's bulk_history_create (a history object per row) took 55 of the 102 s (profiled) that an
import of 10,000 services took, and in debug mode kept every statement with its values in memory.
"""

import datetime
import decimal
import uuid
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from django.db import connection, models
from django.utils import timezone

from hvhk.core.models import Area
from hvhk.directory import models as m
from hvhk.directory.hsds.ids import db_form, select_in
from hvhk.directory.hsds.mapping import Bag
from hvhk.directory.hsds.report import Counts, ImportReport

CHANGE_REASON = "HSDS-import"
BATCH = 500

# Parents before children (foreign keys are checked at commit, but this keeps every step easy to follow).
WRITE_ORDER: tuple[type[models.Model], ...] = (
    Area,
    m.Taxonomy,
    m.TaxonomyTerm,
    m.Organization,
    m.Membership,
    m.OrganizationIdentifier,
    m.Location,
    m.Address,
    m.Accessibility,
    m.House,
    m.Pillar,
    m.Service,
    m.ServiceAtLocation,
    m.Contact,
    m.Phone,
    m.Language,
    m.Schedule,
    m.CostOption,
    m.ServiceArea,
    m.Attribute,
)
_KIND = {
    "organization": m.Organization,
    "location": m.Location,
    "term": m.TaxonomyTerm,
    "taxonomy": m.Taxonomy,
}
_KIND_OF = {model: kind for kind, model in _KIND.items()}


class Writer:
    """The writing half of an import (the Importer decides what to write)."""

    network: object
    report: ImportReport
    changed_shared: dict
    existing: set  # the ids of the rows to write that may exist already (the others are new)

    def _write(self, bags: list[Bag]) -> tuple[set, set, set]:
        rows: dict[type[models.Model], dict[uuid.UUID, dict]] = {model: {} for model in WRITE_ORDER}
        for bag in bags:
            for row in bag.rows:
                rows[row.model][row.values["id"]] = row.values
        all_ids = {pk for by_id in rows.values() for pk in by_id}
        deleted_parents = self._delete_stale(bags, all_ids)
        created, updated = set(), set()
        for model in WRITE_ORDER:
            if rows[model]:
                new, changed = self._upsert(model, rows[model])
                created |= new
                updated |= changed
                if model in _KIND_OF and changed:
                    # (only changed ones: no service outside the file can link to a record new to the network)
                    self.changed_shared.setdefault(model, set()).update(changed)
        return created, updated, deleted_parents

    def _delete_stale(self, bags: list[Bag], all_ids: set) -> set:
        """Children that a record lists no more: gone from the file, so gone here (before new rows take their place)."""
        wanted: dict[tuple, dict[uuid.UUID, set]] = {}
        for bag in bags:
            for model, link, parent, ids in bag.childsets:
                wanted.setdefault((model, link), {}).setdefault(parent, set()).update(ids)
        touched = set()
        written: dict[type, set] = {}  # the chunk's ids in the database's form, per kind of key
        for (model, link), parents in wanted.items():
            as_key = db_form(model._meta.pk)
            kind = type(model._meta.pk)
            if kind not in written:
                written[kind] = {as_key(pk) for pk in all_ids}
            link_field = model._meta.get_field(link)
            # (once per table: made per parent, it took a twentieth of a re-import)
            link_key = db_form(link_field)
            parent_of = {link_key(parent): parent for parent in parents}
            chunk, listed = written[kind], {as_key(pk) for ids in parents.values() for pk in ids}
            pk_column, link_column = model._meta.pk.column, link_field.column
            stale, owners = [], {}
            for pk, parent in select_in(model, [pk_column, link_column], link_column, list(parent_of)):
                if pk not in listed and pk not in chunk:
                    stale.append(model._meta.pk.to_python(pk))
                    owners[pk] = parent_of[parent]
            if stale:
                for batch in _batches(stale):
                    model.objects.filter(pk__in=batch).delete()
                self._table(model).deleted += len(stale)
                touched.update(owners.values())
        return touched

    def _upsert(self, model: type[models.Model], by_id: dict[uuid.UUID, dict]) -> tuple[set, set]:
        """Insert the new rows, update the changed ones, leave the rest; then one history row for each row
        written (audited models), as plain values (see the module docstring). Only the rows the importer found
        in this network (`existing`) are looked up; the others are new."""
        names = list(dict.fromkeys(name for values in by_id.values() for name in values if name != "id"))
        existing = _existing(model, names, [pk for pk in by_id if pk in self.existing])
        position = {name: i for i, name in enumerate(names)}
        comparable = _comparable(model, names)
        now = timezone.now()
        to_create: list[dict] = []
        to_update: list[tuple[uuid.UUID, dict]] = []  # (id, every value of `fields` the row is to have)
        fields: set[str] = set()
        for pk, values in by_id.items():
            old = existing.get(pk)
            if old is None:
                to_create.append(values)
                continue
            changed = [
                name
                for name, value in values.items()
                if name != "id" and old[position[name]] != comparable[name](value)
            ]
            if changed:
                fields.update(changed)
                to_update.append((pk, values))
        if to_update:
            stamp = {"updated_at"}
            columns = sorted(fields | stamp)
            rows = []
            for pk, values in to_update:
                old = existing[pk]
                row = {  # (a value the file leaves out stays: as the database has it, which prepares the same)
                    name: values[name] if name in values else old[position[name]] for name in fields - stamp
                }
                row["updated_at"] = values.get("updated_at", now)  # (as bulk_update's auto_now did)
                rows.append((pk, row))
            _update(model, columns, rows)
        if to_create:
            _insert(model, self.network.pk, to_create, now)
        if hasattr(model, "history"):  # audited models keep a version of every row we write
            _history(model, [values["id"] for values in to_create], "+", now)
            _history(model, [pk for pk, _values in to_update], "~", now)
        counts = self._table(model)
        counts.created += len(to_create)
        counts.updated += len(to_update)
        counts.unchanged += len(by_id) - len(to_create) - len(to_update)
        return {values["id"] for values in to_create}, {pk for pk, _values in to_update}

    def _table(self, model: type[models.Model]) -> Counts:
        return self.report.tables.setdefault(str(model._meta.verbose_name_plural), Counts())


# --- plain SQL: the values as Django would save them (get_db_prep_save), in one statement per batch ------------


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _existing(model: type[models.Model], names: list[str], pks: list[uuid.UUID]) -> dict[uuid.UUID, tuple]:
    """The rows of `pks` that exist, as tuples of `names` in the form _comparable gives the new values: the
    database's own for plain values (text, numbers, ids), Python's for the rest (dates, decimals, JSON)."""
    if not pks:
        return {}
    as_key = db_form(model._meta.pk)
    keys = {as_key(pk): pk for pk in pks}
    fields = [model._meta.get_field(name) for name in names]
    convert = [
        (i, col, converters)
        for i, field in enumerate(fields)
        if not _is_plain(field)
        for col in [field.get_col(model._meta.db_table)]
        for converters in [[*connection.ops.get_db_converters(col), *col.get_db_converters(connection)]]
        if converters
    ]
    existing = {}
    columns = [model._meta.pk.column, *(field.column for field in fields)]
    for pk, *values in select_in(model, columns, model._meta.pk.column, list(keys)):
        for i, col, converters in convert:
            for converter in converters:  # (as values_list applies them, None included)
                values[i] = converter(values[i], col, connection)
        existing[keys[pk]] = tuple(values)
    return existing


def _comparable(model: type[models.Model], names: list[str]) -> dict[str, Callable[[Any], Any]]:
    """Per field, the form in which a new value compares with what _existing read: as it would be saved for
    plain values, as it is for the rest."""
    return {
        name: _prepare(field) if _is_plain(field) else _same
        for name, field in ((name, model._meta.get_field(name)) for name in names)
    }


def _same(value: Any) -> Any:
    return value


def _is_plain(field: models.Field) -> bool:
    """Values the database returns as they were saved (get_db_prep_save's result), so they compare as such."""
    target = field.target_field if field.is_relation else field
    kinds = (models.UUIDField, *(base for base, _kinds in _PLAIN))
    return isinstance(target, kinds) and not hasattr(target, "from_db_value")


def _insert(model: type[models.Model], network_id, rows: list[dict], now) -> None:
    """INSERT the rows: given values, else the field's default; created_at (and updated_at when the file gives
    no last_modified) is now, as bulk_create's auto_now(_add) would have it."""
    fields = model._meta.concrete_fields
    columns = ", ".join(_quote(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {_quote(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608 (quoted names)
    plan = []  # per column: (attribute, value when the row has none, how to pass it)
    for field in fields:
        if field.attname == "network_id":
            plan.append((None, network_id, _prepare(field)))
        elif getattr(field, "auto_now_add", False):
            plan.append((None, now, _prepare(field)))
        elif getattr(field, "auto_now", False):
            plan.append((field.attname, now, _prepare(field)))
        else:
            default = (
                _NO_VALUE if callable(field.default) else field.get_default()
            )  # (a fresh dict each time)
            plan.append((field.attname, default, _prepare(field)))
    params = []
    for values in rows:
        row = []
        for name, missing, prepare in plan:
            value = values.get(name, missing) if name else missing
            if value is _NO_VALUE:
                value = model._meta.get_field(name).get_default()
            row.append(prepare(value))
        params.append(row)
    with connection.cursor() as cursor:
        for batch in _batches(params):
            cursor.executemany(sql, batch)


def _update(model: type[models.Model], columns: list[str], rows: list[tuple[uuid.UUID, dict]]) -> None:
    """UPDATE the rows by id, every row the same columns (one executemany; bulk_update's CASE per row was slow)."""
    fields = [model._meta.get_field(name) for name in columns]
    prepares = [_prepare(field) for field in fields]
    pk = model._meta.pk
    sets = ", ".join(f"{_quote(field.column)} = %s" for field in fields)
    sql = f"UPDATE {_quote(model._meta.db_table)} SET {sets} WHERE {_quote(pk.column)} = %s"  # noqa: S608 (quoted names)
    params = [
        [*(prepare(row[name]) for prepare, name in zip(prepares, columns, strict=True)), _prepare(pk)(key)]
        for key, row in rows
    ]
    with connection.cursor() as cursor:
        for batch in _batches(params):
            cursor.executemany(sql, batch)


_NO_VALUE = object()
# Values of these types go to these fields as they are (get_db_prep_save would return them unchanged).
_PLAIN = (
    (models.BooleanField, (bool,)),
    (models.CharField, (str,)),
    (models.TextField, (str,)),
    (models.FloatField, (float,)),
    (models.IntegerField, (int,)),
)


@cache
def _preparer(field: models.Field, vendor: str) -> Callable[[Any], Any]:
    plain = next((kinds for base, kinds in _PLAIN if isinstance(field, base)), ())
    target = field.target_field if field.is_relation else field
    if isinstance(target, models.UUIDField):
        native = connection.features.has_native_uuid_field

        def prepare(value):
            if type(value) is uuid.UUID:
                return value if native else value.hex
            return field.get_db_prep_save(value, connection)

        return prepare
    if plain:
        return lambda value: (
            value if value is None or type(value) in plain else field.get_db_prep_save(value, connection)
        )
    last = [(_NO_VALUE, None)]  # (value, prepared), swapped as one tuple

    def prepare_repeated(value):
        """Most dates and times of an import are the same object (its `now`, a record's last_modified on each
        of its rows): preparing each one again was a third of the time it took to insert the rows."""
        seen, prepared = last[0]
        if value is seen:
            return prepared
        prepared = field.get_db_prep_save(value, connection)
        if type(value) in _IMMUTABLE:
            last[0] = (value, prepared)
        return prepared

    return prepare_repeated


_IMMUTABLE = frozenset({datetime.datetime, datetime.date, datetime.time, decimal.Decimal})


def _prepare(field: models.Field) -> Callable[[Any], Any]:
    """How a value of `field` becomes a query parameter: get_db_prep_save, with a shortcut for the values it
    leaves as they are (a million calls in an import of 10,000 services cost seconds)."""
    return _preparer(field, connection.vendor)


def _history(model: type[models.Model], ids: list, kind: str, now) -> None:
    """One history row per written row ("+" created, "~" updated), copied by the database from the row as it now
    is: what simple_history's bulk_history_create writes (the import's change reason, the signed-in person of
    an admin import as author), without a Python object per row."""
    if not ids:
        return
    history = model.history.model
    tracked = {field.attname for field in history.tracked_fields}
    user = history.get_default_history_user(None)
    extra = {
        "history_date": now,
        "history_change_reason": CHANGE_REASON,
        "history_type": kind,
        "history_user_id": getattr(user, "pk", None),
    }
    columns, selected, params = [], [], []
    for field in history._meta.concrete_fields:
        if field.attname in tracked:
            columns.append(field.column)
            selected.append(_quote(model._meta.get_field(field.name).column))
        elif field.attname in extra:
            columns.append(field.column)
            # (PostgreSQL types a bare parameter in a SELECT list as text: say what it is)
            cast = field.cast_db_type(connection) if connection.vendor == "postgresql" else None
            selected.append(f"CAST(%s AS {cast})" if cast else "%s")
            params.append(_prepare(field)(extra[field.attname]))
        elif not field.primary_key:
            raise ValueError(f"{history._meta.label}.{field.name}: a history column the import does not fill")
    pk = model._meta.pk
    insert = (
        f"INSERT INTO {_quote(history._meta.db_table)} ({', '.join(_quote(c) for c in columns)}) "  # noqa: S608 (quoted names)
        f"SELECT {', '.join(selected)} FROM {_quote(model._meta.db_table)} WHERE {_quote(pk.column)} IN "
    )
    with connection.cursor() as cursor:
        for batch in _batches(ids):
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(
                f"{insert}({marks})",
                [*params, *map(_prepare(pk), batch)],
            )


def _batches(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
