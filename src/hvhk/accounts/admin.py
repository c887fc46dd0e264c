"""The admin of people and roles, and of networks and their areas: who sees which network is a question of
roles, so the tenancy's admin lives here rather than in core (core imports nothing above it)."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from hvhk.accounts.models import RoleAssignment, User
from hvhk.accounts.scoped_admin import (
    DutchArticleMessagesMixin,
    NetworkScopedAdmin,
    coordinated_networks,
    may_administer,
)
from hvhk.core.lib.images import reencode
from hvhk.core.models import Area, Network


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ("organization",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Platform admins only: coordinators invite people from the portal."""

    ordering = ("email",)
    list_display = ("email", "full_name", "is_staff", "is_superuser", "is_active")
    search_fields = ("email", "full_name")
    inlines = [RoleAssignmentInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Persoon"), {"fields": ("full_name",)}),
        (_("Rechten"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Data"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )
    filter_horizontal = ()
    list_filter = ("is_staff", "is_superuser", "is_active")


class NetworkForm(forms.ModelForm):
    class Meta:
        model = Network
        fields = [
            "slug", "name", "description", "email", "phone", "website", "address", "colour", "logo", "is_demo",
            "is_active",
        ]  # fmt: skip

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload, not the file already stored
            return reencode(logo)
        return logo


@admin.register(Network)
class NetworkAdmin(DutchArticleMessagesMixin, admin.ModelAdmin):
    """Platform admins manage networks; a coordinator sees and edits only their own."""

    form = NetworkForm

    list_display = ("name", "slug", "is_active", "is_demo")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(pk__in=coordinated_networks(request))

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if request.user.is_superuser else {}  # the slug is read-only for them

    def get_readonly_fields(self, request, obj=None):
        return () if request.user.is_superuser else ("slug", "is_active", "is_demo")

    def has_module_permission(self, request) -> bool:
        return may_administer(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return may_administer(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return may_administer(request, obj)

    def has_add_permission(self, request) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


@admin.register(Area)
class AreaAdmin(NetworkScopedAdmin):
    list_display = ("name", "kind", "parent", "postcodes")
    list_filter = ("kind",)
    search_fields = ("name", "postcodes")
    prepopulated_fields = {"slug": ("name",)}
