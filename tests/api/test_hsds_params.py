"""The HSDS query parameters, conditional GET, CORS, rate limits and errors that name the parameter."""

import datetime as dt

import pytest

from hvhk.api.hsds import api
from hvhk.core.models import Network
from hvhk.directory.models import Organization, Service, TaxonomyTerm

pytestmark = pytest.mark.django_db
API = "/leuven/api/hsds"


def _get(client, path="/services", **params):
    return client.get(API + path, params)


def _names(body) -> list[str]:
    return [s["name"] for s in body["contents"]]


def _published() -> int:
    """The demo's active services: all the API shows (the demo also has an inactive and a closed one)."""
    return Service.objects.filter(network__slug="leuven", status="active").count()


def _problem(response) -> tuple[int, list]:
    return response.status_code, [d["loc"] for d in response.json()["detail"]]


def test_search_uses_the_wegwijzer_search_with_typos(client, demo):
    body = _get(client, search="borstvoedng", per_page=5).json()

    assert body["total_items"] > 0
    assert "borstvoeding" in _names(body)[0].lower()


def test_search_is_narrowed_by_the_other_filters(client, demo):
    org = Organization.objects.get(network__slug="leuven", slug="kind-en-preventie")

    everyone = _get(client, search="consultatie", per_page=100).json()
    theirs = _get(client, search="consultatie", organization_id=str(org.pk), per_page=100).json()

    assert theirs["total_items"] < everyone["total_items"]
    assert theirs["total_items"] > 0
    assert {s["organization_id"] for s in theirs["contents"]} == {str(org.pk)}


def test_taxonomy_term_and_organization_filters(client, demo):
    term = TaxonomyTerm.objects.filter(network__slug="leuven", code="gezondheid").first() or (
        TaxonomyTerm.objects.filter(network__slug="leuven", attributes__isnull=False).first()
    )
    expected = set(
        Service.objects.filter(attributes__taxonomy_term=term).values_list("pk", flat=True).distinct()
    )

    body = _get(client, taxonomy_term_id=str(term.pk), per_page=100).json()

    assert {s["id"] for s in body["contents"]} == {str(pk) for pk in expected}
    org = Organization.objects.filter(network__slug="leuven").first()
    by_org = _get(client, organization_id=str(org.pk), per_page=100).json()
    assert by_org["total_items"] == Service.objects.filter(organization=org).count()


def test_modified_after(client, demo):
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    past = "2000-01-01T00:00:00Z"

    assert _get(client, modified_after=future).json()["empty"] is True
    assert _get(client, modified_after=past).json()["total_items"] == _published()
    assert _get(client, modified_after="").json()["total_items"] == _published()  # empty: as if not given
    assert _get(client, "/service_at_locations", modified_after="").status_code == 200
    # The official OpenAPI allows any text here: one that is not a date narrows nothing (no 422).
    for unreadable in ("gisteren", "1700000000", "~\xff"):
        answer = _get(client, modified_after=unreadable)
        assert (answer.status_code, answer.json()["total_items"]) == (200, _published()), unreadable


@pytest.mark.parametrize(
    ("value", "everything"),
    [
        (
            "0775-10-16T06:47:26-18:48",
            True,
        ),  # an offset RFC 3339 allows and PostgreSQL refuses (schemathesis)
        ("2000-01-01T00:00:00+23:59", True),
        ("0001-01-01T00:00:00+01:00", True),  # before year 1 in UTC
        ("9999-12-31T23:59:59-01:00", False),  # after year 9999 in UTC
    ],
)
def test_modified_after_at_the_edges_of_time(client, demo, value, everything):
    body = _get(client, modified_after=value).json()

    assert body["total_items"] == (_published() if everything else 0)


def test_age_and_area_filters(client, demo):
    teens = _get(client, age=17, per_page=100).json()
    for item in teens["contents"]:
        low, high = item.get("hvhk_minimum_age_months"), item.get("hvhk_maximum_age_months")
        assert (low is None or low <= 17 * 12 + 11) and (high is None or high >= 17 * 12)
    assert 0 < teens["total_items"] < _published()
    assert _get(client, area="wijgmaal").json()["total_items"] > 0
    assert _problem(_get(client, age=31)) == (422, [["query", "age"]])
    assert _problem(_get(client, area="gent")) == (422, [["query", "area"]])


def test_paging_bounds(client, demo):
    last = _get(client, per_page=50, page=3).json()
    beyond = _get(client, per_page=50, page=9).json()

    assert (last["size"], last["last_page"]) == (_published() - 100, True)
    assert (beyond["contents"], beyond["total_items"], beyond["empty"]) == ([], _published(), False)
    assert _problem(_get(client, page="twee")) == (422, [["query", "page"]])  # not a number at all


@pytest.mark.parametrize(
    ("params", "page_number", "size"),
    [
        ({"page": 0}, 1, 50),
        ({"page": -3, "per_page": 2}, 1, 2),
        ({"per_page": 0}, 1, 1),
        ({"per_page": -1}, 1, 1),
        ({"per_page": 101}, 1, 100),
        ({"page": 10**30, "per_page": 1}, 100_000, 0),
    ],
)
def test_a_page_or_size_out_of_range_is_brought_into_range(client, demo, params, page_number, size):
    """The official HSDS OpenAPI documents only 200 for a list, for any integer page and per_page."""
    for path in ("/services", "/organizations", "/service_at_locations", "/taxonomies", "/taxonomy_terms"):
        response = _get(client, path, **params)
        body = response.json()
        assert response.status_code == 200, path
        assert body["page_number"] == page_number, path
        assert body["size"] == min(size, body["total_items"]), path


def test_a_filter_id_that_is_no_uuid_matches_nothing(client, demo):
    for path, param in (
        ("/services", "taxonomy_term_id"),
        ("/services", "taxonomy_id"),
        ("/services", "organization_id"),
        ("/service_at_locations", "taxonomy_term_id"),
        ("/service_at_locations", "organization_id"),
        ("/taxonomy_terms", "taxonomy_id"),
        ("/taxonomy_terms", "parent_id"),
    ):
        response = _get(client, path, **{param: "00"})
        assert (response.status_code, response.json()["total_items"]) == (200, 0), (path, param)
    assert _get(client, search="consultatie", organization_id="00").json()["total_items"] == 0


def test_unknown_and_malformed_ids(client, demo):
    missing = client.get(f"{API}/services/00000000-0000-4000-8000-000000000000")
    malformed = client.get(f"{API}/services/not-a-uuid")
    other_network = Service.objects.filter(network__slug="heusden-zolder").first()
    leaked = client.get(f"{API}/services/{other_network.pk}")

    assert missing.status_code == 404 and missing.json() == {"detail": "Not Found"}
    assert malformed.status_code == 404 and malformed.json() == {"detail": "Not Found"}
    assert leaked.status_code == 404
    assert client.get("/nergens/api/hsds/services").status_code == 404


@pytest.mark.parametrize(
    "path", ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"]
)
@pytest.mark.parametrize("value", ["00", "not-a-uuid", "0" * 40, "%20"])
def test_an_id_that_is_no_uuid_is_404_on_every_record(client, demo, path, value):
    """As the official OpenAPI documents for an id that names no record (it types ids as plain strings)."""
    response = client.get(f"{API}/{path}/{value}")
    assert (response.status_code, response.json()) == (404, {"detail": "Not Found"})


def _one_of_each() -> dict[str, str]:
    leuven = Network.objects.get(slug="leuven")
    service = Service.objects.filter(network=leuven, status="active").first()
    return {
        "services": str(service.pk),
        "organizations": str(service.organization_id),
        "service_at_locations": str(service.service_at_locations.first().pk),
        "taxonomies": str(TaxonomyTerm.objects.filter(network=leuven).first().taxonomy_id),
        "taxonomy_terms": str(TaxonomyTerm.objects.filter(network=leuven).first().pk),
    }


def test_every_path_answers_with_and_without_a_trailing_slash(client, demo):
    paths = ["", "/openapi.json"]
    for kind, pk in _one_of_each().items():
        paths += [f"/{kind}", f"/{kind}/{pk}"]
    for path in paths:
        bare, slashed = path.rstrip("/"), path.rstrip("/") + "/"
        answers = [client.get(API + bare), client.get(API + slashed)]
        assert [a.status_code for a in answers] == [200, 200], path
        assert answers[0].json() == answers[1].json(), path


def test_conditional_get_with_etag_and_last_modified(client, demo):
    first = _get(client, per_page=5)
    etag, modified = first["ETag"], first["Last-Modified"]

    def get(per_page, **headers):
        return client.get(API + "/services", {"per_page": per_page}, headers=headers)

    assert get(5, if_none_match=etag).status_code == 304
    assert get(5, if_modified_since=modified).status_code == 304
    assert get(6, if_none_match=etag).status_code == 200  # another URL, another tag

    service = Service.objects.filter(network__slug="leuven").first()
    service.alert = "Gesloten tijdens de kerstvakantie."
    service.save()  # new data: the old tag no longer matches

    again = get(5, if_none_match=etag)
    assert again.status_code == 200 and again["ETag"] != etag


def test_cors_is_open_and_read_only_for_the_api_only(client, demo):
    origin = {"HTTP_ORIGIN": "https://www.example.be"}

    read = client.get(API + "/services", **origin)
    preflight = client.options(API + "/services", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **origin)
    page = client.get("/leuven/", **origin)

    assert read["Access-Control-Allow-Origin"] == "*"
    assert "etag" in read["Access-Control-Expose-Headers"].lower()
    assert "access-control-allow-credentials" not in read
    assert preflight.status_code == 200
    assert set(preflight["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {
        "GET",
        "HEAD",
        "OPTIONS",
    }
    assert "Access-Control-Allow-Origin" not in page
    assert client.post(API + "/services", {}, **origin).status_code == 405


def test_clients_are_rate_limited_per_address(client, demo, monkeypatch):
    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 3)

    codes = [_get(client, per_page=1).status_code for _ in range(4)]
    other = client.get(API + "/services", {"per_page": 1}, REMOTE_ADDR="10.1.2.3")

    assert codes == [200, 200, 200, 429]
    assert int(_get(client, per_page=1)["Retry-After"]) > 0
    assert other.status_code == 200


def test_the_network_in_the_path_scopes_everything(client, demo):
    heusden = Network.objects.get(slug="heusden-zolder")

    body = client.get("/heusden-zolder/api/hsds/services", {"per_page": 100}).json()

    assert {s["id"] for s in body["contents"]} == {
        str(pk) for pk in Service.objects.for_network(heusden).values_list("pk", flat=True)
    }


@pytest.mark.parametrize("endpoint", ["services", "organizations", "service_at_locations"])
def test_control_characters_in_a_search_are_dropped_not_an_error(client, demo, endpoint):
    """PostgreSQL refuses NUL in text (schemathesis found it); a search with it still answers."""
    found = client.get(f"/leuven/api/hsds/{endpoint}", {"search": "Kind\x00 en\x07 Gezin"})

    assert found.status_code == 200
