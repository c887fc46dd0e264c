"""Factories for activities and their sessions and registrations (the export's tests), and UiTdatabank's event
schema as a validator (test data from settings.UITDATABANK_SCHEMAS_DIR; tests skip without it)."""

import datetime as dt
import json
import secrets
from functools import cache
from pathlib import Path

import factory
import pytest
from django.conf import settings
from django.utils import timezone
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from hvhk.activities.models import Activity, Registration, Session
from hvhk.core.lib.tokens import token_hash
from tests.directory.factories import LocationFactory, ServiceFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    service = factory.SubFactory(ServiceFactory)
    network = factory.SelfAttribute("service.network")
    location = factory.SubFactory(
        LocationFactory,
        organization=factory.SelfAttribute("..service.organization"),
        uitdatabank_place_id=factory.Sequence(
            lambda n: f"https://io.uitdatabank.be/place/5cf42d51-3a4f-46f0-a8af-{n:012d}"
        ),
    )
    title = factory.Sequence(lambda n: f"Infoavond {n}")
    description = "Een avond met uitleg en tijd voor vragen."
    kind = Activity.Kind.INFO_EVENING
    languages = factory.LazyFunction(lambda: ["nl"])
    status = Activity.Status.PUBLISHED
    capacity = 12
    contact_email = "info@partner.example.org"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    network = factory.SelfAttribute("activity.network")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    session = factory.SubFactory(SessionFactory)
    activity = factory.SelfAttribute("session.activity")
    network = factory.SelfAttribute("activity.network")
    name = factory.Sequence(lambda n: f"Familie Test {n}")
    email = factory.Sequence(lambda n: f"gezin{n}@example.org")
    status = Registration.Status.CONFIRMED
    token_hash = factory.LazyFunction(lambda: token_hash(secrets.token_urlsafe(24)))


# --- UiTdatabank's schema --------------------------------------------------------------------------------------

SCHEMAS = Path(settings.UITDATABANK_SCHEMAS_DIR)
needs_schemas = pytest.mark.skipif(
    not (SCHEMAS / "event.json").is_file(),
    reason=f"UiTdatabank schemas not found under {SCHEMAS} (set HVHK_UITDATABANK_SCHEMAS).",
)


@cache
def event_validator() -> Draft7Validator:
    """`event.json` (Draft 7) with its relative $refs read from the same folder."""

    def retrieve(uri: str) -> Resource:
        return Resource.from_contents(json.loads((SCHEMAS / uri.rsplit("/", 1)[-1]).read_text()), DRAFT7)

    root = json.loads((SCHEMAS / "event.json").read_text())
    root["$id"] = "file:///models/event.json"
    return Draft7Validator(
        root, registry=Registry(retrieve=retrieve), format_checker=Draft7Validator.FORMAT_CHECKER
    )


def schema_errors(event: dict) -> list[str]:
    """Every schema error of `event`, plus dates that are not ISO 8601 with an offset (jsonschema checks the
    date-time format only with an extra package)."""
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in event_validator().iter_errors(event)
    ]
    for sub in event.get("subEvent", []):
        for key in ("startDate", "endDate"):
            value = dt.datetime.fromisoformat(sub[key])
            if value.utcoffset() is None:
                errors.append(f"subEvent/{key}: {sub[key]} has no offset")
    return errors
