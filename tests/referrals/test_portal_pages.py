"""The staff pages: the intake queue per network and house, registering a request for a family, referring from
suggestions, and the partner's answer with clear Dutch errors."""

import datetime as dt

import pytest
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.referrals import services
from hvhk.referrals.models import Consent, Referral, SupportRequest
from hvhk.search.indexing import reindex
from tests.accounts.factories import RoleFactory, UserFactory
from tests.directory.factories import HouseFactory, LocationFactory
from tests.referrals.factories import make_request

pytestmark = pytest.mark.django_db


def test_the_queue_shows_the_networks_requests_per_house_oldest_first(
    client, network_a, network_b, intake_a, partner_a
):
    house = HouseFactory(
        location=LocationFactory(organization=partner_a, network=network_a), name="Huis Kessel-Lo"
    )
    HouseFactory(location=LocationFactory(organization=partner_a, network=network_a), name="Huis Centrum")
    first, _ = make_request(network_a, house=house)
    second, _ = make_request(network_a)
    elsewhere, _ = make_request(network_b)
    client.force_login(intake_a)

    everything = client.get("/portal/requests/").content.decode()
    one_house = client.get(f"/portal/requests/?house={house.pk}").content.decode()

    assert everything.index(first.reference) < everything.index(second.reference)
    assert elsewhere.reference not in everything
    assert first.reference in one_house and second.reference not in one_house


def test_a_professional_registers_a_request_with_how_and_when_consent_was_given(client, network_a, editor_a):
    client.force_login(editor_a)
    yesterday = timezone.localdate() - dt.timedelta(days=1)

    response = client.post(
        "/portal/requests/new/",
        {
            "question": "Moeder zoekt een oppas voor haar baby.",
            "contact_by": "phone",
            "phone": "016 12 34 56",
            "language": "tr",
            "scope": ["question"],
            "consent_how": "paper",
            "consent_date": yesterday.isoformat(),
        },
    )

    stored = SupportRequest.objects.get()
    assert response.status_code == 302
    assert stored.source == SupportRequest.Source.PROFESSIONAL and stored.created_by == editor_a
    consent = stored.consent
    assert (consent.how, consent.recorded_by, consent.scope) == (Consent.How.PAPER, editor_a, ["question"])
    assert timezone.localdate(consent.given_at) == yesterday and consent.expires_at > timezone.now()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"consent_how": ""}, "Kies hoe het gezin toestemming gaf."),
        ({"consent_date": "2099-01-01"}, "Deze datum ligt in de toekomst."),
        ({"consent_date": "2020-01-01"}, "ouder dan drie maanden"),
        ({"consent_date": "gisteren"}, "Geef een geldige datum"),
        ({"scope": []}, "Zonder toestemming om de vraag te delen"),
    ],
)
def test_registering_without_a_valid_consent_is_refused(client, network_a, intake_a, change, message):
    client.force_login(intake_a)
    data = {
        "question": "Vraag",
        "contact_by": "none",
        "language": "nl",
        "scope": ["question"],
        "consent_how": "verbal",
        "consent_date": timezone.localdate().isoformat(),
    }

    page = client.post("/portal/requests/new/", {**data, **change})

    assert message in page.content.decode() and not SupportRequest.objects.exists()


def test_the_intake_refers_from_the_suggestions(client, network_a, service_a, intake_a):
    reindex(network=network_a)
    request, _ = make_request(network_a, question=service_a.name)
    client.force_login(intake_a)

    page = client.get(f"/portal/requests/{request.pk}/").content.decode()
    assert service_a.name in page and "Sara Peeters" in page
    response = client.post(
        f"/portal/requests/{request.pk}/", {"services": [str(service_a.pk)], "message": "Graag bellen"}
    )

    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.service == service_a and referral.message == "Graag bellen"


@pytest.mark.parametrize(("scope", "warned"), [(["question"], True), (["question", "contact"], False)])
def test_the_message_to_the_partner_warns_when_the_family_shares_no_contact_details(
    client, network_a, intake_a, scope, warned
):
    request, _ = make_request(network_a, consent_scope=scope)
    client.force_login(intake_a)

    page = client.get(f"/portal/requests/{request.pk}/").content.decode()

    assert ("deelt geen contactgegevens met de partners: schrijf ze hier ook niet" in page) is warned


def test_referring_without_a_choice_or_to_a_service_not_offered_is_refused(
    client, network_a, service_b, intake_a
):
    request, _ = make_request(network_a)
    client.force_login(intake_a)

    empty = client.post(f"/portal/requests/{request.pk}/", {"message": "x"})
    foreign = client.post(f"/portal/requests/{request.pk}/", {"services": [str(service_b.pk)]})
    garbage = client.post(f"/portal/requests/{request.pk}/", {"services": ["not-a-uuid"]})

    assert "Kies minstens één aanbod." in empty.content.decode()
    for page in (foreign, garbage):
        assert (
            "Selecteer een geldige keuze" in page.content.decode() or "bestaat niet" in page.content.decode()
        )
    assert not Referral.objects.exists()


def test_the_partner_answers_and_declining_without_a_reason_gets_a_dutch_error(
    client, network_a, service_a, intake_a, editor_a
):
    request, _ = make_request(network_a)
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )
    client.force_login(editor_a)
    url = f"/portal/referrals/{referral.pk}/"

    page = client.get(url).content.decode()
    refused = client.post(url, {"to": "declined", "note": ""})
    client.post(url, {"to": "accepted"})
    client.post(url, {"to": "completed", "note": "Oppas gevonden"})

    referral.refresh_from_db()
    assert "Sara Peeters" in page and "0470 12 34 56" in page  # the consent shares the contact details
    assert "Geef een reden waarom je de doorverwijzing weigert." in refused.content.decode()
    assert [e.status for e in referral.events.all()] == ["sent", "received", "accepted", "completed"]
    client.force_login(intake_a)
    assert "De lus is gesloten" in client.get(f"/portal/requests/{request.pk}/").content.decode()


def test_a_partner_sees_no_contact_details_the_family_did_not_share(
    client, network_a, service_a, intake_a, editor_a
):
    request, _ = make_request(network_a, consent_scope=["question"])
    (referral,) = services.referral_create(
        request=request, services=[service_a], message="", acting_user=intake_a
    )
    client.force_login(editor_a)

    page = client.get(f"/portal/referrals/{referral.pk}/").content.decode()

    assert "slaapt slecht" in page
    assert "Sara Peeters" not in page and "0470" not in page


def test_a_request_is_assigned_to_oneself_or_a_colleague_of_the_networks_intake(
    client, network_a, intake_a, intake_b, editor_a
):
    colleague = UserFactory(email="collega@a.example", full_name="Collega A")
    RoleFactory(user=colleague, network=network_a, role=RoleAssignment.Role.INTAKE)
    request, _ = make_request(network_a)
    client.force_login(intake_a)
    url = f"/portal/requests/{request.pk}/action/"

    assert "Collega A" in client.get(f"/portal/requests/{request.pk}/").content.decode()
    client.post(url, {"action": "assign", "to": str(intake_a.pk)})
    request.refresh_from_db()
    assert request.assigned_to == intake_a and request.status == SupportRequest.Status.IN_TRIAGE
    client.post(url, {"action": "assign", "to": str(colleague.pk)})
    request.refresh_from_db()
    assert request.assigned_to == colleague
    for outsider in (intake_b, editor_a):  # another network's intake, or not an intake worker at all
        assert client.post(url, {"action": "assign", "to": str(outsider.pk)}).status_code == 404
    assert client.post(url, {"action": "assign", "to": "not-a-uuid"}).status_code == 404
    request.refresh_from_db()
    assert request.assigned_to == colleague


def test_the_intake_dashboard_counts_new_own_and_open_requests(client, network_a, network_b, intake_a):
    make_request(network_a)  # new
    mine, _ = make_request(network_a)
    services.request_assign(request=mine, assignee=intake_a, acting_user=intake_a)  # in triage, mine
    closed, _ = make_request(network_a)
    services.request_assign(request=closed, assignee=intake_a, acting_user=intake_a)
    services.request_close(request=closed, acting_user=intake_a)
    make_request(network_b)  # another network
    client.force_login(intake_a)

    page = client.get("/portal/").content.decode()

    assert "<strong>1</strong> nieuwe hulpvragen" in page
    assert "<strong>1</strong> hulpvragen die jij behandelt" in page
    assert "<strong>2</strong> open hulpvragen" in page
