"""Coordinators upload an HSDS file in the admin, see what would change, confirm; and download exports."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hvhk.directory.models import Service
from tests.api.records import service_record

pytestmark = pytest.mark.django_db
URL = "/admin/directory/service/import-hsds/"


def _upload(client, network, records, name="aanbod.json", **extra):
    data = json.dumps(records).encode()
    return client.post(
        URL,
        {"network": str(network.pk), "file": SimpleUploadedFile(name, data), "action": "preview", **extra},
    )


def test_preview_shows_what_changes_and_saves_nothing_until_confirmed(client, coordinator_a, network_a):
    client.force_login(coordinator_a)
    record = service_record(name="Spelotheek <De Knikker>")

    preview = _upload(client, network_a, [record])

    page = preview.content.decode()
    assert "1 records gelezen: 1 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 geweigerd." in page
    assert "nieuw: Spelotheek &lt;De Knikker&gt;" in page
    assert "Bevestig en importeer" in page
    assert not Service.objects.filter(pk=record["id"]).exists()

    token = client.session["hsds_import"]["file"]
    done = client.post(URL, {"action": "confirm", "file": token}, follow=True)

    service = Service.objects.get(pk=record["id"])
    assert service.network == network_a and service.name == "Spelotheek <De Knikker>"
    assert "1 nieuw" in done.content.decode()


def test_a_file_with_errors_shows_them_and_cannot_be_confirmed(client, coordinator_a, network_a):
    client.force_login(coordinator_a)
    record = service_record(name="")

    page = _upload(client, network_a, [record]).content.decode()

    assert f"record 1 (id {record['id']}): name: Dit veld kan niet leeg zijn" in page
    assert "Bevestig en importeer" not in page
    assert not Service.objects.filter(pk=record["id"]).exists()


def test_a_confirmation_imports_only_what_was_previewed(client, coordinator_a, network_a):
    client.force_login(coordinator_a)
    _upload(client, network_a, [service_record()])

    response = client.post(URL, {"action": "confirm", "file": "../../etc/passwd"}, follow=True)

    assert "Deze import is verlopen of al uitgevoerd" in response.content.decode()
    assert not Service.objects.exists()


def test_a_confirmation_works_once(client, coordinator_a, network_a):
    client.force_login(coordinator_a)
    _upload(client, network_a, [service_record()])
    token = client.session["hsds_import"]["file"]
    client.post(URL, {"action": "confirm", "file": token})

    again = client.post(URL, {"action": "confirm", "file": token}, follow=True)

    assert "Deze import is verlopen of al uitgevoerd" in again.content.decode()
    assert Service.objects.count() == 1


def test_a_coordinator_cannot_import_into_another_network(client, coordinator_a, network_b):
    client.force_login(coordinator_a)

    page = _upload(client, network_b, [service_record()]).content.decode()

    assert "Selecteer een geldige keuze" in page
    assert not Service.objects.exists()


def test_only_json_and_zip_files_are_taken(client, coordinator_a, network_a):
    client.force_login(coordinator_a)

    page = _upload(client, network_a, [service_record()], name="aanbod.xlsx").content.decode()

    assert "Kies een .json- of .zip-bestand." in page


@pytest.mark.parametrize("who", ["anonymous", "editor", "staff without a role"])
def test_people_who_coordinate_nothing_cannot_reach_the_import(client, who, editor_a, network_a):
    from tests.accounts.factories import UserFactory

    if who == "editor":
        client.force_login(editor_a)
    elif who == "staff without a role":
        client.force_login(UserFactory(is_staff=True))

    response = client.get(URL)

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"]


def test_export_downloads_for_the_own_network_only(
    client, coordinator_a, network_a, network_b, service_a, service_b
):
    client.force_login(coordinator_a)

    own = client.get(f"/admin/directory/service/export-hsds/{network_a.pk}/json/")
    other = client.get(f"/admin/directory/service/export-hsds/{network_b.pk}/json/")
    nonsense = client.get("/admin/directory/service/export-hsds/not-a-uuid/zip/")

    assert own.status_code == 200
    assert [s["id"] for s in json.loads(b"".join(own.streaming_content))] == [str(service_a.pk)]
    assert other.status_code == 404 and nonsense.status_code == 404


def test_an_upload_nested_too_deep_is_refused_with_a_clear_message(client, coordinator_a, network_a):
    client.force_login(coordinator_a)
    deep = SimpleUploadedFile("diep.json", b"[" * 20_000 + b"]" * 20_000)

    response = client.post(URL, {"network": str(network_a.pk), "file": deep, "action": "preview"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "meer dan 32 niveaus diep genest" in page
    assert "Bevestig en importeer" not in page
