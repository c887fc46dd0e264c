"""Entities that recur across records: organisations (with their places, membership and houses), locations,
taxonomy terms, taxonomies and areas. The first copy in a file is mapped; an identical later copy is skipped."""

import uuid
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hvhk.core.models import Area
from hvhk.directory import models as m
from hvhk.directory.hsds.ids import copy_id
from hvhk.directory.hsds.mapping.fields import _COORDINATES, _join
from hvhk.directory.hsds.mapping.records import Bag, Mapped, Row, digest

# A term that names no taxonomy at all goes here (HSDS allows it; every category of ours has a taxonomy).
OTHER_TAXONOMY = "Overige categorieën"


class SharedEntities:
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
        values["id"] = self._lookup(self.memberships, org_id) or uuid.uuid5(
            uuid.NAMESPACE_URL, f"membership:{org_id}"
        )
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
            if not self._same(owner, house_id):
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
        elif term is None and raw.get("taxonomy_term_id") in (None, ""):
            bag.errors.append(
                (
                    _join(path, "taxonomy_term_id"),
                    _("Een kenmerk hoort bij een categorie: geef taxonomy_term of taxonomy_term_id."),
                )
            )
        elif term is not None:
            bag.errors.append((_join(path, "taxonomy_term"), _("Moet een object zijn.")))
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
            elif "taxonomy_id" not in raw or raw["taxonomy_id"] in (None, ""):
                # HSDS lets a term name its taxonomy in words only (`taxonomy`), or not at all.
                taxonomy_id = self._named_taxonomy(
                    mapped, entity, raw.get("taxonomy"), _join(path, "taxonomy")
                )
        values["taxonomy_id"] = taxonomy_id
        parent = self._id(entity, raw, "parent_id", path)
        values["parent_id"] = parent
        if parent:
            entity.deferred.append(
                (m.TaxonomyTerm, parent, _join(path, "parent_id"), m.TaxonomyTerm, term_id)
            )
        code = (
            raw.get("code")
            or self._lookup(self.term_code_of, term_id)
            or slugify(str(values.get("name") or ""))[:80]
        )
        values["code"] = code
        self._check(entity, m.TaxonomyTerm, values, path)
        if taxonomy_id and code:
            owner = self.term_codes.get((taxonomy_id, code)) or self.term_codes.get(
                (copy_id(self.network.pk, taxonomy_id), code)
            )
            if not self._same(owner, term_id):
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
        if isinstance(values.get("name"), str):
            entity.claims.append(("taxonomy_names", values["name"].casefold(), taxonomy_id))
        values["id"] = taxonomy_id
        entity.rows.append(Row(m.Taxonomy, values))
        return taxonomy_id

    def _named_taxonomy(self, mapped: Mapped, bag: Bag, name: Any, path: str) -> uuid.UUID | None:
        """The network's taxonomy of this name (made when it has none); without a name, "Overige categorieën"."""
        if name in (None, ""):
            name = OTHER_TAXONOMY
        if not isinstance(name, str):
            bag.errors.append((path, _("Moet tekst zijn: de naam van de taxonomie.")))
            return None
        name = name.strip()
        try:
            m.Taxonomy._meta.get_field("name").clean(name, None)
        except ValidationError as exc:
            bag.errors.append((path, " ".join(exc.messages)))
            return None
        known = self.taxonomy_names.get(name.casefold())
        if known:
            return known
        taxonomy_id = uuid.uuid5(uuid.NAMESPACE_URL, f"taxonomy:{self.network.pk}:{name.casefold()}")
        key = ("taxonomy", taxonomy_id)
        bag.shared.add(key)
        if key in mapped.new_shared or key in self.seen_shared:
            return taxonomy_id
        entity = Bag()
        mapped.new_shared[key] = entity
        self.seen_shared[key] = (digest({"taxonomy": name}), mapped.index)
        code = self._unique_slug(
            entity, None, name, taxonomy_id, "taxonomy_codes", "taxonomy_code_of", path, max_length=60
        )
        description = _("Categorieën die een HSDS-bestand onder deze naam gaf.")
        entity.rows.append(
            Row(m.Taxonomy, {"id": taxonomy_id, "name": name, "code": code, "description": description})
        )
        entity.claims.append(("taxonomy_names", name.casefold(), taxonomy_id))
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
