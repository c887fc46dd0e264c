"""Every endpoint of the HSDS API over the whole demo data, validated against the official HSDS 3.0 schemas."""

import pytest

from hvhk.core.models import Network
from hvhk.directory.models import Organization, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm

pytestmark = pytest.mark.django_db
API = "/leuven/api/hsds"
PAGE = "openapi.json#/components/schemas/Page"


def _errors(validator, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:120]}" for e in validator.iter_errors(data)]


def _all_pages(client, path: str, **params) -> list[dict]:
    items, page = [], 1
    while True:
        body = client.get(path, {"page": page, "per_page": 50, **params}).json()
        assert {
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        } <= set(body)
        assert body["page_number"] == page and body["size"] == len(body["contents"])
        items += body["contents"]
        if body["last_page"]:
            assert len(items) == body["total_items"]
            return items
        page += 1


PUBLISHED = {Service: {"status": "active"}, ServiceAtLocation: {"service__status": "active"}}


@pytest.mark.parametrize(
    ("kind", "list_schema", "detail_schema", "model"),
    [
        ("services", "compiled/service_list.json", "compiled/service.json", Service),
        ("organizations", "compiled/organization_list.json", "compiled/organization.json", Organization),
        (
            "service_at_locations",
            "compiled/service_at_location_list.json",
            "compiled/service_at_location.json",
            ServiceAtLocation,
        ),
        ("taxonomies", "taxonomy.json", "taxonomy.json", Taxonomy),
        ("taxonomy_terms", "taxonomy_term.json", "taxonomy_term.json", TaxonomyTerm),
    ],
)
def test_every_item_and_detail_of_the_demo_is_valid_hsds(
    client, demo, hsds, kind, list_schema, detail_schema, model
):
    leuven = Network.objects.get(slug="leuven")
    items = _all_pages(client, f"{API}/{kind}")
    published = PUBLISHED.get(model, {})  # what the wegwijzer shows: active services only
    assert {i["id"] for i in items} == {
        str(pk) for pk in model.objects.for_network(leuven).filter(**published).values_list("pk", flat=True)
    }
    item_validator, detail_validator = hsds(list_schema), hsds(detail_schema)
    problems = [f"{i['id']}: {e}" for i in items for e in _errors(item_validator, i)]
    for item in items:
        detail = client.get(f"{API}/{kind}/{item['id']}")
        assert detail.status_code == 200
        problems += [f"detail {item['id']}: {e}" for e in _errors(detail_validator, detail.json())]
    assert problems == []


def test_paged_responses_match_the_official_envelope(client, demo, hsds):
    body = client.get(f"{API}/services", {"per_page": 5}).json()
    assert (
        _errors(
            hsds("openapi.json#/paths/~1services/get/responses/200/content/application~1json/schema"), body
        )
        == []
    )


def test_full_services_in_a_list_are_valid_too(client, demo, hsds):
    body = client.get(f"{API}/services", {"per_page": 20, "full": "true"}).json()
    validator = hsds("compiled/service.json")
    assert [e for s in body["contents"] for e in _errors(validator, s)] == []


def test_api_root_points_to_its_openapi(client, demo):
    body = client.get(f"{API}/").json()
    assert body["version"] == "3.0.1"
    assert body["openapi_url"].endswith("/leuven/api/hsds/openapi.json")
    schema = client.get("/leuven/api/hsds/openapi.json").json()
    assert "/leuven/api/hsds/services" in schema["paths"]
    assert all("{network_slug}" not in path for path in schema["paths"])
