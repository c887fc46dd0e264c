from django import forms
from django.contrib import admin

from hvhk.core.lib.admin import NetworkScopedAdmin, _allowed, _networks
from hvhk.core.lib.images import reencode
from hvhk.core.models import Area, Network


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
class NetworkAdmin(admin.ModelAdmin):
    """Platform admins manage networks; a coordinator sees and edits only their own."""

    form = NetworkForm

    list_display = ("name", "slug", "is_active", "is_demo")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(pk__in=_networks(request))

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if request.user.is_superuser else {}  # the slug is read-only for them

    def get_readonly_fields(self, request, obj=None):
        return () if request.user.is_superuser else ("slug", "is_active", "is_demo")

    def has_module_permission(self, request) -> bool:
        return _allowed(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return _allowed(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return _allowed(request, obj)

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
