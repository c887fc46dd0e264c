"""The staff pages of partners and their engagement, tried by every role: anonymous, partner staff of the
organisation and of another one, a body's trekker, an intake worker, the coordinator, and the coordinator and
an editor of another network (404 on every id-bearing URL, never the page)."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, reverse
from django.utils import timezone

from hvhk.directory.models import Membership
from hvhk.network.models import Declaration, Signature
from hvhk.network.urls import engagement_portal
from tests.directory.factories import MembershipFactory, OrganizationFactory, ServiceFactory
from tests.network.engagement_helpers import PDF_BYTES, build_world, scan, use_temporary_private_storage

pytestmark = pytest.mark.django_db

PEOPLE = ["coordinator", "editor", "member", "other_editor", "trekker", "intake", "coordinator_b", "editor_b"]


@pytest.fixture
def storage(monkeypatch, tmp_path):
    return use_temporary_private_storage(monkeypatch, tmp_path)


@pytest.fixture
def world(network_a, network_b, partner_a, partner_b, editor_a, coordinator_a, coordinator_b, storage):
    world = build_world(
        network_a=network_a,
        network_b=network_b,
        partner_a=partner_a,
        partner_b=partner_b,
        editor_a=editor_a,
        coordinator_a=coordinator_a,
        coordinator_b=coordinator_b,
    )
    for signature in (world["paper"], world["b_signature"]):
        storage.save(signature.scan.name, ContentFile(PDF_BYTES))
    return world


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _engagement_patterns() -> list[URLPattern]:
    return list(engagement_portal.urlpatterns)


# Which people of network A open each id-bearing page of network A's objects (everyone else: 404).
OPENS = {
    "partner-portal": {"coordinator", "editor", "member", "other_editor", "trekker", "intake"},
    "membership-edit": {"coordinator"},
    "declaration": {"coordinator", "editor", "member", "other_editor", "trekker", "intake"},
    "declaration-sign": {"editor", "other_editor", "trekker"},
    "signature-paper": {"coordinator"},
    "signature-scan": {"coordinator", "editor", "member"},
}


def _url_for(name: str, world, partner_a) -> str:
    if name in ("partner-portal", "membership-edit"):
        return reverse(f"network:{name}", args=[partner_a.pk])
    if name == "signature-scan":
        return reverse("network:signature-scan", args=[world["paper"].pk])
    return reverse(f"network:{name}", args=[world["v2"].pk])


def test_every_id_bearing_engagement_url_is_in_the_walk():
    names = {p.name for p in _engagement_patterns() if p.pattern.converters}
    assert names == set(OPENS)


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("name", sorted(OPENS))
def test_each_role_opens_only_what_it_may(world, partner_a, who, name):
    response = _client(world["people"][who]).get(_url_for(name, world, partner_a))
    expected = 200 if who in OPENS[name] else 404
    assert response.status_code == expected, (name, who)


@pytest.mark.parametrize("name", sorted(OPENS))
def test_anonymous_visitors_are_sent_to_the_login(world, partner_a, name):
    response = _client().get(_url_for(name, world, partner_a))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("name", sorted(OPENS))
def test_a_malformed_or_unknown_id_is_a_404(world, name, partner_a):
    url = _url_for(name, world, partner_a)
    known = str(partner_a.pk) if name in ("partner-portal", "membership-edit") else None
    known = known or (str(world["paper"].pk) if name == "signature-scan" else str(world["v2"].pk))
    unknown = url.replace(known, "00000000-0000-0000-0000-000000000000")
    assert _client(world["people"]["coordinator"]).get(unknown).status_code == 404


@pytest.mark.parametrize("who", PEOPLE)
def test_the_lists_show_only_the_own_networks_partners(world, who):
    client = _client(world["people"][who])
    in_b = who.endswith("_b")
    marks = {  # something of network A on each page
        "partners-portal": "Kind en Gezin",
        "directory": "Kind en Gezin",
        "declarations": "Engagementsverklaring 2024",
    }
    for name, of_a in marks.items():
        response = client.get(reverse(f"network:{name}"))
        assert response.status_code == 200, name
        text = response.content.decode()
        assert (of_a in text) is (not in_b), name
        if name != "declarations":
            assert ("Partner Bee" in text) is in_b, name


@pytest.mark.parametrize("who", ["editor", "member", "other_editor", "trekker", "intake"])
def test_only_the_coordinator_writes_a_new_version(world, who):
    client = _client(world["people"][who])
    assert client.get(reverse("network:declaration-new")).status_code == 404
    response = client.post(reverse("network:declaration-new"), {"title": "x", "text": "y"})
    assert response.status_code == 404
    assert Declaration.objects.filter(network=world["v2"].network).count() == 2


@pytest.mark.parametrize("who", ["editor", "member", "trekker", "intake", "coordinator_b"])
def test_nobody_but_the_coordinator_changes_a_membership(world, partner_a, who):
    url = reverse("network:membership-edit", args=[partner_a.pk])
    response = _client(world["people"][who]).post(url, {"role": "netwerktrekker"})
    assert response.status_code == 404
    assert Membership.objects.get(organization=partner_a).role == "partner"


# --- the partners overview and a partner -----------------------------------------------------------------------


def test_the_overview_shows_role_since_houses_bodies_contact_and_signed_version(world, partner_a):
    response = _client(world["people"]["member"]).get(reverse("network:partners-portal"))
    text = response.content.decode()
    assert "Kind en Gezin" in text and "Netwerktrekker" in text
    assert "13 november 2014" in text  # since when, in Belgian Dutch
    assert world["house"].name in text
    assert "Stuurgroep" in text  # partner A's own closed body: the member sees it through partner A
    assert "Netwerklunch" in text
    assert "Lotte Lead" in text and "lotte@kindengezin.example" in text  # the contact person, for staff
    assert "versie 1 op 13 november 2014" in text and "nieuwste versie nog niet" in text
    assert "Vroegere partners" in text and "Oude Partner" in text


def test_a_closed_body_is_not_shown_to_who_is_not_a_member(world):
    text = _client(world["people"]["intake"]).get(reverse("network:partners-portal")).content.decode()
    assert "Netwerklunch" in text  # an open body
    assert "Stuurgroep" not in text


def test_the_overview_reads_a_fixed_number_of_queries(world, network_a, django_assert_max_num_queries):
    client = _client(world["people"]["coordinator"])
    client.get(reverse("network:partners-portal"))  # warm up the session and role
    for _ in range(5):
        MembershipFactory(organization=OrganizationFactory(network=network_a))
    with django_assert_max_num_queries(20):
        assert client.get(reverse("network:partners-portal")).status_code == 200


def test_the_partner_page_lists_its_signatures_and_the_scan_for_its_own_staff(world, partner_a):
    url = reverse("network:partner-portal", args=[partner_a.pk])
    scan_url = reverse("network:signature-scan", args=[world["paper"].pk])
    own = _client(world["people"]["member"]).get(url).content.decode()
    assert "Paula Papier" in own and scan_url in own
    other = _client(world["people"]["other_editor"]).get(url).content.decode()
    assert "Paula Papier" in other and scan_url not in other
    assert "Lidmaatschap aanpassen" not in other


def test_the_coordinator_edits_a_membership(world, partner_a):
    url = reverse("network:membership-edit", args=[partner_a.pk])
    client = _client(world["people"]["coordinator"])
    response = client.post(
        url,
        {
            "role": "netwerktrekker",
            "joined_on": "2016-09-01",
            "houses": [str(world["house"].pk)],
            "contact_name": "Els Claes",
            "contact_email": "els@partner-a.example",
            "contact_phone": "016 11 22 33",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(organization=partner_a)
    assert membership.role == "netwerktrekker" and membership.joined_on == dt.date(2016, 9, 1)
    assert list(membership.houses.all()) == [world["house"]]
    assert "Els Claes" in client.get(response["Location"]).content.decode()


def test_a_membership_with_bad_dates_shows_a_dutch_message_and_keeps_the_data(world, partner_a):
    url = reverse("network:membership-edit", args=[partner_a.pk])
    response = _client(world["people"]["coordinator"]).post(
        url,
        {"role": "partner", "joined_on": "2020-01-01", "left_on": "2019-01-01", "contact_email": "geen-mail"},
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Er ging iets mis" in text and "e-mailadres" in text
    response = _client(world["people"]["coordinator"]).post(
        url, {"role": "partner", "joined_on": "2020-01-01", "left_on": "2019-01-01"}
    )
    assert "De partner kan niet stoppen voor hij lid werd." in response.content.decode()
    membership = Membership.objects.get(organization=partner_a)
    assert membership.joined_on is None and membership.left_on is None


# --- declarations ----------------------------------------------------------------------------------------------


def test_the_declaration_page_shows_who_signed_and_who_still_has_to(world, partner_a):
    Signature.objects.create(
        network=world["v2"].network,
        declaration=world["v2"],
        organization=world["lead"].organization,
        method="online",
        signer_name="Lotte Lead",
        signer_function="directeur",
        signed_on=dt.date(2025, 5, 6),
    )
    text = (
        _client(world["people"]["coordinator"])
        .get(reverse("network:declaration", args=[world["v2"].pk]))
        .content.decode()
    )
    assert "Getekend door 1 partner" in text and "Lotte Lead, directeur" in text and "6 mei 2025" in text
    assert "Nog te tekenen door 2 partners" in text
    pending = text.split("Nog te tekenen door")[1]
    assert partner_a.name in pending and "Buurtwerk" in pending and "Oude Partner" not in pending
    old = _client(world["people"]["coordinator"]).get(reverse("network:declaration", args=[world["v1"].pk]))
    assert "Paula Papier" in old.content.decode() and "Er is een nieuwere versie" in old.content.decode()


def test_the_coordinator_publishes_a_new_version(world, network_a, django_capture_on_commit_callbacks):
    client = _client(world["people"]["coordinator"])
    form = client.get(reverse("network:declaration-new")).content.decode()
    assert "versie 3" in form and "Engagementsverklaring 2024" in form  # the newest text to start from
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network:declaration-new"),
            {"title": "Verklaring 2026", "text": "Wij kennen elkaars aanbod.", "effective_on": "2026-01-01"},
        )
    created = Declaration.objects.get(network=network_a, version=3)
    assert response["Location"] == reverse("network:declaration", args=[created.pk])
    assert created.effective_on == dt.date(2026, 1, 1)


def test_an_empty_version_is_refused_with_a_message(world, network_a):
    response = _client(world["people"]["coordinator"]).post(
        reverse("network:declaration-new"), {"title": "", "text": "", "effective_on": "morgen"}
    )
    text = response.content.decode()
    assert response.status_code == 200 and "Er ging iets mis" in text and "Geef een geldige datum" in text
    assert Declaration.objects.filter(network=network_a).count() == 2


def test_an_editor_signs_with_a_confirm_step(world, partner_a):
    client = _client(world["people"]["editor"])
    url = reverse("network:declaration-sign", args=[world["v2"].pk])
    assert "Je naam" in client.get(url).content.decode()
    data = {"signer_name": "Ann Smets", "signer_function": "directeur", "agree": "on"}
    summary = client.post(url, data)
    text = summary.content.decode()
    assert summary.status_code == 200 and "Kijk na en bevestig" in text and "Ann Smets" in text
    assert timezone.localdate().strftime("%Y") in text
    assert not Signature.objects.filter(declaration=world["v2"]).exists()  # nothing yet: the summary only
    back = client.post(url, {**data, "confirm": "1", "back": "1"})
    assert "Kijk na en bevestig" not in back.content.decode()
    assert not Signature.objects.filter(declaration=world["v2"]).exists()
    done = client.post(url, {**data, "confirm": "1"})
    assert done.status_code == 302 and done["Location"] == reverse(
        "network:declaration", args=[world["v2"].pk]
    )
    signature = Signature.objects.get(declaration=world["v2"], organization=partner_a)
    assert (signature.signer_name, signature.method, signature.signed_on) == (
        "Ann Smets",
        "online",
        timezone.localdate(),
    )
    # A second confirm (a double click, or a colleague's open form) says so; no error page, no second row.
    again = client.post(url, {**data, "confirm": "1"}, follow=True)
    assert again.status_code == 200 and "al getekend" in again.content.decode()
    assert Signature.objects.filter(declaration=world["v2"]).count() == 1


def test_signing_without_a_name_or_agreement_shows_a_message(world):
    url = reverse("network:declaration-sign", args=[world["v2"].pk])
    response = _client(world["people"]["editor"]).post(
        url, {"signer_name": "", "signer_function": "x", "confirm": "1"}
    )
    text = response.content.decode()
    assert response.status_code == 200 and "Er ging iets mis" in text and "Vink aan" in text
    assert not Signature.objects.filter(declaration=world["v2"]).exists()


def test_an_older_version_cannot_be_signed_online(world, partner_a):
    Signature.objects.filter(declaration=world["v1"]).delete()
    url = reverse("network:declaration-sign", args=[world["v1"].pk])
    response = _client(world["people"]["editor"]).post(
        url, {"signer_name": "Ann", "signer_function": "x", "agree": "on", "confirm": "1"}, follow=True
    )
    assert "alleen de nieuwste versie" in response.content.decode()
    assert not Signature.objects.filter(declaration=world["v1"]).exists()


def test_the_coordinator_records_a_paper_signature(world, storage):
    url = reverse("network:signature-paper", args=[world["v2"].pk])
    client = _client(world["people"]["coordinator"])
    page = client.get(url).content.decode()
    assert "Buurtwerk" in page and "Oude Partner" in page and 'enctype="multipart/form-data"' in page
    response = client.post(
        url,
        {
            "organization": str(world["neighbour"].pk),
            "signer_name": "Bart Buurt",
            "signer_function": "voorzitter",
            "signed_on": "2025-02-03",
            "scan": scan("getekend.pdf"),
        },
    )
    assert response.status_code == 302
    signature = Signature.objects.get(declaration=world["v2"], organization=world["neighbour"])
    assert signature.method == "paper" and storage.exists(signature.scan.name)
    download = client.get(reverse("network:signature-scan", args=[signature.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF_BYTES
    assert "attachment" in download["Content-Disposition"]


def test_a_refused_scan_shows_a_message_and_writes_nothing(world, storage):
    url = reverse("network:signature-paper", args=[world["v2"].pk])
    response = _client(world["people"]["coordinator"]).post(
        url,
        {
            "organization": str(world["neighbour"].pk),
            "signer_name": "Bart Buurt",
            "signer_function": "voorzitter",
            "signed_on": "2025-02-03",
            "scan": scan("getekend.exe", b"MZ\x90\x00", "application/octet-stream"),
        },
    )
    text = response.content.decode()
    assert response.status_code == 200 and "Kies een PDF, een JPG of een PNG" in text
    assert not Signature.objects.filter(declaration=world["v2"]).exists()


def test_a_paper_signature_for_an_organisation_of_another_network_is_refused(world, partner_b):
    url = reverse("network:signature-paper", args=[world["v2"].pk])
    response = _client(world["people"]["coordinator"]).post(
        url,
        {
            "organization": str(partner_b.pk),
            "signer_name": "X",
            "signer_function": "Y",
            "signed_on": "2025-02-03",
            "scan": scan(),
        },
    )
    assert response.status_code == 200 and "Kies een partner" in response.content.decode()
    assert not Signature.objects.filter(declaration=world["v2"]).exists()


def test_the_scan_of_another_network_is_a_404_even_for_its_staff_here(world):
    url = reverse("network:signature-scan", args=[world["b_signature"].pk])
    for who in ("coordinator", "editor", "member"):
        assert _client(world["people"][who]).get(url).status_code == 404
    assert _client(world["people"]["coordinator_b"]).get(url).status_code == 200
    assert _client(world["people"]["editor_b"]).get(url).status_code == 200


# --- the directory for professionals ---------------------------------------------------------------------------


def test_the_directory_shows_who_does_what_and_searches_on_name(world, partner_a):
    ServiceFactory(organization=partner_a, network=partner_a.network, name="Babymassage")
    ServiceFactory(organization=partner_a, network=partner_a.network, name="Oud aanbod", status="defunct")
    Membership.objects.filter(organization=partner_a).update(contact_name="Els Claes")
    client = _client(world["people"]["member"])
    text = client.get(reverse("network:directory")).content.decode()
    assert "Babymassage" in text and "Oud aanbod" not in text
    assert "Els Claes" in text and "Een partner van het netwerk." in text
    assert "Oude Partner" not in text  # left the network
    found = client.get(reverse("network:directory"), {"q": "gezin"}).content.decode()
    assert "Kind en Gezin" in found and "Babymassage" not in found and "1 partner gevonden" in found
    nothing = client.get(reverse("network:directory"), {"q": "zzz"}).content.decode()
    assert "Geen partner gevonden" in nothing


def test_two_colleagues_confirming_at_once_the_second_gets_the_message_not_an_error(world, partner_a):
    """Both opened the confirm step before either signed: the constraint stops the second, who sees why."""
    from unittest import mock

    from hvhk.network.selectors import engagement as selectors

    url = reverse("network:declaration-sign", args=[world["v2"].pk])
    data = {"signer_name": "Ann Smets", "signer_function": "directeur", "agree": "on", "confirm": "1"}
    client = _client(world["people"]["editor"])
    assert client.post(url, data).status_code == 302
    real_filter = Signature.objects.filter

    def pretend_not_signed(*args, **kwargs):
        queryset = real_filter(*args, **kwargs)
        return queryset.none() if "declaration_id" in kwargs else queryset

    with (
        mock.patch.object(selectors, "signature_for", return_value=None),
        mock.patch.object(Signature.objects, "filter", side_effect=pretend_not_signed),
    ):
        response = client.post(url, {**data, "signer_name": "Bert"})
    assert response.status_code == 200
    assert "Deze organisatie heeft deze versie van de verklaring al getekend." in response.content.decode()
    assert list(Signature.objects.filter(declaration=world["v2"]).values_list("signer_name", flat=True)) == [
        "Ann Smets"
    ]


def test_the_directory_reads_a_fixed_number_of_queries(world, network_a, django_assert_max_num_queries):
    client = _client(world["people"]["member"])
    client.get(reverse("network:directory"))
    for _ in range(5):
        organization = MembershipFactory(organization=OrganizationFactory(network=network_a)).organization
        ServiceFactory(organization=organization, network=network_a)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("network:directory")).status_code == 200
