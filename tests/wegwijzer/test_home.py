import datetime as dt

import pytest
from django.utils import timezone

from hvhk.directory.models import Schedule
from hvhk.directory.opening_hours import BRUSSELS
from hvhk.directory.services import taxonomy_seed
from tests.directory.factories import HouseFactory, LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_home_shows_the_network_the_report_link_and_marks_demo_data(client, network_a):
    network_a.is_demo = True
    network_a.save()
    body = client.get("/netwerk-a/").content.decode()
    assert "Huis van het Kind A" in body
    assert "Iets fout of onduidelijk op deze pagina?" in body
    assert 'href="/netwerk-a/report/?page=/netwerk-a/"' in body
    assert "voorbeeldgegevens" in body


def test_home_has_landmarks_a_skip_link_and_dutch_by_default(client, network_a):
    body = client.get("/netwerk-a/").content.decode()
    assert '<html lang="nl" dir="ltr">' in body
    assert 'href="#main"' in body
    assert '<main id="main"' in body
    assert "<header" in body
    assert "<footer" in body


def test_arabic_is_right_to_left(client, network_a):
    body = client.get("/netwerk-a/", headers={"accept-language": "ar"}).content.decode()
    assert '<html lang="ar" dir="rtl">' in body


def test_language_switcher_remembers_the_choice(client, network_a):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/netwerk-a/"})
    assert response.status_code == 302
    assert response["Location"] == "/netwerk-a/"
    assert '<html lang="fr" dir="ltr">' in client.get("/netwerk-a/").content.decode()


def test_home_counts_active_services_per_life_domain(client, network_a, partner_a):
    terms = {t.code: t for t in taxonomy_seed(network=network_a)}
    for status in ("active", "active", "defunct"):
        ServiceFactory(organization=partner_a, status=status).taxonomy_terms.add(
            terms["opvoeding"], through_defaults={"network": network_a}
        )
    body = client.get("/netwerk-a/").content.decode()
    assert "Opvoeden" in body
    assert "2 keer hulp of activiteit" in body


def test_home_shows_todays_hours_of_each_house(client, network_a, partner_a):
    location = LocationFactory(organization=partner_a, network=network_a)
    HouseFactory(location=location, network=network_a, name="Huis Centrum")
    today = timezone.now().astimezone(BRUSSELS).date()
    code = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][today.weekday()]
    Schedule.objects.create(
        network=network_a, location=location, byday=code, opens_at=dt.time(9), closes_at=dt.time(12, 30)
    )
    body = client.get("/netwerk-a/").content.decode()
    assert "Huis Centrum" in body
    assert "09:00–12:30" in body


def test_home_of_one_network_never_shows_anothers_data(client, network_a, service_b, partner_b):
    location = LocationFactory(organization=partner_b, network=partner_b.network)
    HouseFactory(location=location, network=partner_b.network, name="Huis van netwerk B")
    body = client.get("/netwerk-a/").content.decode()
    assert "Huis van netwerk B" not in body
