from django.contrib import admin

from hvhk.accounts.scoped_admin import NetworkScopedAdmin
from hvhk.search.models import Synonym, ZeroResultQuery


@admin.register(Synonym)
class SynonymAdmin(NetworkScopedAdmin):
    """Coordinators keep their network's synonym list: words families use for the same thing."""

    list_display = ("terms", "is_active")
    list_filter = ("is_active",)
    search_fields = ("terms",)


@admin.register(ZeroResultQuery)
class ZeroResultQueryAdmin(NetworkScopedAdmin):
    """What families searched for and did not (or hardly) find, per month: unmet needs, or words to add as synonyms."""

    list_display = ("query", "month", "count", "max_results", "last_seen")
    list_filter = ("month",)
    search_fields = ("query",)
    readonly_fields = ("month", "query", "count", "max_results", "last_seen")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
