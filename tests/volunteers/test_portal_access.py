"""Who opens the volunteers' portal pages. Every URL of the module is walked with every persona: without an account
every page asks to sign in, without a role it is a 403 page, the coordinator opens their network's objects and
gets a 404 on another network's, a partner's editor keeps the roles of their organisation and (only with a second
factor) sees the volunteers matched to them, and every other role gets a 404. A refused POST changes nothing.
Viewing the pool or a person is written to the access log. Then the coordinator's and the editor's work from
the pages: roles, a proposal, the agreement, hours and erasure."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import URLPattern, get_resolver, reverse
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.volunteers.models import (
    HelpOffer,
    HelpRequest,
    Placement,
    ThankYou,
    Volunteer,
    VolunteerAccess,
    VolunteerHours,
    VolunteerRole,
)
from hvhk.volunteers.services import thank_you_recipients
from tests.accounts.factories import RoleFactory as AssignmentFactory
from tests.accounts.factories import UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import MembershipFactory, OrganizationFactory
from tests.volunteers.factories import PlacementFactory, RoleFactory, VolunteerFactory

pytestmark = pytest.mark.django_db

Role = RoleAssignment.Role
Action = VolunteerAccess.Action
RoleStatus = VolunteerRole.Status
PlacementStatus = Placement.Status

ROLE_DATA = {
    "title": "Voorlezen op woensdag",
    "description": "Je leest voor aan kinderen van 4 tot 8 in de bib.",
    "place": "Bibliotheek",
    "schedule": "Elke woensdagnamiddag",
    "hours": "2 uur per week",
    "audience": "kinderen van 4 tot 8",
    "interests": ["reading", "children"],
    "availability": ["wed-pm"],
    "languages": ["nl"],
    "insurance": "on",
    "places": "2",
}
IN_TEN_DAYS = timezone.localdate() + dt.timedelta(days=10)
HELP_DATA = {
    "title": "Handen voor het zomerfeest",
    "description": "Opbouwen en afbreken van de springkastelen.",
    "on": IN_TEN_DAYS.isoformat(),
    "hours": "14 tot 17 uur",
    "needed": "2",
}
THANKS_DATA = {
    "title": "Bedankt, vrijwilligers!",
    "on": IN_TEN_DAYS.isoformat(),
    "place": "Het huis",
    "message": "Kom iets drinken.",
}


def _help(network, organization, title: str) -> HelpRequest:
    return HelpRequest.objects.create(
        network=network,
        organization=organization,
        title=title,
        description="Wat er moet gebeuren.",
        on=IN_TEN_DAYS,
    )


@pytest.fixture
def world(network_a, network_b, partner_a, partner_b, coordinator_a, coordinator_b, editor_a, platform_admin):
    """Network A's roles (of partner A, of the network, of a neighbouring partner) and volunteers in every relation
    to partner A; network B's role, volunteer and placement."""
    neighbour = MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="buur", name="Buurwerking")
    ).organization
    role = RoleFactory(network=network_a, organization=partner_a, title="Voorlezen bij partner A")
    draft = RoleFactory(
        network=network_a, organization=partner_a, title="Klad van partner A", status=RoleStatus.DRAFT
    )
    role_net = RoleFactory(network=network_a, title="Onthaal in het huis")
    role_neighbour = RoleFactory(network=network_a, organization=neighbour, title="Rol van de buren")
    proposed = VolunteerFactory(network=network_a, name="Anna Voorgesteld")
    placement = PlacementFactory(volunteer=proposed, role=role)
    agreed = VolunteerFactory(network=network_a, name="Bram Aan De Slag", status=Volunteer.Status.ACTIVE)
    PlacementFactory(volunteer=agreed, role=role, status=PlacementStatus.AGREED)
    wanted = VolunteerFactory(network=network_a, name="Chris Gevraagd", role_wanted=draft)
    declined = VolunteerFactory(network=network_a, name="Dirk Afgewezen")
    PlacementFactory(volunteer=declined, role=role, status=PlacementStatus.DECLINED)
    other = VolunteerFactory(network=network_a, name="Eva Van Het Netwerk")
    other_placement = PlacementFactory(volunteer=other, role=role_net)
    neighbours = VolunteerFactory(network=network_a, name="Fien Van De Buren")
    PlacementFactory(volunteer=neighbours, role=role_neighbour, status=PlacementStatus.AGREED)
    loose = VolunteerFactory(network=network_a, name="Gert Zonder Rol", interests=["reading"])
    VolunteerFactory(
        network=network_a, name="", email="", role_wanted=role, anonymised_at=timezone.now()
    )  # erased: counted, never listed
    role_b = RoleFactory(network=network_b, organization=partner_b, title="Rol van B")
    volunteer_b = VolunteerFactory(network=network_b, name="Hanne Van B")
    placement_b = PlacementFactory(volunteer=volunteer_b, role=role_b)
    help_a = _help(network_a, partner_a, "Hulp bij het zomerfeest van partner A")
    help_net = _help(network_a, None, "Hulp bij het feest van het netwerk")
    help_neighbour = _help(network_a, neighbour, "Hulp bij de buren")
    help_b = _help(network_b, partner_b, "Hulp in B")

    neighbour_editor = with_two_factor(UserFactory(email="editor@buur.example"))
    AssignmentFactory(user=neighbour_editor, network=network_a, role=Role.EDITOR, organization=neighbour)
    analyst = UserFactory(email="analyst@a.example")
    AssignmentFactory(user=analyst, network=network_a, role=Role.ANALYST)
    member = UserFactory(email="member@a.example")
    AssignmentFactory(user=member, network=network_a, role=Role.MEMBER, organization=partner_a)
    intake = with_two_factor(UserFactory(email="intake@a.example"))  # intake staff need one to enter at all
    AssignmentFactory(user=intake, network=network_a, role=Role.INTAKE)
    return {
        "role": role,
        "draft": draft,
        "role_net": role_net,
        "role_neighbour": role_neighbour,
        "placement": placement,
        "other_placement": other_placement,
        "people": {
            "proposed": proposed,
            "agreed": agreed,
            "wanted": wanted,
            "declined": declined,
            "other": other,
            "neighbours": neighbours,
            "loose": loose,
        },
        "role_b": role_b,
        "help": help_a,
        "help_net": help_net,
        "help_neighbour": help_neighbour,
        "help_b": help_b,
        "volunteer_b": volunteer_b,
        "placement_b": placement_b,
        "users": {
            "coordinator_a": coordinator_a,
            "coordinator_b": coordinator_b,
            "editor_a": editor_a,
            "platform_admin": platform_admin,  # works as the coordinator of network A (the first by name)
            "member_a": member,
            "analyst_a": analyst,
            "neighbour_editor": neighbour_editor,
            "intake_a": intake,
            "no_role": UserFactory(email="nobody@example.org"),
        },
    }


def _pages(role, person, placement, propose_to, help_request) -> list[tuple[str, str, str, dict | None]]:
    """(URL name, method, URL, POST data) for every portal page of the module, on these objects."""
    today = timezone.localdate().isoformat()
    return [
        ("portal", "get", reverse("volunteers:portal"), None),
        ("portal-pool", "get", reverse("volunteers:portal-pool"), None),
        ("portal-role-new", "get", reverse("volunteers:portal-role-new"), None),
        ("portal-role-new", "post", reverse("volunteers:portal-role-new"), ROLE_DATA),
        ("portal-role", "get", reverse("volunteers:portal-role", args=[role.pk]), None),
        ("portal-role-edit", "get", reverse("volunteers:portal-role-edit", args=[role.pk]), None),
        (
            "portal-role-edit",
            "post",
            reverse("volunteers:portal-role-edit", args=[role.pk]),
            {**ROLE_DATA, "title": "Overgenomen"},
        ),
        (
            "portal-role-status",
            "post",
            reverse("volunteers:portal-role-status", args=[role.pk]),
            {"status": "closed"},
        ),
        ("portal-detail", "get", reverse("volunteers:portal-detail", args=[person.pk]), None),
        (
            "portal-detail",
            "post",
            reverse("volunteers:portal-detail", args=[person.pk]),
            {"status": "intake", "intake_on": today, "intake_note": "Overgenomen"},
        ),
        (
            "portal-propose",
            "post",
            reverse("volunteers:portal-propose", args=[person.pk]),
            {"role": propose_to.pk},
        ),
        (
            "portal-hours",
            "post",
            reverse("volunteers:portal-hours", args=[person.pk]),
            {"on": today, "hours": "3"},
        ),
        ("portal-erase", "post", reverse("volunteers:portal-erase", args=[person.pk]), {"confirm": "yes"}),
        (
            "portal-placement",
            "post",
            reverse("volunteers:portal-placement", args=[placement.pk]),
            {"status": "declined"},
        ),
        ("portal-agreement", "get", reverse("volunteers:portal-agreement", args=[person.pk]), None),
        ("portal-help-new", "get", reverse("volunteers:portal-help-new"), None),
        ("portal-help-new", "post", reverse("volunteers:portal-help-new"), HELP_DATA),
        ("portal-help", "get", reverse("volunteers:portal-help", args=[help_request.pk]), None),
        ("portal-help-close", "post", reverse("volunteers:portal-help-close", args=[help_request.pk]), {}),
        ("portal-thanks-new", "get", reverse("volunteers:portal-thanks-new"), None),
        ("portal-thanks-new", "post", reverse("volunteers:portal-thanks-new"), THANKS_DATA),
        ("portal-access-log", "get", reverse("volunteers:portal-access-log"), None),
    ]


def _pages_a(world):
    return _pages(
        world["role"], world["people"]["proposed"], world["placement"], world["role_net"], world["help"]
    )


def _pages_b(world):
    return _pages(
        world["role_b"], world["volunteer_b"], world["placement_b"], world["role_b"], world["help_b"]
    )


ID_FREE = {
    "portal",
    "portal-pool",
    "portal-role-new",
    "portal-help-new",
    "portal-thanks-new",
    "portal-access-log",
}
GET_AND_POST = {
    "portal-role-new",
    "portal-role-edit",
    "portal-detail",
    "portal-help-new",
    "portal-thanks-new",
}


def _call(client, method, url, data):
    return client.get(url) if method == "get" else client.post(url, data)


def _state() -> dict:
    """What a refused POST must leave as it was."""
    return {
        "roles": {
            r[0]: r[1:] for r in VolunteerRole.objects.values_list("pk", "status", "title", "organization")
        },
        "volunteers": {
            v[0]: v[1:]
            for v in Volunteer.objects.values_list(
                "pk", "status", "name", "anonymised_at", "intake_on", "intake_note"
            )
        },
        "placements": {
            p[0]: p[1:] for p in Placement.objects.values_list("pk", "status", "volunteer", "role")
        },
        "hours": VolunteerHours.objects.count(),
        "help": {h[0]: h[1:] for h in HelpRequest.objects.values_list("pk", "status", "title")},
        "thanks": ThankYou.objects.count(),
    }


def _portal_routes() -> set[str]:
    volunteers = next(p for p in get_resolver().url_patterns if getattr(p, "namespace", None) == "volunteers")
    return {
        p.name for p in volunteers.url_patterns if isinstance(p, URLPattern) and p.name.startswith("portal")
    }


def test_the_walk_covers_every_portal_url_of_the_module(world):
    assert _portal_routes() == {name for name, *_ in _pages_a(world)}
    assert len(_portal_routes()) == 17


# --- every persona on every page -----------------------------------------------------------------------------


def test_without_an_account_every_page_asks_to_sign_in(client, world):
    before = _state()
    for name, method, url, data in _pages_a(world):
        response = _call(client, method, url, data)
        assert response.status_code == 302, (name, method)
        assert response["Location"].startswith("/accounts/login/"), (name, method)
        if method == "post" and name not in GET_AND_POST:
            assert client.get(url).status_code == 405, name  # a form's target only takes POST
    assert _state() == before
    assert VolunteerAccess.objects.count() == 0


def test_a_person_without_a_role_gets_the_403_page_everywhere(client, world):
    client.force_login(world["users"]["no_role"])
    before = _state()
    for name, method, url, data in _pages_a(world):
        response = _call(client, method, url, data)
        assert response.status_code == 403, (name, method)
        assert "Je hebt nog geen rol in een netwerk" in response.content.decode()
    assert _state() == before
    assert VolunteerAccess.objects.count() == 0


@pytest.mark.parametrize("who", ["member_a", "intake_a", "analyst_a"])
def test_members_intake_staff_and_analysts_get_404_on_every_page(client, world, who):
    client.force_login(world["users"][who])
    before = _state()
    statuses = {
        (name, method): _call(client, method, url, data).status_code
        for name, method, url, data in _pages_a(world)
    }
    assert set(statuses.values()) == {404}, statuses
    assert _state() == before
    assert VolunteerAccess.objects.count() == 0


@pytest.mark.parametrize("who", ["coordinator_a", "platform_admin"])
def test_the_coordinator_opens_every_page_of_their_network(client, world, who):
    client.force_login(world["users"][who])
    for name, method, url, _data in _pages_a(world):
        if method == "get":
            assert client.get(url).status_code == 200, name
    for person in world["people"].values():
        assert client.get(reverse("volunteers:portal-detail", args=[person.pk])).status_code == 200
    for key in ("role", "draft", "role_net", "role_neighbour"):
        assert client.get(reverse("volunteers:portal-role", args=[world[key].pk])).status_code == 200
    for key in ("help", "help_net", "help_neighbour"):
        assert client.get(reverse("volunteers:portal-help", args=[world[key].pk])).status_code == 200


@pytest.mark.parametrize("who", ["coordinator_a", "platform_admin"])
def test_the_coordinator_gets_404_on_another_networks_objects(client, world, who):
    client.force_login(world["users"][who])
    before = _state()
    for name, method, url, data in _pages_b(world):
        if name not in ID_FREE:
            assert _call(client, method, url, data).status_code == 404, (name, method)
    assert _state() == before
    assert not VolunteerAccess.objects.filter(volunteer_id_value=world["volunteer_b"].pk).exists()


@pytest.mark.parametrize(
    ("who", "own"), [("coordinator_b", "Hanne Van B"), ("neighbour_editor", "Fien Van De Buren")]
)
def test_another_networks_coordinator_or_another_partners_editor_gets_404(client, world, who, own):
    """On partner A's role, volunteer and placement; their own lists open and show only their own."""
    client.force_login(world["users"][who])
    before = _state()
    for name, method, url, data in _pages_a(world):
        if name in ID_FREE:
            continue
        assert _call(client, method, url, data).status_code == 404, (name, method)
    assert _state() == before
    for url in (reverse("volunteers:portal"), reverse("volunteers:portal-pool")):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Anna Voorgesteld" not in html and "Voorlezen bij partner A" not in html
    assert own in client.get(reverse("volunteers:portal-pool")).content.decode()
    log = client.get(reverse("volunteers:portal-access-log"))
    assert log.status_code == (200 if who == "coordinator_b" else 404)
    assert not VolunteerAccess.objects.filter(volunteer_id_value__isnull=False).exists()


def test_the_editor_without_two_factor_sees_the_roles_but_no_volunteer(client, world):
    client.force_login(world["users"]["editor_a"])
    before = _state()
    overview = client.get(reverse("volunteers:portal"))
    assert overview.status_code == 200  # an outside check demands the overview without a second factor
    html = overview.content.decode()
    assert "Voorlezen bij partner A" in html and "Aanmelden in twee stappen instellen" in html
    assert reverse("volunteers:portal-pool") not in html
    expected = {
        ("portal-pool", "get"): 403,
        ("portal-role-new", "get"): 200,
        ("portal-role", "get"): 200,
        ("portal-role-edit", "get"): 200,
        ("portal-detail", "get"): 403,
        ("portal-detail", "post"): 403,
        ("portal-propose", "post"): 403,
        ("portal-hours", "post"): 403,
        ("portal-erase", "post"): 403,
        ("portal-placement", "post"): 403,
        ("portal-agreement", "get"): 403,
        ("portal-help-new", "get"): 200,
        ("portal-help", "get"): 200,
        ("portal-thanks-new", "get"): 404,
        ("portal-thanks-new", "post"): 404,
        ("portal-access-log", "get"): 404,
    }
    for name, method, url, data in _pages_a(world):
        if (name, method) not in expected:
            continue
        response = _call(client, method, url, data)
        assert response.status_code == expected[name, method], (name, method)
        page = response.content.decode()
        if response.status_code == 403:
            assert "Eerst aanmelden in twee stappen" in page, name
        assert "Anna Voorgesteld" not in page and "Bram Aan De Slag" not in page, name
    assert _state() == before
    assert VolunteerAccess.objects.count() == 0


@pytest.fixture
def editor(client, world):
    """Partner A's editor, signed in with a second factor."""
    user = with_two_factor(world["users"]["editor_a"])
    client.force_login(user)
    return user


MATCHED = {"proposed", "agreed", "wanted"}


def test_the_editor_sees_only_their_roles_and_the_volunteers_matched_to_them(client, world, editor):
    overview = client.get(reverse("volunteers:portal")).content.decode()
    assert "Voorlezen bij partner A" in overview and "Klad van partner A" in overview
    assert "Onthaal in het huis" not in overview and "Rol van de buren" not in overview
    pool = client.get(reverse("volunteers:portal-pool"))
    assert pool.status_code == 200
    listed = {v.pk for v in pool.context["page"].object_list}
    assert listed == {world["people"][key].pk for key in MATCHED}
    html = pool.content.decode()
    for key, person in world["people"].items():
        assert (person.name in html) == (key in MATCHED), key
    for key, person in world["people"].items():
        status = client.get(reverse("volunteers:portal-detail", args=[person.pk])).status_code
        assert status == (200 if key in MATCHED else 404), key
    assert client.get(reverse("volunteers:portal-detail", args=[world["volunteer_b"].pk])).status_code == 404
    for key in ("role", "draft"):
        assert client.get(reverse("volunteers:portal-role", args=[world[key].pk])).status_code == 200
        assert client.get(reverse("volunteers:portal-role-edit", args=[world[key].pk])).status_code == 200
    for key in ("role_net", "role_neighbour", "role_b"):
        assert client.get(reverse("volunteers:portal-role", args=[world[key].pk])).status_code == 404, key
        assert client.get(reverse("volunteers:portal-role-edit", args=[world[key].pk])).status_code == 404, (
            key
        )
    assert client.get(reverse("volunteers:portal-access-log")).status_code == 404
    assert client.get(reverse("volunteers:portal-help", args=[world["help"].pk])).status_code == 200
    for key in ("help_net", "help_neighbour", "help_b"):
        assert client.get(reverse("volunteers:portal-help", args=[world[key].pk])).status_code == 404, key
    # the agreement and the thank-you moment are the coordinator's
    for key in MATCHED:
        url = reverse("volunteers:portal-agreement", args=[world["people"][key].pk])
        assert client.get(url).status_code == 404, key
    assert client.get(reverse("volunteers:portal-thanks-new")).status_code == 404


def test_the_editor_changes_nothing_outside_their_organisation(client, world, editor):
    before = _state()
    for key in ("role_net", "role_neighbour", "role_b"):
        role = world[key]
        url = reverse("volunteers:portal-role-edit", args=[role.pk])
        assert client.post(url, {**ROLE_DATA, "title": "Overgenomen"}).status_code == 404
        url = reverse("volunteers:portal-role-status", args=[role.pk])
        assert client.post(url, {"status": "closed"}).status_code == 404
    for key in ("other", "neighbours", "declined", "loose"):
        person = world["people"][key]
        for name, data in (
            ("portal-propose", {"role": world["role"].pk}),
            ("portal-hours", {"on": timezone.localdate().isoformat(), "hours": "3"}),
            ("portal-erase", {"confirm": "yes"}),
        ):
            assert client.post(reverse(f"volunteers:{name}", args=[person.pk]), data).status_code == 404, key
    for placement in (world["other_placement"], world["placement_b"]):
        url = reverse("volunteers:portal-placement", args=[placement.pk])
        assert client.post(url, {"status": "agreed"}).status_code == 404
    for key in ("help_net", "help_neighbour", "help_b"):
        assert client.post(reverse("volunteers:portal-help-close", args=[world[key].pk])).status_code == 404
    assert client.post(reverse("volunteers:portal-thanks-new"), THANKS_DATA).status_code == 404
    assert _state() == before
    assert not VolunteerAccess.objects.filter(action=Action.AGREEMENT).exists()


def test_the_editor_cannot_post_a_follow_up(client, world, editor):
    before = _state()
    for key in MATCHED:
        url = reverse("volunteers:portal-detail", args=[world["people"][key].pk])
        response = client.post(url, {"status": "intake", "intake_note": "Niet van jou"})
        assert response.status_code == 404, key
    assert _state() == before


def test_the_editor_cannot_propose_record_hours_or_erase(client, world, editor):
    """The coordinator's work: refused (a 403 from the service) and nothing changes."""
    before = _state()
    person = world["people"]["wanted"]
    for name, data in (
        ("portal-propose", {"role": world["role"].pk}),
        ("portal-hours", {"on": timezone.localdate().isoformat(), "hours": "3"}),
        ("portal-erase", {"confirm": "yes"}),
    ):
        response = client.post(reverse(f"volunteers:{name}", args=[person.pk]), data)
        assert response.status_code in (403, 404), name
    assert _state() == before


# --- the access log ------------------------------------------------------------------------------------------


def test_viewing_the_pool_and_a_person_is_logged_with_the_user(client, world, coordinator_a):
    client.force_login(coordinator_a)
    client.get(reverse("volunteers:portal-pool"))
    [row] = VolunteerAccess.objects.all()
    assert row.action == Action.LIST and row.user == coordinator_a and row.volunteer_id_value is None
    assert row.user_label == coordinator_a.get_full_name() and row.network == world["role"].network
    assert row.detail == "7 vrijwilligers"  # the erased one is not listed
    person = world["people"]["loose"]
    client.get(reverse("volunteers:portal-detail", args=[person.pk]))
    view = VolunteerAccess.objects.get(action=Action.VIEW)
    assert view.user == coordinator_a and view.volunteer_id_value == person.pk
    log = client.get(reverse("volunteers:portal-access-log"))
    assert log.status_code == 200
    html = log.content.decode()
    assert (
        coordinator_a.get_full_name() in html
        and "gegevens bekeken" in html
        and "lijst met namen bekeken" in html
    )


def test_an_empty_pool_writes_nothing(client, world, coordinator_b):
    Volunteer.objects.filter(network=world["role_b"].network).delete()
    client.force_login(coordinator_b)
    assert client.get(reverse("volunteers:portal-pool")).status_code == 200
    assert VolunteerAccess.objects.count() == 0


def test_the_editors_views_are_logged_too(client, world, editor):
    client.get(reverse("volunteers:portal-pool"))
    client.get(reverse("volunteers:portal-detail", args=[world["people"]["agreed"].pk]))
    client.get(reverse("volunteers:portal-role", args=[world["role"].pk]))
    rows = list(
        VolunteerAccess.objects.order_by("created_at").values_list("action", "user", "volunteer_id_value")
    )
    assert rows == [
        (Action.LIST, editor.pk, None),
        (Action.VIEW, editor.pk, world["people"]["agreed"].pk),
        (Action.LIST, editor.pk, None),  # the role's page lists its volunteers
    ]


def test_the_editors_role_page_names_only_the_volunteers_matched_to_them(client, world, editor):
    html = client.get(reverse("volunteers:portal-role", args=[world["role"].pk])).content.decode()
    assert "Anna Voorgesteld" in html and "Bram Aan De Slag" in html
    assert "Dirk Afgewezen" not in html


def test_the_role_page_without_two_factor_shows_and_logs_no_names(client, world):
    client.force_login(world["users"]["editor_a"])
    html = client.get(reverse("volunteers:portal-role", args=[world["role"].pk])).content.decode()
    assert "Anna Voorgesteld" not in html and "Namen en contactgegevens van vrijwilligers" in html
    assert VolunteerAccess.objects.count() == 0


def test_the_overview_counts_the_editors_volunteers(client, world, editor):
    """Partner A has two candidates (proposed, wanted) and one active volunteer."""
    counts = dict(client.get(reverse("volunteers:portal")).context["status_counts"])
    assert counts[Volunteer.Status.CANDIDATE.label] == 2
    assert counts[Volunteer.Status.ACTIVE.label] == 1


def test_the_overview_counts_the_coordinators_volunteers(client, world, coordinator_a):
    client.force_login(coordinator_a)
    counts = dict(client.get(reverse("volunteers:portal")).context["status_counts"])
    assert counts[Volunteer.Status.CANDIDATE.label] == 6 and counts[Volunteer.Status.ACTIVE.label] == 1


# --- the work, from the pages --------------------------------------------------------------------------------


def test_the_coordinator_creates_a_draft_and_publishes_a_role(client, world, coordinator_a, network_a):
    client.force_login(coordinator_a)
    response = client.post(reverse("volunteers:portal-role-new"), {**ROLE_DATA, "title": "Klad: onthaal"})
    draft = VolunteerRole.objects.get(title="Klad: onthaal")
    assert response.status_code == 302 and response["Location"] == reverse(
        "volunteers:portal-role", args=[draft.pk]
    )
    assert draft.status == RoleStatus.DRAFT and draft.organization is None and draft.network == network_a
    assert draft.created_by == coordinator_a and draft.places == 2 and draft.insurance and not draft.expenses
    assert draft.interests == ["reading", "children"] and draft.availability == ["wed-pm"]
    response = client.post(reverse("volunteers:portal-role-new"), {**ROLE_DATA, "publish": "1"}, follow=True)
    published = VolunteerRole.objects.get(title=ROLE_DATA["title"])
    assert response.redirect_chain == [(reverse("volunteers:portal-role", args=[published.pk]), 302)]
    assert published.status == RoleStatus.OPEN and "De rol is bewaard." in response.content.decode()
    public = client.get(reverse("volunteers:public", args=[network_a.slug])).content.decode()
    assert ROLE_DATA["title"] in public and "Klad: onthaal" not in public


def test_a_role_without_title_or_description_is_refused(client, world, coordinator_a):
    client.force_login(coordinator_a)
    before = _state()
    response = client.post(
        reverse("volunteers:portal-role-new"), {**ROLE_DATA, "title": "", "description": " "}
    )
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert _state() == before


def test_the_editor_creates_a_role_of_their_organisation(client, world, partner_a):
    client.force_login(world["users"]["editor_a"])  # roles need no second factor
    response = client.post(reverse("volunteers:portal-role-new"), ROLE_DATA)
    role = VolunteerRole.objects.get(title=ROLE_DATA["title"])
    assert response.status_code == 302 and role.organization == partner_a and role.status == RoleStatus.DRAFT


def test_the_coordinator_edits_a_role_and_changes_its_status(client, world, coordinator_a):
    client.force_login(coordinator_a)
    role = world["role"]
    url = reverse("volunteers:portal-role-edit", args=[role.pk])
    assert client.get(url).content.decode().count("Voorlezen bij partner A") >= 1
    response = client.post(url, {**ROLE_DATA, "title": "Voorlezen (nieuw)", "places": "3"})
    assert response.status_code == 302
    role.refresh_from_db()
    assert (
        role.title == "Voorlezen (nieuw)"
        and role.places == 3
        and role.organization == world["role"].organization
    )
    assert client.post(url, {**ROLE_DATA, "places": "0"}).status_code == 400
    role.refresh_from_db()
    assert role.places == 3
    status_url = reverse("volunteers:portal-role-status", args=[role.pk])
    response = client.post(status_url, {"status": "filled"}, follow=True)
    role.refresh_from_db()
    assert role.status == RoleStatus.FILLED
    assert "De status van de rol is aangepast." in response.content.decode()
    response = client.post(
        reverse("volunteers:portal-role-status", args=[world["draft"].pk]), {"status": "filled"}
    )
    assert response.status_code == 302
    world["draft"].refresh_from_db()
    assert world["draft"].status == RoleStatus.DRAFT  # a draft is published or closed, never filled


def test_the_editor_changes_their_roles_status(client, world):
    client.force_login(world["users"]["editor_a"])
    client.post(reverse("volunteers:portal-role-status", args=[world["draft"].pk]), {"status": "open"})
    world["draft"].refresh_from_db()
    assert world["draft"].status == RoleStatus.OPEN


def test_propose_agree_record_hours_and_erase(client, world, coordinator_a):
    person, role = world["people"]["loose"], world["role"]
    client.force_login(coordinator_a)
    # the role's page suggests the volunteer (they like reading), and the coordinator proposes them
    page = client.get(reverse("volunteers:portal-role", args=[role.pk]))
    assert person.pk in {s.volunteer.pk for s, _reasons in page.context["suggestions"]}
    response = client.post(
        reverse("volunteers:portal-propose", args=[person.pk]), {"role": role.pk, "note": "Past"}
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "volunteers:portal-detail", args=[person.pk]
    )
    placement = Placement.objects.get(volunteer=person, role=role)
    assert placement.status == PlacementStatus.PROPOSED and placement.note == "Past"
    assert placement.created_by == coordinator_a
    assert (
        client.post(reverse("volunteers:portal-propose", args=[person.pk]), {"role": role.pk}).status_code
        == 400
    )
    assert Placement.objects.filter(volunteer=person, role=role).count() == 1

    # partner A's editor (with a second factor) now sees them and agrees
    client.force_login(with_two_factor(world["users"]["editor_a"]))
    assert client.get(reverse("volunteers:portal-detail", args=[person.pk])).status_code == 200
    response = client.post(reverse("volunteers:portal-placement", args=[placement.pk]), {"status": "agreed"})
    assert response.status_code == 302
    placement.refresh_from_db()
    person.refresh_from_db()
    assert placement.status == PlacementStatus.AGREED and placement.started_on == timezone.localdate()
    assert person.status == Volunteer.Status.ACTIVE and person.started_on == timezone.localdate()

    # the coordinator records hours, with a decimal comma
    client.force_login(coordinator_a)
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    url = reverse("volunteers:portal-hours", args=[person.pk])
    response = client.post(url, {"on": yesterday, "hours": "2,5", "note": "Voorleesuur"})
    assert response.status_code == 302
    [entry] = VolunteerHours.objects.filter(volunteer=person)
    assert (
        entry.hours == Decimal("2.5") and entry.recorded_by == coordinator_a and entry.note == "Voorleesuur"
    )
    future = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    assert client.post(url, {"on": future, "hours": "1"}).status_code == 400
    assert client.post(url, {"on": yesterday, "hours": "veel"}).status_code == 400
    assert VolunteerHours.objects.filter(volunteer=person).count() == 1
    detail = client.get(reverse("volunteers:portal-detail", args=[person.pk])).content.decode()
    assert "2,5" in detail

    # erasing needs the box ticked
    erase = reverse("volunteers:portal-erase", args=[person.pk])
    response = client.post(erase, {})
    assert response.status_code == 302 and response["Location"] == reverse(
        "volunteers:portal-detail", args=[person.pk]
    )
    person.refresh_from_db()
    assert person.anonymised_at is None
    response = client.post(erase, {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == reverse("volunteers:portal-pool")
    person.refresh_from_db()
    placement.refresh_from_db()
    assert (
        person.anonymised_at is not None and person.name == "" and person.status == Volunteer.Status.STOPPED
    )
    assert placement.status == PlacementStatus.ENDED and placement.note == ""
    assert VolunteerHours.objects.get(volunteer=person).hours == Decimal("2.5")  # the hours still count
    erase_row = VolunteerAccess.objects.get(action=Action.ERASE)
    assert erase_row.user == coordinator_a and erase_row.volunteer_id_value == person.pk
    assert client.get(reverse("volunteers:portal-detail", args=[person.pk])).status_code == 404
    assert "Gert Zonder Rol" not in client.get(reverse("volunteers:portal-pool")).content.decode()


def test_the_coordinator_records_the_follow_up(client, world, coordinator_a):
    client.force_login(coordinator_a)
    person = world["people"]["loose"]
    url = reverse("volunteers:portal-detail", args=[person.pk])
    today = timezone.localdate().isoformat()
    response = client.post(
        url, {"status": "intake", "intake_on": today, "intake_note": "Kennismaking gepland"}
    )
    assert response.status_code == 302 and response["Location"] == url
    person.refresh_from_db()
    assert person.status == Volunteer.Status.INTAKE and person.intake_note == "Kennismaking gepland"
    assert VolunteerAccess.objects.filter(action=Action.EDIT, volunteer_id_value=person.pk).exists()
    response = client.post(url, {"status": "stopped"})  # from intake, stopping is not a step
    assert response.status_code == 400 and 'class="error-summary"' in response.content.decode()
    person.refresh_from_db()
    assert person.status == Volunteer.Status.INTAKE


def test_the_editor_declines_a_proposal_from_the_role_page(client, world, editor):
    placement = world["placement"]
    url = reverse("volunteers:portal-placement", args=[placement.pk])
    response = client.post(url, {"status": "declined", "back": "role"})
    assert response.status_code == 302 and response["Location"] == reverse(
        "volunteers:portal-role", args=[world["role"].pk]
    )
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.DECLINED


def test_the_editor_declines_a_proposal_from_the_volunteers_page_and_lands_on_a_page(client, world, editor):
    placement = world["placement"]
    response = client.post(
        reverse("volunteers:portal-placement", args=[placement.pk]), {"status": "declined"}, follow=True
    )
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.DECLINED
    assert response.status_code == 200


# --- the agreement, help requests, the thank-you moment ------------------------------------------------------


def test_the_agreement_is_a_pdf_for_the_coordinator_and_logged(client, world, coordinator_a):
    client.force_login(coordinator_a)
    person = world["people"]["agreed"]
    response = client.get(reverse("volunteers:portal-agreement", args=[person.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment;")
    row = VolunteerAccess.objects.get(action=Action.AGREEMENT)
    assert row.user == coordinator_a and row.volunteer_id_value == person.pk


def test_the_editor_asks_for_help_and_closes_the_request(client, world, partner_a):
    active = VolunteerFactory(
        network=world["role"].network, name="Ilse Actief", status=Volunteer.Status.ACTIVE, availability=[]
    )
    client.force_login(world["users"]["editor_a"])  # asking needs no second factor: no names are shown
    response = client.post(reverse("volunteers:portal-help-new"), HELP_DATA)
    created = HelpRequest.objects.get(title=HELP_DATA["title"])
    assert response.status_code == 302 and response["Location"] == reverse(
        "volunteers:portal-help", args=[created.pk]
    )
    assert created.organization == partner_a and created.status == HelpRequest.Status.OPEN
    assert created.asked >= 1 and created.created_by == world["users"]["editor_a"]
    HelpOffer.objects.create(network=created.network, help_request=created, volunteer=active)
    page = client.get(reverse("volunteers:portal-help", args=[created.pk])).content.decode()
    assert "1 vrijwilliger zei ja." in page and "Ilse Actief" not in page  # no name without a second factor
    assert VolunteerAccess.objects.count() == 0
    client.post(reverse("volunteers:portal-help-close", args=[created.pk]))
    created.refresh_from_db()
    assert created.status == HelpRequest.Status.CLOSED


def test_who_said_yes_is_shown_with_two_factor_and_logged(client, world, editor):
    active = VolunteerFactory(
        network=world["role"].network, name="Ilse Actief", status=Volunteer.Status.ACTIVE
    )
    HelpOffer.objects.create(network=world["help"].network, help_request=world["help"], volunteer=active)
    html = client.get(reverse("volunteers:portal-help", args=[world["help"].pk])).content.decode()
    assert "Ilse Actief" in html and active.email in html
    row = VolunteerAccess.objects.get()
    assert row.action == Action.LIST and row.user == editor


def test_who_said_yes_to_the_editors_request_is_matched_to_them(client, world, editor):
    """A volunteer who offered to help partner A opens for partner A's editor; one who helped another partner, not."""
    network = world["role"].network
    active = VolunteerFactory(network=network, name="Ilse Actief", status=Volunteer.Status.ACTIVE)
    elsewhere = VolunteerFactory(network=network, name="Jan Elders", status=Volunteer.Status.ACTIVE)
    HelpOffer.objects.create(network=network, help_request=world["help"], volunteer=active)
    HelpOffer.objects.create(network=network, help_request=world["help_neighbour"], volunteer=elsewhere)
    html = client.get(reverse("volunteers:portal-help", args=[world["help"].pk])).content.decode()
    link = reverse("volunteers:portal-detail", args=[active.pk])
    assert link in html and client.get(link).status_code == 200
    assert client.get(reverse("volunteers:portal-detail", args=[elsewhere.pk])).status_code == 404
    listed = {v.name for v in client.get(reverse("volunteers:portal-pool")).context["page"].object_list}
    assert "Ilse Actief" in listed and "Jan Elders" not in listed


def test_a_help_request_in_the_past_or_without_title_is_refused(client, world, coordinator_a):
    client.force_login(coordinator_a)
    before = _state()
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    for data in ({**HELP_DATA, "on": yesterday}, {**HELP_DATA, "title": ""}):
        response = client.post(reverse("volunteers:portal-help-new"), data)
        assert response.status_code == 400 and 'class="error-summary"' in response.content.decode()
    assert _state() == before


def test_the_coordinator_asks_for_help_for_the_network(client, world, coordinator_a):
    client.force_login(coordinator_a)
    assert client.post(reverse("volunteers:portal-help-new"), HELP_DATA).status_code == 302
    assert HelpRequest.objects.get(title=HELP_DATA["title"]).organization is None


def test_the_coordinator_invites_to_a_thank_you_moment(client, world, coordinator_a, network_a):
    Volunteer.objects.filter(pk=world["people"]["agreed"].pk).update(started_on=timezone.localdate())
    client.force_login(coordinator_a)
    page = client.get(reverse("volunteers:portal-thanks-new"))
    assert page.status_code == 200
    response = client.post(reverse("volunteers:portal-thanks-new"), THANKS_DATA)
    assert response.status_code == 302 and response["Location"] == reverse("volunteers:portal")
    thanks = ThankYou.objects.get()
    assert thanks.network == network_a and thanks.created_by == coordinator_a
    assert thanks.sent_to == len(thank_you_recipients(network=network_a, year=timezone.localdate().year)) == 1
    assert (
        client.post(reverse("volunteers:portal-thanks-new"), {**THANKS_DATA, "message": ""}).status_code
        == 400
    )
    assert ThankYou.objects.count() == 1


# --- a partner records hours in their own roles ---------------------------------------------------------------------


def test_a_partner_records_hours_in_their_own_role_and_sees_only_those(
    client, network_a, partner_a, editor_a
):
    """The editor with a second factor gets the hours form on the page of a volunteer working in one of their
    roles, with only their roles to choose; hours in another partner's role stay hidden from them."""
    with_two_factor(editor_a)
    own = RoleFactory(network=network_a, organization=partner_a, title="Voorlezen bij partner A")
    other_org = MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="partner-c")
    ).organization
    other = RoleFactory(network=network_a, organization=other_org, title="Koken bij partner C")
    person = VolunteerFactory(network=network_a, status=Volunteer.Status.ACTIVE)
    PlacementFactory(volunteer=person, role=own, status=PlacementStatus.AGREED)
    PlacementFactory(volunteer=person, role=other, status=PlacementStatus.AGREED)
    VolunteerHours.objects.create(
        network=network_a, volunteer=person, role=other, on=timezone.localdate(), hours=7
    )
    client.force_login(editor_a)

    page = client.get(reverse("volunteers:portal-detail", args=[person.pk]))
    assert page.status_code == 200
    choices = [str(label) for _pk, label in page.context["hours_form"].fields["role"].choices]
    assert choices == ["Voorlezen bij partner A"]
    assert page.context["hours_total"] == 0  # partner C's 7 hours are not theirs to see
    assert "Koken bij partner C" not in page.content.decode()
    assert "Wis de gegevens" not in page.content.decode()  # erasure is the coordinator's

    url = reverse("volunteers:portal-hours", args=[person.pk])
    refused = client.post(url, {"role": str(other.pk), "on": timezone.localdate().isoformat(), "hours": "2"})
    assert refused.status_code == 400
    saved = client.post(url, {"role": str(own.pk), "on": timezone.localdate().isoformat(), "hours": "2,5"})
    assert saved.status_code == 302
    entry = VolunteerHours.objects.get(volunteer=person, role=own)
    assert entry.hours == Decimal("2.5") and entry.recorded_by == editor_a


def test_a_partner_without_a_role_for_the_volunteer_gets_no_hours_form(
    client, network_a, partner_a, editor_a
):
    with_two_factor(editor_a)
    own = RoleFactory(network=network_a, organization=partner_a)
    person = VolunteerFactory(network=network_a)
    PlacementFactory(volunteer=person, role=own, status=PlacementStatus.PROPOSED)  # not working in it yet
    client.force_login(editor_a)
    assert client.get(reverse("volunteers:portal-detail", args=[person.pk])).context["hours_form"] is None
    response = client.post(
        reverse("volunteers:portal-hours", args=[person.pk]),
        {"role": str(own.pk), "on": timezone.localdate().isoformat(), "hours": "2"},
    )
    assert response.status_code == 404
    assert not VolunteerHours.objects.filter(volunteer=person).exists()
