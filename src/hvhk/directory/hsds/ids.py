"""Ids across networks: one organisation, with its services, in several networks of one installation.

Regional partners (Kind en Gezin, a CAW, a CLB) take part in many networks, and each network imports their HSDS
file. Every network keeps its own copy of their records, so tenant isolation holds: a coordinator of one network
changes nothing in another. A record takes the id it has in the file while no other network uses that id; when
another network already does, its copy here gets an id derived from the network and the file's id
(`copy_id`, a uuid5), and the file's id is kept in `source_id` (organisations, services, locations, services at
a location, taxonomies and terms). The derivation is deterministic, so a second import of the file finds the
same copy and updates it, and references inside the file (organization_id, location_id, taxonomy_term_id, …)
reach the copy too. See docs/hsds.md.
"""

import uuid
from collections.abc import Callable, Iterable, Iterator

from django.db import connection, models

from hvhk.core.models import Area

BATCH = 500


def copy_id(network_id, source_id) -> uuid.UUID:
    """The id of a network's own copy of a record whose id (in the file) another network already uses."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"hvhk:network:{network_id}:{source_id}")


def has_source_id(model: type[models.Model]) -> bool:
    return any(f.name == "source_id" for f in model._meta.concrete_fields)


class LocalIds:
    """The id each record of a file has in one network, resolved in batches (one chunk of the import at a time).

    The rule, per model: an id this network already has stays (a record of its own, or an earlier import); its
    copy, when it has one, is found by `source_id`; an id that another network has gets a copy id; a free id is
    taken as it is.
    """

    def __init__(self, network_id) -> None:
        self.network_id = network_id
        self.ids: dict[tuple, uuid.UUID] = {}
        self.here: set[tuple] = set()  # (model, source id) of records that exist in this network
        self._has_copies: dict[type[models.Model], bool] = {}

    def resolve(self, wanted: dict[type[models.Model], set]) -> "LocalIds":
        for model, sources in wanted.items():
            sources.discard(None)
            if model is Area or not sources:  # an area's id is derived from its network already
                for source in sources:
                    self.ids[(model, source)] = source
                continue
            for batch in _batches([s for s in sources if (model, s) not in self.ids]):
                self._resolve(model, batch)
        return self

    def _resolve(self, model: type[models.Model], batch: list) -> None:
        """One query (two when copies may exist), in the database's own form of the ids: converting every id
        read back into a UUID, and building the query with the ORM, took most of the time of a re-import."""
        as_key = db_form(model._meta.pk)
        keys = {as_key(source): source for source in batch}
        here_key = as_key(self.network_id)
        pk, network = _column(model, "pk"), _column(model, "network")
        owners = {keys[found]: owner for found, owner in select_in(model, [pk, network], pk, list(keys))}
        copies: dict = {}
        if has_source_id(model):
            elsewhere = [s for s in batch if s in owners and owners[s] != here_key]
            free = [s for s in batch if s not in owners]
            look = elsewhere + (free if self._copies_exist(model) else [])
            if look:
                source_field = model._meta.get_field("source_id")
                source_key = db_form(source_field)
                source_keys = {source_key(source): source for source in look}
                copies = {
                    source_keys[source]: model._meta.pk.to_python(found)
                    for source, found in select_in(
                        model,
                        [_column(model, "source_id"), pk],
                        _column(model, "source_id"),
                        list(source_keys),
                        where=(f"{_quote(network)} = %s", [here_key]),
                    )
                }
        for source in batch:
            key = (model, source)
            if owners.get(source) == here_key:
                self.ids[key] = source
                self.here.add(key)
            elif source in copies:
                self.ids[key] = copies[source]
                self.here.add(key)
            elif source in owners:
                self.ids[key] = copy_id(self.network_id, source)
                self._has_copies[model] = True
            else:
                self.ids[key] = source

    def _copies_exist(self, model: type[models.Model]) -> bool:
        if model not in self._has_copies:
            self._has_copies[model] = model.objects.filter(
                network_id=self.network_id, source_id__isnull=False
            ).exists()
        return self._has_copies[model]

    def id(self, model: type[models.Model], source) -> uuid.UUID:
        return self.ids.get((model, source), source)

    def exists(self, model: type[models.Model], source) -> bool:
        return (model, source) in self.here

    def may_exist(self, model: type[models.Model], source) -> bool:
        """False only for a record that is surely new in this network: its id was looked up and found nowhere
        here. An area's id is not looked up, and the copy of a record without `source_id` is not either."""
        return (model, source) in self.here or model is Area or self.id(model, source) != source

    def forget_chunk(self) -> None:
        """Between chunks: what was free may be written now (the next lookup finds it here)."""
        self.ids.clear()
        self.here.clear()


# --- plain SQL, for the lookups an import makes per chunk ------------------------------------------------------


def db_form(field: models.Field) -> Callable[[object], object]:
    """A key as the database stores it and a plain query returns it: a UUID is 32 hex digits on SQLite and
    itself on PostgreSQL (as get_db_prep_value gives it, without its checks: these are UUIDs already)."""
    target = field.target_field if field.is_relation else field
    if isinstance(target, models.UUIDField) and not connection.features.has_native_uuid_field:
        return lambda value: (
            value.hex if type(value) is uuid.UUID else target.get_db_prep_value(value, connection)
        )
    return lambda value: target.get_db_prep_value(value, connection)


def select_in(
    model: type[models.Model],
    columns: list[str],
    column: str,
    keys: list,
    *,
    where: tuple[str, list] | None = None,
) -> Iterator[tuple]:
    """The raw values of `columns` of the rows whose `column` is one of `keys` (in the database's form), in
    batches of BATCH; `where` adds a condition (SQL with its parameters)."""
    table = _quote(model._meta.db_table)
    selected = ", ".join(_quote(name) for name in columns)
    also, params = (f"{where[0]} AND ", where[1]) if where else ("", [])
    with connection.cursor() as cursor:
        for batch in _batches(keys):
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(
                f"SELECT {selected} FROM {table} WHERE {also}{_quote(column)} IN ({marks})",  # noqa: S608 (quoted names)
                [*params, *batch],
            )
            yield from cursor.fetchall()


def _column(model: type[models.Model], name: str) -> str:
    return model._meta.pk.column if name == "pk" else model._meta.get_field(name).column


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _batches(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
