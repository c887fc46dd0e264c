import re

import pytest

from hvhk.wegwijzer import saved_list

pytestmark = pytest.mark.django_db


def _save(client, service, **extra):
    return client.post(
        "/netwerk-a/list/add/", {"service": str(service.id), "next": "/netwerk-a/services/"}, **extra
    )


def test_a_visitor_saves_and_removes_services_without_an_account(client, listed):
    response = _save(client, listed["babymassage"])
    assert response.status_code == 302
    assert response["Location"] == f"/netwerk-a/services/#save-{listed['babymassage'].id}"
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


def _status_line(body: str, service) -> str:
    """The text of the status line beside a service's save button."""
    match = re.search(
        rf'<p class="save-status" id="save-status-{service.id}" role="status"[^>]*>(.*?)</p>', body
    )
    assert match, f"no status line for {service.name}"
    return match.group(1)


def test_without_javascript_the_saved_message_shows_beside_the_button_it_is_about(client, listed):
    babymassage, sleep = listed["babymassage"], listed["sleep"]
    _save(client, babymassage)

    body = client.get("/netwerk-a/services/").content.decode()

    assert _status_line(body, babymassage) == "Bewaard in je lijst: Babymassage"
    assert _status_line(body, sleep) == ""
    assert '<div class="messages"' not in body  # not (also) at the top of the page
    assert "Bewaard in je lijst: Babymassage" not in client.get("/netwerk-a/services/").content.decode()


def test_with_htmx_the_saved_message_appears_in_place_and_not_on_the_next_page(client, listed):
    babymassage = listed["babymassage"]
    response = _save(client, babymassage, headers={"HX-Request": "true"})
    body = response.content.decode()

    # The button swaps itself; the status line beside it (a live region already on the page) gets the message.
    assert f'<form class="save-form" id="save-{babymassage.id}"' in body
    assert re.search(
        rf'<p class="save-status" id="save-status-{babymassage.id}" role="status" hx-swap-oob="innerHTML">'
        r"Bewaard in je lijst: Babymassage</p>",
        body,
    )
    for page in ("/netwerk-a/services/", "/netwerk-a/list/"):
        assert "Bewaard in je lijst: Babymassage" not in client.get(page).content.decode(), page

    removed = client.post(
        "/netwerk-a/list/remove/", {"service": str(babymassage.id)}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "Uit je lijst gehaald: Babymassage" in removed and "/netwerk-a/list/add/" in removed


def test_with_htmx_a_full_list_says_so_in_place_and_the_button_stays_unsaved(client, listed):
    session = client.session
    session[saved_list.SESSION_KEY] = {"netwerk-a": [f"id-{n}" for n in range(saved_list.MAX_SAVED)]}
    session.save()
    body = _save(client, listed["babymassage"], headers={"HX-Request": "true"}).content.decode()
    assert "Je lijst is vol" in body and "/netwerk-a/list/add/" in body and "Bewaard ✓" not in body


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
        assert response["Location"] == f"/netwerk-a/list/#save-{listed['sleep'].id}", target


def test_the_list_downloads_as_a_pdf(client, listed):
    assert client.get("/netwerk-a/list/pdf/").status_code == 404  # nothing saved yet
    _save(client, listed["babymassage"])
    response = client.get("/netwerk-a/list/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="netwerk-a-mijn-lijst.pdf"' in response["Content-Disposition"]


def _same_token(body: str) -> str:
    """Each rendering masks the CSRF token anew: the same token, told apart only by its mask."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value="…"', body)


@pytest.mark.parametrize("page", ["results", "organization"])
def test_stamped_save_forms_are_exactly_the_forms_each_card_would_render(client, listed, monkeypatch, page):
    """Result cards get their save form rendered once per page and stamped per card: the page must be the same,
    byte for byte, as when every card renders its own form (saved and unsaved cards, a name that needs escaping)."""
    from django.core.cache import caches

    from hvhk.wegwijzer import cards

    listed["sleep"].name = 'Slaapspreekuur "Zzz" <voor> ouders & baby\'s'
    listed["sleep"].save()
    _save(client, listed["babymassage"])
    client.get("/netwerk-a/list/")  # shows (and so uses up) the message of saving
    url = (
        "/netwerk-a/services/"
        if page == "results"
        else f"/netwerk-a/organizations/{listed['babymassage'].organization_id}/"
    )
    stamped = _same_token(client.get(url).content.decode())
    assert stamped.count('class="save-form"') >= 2
    assert "Bewaard ✓ Haal uit je lijst" in stamped and "Bewaar in je lijst" in stamped
    caches["default"].clear()
    monkeypatch.setattr(cards, "stamp_save_forms", lambda *args, **kwargs: None)
    import hvhk.wegwijzer.views.places as places
    import hvhk.wegwijzer.views.services as services

    monkeypatch.setattr(services, "stamp_save_forms", lambda *args, **kwargs: None)
    monkeypatch.setattr(places, "stamp_save_forms", lambda *args, **kwargs: None)
    assert _same_token(client.get(url).content.decode()) == stamped


@pytest.mark.parametrize("query", ["?q=baby", '?q=baby&from="<nieuwsbrief>"&page=1'])
def test_a_page_rendered_for_the_page_cache_stamps_the_same_forms(client, listed, monkeypatch, query):
    """A visitor without a session gets a page rendered for the page cache: its save forms come from a process
    copy with the page's own address put in, and must be the same, byte for byte, as forms rendered per card."""
    from django.core.cache import caches

    import hvhk.wegwijzer.views.services as services

    url = "/netwerk-a/services/" + query
    client.get("/netwerk-a/services/?q=slapen")  # the process's forms, kept from another page
    caches["pages"].clear()
    stamped = _same_token(client.get(url).content.decode())
    assert stamped.count('class="save-form"') >= 1
    caches["pages"].clear()
    monkeypatch.setattr(services, "stamp_save_forms", lambda *args, **kwargs: None)
    assert _same_token(client.get(url).content.decode()) == stamped
