"""Import HSDS records into one network: upsert by id, in chunks, all or nothing unless told to skip bad records.

The file is read as a stream and written 500 records at a time inside one transaction, so memory stays flat
and a file that turns out to be bad halfway leaves the database as it was. Each chunk is written as plain
values, with its history rows copied by the database (writer.py); the search index is brought up to date
once, after the commit (a rebuild of the network's index when many services changed). A new network is saved
in that transaction too. What other apps derive from the data (the search index) is told inside the
transaction, so it can record durably what it owes, and again after the commit, to bring itself up to date
(see hooks.py).
"""

import gc
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache

from django.db import connection, models, transaction
from django.utils.translation import gettext as _

from hvhk.core.lib.faults import pause_point
from hvhk.core.lib.versions import bump_network_version
from hvhk.core.models import Network
from hvhk.directory import models as m
from hvhk.directory.hsds import hooks
from hvhk.directory.hsds.ids import LocalIds, has_source_id
from hvhk.directory.hsds.mapping import Bag, Mapped, Mapper, Problem
from hvhk.directory.hsds.read import ReadError
from hvhk.directory.hsds.report import MAX_PROBLEMS, Counts, ImportReport
from hvhk.directory.hsds.writer import _KIND_OF, BATCH, WRITE_ORDER, Writer, _batches

__all__ = ["CHUNK", "WRITE_ORDER", "Counts", "ImportReport", "Importer"]

CHUNK = 500
IMPORT_CACHE_MB = 32  # SQLite's page cache during an import (see _page_cache)


class _Rollback(Exception):
    pass


class Importer(Writer):
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
        self.existing: set[uuid.UUID] = set()  # ids (this network's) of the chunk's rows that exist already

    def run(self, records: Iterable[dict]) -> ImportReport:
        """Import the records. An unsaved network (a new one) is saved in the import's transaction, so an import
        that saves nothing, or is killed before it commits, leaves no empty network behind."""
        with _page_cache():
            return self._run(records)

    def _run(self, records: Iterable[dict]) -> ImportReport:
        started = time.monotonic()
        new_network = self.network._state.adding
        try:
            with _young_collections(), transaction.atomic():
                if new_network:
                    self.network.save()
                self.mapper = Mapper(self.network)
                self.local = LocalIds(self.network.pk)
                chunk: list[Mapped] = []
                for index, raw in enumerate(records, 1):
                    chunk.append(self.mapper.record(index, raw))
                    self.report.records = index
                    if len(chunk) >= CHUNK:
                        self._chunk(chunk)
                        chunk = []
                        gc.collect(1)
                        if self.progress:
                            self.progress(index)
                self._chunk(chunk)
                self._finish()
                self.report.ignored = dict(self.mapper.ignored)
                if self.report.failed or self.dry_run:
                    raise _Rollback
                affected = self._affected_services()
                hooks.import_saving.send(type(self), network=self.network, service_ids=affected)
        except _Rollback:
            pass
        except ReadError as exc:
            self.report.problem(Problem(None, "", "", str(exc)))
            self.report.skip_invalid = False  # a file we cannot read is never partly imported
        else:
            self.report.saved = True
            saved = time.monotonic()
            self._let_go()
            bump_network_version(self.network.pk)
            pause_point("import-indexing")
            responses = hooks.import_saved.send(type(self), network=self.network, service_ids=affected)
            self.report.indexed = sum(count for _receiver, count in responses if isinstance(count, int))
            self.report.index_seconds = time.monotonic() - saved
        if new_network and not self.report.saved:
            self.network._state.adding = True  # rolled back: it was never saved
        self.report.seconds = time.monotonic() - started
        return self.report

    def _let_go(self) -> None:
        """Once the import has committed, what it kept per record (the ids it saw, the links it resolved, the
        services it changed) is of no more use: let it go before the search index is built, which would
        otherwise grow on top of it (at 100,000 services 210 MB at most while indexing, 191 MB without it)."""
        del self.mapper, self.local
        self.deferred, self.pillar_services, self.existing = [], {}, set()
        self.changed_services, self.changed_shared = set(), {}
        gc.collect()

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
        self.local.forget_chunk()
        self.local.resolve(self._wanted([*(mapped.own for mapped in valid), *pool.values()]))
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
        self.existing = set()
        for bag in bags:
            self._translate(bag)
        created, updated, deleted_parents = self._write(bags)
        pause_point("import-saving")
        for mapped in accepted:
            self._count(mapped, created, updated, deleted_parents)

    @staticmethod
    def _wanted(bags: Iterable[Bag]) -> dict[type[models.Model], set]:
        """Every id the bags name, per model: their rows, what those rows link to, and what they refer to."""
        wanted: dict[type[models.Model], set] = defaultdict(set)
        for bag in bags:
            for row in bag.rows:
                wanted[row.model].add(row.values["id"])
                for name, target in _links(row.model).items():
                    if row.values.get(name):
                        wanted[target].add(row.values[name])
            for model, target, _path in bag.refs:
                wanted[model].add(target)
            for model, link, parent, ids in bag.childsets:
                wanted[model].update(ids)
                wanted[_links(model)[link]].add(parent)
        return wanted

    def _translate(self, bag: Bag) -> None:
        """The file's ids → this network's ids (the same, or its own copy's: see ids.py). Notes which rows the
        network has already (the rest are new: the writer does not look for them), and keeps only the child
        lists of parents it has (a new parent has no children to delete)."""
        local = self.local
        for row in bag.rows:
            values = row.values
            source = values["id"]
            values["id"] = local.id(row.model, source)
            if local.may_exist(row.model, source):
                self.existing.add(values["id"])
            if values["id"] != source and has_source_id(row.model):
                values["source_id"] = source
            for name, target in _links(row.model).items():
                if values.get(name):
                    values[name] = local.id(target, values[name])
        bag.childsets = [
            (model, link, local.id(_links(model)[link], parent), {local.id(model, i) for i in ids})
            for model, link, parent, ids in bag.childsets
            if local.may_exist(_links(model)[link], parent)
        ]

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
        """An id used by two records, and references to records that exist neither here nor in the file."""
        problems: dict[int, list[Problem]] = {}
        refs: dict[tuple, list[tuple[Mapped, str]]] = {}
        for mapped in valid:
            for bag in [mapped.own, *(pool[key] for key in keys[mapped.index] if key in pool)]:
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
        for (model, target), users in refs.items():
            if (_KIND_OF[model], target) in self.mapper.seen_shared or self.local.exists(model, target):
                continue
            for mapped, path in users:
                problems.setdefault(mapped.index, []).append(
                    Problem(
                        mapped.index,
                        mapped.id,
                        path,
                        _("Verwijst naar {id}, dat niet in het bestand en niet in dit netwerk staat.").format(
                            id=target
                        ),
                    )
                )
        return problems

    def _count(self, mapped: Mapped, created: set, updated: set, deleted_parents: set) -> None:
        service_id = self.local.id(m.Service, mapped.service_id)
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

    # --- the end of the file ---------------------------------------------------------------------------------

    def _finish(self) -> None:
        """Links that may point forward in the file: parents of organisations and categories, the organisation
        of a place, pillar services (foreign keys are checked at commit, so a forward link can be written)."""
        unresolved = [d for d in self.deferred if (_KIND_OF[d[0]], d[1]) not in self.mapper.seen_shared]
        wanted: dict[type[models.Model], set] = defaultdict(set)
        for target_model, target, _path, owner_model, owner, _index, _record_id in unresolved:
            wanted[target_model].add(target)
            wanted[owner_model].add(owner)
        services = set().union(*(ids for ids, *_rest in self.pillar_services.values()))
        if not self.report.failed:
            wanted[m.Service].update(services)
            wanted[m.Pillar].update(self.pillar_services)
        self.local.forget_chunk()
        self.local.resolve(wanted)
        for _target_model, target, path, owner_model, owner, index, record_id in unresolved:
            if not self.local.exists(_target_model, target):
                self._dangling(index, record_id, path, target)
                field_name = {m.Organization: "parent_organization", m.Location: "organization"}.get(
                    owner_model, "parent"
                )
                owner_model.objects.filter(pk=self.local.id(owner_model, owner)).update(**{field_name: None})
        if not self.pillar_services or self.report.failed:
            return
        known = {service_id for service_id in services if self.local.exists(m.Service, service_id)}
        through = m.Pillar.services.through
        links = []
        for pillar_id, (ids, path, index, record_id) in self.pillar_services.items():
            for service_id in sorted(ids - known):
                self._dangling(index, record_id, path, service_id)
            links.extend(
                through(
                    pillar_id=self.local.id(m.Pillar, pillar_id), service_id=self.local.id(m.Service, sid)
                )
                for sid in ids & known
            )
        pillars = [self.local.id(m.Pillar, pillar_id) for pillar_id in self.pillar_services]
        current = set(through.objects.filter(pillar_id__in=pillars).values_list("pillar_id", "service_id"))
        if current != {(link.pillar_id, link.service_id) for link in links}:
            through.objects.filter(pillar_id__in=pillars).delete()
            through.objects.bulk_create(links, batch_size=BATCH)

    def _dangling(self, index: int, record_id: str, path: str, target: uuid.UUID) -> None:
        """A link to a record that is nowhere: an error, or with --skip-invalid a link left out."""
        message = _("Verwijst naar {id}, dat niet in het bestand en niet in dit netwerk staat.").format(
            id=target
        )
        if self.skip_invalid:
            message += " " + _("De koppeling is weggelaten.")
        self.report.problem(Problem(index, record_id, path, message), rejects=False)

    def _affected_services(self) -> set[uuid.UUID]:
        """The services whose derived data changed: those in the file, and services outside it whose
        organisation, place or category changed. (Read as a stream: a changed category can have most services of
        a large network, each several times over.)"""
        affected = self.changed_services
        shared = self.changed_shared
        outside = []
        for batch in _batches(list(shared.get(m.Organization, ()))):
            outside.append(m.Service.objects.filter(organization_id__in=batch).values_list("pk", flat=True))
        for batch in _batches(list(shared.get(m.Location, ()))):
            outside.append(
                m.ServiceAtLocation.objects.filter(location_id__in=batch).values_list("service_id", flat=True)
            )
        for batch in _batches(list(shared.get(m.TaxonomyTerm, ()))):
            outside.append(
                m.Attribute.objects.filter(taxonomy_term_id__in=batch, service__isnull=False).values_list(
                    "service_id", flat=True
                )
            )
        for services in outside:
            affected.update(services.order_by().distinct().iterator(chunk_size=BATCH))
        affected.discard(None)
        return affected


@contextmanager
def _page_cache() -> Iterator[None]:
    """SQLite keeps 2 MB of database pages in memory by default. An import writes rows with random (UUID) keys
    into a dozen tables and their indexes in one transaction, so with that little cache it kept spilling
    pages and reading them back (and so did the index rebuild after it); it gets IMPORT_CACHE_MB meanwhile.
    Measured at 10,000 services: 20.3 s with 2 MB, 17.2 s with 64 MB (peak memory 116 → 182 MB); with 64 MB
    an import of 100,000 services peaked at 303 MB, above the 300 MB it should stay under, hence 32."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = int(cursor.fetchone()[0])
        cursor.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_MB * 1024}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {before}")


@contextmanager
def _young_collections() -> Iterator[None]:
    """Python's collector, left to itself, went through every object of the process about twice per chunk
    (100 full collections, 7 to 14 s of the 28 s that saving 20,000 services took): a chunk's records live
    long enough to reach the oldest generation, and each time enough did, it was searched in full. During the
    import, what the process held before is set aside (gc.freeze) and only the young generations are collected,
    once per chunk, when the chunk's rows are gone; anything cyclic the import leaves behind is collected after it."""
    enabled = gc.isenabled()
    gc.disable()
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


class _Unwritten:
    """Lets Mapper.forget drop pool entities that no accepted record uses."""

    def __init__(self, pool: dict) -> None:
        self.new_shared = pool
        self.service_id = None
        self.index = 0


@cache
def _links(model: type[models.Model]) -> dict[str, type[models.Model]]:
    """A model's foreign keys (by attribute name) and the models they point to, the network left out."""
    return {
        field.attname: field.related_model
        for field in model._meta.concrete_fields
        if field.is_relation and field.name != "network"
    }
