"""Meetings of a body, from a date poll to invitations, agenda, minutes, decisions, actions and attendance."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from hvhk.core.models import NetworkScopedModel
from hvhk.network.models.bodies import Body

USER = settings.AUTH_USER_MODEL


class Meeting(NetworkScopedModel):
    """A meeting of a body. While its date is open, `starts_at` is empty and members answer the date poll."""

    class Status(models.TextChoices):
        POLL = "poll", _("datum wordt gezocht")
        PLANNED = "planned", _("gepland")
        CANCELLED = "cancelled", _("geannuleerd")

    class Minutes(models.TextChoices):
        NONE = "none", _("nog geen verslag")
        DRAFT = "draft", _("ontwerp")
        APPROVED = "approved", _("goedgekeurd")

    # RESTRICT, not PROTECT: a body with meetings cannot be deleted on its own (archive it: is_active), but
    # deleting a whole network takes its meetings along.
    body = models.ForeignKey(
        Body, on_delete=models.RESTRICT, related_name="meetings", verbose_name=_("orgaan")
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    starts_at = models.DateTimeField(_("begint om"), null=True, blank=True)
    ends_at = models.DateTimeField(_("eindigt om"), null=True, blank=True)
    place = models.CharField(pgettext_lazy("venue", "plaats"), max_length=300, blank=True)
    online_url = models.URLField(_("link om online deel te nemen"), blank=True)
    invitations_sent_at = models.DateTimeField(_("uitnodiging verstuurd op"), null=True, blank=True)
    minutes_status = models.CharField(
        _("verslag"), max_length=20, choices=Minutes.choices, default=Minutes.NONE
    )
    minutes_approved_at = models.DateTimeField(_("verslag goedgekeurd op"), null=True, blank=True)
    minutes_approved_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Sequence number of the .ics event (RFC 5545 SEQUENCE): raised when date, time or place change.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    same_network_fields = ("body",)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at", "-created_at"]
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        indexes = [models.Index(fields=["network", "starts_at"], name="meeting_network_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(starts_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Het einde ligt voor het begin. Kies een later uur.")})
        if self.status == self.Status.PLANNED and not self.starts_at:
            raise ValidationError({"starts_at": _("Kies de datum en het uur van de vergadering.")})

    @property
    def is_past(self) -> bool:
        end = self.ends_at or (self.starts_at and self.starts_at + dt.timedelta(hours=2))
        return bool(end and end < timezone.now())


class DateOption(NetworkScopedModel):
    """A proposed date in a meeting's date poll."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="date_options")
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"), null=True, blank=True)

    same_network_fields = ("meeting",)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("voorgestelde datum")
        verbose_name_plural = _("voorgestelde datums")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "starts_at"], name="date_option_unique"),
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=models.F("starts_at")),
                name="date_option_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.starts_at:%Y-%m-%d %H:%M}"


class DateVote(NetworkScopedModel):
    """One member's answer to one proposed date."""

    class Answer(models.TextChoices):
        YES = "yes", _("past")
        MAYBE = "maybe", _("past misschien")
        NO = "no", _("past niet")

    option = models.ForeignKey(DateOption, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="date_votes")
    answer = models.CharField(_("antwoord"), max_length=10, choices=Answer.choices)

    same_network_fields = ("option",)

    class Meta:
        verbose_name = _("antwoord op een datumprikker")
        verbose_name_plural = _("antwoorden op een datumprikker")
        constraints = [models.UniqueConstraint(fields=["option", "user"], name="date_vote_once")]


class Participant(NetworkScopedModel):
    """A person invited to a meeting: their answer to the invitation (through a private link, without signing
    in) and their attendance afterwards. `organization` is the partner they came for (the attendance overview
    counts per partner)."""

    class Response(models.TextChoices):
        PENDING = "pending", _("nog geen antwoord")
        YES = "yes", _("komt")
        NO = "no", _("komt niet")
        MAYBE = "maybe", _("misschien")

    class Attendance(models.TextChoices):
        UNKNOWN = "", _("niet genoteerd")
        PRESENT = "present", _("aanwezig")
        EXCUSED = "excused", _("verontschuldigd")
        ABSENT = "absent", _("afwezig")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    response = models.CharField(
        _("antwoord"), max_length=10, choices=Response.choices, default=Response.PENDING
    )
    responded_at = models.DateTimeField(_("geantwoord op"), null=True, blank=True)
    invited_at = models.DateTimeField(_("uitgenodigd op"), null=True, blank=True)
    attendance = models.CharField(_("aanwezigheid"), max_length=10, choices=Attendance.choices, blank=True)

    same_network_fields = ("meeting", "organization")

    class Meta:
        ordering = ["name"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "email"], name="participant_once_per_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.meeting}"


class AgendaItem(NetworkScopedModel):
    """An item on a meeting's agenda, with its owner and its part of the minutes. `version` rises with every save
    of the minutes, so a save from a stale form is refused instead of overwriting someone else's text."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    owner_user = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("eigenaar")
    )
    owner_organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eigenaar (organisatie)"),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duur in minuten"), null=True, blank=True)
    minutes = models.TextField(_("verslag"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    same_network_fields = ("meeting", "owner_organization")

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "created_at"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return self.title


class Decision(NetworkScopedModel):
    """A decision taken in a meeting (most often under an agenda item): the register searches across meetings."""

    meeting = models.ForeignKey(Meeting, on_delete=models.RESTRICT, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    text = models.TextField(_("besluit"))
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    same_network_fields = ("meeting", "agenda_item")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return self.text[:80]


class ActionItem(NetworkScopedModel):
    """An action agreed in a meeting: who does it (a person or an organisation), by when, and whether it is done."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("afgerond")
        CANCELLED = "cancelled", _("geschrapt")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.RESTRICT, related_name="actions", null=True, blank=True
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    text = models.TextField(_("actie"))
    owner_user = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("eigenaar")
    )
    owner_organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eigenaar (organisatie)"),
    )
    due_on = models.DateField(_("tegen"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    done_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    reminded_before_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_after_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    same_network_fields = ("meeting", "agenda_item", "owner_organization")

    history = HistoricalRecords()

    class Meta:
        ordering = ["status", "due_on", "created_at"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        indexes = [models.Index(fields=["network", "status", "due_on"], name="action_network_status_due")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == self.Status.OPEN and self.due_on is not None and self.due_on < timezone.localdate()
        )
