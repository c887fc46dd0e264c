"""A meeting's life: planning (or a date poll), invitations with an answer link, the agenda, the minutes (draft
until approved, saved with an optimistic lock) and attendance.

The body's managers (the coordinator and the body's trekker) plan and write; the body's members answer a date
poll; an invited person answers with the private link in their invitation, without signing in. Every change is
kept by django-simple-history with the person who made it.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.core.lib.tokens import token_hash, token_new
from hvhk.network.calendar import invitation_ics
from hvhk.network.models import AgendaItem, Body, BodyMember, DateOption, DateVote, Meeting, Participant
from hvhk.network.selectors.access import can_manage_body, is_body_member

MEETING_FIELDS = ("title", "description", "starts_at", "ends_at", "place", "online_url")
ITEM_FIELDS = ("title", "description", "owner_user", "owner_organization", "duration_minutes")


class StaleMinutes(ValidationError):
    """Someone else saved this part of the minutes after the form was opened."""


def _require_manager(user: User, body: Body) -> None:
    if not can_manage_body(user, body=body):
        raise PermissionDenied("Only the coordinator or the body's trekker manages its meetings")


def _check_times(starts_at, ends_at) -> None:
    if starts_at and ends_at and ends_at <= starts_at:
        raise ValidationError({"ends_at": _("Het einde ligt voor het begin. Kies een later uur.")})


# --- planning ---------------------------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *, body: Body, acting_user: User, date_options: list[tuple] | None = None, **fields
) -> Meeting:
    """Plan a meeting with a date, or open a date poll with `date_options` [(starts_at, ends_at or None)]."""
    _require_manager(acting_user, body)
    data = {k: v for k, v in fields.items() if k in MEETING_FIELDS}
    poll = not data.get("starts_at")
    if poll and not date_options:
        raise ValidationError(
            {"starts_at": _("Kies de datum en het uur, of stel minstens één datum voor in de datumprikker.")}
        )
    _check_times(data.get("starts_at"), data.get("ends_at"))
    meeting = Meeting(
        network_id=body.network_id,
        body=body,
        status=Meeting.Status.POLL if poll else Meeting.Status.PLANNED,
        created_by=acting_user,
        **data,
    )
    meeting.full_clean()
    meeting._history_user = acting_user
    meeting.save()
    for starts_at, ends_at in date_options or []:
        date_option_add(meeting=meeting, starts_at=starts_at, ends_at=ends_at, acting_user=acting_user)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, acting_user: User, **fields) -> Meeting:
    """Change a meeting. A new date, time or place raises its calendar SEQUENCE and, once invitations went out,
    mails every invited person the updated event."""
    _require_manager(acting_user, meeting.body)
    meeting = Meeting.objects.select_for_update().select_related("body", "network").get(pk=meeting.pk)
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("Deze vergadering is geannuleerd en kan niet meer veranderen."))
    moved = False
    for name, value in fields.items():
        if name not in MEETING_FIELDS:
            continue
        if name in ("starts_at", "ends_at", "place", "online_url") and getattr(meeting, name) != value:
            moved = True
        setattr(meeting, name, value)
    _check_times(meeting.starts_at, meeting.ends_at)
    if meeting.status == Meeting.Status.POLL and meeting.starts_at:
        meeting.status = Meeting.Status.PLANNED
    meeting.full_clean()
    if moved:
        meeting.sequence += 1
    meeting._history_user = acting_user
    meeting.save()
    if moved and meeting.invitations_sent_at and meeting.status == Meeting.Status.PLANNED:
        _mail_participants(meeting, meeting.participants.all(), kind="update")
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, acting_user: User) -> Meeting:
    """Cancel a meeting; invited people get a cancellation their calendar understands."""
    _require_manager(acting_user, meeting.body)
    meeting = Meeting.objects.select_for_update().select_related("body", "network").get(pk=meeting.pk)
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("Deze vergadering is al geannuleerd."))
    if meeting.starts_at and meeting.starts_at < timezone.now():
        raise ValidationError(
            _("Deze vergadering is al begonnen of voorbij: je kunt ze niet meer annuleren.")
        )
    meeting.status = Meeting.Status.CANCELLED
    meeting.sequence += 1
    meeting._history_user = acting_user
    meeting.save()
    if meeting.invitations_sent_at:
        _mail_participants(meeting, meeting.participants.all(), kind="cancel")
    return meeting


# --- date poll --------------------------------------------------------------------------------------------------


@transaction.atomic
def date_option_add(*, meeting: Meeting, starts_at, ends_at=None, acting_user: User) -> DateOption:
    _require_manager(acting_user, meeting.body)
    if meeting.status != Meeting.Status.POLL:
        raise ValidationError(_("De datum van deze vergadering ligt al vast."))
    if starts_at < timezone.now():
        raise ValidationError(
            {"starts_at": _("Deze datum ligt in het verleden. Kies een datum in de toekomst.")}
        )
    _check_times(starts_at, ends_at)
    if meeting.date_options.filter(starts_at=starts_at).exists():
        raise ValidationError({"starts_at": _("Deze datum staat al in de datumprikker.")})
    option = DateOption(network_id=meeting.network_id, meeting=meeting, starts_at=starts_at, ends_at=ends_at)
    option.full_clean(validate_constraints=False)
    option.save()
    return option


@transaction.atomic
def date_votes_set(*, meeting: Meeting, answers: dict, acting_user: User) -> int:
    """A member's answers to the poll: {DateOption pk: "yes" | "maybe" | "no"}. Answering again replaces them."""
    if not is_body_member(acting_user, body=meeting.body):
        raise PermissionDenied("Only the body's members answer its date poll")
    if meeting.status != Meeting.Status.POLL:
        raise ValidationError(_("De datum ligt al vast: de datumprikker is gesloten."))
    options = {str(o.pk): o for o in meeting.date_options.all()}
    valid = set(DateVote.Answer.values)
    saved = 0
    for key, answer in answers.items():
        option = options.get(str(key))
        if option is None or answer not in valid:
            raise ValidationError(_("Dit antwoord hoort niet bij deze datumprikker."))
        DateVote.objects.update_or_create(
            option=option, user=acting_user, defaults={"answer": answer, "network_id": meeting.network_id}
        )
        saved += 1
    return saved


@transaction.atomic
def meeting_pick_date(*, meeting: Meeting, option: DateOption, acting_user: User) -> Meeting:
    """The trekker (or coordinator) picks one of the proposed dates: the poll closes and the meeting is planned."""
    _require_manager(acting_user, meeting.body)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != Meeting.Status.POLL:
        raise ValidationError(_("De datum van deze vergadering ligt al vast."))
    if option.meeting_id != meeting.pk:
        raise ValidationError(_("Deze datum hoort niet bij deze vergadering."))
    meeting.starts_at = option.starts_at
    meeting.ends_at = option.ends_at or option.starts_at + dt.timedelta(hours=2)
    meeting.status = Meeting.Status.PLANNED
    meeting._history_user = acting_user
    meeting.save()
    return meeting


# --- invitations and answers ------------------------------------------------------------------------------------


def _invitees(meeting: Meeting) -> dict[str, tuple[User, object]]:
    """The body's people by e-mail: person members, and the staff (editors and members) of member organisations,
    each with the organisation they come for."""
    people: dict[str, tuple[User, object]] = {}
    members = BodyMember.objects.filter(body=meeting.body).select_related("user", "organization")
    organizations = [m.organization for m in members if m.organization_id]
    staff = RoleAssignment.objects.filter(
        network_id=meeting.network_id, role__in=RoleAssignment.PARTNER_STAFF, organization__in=organizations
    ).select_related("user", "organization")
    for member in members:
        if member.user_id and member.user.is_active:
            works_for = (
                RoleAssignment.objects.filter(
                    user=member.user, network_id=meeting.network_id, organization__isnull=False
                )
                .select_related("organization")
                .first()
            )
            people[member.user.email.lower()] = (member.user, works_for.organization if works_for else None)
    for assignment in staff:
        if assignment.user.is_active:
            people.setdefault(assignment.user.email.lower(), (assignment.user, assignment.organization))
    return people


def _mail_participants(meeting: Meeting, participants, *, kind: str, tokens: dict | None = None) -> None:
    """Mail each participant (after commit) with the .ics. `tokens` maps participant pk to a fresh answer token:
    only a first invitation carries the link (the token is never kept, so later mails cannot repeat it)."""
    subject = {
        "invite": _("Uitnodiging: {title} ({body})"),
        "update": _("Gewijzigd: {title} ({body})"),
        "cancel": _("Geannuleerd: {title} ({body})"),
    }[kind].format(title=meeting.title, body=meeting.body.name)
    messages = []
    for participant in participants:
        token = (tokens or {}).get(participant.pk)
        link = absolute_url("network:meeting-answer", meeting.network.slug, token) if token else ""
        context = {"meeting": meeting, "participant": participant, "link": link, "kind": kind}
        body = render_to_string("network/mail/invitation.txt", context)
        ics = invitation_ics(meeting, attendee_email=participant.email, attendee_name=participant.name)
        messages.append((participant.email, body, ics))

    def deliver():
        for email, body, ics in messages:
            send(
                subject,
                body,
                [email],
                attachments=[("uitnodiging.ics", ics, "text/calendar; method=REQUEST")],
            )

    transaction.on_commit(deliver)


@transaction.atomic
def invitations_send(*, meeting: Meeting, acting_user: User) -> int:
    """Invite every member of the body who was not invited yet: a mail with the .ics and a private answer link.
    Returns how many people were invited now."""
    _require_manager(acting_user, meeting.body)
    meeting = Meeting.objects.select_for_update().select_related("body", "network").get(pk=meeting.pk)
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("Deze vergadering is geannuleerd: je kunt er niet voor uitnodigen."))
    if meeting.status != Meeting.Status.PLANNED or not meeting.starts_at:
        raise ValidationError(_("Kies eerst de datum van de vergadering; daarna verstuur je de uitnodiging."))
    if meeting.starts_at <= timezone.now():
        raise ValidationError(
            _("Deze vergadering is al begonnen of voorbij: je kunt er niet meer voor uitnodigen.")
        )
    invited = set(meeting.participants.values_list("email", flat=True))
    now = timezone.now()
    tokens: dict = {}
    new = []
    for email, (user, organization) in sorted(_invitees(meeting).items()):
        if email in invited:
            continue
        token = token_new()
        participant = Participant.objects.create(
            network_id=meeting.network_id,
            meeting=meeting,
            user=user,
            organization=organization,
            name=user.get_full_name(),
            email=email,
            token_hash=token_hash(token),
            invited_at=now,
        )
        tokens[participant.pk] = token
        new.append(participant)
    if not new and not invited:
        raise ValidationError(_("Dit orgaan heeft nog geen leden om uit te nodigen. Voeg eerst leden toe."))
    meeting.invitations_sent_at = now
    meeting._history_user = acting_user
    meeting.save(update_fields=["invitations_sent_at", "updated_at"])
    _mail_participants(meeting, new, kind="invite", tokens=tokens)
    return len(new)


@transaction.atomic
def participant_answer(*, participant: Participant, response: str) -> str:
    """Answer an invitation through its private link (the link is the credential: no sign-in). Answering again
    changes the answer until the meeting starts. Returns the previous answer."""
    if response not in (Participant.Response.YES, Participant.Response.NO, Participant.Response.MAYBE):
        raise ValidationError(_("Kies of je komt, niet komt of misschien komt."))
    participant = Participant.objects.select_for_update().select_related("meeting").get(pk=participant.pk)
    meeting = participant.meeting
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("Deze vergadering is geannuleerd. Je hoeft niet meer te antwoorden."))
    if not meeting.starts_at or meeting.starts_at <= timezone.now():
        raise ValidationError(_("Deze vergadering is al begonnen of voorbij. Antwoorden kan niet meer."))
    previous = participant.response
    participant.response = response
    participant.responded_at = timezone.now()
    participant.save(update_fields=["response", "responded_at", "updated_at"])
    return previous


# --- agenda and minutes -----------------------------------------------------------------------------------------


def _check_owner(meeting: Meeting, data: dict) -> None:
    organization = data.get("owner_organization")
    if organization is not None and organization.network_id != meeting.network_id:
        raise ValidationError({"owner_organization": _("Deze organisatie hoort bij een ander netwerk.")})
    user = data.get("owner_user")
    if (
        user is not None
        and not RoleAssignment.objects.filter(user=user, network_id=meeting.network_id).exists()
    ):
        raise ValidationError({"owner_user": _("Deze persoon werkt niet in dit netwerk.")})


@transaction.atomic
def agenda_item_create(*, meeting: Meeting, acting_user: User, **fields) -> AgendaItem:
    _require_manager(acting_user, meeting.body)
    data = {k: v for k, v in fields.items() if k in ITEM_FIELDS}
    _check_owner(meeting, data)
    last = meeting.agenda_items.order_by("-position").values_list("position", flat=True).first()
    item = AgendaItem(network_id=meeting.network_id, meeting=meeting, position=(last or 0) + 1, **data)
    item.full_clean()
    item._history_user = acting_user
    item.save()
    return item


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, acting_user: User, **fields) -> AgendaItem:
    _require_manager(acting_user, item.meeting.body)
    data = {k: v for k, v in fields.items() if k in ITEM_FIELDS}
    _check_owner(item.meeting, data)
    for name, value in data.items():
        setattr(item, name, value)
    item.full_clean()
    item._history_user = acting_user
    item.save()
    return item


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool, acting_user: User) -> None:
    """Swap the item with the one above (or below) it."""
    _require_manager(acting_user, item.meeting.body)
    siblings = list(item.meeting.agenda_items.order_by("position", "created_at"))
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            AgendaItem.objects.filter(pk=sibling.pk).update(position=position)


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, acting_user: User) -> None:
    _require_manager(acting_user, item.meeting.body)
    if item.minutes or item.decisions.exists() or item.actions.exists():
        raise ValidationError(
            _("Dit agendapunt heeft al een verslag, besluiten of acties en blijft dus staan.")
        )
    item._history_user = acting_user
    item.delete()


@transaction.atomic
def minutes_save(*, item: AgendaItem, minutes: str, version: int, acting_user: User) -> AgendaItem:
    """Save one agenda item's part of the minutes. `version` is the one the form was opened with: if someone saved
    in between, the save is refused (StaleMinutes) and nothing is overwritten."""
    _require_manager(acting_user, item.meeting.body)
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    if meeting.minutes_status == Meeting.Minutes.APPROVED:
        raise ValidationError(
            _("Dit verslag is al goedgekeurd. Heropen het eerst als je het wilt aanpassen.")
        )
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if item.version != version:
        raise StaleMinutes(
            _(
                "Iemand anders heeft dit deel van het verslag intussen bewaard. Je tekst staat nog in het vak: "
                "vergelijk hem met de nieuwe versie en bewaar opnieuw."
            )
        )
    if item.minutes == minutes:
        return item
    item.minutes = minutes
    item.version += 1  # the row is locked (select_for_update): no one saves in between
    item._history_user = acting_user
    item.save()
    if meeting.minutes_status == Meeting.Minutes.NONE:
        meeting.minutes_status = Meeting.Minutes.DRAFT
        meeting._history_user = acting_user
        meeting.save(update_fields=["minutes_status", "updated_at"])
    return item


@transaction.atomic
def minutes_approve(*, meeting: Meeting, acting_user: User) -> Meeting:
    _require_manager(acting_user, meeting.body)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.minutes_status != Meeting.Minutes.DRAFT:
        raise ValidationError(_("Er is nog geen ontwerpverslag om goed te keuren."))
    meeting.minutes_status = Meeting.Minutes.APPROVED
    meeting.minutes_approved_at = timezone.now()
    meeting.minutes_approved_by = acting_user
    meeting._history_user = acting_user
    meeting.save()
    return meeting


@transaction.atomic
def minutes_reopen(*, meeting: Meeting, acting_user: User) -> Meeting:
    _require_manager(acting_user, meeting.body)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.minutes_status != Meeting.Minutes.APPROVED:
        raise ValidationError(_("Dit verslag is nog niet goedgekeurd."))
    meeting.minutes_status = Meeting.Minutes.DRAFT
    meeting.minutes_approved_at = None
    meeting.minutes_approved_by = None
    meeting._history_user = acting_user
    meeting.save()
    return meeting


@transaction.atomic
def attendance_record(*, meeting: Meeting, attendance: dict, acting_user: User) -> int:
    """Note who was present, excused or absent: {Participant pk: "present" | "excused" | "absent" | ""}."""
    _require_manager(acting_user, meeting.body)
    if not meeting.starts_at or meeting.starts_at > timezone.now() + dt.timedelta(hours=1):
        raise ValidationError(
            _("De vergadering is nog niet begonnen: aanwezigheden noteer je tijdens of erna.")
        )
    participants = {str(p.pk): p for p in meeting.participants.all()}
    valid = set(Participant.Attendance.values)
    changed = 0
    for key, value in attendance.items():
        participant = participants.get(str(key))
        if participant is None or value not in valid:
            raise ValidationError(_("Deze aanwezigheid hoort niet bij deze vergadering."))
        if participant.attendance != value:
            participant.attendance = value
            participant.save(update_fields=["attendance", "updated_at"])
            changed += 1
    return changed
