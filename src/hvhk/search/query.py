"""A visitor's search as plain data: parsed from the URL once, used by the results page, the API and referrals.

Bad values never raise: they are dropped and reported as `problems` (shown to the visitor in plain words).
"""

import math
import re
from dataclasses import dataclass, field, replace

from django.http import QueryDict
from django.utils.translation import gettext as _

from hvhk.core.lib.text import without_control_characters
from hvhk.core.models import Network
from hvhk.core.selectors import area_for_postcode
from hvhk.search.understanding import age_months as _age_months
from hvhk.search.understanding import understand

MAX_QUERY_LENGTH = 200
PER_PAGE = 20
RADIUS_CHOICES = (1, 2, 5, 10, 25)
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WHEN_CHOICES = (*DAYS, "evening", "weekend")
HOW_CHOICES = ("location", "home", "online", "phone")
COST_CHOICES = ("free", "reduced", "paid")
SORT_CHOICES = ("relevance", "distance", "name")
# AGE_RULE: ages are in months, negative during the pregnancy (-9 is its start, 0 is birth). A service's
# minimum is inclusive and its maximum is not: a service "tot 6 jaar" (maximum_age_months 72) is for children
# who have not turned 6 yet, so "2 tot 6 jaar" (24, 72) shows under "3 tot 6 jaar" and not under "6 tot 12
# jaar". A filter is a range of months with both ends inclusive; a service shows when it takes a child of at
# least one of those months: minimum <= filter's last month and maximum > filter's first month (docs/hsds.md).
# Quick age choices on the home page: value -> (from month, to month), both inclusive.
AGE_BANDS = {
    "zwanger": (-9, -1),
    "0-3": (0, 35),
    "3-6": (36, 71),
    "6-12": (72, 143),
    "12-18": (144, 215),
    "18-24": (216, 287),
}
MAX_AGE_YEARS = 30
NO_FILTER = "-"  # "age=-" / "area=-": none, and none read from the question either (its chip was removed)
INFERRED = ("age", "area")  # the filters a question can set itself


@dataclass(frozen=True)
class ServiceQuery:
    text: str = ""
    age: str = ""  # "zwanger", a band "3-6", or whole years "14"
    age_months: tuple[int, int] | None = None
    domains: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    area: str = ""
    postcode: str = ""
    near: str = ""  # "lat,lon" from the visitor's device
    origin: tuple[float, float] | None = None
    origin_label: str = ""
    radius_km: int | None = None
    costs: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    when: tuple[str, ...] = ()
    how: tuple[str, ...] = ()
    walk_in: bool = False
    wheelchair: bool = False
    sort: str = ""
    terms: str | None = (
        None  # the words searched: the text without the age and place it named (None: the text)
    )
    inferred: tuple[str, ...] = ()  # filters read from the text (INFERRED), not asked for in the URL
    kept_off: tuple[str, ...] = ()  # filters the visitor removed: not read from the text again
    problems: tuple[str, ...] = field(default=(), compare=False)

    @property
    def search_text(self) -> str:
        return self.text if self.terms is None else self.terms

    @property
    def effective_sort(self) -> str:
        if self.sort == "distance" and not self.origin:
            return "relevance" if self.search_text else "name"
        if self.sort:
            return "relevance" if self.sort == "relevance" and not self.search_text else self.sort
        if self.origin:
            return "distance"
        return "relevance" if self.search_text else "name"

    @property
    def has_filters(self) -> bool:
        return bool(
            self.age_months
            or self.domains
            or self.groups
            or self.area
            or self.origin
            or self.costs
            or self.languages
            or self.when
            or self.how
            or self.walk_in
            or self.wheelchair
        )

    def without(self, **changes) -> "ServiceQuery":
        return replace(self, **changes)

    def as_asked(self) -> "ServiceQuery":
        """The search without the filters read from its text (only what the visitor chose)."""
        changes: dict = {"inferred": ()}
        if "age" in self.inferred:
            changes.update(age="", age_months=None)
        if "area" in self.inferred:
            changes["area"] = ""
        return replace(self, **changes)


def _ages(value: str) -> tuple[int, int] | None:
    if value in AGE_BANDS:
        return AGE_BANDS[value]
    return _age_months(value)


def _many(params: QueryDict, name: str, allowed, problems: list[str], label: str) -> tuple[str, ...]:
    values = []
    for raw in params.getlist(name):
        for value in raw.split(","):
            value = value.strip()
            if not value:
                continue
            if value in allowed:
                if value not in values:
                    values.append(value)
            else:
                problems.append(
                    _("We kennen %(label)s '%(value)s' niet en zoeken zonder.")
                    % {"label": label, "value": value[:30]}
                )
    return tuple(values)


def _near(value: str) -> tuple[float, float] | None:
    match = re.fullmatch(r"\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*", value)
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
        return None
    return lat, lon


def parse_service_query(
    params: QueryDict,
    *,
    network: Network,
    domain_codes,
    group_codes,
    area_slugs,
    language_codes,
    area_names: dict[str, str] | None = None,
) -> ServiceQuery:
    """Read the search from URL parameters; unknown values are dropped with a message. An age or a place the
    text names (search.understanding; `area_names`: slug -> name) becomes the filter unless one is asked for or
    the visitor removed it."""
    problems: list[str] = []
    kept_off = tuple(name for name in INFERRED if params.get(name, "").strip() == NO_FILTER)
    text = " ".join(without_control_characters(params.get("q", "")).split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0]
        problems.append(_("Je zoekvraag was erg lang. We zochten met het begin ervan."))

    age = params.get("age", "").strip()
    age = "" if age == NO_FILTER else age
    age_months = _ages(age) if age else None
    if age and age_months is None:
        problems.append(
            _("We begrijpen de leeftijd '%(value)s' niet en zoeken zonder.") % {"value": age[:30]}
        )
        age = ""

    area = params.get("area", "").strip()
    area = "" if area == NO_FILTER else area
    if area and area not in area_slugs:
        problems.append(_("We kennen de gemeente '%(value)s' niet en zoeken zonder.") % {"value": area[:30]})
        area = ""

    origin = None
    origin_label = ""
    postcode = params.get("postcode", "").strip()
    near = params.get("near", "").strip()
    if near:
        origin = _near(near)
        if origin is None:
            problems.append(_("We konden je locatie niet lezen en zoeken zonder."))
            near = ""
        else:
            origin_label = _("je locatie")
    if postcode and origin is None:
        found = area_for_postcode(network=network, postcode=postcode)
        if found is None or found.latitude is None:
            problems.append(
                _("We kennen postcode '%(value)s' niet in dit netwerk. Kies een gemeente uit de lijst.")
                % {"value": postcode[:10]}
            )
            postcode = ""
        else:
            origin = (float(found.latitude), float(found.longitude))
            origin_label = f"{postcode} {found.name}"
    elif postcode:
        postcode = ""

    radius_km = None
    radius = params.get("radius", "").strip()
    if radius:
        if radius.isdigit() and int(radius) in RADIUS_CHOICES:
            radius_km = int(radius) if origin else None
        else:
            problems.append(_("Kies een afstand uit de lijst."))

    sort = params.get("sort", "").strip()
    if sort and sort not in SORT_CHOICES:
        problems.append(_("We kennen die sortering niet en sorteren op de gewone manier."))
        sort = ""

    terms, inferred = None, []
    if text:
        understood = understand(text, areas={k: v for k, v in (area_names or {}).items() if k in area_slugs})
        terms = understood.terms
        if understood.age and not age and "age" not in kept_off:
            age, age_months = understood.age, understood.age_months
            inferred.append("age")
        if understood.area and not area and "area" not in kept_off:
            area = understood.area
            inferred.append("area")

    return ServiceQuery(
        text=text,
        age=age,
        age_months=age_months,
        domains=_many(params, "domain", domain_codes, problems, _("het levensdomein")),
        groups=_many(params, "group", group_codes, problems, _("de doelgroep")),
        area=area,
        postcode=postcode,
        near=near if origin and not postcode else "",
        origin=origin,
        origin_label=origin_label,
        radius_km=radius_km,
        costs=_many(params, "cost", COST_CHOICES, problems, _("de prijs")),
        languages=_many(params, "lang", language_codes, problems, _("de taal")),
        when=_many(params, "when", WHEN_CHOICES, problems, _("het moment")),
        how=_many(params, "how", HOW_CHOICES, problems, _("de manier")),
        walk_in=params.get("walkin") == "1",
        wheelchair=params.get("wheelchair") == "1",
        sort=sort,
        terms=terms,
        inferred=tuple(inferred),
        kept_off=kept_off,
        problems=tuple(problems),
    )


def understood_query(text: str, *, areas: dict[str, str]) -> ServiceQuery:
    """A search by words alone as the results page reads it: the age and place it names become filters."""
    params = QueryDict(mutable=True)
    params["q"] = text
    return parse_service_query(
        params,
        network=None,
        domain_codes=(),
        group_codes=(),
        area_slugs=set(areas),
        language_codes=(),
        area_names=areas,
    )


def query_params(query: ServiceQuery, **overrides) -> list[tuple[str, str]]:
    """The URL parameters that reproduce `query` (for links, chips and pagination)."""
    q = replace(query, **overrides) if overrides else query
    pairs: list[tuple[str, str]] = []
    if q.text:
        pairs.append(("q", q.text))
    if q.age and "age" not in q.inferred:
        pairs.append(("age", q.age))
    elif "age" in q.kept_off:
        pairs.append(("age", NO_FILTER))
    pairs += [("domain", v) for v in q.domains]
    pairs += [("group", v) for v in q.groups]
    if q.area and "area" not in q.inferred:
        pairs.append(("area", q.area))
    elif "area" in q.kept_off:
        pairs.append(("area", NO_FILTER))
    if q.postcode:
        pairs.append(("postcode", q.postcode))
    if q.near:
        pairs.append(("near", q.near))
    if q.radius_km and (q.postcode or q.near):
        pairs.append(("radius", str(q.radius_km)))
    pairs += [("cost", v) for v in q.costs]
    pairs += [("lang", v) for v in q.languages]
    pairs += [("when", v) for v in q.when]
    pairs += [("how", v) for v in q.how]
    if q.walk_in:
        pairs.append(("walkin", "1"))
    if q.wheelchair:
        pairs.append(("wheelchair", "1"))
    if q.sort:
        pairs.append(("sort", q.sort))
    return pairs
