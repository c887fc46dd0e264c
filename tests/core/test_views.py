import pytest
from django.db import DatabaseError

from tests.core.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def test_healthz_answers_after_a_database_round_trip(client, db_vendor):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": db_vendor, "search_index": {"status": "ok"}}


def test_healthz_is_503_when_the_database_fails(client, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr("hvhk.core.views.connection.cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_root_redirects_to_the_only_network(client):
    NetworkFactory(slug="leuven")
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/leuven/"


def test_root_lists_networks_when_there_are_several(client):
    NetworkFactory(slug="leuven", name="Huis van het Kind Leuven")
    NetworkFactory(slug="heusden-zolder", name="Huis van het Kind Heusden-Zolder")
    NetworkFactory(slug="gesloten", name="Oud netwerk", is_active=False)
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Huis van het Kind Leuven" in body
    assert "Huis van het Kind Heusden-Zolder" in body
    assert "Oud netwerk" not in body


def test_unknown_network_is_404(client):
    assert client.get("/bestaat-niet/").status_code == 404


def test_brand_stylesheet_carries_the_network_colour(client):
    NetworkFactory(slug="leuven", colour="#0b4f6c")
    response = client.get("/leuven/brand.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert "--brand: #0b4f6c" in response.content.decode()
    assert "max-age=300" in response["Cache-Control"]
