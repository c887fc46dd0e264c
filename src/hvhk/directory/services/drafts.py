"""The life of a draft: a partner saves a proposed change, sends it in, the coordinator publishes it or sends it
back, or the partner withdraws it. Only publishing changes the published data.

    draft ──submit──▶ submitted ──publish──▶ published
      ▲  ╲                 │
      │   ╲──publish──▶    └──return──▶ returned ──save──▶ draft
      └── save (any open draft)          any open draft ──withdraw──▶ withdrawn

Each step is one transaction that checks its actor (directory.permissions), locks and reads the draft again (a
step that crosses another cannot both win), saves the draft with its history row (django-simple-history names
the actor and the step) and sends its e-mail after commit.
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.core.lib.versions import bump_network_version
from hvhk.directory import models as m
from hvhk.directory import permissions
from hvhk.directory.models import Draft
from hvhk.directory.selectors import draft_open_for, service_detail_queryset
from hvhk.directory.services.snapshots import (
    location_apply_snapshot,
    organization_apply_snapshot,
    service_apply_snapshot,
)

T = TypeVar("T")
Target = m.Service | m.Organization | m.Location
MODELS: dict[str, type[Target]] = {
    Draft.Kind.SERVICE: m.Service,
    Draft.Kind.ORGANIZATION: m.Organization,
    Draft.Kind.LOCATION: m.Location,
}


def _apply(kind: str, target: Target, data: dict, acting_user: User | None) -> Target:
    if kind == Draft.Kind.SERVICE:
        return service_apply_snapshot(service=target, data=data, acting_user=acting_user)
    if kind == Draft.Kind.ORGANIZATION:
        return organization_apply_snapshot(organization=target, data=data, acting_user=acting_user)
    return location_apply_snapshot(location=target, data=data, acting_user=acting_user)


def _target_organization(kind: str, target: Target) -> m.Organization:
    return target if kind == Draft.Kind.ORGANIZATION else target.organization


def _fresh_target(draft: Draft, *, lock: bool = False) -> Target:
    """The published record the draft changes, read again (a new service for a new one)."""
    if not draft.target_id:
        return m.Service(network=draft.network, organization=draft.organization)
    rows = MODELS[draft.kind].objects.for_network(draft.network)
    if lock:
        rows = rows.select_for_update()
    target = rows.filter(pk=draft.target_id).first()
    if target is None:
        raise ValidationError(_("Wat dit voorstel wijzigt, bestaat niet meer."))
    return target


def _lock(draft: Draft) -> None:
    """Lock the draft for this transaction (PostgreSQL; SQLite writes one at a time) and read it again."""
    draft.refresh_from_db(from_queryset=Draft.objects.select_for_update())


def _save(draft: Draft, acting_user: User | None, step: str, fields: list[str] | None = None) -> None:
    draft._history_user = acting_user  # the history row names who took the step...
    draft._change_reason = step  # ...and which step it was
    if fields is None:
        draft.save()
    else:
        draft.save(update_fields=[*fields, "updated_at"])


def _refuse_closed(draft: Draft) -> None:
    if not draft.is_open:
        raise ValidationError(
            _("Dit voorstel is afgesloten: {status}.").format(status=draft.get_status_display()),
            code="closed",
        )


def draft_problems(*, kind: str, target: Target, data: dict) -> list[str]:
    """What keeps `data` from applying to `target` cleanly (the model's own rules), without changing anything:
    the snapshot is applied in a savepoint that is always rolled back."""
    target = _fresh_target_like(kind, target)
    try:
        with transaction.atomic():
            _apply(kind, target, data, None)
            transaction.set_rollback(True)
    except ValidationError as exc:
        return exc.messages
    return []


def _fresh_target_like(kind: str, target: Target) -> Target:
    """A copy to try things on: the record as stored, or a new, unsaved one like `target`."""
    if target.pk and not target._state.adding:
        return MODELS[kind].objects.get(pk=target.pk)
    return m.Service(network=target.network, organization=target.organization)


@transaction.atomic
def draft_save(
    *,
    acting_user: User,
    kind: str,
    organization: m.Organization,
    data: dict,
    target: Target | None = None,
    draft: Draft | None = None,
    submit: bool = False,
) -> Draft:
    """Keep `data` as the record's open draft (a new one for new services, `target` None); with `submit` it is
    also sent in (draft_submit: published at once where the actor may). Returns the draft.

    Raises PermissionDenied when the actor does not keep `organization`'s data, and ValidationError (nothing
    saved) when the data would not publish cleanly or the draft is closed.
    """
    if kind not in MODELS or (target is None and kind != Draft.Kind.SERVICE):
        raise ValidationError(_("Onbekende soort voorstel."))
    if target is not None and _target_organization(kind, target).pk != organization.pk:
        raise ValidationError(_("Dit hoort bij een andere organisatie."))
    if not permissions.edits(user=acting_user, organization=organization):
        raise PermissionDenied
    target_id = target.pk if target is not None else None
    if draft is not None:
        _lock(draft)
        _refuse_closed(draft)
        if (draft.kind, draft.target_id, draft.organization_id) != (kind, target_id, organization.pk):
            raise ValidationError(_("Dit voorstel hoort bij iets anders."))
    else:
        draft = draft_open_for(kind=kind, target_id=target_id)
        if draft is not None:
            _lock(draft)
    problems = draft_problems(
        kind=kind,
        target=target or m.Service(network=organization.network, organization=organization),
        data=data,
    )
    if problems:
        raise ValidationError(problems)
    if draft is None or not draft.is_open:
        draft = Draft(network=organization.network, kind=kind, organization=organization, target_id=target_id)
    draft.data = data
    draft.title = (data.get("name") or str(target or ""))[:255]
    draft.author = acting_user
    draft.status = Draft.Status.DRAFT
    try:
        with transaction.atomic():
            _save(draft, acting_user, "save")
    except IntegrityError as exc:  # someone else opened a draft for this record at the same moment
        raise ValidationError(
            _("Iemand anders bewaarde net een voorstel voor dit record. Laad de pagina opnieuw.")
        ) from exc
    if submit:
        draft_submit(draft=draft, acting_user=acting_user)
    return draft


@transaction.atomic
def draft_submit(*, draft: Draft, acting_user: User) -> Draft:
    """Send the draft to the coordinator, who gets an e-mail. An actor who may publish directly (a coordinator,
    a trusted partner) publishes it at once instead. Returns the draft, submitted or published."""
    if not permissions.edits(user=acting_user, organization=draft.organization):
        raise PermissionDenied
    _lock(draft)
    _refuse_closed(draft)
    if permissions.publishes_directly(user=acting_user, organization=draft.organization):
        draft_publish(draft=draft, acting_user=acting_user)
        return draft
    if draft.status == Draft.Status.SUBMITTED:
        raise ValidationError(_("Dit voorstel wacht al op nazicht."), code="submitted")
    draft.status = Draft.Status.SUBMITTED
    draft.submitted_at = timezone.now()
    _save(draft, acting_user, "submit", ["status", "submitted_at"])
    transaction.on_commit(lambda: _tell_coordinators(draft), robust=True)
    return draft


@transaction.atomic
def draft_publish(*, draft: Draft, acting_user: User) -> Target:
    """Apply the draft to the published data (a new service is created), close it and tell its author.

    Only a coordinator, or an editor of a partner that publishes directly, may. The draft is locked and read
    again first: of two publications that cross, the second finds it closed and is refused (ValidationError).
    Returns the published record.
    """
    if not permissions.publishes_directly(user=acting_user, organization=draft.organization):
        raise PermissionDenied
    _lock(draft)
    _refuse_closed(draft)
    target = _apply(draft.kind, _fresh_target(draft, lock=True), draft.data, acting_user)
    if draft.kind == Draft.Kind.SERVICE:
        target.assured_date = timezone.localdate()  # a partner who sends in a change has checked the rest too
        target.assurer_email = (draft.author.email if draft.author else acting_user.email)[:254]
        target._history_user = acting_user
        target.save(update_fields=["assured_date", "assurer_email", "updated_at"])
    draft.target_id = target.pk
    draft.status = Draft.Status.PUBLISHED
    draft.reviewed_by, draft.reviewed_at = acting_user, timezone.now()
    _save(draft, acting_user, "publish")
    if draft.author and draft.author != acting_user:
        transaction.on_commit(lambda: _tell_author(draft), robust=True)
    return target


@transaction.atomic
def draft_return(*, draft: Draft, acting_user: User, comment: str) -> Draft:
    """The coordinator sends a submitted draft back to the partner, saying what should change."""
    if not permissions.coordinates(user=acting_user, network=draft.network):
        raise PermissionDenied
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Zeg wat er anders moet.")})
    _lock(draft)
    if draft.status != Draft.Status.SUBMITTED:
        _refuse_closed(draft)
        raise ValidationError(
            _("Alleen een ingediend voorstel kan teruggestuurd worden."), code="not_submitted"
        )
    draft.status = Draft.Status.RETURNED
    draft.review_comment = comment
    draft.reviewed_by, draft.reviewed_at = acting_user, timezone.now()
    _save(draft, acting_user, "return", ["status", "review_comment", "reviewed_by", "reviewed_at"])
    if draft.author:
        transaction.on_commit(lambda: _tell_author(draft), robust=True)
    return draft


@transaction.atomic
def draft_withdraw(*, draft: Draft, acting_user: User) -> Draft:
    """The partner (or the coordinator) drops an open draft; the published data stays as it is."""
    if not permissions.edits(user=acting_user, organization=draft.organization):
        raise PermissionDenied
    _lock(draft)
    _refuse_closed(draft)
    draft.status = Draft.Status.WITHDRAWN
    _save(draft, acting_user, "withdraw", ["status"])
    return draft


def draft_preview(*, draft: Draft, acting_user: User, render: Callable[[m.Service], T]) -> T:
    """What `render` makes of the service as the draft would publish it: the draft is applied in a transaction
    that is always rolled back, and `render` runs inside it (so it must not keep lazy querysets)."""
    if draft.kind != Draft.Kind.SERVICE:
        raise ValidationError(_("Alleen een voorstel voor aanbod heeft een voorbeeld."))
    if not permissions.edits(user=acting_user, organization=draft.organization):
        raise PermissionDenied
    with transaction.atomic():
        target = service_apply_snapshot(
            service=_fresh_target(draft), data=draft.data, acting_user=acting_user
        )
        result = render(service_detail_queryset(network=draft.network).get(pk=target.pk))
        transaction.set_rollback(True)
    bump_network_version(
        draft.network_id
    )  # nothing cached under the current version during the preview stays
    return result


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
        render_to_string("directory/mail/draft_submitted.txt", context),
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
        render_to_string("directory/mail/draft_reviewed.txt", context),
        [draft.author.email],
    )
