"""Demo: the outlines of a network's areas for the coverage map, from `data/<network>-areas.geojson`.

Leuven's outlines (data/leuven-areas.geojson) are approximate, made up for the demo: a Voronoi partition around
the centroids of the five sub-municipalities (Heverlee, Kessel-Lo, Leuven-centrum, Wijgmaal, Wilsele), clipped to
a box around the city and rounded to five decimals. They do not overlap and cover the box, but they are not the
real borders. The file goes through the same check and service as a coordinator's upload; a reload that finds
the same outlines changes nothing."""

from pathlib import Path

from hvhk.accounts.models import RoleAssignment
from hvhk.core.models import Network
from hvhk.insights.models import AreaBoundary
from hvhk.insights.services.coverage import area_boundaries_replace, boundaries_check

DATA_DIR = Path(__file__).parent / "data"


def boundaries_load(*, networks: dict[str, Network]) -> int:
    """Load the outlines of every demo network that has a file; the number of areas with an outline."""
    loaded = 0
    for slug, network in networks.items():
        path = DATA_DIR / f"{slug}-areas.geojson"
        if not path.exists():
            continue
        geojson = path.read_bytes()
        wanted = {
            area.pk: geometry for area, geometry in boundaries_check(network=network, geojson=geojson).items()
        }
        stored = dict(AreaBoundary.objects.for_network(network).values_list("area_id", "geometry"))
        if stored != wanted:
            coordinator = (
                RoleAssignment.objects.filter(network=network, role=RoleAssignment.Role.COORDINATOR)
                .select_related("user")
                .order_by("user__email")
                .first()
            )
            area_boundaries_replace(network=network, geojson=geojson, acting_user=coordinator.user)
        loaded += len(wanted)
    return loaded
