"""Reads for the UiTdatabank export: a network's published activities with their upcoming sessions and places,
mapped by `hvhk.activities.uitdatabank`, in a fixed number of queries whatever the number of activities."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.urls import NoReverseMatch
from django.utils import timezone

from hvhk.activities.models import Activity, Session
from hvhk.activities.selectors.availability import availability_for_sessions
from hvhk.activities.uitdatabank import ExportConfig, event_for, export_problems
from hvhk.core.lib.http import absolute_url
from hvhk.core.models import Network


@dataclass
class UitdatabankExport:
    events: list[dict] = field(default_factory=list)
    skipped: list[tuple[Activity, list[str]]] = field(default_factory=list)  # (activity, reasons)


def export_config() -> ExportConfig:
    return ExportConfig(
        event_types=dict(settings.UITDATABANK_EVENT_TYPES), online_place=settings.UITDATABANK_ONLINE_PLACE
    )


def activity_page_url(activity: Activity) -> str:
    """The activity's public page (where families register), on HVHK_BASE_URL."""
    try:
        return absolute_url("activities:detail", activity.network.slug, activity.pk)
    except NoReverseMatch:  # the page's URL is wired up by the registration pages; its address is fixed
        return absolute_url(f"/{activity.network.slug}/activities/{activity.pk}/")


def published_activities_with_upcoming(*, network: Network, now: dt.datetime):
    """The network's published activities, each with `upcoming` (its sessions that start after `now`,
    cancelled ones included, in order) and its location, service and network loaded."""
    upcoming = Session.objects.for_network(network).filter(starts_at__gt=now).order_by("starts_at")
    return (
        Activity.objects.for_network(network)
        .filter(status=Activity.Status.PUBLISHED)
        .select_related("network", "location", "service")
        .prefetch_related(Prefetch("sessions", queryset=upcoming, to_attr="upcoming"))
        .order_by("title", "pk")
    )


def uitdatabank_export(
    *, network: Network, now: dt.datetime | None = None, config: ExportConfig | None = None
) -> UitdatabankExport:
    """The network's published activities as UiTdatabank events, and the ones that cannot go, with why."""
    now = now or timezone.now()
    config = config or export_config()
    activities = list(published_activities_with_upcoming(network=network, now=now))
    availability = availability_for_sessions(sessions=[s for a in activities for s in a.upcoming])
    result = UitdatabankExport()
    for activity in activities:
        problems = export_problems(activity, activity.upcoming, now=now, config=config)
        if problems:
            result.skipped.append((activity, problems))
            continue
        result.events.append(
            event_for(
                activity,
                activity.upcoming,
                availability=availability,
                page_url=activity_page_url(activity),
                now=now,
                config=config,
            )
        )
    return result
