"""Reach (hvhk.insights.selectors.reach and /portal/insights/reach/): families' questions (live and anonymised,
none counted twice), referrals, activities and the wegwijzer's use, per month and against the year before, small
counts suppressed in the page and the CSV, each persona seeing only what it may, in a fixed number of queries."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from hvhk.activities.models import Activity
from hvhk.insights.selectors.reach import reach_year, year_totals
from hvhk.insights.suppression import HIDDEN
from hvhk.referrals.models import Referral, RequestFacts, SupportRequest
from hvhk.referrals.services.retention import requests_anonymise
from hvhk.search.models import MonthlyUse, ZeroResultQuery
from tests.activities.factories_registration import ActivityFactory, SessionFactory
from tests.core.factories import AreaFactory
from tests.directory.factories import HouseFactory, ServiceFactory, TaxonomyFactory, TaxonomyTermFactory
from tests.insights.conftest import NETWORK_WIDE, PARTNER_STAFF
from tests.referrals.factories import make_request

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year - 1  # a whole year in the past
BEFORE = YEAR - 1
MARCH = dt.date(YEAR, 3, 1)


def _at(year: int, month: int, day: int = 10) -> dt.datetime:
    return dt.datetime(year, month, day, 12, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def world(network_a, partner_a, partner_a2):
    """Network A with known figures for YEAR and the year before (see each test)."""
    taxonomy = TaxonomyFactory(network=network_a, code="levensdomein", name="Levensdomein")
    health = TaxonomyTermFactory(taxonomy=taxonomy, code="gezondheid", name="Gezondheid")
    money = TaxonomyTermFactory(taxonomy=taxonomy, code="geld", name="Geld en rechten")
    area = AreaFactory(network=network_a, slug="kessel-lo", name="Kessel-Lo")
    service_a = ServiceFactory(organization=partner_a, name="Consultatie A")
    service_a2 = ServiceFactory(organization=partner_a2, name="Opvoedingswinkel A2")
    # Six live questions in March about health, ages 0-3, two of them referred to partner A and done; contact
    # after two days.
    live = []
    for n in range(6):
        request, _token = make_request(network_a, domain=health, area=area, ages=["0-3"])
        SupportRequest.objects.filter(pk=request.pk).update(
            created_at=_at(YEAR, 3, 2 + n), first_contact_at=_at(YEAR, 3, 4 + n)
        )
        live.append(request)
    for request in live[:6]:
        Referral.objects.create(
            network=network_a, request=request, organization=partner_a, service=service_a,
            service_name=service_a.name, status=Referral.Status.COMPLETED,
        )  # fmt: skip
    Referral.objects.filter(request__in=live).update(created_at=_at(YEAR, 3, 20))
    for _n in range(5):  # five referrals to partner A2, declined, of one live question
        request, _token = make_request(network_a, domain=money, ages=["6-12"])
        SupportRequest.objects.filter(pk=request.pk).update(created_at=_at(YEAR, 5))
        Referral.objects.create(
            network=network_a, request=request, organization=partner_a2, service=service_a2,
            service_name=service_a2.name, status=Referral.Status.DECLINED,
        )  # fmt: skip
    Referral.objects.filter(organization=partner_a2).update(created_at=_at(YEAR, 5, 12))
    # Anonymised questions, each referred once: seven in March of YEAR and five in March of the year before
    # about health (completed, contact after 3 days), six in March of the year before about money (declined, no
    # contact, no area). No count under 5 anywhere, so nothing is hidden but the months without questions.
    facts = {"network": network_a, "source": "online", "reason": "retention", "referrals": 1}
    health_facts = dict(facts, domain=health, area=area, age_bands=["0-3"], outcome="completed")
    for _ in range(7):
        RequestFacts.objects.create(month=MARCH, days_to_first_contact=3, **health_facts)
    for _ in range(5):
        RequestFacts.objects.create(month=dt.date(BEFORE, 3, 1), days_to_first_contact=3, **health_facts)
    for _ in range(6):
        RequestFacts.objects.create(
            month=dt.date(BEFORE, 3, 1), domain=money, age_bands=["6-12"], outcome="declined", **facts
        )
    # Wegwijzer: searches and views, and words that found nothing.
    MonthlyUse.objects.create(network=network_a, month=MARCH, kind="search", count=1000)
    MonthlyUse.objects.create(network=network_a, month=dt.date(BEFORE, 3, 1), kind="search", count=800)
    MonthlyUse.objects.create(
        network=network_a, month=MARCH, kind="service_view", service=service_a, count=40
    )
    MonthlyUse.objects.create(
        network=network_a, month=MARCH, kind="service_view", service=service_a2, count=30
    )
    ZeroResultQuery.objects.create(network=network_a, month=MARCH, query="nachtopvang", count=2)
    ZeroResultQuery.objects.create(network=network_a, month=dt.date(YEAR, 4, 1), query="nachtopvang", count=2)
    ZeroResultQuery.objects.create(network=network_a, month=MARCH, query="zeldzaam woord", count=2)
    # Activities: a workshop of partner A (12 present) and a parent group of partner A2 (8 present) in June.
    house = HouseFactory(network=network_a, name="Huis Centrum")
    workshop = ActivityFactory(
        service=service_a, house=house, kind=Activity.Kind.WORKSHOP, pillar="group_offer"
    )
    group = ActivityFactory(service=service_a2, kind=Activity.Kind.PARENT_GROUP, pillar="parenting_advice")
    SessionFactory(activity=workshop, starts_at=_at(YEAR, 6), present_count=12)
    SessionFactory(activity=group, starts_at=_at(YEAR, 6, 11), present_count=8)
    SessionFactory(activity=group, starts_at=_at(YEAR, 6, 12), present_count=3, is_cancelled=True)
    return {"health": health, "money": money, "live": live, "service_a": service_a}


def _row(table, label):
    return dict(zip(table.labels, table.cells, strict=True))[label]


# --- the figures -----------------------------------------------------------------------------------------------


def test_questions_count_live_requests_and_anonymised_facts_per_month_against_the_year_before(
    world, network_a
):
    reach = reach_year(network=network_a, year=YEAR)
    questions = reach.table("questions")
    assert questions.columns == (str(BEFORE), str(YEAR))
    assert _row(questions, "mrt") == (11, 13)  # 11 anonymised the year before; 6 live + 7 anonymised
    assert _row(questions, "mei") == (HIDDEN, HIDDEN)  # 0 and 5: a zero is small, and hides its neighbour
    assert questions.column_totals == (11, 18) and questions.total == 29
    assert _row(reach.table("questions-domain"), "Gezondheid") == (5, 13)
    assert _row(reach.table("questions-domain"), "Geld en rechten") == (6, 5)
    assert _row(reach.table("questions-age"), "0 tot 2 jaar") == (5, 13)  # referrals' "0-3" is 0 to 2 years
    assert _row(reach.table("questions-age"), "6 tot 11 jaar") == (6, 5)
    assert _row(reach.table("questions-area"), "Kessel-Lo") == (5, 13)
    assert _row(reach.table("questions-area"), "onbekend") == (6, 5)
    outcome = reach.table("questions-outcome")  # the best status the question's referrals reached
    assert outcome.labels == ("afgerond", "geweigerd")
    assert outcome.cells == ((5, 13), (6, 5))
    days = reach.table("questions-days")
    assert days.labels == ("1 tot 7 dagen", "nog geen contact") and days.cells == ((5, 13), (6, 5))
    assert reach.median_days == (3, 3)  # 6 live after 2 days, 7 anonymised after 3: median 3
    assert reach.within_week == (100, 100)


def test_an_anonymised_request_is_counted_once(world, network_a):
    """Anonymisation writes the facts and deletes the request at once: the figures stay the same."""
    before = reach_year(network=network_a, year=YEAR)
    SupportRequest.objects.filter(pk=world["live"][0].pk).update(closed_at=_at(YEAR, 3, 20))
    assert requests_anonymise(now=timezone.now() + dt.timedelta(days=800)) == 11  # every live one, by now
    assert not SupportRequest.objects.exists()
    assert RequestFacts.objects.filter(month=MARCH).count() == 13
    after = reach_year(network=network_a, year=YEAR)
    for key in ("questions", "questions-domain", "questions-age", "questions-outcome", "questions-days"):
        assert after.table(key).cells == before.table(key).cells, key
    assert after.table("questions").total == 29


def test_referrals_by_status_and_organisation_with_those_of_anonymised_questions(
    world, network_a, partner_a, partner_a2
):
    reach = reach_year(network=network_a, year=YEAR)
    referrals = reach.table("referrals")
    assert _row(referrals, "mrt") == (11, 13)  # 6 live, 7 of anonymised questions; 11 the year before
    assert referrals.column_totals == (11, 18)
    status = reach.table("referrals-status")
    assert status.labels == ("geweigerd", "afgerond") and status.cells == ((6, 5), (5, 13))
    organization = reach.table("referrals-organization")
    assert set(organization.labels) == {partner_a.name, partner_a2.name, "niet meer bekend (geanonimiseerd)"}
    assert organization.column_totals == (11, 18)


def test_activities_count_held_sessions_and_people_present(world, network_a):
    reach = reach_year(network=network_a, year=YEAR)
    # Sessions are not people: not suppressed; last year had none, so its column is left out (no flat zeros).
    assert reach.table("sessions").column_totals == (2,)
    assert reach.table("sessions").columns == (str(YEAR),)
    assert _row(reach.table("attendance"), "jun") == (20,)  # the cancelled session does not count
    assert reach.table("attendance").columns == (str(YEAR),)
    pillars = reach.table("attendance-pillar")
    assert _row(pillars, "Groepsaanbod: infoavonden, workshops en oudergroepen") == (12,)
    assert _row(pillars, "Opvoedadvies") == (8,)
    assert _row(reach.table("attendance-house"), "Huis Centrum") == (12,)
    assert _row(reach.table("sessions-kind"), "oudergroep") == (1,)


def test_wegwijzer_use_and_only_words_searched_three_times(world, network_a):
    reach = reach_year(network=network_a, year=YEAR)
    assert _row(reach.table("searches"), "mrt") == (800, 1000)
    assert reach.table("service-views").column_totals == (70,)  # no views counted last year: no column
    assert reach.table("top-services").labels == ("Consultatie A", "Opvoedingswinkel A2")
    words = reach.table("zero-result-words")
    assert words.labels == ("nachtopvang",) and words.cells == ((4,),)  # "zeldzaam woord" only twice
    assert reach.table("zero-results").column_totals == (6,)


def test_a_partner_gets_only_its_own_organisations_figures(world, network_a, partner_a):
    reach = reach_year(network=network_a, year=YEAR, organization=partner_a)
    keys = {t.key for t in reach.tables}
    assert not keys & {"questions", "questions-domain", "searches", "zero-results", "zero-result-words"}
    assert "referrals-organization" not in keys
    assert _row(reach.table("referrals"), "mrt") == (6,)  # the year before is empty: left out, and said so
    assert reach.table("referrals").column_totals == (6,)
    assert f"Geen cijfers voor {BEFORE}" in reach.table("referrals").summary()
    assert reach.table("top-services").labels == ("Consultatie A",)
    assert reach.table("attendance").column_totals == (12,)


def test_no_total_gives_a_hidden_count_away(world, network_a):
    for table in reach_year(network=network_a, year=YEAR).tables:
        if not table.people:
            continue
        grid = [[*row, total] for row, total in zip(table.cells, table.row_totals, strict=True)]
        grid.append([*table.column_totals, table.total])
        for line in [*grid, *zip(*grid, strict=True)]:
            assert sum(value == HIDDEN for value in line) != 1, table.key


def test_only_the_sections_asked_for_are_counted(world, network_a, partner_a):
    reach = reach_year(network=network_a, year=YEAR, sections=["referrals"])
    assert set(reach.sections) == {"referrals"}
    assert {t.key for t in reach.tables} == {"referrals", "referrals-status", "referrals-organization"}
    assert (
        reach.table("referrals").column_totals
        == reach_year(network=network_a, year=YEAR).table("referrals").column_totals
    )
    # families' questions are the network's figures: not for a partner, even when asked for
    assert (
        reach_year(network=network_a, year=YEAR, organization=partner_a, sections=["questions"]).tables == ()
    )


def test_the_most_viewed_services_rank_by_this_years_views_then_last_years(world, network_a, partner_a):
    for n in range(20):
        service = ServiceFactory(organization=partner_a, name=f"Dienst {n:02d}")
        MonthlyUse.objects.create(
            network=network_a, month=MARCH, kind="service_view", service=service, count=35
        )
        MonthlyUse.objects.create(
            network=network_a, month=dt.date(BEFORE, 5, 1), kind="service_view", service=service, count=n
        )
    MonthlyUse.objects.create(  # viewed only last year: not among this year's most viewed
        network=network_a, month=dt.date(BEFORE, 5, 1), kind="service_view",
        service=ServiceFactory(organization=partner_a, name="Oud"), count=500,
    )  # fmt: skip
    top = reach_year(network=network_a, year=YEAR, sections=["wegwijzer"]).table("top-services")
    assert top.labels[0] == "Consultatie A"  # 40 this year
    assert top.labels[1:] == tuple(f"Dienst {n:02d}" for n in range(19, 5, -1))  # 35 each, then last year's
    assert top.cells[1] == (19, 35) and len(top.labels) == 15


def test_the_start_pages_year_totals_are_the_reach_tables_own(world, network_a, partner_a, partner_a2):
    # a question sent at 23:30 UTC on the last day of March is an April question in Brussels
    request, _token = make_request(network_a)
    SupportRequest.objects.filter(pk=request.pk).update(
        created_at=dt.datetime(YEAR, 3, 31, 23, 30, tzinfo=dt.UTC)
    )
    for year in (YEAR, YEAR + 1):
        full = reach_year(network=network_a, year=year).table("questions")
        quick = year_totals(network=network_a, year=year)
        assert (quick.columns, quick.cells, quick.column_totals) == (
            full.columns,
            full.cells,
            full.column_totals,
        )
        for partner in (partner_a, partner_a2):
            full = reach_year(network=network_a, year=year, organization=partner).table("referrals")
            quick = year_totals(network=network_a, year=year, organization=partner)
            assert (quick.columns, quick.cells, quick.column_totals) == (
                full.columns, full.cells, full.column_totals,
            )  # fmt: skip
    quick = year_totals(network=network_a, year=YEAR)
    assert _row(quick, "mrt") == (11, 13) and _row(quick, "apr") == (HIDDEN, HIDDEN)  # April's 1 is hidden


def test_reach_costs_the_same_queries_however_much_there_is(
    world, network_a, partner_a, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        reach_year(network=network_a, year=YEAR)
    for n in range(30):  # more of everything, in more groups
        request, _token = make_request(network_a, ages=["3-6", "12-18"])
        Referral.objects.create(
            network=network_a, request=request, organization=partner_a, service_name="x", status="accepted"
        )
        service = ServiceFactory(organization=partner_a)
        MonthlyUse.objects.create(
            network=network_a, month=MARCH, kind="service_view", service=service, count=n + 1
        )
        RequestFacts.objects.create(
            network=network_a, month=dt.date(YEAR, 1 + n % 12, 1), source="professional", reason="erasure",
            area=AreaFactory(network=network_a),
        )  # fmt: skip
    with django_assert_max_num_queries(len(small.captured_queries)):
        reach_year(network=network_a, year=YEAR)
    assert len(small.captured_queries) <= 20


# --- the page and the CSV --------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", NETWORK_WIDE)
def test_the_network_sees_every_part_with_charts(persona, request, login, client, world):
    login(request.getfixturevalue(persona))
    url = reverse("insights:reach")
    bodies = {}
    for section in ("questions", "referrals", "activities", "wegwijzer"):
        response = client.get(url, {"year": YEAR, "section": section})
        assert response.status_code == 200
        bodies[section] = response.content.decode()
        for other in ("questions", "referrals", "activities", "wegwijzer"):  # a link to every section
            assert f"?year={YEAR}&amp;section={other}" in bodies[section]
        assert f'section={section}" aria-current="page"' in bodies[section]
    first = client.get(url, {"year": YEAR}).content.decode()  # the first section unless another is asked
    assert 'section=questions" aria-current="page"' in first and "Snelheid van het eerste contact" in first
    assert sum(body.count("<svg") for body in bodies.values()) >= 20
    assert "Snelheid van het eerste contact" in bodies["questions"]
    assert "Snelheid van het eerste contact" not in bodies["referrals"]
    assert (
        "1.000" in bodies["wegwijzer"]
        and "nachtopvang" in bodies["wegwijzer"]
        and "“< 5”" in bodies["questions"]
    )
    assert reverse("insights:reach-csv", args=["questions-domain"]) + f"?year={YEAR}" in bodies["questions"]
    assert "1.000" not in bodies["questions"]  # one section at a time


@pytest.mark.parametrize("persona", PARTNER_STAFF)
def test_partner_staff_see_their_own_organisations_figures_only(persona, request, login, client, world):
    login(request.getfixturevalue(persona))
    response = client.get(reverse("insights:reach"), {"year": YEAR})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Vragen van gezinnen" not in body and "nachtopvang" not in body and "1.000" not in body
    own, other = ("Consultatie A", "Opvoedingswinkel A2")
    if persona == "other_editor_a":
        own, other = other, own
    for section in ("referrals", "activities", "wegwijzer"):
        body += client.get(reverse("insights:reach"), {"year": YEAR, "section": section}).content.decode()
    assert own in body and other not in body
    assert "nachtopvang" not in body and "1.000" not in body
    asked = client.get(reverse("insights:reach"), {"year": YEAR, "section": "questions"})
    assert asked.status_code == 400 and "Vragen van gezinnen" not in asked.content.decode()
    csv_url = reverse("insights:reach-csv", args=["questions-domain"])
    assert client.get(csv_url, {"year": YEAR}).status_code == 404


@pytest.mark.parametrize("persona", ["intake_a"])
def test_intake_gets_a_404(persona, request, login, client, world):
    login(request.getfixturevalue(persona))
    assert client.get(reverse("insights:reach")).status_code == 404
    assert client.get(reverse("insights:reach-csv", args=["questions"])).status_code == 404


def test_network_b_sees_only_network_b(login, client, world, coordinator_b):
    login(coordinator_b)
    response = client.get(reverse("insights:reach"), {"year": YEAR})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Consultatie A" not in body and "nachtopvang" not in body and "1.000" not in body
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("insights:reach-csv", args=["searches"]), {"year": YEAR}).content.decode()
            )
        )
    )
    assert rows[0][1:] == [str(YEAR)]  # network B has no searches: this year's zeros, last year left out
    assert rows[3] == ["mrt", "0"]


def test_without_signing_in_reach_asks_for_a_login(client, world):
    for url in (reverse("insights:reach"), reverse("insights:reach-csv", args=["questions"])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_bad_year_says_what_is_wrong(login, client, world, coordinator_a):
    login(coordinator_a)
    for year in ("abc", "1999", str(timezone.localdate().year + 1)):
        response = client.get(reverse("insights:reach"), {"year": year})
        assert response.status_code == 400
        assert "Kies een jaar tussen" in response.content.decode()
        assert (
            client.get(reverse("insights:reach-csv", args=["questions"]), {"year": year}).status_code == 400
        )


def test_a_section_that_does_not_exist_says_which_there_are(login, client, world, coordinator_a):
    login(coordinator_a)
    response = client.get(reverse("insights:reach"), {"year": YEAR, "section": "geheim"})
    assert response.status_code == 400
    assert (
        "Kies een van deze onderdelen: Vragen van gezinnen, Doorverwijzingen, Activiteiten, Gebruik van de "
        "wegwijzer." in response.content.decode()
    )


def test_each_table_downloads_as_csv_with_the_suppressed_cells(login, client, world, coordinator_a):
    login(coordinator_a)
    response = client.get(reverse("insights:reach-csv", args=["questions-domain"]), {"year": YEAR})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == ["Levensdomein", str(BEFORE), str(YEAR), "Totaal"]
    assert ["Gezondheid", "5", "13", "18"] in rows
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("insights:reach-csv", args=["questions"]), {"year": YEAR}).content.decode()
            )
        )
    )
    assert ["mrt", "11", "13", "24"] in rows and ["mei", HIDDEN, HIDDEN, "5"] in rows
    reach = reach_year(network=world["health"].network, year=YEAR)
    for table in reach.tables:
        response = client.get(reverse("insights:reach-csv", args=[table.key]), {"year": YEAR})
        assert response.status_code == 200, table.key
        assert next(csv.reader(io.StringIO(response.content.decode()))) == table.headers
    assert client.get(reverse("insights:reach-csv", args=["nothing"]), {"year": YEAR}).status_code == 404


def test_the_drawn_figures_kept_for_a_while_are_never_shared_between_networks_or_partners(
    client, login, world, coordinator_a, editor_a, other_editor_a, coordinator_b
):
    url = reverse("insights:reach")
    seen = {}
    for name, person in (
        ("a", coordinator_a),
        ("ed", editor_a),
        ("ed2", other_editor_a),
        ("b", coordinator_b),
    ):
        login(person)
        seen[name] = client.get(url, {"year": YEAR, "section": "wegwijzer"}).content.decode()
        client.logout()
    assert "Vragen van gezinnen" in seen["a"] and "Geteld om" in seen["a"]
    assert "Consultatie A" in seen["ed"] and "Opvoedingswinkel A2" not in seen["ed"]
    assert "Opvoedingswinkel A2" in seen["ed2"] and "Consultatie A" not in seen["ed2"]
    assert "Consultatie A" not in seen["b"] and "nachtopvang" not in seen["b"]
