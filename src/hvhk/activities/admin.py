"""Admin for activities, for the coordinator's own networks (accounts.scoped_admin): the history of every
activity and session, and the holiday periods. Moderation happens in the portal (with its e-mails and checks),
so status and the pending proposal are read-only here. Registrations (personal data, with an access log) are
not in the admin: they are seen only through the partner's pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hvhk.accounts.scoped_admin import NetworkScopedAdmin, ScopedTabularInline
from hvhk.activities.models import Activity, HolidayPeriod, Session


class SessionInline(ScopedTabularInline):
    model = Session
    fields = ("starts_at", "ends_at", "capacity", "is_cancelled", "present_count")
    readonly_fields = ("is_cancelled", "present_count")
    extra = 0


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin, NetworkScopedAdmin):
    list_display = ("title", "service", "status", "pending_status", "kind")
    list_filter = ("status", "pending_status", "kind")
    search_fields = ("title", "service__name", "service__organization__name")
    list_select_related = ("network", "service")
    readonly_fields = (
        "status",
        "review_comment",
        "submitted_at",
        "submitted_by",
        "published_at",
        "created_by",
        "pending_changes",
        "pending_status",
        "pending_by",
        "pending_at",
    )
    inlines = [SessionInline]


@admin.register(Session)
class SessionAdmin(SimpleHistoryAdmin, NetworkScopedAdmin):
    list_display = ("activity", "starts_at", "ends_at", "is_cancelled")
    list_filter = ("is_cancelled",)
    list_select_related = ("network", "activity")
    date_hierarchy = "starts_at"


@admin.register(HolidayPeriod)
class HolidayPeriodAdmin(NetworkScopedAdmin):
    list_display = ("name", "starts_on", "ends_on")
    list_select_related = ("network",)
