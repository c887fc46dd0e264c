"""Writes of the policy note: the coordinator (or a trekker) picks themes and a period, edits the text blocks and
the order, and finalises it (the content is frozen, the themes and their signals go to policy); later the
municipality's answer is recorded on each theme (the theme and its signals become "answered").

Every function checks the person who acts (`access.can_triage`), runs in one transaction, calls `full_clean()`
before saving, refuses personal data (e-mail, phone, national register number) in every free text with a message
that says what was found, and writes a SignalEvent for every signal it changes. A final note is not edited again.
"""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.models import User
from hvhk.core.lib.personal_data import free_text_errors, personal_data_kinds
from hvhk.core.models import Network
from hvhk.signals.models import PolicyNote, PolicyNoteSection, Signal, SignalEvent, Theme, ThemeAnswer
from hvhk.signals.selectors.access import can_triage
from hvhk.signals.selectors.notes import note_content_build, note_signals
from hvhk.signals.services.events import signal_event_record

UP, DOWN = "up", "down"


def _require_triager(user: User | None, network) -> None:
    if not can_triage(user, network=network):
        raise PermissionDenied("Only the coordinator or a trekker writes policy notes")


def _check_texts(texts: dict[str, str], model) -> None:
    """Refuse texts that are too long or that look like they hold someone's contact details or national register
    number."""
    errors = free_text_errors(
        texts,
        model,
        found_message=_(
            "Deze tekst lijkt %(kinds)s te bevatten. Een beleidsnota noemt geen gegevens van personen: "
            "haal het weg en probeer opnieuw."
        ),
    )
    if errors:
        raise ValidationError(errors)


def _locked_draft(note: PolicyNote) -> PolicyNote:
    note = PolicyNote.objects.select_for_update().get(pk=note.pk)
    if note.status != PolicyNote.Status.DRAFT:
        raise ValidationError(_("Deze nota is definitief en kan niet meer aangepast worden."))
    return note


def _clean_text(value: str | None) -> str:
    return (value or "").strip()


def _renumber(note: PolicyNote) -> None:
    """Positions 1, 2, 3 … in the current order: unique and without gaps."""
    for position, section in enumerate(note.sections.order_by("position", "created_at"), start=1):
        if section.position != position:
            section.position = position
            section.save(update_fields=["position", "updated_at"])


def _themes_of(network: Network, themes: Iterable[Theme]) -> list[Theme]:
    chosen: list[Theme] = []
    for theme in themes:
        if theme.network_id != network.pk:
            raise ValidationError({"themes": _("Kies alleen thema's van je eigen netwerk.")})
        if theme.pk not in {t.pk for t in chosen}:
            chosen.append(theme)
    if not chosen:
        raise ValidationError({"themes": _("Kies minstens één thema.")})
    return chosen


def _section(note: PolicyNote, theme: Theme, position: int) -> PolicyNoteSection:
    proposal = theme.proposal if not personal_data_kinds(theme.proposal or "") else ""
    section = PolicyNoteSection(
        network_id=note.network_id, note=note, theme=theme, position=position, proposal=proposal
    )
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def policy_note_create(
    *,
    network: Network,
    title: str,
    period_start: dt.date,
    period_end: dt.date,
    themes: Iterable[Theme],
    acting_user: User | None,
    addressee: str | None = None,
    introduction: str = "",
) -> PolicyNote:
    """A draft note over a period with one section per theme (in the order given), each with the theme's
    proposal copied as a start."""
    _require_triager(acting_user, network)
    texts = {"title": _clean_text(title), "introduction": _clean_text(introduction)}
    if addressee is not None:
        texts["addressee"] = _clean_text(addressee)
    _check_texts(texts, PolicyNote)
    chosen = _themes_of(network, themes)
    note = PolicyNote(
        network=network,
        period_start=period_start,
        period_end=period_end,
        created_by=acting_user,
        **texts,
    )
    note.full_clean()
    note.save()
    for position, theme in enumerate(chosen, start=1):
        _section(note, theme, position)
    return note


@transaction.atomic
def policy_note_update(
    *,
    note: PolicyNote,
    title: str,
    period_start: dt.date,
    period_end: dt.date,
    addressee: str,
    introduction: str,
    closing: str,
    acting_user: User | None,
) -> PolicyNote:
    """Change a draft's title, period, addressee, introduction and closing."""
    _require_triager(acting_user, note.network_id)
    note = _locked_draft(note)
    texts = {
        "title": _clean_text(title),
        "addressee": _clean_text(addressee),
        "introduction": _clean_text(introduction),
        "closing": _clean_text(closing),
    }
    _check_texts(texts, PolicyNote)
    for field, value in texts.items():
        setattr(note, field, value)
    note.period_start, note.period_end = period_start, period_end
    note.full_clean()
    note.save()
    return note


def _locked_section(section: PolicyNoteSection) -> tuple[PolicyNote, PolicyNoteSection]:
    note = _locked_draft(section.note)
    return note, PolicyNoteSection.objects.select_for_update().get(pk=section.pk, note=note)


@transaction.atomic
def policy_note_section_update(
    *, section: PolicyNoteSection, text: str, proposal: str, acting_user: User | None
) -> PolicyNoteSection:
    """Change the text and the network's proposal of one theme in a draft."""
    _require_triager(acting_user, section.network_id)
    _note, section = _locked_section(section)
    texts = {"text": _clean_text(text), "proposal": _clean_text(proposal)}
    _check_texts(texts, PolicyNoteSection)
    section.text, section.proposal = texts["text"], texts["proposal"]
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def policy_note_section_move(
    *, section: PolicyNoteSection, direction: str, acting_user: User | None
) -> PolicyNoteSection:
    """Move a theme one place up or down in a draft (the first stays first when moved up)."""
    _require_triager(acting_user, section.network_id)
    if direction not in (UP, DOWN):
        raise ValidationError(_("Kies omhoog of omlaag."))
    note, section = _locked_section(section)
    _renumber(note)
    ordered = list(note.sections.order_by("position"))
    index = next(i for i, s in enumerate(ordered) if s.pk == section.pk)
    other = index - 1 if direction == UP else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, row in enumerate(ordered, start=1):
            if row.position != position:
                row.position = position
                row.save(update_fields=["position", "updated_at"])
    section.refresh_from_db()
    return section


@transaction.atomic
def policy_note_section_add(*, note: PolicyNote, theme: Theme, acting_user: User | None) -> PolicyNoteSection:
    """Add a theme at the end of a draft."""
    _require_triager(acting_user, note.network_id)
    note = _locked_draft(note)
    if theme.network_id != note.network_id:
        raise ValidationError({"theme": _("Kies een thema van je eigen netwerk.")})
    if note.sections.filter(theme=theme).exists():
        raise ValidationError({"theme": _("Dit thema staat al in de nota.")})
    last = note.sections.aggregate(last=Max("position"))["last"] or 0
    return _section(note, theme, last + 1)


@transaction.atomic
def policy_note_section_remove(*, section: PolicyNoteSection, acting_user: User | None) -> None:
    """Take a theme out of a draft; a note keeps at least one theme."""
    _require_triager(acting_user, section.network_id)
    note, section = _locked_section(section)
    if note.sections.count() <= 1:
        raise ValidationError(_("Een nota heeft minstens één thema. Voeg eerst een ander thema toe."))
    section.delete()
    _renumber(note)


@transaction.atomic
def policy_note_finalise(*, note: PolicyNote, acting_user: User | None) -> PolicyNote:
    """Freeze what the note says (`snapshot`: only what it shows), make it final, and take its themes and the
    signals it carries to policy (each signal gets a NOTE step in its trail; open signals whose path allows it
    go to "naar het beleid")."""
    _require_triager(acting_user, note.network_id)
    note = _locked_draft(note)
    sections = list(note.sections.select_related("theme").order_by("position"))
    if not sections:
        raise ValidationError(_("Een nota heeft minstens één thema."))
    note.snapshot = note_content_build(note=note)
    note.status = PolicyNote.Status.FINAL
    note.finalised_at = timezone.now()
    note.full_clean()
    note.save()
    remark = _("Opgenomen in de beleidsnota “%(title)s”.") % {"title": note.title}
    for section in sections:
        theme = Theme.objects.select_for_update().get(pk=section.theme_id)
        if theme.status != Theme.Status.POLICY:
            theme.status = Theme.Status.POLICY
            theme.full_clean()
            theme.save()
        signals = note_signals(
            network=note.network, theme=theme, start=note.period_start, end=note.period_end
        )
        for signal in signals.select_for_update(of=("self",)):
            before = signal.status
            if signal.status in Signal.OPEN and Signal.Status.POLICY in Signal.NEXT[signal.status]:
                signal.status = Signal.Status.POLICY
                signal.status_changed_at = note.finalised_at
                signal.full_clean()
                signal.save()
            signal_event_record(
                signal=signal,
                action=SignalEvent.Action.NOTE,
                acting_user=acting_user,
                from_status=before if signal.status != before else "",
                to_status=signal.status if signal.status != before else "",
                note=remark,
            )
    return note


@transaction.atomic
def theme_answer_record(
    *,
    theme: Theme,
    answered_on: dt.date,
    answer: str,
    acting_user: User | None,
    note: PolicyNote | None = None,
) -> ThemeAnswer:
    """Record what the municipality answered on `theme` (optionally to a final note that carried it): the theme
    becomes "answered", and so do its signals that went to policy (each with a STATUS step)."""
    _require_triager(acting_user, theme.network_id)
    text = _clean_text(answer)
    _check_texts({"answer": text}, ThemeAnswer)
    if answered_on and answered_on > timezone.localdate():
        raise ValidationError({"answered_on": _("Het antwoord kan niet in de toekomst liggen.")})
    if note is not None:
        if note.network_id != theme.network_id:
            raise ValidationError({"note": _("Kies een nota van je eigen netwerk.")})
        if note.status != PolicyNote.Status.FINAL or not note.sections.filter(theme=theme).exists():
            raise ValidationError({"note": _("Kies een definitieve nota waarin dit thema staat.")})
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    row = ThemeAnswer(
        network_id=theme.network_id,
        theme=theme,
        note=note,
        answered_on=answered_on,
        answer=text,
        recorded_by=acting_user,
    )
    row.full_clean()
    row.save()
    theme.status = Theme.Status.ANSWERED
    theme.full_clean()
    theme.save()
    remark = _("De gemeente antwoordde op het thema “%(title)s”.") % {"title": theme.title}
    now = timezone.now()
    for signal in Signal.objects.select_for_update().filter(theme=theme, status=Signal.Status.POLICY):
        signal.status = Signal.Status.ANSWERED
        signal.status_changed_at = now
        signal.full_clean()
        signal.save()
        signal_event_record(
            signal=signal,
            action=SignalEvent.Action.STATUS,
            acting_user=acting_user,
            from_status=Signal.Status.POLICY,
            to_status=Signal.Status.ANSWERED,
            note=remark,
        )
    return row
