"""The Mapper: one service record and its nested children, with what earlier records of the file claimed."""

import uuid
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.core.models import Area, Network
from hvhk.directory import models as m
from hvhk.directory.hsds.mapping.fields import _LINK, FieldRules, _join, _json_kind
from hvhk.directory.hsds.mapping.records import Bag, Mapped, Problem, Row
from hvhk.directory.hsds.mapping.shared import SharedEntities


class Mapper(SharedEntities, FieldRules):
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
        self.taxonomy_names = {
            name.casefold(): taxonomy_id
            for taxonomy_id, name in m.Taxonomy.objects.for_network(network).values_list("id", "name")
        }
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
        if org_id is None and organization is None and raw.get("organization_id") in (None, ""):
            # HSDS allows a service without one; here every service belongs to a partner organisation.
            bag.errors.append(
                (
                    "organization_id",
                    _("Elk aanbod hoort bij een organisatie: geef organization of organization_id."),
                )
            )
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
