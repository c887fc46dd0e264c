"""The annual report's chapter on working together: volunteers (active, new, stopped, hours, roles; a count of
people under five reads "< 5"; erased volunteers still count, without a name) and the joint applications that count
in the year, with their outcome and amounts; nothing of another network."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from hvhk.insights.selectors.report import CHAPTERS, working_together_chapter
from hvhk.projects.models import Application, ApplicationPartner
from hvhk.volunteers.models import Volunteer, VolunteerHours
from hvhk.volunteers.services import volunteer_erase
from tests.projects.factories import ApplicationFactory, ApplicationPartnerFactory, CallFactory
from tests.volunteers.factories import PlacementFactory, VolunteerFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


def _volunteers(network, n: int, *, started: dt.date, hours: int = 0):
    people = []
    for _ in range(n):
        person = VolunteerFactory(network=network, status=Volunteer.Status.ACTIVE, started_on=started)
        PlacementFactory(volunteer=person, status="agreed", started_on=started)
        if hours:
            VolunteerHours.objects.create(network=network, volunteer=person, on=started, hours=Decimal(hours))
        people.append(person)
    return people


def test_the_chapter_counts_the_years_volunteers_and_their_hours(network_a, network_b, coordinator_a):
    people = _volunteers(network_a, 6, started=dt.date(YEAR, 2, 1), hours=3)
    _volunteers(network_a, 5, started=dt.date(YEAR - 1, 3, 1))
    _volunteers(network_b, 9, started=dt.date(YEAR, 2, 1), hours=40)  # another network's
    volunteer_erase(volunteer=people[0], acting_user=coordinator_a)  # erased: counted, not named

    chapter = working_together_chapter(network=network_a, year=YEAR)

    text = " ".join(chapter.paragraphs)
    # The erased one was active this year until today: still counted, as a number.
    assert f"In {YEAR} waren 11 vrijwilligers actief, 120 % meer dan in {YEAR - 1}, van wie 6 nieuw." in text
    assert "Samen gaven ze 18 uur, in 11 rollen" in text
    assert people[0].name not in text


def test_small_counts_of_volunteers_read_less_than_five(network_a):
    _volunteers(network_a, 3, started=dt.date(YEAR, 1, 10))
    text = " ".join(working_together_chapter(network=network_a, year=YEAR).paragraphs)
    assert "waren een verborgen aantal vrijwilligers actief" in text


def test_the_chapter_lists_the_years_applications_with_their_outcome(network_a, network_b, partner_a):
    call = CallFactory(network=network_a, funder="Koning Boudewijnstichting")
    granted = ApplicationFactory(
        call=call,
        title="Samen rond de geboorte",
        status=Application.Status.GRANTED,
        amount_asked=Decimal(40000),
        amount_granted=Decimal(32000),
        submitted_on=dt.date(YEAR, 1, 15),
        decided_on=dt.date(YEAR, 3, 1),
    )
    ApplicationPartnerFactory(application=granted, organization=partner_a, role=ApplicationPartner.Role.LEAD)
    ApplicationFactory(
        call=call,
        title="Vorig jaar ingediend",
        status=Application.Status.REFUSED,
        amount_asked=Decimal(9000),
        submitted_on=dt.date(YEAR - 1, 11, 1),
        decided_on=dt.date(YEAR, 1, 20),
    )
    ApplicationFactory(
        call=CallFactory(network=network_b), title="Van netwerk B", submitted_on=dt.date(YEAR, 2, 1)
    )

    chapter = working_together_chapter(network=network_a, year=YEAR)

    assert [row[0] for row in chapter.tables[0].rows] == ["Samen rond de geboorte"]
    row = chapter.tables[0].rows[0]
    assert row[1:4] == ["Koning Boudewijnstichting", partner_a.name, "goedgekeurd"]
    assert row[4:] == ["€\u00a040.000", "€\u00a032.000"]
    assert "Samen kreeg het netwerk €\u00a032.000." in " ".join(chapter.paragraphs)
    last_year = working_together_chapter(network=network_a, year=YEAR - 1)
    assert [row[0] for row in last_year.tables[0].rows] == ["Vorig jaar ingediend"]


def test_the_chapter_is_part_of_the_report():
    assert working_together_chapter in CHAPTERS
