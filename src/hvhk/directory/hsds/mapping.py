"""One HSDS service record (nested, as the API and the JSON export give it) → validated rows for our models.

Validation happens here, in Python and per record, so that every problem names its record and field path and
nothing has been written yet. What needs the database (ids of other networks, references to records outside
the file) is checked per chunk by the importer.

Organisations, locations, taxonomies, taxonomy terms and areas recur in many records: the first complete copy
is mapped, later identical copies are recognised by a digest and skipped, and a later copy that differs is an
error (one id, two versions: which one is right is for a person to decide).
"""

import contextlib
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hvhk.core.models import Area, Network
from hvhk.directory import models as m
from hvhk.directory.models.translations import TranslatableModel

# Longest text we take from a file: a description of a few pages. A longer value is a mistake in the export.
MAX_TEXT_LENGTH = 10_000

# Plain fields per model: (HSDS key, model field).
_PLAIN: dict[type[models.Model], tuple[tuple[str, str], ...]] = {}


def _plain(model: type[models.Model], names: str, **renamed: str) -> None:
    """`names` are fields whose HSDS key is the field name; `renamed` maps a field to its (extension) key."""
    _PLAIN[model] = tuple((name, name) for name in names.split()) + tuple(
        (key, name) for name, key in renamed.items()
    )


_plain(
    m.Service,
    """name alternate_name description url email status interpretation_services application_process
    fees_description accreditations eligibility_description assured_date assurer_email licenses alert""",
)
_plain(
    m.Organization,
    """name alternate_name description email website tax_status tax_id year_incorporated legal_status logo
    uri""",
)
_plain(
    m.Location,
    """location_type url name alternate_name description transportation latitude longitude
    external_identifier external_identifier_type""",
)
_plain(
    m.Address,
    "attention address_1 address_2 city region state_province postal_code country address_type",
)
_plain(m.Accessibility, "description details url", feature="hvhk_feature")
_plain(m.Phone, "number extension type description")
_plain(m.Contact, "name title department email")
_plain(
    m.Schedule,
    """valid_from valid_to dtstart timezone until count wkst freq interval byday byweekno bymonthday
    byyearday description opens_at closes_at schedule_link attending_type notes""",
)
_plain(m.Language, "name code note")
_plain(m.CostOption, "valid_from valid_to option currency amount amount_description", kind="hvhk_kind")
_plain(m.ServiceArea, "name description extent extent_type uri")
_plain(m.OrganizationIdentifier, "identifier_scheme identifier_type identifier")
_plain(m.Taxonomy, "name description uri version")
_plain(m.TaxonomyTerm, "name description language term_uri", position="hvhk_position")
_plain(m.Attribute, "link_type value")
_plain(m.ServiceAtLocation, "description")
_plain(m.Membership, "role engagement_signed_on joined_on left_on")
_plain(m.House, "slug name description is_active translations")
_plain(m.Pillar, "kind name description position translations")
_plain(Area, "slug name kind postcodes latitude longitude")


# Keys we read in code rather than through _PLAIN. Any other key is counted and reported as ignored (HSDS
# fields we do not keep, such as programs, funding and required documents, or another system's extensions).
def _words(text: str) -> set[str]:
    return set(text.split())


_HANDLED = {
    m.Service: _words(
        """id organization_id organization minimum_age maximum_age hvhk_minimum_age_months
        hvhk_maximum_age_months hvhk_delivery hvhk_translations last_modified phones schedules service_areas
        service_at_locations languages cost_options contacts attributes"""
    ),
    m.Organization: _words(
        """id hvhk_slug hvhk_translations hvhk_membership hvhk_houses parent_organization_id phones contacts
        locations organization_identifiers attributes"""
    ),
    m.Location: _words(
        "id organization_id hvhk_area languages addresses contacts accessibility phones schedules"
    ),
}

# Where a nested list sits and which foreign key ties its rows to the parent.
_LINK = {
    m.Service: "service_id",
    m.Organization: "organization_id",
    m.Location: "location_id",
    m.ServiceAtLocation: "service_at_location_id",
    m.Contact: "contact_id",
    m.Phone: "phone_id",
}

_COORDINATES = Decimal("0.000001")


@dataclass
class Problem:
    """One thing wrong with one record, in words a coordinator can act on."""

    index: int | None  # 1-based position of the record in the file; None for the file as a whole
    record_id: str
    path: str
    message: str

    def __str__(self) -> str:
        where = _("record {index}").format(index=self.index) if self.index else _("bestand")
        if self.record_id:
            where += f" (id {self.record_id})"
        return f"{where}: {self.path + ': ' if self.path else ''}{self.message}"


@dataclass
class Row:
    model: type[models.Model]
    values: dict[str, Any]  # attribute names (foreign keys as `…_id`), always with "id"


@dataclass
class Bag:
    """What one record, or one shared entity inside it, maps to."""

    rows: list[Row] = field(default_factory=list)
    childsets: list[tuple[type[models.Model], str, uuid.UUID, set]] = field(default_factory=list)
    refs: list[tuple[type[models.Model], uuid.UUID, str]] = field(default_factory=list)
    # Links checked once the whole file is in (the parent may come later): (model, id, path, owner model, owner id).
    deferred: list[tuple] = field(default_factory=list)
    pillar_services: dict[uuid.UUID, tuple[set, str]] = field(default_factory=dict)
    claims: list[tuple[str, Any, Any]] = field(default_factory=list)
    shared: set = field(default_factory=set)  # keys of the shared entities this bag uses
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message)


@dataclass
class Mapped:
    """One record, mapped: its own rows, the shared entities it brought first, and what went wrong."""

    index: int
    id: str
    own: Bag
    new_shared: dict[tuple, Bag]
    problems: list[Problem]

    @property
    def service_id(self) -> uuid.UUID | None:
        try:
            return uuid.UUID(self.id)
        except ValueError:
            return None


class _Invalid(Exception):
    """A value could not be used; the error is already in the bag."""


def digest(raw: Any) -> str:
    return hashlib.blake2b(json.dumps(raw, sort_keys=True, default=str).encode(), digest_size=16).hexdigest()


class Mapper:
    """Maps records of one import into one network, remembering what earlier records claimed."""

    def __init__(self, network: Network) -> None:
        self.network = network
        self.now = timezone.now()
        self.seen_shared: dict[tuple, tuple[str, int]] = {}  # key → (digest, record index)
        self.seen_services: dict[uuid.UUID, int] = {}
        self.ignored: dict[str, int] = {}
        # What the network already holds, for unique names and natural keys (small tables: fine in memory).
        self.org_slugs = dict(m.Organization.objects.for_network(network).values_list("slug", "id"))
        self.org_slug_of = {v: k for k, v in self.org_slugs.items()}
        self.memberships = dict(
            m.Membership.objects.for_network(network).values_list("organization_id", "id")
        )
        self.house_slugs = dict(m.House.objects.for_network(network).values_list("slug", "id"))
        self.taxonomy_codes = dict(m.Taxonomy.objects.for_network(network).values_list("code", "id"))
        self.taxonomy_code_of = {v: k for k, v in self.taxonomy_codes.items()}
        self.term_codes = {
            (taxonomy_id, code): term_id
            for term_id, taxonomy_id, code in m.TaxonomyTerm.objects.for_network(network).values_list(
                "id", "taxonomy_id", "code"
            )
        }
        self.term_code_of = {v: k[1] for k, v in self.term_codes.items()}
        self.areas = dict(Area.objects.for_network(network).values_list("slug", "id"))

    # --- the record ------------------------------------------------------------------------------------------

    def record(self, index: int, raw: Any) -> Mapped:
        record_id = str(raw.get("id", "")) if isinstance(raw, dict) else ""
        mapped = Mapped(index=index, id=record_id, own=Bag(), new_shared={}, problems=[])
        self._paths: dict[uuid.UUID, str] = {}
        if not isinstance(raw, dict):
            mapped.own.errors.append(
                (
                    "",
                    _("Een record moet een object zijn ({...}), maar dit is {kind}.").replace(
                        "{kind}", _json_kind(raw)
                    ),
                )
            )
        else:
            self._service(mapped, raw)
        for path, message in mapped.own.errors:
            mapped.problems.append(Problem(index, record_id, path, message))
        for bag in mapped.new_shared.values():
            for path, message in bag.errors:
                mapped.problems.append(Problem(index, record_id, path, message))
        if mapped.problems:
            self.forget(mapped)
        else:
            self.accept(mapped)
        return mapped

    def accept(self, mapped: Mapped) -> None:
        if mapped.service_id:
            self.seen_services[mapped.service_id] = mapped.index
        for bag in [mapped.own, *mapped.new_shared.values()]:
            for kind, key, value in bag.claims:
                getattr(self, kind)[key] = value

    def forget(self, mapped: Mapped, keys: set[tuple] | None = None) -> None:
        """Undo what a record claimed when the importer rejects it after mapping (or drop unwritten entities)."""
        if keys is None:
            if self.seen_services.get(mapped.service_id) == mapped.index:
                del self.seen_services[mapped.service_id]
            keys = set(mapped.new_shared)
        for key in keys:
            bag = mapped.new_shared.get(key)
            self.seen_shared.pop(key, None)
            for kind, claim, _value in bag.claims if bag else ():
                getattr(self, kind).pop(claim, None)

    def _service(self, mapped: Mapped, raw: dict) -> None:
        bag = mapped.own
        service_id = self._id(bag, raw, "id")
        if service_id in self.seen_services:
            bag.errors.append(
                (
                    "id",
                    _("Dit id staat twee keer in het bestand (eerst in record {index}).").format(
                        index=self.seen_services[service_id]
                    ),
                )
            )
        values = self._fields(bag, m.Service, raw, "")
        self._ignored(m.Service, raw)
        organization = raw.get("organization")
        if isinstance(organization, dict):
            org_id = self._organization(mapped, bag, organization, "organization")
            given = raw.get("organization_id")
            if org_id and given and str(given) != str(org_id):
                bag.errors.append(("organization_id", _("Verschilt van het id van de geneste organisatie.")))
        else:
            if organization is not None:
                bag.errors.append(("organization", _("Moet een object zijn.")))
            org_id = self._id(bag, raw, "organization_id")
            if org_id:
                bag.refs.append((m.Organization, org_id, "organization_id"))
        values["organization_id"] = org_id
        values.update(self._ages(bag, raw))
        values.update(self._delivery(bag, raw.get("hvhk_delivery")))
        values["translations"] = self._translations(bag, raw, "hvhk_translations")
        if raw.get("last_modified") not in (None, ""):
            values["updated_at"] = self._datetime(bag, raw["last_modified"], "last_modified")
        self._check(bag, m.Service, values, "")
        if service_id is None:
            return
        values["id"] = service_id
        bag.rows.append(Row(m.Service, values))
        self._children(mapped, bag, raw, m.Service, service_id, "")
        locations: dict[uuid.UUID, int] = {}
        sal_ids = set()
        for i, item in self._items(bag, raw, "service_at_locations"):
            sal_id, location_id = self._service_at_location(
                mapped, bag, item, service_id, f"service_at_locations[{i}]"
            )
            if location_id in locations:
                bag.errors.append(
                    (
                        f"service_at_locations[{i}].location",
                        _("Deze locatie staat al in service_at_locations[{first}].").format(
                            first=locations[location_id]
                        ),
                    )
                )
            if location_id:
                locations[location_id] = i
            if sal_id:
                sal_ids.add(sal_id)
        if "service_at_locations" in raw:
            bag.childsets.append((m.ServiceAtLocation, "service_id", service_id, sal_ids))

    # --- nested children -------------------------------------------------------------------------------------

    _CHILD_KEYS = {
        m.Service: (
            "phones",
            "schedules",
            "service_areas",
            "languages",
            "cost_options",
            "contacts",
            "attributes",
        ),
        m.Organization: ("phones", "contacts", "organization_identifiers", "attributes"),
        m.Location: ("languages", "addresses", "contacts", "accessibility", "phones", "schedules"),
        m.ServiceAtLocation: ("contacts", "phones", "schedules", "attributes"),
        m.Contact: ("phones",),
        m.Phone: ("languages",),
    }
    _CHILD_MODELS = {
        "phones": m.Phone,
        "schedules": m.Schedule,
        "service_areas": m.ServiceArea,
        "languages": m.Language,
        "cost_options": m.CostOption,
        "contacts": m.Contact,
        "attributes": m.Attribute,
        "organization_identifiers": m.OrganizationIdentifier,
        "addresses": m.Address,
        "accessibility": m.Accessibility,
    }

    def _children(
        self, mapped: Mapped, bag: Bag, raw: dict, parent_model, parent_id: uuid.UUID, path: str
    ) -> None:
        link = _LINK[parent_model]
        for key in self._CHILD_KEYS[parent_model]:
            if key not in raw:
                continue  # not given: leave what we have
            model = self._CHILD_MODELS[key]
            ids: set[uuid.UUID] = set()
            terms: dict[uuid.UUID, int] = {}
            for i, item in self._items(bag, raw, key, path):
                child_path = f"{_join(path, key)}[{i}]"
                child_id = self._child(mapped, bag, model, item, link, parent_id, child_path)
                if child_id in ids:
                    bag.errors.append((_join(child_path, "id"), _("Dit id staat twee keer in de lijst.")))
                if child_id:
                    ids.add(child_id)
                if model is m.Attribute and bag.rows and bag.rows[-1].values.get("id") == child_id:
                    term_id = bag.rows[-1].values.get("taxonomy_term_id")
                    if term_id in terms:
                        bag.errors.append(
                            (
                                child_path,
                                _("Deze categorie staat al in {key}[{first}].").format(
                                    key=key, first=terms[term_id]
                                ),
                            )
                        )
                    terms[term_id] = i
            bag.childsets.append((model, link, parent_id, ids))

    def _child(self, mapped, bag: Bag, model, raw: dict, link: str, parent_id, path: str) -> uuid.UUID | None:
        child_id = self._unique_id(bag, raw, path)
        given_parent = raw.get(link)
        if given_parent not in (None, "") and str(given_parent) != str(parent_id):
            bag.errors.append((_join(path, link), _("Verschilt van het id van het record waarin dit staat.")))
        if model is m.CostOption and raw.get("hvhk_kind") in (None, ""):
            # Another system's price: free when the amount is 0, otherwise paid (a person can refine it).
            raw = {**raw, "hvhk_kind": "free" if raw.get("amount") == 0 else "paid"}
        values = self._fields(bag, model, raw, path)
        if model is m.Language and not values.get("name") and values.get("code"):
            values["name"] = values["code"]
        if model is m.ServiceArea:
            values["area_id"] = self._area(bag, mapped, raw.get("hvhk_area"), _join(path, "hvhk_area"))
        if model is m.Attribute:
            values["taxonomy_term_id"] = self._attribute_term(mapped, bag, raw, path)
        values[link] = parent_id
        self._check(bag, model, values, path)
        if child_id is None:
            return None
        values["id"] = child_id
        bag.rows.append(Row(model, values))
        if model in self._CHILD_KEYS:
            self._children(mapped, bag, raw, model, child_id, path)
        return child_id

    def _service_at_location(self, mapped: Mapped, bag: Bag, raw: dict, service_id, path: str) -> tuple:
        sal_id = self._unique_id(bag, raw, path)
        values = self._fields(bag, m.ServiceAtLocation, raw, path)
        location = raw.get("location")
        if isinstance(location, dict):
            location_id = self._location(mapped, bag, location, _join(path, "location"), organization_id=None)
        else:
            location_id = self._id(bag, raw, "location_id", path)
            if location_id:
                bag.refs.append((m.Location, location_id, _join(path, "location_id")))
        values.update(service_id=service_id, location_id=location_id)
        if sal_id is None or location_id is None:
            return sal_id, location_id
        values["id"] = sal_id
        bag.rows.append(Row(m.ServiceAtLocation, values))
        self._children(mapped, bag, raw, m.ServiceAtLocation, sal_id, path)
        return sal_id, location_id

    # --- shared entities -------------------------------------------------------------------------------------

    def _shared(
        self, mapped: Mapped, bag: Bag, kind: str, raw: dict, path: str
    ) -> tuple[tuple | None, Bag | None]:
        """The key of a shared entity, and a fresh bag to map it into when this is its first copy."""
        try:
            entity_id = uuid.UUID(str(raw.get("id")))
        except ValueError:
            bag.errors.append((_join(path, "id"), _("Geen geldig id (een UUID).")))
            return None, None
        key = (kind, entity_id)
        bag.shared.add(key)
        fingerprint = digest(raw)
        if key in self.seen_shared:
            first_digest, first_index = self.seen_shared[key]
            if first_digest != fingerprint:
                bag.errors.append(
                    (
                        path,
                        _(
                            "Hetzelfde id ({id}) staat eerder in het bestand (record {index}) met andere gegevens."
                        ).format(id=entity_id, index=first_index),
                    )
                )
            return key, None
        entity = Bag()
        mapped.new_shared[key] = entity
        self.seen_shared[key] = (fingerprint, mapped.index)
        return key, entity

    def _organization(self, mapped: Mapped, bag: Bag, raw: dict, path: str) -> uuid.UUID | None:
        key, entity = self._shared(mapped, bag, "organization", raw, path)
        if key is None or entity is None:
            return key[1] if key else None
        org_id = key[1]
        values = self._fields(entity, m.Organization, raw, path)
        self._ignored(m.Organization, raw)
        values["translations"] = self._translations(entity, raw, "hvhk_translations", path)
        values["slug"] = self._unique_slug(
            entity,
            raw.get("hvhk_slug"),
            values.get("name"),
            org_id,
            "org_slugs",
            "org_slug_of",
            _join(path, "hvhk_slug"),
        )
        parent = self._id(entity, raw, "parent_organization_id", path)
        values["parent_organization_id"] = parent
        if parent:
            entity.deferred.append(
                (m.Organization, parent, _join(path, "parent_organization_id"), m.Organization, org_id)
            )
        self._check(entity, m.Organization, values, path)
        values["id"] = org_id
        entity.rows.append(Row(m.Organization, values))
        self._children(mapped, entity, raw, m.Organization, org_id, path)
        for i, item in self._items(entity, raw, "locations", path):
            self._location(mapped, entity, item, f"{_join(path, 'locations')}[{i}]", organization_id=org_id)
        if isinstance(raw.get("hvhk_membership"), dict):
            self._membership(entity, raw["hvhk_membership"], org_id, _join(path, "hvhk_membership"))
        elif raw.get("hvhk_membership") is not None:
            entity.errors.append((_join(path, "hvhk_membership"), _("Moet een object zijn.")))
        for i, item in self._items(entity, raw, "hvhk_houses", path):
            self._house(entity, item, org_id, f"{_join(path, 'hvhk_houses')}[{i}]")
        return org_id

    def _membership(self, bag: Bag, raw: dict, org_id: uuid.UUID, path: str) -> None:
        values = self._fields(bag, m.Membership, raw, path)
        values["organization_id"] = org_id
        self._check(bag, m.Membership, values, path)
        values["id"] = self.memberships.get(org_id) or uuid.uuid5(uuid.NAMESPACE_URL, f"membership:{org_id}")
        bag.rows.append(Row(m.Membership, values))

    def _house(self, bag: Bag, raw: dict, org_id: uuid.UUID, path: str) -> None:
        house_id = self._unique_id(bag, raw, path)
        values = self._fields(bag, m.House, raw, path)
        values["organization_id"] = org_id
        location_id = self._id(bag, raw, "location_id", path)
        values["location_id"] = location_id
        if location_id:
            bag.refs.append((m.Location, location_id, _join(path, "location_id")))
        self._check(bag, m.House, values, path)
        slug = values.get("slug")
        if house_id and slug:
            owner = self.house_slugs.get(slug)
            if owner and owner != house_id:
                bag.errors.append(
                    (
                        _join(path, "slug"),
                        _("De korte naam '{slug}' is al van een ander huis.").format(slug=slug),
                    )
                )
            bag.claims.append(("house_slugs", slug, house_id))
        if house_id is None:
            return
        values["id"] = house_id
        bag.rows.append(Row(m.House, values))
        pillar_ids, kinds = set(), set()
        for i, item in self._items(bag, raw, "pillars", path):
            pillar_path = f"{_join(path, 'pillars')}[{i}]"
            pillar_id = self._unique_id(bag, item, pillar_path)
            pillar = self._fields(bag, m.Pillar, item, pillar_path)
            pillar["house_id"] = house_id
            self._check(bag, m.Pillar, pillar, pillar_path)
            kind = pillar.get("kind")
            if kind and kind != m.Pillar.Kind.EXTRA:
                if kind in kinds:
                    bag.errors.append(
                        (_join(pillar_path, "kind"), _("Deze pijler staat twee keer bij dit huis."))
                    )
                kinds.add(kind)
            service_ids = set()
            for j, value in enumerate(item.get("service_ids") or []):
                try:
                    service_ids.add(uuid.UUID(str(value)))
                except ValueError:
                    bag.errors.append((f"{pillar_path}.service_ids[{j}]", _("Geen geldig id (een UUID).")))
            if pillar_id:
                pillar["id"] = pillar_id
                pillar_ids.add(pillar_id)
                bag.rows.append(Row(m.Pillar, pillar))
                bag.pillar_services[pillar_id] = (service_ids, _join(pillar_path, "service_ids"))
        if "pillars" in raw:
            bag.childsets.append((m.Pillar, "house_id", house_id, pillar_ids))

    def _location(self, mapped: Mapped, bag: Bag, raw: dict, path: str, organization_id) -> uuid.UUID | None:
        key, entity = self._shared(mapped, bag, "location", raw, path)
        if key is None or entity is None:
            return key[1] if key else None
        location_id = key[1]
        values = self._fields(entity, m.Location, raw, path)
        self._ignored(m.Location, raw)
        for name in ("latitude", "longitude"):
            if isinstance(values.get(name), Decimal):
                values[name] = values[name].quantize(_COORDINATES, rounding=ROUND_HALF_UP)
        given_org = self._id(entity, raw, "organization_id", path)
        if organization_id and given_org and given_org != organization_id:
            entity.errors.append(
                (_join(path, "organization_id"), _("Verschilt van de organisatie waarin dit staat."))
            )
        values["organization_id"] = organization_id or given_org
        if given_org and not organization_id:
            # The organisation may come later in the file (a place of another partner): checked at the end.
            entity.deferred.append(
                (m.Organization, given_org, _join(path, "organization_id"), m.Location, key[1])
            )
        values["area_id"] = self._area(entity, mapped, raw.get("hvhk_area"), _join(path, "hvhk_area"))
        self._check(entity, m.Location, values, path)
        values["id"] = location_id
        entity.rows.append(Row(m.Location, values))
        self._children(mapped, entity, raw, m.Location, location_id, path)
        return location_id

    def _attribute_term(self, mapped: Mapped, bag: Bag, raw: dict, path: str) -> uuid.UUID | None:
        term = raw.get("taxonomy_term")
        if isinstance(term, dict):
            term_id = self._term(mapped, bag, term, _join(path, "taxonomy_term"))
            given = raw.get("taxonomy_term_id")
            if term_id and given and str(given) != str(term_id):
                bag.errors.append(
                    (_join(path, "taxonomy_term_id"), _("Verschilt van het id van de geneste categorie."))
                )
            return term_id
        term_id = self._id(bag, raw, "taxonomy_term_id", path)
        if term_id:
            bag.refs.append((m.TaxonomyTerm, term_id, _join(path, "taxonomy_term_id")))
        return term_id

    def _term(self, mapped: Mapped, bag: Bag, raw: dict, path: str) -> uuid.UUID | None:
        key, entity = self._shared(mapped, bag, "term", raw, path)
        if key is None or entity is None:
            return key[1] if key else None
        term_id = key[1]
        values = self._fields(entity, m.TaxonomyTerm, raw, path)
        values["translations"] = self._translations(entity, raw, "hvhk_translations", path)
        detail = raw.get("taxonomy_detail")
        if isinstance(detail, dict):
            taxonomy_id = self._taxonomy(mapped, entity, detail, _join(path, "taxonomy_detail"))
        else:
            taxonomy_id = self._id(entity, raw, "taxonomy_id", path)
            if taxonomy_id:
                entity.refs.append((m.Taxonomy, taxonomy_id, _join(path, "taxonomy_id")))
        values["taxonomy_id"] = taxonomy_id
        parent = self._id(entity, raw, "parent_id", path)
        values["parent_id"] = parent
        if parent:
            entity.deferred.append(
                (m.TaxonomyTerm, parent, _join(path, "parent_id"), m.TaxonomyTerm, term_id)
            )
        code = (
            raw.get("code") or self.term_code_of.get(term_id) or slugify(str(values.get("name") or ""))[:80]
        )
        values["code"] = code
        self._check(entity, m.TaxonomyTerm, values, path)
        if taxonomy_id and code:
            owner = self.term_codes.get((taxonomy_id, code))
            if owner and owner != term_id:
                entity.errors.append(
                    (
                        _join(path, "code"),
                        _("De code '{code}' is in deze taxonomie al van een andere categorie.").format(
                            code=code
                        ),
                    )
                )
            entity.claims.append(("term_codes", (taxonomy_id, code), term_id))
        values["id"] = term_id
        entity.rows.append(Row(m.TaxonomyTerm, values))
        return term_id

    def _taxonomy(self, mapped: Mapped, bag: Bag, raw: dict, path: str) -> uuid.UUID | None:
        key, entity = self._shared(mapped, bag, "taxonomy", raw, path)
        if key is None or entity is None:
            return key[1] if key else None
        taxonomy_id = key[1]
        values = self._fields(entity, m.Taxonomy, raw, path)
        values["code"] = self._unique_slug(
            entity,
            raw.get("hvhk_code"),
            values.get("name"),
            taxonomy_id,
            "taxonomy_codes",
            "taxonomy_code_of",
            _join(path, "hvhk_code"),
            max_length=60,
        )
        self._check(entity, m.Taxonomy, values, path)
        values["id"] = taxonomy_id
        entity.rows.append(Row(m.Taxonomy, values))
        return taxonomy_id

    def _area(self, bag: Bag, mapped: Mapped, raw: Any, path: str) -> uuid.UUID | None:
        """hvhk_area: an area of the network by its slug, or the whole area (created when new)."""
        if raw in (None, ""):
            return None
        if isinstance(raw, str):
            if raw not in self.areas:
                bag.errors.append(
                    (path, _("Het gebied '{slug}' bestaat niet in dit netwerk.").format(slug=raw))
                )
            return self.areas.get(raw)
        if not isinstance(raw, dict):
            bag.errors.append((path, _("Moet de korte naam van een gebied zijn of een object.")))
            return None
        slug = raw.get("slug")
        if not isinstance(slug, str) or not slug:
            bag.errors.append((_join(path, "slug"), _("Dit veld mag niet leeg zijn.")))
            return None
        area_id = self.areas.get(slug) or uuid.uuid5(uuid.NAMESPACE_URL, f"area:{self.network.pk}:{slug}")
        key = ("area", area_id)
        bag.shared.add(key)
        if key in mapped.new_shared or key in self.seen_shared:
            return area_id
        entity = Bag()
        mapped.new_shared[key] = entity
        self.seen_shared[key] = (digest(raw), mapped.index)
        values = self._fields(entity, Area, raw, path)
        for name in ("latitude", "longitude"):
            if isinstance(values.get(name), Decimal):
                values[name] = values[name].quantize(_COORDINATES, rounding=ROUND_HALF_UP)
        values["parent_id"] = self._area(entity, mapped, raw.get("parent"), _join(path, "parent"))
        self._check(entity, Area, values, path)
        values["id"] = area_id
        entity.rows.append(Row(Area, values))
        entity.claims.append(("areas", slug, area_id))
        return area_id

    # --- field level -----------------------------------------------------------------------------------------

    def _fields(self, bag: Bag, model, raw: dict, path: str) -> dict[str, Any]:
        values = {}
        for spec in _specs(model):
            with contextlib.suppress(_Invalid):
                values[spec.name] = self._value(bag, spec, raw.get(spec.key), path)
        return values

    def _value(self, bag: Bag, spec: "_Spec", raw: Any, path: str) -> Any:
        if raw is None or raw == "":
            if spec.empty_ok:
                return spec.empty  # the default, or blank: valid without checking
            raw = spec.empty
        elif not spec.accepts(raw):
            bag.errors.append((_join(path, spec.key), _type_problem(spec.field, raw)))
            raise _Invalid
        if spec.is_text and isinstance(raw, str) and len(raw) > MAX_TEXT_LENGTH:
            bag.errors.append(
                (
                    _join(path, spec.key),
                    _("Deze tekst is {length} tekens lang; het maximum is {limit}.").format(
                        length=f"{len(raw):,}".replace(",", "."),
                        limit=f"{MAX_TEXT_LENGTH:,}".replace(",", "."),
                    ),
                )
            )
            raise _Invalid
        if spec.is_decimal and isinstance(raw, int | float):
            raw = Decimal(repr(raw))  # 0.1 stays 0.1, not 0.1000000000000000055…
            if spec.name in ("latitude", "longitude"):
                raw = raw.quantize(_COORDINATES, rounding=ROUND_HALF_UP)
        try:
            return spec.field.clean(raw, None)
        except ValidationError as exc:
            bag.errors.append((_join(path, spec.key), " ".join(exc.messages)))
            raise _Invalid from None

    def _id(self, bag: Bag, raw: dict, key: str, path: str = "") -> uuid.UUID | None:
        value = raw.get(key)
        if key == "id" and value in (None, ""):
            bag.errors.append((_join(path, key), _("Dit veld is verplicht.")))
            return None
        if value in (None, ""):
            return None
        try:
            return uuid.UUID(str(value)) if isinstance(value, str) else _raise_value_error()
        except ValueError:
            bag.errors.append(
                (_join(path, key), _("Geen geldig id (een UUID), maar {value}.").format(value=_short(value)))
            )
            return None

    def _unique_id(self, bag: Bag, raw: dict, path: str) -> uuid.UUID | None:
        """The id of a row that has one place: the same id twice in a record is two rows claiming one identity."""
        row_id = self._id(bag, raw, "id", path)
        if row_id is not None and row_id in self._paths:
            bag.errors.append(
                (
                    _join(path, "id"),
                    _("Dit id staat ook op {other}; elk record heeft een eigen id.").format(
                        other=self._paths[row_id]
                    ),
                )
            )
            return None
        if row_id is not None:
            self._paths[row_id] = path
        return row_id

    def _datetime(self, bag: Bag, raw: Any, path: str) -> datetime | None:
        parsed = parse_datetime(raw) if isinstance(raw, str) else None
        if parsed is None:
            bag.errors.append(
                (path, _("Geen geldige datum en tijd (ISO 8601), maar {value}.").format(value=_short(raw)))
            )
            return None
        return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, timezone.utc)

    def _ages(self, bag: Bag, raw: dict) -> dict[str, Any]:
        """Ages in months: our extension when given (it can say "during pregnancy"), else HSDS years × 12."""
        values = {}
        for bound in ("minimum", "maximum"):
            months, years = raw.get(f"hvhk_{bound}_age_months"), raw.get(f"{bound}_age")
            key = f"hvhk_{bound}_age_months" if months is not None else f"{bound}_age"
            if months is None and years is not None:
                if isinstance(years, bool) or not isinstance(years, int | float):
                    bag.errors.append((key, _("Moet een getal zijn (jaren).")))
                    continue
                months = round(years * 12)
            with contextlib.suppress(_Invalid):
                values[f"{bound}_age_months"] = self._value(
                    bag, _Spec(m.Service, key, f"{bound}_age_months"), months, ""
                )
        return values

    def _delivery(self, bag: Bag, raw: Any) -> dict[str, bool]:
        names = ("at_location", "at_home", "online", "by_phone", "walk_in")
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            bag.errors.append(("hvhk_delivery", _("Moet een object zijn.")))
            return {}
        values = {}
        for name in names:
            value = raw.get(name, m.Service._meta.get_field(name).get_default())
            if not isinstance(value, bool):
                bag.errors.append((f"hvhk_delivery.{name}", _("Moet true of false zijn.")))
                continue
            values[name] = value
        return values

    def _translations(self, bag: Bag, raw: dict, key: str, path: str = "") -> dict:
        value = raw.get(key)
        if value in (None, ""):
            return {}
        if not isinstance(value, dict):
            bag.errors.append((_join(path, key), _("Moet een object zijn, per taal.")))
            return {}
        for language, texts in value.items():
            if isinstance(texts, dict):
                for field_name, text in texts.items():
                    if isinstance(text, str) and len(text) > MAX_TEXT_LENGTH:
                        bag.errors.append(
                            (
                                f"{_join(path, key)}.{language}.{field_name}",
                                _("Deze tekst is te lang; het maximum is {limit} tekens.").format(
                                    limit=MAX_TEXT_LENGTH
                                ),
                            )
                        )
        return value

    def _unique_slug(
        self, bag: Bag, given, name, owner_id, by_slug: str, by_id: str, path: str, max_length=80
    ):
        """A given slug must be free; without one we keep the record's current slug or derive one from the name."""
        taken: dict = getattr(self, by_slug)
        if given not in (None, ""):
            if not isinstance(given, str) or slugify(given) != given:
                bag.errors.append((path, _("Gebruik alleen kleine letters, cijfers en koppeltekens.")))
                return ""
            slug = given[:max_length]
            if taken.get(slug, owner_id) != owner_id:
                bag.errors.append((path, _("De korte naam '{slug}' is al in gebruik.").format(slug=slug)))
        else:
            slug = getattr(self, by_id).get(owner_id) or ""
            if not slug:
                base = slugify(str(name or ""))[: max_length - 4] or "item"
                slug, n = base, 2
                while taken.get(slug, owner_id) != owner_id:
                    slug, n = f"{base}-{n}", n + 1
        bag.claims.append((by_slug, slug, owner_id))
        bag.claims.append((by_id, owner_id, slug))
        return slug

    def _check(self, bag: Bag, model, values: dict, path: str) -> None:
        """The model's own rules across fields (clean()), without touching the database."""
        if model not in _HAS_RULES:
            return
        plain = {k: v for k, v in values.items() if not k.endswith("_id") and k != "updated_at"}
        try:
            model(**plain).clean()
        except ValidationError as exc:
            reverse = {"translations": "hvhk_translations"}
            reverse.update({name: key for key, name in _PLAIN.get(model, ())})
            if hasattr(exc, "error_dict"):
                for name, errors in exc.message_dict.items():
                    target = "" if name == "__all__" else reverse.get(name, name)
                    bag.errors.append((_join(path, target), " ".join(errors)))
            else:
                bag.errors.append((path, " ".join(exc.messages)))

    def _items(self, bag: Bag, raw: dict, key: str, path: str = ""):
        value = raw.get(key)
        if value is None:
            return
        if not isinstance(value, list):
            bag.errors.append((_join(path, key), _("Moet een lijst zijn ([...]).")))
            return
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item
            else:
                bag.errors.append((f"{_join(path, key)}[{i}]", _("Moet een object zijn ({...}).")))

    def _ignored(self, model, raw: dict) -> None:
        known = {key for key, _name in _PLAIN[model]} | _HANDLED.get(model, set())
        for key in raw:
            if key not in known:
                label = f"{model._meta.model_name}.{key}"
                self.ignored[label] = self.ignored.get(label, 0) + 1


class _Spec:
    """One plain field of a model as the mapper reads it, worked out once."""

    def __init__(self, model, key: str, name: str) -> None:
        self.key, self.name = key, name
        self.field = field = model._meta.get_field(name)
        self.is_text = isinstance(field, models.TextField)
        self.is_decimal = isinstance(field, models.DecimalField)
        if isinstance(field, models.JSONField):
            self.empty = {}
        elif field.has_default():
            self.empty = field.get_default()
        else:
            self.empty = None if field.null else ""
        self.empty_ok = field.has_default() or field.blank
        if isinstance(field, models.BooleanField):
            self.accepts = lambda raw: isinstance(raw, bool)
        elif isinstance(field, models.IntegerField):
            self.accepts = lambda raw: (
                not isinstance(raw, bool)
                and (isinstance(raw, int) or (isinstance(raw, float) and raw.is_integer()))
            )
        elif isinstance(field, models.FloatField | models.DecimalField):
            self.accepts = lambda raw: not isinstance(raw, bool) and isinstance(raw, int | float | Decimal)
        elif isinstance(field, models.JSONField):
            self.accepts = lambda raw: isinstance(raw, dict)
        else:
            self.accepts = lambda raw: isinstance(raw, str)


_SPECS: dict[type[models.Model], list[_Spec]] = {}


def _specs(model) -> list[_Spec]:
    if model not in _SPECS:
        _SPECS[model] = [_Spec(model, key, name) for key, name in _PLAIN[model]]
    return _SPECS[model]


# Models with rules across fields in clean() (or translations to check); the others need no instance.
_HAS_RULES = {model for model in _PLAIN if "clean" in vars(model) or issubclass(model, TranslatableModel)}


def _type_problem(model_field: models.Field, raw: Any) -> str | None:
    """Whether a JSON value has the wrong type for this field; None when it is fine."""
    if isinstance(model_field, models.BooleanField):
        ok = isinstance(raw, bool)
        expected = _("true of false")
    elif isinstance(model_field, models.IntegerField):
        ok = not isinstance(raw, bool) and (
            isinstance(raw, int) or (isinstance(raw, float) and raw.is_integer())
        )
        expected = _("een geheel getal")
    elif isinstance(model_field, models.FloatField | models.DecimalField):
        ok = not isinstance(raw, bool) and isinstance(raw, int | float | Decimal)
        expected = _("een getal")
    elif isinstance(model_field, models.JSONField):
        ok = isinstance(raw, dict)
        expected = _("een object")
    else:  # text, dates and times come as strings
        ok = isinstance(raw, str)
        expected = _("tekst")
    if ok:
        return None
    return _("Moet {expected} zijn, maar is {kind}.").format(expected=expected, kind=_json_kind(raw))


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float | Decimal):
        return _("een getal")
    if isinstance(value, str):
        return _("tekst")
    if isinstance(value, list):
        return _("een lijst")
    if isinstance(value, dict):
        return _("een object")
    return _("leeg")


def _short(value: Any) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def _join(path: str, key: str) -> str:
    if not key:
        return path
    return f"{path}.{key}" if path else key


def _raise_value_error():
    raise ValueError
