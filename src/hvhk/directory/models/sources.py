"""Where an imported record came from: the id it has in the HSDS file, when this network's copy has another
(the same organisation, imported into several networks; see hsds/ids.py and docs/hsds.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def source_id_field() -> models.UUIDField:
    return models.UUIDField(
        _("id in het bronbestand"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Het id in het geïmporteerde HSDS-bestand, als dit netwerk een eigen kopie met een ander id heeft."
        ),
    )


def unique_source_id(prefix: str) -> models.UniqueConstraint:
    return models.UniqueConstraint(
        fields=["network", "source_id"],
        condition=models.Q(source_id__isnull=False),
        name=f"{prefix}_unique_source_id",
    )
