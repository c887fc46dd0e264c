"""Reading volunteers' data, always through the network and the active role.

- The public page shows open roles only.
- The coordinator sees every role and every volunteer of their network.
- A partner's editor sees the roles of their organisation and the volunteers matched to them: proposed for or
  working in one of them, or who signed up for one.
- Every other role, and every id of another network, gets a 404.

Volunteers whose data were anonymised are only counted, never listed."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.http import Http404

from hvhk.accounts.access import ActiveRole
from hvhk.core.lib.tokens import token_hash
from hvhk.core.models import Network
from hvhk.volunteers.models import (
    AVAILABILITY,
    HelpOffer,
    HelpRequest,
    Placement,
    ThankYou,
    Volunteer,
    VolunteerAccess,
    VolunteerHours,
    VolunteerRole,
)

RoleStatus = VolunteerRole.Status
VolunteerStatus = Volunteer.Status


def manages_volunteers(role: ActiveRole) -> bool:
    """Whether the active role reaches the volunteer pages at all (the coordinator and partners' editors)."""
    return role.is_coordinator or (role.is_editor and role.organization is not None)


def _require(role: ActiveRole) -> None:
    if not manages_volunteers(role):
        raise Http404("Only the coordinator and partners' editors work with volunteers")


# --- public ------------------------------------------------------------------------------------------------------


def roles_public(*, network: Network) -> QuerySet[VolunteerRole]:
    return (
        VolunteerRole.objects.for_network(network)
        .filter(status=RoleStatus.OPEN)
        .select_related("organization", "area")
        .order_by("title")
    )


def role_public_get(*, network: Network, pk) -> VolunteerRole:
    role = roles_public(network=network).filter(pk=pk).first()
    if role is None:
        raise Http404("No open volunteer role with this id here")
    return role


def volunteer_by_token(*, network: Network, token: str) -> Volunteer | None:
    """The volunteer behind a private link, or None (a wrong, old or erased link)."""
    if not token or len(token) > 200:
        return None
    return (
        Volunteer.objects.for_network(network)
        .filter(token_hash=token_hash(token), anonymised_at__isnull=True)
        .select_related("area", "role_wanted")
        .first()
    )


# --- the portal --------------------------------------------------------------------------------------------------


def roles_for(*, role: ActiveRole) -> QuerySet[VolunteerRole]:
    _require(role)
    roles = VolunteerRole.objects.for_network(role.network).select_related("organization", "area")
    if not role.is_coordinator:
        roles = roles.filter(organization=role.organization)
    return roles.annotate(
        working=Count("placements", filter=Q(placements__status=Placement.Status.AGREED), distinct=True),
        proposed=Count("placements", filter=Q(placements__status=Placement.Status.PROPOSED), distinct=True),
    ).order_by("status", "title")


def role_get(*, role: ActiveRole, pk) -> VolunteerRole:
    found = roles_for(role=role).filter(pk=pk).first()
    if found is None:
        raise Http404("No volunteer role with this id for this role")
    return found


def volunteers_for(*, role: ActiveRole, status: str = "", search: str = "") -> QuerySet[Volunteer]:
    _require(role)
    volunteers = Volunteer.objects.for_network(role.network).filter(anonymised_at__isnull=True)
    if not role.is_coordinator:
        theirs = VolunteerRole.objects.filter(network=role.network, organization=role.organization)
        volunteers = volunteers.filter(
            Q(placements__role__in=theirs, placements__status__in=Placement.OPEN)
            | Q(role_wanted__in=theirs)
            | Q(offers__help_request__organization=role.organization)
        ).distinct()
    if status in VolunteerStatus.values:
        volunteers = volunteers.filter(status=status)
    if search.strip():
        volunteers = volunteers.filter(name__icontains=search.strip()[:100])
    return volunteers.select_related("area", "role_wanted").order_by("name", "created_at")


def hours_roles(*, role: ActiveRole, volunteer: Volunteer) -> QuerySet[VolunteerRole]:
    """The roles hours can be recorded in: the volunteer's roles (any, for the coordinator), or for a partner their
    own roles in which the volunteer works or worked."""
    roles = VolunteerRole.objects.for_network(role.network)
    worked = Placement.objects.filter(
        volunteer=volunteer, status__in=(Placement.Status.AGREED, Placement.Status.ENDED)
    ).values("role_id")
    if role.is_coordinator:
        return roles.filter(pk__in=worked).order_by("title")
    return roles.filter(pk__in=worked, organization=role.organization).order_by("title")


def volunteer_hours(*, role: ActiveRole, volunteer: Volunteer) -> list[VolunteerHours]:
    """A volunteer's hours, newest first: all for the coordinator, a partner's only those in their roles."""
    hours = (
        VolunteerHours.objects.filter(volunteer=volunteer)
        .select_related("role")
        .order_by("-on", "-created_at")
    )
    if not role.is_coordinator:
        hours = hours.filter(role__organization=role.organization)
    return list(hours)


def status_counts(*, role: ActiveRole) -> dict[str, int]:
    """How many of the role's volunteers are in each status (each person once)."""
    people = Volunteer.objects.filter(pk__in=volunteers_for(role=role).values("pk"))
    return dict(people.values_list("status").annotate(n=Count("pk")).order_by())


def volunteer_get(*, role: ActiveRole, pk) -> Volunteer:
    """One volunteer of the role; a partner sees only the placements in their own roles."""
    placements = Placement.objects.select_related("role", "role__organization").order_by("-created_at")
    if not role.is_coordinator:
        placements = placements.filter(role__organization=role.organization)
    found = (
        volunteers_for(role=role)
        .filter(pk=pk)
        .prefetch_related(Prefetch("placements", queryset=placements))
        .first()
    )
    if found is None:
        raise Http404("No volunteer with this id for this role")
    return found


def placement_get(*, role: ActiveRole, pk) -> Placement:
    placements = Placement.objects.for_network(role.network).select_related("role", "volunteer")
    _require(role)
    if not role.is_coordinator:
        placements = placements.filter(role__organization=role.organization)
    found = placements.filter(pk=pk, volunteer__anonymised_at__isnull=True).first()
    if found is None:
        raise Http404("No placement with this id for this role")
    return found


def role_volunteers(*, volunteer_role: VolunteerRole) -> list[Placement]:
    """The volunteers proposed for or working in a role (the page of a role); who declined or stopped is on the
    volunteer's own page (the coordinator's)."""
    return list(
        volunteer_role.placements.filter(volunteer__anonymised_at__isnull=True, status__in=Placement.OPEN)
        .select_related("volunteer")
        .order_by("status", "volunteer__name")
    )


@dataclass(frozen=True)
class Suggestion:
    volunteer: Volunteer
    score: int
    reasons: tuple[str, ...]  # "interests", "languages", "availability", "area", "asked"


def _overlap(a, b) -> int:
    return len(set(a or []) & set(b or []))


def suggestions(*, volunteer_role: VolunteerRole, limit: int = 10) -> list[Suggestion]:
    """The volunteers who fit a role best: who asked for it, shares its kind of task, speaks a language it asks
    for, is free on one of its weekday parts (or the same day), and lives in its municipality. Volunteers already
    proposed or working in it are left out; a volunteer who fits in nothing is not suggested."""
    taken = Placement.objects.filter(role=volunteer_role, status__in=Placement.OPEN).values("volunteer_id")
    people = (
        Volunteer.objects.for_network(volunteer_role.network)
        .filter(anonymised_at__isnull=True, status__in=Volunteer.CURRENT)
        .exclude(pk__in=taken)
        .select_related("area")
    )
    wanted_days = {
        AVAILABILITY[slot][0] for slot in volunteer_role.availability or [] if slot in AVAILABILITY
    }
    found = []
    for person in people:
        reasons, score = [], 0
        if person.role_wanted_id == volunteer_role.pk:
            reasons.append("asked")
            score += 5
        if n := _overlap(person.interests, volunteer_role.interests):
            reasons.append("interests")
            score += 3 * n
        if volunteer_role.languages and (n := _overlap(person.languages, volunteer_role.languages)):
            reasons.append("languages")
            score += 2 * n
        if volunteer_role.availability:
            if n := _overlap(person.availability, volunteer_role.availability):
                reasons.append("availability")
                score += 2 * n
            elif wanted_days & {AVAILABILITY[s][0] for s in person.availability or [] if s in AVAILABILITY}:
                reasons.append("availability")
                score += 1
        if volunteer_role.area_id and person.area_id == volunteer_role.area_id:
            reasons.append("area")
            score += 2
        if score:
            if person.status == VolunteerStatus.ACTIVE:
                score += 1  # someone already known and insured
            found.append(Suggestion(person, score, tuple(reasons)))
    found.sort(key=lambda s: (-s.score, s.volunteer.name.casefold(), str(s.volunteer.pk)))
    return found[:limit]


def access_log(*, role: ActiveRole, limit: int = 50) -> QuerySet[VolunteerAccess]:
    """The coordinator's view of who saw or changed volunteers' data."""
    if not role.is_coordinator:
        raise Http404("Only the coordinator reads the volunteers' access log")
    return VolunteerAccess.objects.for_network(role.network).order_by("-created_at")[:limit]


# --- the yearly count --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearCount:
    year: int
    active: int  # volunteers who were active at some time in the year
    new: int  # of whom started that year
    stopped: int  # stopped that year
    signups: int  # people who signed up that year
    hours: Decimal
    roles: int  # roles with at least one volunteer working in them that year


def year_count(*, network: Network, year: int) -> YearCount:
    """What the annual report says of volunteers, anonymised rows included (they keep their dates and hours)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    people = Volunteer.objects.for_network(network)
    active = people.filter(started_on__lte=end).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    placements = Placement.objects.for_network(network).filter(
        status__in=(Placement.Status.AGREED, Placement.Status.ENDED), started_on__lte=end
    )
    placements = placements.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    hours = VolunteerHours.objects.for_network(network).filter(on__year=year).aggregate(total=Sum("hours"))
    return YearCount(
        year=year,
        active=active.count(),
        new=active.filter(started_on__gte=start).count(),
        stopped=people.filter(ended_on__gte=start, ended_on__lte=end, status=VolunteerStatus.STOPPED).count(),
        signups=people.filter(created_at__year=year).count(),
        hours=hours["total"] or Decimal(0),
        roles=placements.values("role_id").distinct().count(),
    )


# --- help requests and thank-you moments --------------------------------------------------------------------------


def help_requests_for(*, role: ActiveRole) -> QuerySet[HelpRequest]:
    _require(role)
    requests = HelpRequest.objects.for_network(role.network).select_related("organization", "area")
    if not role.is_coordinator:
        requests = requests.filter(organization=role.organization)
    return requests.annotate(offer_count=Count("offers")).order_by("-on")


def help_request_get(*, role: ActiveRole, pk) -> HelpRequest:
    found = help_requests_for(role=role).filter(pk=pk).first()
    if found is None:
        raise Http404("No help request with this id for this role")
    return found


def help_offers(*, help_request: HelpRequest) -> list[HelpOffer]:
    return list(
        help_request.offers.filter(volunteer__anonymised_at__isnull=True)
        .select_related("volunteer")
        .order_by("created_at")
    )


def help_request_public(*, network: Network, pk) -> HelpRequest | None:
    return HelpRequest.objects.for_network(network).select_related("organization").filter(pk=pk).first()


def thank_yous(*, network: Network) -> QuerySet[ThankYou]:
    return ThankYou.objects.for_network(network).order_by("-on")
