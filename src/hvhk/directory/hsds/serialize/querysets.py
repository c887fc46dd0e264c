"""Querysets with everything prefetched, so a page of the API or a chunk of the export costs a fixed number
of queries."""

from django.db.models import Prefetch, QuerySet

from hvhk.core.models import Network
from hvhk.directory import models as m

# Nested lists come in id order: stable, the same in every database, and the same after an export and import.

_AREA = ("area__parent__parent",)


def _by_id(model, *prefetch, related=()) -> QuerySet:
    qs = model.objects.prefetch_related(*prefetch).order_by("id")
    return qs.select_related(*related) if related else qs  # select_related() without names follows every key


def _phones() -> Prefetch:
    return Prefetch("phones", queryset=_by_id(m.Phone, Prefetch("languages", queryset=_by_id(m.Language))))


def _contacts() -> Prefetch:
    return Prefetch("contacts", queryset=_by_id(m.Contact, _phones()))


def _attributes() -> Prefetch:
    return Prefetch("attributes", queryset=_by_id(m.Attribute, related=("taxonomy_term__taxonomy",)))


def _location_queryset() -> QuerySet[m.Location]:
    return _by_id(
        m.Location,
        Prefetch("languages", queryset=_by_id(m.Language)),
        Prefetch("addresses", queryset=_by_id(m.Address)),
        Prefetch("accessibility", queryset=_by_id(m.Accessibility)),
        Prefetch("schedules", queryset=_by_id(m.Schedule)),
        _phones(),
        _contacts(),
        related=_AREA,
    )


def organization_queryset(network: Network, *, public: bool = False) -> QuerySet[m.Organization]:
    """`public`: as the API shows them, with links to active services only (the export keeps every link)."""
    services = m.Service.objects.only("id")
    if public:
        services = services.filter(status=m.Service.Status.ACTIVE)
    pillars = _by_id(m.Pillar, Prefetch("services", queryset=services))
    return (
        m.Organization.objects.for_network(network)
        .select_related("membership")
        .prefetch_related(
            _phones(),
            _contacts(),
            Prefetch("organization_identifiers", queryset=_by_id(m.OrganizationIdentifier)),
            _attributes(),
            Prefetch("locations", queryset=_location_queryset()),
            Prefetch("houses", queryset=_by_id(m.House, Prefetch("pillars", queryset=pillars))),
        )
        .order_by("name", "id")
    )


def _service_at_locations() -> QuerySet[m.ServiceAtLocation]:
    return _by_id(
        m.ServiceAtLocation,
        _phones(),
        Prefetch("schedules", queryset=_by_id(m.Schedule)),
        _contacts(),
        _attributes(),
        Prefetch("location", queryset=_location_queryset()),
    )


def service_queryset(
    network: Network, *, full: bool = True, organizations: bool = True, public: bool = False
) -> QuerySet[m.Service]:
    """Services with what serializing them needs; `organizations=False` leaves out the nested organisations.
    `public`: only what the wegwijzer shows too (active services), for the open API; the export has them all."""
    qs = m.Service.objects.for_network(network).order_by("name", "id")
    if public:
        qs = qs.filter(status=m.Service.Status.ACTIVE)
    if not full or not organizations:
        qs = qs.select_related("organization__membership")
    if not full:
        return qs
    if organizations:
        qs = qs.prefetch_related(
            Prefetch("organization", queryset=organization_queryset(network, public=public))
        )
    return qs.prefetch_related(
        _phones(),
        Prefetch("schedules", queryset=_by_id(m.Schedule)),
        _contacts(),
        Prefetch("languages", queryset=_by_id(m.Language)),
        Prefetch("cost_options", queryset=_by_id(m.CostOption)),
        _attributes(),
        Prefetch("service_areas", queryset=_by_id(m.ServiceArea, related=_AREA)),
        Prefetch("service_at_locations", queryset=_service_at_locations()),
    )


def service_at_location_queryset(network: Network, *, public: bool = False) -> QuerySet[m.ServiceAtLocation]:
    qs = m.ServiceAtLocation.objects.for_network(network)
    if public:
        qs = qs.filter(service__status=m.Service.Status.ACTIVE)
    return (
        qs.select_related("service__organization__membership")
        .prefetch_related(
            _phones(),
            Prefetch("schedules", queryset=_by_id(m.Schedule)),
            _contacts(),
            _attributes(),
            Prefetch("location", queryset=_location_queryset()),
        )
        .order_by("service__name", "id")
    )
