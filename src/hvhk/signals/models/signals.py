"""A signal, the theme that bundles signals, and each signal's trail of events (who did what, when)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hvhk.core.models import NetworkScopedModel
from hvhk.referrals.models import AGE_CHOICES

USER = settings.AUTH_USER_MODEL
AGE_BANDS = [code for code, _label in AGE_CHOICES]


class TargetGroup(models.TextChoices):
    """Which families a signal is about. A signal may name several."""

    ALL = "all", _("alle gezinnen")
    NEWCOMERS = "newcomers", _("nieuwkomers")
    POVERTY = "poverty", _("gezinnen in armoede")
    SINGLE_PARENTS = "single_parents", _("alleenstaande ouders")
    YOUNG_PARENTS = "young_parents", _("jonge ouders")
    DISABILITY = "disability", _("gezinnen met een kind met een beperking")
    LANGUAGE = "language", _("gezinnen die weinig Nederlands spreken")
    OTHER = "other", _("andere")


class Theme(NetworkScopedModel):
    """A theme bundles signals about the same need (for example waiting lists in childcare). It carries the
    network's proposal to the municipality and, through ThemeAnswer, what the municipality answered."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        POLICY = "policy", _("naar het beleid")
        ANSWERED = "answered", _("beantwoord")
        CLOSED = "closed", _("afgesloten")

    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), max_length=4000, blank=True)
    proposal = models.TextField(_("voorstel van het netwerk"), max_length=4000, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    body = models.ForeignKey(
        "network.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("werkgroep die het opvolgt"),
    )
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    same_network_fields = ("body",)

    class Meta:
        ordering = ["title"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        constraints = [models.UniqueConstraint(fields=["network", "title"], name="theme_unique_title")]

    def __str__(self) -> str:
        return self.title


class Signal(NetworkScopedModel):
    """A recurring need or barrier that families meet, noticed by parents, partners, a working group or the
    figures. Never one family's case: no names or contact details of families (services check the texts)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("voorstel uit de cijfers")
        NEW = "new", _("nieuw")
        LOOKING = "looking", _("wordt bekeken")
        THEMED = "themed", _("gebundeld in een thema")
        POLICY = "policy", _("naar het beleid")
        ANSWERED = "answered", _("beantwoord")
        CLOSED = "closed", _("afgesloten")
        DISMISSED = "dismissed", _("niet weerhouden")
        MERGED = "merged", _("samengevoegd")

    # The triage path. A proposal from the figures becomes a signal (new) or is dismissed; a merged signal lives
    # on in the one it was merged into. Services check every change against this table.
    NEXT: dict[str, tuple[str, ...]] = {
        Status.PROPOSED: (Status.NEW, Status.DISMISSED),
        Status.NEW: (Status.LOOKING, Status.THEMED, Status.CLOSED, Status.DISMISSED),
        Status.LOOKING: (Status.THEMED, Status.CLOSED, Status.DISMISSED),
        Status.THEMED: (Status.POLICY, Status.LOOKING, Status.CLOSED),
        Status.POLICY: (Status.ANSWERED, Status.CLOSED),
        Status.ANSWERED: (Status.CLOSED,),
        Status.CLOSED: (Status.LOOKING,),
        Status.DISMISSED: (Status.NEW,),
        Status.MERGED: (),
    }
    OPEN = (Status.NEW, Status.LOOKING, Status.THEMED, Status.POLICY)
    # Counted in themes, notes and figures: everything but proposals not yet accepted, dismissed and merged ones.
    COUNTED = (Status.NEW, Status.LOOKING, Status.THEMED, Status.POLICY, Status.ANSWERED, Status.CLOSED)

    class Source(models.TextChoices):
        PARENTS = "parents", _("ouders")
        PARTNER = "partner", _("een partner")
        WORKING_GROUP = "working_group", _("een werkgroep")
        FIGURES = "figures", _("cijfers")

    class Origin(models.TextChoices):
        PORTAL = "portal", _("ingevoerd in het portaal")
        PLATFORM = "platform", _("voorgesteld uit de cijfers van het platform")
        VOICE = "voice", _("uit de stem van ouders")

    class Frequency(models.TextChoices):
        UNKNOWN = "unknown", _("weet ik niet")
        SOMETIMES = "sometimes", _("af en toe (een paar keer per jaar)")
        MONTHLY = "monthly", _("elke maand")
        WEEKLY = "weekly", _("elke week")
        DAILY = "daily", _("(bijna) elke dag")

    title = models.CharField(_("kort: wat is het signaal?"), max_length=200)
    description = models.TextField(_("wat merkten jullie?"), max_length=4000)
    noticed_since = models.DateField(_("sinds wanneer"), null=True, blank=True)
    frequency = models.CharField(
        _("hoe vaak (schatting)"), max_length=20, choices=Frequency.choices, default=Frequency.UNKNOWN
    )
    families_estimate = models.PositiveIntegerField(_("hoeveel gezinnen (schatting)"), null=True, blank=True)
    age_bands = models.JSONField(_("leeftijd van de kinderen"), default=list, blank=True)  # AGE_BANDS codes
    area = models.ForeignKey(
        "core.Area",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    target_groups = models.JSONField(_("welke gezinnen"), default=list, blank=True)  # TargetGroup values
    life_domain = models.ForeignKey(
        "directory.TaxonomyTerm",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("levensdomein"),
    )
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices, default=Source.PARTNER)
    origin = models.CharField(_("herkomst"), max_length=20, choices=Origin.choices, default=Origin.PORTAL)
    evidence = models.TextField(_("onderbouwing: cijfers en anonieme citaten"), max_length=4000, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("thema"),
    )
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeld door (partner)"),
    )
    body = models.ForeignKey(
        "network.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeld door (werkgroep)"),
    )
    reported_by = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeld door"),
    )
    # How many reporters noticed it: 1, plus the reporters of every signal merged into this one.
    reporter_count = models.PositiveIntegerField(_("aantal melders"), default=1)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("samengevoegd met"),
    )
    # A proposal from the platform's figures: what it counted, and a key so the same proposal is made only once
    # ("zero-search:2026-11:kinderopvang nacht").
    proposal_key = models.CharField(max_length=300, blank=True)
    figures = models.JSONField(_("cijfers"), default=dict, blank=True)
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["figures"])

    same_network_fields = ("theme", "area", "life_domain", "organization", "body", "merged_into")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        indexes = [
            models.Index(fields=["network", "status", "created_at"], name="signal_network_status"),
            models.Index(fields=["network", "organization"], name="signal_network_org"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "proposal_key"],
                condition=~models.Q(proposal_key=""),
                name="signal_unique_proposal",
            ),
            models.CheckConstraint(
                condition=models.Q(reporter_count__gte=1), name="signal_reporter_count_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors = {}
        unknown_ages = [band for band in self.age_bands or [] if band not in AGE_BANDS]
        if unknown_ages:
            errors["age_bands"] = _("Onbekende leeftijdsgroep: %(bands)s.") % {
                "bands": ", ".join(unknown_ages)
            }
        unknown_groups = [group for group in self.target_groups or [] if group not in TargetGroup.values]
        if unknown_groups:
            errors["target_groups"] = _("Onbekende groep gezinnen: %(groups)s.") % {
                "groups": ", ".join(unknown_groups)
            }
        if self.merged_into_id and self.merged_into_id == self.pk:
            errors["merged_into"] = _("Een signaal kan niet met zichzelf samengevoegd worden.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class SignalEvent(NetworkScopedModel):
    """One step in a signal's trail: reported, edited, a status change, bundled into a theme, merged, taken up
    in a policy note. Written by the service that made the change, in the same transaction."""

    class Action(models.TextChoices):
        REPORTED = "reported", _("gemeld")
        PROPOSED = "proposed", _("voorgesteld uit de cijfers")
        EDITED = "edited", _("aangepast")
        STATUS = "status", _("status gewijzigd")
        THEMED = "themed", _("in een thema gebundeld")
        MERGED = "merged", _("samengevoegd")
        ABSORBED = "absorbed", _("een ander signaal werd hierin samengevoegd")
        CONTRIBUTION = "contribution", _("een bijdrage van ouders toegevoegd")
        NOTE = "note", _("opgenomen in een beleidsnota")

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20, choices=Action.choices)
    from_status = models.CharField(max_length=20, choices=Signal.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Signal.Status.choices, blank=True)
    note = models.TextField(_("toelichting"), max_length=2000, blank=True)
    user = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    user_label = models.CharField(max_length=254, blank=True)  # kept when the account goes
    related_signal = models.ForeignKey(
        Signal, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    same_network_fields = ("signal", "related_signal")

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("stap van een signaal")
        verbose_name_plural = _("stappen van signalen")
        indexes = [models.Index(fields=["signal", "created_at"], name="signalevent_signal_created")]

    def __str__(self) -> str:
        return f"{self.signal_id} {self.action}"
