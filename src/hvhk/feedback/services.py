"""Writes for 'Meld het ons' reports: the visitor's report, then the coordinator's and partner's handling."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hvhk.accounts.models import User
from hvhk.core.lib.http import absolute_url, is_local_path
from hvhk.core.lib.mail import send
from hvhk.core.models import Network
from hvhk.directory.models import Organization, Service
from hvhk.feedback.models import ErrorReport

MAX_REPLY = 2000
MAX_NOTE = 2000
CLOSED = frozenset({ErrorReport.Status.RESOLVED, ErrorReport.Status.REJECTED})


@transaction.atomic
def error_report_create(
    *,
    network: Network,
    page_url: str,
    message: str,
    topic: str = ErrorReport.Topic.WRONG,
    page_title: str = "",
    reporter_email: str = "",
    language: str = "nl",
    service: Service | None = None,
) -> ErrorReport:
    report = ErrorReport(
        network=network,
        page_url=page_url,
        page_title=page_title,
        topic=topic,
        message=message,
        reporter_email=reporter_email,
        language=language,
        service=service,
    )
    report.full_clean()
    report.save()
    return report


# --- handling in the portal --------------------------------------------------------------------------------------
# Who may call these (coordinator, or the partner the report is assigned to) is checked by the portal view;
# the functions check what holds for everyone. resolution_note is the report's history: every step adds a
# dated line with its author, and never the reporter's address, because partners read it too.


@transaction.atomic
def assign(report: ErrorReport, *, organization: Organization, by: User) -> ErrorReport:
    """Hand the report to a partner of the same network, who then sees it in their portal."""
    if organization.network_id != report.network_id:
        raise ValidationError({"organization": _("Deze organisatie hoort bij een ander netwerk.")})
    report.assigned_organization = organization
    report.handled_by = by
    _note(report, by, _("Toegewezen aan {organization}.").format(organization=organization.name))
    return _save(report, "assigned_organization", "handled_by", "resolution_note")


@transaction.atomic
def set_status(report: ErrorReport, *, status: str, by: User, note: str = "") -> ErrorReport:
    """Move the report on; closing it starts the clock for erasing the reporter's address, reopening stops it."""
    if status not in ErrorReport.Status.values:
        raise ValidationError({"status": _("Kies een status uit de lijst.")})
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": _("Je notitie is te lang: hoogstens {n} tekens.").format(n=MAX_NOTE)})
    if status == report.status and not note:
        raise ValidationError({"status": _("De melding heeft die status al. Kies een andere status.")})
    old = report.get_status_display()
    report.status = status
    if status in CLOSED:
        report.closed_at = report.closed_at or timezone.now()
    else:
        report.closed_at = None
    report.handled_by = by
    line = _("Status: {old} → {new}.").format(old=old, new=report.get_status_display())
    _note(report, by, f"{line}\n{note}" if note else line)
    return _save(report, "status", "closed_at", "handled_by", "resolution_note")


@transaction.atomic
def reply(report: ErrorReport, *, text: str, by: User) -> ErrorReport:
    """E-mail the reporter an answer (sent after commit) and keep the answer in the report's history."""
    text = text.strip()
    if not report.reporter_email:
        raise ValidationError({"text": _("De melder liet geen e-mailadres achter.")})
    if not text:
        raise ValidationError({"text": _("Schrijf een antwoord.")})
    if len(text) > MAX_REPLY:
        raise ValidationError(
            {"text": _("Je antwoord is te lang: hoogstens {n} tekens.").format(n=MAX_REPLY)}
        )
    if report.status == ErrorReport.Status.NEW:
        report.status = ErrorReport.Status.IN_PROGRESS
    report.handled_by = by
    _note(report, by, _("Antwoord gemaild naar de melder:") + f"\n{text}")
    _save(report, "status", "handled_by", "resolution_note")
    transaction.on_commit(lambda: _mail_reply(report, text))
    return report


def _note(report: ErrorReport, by: User, text: str) -> None:
    stamp = timezone.localtime().strftime("%d-%m-%Y %H:%M")
    entry = f"[{stamp}, {by}] {text}"
    report.resolution_note = f"{report.resolution_note}\n\n{entry}" if report.resolution_note else entry


def _save(report: ErrorReport, *fields: str) -> ErrorReport:
    report.full_clean()
    report.save(update_fields=[*fields, "updated_at"])
    return report


def _mail_reply(report: ErrorReport, text: str) -> None:
    # In the language the visitor wrote in, as far as the platform speaks it.
    with translation.override(report.language or settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "text": text,
            "page": absolute_url(report.page_url) if is_local_path(report.page_url) else "",
            "network": report.network,
        }
        subject = _("Antwoord op je melding aan {network}").format(network=report.network.name)
        body = render_to_string("feedback/mail/reply.txt", context)
    send(subject, body, [report.reporter_email])


def reporter_emails_erase(*, now=None) -> int:
    """Erase reporters' e-mail addresses REPORTER_EMAIL_RETENTION_DAYS after their report was closed.

    The address is there only to answer; once the report is closed and the time to answer has passed, it goes.
    """
    from hvhk.feedback.models import REPORTER_EMAIL_RETENTION_DAYS

    limit = (now or timezone.now()) - dt.timedelta(days=REPORTER_EMAIL_RETENTION_DAYS)
    stale = ErrorReport.objects.filter(closed_at__lt=limit).exclude(reporter_email="")
    return stale.update(reporter_email="")
