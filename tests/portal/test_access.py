"""Every id-bearing portal URL, with every role: only the objects of one's own organisation or network open.

The walk builds the objects of network A (an organisation with a service, a place and a draft) and tries each
URL pattern of the portal with each kind of person; anyone without a right to the object must get 404 (or 403
without a role, or a redirect to the login without an account), never the page.
"""

import datetime as dt

import pytest
from django.urls import URLPattern, get_resolver
from django.utils import timezone

from hvhk.accounts.models import Invitation, RoleAssignment
from hvhk.directory.models import Draft
from hvhk.feedback.models import ErrorReport
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import LocationFactory, MembershipFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(network_a, network_b, partner_a, service_a, editor_a, coordinator_a, coordinator_b, partner_b):
    """Network A's objects, and people with and without a right to them."""
    place = LocationFactory(organization=partner_a, network=network_a)
    draft = Draft.objects.create(
        network=network_a, kind="service", organization=partner_a, target_id=service_a.pk, title="x", data={}
    )
    report = ErrorReport.objects.create(
        network=network_a, page_url="/x/", message="Fout telefoonnummer", assigned_organization=partner_a
    )
    invitation = Invitation.objects.create(
        network=network_a,
        email="nieuw@a.example",
        role="analyst",
        token_hash="x" * 64,
        expires_at=timezone.now() + dt.timedelta(days=3),
    )
    neighbour = MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="buur")
    ).organization
    neighbour_editor = UserFactory(email="editor@buur.example")
    RoleFactory(
        user=neighbour_editor, network=network_a, role=RoleAssignment.Role.EDITOR, organization=neighbour
    )
    other_editor = UserFactory(email="editor@b.example")
    RoleFactory(user=other_editor, network=network_b, role=RoleAssignment.Role.EDITOR, organization=partner_b)
    analyst = with_two_factor(UserFactory(email="analyst@a.example"))
    RoleFactory(user=analyst, network=network_a, role=RoleAssignment.Role.ANALYST)
    return {
        "ids": {
            "service_id": service_a.pk,
            "draft_id": draft.pk,
            "organization_id": partner_a.pk,
            "location_id": place.pk,
            "report_id": report.pk,
            "invitation_id": invitation.pk,
            "assignment_id": editor_a.roles.get().pk,
        },
        "owner": editor_a,
        "coordinator": coordinator_a,
        "strangers": {
            "editor of another organisation": neighbour_editor,
            "editor in another network": other_editor,
            "coordinator of another network": coordinator_b,
            "analyst": analyst,
        },
    }


def _portal_patterns() -> list[URLPattern]:
    """Every portal URL with an id in it; the freshness link is public and signed (its own tests)."""
    resolver = get_resolver()
    portal = next(p for p in resolver.url_patterns if getattr(p, "namespace", None) == "portal")
    return [p for p in portal.url_patterns if p.pattern.converters and "token" not in p.pattern.converters]


def _url(pattern: URLPattern, ids: dict) -> str:
    route = str(pattern.pattern)
    for name in pattern.pattern.converters:
        route = route.replace(f"<str:{name}>", str(ids[name]))
    return "/portal/" + route


def test_the_walk_covers_every_id_bearing_portal_url():
    names = {p.name for p in _portal_patterns()}
    assert names >= {
        "service",
        "still-correct",
        "draft",
        "draft-preview",
        "draft-withdraw",
        "organization",
        "location",
        "review",
    }


@pytest.mark.parametrize(
    "who",
    [
        "editor of another organisation",
        "editor in another network",
        "coordinator of another network",
        "analyst",
    ],
)
def test_strangers_get_404_on_every_object(client, world, who):
    client.force_login(world["strangers"][who])
    leaks = []
    for pattern in _portal_patterns():
        url = _url(pattern, world["ids"])
        for method in (client.get, client.post):
            code = method(url).status_code
            if code not in (403, 404, 405):
                leaks.append(f"{method.__name__.upper()} {url}: {code}")
    assert leaks == []


def test_the_owner_and_the_coordinator_do_open_them(client, world):
    ids = world["ids"]
    client.force_login(world["owner"])
    assert client.get(f"/portal/services/{ids['service_id']}/").status_code == 200
    assert client.get(f"/portal/locations/{ids['location_id']}/").status_code == 200
    assert client.get(f"/portal/organizations/{ids['organization_id']}/").status_code == 200
    assert (
        client.get(f"/portal/review/{ids['draft_id']}/").status_code == 404
    )  # reviewing is the coordinator's
    client.force_login(world["coordinator"])
    assert client.get(f"/portal/review/{ids['draft_id']}/").status_code == 200
    assert client.get(f"/portal/services/{ids['service_id']}/").status_code == 200


def test_without_an_account_every_portal_page_asks_to_sign_in(client, world):
    for pattern in _portal_patterns():
        url = _url(pattern, world["ids"])
        get, post = client.get(url), client.post(url)
        assert get.status_code in (302, 405)  # 405: a form's target, which only takes POST
        assert post.status_code == 302 and post["Location"].startswith("/accounts/login/")
    assert client.get("/portal/")["Location"].startswith("/accounts/login/")


def test_malformed_ids_are_404(client, world):
    client.force_login(world["owner"])
    for bad in ("not-a-uuid", "00000000-0000-0000-0000-000000000000", "1 OR 1=1"):
        assert client.get(f"/portal/services/{bad}/").status_code == 404


def test_a_role_of_someone_else_cannot_be_chosen(client, world, network_b):
    other_role = RoleAssignment.objects.filter(network=network_b).first()
    client.force_login(world["owner"])

    response = client.post("/portal/role/", {"role": str(other_role.pk)})

    assert response.status_code == 404


def test_a_person_with_two_roles_switches_between_them(client, network_a, partner_a, service_a):
    person = with_two_factor(UserFactory(email="twee@a.example"))
    editor = RoleFactory(
        user=person, network=network_a, role=RoleAssignment.Role.EDITOR, organization=partner_a
    )
    coordinator = RoleFactory(user=person, network=network_a, role=RoleAssignment.Role.COORDINATOR)
    client.force_login(person)

    first = client.get("/portal/").content.decode()
    client.post("/portal/role/", {"role": str(editor.pk)})
    second = client.get("/portal/").content.decode()

    assert "voorstellen om na te kijken" in first  # coordinators come first
    assert service_a.name in second and str(coordinator.pk) in second


def test_an_editor_cannot_add_a_service_for_another_organisation(client, world, partner_b):
    client.force_login(world["owner"])
    assert client.get(f"/portal/services/new/?organization={partner_b.pk}").status_code == 404


def test_a_person_without_any_role_is_told_so(client, db):
    client.force_login(UserFactory(email="niemand@example.org"))
    response = client.get("/portal/")
    assert response.status_code == 403 and "nog geen rol" in response.content.decode()


def test_services_of_others_are_not_listed(client, world, network_a):
    hidden = ServiceFactory(
        organization=OrganizationFactory(network=network_a, slug="ander"), name="Geheim aanbod"
    )
    client.force_login(world["owner"])
    assert hidden.name not in client.get("/portal/").content.decode()
