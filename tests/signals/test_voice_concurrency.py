"""Two parents take the last place of a call at the same moment: exactly one gets it. Two real database
connections (threads) on PostgreSQL; SQLite's in-memory test database cannot make a second connection wait for
the first's lock (SQLite itself lets one writer in at a time)."""

import threading
import time
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from hvhk.signals.models import CallSignup
from hvhk.signals.services import voice as services
from tests.signals.factories import ParticipationCallFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_parents_taking_the_last_place_at_once_one_gets_it(network_a):
    if connection.vendor != "postgresql":
        pytest.skip("needs two connections waiting on a row lock (PostgreSQL)")
    call = ParticipationCallFactory(network=network_a, capacity=1)
    start = threading.Barrier(2)
    counted, results, errors = [], [], []
    real_taken = services._taken

    def slow_taken(locked_call):
        """Count, then dawdle while holding the lock: without it, the other parent would count the same place."""
        taken = real_taken(locked_call)
        counted.append(taken)
        time.sleep(0.5)
        return taken

    def parent(name: str) -> None:
        try:
            start.wait(timeout=10)
            services.call_signup(call=call, name=name, phone="0470 12 34 56")
            results.append("in")
        except ValidationError:
            results.append("full")
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    with mock.patch.object(services, "_taken", side_effect=slow_taken):
        threads = [threading.Thread(target=parent, args=(name,)) for name in ("Ouder A", "Ouder B")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert not errors, errors
    assert sorted(results) == ["full", "in"]
    assert sorted(counted) == [0, 1]  # the second one counted after the first had committed
    assert CallSignup.objects.filter(call=call).count() == 1
