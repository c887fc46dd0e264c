"""Why a partner declined, as a choice besides the free text: required on the partner's form, checked by the
service, shown on the referral and in the family's download, counted (without the text) in the signals."""

import pytest
from django.core.exceptions import ValidationError

from hvhk.referrals import services
from hvhk.referrals.models import Referral
from tests.referrals.factories import make_request

pytestmark = pytest.mark.django_db
S = Referral.Status
R = Referral.DeclineReason


@pytest.fixture
def referral(network_a, service_a, intake_a, editor_a):
    request, _token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )
    return referral


def test_declining_stores_the_reason_as_a_choice(referral, editor_a):
    services.referral_advance(
        referral=referral,
        to=S.DECLINED,
        acting_user=editor_a,
        note="Volzet tot maart",
        decline_reason=R.NO_CAPACITY,
    )
    referral.refresh_from_db()
    assert (referral.status, referral.decline_reason, referral.reason) == (
        S.DECLINED,
        R.NO_CAPACITY,
        "Volzet tot maart",
    )


def test_a_decline_without_a_stated_reason_counts_as_other(referral, editor_a):
    services.referral_advance(referral=referral, to=S.DECLINED, acting_user=editor_a, note="Past niet")
    referral.refresh_from_db()
    assert referral.decline_reason == R.OTHER


@pytest.mark.parametrize(
    ("to", "reason", "message"),
    [
        (S.DECLINED, "busy", "Kies een van de redenen"),
        (S.ACCEPTED, R.NO_CAPACITY, "alleen als je weigert"),
    ],
)
def test_an_unknown_reason_or_a_reason_for_another_step_is_refused(referral, editor_a, to, reason, message):
    with pytest.raises(ValidationError) as error:
        services.referral_advance(
            referral=referral, to=to, acting_user=editor_a, note="x", decline_reason=reason
        )

    assert message in str(error.value.message_dict["decline_reason"])
    referral.refresh_from_db()
    assert referral.status == S.SENT and referral.decline_reason == ""


def test_the_partners_form_requires_the_reason_when_declining_and_shows_it_after(client, referral, editor_a):
    client.force_login(editor_a)
    url = f"/portal/referrals/{referral.pk}/"
    page = client.get(url).content.decode()
    refused = client.post(url, {"to": "declined", "note": "Volzet"}).content.decode()
    referral.refresh_from_db()
    status_after_refusal = referral.status

    client.post(url, {"to": "declined", "note": "Volzet", "decline_reason": "not_eligible"})
    referral.refresh_from_db()
    shown = client.get(url).content.decode()

    assert "Waarom weiger je?" in page and 'value="no_capacity"' in page
    assert "Kies waarom je de doorverwijzing weigert." in refused and status_after_refusal == S.RECEIVED
    assert (referral.status, referral.decline_reason) == (S.DECLINED, R.NOT_ELIGIBLE)
    assert "het gezin valt buiten ons aanbod of onze voorwaarden" in shown


def test_accepting_ignores_a_reason_left_on_the_form(client, referral, editor_a):
    client.force_login(editor_a)
    client.post(f"/portal/referrals/{referral.pk}/", {"to": "accepted", "decline_reason": "no_capacity"})
    referral.refresh_from_db()
    assert (referral.status, referral.decline_reason) == (S.ACCEPTED, "")


def test_the_familys_download_names_the_reason(referral, editor_a, intake_a):
    services.referral_advance(
        referral=referral, to=S.DECLINED, acting_user=editor_a, note="Volzet", decline_reason=R.NO_CAPACITY
    )
    data = services.request_export(request=referral.request, acting_user=intake_a)
    assert data["referrals"][0]["decline_reason"] == "geen plaats (volzet of wachtlijst)"
