import datetime as dt
from decimal import Decimal

import pytest

from hvhk.core.lib.versions import bump_network_version
from hvhk.core.models import Area
from hvhk.directory import models as m
from hvhk.directory.services import taxonomy_seed
from hvhk.search.indexing import reindex
from hvhk.search.query import AGE_BANDS, ServiceQuery
from hvhk.search.selectors import filtered_services, relaxations, search_hits
from tests.core.factories import AreaFactory
from tests.directory.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(network_a, partner_a):
    """A small network: two places 4 km apart and services that differ in every filterable way."""
    terms = {t.code: t for t in taxonomy_seed(network=network_a)}
    city = AreaFactory(
        network=network_a,
        slug="stad",
        kind=Area.Kind.MUNICIPALITY,
        postcodes="3000,3010",
        latitude=50.879,
        longitude=4.701,
    )
    west = AreaFactory(
        network=network_a, slug="west", parent=city, postcodes="3000", latitude=50.879, longitude=4.701
    )
    east = AreaFactory(
        network=network_a, slug="oost", parent=city, postcodes="3010", latitude=50.888, longitude=4.757
    )
    here = LocationFactory(
        organization=partner_a,
        network=network_a,
        area=west,
        latitude=Decimal("50.879"),
        longitude=Decimal("4.701"),
    )
    there = LocationFactory(
        organization=partner_a,
        network=network_a,
        area=east,
        latitude=Decimal("50.888"),
        longitude=Decimal("4.757"),
    )

    def service(name, *, at=None, domain=None, costs=(), langs=(), days="", evening=False, **fields):
        s = ServiceFactory(organization=partner_a, name=name, **fields)
        if at:
            m.ServiceAtLocation.objects.create(network=network_a, service=s, location=at)
        if domain:
            m.Attribute.objects.create(
                network=network_a, service=s, taxonomy_term=terms[domain], link_type="life_domain"
            )
        for kind in costs:
            m.CostOption.objects.create(
                network=network_a, service=s, kind=kind, amount=None if kind == "free" else Decimal("5")
            )
        for code in langs:
            m.Language.objects.create(network=network_a, service=s, code=code, name=code)
        if days:
            m.Schedule.objects.create(
                network=network_a,
                service=s,
                byday=days,
                opens_at=dt.time(19) if evening else dt.time(9),
                closes_at=dt.time(21) if evening else dt.time(12),
            )
        return s

    services = {
        "prenatal": service(
            "Prenatale consultatie",
            at=here,
            domain="zwangerschap",
            costs=("free",),
            minimum_age_months=-9,
            maximum_age_months=0,
            days="MO",
        ),
        "toddlers": service(
            "Peuterspeelpunt",
            at=there,
            domain="vrije-tijd",
            costs=("paid", "reduced"),
            langs=("nl", "fr"),
            minimum_age_months=12,
            maximum_age_months=36,
            days="SA",
        ),
        "teens": service(
            "Tienerpraatgroep",
            at=there,
            domain="welzijn",
            costs=("free",),
            langs=("nl", "ar"),
            minimum_age_months=144,
            maximum_age_months=216,
            days="WE",
            evening=True,
        ),
        "helpline": service(
            "Opvoedingslijn",
            domain="opvoeding",
            costs=("free",),
            at_location=False,
            by_phone=True,
            walk_in=False,
        ),
        "closed": service("Oud aanbod", at=here, status="defunct"),
    }
    reindex(network=network_a)
    return {**services, "terms": terms, "here": here}


def _names(network, **query) -> set[str]:
    return {s.name for s in filtered_services(network=network, query=ServiceQuery(**query))}


def test_inactive_services_never_come_back(network_a, world):
    assert "Oud aanbod" not in _names(network_a)
    assert _names(network_a) == {
        "Prenatale consultatie",
        "Peuterspeelpunt",
        "Tienerpraatgroep",
        "Opvoedingslijn",
    }


def test_age_filter_overlaps_the_age_range_and_keeps_services_for_all_ages(network_a, world):
    assert _names(network_a, age_months=(-9, -1)) == {"Prenatale consultatie", "Opvoedingslijn"}
    assert _names(network_a, age_months=(24, 35)) == {"Peuterspeelpunt", "Opvoedingslijn"}
    assert _names(network_a, age_months=(168, 179)) == {"Tienerpraatgroep", "Opvoedingslijn"}


def test_an_upper_age_is_not_included_a_lower_age_is(network_a, world):
    """Peuterspeelpunt is "1 tot 3 jaar" (12, 36): for a child who has not turned 3, from its first birthday."""
    toddlers = "Peuterspeelpunt"
    assert toddlers in _names(network_a, age_months=(35, 35))
    assert toddlers not in _names(network_a, age_months=(36, 47))  # a child of 3
    assert toddlers in _names(network_a, age_months=(12, 12))
    assert toddlers not in _names(network_a, age_months=(0, 11))
    assert "Prenatale consultatie" not in _names(network_a, age_months=(0, 35))  # (-9, 0): until the birth


@pytest.mark.parametrize(
    ("band", "shown"),
    [("zwanger", False), ("0-3", True), ("3-6", True), ("6-12", False), ("12-18", False)],
)
def test_a_service_from_2_to_6_shows_under_3_to_6_and_not_under_6_to_12(network_a, partner_a, band, shown):
    ServiceFactory(organization=partner_a, name="Kleuterturnen", minimum_age_months=24, maximum_age_months=72)
    reindex(network=network_a)
    months = AGE_BANDS[band]
    assert ("Kleuterturnen" in _names(network_a, age_months=months)) is shown
    assert ("Kleuterturnen" in _found(network_a, text="kleuterturnen", age_months=months)) is shown


def test_filters_combine_with_and_across_and_or_within(network_a, world):
    assert _names(network_a, costs=("free",), languages=("ar",)) == {"Tienerpraatgroep"}
    assert _names(network_a, domains=("welzijn", "vrije-tijd")) == {"Tienerpraatgroep", "Peuterspeelpunt"}
    assert _names(network_a, costs=("reduced",)) == {"Peuterspeelpunt"}


def test_when_filter_reads_days_evenings_and_weekends(network_a, world):
    assert _names(network_a, when=("weekend",)) == {"Peuterspeelpunt"}
    assert _names(network_a, when=("evening",)) == {"Tienerpraatgroep"}
    assert _names(network_a, when=("MO", "WE")) == {"Prenatale consultatie", "Tienerpraatgroep"}


def test_how_walk_in_and_wheelchair(network_a, world):
    assert _names(network_a, how=("phone",)) == {"Opvoedingslijn"}
    m.Accessibility.objects.create(network=network_a, location=world["here"], feature="wheelchair")
    assert _names(network_a, wheelchair=True) == {"Prenatale consultatie"}


def test_area_filter_includes_services_without_a_place(network_a, world):
    assert _names(network_a, area="oost") == {"Peuterspeelpunt", "Tienerpraatgroep", "Opvoedingslijn"}
    assert _names(network_a, area="stad") == _names(network_a)


def test_distance_sorts_nearest_first_and_radius_excludes_far_places(network_a, world):
    query = ServiceQuery(origin=(50.879, 4.701))
    page = search_hits(network=network_a, query=query)
    names = [h.service.name for h in page.hits]
    assert names[0] == "Prenatale consultatie" and names[-1] == "Opvoedingslijn"  # no place: last
    assert page.hits[0].distance_km == pytest.approx(0, abs=0.01)
    assert page.hits[1].distance_km == pytest.approx(4.0, abs=0.2)
    near = search_hits(network=network_a, query=ServiceQuery(origin=(50.879, 4.701), radius_km=2))
    assert {h.service.name for h in near.hits} == {"Prenatale consultatie", "Opvoedingslijn"}


def test_text_search_ranks_name_matches_first(network_a, world):
    page = search_hits(network=network_a, query=ServiceQuery(text="tiener"))
    assert [h.service.name for h in page.hits] == ["Tienerpraatgroep"]
    assert search_hits(network=network_a, query=ServiceQuery(text="xyzzy")).total == 0


def test_pages_are_clamped_and_say_so(network_a, world):
    page = search_hits(network=network_a, query=ServiceQuery(), page=9999, per_page=3)
    assert (page.total, page.pages, page.page) == (4, 2, 2)
    assert page.out_of_range and len(page.hits) == 1
    assert search_hits(network=network_a, query=ServiceQuery(), page=1, per_page=3).hits[0].service.name == (
        "Opvoedingslijn"
    )


def test_search_never_returns_another_networks_services(network_a, world, service_b):
    assert service_b.name not in _names(network_a)
    hits = search_hits(network=network_a, query=ServiceQuery(text=service_b.name)).hits
    assert service_b.id not in {h.service.id for h in hits}


def test_relaxations_name_each_filter_that_would_give_results(network_a, world):
    query = ServiceQuery(costs=("reduced",), languages=("ar",))
    assert search_hits(network=network_a, query=query).total == 0
    options = {name: total for name, _query, total in relaxations(network=network_a, query=query)}
    assert options == {"cost": 1, "lang": 1}


def test_result_page_runs_a_fixed_number_of_queries(network_a, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        page = search_hits(network=network_a, query=ServiceQuery(text="groep", costs=("free",)))
        for hit in page.hits:
            list(hit.service.cost_options.all())
            list(hit.service.service_at_locations.all())


FILTER_CASES = [
    {"age_months": (-9, -1)},
    {"age_months": (36, 47)},
    {"costs": ("free",)},
    {"costs": ("reduced", "paid")},
    {"age_months": (168, 179), "costs": ("free",)},
    {"costs": ("free",), "languages": ("ar",)},
]


def _found(network, **query) -> set[str]:
    return {hit.service.name for hit in search_hits(network=network, query=ServiceQuery(**query)).hits}


@pytest.mark.parametrize("case", FILTER_CASES)
def test_a_text_search_with_filters_agrees_with_the_filters_alone(network_a, world, case):
    """Age and price are checked on the index documents during a text search; the answer must be the same as
    the filters give on the services themselves."""
    allowed = _names(network_a, **case)
    for key in ("prenatal", "toddlers", "teens", "helpline"):
        name = world[key].name
        assert (name in _found(network_a, text=name, **case)) == (name in allowed), (case, name)


def test_a_changed_price_or_age_reaches_the_search_at_once(
    network_a, world, django_capture_on_commit_callbacks
):
    teens = world["teens"]
    assert teens.name in _found(network_a, text=teens.name, costs=("free",))

    with django_capture_on_commit_callbacks(execute=True):
        price = teens.cost_options.get()
        price.kind = "paid"
        price.save()
    assert teens.name not in _found(network_a, text=teens.name, costs=("free",))
    assert teens.name in _found(network_a, text=teens.name, costs=("paid",))

    with django_capture_on_commit_callbacks(execute=True):
        teens.minimum_age_months = 0
        teens.save()
    assert teens.name in _found(network_a, text=teens.name, age_months=(36, 47))

    with django_capture_on_commit_callbacks(execute=True):
        teens.cost_options.all().delete()
    assert teens.name not in _found(network_a, text=teens.name, costs=("paid",))


def test_a_compiled_filter_serves_every_question_with_the_same_filters(network_a, monkeypatch):
    """The search compiles its check of the filters once per process and data version; the words searched,
    the sort and where a filter came from do not change it, any filter does."""
    from hvhk.search import selectors

    compiled = []
    real = selectors.CandidateFilter.of
    monkeypatch.setattr(selectors.CandidateFilter, "of", lambda qs: compiled.append(1) or real(qs))
    selectors._filters_here.clear()
    first = selectors._candidate_filter(network_a, ServiceQuery(text="baby", area="centrum", costs=("free",)))
    same = selectors._candidate_filter(
        network_a, ServiceQuery(text="slapen", terms="slapen", area="centrum", costs=("free",), sort="name")
    )
    assert same is first and len(compiled) == 1
    other = selectors._candidate_filter(network_a, ServiceQuery(text="baby", area="centrum", costs=("paid",)))
    assert other != first and len(compiled) == 2
    bump_network_version(network_a.pk)
    selectors._candidate_filter(network_a, ServiceQuery(text="baby", area="centrum", costs=("free",)))
    assert len(compiled) == 3


def test_every_field_the_filters_read_is_part_of_the_key():
    """A field `filtered_services` reads must never be among the fields left out of the key."""
    import inspect
    import re

    from hvhk.search import selectors

    source = inspect.getsource(selectors.filtered_services)
    read = set(re.findall(r"query\.(\w+)", source))
    assert {"age_months", "area", "costs"} <= read
    assert not read & set(selectors.NOT_FILTERS)


@pytest.fixture
def places(network_a, partner_a, world):
    """Besides the world's services: one serving the city, one serving the east, one at a location without an
    area, one serving an area unknown to the list (no area), one in another municipality."""
    city = Area.objects.get(network=network_a, slug="stad")
    east = Area.objects.get(network=network_a, slug="oost")
    elsewhere = AreaFactory(network=network_a, slug="elders", kind=Area.Kind.MUNICIPALITY, postcodes="3500")
    made = {}
    for key, name in [
        ("city", "Gezinsondersteuning in de hele stad"),
        ("east", "Gezinsondersteuning in het oosten"),
        ("no-area", "Gezinsondersteuning op een adres zonder gebied"),
        ("free-text", "Gezinsondersteuning in de regio"),
        ("elsewhere", "Gezinsondersteuning in een andere gemeente"),
    ]:
        made[key] = ServiceFactory(
            organization=partner_a, name=name, description="Gezinsondersteuning en opvoeding."
        )
    m.ServiceArea.objects.create(network=network_a, service=made["city"], area=city)
    m.ServiceArea.objects.create(network=network_a, service=made["east"], area=east)
    m.ServiceAtLocation.objects.create(
        network=network_a,
        service=made["no-area"],
        location=LocationFactory(organization=partner_a, network=network_a),
    )
    m.ServiceArea.objects.create(network=network_a, service=made["free-text"], area=None, name="De regio")
    m.ServiceAtLocation.objects.create(
        network=network_a,
        service=made["elsewhere"],
        location=LocationFactory(organization=partner_a, network=network_a, area=elsewhere),
    )
    reindex(network=network_a)
    return made


@pytest.mark.parametrize("slug", ["stad", "west", "oost", "elders", "nergens"])
@pytest.mark.parametrize("text", ["gezinsondersteuning", "opvoeding", "peuter tiener consultatie"])
def test_a_search_in_an_area_finds_exactly_the_services_the_area_filter_lets_through(
    network_a, world, places, slug, text
):
    """The index's place words answer an area filter as the filter on the services does: a location in the area
    or inside it, an area served around it, or no place at all."""

    def found(**query):
        return {
            hit.service.name
            for hit in search_hits(network=network_a, query=ServiceQuery(**query), per_page=None).hits
        }

    everywhere = found(text=text)
    assert everywhere
    assert found(text=text, area=slug) == everywhere & _names(network_a, area=slug)


def test_where_a_service_is_follows_its_areas(network_a, world, places, django_capture_on_commit_callbacks):
    east = Area.objects.get(network=network_a, slug="oost")
    service = places["elsewhere"]

    def in_east():
        query = ServiceQuery(text="gezinsondersteuning", area="oost")
        return service.id in {
            hit.service_id for hit in search_hits(network=network_a, query=query, per_page=None).hits
        }

    assert not in_east()
    with django_capture_on_commit_callbacks(execute=True):
        area = m.ServiceArea.objects.create(network=network_a, service=service, area=east)
    assert in_east()
    with django_capture_on_commit_callbacks(execute=True):
        area.delete()
    assert not in_east()
    with django_capture_on_commit_callbacks(execute=True):
        location = service.service_at_locations.get().location
        location.area = east
        location.save()
    assert in_east()
