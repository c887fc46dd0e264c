"""Families' registrations (no account needed), the waiting list, and the log of who looked at them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import NetworkScopedModel

USER = settings.AUTH_USER_MODEL


class Registration(NetworkScopedModel):
    """A family's registration for one session, or for the whole series of a series activity.

    Personal fields (name, e-mail, phone, children's ages, remark) are emptied a while after the session
    (`anonymised_at`); the counts stay for the reports. The private link carries a token of which we keep only
    the hash.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("ingeschreven")
        WAITING = "waiting", _("op de wachtlijst")
        OFFERED = "offered", _("plaats aangeboden")
        CANCELLED = "cancelled", _("geannuleerd")
        EXPIRED = "expired", _("aanbod verlopen")

    HOLDING = (Status.CONFIRMED, Status.OFFERED)  # hold places
    ACTIVE = (Status.CONFIRMED, Status.OFFERED, Status.WAITING)

    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.CASCADE, related_name="registrations"
    )
    session = models.ForeignKey(
        "activities.Session",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="registrations",
        help_text=_("Leeg voor een reeks: de inschrijving geldt voor alle momenten."),
    )
    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    adults = models.PositiveSmallIntegerField(
        _("aantal volwassenen"), default=1, validators=[MinValueValidator(0), MaxValueValidator(20)]
    )
    children = models.PositiveSmallIntegerField(
        _("aantal kinderen"), default=0, validators=[MinValueValidator(0), MaxValueValidator(20)]
    )
    children_ages = models.CharField(_("leeftijd van de kinderen"), max_length=100, blank=True)
    remark = models.TextField(_("opmerking"), max_length=1000, blank=True)
    consent_contact = models.BooleanField(_("mag gecontacteerd worden"), default=False)
    language = models.CharField(_("taal"), max_length=10, default="nl")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    queued_at = models.DateTimeField(_("op de wachtlijst sinds"), null=True, blank=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("aanbod geldig tot"), null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by_organiser = models.BooleanField(default=False)
    token_hash = models.CharField(max_length=64, unique=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    same_network_fields = ("activity", "session")

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        indexes = [
            models.Index(fields=["activity", "status"], name="registration_activity_status"),
            models.Index(fields=["session", "status"], name="registration_session_status"),
            models.Index(fields=["status", "offer_expires_at"], name="registration_offer_expiry"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(adults__gte=1) | models.Q(children__gte=1),
                name="registration_someone_comes",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name or _('(geanonimiseerd)')} – {self.get_status_display()}"

    def clean(self) -> None:
        super().clean()
        if self.session_id and self.activity_id and self.session.activity_id != self.activity_id:
            raise ValidationError({"session": _("Dit moment hoort bij een andere activiteit.")})
        if not self.anonymised_at and not (self.email or self.phone):
            raise ValidationError({"email": _("Geef een e-mailadres of een telefoonnummer.")})

    @property
    def people(self) -> int:
        return self.adults + self.children

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None


class RegistrationAccess(NetworkScopedModel):
    """Who opened, exported or changed registrations' personal data, and when. The activity is a plain id, so
    the log outlives a deleted activity."""

    class Action(models.TextChoices):
        VIEW = "view", _("lijst bekeken")
        EXPORT = "export", _("geëxporteerd (CSV)")
        ATTENDANCE = "attendance", _("aanwezigheid genoteerd")
        CANCEL = "cancel", _("geannuleerd door de organisator")
        ANONYMISE = "anonymise", _("geanonimiseerd")

    user = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    user_label = models.CharField(max_length=254)
    activity_id_value = models.UUIDField()
    activity_title = models.CharField(max_length=200)
    action = models.CharField(max_length=20, choices=Action.choices)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["network", "created_at"], name="registration_access_at")]

    def __str__(self) -> str:
        return f"{self.user_label}: {self.get_action_display()} ({self.activity_title})"
