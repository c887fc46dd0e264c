"""Threshold index ("drempels"): per active service, how easy it is to reach, from parts that are each visible,
and summarised per life domain and per area (docs/insights.md, "Drempelindex", says it for coordinators).

Each part is 1 (no threshold), 0 (a threshold), a fraction in between, or None (unknown: left out of the index):

- cost (weight 2): 1 free; 0.5 a reduced rate (a cost option of kind "reduced", or one that names UiTPAS or the
  kansentarief); 0 paying only; unknown without cost options.
- evening, wednesday, saturday (weight 1 each): open after 18:00 on some day; open on Wednesday after 13:00
  (school is out); open on Saturday. Read from the service's own schedules and those of its service-at-locations,
  else from its locations' schedules; weekly and monthly rows both count. A service without hours, or with rows
  without times ("op afspraak"), is unknown.
- languages (weight 1): 1 when the service lists a language other than Dutch, 0 when it lists Dutch only;
  unknown when it lists none.
- walk_in (weight 1): 1 walk in without appointment, else 0.
- at_home_online (weight 1): 1 at home or online, else 0.
- distance (weight 1): the share of the network's areas (with a centroid) whose centroid lies within
  NEAR_KM of the service's nearest location; 1 for a service that comes to the family (not at a location);
  unknown when its locations have no coordinates. Per area the figure is that area's own: 1 within NEAR_KM, else 0.
- accessibility (weight 1): 1 when one of its locations is accessible with a wheelchair, 0 when its locations
  have accessibility records but none for a wheelchair; unknown without records.

index = 100 × (Σ weight × part) / (Σ weight) over the known parts, rounded; None when no part is known.

Everything is read in a fixed number of queries (nine), whatever the number of services."""

import math
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import time

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import Network
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
from hvhk.insights.selectors.areas import AreaTree
from hvhk.insights.selectors.overview import life_domains

NEAR_KM = 2.0
EVENING = time(18, 0)
WEDNESDAY_AFTERNOON = time(13, 0)
REDUCED_WORDS = re.compile(r"uitpas|kansentarief|sociaal tarief|verminderd", re.IGNORECASE)
PARTS: tuple[tuple[str, int, object], ...] = (
    ("cost", 2, _("kost")),
    ("evening", 1, _("'s avonds")),
    ("wednesday", 1, _("woensdagnamiddag")),
    ("saturday", 1, _("zaterdag")),
    ("languages", 1, _("andere talen")),
    ("walk_in", 1, _("zonder afspraak")),
    ("at_home_online", 1, _("aan huis of online")),
    ("distance", 1, _("dichtbij")),
    ("accessibility", 1, _("rolstoel")),
)
WEIGHTS = {name: weight for name, weight, _label in PARTS}
LABELS = {name: label for name, _weight, label in PARTS}


@dataclass(frozen=True)
class ThresholdRow:
    """One service's parts (1, 0, a fraction, or None for unknown) and index (0..100, None if nothing known);
    `distances` the km from each area's centroid to its nearest location; `notes` why a part is unknown."""

    service_id: uuid.UUID
    name: str
    organization: str
    parts: dict[str, float | None]
    index: int | None
    distances: dict[uuid.UUID, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    domains: tuple[uuid.UUID, ...] = ()
    areas: frozenset = frozenset()  # the areas it serves (empty: the whole network)
    comes_home: bool = False


@dataclass(frozen=True)
class SummaryRow:
    key: str  # the life domain's code or the area's slug
    name: str
    services: int
    mean_index: float | None
    near_share: float | None = None  # areas: share of its services (with a known distance) within NEAR_KM
    part_means: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class ThresholdSummary:
    domains: list[SummaryRow]
    areas: list[SummaryRow]
    area_names: dict[uuid.UUID, str] = field(default_factory=dict)


def index_of(parts: dict[str, float | None]) -> int | None:
    known = [(WEIGHTS[name], value) for name, value in parts.items() if value is not None]
    if not known:
        return None
    return round(100 * sum(w * v for w, v in known) / sum(w for w, _v in known))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _days(byday: str) -> list[str]:
    return [re.sub(r"^-?\d", "", part.strip()) for part in byday.split(",") if part.strip()]


def _hours_parts(rows: list[tuple]) -> tuple[dict[str, float | None], str]:
    """(evening, wednesday, saturday) from schedule rows (byday, opens_at, closes_at), and a note when unknown."""
    timed = [(byday, opens, closes) for byday, opens, closes in rows if opens and closes]
    if not timed:
        note = _("op afspraak of zonder uren: openingsuren onbekend") if rows else _("geen openingsuren")
        return {"evening": None, "wednesday": None, "saturday": None}, str(note)
    evening = any(closes > EVENING for _d, _o, closes in timed)
    wednesday = any(
        "WE" in _days(byday) and closes > WEDNESDAY_AFTERNOON and opens < EVENING
        for byday, opens, closes in timed
    )
    saturday = any("SA" in _days(byday) for byday, _o, _c in timed)
    return {"evening": float(evening), "wednesday": float(wednesday), "saturday": float(saturday)}, ""


def _rows(network: Network, services: QuerySet[Service] | None) -> tuple[list[ThresholdRow], AreaTree]:
    base = Service.objects.for_network(network).filter(status=Service.Status.ACTIVE)
    if services is not None:
        base = base.filter(pk__in=services.values("pk"))
    facts = {
        pk: {
            "name": name,
            "org": org,
            "walk_in": walk_in,
            "home": at_home or online,
            "at_location": at_location,
        }
        for pk, name, org, walk_in, at_home, online, at_location in base.order_by("name", "pk").values_list(
            "pk", "name", "organization__name", "walk_in", "at_home", "online", "at_location"
        )
    }
    ids = list(facts)
    in_ids = base.values("pk")
    at_places = (
        ServiceAtLocation.objects.for_network(network).filter(service__in=in_ids).values("location_id")
    )
    costs: dict[uuid.UUID, set[str]] = defaultdict(set)
    for service_id, kind, option, described in (
        CostOption.objects.for_network(network)
        .filter(service__in=in_ids)
        .values_list("service_id", "kind", "option", "amount_description")
    ):
        reduced = kind == CostOption.Kind.REDUCED or REDUCED_WORDS.search(f"{option} {described}")
        costs[service_id].add(
            CostOption.Kind.FREE if kind == CostOption.Kind.FREE else "reduced" if reduced else kind
        )
    locations: dict[uuid.UUID, list[tuple]] = defaultdict(list)
    sal_service = {}
    for sal_id, service_id, location_id, lat, lon, area_id in (
        ServiceAtLocation.objects.for_network(network)
        .filter(service__in=in_ids)
        .values_list(
            "pk",
            "service_id",
            "location_id",
            "location__latitude",
            "location__longitude",
            "location__area_id",
        )
    ):
        locations[service_id].append((location_id, lat, lon, area_id))
        sal_service[sal_id] = service_id
    own_hours: dict[uuid.UUID, list[tuple]] = defaultdict(list)
    place_hours: dict[uuid.UUID, list[tuple]] = defaultdict(list)
    for service_id, sal_id, location_id, byday, opens, closes in (
        Schedule.objects.for_network(network)
        .filter(
            Q(service__in=in_ids) | Q(service_at_location__service__in=in_ids) | Q(location__in=at_places)
        )
        .values_list("service_id", "service_at_location_id", "location_id", "byday", "opens_at", "closes_at")
    ):
        row = (byday, opens, closes)
        if service_id or sal_id:
            own_hours[service_id or sal_service.get(sal_id)].append(row)
        if location_id:
            place_hours[location_id].append(row)
    languages: dict[uuid.UUID, set[str]] = defaultdict(set)
    for service_id, code in (
        Language.objects.for_network(network).filter(service__in=in_ids).values_list("service_id", "code")
    ):
        languages[service_id].add(code)
    access: dict[uuid.UUID, set[str]] = defaultdict(set)
    for location_id, feature in (
        Accessibility.objects.for_network(network)
        .filter(location__in=at_places)
        .values_list("location_id", "feature")
    ):
        access[location_id].add(feature)
    domains: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for service_id, term_id in (
        Attribute.objects.for_network(network)
        .filter(service__in=in_ids, link_type=Attribute.LinkType.LIFE_DOMAIN)
        .values_list("service_id", "taxonomy_term_id")
    ):
        domains[service_id].append(term_id)
    covered: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for service_id, area_id in (
        ServiceArea.objects.for_network(network)
        .filter(service__in=in_ids, area__isnull=False)
        .values_list("service_id", "area_id")
    ):
        covered[service_id].add(area_id)
    areas = AreaTree(network)

    rows = []
    for pk in ids:
        fact, notes = facts[pk], []
        kinds = costs.get(pk, set())
        cost = 1.0 if "free" in kinds else 0.5 if "reduced" in kinds else 0.0 if kinds else None
        if cost is None:
            notes.append(str(_("geen kostprijs ingevuld")))
        places = locations.get(pk, [])
        hours = own_hours.get(pk) or [
            row for location_id, *_rest in places for row in place_hours.get(location_id, [])
        ]
        hour_parts, note = _hours_parts(hours)
        if note:
            notes.append(note)
        codes = languages.get(pk, set())
        if not codes:
            notes.append(str(_("geen talen ingevuld")))
        located = [
            (float(lat), float(lon)) for _l, lat, lon, _a in places if lat is not None and lon is not None
        ]
        distances = (
            {
                area_id: round(min(_km(*centroid, *point) for point in located), 2)
                for area_id, centroid in areas.centroids.items()
            }
            if located
            else {}
        )
        comes_home = not fact["at_location"] and fact["home"]
        if comes_home:
            distance = 1.0
        elif distances:
            distance = sum(km <= NEAR_KM for km in distances.values()) / len(distances)
        else:
            distance = None
            notes.append(str(_("geen locatie met coördinaten")))
        features = [access[location_id] for location_id, *_rest in places if location_id in access]
        accessible = (
            None if not features else float(any(Accessibility.Feature.WHEELCHAIR in f for f in features))
        )
        if accessible is None:
            notes.append(str(_("geen gegevens over toegankelijkheid")))
        parts = {
            "cost": cost,
            **hour_parts,
            "languages": None if not codes else float(bool(codes - {"nl"})),
            "walk_in": float(fact["walk_in"]),
            "at_home_online": float(fact["home"]),
            "distance": distance,
            "accessibility": accessible,
        }
        served = {
            a for a in areas.nodes if areas.serves(a, {x for *_r, x in places if x}, covered.get(pk, set()))
        }
        rows.append(
            ThresholdRow(
                service_id=pk,
                name=fact["name"],
                organization=fact["org"],
                parts=parts,
                index=index_of(parts),
                distances=distances,
                notes=tuple(notes),
                domains=tuple(domains.get(pk, ())),
                areas=frozenset(served),
                comes_home=comes_home,
            )
        )
    return rows, areas


def threshold_rows(*, network: Network, services: QuerySet[Service] | None = None) -> list[ThresholdRow]:
    """The threshold parts and index of every active service of `network` (or of those of `services` that are),
    by name."""
    return _rows(network, services)[0]


def _mean(values: list[float | int | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 1) if known else None


def threshold_summary(
    *, network: Network, rows: list[ThresholdRow] | None = None, areas=None
) -> ThresholdSummary:
    """Per life domain (every domain of the network, in its order) and per area (by name): how many active
    services, their mean index, and the mean of each part (in percent); per area the index uses the area's own
    distance (1 within NEAR_KM of its centroid, else 0) and `near_share` says which share is that near."""
    if rows is None or areas is None:
        rows, areas = _rows(network, None)
    by_domain = []
    for term in life_domains(network=network):
        chosen = [r for r in rows if term.pk in r.domains]
        by_domain.append(
            SummaryRow(
                key=term.code,
                name=term.name,
                services=len(chosen),
                mean_index=_mean([r.index for r in chosen]),
                part_means={
                    name: _mean([None if r.parts[name] is None else 100 * r.parts[name] for r in chosen])
                    for name in WEIGHTS
                },
            )
        )
    by_area = []
    for pk, node in areas.nodes.items():
        slug, name = node.slug, node.name
        chosen = [r for r in rows if pk in r.areas]
        indexes, near = [], []
        for row in chosen:
            parts = dict(row.parts)
            if not row.comes_home and row.distances and pk in row.distances:
                parts["distance"] = float(row.distances[pk] <= NEAR_KM)
                near.append(parts["distance"])
            elif not row.comes_home:
                parts["distance"] = None
            indexes.append(index_of(parts))
        by_area.append(
            SummaryRow(
                key=slug,
                name=name,
                services=len(chosen),
                mean_index=_mean(indexes),
                near_share=round(100 * sum(near) / len(near), 1) if near else None,
            )
        )
    return ThresholdSummary(
        domains=by_domain, areas=by_area, area_names={pk: node.name for pk, node in areas.nodes.items()}
    )


def threshold_report(
    *, network: Network, services: QuerySet[Service] | None = None
) -> tuple[list[ThresholdRow], ThresholdSummary]:
    """The rows of `services` (all active services when None) and the network's summary, read once."""
    rows, areas = _rows(network, None)
    summary = threshold_summary(network=network, rows=rows, areas=areas)
    if services is not None:
        allowed = set(services.values_list("pk", flat=True))
        rows = [r for r in rows if r.service_id in allowed]
    return rows, summary
