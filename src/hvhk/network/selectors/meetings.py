"""Reads for bodies and meetings: lists for a person, a meeting page, the date poll's tally, attendance."""

import datetime as dt
from collections import Counter, defaultdict

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.tokens import token_hash
from hvhk.network.models import (
    AgendaItem,
    Body,
    BodyMember,
    CalendarFeed,
    DateOption,
    DateVote,
    Meeting,
    Participant,
)
from hvhk.network.selectors.access import (
    is_coordinator,
    member_bodies_for,
    visible_bodies_for,
    visible_meetings_for,
)
from hvhk.network.selectors.records import records_prefetch


def body_list(*, role: ActiveRole, user: User) -> QuerySet[Body]:
    return (
        visible_bodies_for(role=role, user=user)
        .filter(is_active=True)
        .annotate(member_count=Count("members", distinct=True))
    )


def body_members(*, body: Body) -> QuerySet[BodyMember]:
    return BodyMember.objects.filter(body=body).select_related("user", "organization")


def meeting_lists(*, role: ActiveRole, user: User) -> dict:
    """The person's meetings: date polls to answer, coming meetings, and past ones (newest first)."""
    now = timezone.now()
    meetings = visible_meetings_for(role=role, user=user).select_related("body")
    return {
        "polls": meetings.filter(status=Meeting.Status.POLL).order_by("created_at"),
        "upcoming": meetings.filter(status=Meeting.Status.PLANNED, starts_at__gte=now).order_by("starts_at"),
        "past": meetings.filter(Q(starts_at__lt=now) | Q(status=Meeting.Status.CANCELLED)).order_by(
            "-starts_at"
        )[:50],
    }


def meeting_items(*, meeting: Meeting) -> QuerySet[AgendaItem]:
    """The agenda with what each item holds (the records partials read decisions, actions and documents)."""
    return (
        meeting.agenda_items.order_by("position", "created_at")
        .select_related("owner_user", "owner_organization")
        .prefetch_related(*records_prefetch())
    )


def poll_tally(*, meeting: Meeting, user: User) -> list[dict]:
    """Per proposed date: how many said yes / maybe / no, and what `user` answered."""
    options = list(DateOption.objects.filter(meeting=meeting).order_by("starts_at"))
    votes = DateVote.objects.filter(option__meeting=meeting)
    counts: dict = defaultdict(Counter)
    mine = {}
    for vote in votes:
        counts[vote.option_id][vote.answer] += 1
        if vote.user_id == user.pk:
            mine[vote.option_id] = vote.answer
    return [
        {
            "option": option,
            "yes": counts[option.pk]["yes"],
            "maybe": counts[option.pk]["maybe"],
            "no": counts[option.pk]["no"],
            "mine": mine.get(option.pk, ""),
        }
        for option in options
    ]


def participant_by_token(*, network, token: str) -> Participant | None:
    return (
        Participant.objects.for_network(network)
        .filter(token_hash=token_hash(token))
        .select_related("meeting", "meeting__body", "network")
        .first()
    )


def attendance_overview(*, role: ActiveRole, user: User, year: int) -> list[dict]:
    """Per partner organisation: meetings it was invited to in `year` and how often someone came, was excused or
    was absent. Counts meetings, not people: two colleagues at one meeting count once as present."""
    start = dt.datetime(year, 1, 1, tzinfo=timezone.get_current_timezone())
    end = dt.datetime(year + 1, 1, 1, tzinfo=timezone.get_current_timezone())
    rows = (
        Participant.objects.for_network(role.network)
        .filter(
            meeting__in=visible_meetings_for(role=role, user=user),
            meeting__starts_at__gte=start,
            meeting__starts_at__lt=end,
            meeting__status=Meeting.Status.PLANNED,
            organization__isnull=False,
        )
        .values("organization_id", "organization__name", "meeting_id", "attendance")
    )
    rank = {"present": 3, "excused": 2, "absent": 1, "": 0}
    best: dict = {}
    names = {}
    for row in rows:
        key = (row["organization_id"], row["meeting_id"])
        names[row["organization_id"]] = row["organization__name"]
        if rank[row["attendance"]] >= rank.get(best.get(key, ""), 0):
            best[key] = row["attendance"]
    per_org: dict = defaultdict(Counter)
    for (org_id, _meeting_id), attendance in best.items():
        per_org[org_id]["invited"] += 1
        per_org[org_id][attendance or "unknown"] += 1
    result = []
    for org_id, counter in per_org.items():
        invited = counter["invited"]
        result.append(
            {
                "organization": names[org_id],
                "invited": invited,
                "present": counter["present"],
                "excused": counter["excused"],
                "absent": counter["absent"],
                "unknown": counter["unknown"],
                "rate": round(100 * counter["present"] / invited) if invited else 0,
            }
        )
    return sorted(result, key=lambda r: r["organization"].lower())


def feed_for_token(*, network, token: str) -> CalendarFeed | None:
    return (
        CalendarFeed.objects.for_network(network)
        .filter(token_hash=token_hash(token), revoked_at__isnull=True, user__is_active=True)
        .select_related("user")
        .first()
    )


def feed_meetings(*, feed: CalendarFeed) -> QuerySet[Meeting]:
    """The meetings of a person's feed: those of the bodies they belong to, and those they were invited to, from
    a year ago on. Cancelled ones stay in (marked CANCELLED) so calendars drop them."""
    network = feed.network
    user = feed.user
    since = timezone.now() - dt.timedelta(days=365)
    kind = RoleAssignment.Role.COORDINATOR if is_coordinator(user, network=network) else ""
    bodies = member_bodies_for(role=ActiveRole(key="feed", network=network, role=kind), user=user)
    return (
        Meeting.objects.for_network(network)
        .filter(Q(body__in=bodies) | Q(participants__user=user), starts_at__gte=since)
        .select_related("body")
        .distinct()
        .order_by("starts_at")
    )
