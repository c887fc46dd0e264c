"""Reads of directory data. Every function takes the network and returns only its rows."""

import datetime as dt
import uuid

from django.conf import settings
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from hvhk.accounts.access import ActiveRole
from hvhk.core.models import Area, Network
from hvhk.core.selectors import scoped_get_or_404
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE, TARGET_GROUPS_CODE
from hvhk.directory.languages import LANGUAGE_NAMES
from hvhk.directory.models import (
    Accessibility,
    Address,
    Attribute,
    CostOption,
    Draft,
    House,
    Language,
    Location,
    Organization,
    Pillar,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from hvhk.directory.snapshots import Change, diff, location_snapshot, organization_snapshot, service_snapshot


def service_list(*, network: Network) -> QuerySet[Service]:
    """Services families can use now (active ones only)."""
    return Service.objects.for_network(network).filter(status=Service.Status.ACTIVE)


def organization_list(*, network: Network) -> QuerySet[Organization]:
    return Organization.objects.for_network(network).select_related("membership").order_by("name")


# --- what a staff role keeps ----------------------------------------------------------------------------------


def editable_organizations(*, role: ActiveRole) -> QuerySet[Organization]:
    """The organisations whose data `role` keeps: its own (editor) or all of the network (coordinator)."""
    qs = Organization.objects.for_network(role.network).select_related("membership")
    if role.is_coordinator:
        return qs
    if role.is_editor and role.organization is not None:
        return qs.filter(pk=role.organization.pk)
    return qs.none()


def editable_services(*, role: ActiveRole) -> QuerySet[Service]:
    return Service.objects.for_network(role.network).filter(
        organization__in=editable_organizations(role=role)
    )


def editable_locations(*, role: ActiveRole) -> QuerySet[Location]:
    return Location.objects.for_network(role.network).filter(
        organization__in=editable_organizations(role=role)
    )


def editable_drafts(*, role: ActiveRole) -> QuerySet[Draft]:
    """The drafts of the organisations whose data `role` keeps."""
    return Draft.objects.for_network(role.network).filter(organization__in=editable_organizations(role=role))


def overdue_before(today: dt.date | None = None) -> dt.date:
    """Services last checked before this date are overdue (settings.FRESHNESS_MONTHS, default 6)."""
    today = today or timezone.localdate()
    return today - dt.timedelta(days=round(settings.FRESHNESS_MONTHS * 30.44))


def overdue_service_list(*, network: Network, today: dt.date | None = None) -> QuerySet[Service]:
    """The network's active services not checked ("laatst nagekeken") since `overdue_before(today)`, or never;
    the ones waiting longest first."""
    return (
        Service.objects.for_network(network)
        .filter(
            Q(assured_date__lt=overdue_before(today)) | Q(assured_date__isnull=True),
            status=Service.Status.ACTIVE,
        )
        .order_by(F("assured_date").asc(nulls_first=True), "name")
    )


def house_list(*, network: Network) -> QuerySet[House]:
    return (
        House.objects.for_network(network)
        .filter(is_active=True)
        .select_related("location")
        .prefetch_related(
            "location__addresses",
            "location__schedules",
            "location__phones",
            Prefetch("pillars", queryset=Pillar.objects.order_by("position")),
        )
    )


def house_choice_list(*, network: Network) -> QuerySet[House]:
    """The network's houses to choose from or filter by (names only, without their place's details)."""
    return House.objects.for_network(network).filter(is_active=True).only("id", "network_id", "slug", "name")


def term_list(*, network: Network, taxonomy: str) -> QuerySet[TaxonomyTerm]:
    return (
        TaxonomyTerm.objects.for_network(network).filter(taxonomy__code=taxonomy).order_by("position", "name")
    )


def target_group_list(*, network: Network) -> QuerySet[TaxonomyTerm]:
    return term_list(network=network, taxonomy=TARGET_GROUPS_CODE)


def life_domain_list(*, network: Network) -> QuerySet[TaxonomyTerm]:
    """The network's life domains, each with the number of active services in it."""
    return (
        TaxonomyTerm.objects.for_network(network)
        .filter(taxonomy__code=LIFE_DOMAINS_CODE)
        .annotate(
            service_count=Count("services", filter=Q(services__status=Service.Status.ACTIVE), distinct=True)
        )
        .order_by("position", "name")
    )


def service_detail_queryset(*, network: Network) -> QuerySet[Service]:
    return (
        Service.objects.for_network(network)
        .exclude(status=Service.Status.DEFUNCT)
        .select_related("organization")
        .prefetch_related(
            "cost_options",
            "languages",
            "schedules",
            "phones",
            "contacts",
            Prefetch("attributes", queryset=Attribute.objects.select_related("taxonomy_term__taxonomy")),
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location__area").prefetch_related(
                    "location__addresses",
                    "location__schedules",
                    "location__accessibility",
                    "location__phones",
                ),
            ),
            Prefetch("service_areas", queryset=ServiceArea.objects.select_related("area")),
            Prefetch("pillars", queryset=Pillar.objects.select_related("house")),
        )
    )


def service_get(*, network: Network, service_id: str) -> Service:
    """A service page: every service that still exists (inactive ones say so), never another network's."""
    return scoped_get_or_404(service_detail_queryset(network=network), network=network, id=service_id)


def related_services(*, service: Service, limit: int = 4) -> list[Service]:
    """Other active services for the same life domains, the ones sharing most domains first."""
    term_ids = [
        a.taxonomy_term_id for a in service.attributes.all() if a.link_type == Attribute.LinkType.LIFE_DOMAIN
    ]
    if not term_ids:
        return []
    return list(
        Service.objects.for_network(service.network)
        .filter(status=Service.Status.ACTIVE, attributes__taxonomy_term__in=term_ids)
        .exclude(pk=service.pk)
        .annotate(shared=Count("attributes", filter=Q(attributes__taxonomy_term__in=term_ids)))
        .select_related("organization")
        .order_by("-shared", "name")[:limit]
    )


def organization_get(*, network: Network, organization_id: str) -> Organization:
    return scoped_get_or_404(
        Organization.objects.select_related("membership").prefetch_related(
            "phones", Prefetch("locations", queryset=Location.objects.prefetch_related("addresses"))
        ),
        network=network,
        id=organization_id,
    )


def draft_open_for(*, kind: str, target_id) -> Draft | None:
    """The record's open draft, if it has one (a record has at most one)."""
    if target_id is None:
        return None
    return Draft.objects.filter(kind=kind, target_id=target_id, status__in=Draft.OPEN).first()


def draft_changes(*, draft: Draft) -> tuple[Service | Organization | Location | None, list[Change]]:
    """The record a draft changes (None for a new service) and what the draft changes in it, in words."""
    model, snapshot = {
        Draft.Kind.SERVICE: (Service, service_snapshot),
        Draft.Kind.ORGANIZATION: (Organization, organization_snapshot),
        Draft.Kind.LOCATION: (Location, location_snapshot),
    }[draft.kind]
    current = model.objects.for_network(draft.network).filter(pk=draft.target_id).first()
    before = snapshot(current) if current else {}
    return current, diff(before, draft.data, snapshot_names(network=draft.network))


def snapshot_names(*, network: Network) -> dict[str, str]:
    """The ids and codes in a snapshot, in words: terms, places, pillars, languages, areas, features, statuses."""
    names = {
        str(pk): name for pk, name in TaxonomyTerm.objects.for_network(network).values_list("pk", "name")
    }
    names.update(
        {str(pk): name for pk, name in Location.objects.for_network(network).values_list("pk", "name")}
    )
    names.update(
        {
            str(p.pk): f"{p.house.name}: {p.title}"
            for p in Pillar.objects.for_network(network).select_related("house")
        }
    )
    names.update({code: str(name) for code, name in LANGUAGE_NAMES.items()})
    names.update({str(pk): name for pk, name in Area.objects.for_network(network).values_list("pk", "name")})
    names.update({value: str(label) for value, label in Accessibility.Feature.choices})
    names.update({value: str(label) for value, label in Service.Status.choices})
    return names


def house_get(*, network: Network, slug: str) -> House:
    return scoped_get_or_404(
        house_list(network=network).prefetch_related(
            "location__accessibility",
            Prefetch(
                "pillars__services",
                queryset=Service.objects.filter(status=Service.Status.ACTIVE).select_related("organization"),
            ),
        ),
        network=network,
        slug=slug,
    )


def services_by_ids(*, network: Network, ids: list[str]) -> list[Service]:
    """Active services of `network` in the order of `ids`; unknown, foreign or no longer active ids are left out."""
    valid = []
    for value in ids:
        try:
            valid.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    active = service_detail_queryset(network=network).filter(status=Service.Status.ACTIVE, pk__in=valid)
    rows = {s.id: s for s in active}
    return [rows[i] for i in valid if i in rows]


def services_for_brochure(*, network: Network, domain: TaxonomyTerm | None = None) -> QuerySet[Service]:
    qs = service_detail_queryset(network=network).filter(status=Service.Status.ACTIVE)
    if domain is not None:
        qs = qs.filter(attributes__taxonomy_term=domain)
    return qs.order_by("name")


def language_codes(*, network: Network) -> list[str]:
    """Languages the network's services are offered in: Dutch first, then by code (one index scan)."""
    codes = set(Language.objects.for_network(network).values_list("code", flat=True).distinct())
    return sorted(codes, key=lambda code: (code != "nl", code))


CARD_FIELDS = (
    "id",
    "network_id",
    "organization_id",
    "organization__name",
    "name",
    "translations",
    "status",
    "minimum_age_months",
    "maximum_age_months",
    "at_location",
    "at_home",
    "online",
    "by_phone",
    "walk_in",
)


def service_card_queryset(*, network: Network) -> QuerySet[Service]:
    """Services with only what a result card shows, in a fixed number of queries (a page renders 20)."""
    return (
        Service.objects.for_network(network)
        .select_related("organization")
        .only(*CARD_FIELDS)
        .prefetch_related(
            Prefetch("cost_options", queryset=CostOption.objects.only("id", "service_id", "kind")),
            Prefetch("schedules", queryset=_card_schedules()),
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location__area")
                .only(
                    "id",
                    "service_id",
                    "location_id",
                    "location__name",
                    "location__latitude",
                    "location__longitude",
                    "location__area_id",
                    "location__area__name",
                )
                .prefetch_related(
                    Prefetch(
                        "location__addresses", queryset=Address.objects.only("id", "location_id", "city")
                    ),
                    Prefetch("location__schedules", queryset=_card_schedules()),
                ),
            ),
        )
    )


# The fields of a schedule that say when it is open (what a result card keeps of it).
SCHEDULE_RULE_FIELDS = (
    "freq",
    "byday",
    "opens_at",
    "closes_at",
    "valid_from",
    "valid_to",
    "until",
    "interval",
    "dtstart",
)


def _card_schedules() -> QuerySet[Schedule]:
    return Schedule.objects.only("id", "service_id", "location_id", "description", *SCHEDULE_RULE_FIELDS)


def organization_services(*, network: Network, organization: Organization) -> list[Service]:
    return list(
        service_card_queryset(network=network)
        .filter(organization=organization, status=Service.Status.ACTIVE)
        .order_by("name")
    )
