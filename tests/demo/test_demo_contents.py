"""What the demo networks hold, as the foundation issue asks for it."""

import pytest
from django.contrib.auth import authenticate
from django.db.models import Q

from hvhk.accounts.models import RoleAssignment
from hvhk.core.models import Area, Network
from hvhk.demo.files import DemoFiles
from hvhk.demo.services import DEMO_PASSWORD
from hvhk.directory import models as m
from hvhk.directory.default_taxonomy import LIFE_DOMAINS

SIGNATORIES = [
    "stad-leuven",
    "caw-oost-brabant",
    "buurtwerk-t-lampeke",
    "mfc-combo",
    "amber",
    "gezinsbond",
    "scheidingsschool",
    "bakermat",
    "inloopteam-de-mobil",
    "wigwam",
    "uz-leuven-parel",
    "kind-en-preventie",
    "clb-go-leuven",
    "vclb-leuven",
    "ckg-de-schommel",
    "domo",
    "speelodroom",
    "leren-ondernemen",
    "ocmw-leuven",
    "kind-en-gezin",
    "provincie-vlaams-brabant",
    "sporen",
]


@pytest.fixture
def leuven_network(demo, db):
    return Network.objects.get(slug="leuven")


def _services(network):
    return m.Service.objects.for_network(network)


def test_leuven_has_the_22_signatories_and_some_lead_partners(leuven_network):
    orgs = set(m.Organization.objects.for_network(leuven_network).values_list("slug", flat=True))
    assert set(SIGNATORIES) <= orgs
    leads = m.Membership.objects.for_network(leuven_network).filter(role="netwerktrekker")
    assert 4 <= leads.count() < len(SIGNATORIES)
    signed = m.Membership.objects.for_network(leuven_network).filter(organization__slug__in=SIGNATORIES)
    assert signed.filter(engagement_signed_on__isnull=False).count() == 22


def test_leuven_has_the_two_houses_with_their_five_pillars_and_services_behind_them(leuven_network):
    houses = m.House.objects.for_network(leuven_network)
    assert set(houses.values_list("slug", flat=True)) == {"leuven-centrum", "kessel-lo"}
    for house in houses:
        kinds = set(house.pillars.values_list("kind", flat=True))
        assert {"reception", "consultation", "play", "parenting_advice", "group_offer"} <= kinds
        for pillar in house.pillars.all():
            assert pillar.services.exists(), f"{house}: {pillar} has no service"


def test_leuven_has_at_least_80_varied_services(leuven_network):
    services = _services(leuven_network)
    assert services.count() >= 80
    assert services.filter(minimum_age_months__lt=0).count() >= 10  # pregnancy
    assert services.filter(maximum_age_months__gte=288).exists()  # up to 24
    assert services.filter(cost_options__kind="free").distinct().count() >= 20
    assert services.filter(cost_options__kind="paid").distinct().exists()
    assert services.filter(cost_options__kind="reduced").distinct().count() >= 10
    assert services.filter(walk_in=True).count() >= 15
    for how in ("at_home", "online", "by_phone"):
        assert services.filter(**{how: True}).count() >= 8, how
    multilingual = services.filter(languages__code__in=["fr", "en", "ar", "tr"]).distinct()
    assert multilingual.count() >= 15
    evening = services.filter(
        Q(schedules__opens_at__gte="17:00") | Q(schedules__closes_at__gte="19:00")
    ).distinct()
    weekend = services.filter(
        Q(schedules__byday__contains="SA") | Q(schedules__byday__contains="SU")
    ).distinct()
    assert evening.count() >= 10 and weekend.count() >= 8


def test_every_life_domain_has_leuven_services(leuven_network):
    for code in LIFE_DOMAINS:
        assert (
            _services(leuven_network)
            .filter(attributes__taxonomy_term__code=code, attributes__link_type="life_domain")
            .exists()
        ), code


def test_leuven_services_are_spread_over_the_five_places_with_real_postcodes(leuven_network):
    expected = {
        "Leuven": "3000",
        "Heverlee": "3001",
        "Kessel-Lo": "3010",
        "Wilsele": "3012",
        "Wijgmaal": "3018",
    }
    for city, postcode in expected.items():
        addresses = m.Address.objects.for_network(leuven_network).filter(city=city)
        assert addresses.exists(), city
        assert set(addresses.values_list("postal_code", flat=True)) == {postcode}
        at_city = (
            _services(leuven_network).filter(service_at_locations__location__addresses__city=city).distinct()
        )
        assert at_city.count() >= 8, city
    for location in m.Location.objects.for_network(leuven_network):
        assert 50.84 < float(location.latitude) < 50.95 and 4.64 < float(location.longitude) < 4.78, location
    area = Area.objects.for_network(leuven_network).get(slug="leuven")
    assert area.postcode_list == ["3000", "3001", "3010", "3012", "3018"]


def test_heusden_zolder_is_a_separate_network(demo, db):
    hz = Network.objects.get(slug="heusden-zolder")
    services = _services(hz)
    assert services.count() >= 15
    assert not services.filter(organization__network__slug="leuven").exists()
    assert not m.ServiceAtLocation.objects.for_network(hz).exclude(location__network=hz).exists()


def test_networks_are_marked_as_example_data(demo, db):
    assert set(Network.objects.values_list("is_demo", flat=True)) == {True}


def test_every_demo_account_signs_in_with_the_demo_password(demo, db):
    emails = [
        "admin@hvhk.demo",
        "coordinator@leuven.demo",
        "coordinator@heusden-zolder.demo",
        "intake@leuven.demo",
        "member@kind-en-preventie.demo",
    ]
    emails += [a["email"] for a in DemoFiles("leuven").extras["accounts"] if a.get("role") == "editor"]
    assert len(emails) > 20
    for email in emails:
        assert authenticate(username=email, password=DEMO_PASSWORD) is not None, email
    assert authenticate(username="admin@hvhk.demo", password="wrong") is None


def test_demo_roles_match_the_accounts(demo, db):
    def roles(email):
        return {
            (r.network.slug, r.role, r.organization.slug if r.organization else None)
            for r in RoleAssignment.objects.filter(user__email=email).select_related(
                "network", "organization"
            )
        }

    assert roles("coordinator@leuven.demo") == {("leuven", "coordinator", None)}
    assert roles("coordinator@heusden-zolder.demo") == {("heusden-zolder", "coordinator", None)}
    assert roles("intake@leuven.demo") == {("leuven", "intake", None)}
    assert roles("editor@wigwam.demo") == {("leuven", "editor", "wigwam")}
    assert roles("member@kind-en-preventie.demo") == {("leuven", "member", "kind-en-preventie")}
