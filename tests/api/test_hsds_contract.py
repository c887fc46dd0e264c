"""schemathesis generates requests from the API's own openapi.json and checks every answer against it.

The suite runs the same cases every time (hypothesis profile "ci" in tests/conftest.py: CI must not depend on
luck); `pytest tests/api/test_hsds_contract.py --hypothesis-profile=explore` draws 500 fresh ones per endpoint.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from hvhk.api.hsds import api, network_openapi
from hvhk.core.models import Network
from hvhk.demo.files import DemoFiles
from hvhk.wsgi import application

# Leuven's openapi.json as the API serves it for the demo data (built here: collection has no database).
schema = schemathesis.openapi.from_dict(
    network_openapi(Network(slug="leuven"), areas=sorted(DemoFiles("leuven").ids.areas))
)


@pytest.fixture(autouse=True)
def _unthrottled(monkeypatch):
    """Hundreds of generated requests in a few seconds: keep the per-client limit out of this test."""
    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 1_000_000)
    cache.clear()


@pytest.fixture(autouse=True)
def _the_test_keeps_its_connection():
    """The WSGI application, called directly, closes the database connection at each request's start and end
    (close_old_connections); on PostgreSQL that closes the test's own transaction. Django's test client
    disconnects the same two handlers for the same reason."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_served_description_is_the_one_tested(client, demo):
    assert client.get("/leuven/api/hsds/openapi.json").json() == schema.raw_schema


@pytest.mark.django_db
@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_to_its_openapi_description(case, demo):
    case.call_and_validate(app=application)
