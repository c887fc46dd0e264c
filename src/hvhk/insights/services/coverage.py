"""Coverage: the coordinator replaces the outlines of the network's areas with a GeoJSON file (for the map).

The file is checked whole before anything is saved: a FeatureCollection of Features, each naming one of the
network's areas in its properties (`slug`, or `name` without regard to case), with a Polygon or MultiPolygon
geometry in longitude/latitude (WGS 84): closed rings of at least four points, every point two finite numbers
within range. A file over MAX_BYTES or with more than MAX_POINTS points in all is refused. One mistake and
nothing changes; a good file replaces every outline of the network in one transaction."""

import json
import math

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hvhk.accounts.access import require_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.models import Area, Network
from hvhk.insights.models import AreaBoundary

MAX_BYTES = 5 * 1024 * 1024
MAX_POINTS = 100_000
MAX_ERRORS = 10  # the first mistakes are enough to fix the file


def _feature_name(index: int, properties: dict) -> str:
    label = properties.get("slug") or properties.get("name") if isinstance(properties, dict) else None
    if isinstance(label, str) and label.strip():
        return _("Onderdeel %(number)d (%(label)s)") % {"number": index + 1, "label": label.strip()[:60]}
    return _("Onderdeel %(number)d") % {"number": index + 1}


def _position_problem(position) -> str | None:
    if not isinstance(position, list) or len(position) not in (2, 3):
        return _("een punt is geen paar [lengtegraad, breedtegraad]")
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in position):
        return _("een punt heeft iets anders dan getallen")
    lon, lat = position[0], position[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return _("een punt ligt buiten lengtegraad -180..180 of breedtegraad -90..90 (staan ze omgekeerd?)")
    return None


def _ring_problem(ring) -> tuple[str | None, int]:
    if not isinstance(ring, list) or len(ring) < 4:
        return _("een omtrek heeft minder dan vier punten"), 0
    for position in ring:
        problem = _position_problem(position)
        if problem:
            return problem, 0
    if ring[0][:2] != ring[-1][:2]:
        return _("een omtrek is niet gesloten (het laatste punt moet het eerste zijn)"), 0
    return None, len(ring)


def _geometry_problem(geometry) -> tuple[str | None, int]:
    """(what is wrong with the geometry or None, its number of points)."""
    if not isinstance(geometry, dict):
        return _("de geometrie ontbreekt"), 0
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind not in ("Polygon", "MultiPolygon"):
        return _("de geometrie is een %(kind)s, geen Polygon of MultiPolygon") % {"kind": str(kind)[:30]}, 0
    polygons = [coordinates] if kind == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        return _("de geometrie heeft geen coördinaten"), 0
    points = 0
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return _("een veelhoek heeft geen omtrek"), 0
        for ring in polygon:
            problem, count = _ring_problem(ring)
            if problem:
                return problem, 0
            points += count
    return None, points


def _parse(geojson: str | bytes) -> dict:
    size = len(geojson.encode() if isinstance(geojson, str) else geojson)
    if size > MAX_BYTES:
        raise ValidationError(
            _("Het bestand is te groot: hoogstens %(max)d MB.") % {"max": MAX_BYTES // (1024 * 1024)}
        )
    try:
        data = json.loads(geojson)
    except (ValueError, UnicodeDecodeError) as error:
        raise ValidationError(_("Dit is geen JSON-bestand (GeoJSON is JSON).")) from error
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise ValidationError(
            _('Dit is geen GeoJSON-FeatureCollection (een object met "type": "FeatureCollection").')
        )
    if not isinstance(data.get("features"), list) or not data["features"]:
        raise ValidationError(_("De FeatureCollection heeft geen onderdelen (features)."))
    return data


def boundaries_check(*, network: Network, geojson: str | bytes) -> dict[Area, dict]:
    """Every area with its geometry from the file, or a ValidationError listing what is wrong (in Dutch, each
    mistake with the feature it is in)."""
    data = _parse(geojson)
    areas = list(Area.objects.for_network(network))
    by_slug = {a.slug: a for a in areas}
    by_name = {a.name.casefold(): a for a in areas}
    found: dict[Area, dict] = {}
    errors: list[str] = []
    points = 0
    for index, feature in enumerate(data["features"]):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        name = _feature_name(index, properties or {})
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            errors.append(_("%(feature)s: is geen Feature.") % {"feature": name})
            continue
        if not isinstance(properties, dict):
            errors.append(
                _("%(feature)s: heeft geen properties met de slug of naam van het gebied.")
                % {"feature": name}
            )
            continue
        slug, label = properties.get("slug"), properties.get("name")
        area = by_slug.get(slug) if isinstance(slug, str) else None
        if area is None and isinstance(label, str):
            area = by_name.get(label.strip().casefold())
        if area is None:
            errors.append(
                _("%(feature)s: dit gebied kent het netwerk niet (geef de slug of de naam van een gebied).")
                % {"feature": name}
            )
            continue
        if area in found:
            errors.append(
                _("%(feature)s: %(area)s staat al eerder in het bestand.")
                % {"feature": name, "area": area.name}
            )
            continue
        problem, count = _geometry_problem(feature.get("geometry"))
        if problem:
            errors.append(_("%(feature)s: %(problem)s.") % {"feature": name, "problem": problem})
            continue
        points += count
        found[area] = {"type": feature["geometry"]["type"], "coordinates": feature["geometry"]["coordinates"]}
    if points > MAX_POINTS:
        errors.insert(
            0,
            _("Het bestand heeft te veel punten: %(points)d, hoogstens %(max)d. Vereenvoudig de omtrekken.")
            % {"points": points, "max": MAX_POINTS},
        )
    if errors:
        shown = errors[:MAX_ERRORS]
        if len(errors) > MAX_ERRORS:
            shown.append(_("En nog %(count)d andere fouten.") % {"count": len(errors) - MAX_ERRORS})
        raise ValidationError(shown)
    return found


@transaction.atomic
def area_boundaries_replace(
    *, network: Network, geojson: str | bytes, acting_user: User
) -> list[AreaBoundary]:
    """Replace every area outline of `network` by those in `geojson` (see the module). Only the network's
    coordinator may; a file with any mistake saves nothing."""
    require_role(acting_user, network=network, roles=(RoleAssignment.Role.COORDINATOR,))
    found = boundaries_check(network=network, geojson=geojson)
    AreaBoundary.objects.for_network(network).delete()
    saved = []
    for area, geometry in found.items():
        boundary = AreaBoundary(network=network, area=area, geometry=geometry, uploaded_by=acting_user)
        boundary.full_clean()
        boundary.save()
        saved.append(boundary)
    return saved
