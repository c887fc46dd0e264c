"""Writes for 'Meld het ons' reports: the visitor's report, then the coordinator's and partner's handling."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hvhk.accounts.access import holds_role, require_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url, is_local_path
from hvhk.core.lib.mail import send
from hvhk.core.models import Network
from hvhk.directory.models import Organization, Service
from hvhk.feedback.models import ErrorReport

MAX_REPLY = 2000
MAX_NOTE = 2000
CLOSED = frozenset({ErrorReport.Status.RESOLVED, ErrorReport.Status.REJECTED})
# A partner reports progress; rejecting a report, or opening it again as new, is the coordinator's call.
EDITOR_STATUSES = (ErrorReport.Status.IN_PROGRESS, ErrorReport.Status.RESOLVED)
COORDINATOR = (RoleAssignment.Role.COORDINATOR,)


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
# Each function checks who acts: the network's coordinator does everything; the editors of the partner a report
# is assigned to only move it on (EDITOR_STATUSES). resolution_note is the report's history: every step adds a
# dated line with its author, and never the reporter's address, because partners read it too.


def _is_assigned_editor(user: User, report: ErrorReport) -> bool:
    return report.assigned_organization_id is not None and holds_role(
        user,
        network=report.network_id,
        roles=(RoleAssignment.Role.EDITOR,),
        organization=report.assigned_organization_id,
    )


@transaction.atomic
def error_report_assign(*, report: ErrorReport, organization: Organization, acting_user: User) -> ErrorReport:
    """Hand the report to a partner of the same network (the coordinator's step), who then sees it."""
    require_role(acting_user, network=report.network_id, roles=COORDINATOR)
    if organization.network_id != report.network_id:
        raise ValidationError({"organization": _("Deze organisatie hoort bij een ander netwerk.")})
    report.assigned_organization = organization
    report.handled_by = acting_user
    _note(report, acting_user, _("Toegewezen aan {organization}.").format(organization=organization.name))
    return _save(report, "assigned_organization", "handled_by", "resolution_note")


@transaction.atomic
def error_report_status_set(
    *, report: ErrorReport, status: str, acting_user: User, note: str = ""
) -> ErrorReport:
    """Move the report on; closing it starts the clock for erasing the reporter's address, reopening stops it.
    The coordinator sets any status; the assigned partner's editors only EDITOR_STATUSES."""
    if not _is_assigned_editor(acting_user, report):
        require_role(acting_user, network=report.network_id, roles=COORDINATOR)
    elif status not in EDITOR_STATUSES and not holds_role(
        acting_user, network=report.network_id, roles=COORDINATOR
    ):
        raise ValidationError({"status": _("Kies een status uit de lijst.")})
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
    report.handled_by = acting_user
    line = _("Status: {old} → {new}.").format(old=old, new=report.get_status_display())
    _note(report, acting_user, f"{line}\n{note}" if note else line)
    return _save(report, "status", "closed_at", "handled_by", "resolution_note")


@transaction.atomic
def error_report_reply(*, report: ErrorReport, text: str, acting_user: User) -> ErrorReport:
    """E-mail the reporter an answer (sent after commit) and keep the answer in the report's history. Only the
    coordinator sees the reporter's address, so only the coordinator answers."""
    require_role(acting_user, network=report.network_id, roles=COORDINATOR)
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
    report.handled_by = acting_user
    _note(report, acting_user, _("Antwoord gemaild naar de melder:") + f"\n{text}")
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
