"""What insights keep of their own: the areas' boundaries a coordinator uploads (for the coverage map), the
coordinator's verdict on a pair of services that looked alike (so the pair is not flagged again), the editable
introduction and closing of a year's annual report, and figures computed ahead by the worker (with when)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hvhk.core.models import NetworkScopedModel


class AreaBoundary(NetworkScopedModel):
    """The outline of one of the network's areas, from a GeoJSON file the coordinator uploaded: a GeoJSON
    geometry (Polygon or MultiPolygon, longitude/latitude in WGS 84)."""

    area = models.OneToOneField(
        "core.Area", on_delete=models.CASCADE, related_name="boundary", verbose_name=_("gebied")
    )
    geometry = models.JSONField(_("omtrek (GeoJSON)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    same_network_fields = ("area",)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("omtrek van een gebied")
        verbose_name_plural = _("omtrekken van gebieden")

    def __str__(self) -> str:
        return str(self.area)


class OverlapReview(NetworkScopedModel):
    """The coordinator's verdict on two services that were flagged as overlapping. The pair is stored once, the
    service with the smaller id first."""

    class Verdict(models.TextChoices):
        COMPLEMENTARY = "complementary", _("vullen elkaar aan")
        TO_DISCUSS = "to_discuss", _("te bespreken")

    service_low = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="+", verbose_name=_("aanbod")
    )
    service_high = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="+", verbose_name=_("ander aanbod")
    )
    verdict = models.CharField(_("besluit"), max_length=20, choices=Verdict.choices)
    note = models.TextField(_("toelichting"), blank=True, max_length=2000)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    same_network_fields = ("service_low", "service_high")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beoordeelde overlap")
        verbose_name_plural = _("beoordeelde overlappen")
        constraints = [
            models.UniqueConstraint(
                fields=["service_low", "service_high"], name="overlap_review_unique_pair"
            ),
            models.CheckConstraint(
                condition=models.Q(service_low__lt=models.F("service_high")),
                name="overlap_review_ordered_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service_low_id} ~ {self.service_high_id}: {self.verdict}"


class ReportText(NetworkScopedModel):
    """The coordinator's own introduction and closing of one year's annual report."""

    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    introduction = models.TextField(_("inleiding"), blank=True, max_length=6000)
    closing = models.TextField(_("slot"), blank=True, max_length=6000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tekst van het jaarverslag")
        verbose_name_plural = _("teksten van het jaarverslag")
        constraints = [models.UniqueConstraint(fields=["network", "year"], name="report_text_unique_year")]

    def __str__(self) -> str:
        return f"{self.network_id} {self.year}"


class Snapshot(NetworkScopedModel):
    """Figures the worker computed ahead (for example the overlap of a large offering): JSON as the page shows
    it, and when it was computed, which the page says."""

    kind = models.CharField(max_length=40)
    data = models.JSONField(default=dict)
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["network", "kind"], name="insight_snapshot_unique_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind} of {self.network_id} ({self.computed_at:%Y-%m-%d %H:%M})"
