"""Tenancy: networks, their areas, and the base class every network-owned record inherits."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hvhk.core.lib.colour import contrast_ratio

# URL segments that sit beside /<network>/ and so can never be a network slug.
RESERVED_SLUGS = frozenset(
    {"accounts", "admin", "api", "healthz", "i18n", "media", "portal", "static", "favicon.ico", "robots.txt"}
)

hex_colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Geef een kleur als #RRGGBB, bijvoorbeeld #1b5e7a.")
)
postcode_list_validator = RegexValidator(
    r"^\d{4}(,\d{4})*$",
    _("Geef postcodes van vier cijfers, gescheiden door komma's, bijvoorbeeld 3000,3001."),
)


class NetworkScopedQuerySet(models.QuerySet):
    def for_network(self, network: "Network") -> "NetworkScopedQuerySet":
        """The only rows a page of `network` may see. Every read of network data starts here."""
        if network is None or network._state.adding:
            raise ValueError("for_network() needs a saved network")
        return self.filter(network=network)


class NetworkScopedModel(models.Model):
    """A record that belongs to exactly one network. UUID ids double as HSDS ids."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    network = models.ForeignKey(
        "core.Network", on_delete=models.CASCADE, related_name="+", verbose_name=_("netwerk")
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    objects = NetworkScopedQuerySet.as_manager()

    # Foreign keys whose target must live in the same network (checked by clean()).
    same_network_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        errors = {}
        for name in self.same_network_fields:
            related = getattr(self, name, None)
            if related is not None and self.network_id and related.network_id != self.network_id:
                errors[name] = _("Dit hoort bij een ander netwerk.")
        if errors:
            raise ValidationError(errors)


class Network(models.Model):
    """One local Huis van het Kind network: the tenant every record belongs to."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(
        _("korte naam"), max_length=60, unique=True, help_text=_("Staat in het webadres: /leuven/.")
    )
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("adres"), max_length=300, blank=True)
    colour = models.CharField(
        _("huiskleur"),
        max_length=7,
        default="#1b5e7a",
        validators=[hex_colour_validator],
        help_text=_("Donker genoeg voor witte tekst."),
    )
    logo = models.ImageField(_("logo"), upload_to="networks/logos/", blank=True)
    is_demo = models.BooleanField(
        _("voorbeeldgegevens"), default=False, help_text=_("Toont bezoekers dat dit voorbeeldgegevens zijn.")
    )
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("netwerk")
        verbose_name_plural = _("netwerken")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Deze korte naam is voorbehouden. Kies een andere.")})
        is_hex = bool(hex_colour_validator.regex.match(self.colour or ""))
        if is_hex and contrast_ratio(self.colour, "#ffffff") < 4.5:
            raise ValidationError(
                {"colour": _("Deze kleur is te licht: witte tekst is er slecht op te lezen.")}
            )


class Area(NetworkScopedModel):
    """A municipality, sub-municipality or neighbourhood where families live and services are."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("gemeente")
        SUBMUNICIPALITY = "submunicipality", _("deelgemeente")
        NEIGHBOURHOOD = "neighbourhood", _("wijk")

    slug = models.SlugField(_("korte naam"), max_length=80)
    name = models.CharField(_("naam"), max_length=120)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("ligt in"),
    )
    postcodes = models.CharField(
        _("postcodes"),
        max_length=200,
        blank=True,
        validators=[postcode_list_validator],
        help_text=_("Bijvoorbeeld 3000,3001."),
    )
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

    same_network_fields = ("parent",)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="area_unique_slug_per_network"),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="area_centroid_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def postcode_list(self) -> list[str]:
        return [p for p in self.postcodes.split(",") if p]

    def clean(self) -> None:
        super().clean()
        if self.parent_id and self.parent_id == self.id:
            raise ValidationError({"parent": _("Een gebied kan niet in zichzelf liggen.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Geef zowel breedte- als lengtegraad, of geen van beide."))


class SentMail(models.Model):
    """The outbox of background jobs: one row per message that left, for one purpose and one recipient, written
    right after the send (core/lib/mail.send_once). A job that runs again after its worker died skips who already
    had the mail. The key is an HMAC of purpose and address with the secret key: no address is stored. Not
    network data: rows are bookkeeping and go after SENT_MAIL_DAYS (`hvhk tasks-recover`)."""

    key = models.CharField(_("sleutel"), max_length=64, unique=True)
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("verstuurde e-mail")
        verbose_name_plural = _("verstuurde e-mails")

    def __str__(self) -> str:
        return self.key
