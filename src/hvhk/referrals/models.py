"""A family's support request (hulpvraag), its consent (toestemming), its referrals (doorverwijzingen) and the
log of who opened personal data. Personal free text and contact details are encrypted per field."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import NetworkScopedModel
from hvhk.referrals.fields import EncryptedTextField

AGE_CHOICES = [
    ("zwanger", _("Zwanger of baby op komst")),
    ("0-3", _("0 tot 3 jaar")),
    ("3-6", _("3 tot 6 jaar")),
    ("6-12", _("6 tot 12 jaar")),
    ("12-18", _("12 tot 18 jaar")),
    ("18-24", _("18 tot 24 jaar")),
]


class SupportRequest(NetworkScopedModel):
    class Source(models.TextChoices):
        ONLINE = "online", _("online door het gezin")
        PROFESSIONAL = "professional", _("door een professional")

    class Status(models.TextChoices):
        NEW = "new", _("nieuw")
        IN_TRIAGE = "in_triage", _("in behandeling")
        REFERRED = "referred", _("doorverwezen")
        CLOSED = "closed", _("afgesloten")

    class ContactBy(models.TextChoices):
        PHONE = "phone", _("Telefoon")
        SMS = "sms", _("Sms")
        EMAIL = "email", _("E-mail")
        NONE = "none", _("Neem geen contact op")

    reference = models.CharField(_("referentie"), max_length=12, unique=True)
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices, default=Source.ONLINE)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    house = models.ForeignKey(
        "directory.House",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("huis"),
    )
    # What the family asked. The question and contact details are personal data: encrypted.
    question = EncryptedTextField(_("vraag"))
    domain = models.ForeignKey(
        "directory.TaxonomyTerm",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("levensdomein"),
    )
    ages = models.JSONField(_("leeftijden"), default=list, blank=True)  # AGE_CHOICES values
    area = models.ForeignKey(
        "core.Area",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    name = EncryptedTextField(_("naam"), blank=True)
    contact_by = models.CharField(_("contact via"), max_length=10, choices=ContactBy.choices)
    phone = EncryptedTextField(_("telefoon"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    contact_when = EncryptedTextField(_("wanneer bereikbaar"), blank=True)
    language = models.CharField(_("taal van het gezin"), max_length=10, default="nl")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandeld door"),
    )
    first_contact_at = models.DateTimeField(_("eerste contact"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    # The family's private link: only its hash is stored.
    token_hash = models.CharField(max_length=64, unique=True)

    same_network_fields = ("house", "domain", "area")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        indexes = [models.Index(fields=["network", "status", "created_at"])]

    def __str__(self) -> str:
        return self.reference


class Consent(NetworkScopedModel):
    """What the family agreed to share, with whom and for what; given once, withdrawn at any time."""

    class How(models.TextChoices):
        ONLINE = "online", _("online, door het gezin zelf")
        VERBAL = "verbal", _("mondeling, aan een professional")
        PAPER = "paper", _("op papier, ondertekend")

    class Scope(models.TextChoices):
        QUESTION = "question", _("je vraag en de leeftijd van je kinderen")
        CONTACT = "contact", _("je naam en hoe we je bereiken")

    request = models.OneToOneField(SupportRequest, on_delete=models.CASCADE, related_name="consent")
    how = models.CharField(_("hoe gegeven"), max_length=10, choices=How.choices)
    given_at = models.DateTimeField(_("gegeven op"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    scope = models.JSONField(_("wat gedeeld mag worden"), default=list)  # Scope values
    expires_at = models.DateTimeField(_("geldig tot"))
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    same_network_fields = ("request",)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self) -> str:
        return f"{self.request} – {self.get_how_display()}"

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.withdrawn_at is None and self.expires_at > now

    def allows(self, scope: str) -> bool:
        return self.is_active() and scope in self.scope


class Referral(NetworkScopedModel):
    class Status(models.TextChoices):
        SENT = "sent", _("verstuurd")
        RECEIVED = "received", _("ontvangen")
        ACCEPTED = "accepted", _("aanvaard")
        DECLINED = "declined", _("geweigerd")
        IN_PROGRESS = "in_progress", _("in begeleiding")
        COMPLETED = "completed", _("afgerond")
        CLOSED = "closed", _("afgesloten zonder resultaat")

    class DeclineReason(models.TextChoices):
        # Why a partner declined, as a choice (the free text `reason` is personal and encrypted): counted per life
        # domain in the monthly proposals of signals, so "no capacity" and "not eligible" become visible.
        NO_CAPACITY = "no_capacity", _("geen plaats (volzet of wachtlijst)")
        NOT_ELIGIBLE = "not_eligible", _("het gezin valt buiten ons aanbod of onze voorwaarden")
        OTHER = "other", _("een andere reden")

    OPEN = (Status.SENT, Status.RECEIVED, Status.ACCEPTED, Status.IN_PROGRESS)
    UNANSWERED = (Status.SENT, Status.RECEIVED)
    FINAL = (Status.DECLINED, Status.COMPLETED, Status.CLOSED)
    # Which step may follow which; the receiving partner takes every one (referrals.services.referral_advance).
    NEXT: dict[str, tuple[str, ...]] = {
        Status.SENT: (Status.RECEIVED, Status.ACCEPTED, Status.DECLINED),
        Status.RECEIVED: (Status.ACCEPTED, Status.DECLINED),
        Status.ACCEPTED: (Status.IN_PROGRESS, Status.COMPLETED, Status.CLOSED),
        Status.IN_PROGRESS: (Status.COMPLETED, Status.CLOSED),
    }

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="referrals")
    service = models.ForeignKey(
        "directory.Service", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    service_name = models.CharField(_("aanbod"), max_length=255)  # kept if the service goes
    organization = models.ForeignKey("directory.Organization", on_delete=models.CASCADE, related_name="+")
    message = EncryptedTextField(_("bericht aan de partner"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SENT)
    reason = EncryptedTextField(_("reden of resultaat"), blank=True)
    decline_reason = models.CharField(
        _("waarom geweigerd"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    same_network_fields = ("request", "service", "organization")

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "organization", "service"], name="referral_once_per_service"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request.reference} → {self.service_name}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class ReferralEvent(NetworkScopedModel):
    """One step of a referral: the status it went to, when and by whom."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=20, choices=Referral.Status.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = EncryptedTextField(blank=True)

    same_network_fields = ("referral",)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.at:%Y-%m-%d %H:%M})"


class AccessLog(NetworkScopedModel):
    """Who opened, exported, changed or erased a request's personal data, and when.

    The request is kept as a plain id (not a foreign key), so the log outlives an erased request.
    """

    class Action(models.TextChoices):
        VIEW = "view", _("bekeken")
        CREATE = "create", _("geregistreerd")
        REFER = "refer", _("doorverwezen")
        UPDATE = "update", _("status gewijzigd")
        EXPORT = "export", _("geëxporteerd (inzageverzoek)")
        WITHDRAW = "withdraw", _("toestemming ingetrokken")
        ERASE = "erase", _("gewist op verzoek")
        ANONYMISE = "anonymise", _("geanonimiseerd")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    user_label = models.CharField(max_length=254)  # kept when the account goes
    request_id = models.UUIDField()
    reference = models.CharField(max_length=12)
    action = models.CharField(max_length=20, choices=Action.choices)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["network", "created_at"]), models.Index(fields=["request_id"])]


class RequestFacts(NetworkScopedModel):
    """What stays of a request after anonymisation or erasure: anonymous facts for statistics."""

    month = models.DateField()  # first day of the month the request came in
    source = models.CharField(max_length=20, choices=SupportRequest.Source.choices)
    domain = models.ForeignKey(
        "directory.TaxonomyTerm", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    age_bands = models.JSONField(default=list)
    area = models.ForeignKey("core.Area", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    house = models.ForeignKey(
        "directory.House", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    referrals = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=20, blank=True)  # the best referral status reached
    days_to_first_contact = models.PositiveIntegerField(null=True, blank=True)
    reason = models.CharField(max_length=20)  # "retention", "inactive" or "erasure"

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} ({self.reason})"
