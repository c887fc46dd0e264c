"""The 'Meld het ons' inbox: the coordinator sorts, assigns and answers; a partner handles what is assigned to it.

The reporter's e-mail address is personal data: only the coordinator sees it and writes to it.
"""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hvhk.accounts.models import RoleAssignment
from hvhk.feedback import services as feedback
from hvhk.feedback.models import ErrorReport
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.directory.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

REPORTER = "ouder@example.org"


def _report(network, message="Het telefoonnummer klopt niet meer.", **fields) -> ErrorReport:
    fields.setdefault("page_url", "/x/")
    return ErrorReport.objects.create(network=network, message=message, **fields)


def _url(report) -> str:
    return f"/portal/reports/{report.pk}/"


def _editor(organization, email: str):
    user = UserFactory(email=email)
    RoleFactory(
        user=user, network=organization.network, role=RoleAssignment.Role.EDITOR, organization=organization
    )
    return user


@pytest.fixture
def neighbour_editor(network_a):
    """An editor of another organisation in the same network."""
    neighbour = MembershipFactory(
        organization=OrganizationFactory(network=network_a, slug="buur")
    ).organization
    return _editor(neighbour, "editor@buur.example")


def _unchanged(report) -> tuple:
    fresh = ErrorReport.objects.get(pk=report.pk)
    return (fresh.status, fresh.assigned_organization_id, fresh.closed_at, fresh.resolution_note)


# --- who sees what ---------------------------------------------------------------------------------------------


def test_a_coordinator_sees_only_the_reports_of_their_network(client, coordinator_a, network_a, network_b):
    ours = _report(network_a, "Fout in netwerk A")
    theirs = _report(network_b, "Fout in netwerk B")
    client.force_login(coordinator_a)

    body = client.get("/portal/reports/").content.decode()

    assert "Fout in netwerk A" in body and "Fout in netwerk B" not in body
    assert client.get(_url(ours)).status_code == 200
    assert client.get(_url(theirs)).status_code == 404
    assert client.post(_url(theirs), {"action": "status", "status-status": "resolved"}).status_code == 404
    assert _unchanged(theirs)[0] == "new"


def test_the_inbox_shows_open_reports_unless_another_status_is_chosen(client, coordinator_a, network_a):
    _report(network_a, "Melding nieuw")
    _report(network_a, "Melding bezig", status="in_progress")
    _report(network_a, "Melding opgelost", status="resolved")
    client.force_login(coordinator_a)

    def listed(query: str = "") -> set[str]:
        body = client.get(f"/portal/reports/{query}").content.decode()
        return {m for m in ("Melding nieuw", "Melding bezig", "Melding opgelost") if m in body}

    assert listed() == {"Melding nieuw", "Melding bezig"}
    assert listed("?status=resolved") == {"Melding opgelost"}
    assert listed("?status=all") == {"Melding nieuw", "Melding bezig", "Melding opgelost"}
    assert listed("?status=onzin") == {"Melding nieuw", "Melding bezig"}  # unknown: the default


def test_the_inbox_shows_fifty_reports_a_page_newest_first(client, coordinator_a, network_a):
    for i in range(51):
        _report(network_a, f"Melding nummer {i:02d}.")
    client.force_login(coordinator_a)

    first = client.get("/portal/reports/").content.decode()
    second = client.get("/portal/reports/?status=open&page=2").content.decode()

    assert first.count('<th scope="row">') == 50 and "Pagina 1 van 2" in first
    assert "Melding nummer 50." in first and "Melding nummer 00." not in first
    assert second.count('<th scope="row">') == 1 and "Melding nummer 00." in second


def test_the_inbox_costs_the_same_queries_for_many_reports(client, coordinator_a, network_a, service_a):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/portal/reports/").status_code == 200
        return len(ctx)

    client.force_login(coordinator_a)
    _report(network_a, service=service_a, assigned_organization=service_a.organization)
    few = queries()
    for _i in range(10):
        _report(network_a, service=service_a, assigned_organization=service_a.organization)

    assert queries() == few


def test_roles_without_an_inbox_get_404(client, network_a):
    analyst = with_two_factor(UserFactory(email="analyst@a.example"))
    RoleFactory(user=analyst, network=network_a, role=RoleAssignment.Role.ANALYST)
    report = _report(network_a)
    client.force_login(analyst)

    assert client.get("/portal/reports/").status_code == 404
    assert client.get(_url(report)).status_code == 404


def test_an_assigned_report_reaches_that_partner_and_no_other(
    client, coordinator_a, editor_a, neighbour_editor, partner_a, network_a
):
    report = _report(network_a, "Het adres is verhuisd.")
    client.force_login(editor_a)
    assert client.get(_url(report)).status_code == 404  # not assigned yet

    client.force_login(coordinator_a)
    response = client.post(
        _url(report), {"action": "assign", "assign-organization": str(partner_a.pk)}, follow=True
    )

    assert f"Toegewezen aan {partner_a.name}" in response.content.decode()
    report.refresh_from_db()
    assert report.assigned_organization == partner_a and report.handled_by == coordinator_a
    assert partner_a.name in report.resolution_note
    client.force_login(editor_a)
    assert "Het adres is verhuisd." in client.get("/portal/reports/").content.decode()
    assert client.get(_url(report)).status_code == 200
    client.force_login(neighbour_editor)
    assert "Het adres is verhuisd." not in client.get("/portal/reports/").content.decode()
    assert client.get(_url(report)).status_code == 404
    assert client.post(_url(report), {"action": "status", "status-status": "resolved"}).status_code == 404


def test_the_organisation_of_the_service_is_suggested(client, coordinator_a, network_a, service_a):
    report = _report(network_a, service=service_a)
    client.force_login(coordinator_a)

    body = client.get(_url(report)).content.decode()

    assert f'<option value="{service_a.organization.pk}" selected>' in body
    assert f"/{network_a.slug}/services/{service_a.pk}/" in body  # the public page of the service


# --- the reporter's address ------------------------------------------------------------------------------------


def test_an_editor_sees_the_message_but_never_the_address_and_cannot_reply(
    client, editor_a, partner_a, network_a
):
    report = _report(
        network_a, "De uren zijn fout.", reporter_email=REPORTER, assigned_organization=partner_a
    )
    client.force_login(editor_a)

    body = client.get(_url(report)).content.decode()
    response = client.post(_url(report), {"action": "reply", "reply-text": "Dank je, aangepast."})

    assert "De uren zijn fout." in body
    assert REPORTER not in body and 'value="reply"' not in body
    assert response.status_code == 404
    assert mail.outbox == []
    assert _unchanged(report) == ("new", partner_a.pk, None, "")


def test_the_coordinator_sees_the_address_and_replies_by_mail(
    client, coordinator_a, network_a, django_capture_on_commit_callbacks
):
    report = _report(network_a, "De uren zijn fout.", reporter_email=REPORTER)
    client.force_login(coordinator_a)
    assert REPORTER in client.get(_url(report)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url(report), {"action": "reply", "reply-text": "Dank je! We passen de uren aan."}, follow=True
        )

    assert "Je antwoord is verstuurd" in response.content.decode()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [REPORTER] and network_a.name in sent.subject
    assert "Dank je! We passen de uren aan." in sent.body and "De uren zijn fout." in sent.body
    report.refresh_from_db()
    assert report.status == "in_progress" and report.handled_by == coordinator_a
    assert "Dank je! We passen de uren aan." in report.resolution_note
    assert str(coordinator_a) in report.resolution_note
    assert REPORTER not in report.resolution_note  # partners read the history too


def test_without_an_address_there_is_no_reply_and_no_mail(
    client, coordinator_a, network_a, django_capture_on_commit_callbacks
):
    report = _report(network_a)
    client.force_login(coordinator_a)

    body = client.get(_url(report)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(report), {"action": "reply", "reply-text": "Dank je."})

    assert 'value="reply"' not in body and "geen e-mailadres" in body
    assert response.status_code == 404
    assert mail.outbox == []
    assert _unchanged(report) == ("new", None, None, "")


# --- status ----------------------------------------------------------------------------------------------------


def test_closing_sets_closed_at_and_reopening_clears_it(client, coordinator_a, network_a):
    report = _report(network_a)
    client.force_login(coordinator_a)

    client.post(_url(report), {"action": "status", "status-status": "rejected", "status-note": "Klopt wel."})
    report.refresh_from_db()
    assert report.status == "rejected" and report.closed_at is not None
    assert "Klopt wel." in report.resolution_note and "niet weerhouden" in report.resolution_note

    client.post(_url(report), {"action": "status", "status-status": "in_progress"})
    report.refresh_from_db()
    assert report.status == "in_progress" and report.closed_at is None


def test_an_editor_resolves_with_a_note_but_cannot_reject(client, editor_a, partner_a, network_a):
    report = _report(network_a, assigned_organization=partner_a)
    client.force_login(editor_a)

    refused = client.post(_url(report), {"action": "status", "status-status": "rejected"})
    assert "Kies een status uit de lijst." in refused.content.decode()
    assert _unchanged(report) == ("new", partner_a.pk, None, "")

    client.post(_url(report), {"action": "status", "status-status": "resolved", "status-note": "Aangepast."})
    report.refresh_from_db()
    assert report.status == "resolved" and report.closed_at is not None
    assert report.handled_by == editor_a and "Aangepast." in report.resolution_note


# --- bad input -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"action": "reply", "reply-text": "   "}, "Schrijf een antwoord."),
        ({"action": "reply", "reply-text": "Veel te lang. " * 200}, "Je antwoord is te lang"),
        ({"action": "status", "status-status": "weg"}, "Kies een status uit de lijst."),
        ({"action": "status", "status-status": "new"}, "De melding heeft die status al."),
        (
            {"action": "status", "status-status": "resolved", "status-note": "x" * 2001},
            "Je notitie is te lang",
        ),
        ({"action": "assign", "assign-organization": ""}, "Kies een organisatie."),
        ({"action": "assign", "assign-organization": "geen-id"}, "Kies een organisatie uit de lijst."),
    ],
)
def test_bad_input_gets_a_dutch_error_and_changes_nothing(
    client, coordinator_a, network_a, data, error, django_capture_on_commit_callbacks
):
    report = _report(network_a, reporter_email=REPORTER)
    client.force_login(coordinator_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(report), data)

    body = response.content.decode()
    assert response.status_code == 200
    assert error in body and "Er ging iets mis" in body
    assert _unchanged(report) == ("new", None, None, "")
    assert mail.outbox == []


def test_an_organisation_of_another_network_cannot_be_chosen(client, coordinator_a, network_a, partner_b):
    report = _report(network_a)
    client.force_login(coordinator_a)

    body = client.post(_url(report), {"action": "assign", "assign-organization": str(partner_b.pk)})

    assert "Kies een organisatie uit de lijst." in body.content.decode()
    assert partner_b.name not in client.get(_url(report)).content.decode()
    assert _unchanged(report) == ("new", None, None, "")


def test_an_overlong_reply_keeps_what_was_typed(client, coordinator_a, network_a):
    report = _report(network_a, reporter_email=REPORTER)
    client.force_login(coordinator_a)
    text = "Bedankt voor je melding. " * 100

    body = client.post(_url(report), {"action": "reply", "reply-text": text}).content.decode()

    assert "Je antwoord is te lang: hoogstens 2000 tekens" in body
    assert text.strip() in body


def test_an_unknown_action_is_404(client, coordinator_a, network_a):
    report = _report(network_a)
    client.force_login(coordinator_a)
    assert client.post(_url(report), {"action": "delete"}).status_code == 404


# --- markup stays text -----------------------------------------------------------------------------------------


def test_markup_in_a_report_is_shown_escaped(client, coordinator_a, network_a):
    report = _report(
        network_a,
        '<script>alert("x")</script><b>vet</b>',
        page_title="<img src=x onerror=alert(1)>",
        page_url="javascript:alert(1)",
    )
    client.force_login(coordinator_a)

    inbox = client.get("/portal/reports/").content.decode()
    detail = client.get(_url(report)).content.decode()

    for body in (inbox, detail):
        assert "<script>alert" not in body and "<b>vet</b>" not in body and "<img src=x" not in body
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert 'href="javascript:' not in detail  # a page that is not on the site gets no link


# --- the services themselves -----------------------------------------------------------------------------------


def test_assign_refuses_an_organisation_of_another_network(network_a, partner_b, coordinator_a):
    report = _report(network_a)
    with pytest.raises(ValidationError) as caught:
        feedback.error_report_assign(report=report, organization=partner_b, acting_user=coordinator_a)
    assert "organization" in caught.value.message_dict
    assert _unchanged(report) == ("new", None, None, "")


def test_reply_without_an_address_sends_nothing(network_a, coordinator_a, django_capture_on_commit_callbacks):
    report = _report(network_a)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        feedback.error_report_reply(report=report, text="Dank je.", acting_user=coordinator_a)
    assert mail.outbox == []


def test_closing_twice_keeps_the_first_closing_time(network_a, coordinator_a):
    report = _report(network_a)
    feedback.error_report_status_set(report=report, status="resolved", acting_user=coordinator_a)
    first = report.closed_at
    feedback.error_report_status_set(
        report=report, status="rejected", acting_user=coordinator_a, note="Toch niet."
    )
    assert ErrorReport.objects.get(pk=report.pk).closed_at == first
