"""The threshold index on hand-built services with known answers: each part, the index, the summaries per life
domain and per area, who sees which services, the CSVs and a fixed number of queries."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from hvhk.directory.models import (
    Accessibility,
    Attribute,
    CostOption,
    Language,
    Schedule,
    ServiceAtLocation,
)
from hvhk.insights.selectors.thresholds import index_of, threshold_rows, threshold_summary
from tests.core.factories import AreaFactory
from tests.directory.factories import LocationFactory, ServiceFactory, TaxonomyFactory, TaxonomyTermFactory
from tests.insights.conftest import NETWORK_WIDE

pytestmark = pytest.mark.django_db


class World:
    """Partner A's "Speelpunt" (free, walk in, Saturday morning, Dutch and Arabic, a wheelchair-accessible place
    0.5 km from Centrum's centroid and 9.5 km from Noord's) and partner A2's "Huisbezoek" (at home, by appointment
    without hours, nothing else known)."""

    def __init__(self, network, partner_a, partner_a2):
        self.network = network
        domains = TaxonomyFactory(network=network, code="levensdomein", name="Levensdomein")
        self.opvoeding = TaxonomyTermFactory(taxonomy=domains, code="opvoeding", name="Opvoeding", position=1)
        self.vrije_tijd = TaxonomyTermFactory(
            taxonomy=domains, code="vrije-tijd", name="Vrije tijd", position=2
        )
        self.centrum = AreaFactory(
            network=network,
            slug="centrum",
            name="Centrum",
            latitude=Decimal("50.88"),
            longitude=Decimal("4.70"),
        )
        self.noord = AreaFactory(
            network=network, slug="noord", name="Noord", latitude=Decimal("50.97"), longitude=Decimal("4.70")
        )
        self.speelpunt = ServiceFactory(organization=partner_a, name="Speelpunt", walk_in=True)
        self._domain(self.speelpunt)
        CostOption.objects.create(network=network, service=self.speelpunt, kind=CostOption.Kind.FREE)
        Language.objects.create(network=network, service=self.speelpunt, name="Nederlands", code="nl")
        Language.objects.create(network=network, service=self.speelpunt, name="Arabisch", code="ar")
        self.place = LocationFactory(
            organization=partner_a, area=self.centrum, latitude=Decimal("50.8845"), longitude=Decimal("4.70")
        )
        ServiceAtLocation.objects.create(network=network, service=self.speelpunt, location=self.place)
        Schedule.objects.create(
            network=network, service=self.speelpunt, byday="SA", opens_at=dt.time(9), closes_at=dt.time(12)
        )
        Accessibility.objects.create(
            network=network, location=self.place, feature=Accessibility.Feature.WHEELCHAIR
        )
        self.huisbezoek = ServiceFactory(
            organization=partner_a2, name="Huisbezoek", at_location=False, at_home=True
        )
        self._domain(self.huisbezoek)
        Schedule.objects.create(network=network, service=self.huisbezoek, byday="", description="Op afspraak")

    def _domain(self, service, term=None):
        Attribute.objects.create(
            network=self.network,
            service=service,
            taxonomy_term=term or self.opvoeding,
            link_type=Attribute.LinkType.LIFE_DOMAIN,
        )


@pytest.fixture
def world(partner_a, partner_a2):
    return World(partner_a.network, partner_a, partner_a2)


def _row(world, service):
    return next(r for r in threshold_rows(network=world.network) if r.service_id == service.pk)


def test_each_part_of_a_crafted_service_and_its_index(world):
    row = _row(world, world.speelpunt)
    assert row.parts == {
        "cost": 1.0,  # free
        "evening": 0.0,
        "wednesday": 0.0,
        "saturday": 1.0,  # Saturday 9-12
        "languages": 1.0,  # Arabic beside Dutch
        "walk_in": 1.0,
        "at_home_online": 0.0,
        "distance": 0.5,  # Centrum within 2 km, Noord not
        "accessibility": 1.0,
    }
    assert row.distances == {
        world.centrum.pk: pytest.approx(0.5, abs=0.01),
        world.noord.pk: pytest.approx(9.51, abs=0.01),  # 0.0855° of latitude
    }
    # (2 × 1 + 0 + 0 + 1 + 1 + 1 + 0 + 0.5 + 1) / 10 weights
    assert row.index == 65
    assert row.notes == ()


def test_what_is_not_known_is_left_out_and_said(world):
    row = _row(world, world.huisbezoek)
    assert row.parts == {
        "cost": None,
        "evening": None,
        "wednesday": None,
        "saturday": None,
        "languages": None,
        "walk_in": 0.0,
        "at_home_online": 1.0,
        "distance": 1.0,  # it comes to the family
        "accessibility": None,
    }
    assert row.index == 67  # (0 + 1 + 1) / 3
    assert "op afspraak of zonder uren: openingsuren onbekend" in row.notes
    assert "geen kostprijs ingevuld" in row.notes


def test_reduced_rate_uitpas_evening_and_wednesday_afternoon(world, partner_a):
    service = ServiceFactory(organization=partner_a, name="Kookles")
    CostOption.objects.create(
        network=world.network, service=service, kind=CostOption.Kind.PAID, option="Met UiTPAS 1 euro"
    )
    Schedule.objects.create(
        network=world.network, service=service, byday="WE", opens_at=dt.time(14), closes_at=dt.time(16)
    )
    Schedule.objects.create(
        network=world.network, service=service, byday="TU", opens_at=dt.time(17), closes_at=dt.time(20)
    )
    Language.objects.create(network=world.network, service=service, name="Nederlands", code="nl")
    row = _row(world, service)
    assert (row.parts["cost"], row.parts["evening"], row.parts["wednesday"], row.parts["saturday"]) == (
        0.5,
        1.0,
        1.0,
        0.0,
    )
    assert row.parts["languages"] == 0.0  # Dutch only


def test_a_location_s_hours_count_when_the_service_has_none(world, partner_a):
    service = ServiceFactory(organization=partner_a, name="Inloop")
    ServiceAtLocation.objects.create(network=world.network, service=service, location=world.place)
    Schedule.objects.create(
        network=world.network, location=world.place, byday="MO,SA", opens_at=dt.time(9), closes_at=dt.time(19)
    )
    row = _row(world, service)
    assert (row.parts["evening"], row.parts["saturday"]) == (1.0, 1.0)


def test_the_index_is_the_weighted_mean_of_the_known_parts():
    assert index_of({"cost": 0.0, "walk_in": 1.0, "evening": None}) == 33
    assert index_of({"cost": None}) is None


def test_the_summary_per_domain_and_per_area(world):
    summary = threshold_summary(network=world.network)
    opvoeding, vrije_tijd = summary.domains
    assert (opvoeding.key, opvoeding.services, opvoeding.mean_index) == ("opvoeding", 2, 66.0)
    assert opvoeding.part_means["cost"] == 100.0 and opvoeding.part_means["walk_in"] == 50.0
    assert (vrije_tijd.services, vrije_tijd.mean_index) == (0, None)
    centrum, noord = summary.areas
    # Centrum: Speelpunt with its own distance near (70) and Huisbezoek for the whole network (67)
    assert (centrum.key, centrum.services, centrum.mean_index, centrum.near_share) == (
        "centrum",
        2,
        68.5,
        100.0,
    )
    # Noord: only Huisbezoek serves it (Speelpunt's place is in Centrum)
    assert (noord.services, noord.mean_index, noord.near_share) == (1, 67.0, None)


def test_inactive_and_other_networks_services_are_not_counted(world, network_b):
    world.huisbezoek.status = "inactive"
    world.huisbezoek.save()
    ServiceFactory(organization__network=network_b, name="Elders")
    assert [r.name for r in threshold_rows(network=world.network)] == ["Speelpunt"]


# --- pages and access -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", NETWORK_WIDE)
def test_the_coordinator_and_analyst_see_every_service_and_both_summaries(
    persona, world, request, login, client
):
    login(request.getfixturevalue(persona))
    response = client.get(reverse("insights:thresholds"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Speelpunt" in body and "Huisbezoek" in body
    assert "Drempelindex per levensdomein" in body and "Drempelindex per gebied" in body and "<svg" in body


def test_a_partner_sees_only_its_own_services_and_the_domain_summary(
    world, editor_a, other_editor_a, member_a, login, client
):
    for user, own, other in (
        (editor_a, "Speelpunt", "Huisbezoek"),
        (member_a, "Speelpunt", "Huisbezoek"),
        (other_editor_a, "Huisbezoek", "Speelpunt"),
    ):
        login(user)
        body = client.get(reverse("insights:thresholds")).content.decode()
        assert own in body and other not in body
        assert "Drempelindex per levensdomein" in body and "Per gebied" not in body
        rows = list(csv.reader(io.StringIO(client.get(reverse("insights:thresholds-csv")).content.decode())))
        assert [r[1] for r in rows[1:]] == [own]
        summary = list(
            csv.reader(io.StringIO(client.get(reverse("insights:thresholds-summary-csv")).content.decode()))
        )
        assert {r[0] for r in summary[1:]} == {"life_domain"}


@pytest.mark.parametrize("persona", ["intake_a"])
def test_intake_gets_a_404(persona, world, request, login, client):
    login(request.getfixturevalue(persona))
    for name in ("insights:thresholds", "insights:thresholds-csv", "insights:thresholds-summary-csv"):
        assert client.get(reverse(name)).status_code == 404


def test_network_bs_coordinator_sees_none_of_as_services(world, coordinator_b, login, client):
    login(coordinator_b)
    assert "Speelpunt" not in client.get(reverse("insights:thresholds")).content.decode()
    assert client.get(reverse("insights:thresholds-csv")).content.decode().count("\r\n") == 1


def test_without_signing_in_thresholds_ask_for_a_login(client, db):
    for name in ("insights:thresholds", "insights:thresholds-csv", "insights:thresholds-summary-csv"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_csvs_header_and_rows(world, coordinator_a, login, client):
    login(coordinator_a)
    response = client.get(reverse("insights:thresholds-csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows == [
        ["service_id", "service", "organization", "cost", "evening", "wednesday", "saturday", "languages",
         "walk_in", "at_home_online", "distance", "accessibility", "index"],
        [str(world.huisbezoek.pk), "Huisbezoek", world.huisbezoek.organization.name, "", "", "", "", "", "0", "1",
         "1", "", "67"],
        [str(world.speelpunt.pk), "Speelpunt", world.speelpunt.organization.name, "1", "0", "0", "1", "1", "1",
         "0", "0.5", "1", "65"],
    ]  # fmt: skip
    summary = list(
        csv.reader(io.StringIO(client.get(reverse("insights:thresholds-summary-csv")).content.decode()))
    )
    assert summary == [
        ["level", "key", "name", "services", "mean_index", "near_share"],
        ["life_domain", "opvoeding", "Opvoeding", "2", "66", ""],
        ["life_domain", "vrije-tijd", "Vrije tijd", "0", "", ""],
        ["area", "centrum", "Centrum", "2", "68.5", "100"],
        ["area", "noord", "Noord", "1", "67", ""],
    ]


@pytest.mark.parametrize("extra", [0, 6])
def test_the_page_takes_a_fixed_number_of_queries(
    extra, world, partner_a, coordinator_a, login, client, django_assert_max_num_queries
):
    for n in range(extra):
        service = ServiceFactory(organization=partner_a, name=f"Extra {n}")
        world._domain(service)
        ServiceAtLocation.objects.create(
            network=world.network,
            service=service,
            location=LocationFactory(organization=partner_a, area=world.noord),
        )
        CostOption.objects.create(network=world.network, service=service, kind=CostOption.Kind.PAID)
        Schedule.objects.create(
            network=world.network, service=service, byday="SA", opens_at=dt.time(9), closes_at=dt.time(12)
        )
    login(coordinator_a)
    client.get(reverse("insights:thresholds"))  # warm the session and role caches
    with django_assert_max_num_queries(15):
        response = client.get(reverse("insights:thresholds"))
    assert response.status_code == 200 and response.content.decode().count("<tr>") >= 2 + extra
