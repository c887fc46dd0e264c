"""Freshness: overdue services, the weekly reminder to partner editors, and its one-click "still correct" link."""

import datetime as dt
import re
import time
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.directory.models import Service
from hvhk.portal import freshness
from hvhk.portal.tasks import send_freshness_reminders
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import MembershipFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 24)
LINK = re.compile(r"https?://\S+/portal/fresh/[^/\s]+/")


def _ago(months: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=months * 31)


@pytest.fixture
def stale_a(service_a):
    service_a.assured_date = _ago(7)
    service_a.save()
    return service_a


def _path(url: str) -> str:
    """The path of an absolute link from a mail (the test client takes paths)."""
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _links(message) -> list[str]:
    return [_path(url) for url in LINK.findall(message.body)]


# --- which services are overdue --------------------------------------------------------------------------------


def test_a_service_checked_seven_months_ago_is_overdue_one_month_ago_is_not(network_a, partner_a):
    old = ServiceFactory(organization=partner_a, assured_date=TODAY - dt.timedelta(days=7 * 31))
    never = ServiceFactory(organization=partner_a, assured_date=None)
    ServiceFactory(organization=partner_a, assured_date=TODAY - dt.timedelta(days=31))

    overdue = freshness.overdue_by_organization(network_a, today=TODAY)

    assert overdue == {partner_a: [never, old]}  # never checked comes first


def test_inactive_services_and_other_networks_are_skipped(network_a, partner_a, partner_b):
    for status in (Service.Status.INACTIVE, Service.Status.DEFUNCT, Service.Status.TEMPORARILY_CLOSED):
        ServiceFactory(organization=partner_a, status=status, assured_date=None)
    ServiceFactory(organization=partner_b, assured_date=None)

    assert freshness.overdue_by_organization(network_a, today=TODAY) == {}


def test_overdue_services_are_grouped_per_organisation(network_a, partner_a):
    other = MembershipFactory(
        organization=OrganizationFactory(network=network_a, name="Zorgpunt")
    ).organization
    a = ServiceFactory(organization=partner_a, assured_date=None)
    b = ServiceFactory(organization=other, assured_date=None)

    assert freshness.overdue_by_organization(network_a, today=TODAY) == {partner_a: [a], other: [b]}


# --- the reminder ----------------------------------------------------------------------------------------------


def test_reminders_go_to_the_organisations_editors_only(
    network_a, partner_a, stale_a, editor_a, coordinator_a
):
    colleague = UserFactory(email="collega@a.example")
    RoleFactory(user=colleague, network=network_a, role=RoleAssignment.Role.EDITOR, organization=partner_a)
    gone = UserFactory(email="weg@a.example", is_active=False)
    RoleFactory(user=gone, network=network_a, role=RoleAssignment.Role.EDITOR, organization=partner_a)
    neighbour = MembershipFactory(organization=OrganizationFactory(network=network_a)).organization
    RoleFactory(
        user=UserFactory(email="buur@a.example"),
        network=network_a,
        role=RoleAssignment.Role.EDITOR,
        organization=neighbour,
    )
    ServiceFactory(organization=partner_a, assured_date=None)

    result = freshness.freshness_reminders_send()

    assert sorted(m.to[0] for m in mail.outbox) == ["collega@a.example", "editor@a.example"]
    assert all(len(m.to) == 1 for m in mail.outbox)  # one mail per editor, with the organisation's services
    assert result == {"organizations": 1, "services": 2, "emails": 2, "without_editor": []}
    body = mail.outbox[0].body
    assert stale_a.name in body and partner_a.name in mail.outbox[0].subject
    assert f"/portal/services/{stale_a.pk}/" in body
    assert len(_links(mail.outbox[0])) == 2


def test_organisations_without_an_editor_are_reported_not_mailed(network_a, partner_a, stale_a):
    result = freshness.freshness_reminders_send()

    assert mail.outbox == []
    assert result == {"organizations": 1, "services": 1, "emails": 0, "without_editor": [partner_a.name]}


def test_nothing_is_sent_when_everything_is_fresh(editor_a, service_a):
    service_a.assured_date = _ago(1)
    service_a.save()

    assert freshness.freshness_reminders_send()["emails"] == 0
    assert mail.outbox == []


def test_the_link_in_the_mail_confirms_the_service(client, stale_a, editor_a):
    freshness.freshness_reminders_send()
    (link,) = _links(mail.outbox[0])

    page = client.get(link)

    assert page.status_code == 200
    assert f"Klopt '{stale_a.name}' nog?" in page.content.decode()
    assert "Ja, dit klopt nog" in page.content.decode()
    stale_a.refresh_from_db()
    assert stale_a.assured_date == _ago(7)  # opening the link (a mail scanner does) changes nothing

    done = client.post(link)

    assert done.status_code == 200 and "Dank je" in done.content.decode()
    stale_a.refresh_from_db()
    assert stale_a.assured_date == timezone.localdate()
    assert stale_a.assurer_email == editor_a.email
    assert stale_a.history.first().history_user == editor_a  # the audit trail names the editor


def test_the_confirmation_works_with_csrf_checks_on(stale_a, editor_a):
    browser = Client(enforce_csrf_checks=True)
    link = f"/portal/fresh/{freshness.make_token(service=stale_a, user=editor_a)}/"

    page = browser.get(link).content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    assert browser.post(link).status_code == 403  # a form without the token is refused
    assert browser.post(link, {"csrfmiddlewaretoken": csrf}).status_code == 200
    stale_a.refresh_from_db()
    assert stale_a.assured_date == timezone.localdate()


# --- links that no longer work ---------------------------------------------------------------------------------


def _assert_invalid(response, status: int = 400) -> None:
    assert response.status_code == status
    assert "Deze link is verlopen of niet (meer) geldig" in response.content.decode()


def test_an_expired_link_is_refused(client, stale_a, editor_a):
    made = time.time() - (freshness.FRESHNESS_LINK_DAYS + 1) * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=made):
        token = freshness.make_token(service=stale_a, user=editor_a)

    _assert_invalid(client.get(f"/portal/fresh/{token}/"))
    _assert_invalid(client.post(f"/portal/fresh/{token}/"))
    stale_a.refresh_from_db()
    assert stale_a.assured_date == _ago(7)


def test_a_link_of_29_days_still_works(client, stale_a, editor_a):
    made = time.time() - (freshness.FRESHNESS_LINK_DAYS - 1) * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=made):
        token = freshness.make_token(service=stale_a, user=editor_a)

    assert client.get(f"/portal/fresh/{token}/").status_code == 200


@pytest.mark.parametrize("token", ["nonsense", "eyJzIjoiMSJ9:1vabcd:abc", "x" * 300])
def test_a_made_up_link_is_refused(client, db, token):
    _assert_invalid(client.get(f"/portal/fresh/{token}/"))


def test_a_tampered_link_is_refused(client, stale_a, editor_a, partner_a):
    other = ServiceFactory(organization=partner_a, assured_date=None)
    token = freshness.make_token(service=stale_a, user=editor_a)
    payload, stamp, signature = token.split(":")
    forged = freshness.make_token(service=other, user=editor_a).split(":")[0]

    _assert_invalid(client.post(f"/portal/fresh/{forged}:{stamp}:{signature}/"))
    _assert_invalid(client.post(f"/portal/fresh/{payload}:{stamp}:{signature[:-2]}xx/"))
    other.refresh_from_db()
    assert other.assured_date is None


def test_a_link_of_someone_who_no_longer_edits_the_organisation_is_refused(client, stale_a, editor_a):
    token = freshness.make_token(service=stale_a, user=editor_a)
    RoleAssignment.objects.filter(user=editor_a).delete()

    _assert_invalid(client.post(f"/portal/fresh/{token}/"))
    stale_a.refresh_from_db()
    assert stale_a.assured_date == _ago(7)


def test_a_link_for_a_service_that_moved_to_another_organisation_is_refused(
    client, network_a, stale_a, editor_a
):
    token = freshness.make_token(service=stale_a, user=editor_a)
    stale_a.organization = OrganizationFactory(network=network_a)
    stale_a.save()

    _assert_invalid(client.post(f"/portal/fresh/{token}/"))


def test_a_link_of_a_deactivated_account_is_refused(client, stale_a, editor_a):
    token = freshness.make_token(service=stale_a, user=editor_a)
    editor_a.is_active = False
    editor_a.save()

    _assert_invalid(client.get(f"/portal/fresh/{token}/"))


def test_a_link_for_a_removed_service_is_404(client, partner_a, editor_a):
    gone = ServiceFactory(organization=partner_a)
    token = freshness.make_token(service=gone, user=editor_a)
    gone.delete()

    _assert_invalid(client.get(f"/portal/fresh/{token}/"), status=404)


def test_other_methods_are_not_allowed(client, stale_a, editor_a):
    token = freshness.make_token(service=stale_a, user=editor_a)
    assert client.put(f"/portal/fresh/{token}/").status_code == 405


# --- command and task ------------------------------------------------------------------------------------------


def test_the_command_with_now_sends_and_prints_a_summary(stale_a, editor_a, network_a):
    ServiceFactory(
        organization=MembershipFactory(
            organization=OrganizationFactory(network=network_a, name="Zonder Redacteur", slug="zonder")
        ).organization,
        assured_date=None,
    )
    out = StringIO()

    call_command("freshness", "--now", stdout=out)

    assert [m.to for m in mail.outbox] == [[editor_a.email]]
    assert out.getvalue().strip() == (
        "Freshness reminders: 1 e-mails for 2 overdue services in 2 organisations; "
        "1 without an editor: Zonder Redacteur."
    )


def test_the_command_enqueues_the_task(stale_a, editor_a):
    out = StringIO()

    call_command("freshness", stdout=out)

    assert "enqueued" in out.getvalue()
    assert len(mail.outbox) == 1  # the immediate backend of the tests runs it at once


def test_the_task_runs_through_django_tasks(stale_a, editor_a):
    result = send_freshness_reminders.enqueue()

    assert result.status == "SUCCESSFUL"
    assert result.return_value == {"organizations": 1, "services": 1, "emails": 1, "without_editor": []}
    assert [m.to for m in mail.outbox] == [[editor_a.email]]
