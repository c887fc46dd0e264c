"""Moderation: save a proposed change as a draft, submit it, publish it or send it back."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.directory import models as m
from hvhk.directory.selectors import publishes_directly
from hvhk.portal import snapshots
from hvhk.portal.models import Draft

APPLY = {
    Draft.Kind.SERVICE: snapshots.apply_service_snapshot,
    Draft.Kind.ORGANIZATION: snapshots.apply_organization_snapshot,
    Draft.Kind.LOCATION: snapshots.apply_location_snapshot,
}
MODELS = {
    Draft.Kind.SERVICE: m.Service,
    Draft.Kind.ORGANIZATION: m.Organization,
    Draft.Kind.LOCATION: m.Location,
}


def open_draft(*, kind: str, target_id) -> Draft | None:
    if target_id is None:
        return None
    return Draft.objects.filter(kind=kind, target_id=target_id, status__in=Draft.OPEN).first()


@transaction.atomic
def propose(
    *,
    role: ActiveRole,
    user: User,
    kind: str,
    organization: m.Organization,
    data: dict,
    target=None,
    draft: Draft | None = None,
    submit: bool = False,
) -> Draft:
    """Keep `data` as the record's open draft; submitted, it is published at once where the role may.

    Returns the draft (published already when the role publishes directly).
    """
    draft = (
        draft
        or open_draft(kind=kind, target_id=target.pk if target else None)
        or Draft(
            network=role.network,
            kind=kind,
            organization=organization,
            target_id=target.pk if target else None,
        )
    )
    draft.data = data
    draft.title = (data.get("name") or str(target or ""))[:255]
    draft.author = user
    draft.status = Draft.Status.DRAFT
    draft.save()
    if submit:
        if publishes_directly(role=role, organization=organization):
            publish(draft=draft, by=user)
        else:
            draft.status = Draft.Status.SUBMITTED
            draft.submitted_at = timezone.now()
            draft.save(update_fields=["status", "submitted_at", "updated_at"])
            transaction.on_commit(lambda: _tell_coordinators(draft), robust=True)
    return draft


@transaction.atomic
def publish(*, draft: Draft, by: User):
    """Apply the draft to the published data (a new service is created) and close it."""
    model = MODELS[draft.kind]
    if draft.target_id:
        target = model.objects.for_network(draft.network).get(pk=draft.target_id)
    else:
        target = m.Service(network=draft.network, organization=draft.organization)
    target = APPLY[draft.kind](target, draft.data)
    if draft.kind == Draft.Kind.SERVICE:
        target.assured_date = timezone.localdate()  # a partner who sends in a change has checked the rest too
        target.assurer_email = (draft.author.email if draft.author else by.email)[:254]
        target.save(update_fields=["assured_date", "assurer_email", "updated_at"])
    draft.target_id = target.pk
    draft.status = Draft.Status.PUBLISHED
    draft.reviewed_by, draft.reviewed_at = by, timezone.now()
    draft.save()
    if draft.author and draft.author != by:
        transaction.on_commit(lambda: _tell_author(draft), robust=True)
    return target


@transaction.atomic
def send_back(*, draft: Draft, by: User, comment: str) -> Draft:
    draft.status = Draft.Status.RETURNED
    draft.review_comment = comment
    draft.reviewed_by, draft.reviewed_at = by, timezone.now()
    draft.save()
    if draft.author:
        transaction.on_commit(lambda: _tell_author(draft), robust=True)
    return draft


@transaction.atomic
def withdraw(*, draft: Draft) -> Draft:
    draft.status = Draft.Status.WITHDRAWN
    draft.save(update_fields=["status", "updated_at"])
    return draft


def confirm_current(*, service: m.Service, by_email: str) -> m.Service:
    """ "Still correct": the service was checked today (freshness)."""
    service.assured_date = timezone.localdate()
    service.assurer_email = by_email[:254]
    service.save(update_fields=["assured_date", "assurer_email", "updated_at"])
    return service


def overdue_before(today: dt.date | None = None) -> dt.date:
    """Services last checked before this date are overdue (settings.FRESHNESS_MONTHS, default 6)."""
    today = today or timezone.localdate()
    return today - dt.timedelta(days=round(settings.FRESHNESS_MONTHS * 30.44))


# --- e-mails ---------------------------------------------------------------------------------------------------


def _tell_coordinators(draft: Draft) -> None:
    to = list(
        User.objects.filter(
            roles__network=draft.network, roles__role=RoleAssignment.Role.COORDINATOR, is_active=True
        ).values_list("email", flat=True)
    )
    if not to:
        return
    context = {"draft": draft, "link": absolute_url("portal:review", draft.pk)}
    send(
        _("Nieuw voorstel om na te kijken: {title}").format(title=draft.title),
        render_to_string("portal/mail/draft_submitted.txt", context),
        to,
    )


def _tell_author(draft: Draft) -> None:
    context = {"draft": draft, "link": absolute_url("portal:home")}
    subject = (
        _("Je wijziging staat online: {title}")
        if draft.status == Draft.Status.PUBLISHED
        else _("Je wijziging is teruggestuurd: {title}")
    )
    send(
        subject.format(title=draft.title),
        render_to_string("portal/mail/draft_reviewed.txt", context),
        [draft.author.email],
    )
