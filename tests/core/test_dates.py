"""Dates read as the interface language writes them: Belgian Dutch ("4 december 2026 14:03") by default, and in
English, French, Turkish and Arabic their own format, never a fixed English month or an ISO date."""

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

import hvhk
from hvhk.accounts.models import RoleAssignment
from hvhk.referrals.models import SupportRequest
from tests.accounts.factories import RoleFactory, UserFactory
from tests.conftest import with_two_factor
from tests.referrals.factories import make_request

SRC = Path(hvhk.__file__).parent
# A named format follows the active language (conf/locale/<lang>/formats.py); "U" is a timestamp and "c" the ISO
# 8601 of a <time datetime="…"> attribute: machine-readable, not shown.
NAMED = {"DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT", "U", "c"}


def test_every_template_formats_dates_with_a_named_format():
    fixed = []
    for path in [*SRC.rglob("templates/**/*.html"), *SRC.rglob("templates/**/*.txt")]:
        for match in re.finditer(r"\|date:[\"']([^\"']*)[\"']", path.read_text()):
            if match.group(1) not in NAMED:
                fixed.append(f"{path.relative_to(SRC)}: {match.group(0)}")
    assert fixed == []


@pytest.fixture
def intake(network_a):
    user = UserFactory(email="intake@a.example")
    RoleFactory(user=user, network=network_a, role=RoleAssignment.Role.INTAKE)
    return with_two_factor(user)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "4 december 2026 14:03"),
        ("en", "Dec. 4, 2026, 2:03 p.m."),
        ("fr", "4 décembre 2026 14:03"),
    ],
)
def test_the_intake_queue_shows_dates_in_the_interface_language(
    client, network_a, intake, language, expected
):
    request, _ = make_request(network_a)
    at = dt.datetime(2026, 12, 4, 14, 3, tzinfo=ZoneInfo("Europe/Brussels"))
    SupportRequest.objects.filter(pk=request.pk).update(created_at=at)
    client.force_login(intake)

    with translation.override("nl"):  # the request activates `language` in this thread; put Dutch back after
        body = client.get("/portal/requests/", headers={"accept-language": language}).content.decode()

    assert expected in body
    assert "2026-12-04" not in body and "4 Dec 2026" not in body and "4 dec 2026" not in body
