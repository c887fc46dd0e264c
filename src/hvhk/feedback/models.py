"""'Meld het ons': a visitor's report that something on a page is wrong or unclear."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import NetworkScopedModel

# The reporter's e-mail address is personal data: it is erased this many days after the report is closed.
REPORTER_EMAIL_RETENTION_DAYS = 90


class ErrorReport(NetworkScopedModel):
    class Status(models.TextChoices):
        NEW = "new", _("nieuw")
        IN_PROGRESS = "in_progress", _("in behandeling")
        RESOLVED = "resolved", _("opgelost")
        REJECTED = "rejected", _("niet weerhouden")

    class Topic(models.TextChoices):
        WRONG = "wrong", _("Er staat iets fout")
        OUTDATED = "outdated", _("Het is niet meer actueel")
        UNCLEAR = "unclear", _("Het is niet duidelijk")
        MISSING = "missing", _("Er ontbreekt iets")
        OTHER = "other", _("Iets anders")

    page_url = models.CharField(_("pagina"), max_length=500)
    page_title = models.CharField(_("titel van de pagina"), max_length=300, blank=True)
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="error_reports",
        verbose_name=_("aanbod"),
    )
    topic = models.CharField(_("onderwerp"), max_length=20, choices=Topic.choices, default=Topic.WRONG)
    message = models.TextField(_("bericht"), max_length=4000)
    reporter_email = models.EmailField(_("e-mail van de melder"), blank=True)
    language = models.CharField(_("taal"), max_length=10, default="nl")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    assigned_organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="error_reports",
        verbose_name=_("toegewezen aan"),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandeld door"),
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    resolution_note = models.TextField(_("afhandeling"), blank=True)

    same_network_fields = ("service", "assigned_organization")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        indexes = [models.Index(fields=["network", "status"], name="errorreport_network_status")]

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.page_url}"
