"""Finding services by the words a family types, in any of the five languages.

A query becomes concepts: a phrase that names a concept of the multilingual vocabulary (hvhk.search.concepts:
"breastfeeding", "aide aux devoirs", "مساعدة في الواجبات المدرسية"), or else one meaningful word. Each concept has
alternatives with a quality: the word's own stem (1.0), the vocabulary concept's Dutch words (0.95 when the question
is Dutch, 0.9 from another language), the Dutch words of its broader concepts (where a family with that need is
sent: 0.6 of those), a synonym (0.9), a compound part (0.7), a close spelling of an unknown Dutch word (0.8 or
0.6), and a weight: a word that names no need ("hulp", "help", "aide") weighs little; the same vocabulary concept
twice in a question ("mijn zoon … andere kinderen") counts once. The
database's full-text index (SQLite FTS5 or PostgreSQL GIN) finds the documents with any alternative; they are
then scored here, the same way on both databases: per concept the best alternative, weighted by field (name >
life domain and target group > organisation > text) and by how rare the word is, times the share of concepts
found (a service matching every word beats one matching a single word many times; a concept found only by a
broader concept's word counts as three quarters found, one found only by a weak alternative in proportion to its
quality). A Dutch verb split from its particle is read as one word ("wie past er op" -> "oppas").
"""

import math
import re
import time
import uuid
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.db import connections, router, transaction
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from hvhk.core.lib.versions import network_version
from hvhk.core.models import Network
from hvhk.directory.models import Service
from hvhk.search.analysis import PART_MARK, analyse_word, content_words, part_token, split_compound, stem
from hvhk.search.concepts import Match, concept_index, content_words_in, question_language
from hvhk.search.indexing import age_filter_words, cost_words, vocabulary
from hvhk.search.models import COST_BITS, SearchDocument, Synonym

FIELDS = ("name_tokens", "term_tokens", "org_tokens", "body_tokens")
FIELD_WEIGHTS = {"name_tokens": 4.0, "term_tokens": 2.0, "org_tokens": 1.0, "body_tokens": 1.5}
RETRIEVE_LIMIT = 150  # documents the database hands over for scoring
# A token is common (see _tier_queries) in more documents than this share of all and than COMMON_MINIMUM: below
# that, asking for it costs nothing worth saving.
COMMON_SHARE = 0.05
COMMON_MINIMUM = 5000
ANY_WORD_BUDGET = 8000  # documents the any-word tiers may ask a large index for (see _within_budget)
# Results scoring below this share of the best one are noise ("opvang" for "crèche"); for a question of several
# needs the share is scaled by what the share of concepts found leaves of one need (_Scorer.one_need_share).
RELATIVE_CUTOFF = 0.05
MAX_CONCEPTS = 8  # a long text is searched by its first meaningful words
NEED_WEIGHT = 0.5  # concepts weighing less name no need: retrieval does not require them
SYNONYM_CACHE_SECONDS = 60
BROADER_QUALITY = 0.6  # a broader concept's words, against the need's own (vocabulary concepts' `broader`)
# An alternative of at least this quality finds its concept wholly; a weaker one (a part of a known compound,
# 0.25) finds it in proportion, so it counts for less in the share of concepts found ("kinder" in "kinderkleren").
FULL_QUALITY = 0.6
BROADER_FOUND = 0.75  # how much a concept counts as found when only a broader concept's word is in a document
# What may go into a full-text query: letters of any script (a partner's Arabic translation is indexed as written)
# and the digits 0-9; never quotes, operators or brackets of the FTS5 or tsquery syntax.
SAFE_TOKEN = re.compile(r"^(?:[^\W\d_]|[0-9])+$")


Phrase = tuple[str, ...]  # tokens that must all occur (one word, or a phrase like "eerste hulp")


@dataclass
class Concept:
    word: str
    alternatives: dict[Phrase, float] = field(default_factory=dict)  # phrase -> quality
    weight: float = 1.0  # below 1: a word that names no need ("hulp")
    broader: set[Phrase] = field(default_factory=set)  # alternatives only a broader concept brought

    def add(self, phrase: Phrase | str, quality: float, *, broader: bool = False) -> None:
        phrase = (phrase,) if isinstance(phrase, str) else tuple(phrase)
        if (
            phrase
            and all(SAFE_TOKEN.match(t) for t in phrase)
            and quality > self.alternatives.get(phrase, 0.0)
        ):
            self.alternatives[phrase] = quality
            if broader:
                self.broader.add(phrase)
            else:
                self.broader.discard(phrase)


@dataclass
class QueryPlan:
    concepts: list[Concept]
    language: str = "nl"  # the language the question was read in

    @property
    def tokens(self) -> list[str]:
        return sorted({t for c in self.concepts for phrase in c.alternatives for t in phrase})


# --- synonyms ----------------------------------------------------------------------------------------------

_synonyms: dict[uuid.UUID, tuple[float, str, list[list[list[str]]]]] = {}


def _synonym_groups(network: Network) -> list[list[list[str]]]:
    """The network's synonym groups, each a list of analysed phrases (a phrase is a list of tokens)."""
    version = network_version(network.pk)
    cached = _synonyms.get(network.pk)
    if cached and cached[1] == version and time.monotonic() - cached[0] < SYNONYM_CACHE_SECONDS:
        return cached[2]
    groups = []
    for row in Synonym.objects.for_network(network).filter(is_active=True):
        # Whole words only: the parts of "taalcafé" are not synonyms of "Nederlands leren".
        phrases = [[stem(w) for w in content_words(term)] for term in row.term_list]
        phrases = [p for p in phrases if p]
        if len(phrases) > 1:
            groups.append(phrases)
    _synonyms[network.pk] = (time.monotonic(), version, groups)
    return groups


# --- typos -------------------------------------------------------------------------------------------------


def _close_words(word: str, vocab) -> list[tuple[str, int]]:
    """Known words within 1 (short words) or 2 (long words) edits, most frequent first; only words of about the
    same length with the same first letter are compared (at 100,000 services the word list is long)."""
    if len(word) < 4:
        return []
    limit = 1 if len(word) < 8 else 2
    groups = vocab.by_start_and_length
    pool = [
        w for size in range(len(word) - limit, len(word) + limit + 1) for w in groups.get((word[0], size), ())
    ]
    found = process.extract(word, pool, scorer=Levenshtein.distance, score_cutoff=limit, limit=12)
    counts = vocab.word_counts
    ranked = sorted(((w, d) for w, d, _i in found), key=lambda item: (item[1], -counts.get(item[0], 0)))
    return ranked[:3]


# --- planning ----------------------------------------------------------------------------------------------


def _add_word(
    concept: Concept, word: str, quality: float, splitting: frozenset[str], part_quality: float
) -> None:
    """A word's own stem, the same stem inside a compound of a document, and the word's own compound parts."""
    for token in analyse_word(word, splitting):
        if token.startswith(PART_MARK):
            concept.add(token[len(PART_MARK) :], quality * part_quality)
            concept.add(token, quality * part_quality * 0.8)
        else:
            concept.add(token, quality)
            concept.add(part_token(token), quality * 0.6)


def _vocabulary_concept(
    match: Match, content: list[str], splitting: frozenset[str], language: str
) -> Concept:
    """A phrase of the question that names vocabulary concepts: the words as typed (a partner's translation may
    have them) and every Dutch word of the concepts (the offering's)."""
    typed = content[match.start : match.end]
    concept = Concept(" ".join(typed), weight=min(e.weight for e in match.concepts))
    if len(typed) == 1:
        _add_word(concept, typed[0], 1.0, splitting, 0.25)
    else:
        concept.add(tuple(stem(w) for w in typed), 1.0)
    quality = 0.95 if match.language == "nl" and language == "nl" else 0.9
    index = concept_index()
    for entry in match.concepts:
        _add_dutch(concept, entry, quality)
    # Where a family with this need is sent ("bijten" -> parenting support): after every word of the need itself.
    for entry in match.concepts:
        for wider in index.broader(entry):
            _add_dutch(concept, wider, quality * BROADER_QUALITY, broader=True)
    return concept


_dutch_stems: dict[
    tuple[str, ...], list[Phrase]
] = {}  # a concept's Dutch words: their stems, once per process


def _add_dutch(concept: Concept, entry, quality: float, *, broader: bool = False) -> None:
    phrases = _dutch_stems.get(entry.dutch)
    if phrases is None:
        phrases = [tuple(stem(w) for w in content_words(p)) for p in entry.dutch]
        phrases = _dutch_stems[entry.dutch] = [p for p in phrases if p]
    for phrase in phrases:
        if len(phrase) == 1:
            # The word itself, also inside a document's compound; not the word's own parts: "hulp" in
            # "schuldhulp" would bring every "Hulp bij …" service.
            concept.add(phrase[0], quality, broader=broader)
            concept.add(part_token(phrase[0]), quality * 0.6, broader=broader)
        else:
            concept.add(phrase, quality, broader=broader)


def _word_concept(word: str, vocab, splitting: frozenset[str], language: str) -> Concept:
    """A word the vocabulary does not know: its own stem and parts, and for a Dutch question a close spelling of
    an unknown word (a French or Turkish word is not a misspelt Dutch one)."""
    concept = Concept(word)
    known = word in vocab.words or stem(word) in vocab.stem_counts
    # Parts of a known compound say less than the compound itself ("huiswerk" is not about "werk").
    _add_word(concept, word, 1.0, splitting, 0.25 if known else 0.7)
    if not known and language == "nl":
        for close, distance in _close_words(word, vocab):
            _add_word(concept, close, 0.8 if distance == 1 else 0.6, splitting, 0.5)
    return concept


_group_index: dict[
    int, tuple[list, dict[str, list[int]]]
] = {}  # id(groups): (groups, one-word phrase: groups)


def _groups_with(groups: list[list[list[str]]], words) -> list[list[list[str]]]:
    """The groups (in their order) that have one of `words` as a one-word phrase, looked up in an index made
    once per list of groups."""
    kept = _group_index.get(id(groups))
    if kept is None or kept[0] is not groups:
        index: dict[str, list[int]] = {}
        for number, group in enumerate(groups):
            for phrase in group:
                if len(phrase) == 1:
                    index.setdefault(phrase[0], []).append(number)
        _group_index.clear()  # one network's list at a time is enough: it is a cheap index
        kept = _group_index[id(groups)] = (groups, index)
    index = kept[1]
    return [groups[n] for n in sorted({n for w in words for n in index.get(w, ())})]


def _add_synonyms(concept: Concept, groups: list[list[list[str]]]) -> None:
    """The network's synonyms of what the words themselves mean (not of a part or a far-fetched spelling)."""
    strong = {phrase[0]: q for phrase, q in concept.alternatives.items() if q >= 0.8 and len(phrase) == 1}
    for group in _groups_with(groups, strong):
        source = max((strong[p[0]] for p in group if len(p) == 1 and p[0] in strong), default=0.0)
        if source:
            for phrase in group:
                concept.add(phrase, source * 0.9)
                if len(phrase) == 1:
                    concept.add(part_token(phrase[0]), source * 0.5)


def plan_query(network: Network, text: str, *, language: str = "nl") -> QueryPlan:
    """The concepts of a question; `language` is the visitor's (it decides a question that could be either)."""
    vocab = vocabulary()
    splitting = vocab.splitting
    groups = _synonym_groups(network)
    read_as = question_language(text, prefer=language)
    index = concept_index()
    content = content_words_in(
        text, read_as, known=lambda w: w in vocab.words or bool(index.find([w])), limit=MAX_CONCEPTS * 2
    )
    matches = {m.start: m for m in index.find(content, prefer=read_as)}
    concepts, position, named = [], 0, set()
    while position < len(content) and len(concepts) < MAX_CONCEPTS:
        match = matches.get(position)
        if match is not None:
            position = match.end
            ids = frozenset(e.id for e in match.concepts)
            if ids in named:
                continue  # "mijn zoon … andere kinderen": the same concept again does not weigh twice
            named.add(ids)
            concept = _vocabulary_concept(match, content, splitting, read_as)
        else:
            concept = _word_concept(content[position], vocab, splitting, read_as)
            position += 1
        _add_synonyms(concept, groups)
        if concept.alternatives:
            concepts.append(concept)
    _join_multiword_synonyms(concepts, groups)
    return QueryPlan(concepts, read_as)


PLANS_KEPT = 256
_plans: dict[tuple, tuple[float, QueryPlan]] = {}


def planned_query(network: Network, text: str, *, language: str = "nl") -> QueryPlan:
    """`plan_query`, remembered in this process for the same words, language, word list and network data (the
    results page plans a question once to rank it and once more to mark the matched words). Callers must not
    change the plan."""
    vocab = vocabulary()
    key = (network.pk, network_version(network.pk), vocab.version, vocab.loaded_at, text, language)
    kept = _plans.get(key)
    # As long as the synonyms are trusted: without a shared cache another process's edit shows only then.
    if kept is not None and time.monotonic() - kept[0] < SYNONYM_CACHE_SECONDS:
        return kept[1]
    plan = plan_query(network, text, language=language)
    if len(_plans) >= PLANS_KEPT:
        _plans.pop(next(iter(_plans)))  # the oldest
    _plans[key] = (time.monotonic(), plan)
    return plan


def _join_multiword_synonyms(concepts: list[Concept], groups: list[list[list[str]]]) -> None:
    """ "nederlands leren" in a query means "taalcafé" too: every word of the phrase accepts the group."""
    stems = [stem(c.word) for c in concepts]
    for group in groups:
        for phrase in group:
            if len(phrase) < 2:
                continue
            for start in range(len(stems) - len(phrase) + 1):
                if stems[start : start + len(phrase)] == phrase:
                    for concept in concepts[start : start + len(phrase)]:
                        for other in group:
                            concept.add(other, 0.9)


# --- retrieval ---------------------------------------------------------------------------------------------

# Retrieval fills up to RETRIEVE_LIMIT documents tier by tier, best tier first, without asking the database to
# rank: ranking every match of a common word ("ouders" is in most documents) costs more than the whole page.
# Within a tier the database stops as soon as enough rows are found. Python then scores what was retrieved.
TIERS = (
    ("all concepts, any field", None),  # (and "all concepts, in the name": see _tier_queries)
    ("any word, in the name", ("name_tokens",)),
    ("any word, life domain or target group", ("term_tokens",)),
    ("any word, anywhere", None),
)


def _fts_group(phrases: list[Phrase]) -> str:
    return "(" + " OR ".join(" ".join(f'"{t}"' for t in phrase) for phrase in phrases) + ")"


def _ts_group(phrases: list[Phrase]) -> str:
    return "(" + " | ".join(" & ".join(phrase) for phrase in phrases) + ")"


# PostgreSQL keeps a GIN-indexed vector per searched field besides the one of the whole document.
PG_VECTORS = {None: "d.vector", ("name_tokens",): "d.name_vector", ("term_tokens",): "d.term_vector"}


def _tier_queries(
    plan: QueryPlan,
    *,
    small: bool = False,
    common: frozenset[str] = frozenset(),
    counts: dict[str, int] | None = None,
) -> list[tuple[str, str, tuple[str, ...] | None]]:
    """(FTS5 match, tsquery, columns) per tier; tier 1 only when there is more than one concept. In a `small`
    network (no more documents than RETRIEVE_LIMIT) the last tier alone finds every match: one query.

    The "any word" tiers leave out the phrases whose every token is `common` (in more than COMMON_SHARE of all
    documents: "kind", "klein"), as long as another phrase is left: they hand over the first RETRIEVE_LIMIT of
    tens of thousands of documents in no useful order, and building that list took PostgreSQL 35 ms of a 53 ms
    search at 100,000 services. A document with such a word and a rarer one of the question is still found.

    With `counts` (the word list's document counts; PostgreSQL, whose GIN index lists every match before the
    first is read) the any-word tiers also keep to ANY_WORD_BUDGET (see _within_budget), and tier 1 leaves the
    common words out of a need that has rarer ones, with a tier 1b that asks for them in the name only. SQLite's
    FTS5 hands over matches as it finds them and stops at the LIMIT: there more words fill the tiers sooner (at
    100,000 services the same changes doubled its p95 without filters, 8 -> 17 ms).

    Tier 1 asks for each need by its own words, not by its broader concepts' (those are the common words of
    where families are sent, "opvoeding", "kind en gezin"): at 100,000 services they made PostgreSQL's index
    check every document with any of them against the whole query (p95 9 -> 19 ms). The later tiers, which find
    a service by any word, still ask for them."""
    every = [phrase for c in plan.concepts for phrase in c.alternatives]
    if small:
        return [(_fts_group(every), _ts_group(every), None)]
    concepts = [
        [p for p in c.alternatives if p not in c.broader] for c in plan.concepts if c.weight >= NEED_WEIGHT
    ]
    concepts = [group for group in concepts if group] or [
        [p for p in c.alternatives if p not in c.broader] or list(c.alternatives) for c in plan.concepts
    ]
    queries = []
    if len(concepts) > 1 and counts is not None:
        # Each need by its rarer words, as long as it has some: "geld voor schoolreis" asked with "geld" and
        # "school" (each in a third of the documents at 100,000 services) made PostgreSQL's index list all 16,550
        # documents with both before handing over 150 of them in no useful order (39 ms). A service that has the
        # common words in its name ("Geld voor school") is asked for next, in the short name field.
        rarer = [[p for p in group if not common.issuperset(p)] or group for group in concepts]
        queries.append(
            (" AND ".join(_fts_group(a) for a in rarer), " & ".join(_ts_group(a) for a in rarer), None)
        )
        if rarer != concepts:
            queries.append(
                (
                    " AND ".join(_fts_group(a) for a in concepts),
                    " & ".join(_ts_group(a) for a in concepts),
                    ("name_tokens",),
                )
            )
    elif len(concepts) > 1:
        queries.append(
            (" AND ".join(_fts_group(a) for a in concepts), " & ".join(_ts_group(a) for a in concepts), None)
        )
    rare = [phrase for phrase in every if not common.issuperset(phrase)] or every
    if counts is not None:
        rare = _within_budget(plan, rare, counts)
    for _label, columns in TIERS[1:]:
        queries.append((_fts_group(rare), _ts_group(rare), columns))
    return queries


def _phrase_count(phrase: Phrase, counts: dict[str, int]) -> int:
    """About how many documents have the phrase: those with its rarest word (a part as the word on its own)."""
    return min(counts.get(token.removeprefix(PART_MARK), 0) for token in phrase)


def _within_budget(plan: QueryPlan, phrases: list[Phrase], counts: dict[str, int]) -> list[Phrase]:
    """The phrases the any-word tiers ask for: each concept's best one, then the others, best and rarest first,
    while their documents add up to at most ANY_WORD_BUDGET (in their own order).

    PostgreSQL's index lists every document with any of the words before the first is read (at 100,000 services
    25,860 documents for "اسعافات اولية للرضع", 34 ms), and these tiers hand over the first RETRIEVE_LIMIT in no
    useful order: words beyond the budget bring work, not better results. A network's own small index has no
    budget (see `small`)."""
    value: dict[Phrase, float] = {}
    firsts = set()
    for concept in plan.concepts:
        own = [p for p in concept.alternatives if p in phrases]
        if own:
            firsts.add(max(own, key=lambda p: (concept.alternatives[p], -_phrase_count(p, counts))))
        for p in own:
            value[p] = max(value.get(p, 0.0), concept.alternatives[p] * concept.weight)
    ranked = sorted(phrases, key=lambda p: (p not in firsts, -value.get(p, 0.0), _phrase_count(p, counts)))
    kept, used = set(), 0
    for phrase in ranked:
        documents = _phrase_count(phrase, counts)
        if phrase in firsts or used + documents <= ANY_WORD_BUDGET:
            kept.add(phrase)
            used += documents
    return [p for p in phrases if p in kept]


def _common_tokens(plan: QueryPlan) -> frozenset[str]:
    """The question's tokens found in more than COMMON_SHARE of all indexed documents (and COMMON_MINIMUM)."""
    vocab = vocabulary()
    limit = max(vocab.documents * COMMON_SHARE, COMMON_MINIMUM)
    tokens = {token for c in plan.concepts for phrase in c.alternatives for token in phrase}
    return frozenset(t for t in tokens if vocab.stem_counts.get(t.removeprefix(PART_MARK), 0) > limit)


def _is_small(network: Network) -> bool:
    """Whether every document of the network fits in one retrieval (the word list counts them)."""
    return vocabulary().network_documents.get(network.pk, 0) <= RETRIEVE_LIMIT


@dataclass(frozen=True)
class DocumentFilter:
    """Filters the index documents carry themselves (copied from the service when it is indexed)."""

    ages: tuple[int, int] | None = None  # months, both inclusive; must overlap the service's [min, max)
    costs: tuple[str, ...] = ()  # at least one of these kinds of price
    places: tuple[str, ...] = ()  # at least one of these place words (hvhk.search.indexing.place_token)

    @property
    def cost_bits(self) -> int:
        return sum(COST_BITS[c] for c in set(self.costs) if c in COST_BITS)

    def words_query(self) -> tuple[str, str]:
        """The filter words as a part of the FTS5 match (place, age and price: see indexing.age_words) and the
        place words as a tsquery (empty without a place). PostgreSQL checks ages and prices per document found:
        asked of its GIN index, a common filter word lists most documents before the first is read."""
        groups = [self.places] if self.places else []
        if self.ages:
            groups.append(age_filter_words(*self.ages))
        if self.costs:
            groups.append(cost_words(self.cost_bits))
        fts = "".join(" AND (" + " OR ".join(f'"{t}"' for t in words) + ")" for words in groups if words)
        return fts, (" & (" + " | ".join(self.places) + ")" if self.places else "")

    def sql(self) -> tuple[str, list]:
        parts, params = [], []
        if self.ages:
            low, high = self.ages
            parts.append("(d.min_age_months IS NULL OR d.min_age_months <= %s)")
            parts.append("(d.max_age_months IS NULL OR d.max_age_months > %s)")
            params += [high, low]
        if self.costs:
            parts.append("(d.cost_kinds & %s) <> 0")
            params.append(self.cost_bits)
        return "".join(f"AND {p} " for p in parts), params


@dataclass(frozen=True)
class CandidateFilter:
    """SQL that keeps a retrieved document only when its service passes the filters, checked per row.

    A correlated EXISTS lets the database stop after RETRIEVE_LIMIT rows; "IN (subquery)" would first list every
    candidate (100,000 in a large network). Without filters there is nothing to check: only active services of
    the network are indexed, and the network is part of the match. Compiled once, it can be kept and used again
    for the same filters (Django takes about a millisecond to compile an area filter).
    """

    sql: str
    params: tuple

    @classmethod
    def of(cls, candidates: QuerySet[Service]) -> "CandidateFilter":
        correlated = candidates.filter(pk=RawSQL("d.service_id", ())).order_by().values("pk")
        sql, params = correlated.query.sql_with_params()
        return cls(f"AND EXISTS ({sql}) ", tuple(params))


def _retrieve(
    network: Network, plan: QueryPlan, candidates: CandidateFilter | None, document_filter: DocumentFilter
) -> list[tuple]:
    """(service_id, name, terms, organisation, text tokens, minimum and maximum age) of up to RETRIEVE_LIMIT
    matching documents."""
    # Only constants and Django's own parameterised SQL are put into the text; the words travel as parameters.
    passes, params = (candidates.sql, list(candidates.params)) if candidates else ("", [])
    own, own_params = document_filter.sql()
    in_fts, in_tsquery = document_filter.words_query()
    columns = (
        "d.id, d.service_id, d.name_tokens, d.term_tokens, d.org_tokens, d.body_tokens, "
        "d.min_age_months, d.max_age_months"
    )
    found: dict[int, tuple] = {}
    # Where the router reads documents from: a replica for a public page when there is one (core/replicas.py).
    connection = connections[router.db_for_read(SearchDocument)]
    small = _is_small(network)
    # In a large network always the GIN index: for a question of many alternatives (a vocabulary concept's words
    # in five languages, 90 terms) the planner adds up every term's guessed share of the table and prefers to
    # read every document of the network, in the table or through the network's index (318 to 600 ms for 0
    # matches at 100,000 services, against 2 ms through the GIN index). So no sequential scan there, and the
    # network is checked per document found ("IS TRUE" keeps it out of the index paths). Nor parallel workers:
    # for a big guess of matching rows the planner starts two, which takes longer (5 to 10 ms here) than the
    # few hundred rows a tier reads.
    steer = connection.vendor == "postgresql" and not small
    network_check = "(d.network_id = %s) IS TRUE" if steer else "d.network_id = %s"
    with (
        transaction.atomic(using=connection.alias) if steer else nullcontext(),
        connection.cursor() as cursor,
    ):
        if steer:
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0")
        common = frozenset() if small else _common_tokens(plan)
        counts = vocabulary().stem_counts if steer else None
        for fts, tsquery, fields in _tier_queries(plan, small=small, common=common, counts=counts):
            room = RETRIEVE_LIMIT - len(found)
            if room <= 0:
                break
            exclude = list(found)[:RETRIEVE_LIMIT]
            if connection.vendor == "postgresql":
                # The matches come from the GIN index first (a materialised CTE, read only as far as the LIMIT
                # needs), then the filters. Asked in one query, the planner bet on a sequential scan stopping
                # early at the LIMIT; when the filters let few matches through it read the whole table (171 ms
                # instead of 2 ms at 100,000 services).
                # The place words are checked per document found ("IS TRUE" keeps them out of the index scan):
                # most documents have one of an area's few place words, and asked of the GIN index with the
                # question's words they made it check every one of them (5 to 40 ms).
                place = "AND (d.name_vector @@ to_tsquery('simple', %s)) IS TRUE " if in_tsquery else ""
                sql = (
                    f"WITH m AS MATERIALIZED (SELECT {columns} FROM search_searchdocument d "  # noqa: S608
                    f"WHERE {network_check} AND {PG_VECTORS[fields]} @@ to_tsquery('simple', %s) "
                    f"{place}{own}AND NOT (d.id = ANY(%s))) SELECT * FROM m d WHERE TRUE {passes}LIMIT %s"
                )
                places = [in_tsquery.removeprefix(" & ")] if in_tsquery else []
                args = [network.pk, tsquery, *places, *own_params, exclude, *params, room]
            else:
                scope = "" if fields is None else "{" + " ".join(fields) + "}: "
                match = f'network_id:"{network.pk.hex}" AND {scope}{fts}{in_fts}'
                not_yet = f"AND d.id NOT IN ({','.join('%s' for _ in exclude)}) " if exclude else ""
                sql = (
                    f"SELECT {columns} FROM search_fts f JOIN search_searchdocument d ON d.id = f.rowid "  # noqa: S608
                    f"WHERE search_fts MATCH %s {own}{passes}{not_yet}LIMIT %s"
                )
                args = [match, *own_params, *params, *exclude, room]
            cursor.execute(sql, args)
            for row in cursor.fetchall():
                found.setdefault(row[0], row[1:])
        if steer:  # (inside a caller's transaction, SET LOCAL would last until it ends)
            cursor.execute(
                "SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL max_parallel_workers_per_gather TO DEFAULT"
            )
    return list(found.values())


# --- scoring -----------------------------------------------------------------------------------------------


def _idf(token: str, counts: dict[str, int], documents: int) -> float:
    """How rare a word is; a compound part is as rare as the same word on its own."""
    token = token.removeprefix(PART_MARK)
    return math.log(1 + (documents + 1) / (counts.get(token, 0) + 1))


_FIELD_ORDER = sorted(range(len(FIELDS)), key=lambda i: FIELD_WEIGHTS[FIELDS[i]])  # the best field last


def _field_weights(columns: list[str], wanted: frozenset[str]) -> dict[str, float]:
    """Each of the `wanted` tokens a document has, with the weight of the best field it occurs in."""
    weights: dict[str, float] = {}
    for i in _FIELD_ORDER:
        weight = FIELD_WEIGHTS[FIELDS[i]]
        for token in wanted.intersection(columns[i].split()):
            weights[token] = weight
    return weights


class _Scorer:
    """Scores documents for one plan: per concept the best alternative (field weight x quality x rarity) times
    the concept's weight, times the (weighted) share of concepts found.

    A concept's one-word alternatives are looked up by the document's tokens (a question's concepts have dozens
    of alternatives, a document few of them); phrases of several words are tried one by one, when the document
    has the phrase's rarest word."""

    def __init__(self, plan: QueryPlan, idf: dict[str, float]) -> None:
        self.idf = idf
        self.concepts = []
        for concept in plan.concepts:
            singles = {p[0]: q for p, q in concept.alternatives.items() if len(p) == 1}
            # A phrase is tried only when the document has its rarest word (most documents have none).
            phrases = [
                (p, q, sum(idf[t] for t in p), max(p, key=idf.__getitem__))
                for p, q in concept.alternatives.items()
                if len(p) > 1
            ]
            rarest = frozenset(key for *_rest, key in phrases)
            broad = frozenset(p[0] for p in concept.broader if len(p) == 1)
            broad_phrases = frozenset(p for p in concept.broader if len(p) > 1)
            self.concepts.append(
                (concept.weight, singles, singles.keys(), phrases, rarest, broad, broad_phrases)
            )
        self.all_weight = sum(c.weight for c in plan.concepts)
        # With one concept there is no share to weigh: a weak alternative is already weak in its score.
        self.weighs_found = len(plan.concepts) > 1
        # What the share of concepts found leaves of a service that answers the question's main need and nothing
        # else: 1 for a single word, an eighth for a question of four needs. The cutoff of noise (RELATIVE_CUTOFF)
        # is scaled by it for a service with a word of a need (need_tokens), so that such a service is not cut as
        # noise; one with only words that name no need ("kinderen") is still cut at the plain share.
        heaviest = max((c.weight for c in plan.concepts), default=1.0)
        self.one_need_share = (heaviest / self.all_weight) ** 1.5 if self.all_weight else 1.0
        self.need_tokens = frozenset(
            t for c in plan.concepts if c.weight >= NEED_WEIGHT for p in c.alternatives for t in p
        )
        self.wanted = frozenset(t for c in plan.concepts for p in c.alternatives for t in p)

    def score(self, weights: dict[str, float]) -> float:
        idf = self.idf
        total, matched = 0.0, 0.0
        for weight, singles, single_tokens, phrases, rarest, broad, broad_phrases in self.concepts:
            best, by_broader, found = 0.0, False, 0.0
            for t in single_tokens & weights.keys():
                value = weights[t] * singles[t] * idf[t]
                if value > best:
                    best, by_broader, found = value, t in broad, singles[t]
            if not rarest.isdisjoint(weights):
                for phrase, quality, rarity, key in phrases:
                    if key not in weights:
                        continue
                    field = min(weights.get(t, 0.0) for t in phrase)
                    if field and field * quality * rarity / len(phrase) > best:
                        best, by_broader = field * quality * rarity / len(phrase), phrase in broad_phrases
                        found = quality
            if best:
                total += best * weight
                # Found only by where such a need is sent: the need itself is not named.
                if by_broader:
                    matched += weight * BROADER_FOUND
                else:
                    matched += weight * (min(1.0, found / FULL_QUALITY) if self.weighs_found else 1.0)
        if not matched:
            return 0.0
        return total * (matched / self.all_weight) ** 1.5


def match_services(
    *,
    network: Network,
    text: str,
    candidates: CandidateFilter | QuerySet[Service] | None = None,
    document_filter: DocumentFilter | None = None,
    language: str = "nl",
    ages: dict[uuid.UUID, tuple[int | None, int | None]] | None = None,
) -> dict[uuid.UUID, float]:
    """Score the services that match `text` (only those passing `document_filter` and in `candidates`, when
    given: a queryset or its compiled CandidateFilter); better matches score higher. `language` is the visitor's. `ages`, when given, receives each scored
    service's age range as the index has it (minimum, maximum in months)."""
    plan = planned_query(network, text, language=language)
    tokens = plan.tokens
    if not tokens:
        return {}
    vocab = vocabulary()
    idf = {t: _idf(t, vocab.stem_counts, vocab.documents) for t in tokens}
    scores, needy = {}, set()
    scorer = _Scorer(plan, idf)
    if isinstance(candidates, QuerySet):
        candidates = CandidateFilter.of(candidates)
    for service_id, *columns, low, high in _retrieve(
        network, plan, candidates, document_filter or DocumentFilter()
    ):
        weights = _field_weights(columns, scorer.wanted)
        score = scorer.score(weights)
        if score > 0:
            key = uuid.UUID(str(service_id))
            scores[key] = round(score, 6)
            if not scorer.need_tokens.isdisjoint(weights):
                needy.add(key)
            if ages is not None:
                ages[key] = (low, high)
    if scores:
        floor = max(scores.values()) * RELATIVE_CUTOFF
        need_floor = floor * scorer.one_need_share
        scores = {k: v for k, v in scores.items() if v >= (need_floor if k in needy else floor)}
    return scores


__all__ = ["CandidateFilter", "match_services", "plan_query", "planned_query", "split_compound"]
