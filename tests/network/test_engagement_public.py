"""The public partners page and the signed declaration as a PDF: no login, only the network's own partners,
never a contact person."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from hvhk.directory.models import Membership
from hvhk.network.models import Signature
from tests.network.engagement_helpers import build_world, pdf_text
from tests.network.factories import SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(network_a, network_b, partner_a, partner_b, editor_a, coordinator_a, coordinator_b):
    return build_world(
        network_a=network_a,
        network_b=network_b,
        partner_a=partner_a,
        partner_b=partner_b,
        editor_a=editor_a,
        coordinator_a=coordinator_a,
        coordinator_b=coordinator_b,
    )


def test_the_partners_page_lists_partners_and_netwerktrekkers_without_login(world, partner_a, network_a):
    Membership.objects.filter(organization=partner_a).update(contact_name="Geheime Contactpersoon")
    response = Client().get(reverse("network:partners", args=[network_a.slug]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Onze partners" in text and network_a.name in text  # the wegwijzer base, with the network
    leads = text.split('id="leads-title"')[1].split('id="partners-title"')[0]
    assert "netwerktrekker" in leads.lower() and "Kind en Gezin" in leads and world["house"].name in leads
    assert partner_a.name not in leads  # a partner, not a netwerktrekker
    everyone = text.split('id="partners-title"')[1]
    assert partner_a.name in everyone and "Kind en Gezin" in everyone and "Buurtwerk" in everyone
    assert "Oude Partner" not in text  # left the network
    assert reverse("wegwijzer:organization", args=[network_a.slug, partner_a.pk]) in text
    assert reverse("wegwijzer:house", args=[network_a.slug, world["house"].slug]) in text
    assert "Geheime Contactpersoon" not in text and "lotte@kindengezin.example" not in text  # staff only
    assert "Partner Bee" not in text  # another network's partner
    assert reverse("network:declaration-pdf", args=[network_a.slug]) in text


def test_an_unknown_network_is_a_404():
    assert Client().get("/geen-netwerk/partners/").status_code == 404
    assert Client().get("/geen-netwerk/partners/declaration.pdf").status_code == 404


def test_the_declaration_pdf_holds_the_newest_text_and_its_signatories(world, partner_a, network_a):
    v2 = world["v2"]
    v2.text = "Wij kennen elkaars aanbod en delen signalen."
    v2.save()
    SignatureFactory(
        declaration=v2,
        organization=partner_a,
        signer_name="Annelies Vermeulen",
        signer_function="directeur",
        signed_on=dt.date(2024, 3, 5),
    )
    SignatureFactory(
        declaration=v2,
        organization=world["lead"].organization,
        method=Signature.Method.PAPER,
        signer_name="Lotte Lead",
        signer_function="coördinator",
        signed_on=dt.date(2024, 4, 1),
    )
    response = Client().get(reverse("network:declaration-pdf", args=[network_a.slug]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and "v2" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Engagementsverklaring 2024" in text and "Wij kennen elkaars aanbod" in text
    assert "Annelies Vermeulen" in text and "Lotte Lead" in text and "Kind en Gezin" in text
    assert "5 maart 2024" in text and "directeur" in text
    assert "Paula Papier" not in text  # she signed version 1 only


def test_the_pdf_is_a_404_without_a_declaration(network_b):
    assert Client().get(reverse("network:declaration-pdf", args=[network_b.slug])).status_code == 404


def test_every_public_page_links_to_the_partners_and_the_news_in_its_footer(network_a):
    page = Client().get(f"/{network_a.slug}/").content.decode()
    assert f'href="/{network_a.slug}/partners/"' in page
    assert f'href="/{network_a.slug}/news/"' in page
