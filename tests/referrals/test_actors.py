"""Every service function that changes a request, a consent or a referral checks who acts, whatever page called
it (STYLE.md rule 5): each is tried here with every kind of person, and only the right one gets through.
A refusal leaves the database as it was."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hvhk.accounts.models import RoleAssignment
from hvhk.referrals import services
from hvhk.referrals.models import AccessLog, Consent, Referral, ReferralEvent, SupportRequest
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import MembershipFactory, OrganizationFactory
from tests.referrals.factories import make_request

pytestmark = pytest.mark.django_db
S = Referral.Status
Role = RoleAssignment.Role


@pytest.fixture
def people(
    network_a, network_b, partner_a, partner_b, intake_a, intake_b, editor_a, coordinator_a, platform_admin
):
    """Everyone who might try, by a name that says who they are."""
    neighbour = MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="buur")
    ).organization
    neighbour_editor = UserFactory(email="editor@buur.example")
    RoleFactory(user=neighbour_editor, network=network_a, role=Role.EDITOR, organization=neighbour)
    other_editor = UserFactory(email="editor@b.example")
    RoleFactory(user=other_editor, network=network_b, role=Role.EDITOR, organization=partner_b)
    analyst = UserFactory(email="analyst@a.example")
    RoleFactory(user=analyst, network=network_a, role=Role.ANALYST)
    former_intake = UserFactory(email="weg@a.example", is_active=False)
    RoleFactory(user=former_intake, network=network_a, role=Role.INTAKE)
    return {
        "intake worker": intake_a,
        "intake worker of another network": intake_b,
        "former intake worker (account switched off)": former_intake,
        "editor of the receiving partner": editor_a,
        "editor of another partner": neighbour_editor,
        "editor in another network": other_editor,
        "coordinator": coordinator_a,
        "analyst": analyst,
        "platform admin": platform_admin,
        "nobody (anonymous)": None,
    }


def _everyone_but(people: dict, *allowed: str) -> list:
    return [(name, user) for name, user in people.items() if name not in allowed]


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count() for model in (SupportRequest, Consent, Referral, ReferralEvent, AccessLog)
    )


@pytest.fixture
def referral(network_a, service_a, intake_a):
    request, _token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )
    return referral


# --- intake steps ------------------------------------------------------------------------------------------------


INTAKE_STEPS = {
    "refer": lambda request, user, service: services.referral_create(
        request=request, services=[service], message="", acting_user=user
    ),
    "assign": lambda request, user, service: services.request_assign(
        request=request, assignee=user, acting_user=user
    ),
    "mark contacted": lambda request, user, service: services.request_mark_contacted(
        request=request, acting_user=user
    ),
    "close": lambda request, user, service: services.request_close(request=request, acting_user=user),
    "export": lambda request, user, service: services.request_export(request=request, acting_user=user),
    "erase": lambda request, user, service: services.request_erase(request=request, acting_user=user),
}


@pytest.mark.parametrize("step", INTAKE_STEPS)
def test_only_the_networks_intake_workers_take_the_intake_steps(step, people, network_a, service_a):
    request, _token = make_request(network_a)
    for name, user in _everyone_but(people, "intake worker"):
        before = _counts()
        with pytest.raises(PermissionDenied):
            INTAKE_STEPS[step](request, user, service_a)
        assert _counts() == before, name
        request.refresh_from_db()
        assert request.status == SupportRequest.Status.NEW and request.assigned_to is None, name

    INTAKE_STEPS[step](request, people["intake worker"], service_a)


def test_a_request_is_assigned_only_to_an_intake_worker_of_its_network(people, network_a):
    request, _token = make_request(network_a)
    for name, user in _everyone_but(people, "intake worker", "nobody (anonymous)"):
        with pytest.raises(ValidationError) as refused:
            services.request_assign(request=request, assignee=user, acting_user=people["intake worker"])
        assert "assignee" in refused.value.message_dict, name
    request.refresh_from_db()
    assert request.assigned_to is None


def test_consent_is_withdrawn_by_the_family_or_the_networks_intake(people, network_a):
    for name, user in _everyone_but(people, "intake worker", "nobody (anonymous)"):
        request, _token = make_request(network_a)
        with pytest.raises(PermissionDenied):
            services.consent_withdraw(request=request, acting_user=user)
        request.consent.refresh_from_db()
        assert request.consent.withdrawn_at is None, name

    for allowed in ("intake worker", "nobody (anonymous)"):  # nobody: the family, through its private link
        request, _token = make_request(network_a)
        services.consent_withdraw(request=request, acting_user=people[allowed])
        request.consent.refresh_from_db()
        assert request.consent.withdrawn_at is not None


def test_a_question_is_registered_by_a_professional_of_the_network_or_asked_by_the_family(people, network_a):
    for name, user in _everyone_but(
        people,
        "intake worker",
        "editor of the receiving partner",
        "editor of another partner",
        "nobody (anonymous)",
    ):
        before = _counts()
        with pytest.raises(PermissionDenied):
            make_request(network_a, by=user)
        assert _counts() == before, name

    for allowed in ("intake worker", "editor of the receiving partner", "editor of another partner"):
        request, _token = make_request(network_a, by=people[allowed])
        assert request.source == SupportRequest.Source.PROFESSIONAL and request.created_by == people[allowed]
    assert make_request(network_a)[0].source == SupportRequest.Source.ONLINE


# --- partner steps -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("to", [S.RECEIVED, S.ACCEPTED, S.DECLINED])
def test_only_the_receiving_partners_editor_takes_a_referrals_step(to, people, referral):
    for name, user in _everyone_but(people, "editor of the receiving partner"):
        before = _counts()
        with pytest.raises(PermissionDenied):
            services.referral_advance(referral=referral, to=to, acting_user=user, note="reden")
        assert _counts() == before, name
        referral.refresh_from_db()
        assert referral.status == S.SENT, name

    services.referral_advance(
        referral=referral, to=to, acting_user=people["editor of the receiving partner"], note="reden"
    )
    assert Referral.objects.get().status == to


def test_opening_a_referral_marks_it_received_only_for_the_receiving_partner(people, referral):
    for name, user in _everyone_but(people, "editor of the receiving partner"):
        with pytest.raises(PermissionDenied):
            services.referral_open(referral=referral, acting_user=user)
        assert Referral.objects.get().status == S.SENT, name

    services.referral_open(referral=referral, acting_user=people["editor of the receiving partner"])
    assert Referral.objects.get().status == S.RECEIVED


def test_a_former_editor_can_no_longer_take_a_step(referral, editor_a):
    editor_a.roles.all().delete()
    with pytest.raises(PermissionDenied):
        services.referral_advance(referral=referral, to=S.ACCEPTED, acting_user=editor_a)
    assert Referral.objects.get().status == S.SENT
