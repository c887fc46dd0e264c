"""Reads of the signals register: the list a role works with (with its filters), one signal with its trail, the
themes with what they bundle, and the counts the analyst sees (no texts).

Every read starts from the network (`access.signals_for` / `themes_for`, or `for_network`)."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from hvhk.accounts.access import ActiveRole
from hvhk.accounts.models import User
from hvhk.core.models import Network
from hvhk.referrals.models import AGE_CHOICES
from hvhk.signals.models import Signal, SignalEvent, Theme, ThemeAnswer, VoiceContribution
from hvhk.signals.models.signals import TargetGroup
from hvhk.signals.selectors.access import signals_for

S = Signal.Status
OPEN_FILTER = "open"
NO_THEME = "none"
AGE_LABELS = dict(AGE_CHOICES)


def signal_list(
    *,
    role: ActiveRole,
    user: User,
    status: str = "",
    theme: str = "",
    life_domain: str = "",
    area: str = "",
    source: str = "",
    target_group: str = "",
    q: str = "",
) -> QuerySet[Signal]:
    """The signals `role` works with, newest first. `status` is a Signal.Status, "open" (Signal.OPEN) or empty:
    then proposals from the figures and merged signals are left out (ask for their status to see them). `theme`
    is a theme id or "none"; `q` searches title and description."""
    signals = signals_for(role=role, user=user).select_related("theme", "organization", "area", "life_domain")
    if status == OPEN_FILTER:
        signals = signals.filter(status__in=Signal.OPEN)
    elif status in S.values:
        signals = signals.filter(status=status)
    else:
        signals = signals.exclude(status__in=(S.PROPOSED, S.MERGED))
    if theme == NO_THEME:
        signals = signals.filter(theme__isnull=True)
    elif theme:
        signals = signals.filter(theme_id=theme)
    if life_domain:
        signals = signals.filter(life_domain_id=life_domain)
    if area:
        signals = signals.filter(area_id=area)
    if source in Signal.Source.values:
        signals = signals.filter(source=source)
    if target_group in TargetGroup.values:
        # The JSON list holds the code in quotes on both databases: '"newcomers"' matches only that code.
        signals = signals.filter(target_groups__icontains=f'"{target_group}"')
    q = (q or "").strip()
    if q:
        signals = signals.filter(Q(title__icontains=q) | Q(description__icontains=q))
    return signals.order_by("-created_at")


@dataclass
class SignalDetail:
    signal: Signal
    events: list[SignalEvent]
    merged: list[Signal]
    contributions: list[VoiceContribution]


def signal_detail(*, signal: Signal) -> SignalDetail:
    """A signal's trail (oldest first), the duplicates merged into it and the parents' contributions that feed
    it (linked to it or turned into it)."""
    events = list(
        SignalEvent.objects.for_network(signal.network)
        .filter(signal=signal)
        .select_related("user", "related_signal")
        .order_by("created_at")
    )
    merged = list(
        Signal.objects.for_network(signal.network)
        .filter(merged_into=signal)
        .select_related("organization")
        .order_by("created_at")
    )
    contributions = list(
        VoiceContribution.objects.for_network(signal.network)
        .filter(
            signal=signal,
            status__in=(VoiceContribution.Status.LINKED, VoiceContribution.Status.SIGNAL),
        )
        .select_related("life_domain", "area")
        .order_by("created_at")
    )
    return SignalDetail(signal=signal, events=events, merged=merged, contributions=contributions)


def merge_targets(*, signal: Signal) -> QuerySet[Signal]:
    """The open signals of `signal`'s network it could be merged into (not itself)."""
    return (
        Signal.objects.for_network(signal.network)
        .filter(status__in=Signal.OPEN)
        .exclude(pk=signal.pk)
        .order_by("title")
    )


# --- themes ----------------------------------------------------------------------------------------------------


@dataclass
class ThemeRow:
    """A theme with what its counted signals (Signal.COUNTED) add up to."""

    theme: Theme
    signal_count: int = 0
    reporter_count: int = 0
    families_estimate: int = 0
    partners: list[str] = field(default_factory=list)
    age_bands: list[tuple[str, int]] = field(default_factory=list)  # (label, signals), most first
    areas: list[tuple[str, int]] = field(default_factory=list)


def _rows(themes: list[Theme], network: Network) -> list[ThemeRow]:
    rows = {theme.pk: ThemeRow(theme=theme) for theme in themes}
    if not rows:
        return []
    signals = (
        Signal.objects.for_network(network)
        .filter(theme_id__in=rows, status__in=Signal.COUNTED)
        .values_list(
            "theme_id", "reporter_count", "families_estimate", "organization__name", "age_bands", "area__name"
        )
    )
    partners: dict = {pk: set() for pk in rows}
    ages: dict = {pk: Counter() for pk in rows}
    areas: dict = {pk: Counter() for pk in rows}
    for theme_id, reporters, families, partner, bands, area in signals:
        row = rows[theme_id]
        row.signal_count += 1
        row.reporter_count += reporters
        row.families_estimate += families or 0
        if partner:
            partners[theme_id].add(partner)
        ages[theme_id].update(str(AGE_LABELS.get(band, band)) for band in bands or [])
        if area:
            areas[theme_id][area] += 1
    for pk, row in rows.items():
        row.partners = sorted(partners[pk], key=str.lower)
        row.age_bands = sorted(ages[pk].items(), key=lambda item: (-item[1], item[0]))
        row.areas = sorted(areas[pk].items(), key=lambda item: (-item[1], item[0]))
    return list(rows.values())


def theme_overview(*, network: Network) -> list[ThemeRow]:
    """Every theme of `network` with its counted signals, reporters, partners, estimated families, age bands and
    areas (two queries whatever the number of themes)."""
    themes = list(Theme.objects.for_network(network).select_related("body").order_by("title"))
    return _rows(themes, network)


def theme_row(*, theme: Theme) -> ThemeRow:
    return _rows([theme], theme.network)[0]


@dataclass
class ThemeDetail:
    row: ThemeRow
    signals: list[Signal]  # what the role may open
    hidden_count: int  # counted signals of the theme the role does not see one by one
    figures: list[tuple[Signal | None, list[tuple[str, object]]]]  # (signal if the role may open it, figures)
    answers: list[ThemeAnswer]


def theme_detail(*, theme: Theme, role: ActiveRole, user: User) -> ThemeDetail:
    """A theme for one role: its totals (every counted signal), the signals the role may open, the figures of
    signals the platform proposed, and what the municipality answered."""
    row = theme_row(theme=theme)
    signals = list(
        signals_for(role=role, user=user)
        .filter(theme=theme)
        .exclude(status__in=(S.PROPOSED, S.MERGED))
        .select_related("organization", "area", "life_domain")
        .order_by("-created_at")
    )
    seen = sum(1 for s in signals if s.status in Signal.COUNTED)
    counted_with_figures = (
        Signal.objects.for_network(theme.network)
        .filter(theme=theme, status__in=Signal.COUNTED)
        .exclude(figures={})
        .order_by("-created_at")
    )
    visible = {s.pk for s in signals}
    figures = []
    for signal in counted_with_figures:
        items = [
            (str(key), value)
            for key, value in (signal.figures.items() if isinstance(signal.figures, dict) else [])
            if not isinstance(value, (dict, list))
        ]
        if items:
            # The title only for who may open the signal; the numbers are for everyone who sees the theme.
            figures.append((signal if signal.pk in visible else None, items))
    answers = list(ThemeAnswer.objects.for_network(theme.network).filter(theme=theme).select_related("note"))
    return ThemeDetail(
        row=row,
        signals=signals,
        hidden_count=max(0, row.signal_count - seen),
        figures=figures,
        answers=answers,
    )


# --- counts (the analyst) -------------------------------------------------------------------------------------


@dataclass
class SignalCounts:
    total: int
    per_status: list[tuple[str, int]]  # (label, count) in the order of Signal.Status
    per_theme: list[tuple[str, int]]  # counted signals, most first; signals without a theme last
    per_life_domain: list[tuple[str, int]]


def signal_counts(*, network: Network) -> SignalCounts:
    """How many signals `network` has per status, and how many counted signals (Signal.COUNTED) per theme and per
    life domain. Numbers only, no texts of signals."""
    signals = Signal.objects.for_network(network)
    by_status = dict(signals.values_list("status").annotate(n=Count("pk")).order_by())
    counted = signals.filter(status__in=Signal.COUNTED)
    by_theme = counted.values_list("theme__title").annotate(n=Count("pk")).order_by()
    by_domain = counted.values_list("life_domain__name").annotate(n=Count("pk")).order_by()

    def ordered(pairs, none_label: str) -> list[tuple[str, int]]:
        named = sorted(((name, n) for name, n in pairs if name), key=lambda item: (-item[1], item[0]))
        missing = sum(n for name, n in pairs if not name)
        return named + ([(none_label, missing)] if missing else [])

    return SignalCounts(
        total=sum(by_status.values()),
        per_status=[(str(label), by_status.get(value, 0)) for value, label in S.choices],
        per_theme=ordered(list(by_theme), _("zonder thema")),
        per_life_domain=ordered(list(by_domain), _("zonder levensdomein")),
    )
