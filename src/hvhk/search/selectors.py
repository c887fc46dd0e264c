"""Finding services: the filters in SQL, text relevance and distance in Python, one page of rows at the end."""

import hashlib
import math
import uuid
from dataclasses import dataclass, field
from datetime import time
from functools import cached_property
from time import monotonic as time_now

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import get_language

from hvhk.core.lib.geo import bounding_box, haversine_km
from hvhk.core.lib.versions import network_version
from hvhk.core.models import Area, Network
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE, TARGET_GROUPS_CODE
from hvhk.directory.models import (
    Accessibility,
    Attribute,
    CostOption,
    Language,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
)
from hvhk.directory.selectors import service_card_queryset
from hvhk.search.engine import CandidateFilter, DocumentFilter, match_services
from hvhk.search.indexing import PLACE_EVERYWHERE, place_token
from hvhk.search.query import PER_PAGE, ServiceQuery

EVENING_FROM = time(17, 0)
EVENING_UNTIL = time(18, 30)


@dataclass
class SearchHit:
    """One result: which service, how far and how well it matched. Its `service` is loaded together with the
    other hits of its page, the first time any of them is asked for it (see `search_hits`)."""

    service_id: uuid.UUID
    distance_km: float | None = None
    score: float = 0.0
    results: "SearchPage | None" = field(default=None, repr=False, compare=False)

    @property
    def service(self) -> Service | None:
        """The service, with the relations of the queryset the search was asked to load from; None only when it
        was removed between ranking and loading."""
        return self.results.services.get(self.service_id) if self.results is not None else None


@dataclass
class SearchPage:
    hits: list[SearchHit]
    total: int
    page: int
    pages: int
    per_page: int
    requested_page: int
    source: QuerySet[Service] | None = field(default=None, repr=False)
    network: Network | None = field(default=None, repr=False)  # without `source`: load what a card shows

    @property
    def out_of_range(self) -> bool:
        return self.requested_page != self.page

    @property
    def first_index(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.total else 0

    @property
    def last_index(self) -> int:
        return min(self.page * self.per_page, self.total)

    @cached_property
    def services(self) -> dict[uuid.UUID, Service]:
        """Every hit's service, loaded at once from `source` (so a fixed number of queries per page)."""
        source = self.source
        if source is None and self.network is not None:
            source = service_card_queryset(network=self.network)
        if source is None or not self.hits:
            return {}
        return {s.id: s for s in source.filter(pk__in=[hit.service_id for hit in self.hits])}

    def loaded(self) -> list[SearchHit]:
        """The hits with their services loaded (a service removed since the ranking is left out)."""
        return [hit for hit in self.hits if hit.service_id in self.services]


def _term_filter(codes: tuple[str, ...], taxonomy: str) -> Exists:
    return Exists(
        Attribute.objects.filter(
            service=OuterRef("pk"), taxonomy_term__code__in=codes, taxonomy_term__taxonomy__code=taxonomy
        )
    )


def _schedule_q(when: tuple[str, ...], prefix: str = "") -> Q:
    q = Q()
    for value in when:
        if value == "evening":
            q |= Q(**{f"{prefix}closes_at__gt": EVENING_UNTIL}) | Q(
                **{f"{prefix}opens_at__gte": EVENING_FROM}
            )
        elif value == "weekend":
            q |= Q(**{f"{prefix}byday__contains": "SA"}) | Q(**{f"{prefix}byday__contains": "SU"})
        else:
            q |= Q(**{f"{prefix}byday__contains": value})
    return q


AREAS_TRUSTED_SECONDS = 60  # without a shared cache another process's change shows within this time
_areas_here: dict[uuid.UUID, tuple[float, str, dict]] = {}  # network id: (read at, data version, areas by id)


def _network_areas(network: Network) -> dict:
    """The network's areas by id, read once per process while the network's data version stands."""
    version = network_version(network.pk)
    kept = _areas_here.get(network.pk)
    if kept is not None and kept[1] == version and time_now() - kept[0] < AREAS_TRUSTED_SECONDS:
        return kept[2]
    areas = {a.id: a for a in Area.objects.for_network(network).only("id", "slug", "parent_id")}
    _areas_here[network.pk] = (time_now(), version, areas)
    return areas


def _area_ids(network: Network, slug: str) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    """(the area and the areas inside it, the area and the areas around it) for an area filter."""
    areas = _network_areas(network)
    chosen = next((a for a in areas.values() if a.slug == slug), None)
    if chosen is None:
        return set(), set()
    inside = {chosen.id} | {a.id for a in areas.values() if a.parent_id == chosen.id}
    around, current = {chosen.id}, chosen
    while current.parent_id and current.parent_id in areas:
        current = areas[current.parent_id]
        around.add(current.id)
    return inside, around | inside


def _place_words(network: Network, slug: str) -> tuple[str, ...]:
    """The index's place words of an area filter, as `filtered_services` reads the filter: a location in the
    area or an area inside it, an area served that is the area, inside it or around it, or neither."""
    if not slug:
        return ()
    inside, around = _area_ids(network, slug)
    return tuple(
        sorted(
            {place_token("l", i) for i in inside} | {place_token("c", a) for a in around} | {PLACE_EVERYWHERE}
        )
    )


def filtered_services(*, network: Network, query: ServiceQuery) -> QuerySet[Service]:
    """Active services of `network` that pass every filter of `query` (text and exact distance aside)."""
    qs = Service.objects.for_network(network).filter(status=Service.Status.ACTIVE)
    if query.age_months:
        # A service's ages are [minimum, maximum): "2 tot 6 jaar" (24, 72) ends at the sixth birthday, so it is
        # not for a child of 6 (72..83 months). See AGE_RULE in hvhk.search.query.
        low, high = query.age_months
        qs = qs.filter(
            Q(minimum_age_months__isnull=True) | Q(minimum_age_months__lte=high),
            Q(maximum_age_months__isnull=True) | Q(maximum_age_months__gt=low),
        )
    if query.domains:
        qs = qs.filter(_term_filter(query.domains, LIFE_DOMAINS_CODE))
    if query.groups:
        qs = qs.filter(_term_filter(query.groups, TARGET_GROUPS_CODE))
    located = Exists(ServiceAtLocation.objects.filter(service=OuterRef("pk")))
    if query.area:
        inside, around = _area_ids(network, query.area)
        at_location = Exists(
            ServiceAtLocation.objects.filter(service=OuterRef("pk"), location__area__in=inside)
        )
        covers = Exists(ServiceArea.objects.filter(service=OuterRef("pk"), area__in=around))
        everywhere = ~located & ~Exists(ServiceArea.objects.filter(service=OuterRef("pk")))
        qs = qs.filter(at_location | covers | everywhere)
    if query.origin and query.radius_km:
        min_lat, max_lat, min_lon, max_lon = bounding_box(query.origin, query.radius_km)
        in_box = Exists(
            ServiceAtLocation.objects.filter(
                service=OuterRef("pk"),
                location__latitude__range=(min_lat, max_lat),
                location__longitude__range=(min_lon, max_lon),
            )
        )
        qs = qs.filter(in_box | ~located)
    if query.costs:
        qs = qs.filter(Exists(CostOption.objects.filter(service=OuterRef("pk"), kind__in=query.costs)))
    if query.languages:
        qs = qs.filter(Exists(Language.objects.filter(service=OuterRef("pk"), code__in=query.languages)))
    if query.when:
        own = Schedule.objects.filter(service=OuterRef("pk"))
        place = Schedule.objects.filter(location__service_at_locations__service=OuterRef("pk"))
        qs = qs.filter(
            Exists(own.filter(_schedule_q(query.when)))
            | (~Exists(own) & Exists(place.filter(_schedule_q(query.when))))
        )
    if query.how:
        fields = {"location": "at_location", "home": "at_home", "online": "online", "phone": "by_phone"}
        how_q = Q()
        for value in query.how:
            how_q |= Q(**{fields[value]: True})
        qs = qs.filter(how_q)
    if query.walk_in:
        qs = qs.filter(walk_in=True)
    if query.wheelchair:
        qs = qs.filter(
            Exists(
                Accessibility.objects.filter(
                    location__service_at_locations__service=OuterRef("pk"),
                    feature=Accessibility.Feature.WHEELCHAIR,
                )
            )
        )
    return qs


FILTERS_KEPT = 256
# What `filtered_services` does not read: one compiled filter serves every question asked with the same filters.
NOT_FILTERS = {
    "text": "",
    "terms": None,
    "sort": "",
    "inferred": (),
    "kept_off": (),
    "age": "",
    "postcode": "",
    "near": "",
    "origin_label": "",
}
_filters_here: dict[tuple, tuple[float, CandidateFilter]] = {}  # (network, data version, filters): compiled


def _candidate_filter(network: Network, query: ServiceQuery) -> CandidateFilter:
    """The search's check of `query`'s filters, compiled once per process while the network's data version stands
    and its areas are trusted (building and compiling an area filter took 3 ms of a 16 ms search at 100,000
    services)."""
    key = (network.pk, network_version(network.pk), query.without(**NOT_FILTERS))
    kept = _filters_here.get(key)
    if kept is not None and time_now() - kept[0] < AREAS_TRUSTED_SECONDS:
        return kept[1]
    compiled = CandidateFilter.of(filtered_services(network=network, query=query))
    if len(_filters_here) >= FILTERS_KEPT:
        _filters_here.pop(next(iter(_filters_here)))  # the oldest
    _filters_here[key] = (time_now(), compiled)
    return compiled


def _coordinates(service_ids) -> dict[uuid.UUID, list[tuple[float, float]]]:
    points: dict[uuid.UUID, list[tuple[float, float]]] = {}
    rows = ServiceAtLocation.objects.filter(
        service_id__in=service_ids, location__latitude__isnull=False
    ).values_list("service_id", "location__latitude", "location__longitude")
    for service_id, lat, lon in rows:
        points.setdefault(service_id, []).append((float(lat), float(lon)))
    return points


@dataclass
class _Ranking:
    """The matching services in display order (or None when the database orders and pages them)."""

    network: Network
    query: ServiceQuery
    ids: list[uuid.UUID] | None
    scores: dict[uuid.UUID, float]
    distances: dict[uuid.UUID, float | None]
    cached_total: int | None = None

    @cached_property
    def candidates(self) -> QuerySet[Service]:
        """The services passing the filters (built only when asked: a search by words seldom needs them)."""
        return filtered_services(network=self.network, query=self.query)

    @property
    def total(self) -> int:
        if self.cached_total is None:
            self.cached_total = self.candidates.count() if self.ids is None else len(self.ids)
        return self.cached_total


def _rank(network: Network, query: ServiceQuery) -> _Ranking:
    ranking = _Ranking(network, query, None, {}, {})
    sort = query.effective_sort
    scores: dict[uuid.UUID, float] = {}
    distances: dict[uuid.UUID, float | None] = {}
    ages: dict[uuid.UUID, tuple[int | None, int | None]] = {}
    if query.search_text:
        # Age, price and place are checked on the index documents; only the other filters need the services.
        rest = query.without(age="", age_months=None, costs=(), area="")
        scores = match_services(
            network=network,
            text=query.search_text,
            candidates=_candidate_filter(network, rest) if rest.has_filters else None,
            document_filter=DocumentFilter(
                ages=query.age_months, costs=query.costs, places=_place_words(network, query.area)
            ),
            language=get_language() or "nl",
            ages=ages,
        )
        ids = list(scores)
    elif sort == "name" and not query.radius_km:
        return ranking  # ordered and paged by the database
    else:
        ids = list(ranking.candidates.values_list("id", flat=True))
    if query.origin:
        points = _coordinates(ids)
        for service_id in ids:
            near = [haversine_km(query.origin, p) for p in points.get(service_id, [])]
            distances[service_id] = min(near) if near else None
        if query.radius_km:
            ids = [i for i in ids if distances[i] is None or distances[i] <= query.radius_km]
    if scores and (query.origin or query.age_months):
        scores = _with_filter_relevance(scores, query, distances, ages)
    if sort == "distance":
        ids.sort(key=lambda i: (distances.get(i) is None, distances.get(i) or 0.0, -scores.get(i, 0.0)))
    elif sort == "name":
        names = dict(Service.objects.filter(pk__in=ids).values_list("id", "name"))
        ids.sort(key=lambda i: (names.get(i, "").casefold(), str(i)))
    else:
        ids.sort(key=lambda i: (-scores.get(i, 0.0), str(i)))
    ranking.ids, ranking.scores, ranking.distances = ids, scores, distances
    return ranking


def _with_filter_relevance(scores, query: ServiceQuery, distances, ages) -> dict[uuid.UUID, float]:
    """Text relevance, nudged by the filters: a place nearby, and an offer aimed at the chosen age rather than
    at everyone, rank a little higher (by at most half). `ages`: each service's ages as the index has them."""
    spans = {}
    if query.age_months:
        for service_id, (low, high) in ages.items():
            span = (high if high is not None else 300) - (low if low is not None else -9)
            spans[service_id] = min(max(span, 1), 309)
    adjusted = {}
    for service_id, score in scores.items():
        factor = 1.0
        distance = distances.get(service_id)
        if query.origin and distance is not None:
            factor += 0.3 / (1 + distance / 2)
        if service_id in spans:
            factor += 0.2 * (1 - spans[service_id] / 309)
        adjusted[service_id] = score * factor
    return adjusted


RANKING_TTL = (
    60  # seconds; entries are keyed by the network's data version, so a change is never served stale
)


def _query_key(network: Network, query: ServiceQuery, kind: str) -> str:
    fields = {k: v for k, v in vars(query).items() if k != "problems"}
    digest = hashlib.sha1(repr(sorted(fields.items())).encode(), usedforsecurity=False).hexdigest()
    # The visitor's language decides how a question that could be either is read: part of the key.
    return f"search:{kind}:{network.pk}:{network_version(network.pk)}:{get_language() or ''}:{digest}"


def _cached_ranking(network: Network, query: ServiceQuery) -> _Ranking:
    """The ranking of a search, from the cache when the same search ran on the same data version."""
    key = _query_key(network, query, "rank")
    hit = cache.get(key)
    if hit is not None:
        ids, scores, distances, total = hit
        return _Ranking(network, query, ids, scores, distances, cached_total=total)
    ranking = _rank(network, query)
    cache.set(key, (ranking.ids, ranking.scores, ranking.distances, ranking.total), RANKING_TTL)
    return ranking


def service_count(*, network: Network, query: ServiceQuery) -> int:
    return _cached_ranking(network, query).total


def ranked_service_ids(*, network: Network, query: ServiceQuery) -> list:
    """Every matching service id, best first (for callers that filter further)."""
    ranking = _cached_ranking(network, query)
    if ranking.ids is None:
        return list(ranking.candidates.order_by("name", "id").values_list("id", flat=True))
    return list(ranking.ids)


def search_hits(
    *,
    network: Network,
    query: ServiceQuery,
    page: int = 1,
    per_page: int | None = PER_PAGE,
    services: QuerySet[Service] | None = None,
    within: QuerySet[Service] | None = None,
) -> SearchPage:
    """One page of results: the one way from a search to the services it found.

    The query is ranked once (and the ranking cached per data version); the page's services are loaded from
    `services` (default: what a result card shows; the API and the brochure pass their own querysets with the
    relations they render) in one go, the first time a hit's service is asked for, so a page costs the same
    number of queries whatever its size, and nothing when the caller has what it needs cached already.
    `within` narrows the results to those services before paging (the HSDS API's own filters).
    `per_page=None` gives every result on one page (the brochure). A page past the last gives the last page.
    """
    ranking = _cached_ranking(network, query)
    ordered_in_db = ranking.ids is None
    if ordered_in_db:
        candidates = ranking.candidates
        if within is not None:
            candidates = candidates.filter(pk__in=within.values("pk"))
            total = candidates.count()
        else:
            total = ranking.total
        ids = None
    else:
        ids = ranking.ids
        if within is not None:
            allowed = set(within.values_list("pk", flat=True))
            ids = [i for i in ids if i in allowed]
        total = len(ids)
    size = per_page or max(total, 1)
    pages = max(1, math.ceil(total / size))
    current = min(max(page, 1), pages)
    start = (current - 1) * size
    if ids is None:
        page_ids = list(candidates.order_by("name", "id").values_list("id", flat=True)[start : start + size])
    else:
        page_ids = ids[start : start + size]
    result = SearchPage(
        hits=[],
        total=total,
        page=current,
        pages=pages,
        per_page=size,
        requested_page=page,
        source=services,
        network=network,
    )
    result.hits = [
        SearchHit(i, ranking.distances.get(i), ranking.scores.get(i, 0.0), results=result) for i in page_ids
    ]
    return result


def relaxations(*, network: Network, query: ServiceQuery) -> list[tuple[str, ServiceQuery, int]]:
    """For a search without results: each active filter that, dropped alone, gives results (and how many)."""
    key = _query_key(network, query, "relax")
    hit = cache.get(key)
    if hit is None:
        hit = _relaxations(network, query)
        cache.set(key, hit, RANKING_TTL)
    return hit


def _relaxations(network: Network, query: ServiceQuery) -> list[tuple[str, ServiceQuery, int]]:
    options = []
    candidates = {
        "q": query.without(text=""),
        "age": query.without(age="", age_months=None),
        "domain": query.without(domains=()),
        "group": query.without(groups=()),
        "area": query.without(area=""),
        "radius": query.without(radius_km=None),
        "cost": query.without(costs=()),
        "lang": query.without(languages=()),
        "when": query.without(when=()),
        "how": query.without(how=()),
        "walkin": query.without(walk_in=False),
        "wheelchair": query.without(wheelchair=False),
    }
    for name, relaxed in candidates.items():
        if relaxed == query:
            continue
        total = service_count(network=network, query=relaxed)
        if total:
            options.append((name, relaxed, total))
    return options
