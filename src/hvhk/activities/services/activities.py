"""Partners keep their activities; the coordinator reviews them, like services.

    draft ──submit──▶ submitted ──publish──▶ published ──withdraw──▶ withdrawn ──submit──▶ …
      │                   │                     ▲
      └─────publish───────┼─────────────────────┘   (a coordinator, or an editor of a trusted partner)
                          └──return──▶ returned ──submit──▶ submitted

Who publishes directly (`directory.permissions.publishes_directly`: the coordinator, or an editor of a partner
the coordinator trusts) goes online at once; other editors submit and the coordinators get an e-mail.

Once an activity is online, a change of its *content* (title, description, translations, kind, ages, price,
place, …) by someone who does not publish directly does not go online unreviewed: it waits on the activity as a
proposal (`pending_changes`, {field: new value}) that the coordinator publishes or returns, while the published
version stays online. *Operational* changes (places, waiting list, how families register) apply at once, as
do sessions (services.schedule). Every save leaves a history row (django-simple-history) naming who and which
step; e-mails go after commit.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.access import ANY_ORGANIZATION, holds_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.activities.models import Activity, Registration
from hvhk.activities.selectors.access import can_edit, can_moderate
from hvhk.activities.selectors.portal import (
    CONTENT_FIELDS,
    FIELDS,
    OPERATIONAL_FIELDS,
    field_value,
    normalise,
)
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.core.models import Network
from hvhk.directory import permissions
from hvhk.directory.models import House, Location, Service

Status = Activity.Status
Pending = Activity.PendingStatus
RELATED = {"service": Service, "house": House, "location": Location}


def _assign(activity: Activity, values: dict) -> None:
    for name, value in values.items():
        if name in RELATED:
            setattr(activity, f"{name}_id", value)
        else:
            setattr(activity, name, value)


def _candidate(activity: Activity, values: dict) -> Activity:
    """An unsaved copy of `activity` with `values` applied, to check them without touching the record."""
    copy = Activity(**{f.attname: getattr(activity, f.attname) for f in Activity._meta.concrete_fields})
    copy._state.adding = activity._state.adding
    copy._state.db = activity._state.db
    _assign(copy, values)
    return copy


def _check_fields(fields: dict) -> dict:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"Unknown activity fields: {', '.join(sorted(unknown))}")
    return {name: normalise(name, value) for name, value in fields.items()}


def _validate(candidate: Activity, *, before: Activity | None) -> None:
    """The domain rules beyond the model's: the place belongs to the organisation or to a house of the network;
    the service, house and place are of the activity's network; the way families register does not change under
    active registrations. Then the model's own rules (full_clean)."""
    errors: dict[str, list[str]] = {}
    network_id = candidate.network_id
    service = Service.objects.filter(pk=candidate.service_id).first()
    if service is None or service.network_id != network_id:
        errors["service"] = [_("Kies een aanbod van dit netwerk.")]
    if candidate.house_id and not House.objects.filter(pk=candidate.house_id, network_id=network_id).exists():
        errors["house"] = [_("Kies een huis van dit netwerk.")]
    location_changed = before is None or str(before.location_id) != str(candidate.location_id)
    if candidate.location_id and location_changed:
        allowed = Location.objects.filter(pk=candidate.location_id, network_id=network_id).filter(
            Q(organization_id=service.organization_id if service else None) | Q(houses__network_id=network_id)
        )
        if not allowed.exists():
            errors["location"] = [_("Kies een plaats van je organisatie of van een huis van het netwerk.")]
    if (
        before is not None
        and before.per_series != candidate.per_series
        and Registration.objects.filter(activity_id=before.pk, status__in=Registration.ACTIVE).exists()
    ):
        errors["schedule"] = [
            _(
                "Er zijn al inschrijvingen. Hoe gezinnen inschrijven (per moment of voor de hele reeks) kan "
                "dan niet meer veranderen."
            )
        ]
    if errors:
        raise ValidationError(errors)
    candidate.full_clean()


def _save(activity: Activity, acting_user: User | None, step: str) -> Activity:
    activity._history_user = acting_user  # the history row names who took the step...
    activity._change_reason = step  # ...and which step it was
    activity.save()
    return activity


def _lock(activity: Activity) -> Activity:
    """The activity read again under a row lock (PostgreSQL; SQLite writes one at a time)."""
    return Activity.objects.select_for_update().get(pk=activity.pk)


def _refresh(target: Activity, source: Activity) -> None:
    """Copy the saved state into the caller's object, so views keep working with the current record."""
    for f in Activity._meta.concrete_fields:
        setattr(target, f.attname, getattr(source, f.attname))


# --- create and change -----------------------------------------------------------------------------------------


@transaction.atomic
def activity_create(*, network: Network, service: Service, acting_user: User | None, **fields) -> Activity:
    """A new activity of `service` (a draft: families see it once it is published). The coordinator may pick any
    service of the network, a partner's editor one of their own organisation."""
    values = _check_fields(fields)
    values.pop("service", None)
    is_staff = holds_role(
        acting_user,
        network=network,
        roles=(RoleAssignment.Role.COORDINATOR, RoleAssignment.Role.EDITOR),
        organization=ANY_ORGANIZATION,
    )
    if not is_staff:
        raise PermissionDenied("Only the coordinator or a partner's editor creates activities")
    activity = Activity(network=network, service=service, created_by=acting_user, status=Status.DRAFT)
    if service.network_id != network.pk:
        raise ValidationError({"service": _("Kies een aanbod van dit netwerk.")})
    if not can_edit(user=acting_user, activity=activity):
        raise ValidationError({"service": _("Kies een aanbod van je eigen organisatie.")})
    _assign(activity, values)
    _validate(activity, before=None)
    return _save(activity, acting_user, "create")


@transaction.atomic
def activity_update(*, activity: Activity, acting_user: User | None, **fields) -> Activity:
    """Change `activity`. Before it is online every change applies; once online, content changes by someone who
    does not publish directly become (or replace) the pending proposal and the coordinators get an e-mail, and
    operational changes apply at once. Raises PermissionDenied for people who may not edit it and
    ValidationError (nothing saved) for bad values."""
    values = _check_fields(fields)
    if not can_edit(user=acting_user, activity=activity):
        raise PermissionDenied("Only the coordinator or the organisation's editor changes an activity")
    original = activity
    activity = _lock(activity)
    if "service" in values and values["service"] != field_value(activity, "service"):
        new_service = Service.objects.filter(pk=values["service"]).first()
        if new_service is None or not can_edit(
            user=acting_user, activity=Activity(network_id=activity.network_id, service=new_service)
        ):
            raise ValidationError({"service": _("Kies een aanbod van je eigen organisatie.")})
    direct = activity.status != Status.PUBLISHED or permissions.publishes_directly(
        user=acting_user, organization=activity.service.organization
    )
    if direct:
        _validate(_candidate(activity, values), before=activity)
        _assign(activity, values)
        _drop_settled_pending(activity)
        _save(activity, acting_user, "update")
        _refresh(original, activity)
        return original
    content = {k: v for k, v in values.items() if k in CONTENT_FIELDS}
    operational = {k: v for k, v in values.items() if k in OPERATIONAL_FIELDS}
    proposal = dict(activity.pending_changes or {})
    for name, value in content.items():
        if value == field_value(activity, name):
            proposal.pop(name, None)
        else:
            proposal[name] = value
    _validate(_candidate(activity, {**proposal, **operational}), before=activity)
    _assign(activity, operational)
    changed = proposal != (activity.pending_changes or {})
    resubmitted = bool(proposal) and (changed or activity.pending_status != Pending.SUBMITTED)
    activity.pending_changes = proposal
    if not proposal:
        activity.pending_status, activity.pending_by, activity.pending_at = "", None, None
    elif resubmitted:
        activity.pending_status = Pending.SUBMITTED
        activity.pending_by, activity.pending_at = acting_user, timezone.now()
    _save(activity, acting_user, "propose" if resubmitted else "update")
    if resubmitted:
        transaction.on_commit(lambda: _tell_coordinators(activity, proposal=True), robust=True)
    _refresh(original, activity)
    return original


def _drop_settled_pending(activity: Activity) -> None:
    """Forget proposed values that the record now has anyway; no proposal left, no proposal status."""
    proposal = {k: v for k, v in (activity.pending_changes or {}).items() if v != field_value(activity, k)}
    activity.pending_changes = proposal
    if not proposal:
        activity.pending_status, activity.pending_by, activity.pending_at = "", None, None


# --- moderation ---------------------------------------------------------------------------------------------


def _require_edit(user: User | None, activity: Activity) -> None:
    if not can_edit(user=user, activity=activity):
        raise PermissionDenied("Only the coordinator or the organisation's editor")


@transaction.atomic
def activity_submit(*, activity: Activity, acting_user: User | None) -> Activity:
    """Send the activity in for review (the coordinators get an e-mail); who publishes directly publishes it."""
    _require_edit(acting_user, activity)
    locked = _lock(activity)
    if locked.status == Status.SUBMITTED:
        raise ValidationError(_("Deze activiteit wacht al op nazicht."), code="submitted")
    if locked.status == Status.PUBLISHED:
        raise ValidationError(_("Deze activiteit staat al online."), code="published")
    if permissions.publishes_directly(user=acting_user, organization=locked.service.organization):
        return activity_publish(activity=activity, acting_user=acting_user)
    _validate(locked, before=locked)
    locked.status = Status.SUBMITTED
    locked.submitted_at, locked.submitted_by = timezone.now(), acting_user
    _save(locked, acting_user, "submit")
    transaction.on_commit(lambda: _tell_coordinators(locked, proposal=False), robust=True)
    _refresh(activity, locked)
    return activity


@transaction.atomic
def activity_publish(*, activity: Activity, acting_user: User | None) -> Activity:
    """Put the activity online, or, when it is online with a pending proposal, apply the proposal. Only the
    coordinator or an editor of a trusted partner may. The author hears of it (e-mail)."""
    _require_edit(acting_user, activity)
    if not permissions.publishes_directly(user=acting_user, organization=activity.service.organization):
        raise PermissionDenied("Only the coordinator or a trusted partner publishes")
    locked = _lock(activity)
    if locked.status == Status.PUBLISHED:
        proposal = locked.pending_changes or {}
        if not proposal:
            raise ValidationError(
                _("Deze activiteit staat al online; er is geen wijziging om te publiceren.")
            )
        _validate(_candidate(locked, proposal), before=locked)
        author = locked.pending_by
        _assign(locked, proposal)
        locked.pending_changes, locked.pending_status, locked.pending_by, locked.pending_at = (
            {},
            "",
            None,
            None,
        )
        locked.review_comment = ""
        _save(locked, acting_user, "publish-changes")
        if author and author != acting_user:
            transaction.on_commit(lambda: _tell_author(locked, author, proposal=True), robust=True)
    else:
        _validate(locked, before=locked)
        author = locked.submitted_by if locked.status == Status.SUBMITTED else None
        locked.status = Status.PUBLISHED
        locked.published_at = timezone.now()
        locked.review_comment = ""
        _save(locked, acting_user, "publish")
        if author and author != acting_user:
            transaction.on_commit(lambda: _tell_author(locked, author, proposal=False), robust=True)
    _refresh(activity, locked)
    return activity


@transaction.atomic
def activity_return(*, activity: Activity, acting_user: User | None, comment: str) -> Activity:
    """The coordinator sends a submitted activity (or a pending proposal) back, saying what should change; the
    published version of an online activity stays online."""
    if not can_moderate(user=acting_user, activity=activity):
        raise PermissionDenied("Only the coordinator returns an activity")
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Zeg wat er anders moet.")})
    locked = _lock(activity)
    if locked.status == Status.SUBMITTED:
        locked.status = Status.RETURNED
        author, proposal = locked.submitted_by, False
    elif locked.status == Status.PUBLISHED and locked.pending_status == Pending.SUBMITTED:
        locked.pending_status = Pending.RETURNED
        author, proposal = locked.pending_by, True
    else:
        raise ValidationError(_("Er is niets ingediend om terug te sturen."), code="not_submitted")
    locked.review_comment = comment
    _save(locked, acting_user, "return")
    if author:
        transaction.on_commit(lambda: _tell_author(locked, author, proposal=proposal), robust=True)
    _refresh(activity, locked)
    return activity


@transaction.atomic
def activity_withdraw(*, activity: Activity, acting_user: User | None) -> Activity:
    """Take the activity offline (or take back a submission). Refused while families are registered for an
    upcoming session: cancel those sessions first, so they hear about it. A pending proposal becomes the
    activity's text (it is offline; going online again is reviewed)."""
    _require_edit(acting_user, activity)
    locked = _lock(activity)
    if locked.status not in (Status.PUBLISHED, Status.SUBMITTED):
        raise ValidationError(_("Deze activiteit staat niet online en wacht niet op nazicht."))
    registered = Registration.objects.filter(activity_id=locked.pk, status__in=Registration.ACTIVE).filter(
        Q(session__starts_at__gt=timezone.now(), session__is_cancelled=False)
        | Q(session__isnull=True, activity__sessions__starts_at__gt=timezone.now())
    )
    if registered.exists():
        raise ValidationError(
            _(
                "Er zijn gezinnen ingeschreven voor een komend moment. Annuleer eerst die momenten, dan krijgen "
                "ze bericht; daarna kan de activiteit offline."
            )
        )
    proposal = locked.pending_changes or {}
    if proposal:
        _validate(_candidate(locked, proposal), before=locked)
        _assign(locked, proposal)
    locked.pending_changes, locked.pending_status, locked.pending_by, locked.pending_at = {}, "", None, None
    locked.status = Status.WITHDRAWN
    _save(locked, acting_user, "withdraw")
    _refresh(activity, locked)
    return activity


# --- e-mails ----------------------------------------------------------------------------------------------------


def _tell_coordinators(activity: Activity, *, proposal: bool) -> None:
    to = list(
        User.objects.filter(
            roles__network_id=activity.network_id, roles__role=RoleAssignment.Role.COORDINATOR, is_active=True
        )
        .values_list("email", flat=True)
        .distinct()
    )
    if not to:
        return
    context = {
        "activity": activity,
        "organization": activity.service.organization,
        "proposal": proposal,
        "link": absolute_url("activities:portal-review", activity.pk),
    }
    subject = (
        _("Wijziging om na te kijken: {title}")
        if proposal
        else _("Nieuwe activiteit om na te kijken: {title}")
    )
    send(
        subject.format(title=activity.title),
        render_to_string("activities/mail/moderation_submitted.txt", context),
        to,
    )


def _tell_author(activity: Activity, author: User, *, proposal: bool) -> None:
    if not author.email or not author.is_active:
        return
    returned = activity.status == Status.RETURNED or activity.pending_status == Pending.RETURNED
    context = {
        "activity": activity,
        "proposal": proposal,
        "comment": activity.review_comment,
        "link": absolute_url("activities:portal-detail", activity.pk),
    }
    if returned:
        subject = _("Je activiteit is teruggestuurd: {title}")
        template = "activities/mail/moderation_returned.txt"
    else:
        subject = _("Je activiteit staat online: {title}")
        template = "activities/mail/moderation_published.txt"
    send(subject.format(title=activity.title), render_to_string(template, context), [author.email])
