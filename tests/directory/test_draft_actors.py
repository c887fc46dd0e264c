"""Moderation checks who acts inside each service function, whatever page called it: an organisation's editors
and the network's coordinator propose, withdraw and confirm; only the coordinator publishes or returns a
proposal, so a partner cannot publish its own by calling the function."""

import pytest
from django.core.exceptions import PermissionDenied

from hvhk.accounts.models import RoleAssignment
from hvhk.directory import services
from hvhk.directory.models import Draft, Service
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role


@pytest.fixture
def people(network_a, network_b, partner_b, editor_a, coordinator_a, coordinator_b, platform_admin):
    neighbour = MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="buur")
    ).organization
    neighbour_editor = UserFactory(email="editor@buur.example")
    RoleFactory(user=neighbour_editor, network=network_a, role=Role.EDITOR, organization=neighbour)
    intake = UserFactory(email="intake@a.example")
    RoleFactory(user=intake, network=network_a, role=Role.INTAKE)
    analyst = UserFactory(email="analyst@a.example")
    RoleFactory(user=analyst, network=network_a, role=Role.ANALYST)
    return {
        "coordinator": coordinator_a,
        "platform admin": platform_admin,
        "editor of the organisation": editor_a,
        "editor of another organisation": neighbour_editor,
        "coordinator of another network": coordinator_b,
        "intake worker": intake,
        "analyst": analyst,
        "nobody (anonymous)": None,
    }


KEEPERS = ("coordinator", "platform admin", "editor of the organisation")


def _others(people, *allowed):
    return [(name, user) for name, user in people.items() if name not in allowed]


@pytest.fixture
def draft(service_a, editor_a):
    return services.draft_save(
        kind=Draft.Kind.SERVICE,
        organization=service_a.organization,
        data={"name": "Nieuwe naam"},
        target=service_a,
        acting_user=editor_a,
    )


def test_only_an_organisations_keepers_propose_a_change(people, service_a):
    for name, user in _others(people, *KEEPERS):
        with pytest.raises(PermissionDenied):
            services.draft_save(
                kind=Draft.Kind.SERVICE,
                organization=service_a.organization,
                data={"name": "Gekaapt"},
                target=service_a,
                acting_user=user,
                submit=True,
            )
        assert not Draft.objects.exists(), name
    assert Service.objects.get().name == service_a.name


COORDINATOR_STEPS = {
    "publish": lambda draft, user: services.draft_publish(draft=draft, acting_user=user),
    "return": lambda draft, user: services.draft_return(draft=draft, comment="Nee", acting_user=user),
}


@pytest.mark.parametrize("step", COORDINATOR_STEPS)
def test_only_the_coordinator_publishes_or_returns_a_proposal(step, people, draft, service_a):
    for name, user in _others(people, "coordinator", "platform admin"):
        with pytest.raises(PermissionDenied):
            COORDINATOR_STEPS[step](draft, user)
        draft.refresh_from_db()
        assert draft.status == Draft.Status.DRAFT, name
    assert Service.objects.get().name == service_a.name  # the author above could not publish it either

    services.draft_publish(draft=draft, acting_user=people["coordinator"])
    assert Service.objects.get().name == "Nieuwe naam"


def test_only_an_organisations_keepers_withdraw_its_draft(people, draft):
    for name, user in _others(people, *KEEPERS):
        with pytest.raises(PermissionDenied):
            services.draft_withdraw(draft=draft, acting_user=user)
        draft.refresh_from_db()
        assert draft.status == Draft.Status.DRAFT, name
    services.draft_withdraw(draft=draft, acting_user=people["editor of the organisation"])
    draft.refresh_from_db()
    assert draft.status == Draft.Status.WITHDRAWN


def test_only_an_organisations_keepers_confirm_a_service_is_still_correct(people, service_a):
    Service.objects.filter(pk=service_a.pk).update(assured_date=None)
    for name, user in _others(people, *KEEPERS):
        with pytest.raises(PermissionDenied):
            services.service_confirm_current(service=service_a, acting_user=user)
        assert Service.objects.get().assured_date is None, name
    services.service_confirm_current(service=service_a, acting_user=people["editor of the organisation"])
    assert Service.objects.get().assurer_email == people["editor of the organisation"].email
