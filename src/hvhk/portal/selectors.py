"""Reads for the portal's pages: a partner's services with data-quality hints, the coordinator's queues."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from hvhk.accounts.access import ActiveRole
from hvhk.directory import models as m
from hvhk.directory.models import Draft
from hvhk.directory.selectors import (
    editable_drafts,
    editable_organizations,
    editable_services,
    overdue_before,
)
from hvhk.feedback.models import ErrorReport


@dataclass
class ServiceRow:
    service: m.Service
    hints: list[str] = field(default_factory=list)
    draft: Draft | None = None
    overdue: bool = False


def service_rows(role: ActiveRole, *, organization: m.Organization | None = None) -> list[ServiceRow]:
    """The role's services, each with what a parent would miss (hours, language, age) and its open draft."""
    qs = editable_services(role=role).select_related("organization").order_by("name")
    if organization is not None:
        qs = qs.filter(organization=organization)
    qs = qs.annotate(
        n_schedules=Count("schedules", distinct=True),
        n_place_schedules=Count("service_at_locations__location__schedules", distinct=True),
        n_languages=Count("languages", distinct=True),
    ).prefetch_related(
        Prefetch("service_at_locations", queryset=m.ServiceAtLocation.objects.only("id", "service_id"))
    )
    drafts = {
        d.target_id: d
        for d in editable_drafts(role=role).filter(
            kind=Draft.Kind.SERVICE, status__in=Draft.OPEN, target_id__isnull=False
        )
    }
    limit = overdue_before()
    rows = []
    for service in qs:
        hints = []
        if (
            not service.n_schedules
            and not service.n_place_schedules
            and not service.by_phone
            and not service.online
        ):
            hints.append(_("Geen openingsuren"))
        if not service.n_languages:
            hints.append(_("Geen taal"))
        if service.minimum_age_months is None and service.maximum_age_months is None:
            hints.append(_("Geen leeftijd"))
        if len(service.description) < 80:
            hints.append(_("Korte beschrijving"))
        if service.at_location and not service.service_at_locations.all():
            hints.append(_("Geen locatie"))
        overdue = service.assured_date is None or service.assured_date < limit
        if overdue:
            hints.append(_("Niet meer nagekeken sinds {date}").format(date=service.assured_date or "—"))
        rows.append(ServiceRow(service, hints, drafts.get(service.pk), overdue))
    return rows


def review_queue(role: ActiveRole) -> QuerySet[Draft]:
    return (
        editable_drafts(role=role)
        .filter(status=Draft.Status.SUBMITTED)
        .select_related("organization", "author")
        .order_by("submitted_at")
    )


def overdue_services(role: ActiveRole) -> QuerySet[m.Service]:
    limit = overdue_before()
    return (
        editable_services(role=role)
        .filter(Q(assured_date__lt=limit) | Q(assured_date__isnull=True), status=m.Service.Status.ACTIVE)
        .select_related("organization")
        .order_by("assured_date", "name")
    )


def open_reports(role: ActiveRole) -> QuerySet[ErrorReport]:
    qs = ErrorReport.objects.for_network(role.network).filter(
        status__in=[ErrorReport.Status.NEW, ErrorReport.Status.IN_PROGRESS]
    )
    if not role.is_coordinator:
        qs = qs.filter(assigned_organization__in=editable_organizations(role=role))
    return qs.select_related("service", "assigned_organization")
