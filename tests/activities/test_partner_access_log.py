"""The coordinator's access log of registrations: who viewed, exported, marked or cancelled what, newest first,
paged, optionally for one activity."""

import datetime as dt

import pytest
from django.utils import timezone

from hvhk.activities.models import RegistrationAccess
from tests.activities.factories_partner import ActivityFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db
URL = "/portal/activities/access-log/"


def _entry(network, activity, n, action=RegistrationAccess.Action.VIEW):
    entry = RegistrationAccess.objects.create(
        network=network,
        user=None,
        user_label=f"persoon{n}@partner.example",
        activity_id_value=activity.pk,
        activity_title=activity.title,
        action=action,
        detail=f"detail {n}",
    )
    RegistrationAccess.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=100 - n)
    )
    return entry


def test_newest_first_and_paged(client, network_a, service_a, coordinator_a):
    activity = ActivityFactory(service=service_a, title="Babymassage")
    for n in range(55):
        _entry(network_a, activity, n)
    client.force_login(coordinator_a)

    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": 2}).content.decode()

    assert first.index("persoon54@") < first.index("persoon53@")
    assert "persoon5@" in first and "persoon4@" not in first  # 50 a page
    assert "persoon4@" in second and "persoon0@" in second
    assert "Pagina 2 van 2" in second


def test_what_the_pages_wrote_shows_up(client, network_a, service_a, coordinator_a, editor_a):
    activity = ActivityFactory(service=service_a, title="Babymassage")
    RegistrationFactory(session=SessionFactory(activity=activity))
    client.force_login(editor_a)
    client.get(f"/portal/activities/{activity.pk}/registrations/")
    client.get(f"/portal/activities/{activity.pk}/registrations.csv")
    client.force_login(coordinator_a)

    body = client.get(URL).content.decode()

    assert "editor@a.example" in body
    assert body.index("geëxporteerd (CSV)") < body.index("lijst bekeken")
    assert f"/portal/activities/{activity.pk}/registrations/" in body


def test_one_activity_only(client, network_a, service_a, coordinator_a):
    shown, hidden = (
        ActivityFactory(service=service_a, title="Toon"),
        ActivityFactory(service=service_a, title="Verberg"),
    )
    _entry(network_a, shown, 1)
    _entry(network_a, hidden, 2)
    client.force_login(coordinator_a)

    body = client.get(URL, {"activity": str(shown.pk)}).content.decode()

    assert "persoon1@" in body and "persoon2@" not in body
    assert "persoon2@" in client.get(URL, {"activity": "geen-uuid"}).content.decode()
