"""The open API shows what the wegwijzer shows: active services only, and no staff member's e-mail address."""

import pytest

from hvhk.directory import models as m
from tests.directory.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offering(network_a, partner_a):
    location = LocationFactory(organization=partner_a, network=network_a)
    services = {
        status: ServiceFactory(organization=partner_a, name=f"Aanbod {status}", status=status)
        for status in ("active", "inactive", "defunct", "temporarily closed")
    }
    for service in services.values():
        m.ServiceAtLocation.objects.create(network=network_a, service=service, location=location)
    return services


def _ids(client, network, kind, key="id") -> set[str]:
    body = client.get(f"/{network.slug}/api/hsds/{kind}", {"per_page": 100, "full": "true"}).json()
    return {item[key] if key == "id" else item["service"]["id"] for item in body["contents"]}


def test_only_active_services_are_listed_or_opened(client, network_a, offering):
    active = str(offering["active"].pk)
    assert _ids(client, network_a, "services") == {active}
    assert _ids(client, network_a, "service_at_locations", key="service") == {active}
    for status, service in offering.items():
        detail = client.get(f"/{network_a.slug}/api/hsds/services/{service.pk}")
        assert detail.status_code == (200 if status == "active" else 404), status


def test_an_organisation_lists_only_its_active_services(client, network_a, partner_a, offering):
    body = client.get(
        f"/{network_a.slug}/api/hsds/organizations/{partner_a.pk}", {"full_service": "true"}
    ).json()
    assert [s["id"] for s in body["services"]] == [str(offering["active"].pk)]


def test_the_staff_member_who_checked_a_service_is_not_published(client, network_a, partner_a, offering):
    service = offering["active"]
    service.assurer_email = "an.editor@partner.example"
    service.save()
    partner_a.email = "info@partner.example"
    partner_a.save()

    detail = client.get(f"/{network_a.slug}/api/hsds/services/{service.pk}").json()
    listed = client.get(f"/{network_a.slug}/api/hsds/services").content.decode()

    assert detail["assurer_email"] == "info@partner.example"
    assert "an.editor@partner.example" not in listed
