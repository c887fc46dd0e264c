"""Reading funding calls and applications, always through the network and the active role.

- Calls: the coordinator and every partner's staff (editors and members) of the network; not intake staff or
  analysts, never another network.
- Applications: the coordinator sees all of the network; a partner's staff only the applications their
  organisation was invited to (and did not decline).
Everyone else, and every id of another network, gets a 404."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import RoleAssignment
from hvhk.core.models import Network
from hvhk.directory.models import Attribute, Organization
from hvhk.projects.models import (
    Application,
    ApplicationDocument,
    ApplicationPartner,
    CallAlert,
    FundingCall,
    Milestone,
)

Answer = ApplicationPartner.Answer


def organization_terms(organization: Organization) -> set:
    """The taxonomy terms (life domains, target groups) of an organisation's services."""
    return set(
        Attribute.objects.filter(service__organization=organization, taxonomy_term__isnull=False)
        .values_list("taxonomy_term_id", flat=True)
        .distinct()
    )


def call_matches(call: FundingCall, terms: set) -> bool:
    """A call without themes is for everyone; else one of its themes must be among `terms`."""
    themes = {t.pk for t in call.life_domains.all()} | {t.pk for t in call.target_groups.all()}
    return not themes or bool(themes & terms)


def alert_recipients(call: FundingCall) -> list[str]:
    """The e-mail addresses of the partners' staff who opted in and whose organisation's services match."""
    addresses = set()
    still_staff = RoleAssignment.objects.filter(
        user=OuterRef("user"),
        network_id=call.network_id,
        organization=OuterRef("organization"),
        role__in=tuple(RoleAssignment.PARTNER_STAFF),
    )
    # Only who still works for the partner: an alert outlives a role that was taken away.
    alerts = (
        CallAlert.objects.filter(network_id=call.network_id, user__is_active=True)
        .filter(Exists(still_staff))
        .select_related("user", "organization")
    )

    terms_of = {}
    for alert in alerts:
        if alert.organization_id not in terms_of:
            terms_of[alert.organization_id] = organization_terms(alert.organization)
        if alert.user.email and call_matches(call, terms_of[alert.organization_id]):
            addresses.add(alert.user.email)
    return sorted(addresses)


def sees_projects(role: ActiveRole) -> bool:
    return role.is_coordinator or (role.organization is not None and (role.is_editor or role.is_member))


def _require(role: ActiveRole) -> None:
    if not sees_projects(role):
        raise Http404("Only the coordinator and partners' staff see funding calls")


def calls_for(*, role: ActiveRole, past: bool = False) -> QuerySet[FundingCall]:
    _require(role)
    today = timezone.localdate()
    calls = FundingCall.objects.for_network(role.network).select_related("organization")
    calls = (
        calls.filter(deadline__lt=today).order_by("-deadline") if past else calls.filter(deadline__gte=today)
    )
    return calls.prefetch_related("life_domains", "target_groups")


def call_get(*, role: ActiveRole, pk) -> FundingCall:
    _require(role)
    call = (
        FundingCall.objects.for_network(role.network)
        .select_related("organization", "created_by")
        .prefetch_related("life_domains", "target_groups")
        .filter(pk=pk)
        .first()
    )
    if call is None:
        raise Http404("No funding call with this id here")
    return call


def calls_for_you(*, role: ActiveRole, calls) -> set:
    """The ids of the calls whose themes match the partner's services (none for the coordinator)."""
    if role.organization is None:
        return set()
    terms = organization_terms(role.organization)
    return {call.pk for call in calls if call_matches(call, terms)}


def alert_on(*, role: ActiveRole, user) -> bool:
    if role.organization is None:
        return False
    return CallAlert.objects.filter(network=role.network, user=user, organization=role.organization).exists()


def applications_for(*, role: ActiveRole) -> QuerySet[Application]:
    _require(role)
    applications = Application.objects.for_network(role.network)
    if not role.is_coordinator:
        applications = applications.filter(
            partners__organization=role.organization, partners__answer__in=(Answer.INVITED, Answer.ACCEPTED)
        )
    return applications.select_related("call").prefetch_related(
        Prefetch("partners", queryset=ApplicationPartner.objects.select_related("organization"))
    )


def application_get(*, role: ActiveRole, pk) -> Application:
    application = (
        applications_for(role=role)
        .prefetch_related(
            Prefetch("documents", queryset=ApplicationDocument.objects.select_related("uploaded_by")),
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on")),
        )
        .filter(pk=pk)
        .first()
    )
    if application is None:
        raise Http404("No application with this id for this role")
    return application


def document_get(*, role: ActiveRole, pk) -> ApplicationDocument:
    document = (
        ApplicationDocument.objects.for_network(role.network)
        .filter(pk=pk, application__in=applications_for(role=role))
        .select_related("application")
        .first()
    )
    if document is None:
        raise Http404("No document with this id for this role")
    return document


def partner_get(*, role: ActiveRole, pk) -> ApplicationPartner:
    """An invitation of the active role's organisation (to answer it)."""
    _require(role)
    partner = (
        ApplicationPartner.objects.for_network(role.network)
        .filter(pk=pk, organization=role.organization)
        .select_related("application", "organization")
        .first()
    )
    if partner is None:
        raise Http404("No invitation of this organisation with this id")
    return partner


def milestone_get(*, role: ActiveRole, pk) -> Milestone:
    milestone = (
        Milestone.objects.for_network(role.network)
        .filter(pk=pk, application__in=applications_for(role=role))
        .select_related("application")
        .first()
    )
    if milestone is None:
        raise Http404("No milestone with this id for this role")
    return milestone


# --- the yearly overview ------------------------------------------------------------------------------------------


def application_year(application: Application) -> int:
    """The year an application counts in: when it was submitted, else decided, else started."""
    day = (
        application.submitted_on
        or application.decided_on
        or timezone.localtime(application.created_at).date()
    )
    return day.year


@dataclass(frozen=True)
class YearOverview:
    year: int
    applications: list[Application]
    submitted: int
    granted: int
    refused: int
    withdrawn: int
    pending: int
    asked: Decimal
    granted_amount: Decimal


def applications_in_year(*, network: Network, year: int) -> YearOverview:
    """Every application of the network that counts in `year`, with its outcome: for the annual report."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    candidates = (
        Application.objects.for_network(network)
        .filter(
            Q(submitted_on__range=(start, end))
            | Q(submitted_on__isnull=True, decided_on__range=(start, end))
            | Q(submitted_on__isnull=True, decided_on__isnull=True, created_at__year=year)
        )
        .select_related("call")
        .prefetch_related(
            Prefetch("partners", queryset=ApplicationPartner.objects.select_related("organization"))
        )
        .order_by("call__deadline", "title")
    )
    rows = [a for a in candidates if application_year(a) == year]
    status = Application.Status
    submitted = [a for a in rows if a.submitted_on]
    return YearOverview(
        year=year,
        applications=rows,
        submitted=len(submitted),
        granted=sum(a.status == status.GRANTED for a in rows),
        refused=sum(a.status == status.REFUSED for a in rows),
        withdrawn=sum(a.status == status.WITHDRAWN for a in rows),
        pending=sum(a.status in Application.OPEN for a in rows),
        asked=sum((a.amount_asked or Decimal(0) for a in submitted), start=Decimal(0)),
        granted_amount=sum((a.amount_granted or Decimal(0) for a in rows), start=Decimal(0)),
    )


def application_years(*, network: Network) -> list[int]:
    years = {application_year(a) for a in Application.objects.for_network(network)}
    years.add(timezone.localdate().year)
    return sorted(years, reverse=True)


def lead_of(application: Application) -> ApplicationPartner | None:
    return next((p for p in application.partners.all() if p.role == ApplicationPartner.Role.LEAD), None)
