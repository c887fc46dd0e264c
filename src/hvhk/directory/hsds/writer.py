"""Writing mapped rows: upsert by id in batches (with history for audited models), and deleting the children a
record no longer lists."""

import uuid
from collections.abc import Iterable

from django.db import connection, models
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from hvhk.core.models import Area
from hvhk.directory import models as m
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
                if model in _KIND_OF:
                    self.changed_shared.setdefault(model, set()).update(new | changed)
        return created, updated, deleted_parents

    def _delete_stale(self, bags: list[Bag], all_ids: set) -> set:
        """Children that a record lists no more: gone from the file, so gone here (before new rows take their place)."""
        wanted: dict[tuple, dict[uuid.UUID, set]] = {}
        for bag in bags:
            for model, link, parent, ids in bag.childsets:
                wanted.setdefault((model, link), {}).setdefault(parent, set()).update(ids)
        touched = set()
        for (model, link), parents in wanted.items():
            stale, owners = [], {}
            for batch in _batches(list(parents)):
                for pk, parent in model.objects.filter(**{f"{link}__in": batch}).values_list("pk", link):
                    if pk not in parents[parent] and pk not in all_ids:
                        stale.append(pk)
                        owners[pk] = parent
            if stale:
                for batch in _batches(stale):
                    model.objects.filter(pk__in=batch).delete()
                self._table(model).deleted += len(stale)
                touched.update(owners.values())
        return touched

    def _upsert(self, model: type[models.Model], by_id: dict[uuid.UUID, dict]) -> tuple[set, set]:
        existing: dict[uuid.UUID, models.Model] = {}
        for batch in _batches(list(by_id)):
            existing.update({obj.pk: obj for obj in model.objects.filter(pk__in=batch)})
        now = timezone.now()
        to_create, to_update, fields = [], [], set()
        for pk, values in by_id.items():
            obj = existing.get(pk)
            if obj is None:
                to_create.append(model(network_id=self.network.pk, **values))
                continue
            changed = [name for name, value in values.items() if getattr(obj, name) != value]
            if changed:
                for name in changed:
                    setattr(obj, name, values[name])
                if "updated_at" not in values:
                    obj.updated_at = now
                fields.update(changed)
                to_update.append(obj)
        history = hasattr(model, "history")  # audited models keep a version of every row we write
        if history:
            bulk_create_with_history(to_create, model, batch_size=BATCH, default_change_reason=CHANGE_REASON)
        else:
            model.objects.bulk_create(to_create, batch_size=BATCH)
        stamped = [
            (by_id[obj.pk]["updated_at"], obj.pk) for obj in to_create if "updated_at" in by_id[obj.pk]
        ]
        if stamped:  # bulk_create stamps now(); a service keeps the last_modified of its file
            _stamp(model, stamped)
        if to_update and history:
            bulk_update_with_history(
                to_update,
                model,
                sorted(fields | {"updated_at"}),
                batch_size=BATCH,
                default_change_reason=CHANGE_REASON,
            )
        elif to_update:
            model.objects.bulk_update(to_update, sorted(fields | {"updated_at"}), batch_size=BATCH)
        counts = self._table(model)
        counts.created += len(to_create)
        counts.updated += len(to_update)
        counts.unchanged += len(by_id) - len(to_create) - len(to_update)
        return {obj.pk for obj in to_create}, {obj.pk for obj in to_update}

    def _table(self, model: type[models.Model]) -> Counts:
        return self.report.tables.setdefault(str(model._meta.verbose_name_plural), Counts())


def _stamp(model: type[models.Model], pairs: list[tuple]) -> None:
    """Set updated_at row by row in one executemany (bulk_update's CASE per row is slow for thousands)."""
    field = model._meta.get_field("updated_at")
    table, column = (connection.ops.quote_name(n) for n in (model._meta.db_table, field.column))
    pk = connection.ops.quote_name(model._meta.pk.column)
    values = [
        (field.get_db_prep_value(when, connection), model._meta.pk.get_db_prep_value(key, connection))
        for when, key in pairs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {column} = %s WHERE {pk} = %s", values)  # noqa: S608 (quoted names)


def _batches(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
