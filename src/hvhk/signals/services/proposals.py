"""Draft signals from the platform's own figures, once a month (`hvhk signals-propose`), and the coordinator's
answer to each: accept it as a new signal (perhaps with a better title) or dismiss it with a reason.

A proposal is a Signal with status PROPOSED, origin PLATFORM and source FIGURES; its `figures` hold what was
counted, the period and the ids and links behind the numbers; its `proposal_key` ("zero-search:2026-11:zwemles")
makes it once per network and month, whatever happens to it later (the unique constraint holds also when two runs
cross). Small counts make no proposal: below a threshold a number says little and could point at one family."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hvhk.accounts.models import User
from hvhk.core.lib.personal_data import personal_data_found
from hvhk.core.models import Network
from hvhk.signals.models import Signal, SignalEvent
from hvhk.signals.selectors import proposals as figures
from hvhk.signals.selectors.access import can_triage
from hvhk.signals.services.events import signal_event_record

# A search that found (nearly) nothing becomes a proposal from 5 searches in a month: one or two are a typo or one
# family trying several spellings; five means several families missed something (and no one family is singled out).
ZERO_SEARCH_MIN = 5
# At most this many search proposals a month (the most searched first): more would bury the coordinator; the rest
# stay visible in the admin's list of searches without results.
ZERO_SEARCH_MAX_PROPOSALS = 10
# A life domain becomes a proposal from 3 requests in a month without a referral or declined for no capacity or not
# eligible: intake networks handle tens of requests a month, so 3 is a pattern, and fewer could point at a family.
REFERRAL_GAP_MIN = 3
# A full session is a proposal from 5 families on its waiting list: a handful more than one extra place solves,
# so more sessions or another organiser may be needed.
WAITING_LIST_MIN = 5
# Services overdue for verification become one proposal from 5 on: one or two are a partner's slip that the
# freshness reminders handle; five or more say the network's data upkeep needs attention (or partners are gone).
OVERDUE_MIN = 5
MAX_TITLE = 200
MAX_REASON = 1000


def _title_and_description(candidate: figures.Candidate) -> tuple[str, str]:
    """The proposal in plain Dutch (B1): a title that says what, a description that says how many and when."""
    c = candidate.counts
    if candidate.kind == figures.ZERO_SEARCH:
        title = _("Gezinnen zoeken “%(q)s” en vinden (bijna) niets") % {"q": candidate.subject}
        description = ngettext(
            "Op de wegwijzer werd %(n)d keer gezocht naar “%(q)s”.",
            "Op de wegwijzer werd %(n)d keer gezocht naar “%(q)s”.",
            c["searches"],
        ) % {"n": c["searches"], "q": candidate.subject}
        description += " " + ngettext(
            "Die zoekopdrachten vonden hoogstens %(m)d aanbod.",
            "Die zoekopdrachten vonden hoogstens %(m)d aanbod.",
            c["max_results"],
        ) % {"m": c["max_results"]}
        description += " " + _("Misschien ontbreekt er aanbod, of gebruiken gezinnen andere woorden dan wij.")
    elif candidate.kind == figures.REFERRAL_GAP:
        domain = candidate.subject or _("zonder levensdomein")
        title = _("Hulpvragen over %(domain)s die niet verder geholpen werden") % {"domain": domain}
        parts = []
        if c["no_referral"]:
            parts.append(
                ngettext(
                    "%(n)d kreeg geen doorverwijzing", "%(n)d kregen geen doorverwijzing", c["no_referral"]
                )
                % {"n": c["no_referral"]}
            )
        if c["no_capacity"]:
            parts.append(
                ngettext(
                    "%(n)d werd geweigerd omdat er geen plaats was",
                    "%(n)d werden geweigerd omdat er geen plaats was",
                    c["no_capacity"],
                )
                % {"n": c["no_capacity"]}
            )
        if c["not_eligible"]:
            parts.append(
                ngettext(
                    "%(n)d werd geweigerd omdat het gezin buiten het aanbod of de voorwaarden viel",
                    "%(n)d werden geweigerd omdat het gezin buiten het aanbod of de voorwaarden viel",
                    c["not_eligible"],
                )
                % {"n": c["not_eligible"]}
            )
        listed = (
            parts[0]
            if len(parts) == 1
            else _("%(some)s en %(last)s")
            % {
                "some": ", ".join(parts[:-1]),
                "last": parts[-1],
            }
        )
        description = ngettext(
            "Van %(n)d hulpvraag over %(domain)s in die maand: %(listed)s.",
            "Van %(n)d hulpvragen over %(domain)s in die maand: %(listed)s.",
            c["requests"],
        ) % {"n": c["requests"], "domain": domain, "listed": listed}
    elif candidate.kind == figures.WAITING_LIST:
        title = _("Activiteit “%(title)s” zit vol, met een lange wachtlijst") % {"title": candidate.subject}
        description = ngettext(
            "%(full)d van de %(n)d sessies zat vol",
            "%(full)d van de %(n)d sessies zaten vol",
            c["full_sessions"],
        ) % {"full": c["full_sessions"], "n": c["sessions"]}
        description += " " + ngettext(
            "met tot %(w)d gezin op de wachtlijst.",
            "met tot %(w)d gezinnen op de wachtlijst.",
            c["max_waiting"],
        ) % {"w": c["max_waiting"]}
        description += " " + _("Er is meer vraag dan aanbod.")
    else:
        title = _("Aanbod dat lang niet meer nagekeken is (%(n)d)") % {"n": c["overdue"]}
        description = _(
            "Van %(active)d actief aanbod werd %(n)d niet meer nagekeken sinds %(date)s. Gezinnen vinden daardoor "
            "misschien verouderde informatie."
        ) % {
            "n": c["overdue"],
            "active": c["active"],
            "date": date_format(dt.date.fromisoformat(candidate.subject), "DATE_FORMAT"),
        }
    return title[:MAX_TITLE], description


def _figures(candidate: figures.Candidate, month: dt.date) -> dict:
    return {
        "kind": candidate.kind,
        "period": figures.period(month),
        "counts": candidate.counts,
        "subject": candidate.subject,
        "life_domain": str(candidate.life_domain.pk) if candidate.life_domain else None,
        "items": candidate.items,
        "links": candidate.links,
    }


def _candidates(network: Network, month: dt.date) -> list[figures.Candidate]:
    return [
        *figures.zero_search_candidates(
            network=network, month=month, minimum=ZERO_SEARCH_MIN, limit=ZERO_SEARCH_MAX_PROPOSALS
        ),
        *figures.referral_gap_candidates(network=network, month=month, minimum=REFERRAL_GAP_MIN),
        *figures.waiting_list_candidates(network=network, month=month, minimum=WAITING_LIST_MIN),
        *figures.overdue_candidates(network=network, month=month, minimum=OVERDUE_MIN),
    ]


def signals_propose(*, network: Network, month: dt.date, acting_user: User | None = None) -> list[Signal]:
    """Make this month's proposals for `network` from its figures: one Signal (PROPOSED) per candidate whose key
    was not proposed before, each with a PROPOSED event. Returns the new ones; running it again makes none.
    `acting_user` None is the monthly command; a person must be the coordinator or a trekker."""
    if acting_user is not None and not can_triage(acting_user, network=network):
        raise PermissionDenied
    month = figures.month_start(month)
    if month > timezone.localdate().replace(day=1):
        raise ValidationError(
            {"month": _("Je kunt geen voorstellen maken voor een maand die nog moet komen.")}
        )
    candidates = _candidates(network, month)
    existing = set(
        Signal.objects.for_network(network)
        .filter(proposal_key__in=[c.key[:300] for c in candidates])
        .values_list("proposal_key", flat=True)
    )
    created = []
    # One transaction per proposal: a run that stops half-way keeps what it made, and the next run adds the rest.
    for candidate in candidates:
        if candidate.key[:300] in existing:
            continue
        signal = _propose(network=network, month=month, candidate=candidate, acting_user=acting_user)
        if signal is not None:
            created.append(signal)
    return created


def _propose(
    *, network: Network, month: dt.date, candidate: figures.Candidate, acting_user: User | None
) -> Signal | None:
    title, description = _title_and_description(candidate)
    signal = Signal(
        network=network,
        title=title,
        description=description,
        noticed_since=month,
        life_domain=candidate.life_domain,
        source=Signal.Source.FIGURES,
        origin=Signal.Origin.PLATFORM,
        status=Signal.Status.PROPOSED,
        proposal_key=candidate.key[:300],
        figures=_figures(candidate, month),
        status_changed_at=timezone.now(),
    )
    signal.full_clean(validate_constraints=False)  # the proposal's unique key is checked by the insert below
    try:
        with transaction.atomic():
            signal.save()
            signal_event_record(
                signal=signal,
                action=SignalEvent.Action.PROPOSED,
                acting_user=acting_user,
                to_status=Signal.Status.PROPOSED,
                note=figures.period(month)["month"],
            )
    except IntegrityError:  # another run made this proposal just now
        return None
    return signal


def _locked_proposal(signal: Signal, acting_user: User) -> Signal:
    if not can_triage(acting_user, network=signal.network_id):
        raise PermissionDenied
    signal = Signal.objects.select_for_update().get(pk=signal.pk, network_id=signal.network_id)
    if signal.status != Signal.Status.PROPOSED:
        raise ValidationError(
            _("Dit voorstel is al behandeld: het is nu “%(status)s”.")
            % {"status": signal.get_status_display()}
        )
    return signal


def _refuse_personal_data(field: str, text: str) -> None:
    found = personal_data_found(text)
    if found:
        raise ValidationError(
            {
                field: _(
                    "Deze tekst lijkt %(kinds)s te bevatten. Schrijf geen gegevens van gezinnen of personen."
                )
                % {"kinds": found}
            }
        )


@transaction.atomic
def signal_proposal_accept(*, signal: Signal, acting_user: User, title: str = "") -> Signal:
    """The coordinator or a trekker takes a proposal up: it becomes a new signal, with `title` if given."""
    signal = _locked_proposal(signal, acting_user)
    title = " ".join((title or "").split())
    old_title = signal.title
    if title:
        if len(title) > MAX_TITLE:
            raise ValidationError(
                {"title": _("De titel is te lang: hoogstens %(n)d tekens.") % {"n": MAX_TITLE}}
            )
        _refuse_personal_data("title", title)
        signal.title = title
    signal.status = Signal.Status.NEW
    signal.status_changed_at = timezone.now()
    signal.full_clean()
    signal.save(update_fields=["title", "status", "status_changed_at", "updated_at"])
    note = ""
    if signal.title != old_title:
        note = _("Titel aangepast; eerst: “%(old)s”.") % {"old": old_title}
    signal_event_record(
        signal=signal,
        action=SignalEvent.Action.STATUS,
        acting_user=acting_user,
        from_status=Signal.Status.PROPOSED,
        to_status=Signal.Status.NEW,
        note=note,
    )
    return signal


@transaction.atomic
def signal_proposal_dismiss(*, signal: Signal, acting_user: User, reason: str) -> Signal:
    """The coordinator or a trekker sets a proposal aside, saying why (the reason is kept in the trail)."""
    signal = _locked_proposal(signal, acting_user)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Schrijf kort waarom je dit voorstel niet weerhoudt.")})
    if len(reason) > MAX_REASON:
        raise ValidationError(
            {"reason": _("De reden is te lang: hoogstens %(n)d tekens.") % {"n": MAX_REASON}}
        )
    _refuse_personal_data("reason", reason)
    signal.status = Signal.Status.DISMISSED
    signal.status_changed_at = timezone.now()
    signal.full_clean()
    signal.save(update_fields=["status", "status_changed_at", "updated_at"])
    signal_event_record(
        signal=signal,
        action=SignalEvent.Action.STATUS,
        acting_user=acting_user,
        from_status=Signal.Status.PROPOSED,
        to_status=Signal.Status.DISMISSED,
        note=reason,
    )
    return signal
