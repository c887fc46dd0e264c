"""HSDS `taxonomy`, `taxonomy_term` and `attribute` (the link from a record to a term)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import NetworkScopedModel
from hvhk.directory.models.details import _link_indexes
from hvhk.directory.models.history import RecordHistory
from hvhk.directory.models.sources import source_id_field, unique_source_id
from hvhk.directory.models.translations import TranslatableModel


class Taxonomy(NetworkScopedModel):
    code = models.SlugField(_("code"), max_length=60, help_text=_("(extension) Bijvoorbeeld levensdomein."))
    name = models.CharField(_("naam"), max_length=255)
    description = models.TextField(_("beschrijving"))
    uri = models.URLField(_("URI"), max_length=500, blank=True)
    version = models.CharField(_("versie"), max_length=50, blank=True)

    source_id = source_id_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("indeling")
        verbose_name_plural = _("indelingen")
        constraints = [
            unique_source_id("taxonomy"),
            models.UniqueConstraint(fields=["network", "code"], name="taxonomy_unique_code"),
        ]

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(TranslatableModel, NetworkScopedModel):
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.CASCADE, related_name="terms", verbose_name=_("indeling")
    )
    code = models.SlugField(_("code"), max_length=80)
    name = models.CharField(_("naam"), max_length=255)
    description = models.TextField(_("beschrijving"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("valt onder"),
    )
    language = models.CharField(_("taal"), max_length=10, default="nl")
    term_uri = models.URLField(_("URI"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    translatable_fields = ("name", "description")
    same_network_fields = ("taxonomy", "parent")

    source_id = source_id_field()

    class Meta:
        ordering = ["taxonomy", "position", "name"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")
        constraints = [
            unique_source_id("taxonomyterm"),
            models.UniqueConstraint(fields=["taxonomy", "code"], name="taxonomy_term_unique_code"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.parent_id and self.parent_id == self.id:
            raise ValidationError({"parent": _("Een categorie kan niet onder zichzelf vallen.")})


class Attribute(NetworkScopedModel):
    """Links one record (service, organisation, location or service-at-location) to a taxonomy term."""

    class LinkType(models.TextChoices):
        LIFE_DOMAIN = "life_domain", _("levensdomein")
        TARGET_GROUP = "target_group", _("doelgroep")
        OTHER = "other", _("andere")

    taxonomy_term = models.ForeignKey(
        TaxonomyTerm, on_delete=models.CASCADE, related_name="attributes", verbose_name=_("categorie")
    )
    link_type = models.CharField(_("betekenis"), max_length=40, default=LinkType.OTHER)
    value = models.TextField(_("waarde"), blank=True)
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="attributes",
    )
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="attributes",
    )
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="attributes",
    )
    service_at_location = models.ForeignKey(
        "directory.ServiceAtLocation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attributes",
    )

    same_network_fields = ("taxonomy_term", "service", "organization", "location", "service_at_location")
    LINK_FIELDS = ("service", "organization", "location", "service_at_location")

    history = RecordHistory()

    class Meta:
        verbose_name = _("kenmerk")
        verbose_name_plural = _("kenmerken")
        indexes = _link_indexes("attribute", "service", "organization", "location", "service_at_location")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        service__isnull=False,
                        organization__isnull=True,
                        location__isnull=True,
                        service_at_location__isnull=True,
                    )
                    | models.Q(
                        service__isnull=True,
                        organization__isnull=False,
                        location__isnull=True,
                        service_at_location__isnull=True,
                    )
                    | models.Q(
                        service__isnull=True,
                        organization__isnull=True,
                        location__isnull=False,
                        service_at_location__isnull=True,
                    )
                    | models.Q(
                        service__isnull=True,
                        organization__isnull=True,
                        location__isnull=True,
                        service_at_location__isnull=False,
                    )
                ),
                name="attribute_links_exactly_one",
            ),
            models.UniqueConstraint(
                fields=["service", "taxonomy_term"],
                condition=models.Q(service__isnull=False),
                name="attribute_unique_service_term",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.link_entity}: {self.taxonomy_term}"

    @property
    def link_entity(self) -> str:
        """HSDS `link_entity`: the table the attribute hangs off."""
        return next((field for field in self.LINK_FIELDS if getattr(self, f"{field}_id")), "")

    @property
    def link_id(self):
        entity = self.link_entity
        return getattr(self, f"{entity}_id") if entity else None
