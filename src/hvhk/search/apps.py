from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "hvhk.search"
    label = "search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hvhk.core.lib import health
        from hvhk.search import indexing, signals  # noqa: F401 (connects the index to directory changes)

        health.register("search_index", indexing.health)
