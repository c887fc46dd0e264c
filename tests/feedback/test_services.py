"""Handling a "Meld het ons" report checks who acts, whatever page called it: the network's coordinator does
everything, the editors of the partner a report is assigned to only move it on, and nobody else anything."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hvhk.accounts.models import RoleAssignment
from hvhk.feedback import services
from hvhk.feedback.models import ErrorReport
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role
Status = ErrorReport.Status


@pytest.fixture
def report(network_a, partner_a):
    return ErrorReport.objects.create(
        network=network_a,
        page_url="/x/",
        message="Fout telefoonnummer",
        reporter_email="ouder@example.org",
        assigned_organization=partner_a,
    )


@pytest.fixture
def people(network_a, network_b, partner_b, editor_a, coordinator_a, coordinator_b, platform_admin):
    neighbour = MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="buur")
    ).organization
    neighbour_editor = UserFactory(email="editor@buur.example")
    RoleFactory(user=neighbour_editor, network=network_a, role=Role.EDITOR, organization=neighbour)
    intake = UserFactory(email="intake@a.example")
    RoleFactory(user=intake, network=network_a, role=Role.INTAKE)
    return {
        "coordinator": coordinator_a,
        "platform admin": platform_admin,
        "editor of the assigned partner": editor_a,
        "editor of another partner": neighbour_editor,
        "coordinator of another network": coordinator_b,
        "intake worker": intake,
        "nobody (anonymous)": None,
    }


def _unchanged(report: ErrorReport) -> bool:
    stored = ErrorReport.objects.get(pk=report.pk)
    return stored.status == Status.NEW and stored.resolution_note == "" and stored.handled_by is None


def test_only_the_coordinator_hands_a_report_to_a_partner(people, report, partner_a):
    for name, user in people.items():
        if name in ("coordinator", "platform admin"):
            continue
        with pytest.raises(PermissionDenied):
            services.error_report_assign(report=report, organization=partner_a, acting_user=user)
        assert _unchanged(report), name
    services.error_report_assign(report=report, organization=partner_a, acting_user=people["coordinator"])
    assert ErrorReport.objects.get().handled_by == people["coordinator"]


def test_only_the_coordinator_answers_the_reporter(people, report, mailoutbox):
    for name, user in people.items():
        if name in ("coordinator", "platform admin"):
            continue
        with pytest.raises(PermissionDenied):
            services.error_report_reply(report=report, text="Dank je.", acting_user=user)
        assert _unchanged(report), name
    assert mailoutbox == []


@pytest.mark.parametrize("status", [Status.IN_PROGRESS, Status.RESOLVED])
def test_the_coordinator_and_the_assigned_partner_move_a_report_on(status, people, report):
    for name, user in people.items():
        if name in ("coordinator", "platform admin", "editor of the assigned partner"):
            continue
        with pytest.raises(PermissionDenied):
            services.error_report_status_set(report=report, status=status, acting_user=user)
        assert _unchanged(report), name
    services.error_report_status_set(
        report=report, status=status, acting_user=people["editor of the assigned partner"]
    )
    assert ErrorReport.objects.get().status == status


@pytest.mark.parametrize("status", [Status.REJECTED, Status.NEW])
def test_rejecting_or_reopening_a_report_is_the_coordinators_call(status, report, editor_a, coordinator_a):
    report.status = Status.IN_PROGRESS
    report.save()
    with pytest.raises(ValidationError) as refused:
        services.error_report_status_set(report=report, status=status, acting_user=editor_a)
    assert "status" in refused.value.message_dict
    assert ErrorReport.objects.get().status == Status.IN_PROGRESS
    services.error_report_status_set(report=report, status=status, acting_user=coordinator_a)
    assert ErrorReport.objects.get().status == status


def test_a_partner_no_longer_assigned_cannot_move_the_report(report, editor_a, partner_a, network_a):
    other = MembershipFactory(organization=OrganizationFactory(network=network_a, slug="ander")).organization
    report.assigned_organization = other
    report.save()
    with pytest.raises(PermissionDenied):
        services.error_report_status_set(report=report, status=Status.RESOLVED, acting_user=editor_a)
    assert _unchanged(report)
