"""The search index and what coordinators tune: analysed documents, the word list, synonyms, unmet searches."""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hvhk.core.models import NetworkScopedModel

COST_BITS = {"free": 1, "reduced": 2, "paid": 4}


class SearchDocument(models.Model):
    """One service as the index sees it: analysed tokens per field (weights: name > terms > organisation > text).

    SQLite mirrors these columns in the FTS5 table `search_fts` (triggers keep it in step); PostgreSQL keeps a
    generated, GIN-indexed `vector` column. Both are created by migration 0001, not by the ORM.
    """

    id = models.BigAutoField(primary_key=True)
    service = models.OneToOneField(
        "directory.Service", on_delete=models.CASCADE, related_name="search_document"
    )
    network = models.ForeignKey("core.Network", on_delete=models.CASCADE, related_name="+")
    name_tokens = models.TextField(blank=True)
    term_tokens = models.TextField(blank=True)
    org_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)
    words = models.TextField(blank=True, help_text="Folded surface words, for the word list.")
    # Copies of the service's most used filters, so a search checks them on the document it reads instead of
    # joining the service and its prices for every match (nullable: added to a table with full-text triggers).
    min_age_months = models.IntegerField(null=True)
    max_age_months = models.IntegerField(null=True)
    cost_kinds = models.PositiveSmallIntegerField(
        null=True, help_text="Bits of COST_BITS; none: no price known."
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"search document of {self.service_id}"


class SearchWord(models.Model):
    """A word that occurs in indexed documents (all networks), and in how many: for compounds, typos, weights."""

    word = models.CharField(max_length=100, primary_key=True)
    document_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.word


class Synonym(NetworkScopedModel):
    """Words a network treats as the same when searching: "baby, zuigeling" or "geld, financiële steun"."""

    terms = models.CharField(
        _("woorden met dezelfde betekenis"),
        max_length=500,
        help_text=_("Scheid met komma's. Bijvoorbeeld: crèche, kinderopvang, opvang"),
    )
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")

    def __str__(self) -> str:
        return self.terms

    @property
    def term_list(self) -> list[str]:
        return [t.strip() for t in self.terms.split(",") if t.strip()]


def current_month() -> dt.date:
    """The first day of this month (local time): the period a search is counted in."""
    return timezone.localdate().replace(day=1)


class ZeroResultQuery(NetworkScopedModel):
    """Searches that found nothing or nearly nothing (see search.services.NEARLY_NOTHING), per month: only the
    normalised words, how often and the most results any of them found (no address, no session, no cookie), for
    unmet needs and the monthly proposals of signals."""

    month = models.DateField(_("maand"), default=current_month)  # first day of the month
    query = models.CharField(_("zoekvraag"), max_length=200)
    count = models.PositiveIntegerField(_("aantal keer"), default=0)
    max_results = models.PositiveSmallIntegerField(_("hoogstens gevonden"), default=0)
    last_seen = models.DateTimeField(_("laatst gezocht"), auto_now=True)

    class Meta:
        ordering = ["-month", "-count"]
        verbose_name = _("zoekvraag zonder (bijna) resultaat")
        verbose_name_plural = _("zoekvragen zonder (bijna) resultaat")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "month", "query"], name="zero_result_unique_month_query"
            )
        ]

    def __str__(self) -> str:
        return f"{self.query} ({self.month:%Y-%m}: {self.count})"


class StaleIndex(models.Model):
    """A network whose search index owes work: written in the same transaction as the data that made it stale
    (an HSDS import), cleared by whoever brings the index up to date. If the importing process dies after its
    commit, the mark stays, `/healthz` says so and the worker's repair task (enqueued in that transaction too)
    rebuilds the network's index."""

    network = models.OneToOneField(
        "core.Network", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    marked_at = models.DateTimeField()
    token = models.UUIDField(help_text="Changes with every mark: a repair clears only the mark it repaired.")

    def __str__(self) -> str:
        return f"stale search index of {self.network_id} since {self.marked_at:%Y-%m-%d %H:%M}"


class MonthlyUse(NetworkScopedModel):
    """How the wegwijzer was used in a month, counted without cookies or anything about the visitor: searches
    (a results page asked for with words or filters) and views of one service's page (`service` set)."""

    class Kind(models.TextChoices):
        SEARCH = "search", _("zoekopdracht")
        SERVICE_VIEW = "service_view", _("bekeken aanbod")

    month = models.DateField(_("maand"), default=current_month)  # first day of the month
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    count = models.PositiveIntegerField(_("aantal"), default=0)

    class Meta:
        verbose_name = _("gebruik van de wegwijzer")
        verbose_name_plural = _("gebruik van de wegwijzer")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "month", "kind"],
                condition=models.Q(service__isnull=True),
                name="monthly_use_unique_network_month_kind",
            ),
            models.UniqueConstraint(
                fields=["network", "month", "kind", "service"],
                condition=models.Q(service__isnull=False),
                name="monthly_use_unique_service_month_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="search", service__isnull=True)
                | models.Q(kind="service_view", service__isnull=False),
                name="monthly_use_service_only_for_views",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.month:%Y-%m}: {self.count}"
