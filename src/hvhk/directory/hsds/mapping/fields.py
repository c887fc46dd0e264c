"""Plain fields: which HSDS key fills which model field, and how one value is checked and converted."""

import contextlib
import json
import uuid
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hvhk.core.models import Area
from hvhk.directory import models as m
from hvhk.directory.hsds.ids import copy_id
from hvhk.directory.hsds.mapping.records import Bag, _Invalid
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
        """id hvhk_source_id organization_id organization minimum_age maximum_age hvhk_minimum_age_months
        hvhk_maximum_age_months hvhk_delivery hvhk_translations last_modified phones schedules service_areas
        service_at_locations languages cost_options contacts attributes"""
    ),
    m.Organization: _words(
        """id hvhk_source_id hvhk_slug hvhk_translations hvhk_membership hvhk_houses parent_organization_id phones contacts
        locations organization_identifiers attributes"""
    ),
    m.Location: _words(
        "id hvhk_source_id organization_id hvhk_area languages addresses contacts accessibility phones schedules"
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


class FieldRules:
    """Reading single values of a record: types, lengths, ids, dates, ages, slugs and the models' own rules."""

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
        if _has_nul(raw):
            bag.errors.append(
                (
                    _join(path, spec.key),
                    _("Deze tekst bevat een nul-teken (\\u0000), dat niet bewaard kan worden. Haal het weg."),
                )
            )
            raise _Invalid
        if spec.is_decimal and isinstance(raw, int | float):
            raw = Decimal(repr(raw))  # 0.1 stays 0.1, not 0.1000000000000000055…
            if spec.name in ("latitude", "longitude") and abs(raw) <= 1000:  # (a larger one is refused below)
                raw = raw.quantize(_COORDINATES, rounding=ROUND_HALF_UP)
        if spec.text_limit and type(raw) is str and raw and len(raw) <= spec.text_limit:
            return raw  # what clean() would return (see _text_limit)
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
                if not -1 <= years <= 150:
                    bag.errors.append(
                        (key, _("Geen leeftijd in jaren: {value}.").format(value=_short(years)))
                    )
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
            if not self._same(taken.get(slug), owner_id):
                bag.errors.append((path, _("De korte naam '{slug}' is al in gebruik.").format(slug=slug)))
        else:
            slug = self._lookup(getattr(self, by_id), owner_id) or ""
            if not slug:
                base = slugify(str(name or ""))[: max_length - 4] or "item"
                slug, n = base, 2
                while not self._same(taken.get(slug), owner_id):
                    slug, n = f"{base}-{n}", n + 1
        bag.claims.append((by_slug, slug, owner_id))
        bag.claims.append((by_id, owner_id, slug))
        return slug

    def _same(self, local, source) -> bool:
        """Whether a record of this network (`local`, or None for none) is the one the file calls `source`:
        the same id, or this network's copy of it (hsds/ids.py)."""
        return local is None or local == source or local == copy_id(self.network.pk, source)

    def _lookup(self, by_id: dict, source):
        """A value the network keeps per record, found by the file's id (the record's own, or its copy's)."""
        found = by_id.get(source)
        return found if found is not None else by_id.get(copy_id(self.network.pk, source))

    def _check(self, bag: Bag, model, values: dict, path: str) -> None:
        """The model's own rules across fields (clean()), without touching the database."""
        if model not in _HAS_RULES:
            return
        plain = {k: v for k, v in values.items() if not k.endswith("_id") and k != "updated_at"}
        try:
            _instance(model, plain).clean()
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
        self.text_limit = _text_limit(field)
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


def _has_nul(raw: Any) -> bool:
    """A NUL character in a text, or in a text of an object: PostgreSQL refuses to store it."""
    if isinstance(raw, str):
        return "\x00" in raw
    if isinstance(raw, dict):
        return any(_has_nul(key) or _has_nul(value) for key, value in raw.items())
    if isinstance(raw, list):
        return any(_has_nul(value) for value in raw)
    return False


def _text_limit(field: models.Field) -> int | None:
    """For a plain text field (no choices, no rule but its length), the longest value
    clean() accepts as it is: a text that fits is taken without clean(), which cost a tenth of an import."""
    if type(field) not in (models.CharField, models.TextField) or field.choices:
        return None
    limit = MAX_TEXT_LENGTH
    for validator in field.validators:
        if type(validator) is validators.MaxLengthValidator:
            limit = min(limit, validator.limit_value)
        elif type(validator) is not validators.ProhibitNullCharactersValidator:
            return None
    return limit


_SPECS: dict[type[models.Model], list[_Spec]] = {}


def _instance(model: type[models.Model], values: dict[str, Any]) -> models.Model:
    """An unsaved instance with these values and the others' defaults, for clean(): made from one value per
    column (as Django loads a row), which took a third of the time that keyword arguments took."""
    defaults, position = _prototype(model)
    row = list(defaults)
    for name, value in values.items():
        at = position.get(name)
        if at is None:  # (not a column's own name: let Django sort it out)
            return model(**values)
        row[at] = value
    return model(*row)


@cache
def _prototype(model: type[models.Model]) -> tuple[tuple, dict[str, int]]:
    """Each column's default (computed once: clean() only reads them) and where each column is."""
    fields = model._meta.concrete_fields
    return tuple(field.get_default() for field in fields), {
        field.attname: i for i, field in enumerate(fields)
    }


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
