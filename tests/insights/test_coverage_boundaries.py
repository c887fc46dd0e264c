"""The areas' outlines: the coordinator's GeoJSON upload (every bad file has its Dutch message naming the feature
and saves nothing; a good one replaces all), the map drawn on them (inline SVG, a path per area, no style
attributes) or as a grid without them, and the demo's outlines of Leuven."""

import json
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hvhk.core.models import Network
from hvhk.insights.models import AreaBoundary
from hvhk.insights.selectors.coverage import coverage_map
from hvhk.insights.services import coverage as service
from hvhk.insights.services.coverage import area_boundaries_replace
from tests.insights.coverage_data import build

SQUARE = [[4.70, 50.88], [4.71, 50.88], [4.71, 50.89], [4.70, 50.89], [4.70, 50.88]]
SOUTH = [[4.70, 50.87], [4.71, 50.87], [4.71, 50.88], [4.70, 50.88], [4.70, 50.87]]


def feature(properties, geometry):
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(*features) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


GOOD = collection(
    feature({"slug": "noord"}, {"type": "Polygon", "coordinates": [SQUARE]}),
    feature({"name": "ZUID"}, {"type": "MultiPolygon", "coordinates": [[SOUTH]]}),
)


@pytest.fixture
def offering(partner_a):
    return build(partner_a)


def test_a_good_file_replaces_every_outline(offering, network_a, coordinator_a):
    saved = area_boundaries_replace(network=network_a, geojson=GOOD, acting_user=coordinator_a)
    assert {b.area.slug for b in saved} == {"noord", "zuid"}
    only_north = collection(feature({"slug": "noord"}, {"type": "Polygon", "coordinates": [SOUTH]}))
    area_boundaries_replace(network=network_a, geojson=only_north.encode(), acting_user=coordinator_a)
    (boundary,) = AreaBoundary.objects.for_network(network_a)
    assert boundary.area == offering.noord
    assert boundary.geometry == {"type": "Polygon", "coordinates": [SOUTH]}
    assert boundary.uploaded_by == coordinator_a


OPEN_RING = [*SQUARE[:-1], [4.70, 50.885]]


@pytest.mark.parametrize(
    ("geojson", "message"),
    [
        ("{niet: json", "Dit is geen JSON-bestand"),
        (json.dumps({"type": "Feature"}), "Dit is geen GeoJSON-FeatureCollection"),
        (collection(), "geen onderdelen"),
        (
            collection(feature({"slug": "elders"}, {"type": "Polygon", "coordinates": [SQUARE]})),
            "Onderdeel 1 (elders): dit gebied kent het netwerk niet",
        ),
        (
            collection(feature({"slug": "noord"}, {"type": "Point", "coordinates": [4.7, 50.8]})),
            "Onderdeel 1 (noord): de geometrie is een Point, geen Polygon of MultiPolygon",
        ),
        (
            collection(feature({"slug": "noord"}, {"type": "Polygon", "coordinates": [OPEN_RING]})),
            "Onderdeel 1 (noord): een omtrek is niet gesloten",
        ),
        (
            collection(feature({"slug": "noord"}, {"type": "Polygon", "coordinates": [SQUARE[:3]]})),
            "minder dan vier punten",
        ),
        (
            collection(
                feature({"slug": "noord"}, {"type": "Polygon", "coordinates": [SQUARE]}),
                feature({"slug": "zuid"}, {"type": "Polygon", "coordinates": [[[50.8, 400], *SOUTH[1:]]]}),
            ),
            "Onderdeel 2 (zuid): een punt ligt buiten",
        ),
        (
            collection(
                feature({"slug": "noord"}, {"type": "Polygon", "coordinates": [SQUARE]}),
                feature({"name": "Noord"}, {"type": "Polygon", "coordinates": [SOUTH]}),
            ),
            "Onderdeel 2 (Noord): Noord staat al eerder in het bestand",
        ),
        (collection({"type": "Feature", "geometry": None}), "Onderdeel 1: heeft geen properties"),
    ],
)
def test_a_bad_file_gets_its_message_and_saves_nothing(geojson, message, offering, network_a, coordinator_a):
    area_boundaries_replace(network=network_a, geojson=GOOD, acting_user=coordinator_a)
    before = list(AreaBoundary.objects.order_by("pk").values_list("pk", "geometry"))
    with pytest.raises(ValidationError) as raised:
        area_boundaries_replace(network=network_a, geojson=geojson, acting_user=coordinator_a)
    assert any(message in text for text in raised.value.messages), raised.value.messages
    assert list(AreaBoundary.objects.order_by("pk").values_list("pk", "geometry")) == before


def test_too_big_a_file_and_too_many_points_are_refused(offering, network_a, coordinator_a, monkeypatch):
    monkeypatch.setattr(service, "MAX_POINTS", 9)
    with pytest.raises(ValidationError, match="te veel punten: 10, hoogstens 9"):
        area_boundaries_replace(network=network_a, geojson=GOOD, acting_user=coordinator_a)
    monkeypatch.setattr(service, "MAX_BYTES", 100)
    with pytest.raises(ValidationError, match="te groot"):
        area_boundaries_replace(network=network_a, geojson=GOOD, acting_user=coordinator_a)
    assert not AreaBoundary.objects.exists()


def test_only_the_coordinator_replaces_outlines(offering, network_a, analyst_a, coordinator_b):
    for person in (analyst_a, coordinator_b):
        with pytest.raises(PermissionDenied):
            area_boundaries_replace(network=network_a, geojson=GOOD, acting_user=person)
    assert not AreaBoundary.objects.exists()


def test_the_coordinator_uploads_on_the_page(offering, coordinator_a, login, client):
    login(coordinator_a)
    url = reverse("insights:coverage-boundaries")
    assert client.get(url).status_code == 200
    bad = SimpleUploadedFile("gebieden.geojson", b'{"type": "Feature"}', content_type="application/geo+json")
    response = client.post(url, {"file": bad})
    assert response.status_code == 400
    assert "Dit is geen GeoJSON-FeatureCollection" in response.content.decode()
    good = SimpleUploadedFile("gebieden.geojson", GOOD.encode(), content_type="application/geo+json")
    response = client.post(url, {"file": good}, follow=True)
    assert "De omtrekken van 2 gebieden zijn bewaard." in response.content.decode()
    assert AreaBoundary.objects.count() == 2


@pytest.mark.parametrize("persona", ["analyst_a", "editor_a", "member_a", "intake_a"])
def test_no_one_else_sees_the_upload(persona, request, offering, login, client):
    login(request.getfixturevalue(persona))
    url = reverse("insights:coverage-boundaries")
    assert client.get(url).status_code == 404
    good = SimpleUploadedFile("gebieden.geojson", GOOD.encode())
    assert client.post(url, {"file": good}).status_code == 404
    assert not AreaBoundary.objects.exists()


def test_network_bs_coordinator_cannot_outline_network_as_areas(offering, coordinator_b, login, client):
    login(coordinator_b)
    good = SimpleUploadedFile("gebieden.geojson", GOOD.encode())
    response = client.post(reverse("insights:coverage-boundaries"), {"file": good})
    assert response.status_code == 400
    assert "dit gebied kent het netwerk niet" in response.content.decode()
    assert not AreaBoundary.objects.exists()


# --- the map ---------------------------------------------------------------------------------------------------


def test_the_map_draws_a_path_per_area_on_its_outline(offering, network_a, coordinator_a):
    area_boundaries_replace(network=network_a, geojson=GOOD, acting_user=coordinator_a)
    chart = coverage_map(network=network_a, domain_code="gezondheid", band="0-2")
    svg = str(chart.svg)
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "style=" not in svg and "<style" not in svg
    for slug in ("noord", "zuid"):
        (group,) = re.findall(rf'<g id="map-gezondheid-0-2-area-{slug}">(.*?)</g>', svg)
        assert "<path" in group
    assert "Noord" in svg and "Zuid" in svg and "geen aanbod" in svg  # labels and legend
    assert chart.rows == [["Noord", "2"], ["Zuid", "0"]]
    assert chart.summary == "Zonder aanbod: Zuid."
    assert "Gezondheid" in chart.title and "0 tot 2 jaar" in chart.title


def test_without_outlines_the_map_is_a_grid_of_the_areas(offering, network_a):
    chart = coverage_map(network=network_a, domain_code="opvoeding", band="18-24")
    svg = str(chart.svg)
    assert re.search(r'<g id="map-[^"]*-area-noord">', svg) and re.search(
        r'<g id="map-[^"]*-area-zuid">', svg
    )
    assert chart.rows == [["Noord", "0"], ["Zuid", "1"]]
    assert "elk gebied is een vak" in chart.summary


def test_the_map_refuses_an_unknown_domain_or_band(offering, network_a):
    with pytest.raises(ValueError, match="Onbekend"):
        coverage_map(network=network_a, domain_code="gezondheid", band="25-30")


# --- the demo --------------------------------------------------------------------------------------------------


def test_the_demo_loads_outlines_for_leuvens_areas(demo, db):
    leuven = Network.objects.get(slug="leuven")
    outlines = {
        b.area.slug: b.geometry for b in AreaBoundary.objects.for_network(leuven).select_related("area")
    }
    assert set(outlines) == {"heverlee", "kessel-lo", "leuven-centrum", "wijgmaal", "wilsele"}
    assert all(g["type"] == "Polygon" for g in outlines.values())
    chart = coverage_map(network=leuven, domain_code="gezondheid", band="0-2")
    assert "elk gebied is een vak" not in chart.summary
    assert (
        len(re.findall(r'<g id="map-[^"]*-area-', str(chart.svg))) == 5
    )  # the city itself lies under its parts
