from django.contrib import admin

from hvhk.accounts.scoped_admin import NetworkScopedAdmin
from hvhk.feedback.models import ErrorReport


@admin.register(ErrorReport)
class ErrorReportAdmin(NetworkScopedAdmin):
    list_display = ("created_at", "topic", "page_url", "status", "assigned_organization")
    list_filter = ("status", "topic")
    search_fields = ("message", "page_url")
    readonly_fields = ("page_url", "page_title", "message", "reporter_email", "language", "created_at")
    list_select_related = ("network", "assigned_organization")

    def has_add_permission(self, request) -> bool:
        return False
