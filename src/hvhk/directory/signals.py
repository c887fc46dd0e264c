"""Any change to a network's directory data gives the network a new data version (see core.lib.versions)."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from hvhk.core.lib.versions import bump_network_version
from hvhk.core.models import Network, NetworkScopedModel


def _changed(sender, instance, raw: bool = False, **kwargs) -> None:
    network_id = instance.pk if isinstance(instance, Network) else getattr(instance, "network_id", None)
    if network_id and not raw:
        bump_network_version(network_id)
        transaction.on_commit(lambda: bump_network_version(network_id))


def connect() -> None:
    for label in ("core", "directory"):
        for model in apps.get_app_config(label).get_models():
            if model._meta.label == "directory.Draft":
                continue  # a draft is not public until published, and publishing saves what it changes
            if issubclass(model, NetworkScopedModel) or model is Network:
                post_save.connect(_changed, sender=model, dispatch_uid=f"version-save-{model._meta.label}")
                post_delete.connect(
                    _changed, sender=model, dispatch_uid=f"version-delete-{model._meta.label}"
                )
    # Activities show on service, house and search pages with their places left: a new session, a registration or
    # a cancellation makes those pages new too. (The access log of registrations shows on no public page.)
    if apps.is_installed("hvhk.activities"):
        for name in ("Activity", "Session", "Registration"):
            model = apps.get_model("activities", name)
            post_save.connect(_changed, sender=model, dispatch_uid=f"version-save-{model._meta.label}")
            post_delete.connect(_changed, sender=model, dispatch_uid=f"version-delete-{model._meta.label}")
    pillar_services = apps.get_model("directory", "Pillar").services.through
    m2m_changed.connect(_changed, sender=pillar_services, dispatch_uid="version-pillar-services")
    synonym = apps.get_model("search", "Synonym")  # synonyms change what a search finds
    post_save.connect(_changed, sender=synonym, dispatch_uid="version-save-synonym")
    post_delete.connect(_changed, sender=synonym, dispatch_uid="version-delete-synonym")
