"""Writes of the signals register: reporting and editing a signal, triaging it (status, theme, merging a
duplicate) and the themes that bundle signals.

Every function is atomic, checks the person who acts again (`access.can_report` / `can_triage`), runs
`full_clean()` before it saves, and writes one SignalEvent for each change to a signal. Texts are checked for what
looks like a family's contact details or national register number: such a text is refused with a message that
names what was found, and nothing is stored.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from hvhk.accounts.access import ActiveRole, holds_role
from hvhk.accounts.models import RoleAssignment, User
from hvhk.core.lib.personal_data import personal_data_found
from hvhk.core.models import Area
from hvhk.directory.models import TaxonomyTerm
from hvhk.network.models import Body
from hvhk.signals.models import Signal, SignalEvent, Theme, VoiceContribution
from hvhk.signals.selectors.access import can_report, can_triage
from hvhk.signals.services.events import signal_event_record

Role = RoleAssignment.Role
S = Signal.Status

# The fields of a signal a reporter writes; signal_update takes any of them.
SIGNAL_FIELDS = (
    "title",
    "description",
    "noticed_since",
    "frequency",
    "families_estimate",
    "age_bands",
    "area",
    "target_groups",
    "life_domain",
    "source",
    "evidence",
)
SIGNAL_TEXTS = ("title", "description", "evidence")
THEME_FIELDS = ("title", "description", "proposal", "body")
THEME_TEXTS = ("title", "description", "proposal")
NOTE_MAX = SignalEvent._meta.get_field("note").max_length


# --- shared checks ---------------------------------------------------------------------------------------------


def personal_data_errors(texts: dict[str, str]) -> dict[str, str]:
    """{field: message} for every text that looks like it holds an e-mail address, a phone number or a national
    register number (what was found is named; the text itself is not repeated)."""
    errors = {}
    for field, text in texts.items():
        found = personal_data_found(text)
        if found:
            errors[field] = _(
                "Deze tekst lijkt %(what)s te bevatten. Laat namen en contactgegevens van gezinnen weg: een "
                "signaal gaat over wat vaker voorkomt, nooit over één gezin."
            ) % {"what": found}
    return errors


def _refuse_personal_data(texts: dict[str, str]) -> None:
    errors = personal_data_errors(texts)
    if errors:
        raise ValidationError(errors)


def _require_triage(user: User | None, network) -> None:
    if not can_triage(user, network=network):
        raise PermissionDenied("Only the coordinator or a trekker triages signals")


def _may_edit(signal: Signal, user: User | None) -> bool:
    """The coordinator and trekkers always; the reporting organisation's staff (or, without an organisation, the
    person who reported it) while the signal is new."""
    if can_triage(user, network=signal.network_id):
        return True
    if signal.status != S.NEW or not can_report(user, network=signal.network_id):
        return False
    if signal.organization_id is not None:
        return holds_role(
            user,
            network=signal.network_id,
            roles=tuple(RoleAssignment.PARTNER_STAFF),
            organization=signal.organization_id,
        )
    return signal.reported_by_id is not None and signal.reported_by_id == getattr(user, "pk", None)


def signal_may_edit(*, signal: Signal, user: User | None) -> bool:
    """Whether `user` may change `signal`'s texts and facts (see signal_update)."""
    return _may_edit(signal, user)


def _locked(signal: Signal) -> Signal:
    """`signal` read again under a row lock (the status may have changed since the page was shown)."""
    return Signal.objects.select_for_update().get(pk=signal.pk)


def _same_network(value, network_id, field: str) -> None:
    if value is not None and value.network_id != network_id:
        raise ValidationError({field: _("Kies iets uit je eigen netwerk.")})


def _too_long(obj) -> dict[str, str]:
    """full_clean() does not hold a TextField to its max_length; the register does."""
    errors = {}
    for model_field in obj._meta.concrete_fields:
        if isinstance(model_field, models.TextField) and model_field.max_length:
            value = getattr(obj, model_field.attname) or ""
            if len(value) > model_field.max_length:
                errors[model_field.name] = _(
                    "Maak het korter: hoogstens %(limit)d tekens (nu %(length)d)."
                ) % {"limit": model_field.max_length, "length": len(value)}
    return errors


def _save(obj) -> None:
    errors = _too_long(obj)
    try:
        obj.full_clean()
    except ValidationError as error:
        errors = {**error.message_dict, **{k: [v] for k, v in errors.items()}}
    if errors:
        raise ValidationError(errors)
    obj.save()


def _clean_note(note: str) -> str:
    """A triager's note for the trail: at most 2000 characters, and nothing personal."""
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(
            {
                "note": _("Maak het korter: hoogstens %(limit)d tekens (nu %(length)d).")
                % {"limit": NOTE_MAX, "length": len(note)}
            }
        )
    _refuse_personal_data({"note": note})
    return note


# --- signals ---------------------------------------------------------------------------------------------------


@transaction.atomic
def signal_create(
    *,
    role: ActiveRole,
    acting_user: User,
    title: str,
    description: str,
    noticed_since: dt.date | None = None,
    frequency: str = Signal.Frequency.UNKNOWN,
    families_estimate: int | None = None,
    age_bands: list[str] | None = None,
    area: Area | None = None,
    target_groups: list[str] | None = None,
    life_domain: TaxonomyTerm | None = None,
    source: str = Signal.Source.PARTNER,
    evidence: str = "",
    body: Body | None = None,
    origin: str = Signal.Origin.PORTAL,
) -> Signal:
    """Report a signal in `role`'s network, as `role`'s organisation (partner staff) or as the person (intake,
    the coordinator, a trekker without one). It starts as new."""
    network = role.network
    if not can_report(acting_user, network=network):
        raise PermissionDenied("Only the network's staff report signals")
    organization = role.organization if role.role in RoleAssignment.PARTNER_STAFF else None
    if organization is not None and not holds_role(
        acting_user, network=network, roles=tuple(RoleAssignment.PARTNER_STAFF), organization=organization
    ):
        raise PermissionDenied("The acting person does not work for this organisation")
    texts = {"title": title, "description": description, "evidence": evidence}
    _refuse_personal_data(texts)
    for value, field in ((area, "area"), (life_domain, "life_domain"), (body, "body")):
        _same_network(value, network.pk, field)
    now = timezone.now()
    signal = Signal(
        network=network,
        title=(title or "").strip(),
        description=(description or "").strip(),
        noticed_since=noticed_since,
        frequency=frequency,
        families_estimate=families_estimate,
        age_bands=list(age_bands or []),
        area=area,
        target_groups=list(target_groups or []),
        life_domain=life_domain,
        source=source,
        origin=origin,
        evidence=(evidence or "").strip(),
        status=S.NEW,
        organization=organization,
        body=body,
        reported_by=acting_user,
        status_changed_at=now,
    )
    _save(signal)
    signal_event_record(
        signal=signal, action=SignalEvent.Action.REPORTED, acting_user=acting_user, to_status=S.NEW
    )
    return signal


@transaction.atomic
def signal_update(*, signal: Signal, acting_user: User, **fields: Any) -> Signal:
    """Change a signal's texts and facts (any of SIGNAL_FIELDS). The reporting organisation may while it is new;
    the coordinator and trekkers always (a merged signal no more)."""
    unknown = set(fields) - set(SIGNAL_FIELDS)
    if unknown:
        raise TypeError(f"signal_update() got unknown fields: {', '.join(sorted(unknown))}")
    signal = _locked(signal)
    if not _may_edit(signal, acting_user):
        raise PermissionDenied("Only the reporter (while new) or a triager edits a signal")
    if signal.status == S.MERGED:
        raise ValidationError(
            _("Een samengevoegd signaal pas je niet meer aan; pas het signaal aan waarin het zit.")
        )
    _refuse_personal_data({name: fields[name] for name in SIGNAL_TEXTS if name in fields})
    for field in ("area", "life_domain"):
        if field in fields:
            _same_network(fields[field], signal.network_id, field)
    changed = []
    for name, value in fields.items():
        if name in SIGNAL_TEXTS:
            value = (value or "").strip()
        elif name in ("age_bands", "target_groups"):
            value = list(value or [])
        if getattr(signal, name) != value:
            setattr(signal, name, value)
            changed.append(name)
    if not changed:
        return signal
    _save(signal)
    labels = ", ".join(str(Signal._meta.get_field(name).verbose_name) for name in changed)
    signal_event_record(
        signal=signal,
        action=SignalEvent.Action.EDITED,
        acting_user=acting_user,
        note=_("Aangepast: %(fields)s") % {"fields": labels},
    )
    return signal


@transaction.atomic
def signal_status_set(*, signal: Signal, status: str, acting_user: User, note: str = "") -> Signal:
    """Move a signal one step along Signal.NEXT (the coordinator or a trekker), with an optional note. Bundling
    into a theme goes through signal_theme_set (a signal is only "themed" with a theme)."""
    _require_triage(acting_user, signal.network_id)
    signal = _locked(signal)
    current = signal.status
    if status not in Signal.NEXT.get(current, ()):
        raise ValidationError(
            {
                "status": _("Van “%(from)s” kan een signaal niet naar “%(to)s”.")
                % {"from": S(current).label, "to": S(status).label if status in S.values else status}
            }
        )
    if status == S.THEMED and signal.theme_id is None:
        raise ValidationError({"status": _("Kies eerst een thema: zo wordt het signaal gebundeld.")})
    note = _clean_note(note)
    signal.status = status
    signal.status_changed_at = timezone.now()
    _save(signal)
    signal_event_record(
        signal=signal,
        action=SignalEvent.Action.STATUS,
        acting_user=acting_user,
        from_status=current,
        to_status=status,
        note=note,
    )
    return signal


# Statuses in which a signal can get or lose a theme.
THEMEABLE = (S.NEW, S.LOOKING, S.THEMED, S.POLICY, S.ANSWERED, S.CLOSED)


@transaction.atomic
def signal_theme_set(*, signal: Signal, theme: Theme | None, acting_user: User, note: str = "") -> Signal:
    """Bundle a signal into a theme of its network (a new or looked-at signal becomes "themed"), move it to
    another theme, or take it out of its theme (None: a themed signal goes back to "being looked at")."""
    _require_triage(acting_user, signal.network_id)
    signal = _locked(signal)
    if signal.status not in THEMEABLE:
        raise ValidationError(
            {
                "theme": _("Een signaal met status “%(status)s” krijgt geen thema.")
                % {"status": S(signal.status).label}
            }
        )
    if theme is not None and theme.network_id != signal.network_id:
        raise ValidationError({"theme": _("Kies een thema van je eigen netwerk.")})
    if theme is None and signal.theme_id is None:
        return signal
    if theme is not None and theme.pk == signal.theme_id:
        return signal
    note = _clean_note(note)
    current = signal.status
    signal.theme = theme
    if theme is not None and current in (S.NEW, S.LOOKING):
        signal.status = S.THEMED
    elif theme is None and current == S.THEMED:
        signal.status = S.LOOKING
    if signal.status != current:
        signal.status_changed_at = timezone.now()
    _save(signal)
    what = (
        _("In het thema “%(theme)s”.") % {"theme": theme.title}
        if theme is not None
        else _("Uit het thema gehaald.")
    )
    signal_event_record(
        signal=signal,
        action=SignalEvent.Action.THEMED,
        acting_user=acting_user,
        from_status=current,
        to_status=signal.status,
        note=f"{what} {note}".strip(),
    )
    return signal


@transaction.atomic
def signal_merge(*, duplicate: Signal, target: Signal, acting_user: User, note: str = "") -> Signal:
    """Merge `duplicate` into `target`, an open signal of the same network: the duplicate becomes "merged" and
    points to the target, the target counts the duplicate's reporters too, and the parents' contributions (and
    earlier duplicates) of the duplicate move to the target. Both rows are locked in a fixed order, so merges at
    the same moment neither lose counts nor merge one duplicate twice. Returns the target."""
    _require_triage(acting_user, duplicate.network_id)
    if duplicate.pk == target.pk:
        raise ValidationError({"target": _("Een signaal kan niet met zichzelf samengevoegd worden.")})
    if duplicate.network_id != target.network_id:
        raise ValidationError({"target": _("Kies een signaal van je eigen netwerk.")})
    locked = {
        s.pk: s
        for s in Signal.objects.select_for_update().filter(pk__in=[duplicate.pk, target.pk]).order_by("pk")
    }
    duplicate, target = locked[duplicate.pk], locked[target.pk]
    if duplicate.status == S.MERGED:
        raise ValidationError({"target": _("Dit signaal is al samengevoegd.")})
    if target.status == S.MERGED:
        raise ValidationError(
            {"target": _("Het gekozen signaal is zelf al samengevoegd; kies het signaal waarin het zit.")}
        )
    if target.status not in Signal.OPEN:
        raise ValidationError({"target": _("Voeg samen met een signaal dat nog open is.")})
    note = _clean_note(note)
    now = timezone.now()
    previous = duplicate.status
    duplicate.status = S.MERGED
    duplicate.merged_into = target
    duplicate.status_changed_at = now
    _save(duplicate)
    Signal.objects.filter(pk=target.pk).update(
        reporter_count=F("reporter_count") + duplicate.reporter_count, updated_at=now
    )
    target.refresh_from_db()
    VoiceContribution.objects.filter(signal=duplicate).update(signal=target, updated_at=now)
    Signal.objects.filter(merged_into=duplicate).exclude(pk=target.pk).update(
        merged_into=target, updated_at=now
    )
    signal_event_record(
        signal=duplicate,
        action=SignalEvent.Action.MERGED,
        acting_user=acting_user,
        from_status=previous,
        to_status=S.MERGED,
        note=note,
        related_signal=target,
    )
    signal_event_record(
        signal=target,
        action=SignalEvent.Action.ABSORBED,
        acting_user=acting_user,
        note=note,
        related_signal=duplicate,
    )
    return target


# --- themes ----------------------------------------------------------------------------------------------------


def _theme_title_free(*, network_id, title: str, exclude_pk=None) -> None:
    others = Theme.objects.filter(network_id=network_id, title__iexact=title.strip())
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError({"title": _("Er is al een thema met deze titel.")})


@transaction.atomic
def theme_create(
    *,
    network,
    acting_user: User,
    title: str,
    description: str = "",
    proposal: str = "",
    body: Body | None = None,
) -> Theme:
    """A new theme (the coordinator or a trekker)."""
    _require_triage(acting_user, network.pk)
    _refuse_personal_data({"title": title, "description": description, "proposal": proposal})
    _same_network(body, network.pk, "body")
    _theme_title_free(network_id=network.pk, title=title or "")
    theme = Theme(
        network=network,
        title=(title or "").strip(),
        description=(description or "").strip(),
        proposal=(proposal or "").strip(),
        body=body,
        created_by=acting_user,
    )
    _save(theme)
    return theme


@transaction.atomic
def theme_update(*, theme: Theme, acting_user: User, **fields: Any) -> Theme:
    """Change a theme's title, description, proposal or following body (the coordinator or a trekker)."""
    unknown = set(fields) - set(THEME_FIELDS)
    if unknown:
        raise TypeError(f"theme_update() got unknown fields: {', '.join(sorted(unknown))}")
    _require_triage(acting_user, theme.network_id)
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    _refuse_personal_data({name: fields[name] for name in THEME_TEXTS if name in fields})
    if "body" in fields:
        _same_network(fields["body"], theme.network_id, "body")
    if "title" in fields:
        _theme_title_free(network_id=theme.network_id, title=fields["title"] or "", exclude_pk=theme.pk)
    for name, value in fields.items():
        setattr(theme, name, (value or "").strip() if name in THEME_TEXTS else value)
    _save(theme)
    return theme


@transaction.atomic
def theme_status_set(*, theme: Theme, status: str, acting_user: User) -> Theme:
    """Set a theme's status: open, taken to policy, answered, closed (the coordinator or a trekker)."""
    _require_triage(acting_user, theme.network_id)
    if status not in Theme.Status.values:
        raise ValidationError({"status": _("Kies een status uit de lijst.")})
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    if theme.status != status:
        theme.status = status
        _save(theme)
    return theme
