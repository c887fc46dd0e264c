"""Who opens the organiser's registration pages: the coordinator of the network and the organising partner's
staff (editor and member). Every other role, another partner's activity and another network's all get a 404;
without an account every page asks to sign in. Every page says `no-store`."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import URLPattern, get_resolver

from hvhk.activities.models import Registration, RegistrationAccess, Session
from hvhk.activities.services import attendance as services
from tests.activities.factories_partner import SEES, STRANGERS, make_world, waiting

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(network_a, network_b, partner_a, service_a, coordinator_a, coordinator_b, editor_a):
    return make_world(
        network_a=network_a,
        network_b=network_b,
        partner_a=partner_a,
        service_a=service_a,
        coordinator_a=coordinator_a,
        coordinator_b=coordinator_b,
        editor_a=editor_a,
    )


def _pages(world) -> dict[str, tuple[str, dict | None]]:
    """name: (url, POST data or None for a GET) for every page, on network A's own activity."""
    activity, coming, past = world["activity"], world["coming"], world["past"]
    queued = waiting(coming, name="Wacht Eerst")
    return {
        "list": (f"/portal/activities/{activity.pk}/registrations/", None),
        "list-one": (f"/portal/activities/{activity.pk}/registrations/?session={coming.pk}", None),
        "csv": (f"/portal/activities/{activity.pk}/registrations.csv", None),
        "attendance": (f"/portal/activities/sessions/{past.pk}/attendance/", None),
        "attendance-post": (f"/portal/activities/sessions/{past.pk}/attendance/", {"present_count": "4"}),
        "cancel": (f"/portal/activities/sessions/{coming.pk}/cancel/", None),
        "cancel-post": (
            f"/portal/activities/sessions/{coming.pk}/cancel/",
            {"reason": "De lesgever is ziek."},
        ),
        "cancel-one": (f"/portal/activities/registrations/{queued.pk}/cancel/", None),
        "cancel-one-post": (f"/portal/activities/registrations/{queued.pk}/cancel/", {"reason": "Belde af."}),
    }


def _routes() -> set[str]:
    found = set()

    def walk(patterns, prefix=""):
        for p in patterns:
            if hasattr(p, "url_patterns"):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and p.callback.__module__.endswith("registrations_portal"):
                found.add(prefix + str(p.pattern))

    activities = next(p for p in get_resolver().url_patterns if getattr(p, "namespace", None) == "activities")
    walk(activities.url_patterns)
    return found


def test_the_walk_covers_every_page_of_this_module():
    assert _routes() == {
        "portal/activities/access-log/",
        "portal/activities/<uuid:pk>/registrations/",
        "portal/activities/<uuid:pk>/registrations.csv",
        "portal/activities/registrations/<uuid:pk>/cancel/",
        "portal/activities/sessions/<uuid:pk>/attendance/",
        "portal/activities/sessions/<uuid:pk>/cancel/",
    }


@pytest.mark.parametrize("who", STRANGERS)
def test_strangers_get_404_on_every_page_and_change_nothing(client, world, who):
    pages = _pages(world)
    client.force_login(world["people"][who])
    statuses = {}
    for name, (url, data) in pages.items():
        response = client.post(url, data) if data is not None else client.get(url)
        statuses[name] = response.status_code
    assert set(statuses.values()) == {404}, statuses
    # network B's coordinator has an access log: their own network's, never A's
    expected = 200 if who == "coordinator_b" else 404
    assert client.get("/portal/activities/access-log/").status_code == expected
    assert RegistrationAccess.objects.count() == 0
    assert not Session.objects.filter(is_cancelled=True).exists()
    assert Session.objects.get(pk=world["past"].pk).present_count is None
    assert not Registration.objects.filter(status=Registration.Status.CANCELLED).exists()


@pytest.mark.parametrize("who", SEES)
def test_the_coordinator_and_the_organisers_staff_open_every_page(client, world, who):
    pages = _pages(world)
    client.force_login(world["people"][who])
    for name in ("list", "list-one", "csv", "attendance", "cancel", "cancel-one"):
        assert client.get(pages[name][0]).status_code == 200, name
    assert client.post(*pages["attendance-post"]).status_code == 302
    assert client.post(*pages["cancel-one-post"]).status_code == 302
    assert client.post(*pages["cancel-post"]).status_code == 302
    assert Session.objects.get(pk=world["coming"].pk).is_cancelled
    assert Session.objects.get(pk=world["past"].pk).present_count == 4


@pytest.mark.parametrize("who", SEES)
def test_another_partners_or_another_networks_activity_by_id_is_404(client, world, who):
    client.force_login(world["people"][who])
    other = [] if who == "coordinator_a" else [(world["other_activity"], world["other_session"])]
    for activity, session in [*other, (world["activity_b"], world["session_b"])]:
        for url in (
            f"/portal/activities/{activity.pk}/registrations/",
            f"/portal/activities/{activity.pk}/registrations.csv",
            f"/portal/activities/sessions/{session.pk}/attendance/",
            f"/portal/activities/sessions/{session.pk}/cancel/",
        ):
            assert client.get(url).status_code == 404, url
        assert (
            client.post(f"/portal/activities/sessions/{session.pk}/cancel/", {"reason": "x"}).status_code
            == 404
        )
    assert not Session.objects.filter(is_cancelled=True).exists()


def test_the_coordinator_sees_every_partners_activity_of_the_network(client, world):
    client.force_login(world["people"]["coordinator_a"])
    assert client.get(f"/portal/activities/{world['other_activity'].pk}/registrations/").status_code == 200


def test_a_session_of_another_activity_cannot_be_picked_on_the_list(client, world):
    client.force_login(world["people"]["coordinator_a"])
    url = f"/portal/activities/{world['activity'].pk}/registrations/?session={world['other_session'].pk}"
    assert client.get(url).status_code == 404
    assert (
        client.get(f"/portal/activities/{world['activity'].pk}/registrations/?session=nope").status_code
        == 404
    )


def test_only_the_coordinator_opens_the_access_log(client, world):
    for who, status in [("coordinator_a", 200), ("editor_a", 404), ("member_a", 404)]:
        client.force_login(world["people"][who])
        assert client.get("/portal/activities/access-log/").status_code == status, who


def test_another_networks_coordinator_sees_nothing_of_this_networks_log(client, world):
    client.force_login(world["people"]["editor_a"])
    client.get(f"/portal/activities/{world['activity'].pk}/registrations/")
    assert RegistrationAccess.objects.count() == 1
    client.force_login(world["people"]["coordinator_b"])
    body = client.get("/portal/activities/access-log/").content.decode()
    assert "Babymassage" not in body
    assert "Nog niets in het log." in body


def test_without_an_account_every_page_asks_to_sign_in(client, world):
    for url, data in [*_pages(world).values(), ("/portal/activities/access-log/", None)]:
        response = client.post(url, data) if data is not None else client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url
    assert RegistrationAccess.objects.count() == 0


def test_every_page_says_no_store(client, world):
    client.force_login(world["people"]["coordinator_a"])
    for url, data in [*_pages(world).values(), ("/portal/activities/access-log/", None)]:
        response = client.post(url, data) if data is not None else client.get(url)
        cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
        assert {"no-store", "private"} <= cache_control, url


@pytest.mark.parametrize("who", STRANGERS)
def test_the_services_refuse_strangers_whatever_page_let_them_through(world, who):
    user = world["people"][who]
    with pytest.raises(PermissionDenied):
        services.session_cancel(session=world["coming"], reason="Ziek.", acting_user=user)
    with pytest.raises(PermissionDenied):
        services.session_attendance_set(session=world["past"], present_count=3, acting_user=user)
    with pytest.raises(PermissionDenied):
        services.registration_cancel_by_organiser(
            registration=world["confirmed"], reason="Belde af.", acting_user=user
        )
    with pytest.raises(PermissionDenied):
        services.registration_access_record(
            activity=world["activity"], action=RegistrationAccess.Action.VIEW, acting_user=user
        )
    assert RegistrationAccess.objects.count() == 0
    assert not Session.objects.filter(is_cancelled=True).exists()


@pytest.mark.parametrize("page", ["registrations/", "registrations.csv"])
def test_registrations_ask_for_a_second_factor_first(client, network_a, partner_a, service_a, page):
    """An editor of the organiser who signs in with a password alone sees how to set up the second factor, and
    no name, nor an access row: nothing was opened."""
    from hvhk.accounts.models import RoleAssignment
    from hvhk.activities.models import RegistrationAccess
    from tests.accounts.factories import RoleFactory, UserFactory
    from tests.activities.factories_partner import ActivityFactory, RegistrationFactory, SessionFactory

    editor = UserFactory(email="zonder-code@a.example")
    RoleFactory(user=editor, network=network_a, role=RoleAssignment.Role.EDITOR, organization=partner_a)
    activity = ActivityFactory(service=service_a)
    RegistrationFactory(session=SessionFactory(activity=activity), name="Sara Peeters")
    client.force_login(editor)

    response = client.get(f"/portal/activities/{activity.pk}/{page}")

    assert response.status_code == 403
    body = response.content.decode()
    assert "twee stappen" in body and "Sara Peeters" not in body
    assert not RegistrationAccess.objects.exists()
