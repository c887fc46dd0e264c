"""Working together on money for new ideas: funding calls (projectoproepen) that the coordinator or a partner
spots, partners who want to hear of calls on their themes, and joint applications: a lead partner and the partners
it invites, a shared text and documents, the status from idea to grant (or not), the amounts, and after a grant the
project's milestones and a short report.

A call is visible to every partner of the network; an application only to the coordinator and the partners that
were invited to it. Every row belongs to one network."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hvhk.core.lib.storage import private_storage
from hvhk.core.models import NetworkScopedModel

USER = settings.AUTH_USER_MODEL


class FundingCall(NetworkScopedModel):
    """A call for projects of a funder, with its deadline and themes (life domains, target groups)."""

    class FunderKind(models.TextChoices):
        FLEMISH = "flemish", _("Vlaamse overheid")
        PROVINCE = "province", _("provincie")
        MUNICIPALITY = "municipality", _("gemeente of stad")
        FEDERAL = "federal", _("federale overheid")
        EUROPE = "europe", _("Europese Unie")
        FOUNDATION = "foundation", _("stichting of fonds")
        OTHER = "other", _("andere")

    funder = models.CharField(_("financier"), max_length=200)
    funder_kind = models.CharField(
        _("soort financier"), max_length=20, choices=FunderKind.choices, default=FunderKind.OTHER
    )
    title = models.CharField(_("titel"), max_length=200)
    url = models.URLField(_("link naar de oproep"), max_length=500, blank=True)
    description = models.TextField(_("waarover gaat het?"), max_length=4000, blank=True)
    eligibility = models.TextField(_("wie kan indienen?"), max_length=2000, blank=True)
    amount_min = models.DecimalField(
        _("bedrag vanaf (euro)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    amount_max = models.DecimalField(
        _("bedrag tot (euro)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    deadline = models.DateField(_("indienen tot"))
    life_domains = models.ManyToManyField(
        "directory.TaxonomyTerm", blank=True, related_name="+", verbose_name=_("levensdomeinen")
    )
    target_groups = models.ManyToManyField(
        "directory.TaxonomyTerm", blank=True, related_name="+", verbose_name=_("doelgroepen")
    )
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gedeeld door"),
    )
    alerted_at = models.DateTimeField(null=True, blank=True)
    reminded_4w_at = models.DateTimeField(null=True, blank=True)
    reminded_1w_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    same_network_fields = ("organization",)

    class Meta:
        ordering = ["deadline", "title"]
        verbose_name = _("projectoproep")
        verbose_name_plural = _("projectoproepen")
        indexes = [models.Index(fields=["network", "deadline"], name="funding_call_deadline")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_min__isnull=True)
                | models.Q(amount_max__isnull=True)
                | models.Q(amount_min__lte=models.F("amount_max")),
                name="funding_call_amounts_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title


class CallAlert(NetworkScopedModel):
    """A partner's staff member who wants a mail of new calls on their organisation's themes, and the reminders
    four weeks and one week before a call's deadline."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey("directory.Organization", on_delete=models.CASCADE, related_name="+")

    same_network_fields = ("organization",)

    class Meta:
        verbose_name = _("melding van projectoproepen")
        verbose_name_plural = _("meldingen van projectoproepen")
        constraints = [
            models.UniqueConstraint(fields=["network", "user", "organization"], name="call_alert_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} / {self.organization_id}"


class Application(NetworkScopedModel):
    """A joint application for a call: from the idea to the funder's answer, and after a grant the project."""

    class Status(models.TextChoices):
        IDEA = "idea", _("idee")
        WRITING = "writing", _("in opmaak")
        SUBMITTED = "submitted", _("ingediend")
        GRANTED = "granted", _("goedgekeurd")
        REFUSED = "refused", _("afgewezen")
        WITHDRAWN = "withdrawn", _("ingetrokken")

    OPEN = (Status.IDEA, Status.WRITING, Status.SUBMITTED)
    DECIDED = (Status.GRANTED, Status.REFUSED, Status.WITHDRAWN)

    # RESTRICT: a call with applications cannot be deleted on its own, but goes with its network.
    call = models.ForeignKey(FundingCall, on_delete=models.RESTRICT, related_name="applications")
    title = models.CharField(_("werktitel"), max_length=200)
    summary = models.TextField(_("ons idee in het kort"), max_length=2000, blank=True)
    text = models.TextField(_("gedeelde tekst"), max_length=50000, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IDEA)
    amount_asked = models.DecimalField(
        _("gevraagd bedrag (euro)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    amount_granted = models.DecimalField(
        _("toegekend bedrag (euro)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    submitted_on = models.DateField(_("ingediend op"), null=True, blank=True)
    decided_on = models.DateField(_("beslist op"), null=True, blank=True)
    report = models.TextField(_("kort verslag van het project"), max_length=5000, blank=True)
    started_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    history = HistoricalRecords()

    same_network_fields = ("call",)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("gezamenlijke aanvraag")
        verbose_name_plural = _("gezamenlijke aanvragen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_granted__isnull=True)
                | models.Q(amount_asked__isnull=True)
                | models.Q(amount_granted__lte=models.F("amount_asked")),
                name="application_granted_within_asked",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ApplicationPartner(NetworkScopedModel):
    """A partner in an application: invited, then it accepts (with its role) or declines."""

    class Role(models.TextChoices):
        LEAD = "lead", _("trekker (indiener)")
        PARTNER = "partner", _("partner")
        SUPPORTING = "supporting", _("ondersteunend")

    class Answer(models.TextChoices):
        INVITED = "invited", _("uitgenodigd")
        ACCEPTED = "accepted", _("doet mee")
        DECLINED = "declined", _("doet niet mee")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="partners")
    organization = models.ForeignKey("directory.Organization", on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    answer = models.CharField(_("antwoord"), max_length=20, choices=Answer.choices, default=Answer.INVITED)
    invited_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    answered_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    same_network_fields = ("application", "organization")

    class Meta:
        ordering = ["role", "created_at"]
        verbose_name = _("partner in een aanvraag")
        verbose_name_plural = _("partners in aanvragen")
        constraints = [
            models.UniqueConstraint(fields=["application", "organization"], name="application_partner_once"),
            models.UniqueConstraint(
                fields=["application"], condition=models.Q(role="lead"), name="application_one_lead"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} ({self.role})"


def _document_path(instance: "ApplicationDocument", filename: str) -> str:
    return f"projects/{instance.network_id}/{instance.application_id}/{instance.pk}-{filename[-80:]}"


class ApplicationDocument(NetworkScopedModel):
    """A document shared among an application's partners (a budget, a letter of support). Served only through
    the portal, to the application's partners and the coordinator."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("bestand"), upload_to=_document_path, storage=private_storage, max_length=300)
    size = models.PositiveIntegerField(default=0)
    content_type = models.CharField(max_length=100, blank=True)
    uploaded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    same_network_fields = ("application",)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document van een aanvraag")
        verbose_name_plural = _("documenten van aanvragen")

    def __str__(self) -> str:
        return self.title


class Milestone(NetworkScopedModel):
    """A step of a granted project, with its due date and when it was done."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("mijlpaal"), max_length=200)
    due_on = models.DateField(_("tegen"))
    done_on = models.DateField(_("klaar op"), null=True, blank=True)

    same_network_fields = ("application",)

    class Meta:
        ordering = ["due_on", "title"]
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")

    def __str__(self) -> str:
        return self.title
