"""What a policy note says: per theme (in the note's order) the counted signals reported within the period, their
count and reporters, the sources, the partners that reported them (organisations, never people), the related
figures, anonymous quotes, the network's proposal and what the municipality answered before.

A draft's content follows the data; a final note reads from its `snapshot`, the same structure frozen when it was
finalised (JSON: codes, numbers and texts; labels are added when it is shown, in the reader's language). Any text
in which `find_personal_data` finds something personal is left out, so nothing personal can leak into the note.
"""

import datetime as dt
from collections import Counter

from django.db.models import Prefetch, QuerySet

from hvhk.core.lib.personal_data import find_personal_data
from hvhk.core.models import Network
from hvhk.referrals.models import AGE_CHOICES
from hvhk.signals.models import PolicyNote, PolicyNoteSection, Signal, Theme, ThemeAnswer, VoiceContribution

SNAPSHOT_VERSION = 1
AGE_LABELS = dict(AGE_CHOICES)
MAX_QUOTES = 8
QUOTED_CONTRIBUTIONS = (VoiceContribution.Status.SIGNAL, VoiceContribution.Status.LINKED)


def _clean(text: str | None) -> str:
    """`text` stripped, or "" when it looks like it holds personal data."""
    text = (text or "").strip()
    return "" if not text or find_personal_data(text) else text


def note_list(*, notes: QuerySet[PolicyNote]) -> QuerySet[PolicyNote]:
    """The notes a role may see (access.notes_for), newest period first, with their themes."""
    return notes.prefetch_related(
        Prefetch("sections", queryset=PolicyNoteSection.objects.select_related("theme").order_by("position"))
    ).order_by("-period_end", "-created_at")


def note_sections(*, note: PolicyNote) -> QuerySet[PolicyNoteSection]:
    return (
        PolicyNoteSection.objects.for_network(note.network)
        .filter(note=note)
        .select_related("theme")
        .order_by("position", "created_at")
    )


def note_signals(*, network: Network, theme: Theme, start: dt.date, end: dt.date) -> QuerySet[Signal]:
    """The theme's counted signals reported within the period."""
    return (
        Signal.objects.for_network(network)
        .filter(
            theme=theme,
            status__in=Signal.COUNTED,
            created_at__date__gte=start,
            created_at__date__lte=end,
        )
        .select_related("organization", "area")
        .order_by("created_at")
    )


def _figures(signals: list[Signal]) -> list[dict]:
    """The numbers the signals carry: families (estimated) and what the platform counted (`figures`, scalars)."""
    rows: list[dict] = []
    families = [s.families_estimate for s in signals if s.families_estimate]
    if families:
        rows.append({"kind": "families", "label": "", "value": sum(families)})
    for signal in signals:
        for key, value in sorted((signal.figures or {}).items()):
            if isinstance(value, bool) or not isinstance(value, int | float | str):
                continue
            label = _clean(str(key).replace("_", " "))
            text = _clean(str(value))[:200]
            if label and text:
                rows.append(
                    {"kind": "figure", "label": f"{_clean(signal.title) or '—'}: {label}", "value": text}
                )
    return rows


def _quotes(signals: list[Signal]) -> list[str]:
    quotes: list[str] = []
    for signal in signals:
        quotes.append(_clean(signal.evidence))
    contributions = (
        VoiceContribution.objects.filter(signal__in=[s.pk for s in signals], status__in=QUOTED_CONTRIBUTIONS)
        .order_by("created_at")
        .values_list("text", flat=True)
    )
    quotes.extend(_clean(text) for text in contributions)
    # A contribution made into a signal or linked to one is usually quoted in the signal's evidence already
    # (with who said it and when): it is not repeated.
    unique: list[str] = []
    for quote in quotes:
        if quote and not any(quote in earlier for earlier in unique):
            unique.append(quote)
    return unique[:MAX_QUOTES]


def theme_answers_before(*, theme: Theme, end: dt.date) -> list[dict]:
    answers = ThemeAnswer.objects.filter(theme=theme, answered_on__lte=end).order_by(
        "answered_on", "created_at"
    )
    return [
        {"answered_on": answer.answered_on.isoformat(), "answer": text}
        for answer in answers
        if (text := _clean(answer.answer))
    ]


def section_content(*, section: PolicyNoteSection, start: dt.date, end: dt.date) -> dict:
    """One theme of the note, as it reads now (JSON-ready)."""
    theme = section.theme
    signals = list(note_signals(network=section.network, theme=theme, start=start, end=end))
    sources = Counter(s.source for s in signals)
    ages = Counter(band for s in signals for band in s.age_bands or [])
    areas = Counter(s.area.name for s in signals if s.area_id)
    partners = sorted({s.organization.name for s in signals if s.organization_id})
    return {
        "theme_id": str(theme.pk),
        "title": theme.title,
        "description": _clean(theme.description),
        "text": _clean(section.text),
        "proposal": _clean(section.proposal) or _clean(theme.proposal),
        "signal_count": len(signals),
        "reporter_count": sum(s.reporter_count for s in signals),
        "signals": [title for s in signals if (title := _clean(s.title))],
        "sources": [{"code": code, "count": sources[code]} for code in Signal.Source.values if sources[code]],
        "partners": partners,
        "age_bands": [{"code": code, "count": ages[code]} for code in AGE_LABELS if ages[code]],
        "areas": [{"name": name, "count": count} for name, count in sorted(areas.items())],
        "figures": _figures(signals),
        "quotes": _quotes(signals),
        "answers": theme_answers_before(theme=theme, end=end),
    }


def note_content_build(*, note: PolicyNote) -> dict:
    """The note as it reads from the data now: what a draft shows and what finalising freezes."""
    return {
        "version": SNAPSHOT_VERSION,
        "network": note.network.name,
        "title": note.title,
        "addressee": _clean(note.addressee),
        "period_start": note.period_start.isoformat(),
        "period_end": note.period_end.isoformat(),
        "introduction": _clean(note.introduction),
        "closing": _clean(note.closing),
        "sections": [
            section_content(section=section, start=note.period_start, end=note.period_end)
            for section in note_sections(note=note)
        ],
    }


def _labelled(content: dict) -> dict:
    """`content` with labels (in the active language) and dates beside the codes, for the templates."""
    shown = {**content}
    shown["period_start"] = dt.date.fromisoformat(content["period_start"])
    shown["period_end"] = dt.date.fromisoformat(content["period_end"])
    sections = []
    for section in content.get("sections", []):
        section = {**section}
        section["sources"] = [
            {
                **row,
                "label": Signal.Source(row["code"]).label
                if row["code"] in Signal.Source.values
                else row["code"],
            }
            for row in section.get("sources", [])
        ]
        section["age_bands"] = [
            {**row, "label": AGE_LABELS.get(row["code"], row["code"])} for row in section.get("age_bands", [])
        ]
        section["answers"] = [
            {**row, "answered_on": dt.date.fromisoformat(row["answered_on"])}
            for row in section.get("answers", [])
        ]
        sections.append(section)
    shown["sections"] = sections
    return shown


def note_content(*, note: PolicyNote) -> dict:
    """What the note says, ready to show: the frozen snapshot of a final note, the live data of a draft."""
    if note.status == PolicyNote.Status.FINAL and note.snapshot:
        return _labelled(note.snapshot)
    return _labelled(note_content_build(note=note))


def answerable_notes(*, theme: Theme) -> QuerySet[PolicyNote]:
    """The final notes that carried `theme`: the municipality's answer can be linked to one of them."""
    return (
        PolicyNote.objects.for_network(theme.network)
        .filter(status=PolicyNote.Status.FINAL, sections__theme=theme)
        .order_by("-period_end")
        .distinct()
    )


def answers_to_note(*, note: PolicyNote) -> QuerySet[ThemeAnswer]:
    """What the municipality answered on this note (recorded after it was sent; not part of the snapshot)."""
    return (
        ThemeAnswer.objects.for_network(note.network)
        .filter(note=note)
        .select_related("theme")
        .order_by("answered_on", "created_at")
    )
