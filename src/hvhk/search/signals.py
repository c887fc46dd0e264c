"""The index follows every change of what it indexes, wherever the change comes from (admin, portal, import,
demo): the services concerned are indexed once the transaction commits."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from hvhk.core.models import Area
from hvhk.directory.hsds import hooks
from hvhk.directory.models import (
    Address,
    Attribute,
    CostOption,
    Location,
    Organization,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from hvhk.search import indexing


@receiver(post_save, sender=Service)
def _service_saved(sender, instance: Service, raw: bool = False, **kwargs) -> None:
    if not raw:
        indexing.schedule([instance.pk])


@receiver(pre_delete, sender=Service)
def _service_deleted(sender, instance: Service, **kwargs) -> None:
    indexing.forget_services([instance.pk])


@receiver([post_save, post_delete], sender=Attribute)
@receiver([post_save, post_delete], sender=ServiceAtLocation)
@receiver([post_save, post_delete], sender=CostOption)  # the document keeps the kinds of price
@receiver([post_save, post_delete], sender=ServiceArea)  # and where the service is
def _link_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw and instance.service_id:
        indexing.schedule([instance.service_id])


@receiver(post_save, sender=Organization)
def _organization_saved(sender, instance: Organization, raw: bool = False, **kwargs) -> None:
    if not raw:
        indexing.schedule(instance.services.values_list("pk", flat=True))


@receiver(post_save, sender=TaxonomyTerm)
def _term_saved(sender, instance: TaxonomyTerm, raw: bool = False, **kwargs) -> None:
    if not raw:
        indexing.schedule(instance.attributes.exclude(service=None).values_list("service_id", flat=True))


@receiver(post_save, sender=Location)
@receiver(post_save, sender=Address)
def _place_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    location_id = instance.pk if sender is Location else instance.location_id
    indexing.schedule(
        ServiceAtLocation.objects.filter(location_id=location_id).values_list("service_id", flat=True)
    )


@receiver(post_save, sender=Area)
def _area_saved(sender, instance: Area, raw: bool = False, **kwargs) -> None:
    if not raw:
        indexing.schedule(
            ServiceAtLocation.objects.filter(location__area=instance).values_list("service_id", flat=True)
        )


@receiver(m2m_changed, sender=Service.taxonomy_terms.through)
def _terms_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, Service):
        indexing.schedule([instance.pk])


@receiver(hooks.import_saving)
def _import_saving(sender, network, service_ids: set, **kwargs) -> None:
    if service_ids:
        indexing.mark_stale(network_id=network.pk)


@receiver(hooks.import_saved)
def _import_saved(sender, network, service_ids: set, **kwargs) -> int:
    return indexing.catch_up(network=network, service_ids=service_ids) if service_ids else 0
