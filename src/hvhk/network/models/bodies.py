"""The network's bodies: board, steering group, working groups, network meetings and lunches, the denkdag."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hvhk.core.models import NetworkScopedModel


class Body(NetworkScopedModel):
    """A body of the network. An open body's meetings are visible to everyone who works in the network; a closed
    body is invisible to all but its members and the coordinator."""

    class Kind(models.TextChoices):
        BOARD = "board", _("raad van bestuur")
        STEERING_GROUP = "steering_group", _("stuurgroep")
        WORKING_GROUP = "working_group", _("werkgroep")
        NETWORK_MEETING = "network_meeting", _("netwerkmoment")
        NETWORK_LUNCH = "network_lunch", _("netwerklunch")
        THINK_DAY = "think_day", _("denkdag")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("naam"), max_length=200)
    theme = models.CharField(_("thema"), max_length=200, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    is_open = models.BooleanField(
        _("open"),
        default=False,
        help_text=_(
            "Iedereen die in het netwerk werkt, ziet de vergaderingen. Een gesloten orgaan zien alleen de leden."
        ),
    )
    is_active = models.BooleanField(_("actief"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("orgaan")
        verbose_name_plural = _("organen")
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="body_unique_name_per_network"),
        ]

    def __str__(self) -> str:
        return self.name


class BodyMember(NetworkScopedModel):
    """A member of a body: a person or an organisation (whose staff in the network then take part). A trekker
    manages the body's meetings."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members", verbose_name=_("orgaan"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="body_memberships",
        verbose_name=_("persoon"),
    )
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="body_memberships",
        verbose_name=_("organisatie"),
    )
    is_trekker = models.BooleanField(_("trekker"), default=False)
    since = models.DateField(_("lid sinds"), null=True, blank=True)

    same_network_fields = ("body", "organization")

    class Meta:
        ordering = ["-is_trekker", "created_at"]
        verbose_name = _("lid van een orgaan")
        verbose_name_plural = _("leden van een orgaan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False, organization__isnull=True)
                | models.Q(user__isnull=True, organization__isnull=False),
                name="body_member_person_or_organization",
            ),
            models.UniqueConstraint(
                fields=["body", "user"],
                condition=models.Q(user__isnull=False),
                name="body_member_unique_person",
            ),
            models.UniqueConstraint(
                fields=["body", "organization"],
                condition=models.Q(organization__isnull=False),
                name="body_member_unique_organization",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user or self.organization)

    def clean(self) -> None:
        super().clean()
        if bool(self.user_id) == bool(self.organization_id):
            raise ValidationError(_("Kies een persoon of een organisatie."))
