"""Who downloads what of a request, and when (docs/privacy.md, "Who can export what"): the family always gets all
of its data through its private link; the network's intake workers get the personal data only while consent
holds and the facts without it afterwards; everyone else gets nothing; every export is in the access log."""

import contextlib
import datetime as dt
import json

import pytest
import time_machine
from django.test import Client

from hvhk.referrals import services
from hvhk.referrals.models import AccessLog
from tests.referrals.factories import QUESTION, make_request

pytestmark = pytest.mark.django_db

STATES = ["consent holds", "withdrawn", "expired"]
PERSONAL = (
    QUESTION,
    "Sara Peeters",
    "0470 12 34 56",
    "sara@example.org",
    "Bel na 17u",
    "Geholpen met slapen",
)


@pytest.fixture
def case(network_a, service_a, intake_a, editor_a, settings):
    """A referred request whose partner answered, with every kind of personal data in it."""
    settings.CONSENT_MONTHS = 1
    request, token = make_request(network_a, email="sara@example.org", contact_when="na 17u")
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="Bel na 17u", acting_user=intake_a
    )
    services.referral_advance(referral=referral, to="accepted", acting_user=editor_a)
    services.referral_advance(
        referral=referral, to="completed", acting_user=editor_a, note="Geholpen met slapen"
    )
    return request, token


def _in(state: str, request):
    """Run the rest of a test in `state`: consent as given, withdrawn, or past its expiry (a moved clock)."""
    if state == "withdrawn":
        services.consent_withdraw(request=request, acting_user=None)
    if state == "expired":
        return time_machine.travel(dt.timedelta(days=40))
    return contextlib.nullcontext()


def _exports(request) -> list[AccessLog]:
    return list(AccessLog.objects.filter(request_id=request.pk, action=AccessLog.Action.EXPORT))


def test_while_consent_holds_intake_downloads_all_the_familys_data(client, case, intake_a):
    request, _token = case
    client.force_login(intake_a)

    response = client.get(f"/portal/requests/{request.pk}/export/")
    data = json.loads(response.content)

    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert (data["question"], data["name"], data["phone"], data["email"]) == (
        QUESTION,
        "Sara Peeters",
        "0470 12 34 56",
        "sara@example.org",
    )
    (referral,) = data["referrals"]
    assert (referral["message"], referral["reason"], referral["status"]) == (
        "Bel na 17u",
        "Geholpen met slapen",
        "afgerond",
    )
    assert data["ages"] == ["0 tot 3 jaar"] and data["language"] == "Nederlands"
    assert "personal_data" not in data
    (logged,) = _exports(request)
    assert logged.user == intake_a and logged.detail == ""


@pytest.mark.parametrize("state", ["withdrawn", "expired"])
def test_after_withdrawal_or_expiry_intake_downloads_only_the_facts(client, case, intake_a, state):
    request, _token = case

    with _in(state, request):
        client.force_login(intake_a)
        page = client.get(f"/portal/requests/{request.pk}/").content.decode()
        response = client.get(f"/portal/requests/{request.pk}/export/")

    body = response.content.decode()
    data = json.loads(body)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    for personal in PERSONAL:
        assert personal not in body, personal
    for key in ("question", "name", "phone", "email", "contact_when", "access_log"):
        assert key not in data, key
    assert "ingetrokken of verlopen" in data["personal_data"] and "privélink" in data["personal_data"]
    assert data["reference"] == request.reference and data["ages"] == ["0 tot 3 jaar"]
    assert (
        data["status"] == {"withdrawn": "toestemming ingetrokken", "expired": "toestemming verlopen"}[state]
    )
    assert [step["status"] for step in data["referrals"][0]["steps"]] == ["verstuurd", "aanvaard", "afgerond"]
    (logged,) = _exports(request)
    assert logged.user == intake_a and logged.detail == "facts"
    assert "De feiten zonder persoonlijke gegevens downloaden" in page


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(
    "who",
    [
        "coordinator_a",
        "editor_a",  # the partner the request was referred to: it never opens the request itself
        "neighbour_editor",
        "editor_b",
        "analyst_a",
        "intake_b",
        "platform_admin",
    ],
)
def test_no_one_else_downloads_a_request(client, case, request, who, state):
    support_request, _token = case
    user = request.getfixturevalue(who)

    with _in(state, support_request):
        client.force_login(user)
        response = client.get(f"/portal/requests/{support_request.pk}/export/")

    assert response.status_code == 404
    assert _exports(support_request) == []


@pytest.mark.parametrize("state", STATES)
def test_without_signing_in_the_export_asks_to_sign_in(client, case, state):
    request, _token = case

    with _in(state, request):
        response = client.get(f"/portal/requests/{request.pk}/export/")

    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert _exports(request) == []


@pytest.mark.parametrize("state", STATES)
def test_the_family_downloads_all_its_data_through_its_private_link(network_a, case, state):
    request, token = case
    family = Client()

    with _in(state, request):
        family.get(f"/{network_a.slug}/ask/{token}/")
        page = family.get(f"/{network_a.slug}/ask/jouw-vraag/").content.decode()
        response = family.get(f"/{network_a.slug}/ask/jouw-vraag/gegevens/")

    assert 'href="/netwerk-a/ask/jouw-vraag/gegevens/"' in page and "Download je gegevens" in page
    body = response.content.decode()
    data = json.loads(body)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"] and token not in body
    for personal in PERSONAL:
        assert personal in body, personal
    assert "personal_data" not in data and data["access_log"][0]["what"] == "geregistreerd"
    (logged,) = _exports(request)
    assert logged.user is None and logged.user_label == "het gezin (privélink)"


def test_the_familys_download_needs_its_private_link_in_the_same_network(network_a, network_b, case):
    request, token = case
    stranger = Client()
    family = Client()
    family.get(f"/{network_a.slug}/ask/{token}/")

    assert stranger.get(f"/{network_a.slug}/ask/jouw-vraag/gegevens/").status_code == 404
    assert family.get(f"/{network_b.slug}/ask/jouw-vraag/gegevens/").status_code == 404
    assert _exports(request) == []
