"""What must hold when things cross or lapse: a withdrawal crossing a step or a referral, consent that ends while
a referral is open, a request closed twice or forgotten, a mail server that is down, a private link in a report."""

import datetime as dt
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from hvhk.feedback.models import ErrorReport
from hvhk.referrals import services
from hvhk.referrals.models import AccessLog, Referral, RequestFacts, SupportRequest
from tests.referrals.factories import QUESTION, make_request

pytestmark = pytest.mark.django_db


def _referred(network, service, intake, message=""):
    request, token = make_request(network)
    (referral,) = services.referral_create(
        request=request, services=[service], message=message, acting_user=intake
    )
    return request, referral, token


# --- after consent ends, nobody reads the family's data: intake neither ------------------------------------------


def test_intake_no_longer_reads_the_family_on_the_referral_page_after_withdrawal(
    network_a, service_a, intake_a, client
):
    request, referral, _ = _referred(network_a, service_a, intake_a, message="Bel Sara op 0470 12 34 56")
    services.consent_withdraw(request=request, acting_user=None)
    client.force_login(intake_a)

    page = client.get(f"/portal/referrals/{referral.pk}/").content.decode()

    assert QUESTION not in page and "0470 12 34 56" not in page and "Sara Peeters" not in page
    assert "ingetrokken of verlopen" in page


def test_intake_no_longer_reads_the_family_on_the_referral_page_after_consent_expired(
    network_a, service_a, intake_a, client, settings
):
    settings.CONSENT_MONTHS = 1
    _request, referral, _ = _referred(network_a, service_a, intake_a)
    with time_machine.travel(dt.timedelta(days=40)):
        client.force_login(intake_a)
        page = client.get(f"/portal/referrals/{referral.pk}/").content.decode()
    assert QUESTION not in page and "Sara Peeters" not in page


def test_reminders_stop_once_consent_has_expired_or_the_request_is_closed(
    network_a, service_a, intake_a, editor_a, settings
):
    settings.CONSENT_MONTHS = 1
    _referred(network_a, service_a, intake_a)
    closed, _referral, _ = _referred(network_a, service_a, intake_a)
    services.request_close(request=closed, acting_user=intake_a)
    mail.outbox.clear()

    with time_machine.travel(dt.timedelta(days=10)):
        assert services.reminders_send() == 1  # the open one; the closed request's referral is not chased
    with time_machine.travel(dt.timedelta(days=40)):
        assert services.reminders_send() == 0  # consent expired: the partner cannot open it any more
    assert len(mail.outbox) == 1


# --- a withdrawal that crosses a step or a referral wins --------------------------------------------------------


def test_a_partners_step_posted_after_the_family_withdrew_is_refused(
    network_a, service_a, intake_a, editor_a
):
    request, referral, _ = _referred(network_a, service_a, intake_a)
    seen_by_partner = Referral.objects.select_related("request__consent").get(pk=referral.pk)
    services.consent_withdraw(request=SupportRequest.objects.get(pk=request.pk), acting_user=None)

    with pytest.raises(ValidationError, match="toestemming"):
        services.referral_advance(referral=seen_by_partner, to=Referral.Status.ACCEPTED, acting_user=editor_a)

    referral.refresh_from_db()
    assert referral.status == Referral.Status.CLOSED


def test_a_referral_sent_from_a_page_loaded_before_the_withdrawal_is_refused(network_a, service_a, intake_a):
    request, _ = make_request(network_a)
    seen_by_intake = SupportRequest.objects.select_related("consent").get(pk=request.pk)
    services.consent_withdraw(request=SupportRequest.objects.get(pk=request.pk), acting_user=None)

    with pytest.raises(ValidationError, match="toestemming"):
        services.referral_create(
            request=seen_by_intake, services=[service_a], message="", acting_user=intake_a
        )
    assert not Referral.objects.exists()


def test_a_step_is_checked_against_the_referral_as_it_is_now(network_a, service_a, intake_a, editor_a):
    _request, referral, _ = _referred(network_a, service_a, intake_a)
    stale = Referral.objects.get(pk=referral.pk)
    services.referral_advance(
        referral=referral, to=Referral.Status.DECLINED, acting_user=editor_a, note="Geen plaats"
    )

    with pytest.raises(ValidationError):
        services.referral_advance(referral=stale, to=Referral.Status.ACCEPTED, acting_user=editor_a)
    assert Referral.objects.get(pk=referral.pk).status == Referral.Status.DECLINED


# --- closing ------------------------------------------------------------------------------------------------------


def test_closing_a_closed_request_again_does_not_restart_its_retention_period(network_a, intake_a, client):
    request, _ = make_request(network_a)
    client.force_login(intake_a)
    client.post(f"/portal/requests/{request.pk}/action/", {"action": "close"})
    first = SupportRequest.objects.get().closed_at

    with time_machine.travel(dt.timedelta(days=300)):
        client.force_login(intake_a)
        again = client.post(f"/portal/requests/{request.pk}/action/", {"action": "close"})
        contacted = client.post(
            f"/portal/requests/{request.pk}/action/", {"action": "contacted"}, follow=True
        )

    stored = SupportRequest.objects.get()
    assert again.status_code == 302 and stored.closed_at == first and stored.first_contact_at is None
    assert "Deze hulpvraag is afgesloten." in contacted.content.decode()


def test_a_request_nobody_closed_or_touched_for_the_retention_period_is_anonymised(
    network_a, service_a, intake_a, editor_a, settings
):
    settings.REQUEST_RETENTION_MONTHS = 12
    forgotten, _ = make_request(network_a)
    _busy_request, busy_referral, _ = _referred(network_a, service_a, intake_a)

    with time_machine.travel(dt.timedelta(days=300)):
        services.referral_advance(referral=busy_referral, to=Referral.Status.ACCEPTED, acting_user=editor_a)
    with time_machine.travel(dt.timedelta(days=370)):
        assert services.requests_anonymise() == 1

    assert not SupportRequest.objects.filter(pk=forgotten.pk).exists()
    assert SupportRequest.objects.filter(
        pk=busy_referral.request_id
    ).exists()  # its referral moved at day 300
    assert RequestFacts.objects.get().reason == "inactive"
    assert AccessLog.objects.get(request_id=forgotten.pk, action="anonymise").detail == "inactive"


# --- the family's side ---------------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_is_down_does_not_cost_the_family_its_answer(network_a, client, caplog):
    with mock.patch("hvhk.core.lib.mail.send_mail", side_effect=OSError("smtp down")):
        response = client.post(
            f"/{network_a.slug}/ask/",
            {
                "question": "Hulp bij het slapen van onze baby",
                "contact_by": "email",
                "email": "ouder@example.org",
                "language": "nl",
                "scope": ["question", "contact"],
            },
            follow=True,
        )

    assert response.status_code == 200 and "Bewaar deze link" in response.content.decode()
    assert SupportRequest.objects.count() == 1
    assert "smtp down" in caplog.text  # logged for the administrator, not hidden


def test_a_report_from_the_private_page_does_not_carry_the_private_link(network_a, client):
    _request, token = make_request(network_a)
    family = Client()
    page = family.get(f"/{network_a.slug}/ask/{token}/", follow=True)

    html = page.content.decode()
    report_links = [part for part in html.split('href="') if "/report/" in part.split('"', 1)[0]]
    assert report_links, "the private page has no 'Meld het ons' link"
    assert all(token not in link.split('"', 1)[0] for link in report_links)
    family.post(
        f"/{network_a.slug}/report/",
        {
            "topic": ErrorReport.Topic.choices[0][0],
            "message": "De tekst klopt niet",
            "page_url": page.request["PATH_INFO"],
        },
    )
    assert all(token not in r.page_url for r in ErrorReport.objects.all())


def test_a_private_link_that_no_longer_works_leaves_no_token_in_the_log(network_a, intake_a, client, caplog):
    request, token = make_request(network_a)
    services.request_erase(request=request, acting_user=intake_a)
    with caplog.at_level("WARNING", logger="django.request"):
        assert client.get(f"/{network_a.slug}/ask/{token}/").status_code == 404
    assert token not in caplog.text
