"""Keeping the search index in step with the directory: one service at a time on every change, all of them on
`hvhk reindex`.

Changes are collected during a transaction and indexed once it commits, so a demo load or an import of many
rows indexes each service once, and a rolled-back change leaves the index untouched. An HSDS import also
leaves a durable mark (StaleIndex) in its own transaction, cleared once its changes are indexed: a process
killed in between leaves the mark, which `/healthz` reports and the worker's repair task clears. Documents are read as
plain values (no model objects) and each distinct word is analysed once per run: a full rebuild of 100,000
services stays within a minute.
"""

import json
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import CharField, Count
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import timezone

from hvhk.core.lib.versions import bump_network_version
from hvhk.core.models import Network
from hvhk.directory.models import Attribute, CostOption, Service, ServiceArea, ServiceAtLocation, TaxonomyTerm
from hvhk.directory.models.services import PREGNANCY_START_MONTHS
from hvhk.search.analysis import LEXICON, analyse_word, content_words, stem
from hvhk.search.models import COST_BITS, SearchDocument, SearchWord, StaleIndex

VOCABULARY_VERSION_KEY = "search:vocabulary-version"
VOCABULARY_TTL = 300  # seconds a process trusts its word list when no shared cache tells it of changes
BATCH = 2000
GIN_INDEXES = (  # PostgreSQL's full-text indexes (migrations 0002 and 0003)
    "search_searchdocument_vector",
    "search_searchdocument_name_vector",
    "search_searchdocument_term_vector",
)
FIELDS = ("name", "terms", "org", "body")


@dataclass
class Vocabulary:
    """The indexed words, with their stems and document frequencies (for compounds, typos and weights)."""

    words: frozenset[str]
    stem_counts: dict[str, int]
    word_counts: dict[str, int]
    documents: int
    network_documents: dict[uuid.UUID, int] = field(default_factory=dict)  # each network's share of them
    loaded_at: float = 0.0
    version: int = 0

    @cached_property
    def splitting(self) -> frozenset[str]:
        """The words compounds are split into: the indexed ones and the domain lexicon (built once per list)."""
        return self.words | LEXICON

    @cached_property
    def by_start_and_length(self) -> dict[tuple[str, int], list[str]]:
        """The words grouped by first letter and length: where a typo's corrections are looked for."""
        groups: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in self.words:
            groups[word[:1], len(word)].append(word)
        return dict(groups)


_vocabulary: Vocabulary | None = None
_vocabulary_lock = threading.Lock()


def vocabulary() -> Vocabulary:
    """This process's copy of the word list, reloaded when another process changed it (or after a while)."""
    global _vocabulary
    version = cache.get(VOCABULARY_VERSION_KEY, 0)
    current = _vocabulary
    if current and current.version == version and time.monotonic() - current.loaded_at < VOCABULARY_TTL:
        return current
    with _vocabulary_lock:
        word_counts = dict(
            SearchWord.objects.filter(document_count__gt=0).values_list("word", "document_count")
        )
        stems: Counter[str] = Counter()
        for word, count in word_counts.items():
            stems[stem(word)] += count
        per_network = dict(
            SearchDocument.objects.order_by().values_list("network_id").annotate(count=Count("id"))
        )
        _vocabulary = Vocabulary(
            words=frozenset(word_counts),
            stem_counts=dict(stems),
            word_counts=word_counts,
            documents=sum(per_network.values()),
            network_documents=per_network,
            loaded_at=time.monotonic(),
            version=version,
        )
        return _vocabulary


def _vocabulary_changed() -> None:
    global _vocabulary
    _vocabulary = None
    try:
        cache.incr(VOCABULARY_VERSION_KEY)
    except ValueError:
        cache.set(VOCABULARY_VERSION_KEY, 1, None)


# --- reading documents -------------------------------------------------------------------------------------


def _with_translations(value: str, translations: dict | None, field: str) -> list[str]:
    return [
        value or "",
        *((translations or {}).get(lang, {}).get(field, "") for lang in (translations or {})),
    ]


@dataclass
class _Read:
    """One service as a batch reads it: its texts per weighted field, the filter values its document keeps
    (ages in months and the bits of its kinds of price) and its filter words: place, age and price (see
    PLACE_EVERYWHERE and age_words)."""

    service_id: uuid.UUID
    network_id: uuid.UUID
    texts: dict[str, str]
    facts: dict
    filter_words: str


def _texts(ids: list) -> Iterator[tuple[uuid.UUID, uuid.UUID, dict[str, str]]]:
    """(service id, network id, text per weighted field) of the active services among `ids`."""
    for read in _read(ids):
        yield read.service_id, read.network_id, read.texts


def _among(ids: list):
    """`ids` for an `__in` filter, as one parameter: on PostgreSQL an array (a list of 2,000 values made each
    query of a rebuild take 1.7 times as long to send and plan), on SQLite a JSON array of the ids as SQLite
    keeps them (Django took longer to compile 2,000 parameters than SQLite took to answer)."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::uuid[])", [list(ids)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps([_hex(pk) for pk in ids])])


def _hex(value) -> str:
    """A uuid (or its text, with or without hyphens) as 32 hexadecimal digits."""
    return value.hex if type(value) is uuid.UUID else uuid.UUID(str(value)).hex


def _text(column: str) -> Cast:
    """A uuid column read as text: a batch reads the same service id in each of its queries, and turning each
    into a UUID object took a tenth of a rebuild. `_read` makes one UUID per service."""
    return Cast(column, output_field=CharField())


def _read(ids: list) -> Iterator[_Read]:
    """The active services among `ids`, Dutch and every translation, read as plain values in six queries: the
    services with their organisation and ages, their life domains (links, then terms), their places with areas
    and cities, the areas they serve and their prices."""
    among = _among(ids)
    links = list(
        Attribute.objects.filter(service_id__in=among).values_list(
            _text("service_id"), _text("taxonomy_term_id")
        )
    )
    term_texts = {
        term_id: _with_translations(name, translations, "name")
        for term_id, name, translations in TaxonomyTerm.objects.filter(
            pk__in=_among({term_id for _service_id, term_id in links})
        ).values_list(_text("id"), "name", "translations")
    }
    terms: dict = defaultdict(list)
    for service_id, term_id in links:
        terms[service_id] += term_texts.get(term_id, [])
    # One row per place and address (a place without an address once): names and areas once per place, then the
    # cities, in the order the text always had.
    names: dict = defaultdict(list)
    cities: dict = defaultdict(list)
    place_words: dict = defaultdict(set)
    located: set = set()
    seen: set = set()
    for link_id, service_id, location, area, area_id, city in ServiceAtLocation.objects.filter(
        service_id__in=among
    ).values_list(
        _text("id"),
        _text("service_id"),
        "location__name",
        "location__area__name",
        _text("location__area_id"),
        "location__addresses__city",
    ):
        located.add(service_id)
        if link_id not in seen:
            seen.add(link_id)
            names[service_id] += [location or "", area or ""]
            if area_id:
                place_words[service_id].add(place_token("l", area_id))
        cities[service_id].append(city or "")
    for service_id, area_id in ServiceArea.objects.filter(service_id__in=among).values_list(
        _text("service_id"), _text("area_id")
    ):
        located.add(service_id)
        if area_id:
            place_words[service_id].add(place_token("c", area_id))
    costs: dict = {}
    for service_id, kind in CostOption.objects.filter(service_id__in=among).values_list(
        _text("service_id"), "kind"
    ):
        if kind in COST_BITS:
            costs[service_id] = costs.get(service_id, 0) | COST_BITS[kind]
    rows = Service.objects.filter(pk__in=among, status=Service.Status.ACTIVE).values_list(
        _text("id"),
        _text("network_id"),
        "name",
        "alternate_name",
        "description",
        "application_process",
        "eligibility_description",
        "fees_description",
        "translations",
        "organization__name",
        "organization__alternate_name",
        "minimum_age_months",
        "maximum_age_months",
    )
    networks: dict[str, uuid.UUID] = {}
    for (
        service_id,
        network_id,
        name,
        alternate,
        description,
        application,
        eligibility,
        fees,
        translations,
        organization,
        organization_alternate,
        low,
        high,
    ) in rows:
        texts = {
            "name": " ".join(
                _with_translations(name, translations, "name")
                + _with_translations(alternate, translations, "alternate_name")
            ),
            "terms": " ".join(terms.get(service_id, [])),
            "org": f"{organization} {organization_alternate}",
            "body": " ".join(
                _with_translations(description, translations, "description")
                + _with_translations(application, translations, "application_process")
                + _with_translations(eligibility, translations, "eligibility_description")
                + [fees or "", *names.get(service_id, []), *cities.get(service_id, [])]
            ),
        }
        facts = {"min_age_months": low, "max_age_months": high, "cost_kinds": costs.get(service_id)}
        places = sorted(place_words[service_id]) if service_id in located else [PLACE_EVERYWHERE]
        words = [*places, *age_words(low, high), *cost_words(facts["cost_kinds"])]
        if network_id not in networks:
            networks[network_id] = uuid.UUID(network_id)
        yield _Read(uuid.UUID(service_id), networks[network_id], texts, facts, " ".join(words))


SERVICE_TEXTS = ("name", "alternate_name", "description", "application_process", "eligibility_description")


def _all_texts(services) -> Iterator[str]:
    """Every text `_texts` reads for these services, without saying whose: the services' own texts streamed in
    one query, and each organisation, life domain and place once (a third of the time of reading them per
    service)."""
    rows = services.order_by().values_list(*SERVICE_TEXTS, "fees_description", "translations")
    for *own, fees, translations in rows.iterator(chunk_size=BATCH):
        yield from own
        yield fees or ""
        for values in (translations or {}).values():
            yield from (values.get(name) or "" for name in SERVICE_TEXTS)
    yield from (
        name or ""
        for pair in services.order_by()
        .values_list("organization__name", "organization__alternate_name")
        .distinct()
        for name in pair
    )
    linked = Attribute.objects.filter(service__in=services).values("taxonomy_term_id")
    for name, translations in TaxonomyTerm.objects.filter(pk__in=linked).values_list("name", "translations"):
        yield from _with_translations(name, translations, "name")
    places = ServiceAtLocation.objects.filter(service__in=services).order_by()
    for location, area in places.values_list("location__name", "location__area__name").distinct():
        yield location or ""
        yield area or ""
    yield from (city or "" for city in places.values_list("location__addresses__city", flat=True).distinct())


class _Analyser:
    """Analyses each distinct word once per run (a directory repeats its words a lot)."""

    def __init__(self, splitting: frozenset[str]) -> None:
        self.splitting = splitting
        self.memo: dict[str, list[str]] = {}
        self.term_words: dict[str, list[str]] = {}  # the life-domain texts repeat from document to document

    def tokens(self, words: list[str]) -> str:
        out = []
        for word in words:
            tokens = self.memo.get(word)
            if tokens is None:
                tokens = self.memo[word] = analyse_word(word, self.splitting)
            out.extend(tokens)
        return " ".join(out)

    def document(self, network_id, texts: dict[str, str]) -> tuple[dict, set[str]]:
        words = {field: content_words(text) for field, text in texts.items() if field != "terms"}
        terms = texts["terms"]
        if terms not in self.term_words:
            self.term_words[terms] = content_words(terms)
        words["terms"] = self.term_words[terms]
        surface = {w for field_words in words.values() for w in field_words if len(w) <= 100}
        return (
            {
                "network_id": network_id,
                "name_tokens": self.tokens(words["name"]),
                "term_tokens": self.tokens(words["terms"]),
                "org_tokens": self.tokens(words["org"]),
                "body_tokens": self.tokens(words["body"]),
                "words": " ".join(sorted(surface)),
            },
            surface,
        )


# --- writing -------------------------------------------------------------------------------------------------


def _apply_word_counts(delta: Counter[str]) -> None:
    if not delta:
        return
    existing = {w.word: w for w in SearchWord.objects.filter(word__in=list(delta))}
    changed, created = [], []
    for word, change in delta.items():
        if not change:
            continue
        if word in existing:
            row = existing[word]
            row.document_count = max(0, row.document_count + change)
            changed.append(row)
        elif change > 0:
            created.append(SearchWord(word=word, document_count=change))
    SearchWord.objects.bulk_update(changed, ["document_count"], batch_size=BATCH)
    SearchWord.objects.bulk_create(created, batch_size=BATCH, ignore_conflicts=True)
    _vocabulary_changed()


@transaction.atomic
def index_services(
    service_ids: Iterable,
    *,
    analyser: _Analyser | None = None,
    count_words: bool = True,
    changes: "_Changes | None" = None,
) -> int:
    """(Re)index these services now; inactive or deleted ones leave the index. Returns how many are indexed."""
    ids = list(dict.fromkeys(service_ids))
    if not ids:
        return 0
    analyser = analyser or _Analyser(vocabulary().splitting)
    existing = {d.service_id: d for d in SearchDocument.objects.filter(service_id__in=_among(ids))}
    delta: Counter[str] = Counter()
    indexed, to_create, to_update = set(), [], []
    networks = {d.network_id for d in existing.values()}
    for read in _read(ids):
        service_id, network_id = read.service_id, read.network_id
        values, words = analyser.document(network_id, read.texts)
        values.update(read.facts)
        # The filter words go into the fields a search asks for on their own (and so into the whole document).
        for column in ("name_tokens", "term_tokens"):
            values[column] = f"{values[column]} {read.filter_words}".strip()
        networks.add(network_id)
        doc = existing.get(service_id)
        if count_words:  # (a rebuild counts every word afresh at the end)
            old_words = set(doc.words.split()) if doc else set()
            delta.update(dict.fromkeys(words - old_words, 1))
            delta.subtract(dict.fromkeys(old_words - words, 1))
        indexed.add(service_id)
        if doc is None:
            to_create.append({"service_id": service_id, **values})
        elif any(getattr(doc, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(doc, key, value)
            to_update.append(doc)
    gone = [doc for service_id, doc in existing.items() if service_id not in indexed]
    for doc in gone:
        delta.subtract(dict.fromkeys(doc.words.split(), 1))
    SearchDocument.objects.filter(pk__in=[d.pk for d in gone]).delete()
    _insert_documents(to_create)
    _update_documents(to_update)
    if changes is not None:
        changes.created += len(to_create)
        changes.updated += len(to_update) + len(gone)
    if count_words:
        _apply_word_counts(Counter({word: change for word, change in delta.items() if change}))
    # Cached search results of these networks are now out of date.
    for network_id in networks:
        bump_network_version(network_id)
    return len(indexed)


def _insert_documents(rows: list[dict]) -> None:
    """INSERT new documents in one executemany per batch: bulk_create's SQL compiler spent a quarter of a
    rebuild preparing value after value (an import of 10,000 services). PostgreSQL takes them by COPY, SQLite
    indexes a large batch in one statement (see _insert_sqlite_bulk)."""
    if not rows:
        return
    fields = [f for f in SearchDocument._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(SearchDocument._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # noqa: S608 (quoted names)
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    now = timezone.now()
    plain = (str, int)
    params = [
        [
            value if value is None or type(value) in plain else field.get_db_prep_save(value, connection)
            for field, value in ((f, now if f.attname == "updated_at" else row[f.attname]) for f in fields)
        ]
        for row in rows
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY takes the rows in one stream (100,000 new documents: 16.5 s, against 24.5 s for executemany).
            columns = ", ".join(quote(f.column) for f in fields)
            with cursor.cursor.copy(
                f"COPY {quote(SearchDocument._meta.db_table)} ({columns}) FROM STDIN"  # quoted names
            ) as copy:
                for row in params:
                    copy.write_row(row)
            return
        for start in range(0, len(params), BATCH):
            batch = params[start : start + BATCH]
            if len(batch) >= FTS_BULK_FROM:
                _insert_sqlite_bulk(cursor, sql, batch)
            else:
                cursor.executemany(sql, batch)


# New documents from this many on (SQLite) reach the FTS5 index in one statement after they are inserted, not
# one trigger call each: 100,000 documents 11.5 s -> 4.7 s, a sixth of a first import's time.
FTS_BULK_FROM = 200
FTS_COLUMNS = "network_id, name_tokens, term_tokens, org_tokens, body_tokens"  # (search_fts, migration 0002)


def _insert_sqlite_bulk(cursor, sql: str, params: list[list]) -> None:
    """Insert documents with the FTS5 insert trigger set aside, then index them in one INSERT ... SELECT, and
    put the trigger back exactly as it was (its text as SQLite keeps it). All of it inside the caller's
    transaction: SQLite's schema changes are transactional, so a failure or a killed process leaves the trigger
    in place; other connections see the change only at the commit, when the trigger is back."""
    cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_fts_insert'")
    trigger = cursor.fetchone()
    if trigger is None:  # (no trigger to set aside: the table is not what migration 0002 made)
        cursor.executemany(sql, params)
        return
    cursor.execute("SELECT coalesce(max(id), 0) FROM search_searchdocument")
    (last,) = cursor.fetchone()  # ids only grow, and SQLite lets one writer in at a time
    cursor.execute("DROP TRIGGER search_fts_insert")
    cursor.executemany(sql, params)
    cursor.execute(
        f"INSERT INTO search_fts(rowid, {FTS_COLUMNS}) "  # noqa: S608 (constant names)
        f"SELECT id, {FTS_COLUMNS} FROM search_searchdocument WHERE id > %s",
        [last],
    )
    cursor.execute(trigger[0])


def _update_documents(docs: list[SearchDocument]) -> None:
    """UPDATE changed documents in one executemany per batch (the full-text triggers run per row as before)."""
    if not docs:
        return
    fields = [
        f for f in SearchDocument._meta.concrete_fields if not f.primary_key and f.attname != "service_id"
    ]
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(SearchDocument._meta.db_table)} SET "  # noqa: S608 (quoted names)
        f"{', '.join(f'{quote(f.column)} = %s' for f in fields)} WHERE {quote('id')} = %s"
    )
    now = timezone.now()
    params = [
        [
            f.get_db_prep_save(now if f.attname == "updated_at" else getattr(doc, f.attname), connection)
            for f in fields
        ]
        + [doc.pk]
        for doc in docs
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(params), BATCH):
            cursor.executemany(sql, params[start : start + BATCH])


# Where a service is, as words of its name and term fields (never counted, suggested or marked: no visitor types
# them): "zzpl<area>" for each of its locations' areas, "zzpc<area>" for each area it serves, and "zzpeverywhere"
# when it has neither a location nor an area it serves. An area filter asks for any of the area's words together
# with the question's words, so the full-text index checks both at once (an EXISTS per row made PostgreSQL read
# thousands of documents for a question whose words are common).
PLACE_EVERYWHERE = "zzpeverywhere"


def place_token(kind: str, area_id: uuid.UUID | str) -> str:
    """A place word: `kind` "l" for a location's area, "c" for an area served. The area's id as a UUID or as
    the text a query reads (PostgreSQL's with hyphens)."""
    return f"zzp{kind}{area_id.hex if type(area_id) is uuid.UUID else area_id.replace('-', '')}"


# Ages and kinds of price as words too, beside the place words: "zza<year>" for every year of life a service is
# for ("zzap" the pregnancy, "zza25" 25 and older), "zzaall" for a service without age limits, "zzk<kind>" for
# each kind of price it has. An age or price filter asks SQLite's FTS5 for them with the question's words, so the
# index passes over the documents that cannot pass the filter. Checked per document instead, each match was read
# from the documents' table (its filter columns come after the long token texts): a word in thousands of
# documents, few of them for the age asked, took 80 to 130 ms at 100,000 services. A year is coarser than the
# filter (months), so the exact check follows on what the words let through.
AGE_ALL = "zzaall"
LAST_AGE_YEAR = 25


def _age_year(months: int) -> int:
    return -1 if months < 0 else min(months // 12, LAST_AGE_YEAR)


def _age_word(year: int) -> str:
    return "zzap" if year < 0 else f"zza{year}"


def age_words(minimum: int | None, maximum: int | None) -> list[str]:
    """A service's age words, from its minimum (inclusive) and maximum (exclusive) in months (AGE_RULE)."""
    if minimum is None and maximum is None:
        return [AGE_ALL]
    first = minimum if minimum is not None else PREGNANCY_START_MONTHS
    last = maximum - 1 if maximum is not None else 10**4
    return [_age_word(year) for year in range(_age_year(first), _age_year(last) + 1)] if first <= last else []


def age_filter_words(low: int, high: int) -> list[str]:
    """The words of which a service for some month of [low, high] (both inclusive) has at least one."""
    return [AGE_ALL, *(_age_word(year) for year in range(_age_year(low), _age_year(high) + 1))]


def cost_words(kinds: int | None) -> list[str]:
    """A service's price words, from the bits of COST_BITS (none when no price is known)."""
    return [f"zzk{kind}" for kind, bit in COST_BITS.items() if (kinds or 0) & bit]


_pending = threading.local()


def schedule(service_ids: Iterable[uuid.UUID]) -> None:
    """Index these services when the current transaction commits (at once outside a transaction).

    Ids gather in one set per thread; the first commit callback indexes them all and the rest find nothing
    left, so a transaction that saves a thousand rows indexes each service once.
    """
    ids = set(service_ids)
    if not ids:
        return
    if not transaction.get_connection().in_atomic_block:
        index_services(ids)
        return
    _pending.__dict__.setdefault("ids", set()).update(ids)
    transaction.on_commit(_flush)


def _flush() -> None:
    ids = _pending.__dict__.pop("ids", set())
    if ids:
        index_services(ids)


def forget_services(service_ids: Iterable) -> None:
    """Take services out of the index before they are deleted, keeping the word counts right."""
    docs = list(SearchDocument.objects.filter(service_id__in=list(service_ids)))
    delta: Counter[str] = Counter()
    for doc in docs:
        delta.subtract(dict.fromkeys(doc.words.split(), 1))
    SearchDocument.objects.filter(pk__in=[d.pk for d in docs]).delete()
    _apply_word_counts(Counter({word: change for word, change in delta.items() if change}))


# A rebuild that rewrites more than this share of the documents rebuilds PostgreSQL's indexes afterwards.
REBUILD_INDEXES_FROM = 0.2


def reindex(*, network=None, progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Rebuild the index (for `hvhk reindex`), in batches, reporting progress: every document is analysed again
    and written when it differs, documents of services no longer active leave, and the word counts are counted
    afresh. An unchanged network is read, not rewritten (no dead rows, nothing for PostgreSQL to clean up)."""
    services = Service.objects.filter(status=Service.Status.ACTIVE)
    docs = SearchDocument.objects.all()
    if network is not None:
        services, docs = services.filter(network=network), docs.filter(network=network)
    ids = list(services.order_by("pk").values_list("id", flat=True))
    with transaction.atomic():
        before = docs.count()
        _defer_gin_upkeep()
        removed, _per_model = docs.exclude(service_id__in=services.values("pk")).delete()
        changed = _Changes()
        # Every document's words first, so compounds split the same in the first and the last document.
        splitting = (
            set(SearchWord.objects.filter(document_count__gt=0).values_list("word", flat=True)) | LEXICON
        )
        texts: list[str] = []
        for text in _all_texts(services):
            texts.append(text)
            if len(texts) == BATCH * 8:  # (one call for many texts: a third of the time of one call each)
                splitting.update(content_words(" ".join(texts)))
                texts.clear()
        splitting.update(content_words(" ".join(texts)))
        analyser = _Analyser(frozenset(splitting))
        done = 0
        for start in range(0, len(ids), BATCH):
            done += index_services(
                ids[start : start + BATCH], analyser=analyser, count_words=False, changes=changed
            )
            if progress:
                progress(done, len(ids))
        _recount_words()
    rewritten = removed + changed.updated
    _refresh_planner_statistics(rebuild=rewritten > REBUILD_INDEXES_FROM * max(before, 1))
    return {"indexed": done, "words": SearchWord.objects.count()}


@dataclass
class _Changes:
    """What a rebuild wrote: updated documents leave dead rows and GIN entries behind, new ones do not."""

    created: int = 0
    updated: int = 0


def _defer_gin_upkeep() -> None:
    """Inside a rebuild's transaction on PostgreSQL: new GIN entries wait in the index's pending list until the
    rebuild is done (merged once at the end, or left behind by a rebuild of the index) instead of being merged
    every 4 MB."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL gin_pending_list_limit = '512MB'")


def _refresh_planner_statistics(*, rebuild: bool = True) -> None:
    """After a rebuild, tell the database how its tables look, so it keeps choosing the right indexes."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("SET maintenance_work_mem = '256MB'")
            if rebuild:
                # A rebuild that rewrote most documents leaves the table with as many dead rows as live ones and
                # the GIN indexes at two and a half times their size (at 100,000 services p95 11 -> 33 ms).
                # Rebuilt beside the old ones (searches go on meanwhile) and vacuumed, they are as new.
                cursor.execute("REINDEX TABLE CONCURRENTLY search_searchdocument")
            # (VACUUM also merges what waits in the GIN indexes' pending lists.)
            cursor.execute("VACUUM (ANALYZE) search_searchdocument")
            cursor.execute("RESET maintenance_work_mem")
            return
        if connection.vendor == "postgresql":
            # New entries of a GIN index wait in a list every search reads from start to end (at 100,000
            # services a rebuild left 3,500 there, 2 to 10 ms a query); merged into the index, they cost nothing.
            for index in GIN_INDEXES:
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
            cursor.execute("ANALYZE")
            return
        _analyze_sqlite(cursor)


def _analyze_sqlite(cursor) -> None:
    """ANALYZE every table but the FTS5 index's own. Statistics of those, taken while the index was small (a
    small network's rebuild, then a large import), made FTS5's lookups in them slower with every batch of new
    documents: a rebuild of 100,000 services had written 4,500 after a minute, where without them it takes
    45 s. Without statistics SQLite takes them to be large, which they are or will be."""
    cursor.execute(
        r"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'"
        r" AND name NOT LIKE 'search\_fts%' ESCAPE '\'"
    )
    for (table,) in cursor.fetchall():
        cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    cursor.execute(
        r"DELETE FROM sqlite_stat1 WHERE tbl LIKE 'search\_fts%' ESCAPE '\'"
    )  # (an older ANALYZE's)


def _recount_words() -> None:
    """Set every word's document count from the documents themselves (after a rebuild)."""
    counts: Counter[str] = Counter()
    for words in SearchDocument.objects.values_list("words", flat=True).iterator(chunk_size=BATCH):
        counts.update(words.split())
    SearchWord.objects.all().delete()
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, document_count=count) for word, count in counts.items()], batch_size=BATCH
    )
    _vocabulary_changed()


# --- durability: a mark in the data's own transaction, cleared once the index has caught up ---------------------

FULL_REBUILD_FROM = 5000  # changed services beyond which rebuilding the network's index is quicker
_marks = threading.local()


def mark_stale(*, network_id) -> None:
    """Inside the transaction that changes the data: the network's index owes work. The mark and the worker's
    repair task commit with the data, or vanish with it."""
    token = uuid.uuid4()
    StaleIndex.objects.update_or_create(
        network_id=network_id, defaults={"marked_at": timezone.now(), "token": token}
    )
    _marks.__dict__.setdefault("tokens", {})[network_id] = token
    _enqueue_repair(network_id)


def catch_up(*, network: Network, service_ids: set) -> int:
    """After the commit: index the changed services and clear this transaction's mark. The mark is held while
    indexing, so a repair task that comes early skips it and tries again later."""
    token = _marks.__dict__.get("tokens", {}).pop(network.pk, None)
    with transaction.atomic():
        mark = StaleIndex.objects.select_for_update().filter(network_id=network.pk, token=token).first()
        if len(service_ids) > FULL_REBUILD_FROM:
            indexed = reindex(network=network)["indexed"]
        else:
            indexed = index_services(service_ids)
        if mark is not None:  # (None: a repair or a later import has taken it over)
            mark.delete()
    return indexed


def repair_stale(*, network_id=None) -> int:
    """Rebuild the index of every network marked stale (or of one); returns how many services it indexed. A mark
    that an import holds while it indexes is left to that import, and looked at again later."""
    marks = StaleIndex.objects.all()
    if network_id is not None:
        marks = marks.filter(network_id=network_id)
    indexed = 0
    for stale_id in list(marks.values_list("network_id", flat=True)):
        with transaction.atomic():
            mark = StaleIndex.objects.select_for_update(skip_locked=True).filter(network_id=stale_id).first()
            if mark is None:
                if StaleIndex.objects.filter(network_id=stale_id).exists():
                    _enqueue_repair(stale_id)  # still being indexed: if that process dies, we come back
                continue
            indexed += reindex(network=Network.objects.get(pk=stale_id))["indexed"]
            mark.delete()
    return indexed


def _enqueue_repair(network_id) -> None:
    from hvhk.search.tasks import repair_search_index  # (tasks imports this module)

    task = repair_search_index
    if not task.get_backend().supports_defer:
        return  # the immediate backend (tests) would repair inside the import's own transaction
    delay = timedelta(seconds=settings.SEARCH_REPAIR_DELAY_S)
    task.using(run_after=timezone.now() + delay).enqueue(str(network_id))


def health() -> dict:
    """For /healthz: whether some network's index owes work, and since when."""
    stale = list(StaleIndex.objects.order_by("marked_at").values_list("network__slug", "marked_at"))
    if not stale:
        return {"status": "ok"}
    return {"status": "stale", "networks": [slug for slug, _at in stale], "since": stale[0][1].isoformat()}
