from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "hvhk.referrals"
    verbose_name = _("Hulpvragen en doorverwijzingen")
