"""What the pages say once the family's consent ends: a withdrawal closes the request and its open referrals and
every page says why; an expiry says so too; the partner who follows the mailed link learns the request is no
longer shared (and only that partner: everyone else still gets a 404); and no page shows a raw code."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client

from hvhk.referrals import services
from hvhk.referrals.models import Referral, SupportRequest
from tests.referrals.factories import QUESTION, make_request

pytestmark = pytest.mark.django_db

S = Referral.Status


def _text_of(html: str) -> str:
    """The page's words, without markup, on one line."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _text(response) -> str:
    return _text_of(response.content.decode())


@pytest.fixture
def referred(network_a, service_a, intake_a):
    request, token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="Bel na 17u", acting_user=intake_a
    )
    return request, referral, token


def test_a_withdrawal_closes_the_request_and_the_intake_page_says_why(client, referred, intake_a, editor_a):
    request, referral, _token = referred
    services.referral_advance(referral=referral, to=S.RECEIVED, acting_user=editor_a)

    services.consent_withdraw(request=request, acting_user=None)

    request.refresh_from_db()
    assert request.status == SupportRequest.Status.CLOSED
    assert request.closed_at == request.consent.withdrawn_at  # its retention period starts now
    client.force_login(intake_a)
    page = _text(client.get(f"/portal/requests/{request.pk}/"))
    assert "Status Toestemming ingetrokken" in page and "De lus is gesloten" not in page
    assert "Toestemming ingetrokken op" in page and "Open doorverwijzingen zijn gestopt" in page
    assert "Gestopt: toestemming ingetrokken" in page  # the referral ...
    assert "– gestopt: toestemming ingetrokken" in page  # ... and its last step
    assert "Afgesloten zonder resultaat" not in page and QUESTION not in page


def test_the_queue_lists_a_withdrawn_request_as_closed_with_the_reason(client, referred, intake_a):
    request, _referral, _token = referred
    services.consent_withdraw(request=request, acting_user=None)
    client.force_login(intake_a)

    assert request.reference not in client.get("/portal/requests/").content.decode()  # no work left
    closed = _text(client.get("/portal/requests/?show=closed"))
    assert request.reference in closed and "Toestemming ingetrokken" in closed


def test_an_answer_given_before_the_withdrawal_keeps_its_label(client, referred, intake_a, editor_a):
    request, referral, _token = referred
    services.referral_advance(referral=referral, to=S.ACCEPTED, acting_user=editor_a)
    services.referral_advance(referral=referral, to=S.COMPLETED, acting_user=editor_a, note="Geholpen")

    services.consent_withdraw(request=request, acting_user=None)

    client.force_login(intake_a)
    page = _text(client.get(f"/portal/requests/{request.pk}/"))
    assert "Afgerond" in page and "gestopt:" not in page.lower()
    assert "Status Toestemming ingetrokken" in page and "De lus is gesloten" not in page


def test_withdrawing_after_closing_keeps_the_closing_date(referred, intake_a):
    request, _referral, _token = referred
    services.request_close(request=request, acting_user=intake_a)
    closed_at = SupportRequest.objects.get().closed_at

    services.consent_withdraw(request=SupportRequest.objects.get(), acting_user=None)

    assert SupportRequest.objects.get().closed_at == closed_at


def test_after_expiry_the_pages_say_consent_expired(client, network_a, service_a, intake_a, settings):
    settings.CONSENT_MONTHS = 1
    request, _token = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )

    with time_machine.travel(dt.timedelta(days=40)):
        client.force_login(intake_a)
        page = _text(client.get(f"/portal/requests/{request.pk}/"))
        listing = _text(client.get("/portal/referrals/?show=all"))

    assert "Status Toestemming verlopen" in page and "De toestemming is verlopen" in page
    assert "Gestopt: toestemming verlopen" in page and QUESTION not in page
    assert f"{request.reference} {referral.service_name}" in listing
    assert "Gestopt: toestemming verlopen" in listing


def test_the_family_sees_that_it_withdrew_on_its_private_page(network_a, referred):
    _request, _referral, token = referred
    family = Client()
    family.get(f"/{network_a.slug}/ask/{token}/")

    family.post(f"/{network_a.slug}/ask/jouw-vraag/intrekken/")
    page = _text(family.get(f"/{network_a.slug}/ask/jouw-vraag/"))

    assert "Status Gestopt: je trok je toestemming in." in page
    assert "Consultatiebureau A – gestopt: toestemming ingetrokken" in page


# --- the partner's mailed link ---------------------------------------------------------------------------------


def test_the_partner_following_the_mailed_link_after_a_withdrawal_learns_it_is_no_longer_shared(
    client, referred, editor_a
):
    request, referral, _token = referred
    services.consent_withdraw(request=request, acting_user=None)
    client.force_login(editor_a)

    page = client.get(f"/portal/referrals/{referral.pk}/")
    text = _text(page)

    assert page.status_code == 410
    assert "Het gezin deelt deze vraag niet meer" in text and "Het gezin trok zijn toestemming in." in text
    assert request.reference in text and "je hoeft niets meer te doen" in text  # as in the mail, no more
    assert "Terug naar de doorverwijzingen" in text and "Afmelden" in text  # in the portal's layout
    for personal in (QUESTION, "Sara", "0470", "Bel na 17u", "slaapt"):
        assert personal not in page.content.decode()


def test_a_step_posted_after_the_withdrawal_gets_the_same_explanation_and_changes_nothing(
    client, referred, editor_a
):
    request, referral, _token = referred
    services.consent_withdraw(request=request, acting_user=None)
    client.force_login(editor_a)

    answer = client.post(f"/portal/referrals/{referral.pk}/", {"to": "accepted"})

    assert answer.status_code == 410 and "Het gezin deelt deze vraag niet meer" in _text(answer)
    assert Referral.objects.get().status == S.CLOSED


def test_the_partner_following_the_link_after_expiry_learns_it_expired(client, referred, editor_a, settings):
    _request, referral, _token = referred
    settings.CONSENT_MONTHS = 1

    with time_machine.travel(dt.timedelta(days=400)):
        client.force_login(editor_a)
        page = client.get(f"/portal/referrals/{referral.pk}/")

    assert page.status_code == 410 and "De toestemming van het gezin is verlopen." in _text(page)
    assert QUESTION not in page.content.decode()


def test_everyone_else_still_gets_a_plain_404_after_the_withdrawal(
    client, referred, editor_a, neighbour_editor, editor_b, intake_b, coordinator_a, analyst_a, platform_admin
):
    request, referral, _token = referred
    services.consent_withdraw(request=request, acting_user=None)

    for outsider in (neighbour_editor, editor_b, intake_b, coordinator_a, analyst_a, platform_admin):
        client.force_login(outsider)
        for method in (client.get, client.post):
            response = method(f"/portal/referrals/{referral.pk}/")
            assert response.status_code == 404, outsider
            assert "niet meer" not in response.content.decode()
    client.force_login(editor_a)  # the partner itself, on an id that is not theirs or not an id
    for other in ("00000000-0000-0000-0000-000000000000", "not-a-uuid"):
        assert client.get(f"/portal/referrals/{other}/").status_code == 404
    client.logout()
    assert client.get(f"/portal/referrals/{referral.pk}/").status_code == 302  # to the sign-in page


# --- no raw codes ------------------------------------------------------------------------------------------------


def test_the_access_log_shows_dutch_labels_instead_of_codes(
    client, referred, intake_a, editor_a, coordinator_a
):
    request, referral, _token = referred
    services.request_mark_contacted(request=request, acting_user=intake_a)
    services.referral_advance(referral=referral, to=S.ACCEPTED, acting_user=editor_a)
    services.referral_advance(referral=referral, to=S.IN_PROGRESS, acting_user=editor_a)
    services.request_close(request=request, acting_user=intake_a)
    client.force_login(coordinator_a)

    html = client.get("/portal/access-log/").content.decode()
    log = _text_of(html)

    assert "Consultatiebureau A: in begeleiding" in log and "Consultatiebureau A: aanvaard" in log
    assert "eerste contact met het gezin" in log and "hulpvraag afgesloten" in log
    for code in ("in_progress", ": accepted", "<td>contact</td>", "<td>closed</td>"):
        assert code not in html, code
