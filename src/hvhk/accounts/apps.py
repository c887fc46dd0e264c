from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "hvhk.accounts"
    label = "accounts"
    verbose_name = _("Accounts en rollen")
    default_auto_field = "django.db.models.BigAutoField"
