"""Admin for coordinators: every network-scoped model admin shows and offers only the coordinator's networks.

It lives in accounts, beside the roles that decide who coordinates what; every app's admin.py builds on it.

A platform admin (superuser) sees everything. A coordinator (staff, with a coordinator role) sees the rows of
the networks they coordinate, can pick only those networks and only those networks' rows in every foreign key,
and gets a 404 for anyone else's row. Other staff see nothing.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

from hvhk.accounts.selectors import coordinator_networks
from hvhk.core.models import Network, NetworkScopedModel


def coordinated_networks(request) -> models.QuerySet[Network]:
    """The networks the signed-in person coordinates (once per request)."""
    cached = getattr(request, "_coordinator_networks", None)
    if cached is None:
        cached = request._coordinator_networks = coordinator_networks(user=request.user)
    return cached


def may_administer(request, obj=None) -> bool:
    """A platform admin may everything; a coordinator only their networks and those networks' rows."""
    if request.user.is_superuser:
        return True
    networks = coordinated_networks(request)
    if obj is None:
        return networks.exists()
    network_id = obj.pk if isinstance(obj, Network) else obj.network_id
    return networks.filter(pk=network_id).exists()


class _ScopedFormfieldsMixin:
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if request.user.is_superuser or field is None:
            return field
        target = db_field.related_model
        if target is Network:
            field.queryset = coordinated_networks(request)
            if field.queryset.count() == 1:
                field.initial = field.queryset.first()
        elif issubclass(target, NetworkScopedModel):
            field.queryset = field.queryset.filter(network__in=coordinated_networks(request))
        elif target is get_user_model():
            # People of the coordinator's own networks only: a list of everyone would leak other networks' staff.
            field.queryset = field.queryset.filter(
                roles__network__in=coordinated_networks(request)
            ).distinct()
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if (
            not request.user.is_superuser
            and field is not None
            and issubclass(db_field.related_model, NetworkScopedModel)
        ):
            field.queryset = field.queryset.filter(network__in=coordinated_networks(request))
        return field


# Dutch nouns of our models that take "het", not "de". Django's Dutch admin writes "De {name} ‘…’ is met succes
# gewijzigd." for every model, which reads "De aanbod" and "De netwerk".
NEUTER_NOUNS = frozenset({"aanbod", "netwerk", "gebied", "huis", "synoniem", "e-mailadres"})


def with_dutch_article(message, verbose_name):
    """The admin's message with "Het" instead of "De" before a neuter noun, in Dutch; any other message as is."""
    if (get_language() or "").split("-")[0] != "nl":
        return message
    noun = str(verbose_name)
    text = str(message)
    if not noun or noun.split()[0].lower() not in NEUTER_NOUNS or not text.startswith(f"De {noun}"):
        return message
    fixed = "Het" + text[2:]  # only the article changes: the rest was escaped (or safe) already
    return mark_safe(fixed) if isinstance(message, SafeData) else fixed  # noqa: S308


class DutchArticleMessagesMixin:
    def message_user(self, request, message, *args, **kwargs):
        return super().message_user(
            request, with_dutch_article(message, self.opts.verbose_name), *args, **kwargs
        )


class NetworkScopedAdmin(DutchArticleMessagesMixin, _ScopedFormfieldsMixin, admin.ModelAdmin):
    list_select_related = ("network",)

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(network__in=coordinated_networks(request))

    def get_list_filter(self, request):
        filters = tuple(super().get_list_filter(request))
        return ("network", *filters) if request.user.is_superuser else filters

    def has_module_permission(self, request) -> bool:
        return may_administer(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return may_administer(request, obj)

    def has_add_permission(self, request) -> bool:
        return may_administer(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return may_administer(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return may_administer(request, obj)

    def save_formset(self, request, form, formset, change):
        """Inline rows belong to the parent's network."""
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, NetworkScopedModel) and not instance.network_id:
                instance.network_id = form.instance.network_id
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


class NetworkScopedInline(_ScopedFormfieldsMixin):
    """Inline for a network-scoped child: its network is the parent's, so the field is not shown."""

    exclude = ("network",)
    extra = 0

    def has_view_permission(self, request, obj=None) -> bool:
        return may_administer(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return may_administer(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return may_administer(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return may_administer(request, obj)


class ScopedTabularInline(NetworkScopedInline, admin.TabularInline):
    pass


class ScopedStackedInline(NetworkScopedInline, admin.StackedInline):
    pass
