"""A network's areas as a tree, read once: which areas lie in which, where two services meet, and which areas a
service serves (the wegwijzer's rule). Overlap and thresholds read the tree the same way."""

import uuid
from dataclasses import dataclass
from decimal import Decimal

from hvhk.core.models import Area, Network


@dataclass(frozen=True)
class AreaNode:
    pk: uuid.UUID
    slug: str
    name: str
    kind: str
    parent: uuid.UUID | None
    latitude: Decimal | None
    longitude: Decimal | None


class AreaTree:
    """The areas of a network by name, each with the areas it lies in (its ancestors, nearest first)."""

    def __init__(self, network: Network) -> None:
        self.nodes: dict[uuid.UUID, AreaNode] = {
            row[0]: AreaNode(*row)
            for row in Area.objects.for_network(network)
            .order_by("name")
            .values_list("pk", "slug", "name", "kind", "parent_id", "latitude", "longitude")
        }
        self.ancestors: dict[uuid.UUID, tuple[uuid.UUID, ...]] = {}
        for pk, node in self.nodes.items():
            chain, current, seen = [], node.parent, {pk}
            while current and current in self.nodes and current not in seen:  # a loop in bad data stops
                chain.append(current)
                seen.add(current)
                current = self.nodes[current].parent
            self.ancestors[pk] = tuple(chain)

    @property
    def centroids(self) -> dict[uuid.UUID, tuple[float, float]]:
        return {
            pk: (float(node.latitude), float(node.longitude))
            for pk, node in self.nodes.items()
            if node.latitude is not None and node.longitude is not None
        }

    def depth(self, pk: uuid.UUID) -> int:
        return len(self.ancestors.get(pk, ()))

    def meeting(self, a: set[uuid.UUID], b: set[uuid.UUID]) -> uuid.UUID | None:
        """The most specific area where services in `a` and `b` meet (the same area, or one inside the other),
        or None when they do not."""
        found = []
        for x in a:
            for y in b:
                if x == y or x in self.ancestors.get(y, ()):
                    found.append(y)
                elif y in self.ancestors.get(x, ()):
                    found.append(x)
        return max(found, key=self.depth) if found else None

    def around(self, pk: uuid.UUID) -> set[uuid.UUID]:
        """The area, the areas it lies in and the areas that lie in it."""
        inside = {other for other, chain in self.ancestors.items() if pk in chain}
        return {pk, *self.ancestors.get(pk, ()), *inside}

    def serves(self, area: uuid.UUID, located: set, covered: set) -> bool:
        """The wegwijzer's rule: a location in the area or inside it, a service area that is it or around it, or
        no location and no service area at all (the whole network)."""
        if not located and not covered:
            return True
        if any(a == area or area in self.ancestors.get(a, ()) for a in located):
            return True
        return any(a == area or a in self.ancestors.get(area, ()) for a in covered)
