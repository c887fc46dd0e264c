"""Volunteers: the roles (of the network or of a partner), the public sign-up, placement in a role, hours, and the
privacy of it all (the access log, the volunteer's own copy of their data, erasure and anonymisation).

Who may do what (checked here, whatever page called): the coordinator does everything in their network; a
partner's editor keeps the roles of their own organisation and handles the placements in them; nobody else
writes. A sign-up needs no account.

One person is one row per network: the e-mail address (or, without one, the phone number) is the key, and the
database refuses a second row with the same key, also when two sign-ups arrive at the same moment. A second
sign-up does not change the first one's data (anyone can type any address): the person gets a mail with their
private link, where they see and can erase what we keep.

Every function is one transaction; mails go through the task worker (`hvhk db_worker`) after commit."""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from hvhk.accounts.access import holds_role, require_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.contact import clean_email, clean_phone
from hvhk.core.lib.erasures import erasure_record
from hvhk.core.lib.personal_data import personal_data_found
from hvhk.core.lib.tokens import token_hash, token_new
from hvhk.core.models import Area, Network
from hvhk.volunteers.models import (
    AVAILABILITY,
    INTERESTS,
    LANGUAGES,
    HelpOffer,
    HelpRequest,
    Placement,
    ThankYou,
    Volunteer,
    VolunteerAccess,
    VolunteerHours,
    VolunteerRole,
)

Role = RoleAssignment.Role
RoleStatus = VolunteerRole.Status
VolunteerStatus = Volunteer.Status
PlacementStatus = Placement.Status

TOKEN_SALT = "hvhk.volunteers.private-link"  # noqa: S105 (an HMAC salt, not a secret)
NAME_MAX = 120
MOTIVATION_MAX = 2000
# Fields a coordinator or partner fills in on a role (role_save).
ROLE_FIELDS = (
    "title",
    "description",
    "place",
    "area",
    "schedule",
    "availability",
    "hours",
    "audience",
    "interests",
    "languages",
    "insurance",
    "expenses",
    "training",
    "in_return",
    "places",
)


def _after_commit(function) -> None:
    transaction.on_commit(function, robust=True)


def _user_label(user: User | None) -> str:
    if user is None or not user.is_authenticated:
        return "hvhk"
    return (user.get_full_name() or user.email)[:254]


# --- access ------------------------------------------------------------------------------------------------------


def is_coordinator(user: User | None, *, network: Network) -> bool:
    return holds_role(user, network=network, roles=(Role.COORDINATOR,))


def can_keep_role(user: User | None, *, role: VolunteerRole) -> bool:
    """The coordinator keeps every role of the network; a partner's editor the roles of their organisation."""
    if is_coordinator(user, network=role.network):
        return True
    return role.organization_id is not None and holds_role(
        user, network=role.network_id, roles=(Role.EDITOR,), organization=role.organization_id
    )


def _require_keeper(user: User | None, *, role: VolunteerRole) -> None:
    if not can_keep_role(user, role=role):
        raise PermissionDenied("Only the coordinator or the role's partner keeps this role")


def _require_coordinator(user: User | None, *, network: Network) -> None:
    require_role(user, network=network, roles=(Role.COORDINATOR,))


# --- checks ------------------------------------------------------------------------------------------------------


def _choices(values, allowed: dict, *, field: str) -> list[str]:
    chosen = list(dict.fromkeys(values or []))
    unknown = [value for value in chosen if value not in allowed]
    if unknown:
        raise ValidationError(
            {field: _("Onbekende keuze: %(v)s.") % {"v": ", ".join(map(str, unknown))[:100]}}
        )
    return chosen


def contact_key(*, email: str, phone: str) -> str:
    """What makes a person one in a network: the e-mail address in lower case, else the phone number's digits
    (a Belgian 04… number and +324… are the same number)."""
    if email:
        return email.strip().casefold()
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("0032"):
        digits = digits[4:]
    elif digits.startswith("32") and len(digits) >= 10:
        digits = digits[2:]
    return f"tel:{digits.lstrip('0')}" if digits else ""


def _same_network(network: Network, **objects) -> None:
    for field, obj in objects.items():
        if obj is not None and obj.network_id != network.pk:
            raise ValidationError({field: _("Dit hoort niet bij dit netwerk.")})


# --- the private link --------------------------------------------------------------------------------------------


def volunteer_token(volunteer: Volunteer) -> str:
    """The secret of a volunteer's private link, derived from the row's random id with the secret key, so every
    mail can carry the same link; only its hash is stored (`token_hash`)."""
    return salted_hmac(TOKEN_SALT, str(volunteer.pk), algorithm="sha256").hexdigest()


def volunteer_link(volunteer: Volunteer) -> str:
    from hvhk.core.lib.http import absolute_url

    return absolute_url("volunteers:private", volunteer.network.slug, volunteer_token(volunteer))


# --- roles -------------------------------------------------------------------------------------------------------


def _limit(text: str, *, field: str, limit: int) -> str:
    """`text` stripped, or a ValidationError on `field` when it is longer than `limit` (a TextField's max_length is
    the form's check only: a service called from elsewhere checks it here)."""
    text = (text or "").strip()
    if len(text) > limit:
        raise ValidationError(
            {
                field: _("Deze tekst is te lang: maximaal %(limit)d tekens (nu %(n)d).")
                % {"limit": limit, "n": len(text)}
            }
        )
    return text


def _role_fields(network: Network, fields: dict) -> dict:
    clean = {key: fields[key] for key in ROLE_FIELDS if key in fields}
    for key in ("title", "description", "place", "schedule", "hours", "audience", "in_return"):
        if key in clean:
            clean[key] = _limit(clean[key], field=key, limit=VolunteerRole._meta.get_field(key).max_length)
    if "title" in clean and not clean["title"]:
        raise ValidationError({"title": _("Geef de rol een titel.")})
    if "description" in clean and not clean["description"]:
        raise ValidationError({"description": _("Beschrijf wat een vrijwilliger doet.")})
    if "interests" in clean:
        clean["interests"] = _choices(clean["interests"], INTERESTS, field="interests")
    if "languages" in clean:
        clean["languages"] = _choices(clean["languages"], LANGUAGES, field="languages")
    if "availability" in clean:
        clean["availability"] = _choices(clean["availability"], AVAILABILITY, field="availability")
    _same_network(network, area=clean.get("area"))
    return clean


@transaction.atomic
def role_create(
    *, network: Network, acting_user: User, organization=None, publish: bool = False, **fields
) -> VolunteerRole:
    """A new role of the network (organization None: the coordinator only) or of a partner (its editor or the
    coordinator). It stays a draft unless `publish`."""
    _same_network(network, organization=organization)
    role = VolunteerRole(network=network, organization=organization)
    _require_keeper(acting_user, role=role)
    role.created_by = acting_user
    for key, value in _role_fields(network, fields).items():
        setattr(role, key, value)
    role.status = RoleStatus.OPEN if publish else RoleStatus.DRAFT
    role.full_clean()
    role.save()
    return role


@transaction.atomic
def role_update(*, role: VolunteerRole, acting_user: User, **fields) -> VolunteerRole:
    role = VolunteerRole.objects.select_for_update().select_related("network").get(pk=role.pk)
    _require_keeper(acting_user, role=role)
    for key, value in _role_fields(role.network, fields).items():
        setattr(role, key, value)
    role.full_clean()
    role.save()
    return role


ROLE_TRANSITIONS = {
    RoleStatus.DRAFT: {RoleStatus.OPEN, RoleStatus.CLOSED},
    RoleStatus.OPEN: {RoleStatus.FILLED, RoleStatus.CLOSED},
    RoleStatus.FILLED: {RoleStatus.OPEN, RoleStatus.CLOSED},
    RoleStatus.CLOSED: {RoleStatus.OPEN},
}


@transaction.atomic
def role_status_set(*, role: VolunteerRole, status: str, acting_user: User) -> VolunteerRole:
    """Publish (open), mark filled, close or reopen a role."""
    role = VolunteerRole.objects.select_for_update().select_related("network").get(pk=role.pk)
    _require_keeper(acting_user, role=role)
    if status not in ROLE_TRANSITIONS.get(role.status, set()):
        to = RoleStatus(status).label if status in RoleStatus.values else status
        raise ValidationError(
            {
                "status": _("Een rol met status '%(now)s' kan niet naar '%(to)s'.")
                % {"now": role.get_status_display(), "to": to}
            }
        )
    role.status = status
    role.save(update_fields=["status", "updated_at"])
    return role


# --- sign-up -----------------------------------------------------------------------------------------------------


@transaction.atomic
def volunteer_signup(
    *,
    network: Network,
    name: str,
    email: str = "",
    phone: str = "",
    languages=(),
    availability=(),
    interests=(),
    area: Area | None = None,
    motivation: str = "",
    role_wanted: VolunteerRole | None = None,
    consent: bool = False,
    language: str = "nl",
) -> tuple[Volunteer, bool]:
    """Someone signs up to volunteer (no account). Returns (volunteer, created). A person already known by this
    e-mail address or phone number is not signed up twice and their data stay as they were: they get their private
    link by mail (where they can see, change through the coordinator, or erase them), and the second sign-up is
    counted. The coordinator (and the partner of the role wanted) hear of a new sign-up by mail."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Geef je naam (een voornaam is genoeg).")})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": _("Je naam is te lang: maximaal %(n)d tekens.") % {"n": NAME_MAX}})
    email, phone = clean_email(email), clean_phone(phone)
    if not email and not phone:
        raise ValidationError(
            {"email": _("Geef een e-mailadres of een telefoonnummer, zodat we je kunnen bereiken.")}
        )
    motivation = (motivation or "").strip()
    if len(motivation) > MOTIVATION_MAX:
        raise ValidationError(
            {
                "motivation": _("Je tekst is te lang: gebruik maximaal %(limit)d tekens (nu %(n)d).")
                % {"limit": MOTIVATION_MAX, "n": len(motivation)}
            }
        )
    found = personal_data_found(motivation)
    if found:
        raise ValidationError(
            {
                "motivation": _(
                    "Je tekst bevat %(found)s. Dat hoeft niet: je contactgegevens staan al in de velden hierboven."
                )
                % {"found": found}
            }
        )
    if not consent:
        raise ValidationError(
            {
                "consent": _(
                    "Vink aan dat we je gegevens mogen bewaren om je te contacteren. Anders kunnen we je niet bereiken."
                )
            }
        )
    _same_network(network, area=area, role_wanted=role_wanted)
    if role_wanted is not None and role_wanted.status != RoleStatus.OPEN:
        raise ValidationError(
            {"role_wanted": _("Voor deze rol zoeken we niemand meer. Kies een andere of geen.")}
        )
    key = contact_key(email=email, phone=phone)
    existing = Volunteer.objects.select_for_update().filter(network=network, contact_key=key).first()
    if existing is not None:
        return _signed_up_again(existing), False
    volunteer = Volunteer(
        network=network,
        name=name,
        email=email,
        phone=phone,
        contact_key=key,
        languages=_choices(languages, LANGUAGES, field="languages"),
        availability=_choices(availability, AVAILABILITY, field="availability"),
        interests=_choices(interests, INTERESTS, field="interests"),
        area=area,
        motivation=motivation,
        role_wanted=role_wanted,
        language=(language or "nl")[:10],
        consent_at=timezone.now(),
    )
    volunteer.token_hash = token_hash(volunteer_token(volunteer))  # the id is drawn when the row is made
    # The unique contact key is left to the database: a twin sign-up that commits after our look-up then lands in
    # the IntegrityError branch and joins it (full_clean's own check would refuse it with a form error).
    volunteer.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            volunteer.save()
    except IntegrityError:
        # The same person signed up at the same moment in another request: theirs came first.
        existing = Volunteer.objects.select_for_update().get(network=network, contact_key=key)
        return _signed_up_again(existing), False
    from hvhk.volunteers.tasks import send_signup_mails  # the tasks import this module

    _after_commit(lambda: send_signup_mails.enqueue(str(volunteer.pk), False))
    return volunteer, True


def _signed_up_again(volunteer: Volunteer) -> Volunteer:
    Volunteer.objects.filter(pk=volunteer.pk).update(signups=volunteer.signups + 1, updated_at=timezone.now())
    volunteer.signups += 1
    from hvhk.volunteers.tasks import send_signup_mails

    _after_commit(lambda: send_signup_mails.enqueue(str(volunteer.pk), True))
    return volunteer


# --- the coordinator's and partners' work -------------------------------------------------------------------------


def volunteer_access_record(
    *,
    network: Network,
    acting_user: User | None,
    action: str,
    volunteer: Volunteer | None = None,
    detail: str = "",
) -> VolunteerAccess:
    """One row of the access log: who saw or changed which volunteer's personal data (a list: no volunteer)."""
    return VolunteerAccess.objects.create(
        network=network,
        user=acting_user if acting_user is not None and acting_user.is_authenticated else None,
        user_label=_user_label(acting_user),
        volunteer_id_value=volunteer.pk if volunteer is not None else None,
        action=action,
        detail=detail[:200],
    )


VOLUNTEER_FIELDS = (
    "status",
    "intake_on",
    "intake_note",
    "agreement_on",
    "insured_on",
    "started_on",
    "ended_on",
    "languages",
    "availability",
    "interests",
    "area",
)
VOLUNTEER_TRANSITIONS = {
    VolunteerStatus.CANDIDATE: {VolunteerStatus.INTAKE, VolunteerStatus.ACTIVE, VolunteerStatus.DECLINED},
    VolunteerStatus.INTAKE: {VolunteerStatus.CANDIDATE, VolunteerStatus.ACTIVE, VolunteerStatus.DECLINED},
    VolunteerStatus.ACTIVE: {VolunteerStatus.PAUSED, VolunteerStatus.STOPPED},
    VolunteerStatus.PAUSED: {VolunteerStatus.ACTIVE, VolunteerStatus.STOPPED},
    VolunteerStatus.STOPPED: {VolunteerStatus.ACTIVE},
    VolunteerStatus.DECLINED: {VolunteerStatus.CANDIDATE},
}


@transaction.atomic
def volunteer_update(*, volunteer: Volunteer, acting_user: User, **fields) -> Volunteer:
    """The coordinator records the intake, the agreement, the insurance, start and end, or a new status. Becoming
    active sets the start date (today, unless given); stopping sets the end date and ends the open placements."""
    volunteer = Volunteer.objects.select_for_update().select_related("network").get(pk=volunteer.pk)
    _require_coordinator(acting_user, network=volunteer.network)
    if volunteer.anonymised_at is not None:
        raise ValidationError(_("De gegevens van deze vrijwilliger zijn gewist."))
    clean = {key: fields[key] for key in VOLUNTEER_FIELDS if key in fields}
    if "intake_note" in clean:
        clean["intake_note"] = _limit(clean["intake_note"], field="intake_note", limit=3000)
    for key, allowed in (("languages", LANGUAGES), ("availability", AVAILABILITY), ("interests", INTERESTS)):
        if key in clean:
            clean[key] = _choices(clean[key], allowed, field=key)
    _same_network(volunteer.network, area=clean.get("area"))
    status = clean.pop("status", volunteer.status)
    if status != volunteer.status and status not in VOLUNTEER_TRANSITIONS.get(volunteer.status, set()):
        raise ValidationError(
            {
                "status": _("Van '%(now)s' kan niet naar '%(to)s'.")
                % {
                    "now": volunteer.get_status_display(),
                    "to": VolunteerStatus(status).label if status in VolunteerStatus.values else status,
                }
            }
        )
    for key, value in clean.items():
        setattr(volunteer, key, value)
    today = timezone.localdate()
    if status == VolunteerStatus.ACTIVE and volunteer.status != status:
        volunteer.started_on = volunteer.started_on or today
        volunteer.ended_on = None if volunteer.status == VolunteerStatus.STOPPED else volunteer.ended_on
    if status in (VolunteerStatus.STOPPED, VolunteerStatus.DECLINED) and volunteer.status != status:
        volunteer.ended_on = volunteer.ended_on or today
        Placement.objects.filter(volunteer=volunteer, status__in=Placement.OPEN).update(
            status=PlacementStatus.ENDED, ended_on=volunteer.ended_on, updated_at=timezone.now()
        )
    volunteer.status = status
    if volunteer.started_on and volunteer.ended_on and volunteer.ended_on < volunteer.started_on:
        raise ValidationError({"ended_on": _("De einddatum ligt voor de startdatum.")})
    volunteer.full_clean()
    volunteer.save()
    volunteer_access_record(
        network=volunteer.network,
        acting_user=acting_user,
        action=VolunteerAccess.Action.EDIT,
        volunteer=volunteer,
        detail=", ".join(sorted(clean) + (["status"] if "status" in fields else [])),
    )
    return volunteer


@transaction.atomic
def placement_propose(
    *, volunteer: Volunteer, role: VolunteerRole, acting_user: User, note: str = ""
) -> Placement:
    """The coordinator proposes a volunteer for a role; the role's partner then sees them."""
    _require_coordinator(acting_user, network=volunteer.network)
    if role.network_id != volunteer.network_id:
        raise ValidationError({"role": _("Dit hoort niet bij dit netwerk.")})
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    if volunteer.anonymised_at is not None or volunteer.status not in Volunteer.CURRENT:
        raise ValidationError(_("Deze vrijwilliger is niet meer beschikbaar."))
    if role.status not in (RoleStatus.OPEN, RoleStatus.FILLED):
        raise ValidationError({"role": _("Deze rol is niet open.")})
    if Placement.objects.filter(volunteer=volunteer, role=role, status__in=Placement.OPEN).exists():
        raise ValidationError({"role": _("Deze vrijwilliger is al aan deze rol gekoppeld.")})
    placement = Placement(
        network_id=volunteer.network_id,
        volunteer=volunteer,
        role=role,
        note=(note or "").strip()[:500],
        created_by=acting_user,
    )
    placement.full_clean()
    placement.save()
    volunteer_access_record(
        network=volunteer.network,
        acting_user=acting_user,
        action=VolunteerAccess.Action.EDIT,
        volunteer=volunteer,
        detail=f"placement: {role.title}"[:200],
    )
    return placement


PLACEMENT_TRANSITIONS = {
    PlacementStatus.PROPOSED: {PlacementStatus.AGREED, PlacementStatus.DECLINED},
    PlacementStatus.AGREED: {PlacementStatus.ENDED},
}


@transaction.atomic
def placement_status_set(*, placement: Placement, status: str, acting_user: User) -> Placement:
    """The role's partner (or the coordinator) says the volunteer starts, does not start, or stopped in the role.
    A volunteer who starts in a role becomes active."""
    placement = (
        Placement.objects.select_for_update()
        .select_related("role", "volunteer", "network")
        .get(pk=placement.pk)
    )
    _require_keeper(acting_user, role=placement.role)
    if status not in PLACEMENT_TRANSITIONS.get(placement.status, set()):
        raise ValidationError({"status": _("Deze stap kan niet meer.")})
    today = timezone.localdate()
    placement.status = status
    if status == PlacementStatus.AGREED:
        placement.started_on = today
        volunteer = placement.volunteer
        if volunteer.status in (VolunteerStatus.CANDIDATE, VolunteerStatus.INTAKE, VolunteerStatus.PAUSED):
            volunteer.status = VolunteerStatus.ACTIVE
            volunteer.started_on = volunteer.started_on or today
            volunteer.save(update_fields=["status", "started_on", "updated_at"])
    elif status == PlacementStatus.ENDED:
        placement.ended_on = today
    placement.save()
    volunteer_access_record(
        network=placement.network,
        acting_user=acting_user,
        action=VolunteerAccess.Action.EDIT,
        volunteer=placement.volunteer,
        detail=f"placement {status}: {placement.role.title}"[:200],
    )
    return placement


@transaction.atomic
def hours_record(
    *,
    volunteer: Volunteer,
    on: dt.date,
    hours,
    acting_user: User,
    role: VolunteerRole | None = None,
    note: str = "",
) -> VolunteerHours:
    """Hours a volunteer gave (the coordinator, or the partner of a role the volunteer works in)."""
    if role is not None:
        _require_keeper(acting_user, role=role)
        if role.network_id != volunteer.network_id:
            raise ValidationError({"role": _("Dit hoort niet bij dit netwerk.")})
        if (
            not is_coordinator(acting_user, network=volunteer.network)
            and not Placement.objects.filter(
                volunteer=volunteer, role=role, status__in=(PlacementStatus.AGREED, PlacementStatus.ENDED)
            ).exists()
        ):
            raise PermissionDenied("The volunteer does not work in this role")
    else:
        _require_coordinator(acting_user, network=volunteer.network)
    try:
        amount = Decimal(str(hours).replace(",", "."))
    except InvalidOperation as error:
        raise ValidationError({"hours": _("Geef een aantal uren, bijvoorbeeld 2,5.")}) from error
    if on > timezone.localdate():
        raise ValidationError({"on": _("Deze datum ligt in de toekomst.")})
    entry = VolunteerHours(
        network_id=volunteer.network_id,
        volunteer=volunteer,
        role=role,
        on=on,
        hours=amount,
        note=(note or "").strip()[:200],
        recorded_by=acting_user,
    )
    entry.full_clean()
    entry.save()
    return entry


# --- erasure -----------------------------------------------------------------------------------------------------


def _anonymise(volunteer: Volunteer, *, now: dt.datetime) -> None:
    """Empty what says who the person was, end their open placements and kill their private link."""
    Placement.objects.filter(volunteer=volunteer, status__in=Placement.OPEN).update(
        status=PlacementStatus.ENDED, ended_on=timezone.localdate(now), updated_at=now
    )
    Volunteer.objects.filter(pk=volunteer.pk).update(
        name="",
        email="",
        phone="",
        contact_key="",
        motivation="",
        intake_note="",
        languages=[],
        availability=[],
        interests=[],
        token_hash=token_hash(token_new()),  # the private link dies
        anonymised_at=now,
        updated_at=now,
    )
    Placement.objects.filter(volunteer=volunteer).update(note="")
    VolunteerHours.objects.filter(volunteer=volunteer).update(note="")


def _stop(volunteer: Volunteer, *, today: dt.date) -> None:
    """A volunteer who is erased while taking part stops (or, never started, is not taken on) today."""
    if volunteer.status in Volunteer.CURRENT:
        Volunteer.objects.filter(pk=volunteer.pk).update(
            status=VolunteerStatus.STOPPED if volunteer.started_on else VolunteerStatus.DECLINED,
            ended_on=volunteer.ended_on or today,
        )


@transaction.atomic
def volunteer_erase(*, volunteer: Volunteer, acting_user: User | None = None) -> Volunteer:
    """Erase a volunteer's personal data now: asked by the volunteer (their private link, `acting_user` None) or
    done by the coordinator. What stays counts for the report (status stopped, municipality, dates, hours) and
    names nobody. Open placements end."""
    volunteer = Volunteer.objects.select_for_update().select_related("network").get(pk=volunteer.pk)
    if acting_user is not None:
        _require_coordinator(acting_user, network=volunteer.network)
    if volunteer.anonymised_at is not None:
        return volunteer
    now = timezone.now()
    today = timezone.localdate()
    _stop(volunteer, today=today)
    Placement.objects.filter(volunteer=volunteer, status__in=Placement.OPEN).update(
        status=PlacementStatus.ENDED, ended_on=today, updated_at=now
    )
    _anonymise(volunteer, now=now)
    erasure_record(kind="volunteer", ids=[volunteer.pk], network_id=volunteer.network_id)
    volunteer_access_record(
        network=volunteer.network,
        acting_user=acting_user,
        action=VolunteerAccess.Action.ERASE,
        volunteer=volunteer,
        detail="asked by the volunteer" if acting_user is None else "by the coordinator",
    )
    volunteer.refresh_from_db()
    return volunteer


def volunteer_export_record(*, volunteer: Volunteer) -> None:
    """The volunteer opened their own data through the private link (logged, as every other view)."""
    volunteer_access_record(
        network=volunteer.network, acting_user=None, action=VolunteerAccess.Action.EXPORT, volunteer=volunteer
    )


@transaction.atomic
def volunteers_retention(*, now: dt.datetime | None = None, network: Network | None = None) -> int:
    """Anonymise the volunteers who stopped (or were not taken on) more than VOLUNTEER_RETENTION_MONTHS ago, and
    candidates nobody followed up in that time (of one network, or of all). Safe to run twice; returns how many
    were anonymised."""
    now = now or timezone.now()
    months = settings.VOLUNTEER_RETENTION_MONTHS
    limit_day = timezone.localdate(now - dt.timedelta(days=round(months * 30.44)))
    limit = now - dt.timedelta(days=round(months * 30.44))
    due = Volunteer.objects.filter(anonymised_at__isnull=True).filter(
        Q(status__in=(VolunteerStatus.STOPPED, VolunteerStatus.DECLINED), ended_on__lt=limit_day)
        | Q(
            status__in=(VolunteerStatus.STOPPED, VolunteerStatus.DECLINED),
            ended_on__isnull=True,
            updated_at__lt=limit,
        )
        | Q(status=VolunteerStatus.CANDIDATE, updated_at__lt=limit)
    )
    if network is not None:
        due = due.filter(network=network)
    count = 0
    for volunteer in due.select_related("network").order_by("created_at"):
        if volunteer.status == VolunteerStatus.CANDIDATE:
            Volunteer.objects.filter(pk=volunteer.pk).update(
                status=VolunteerStatus.DECLINED, ended_on=volunteer.ended_on or timezone.localdate(now)
            )
        _anonymise(volunteer, now=now)
        erasure_record(kind="volunteer", ids=[volunteer.pk], network_id=volunteer.network_id)
        volunteer_access_record(
            network=volunteer.network,
            acting_user=None,
            action=VolunteerAccess.Action.ERASE,
            volunteer=volunteer,
            detail=f"after {months} months",
        )
        count += 1
    return count


@transaction.atomic
def volunteers_erasure_replay(*, ids: list[str]) -> int:
    """After a restore from a backup: erase again the volunteers the erasure journal lists (core/lib/erasures.py)
    and that the backup still holds with their data. Returns how many."""
    now = timezone.now()
    count = 0
    for volunteer in Volunteer.objects.select_for_update().filter(pk__in=ids, anonymised_at__isnull=True):
        _stop(volunteer, today=timezone.localdate(now))
        _anonymise(volunteer, now=now)
        volunteer_access_record(
            network=volunteer.network,
            acting_user=None,
            action=VolunteerAccess.Action.ERASE,
            volunteer=volunteer,
            detail="erased again after a restore from a backup",
        )
        count += 1
    return count


# --- asking the pool for a hand, and thanking --------------------------------------------------------------------

WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def help_candidates(help_request: HelpRequest) -> list[Volunteer]:
    """The active volunteers to ask: free on that weekday (any part of it, or who gave no days), liking that kind
    of task (when the request names one), with an e-mail address."""
    day = WEEKDAY_KEYS[help_request.on.weekday()]
    people = Volunteer.objects.filter(
        network_id=help_request.network_id, status=VolunteerStatus.ACTIVE, anonymised_at__isnull=True
    ).exclude(email="")
    found = []
    for person in people.order_by("name"):
        days = {AVAILABILITY[slot][0] for slot in person.availability or [] if slot in AVAILABILITY}
        if days and day not in days:
            continue
        if help_request.interests and not set(help_request.interests) & set(person.interests or []):
            continue
        found.append(person)
    return found


@transaction.atomic
def help_request_create(*, network: Network, acting_user: User, organization=None, **fields) -> HelpRequest:
    """A partner's editor (for their organisation) or the coordinator asks the pool for a hand on one day. The
    fitting active volunteers get a mail with a link to say yes; their data reach the asker only if they do."""
    _same_network(network, organization=organization, area=fields.get("area"))
    if organization is None:
        _require_coordinator(acting_user, network=network)
    elif not (
        is_coordinator(acting_user, network=network)
        or holds_role(acting_user, network=network, roles=(Role.EDITOR,), organization=organization.pk)
    ):
        raise PermissionDenied("Only the organisation's editor or the coordinator asks for help")
    title = _limit(fields.get("title"), field="title", limit=150)
    description = _limit(fields.get("description"), field="description", limit=2000)
    if not title:
        raise ValidationError({"title": _("Zeg waarvoor je hulp zoekt.")})
    if not description:
        raise ValidationError({"description": _("Beschrijf wat de vrijwilligers zullen doen.")})
    on = fields.get("on")
    if on is None:
        raise ValidationError({"on": _("Geef de datum.")})
    if on < timezone.localdate():
        raise ValidationError({"on": _("Deze datum ligt in het verleden.")})
    help_request = HelpRequest(
        network=network,
        organization=organization,
        title=title,
        description=description,
        on=on,
        hours=(fields.get("hours") or "").strip(),
        place=(fields.get("place") or "").strip(),
        area=fields.get("area"),
        interests=_choices(fields.get("interests"), INTERESTS, field="interests"),
        needed=fields.get("needed") or 1,
        created_by=acting_user,
    )
    help_request.full_clean()
    help_request.save()
    candidates = help_candidates(help_request)
    HelpRequest.objects.filter(pk=help_request.pk).update(asked=len(candidates))
    help_request.asked = len(candidates)
    from hvhk.volunteers.tasks import send_help_request

    ids = [str(person.pk) for person in candidates]
    _after_commit(lambda: [send_help_request.enqueue(str(help_request.pk), pk) for pk in ids])
    return help_request


def can_see_help_request(user: User | None, *, help_request: HelpRequest) -> bool:
    if is_coordinator(user, network=help_request.network_id):
        return True
    return help_request.organization_id is not None and holds_role(
        user, network=help_request.network_id, roles=(Role.EDITOR,), organization=help_request.organization_id
    )


@transaction.atomic
def help_offer_make(*, help_request: HelpRequest, volunteer: Volunteer) -> tuple[HelpOffer, bool]:
    """A volunteer says yes through their private link. Saying it twice keeps one offer. Returns (offer, created)."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if volunteer.network_id != help_request.network_id:
        raise ValidationError(_("Dit hoort niet bij dit netwerk."))
    existing = HelpOffer.objects.filter(help_request=help_request, volunteer=volunteer).first()
    if existing is not None:
        return existing, False
    if help_request.status != HelpRequest.Status.OPEN or help_request.on < timezone.localdate():
        raise ValidationError(_("Deze vraag is afgesloten. Bedankt om te willen helpen!"))
    if volunteer.status != VolunteerStatus.ACTIVE or volunteer.anonymised_at is not None:
        raise ValidationError(_("Alleen actieve vrijwilligers kunnen hierop ingaan."))
    offer = HelpOffer.objects.create(
        network_id=help_request.network_id, help_request=help_request, volunteer=volunteer
    )
    if help_request.offers.count() >= help_request.needed:
        HelpRequest.objects.filter(pk=help_request.pk).update(status=HelpRequest.Status.CLOSED)
    return offer, True


@transaction.atomic
def help_request_close(*, help_request: HelpRequest, acting_user: User) -> HelpRequest:
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if not can_see_help_request(acting_user, help_request=help_request):
        raise PermissionDenied("Only the asker or the coordinator closes a help request")
    help_request.status = HelpRequest.Status.CLOSED
    help_request.save(update_fields=["status", "updated_at"])
    return help_request


def thank_you_recipients(*, network: Network, year: int) -> list[Volunteer]:
    """The volunteers active at some time in `year` who can get a mail."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return list(
        Volunteer.objects.filter(network=network, anonymised_at__isnull=True, started_on__lte=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
        .exclude(email="")
        .order_by("name")
    )


@transaction.atomic
def thank_you_send(
    *, network: Network, acting_user: User, title: str, message: str, on: dt.date, place: str = ""
) -> ThankYou:
    """The coordinator invites every volunteer active this year to a thank-you moment (one mail each, in their
    language, through the worker)."""
    _require_coordinator(acting_user, network=network)
    title = _limit(title, field="title", limit=150)
    message = _limit(message, field="message", limit=3000)
    if not title:
        raise ValidationError({"title": _("Geef het bedankmoment een titel.")})
    if not message:
        raise ValidationError({"message": _("Schrijf een korte boodschap voor de vrijwilligers.")})
    if on is None:
        raise ValidationError({"on": _("Geef de datum.")})
    people = thank_you_recipients(network=network, year=timezone.localdate().year)
    thanks = ThankYou(
        network=network,
        title=title,
        message=message,
        on=on,
        place=(place or "").strip(),
        sent_to=len(people),
        created_by=acting_user,
    )
    thanks.full_clean()
    thanks.save()
    from hvhk.volunteers.tasks import send_thank_you

    ids = [str(person.pk) for person in people]
    _after_commit(lambda: [send_thank_you.enqueue(str(thanks.pk), pk) for pk in ids])
    return thanks
