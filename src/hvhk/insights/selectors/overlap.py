"""Overlap: active services of different partners that serve the same life domain, ages and area with similar
descriptions (issue 16, "Overlap"; docs/insights.md, "Overlap").

Two services are compared only when they are of different organisations, share a life domain, their age ranges
overlap (`[minimum, maximum)` months, as hvhk.insights.bands) and they meet in an area: a shared area, or one
area inside the other (Kessel-Lo lies in Leuven), or one of them without any area (it serves the whole network,
as search reads it). Of such a pair the text of name + description is compared with rapidfuzz's
`token_set_ratio` on words without accents and stop words (search's own normalisation), and the structured
fields (delivery, cost kind, target groups) add to the score:

    score = 60 × text similarity + 15 × shared delivery + 10 × shared cost kind + 15 × shared target groups

(each share a 0..1 Jaccard of the two sets; two services that both name no target group share them all). A pair
is flagged when the text similarity is at least MIN_SIMILARITY %. Why token_set_ratio rather than TF-IDF: it is
one C call per pair with no corpus to build or keep fresh per network, it does not care about word order, and a
short description whose words all recur in a longer one ("Babymassage" in "Babymassage voor ouders") scores high,
which is what a coordinator wants to see; stop words are removed first so that common Dutch words do not make
every pair look alike.

Not every pair of 5,000 services is compared: services are put in blocks by (life domain, age band) and only
pairs within a block, of different organisations, that meet in an area are compared, each pair once. On 5,000
services in 12 domains the computation takes a few seconds (docs/insights.md gives the measurement); the page
shows a snapshot the worker computed (insights.tasks.overlap_compute_task) with when it was computed.

`overlap_compute` returns plain data (JSON for the Snapshot); `overlap_pairs` turns it into OverlapPair rows with
the services and the reasons in plain Dutch, leaving out the pairs the coordinator reviewed."""

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from hvhk.core.models import Area, Network
from hvhk.directory.models import Attribute, CostOption, Service, ServiceArea, ServiceAtLocation
from hvhk.insights.bands import service_bands
from hvhk.insights.models import OverlapReview, Snapshot
from hvhk.insights.selectors.areas import AreaTree
from hvhk.search.text import query_words

SNAPSHOT_KIND = "overlap"
MIN_SIMILARITY = 55  # percent of text similarity for a pair to be flagged
MAX_PAIRS = (
    2000  # the highest-scoring pairs kept; more is no list to work through, and the snapshot stays small
)
INLINE_LIMIT = 500  # up to this many active services the page computes the overlap itself when it has none
WEIGHTS = {"text": 60, "delivery": 15, "cost": 10, "groups": 15}
NO_MAXIMUM = 10_000  # months: a service without an upper age
DELIVERY = ("at_home", "online", "at_location")
WHOLE_NETWORK = "*"


@dataclass
class _Facts:
    id: uuid.UUID
    organization_id: uuid.UUID
    low: int
    high: int
    ages_known: bool
    domains: dict[uuid.UUID, str] = field(default_factory=dict)
    groups: dict[uuid.UUID, str] = field(default_factory=dict)
    areas: set[uuid.UUID] = field(default_factory=set)
    delivery: set[str] = field(default_factory=set)
    costs: set[str] = field(default_factory=set)
    text: str = ""


@dataclass(frozen=True)
class OverlapPair:
    """Two services that look alike: `service_a` has the smaller id. `reasons` in plain Dutch, `score` 0..100,
    `similarity` the text similarity in percent; `review` the coordinator's verdict, if any."""

    service_a: Service
    service_b: Service
    score: int
    similarity: int
    reasons: tuple[str, ...]
    review: OverlapReview | None = None

    @property
    def key(self) -> str:
        return f"{self.service_a.pk}:{self.service_b.pk}"


@dataclass(frozen=True)
class OverlapResult:
    """The pairs of a network as the page shows them, with when they were computed (None: just now, inline)."""

    pairs: list[OverlapPair]
    reviewed: list[OverlapPair]
    computed_at: dt.datetime | None
    services: int
    compared: int = 0
    flagged: int = 0


def active_services(*, network: Network) -> QuerySet[Service]:
    return Service.objects.for_network(network).filter(status=Service.Status.ACTIVE)


def _normalised(name: str, description: str) -> str:
    return " ".join(w for w in query_words(f"{name} {description}") if len(w) > 2)


def _load(network: Network) -> dict[uuid.UUID, _Facts]:
    """The facts of every active service in seven queries, whatever the number of services."""
    facts: dict[uuid.UUID, _Facts] = {}
    for pk, org, low, high, name, description, at_home, online, at_location in active_services(
        network=network
    ).values_list(
        "pk",
        "organization_id",
        "minimum_age_months",
        "maximum_age_months",
        "name",
        "description",
        "at_home",
        "online",
        "at_location",
    ):
        ages_known = low is not None or high is not None
        item = _Facts(
            id=pk,
            organization_id=org,
            low=(0 if low is None else low) if ages_known else -9,
            high=NO_MAXIMUM if high is None else high,
            ages_known=ages_known,
            text=_normalised(name, description),
        )
        item.delivery = {d for d, on in zip(DELIVERY, (at_home, online, at_location), strict=True) if on}
        facts[pk] = item
    attributes = Attribute.objects.for_network(network).filter(
        service__in=facts,
        link_type__in=[Attribute.LinkType.LIFE_DOMAIN, Attribute.LinkType.TARGET_GROUP],
    )
    for service_id, link_type, term_id, term_name in attributes.values_list(
        "service_id", "link_type", "taxonomy_term_id", "taxonomy_term__name"
    ):
        target = (
            facts[service_id].domains
            if link_type == Attribute.LinkType.LIFE_DOMAIN
            else facts[service_id].groups
        )
        target[term_id] = term_name
    for service_id, area_id in (
        ServiceArea.objects.for_network(network)
        .filter(service__in=facts, area__isnull=False)
        .values_list("service_id", "area_id")
    ):
        facts[service_id].areas.add(area_id)
    for service_id, area_id in (
        ServiceAtLocation.objects.for_network(network)
        .filter(service__in=facts, location__area__isnull=False)
        .values_list("service_id", "location__area_id")
    ):
        facts[service_id].areas.add(area_id)
    for service_id, kind in (
        CostOption.objects.for_network(network).filter(service__in=facts).values_list("service_id", "kind")
    ):
        facts[service_id].costs.add(kind)
    return facts


def _jaccard(a: set, b: set, *, both_empty: float = 0.0) -> float:
    if not a and not b:
        return both_empty
    return len(a & b) / len(a | b)


def overlap_compute(*, network: Network) -> dict:
    """The flagged pairs of `network` as JSON-ready data: {"services": n, "pairs": [...]}, best score first. Each
    pair keeps the facts its reasons are written from (so the page writes them in the reader's language)."""
    facts = _load(network)
    areas = AreaTree(network)
    around = {pk: areas.around(pk) for pk in areas.nodes}
    blocks: dict[tuple, list[_Facts]] = defaultdict(list)
    for item in facts.values():
        if not item.text:
            continue
        bands = service_bands(
            item.low if item.ages_known else None, item.high if item.high != NO_MAXIMUM else None
        )
        for domain in item.domains:
            for band in bands:
                blocks[(domain, band)].append(item)
    seen: set[tuple[uuid.UUID, uuid.UUID]] = set()
    pairs = []
    for block in blocks.values():
        # Within a block: by area, so a service is only compared with services that meet it in an area.
        by_area: dict[object, list[_Facts]] = defaultdict(list)
        for item in block:
            for key in item.areas or {WHOLE_NETWORK}:
                by_area[key].append(item)
        everywhere = by_area.get(WHOLE_NETWORK, [])
        for item in block:
            if item.areas:
                keys = set().union(*(around.get(a, {a}) for a in item.areas))
                candidates = [c for key in keys for c in by_area.get(key, ())] + everywhere
            else:
                candidates = block
            for other in candidates:
                if other.organization_id == item.organization_id:  # itself too
                    continue
                low, high = (item, other) if item.id < other.id else (other, item)
                key = (low.id, high.id)
                if key in seen:
                    continue
                seen.add(key)
                pair = _compare(low, high, areas)
                if pair is not None:
                    pairs.append(pair)
    pairs.sort(key=lambda p: (-p["score"], -p["similarity"], p["low"], p["high"]))
    return {"services": len(facts), "compared": len(seen), "flagged": len(pairs), "pairs": pairs[:MAX_PAIRS]}


def _compare(a: _Facts, b: _Facts, areas: AreaTree) -> dict | None:
    shared_domains = sorted(set(a.domains) & set(b.domains), key=lambda d: a.domains[d])
    low, high = max(a.low, b.low), min(a.high, b.high)
    if not shared_domains or low >= high:
        return None
    if a.areas and b.areas:
        place = areas.meeting(a.areas, b.areas)
        if place is None:
            return None
        area = {"id": str(place), "one_everywhere": False}
    elif a.areas or b.areas:
        place = max(a.areas or b.areas, key=areas.depth)
        area = {"id": str(place), "one_everywhere": True}
    else:
        area = {"id": None, "one_everywhere": True}
    similarity = round(fuzz.token_set_ratio(a.text, b.text))
    if similarity < MIN_SIMILARITY:
        return None
    delivery = _jaccard(a.delivery, b.delivery)
    cost = _jaccard(a.costs, b.costs)
    groups = _jaccard(set(a.groups), set(b.groups), both_empty=1.0)
    score = (
        WEIGHTS["text"] * similarity / 100
        + WEIGHTS["delivery"] * delivery
        + WEIGHTS["cost"] * cost
        + WEIGHTS["groups"] * groups
    )
    both_ages_unknown = not a.ages_known and not b.ages_known
    return {
        "low": str(a.id),
        "high": str(b.id),
        "score": round(score),
        "similarity": similarity,
        "domains": [a.domains[d] for d in shared_domains],
        "ages": None if both_ages_unknown else [low, None if high == NO_MAXIMUM else high],
        "area": area,
        "area_name": areas.nodes[uuid.UUID(area["id"])].name if area["id"] else "",
        "area_kind": areas.nodes[uuid.UUID(area["id"])].kind if area["id"] else "",
        "delivery": [d for d in DELIVERY if d in a.delivery & b.delivery],
        "costs": [c for c in CostOption.Kind.values if c in a.costs & b.costs],
        "groups": sorted(a.groups[g] for g in set(a.groups) & set(b.groups)),
    }


# --- reasons in plain Dutch -------------------------------------------------------------------------------------


def _area_reason(pair: dict) -> str:
    name = pair.get("area_name", "")
    if not name:
        return _("allebei voor het hele netwerk")
    if pair["area"]["one_everywhere"]:
        return _("het ene voor het hele netwerk, het andere in %(name)s") % {"name": name}
    kinds = {
        Area.Kind.MUNICIPALITY: _("zelfde gemeente: %(name)s"),
        Area.Kind.SUBMUNICIPALITY: _("zelfde deelgemeente: %(name)s"),
        Area.Kind.NEIGHBOURHOOD: _("zelfde wijk: %(name)s"),
    }
    return kinds.get(pair.get("area_kind"), _("zelfde gebied: %(name)s")) % {"name": name}


def _ages_reason(ages: list | None) -> str:
    if ages is None:
        return _("leeftijden overlappen: alle leeftijden")
    low, high = ages
    label = Service(minimum_age_months=low, maximum_age_months=high).age_label
    return _("leeftijden overlappen: %(ages)s") % {"ages": label}


def pair_reasons(pair: dict) -> tuple[str, ...]:
    """Why a pair was flagged, in plain Dutch, in a fixed order."""
    delivery = {
        "at_home": _("allebei aan huis"),
        "online": _("allebei online"),
        "at_location": _("allebei op een locatie"),
    }
    costs = {
        CostOption.Kind.FREE: _("allebei gratis"),
        CostOption.Kind.REDUCED: _("allebei met verminderd tarief"),
        CostOption.Kind.PAID: _("allebei betalend"),
    }
    reasons = [
        (
            _("zelfde levensdomein: %(names)s")
            if len(pair["domains"]) == 1
            else _("zelfde levensdomeinen: %(names)s")
        )
        % {"names": ", ".join(pair["domains"])},
        _ages_reason(pair["ages"]),
        _area_reason(pair),
        _("beschrijvingen lijken voor %(percent)d %% op elkaar") % {"percent": pair["similarity"]},
        *(delivery[d] for d in pair["delivery"]),
        *(costs[c] for c in pair["costs"]),
    ]
    if pair["groups"]:
        reasons.append(_("zelfde doelgroep: %(names)s") % {"names": ", ".join(pair["groups"])})
    return tuple(reasons)


# --- what the page and the annual report read -------------------------------------------------------------------


def overlap_snapshot(*, network: Network) -> Snapshot | None:
    return Snapshot.objects.for_network(network).filter(kind=SNAPSHOT_KIND).first()


def _computed(network: Network) -> tuple[dict, dt.datetime | None]:
    snapshot = overlap_snapshot(network=network)
    if snapshot is not None:
        return snapshot.data, snapshot.computed_at
    return overlap_compute(network=network), None


def overlap_result(*, network: Network, data: dict | None = None, computed_at=None) -> OverlapResult:
    """The pairs to review (new ones) and the reviewed ones, from the snapshot (or computed now if there is none,
    or from `data` when given). Pairs whose services are no longer active are left out."""
    if data is None:
        data, computed_at = _computed(network)
    ids = {uuid.UUID(p[k]) for p in data.get("pairs", []) for k in ("low", "high")}
    services = {
        s.pk: s for s in active_services(network=network).filter(pk__in=ids).select_related("organization")
    }
    reviews = {
        (r.service_low_id, r.service_high_id): r
        for r in OverlapReview.objects.for_network(network).select_related("reviewed_by")
    }
    fresh, reviewed = [], []
    for pair in data.get("pairs", []):
        low, high = uuid.UUID(pair["low"]), uuid.UUID(pair["high"])
        if low not in services or high not in services:
            continue
        review = reviews.get((low, high))
        row = OverlapPair(
            service_a=services[low],
            service_b=services[high],
            score=pair["score"],
            similarity=pair["similarity"],
            reasons=pair_reasons(pair),
            review=review,
        )
        (reviewed if review else fresh).append(row)
    return OverlapResult(
        pairs=fresh,
        reviewed=reviewed,
        computed_at=computed_at,
        services=data.get("services", 0),
        compared=data.get("compared", 0),
        flagged=data.get("flagged", 0),
    )


def overlap_groups(pairs: list[OverlapPair]) -> list[list[Service]]:
    """Three or more services of which every two were flagged as a pair (a maximal clique, Bron-Kerbosch with a
    pivot): several partners offering much the same. A chain (A like B, B like C, C not like A) is no group.
    Each group by name, the largest first."""
    links: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    services: dict[uuid.UUID, Service] = {}
    for pair in pairs:
        a, b = pair.service_a, pair.service_b
        services[a.pk], services[b.pk] = a, b
        links[a.pk].add(b.pk)
        links[b.pk].add(a.pk)
    cliques: list[set[uuid.UUID]] = []

    def expand(chosen: set, candidates: set, excluded: set) -> None:
        if not candidates and not excluded:
            if len(chosen) >= 3:
                cliques.append(chosen)
            return
        pivot = max(candidates | excluded, key=lambda pk: len(links[pk] & candidates))
        for pk in list(candidates - links[pivot]):
            expand(chosen | {pk}, candidates & links[pk], excluded & links[pk])
            candidates = candidates - {pk}
            excluded = excluded | {pk}

    expand(set(), set(services), set())
    groups = [
        sorted((services[pk] for pk in clique), key=lambda s: (s.name, str(s.pk))) for clique in cliques
    ]
    return sorted(groups, key=lambda g: (-len(g), g[0].name, str(g[0].pk)))


def overlap_pairs(*, network: Network, include_reviewed: bool = False) -> list[OverlapPair]:
    """The flagged pairs of `network`, best score first: those the coordinator has not reviewed yet, or all of
    them with `include_reviewed` (each with its review). Reads the latest snapshot, or computes when there is
    none (the annual report calls this)."""
    result = overlap_result(network=network)
    if not include_reviewed:
        return result.pairs
    return sorted(
        result.pairs + result.reviewed,
        key=lambda p: (-p.score, -p.similarity, str(p.service_a.pk), str(p.service_b.pk)),
    )


def overlap_reviews(*, network: Network) -> QuerySet[OverlapReview]:
    return (
        OverlapReview.objects.for_network(network)
        .select_related("service_low__organization", "service_high__organization", "reviewed_by")
        .order_by("-updated_at")
    )
