"""Changes that partners propose, waiting for the coordinator (moderation); written only by
`directory.services.drafts`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hvhk.core.models import NetworkScopedModel


class Draft(NetworkScopedModel):
    """A proposed version of a service, organisation or location: the whole editable content, as a snapshot.

    Published data changes only when a draft is published (by the coordinator, or at once for a partner that
    may publish directly). A record has at most one open draft.
    """

    class Kind(models.TextChoices):
        SERVICE = "service", _("aanbod")
        ORGANIZATION = "organization", _("organisatie")
        LOCATION = "location", _("locatie")

    class Status(models.TextChoices):
        DRAFT = "draft", _("klad")
        SUBMITTED = "submitted", _("wacht op nazicht")
        RETURNED = "returned", _("teruggestuurd")
        PUBLISHED = "published", _("gepubliceerd")
        WITHDRAWN = "withdrawn", _("ingetrokken")

    OPEN = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED)

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    target_id = models.UUIDField(_("record"), null=True, blank=True, help_text=_("Leeg voor nieuw aanbod."))
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        related_name="drafts",
        verbose_name=_("organisatie"),
    )
    title = models.CharField(_("titel"), max_length=255)
    data = models.JSONField(_("inhoud"), default=dict)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("door"),
    )
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nagekeken door"),
    )
    reviewed_at = models.DateTimeField(_("nagekeken op"), null=True, blank=True)
    review_comment = models.TextField(_("opmerking van de coördinator"), blank=True)

    same_network_fields = ("organization",)
    history = HistoricalRecords()  # each step of the draft, with who took it (the audit trail)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("voorstel tot wijziging")
        verbose_name_plural = _("voorstellen tot wijziging")
        indexes = [models.Index(fields=["network", "status"], name="draft_network_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "target_id"],
                condition=models.Q(status__in=["draft", "submitted", "returned"], target_id__isnull=False),
                name="draft_one_open_per_record",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN
