"""The CSV download: UTF-8 with BOM and `;` so Excel in Belgium opens it, one row per registration, formulas
neutralised, anonymised rows without personal data, a filename with the activity and the date, and an EXPORT
row in the access log (and nothing else changed)."""

import csv
import io

import pytest
from django.utils import timezone

from hvhk.accounts.models import RoleAssignment
from hvhk.activities.models import Activity, Registration, RegistrationAccess
from tests.activities.factories_partner import (
    ActivityFactory,
    RegistrationFactory,
    SessionFactory,
    anonymised,
    in_days,
    person,
    waiting,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(network_a, partner_a):
    return person(network_a, RoleAssignment.Role.MEMBER, partner_a)


def _download(client, activity, query=""):
    response = client.get(f"/portal/activities/{activity.pk}/registrations.csv{query}")
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    return response, text, list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_excel_in_belgium_opens_it(client, service_a, member):
    activity = ActivityFactory(service=service_a, title="Babymassage & co")
    session = SessionFactory(activity=activity, starts_at=in_days(7, hour=10))
    RegistrationFactory(session=session, name="Émile Dupré", remark="Kinderwagen; twee kinderen")
    client.force_login(member)

    response, text, rows = _download(client, activity)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert text.startswith("\ufeff")
    assert rows[0][:5] == ["datum", "uur", "status", "plaats op de wachtlijst", "naam"]
    assert len(rows[0]) == 13
    start = timezone.localtime(session.starts_at)
    assert rows[1][0:5] == [start.strftime("%Y-%m-%d"), "10:00", "ingeschreven", "", "Émile Dupré"]
    assert rows[1][10] == "Kinderwagen; twee kinderen"  # the separator inside a cell is quoted
    today = timezone.localdate().isoformat()
    assert (
        response["Content-Disposition"] == f'attachment; filename="inschrijvingen-babymassage-co-{today}.csv"'
    )


def test_one_row_per_registration_with_the_waiting_list_position(client, service_a, member):
    activity = ActivityFactory(service=service_a)
    early, late = (
        SessionFactory(activity=activity, starts_at=in_days(3)),
        SessionFactory(activity=activity, starts_at=in_days(10)),
    )
    RegistrationFactory(session=late, name="Laat")
    RegistrationFactory(session=early, name="Vroeg")
    waiting(early, name="Wacht Een")
    waiting(early, name="Wacht Twee")
    RegistrationFactory(session=early, name="Weg", status=Registration.Status.CANCELLED)
    client.force_login(member)

    _response, _text, rows = _download(client, activity)

    assert [(r[4], r[2], r[3]) for r in rows[1:]] == [
        ("Vroeg", "ingeschreven", ""),
        ("Wacht Een", "op de wachtlijst", "1"),
        ("Wacht Twee", "op de wachtlijst", "2"),
        ("Weg", "geannuleerd", ""),
        ("Laat", "ingeschreven", ""),
    ]
    _response, _text, only_late = _download(client, activity, f"?session={late.pk}")
    assert [r[4] for r in only_late[1:]] == ["Laat"]


def test_cells_that_look_like_formulas_are_neutralised(client, service_a, member):
    activity = ActivityFactory(service=service_a)
    session = SessionFactory(activity=activity)
    RegistrationFactory(
        session=session,
        name='=HYPERLINK("https://evil.example","klik")',
        phone="+32 470 12 34 56",
        children_ages="-1+1",
        remark="@SUM(A1:A9)",
    )
    RegistrationFactory(session=session, name="\tTab", remark="\rCR")
    client.force_login(member)

    _response, _text, rows = _download(client, activity)

    first, second = rows[1], rows[2]
    assert first[4] == '\'=HYPERLINK("https://evil.example","klik")'
    assert first[6] == "'+32 470 12 34 56"
    assert first[9] == "'-1+1"
    assert first[10] == "'@SUM(A1:A9)"
    assert second[4] == "'\tTab"
    assert second[10] == "'\rCR"


def test_anonymised_rows_keep_only_their_counts(client, service_a, member):
    activity = ActivityFactory(service=service_a)
    anonymised(SessionFactory(activity=activity), adults=2, children=1)
    client.force_login(member)

    _response, _text, rows = _download(client, activity)

    assert rows[1][4:11] == ["(geanonimiseerd)", "", "", "2", "1", "", ""]


def test_a_series_says_it_is_the_whole_series(client, service_a, member):
    activity = ActivityFactory(service=service_a, schedule=Activity.Schedule.SERIES)
    SessionFactory(activity=activity)
    RegistrationFactory(session=None, activity=activity, name="Reeks")
    client.force_login(member)

    _response, _text, rows = _download(client, activity)

    assert rows[1][:2] == ["hele reeks", ""]


def test_the_download_is_logged_and_changes_nothing_else(client, service_a, member):
    activity = ActivityFactory(service=service_a)
    registration = RegistrationFactory(session=SessionFactory(activity=activity))
    before = Registration.objects.get(pk=registration.pk).updated_at
    client.force_login(member)

    _download(client, activity)

    (entry,) = RegistrationAccess.objects.all()
    assert (entry.action, entry.user, entry.activity_id_value) == (
        RegistrationAccess.Action.EXPORT,
        member,
        activity.pk,
    )
    assert entry.detail == "1 inschrijvingen, alle momenten"
    assert Registration.objects.get(pk=registration.pk).updated_at == before
    assert client.post(f"/portal/activities/{activity.pk}/registrations.csv").status_code == 405
