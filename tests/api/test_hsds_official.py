"""schemathesis, driven by the official HSDS 3.0 OpenAPI (settings.HSDS_SCHEMAS_DIR), checks every answer of a
network's API against the standard: its schemas and its documented status codes (an id that does not exist,
whatever its form, is 404). The same run as `../shared/checks/run hsds-official`, inside the suite.

The official description documents only `200` for every operation, not even the `404` of an unknown id, so
schemathesis' own status-code check would fail any API that answers an unknown id honestly. It is replaced here
by one that holds the API to the standard's codes plus that one: a valid request gets 200, or 404 when it
names a record that does not exist. (A request the standard calls invalid must still be refused with a 4xx:
schemathesis' negative_data_rejection.)

The official description refers to its schemas by their GitHub addresses; they are read from the local copy,
so the run needs no network. Without the official files the test is skipped (CI has them). Derandomized and
bounded (the "ci" hypothesis profile of tests/conftest.py, at most 25 cases per operation).
"""

import json
from pathlib import Path

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core import signals
from django.core.cache import cache
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import status_code_conformance

from hvhk.api.hsds import api
from hvhk.wsgi import application

REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OFFICIAL = Path(django_settings.HSDS_SCHEMAS_DIR) / "schema"


def _official_schema():
    source = OFFICIAL / "openapi.json"
    if not source.is_file():
        return None
    # Remote $refs pointed at the local files (as the outside check does), read as a file so that the
    # schemas' own relative $refs resolve next to them.
    text = source.read_text().replace(REMOTE, OFFICIAL.as_uri() + "/")
    raw = json.loads(text)
    raw["servers"] = [{"url": "/leuven/api/hsds"}]
    return schemathesis.openapi.from_dict(raw)


def documented_status_or_404_for_a_record(ctx, response, case) -> None:
    """A valid request gets the only status the standard documents (200), or 404 for a record by id."""
    if case.meta is not None and case.meta.generation.mode.is_negative:
        return  # invalid input: negative_data_rejection wants a 4xx
    allowed = {200, 404} if case.operation.path.endswith("{id}") else {200}
    assert response.status_code in allowed, (
        f"{case.method} {case.formatted_path}: {response.status_code}, the standard documents {sorted(allowed)}"
    )


schema = _official_schema()
needs_schema = pytest.mark.skipif(
    schema is None,
    reason=f"Official HSDS OpenAPI not found under {OFFICIAL} (set HVHK_HSDS_SCHEMAS); CI sets it.",
)


@pytest.fixture(autouse=True)
def _unthrottled(monkeypatch):
    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 1_000_000)
    cache.clear()


@pytest.fixture(autouse=True)
def _the_test_keeps_its_connection():
    """See tests/api/test_hsds_contract.py: the WSGI application would close the test's transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


if schema is not None:

    @needs_schema
    @pytest.mark.django_db
    @schema.parametrize()
    @settings(deadline=None, max_examples=25, derandomize=True, suppress_health_check=list(HealthCheck))
    def test_the_api_keeps_to_the_official_hsds_openapi(case, demo):
        case.call_and_validate(
            app=application,
            excluded_checks=[status_code_conformance],
            additional_checks=[documented_status_or_404_for_a_record],
        )

else:

    @needs_schema
    def test_the_api_keeps_to_the_official_hsds_openapi():
        pass
