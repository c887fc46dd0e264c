"""Privacy built in: personal data encrypted at rest, consent that stops sharing at once, an access log, a GDPR
export and erasure, and anonymisation of closed requests after the retention period (with a moving clock)."""

import datetime as dt
import json
from io import StringIO

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.core import mail
from django.core.management import call_command
from django.db import connection

from hvhk.referrals import crypto, services
from hvhk.referrals.models import AccessLog, Referral, RequestFacts, SupportRequest
from tests.directory.factories import TaxonomyFactory, TaxonomyTermFactory
from tests.referrals.factories import QUESTION, make_request

pytestmark = pytest.mark.django_db


def _raw(column: str, request: SupportRequest) -> str:
    """What the database holds, read past the model field (which would decrypt it)."""
    assert column in {"question", "name", "phone"}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} FROM referrals_supportrequest WHERE id = %s",  # noqa: S608 (fixed column names)
            [request.pk.hex if connection.vendor == "sqlite" else request.pk],
        )
        return cursor.fetchone()[0]


def test_personal_fields_are_encrypted_in_the_database(network_a):
    request, _token = make_request(network_a)

    for column, plain in (("question", QUESTION), ("name", "Sara Peeters"), ("phone", "0470 12 34 56")):
        stored = _raw(column, request)
        assert stored.startswith("fernet:") and plain not in stored
    assert SupportRequest.objects.get().question == QUESTION  # and read back as plain text


def test_keys_rotate_without_losing_data(network_a, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    request, _token = make_request(network_a)
    before = _raw("question", request)

    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    call_command("rotate-field-keys", stdout=StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [new]  # the old key is gone

    assert _raw("question", request) != before
    assert SupportRequest.objects.get().question == QUESTION


def test_a_missing_key_fails_loudly_instead_of_showing_garbage(network_a, settings):
    make_request(network_a)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(crypto.DecryptionError):
        SupportRequest.objects.get()


def test_withdrawing_consent_stops_sharing_at_once(
    network_a, service_a, intake_a, editor_a, client, django_capture_on_commit_callbacks
):
    request, _token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )
    client.force_login(editor_a)
    assert client.get(f"/portal/referrals/{referral.pk}/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        services.consent_withdraw(request=request, acting_user=None)

    referral.refresh_from_db()
    assert referral.status == Referral.Status.CLOSED and "toestemming" in referral.reason
    gone = client.get(f"/portal/referrals/{referral.pk}/")  # the partner learns it is no longer shared
    assert gone.status_code == 410 and QUESTION not in gone.content.decode()
    assert request.reference not in client.get("/portal/referrals/?show=all").content.decode()
    (notice,) = mail.outbox
    assert set(notice.to) == {"editor@a.example", "intake@a.example"} and "Sara" not in notice.body
    client.force_login(intake_a)
    page = client.get(f"/portal/requests/{request.pk}/").content.decode()
    assert QUESTION not in page and "0470" not in page and "Toestemming ingetrokken" in page


def test_staff_can_withdraw_on_behalf_of_the_family(network_a, intake_a, client):
    request, _token = make_request(network_a)
    client.force_login(intake_a)

    client.post(f"/portal/requests/{request.pk}/action/", {"action": "withdraw"})

    request.consent.refresh_from_db()
    assert request.consent.withdrawn_by == intake_a and not request.consent.is_active()


def test_an_expired_consent_hides_personal_data_too(
    network_a, service_a, intake_a, editor_a, client, settings
):
    settings.CONSENT_MONTHS = 1
    request, _token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )

    with time_machine.travel(dt.timedelta(days=40)):
        client.force_login(editor_a)
        gone = client.get(f"/portal/referrals/{referral.pk}/")
        assert gone.status_code == 410 and QUESTION not in gone.content.decode()
        client.force_login(intake_a)
        assert QUESTION not in client.get(f"/portal/requests/{request.pk}/").content.decode()


def test_every_view_of_personal_data_is_logged_and_the_coordinator_sees_the_log(
    network_a, service_a, intake_a, editor_a, coordinator_a, client
):
    request, _token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )
    client.force_login(intake_a)
    client.get(f"/portal/requests/{request.pk}/")
    client.force_login(editor_a)
    client.get(f"/portal/referrals/{referral.pk}/")

    views = AccessLog.objects.filter(request_id=request.pk, action="view")
    assert sorted(views.values_list("user_label", flat=True)) == ["editor@a.example", "intake@a.example"]
    client.force_login(coordinator_a)
    log = client.get("/portal/access-log/").content.decode()
    assert "editor@a.example" in log and request.reference in log and "bekeken" in log
    client.force_login(intake_a)
    assert client.get("/portal/access-log/").status_code == 404  # the log is the coordinator's


def test_the_gdpr_export_holds_everything_on_the_family(network_a, service_a, intake_a, client):
    request, _token = make_request(network_a, email="sara@example.org")
    services.referral_create(
        request=request, services=[service_a], message="Bel na 17u", acting_user=intake_a
    )
    client.force_login(intake_a)

    response = client.get(f"/portal/requests/{request.pk}/export/")
    data = json.loads(response.content)

    assert (
        response["Content-Disposition"].startswith("attachment;") and "no-store" in response["Cache-Control"]
    )
    assert (
        data["question"] == QUESTION
        and data["name"] == "Sara Peeters"
        and data["email"] == "sara@example.org"
    )
    assert data["consent"]["how"] and data["referrals"][0]["message"] == "Bel na 17u"
    assert [step["status"] for step in data["referrals"][0]["steps"]] == ["verstuurd"]
    assert AccessLog.objects.filter(request_id=request.pk, action="export").exists()


def test_erasure_on_request_keeps_only_anonymous_facts_and_the_log(network_a, service_a, intake_a, client):
    request, _token = make_request(network_a)
    services.referral_create(request=request, services=[service_a], message="", acting_user=intake_a)
    client.force_login(intake_a)

    refused = client.post(f"/portal/requests/{request.pk}/erase/", {"confirm": "wrong"})
    assert SupportRequest.objects.exists() and "Typ de referentie precies over" in refused.content.decode()
    client.post(f"/portal/requests/{request.pk}/erase/", {"confirm": request.reference})

    assert not SupportRequest.objects.exists() and not Referral.objects.exists()
    facts = RequestFacts.objects.get()
    assert facts.reason == "erasure" and facts.referrals == 1 and facts.age_bands == ["0-3"]
    assert AccessLog.objects.filter(request_id=request.pk, action="erase").exists()
    assert client.get(f"/portal/requests/{request.pk}/").status_code == 404


def test_closed_requests_are_anonymised_after_the_retention_period(
    network_a, service_a, intake_a, editor_a, settings
):
    settings.REQUEST_RETENTION_MONTHS = 12
    domain = TaxonomyTermFactory(taxonomy=TaxonomyFactory(network=network_a), code="slapen", name="Slapen")
    start = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        request, _token = make_request(network_a, domain=domain)
        still_open, _ = make_request(network_a)
        (referral,) = services.referral_create(
            request=request, services=[service_a], message="", acting_user=intake_a
        )
        clock.shift(dt.timedelta(days=2))
        services.referral_advance(referral=referral, to=Referral.Status.ACCEPTED, acting_user=editor_a)
        services.referral_advance(
            referral=referral, to=Referral.Status.COMPLETED, acting_user=editor_a, note="Geholpen"
        )
        services.request_close(request=request, acting_user=intake_a)

        clock.shift(dt.timedelta(days=360))  # not yet twelve months
        call_command("referrals", stdout=StringIO())
        assert SupportRequest.objects.count() == 2
        services.request_mark_contacted(request=still_open, acting_user=intake_a)  # still being worked on

        clock.shift(dt.timedelta(days=10))  # past twelve months
        call_command("referrals", stdout=StringIO())

    assert list(SupportRequest.objects.all()) == [still_open]  # open requests in use stay
    facts = RequestFacts.objects.get()
    assert (facts.month, facts.domain, facts.age_bands) == (dt.date(2026, 1, 1), domain, ["0-3"])
    assert (facts.outcome, facts.days_to_first_contact, facts.reason) == ("completed", 2, "retention")
    assert AccessLog.objects.filter(request_id=request.pk, action="anonymise").exists()
