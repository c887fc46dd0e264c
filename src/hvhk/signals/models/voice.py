"""Parents' voice: what parents miss or would do better (on the public voice page, after a support request, after
an activity), and calls to take part (a parents' panel) that parents sign up for. E-mail addresses and sign-ups are
personal data: erased after VOICE_RETENTION_DAYS (see `hvhk signals-retention`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hvhk.core.models import NetworkScopedModel

USER = settings.AUTH_USER_MODEL


class VoiceContribution(NetworkScopedModel):
    """One contribution of a parent. Moderated: the coordinator (or a trekker) turns it into a signal, adds it to
    an existing signal, or sets it aside. Until then it is visible to them only."""

    class Kind(models.TextChoices):
        VOICE = "voice", _("stem van ouders")
        REQUEST_FEEDBACK = "request_feedback", _("feedback na een hulpvraag")
        ACTIVITY_FEEDBACK = "activity_feedback", _("feedback na een activiteit")

    class Status(models.TextChoices):
        NEW = "new", _("nieuw")
        SIGNAL = "signal", _("omgezet in een signaal")
        LINKED = "linked", _("toegevoegd aan een signaal")
        REJECTED = "rejected", _("niet weerhouden")

    class Useful(models.TextChoices):
        YES = "yes", _("ja")
        PARTLY = "partly", _("een beetje")
        NO = "no", _("nee")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.VOICE)
    text = models.TextField(_("bijdrage"), max_length=2000, blank=True)
    useful = models.CharField(_("had je er iets aan?"), max_length=10, choices=Useful.choices, blank=True)
    life_domain = models.ForeignKey(
        "directory.TaxonomyTerm",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("levensdomein"),
    )
    age_bands = models.JSONField(_("leeftijd van de kinderen"), default=list, blank=True)
    area = models.ForeignKey(
        "core.Area",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("activiteit"),
    )
    email = models.EmailField(_("e-mailadres om iets terug te horen"), blank=True)
    email_erased_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(_("taal"), max_length=10, default="nl")
    # SHA-256 of the normalised text: the same text sent again and again is refused (a flood), without keeping
    # anything about the sender.
    text_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # Feedback after a support request or an activity: a keyed hash (HMAC with the secret key) of the request's
    # or registration's id, so each family answers once, while the contribution holds no link to the family.
    feedback_key = models.CharField(max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    signal = models.ForeignKey(
        "signals.Signal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("signaal"),
    )
    moderated_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_note = models.TextField(_("toelichting"), max_length=2000, blank=True)
    replied_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    same_network_fields = ("life_domain", "area", "activity", "signal")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bijdrage van een ouder")
        verbose_name_plural = _("bijdragen van ouders")
        indexes = [models.Index(fields=["network", "status", "created_at"], name="voice_network_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "kind", "feedback_key"],
                condition=~models.Q(feedback_key=""),
                name="voice_feedback_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})" if self.created_at else self.kind


class ParticipationCall(NetworkScopedModel):
    """A call to take part ("Oudergroep over het nieuwe huis, 12 maart"), published on the voice page."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("klad")
        PUBLISHED = "published", _("gepubliceerd")
        CLOSED = "closed", _("afgesloten")

    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("wat gebeurt er?"), max_length=4000)
    starts_at = models.DateTimeField(_("wanneer"))
    place = models.CharField(_("waar"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), null=True, blank=True)
    signup_until = models.DateTimeField(_("inschrijven kan tot"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    theme = models.ForeignKey(
        "signals.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="calls",
        verbose_name=_("thema"),
    )
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    same_network_fields = ("theme",)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("oproep tot deelname")
        verbose_name_plural = _("oproepen tot deelname")

    def __str__(self) -> str:
        return self.title


class CallSignup(NetworkScopedModel):
    """A parent who signs up for a call. Name and contact are erased VOICE_RETENTION_DAYS after the call
    (the count stays)."""

    call = models.ForeignKey(ParticipationCall, on_delete=models.CASCADE, related_name="signups")
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    remark = models.TextField(_("opmerking"), max_length=1000, blank=True)
    language = models.CharField(_("taal"), max_length=10, default="nl")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    same_network_fields = ("call",)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("inschrijving voor een oproep")
        verbose_name_plural = _("inschrijvingen voor oproepen")

    def __str__(self) -> str:
        return f"{self.call_id}: {self.pk}"


class CallSignupAccess(NetworkScopedModel):
    """Who opened the names and contact details of a call's sign-ups, and when. The call is a plain id, so the log
    outlives a deleted call."""

    class Action(models.TextChoices):
        VIEW = "view", _("inschrijvingen bekeken")
        ERASE = "erase", _("gewist na de bewaartermijn")

    user = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    user_label = models.CharField(max_length=254)
    call_id_value = models.UUIDField()
    call_title = models.CharField(max_length=200)
    action = models.CharField(max_length=20, choices=Action.choices)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("inzage in inschrijvingen voor een oproep")
        verbose_name_plural = _("inzage in inschrijvingen voor oproepen")
        indexes = [models.Index(fields=["network", "created_at"], name="call_access_at")]

    def __str__(self) -> str:
        return f"{self.user_label}: {self.get_action_display()} ({self.call_title})"
