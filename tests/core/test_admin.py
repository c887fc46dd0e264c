"""The admin is scoped: a coordinator sees, picks and changes only their own network's rows."""

import pytest

from hvhk.accounts.models import RoleAssignment
from hvhk.directory.models import Service
from hvhk.feedback.models import ErrorReport
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import TaxonomyFactory, TaxonomyTermFactory

pytestmark = pytest.mark.django_db


def test_coordinator_lists_only_their_networks_services(client, coordinator_a, service_a, service_b):
    client.force_login(coordinator_a)
    response = client.get("/admin/directory/service/")
    assert response.status_code == 200
    body = response.content.decode()
    assert service_a.name in body
    assert service_b.name not in body


def test_coordinator_cannot_open_another_networks_row_by_id(client, coordinator_a, service_b):
    client.force_login(coordinator_a)
    for url in (
        f"/admin/directory/service/{service_b.id}/change/",
        f"/admin/directory/service/{service_b.id}/delete/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 404)
        assert service_b.name not in response.content.decode()
    response = client.post(f"/admin/directory/service/{service_b.id}/delete/", {"post": "yes"})
    assert Service.objects.filter(id=service_b.id).exists()


def test_coordinator_can_only_pick_their_own_organisations_and_network(
    client, coordinator_a, partner_a, partner_b, network_b
):
    client.force_login(coordinator_a)
    body = client.get("/admin/directory/service/add/").content.decode()
    assert partner_a.name in body
    assert partner_b.name not in body
    assert network_b.name not in body


def test_coordinator_cannot_move_a_service_to_another_networks_organisation(
    client, coordinator_a, service_a, partner_b
):
    client.force_login(coordinator_a)
    data = {
        "network": service_a.network_id,
        "organization": partner_b.id,
        "name": service_a.name,
        "status": "active",
        "at_location": "on",
    }
    for prefix in (
        "attributes",
        "cost_options",
        "service_at_locations",
        "schedules",
        "languages",
        "phones",
        "service_areas",
    ):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = client.post(f"/admin/directory/service/{service_a.id}/change/", data)
    assert response.status_code == 200  # the form comes back with an error
    service_a.refresh_from_db()
    assert service_a.organization != partner_b


def test_coordinator_sees_only_their_own_network_and_cannot_add_one(
    client, coordinator_a, network_a, network_b
):
    client.force_login(coordinator_a)
    body = client.get("/admin/core/network/").content.decode()
    assert network_a.name in body
    assert network_b.name not in body
    assert client.get("/admin/core/network/add/").status_code == 403


def test_coordinator_cannot_manage_user_accounts(client, coordinator_a):
    client.force_login(coordinator_a)
    assert client.get("/admin/accounts/user/").status_code == 403


def test_partner_editor_is_not_let_into_the_admin(client, editor_a):
    client.force_login(editor_a)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_without_a_coordinator_role_sees_nothing(client, service_a, django_user_model):
    staff = django_user_model.objects.create_user(email="staff@example.org", password="x" * 20, is_staff=True)
    client.force_login(staff)
    assert client.get("/admin/directory/service/").status_code == 403


def test_platform_admin_sees_every_network(client, platform_admin, service_a, service_b):
    client.force_login(platform_admin)
    body = client.get("/admin/directory/service/").content.decode()
    assert service_a.name in body
    assert service_b.name in body


def test_admin_speaks_dutch(client, coordinator_a):
    client.force_login(coordinator_a)
    body = client.get("/admin/").content.decode()
    assert "Aanbod" in body
    assert "Afmelden" in body
    assert "Organisaties" in body


def _empty_inlines(**overrides) -> dict:
    data = {}
    for prefix in (
        "attributes",
        "cost_options",
        "service_at_locations",
        "schedules",
        "languages",
        "phones",
        "service_areas",
    ):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(overrides)
    return data


def test_coordinator_adds_a_service_with_an_inline_price_in_their_network(client, coordinator_a, partner_a):
    client.force_login(coordinator_a)
    data = _empty_inlines(
        **{
            "network": partner_a.network_id,
            "organization": partner_a.id,
            "name": "Nieuwe oudergroep",
            "status": "active",
            "at_location": "on",
            "translations": "{}",
            "cost_options-TOTAL_FORMS": 1,
            "cost_options-0-kind": "paid",
            "cost_options-0-option": "Per avond",
            "cost_options-0-amount": "5.00",
            "cost_options-0-currency": "EUR",
        }
    )
    response = client.post("/admin/directory/service/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    service = Service.objects.get(name="Nieuwe oudergroep")
    option = service.cost_options.get()
    assert option.network == service.network == partner_a.network
    assert str(option.amount) == "5.00"


def test_coordinator_opens_the_change_form_of_their_service(client, coordinator_a, service_a):
    client.force_login(coordinator_a)
    response = client.get(f"/admin/directory/service/{service_a.id}/change/")
    assert response.status_code == 200
    assert service_a.name in response.content.decode()


def test_coordinator_edits_their_synonyms_and_reads_unmet_searches(
    client, coordinator_a, network_a, network_b
):
    from hvhk.search.models import Synonym, ZeroResultQuery

    Synonym.objects.create(network=network_a, terms="crèche, kinderopvang")
    Synonym.objects.create(network=network_b, terms="geheim, van b")
    ZeroResultQuery.objects.create(network=network_a, query="zwemles", count=3)
    ZeroResultQuery.objects.create(network=network_b, query="alleen b", count=1)
    client.force_login(coordinator_a)
    synonyms = client.get("/admin/search/synonym/").content.decode()
    assert "kinderopvang" in synonyms and "geheim" not in synonyms
    unmet = client.get("/admin/search/zeroresultquery/").content.decode()
    assert "zwemles" in unmet and "alleen b" not in unmet
    assert client.get("/admin/search/zeroresultquery/add/").status_code == 403


def test_the_handled_by_choice_offers_only_people_of_the_coordinators_network(
    client, network_a, network_b, coordinator_a
):
    stranger = UserFactory(email="intake@b.example", full_name="Greta van netwerk B")
    RoleFactory(user=stranger, network=network_b, role=RoleAssignment.Role.INTAKE)
    report = ErrorReport.objects.create(network=network_a, page_url="/x/", message="fout")
    client.force_login(coordinator_a)

    form = client.get(f"/admin/feedback/errorreport/{report.pk}/change/").content.decode()
    saved = client.post(
        f"/admin/feedback/errorreport/{report.pk}/change/",
        {"topic": report.topic, "status": "new", "handled_by": str(stranger.pk), "resolution_note": ""},
    )

    assert "Greta van netwerk B" not in form and str(coordinator_a) in form
    assert saved.status_code == 200  # refused: not a valid choice
    report.refresh_from_db()
    assert report.handled_by is None


def test_the_taxonomy_filter_names_only_the_coordinators_own_taxonomies(client, network_b, coordinator_a):
    TaxonomyTermFactory(
        taxonomy=TaxonomyFactory(network=network_b, code="indeling-van-b", name="Indeling van B")
    )
    client.force_login(coordinator_a)

    page = client.get("/admin/directory/taxonomyterm/").content.decode()

    assert "indeling-van-b" not in page and "Indeling van B" not in page


def test_a_coordinator_of_a_network_that_was_switched_off_no_longer_enters_the_admin(client, coordinator_a):
    network = coordinator_a.roles.get().network
    network.is_active = False
    network.save()
    client.force_login(coordinator_a)

    assert client.get("/admin/directory/service/").status_code == 403
