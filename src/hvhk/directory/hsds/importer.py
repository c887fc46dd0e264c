"""Import HSDS records into one network: upsert by id, in chunks, all or nothing unless told to skip bad records.

The file is read as a stream and written 500 records at a time inside one transaction, so memory stays flat
and a file that turns out to be bad halfway leaves the database as it was. Search indexing and the network's
data version follow once the transaction has committed.
"""

import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from hvhk.core.lib.versions import bump_network_version
from hvhk.core.models import Area, Network
from hvhk.directory import models as m
from hvhk.directory.hsds.mapping import Bag, Mapped, Mapper, Problem
from hvhk.directory.hsds.read import ReadError

CHUNK = 500
CHANGE_REASON = "HSDS-import"
BATCH = 500
MAX_PROBLEMS = 1000  # listed in full; beyond this only counted

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


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: int = 0

    def add(self, other: "Counts") -> None:
        for name in ("created", "updated", "unchanged", "deleted", "rejected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class ImportReport:
    network: str
    dry_run: bool
    skip_invalid: bool
    records: int = 0
    services: Counts = field(default_factory=Counts)
    tables: dict[str, Counts] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    rejected_records: set[int] = field(default_factory=set)
    ignored: dict[str, int] = field(default_factory=dict)
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (created/updated, name, id), capped
    saved: bool = False
    seconds: float = 0.0
    indexed: int = 0
    index_seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return bool(self.problem_count) and not self.skip_invalid

    def problem(self, problem: Problem, *, rejects: bool = True) -> None:
        self.problem_count += 1
        if problem.index and rejects:
            self.rejected_records.add(problem.index)
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def summary(self) -> list[str]:
        """The report in a few lines, for the command line and the admin."""
        s = self.services
        lines = [
            _(
                "{records} records gelezen: {created} nieuw, {updated} gewijzigd, {unchanged} ongewijzigd, "
                "{rejected} geweigerd."
            ).format(
                records=self.records,
                created=s.created,
                updated=s.updated,
                unchanged=s.unchanged,
                rejected=len(self.rejected_records),
            )
        ]
        for label, counts in self.tables.items():
            if counts.created or counts.updated or counts.deleted:
                lines.append(
                    "  "
                    + _(
                        "{table}: {created} nieuw, {updated} gewijzigd, {unchanged} ongewijzigd, "
                        "{deleted} verwijderd"
                    ).format(table=label, **counts.__dict__)
                )
        if self.ignored:
            fields = ", ".join(f"{name} ({count}×)" for name, count in sorted(self.ignored.items()))
            lines.append(_("Niet overgenomen velden (wij bewaren ze niet): {fields}").format(fields=fields))
        if self.problem_count:
            lines.append(_("{count} fouten:").format(count=self.problem_count))
            lines.extend(f"  - {p}" for p in self.problems)
            if self.problem_count > len(self.problems):
                lines.append(
                    "  " + _("… en nog {count} fouten.").format(count=self.problem_count - len(self.problems))
                )
        if self.dry_run:
            lines.append(_("Proefimport: er is niets bewaard."))
        elif self.failed:
            lines.append(
                _(
                    "Het bestand heeft fouten: er is niets bewaard. Verbeter ze, of importeer alleen de "
                    "goede records met --skip-invalid."
                )
            )
        elif self.saved:
            lines.append(
                _(
                    "Bewaard in {seconds:.1f} s; {indexed} aanbod opnieuw geïndexeerd in {index:.1f} s."
                ).format(
                    seconds=self.seconds - self.index_seconds, indexed=self.indexed, index=self.index_seconds
                )
            )
        return lines


class _Rollback(Exception):
    pass


class Importer:
    def __init__(
        self,
        network: Network,
        *,
        dry_run: bool = False,
        skip_invalid: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.network = network
        self.dry_run = dry_run
        self.skip_invalid = skip_invalid
        self.progress = progress
        self.report = ImportReport(network=network.slug, dry_run=dry_run, skip_invalid=skip_invalid)
        self.deferred: list[tuple] = []  # (target model, target id, path, owner model, owner id, index, id)
        self.pillar_services: dict[uuid.UUID, tuple[set, str, int, str]] = {}
        self.changed_services: set[uuid.UUID] = set()
        self.changed_shared: dict[type[models.Model], set] = {}

    def run(self, records: Iterable[dict]) -> ImportReport:
        started = time.monotonic()
        self.mapper = Mapper(self.network)
        try:
            with transaction.atomic():
                chunk: list[Mapped] = []
                for index, raw in enumerate(records, 1):
                    chunk.append(self.mapper.record(index, raw))
                    self.report.records = index
                    if len(chunk) >= CHUNK:
                        self._chunk(chunk)
                        chunk = []
                        if self.progress:
                            self.progress(index)
                self._chunk(chunk)
                self._finish()
                self.report.ignored = dict(self.mapper.ignored)
                if self.report.failed or self.dry_run:
                    raise _Rollback
        except _Rollback:
            pass
        except ReadError as exc:
            self.report.problem(Problem(None, "", "", str(exc)))
            self.report.skip_invalid = False  # a file we cannot read is never partly imported
        else:
            self.report.saved = True
            saved = time.monotonic()
            self.report.indexed = self._after_commit()
            self.report.index_seconds = time.monotonic() - saved
        self.report.seconds = time.monotonic() - started
        return self.report

    # --- one chunk -------------------------------------------------------------------------------------------

    def _chunk(self, chunk: list[Mapped]) -> None:
        if not chunk:
            return
        pool: dict[tuple, Bag] = {}
        for mapped in chunk:
            pool.update(mapped.new_shared)
            for problem in mapped.problems:
                self.report.problem(problem)
        valid = [mapped for mapped in chunk if not mapped.problems]
        keys = {mapped.index: self._closure(mapped.own.shared, pool) for mapped in valid}
        digests = {key: self.mapper.seen_shared.get(key) for key in pool}
        found = self._database_problems(valid, pool, keys)
        for mapped in valid:
            for problem in found.get(mapped.index, ()):
                mapped.problems.append(problem)
                self.report.problem(problem)
            if mapped.problems:
                self.mapper.forget(mapped)
        accepted = [mapped for mapped in valid if not mapped.problems]
        self.report.services.rejected += len(chunk) - len(accepted)
        used = set().union(*(keys[mapped.index] for mapped in accepted)) if accepted else set()
        written = used & set(pool)  # the rest came in an earlier chunk
        self.mapper.forget(_Unwritten(pool), set(pool) - written)
        for key in written:  # entities whose first record was rejected now belong to a later one
            for kind, claim, value in pool[key].claims:
                getattr(self.mapper, kind)[claim] = value
            if digests.get(key):
                self.mapper.seen_shared[key] = digests[key]
        bags = [mapped.own for mapped in accepted] + [pool[key] for key in written]
        owners = [(mapped.own, mapped) for mapped in accepted]
        first_user: dict[tuple, Mapped] = {}
        for mapped in accepted:
            for key in keys[mapped.index] & written:
                first_user.setdefault(key, mapped)
        owners += [(pool[key], mapped) for key, mapped in first_user.items()]
        for bag, mapped in owners:
            self.deferred.extend((*d, mapped.index, mapped.id) for d in bag.deferred)
            for pillar_id, (ids, path) in bag.pillar_services.items():
                self.pillar_services[pillar_id] = (ids, path, mapped.index, mapped.id)
        if self.report.failed:
            return  # keep checking the rest of the file, but write nothing more
        created, updated, deleted_parents = self._write(bags)
        for mapped in accepted:
            self._count(mapped, created, updated, deleted_parents)

    @staticmethod
    def _closure(keys: set, pool: dict[tuple, Bag]) -> set:
        """The shared entities a record uses, with the ones nested inside them (an organisation's locations)."""
        found, todo = set(), list(keys)
        while todo:
            key = todo.pop()
            if key not in found:
                found.add(key)
                if key in pool:
                    todo.extend(pool[key].shared)
        return found

    def _database_problems(self, valid: list[Mapped], pool: dict, keys: dict) -> dict[int, list[Problem]]:
        """Ids that belong to another network, and references to records that exist neither here nor in the file."""
        problems: dict[int, list[Problem]] = {}
        owners: dict[tuple, list[tuple[Mapped, str]]] = {}
        refs: dict[tuple, list[tuple[Mapped, str]]] = {}
        for mapped in valid:
            for bag in [mapped.own, *(pool[key] for key in keys[mapped.index] if key in pool)]:
                for row in bag.rows:
                    owners.setdefault((row.model, row.values["id"]), []).append((mapped, ""))
                for model, target, path in bag.refs:
                    refs.setdefault((model, target), []).append((mapped, path))
        first_owner: dict[uuid.UUID, Mapped] = {}
        for mapped in valid:
            for row in mapped.own.rows:
                other = first_owner.setdefault(row.values["id"], mapped)
                if other is not mapped:
                    message = _("Het id {id} staat ook in record {index}.").format(
                        id=row.values["id"], index=other.index
                    )
                    problems.setdefault(mapped.index, []).append(
                        Problem(mapped.index, mapped.id, "", message)
                    )
        foreign: dict[int, list] = {}
        for model in WRITE_ORDER:
            ids = [pk for (row_model, pk) in owners if row_model is model]
            for batch in _batches(ids):
                taken = model.objects.filter(pk__in=batch).exclude(network=self.network)
                for pk in taken.values_list("pk", flat=True):
                    for mapped, _path in owners[(model, pk)]:
                        foreign.setdefault(mapped.index, [mapped]).append(pk)
        for index, (mapped, *ids) in foreign.items():
            message = _("Het id {id} hoort bij een ander netwerk.").format(id=ids[0])
            if len(ids) > 1:
                message = _("{count} ids horen bij een ander netwerk, zoals {id}.").format(
                    count=len(ids), id=ids[0]
                )
            problems.setdefault(index, []).append(Problem(mapped.index, mapped.id, "", message))
        missing = {
            (model, target)
            for (model, target) in refs
            if (_KIND_OF[model], target) not in self.mapper.seen_shared
        }
        for model in {model for model, _target in missing}:
            ids = [target for (ref_model, target) in missing if ref_model is model]
            for batch in _batches(ids):
                found = set(
                    model.objects.for_network(self.network).filter(pk__in=batch).values_list("pk", flat=True)
                )
                for target in set(batch) - found:
                    for mapped, path in refs[(model, target)]:
                        problems.setdefault(mapped.index, []).append(
                            Problem(
                                mapped.index,
                                mapped.id,
                                path,
                                _(
                                    "Verwijst naar {id}, dat niet in het bestand en niet in dit netwerk staat."
                                ).format(id=target),
                            )
                        )
        return problems

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

    def _count(self, mapped: Mapped, created: set, updated: set, deleted_parents: set) -> None:
        service_id = mapped.service_id
        own_ids = {row.values["id"] for row in mapped.own.rows}
        if service_id in created:
            status = "created"
        elif own_ids & (created | updated) or own_ids & deleted_parents:
            status = "updated"
        else:
            status = "unchanged"
        setattr(self.report.services, status, getattr(self.report.services, status) + 1)
        if status != "unchanged":
            self.changed_services.add(service_id)
            if len(self.report.changes) < MAX_PROBLEMS:
                name = mapped.own.rows[0].values.get("name", "") if mapped.own.rows else ""
                self.report.changes.append((status, name, mapped.id))

    def _table(self, model: type[models.Model]) -> Counts:
        return self.report.tables.setdefault(str(model._meta.verbose_name_plural), Counts())

    # --- the end of the file ---------------------------------------------------------------------------------

    def _finish(self) -> None:
        """Links that may point forward in the file: parents of organisations and categories, the organisation
        of a place, pillar services (foreign keys are checked at commit, so a forward link can be written)."""
        unresolved = [d for d in self.deferred if (_KIND_OF[d[0]], d[1]) not in self.mapper.seen_shared]
        known = set()
        for model in {d[0] for d in unresolved}:
            ids = [d[1] for d in unresolved if d[0] is model]
            for batch in _batches(ids):
                known.update(
                    model.objects.for_network(self.network).filter(pk__in=batch).values_list("pk", flat=True)
                )
        for _target_model, target, path, owner_model, owner, index, record_id in unresolved:
            if target not in known:
                self._dangling(index, record_id, path, target)
                field_name = {m.Organization: "parent_organization", m.Location: "organization"}.get(
                    owner_model, "parent"
                )
                owner_model.objects.filter(pk=owner).update(**{field_name: None})
        if not self.pillar_services or self.report.failed:
            return
        wanted = set().union(*(ids for ids, *_rest in self.pillar_services.values()))
        known = set()
        for batch in _batches(list(wanted)):
            known.update(
                m.Service.objects.for_network(self.network).filter(pk__in=batch).values_list("pk", flat=True)
            )
        through = m.Pillar.services.through
        links = []
        for pillar_id, (ids, path, index, record_id) in self.pillar_services.items():
            for service_id in sorted(ids - known):
                self._dangling(index, record_id, path, service_id)
            links.extend(through(pillar_id=pillar_id, service_id=service_id) for service_id in ids & known)
        current = set(
            through.objects.filter(pillar_id__in=list(self.pillar_services)).values_list(
                "pillar_id", "service_id"
            )
        )
        if current != {(link.pillar_id, link.service_id) for link in links}:
            through.objects.filter(pillar_id__in=list(self.pillar_services)).delete()
            through.objects.bulk_create(links, batch_size=BATCH)

    def _dangling(self, index: int, record_id: str, path: str, target: uuid.UUID) -> None:
        """A link to a record that is nowhere: an error, or with --skip-invalid a link left out."""
        message = _("Verwijst naar {id}, dat niet in het bestand en niet in dit netwerk staat.").format(
            id=target
        )
        if self.skip_invalid:
            message += " " + _("De koppeling is weggelaten.")
        self.report.problem(Problem(index, record_id, path, message), rejects=False)

    def _after_commit(self) -> int:
        """Index what changed (also services outside the file whose organisation, place or category changed)."""
        from hvhk.search import indexing

        affected = set(self.changed_services)
        shared = self.changed_shared
        if shared.get(m.Organization):
            for batch in _batches(list(shared[m.Organization])):
                affected.update(
                    m.Service.objects.filter(organization_id__in=batch).values_list("pk", flat=True)
                )
        if shared.get(m.Location):
            for batch in _batches(list(shared[m.Location])):
                affected.update(
                    m.ServiceAtLocation.objects.filter(location_id__in=batch).values_list(
                        "service_id", flat=True
                    )
                )
        if shared.get(m.TaxonomyTerm):
            for batch in _batches(list(shared[m.TaxonomyTerm])):
                affected.update(
                    m.Attribute.objects.filter(taxonomy_term_id__in=batch, service__isnull=False).values_list(
                        "service_id", flat=True
                    )
                )
        affected.discard(None)
        bump_network_version(self.network.pk)
        if len(affected) > 5000:
            return indexing.reindex(network=self.network)["indexed"]
        return indexing.index_services(affected)


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


class _Unwritten:
    """Lets Mapper.forget drop pool entities that no accepted record uses."""

    def __init__(self, pool: dict) -> None:
        self.new_shared = pool
        self.service_id = None
        self.index = 0


def _batches(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
