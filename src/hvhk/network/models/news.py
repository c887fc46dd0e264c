"""Documents of bodies and meetings, news for partners (and the public), the weekly digest and private iCal feeds."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hvhk.core.lib.storage import private_storage
from hvhk.core.models import NetworkScopedModel

USER = settings.AUTH_USER_MODEL


def document_path(instance: "Document", filename: str) -> str:
    return f"network/{instance.network_id}/documents/{instance.pk}/{filename}"


class Document(NetworkScopedModel):
    """A file attached to a body, a meeting or an agenda item. Kept in the private storage: only members of the
    body (and the coordinator) can open it."""

    body = models.ForeignKey("network.Body", on_delete=models.CASCADE, related_name="documents")
    meeting = models.ForeignKey(
        "network.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    agenda_item = models.ForeignKey(
        "network.AgendaItem", on_delete=models.SET_NULL, null=True, blank=True, related_name="documents"
    )
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("bestand"), upload_to=document_path, storage=private_storage, max_length=300)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False)
    uploaded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    same_network_fields = ("body", "meeting", "agenda_item")

    history = HistoricalRecords()  # who attached (or changed) which file, when: the audit trail of documents

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documenten")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.meeting_id and self.body_id and self.meeting.body_id != self.body_id:
            raise ValidationError({"meeting": _("Deze vergadering hoort bij een ander orgaan.")})


class NewsPost(NetworkScopedModel):
    """News from the coordinator or a trekker: for the network's partners only, or public on /<network>/news/."""

    class Audience(models.TextChoices):
        PARTNERS = "partners", _("alleen voor partners")
        PUBLIC = "public", _("publiek")

    title = models.CharField(_("titel"), max_length=200)
    summary = models.CharField(_("samenvatting"), max_length=300, blank=True)
    text = models.TextField(_("tekst"))
    audience = models.CharField(
        _("voor wie"), max_length=10, choices=Audience.choices, default=Audience.PARTNERS
    )
    body = models.ForeignKey(
        "network.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news",
        verbose_name=_("namens orgaan"),
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    same_network_fields = ("body",)

    history = (
        HistoricalRecords()
    )  # the audit trail: who wrote, changed, published or deleted a post, and when

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")
        indexes = [
            models.Index(fields=["network", "audience", "published_at"], name="news_network_published")
        ]

    def __str__(self) -> str:
        return self.title


class NewsSubscription(NetworkScopedModel):
    """A person who opted in to the network's weekly news digest. The unsubscribe link carries `token_hash`'s
    token; unsubscribing deletes the row."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="news_subscriptions")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    last_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    # The audit trail of opting in and out (the token's hash stays out of it).
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        verbose_name = _("abonnement op het nieuws")
        verbose_name_plural = _("abonnementen op het nieuws")
        constraints = [models.UniqueConstraint(fields=["network", "user"], name="news_subscription_once")]

    def __str__(self) -> str:
        return str(self.user)


class CalendarFeed(NetworkScopedModel):
    """A person's private iCal feed of their meetings in one network. The URL carries a secret token (only its
    hash is kept); revoking sets `revoked_at`, and a new feed gets a new token."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="calendar_feeds")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("agenda-abonnement")
        verbose_name_plural = _("agenda-abonnementen")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"],
                condition=models.Q(revoked_at__isnull=True),
                name="calendar_feed_one_live",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)
