"""HSDS `location` and `service_at_location`."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import NetworkScopedModel
from hvhk.directory.models.history import RecordHistory
from hvhk.directory.models.sources import source_id_field, unique_source_id
from hvhk.directory.models.validators import web_url_validator


class Location(NetworkScopedModel):
    class LocationType(models.TextChoices):
        PHYSICAL = "physical", _("fysieke plek")
        POSTAL = "postal", _("postadres")
        VIRTUAL = "virtual", _("online")

    location_type = models.CharField(
        _("soort"), max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    url = models.URLField(_("website"), max_length=500, blank=True, validators=[web_url_validator])
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("organisatie"),
    )
    name = models.CharField(_("naam"), max_length=255, blank=True)
    alternate_name = models.CharField(_("andere naam"), max_length=255, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    transportation = models.TextField(_("bereikbaarheid"), blank=True)
    latitude = models.DecimalField(
        _("breedtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("lengtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    external_identifier = models.CharField(_("externe code"), max_length=100, blank=True)
    external_identifier_type = models.CharField(_("soort externe code"), max_length=100, blank=True)
    uitdatabank_place_id = models.URLField(
        _("UiTdatabank-plaats"),
        max_length=300,
        blank=True,
        help_text=_(
            "Het adres (@id) van deze plaats in UiTdatabank, bv. https://io.uitdatabank.be/place/…; "
            "nodig om activiteiten hier naar UiTdatabank te sturen."
        ),
    )
    area = models.ForeignKey(
        "core.Area",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("gebied"),
        help_text=_("(extension) De (deel)gemeente of wijk."),
    )

    same_network_fields = ("organization", "area")

    history = RecordHistory()

    source_id = source_id_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        constraints = [
            unique_source_id("location"),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="location_coordinates_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name or str(self.id)

    def clean(self) -> None:
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Geef zowel breedte- als lengtegraad, of geen van beide."))


class ServiceAtLocation(NetworkScopedModel):
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.CASCADE,
        related_name="service_at_locations",
        verbose_name=_("aanbod"),
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations", verbose_name=_("locatie")
    )
    description = models.TextField(_("beschrijving"), blank=True)

    same_network_fields = ("service", "location")

    history = RecordHistory()

    source_id = source_id_field()

    class Meta:
        verbose_name = _("aanbod op een locatie")
        verbose_name_plural = _("aanbod op locaties")
        constraints = [
            unique_source_id("serviceatlocation"),
            models.UniqueConstraint(fields=["service", "location"], name="service_at_location_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.service} @ {self.location}"
