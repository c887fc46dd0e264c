from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "hvhk.directory"
    label = "directory"
    verbose_name = _("Aanbod")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hvhk.directory import signals

        signals.connect()
