"""Published directory data takes the content of a snapshot (see directory/snapshots.py): what publishing a
draft does. Each function is one transaction; django-simple-history keeps the old version with who changed it."""

from decimal import Decimal, InvalidOperation

from django.db import transaction

from hvhk.accounts.models import User
from hvhk.directory import models as m
from hvhk.directory.snapshots import (
    ADDRESS_FIELDS,
    LANGUAGES,
    LINK_TYPES,
    ORGANIZATION_FIELDS,
    SERVICE_FIELDS,
)


def _create(model, acting_user: User | None, **fields):
    row = model(**fields)
    row._history_user = acting_user
    row.save()
    return row


@transaction.atomic
def service_apply_snapshot(*, service: m.Service, data: dict, acting_user: User | None) -> m.Service:
    """Make `service` (saved or new, with its network and organisation set) say what `data` says.

    Raises ValidationError (nothing saved) when the result breaks the model's rules. Who may is for the caller
    to check: `draft_publish` does.
    """
    for name in SERVICE_FIELDS:
        setattr(service, name, data.get(name, getattr(service, name)))
    kept = {
        lang: texts for lang, texts in (service.translations or {}).items() if lang not in LANGUAGES
    }  # languages the portal does not edit stay as they are
    service.translations = {**kept, **data.get("translations", {})}
    service.full_clean(exclude=["network", "organization"])
    service._history_user = acting_user  # read by django-simple-history: the history names who changed it
    service.save()
    network = service.network
    terms = {str(t.pk): t for t in m.TaxonomyTerm.objects.for_network(network).select_related("taxonomy")}
    wanted = {terms[i] for i in data.get("terms", []) if i in terms}
    service.attributes.exclude(taxonomy_term__in=wanted).delete()
    have = set(service.attributes.values_list("taxonomy_term_id", flat=True))
    for term in wanted - {terms[str(i)] for i in have if str(i) in terms}:
        _create(
            m.Attribute,
            acting_user,
            network=network,
            service=service,
            taxonomy_term=term,
            link_type=LINK_TYPES.get(term.taxonomy.code, m.Attribute.LinkType.OTHER),
        )
    places = set(m.Location.objects.for_network(network).filter(pk__in=data.get("locations", [])))
    service.service_at_locations.exclude(location__in=places).delete()
    have = set(service.service_at_locations.values_list("location_id", flat=True))
    for location in places:
        if location.pk not in have:
            _create(m.ServiceAtLocation, acting_user, network=network, service=service, location=location)
    service.cost_options.all().delete()
    for cost in data.get("costs", []):
        _create(
            m.CostOption,
            acting_user,
            network=network,
            service=service,
            kind=cost["kind"],
            option=cost.get("option", ""),
            amount=_decimal(cost.get("amount")),
        )
    service.languages.all().delete()
    for code in data.get("languages", []):
        _create(m.Language, acting_user, network=network, service=service, code=code, name=code)
    service.schedules.all().delete()
    for row in data.get("hours", []):
        _create(
            m.Schedule,
            acting_user,
            network=network,
            service=service,
            freq=m.Schedule.Freq.WEEKLY,
            byday=row["byday"],
            opens_at=row.get("opens_at") or None,
            closes_at=row.get("closes_at") or None,
            description=row.get("description", ""),
        )
    pillars = list(m.Pillar.objects.for_network(network).filter(pk__in=data.get("pillars", [])))
    service.pillars.set(pillars)
    return service


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@transaction.atomic
def organization_apply_snapshot(
    *, organization: m.Organization, data: dict, acting_user: User | None
) -> m.Organization:
    """Make `organization` say what `data` says (see service_apply_snapshot)."""
    for name in ORGANIZATION_FIELDS:
        setattr(organization, name, data.get(name, getattr(organization, name)))
    kept = {lang: texts for lang, texts in (organization.translations or {}).items() if lang not in LANGUAGES}
    organization.translations = {**kept, **data.get("translations", {})}
    organization.full_clean(exclude=["network", "parent_organization", "slug"])
    organization._history_user = acting_user
    organization.save()
    return organization


@transaction.atomic
def location_apply_snapshot(*, location: m.Location, data: dict, acting_user: User | None) -> m.Location:
    """Make `location` and its address say what `data` says (see service_apply_snapshot)."""
    for name in ("name", "description", "transportation"):
        setattr(location, name, data.get(name, ""))
    location.latitude, location.longitude = _decimal(data.get("latitude")), _decimal(data.get("longitude"))
    location.full_clean(exclude=["network", "organization", "area"])
    location._history_user = acting_user
    location.save()
    address = location.addresses.first() or m.Address(
        network=location.network, location=location, state_province="Vlaams-Brabant"
    )
    for name in ADDRESS_FIELDS:
        setattr(address, name, data.get(name, ""))
    address._history_user = acting_user
    address.save()
    wanted = set(data.get("accessibility", []))
    location.accessibility.exclude(feature__in=wanted).delete()
    have = set(location.accessibility.values_list("feature", flat=True))
    for feature in wanted - have:
        _create(m.Accessibility, acting_user, network=location.network, location=location, feature=feature)
    return location
