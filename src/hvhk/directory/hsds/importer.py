"""Import HSDS records into one network: upsert by id, in chunks, all or nothing unless told to skip bad records.

The file is read as a stream and written 500 records at a time inside one transaction, so memory stays flat
and a file that turns out to be bad halfway leaves the database as it was. Search indexing and the network's
data version follow once the transaction has committed.
"""

import time
import uuid
from collections.abc import Callable, Iterable

from django.db import models, transaction
from django.utils.translation import gettext as _

from hvhk.core.lib.versions import bump_network_version
from hvhk.core.models import Network
from hvhk.directory import models as m
from hvhk.directory.hsds.mapping import Bag, Mapped, Mapper, Problem
from hvhk.directory.hsds.read import ReadError
from hvhk.directory.hsds.report import MAX_PROBLEMS, Counts, ImportReport
from hvhk.directory.hsds.writer import _KIND_OF, BATCH, WRITE_ORDER, Writer, _batches

__all__ = ["CHUNK", "WRITE_ORDER", "Counts", "ImportReport", "Importer"]

CHUNK = 500


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


class _Unwritten:
    """Lets Mapper.forget drop pool entities that no accepted record uses."""

    def __init__(self, pool: dict) -> None:
        self.new_shared = pool
        self.service_id = None
        self.index = 0
