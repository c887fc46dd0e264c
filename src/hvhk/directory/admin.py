from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from hvhk.accounts.scoped_admin import NetworkScopedAdmin, ScopedStackedInline, ScopedTabularInline
from hvhk.directory import admin_hsds, services
from hvhk.directory import models as m


class MembershipInline(ScopedStackedInline):
    model = m.Membership
    can_delete = False


class OrganizationIdentifierInline(ScopedTabularInline):
    model = m.OrganizationIdentifier


@admin.register(m.Organization)
class OrganizationAdmin(SimpleHistoryAdmin, NetworkScopedAdmin):
    list_display = ("name", "membership_role", "email")
    search_fields = ("name", "alternate_name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [MembershipInline, OrganizationIdentifierInline]
    list_select_related = ("network", "membership")

    @admin.display(description=_("rol in het netwerk"))
    def membership_role(self, obj: m.Organization) -> str:
        membership = getattr(obj, "membership", None)
        return membership.get_role_display() if membership else "–"


class CostOptionInline(ScopedTabularInline):
    model = m.CostOption


class ServiceScheduleInline(ScopedTabularInline):
    model = m.Schedule
    fk_name = "service"
    fields = ("byday", "opens_at", "closes_at", "freq", "valid_from", "valid_to", "description")


class ServiceLanguageInline(ScopedTabularInline):
    model = m.Language
    fk_name = "service"
    fields = ("code", "name", "note")


class ServicePhoneInline(ScopedTabularInline):
    model = m.Phone
    fk_name = "service"
    fields = ("number", "type", "description")


class ServiceAtLocationInline(ScopedTabularInline):
    model = m.ServiceAtLocation
    fields = ("location", "description")


class ServiceAttributeInline(ScopedTabularInline):
    model = m.Attribute
    fk_name = "service"
    fields = ("taxonomy_term", "link_type", "value")
    verbose_name = _("categorie")
    verbose_name_plural = _("levensdomeinen en doelgroepen")


class ServiceAreaInline(ScopedTabularInline):
    model = m.ServiceArea
    fields = ("area", "name", "description")


@admin.register(m.Service)
class ServiceAdmin(SimpleHistoryAdmin, NetworkScopedAdmin):
    list_display = ("name", "organization", "status", "assured_date", "updated_at")
    list_filter = ("status", "walk_in", "at_home", "online")
    search_fields = ("name", "alternate_name", "description", "organization__name")
    list_select_related = ("network", "organization")
    date_hierarchy = "assured_date"
    inlines = [
        ServiceAttributeInline,
        CostOptionInline,
        ServiceAtLocationInline,
        ServiceScheduleInline,
        ServiceLanguageInline,
        ServicePhoneInline,
        ServiceAreaInline,
    ]
    fieldsets = [
        (
            None,
            {
                "fields": (
                    "network",
                    "organization",
                    "name",
                    "alternate_name",
                    "description",
                    "status",
                    "alert",
                )
            },
        ),
        (_("Voor wie"), {"fields": ("minimum_age_months", "maximum_age_months", "eligibility_description")}),
        (
            _("Hoe"),
            {
                "fields": (
                    "at_location",
                    "at_home",
                    "online",
                    "by_phone",
                    "walk_in",
                    "application_process",
                    "fees_description",
                    "interpretation_services",
                )
            },
        ),
        (_("Contact"), {"fields": ("url", "email")}),
        (_("Kwaliteit"), {"fields": ("assured_date", "assurer_email", "accreditations", "licenses")}),
        (_("Vertalingen"), {"fields": ("translations",), "classes": ("collapse",)}),
    ]
    change_list_template = "admin/directory/service/change_list_hsds.html"

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "import-hsds/",
                wrap(lambda r: admin_hsds.import_view(self, r)),
                name="directory_service_import_hsds",
            ),
            path(
                "export-hsds/<str:network_id>/<str:form>/",
                wrap(lambda r, network_id, form: admin_hsds.export_view(self, r, network_id, form)),
                name="directory_service_export_hsds",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        networks = admin_hsds._networks(request)
        return super().changelist_view(request, {**(extra_context or {}), "hsds_networks": networks})


class AddressInline(ScopedStackedInline):
    model = m.Address


class AccessibilityInline(ScopedTabularInline):
    model = m.Accessibility


class LocationScheduleInline(ScopedTabularInline):
    model = m.Schedule
    fk_name = "location"
    fields = ("byday", "opens_at", "closes_at", "freq", "valid_from", "valid_to", "description")


class LocationPhoneInline(ScopedTabularInline):
    model = m.Phone
    fk_name = "location"
    fields = ("number", "type", "description")


@admin.register(m.Location)
class LocationAdmin(SimpleHistoryAdmin, NetworkScopedAdmin):
    list_display = ("name", "organization", "area", "location_type")
    list_filter = ("location_type",)
    search_fields = ("name", "addresses__address_1", "addresses__city")
    list_select_related = ("network", "organization", "area")
    inlines = [AddressInline, AccessibilityInline, LocationScheduleInline, LocationPhoneInline]


class TaxonomyTermInline(ScopedTabularInline):
    model = m.TaxonomyTerm
    fields = ("code", "name", "description", "parent", "position")
    fk_name = "taxonomy"


@admin.register(m.Taxonomy)
class TaxonomyAdmin(NetworkScopedAdmin):
    list_display = ("name", "code")
    inlines = [TaxonomyTermInline]


@admin.register(m.TaxonomyTerm)
class TaxonomyTermAdmin(NetworkScopedAdmin):
    list_display = ("name", "code", "taxonomy", "position")
    list_filter = (("taxonomy", admin.RelatedOnlyFieldListFilter),)  # only the taxonomies of its own rows
    search_fields = ("name", "code")


class PillarInline(ScopedStackedInline):
    model = m.Pillar
    filter_horizontal = ("services",)
    fields = ("kind", "name", "description", "services", "position")


@admin.register(m.House)
class HouseAdmin(NetworkScopedAdmin):
    list_display = ("name", "location", "is_active")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PillarInline]


@admin.register(m.Draft)
class DraftAdmin(SimpleHistoryAdmin, NetworkScopedAdmin):
    """Partners' proposals, to look up with their history; they change only through the directory's draft
    services (the portal's review page, or the actions here), never by editing the row."""

    list_display = ("title", "kind", "organization", "status", "author", "updated_at")
    list_filter = ("status", "kind")
    search_fields = ("title", "organization__name")
    list_select_related = ("network", "organization", "author")
    actions = ["publish", "withdraw"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Publiceer de gekozen voorstellen"))
    def publish(self, request, queryset) -> None:
        self._each(
            request, queryset, lambda draft: services.draft_publish(draft=draft, acting_user=request.user)
        )

    @admin.action(description=_("Trek de gekozen voorstellen in"))
    def withdraw(self, request, queryset) -> None:
        self._each(
            request, queryset, lambda draft: services.draft_withdraw(draft=draft, acting_user=request.user)
        )

    def _each(self, request, queryset, step) -> None:
        done = 0
        for draft in queryset.select_related("organization__membership", "network"):
            try:
                step(draft)
                done += 1
            except (ValidationError, PermissionDenied) as exc:
                problem = (
                    "; ".join(exc.messages) if isinstance(exc, ValidationError) else _("Dat mag je niet.")
                )
                self.message_user(request, f"{draft.title}: {problem}", messages.WARNING)
        if done:
            message = ngettext("%(n)d voorstel verwerkt.", "%(n)d voorstellen verwerkt.", done) % {"n": done}
            self.message_user(request, message, messages.SUCCESS)
