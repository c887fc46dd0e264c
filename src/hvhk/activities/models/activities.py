"""Activities (dated group offering) and their sessions, and the holiday periods a recurring pattern skips."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from hvhk.core.models import NetworkScopedModel
from hvhk.directory.models import Pillar
from hvhk.directory.models.services import MAX_AGE_MONTHS, PREGNANCY_START_MONTHS
from hvhk.directory.models.translations import TranslatableModel

USER = settings.AUTH_USER_MODEL


class Activity(TranslatableModel, NetworkScopedModel):
    """A dated group offering of a partner's service (an info evening, a workshop, a parent group, a course).

    Partners keep their own activities; like services they are reviewed by the coordinator before they go
    online, unless the partner publishes directly. Families see only published activities.
    """

    class Kind(models.TextChoices):
        INFO_EVENING = "info_evening", _("infoavond")
        WORKSHOP = "workshop", _("workshop")
        PARENT_GROUP = "parent_group", _("oudergroep")
        PLAY = "play", _("spel en ontmoeting")
        COURSE = "course", _("cursusreeks")

    class Schedule(models.TextChoices):
        SINGLE = "single", _("één of enkele losse momenten")
        SERIES = "series", _("een reeks: één inschrijving voor alle momenten")
        RECURRING = "recurring", _("terugkerend: inschrijven per moment")

    class Status(models.TextChoices):
        DRAFT = "draft", _("klad")
        SUBMITTED = "submitted", _("wacht op nazicht")
        RETURNED = "returned", _("teruggestuurd")
        PUBLISHED = "published", _("gepubliceerd")
        WITHDRAWN = "withdrawn", _("offline gehaald")

    class PendingStatus(models.TextChoices):
        SUBMITTED = "submitted", _("wijziging wacht op nazicht")
        RETURNED = "returned", _("wijziging teruggestuurd")

    class PlacesPer(models.TextChoices):
        FAMILY = "family", _("per gezin (inschrijving)")
        PERSON = "person", _("per persoon")

    service = models.ForeignKey(
        "directory.Service", on_delete=models.RESTRICT, related_name="activities", verbose_name=_("aanbod")
    )
    house = models.ForeignKey(
        "directory.House",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("huis"),
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    pillar = models.CharField(
        _("basispijler"), max_length=20, choices=Pillar.Kind.choices, default=Pillar.Kind.GROUP_OFFER
    )
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
        help_text=_("In maanden. 0 is tot de geboorte, 36 is tot 3 jaar."),
    )
    languages = models.JSONField(
        _("talen"), default=list, blank=True, help_text=_("ISO 639-codes, bv. nl, fr, ar.")
    )
    price_cents = models.PositiveIntegerField(_("prijs (eurocent)"), default=0, help_text=_("0 is gratis."))
    uitpas_price_cents = models.PositiveIntegerField(
        _("UiTPAS-kansentarief (eurocent)"), null=True, blank=True
    )
    price_note = models.CharField(_("uitleg bij de prijs"), max_length=200, blank=True)
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=pgettext_lazy("venue", "plaats"),
    )
    online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("link voor online deelname"), max_length=500, blank=True)
    accessibility = models.TextField(_("toegankelijkheid"), blank=True)
    schedule = models.CharField(
        _("soort planning"), max_length=20, choices=Schedule.choices, default=Schedule.SINGLE
    )
    recurrence = models.CharField(
        _("herhaling (RRULE)"),
        max_length=300,
        blank=True,
        help_text=_(
            "Voor terugkerende activiteiten: het patroon volgens RFC 5545, bv. FREQ=WEEKLY;BYDAY=WE."
        ),
    )
    skip_public_holidays = models.BooleanField(_("niet op feestdagen"), default=True)
    skip_school_holidays = models.BooleanField(_("niet in de schoolvakanties"), default=False)
    registration_required = models.BooleanField(_("inschrijven nodig"), default=True)
    capacity = models.PositiveSmallIntegerField(
        _("aantal plaatsen"), null=True, blank=True, help_text=_("Leeg: geen grens.")
    )
    places_per = models.CharField(
        _("een plaats is"), max_length=10, choices=PlacesPer.choices, default=PlacesPer.FAMILY
    )
    waiting_list = models.BooleanField(_("wachtlijst als het vol is"), default=True)
    offer_hours = models.PositiveSmallIntegerField(
        _("uren om een vrijgekomen plaats te bevestigen"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(336)],
        help_text=_("Leeg: de standaard van het platform (48 uur)."),
    )
    contact_email = models.EmailField(_("e-mail voor vragen"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    review_comment = models.TextField(_("opmerking van de coördinator"), blank=True)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    submitted_by = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingediend door"),
    )
    # A change to the content of a published activity by a partner who does not publish directly waits here, as
    # {field: new value}, until the coordinator publishes or returns it; the published version stays online.
    pending_changes = models.JSONField(_("voorgestelde wijzigingen"), default=dict, blank=True)
    pending_status = models.CharField(
        _("status van het voorstel"), max_length=20, choices=PendingStatus.choices, blank=True
    )
    pending_by = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voorgesteld door"),
    )
    pending_at = models.DateTimeField(_("voorgesteld op"), null=True, blank=True)

    translatable_fields = ("title", "description")
    same_network_fields = ("service", "house", "location")
    history = HistoricalRecords()  # who changed what and when: the moderation trail

    class Meta:
        ordering = ["title"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        indexes = [models.Index(fields=["network", "status"], name="activity_network_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_age_months__isnull=True)
                | models.Q(maximum_age_months__isnull=True)
                | models.Q(minimum_age_months__lte=models.F("maximum_age_months")),
                name="activity_age_range_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1),
                name="activity_capacity_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors = {}
        low, high = self.minimum_age_months, self.maximum_age_months
        if low is not None and high is not None and low > high:
            errors["maximum_age_months"] = _("De hoogste leeftijd moet groter zijn dan de laagste.")
        if not self.online and not self.location_id:
            errors["location"] = _("Kies een plaats, of duid aan dat de activiteit online is.")
        if self.uitpas_price_cents is not None and self.uitpas_price_cents > self.price_cents:
            errors["uitpas_price_cents"] = _("Het UiTPAS-tarief kan niet hoger zijn dan de gewone prijs.")
        if self.schedule == self.Schedule.RECURRING and not self.recurrence:
            errors["recurrence"] = _("Geef aan hoe vaak de activiteit terugkomt.")
        if self.house_id and self.service_id and self.house.network_id != self.service.network_id:
            errors["house"] = _("Dit huis hoort bij een ander netwerk.")
        if errors:
            raise ValidationError(errors)

    @property
    def organization(self):
        return self.service.organization

    @property
    def is_free(self) -> bool:
        return self.price_cents == 0

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def per_series(self) -> bool:
        """One registration covers every session (a course of four evenings)."""
        return self.schedule == self.Schedule.SERIES

    @property
    def offer_window_hours(self) -> int:
        return self.offer_hours or settings.WAITLIST_OFFER_HOURS


class Session(NetworkScopedModel):
    """One date of an activity. For a series all sessions share one registration; otherwise families register
    per session."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    capacity = models.PositiveSmallIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leeg: het aantal van de activiteit."),
    )
    is_cancelled = models.BooleanField(_("afgelast"), default=False)
    cancel_reason = models.CharField(_("reden van afgelasting"), max_length=300, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    present_count = models.PositiveSmallIntegerField(_("aanwezig (aantal personen)"), null=True, blank=True)
    present_children = models.PositiveSmallIntegerField(_("waarvan kinderen"), null=True, blank=True)
    attendance_note = models.CharField(_("opmerking bij de aanwezigheid"), max_length=300, blank=True)
    attendance_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    sequence = models.PositiveIntegerField(default=0)  # iCalendar SEQUENCE: raised on every change

    same_network_fields = ("activity",)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("moment")
        verbose_name_plural = _("momenten")
        indexes = [
            models.Index(fields=["network", "starts_at"], name="session_network_starts"),
            models.Index(fields=["activity", "starts_at"], name="session_activity_starts"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(present_children__isnull=True)
                | models.Q(present_count__isnull=False, present_children__lte=models.F("present_count")),
                name="session_children_within_present",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} ({self.starts_at:%Y-%m-%d %H:%M})"

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Het einde moet na het begin liggen.")})

    @property
    def places(self) -> int | None:
        """The places of this session (its own number, or the activity's); None means no limit."""
        return self.capacity if self.capacity is not None else self.activity.capacity


class HolidayPeriod(NetworkScopedModel):
    """A school holiday (or another closing period) that recurring activities can skip. The coordinator keeps
    the list; Belgian public holidays come from the `holidays` package and need no list."""

    name = models.CharField(_("naam"), max_length=120)
    starts_on = models.DateField(_("van"))
    ends_on = models.DateField(_("tot en met"))

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("vakantieperiode")
        verbose_name_plural = _("vakantieperiodes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="holiday_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("De laatste dag ligt voor de eerste.")})
