"""(extension) Houses: physical family-friendly places, and the base pillars each one offers."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import NetworkScopedModel
from hvhk.directory.models.history import RecordHistory
from hvhk.directory.models.translations import TranslatableModel


class House(TranslatableModel, NetworkScopedModel):
    """A 'Huis van het Kind' place where families are welcomed and find the base pillars."""

    slug = models.SlugField(_("korte naam"), max_length=80)
    name = models.CharField(_("naam"), max_length=255)
    description = models.TextField(_("beschrijving"), blank=True)
    location = models.ForeignKey(
        "directory.Location", on_delete=models.PROTECT, related_name="houses", verbose_name=_("locatie")
    )
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="houses",
        verbose_name=_("uitgebaat door"),
    )
    is_active = models.BooleanField(_("actief"), default=True)

    translatable_fields = ("name", "description")
    same_network_fields = ("location", "organization")

    history = RecordHistory()

    class Meta:
        ordering = ["name"]
        verbose_name = _("huis")
        verbose_name_plural = _("huizen")
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="house_unique_slug_per_network")
        ]

    def __str__(self) -> str:
        return self.name


class Pillar(TranslatableModel, NetworkScopedModel):
    """One of the five base pillars of a house (fixed kinds), or an extra offer, and the services behind it."""

    class Kind(models.TextChoices):
        RECEPTION = "reception", _("Onthaal en informatie")
        CONSULTATION = "consultation", _("Medische, psychosociale en pedagogische consultatie")
        PLAY = "play", _("Spel en ontmoeting voor jonge kinderen")
        PARENTING_ADVICE = "parenting_advice", _("Opvoedadvies")
        GROUP_OFFER = "group_offer", _("Groepsaanbod: infoavonden, workshops en oudergroepen")
        EXTRA = "extra", _("Extra aanbod")

    BASE_KINDS = (Kind.RECEPTION, Kind.CONSULTATION, Kind.PLAY, Kind.PARENTING_ADVICE, Kind.GROUP_OFFER)

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="pillars", verbose_name=_("huis"))
    kind = models.CharField(_("pijler"), max_length=20, choices=Kind.choices)
    name = models.CharField(
        _("naam"), max_length=255, blank=True, help_text=_("Alleen nodig bij extra aanbod.")
    )
    description = models.TextField(_("beschrijving"), blank=True)
    services = models.ManyToManyField(
        "directory.Service",
        related_name="pillars",
        blank=True,
        verbose_name=_("aanbod dat deze pijler invult"),
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    translatable_fields = ("name", "description")
    same_network_fields = ("house",)

    history = RecordHistory()

    class Meta:
        ordering = ["house", "position"]
        verbose_name = _("pijler")
        verbose_name_plural = _("pijlers")
        constraints = [
            models.UniqueConstraint(
                fields=["house", "kind"],
                condition=~models.Q(kind="extra"),
                name="pillar_base_kind_once_per_house",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="extra") | ~models.Q(name=""), name="pillar_extra_has_name"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.name if self.kind == self.Kind.EXTRA else str(self.get_kind_display())

    @property
    def is_base(self) -> bool:
        return self.kind != self.Kind.EXTRA

    def clean(self) -> None:
        super().clean()
        if self.kind == self.Kind.EXTRA and not self.name.strip():
            raise ValidationError({"name": _("Geef het extra aanbod een naam.")})
