"""The admin's history of a record (django-simple-history) reads Dutch: the library has no Dutch of its own."""

import re

import pytest

pytestmark = pytest.mark.django_db

ENGLISH = [
    "Choose a date",
    "Object",
    "Comment",
    "Changed by",
    "Change reason",
    "Changes",
    "Changed",
    "Created",
    "Revert",
    "Press the",
    "Historical",
    "Close",
    "None",
    "entries",
]


def _visible_text(html: str) -> str:
    """The text a person reads: no tags, scripts or attribute values."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture
def changed_service(service_a):
    service_a.name = "Babymassage in groep"
    service_a.save()
    return service_a


def test_the_history_of_a_service_is_in_dutch(client, coordinator_a, changed_service):
    client.force_login(coordinator_a)

    text = _visible_text(
        client.get(f"/admin/directory/service/{changed_service.id}/history/").content.decode()
    )

    for word in ENGLISH:
        assert not re.search(rf"\b{word}\b", text), word
    for dutch in ("Geschiedenis: Babymassage in groep", "Datum en tijd", "Door", "Wat veranderde"):
        assert dutch in text
    assert "Aangemaakt" in text and "Gewijzigd" in text and "2 versies" in text


def test_one_version_of_a_service_is_in_dutch(client, coordinator_a, changed_service):
    client.force_login(coordinator_a)
    first = changed_service.history.earliest()
    html = client.get(
        f"/admin/directory/service/{changed_service.id}/history/{first.history_id}/"
    ).content.decode()
    text = _visible_text(html)

    for word in ENGLISH:
        assert not re.search(rf"\b{word}\b", text), word
    assert "Versie terugzetten: " in text
    assert 'value="Zet deze versie terug"' in html and "Sluiten" in text
