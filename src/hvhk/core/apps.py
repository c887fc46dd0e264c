from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "hvhk.core"
    label = "core"
    verbose_name = _("Netwerken en gebieden")
    default_auto_field = "django.db.models.BigAutoField"
