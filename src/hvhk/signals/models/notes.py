"""The policy note for the local council (college van burgemeester en schepenen): chosen themes over a period, one
editable section per theme, and what the municipality answered on each theme."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hvhk.core.models import NetworkScopedModel

USER = settings.AUTH_USER_MODEL


class PolicyNote(NetworkScopedModel):
    """A note over a period. While it is a draft its figures follow the data; finalising it freezes what it says
    (`snapshot`), so the PDF of last year's note still reads as it was sent."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("klad")
        FINAL = "final", _("definitief")

    title = models.CharField(_("titel"), max_length=200)
    period_start = models.DateField(_("van"))
    period_end = models.DateField(_("tot en met"))
    addressee = models.CharField(
        _("aan"), max_length=200, default="het college van burgemeester en schepenen", blank=True
    )
    introduction = models.TextField(_("inleiding"), max_length=8000, blank=True)
    closing = models.TextField(_("slot"), max_length=8000, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    finalised_at = models.DateTimeField(_("definitief gemaakt op"), null=True, blank=True)
    snapshot = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords(excluded_fields=["snapshot"])

    class Meta:
        ordering = ["-period_end", "-created_at"]
        verbose_name = _("beleidsnota")
        verbose_name_plural = _("beleidsnota's")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Het einde van de periode ligt voor het begin.")})


class PolicyNoteSection(NetworkScopedModel):
    """One theme in a note: its editable text and the network's proposal, in the note's order."""

    note = models.ForeignKey(PolicyNote, on_delete=models.CASCADE, related_name="sections")
    # RESTRICT: a theme in a note cannot be deleted, but a network (and its notes with it) can.
    theme = models.ForeignKey("signals.Theme", on_delete=models.RESTRICT, related_name="note_sections")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField(_("tekst"), max_length=8000, blank=True)
    proposal = models.TextField(_("voorstel van het netwerk"), max_length=4000, blank=True)
    history = HistoricalRecords()

    same_network_fields = ("note", "theme")

    class Meta:
        ordering = ["note", "position"]
        verbose_name = _("thema in een beleidsnota")
        verbose_name_plural = _("thema's in beleidsnota's")
        constraints = [models.UniqueConstraint(fields=["note", "theme"], name="note_section_theme_once")]

    def __str__(self) -> str:
        return f"{self.note_id}: {self.theme_id}"


class ThemeAnswer(NetworkScopedModel):
    """What the municipality answered on a theme (usually to a note), so the next note can say what changed."""

    theme = models.ForeignKey("signals.Theme", on_delete=models.CASCADE, related_name="answers")
    note = models.ForeignKey(
        PolicyNote,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("antwoord op de nota"),
    )
    answered_on = models.DateField(_("datum van het antwoord"))
    answer = models.TextField(_("antwoord van de gemeente"), max_length=8000)
    recorded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    same_network_fields = ("theme", "note")

    class Meta:
        ordering = ["-answered_on", "-created_at"]
        verbose_name = _("antwoord van de gemeente")
        verbose_name_plural = _("antwoorden van de gemeente")

    def __str__(self) -> str:
        return f"{self.theme_id} ({self.answered_on})"
