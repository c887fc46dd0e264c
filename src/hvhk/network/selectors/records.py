"""Reads of decisions, action items and documents, always from the role's network (for_network).

Who sees what follows `access`: members of a body (and the coordinator) see its decisions and actions as soon as
they are written; others who see an open body see them once the minutes are approved. An action's owner always
sees their own action.
"""

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import RoleAssignment, User
from hvhk.network.models import ActionItem, AgendaItem, Decision, Document, Meeting
from hvhk.network.selectors.access import member_bodies_for, visible_meetings_for

APPROVED = Meeting.Minutes.APPROVED
ACTION_FILTERS = ("open", "done", "cancelled", "all")


def _staff_organizations(*, role: ActiveRole, user: User) -> QuerySet:
    return RoleAssignment.objects.filter(
        user=user, network=role.network, role__in=RoleAssignment.PARTNER_STAFF
    ).values("organization_id")


def _readable(*, role: ActiveRole, user: User, prefix: str = "") -> Q:
    """Rows under a meeting the person may read: in a visible meeting, and a member's body or approved minutes."""
    return Q(**{f"{prefix}meeting__in": visible_meetings_for(role=role, user=user)}) & (
        Q(**{f"{prefix}meeting__body__in": member_bodies_for(role=role, user=user)})
        | Q(**{f"{prefix}meeting__minutes_status": APPROVED})
    )


def decisions_for(*, role: ActiveRole, user: User, q: str = "") -> QuerySet[Decision]:
    """The decisions register: every decision the person may read across the network's meetings, newest first,
    optionally searched in its text, the meeting's title and the body's name."""
    decisions = Decision.objects.for_network(role.network)
    if not role.is_coordinator:
        decisions = decisions.filter(_readable(role=role, user=user))
    q = (q or "").strip()
    if q:
        decisions = decisions.filter(
            Q(text__icontains=q) | Q(meeting__title__icontains=q) | Q(meeting__body__name__icontains=q)
        )
    return decisions.select_related("meeting", "meeting__body", "agenda_item").order_by(
        F("meeting__starts_at").desc(nulls_last=True), "-created_at", "pk"
    )


def actions_for(*, role: ActiveRole, user: User) -> QuerySet[ActionItem]:
    """The actions the person may read: those of meetings they may read, and their own (or their organisation's)."""
    actions = ActionItem.objects.for_network(role.network)
    if not role.is_coordinator:
        mine = Q(owner_user=user) | Q(owner_organization__in=_staff_organizations(role=role, user=user))
        actions = actions.filter(_readable(role=role, user=user) | mine)
    return actions.select_related(
        "meeting", "meeting__body", "agenda_item", "owner_user", "owner_organization"
    ).order_by("status", F("due_on").asc(nulls_last=True), "created_at", "pk")


def action_list(
    *, role: ActiveRole, user: User, mine: bool = False, status: str = "open", overdue: bool = False
) -> QuerySet[ActionItem]:
    """The actions page: all readable actions or only mine, by status (open, done, cancelled, all), overdue."""
    actions = my_actions(role=role, user=user) if mine else actions_for(role=role, user=user)
    if status in ActionItem.Status.values:
        actions = actions.filter(status=status)
    if overdue:
        actions = actions.filter(status=ActionItem.Status.OPEN, due_on__lt=timezone.localdate())
    return actions


def my_actions(*, role: ActiveRole, user: User) -> QuerySet[ActionItem]:
    """Actions owned by the person or by an organisation they work for, in the role's network."""
    return (
        ActionItem.objects.for_network(role.network)
        .filter(Q(owner_user=user) | Q(owner_organization__in=_staff_organizations(role=role, user=user)))
        .select_related("meeting", "meeting__body", "agenda_item", "owner_user", "owner_organization")
        .order_by("status", F("due_on").asc(nulls_last=True), "created_at", "pk")
    )


def my_open_actions(*, role: ActiveRole, user: User) -> QuerySet[ActionItem]:
    """ "My open actions" for each person's start page: open, owned by me or my organisation, soonest due first."""
    return my_actions(role=role, user=user).filter(status=ActionItem.Status.OPEN)


def open_actions_count(*, role: ActiveRole, user: User, mine: bool = False) -> int:
    actions = my_actions(role=role, user=user) if mine else actions_for(role=role, user=user)
    return actions.filter(status=ActionItem.Status.OPEN).count()


def overdue_actions_count(*, role: ActiveRole, user: User, mine: bool = False) -> int:
    """Open actions past their due date: the coordinator's start page counts the network's, others their own."""
    return action_list(role=role, user=user, mine=mine, status="open", overdue=True).count()


def decision_history(*, decision: Decision) -> list[dict]:
    """Every version of a decision, newest first: who, when, which step and what changed (old and new text)."""
    records = list(decision.history.select_related("history_user").order_by("-history_date", "-history_id"))
    rows = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changes = []
        if older is not None:
            delta = newer.diff_against(older, included_fields=["text", "agenda_item"])
            changes = [{"field": c.field, "old": c.old, "new": c.new} for c in delta.changes]
        rows.append(
            {
                "user": newer.history_user,
                "date": newer.history_date,
                "type": newer.history_type,
                "reason": newer.history_change_reason or "",
                "text": newer.text,
                "changes": changes,
            }
        )
    return rows


def records_prefetch() -> list[Prefetch]:
    """What the meeting page prefetches on its agenda items for network/records/_item_records.html."""
    return [
        Prefetch("decisions", queryset=Decision.objects.order_by("created_at")),
        Prefetch(
            "actions",
            queryset=ActionItem.objects.select_related("owner_user", "owner_organization").order_by(
                "created_at"
            ),
        ),
        Prefetch("documents", queryset=Document.objects.order_by("created_at")),
    ]


def agenda_items_with_records(*, meeting: Meeting) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(meeting=meeting).prefetch_related(*records_prefetch())


def meeting_documents(*, meeting: Meeting) -> QuerySet[Document]:
    """The documents of a meeting that belong to no agenda item."""
    return Document.objects.filter(meeting=meeting, agenda_item__isnull=True).order_by("created_at")
