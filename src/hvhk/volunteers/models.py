"""Volunteers for the whole network: the roles the network and its partners offer, the people who sign up (no
account needed), their placement in a role, their hours and the thank-you moments.

A volunteer's name, contact details, motivation and intake notes are personal data: every view of them is written
to `VolunteerAccess`, the volunteer can ask for them and for their erasure through a private link (we keep only
the token's hash), and the data of people who stopped are anonymised VOLUNTEER_RETENTION_MONTHS later
(`hvhk volunteers-retention`). What stays after that is what the annual report counts: a row with a status, a
municipality, start and end dates and hours, without anything that says who it was."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from hvhk.core.models import NetworkScopedModel

USER = settings.AUTH_USER_MODEL

# What a volunteer would like to do, and what a role asks: one list, so roles and people can be matched.
INTERESTS = {
    "children": _("spelen en knutselen met kinderen"),
    "homework": _("huiswerkbegeleiding"),
    "reading": _("voorlezen"),
    "welcome": _("onthaal en gastvrouw of gastheer"),
    "language": _("tolken of Nederlands oefenen"),
    "practical": _("praktische hulp (koken, opruimen, klussen)"),
    "transport": _("vervoer (rijden, fietsen, begeleiden)"),
    "family": _("een gezin thuis steunen"),
    "events": _("helpen bij een activiteit of feest"),
    "admin": _("administratie en communicatie"),
}

WEEKDAYS = {
    "mon": _("maandag"),
    "tue": _("dinsdag"),
    "wed": _("woensdag"),
    "thu": _("donderdag"),
    "fri": _("vrijdag"),
    "sat": _("zaterdag"),
    "sun": _("zondag"),
}
DAY_PARTS = {
    "am": pgettext_lazy("day part", "voormiddag"),
    "pm": pgettext_lazy("day part", "namiddag"),
    "eve": pgettext_lazy("day part", "avond"),
}
# A weekday part is "<day>-<part>": "wed-pm" is Wednesday afternoon.
AVAILABILITY = {f"{day}-{part}": (day, part) for day in WEEKDAYS for part in DAY_PARTS}

# The languages volunteers speak most in Flemish cities, besides the five of the interface.
LANGUAGES = {
    "nl": _("Nederlands"),
    "fr": _("Frans"),
    "en": _("Engels"),
    "tr": _("Turks"),
    "ar": _("Arabisch"),
    "de": _("Duits"),
    "es": _("Spaans"),
    "pl": _("Pools"),
    "ro": _("Roemeens"),
    "uk": _("Oekraïens"),
    "ru": _("Russisch"),
    "fa": _("Perzisch (Farsi of Dari)"),
    "ps": _("Pasjtoe"),
    "ti": _("Tigrinya"),
    "so": _("Somali"),
    "ber": _("Berbers (Tamazight)"),
}


class VolunteerRole(NetworkScopedModel):
    """A role for volunteers: of the network itself (no organisation) or of one partner. Published roles are on
    the public volunteer page, in the order of their deadline."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("klad")
        OPEN = "open", _("open")
        FILLED = "filled", _("ingevuld")
        CLOSED = "closed", _("afgesloten")

    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="volunteer_roles",
        verbose_name=_("partner"),
        help_text=_("Leeg voor een rol van het netwerk zelf."),
    )
    title = models.CharField(_("titel"), max_length=150)
    description = models.TextField(_("wat doe je?"), max_length=3000)
    place = models.CharField(_("waar"), max_length=200, blank=True)
    area = models.ForeignKey(
        "core.Area",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    schedule = models.CharField(_("wanneer"), max_length=200, blank=True)
    availability = models.JSONField(_("dagdelen"), default=list, blank=True)
    hours = models.CharField(_("hoeveel tijd"), max_length=100, blank=True)
    audience = models.CharField(_("voor wie"), max_length=200, blank=True)
    interests = models.JSONField(_("soort taak"), default=list, blank=True)
    languages = models.JSONField(_("talen die helpen"), default=list, blank=True)
    insurance = models.BooleanField(_("verzekerd"), default=True)
    expenses = models.BooleanField(_("onkostenvergoeding"), default=False)
    training = models.BooleanField(_("vorming"), default=False)
    in_return = models.CharField(_("wat je er nog voor terugkrijgt"), max_length=300, blank=True)
    places = models.PositiveSmallIntegerField(
        _("hoeveel vrijwilligers"), default=1, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    same_network_fields = ("organization", "area")

    class Meta:
        ordering = ["title"]
        verbose_name = _("vrijwilligersrol")
        verbose_name_plural = _("vrijwilligersrollen")
        indexes = [models.Index(fields=["network", "status"], name="volunteer_role_status")]

    def __str__(self) -> str:
        return self.title


class Volunteer(NetworkScopedModel):
    """Someone who signed up to volunteer for the network. One row per person and network: a second sign-up with
    the same e-mail address (or, without one, the same phone number) joins the first (`contact_key`)."""

    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("kandidaat")
        INTAKE = "intake", _("kennismaking gepland")
        ACTIVE = "active", _("actief")
        PAUSED = "paused", _("even niet beschikbaar")
        STOPPED = "stopped", _("gestopt")
        DECLINED = "declined", _("niet weerhouden")

    CURRENT = (Status.CANDIDATE, Status.INTAKE, Status.ACTIVE, Status.PAUSED)

    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    # The normalised e-mail address (or phone number) that makes a person unique in a network; emptied with
    # the rest when the data are anonymised.
    contact_key = models.CharField(max_length=254, blank=True)
    languages = models.JSONField(_("talen"), default=list, blank=True)
    availability = models.JSONField(_("wanneer kan je?"), default=list, blank=True)
    interests = models.JSONField(_("wat doe je graag?"), default=list, blank=True)
    area = models.ForeignKey(
        "core.Area",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente waar je woont"),
    )
    motivation = models.TextField(_("iets over jezelf"), max_length=2000, blank=True)
    role_wanted = models.ForeignKey(
        VolunteerRole,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rol waarvoor je je aanmeldt"),
    )
    language = models.CharField(_("taal van de website"), max_length=10, default="nl")
    consent_at = models.DateTimeField(_("toestemming gegeven op"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CANDIDATE)
    intake_on = models.DateField(_("kennismakingsgesprek op"), null=True, blank=True)
    intake_note = models.TextField(_("notities van de kennismaking"), max_length=3000, blank=True)
    agreement_on = models.DateField(_("vrijwilligersovereenkomst getekend op"), null=True, blank=True)
    insured_on = models.DateField(_("verzekerd sinds"), null=True, blank=True)
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    ended_on = models.DateField(_("gestopt op"), null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    signups = models.PositiveSmallIntegerField(default=1)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    same_network_fields = ("area", "role_wanted")

    class Meta:
        ordering = ["name"]
        verbose_name = _("vrijwilliger")
        verbose_name_plural = _("vrijwilligers")
        indexes = [models.Index(fields=["network", "status"], name="volunteer_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "contact_key"],
                condition=~models.Q(contact_key=""),
                name="volunteer_once_per_contact",
            )
        ]

    def __str__(self) -> str:
        return self.name if not self.anonymised_at else str(_("(gewist)"))


class Placement(NetworkScopedModel):
    """A volunteer matched to a role: proposed by the coordinator or the role's partner, then agreed (the
    volunteer works in the role), declined, or ended."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("voorgesteld")
        AGREED = "agreed", _("aan de slag")
        DECLINED = "declined", _("niet doorgegaan")
        ENDED = "ended", _("beëindigd")

    OPEN = (Status.PROPOSED, Status.AGREED)

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="placements")
    role = models.ForeignKey(VolunteerRole, on_delete=models.CASCADE, related_name="placements")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    ended_on = models.DateField(_("gestopt op"), null=True, blank=True)
    note = models.CharField(_("notitie"), max_length=500, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    same_network_fields = ("volunteer", "role")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "role"],
                condition=models.Q(status__in=["proposed", "agreed"]),
                name="placement_open_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_id} → {self.role_id}"


class VolunteerHours(NetworkScopedModel):
    """Hours a volunteer gave, on one day or over a period, for the yearly count."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="hours")
    role = models.ForeignKey(
        VolunteerRole,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rol"),
    )
    on = models.DateField(_("datum"))
    hours = models.DecimalField(
        _("uren"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0.5), MaxValueValidator(500)]
    )
    note = models.CharField(_("wat"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    same_network_fields = ("volunteer", "role")

    class Meta:
        ordering = ["-on"]
        verbose_name = _("vrijwilligersuren")
        verbose_name_plural = _("vrijwilligersuren")

    def __str__(self) -> str:
        return f"{self.hours} h ({self.on})"


class VolunteerAccess(NetworkScopedModel):
    """Who saw or changed a volunteer's personal data, and when. The volunteer is a plain id, so the log outlives
    the anonymisation (it names nobody)."""

    class Action(models.TextChoices):
        LIST = "list", _("lijst met namen bekeken")
        VIEW = "view", _("gegevens bekeken")
        EDIT = "edit", _("gegevens gewijzigd")
        AGREEMENT = "agreement", _("overeenkomst gemaakt")
        EXPORT = "export", _("gegevens opgevraagd door de vrijwilliger")
        ERASE = "erase", _("gegevens gewist")

    user = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    user_label = models.CharField(max_length=254)
    volunteer_id_value = models.UUIDField(null=True, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("inzage in vrijwilligersgegevens")
        verbose_name_plural = _("inzage in vrijwilligersgegevens")
        indexes = [models.Index(fields=["network", "created_at"], name="volunteer_access_at")]

    def __str__(self) -> str:
        return f"{self.user_label}: {self.get_action_display()}"


class HelpRequest(NetworkScopedModel):
    """A partner (or the coordinator) asks the pool for a hand at an activity: the active volunteers who are free
    that day and like that kind of task get a mail, and who says yes is shown to the asker."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("afgesloten")

    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner"),
    )
    title = models.CharField(_("waarvoor"), max_length=150)
    description = models.TextField(_("wat moet er gebeuren?"), max_length=2000)
    on = models.DateField(_("datum"))
    hours = models.CharField(
        _("uren"), max_length=50, blank=True, help_text=_("Bijvoorbeeld: 14 tot 17 uur.")
    )
    place = models.CharField(_("waar"), max_length=200, blank=True)
    area = models.ForeignKey(
        "core.Area",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    interests = models.JSONField(_("soort taak"), default=list, blank=True)
    needed = models.PositiveSmallIntegerField(
        _("hoeveel vrijwilligers"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    asked = models.PositiveSmallIntegerField(default=0)  # how many volunteers got the mail
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    same_network_fields = ("organization", "area")

    class Meta:
        ordering = ["-on"]
        verbose_name = _("vraag om hulp")
        verbose_name_plural = _("vragen om hulp")

    def __str__(self) -> str:
        return self.title


class HelpOffer(NetworkScopedModel):
    """A volunteer who said yes to a help request (through their private link)."""

    help_request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="offers")
    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="offers")

    same_network_fields = ("help_request", "volunteer")

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("aanbod om te helpen")
        verbose_name_plural = _("aanbod om te helpen")
        constraints = [models.UniqueConstraint(fields=["help_request", "volunteer"], name="help_offer_once")]

    def __str__(self) -> str:
        return f"{self.volunteer_id} → {self.help_request_id}"


class ThankYou(NetworkScopedModel):
    """A thank-you moment for the volunteers (a party, a card, a breakfast): the invitation went to every volunteer
    active that year with an e-mail address; the count stays for the annual report."""

    title = models.CharField(_("titel"), max_length=150)
    message = models.TextField(_("boodschap"), max_length=3000)
    on = models.DateField(_("datum"))
    place = models.CharField(_("waar"), max_length=200, blank=True)
    sent_to = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-on"]
        verbose_name = _("bedankmoment")
        verbose_name_plural = _("bedankmomenten")

    def __str__(self) -> str:
        return self.title
