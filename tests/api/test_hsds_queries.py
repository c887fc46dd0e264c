"""Every API list takes the same number of queries for 5 services as for 25 (STYLE.md rule 7)."""

import pytest

from tests.search.offering import build_offering

pytestmark = pytest.mark.django_db

LISTS = [
    ("/services", {}, 3),
    ("/services", {"full": "true"}, 38),
    ("/services", {"search": "speelgroep"}, 6),
    ("/services", {"search": "speelgroep", "full": "true"}, 41),
    ("/services", {"search": "speelgroep", "organization_id": "00000000-0000-4000-8000-000000000000"}, 6),
    ("/organizations", {}, 3),
    ("/organizations", {"full": "true"}, 16),
    ("/service_at_locations", {}, 15),
    ("/taxonomies", {}, 3),
    ("/taxonomy_terms", {}, 3),
]


@pytest.mark.parametrize("count", [5, 25])
@pytest.mark.parametrize(("path", "params", "queries"), LISTS)
def test_an_api_list_takes_the_same_queries_for_5_or_25_services(
    client, network_a, count, path, params, queries, django_assert_num_queries
):
    build_offering(network_a, count)
    with django_assert_num_queries(queries):
        response = client.get(f"/netwerk-a/api/hsds{path}", {"per_page": 100, **params})
    assert response.status_code == 200
    if path == "/services" and "organization_id" not in params:
        assert response.json()["total_items"] == count
