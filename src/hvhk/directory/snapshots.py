"""The editable content of a service, organisation or location as one JSON-ready dict (a *snapshot*).

The portal's forms read and write snapshots; a draft stores one; publishing applies it
(`directory.services.snapshots`). Comparing two snapshots gives the readable diff the coordinator reviews, down to
the changed words. Keeping one shape for all three makes a draft, its preview and its publication the same code
path. Nothing here writes.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from hvhk.directory import models as m
from hvhk.directory.default_taxonomy import LIFE_DOMAINS_CODE, TARGET_GROUPS_CODE

SERVICE_FIELDS = (
    "name", "alternate_name", "description", "status", "alert", "minimum_age_months", "maximum_age_months",
    "at_location", "at_home", "online", "by_phone", "walk_in", "application_process", "fees_description",
    "eligibility_description", "interpretation_services", "url", "email",
)  # fmt: skip
ORGANIZATION_FIELDS = ("name", "alternate_name", "description", "email", "website")
LOCATION_FIELDS = ("name", "description", "transportation", "latitude", "longitude")
ADDRESS_FIELDS = ("address_1", "postal_code", "city")
TRANSLATED = {"service": ("name", "description"), "organization": ("name", "description")}
LANGUAGES = ("en", "fr", "tr", "ar")
LINK_TYPES = {LIFE_DOMAINS_CODE: "life_domain", TARGET_GROUPS_CODE: "target_group"}
EMPTY = "—"  # how an empty value reads in the diff


def _text(value) -> str:
    return "" if value is None else str(value)


# --- services ------------------------------------------------------------------------------------------------


def service_snapshot(service: m.Service) -> dict:
    data = {name: getattr(service, name) for name in SERVICE_FIELDS}
    data["terms"] = sorted(str(a.taxonomy_term_id) for a in service.attributes.all())
    data["locations"] = sorted(str(sal.location_id) for sal in service.service_at_locations.all())
    data["costs"] = [
        {"kind": c.kind, "option": c.option, "amount": _text(c.amount)}
        for c in service.cost_options.order_by("kind", "option", "id")
    ]
    data["languages"] = sorted({lang.code for lang in service.languages.all() if lang.code})
    data["hours"] = [
        {
            "byday": s.byday,
            "opens_at": s.opens_at.strftime("%H:%M") if s.opens_at else "",
            "closes_at": s.closes_at.strftime("%H:%M") if s.closes_at else "",
            "description": s.description,
        }
        for s in service.schedules.order_by("opens_at", "byday", "id")
    ]
    data["pillars"] = sorted(str(p.pk) for p in service.pillars.all())
    data["translations"] = _translations(service.translations, TRANSLATED["service"])
    return data


def _translations(stored: dict | None, fields: tuple[str, ...]) -> dict:
    stored = stored or {}
    return {
        lang: {f: stored.get(lang, {}).get(f, "") for f in fields}
        for lang in LANGUAGES
        if any(stored.get(lang, {}).get(f) for f in fields)
    }


# --- organisations and locations -----------------------------------------------------------------------------


def organization_snapshot(organization: m.Organization) -> dict:
    data = {name: getattr(organization, name) for name in ORGANIZATION_FIELDS}
    data["translations"] = _translations(organization.translations, TRANSLATED["organization"])
    return data


def location_snapshot(location: m.Location) -> dict:
    data = {name: getattr(location, name) for name in LOCATION_FIELDS}
    data["latitude"], data["longitude"] = _text(location.latitude), _text(location.longitude)
    address = location.addresses.first()
    for name in ADDRESS_FIELDS:
        data[name] = getattr(address, name) if address else ""
    data["accessibility"] = sorted({a.feature for a in location.accessibility.all()})
    return data


# --- the readable difference -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A stretch of text in a word diff: "same", "del" (only before), "ins" (only after) or "gap" (unchanged
    text left out)."""

    kind: str
    text: str


@dataclass
class Change:
    label: str
    before: str
    after: str
    removed: list[Piece] = field(default_factory=list)  # `before`, its deleted words marked
    added: list[Piece] = field(default_factory=list)  # `after`, its added words marked


LABELS = {
    "name": _("Naam"),
    "alternate_name": _("Andere naam"),
    "description": _("Beschrijving"),
    "status": _("Status"),
    "alert": _("Melding bovenaan"),
    "minimum_age_months": _("Vanaf leeftijd (maanden)"),
    "maximum_age_months": _("Tot leeftijd (maanden)"),
    "at_location": _("Op een locatie"),
    "at_home": _("Aan huis"),
    "online": _("Online"),
    "by_phone": _("Telefonisch"),
    "walk_in": _("Binnenlopen zonder afspraak"),
    "application_process": _("Hoe aanmelden"),
    "fees_description": _("Kosten (uitleg)"),
    "eligibility_description": _("Voor wie"),
    "interpretation_services": _("Tolken"),
    "url": _("Website"),
    "email": _("E-mail"),
    "website": _("Website"),
    "terms": _("Levensdomeinen en doelgroepen"),
    "locations": _("Locaties"),
    "costs": _("Prijzen"),
    "languages": _("Talen"),
    "hours": _("Openingsuren"),
    "pillars": _("Pijlers"),
    "translations": _("Vertalingen"),
    "transportation": _("Bereikbaarheid"),
    "latitude": _("Breedtegraad"),
    "longitude": _("Lengtegraad"),
    "address_1": _("Straat en nummer"),
    "postal_code": _("Postcode"),
    "city": _("Plaats"),
    "accessibility": _("Toegankelijkheid"),
}


def diff(before: dict, after: dict, names: dict[str, str] | None = None, *, context: int = 6) -> list[Change]:
    """What changes, field by field, in words: ids become names (`names` maps id → name), and each change says
    which words go and which come (see word_diff)."""
    names = names or {}
    changes = []
    for key in after:
        old, new = before.get(key), after.get(key)
        if _same(old, new):
            continue
        shown_old, shown_new = _show(old, names), _show(new, names)
        removed, added = word_diff(
            "" if _empty(old) else shown_old, "" if _empty(new) else shown_new, context=context
        )
        changes.append(Change(str(LABELS.get(key, key)), shown_old, shown_new, removed, added))
    return changes


# --- the changed words -------------------------------------------------------------------------------------------

_WORD = re.compile(r"(\S+)(\s*)")


def word_diff(before: str, after: str, *, context: int = 6) -> tuple[list[Piece], list[Piece]]:
    """`before` with its deleted words marked and `after` with its added words marked (difflib on words).

    Unchanged stretches longer than twice `context` words keep `context` words next to each change and a gap
    for the rest, so a long description shows what changed, not all of it. Whitespace between words counts as
    no change. The pieces are plain text: the template escapes them.
    """
    if not before:
        return [Piece("same", EMPTY)], ([Piece("ins", after)] if after else [Piece("same", EMPTY)])
    if not after:
        return [Piece("del", before)], [Piece("same", EMPTY)]
    old, new = _WORD.findall(before), _WORD.findall(after)
    lead_old, lead_new = (
        before[: len(before) - len(before.lstrip())],
        after[: len(after) - len(after.lstrip())],
    )
    matcher = difflib.SequenceMatcher(None, [w for w, _ in old], [w for w, _ in new], autojunk=False)
    removed: list[list] = []  # [kind, tokens] runs, shortened below
    added: list[list] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            removed.append(["same", old[i1:i2]])
            added.append(["same", new[j1:j2]])
            continue
        if i2 > i1:
            removed.append(["del", old[i1:i2]])
        if j2 > j1:
            added.append(["ins", new[j1:j2]])
    return _pieces(removed, lead_old, context), _pieces(added, lead_new, context)


def _pieces(runs: list[list], lead: str, context: int) -> list[Piece]:
    pieces: list[Piece] = [Piece("same", lead)] if lead else []
    for n, (kind, tokens) in enumerate(runs):
        if kind == "same" and len(tokens) > 2 * context:
            first, last = n == 0, n == len(runs) - 1
            head = [] if first else tokens[:context]
            tail = [] if last else tokens[-context:]
            if head:
                pieces.append(Piece("same", _join(head)))
            pieces.append(Piece("gap", "…"))
            if tail:
                pieces.append(Piece("same", _join(tail)))
            continue
        text = _join(tokens)
        if kind == "same":
            pieces.append(Piece("same", text))
        else:  # the mark ends at the last word; the space after it is not part of the change
            stripped = text.rstrip()
            pieces.append(Piece(kind, stripped))
            if stripped != text:
                pieces.append(Piece("same", text[len(stripped) :]))
    return pieces


def _join(tokens: list[tuple[str, str]]) -> str:
    return "".join(word + space for word, space in tokens)


def _empty(value) -> bool:
    return value in (None, "", [], {})


def _same(old, new) -> bool:
    if _empty(old) and _empty(new):
        return True
    return _text(old) == _text(new) if not isinstance(new, list | dict) else old == new


def _show(value, names: dict[str, str]) -> str:
    if _empty(value):
        return EMPTY
    if isinstance(value, bool):
        return str(_("ja")) if value else str(_("nee"))
    if isinstance(value, list):
        return "; ".join(_show_item(item, names) for item in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{lang}: " + " / ".join(t for t in texts.values() if t)
            for lang, texts in value.items()
            if isinstance(texts, dict)
        )
    return names.get(str(value), str(value))


def _show_item(item, names: dict[str, str]) -> str:
    if isinstance(item, dict):
        return ", ".join(str(v) for v in item.values() if v not in (None, ""))
    return names.get(str(item), str(item))
