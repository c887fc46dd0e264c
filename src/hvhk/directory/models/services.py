"""HSDS `service`: what a family can use."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hvhk.core.models import NetworkScopedModel
from hvhk.directory.models.history import RecordHistory
from hvhk.directory.models.organizations import Organization
from hvhk.directory.models.sources import source_id_field, unique_source_id
from hvhk.directory.models.translations import TranslatableModel
from hvhk.directory.models.validators import web_url_validator

# Ages are kept in months so "from 3 months" and pregnancy fit: a negative age is a month before birth.
PREGNANCY_START_MONTHS = -9
MAX_AGE_MONTHS = 1200


class Service(TranslatableModel, NetworkScopedModel):
    class Status(models.TextChoices):
        ACTIVE = "active", _("actief")
        INACTIVE = "inactive", _("niet actief")
        DEFUNCT = "defunct", _("bestaat niet meer")
        TEMPORARILY_CLOSED = "temporarily closed", _("tijdelijk gesloten")

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="services", verbose_name=_("organisatie")
    )
    name = models.CharField(_("naam"), max_length=255)
    alternate_name = models.CharField(_("andere naam"), max_length=255, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    url = models.URLField(_("website"), max_length=500, blank=True, validators=[web_url_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    interpretation_services = models.TextField(_("tolken"), blank=True)
    application_process = models.TextField(_("hoe aanmelden"), blank=True)
    fees_description = models.TextField(_("kosten (uitleg)"), blank=True)
    accreditations = models.TextField(_("erkenningen"), blank=True)
    eligibility_description = models.TextField(_("voorwaarden"), blank=True)
    minimum_age_months = models.SmallIntegerField(
        _("vanaf leeftijd (maanden)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(PREGNANCY_START_MONTHS), MaxValueValidator(MAX_AGE_MONTHS)],
        help_text=_(
            "In maanden. Negatief is tijdens de zwangerschap: -9 is vanaf het begin van de zwangerschap."
        ),
    )
    maximum_age_months = models.SmallIntegerField(
        _("tot leeftijd (maanden)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(PREGNANCY_START_MONTHS), MaxValueValidator(MAX_AGE_MONTHS)],
        help_text=_("In maanden. 0 is tot de geboorte, 36 is tot 3 jaar, 288 is tot 24 jaar."),
    )
    assured_date = models.DateField(_("laatst nagekeken"), null=True, blank=True)
    assurer_email = models.EmailField(_("nagekeken door (e-mail)"), blank=True)
    licenses = models.TextField(_("vergunningen"), blank=True)
    alert = models.TextField(
        _("melding"), blank=True, help_text=_("Tijdelijk bericht, bijvoorbeeld een sluiting.")
    )
    # (extension) how a family uses the service; HSDS 3.0 has no field for it.
    at_location = models.BooleanField(_("op een locatie"), default=True)
    at_home = models.BooleanField(_("aan huis"), default=False)
    online = models.BooleanField(_("online"), default=False)
    by_phone = models.BooleanField(_("telefonisch"), default=False)
    walk_in = models.BooleanField(_("binnenlopen zonder afspraak"), default=False)
    taxonomy_terms = models.ManyToManyField(
        "directory.TaxonomyTerm",
        through="directory.Attribute",
        through_fields=("service", "taxonomy_term"),
        related_name="services",
        blank=True,
        verbose_name=_("categorieën"),
    )

    translatable_fields = (
        "name",
        "alternate_name",
        "description",
        "application_process",
        "fees_description",
        "eligibility_description",
        "alert",
    )
    same_network_fields = ("organization",)

    history = RecordHistory()

    source_id = source_id_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        indexes = [models.Index(fields=["network", "status"], name="service_network_status")]
        constraints = [
            unique_source_id("service"),
            models.CheckConstraint(
                condition=models.Q(minimum_age_months__isnull=True)
                | models.Q(maximum_age_months__isnull=True)
                | models.Q(minimum_age_months__lte=models.F("maximum_age_months")),
                name="service_age_range_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(minimum_age_months__isnull=True)
                | models.Q(minimum_age_months__gte=PREGNANCY_START_MONTHS),
                name="service_minimum_age_from_pregnancy",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["active", "inactive", "defunct", "temporarily closed"]),
                name="service_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        low, high = self.minimum_age_months, self.maximum_age_months
        if low is not None and high is not None and low > high:
            raise ValidationError({"maximum_age_months": _("De hoogste leeftijd ligt voor de laagste.")})
        if not (self.at_location or self.at_home or self.online or self.by_phone):
            raise ValidationError(
                _("Kies minstens één manier: op een locatie, aan huis, online of telefonisch.")
            )

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def includes_pregnancy(self) -> bool:
        return self.minimum_age_months is not None and self.minimum_age_months < 0

    def covers_age(self, months: int) -> bool:
        """Whether a child of `months` can use it: the lowest age is included, the highest is not."""
        low, high = self.minimum_age_months, self.maximum_age_months
        return (low is None or low <= months) and (high is None or months < high)

    @property
    def age_label(self) -> str:
        """Plain-language age range: "zwanger tot 1 jaar", "3 tot 12 jaar", "alle leeftijden"."""
        low, high = self.minimum_age_months, self.maximum_age_months
        if low is None and high is None:
            return str(_("alle leeftijden"))
        if high is not None and high <= 0:
            return str(_("tijdens de zwangerschap"))
        if low is not None and low < 0:
            if high is None:
                return str(_("vanaf de zwangerschap"))
            return str(_("zwanger tot %(end)s")) % {"end": _age_text(high)}
        low = low or 0
        if high is None:
            return str(_("vanaf %(start)s")) % {"start": _age_text(low)}
        if low % 12 == 0 and high % 12 == 0:
            return ngettext("%(a)d tot %(b)d jaar", "%(a)d tot %(b)d jaar", high // 12) % {
                "a": low // 12,
                "b": high // 12,
            }
        return str(_("%(start)s tot %(end)s")) % {"start": _age_text(low), "end": _age_text(high)}


def _age_text(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return ngettext("%(n)d jaar", "%(n)d jaar", years) % {"n": years}
    return ngettext("%(n)d maand", "%(n)d maanden", months) % {"n": months}
