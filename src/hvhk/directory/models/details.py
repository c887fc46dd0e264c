"""HSDS detail records hanging off services, locations and organisations."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import NetworkScopedModel
from hvhk.directory.models.history import RecordHistory
from hvhk.directory.models.validators import web_url_validator

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
byday_validator = RegexValidator(
    r"^(-?\d?(MO|TU|WE|TH|FR|SA|SU))(,-?\d?(MO|TU|WE|TH|FR|SA|SU))*$",
    _("Geef dagen als MO,TU,WE,TH,FR,SA,SU, gescheiden door komma's."),
)


def _link_indexes(model: str, *fields: str) -> list[models.Index]:
    """Partial indexes on optional links: most rows leave most links empty (a schedule hangs off a service
    or a location), and a plain index full of NULLs misleads the query planner."""
    return [
        models.Index(
            fields=[field],
            condition=models.Q(**{f"{field}__isnull": False}),
            name=f"{model}_{'sal' if field == 'service_at_location' else field}_set",
        )
        for field in fields
    ]


def _one_of(*fields: str) -> models.Q:
    """At least one of the link fields is set (HSDS lets a record hang off several kinds of parent)."""
    q = models.Q()
    for field in fields:
        q |= models.Q(**{f"{field}__isnull": False})
    return q


class Address(NetworkScopedModel):
    class AddressType(models.TextChoices):
        PHYSICAL = "physical", _("bezoekadres")
        POSTAL = "postal", _("postadres")
        VIRTUAL = "virtual", _("virtueel")

    location = models.ForeignKey(
        "directory.Location", on_delete=models.CASCADE, related_name="addresses", verbose_name=_("locatie")
    )
    attention = models.CharField(_("ter attentie van"), max_length=255, blank=True)
    address_1 = models.CharField(_("straat en nummer"), max_length=255)
    address_2 = models.CharField(_("adresregel 2"), max_length=255, blank=True)
    city = models.CharField(_("plaats"), max_length=120)
    region = models.CharField(_("regio"), max_length=120, blank=True)
    state_province = models.CharField(_("provincie"), max_length=120)
    postal_code = models.CharField(_("postcode"), max_length=20)
    country = models.CharField(
        _("land"),
        max_length=2,
        default="BE",
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Landcode als BE."))],
    )
    address_type = models.CharField(
        _("soort"), max_length=10, choices=AddressType.choices, default=AddressType.PHYSICAL
    )

    same_network_fields = ("location",)

    history = RecordHistory()

    class Meta:
        verbose_name = _("adres")
        verbose_name_plural = _("adressen")

    def __str__(self) -> str:
        return f"{self.address_1}, {self.postal_code} {self.city}"


class Contact(NetworkScopedModel):
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="contacts",
    )
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="contacts",
    )
    service_at_location = models.ForeignKey(
        "directory.ServiceAtLocation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
    )
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="contacts",
    )
    name = models.CharField(_("naam"), max_length=255, blank=True)
    title = models.CharField(_("functie"), max_length=255, blank=True)
    department = models.CharField(_("dienst"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    same_network_fields = ("organization", "service", "service_at_location", "location")

    history = RecordHistory()

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        indexes = _link_indexes("contact", "organization", "service", "service_at_location", "location")
        constraints = [
            models.CheckConstraint(
                condition=_one_of("organization", "service", "service_at_location", "location"),
                name="contact_has_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.email or str(self.id)


class Phone(NetworkScopedModel):
    class PhoneType(models.TextChoices):
        VOICE = "voice", _("telefoon")
        CELL = "cell", _("gsm")
        TEXT = "text", _("sms")
        FAX = "fax", _("fax")
        VIDEO = "video", _("videobellen")
        TEXTPHONE = "textphone", _("teksttelefoon")

    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="phones",
    )
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="phones",
    )
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="phones",
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, null=True, blank=True, db_index=False, related_name="phones"
    )
    service_at_location = models.ForeignKey(
        "directory.ServiceAtLocation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="phones",
    )
    number = models.CharField(
        _("nummer"),
        max_length=40,
        validators=[RegexValidator(r"^\+?[0-9 ./()-]{3,40}$", _("Geef een telefoonnummer met cijfers."))],
    )
    extension = models.PositiveIntegerField(_("toestel"), null=True, blank=True)
    type = models.CharField(_("soort"), max_length=10, choices=PhoneType.choices, default=PhoneType.VOICE)
    description = models.TextField(_("uitleg"), blank=True)

    same_network_fields = ("location", "service", "organization", "contact", "service_at_location")

    history = RecordHistory()

    class Meta:
        verbose_name = _("telefoonnummer")
        verbose_name_plural = _("telefoonnummers")
        indexes = _link_indexes(
            "phone", "location", "service", "organization", "contact", "service_at_location"
        )
        constraints = [
            models.CheckConstraint(
                condition=_one_of("location", "service", "organization", "contact", "service_at_location"),
                name="phone_has_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def tel_uri(self) -> str:
        """tel: link target: digits only, Belgian numbers in international form."""
        digits = re.sub(r"[^0-9+]", "", self.number)
        if digits.startswith("0") and not digits.startswith("00"):
            digits = "+32" + digits[1:]
        return f"tel:{digits}"


class Schedule(NetworkScopedModel):
    """HSDS `schedule` (iCal-style): one row per set of days with the same opening and closing time."""

    class Freq(models.TextChoices):
        WEEKLY = "WEEKLY", _("wekelijks")
        MONTHLY = "MONTHLY", _("maandelijks")

    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="schedules",
    )
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="schedules",
    )
    service_at_location = models.ForeignKey(
        "directory.ServiceAtLocation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="schedules",
    )
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_to = models.DateField(_("geldig tot"), null=True, blank=True)
    dtstart = models.DateField(_("eerste keer"), null=True, blank=True)
    timezone = models.FloatField(_("tijdzone (UTC-verschil)"), null=True, blank=True)
    until = models.DateField(_("laatste keer"), null=True, blank=True)
    count = models.PositiveIntegerField(_("aantal keer"), null=True, blank=True)
    wkst = models.CharField(
        _("week begint op"), max_length=2, blank=True, choices=[(d, d) for d in DAY_CODES]
    )
    freq = models.CharField(_("frequentie"), max_length=7, choices=Freq.choices, default=Freq.WEEKLY)
    interval = models.PositiveSmallIntegerField(
        _("om de hoeveel"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    byday = models.CharField(_("dagen"), max_length=60, blank=True, validators=[byday_validator])
    byweekno = models.CharField(_("weeknummers"), max_length=200, blank=True)
    bymonthday = models.CharField(_("dagen van de maand"), max_length=200, blank=True)
    byyearday = models.CharField(_("dagen van het jaar"), max_length=400, blank=True)
    description = models.TextField(_("uitleg"), blank=True)
    opens_at = models.TimeField(_("open vanaf"), null=True, blank=True)
    closes_at = models.TimeField(_("open tot"), null=True, blank=True)
    schedule_link = models.URLField(
        _("link naar de kalender"), max_length=500, blank=True, validators=[web_url_validator]
    )
    attending_type = models.CharField(_("hoe deelnemen"), max_length=255, blank=True)
    notes = models.TextField(_("opmerkingen"), blank=True)

    same_network_fields = ("service", "location", "service_at_location")

    history = RecordHistory()

    class Meta:
        ordering = ["opens_at"]
        verbose_name = _("openingsuren")
        verbose_name_plural = _("openingsuren")
        indexes = _link_indexes("schedule", "service", "location", "service_at_location")
        constraints = [
            models.CheckConstraint(
                condition=_one_of("service", "location", "service_at_location"), name="schedule_has_parent"
            ),
            models.CheckConstraint(
                condition=models.Q(opens_at__isnull=True)
                | models.Q(closes_at__isnull=True)
                | models.Q(opens_at__lt=models.F("closes_at")),
                name="schedule_opens_before_closing",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_from__lte=models.F("valid_to")),
                name="schedule_valid_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.byday} {self.opens_at}-{self.closes_at}"

    @property
    def days(self) -> list[str]:
        """Weekday codes of a weekly schedule ("MO", "TU", …); ordinal prefixes (2MO) are dropped."""
        return [re.sub(r"^-?\d", "", part) for part in self.byday.split(",") if part]

    def clean(self) -> None:
        super().clean()
        if self.opens_at and self.closes_at and self.opens_at >= self.closes_at:
            raise ValidationError({"closes_at": _("Het sluitingsuur moet na het openingsuur liggen.")})
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValidationError({"valid_to": _("De einddatum ligt voor de begindatum.")})


class Language(NetworkScopedModel):
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="languages",
    )
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="languages",
    )
    phone = models.ForeignKey(
        Phone, on_delete=models.CASCADE, null=True, blank=True, db_index=False, related_name="languages"
    )
    name = models.CharField(_("taal"), max_length=100)
    code = models.CharField(
        _("taalcode"),
        max_length=3,
        validators=[RegexValidator(r"^[a-z]{2,3}$", _("ISO 639-code, zoals nl."))],
    )
    note = models.TextField(_("opmerking"), blank=True)

    same_network_fields = ("service", "location", "phone")

    history = RecordHistory()

    class Meta:
        ordering = ["code"]
        verbose_name = _("taal")
        verbose_name_plural = _("talen")
        indexes = _link_indexes("language", "service", "location", "phone")
        constraints = [
            models.CheckConstraint(
                condition=_one_of("service", "location", "phone"), name="language_has_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Accessibility(NetworkScopedModel):
    class Feature(models.TextChoices):
        WHEELCHAIR = "wheelchair", _("toegankelijk met een rolstoel")
        ADAPTED_TOILET = "adapted_toilet", _("aangepast toilet")
        HEARING_LOOP = "hearing_loop", _("ringleiding")
        BABY_CHANGING = "baby_changing", _("verzorgingstafel")
        STROLLER = "stroller", _("plaats voor de buggy")
        PARKING = "parking", _("parking")
        PUBLIC_TRANSPORT = "public_transport", _("vlakbij openbaar vervoer")
        OTHER = "other", _("andere")

    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.CASCADE,
        related_name="accessibility",
        verbose_name=_("locatie"),
    )
    feature = models.CharField(
        _("voorziening"),
        max_length=20,
        choices=Feature.choices,
        default=Feature.OTHER,
        help_text=_("(extension) Zodat bezoekers erop kunnen filteren."),
    )
    description = models.TextField(_("beschrijving"), blank=True)
    details = models.TextField(_("details"), blank=True)
    url = models.URLField(_("meer info"), max_length=500, blank=True, validators=[web_url_validator])

    same_network_fields = ("location",)

    history = RecordHistory()

    class Meta:
        verbose_name = _("toegankelijkheid")
        verbose_name_plural = _("toegankelijkheid")

    def __str__(self) -> str:
        return self.description or self.get_feature_display()


class CostOption(NetworkScopedModel):
    class Kind(models.TextChoices):
        FREE = "free", _("gratis")
        REDUCED = "reduced", _("verminderd tarief")
        PAID = "paid", _("betalend")

    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="cost_options", verbose_name=_("aanbod")
    )
    kind = models.CharField(
        _("soort"),
        max_length=10,
        choices=Kind.choices,
        help_text=_("(extension) gratis, verminderd of betalend"),
    )
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_to = models.DateField(_("geldig tot"), null=True, blank=True)
    option = models.CharField(_("tarief"), max_length=255, blank=True)
    currency = models.CharField(_("munt"), max_length=3, default="EUR")
    amount = models.DecimalField(
        _("bedrag"), max_digits=9, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    amount_description = models.TextField(_("uitleg bij het bedrag"), blank=True)

    same_network_fields = ("service",)

    history = RecordHistory()

    class Meta:
        verbose_name = _("kostprijs")
        verbose_name_plural = _("kostprijzen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="cost_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="free") | models.Q(amount__isnull=True) | models.Q(amount=0),
                name="cost_free_has_no_amount",
            ),
        ]

    def __str__(self) -> str:
        return self.option or self.get_kind_display()

    def clean(self) -> None:
        super().clean()
        if self.kind == self.Kind.FREE and self.amount:
            raise ValidationError({"amount": _("Gratis aanbod heeft geen bedrag.")})


class ServiceArea(NetworkScopedModel):
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="service_areas", verbose_name=_("aanbod")
    )
    area = models.ForeignKey(
        "core.Area",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="service_areas",
        verbose_name=_("gebied"),
        help_text=_("(extension) Het gebied uit de lijst van het netwerk."),
    )
    name = models.CharField(_("naam"), max_length=255, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    extent = models.TextField(_("omtrek (GeoJSON)"), blank=True)
    extent_type = models.CharField(_("soort omtrek"), max_length=50, blank=True)
    uri = models.CharField(_("URI"), max_length=500, blank=True)

    same_network_fields = ("service", "area")

    history = RecordHistory()

    class Meta:
        verbose_name = _("werkgebied")
        verbose_name_plural = _("werkgebieden")

    def __str__(self) -> str:
        return self.name or (self.area.name if self.area_id else str(self.id))
