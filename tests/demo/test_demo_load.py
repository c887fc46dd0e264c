"""`hvhk demo` is idempotent, restores the demo after edits, and refuses under production settings."""

import datetime as dt

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.models import Area, Network
from hvhk.demo.services import demo_load
from hvhk.directory import models as m
from hvhk.directory.services import taxonomy_seed
from hvhk.feedback.models import ErrorReport
from hvhk.network import models as network_models
from hvhk.portal.selectors import overdue_before
from hvhk.referrals.models import Referral, ReferralEvent, SupportRequest
from tests.directory.factories import HouseFactory, LocationFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

MODELS = [
    Network,
    Area,
    User,
    RoleAssignment,
    *(getattr(m, name) for name in m.__all__),
    *(getattr(network_models, name) for name in network_models.__all__),
]


def _snapshot() -> dict[str, set]:
    return {model.__name__: set(model.objects.values_list("pk", flat=True)) for model in MODELS}


def test_demo_loads_twice_with_identical_rows():
    demo_load()
    first = _snapshot()
    demo_load()
    second = _snapshot()
    assert {k: len(v) for k, v in first.items()} == {k: len(v) for k, v in second.items()}
    assert first == second
    assert len(first["Service"]) >= 95


def test_demo_restores_what_was_changed_and_keeps_what_people_added():
    demo_load()
    service = m.Service.objects.filter(network__slug="leuven").order_by("name").first()
    original_name = service.name
    service.name = "Iemand heeft dit veranderd"
    service.save()
    m.Service.objects.filter(network__slug="leuven").order_by("name").last().delete()
    network = Network.objects.get(slug="leuven")
    ErrorReport.objects.create(network=network, page_url="/leuven/", message="Blijft staan")
    before = m.Service.objects.count()

    demo_load()

    service.refresh_from_db()
    assert service.name == original_name
    assert m.Service.objects.count() == before + 1
    assert ErrorReport.objects.filter(message="Blijft staan").exists()


def test_demo_refuses_under_production_settings(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("demo")
    assert not Network.objects.exists()


def test_demo_command_prints_a_summary(capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "Demo loaded: networks leuven, heusden-zolder" in out
    assert "hvhk-demo" in out


# What the demo held before its data moved from Python modules to data files (measured on 2026-12-04).
FIGURES = {
    "leuven": {
        "organisations": 23,
        "services": 107,
        "locations": 32,
        "houses": 2,
        "pillars": 14,
        "areas": 6,
        "memberships": 23,
        "service places": 97,
        "schedules": 159,
        "categories": 439,
        "accounts": 27,
        "requests": 3,
        "referrals": 2,
        "referral steps": 5,
        "translations": {"service": 36, "organisation": 0, "term": 88, "house": 0, "pillar": 0},
    },
    "heusden-zolder": {
        "organisations": 10,
        "services": 25,
        "locations": 10,
        "houses": 1,
        "pillars": 6,
        "areas": 5,
        "memberships": 10,
        "service places": 24,
        "schedules": 61,
        "categories": 117,
        "accounts": 11,
        "requests": 0,
        "referrals": 0,
        "referral steps": 0,
        "translations": {"service": 12, "organisation": 0, "term": 88, "house": 0, "pillar": 0},
    },
}


def _figures(network: Network) -> dict:
    def count(model) -> int:
        return model.objects.filter(network=network).count()

    translated = {"service": m.Service, "organisation": m.Organization, "term": m.TaxonomyTerm}
    translated |= {"house": m.House, "pillar": m.Pillar}
    return {
        "organisations": count(m.Organization),
        "services": count(m.Service),
        "locations": count(m.Location),
        "houses": count(m.House),
        "pillars": count(m.Pillar),
        "areas": count(Area),
        "memberships": count(m.Membership),
        "service places": count(m.ServiceAtLocation),
        "schedules": count(m.Schedule),
        "categories": count(m.Attribute),
        "accounts": User.objects.filter(roles__network=network).distinct().count(),
        "requests": count(SupportRequest),
        "referrals": Referral.objects.filter(request__network=network).count(),
        "referral steps": ReferralEvent.objects.filter(referral__request__network=network).count(),
        "translations": {
            name: sum(
                len(t or {})
                for t in model.objects.filter(network=network).values_list("translations", flat=True)
            )
            for name, model in translated.items()
        },
    }


def test_the_demo_holds_what_it_held_before_its_data_became_files():
    summary = demo_load()

    assert {n.slug: _figures(n) for n in Network.objects.all()} == FIGURES
    assert summary.users == User.objects.count() == 39


def _overdue_share(network: Network, today: dt.date) -> float:
    services = m.Service.objects.filter(network=network)
    return services.filter(assured_date__lt=overdue_before(today)).count() / services.count()


def test_a_demo_loaded_on_any_day_has_the_same_few_services_overdue():
    days = [dt.date(2027, 3, 15), dt.date(2031, 8, 2)]
    shares = []
    for day in days:
        with time_machine.travel(dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC), tick=False):
            demo_load()
            shares.append({n.slug: _overdue_share(n, day) for n in Network.objects.all()})

    assert shares[0] == shares[1]
    assert 0 < shares[0]["leuven"] <= 0.1 and 0 < shares[0]["heusden-zolder"] <= 0.1
    newest = m.Service.objects.filter(network__slug="leuven").order_by("-assured_date").first()
    assert days[1] - dt.timedelta(days=14) <= newest.assured_date <= days[1]


def test_example_requests_are_dated_in_the_days_before_the_demo_was_loaded():
    day = dt.date(2029, 5, 20)
    with time_machine.travel(dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC), tick=False):
        demo_load()

    requests = SupportRequest.objects.filter(network__slug="leuven")
    assert {r.created_at.date() for r in requests} <= {day - dt.timedelta(days=n) for n in range(1, 20)}
    for request in requests:
        assert request.consent.given_at == request.created_at
        assert request.consent.expires_at.date() > day
        for referral in request.referrals.all():
            steps = [e.at for e in referral.events.order_by("at")]
            assert request.created_at < referral.created_at == steps[0] and steps[-1] <= request.updated_at
            assert max(steps) <= timezone.make_aware(dt.datetime.combine(day, dt.time(0)))


def test_a_network_whose_categories_were_made_before_keeps_them_and_the_demo_links_to_them():
    """A database loaded by an older demo has the same categories under other ids: matched on their codes."""
    network = Network.objects.create(slug="leuven", name="Huis van het Kind Leuven")
    before = {(t.taxonomy.code, t.code): t.pk for t in taxonomy_seed(network=network)}

    demo_load()

    terms = m.TaxonomyTerm.objects.filter(network=network).select_related("taxonomy")
    after = {(t.taxonomy.code, t.code): t.pk for t in terms}
    assert after == before
    used = set(m.Attribute.objects.filter(network=network).values_list("taxonomy_term_id", flat=True))
    assert used and used <= set(before.values())


def test_a_reload_removes_the_rows_the_files_do_not_have():
    demo_load()
    network = Network.objects.get(slug="leuven")
    stray = ServiceFactory(organization=OrganizationFactory(network=network, slug="verdwenen"))
    place = LocationFactory(organization=stray.organization)
    HouseFactory(location=place, slug="verdwenen-huis")
    m.Membership.objects.filter(organization__slug="amber").delete()
    Area.objects.create(network=network, slug="verdwenen-wijk", name="Weg", kind=Area.Kind.NEIGHBOURHOOD)

    demo_load()

    assert not m.Service.objects.filter(pk=stray.pk).exists()
    assert not m.Organization.objects.filter(slug="verdwenen").exists()
    assert not m.Location.objects.filter(pk=place.pk).exists()
    assert not m.House.objects.filter(slug="verdwenen-huis").exists()
    assert not Area.objects.filter(slug="verdwenen-wijk").exists()
    assert m.Membership.objects.filter(organization__slug="amber").exists()
    assert _figures(network) == FIGURES["leuven"]
