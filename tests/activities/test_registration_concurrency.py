"""Two families take the last place at the same moment: exactly one gets it, the other lands on the waiting
list. Two real database connections (threads) on PostgreSQL; SQLite's test database lives in memory, where a
second connection cannot wait for the first's lock, so the test runs on PostgreSQL only (SQLite itself lets one
writer in at a time through its IMMEDIATE transactions)."""

import threading
import time
from unittest import mock

import pytest
from django.db import connection, connections

from hvhk.activities.models import Activity, Registration
from hvhk.activities.services import registrations as services
from tests.activities.factories_registration import register, session_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs two connections waiting on a row lock (PostgreSQL)")


def test_two_families_taking_the_last_place_at_once_one_gets_it_the_other_waits(postgresql_only, network_a):
    session = session_for(network_a, capacity=2, places_per=Activity.PlacesPer.FAMILY)
    register(session.activity, session=session, name="Al ingeschreven")
    start = threading.Barrier(2)
    counted = []
    real_availability = services._availability

    def slow_availability(activity, slot):
        """Count, then dawdle while holding the lock: without it, the other family would count the same place."""
        places = real_availability(activity, slot)
        counted.append(places.left)
        time.sleep(0.5)
        return places

    results, errors = {}, []

    def family(name: str) -> None:
        try:
            start.wait(timeout=10)
            registration, _token = register(session.activity, session=session, name=name)
            results[name] = registration.status
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    with mock.patch.object(services, "_availability", side_effect=slow_availability):
        threads = [threading.Thread(target=family, args=(name,)) for name in ("Ouder A", "Ouder B")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert not errors, errors
    assert sorted(results.values()) == [Registration.Status.CONFIRMED, Registration.Status.WAITING]
    assert sorted(counted) == [0, 1]  # the second one counted after the first had committed
    stored = Registration.objects.filter(session=session)
    assert stored.filter(status=Registration.Status.CONFIRMED).count() == 2
    assert stored.filter(status=Registration.Status.WAITING).count() == 1


def test_two_cancellations_at_once_offer_each_freed_place_once(postgresql_only, network_a):
    session = session_for(network_a, capacity=2, places_per=Activity.PlacesPer.FAMILY)
    a, _ = register(session.activity, session=session)
    b, _ = register(session.activity, session=session)
    waiting = [register(session.activity, session=session)[0] for _ in range(3)]
    start = threading.Barrier(2)
    errors = []

    def cancel(registration) -> None:
        try:
            start.wait(timeout=10)
            services.registration_cancel(registration=registration)
        except Exception as error:  # pragma: no cover
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cancel, args=(r,)) for r in (a, b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not errors, errors
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [Registration.Status.OFFERED, Registration.Status.OFFERED, Registration.Status.WAITING]
