"""The platform's own figures for one network and one month, as candidate signals: what the monthly proposals
(services.proposals.signals_propose) are made from, and the proposals page reads.

Each reader returns `Candidate`s above its threshold only (the thresholds and why are in services.proposals) and
never anything about a person: search words that look like personal data are left out, requests are counted per
life domain without their question, activities and services are named, not the families on their lists."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from hvhk.activities.models import Activity, Session
from hvhk.activities.selectors.availability import availability_for_sessions
from hvhk.core.lib.personal_data import find_personal_data
from hvhk.core.models import Network
from hvhk.directory.models import Service, TaxonomyTerm
from hvhk.directory.selectors import overdue_before, overdue_service_list
from hvhk.referrals.models import Referral, RequestFacts, SupportRequest
from hvhk.search.models import ZeroResultQuery
from hvhk.signals.models import Signal

ZERO_SEARCH = "zero-search"
REFERRAL_GAP = "referral-gap"
WAITING_LIST = "waiting-list"
OVERDUE = "overdue"
KINDS = (ZERO_SEARCH, REFERRAL_GAP, WAITING_LIST, OVERDUE)
MAX_ITEMS = 20  # activities or services listed in one proposal's figures; the count says how many in all


@dataclass
class Candidate:
    """One proposal as the figures give it: its kind, the key that makes it once per month, what was counted."""

    kind: str
    key: str
    counts: dict[str, int]
    subject: str = ""  # the search words, the life domain's name, the activity's title
    life_domain: TaxonomyTerm | None = None
    items: list[dict] = field(default_factory=list)
    links: list[dict] = field(
        default_factory=list
    )  # {"name": url name, "args": [...], "query": {...}, "label"}


def month_start(month: dt.date) -> dt.date:
    return month.replace(day=1)


def month_end(month: dt.date) -> dt.date:
    """The last day of `month`."""
    first = month_start(month)
    return (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of `month` as aware datetimes in the site's time zone."""
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(month_start(month), dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(month_end(month) + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return start, end


def period(month: dt.date) -> dict[str, str]:
    return {
        "month": f"{month:%Y-%m}",
        "from": month_start(month).isoformat(),
        "to": month_end(month).isoformat(),
    }


# --- searches on the wegwijzer that found (nearly) nothing -------------------------------------------------------


def zero_search_candidates(*, network: Network, month: dt.date, minimum: int, limit: int) -> list[Candidate]:
    """The month's searches that found (nearly) nothing, searched at least `minimum` times: the `limit` most
    searched, each once."""
    rows = (
        ZeroResultQuery.objects.for_network(network)
        .filter(month=month_start(month), count__gte=minimum)
        .order_by("-count", "query")
    )
    out = []
    for row in rows:
        if find_personal_data(row.query):  # counted before the filter existed: never proposed
            continue
        out.append(
            Candidate(
                kind=ZERO_SEARCH,
                key=f"{ZERO_SEARCH}:{month:%Y-%m}:{row.query}",
                counts={"searches": row.count, "max_results": row.max_results},
                subject=row.query,
                links=[
                    {
                        "name": "wegwijzer:services",
                        "args": [network.slug],
                        "query": {"q": row.query},
                        "label": "search",
                    }
                ],
            )
        )
        if len(out) >= limit:
            break
    return out


# --- families' questions without a referral, or declined for no capacity or not eligible ------------------------

SUCCEEDED = (Referral.Status.ACCEPTED, Referral.Status.IN_PROGRESS, Referral.Status.COMPLETED)


def _declined(reason: str) -> Exists:
    return Exists(
        Referral.objects.filter(
            request=OuterRef("pk"), status=Referral.Status.DECLINED, decline_reason=reason
        )
    )


def referral_gap_candidates(*, network: Network, month: dt.date, minimum: int) -> list[Candidate]:
    """Per life domain, the month's requests that got no referral (also the anonymised ones), or whose referrals
    were declined for "no capacity" or "not eligible" without any that went ahead; a domain with at least
    `minimum` such requests is a candidate. Only counts: never a question, a name or a reference."""
    start, end = month_bounds(month)
    requests = (
        SupportRequest.objects.for_network(network)
        .filter(created_at__gte=start, created_at__lt=end)
        .annotate(
            has_referral=Exists(Referral.objects.filter(request=OuterRef("pk"))),
            succeeded=Exists(Referral.objects.filter(request=OuterRef("pk"), status__in=SUCCEEDED)),
            no_capacity=_declined(Referral.DeclineReason.NO_CAPACITY),
            not_eligible=_declined(Referral.DeclineReason.NOT_ELIGIBLE),
        )
        .values("domain_id", "has_referral", "succeeded", "no_capacity", "not_eligible")
    )
    counts: dict[UUID | None, dict[str, int]] = defaultdict(
        lambda: {"requests": 0, "no_referral": 0, "no_capacity": 0, "not_eligible": 0}
    )
    for row in requests:
        slot = counts[row["domain_id"]]
        slot["requests"] += 1
        if not row["has_referral"]:
            slot["no_referral"] += 1
        elif not row["succeeded"] and row["no_capacity"]:
            slot["no_capacity"] += 1
        elif not row["succeeded"] and row["not_eligible"]:
            slot["not_eligible"] += 1
    anonymised = RequestFacts.objects.for_network(network).filter(month=month_start(month))
    for facts in anonymised.values("domain_id", "referrals"):
        slot = counts[facts["domain_id"]]
        slot["requests"] += 1
        if not facts["referrals"]:
            slot["no_referral"] += 1
    domains = TaxonomyTerm.objects.for_network(network).in_bulk([d for d in counts if d is not None])
    out = []
    for domain_id, slot in counts.items():
        gap = slot["no_referral"] + slot["no_capacity"] + slot["not_eligible"]
        if gap < minimum:
            continue
        domain = domains.get(domain_id)
        links = []
        if domain is not None and domain.code:
            links.append(
                {
                    "name": "wegwijzer:services",
                    "args": [network.slug],
                    "query": {"domain": domain.code},
                    "label": "domain",
                }
            )
        out.append(
            Candidate(
                kind=REFERRAL_GAP,
                key=f"{REFERRAL_GAP}:{month:%Y-%m}:{domain.code if domain else 'none'}"[:300],
                counts={**slot, "gap": gap},
                subject=domain.name if domain else "",
                life_domain=domain,
                links=links,
            )
        )
    return sorted(out, key=lambda c: (-c.counts["gap"], c.subject))


# --- full activities with long waiting lists ------------------------------------------------------------------------


def waiting_list_candidates(*, network: Network, month: dt.date, minimum: int) -> list[Candidate]:
    """Published activities with a session in `month` that was full with at least `minimum` families waiting
    (for a series: the series' list)."""
    start, end = month_bounds(month)
    sessions = list(
        Session.objects.for_network(network)
        .filter(
            starts_at__gte=start,
            starts_at__lt=end,
            is_cancelled=False,
            activity__status=Activity.Status.PUBLISHED,
        )
        .select_related("activity")
        .order_by("starts_at")
    )
    availability = availability_for_sessions(sessions=sessions)
    per_activity: dict[UUID, dict] = {}
    for session in sessions:
        places = availability[session.pk]
        slot = per_activity.setdefault(
            session.activity_id,
            {"activity": session.activity, "sessions": 0, "full_sessions": 0, "max_waiting": 0},
        )
        slot["sessions"] += 1
        if places.is_full and places.waiting >= minimum:
            slot["full_sessions"] += 1
            slot["max_waiting"] = max(slot["max_waiting"], places.waiting)
    out = []
    for activity_id, slot in per_activity.items():
        if not slot["full_sessions"]:
            continue
        activity = slot["activity"]
        out.append(
            Candidate(
                kind=WAITING_LIST,
                key=f"{WAITING_LIST}:{month:%Y-%m}:{activity_id}",
                counts={
                    "sessions": slot["sessions"],
                    "full_sessions": slot["full_sessions"],
                    "max_waiting": slot["max_waiting"],
                },
                subject=activity.title,
                items=[{"id": str(activity_id), "name": activity.title}],
                links=[{"name": "activities:portal-detail", "args": [str(activity_id)], "label": "activity"}],
            )
        )
    return sorted(out, key=lambda c: (-c.counts["max_waiting"], c.subject))


# --- services overdue for verification ------------------------------------------------------------------------------


def overdue_candidates(
    *, network: Network, month: dt.date, minimum: int, today: dt.date | None = None
) -> list[Candidate]:
    """The network's active services not checked for FRESHNESS_MONTHS (the portal's "overdue"), as they are at
    the end of `month` or today, whichever comes first; a candidate from `minimum` services on."""
    today = min(today or timezone.localdate(), month_end(month))
    overdue = overdue_service_list(network=network, today=today).select_related("organization")
    count = overdue.count()
    if count < minimum:
        return []
    active = Service.objects.for_network(network).filter(status=Service.Status.ACTIVE).count()
    items = [
        {
            "id": str(service.pk),
            "name": service.name,
            "organization": service.organization.name,
            "checked": service.assured_date.isoformat() if service.assured_date else None,
        }
        for service in overdue[:MAX_ITEMS]
    ]
    return [
        Candidate(
            kind=OVERDUE,
            key=f"{OVERDUE}:{month:%Y-%m}",
            counts={"overdue": count, "active": active},
            items=items,
            links=[{"name": "portal:review-queue", "args": [], "label": "review"}],
            subject=overdue_before(today).isoformat(),
        )
    ]


def proposals_for(*, signals: QuerySet[Signal]) -> QuerySet[Signal]:
    """The proposals still waiting for the coordinator among `signals` (a role's signals), newest month first."""
    return signals.filter(status=Signal.Status.PROPOSED, origin=Signal.Origin.PLATFORM).order_by(
        "-created_at", "title"
    )
