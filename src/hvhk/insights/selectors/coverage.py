"""Coverage (issue 16, "1. Coverage"): how many active services the network has per life domain and age band,
for the whole network or one area; the services behind a cell; the areas on a map for one domain and band; and
per house which of the five base pillars it offers, by which services.

The rules, each taken from one place:
- a service counts in the bands `hvhk.insights.bands.service_bands` gives (the maximum age is excluded, a service
  without ages counts in every band, the pregnancy band only with a negative minimum);
- a service belongs to a life domain through an `Attribute` with `link_type="life_domain"`;
- a service is in an area by the wegwijzer's own area filter (`hvhk.search.selectors.filtered_services` with
  that area: a location in the area or an area inside it, or a service area on the area, one around it or one
  inside it), except that a service with neither a location nor a service area, which the wegwijzer shows
  everywhere, counts for the whole network only (it says nothing about an area).

The matrix of one area costs a constant number of queries (the domains, the links with the ages, the areas and
the area's services), whatever the number of services; a table over every area adds two queries per area."""

import itertools
import math
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils.translation import gettext as _

from hvhk.core.models import Area, Network
from hvhk.directory.models import (
    Attribute,
    House,
    Pillar,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from hvhk.insights.bands import AGE_BANDS, BAND_LABELS, service_bands
from hvhk.insights.charts import Chart, new_figure, number, svg_markup
from hvhk.insights.models import AreaBoundary
from hvhk.insights.selectors.overview import life_domains
from hvhk.search.query import ServiceQuery
from hvhk.search.selectors import filtered_services

WHOLE_NETWORK = "*"
THIN = 2  # a cell with 1 or 2 services is thin
CSV_HEADER = ("life_domain", "age_band", "area", "services")
HOUSES_CSV_HEADER = ("house", "pillar", "offered", "services")


@dataclass(frozen=True)
class CoverageMatrix:
    """Active services per (life domain code, age band) for the whole network (`area` None) or one area."""

    domains: list[TaxonomyTerm]
    bands: list[str]
    counts: dict[tuple[str, str], int]
    area: Area | None = None

    def count(self, code: str, band: str) -> int:
        return self.counts.get((code, band), 0)

    def empty_cells(self) -> list[tuple[TaxonomyTerm, str]]:
        return [(d, b) for d in self.domains for b in self.bands if self.count(d.code, b) == 0]

    def thin_cells(self) -> list[tuple[TaxonomyTerm, str]]:
        return [(d, b) for d in self.domains for b in self.bands if 0 < self.count(d.code, b) <= THIN]

    @property
    def rows(self) -> list[tuple[TaxonomyTerm, list[tuple[str, int]]]]:
        """For a template: per domain, its (band, count) cells in band order."""
        return [(d, [(b, self.count(d.code, b)) for b in self.bands]) for d in self.domains]


@dataclass(frozen=True)
class _Offering:
    """What the counts are made of: per active service its bands and its life-domain codes."""

    domains: list[TaxonomyTerm]
    bands: dict[uuid.UUID, list[str]]
    codes: dict[uuid.UUID, set[str]]

    def counts(self, service_ids: Iterable[uuid.UUID] | None = None) -> dict[tuple[str, str], int]:
        counts: dict[tuple[str, str], int] = defaultdict(int)
        ids = self.codes.keys() if service_ids is None else set(service_ids) & self.codes.keys()
        for service_id in ids:
            for code in self.codes[service_id]:
                for band in self.bands[service_id]:
                    counts[(code, band)] += 1
        return dict(counts)

    def in_cell(self, code: str, band: str) -> set[uuid.UUID]:
        return {s for s, codes in self.codes.items() if code in codes and band in self.bands[s]}


def _offering(network: Network) -> _Offering:
    """Two queries: the network's life domains, and every life-domain link of an active service with its ages."""
    domains = life_domains(network=network)
    known = {d.pk: d.code for d in domains}
    links = (
        Attribute.objects.for_network(network)
        .filter(
            link_type=Attribute.LinkType.LIFE_DOMAIN,
            service__status=Service.Status.ACTIVE,
            taxonomy_term__in=list(known),
        )
        .values_list(
            "service_id", "taxonomy_term_id", "service__minimum_age_months", "service__maximum_age_months"
        )
    )
    bands: dict[uuid.UUID, list[str]] = {}
    codes: dict[uuid.UUID, set[str]] = defaultdict(set)
    for service_id, term_id, minimum, maximum in links:
        codes[service_id].add(known[term_id])
        if service_id not in bands:
            bands[service_id] = service_bands(minimum, maximum)
    return _Offering(domains=domains, bands=bands, codes=dict(codes))


def network_areas(*, network: Network) -> list[Area]:
    """The network's areas, a municipality before its parts, each level by name."""
    areas = list(Area.objects.for_network(network).order_by("name"))
    by_id = {a.pk: a for a in areas}

    def path(area: Area) -> tuple[str, ...]:
        names, current, seen = [], area, set()
        while current is not None and current.pk not in seen:
            seen.add(current.pk)
            names.append(current.name.casefold())
            current = by_id.get(current.parent_id)
        return tuple(reversed(names))

    return sorted(areas, key=path)


def area_get(*, network: Network, slug: str) -> Area | None:
    return Area.objects.for_network(network).filter(slug=slug).first()


def services_in_area(*, network: Network, area: Area) -> QuerySet[Service]:
    """The active services in `area` by the wegwijzer's area filter, without those that have neither a location
    nor a service area (the wegwijzer shows them everywhere; here they count for the whole network only)."""
    placed = Exists(ServiceAtLocation.objects.filter(service=OuterRef("pk"))) | Exists(
        ServiceArea.objects.filter(service=OuterRef("pk"))
    )
    return filtered_services(network=network, query=ServiceQuery(area=area.slug)).filter(placed)


def _area_ids(network: Network, area: Area | None) -> set[uuid.UUID] | None:
    if area is None:
        return None
    return set(services_in_area(network=network, area=area).values_list("pk", flat=True))


def coverage_matrix(*, network: Network, area: Area | None = None) -> CoverageMatrix:
    """The matrix life domain × age band of the active services of `network`, or of those in `area`."""
    offering = _offering(network)
    return CoverageMatrix(
        domains=offering.domains,
        bands=list(AGE_BANDS),
        counts=offering.counts(_area_ids(network, area)),
        area=area,
    )


def coverage_rows(*, network: Network) -> Iterator[tuple[str, str, str, int]]:
    """The rows of coverage.csv (without its header, CSV_HEADER): per life domain and age band the count for the
    whole network (`*`), then the same for every area; zeros included."""
    offering = _offering(network)
    scopes: list[tuple[str, dict]] = [(WHOLE_NETWORK, offering.counts())]
    for area in network_areas(network=network):
        scopes.append((area.slug, offering.counts(_area_ids(network, area))))
    for slug, counts in scopes:
        for domain in offering.domains:
            for band in AGE_BANDS:
                yield (domain.code, band, slug, counts.get((domain.code, band), 0))


def cell_services(
    *, network: Network, domain_code: str, band: str, area: Area | None = None
) -> list[Service]:
    """The active services behind one cell of the matrix, by name."""
    offering = _offering(network)
    ids = offering.in_cell(domain_code, band)
    area_ids = _area_ids(network, area)
    if area_ids is not None:
        ids &= area_ids
    return list(
        Service.objects.for_network(network)
        .filter(pk__in=ids)
        .select_related("organization")
        .order_by("name", "pk")
    )


def area_counts(*, network: Network, domain_code: str, band: str) -> list[tuple[Area, int]]:
    """Per area of the network, the active services in it for one life domain and age band."""
    cell = _offering(network).in_cell(domain_code, band)
    return [(area, len(cell & _area_ids(network, area))) for area in network_areas(network=network)]


def coverage_map(*, network: Network, domain_code: str, band: str) -> Chart:
    """The areas coloured by their number of services for one life domain and age band: on their uploaded
    outlines, or as a grid of tiles without them."""
    domain = next((d for d in life_domains(network=network) if d.code == domain_code), None)
    if domain is None or band not in AGE_BANDS:
        raise ValueError(_("Onbekend levensdomein of onbekende leeftijdsgroep."))
    counts = area_counts(network=network, domain_code=domain_code, band=band)
    return _draw_map(network=network, domain=domain, band=band, counts=counts)


# Count classes of the map, with a sequential palette (light to dark blue) under dark labels on a white box,
# so a label reads on every colour; an empty area is hatched too, and every label says its number.
MAP_CLASSES: tuple[tuple[int, int | None, str], ...] = (
    (0, 0, "#f2f2f2"),
    (1, THIN, "#c6dbef"),
    (THIN + 1, 5, "#6baed6"),
    (6, None, "#2171b5"),
)


def map_class(count: int) -> int:
    return next(
        i for i, (low, high, _c) in enumerate(MAP_CLASSES) if count >= low and (high is None or count <= high)
    )


def _class_label(index: int) -> str:
    low, high, _colour = MAP_CLASSES[index]
    if high == 0:
        return _("geen aanbod")
    if high is None:
        return _("%(low)d of meer") % {"low": low}
    return _("%(low)d tot %(high)d") % {"low": low, "high": high}


def _rings(geometry: dict) -> list[list[list[float]]]:
    """The outer rings of a Polygon or MultiPolygon (holes are not drawn: areas do not lie inside others)."""
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"][0]]
    return [polygon[0] for polygon in geometry.get("coordinates", [])]


def _centroid(ring: list[list[float]]) -> tuple[float, float]:
    """The centroid of a ring (shoelace), or the mean of its points for a degenerate one."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-15:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return cx / (3 * area), cy / (3 * area)


def _ring_area(ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))) / 2


def _draw_map(*, network: Network, domain: TaxonomyTerm, band: str, counts: list[tuple[Area, int]]) -> Chart:
    from matplotlib.patches import Patch, Polygon, Rectangle

    title = _("Aanbod per gebied: %(domain)s, %(band)s") % {"domain": domain.name, "band": BAND_LABELS[band]}
    boundaries = dict(AreaBoundary.objects.for_network(network).values_list("area_id", "geometry"))
    with_outline = {a.pk for a, _n in counts if a.pk in boundaries}
    drawn = [
        (a, n)
        for a, n in counts
        if a.pk in with_outline and not any(b.parent_id == a.pk and b.pk in with_outline for b, _m in counts)
    ]
    figure = new_figure(6.0, 7.0)
    axes = figure.add_subplot()
    axes.set_axis_off()
    label_box = {"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}

    def style(count: int) -> dict:
        index = map_class(count)
        return {
            "facecolor": MAP_CLASSES[index][2],
            "edgecolor": "#222222",
            "linewidth": 1,
            "hatch": "//" if count == 0 else None,
        }

    if drawn:
        points = [p for a, _n in drawn for ring in _rings(boundaries[a.pk]) for p in ring]
        mid_lat = sum(p[1] for p in points) / len(points)
        scale = math.cos(math.radians(mid_lat))  # a degree of longitude is shorter than one of latitude
        for area, count in drawn:
            rings = _rings(boundaries[area.pk])
            for ring in rings:
                patch = Polygon([(x * scale, y) for x, y in ring], closed=True, **style(count))
                patch.set_gid(f"area-{area.slug}")
                axes.add_patch(patch)
            x, y = _centroid(max(rings, key=_ring_area))
            axes.text(
                x * scale,
                y,
                f"{area.name}\n{number(count)}",
                ha="center",
                va="center",
                fontsize=13,
                color="#222222",
                bbox=label_box,
            )
        axes.set_aspect("equal")
        axes.autoscale_view()
    else:
        columns = max(1, min(3, len(counts)))
        for index, (area, count) in enumerate(counts):
            x, y = index % columns, -(index // columns)
            patch = Rectangle((x + 0.05, y + 0.05), 0.9, 0.9, **style(count))
            patch.set_gid(f"area-{area.slug}")
            axes.add_patch(patch)
            axes.text(
                x + 0.5,
                y + 0.5,
                f"{area.name}\n{number(count)}",
                ha="center",
                va="center",
                fontsize=13,
                color="#222222",
                bbox=label_box,
            )
        rows = max(1, math.ceil(len(counts) / columns))
        axes.set_xlim(0, columns)
        axes.set_ylim(-rows + 1, 1)
        axes.set_aspect("equal")
    handles = [
        Patch(facecolor=colour, edgecolor="#222222", hatch="//" if high == 0 else None, label=_class_label(i))
        for i, (_low, high, colour) in enumerate(MAP_CLASSES)
    ]
    axes.legend(
        handles=handles,
        title=_("Aantal aanbod"),
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncols=2,
        frameon=False,
        fontsize=13,
        title_fontsize=13,
    )
    none = [a.name for a, n in counts if n == 0]
    if not counts:
        summary = _("Het netwerk heeft nog geen gebieden.")
    elif none:
        summary = _("Zonder aanbod: %(names)s.") % {"names": ", ".join(none)}
    else:
        summary = _("Elk gebied heeft aanbod.")
    if counts and not drawn:
        summary += " " + _("Er zijn geen omtrekken van de gebieden opgeladen: elk gebied is een vak.")
    return Chart(
        title=title,
        summary=summary,
        svg=svg_markup(figure, label=title, prefix=f"map-{domain.code}-{band}-"),
        headers=[_("Gebied"), _("Aanbod")],
        rows=[[a.name, number(n)] for a, n in counts],
    )


# --- houses and their pillars ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PillarOffer:
    kind: str
    label: str
    services: list[Service] = field(default_factory=list)


@dataclass(frozen=True)
class HousePillars:
    house: House
    offered: list[PillarOffer]
    missing: list[PillarOffer]


def house_pillars(*, network: Network) -> list[HousePillars]:
    """Per active house: the base pillars it offers with the active services that fill them in, and the base
    pillars it misses (none there, or none with an active service). Three queries."""
    active = Service.objects.filter(status=Service.Status.ACTIVE).order_by("name", "pk")
    houses = (
        House.objects.for_network(network)
        .filter(is_active=True)
        .order_by("name", "pk")
        .prefetch_related(
            Prefetch(
                "pillars",
                queryset=Pillar.objects.filter(kind__in=Pillar.BASE_KINDS).prefetch_related(
                    Prefetch("services", queryset=active)
                ),
            )
        )
    )
    result = []
    for house in houses:
        services: dict[str, list[Service]] = defaultdict(list)
        for pillar in house.pillars.all():
            services[pillar.kind] += [s for s in pillar.services.all() if s not in services[pillar.kind]]
        offered, missing = [], []
        for kind in Pillar.BASE_KINDS:
            offer = PillarOffer(kind=str(kind), label=str(Pillar.Kind(kind).label), services=services[kind])
            (offered if offer.services else missing).append(offer)
        result.append(HousePillars(house=house, offered=offered, missing=missing))
    return result


def house_pillar_rows(*, network: Network) -> Iterator[tuple[str, str, str, str]]:
    """The rows of coverage-houses.csv (HOUSES_CSV_HEADER): per house and base pillar, offered (ja/nee) and the
    names of its active services, separated by "; "."""
    for entry in house_pillars(network=network):
        offers = {o.kind: o for o in entry.offered + entry.missing}
        for kind in Pillar.BASE_KINDS:
            offer = offers[str(kind)]
            yield (
                entry.house.slug,
                str(kind),
                "ja" if offer.services else "nee",
                "; ".join(s.name for s in offer.services),
            )
