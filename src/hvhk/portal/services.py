"""Moderation: save a proposed change as a draft, submit it, publish it or send it back.

Each function checks who acts: a change to an organisation's data is proposed by its editors or the network's
coordinator, and only the coordinator publishes or returns someone else's proposal.
"""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.access import holds_role, require_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.directory import models as m
from hvhk.portal import snapshots
from hvhk.portal.models import Draft
from hvhk.portal.selectors import draft_open_get

APPLY = {
    Draft.Kind.SERVICE: snapshots.apply_service_snapshot,
    Draft.Kind.ORGANIZATION: snapshots.apply_organization_snapshot,
    Draft.Kind.LOCATION: snapshots.apply_location_snapshot,
}
COORDINATOR = (RoleAssignment.Role.COORDINATOR,)
KEEPERS = (
    RoleAssignment.Role.COORDINATOR,
    RoleAssignment.Role.EDITOR,
)  # with the organisation, for an editor
MODELS = {
    Draft.Kind.SERVICE: m.Service,
    Draft.Kind.ORGANIZATION: m.Organization,
    Draft.Kind.LOCATION: m.Location,
}


def _require_keeper(user: User | None, organization: m.Organization) -> None:
    """Only the organisation's editors and the network's coordinator change its data."""
    require_role(user, network=organization.network_id, roles=KEEPERS, organization=organization.pk)


def _publishes_directly(user: User, organization: m.Organization) -> bool:
    """Coordinators publish at once; so do the editors of a partner the coordinator trusts."""
    if holds_role(user, network=organization.network_id, roles=COORDINATOR):
        return True
    membership = getattr(organization, "membership", None)
    return bool(membership and membership.publishes_directly)


@transaction.atomic
def draft_save(
    *,
    kind: str,
    organization: m.Organization,
    data: dict,
    acting_user: User,
    target=None,
    draft: Draft | None = None,
    submit: bool = False,
) -> Draft:
    """Keep `data` as the record's open draft; submitted, it is published at once where the person may.

    Returns the draft (published already when the person publishes directly).
    """
    _require_keeper(acting_user, organization)
    if draft is not None and draft.organization_id != organization.pk:
        raise ValueError("The draft belongs to another organisation")
    target_id = target.pk if target else None
    draft = (
        draft
        or draft_open_get(kind=kind, target_id=target_id)
        or Draft(
            network_id=organization.network_id, kind=kind, organization=organization, target_id=target_id
        )
    )
    draft.data = data
    draft.title = (data.get("name") or str(target or ""))[:255]
    draft.author = acting_user
    draft.status = Draft.Status.DRAFT
    draft.save()
    if submit:
        if _publishes_directly(acting_user, organization):
            _publish(draft=draft, by=acting_user)
        else:
            draft.status = Draft.Status.SUBMITTED
            draft.submitted_at = timezone.now()
            draft.save(update_fields=["status", "submitted_at", "updated_at"])
            transaction.on_commit(lambda: _tell_coordinators(draft), robust=True)
    return draft


@transaction.atomic
def draft_publish(*, draft: Draft, acting_user: User):
    """Apply the draft to the published data (a new service is created) and close it: the coordinator's step."""
    require_role(acting_user, network=draft.network_id, roles=COORDINATOR)
    return _publish(draft=draft, by=acting_user)


def _publish(*, draft: Draft, by: User):
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
def draft_return(*, draft: Draft, comment: str, acting_user: User) -> Draft:
    """Send the draft back to its author with the coordinator's comment."""
    require_role(acting_user, network=draft.network_id, roles=COORDINATOR)
    draft.status = Draft.Status.RETURNED
    draft.review_comment = comment
    draft.reviewed_by, draft.reviewed_at = acting_user, timezone.now()
    draft.save()
    if draft.author:
        transaction.on_commit(lambda: _tell_author(draft), robust=True)
    return draft


@transaction.atomic
def draft_withdraw(*, draft: Draft, acting_user: User) -> Draft:
    _require_keeper(acting_user, draft.organization)
    draft.status = Draft.Status.WITHDRAWN
    draft.save(update_fields=["status", "updated_at"])
    return draft


@transaction.atomic
def service_confirm_current(*, service: m.Service, acting_user: User) -> m.Service:
    """ "Still correct": the service was checked today (freshness), by one who keeps it."""
    _require_keeper(acting_user, service.organization)
    service.assured_date = timezone.localdate()
    service.assurer_email = acting_user.email[:254]
    service.save(update_fields=["assured_date", "assurer_email", "updated_at"])
    return service


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
