"""HSDS organization, its identifiers, and its membership of the network."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import NetworkScopedModel
from hvhk.directory.models.history import RecordHistory
from hvhk.directory.models.sources import source_id_field, unique_source_id
from hvhk.directory.models.translations import TranslatableModel
from hvhk.directory.models.validators import web_url_validator


class Organization(TranslatableModel, NetworkScopedModel):
    """HSDS `organization`: a partner or other organisation that offers services."""

    slug = models.SlugField(
        _("korte naam"), max_length=80, help_text=_("(extension) Uniek binnen het netwerk.")
    )
    name = models.CharField(_("naam"), max_length=255)
    alternate_name = models.CharField(_("andere naam"), max_length=255, blank=True)
    description = models.TextField(_("beschrijving"))
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True, validators=[web_url_validator])
    tax_status = models.CharField(_("fiscaal statuut"), max_length=100, blank=True)
    tax_id = models.CharField(_("ondernemingsnummer"), max_length=50, blank=True)
    year_incorporated = models.PositiveSmallIntegerField(
        _("opgericht in"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    legal_status = models.CharField(_("rechtsvorm"), max_length=100, blank=True)
    logo = models.URLField(_("logo (webadres)"), max_length=500, blank=True, validators=[web_url_validator])
    uri = models.URLField(_("URI"), max_length=500, blank=True, validators=[web_url_validator])
    parent_organization = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("moederorganisatie"),
    )

    translatable_fields = ("name", "alternate_name", "description")
    same_network_fields = ("parent_organization",)

    history = RecordHistory()

    source_id = source_id_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            unique_source_id("organization"),
            models.UniqueConstraint(fields=["network", "slug"], name="organization_unique_slug_per_network"),
        ]

    def __str__(self) -> str:
        return self.name


class OrganizationIdentifier(NetworkScopedModel):
    """HSDS `organization_identifier`, e.g. the KBO number."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="organization_identifiers",
        verbose_name=_("organisatie"),
    )
    identifier_scheme = models.CharField(_("schema"), max_length=100, blank=True)
    identifier_type = models.CharField(_("soort"), max_length=100)
    identifier = models.CharField(_("nummer"), max_length=100)

    same_network_fields = ("organization",)

    class Meta:
        verbose_name = _("identificatienummer")
        verbose_name_plural = _("identificatienummers")

    def __str__(self) -> str:
        return f"{self.identifier_type} {self.identifier}"


class Membership(NetworkScopedModel):
    """(extension) An organisation's membership of the network: its role and engagement declaration."""

    class Role(models.TextChoices):
        PARTNER = "partner", _("partner")
        LEAD = "netwerktrekker", _("netwerktrekker")

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="membership", verbose_name=_("organisatie")
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    engagement_signed_on = models.DateField(_("engagementsverklaring getekend op"), null=True, blank=True)
    joined_on = models.DateField(_("lid sinds"), null=True, blank=True)
    left_on = models.DateField(_("lid tot"), null=True, blank=True)
    notes = models.TextField(_("notities"), blank=True)
    houses = models.ManyToManyField(
        "directory.House",
        blank=True,
        related_name="memberships",
        verbose_name=_("huizen"),
        help_text=_("De huizen die deze partner mee draagt."),
    )
    # The partner's contact person for the network: for the network's staff only, never on public pages.
    contact_name = models.CharField(_("contactpersoon voor het netwerk"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail van de contactpersoon"), blank=True)
    contact_phone = models.CharField(_("telefoon van de contactpersoon"), max_length=40, blank=True)
    publishes_directly = models.BooleanField(
        _("mag rechtstreeks publiceren"),
        default=False,
        help_text=_("Wijzigingen van deze partner komen meteen online, zonder nazicht door de coördinator."),
    )

    same_network_fields = ("organization",)

    history = RecordHistory()

    class Meta:
        ordering = ["organization__name"]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True)
                | models.Q(joined_on__isnull=True)
                | models.Q(left_on__gte=models.F("joined_on")),
                name="membership_left_after_joined",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("Deze datum ligt voor de datum van aansluiting.")})

    def __str__(self) -> str:
        return f"{self.organization} ({self.get_role_display()})"
