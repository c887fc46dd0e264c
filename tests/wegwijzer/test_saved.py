import pytest

pytestmark = pytest.mark.django_db


def _save(client, service, **extra):
    return client.post(
        "/netwerk-a/list/add/", {"service": str(service.id), "next": "/netwerk-a/services/"}, **extra
    )


def test_a_visitor_saves_and_removes_services_without_an_account(client, listed):
    response = _save(client, listed["babymassage"])
    assert response.status_code == 302 and response["Location"] == "/netwerk-a/services/"
    _save(client, listed["sleep"])
    body = client.get("/netwerk-a/list/").content.decode()
    assert body.index("Babymassage") < body.index("Slaapspreekuur")
    assert '<span class="badge">2</span>' in body
    client.post("/netwerk-a/list/remove/", {"service": str(listed["babymassage"].id)})
    body = client.get("/netwerk-a/list/").content.decode()
    assert "Slaapspreekuur" in body and "Leer je baby masseren" not in body
    client.post("/netwerk-a/list/remove/", {"all": "1"})
    assert "Je lijst is nog leeg" in client.get("/netwerk-a/list/").content.decode()


def test_an_htmx_save_swaps_only_the_button(client, listed):
    response = _save(client, listed["babymassage"], headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and "Bewaard" in body and "/netwerk-a/list/remove/" in body


def test_another_networks_service_cannot_be_saved(client, listed, service_b):
    assert _save(client, service_b).status_code == 404
    assert client.post("/netwerk-a/list/add/", {"service": "nonsense"}).status_code == 404


@pytest.mark.parametrize("status", ["inactive", "defunct", "temporarily closed"])
def test_a_service_that_is_not_active_cannot_be_saved_and_leaves_the_list(client, listed, status):
    hidden, kept = listed["babymassage"], listed["sleep"]
    _save(client, hidden)
    _save(client, kept)
    client.get("/netwerk-a/list/")  # shows (and so uses up) the "saved" messages
    hidden.status = status
    hidden.save()

    again = _save(client, hidden)
    page = client.get("/netwerk-a/list/").content.decode()
    pdf = client.get("/netwerk-a/list/pdf/")

    assert again.status_code == 404 and "Babymassage" not in again.content.decode()
    assert "Babymassage" not in page and "Slaapspreekuur" in page
    assert pdf.status_code == 200


def test_the_list_is_kept_per_network(client, listed, service_b):
    _save(client, listed["babymassage"])
    client.get("/netwerk-a/list/")  # shows (and so uses up) the "saved" message
    assert "Je lijst is nog leeg" in client.get("/netwerk-b/list/").content.decode()


def test_next_cannot_send_the_visitor_to_another_site(client, listed):
    for target in ("//evil.example", "/\t/evil.example", "/\\evil.example", "https://evil.example/"):
        response = client.post("/netwerk-a/list/add/", {"service": str(listed["sleep"].id), "next": target})
        assert response["Location"] == "/netwerk-a/list/", target


def test_the_list_downloads_as_a_pdf(client, listed):
    assert client.get("/netwerk-a/list/pdf/").status_code == 404  # nothing saved yet
    _save(client, listed["babymassage"])
    response = client.get("/netwerk-a/list/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="netwerk-a-mijn-lijst.pdf"' in response["Content-Disposition"]
