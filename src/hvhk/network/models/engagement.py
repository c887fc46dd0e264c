"""Engagement declarations: versioned texts the coordinator writes, and the partners' signatures of each version.

An organisation's membership of the network itself (partner or netwerktrekker, since when, houses, contact person)
is `directory.Membership`: the HSDS export carries it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hvhk.core.lib.storage import private_storage
from hvhk.core.models import NetworkScopedModel


class Declaration(NetworkScopedModel):
    """One version of the network's engagement declaration. Draft until published; publishing a version asks every
    partner to sign it (again)."""

    version = models.PositiveSmallIntegerField(_("versie"))
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("tekst"))
    effective_on = models.DateField(_("geldt vanaf"), null=True, blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-version"]
        verbose_name = _("engagementsverklaring")
        verbose_name_plural = _("engagementsverklaringen")
        constraints = [
            models.UniqueConstraint(fields=["network", "version"], name="declaration_unique_version"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


def signature_scan_path(instance: "Signature", filename: str) -> str:
    return f"network/{instance.network_id}/signatures/{instance.pk}/{filename}"


class Signature(NetworkScopedModel):
    """An organisation's signature of one declaration version: online by its authorised person, or a paper
    signature the coordinator records with its scan."""

    class Method(models.TextChoices):
        ONLINE = "online", _("online")
        PAPER = "paper", _("op papier")

    declaration = models.ForeignKey(
        Declaration, on_delete=models.RESTRICT, related_name="signatures", verbose_name=_("verklaring")
    )
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        related_name="signatures",
        verbose_name=_("organisatie"),
    )
    method = models.CharField(_("manier"), max_length=10, choices=Method.choices)
    signer_name = models.CharField(_("naam van wie tekent"), max_length=150)
    signer_function = models.CharField(_("functie"), max_length=150)
    signed_on = models.DateField(_("getekend op"))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("online getekend door"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geregistreerd door"),
    )
    scan = models.FileField(
        _("scan"), upload_to=signature_scan_path, storage=private_storage, blank=True, max_length=300
    )

    same_network_fields = ("declaration", "organization")

    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__name"]
        verbose_name = _("handtekening")
        verbose_name_plural = _("handtekeningen")
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "organization"], name="signature_once_per_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} – {self.declaration}"


class DeclarationReminder(NetworkScopedModel):
    """A reminder mailed to a partner that has not signed a declaration version yet: one row per e-mail, so a
    partner is reminded at most once per REMIND_EVERY_DAYS (see services.engagement)."""

    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("verklaring")
    )
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        related_name="declaration_reminders",
        verbose_name=_("organisatie"),
    )
    sent_to = models.TextField(_("verstuurd naar"), blank=True)

    same_network_fields = ("declaration", "organization")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("herinnering om te tekenen")
        verbose_name_plural = _("herinneringen om te tekenen")
        indexes = [models.Index(fields=["organization", "created_at"], name="declaration_reminder_recent")]

    def __str__(self) -> str:
        return f"{self.organization} – {self.declaration} ({self.created_at:%d/%m/%Y})"
