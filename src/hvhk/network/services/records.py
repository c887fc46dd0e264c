"""Decisions, action items and documents of bodies and meetings.

Every write checks who acts first: a body's managers (the coordinator, the body's trekker) record decisions and
actions and attach documents; an action's owner (the person, or the staff of the owner organisation) may also
close or reopen it. Decisions, actions and documents keep a history row for every change (django-simple-history:
who, when, which step), the audit trail of the register.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from hvhk.accounts.access import holds_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.core.lib.uploads import check_upload
from hvhk.directory.models import Membership, Organization
from hvhk.network.models import ActionItem, AgendaItem, Body, Decision, Document, Meeting
from hvhk.network.selectors.access import can_manage_body, is_coordinator

STAFF = tuple(RoleAssignment.PARTNER_STAFF)

# --- who acts ----------------------------------------------------------------------------------------------------


def _require_manager(acting_user: User | None, body: Body) -> None:
    if not can_manage_body(acting_user, body=body):
        raise PermissionDenied("Only the coordinator or the body's trekker manages its meetings")


def can_change_action_status(user: User | None, *, action: ActionItem) -> bool:
    """The owner (the person, or the staff of the owner organisation) and the body's managers."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if action.owner_user_id == user.pk and (
        user.is_superuser or RoleAssignment.objects.filter(user=user, network_id=action.network_id).exists()
    ):
        return True
    if action.owner_organization_id and holds_role(
        user, network=action.network_id, roles=STAFF, organization=action.owner_organization_id
    ):
        return True
    return can_manage_action(user, action=action)


def can_manage_action(user: User | None, *, action: ActionItem) -> bool:
    """The managers of the action's body; for an action outside any meeting, the coordinator."""
    if action.meeting_id is not None:
        return can_manage_body(user, body=action.meeting.body)
    return is_coordinator(user, network=action.network_id)


def _stamp(row, acting_user: User | None, reason: str) -> None:
    row._history_user = acting_user  # read by django-simple-history: the history names who changed it...
    row._change_reason = reason  # ...and which step it was


# --- decisions ---------------------------------------------------------------------------------------------------


def _check_item(meeting: Meeting, agenda_item: AgendaItem | None) -> None:
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("Dit agendapunt hoort bij een andere vergadering.")})


def _clean_text(text: str, *, field: str = "text", message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: message})
    return text


@transaction.atomic
def decision_create(
    *, meeting: Meeting, agenda_item: AgendaItem | None = None, text: str, acting_user: User
) -> Decision:
    """Record a decision of `meeting` (under `agenda_item`); it shows up in the network's decisions register."""
    _require_manager(acting_user, meeting.body)
    _check_item(meeting, agenda_item)
    text = _clean_text(text, message=_("Schrijf het besluit op."))
    decision = Decision(
        network_id=meeting.network_id,
        meeting=meeting,
        agenda_item=agenda_item,
        text=text,
        created_by=acting_user,
    )
    decision.full_clean()
    _stamp(decision, acting_user, "create")
    decision.save()
    return decision


@transaction.atomic
def decision_update(*, decision: Decision, text: str, acting_user: User) -> Decision:
    """Change a decision's text; the history keeps the earlier text, who changed it and when."""
    _require_manager(acting_user, decision.meeting.body)
    text = _clean_text(text, message=_("Schrijf het besluit op."))
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.text == text:
        return decision
    decision.text = text
    _stamp(decision, acting_user, "update")
    decision.save()
    return decision


# --- action items ------------------------------------------------------------------------------------------------


def _check_owner(network_id, owner_user: User | None, owner_organization: Organization | None) -> None:
    if owner_user is None and owner_organization is None:
        raise ValidationError(
            {"owner_user": _("Kies wie de actie uitvoert: een persoon of een organisatie.")}
        )
    if owner_user is not None and owner_organization is not None:
        raise ValidationError(
            {"owner_organization": _("Kies één eigenaar: een persoon of een organisatie, niet allebei.")}
        )
    if owner_user is not None and not (
        owner_user.is_active
        and RoleAssignment.objects.filter(user=owner_user, network_id=network_id).exists()
    ):
        raise ValidationError({"owner_user": _("Deze persoon werkt niet mee in dit netwerk.")})
    if owner_organization is not None and owner_organization.network_id != network_id:
        raise ValidationError({"owner_organization": _("Deze organisatie hoort niet bij dit netwerk.")})


def _check_due(due_on: dt.date | None) -> None:
    if due_on is not None and not isinstance(due_on, dt.date):
        raise ValidationError({"due_on": _("Geef een geldige datum.")})


@transaction.atomic
def action_create(
    *,
    meeting: Meeting,
    agenda_item: AgendaItem | None = None,
    text: str,
    owner_user: User | None = None,
    owner_organization: Organization | None = None,
    due_on: dt.date | None = None,
    acting_user: User,
) -> ActionItem:
    """Agree on an action in `meeting`: exactly one owner (a person or an organisation of the network)."""
    _require_manager(acting_user, meeting.body)
    _check_item(meeting, agenda_item)
    text = _clean_text(text, message=_("Schrijf op wat er moet gebeuren."))
    _check_owner(meeting.network_id, owner_user, owner_organization)
    _check_due(due_on)
    action = ActionItem(
        network_id=meeting.network_id,
        meeting=meeting,
        agenda_item=agenda_item,
        text=text,
        owner_user=owner_user,
        owner_organization=owner_organization,
        due_on=due_on,
        created_by=acting_user,
    )
    action.full_clean()
    _stamp(action, acting_user, "create")
    action.save()
    return action


@transaction.atomic
def action_update(
    *,
    action: ActionItem,
    text: str,
    owner_user: User | None = None,
    owner_organization: Organization | None = None,
    due_on: dt.date | None = None,
    acting_user: User,
) -> ActionItem:
    """Change what an action is, who owns it or by when. A new due date allows new reminders."""
    if not can_manage_action(acting_user, action=action):
        raise PermissionDenied("Only the coordinator or the body's trekker changes an action")
    text = _clean_text(text, message=_("Schrijf op wat er moet gebeuren."))
    _check_owner(action.network_id, owner_user, owner_organization)
    _check_due(due_on)
    action = ActionItem.objects.select_for_update().get(pk=action.pk)
    if action.due_on != due_on:
        action.reminded_before_at = action.reminded_after_at = None
    action.text = text
    action.owner_user = owner_user
    action.owner_organization = owner_organization
    action.due_on = due_on
    _stamp(action, acting_user, "update")
    action.save()
    return action


@transaction.atomic
def action_set_status(*, action: ActionItem, status: str, acting_user: User) -> ActionItem:
    """Close (done or cancelled) or reopen an action: its owner or the body's managers."""
    if status not in ActionItem.Status.values:
        raise ValidationError({"status": _("Kies een geldige status.")})
    if not can_change_action_status(acting_user, action=action):
        raise PermissionDenied("Only the owner or the body's managers change an action's status")
    action = ActionItem.objects.select_for_update().get(pk=action.pk)
    if action.status == status:
        return action
    action.status = status
    action.done_at = timezone.now() if status == ActionItem.Status.DONE else None
    _stamp(action, acting_user, f"status:{status}")
    action.save()
    return action


# --- documents ---------------------------------------------------------------------------------------------------


@transaction.atomic
def document_upload(
    *,
    body: Body | None = None,
    meeting: Meeting | None = None,
    agenda_item: AgendaItem | None = None,
    title: str,
    file,
    acting_user: User,
) -> Document:
    """Attach a file to a body, a meeting or one of its agenda items, in the private storage. Refused files (too
    large, or not one of the allowed types by name and by content) leave nothing behind."""
    if agenda_item is not None:
        meeting = meeting or agenda_item.meeting
        if agenda_item.meeting_id != meeting.pk:
            raise ValidationError({"agenda_item": _("Dit agendapunt hoort bij een andere vergadering.")})
    if meeting is not None:
        if body is not None and meeting.body_id != body.pk:
            raise ValidationError({"meeting": _("Deze vergadering hoort bij een ander orgaan.")})
        body = meeting.body
    if body is None:
        raise ValidationError(_("Kies een orgaan of een vergadering voor het document."))
    _require_manager(acting_user, body)
    title = _clean_text(title, field="title", message=_("Geef het document een titel."))[:200]
    name, content_type = check_upload(file)
    document = Document(
        network_id=body.network_id,
        body=body,
        meeting=meeting,
        agenda_item=agenda_item,
        title=title,
        content_type=content_type,
        size=file.size,
        uploaded_by=acting_user,
    )
    document.full_clean(exclude=["file"])
    file.seek(0)
    document.file.save(name, file, save=False)
    try:
        _stamp(document, acting_user, "upload")
        document.save()
    except Exception:
        document.file.storage.delete(document.file.name)  # nothing half-written: no file without its row
        raise
    return document


# --- reminders ---------------------------------------------------------------------------------------------------

REMIND_DAYS_BEFORE = 3
REMIND_DAYS_AFTER = 1


def action_recipients(action: ActionItem) -> list[str]:
    """Who is reminded of an action: the owner person, or for an organisation its network contact person (the
    membership's contact e-mail), else its staff in the network (editors and members)."""
    if action.owner_user_id:
        user = action.owner_user
        return [user.email] if user.is_active and user.email else []
    if action.owner_organization_id:
        membership = Membership.objects.filter(organization_id=action.owner_organization_id).first()
        if membership and membership.contact_email:
            return [membership.contact_email]
        return list(
            User.objects.filter(
                roles__organization_id=action.owner_organization_id,
                roles__network_id=action.network_id,
                roles__role__in=STAFF,
                is_active=True,
            )
            .values_list("email", flat=True)
            .distinct()
            .order_by("email")
        )
    return []


def _send_reminder(action: ActionItem, recipients: list[str], kind: str) -> None:
    with override("nl"):
        if kind == "before":
            due = date_format(action.due_on, "DATE_FORMAT")
            subject = _("Herinnering: actie tegen {date}").format(date=due)
        else:
            subject = _("Actie over datum: {text}").format(text=action.text[:60])
        context = {"action": action, "kind": kind, "link": absolute_url("network:action", action.pk)}
        send(subject, render_to_string("network/records/mail/action_reminder.txt", context), recipients)


def action_reminders_send(*, today: dt.date | None = None) -> dict:
    """Mail the owners of open actions three days before the due date and one day after it when still open; each
    reminder once (reminded_before_at, reminded_after_at). Only actions of active networks. Returns the counts."""
    today = today or timezone.localdate()
    counts = {"before": 0, "after": 0, "without_recipient": 0}
    due = ActionItem.objects.filter(
        status=ActionItem.Status.OPEN, due_on__isnull=False, network__is_active=True
    ).select_related("owner_user", "owner_organization", "meeting", "meeting__body")
    rounds = (
        (
            "before",
            due.filter(
                reminded_before_at__isnull=True,
                due_on__gte=today,
                due_on__lte=today + dt.timedelta(days=REMIND_DAYS_BEFORE),
            ),
        ),
        (
            "after",
            due.filter(
                reminded_after_at__isnull=True, due_on__lte=today - dt.timedelta(days=REMIND_DAYS_AFTER)
            ),
        ),
    )
    field = {"before": "reminded_before_at", "after": "reminded_after_at"}
    for kind, actions in rounds:
        for action in actions.order_by("due_on", "pk"):
            recipients = action_recipients(action)
            if not recipients:
                counts["without_recipient"] += 1
                continue
            with transaction.atomic():
                # The lock and the recheck make a second worker skip what the first one sent: once per action.
                locked = (
                    ActionItem.objects.select_for_update()
                    .filter(pk=action.pk, status=ActionItem.Status.OPEN, **{f"{field[kind]}__isnull": True})
                    .first()
                )
                if locked is None:
                    continue
                setattr(locked, field[kind], timezone.now())
                _stamp(locked, None, f"reminder:{kind}")
                locked.save(update_fields=[field[kind], "updated_at"])
                transaction.on_commit(
                    lambda a=action, r=recipients, k=kind: _send_reminder(a, r, k), robust=True
                )
            counts[kind] += 1
    return counts
