"""Reads for the portal's activity pages: which activities a role sees, the list with its filters, the
coordinator's moderation queue, what a pending proposal changes (old → new), the sessions of an activity and
the network's holiday periods.

Who sees what (read only; `selectors.access` says who changes what and who sees registrations):
the coordinator and the analyst every activity of the network, a partner's editor or member those of their
organisation, intake staff and other roles none.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Min, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import RoleAssignment
from hvhk.activities.models import Activity, HolidayPeriod, Session
from hvhk.activities.selectors.availability import Availability, availability_for_sessions
from hvhk.core.models import Network
from hvhk.directory.languages import LANGUAGE_NAMES
from hvhk.directory.models import House, Location, Organization, Pillar, Service
from hvhk.directory.snapshots import Piece, word_diff

Role = RoleAssignment.Role

# --- values: one JSON-able form for the record, a proposal and their comparison ---------------------------------

# What families read: moderated once the activity is online.
CONTENT_FIELDS = (
    "service",
    "house",
    "title",
    "description",
    "translations",
    "kind",
    "pillar",
    "minimum_age_months",
    "maximum_age_months",
    "languages",
    "price_cents",
    "uitpas_price_cents",
    "price_note",
    "location",
    "online",
    "online_url",
    "accessibility",
    "contact_email",
)
# How the activity runs: applies at once.
OPERATIONAL_FIELDS = (
    "schedule",
    "recurrence",
    "skip_public_holidays",
    "skip_school_holidays",
    "registration_required",
    "capacity",
    "places_per",
    "waiting_list",
    "offer_hours",
)
FIELDS = CONTENT_FIELDS + OPERATIONAL_FIELDS
RELATED = ("service", "house", "location")


def normalise(name: str, value):
    if name in RELATED:
        return None if value in (None, "") else str(getattr(value, "pk", value))
    if name == "translations":
        return {
            code: {f: t for f, t in sorted(texts.items()) if t}
            for code, texts in sorted((value or {}).items())
            if any(texts.values())
        }
    if name == "languages":
        return sorted(dict.fromkeys(value or []))
    if isinstance(value, str):
        return value.strip()
    return value


def field_value(activity: Activity, name: str):
    """The stored value of `name` on `activity`, in the form `pending_changes` keeps."""
    if name in RELATED:
        pk = getattr(activity, f"{name}_id")
        return str(pk) if pk is not None else None
    return normalise(name, getattr(activity, name))


def sees_activities(*, role: ActiveRole) -> bool:
    return (
        role.is_coordinator
        or role.role == Role.ANALYST
        or (role.role in RoleAssignment.PARTNER_STAFF and role.organization is not None)
    )


def portal_activities_for(*, role: ActiveRole) -> QuerySet[Activity]:
    """The activities `role` may look at in the portal (see the module's docstring)."""
    activities = Activity.objects.for_network(role.network)
    if role.is_coordinator or role.role == Role.ANALYST:
        return activities
    if role.role in RoleAssignment.PARTNER_STAFF and role.organization is not None:
        return activities.filter(service__organization=role.organization)
    return activities.none()


def needs_review_q() -> Q:
    return Q(status=Activity.Status.SUBMITTED) | Q(pending_status=Activity.PendingStatus.SUBMITTED)


def activity_list(*, role: ActiveRole, status: str = "", organization: str = "") -> QuerySet[Activity]:
    """The role's activities, those waiting for review first, with what a row shows (service, organisation,
    house, place, the next session and the number of upcoming sessions) in one query."""
    now = timezone.now()
    upcoming = Q(sessions__starts_at__gte=now, sessions__is_cancelled=False)
    activities = (
        portal_activities_for(role=role)
        .select_related("service__organization", "house", "location")
        .annotate(
            next_start=Min("sessions__starts_at", filter=upcoming),
            upcoming_count=Count("sessions", filter=upcoming),
            review_order=Case(
                When(needs_review_q(), then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
        )
        .order_by("review_order", "title", "pk")
    )
    if status == "review":
        activities = activities.filter(needs_review_q())
    elif status in Activity.Status.values:
        activities = activities.filter(status=status)
    if organization:
        try:
            activities = activities.filter(service__organization_id=uuid.UUID(str(organization)))
        except ValueError:  # a malformed id in the query string filters to nothing
            activities = activities.none()
    return activities


def organizations_with_activities(*, role: ActiveRole) -> list[Organization]:
    """The partners that have activities, for the coordinator's filter."""
    return list(
        Organization.objects.for_network(role.network)
        .filter(services__activities__in=portal_activities_for(role=role))
        .distinct()
        .order_by("name")
    )


def moderation_queue(*, network: Network) -> QuerySet[Activity]:
    """What waits for the coordinator: new activities sent in, and proposed changes to online ones, oldest first."""
    return (
        Activity.objects.for_network(network)
        .filter(needs_review_q())
        .select_related("service__organization", "submitted_by", "pending_by")
        .order_by("pending_at", "submitted_at", "title")
    )


def activity_services_for(*, role: ActiveRole) -> QuerySet[Service]:
    """The services an activity of `role` can belong to: the organisation's own for its editor, every service of
    the network for the coordinator."""
    services = Service.objects.for_network(role.network).select_related("organization").order_by("name")
    if role.is_coordinator:
        return services
    if role.is_editor and role.organization is not None:
        return services.filter(organization=role.organization)
    return services.none()


def activity_places_for(
    *, network: Network, organization: Organization | None, current=None
) -> QuerySet[Location]:
    """The places an activity can be at: the organisation's own (all of the network's for the coordinator, who
    passes None), any place of a house of the network, and the current one."""
    rule = Q(houses__network=network)
    if organization is None:
        rule |= Q(organization__isnull=False)
    else:
        rule |= Q(organization=organization)
    if current:
        rule |= Q(pk=current)
    return Location.objects.for_network(network).filter(rule).distinct().order_by("name")


def activity_houses_for(*, network: Network) -> QuerySet[House]:
    return House.objects.for_network(network).filter(is_active=True).order_by("name")


# --- sessions -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRow:
    session: Session
    availability: Availability
    started: bool


def activity_sessions(*, activity: Activity) -> tuple[list[SessionRow], list[SessionRow]]:
    """(upcoming, past) sessions of `activity` with their places, in two queries."""
    sessions = list(
        Session.objects.for_network(activity.network).filter(activity=activity).order_by("starts_at")
    )
    for s in sessions:
        s.activity = activity
    places = availability_for_sessions(sessions=sessions)
    now = timezone.now()
    rows = [SessionRow(s, places[s.pk], s.starts_at <= now) for s in sessions]
    return [r for r in rows if not r.started], [r for r in rows if r.started]


def holiday_periods(*, network: Network) -> QuerySet[HolidayPeriod]:
    return HolidayPeriod.objects.for_network(network).order_by("starts_on")


# --- what a proposal changes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str
    removed: list[Piece]
    added: list[Piece]


def _euro(cents) -> str:
    if cents is None:
        return ""
    if cents == 0:
        return _("gratis")
    return "€ " + f"{cents / 100:.2f}".replace(".", ",")


def _age(months) -> str:
    if months is None:
        return ""
    if months < 0:
        return _("de zwangerschap (%(months)s maanden voor de geboorte)") % {"months": -months}
    if months == 0:
        return _("de geboorte")
    if months % 12 == 0 and months:
        return ngettext("%(n)d jaar", "%(n)d jaar", months // 12) % {"n": months // 12}
    return ngettext("%(n)d maand", "%(n)d maanden", months) % {"n": months}


def _display(name: str, value, names: dict) -> str:
    if name in ("service", "house", "location"):
        return names.get(str(value), "") if value else ""
    if name == "kind":
        return str(dict(Activity.Kind.choices).get(value, value or ""))
    if name == "pillar":
        return str(dict(Pillar.Kind.choices).get(value, value or ""))
    if name in ("price_cents", "uitpas_price_cents"):
        return _euro(value)
    if name in ("minimum_age_months", "maximum_age_months"):
        return _age(value)
    if name == "languages":
        return ", ".join(str(LANGUAGE_NAMES.get(code, code)) for code in value or [])
    if name == "online":
        return _("ja") if value else _("nee")
    return "" if value is None else str(value)


def activity_facts(*, activity: Activity) -> dict[str, str]:
    """Price, UiTPAS rate and ages of `activity` in words, for the portal pages."""
    low, high = activity.minimum_age_months, activity.maximum_age_months
    if low is None and high is None:
        ages = _("alle leeftijden")
    else:
        ages = " ".join(
            part
            for part in (
                _("vanaf %(age)s") % {"age": _age(low)} if low is not None else "",
                _("tot %(age)s") % {"age": _age(high)} if high is not None else "",
            )
            if part
        )
    return {
        "price": _euro(activity.price_cents),
        "uitpas": _euro(activity.uitpas_price_cents),
        "ages": ages,
    }


def _translation_rows(before: dict, after: dict) -> list[tuple[str, str, str]]:
    languages = dict(settings.LANGUAGES)
    rows = []
    for code in sorted(set(before) | set(after)):
        for field in ("title", "description"):
            old = (before.get(code) or {}).get(field, "")
            new = (after.get(code) or {}).get(field, "")
            if old != new:
                label = str(Activity._meta.get_field(field).verbose_name).capitalize()
                rows.append((f"{label} ({languages.get(code, code)})", old, new))
    return rows


def pending_diff(*, activity: Activity) -> list[Change]:
    """What the pending proposal of `activity` changes, field by field: the online value and the proposed one,
    with a word diff of each (for the review page). Empty without a proposal."""
    proposal = activity.pending_changes or {}
    if not proposal:
        return []
    ids = {
        str(v)
        for name in ("service", "house", "location")
        for v in (proposal.get(name), field_value(activity, name))
        if v
    }
    names = {str(s.pk): s.name for s in Service.objects.filter(pk__in=ids)}
    names |= {str(h.pk): h.name for h in House.objects.filter(pk__in=ids)}
    names |= {str(p.pk): p.name or str(p.pk) for p in Location.objects.filter(pk__in=ids)}
    rows: list[tuple[str, str, str]] = []
    for name in CONTENT_FIELDS:
        if name not in proposal:
            continue
        if name == "translations":
            rows += _translation_rows(field_value(activity, name) or {}, proposal[name] or {})
            continue
        label = str(Activity._meta.get_field(name).verbose_name).capitalize()
        rows.append(
            (label, _display(name, field_value(activity, name), names), _display(name, proposal[name], names))
        )
    changes = []
    for label, before, after in rows:
        removed, added = word_diff(before, after)
        changes.append(Change(label, before, after, removed, added))
    return changes
