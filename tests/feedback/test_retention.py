"""Reporters' e-mail addresses go once they are no longer needed to answer."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from hvhk.feedback.models import REPORTER_EMAIL_RETENTION_DAYS, ErrorReport

pytestmark = pytest.mark.django_db


def _report(network, *, closed_days_ago=None, email="ouder@example.org") -> ErrorReport:
    closed = timezone.now() - dt.timedelta(days=closed_days_ago) if closed_days_ago is not None else None
    return ErrorReport.objects.create(
        network=network, page_url="/x/", message="Fout adres", reporter_email=email, closed_at=closed
    )


def test_addresses_of_long_closed_reports_are_erased_and_the_rest_kept(network_a):
    old = _report(network_a, closed_days_ago=REPORTER_EMAIL_RETENTION_DAYS + 1)
    recent = _report(network_a, closed_days_ago=REPORTER_EMAIL_RETENTION_DAYS - 1)
    still_open = _report(network_a)
    out = StringIO()

    call_command("retention", stdout=out)

    for report in (old, recent, still_open):
        report.refresh_from_db()
    assert old.reporter_email == "" and old.message == "Fout adres"
    assert recent.reporter_email and still_open.reporter_email
    assert "1 reporter e-mail addresses erased" in out.getvalue()
