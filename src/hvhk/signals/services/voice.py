"""Parents' voice: contributions on the public voice page, short feedback after a support request or an activity,
their moderation (a new signal, added to a signal, or set aside, with an optional reply), calls to take part with
their sign-ups, and the retention of what is personal in all of that.

Texts are checked for contact details and national register numbers (core.lib.personal_data): a parent's words
become anonymous quotes, so nothing that identifies a family is stored. The same text sent again within a day is
refused without storing anything (`text_hash` of the normalised text); the public views rate limit per address.

Every function is one transaction; mails go through the task worker (`hvhk db_worker`) after commit."""

import datetime as dt
import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hvhk.accounts.models import User
from hvhk.activities.models import Registration
from hvhk.activities.selectors.registrations_public import registration_over
from hvhk.core.lib.contact import clean_email, clean_phone
from hvhk.core.lib.personal_data import personal_data_found
from hvhk.core.models import Area, Network
from hvhk.directory.models import TaxonomyTerm
from hvhk.referrals.models import SupportRequest
from hvhk.signals.models import (
    CallSignup,
    CallSignupAccess,
    ParticipationCall,
    Signal,
    SignalEvent,
    Theme,
    VoiceContribution,
)
from hvhk.signals.models.signals import AGE_BANDS
from hvhk.signals.selectors.access import can_triage
from hvhk.signals.services.events import signal_event_record

TEXT_MAX = 2000
FEEDBACK_MAX = 300
REPLY_MAX = 2000
NOTE_MAX = 2000
NAME_MAX = 200
REMARK_MAX = 1000
DUPLICATE_WINDOW = dt.timedelta(hours=24)
FEEDBACK_SALT = "hvhk.signals.feedback"
Kind = VoiceContribution.Kind
ContributionStatus = VoiceContribution.Status
CallStatus = ParticipationCall.Status


class DuplicateText(ValidationError):
    """The same text came in from this network in the last day: refused politely, nothing stored."""


# --- checks ------------------------------------------------------------------------------------------------------


def normalised(text: str) -> str:
    """The text as compared for duplicates: case, accents of spacing and punctuation at the ends do not count."""
    return " ".join((text or "").casefold().split()).strip(" .!?,;:")


def text_hash(text: str) -> str:
    return hashlib.sha256(normalised(text).encode()).hexdigest()


def personal_data_message(found: str, *, email_field: bool) -> str:
    """The parent's message for a text that seems to hold personal data (`found`: personal_data_found)."""
    if email_field:
        return _(
            "Je tekst bevat %(found)s. Laat persoonsgegevens weg; je e-mailadres kan in het veld hieronder."
        ) % {"found": found}
    return _("Je tekst bevat %(found)s. Laat persoonsgegevens weg.") % {"found": found}


def _text(
    value: str, *, field: str, limit: int, required: bool, empty: str = "", email_field: bool = False
) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError({field: empty or _("Schrijf iets. Een paar woorden is genoeg.")})
    if len(text) > limit:
        raise ValidationError(
            {
                field: _("Je tekst is te lang: gebruik maximaal %(limit)d tekens (nu %(n)d).")
                % {"limit": limit, "n": len(text)}
            }
        )
    found = personal_data_found(text)
    if found:
        raise ValidationError({field: personal_data_message(found, email_field=email_field)})
    return text


def _ages(age_bands) -> list[str]:
    bands = list(dict.fromkeys(age_bands or []))
    unknown = [band for band in bands if band not in AGE_BANDS]
    if unknown:
        raise ValidationError(
            {"age_bands": _("Onbekende leeftijdsgroep: %(b)s.") % {"b": ", ".join(unknown)}}
        )
    return bands


def _same_network(network: Network, **objects) -> None:
    for field, obj in objects.items():
        if obj is not None and obj.network_id != network.pk:
            raise ValidationError({field: _("Dit hoort niet bij dit netwerk.")})


def _require_triage(user: User | None, network) -> None:
    if not can_triage(user, network=network):
        raise PermissionDenied("Only the coordinator or a trekker handles parents' voice")


def _after_commit(function, *args) -> None:
    transaction.on_commit(lambda: function(*args), robust=True)


# --- contributions -----------------------------------------------------------------------------------------------


@transaction.atomic
def contribution_submit(
    *,
    network: Network,
    text: str,
    life_domain: TaxonomyTerm | None = None,
    age_bands=(),
    area: Area | None = None,
    email: str = "",
    language: str = "nl",
) -> VoiceContribution:
    """A parent's contribution on the public voice page. Refused (nothing stored): an empty or overlong text, a
    text with contact details or a national register number, the same text again within a day (DuplicateText)."""
    text = _text(
        text,
        field="text",
        limit=TEXT_MAX,
        required=True,
        empty=_("Schrijf wat je mist of wat beter kan. Een paar woorden is genoeg."),
        email_field=True,
    )
    email = clean_email(email)
    bands = _ages(age_bands)
    _same_network(network, life_domain=life_domain, area=area)
    digest = text_hash(text)
    # One contribution per network at a time, so the same text sent twice at once is stored once. FOR NO KEY
    # UPDATE on PostgreSQL: rows of other tables that point at the network can still be written meanwhile.
    Network.objects.select_for_update(no_key=True).filter(pk=network.pk).first()
    since = timezone.now() - DUPLICATE_WINDOW
    if (
        VoiceContribution.objects.for_network(network)
        .filter(kind=Kind.VOICE, text_hash=digest, created_at__gte=since)
        .exists()
    ):
        raise DuplicateText(
            _("Deze tekst kregen we vandaag al. We bewaren hem maar één keer."), code="duplicate"
        )
    contribution = VoiceContribution(
        network=network,
        kind=Kind.VOICE,
        text=text,
        life_domain=life_domain,
        age_bands=bands,
        area=area,
        email=email,
        language=(language or "nl")[:10],
        text_hash=digest,
    )
    contribution.full_clean()
    contribution.save()
    return contribution


def feedback_key(kind: str, pk) -> str:
    """A keyed hash of the request's or registration's id: one answer each, without a link to the family."""
    return salted_hmac(FEEDBACK_SALT, f"{kind}:{pk}", algorithm="sha256").hexdigest()


def feedback_open_for_request(support_request: SupportRequest) -> bool:
    """A support request is far enough along to ask whether it helped: referred or closed."""
    return support_request.status in (SupportRequest.Status.REFERRED, SupportRequest.Status.CLOSED)


def feedback_open_for_registration(registration: Registration) -> bool:
    """A registration of a family that had its place, for a session (or a series) that is over."""
    return (
        registration.status == Registration.Status.CONFIRMED
        and not registration.is_anonymised
        and registration_over(registration=registration)
    )


def feedback_given(*, network: Network, kind: str, pk) -> bool:
    return (
        VoiceContribution.objects.for_network(network)
        .filter(kind=kind, feedback_key=feedback_key(kind, pk))
        .exists()
    )


@transaction.atomic
def feedback_submit(
    *,
    network: Network,
    useful: str,
    text: str = "",
    support_request: SupportRequest | None = None,
    registration: Registration | None = None,
    language: str = "nl",
) -> VoiceContribution:
    """ "Had je er iets aan?" after a support request or an activity, once per request or registration. The
    caller found `support_request` or `registration` through its private token; the contribution keeps no link
    to it (an activity's feedback names the activity)."""
    if (support_request is None) == (registration is None):
        raise ValueError("feedback_submit needs a support_request or a registration")
    subject = support_request or registration
    if subject.network_id != network.pk:
        raise PermissionDenied("Not of this network")
    if support_request is not None:
        kind, is_open = Kind.REQUEST_FEEDBACK, feedback_open_for_request(support_request)
    else:
        kind, is_open = Kind.ACTIVITY_FEEDBACK, feedback_open_for_registration(registration)
    if not is_open:
        raise ValidationError(_("Je kunt hier nog geen feedback geven."))
    if useful not in VoiceContribution.Useful.values:
        raise ValidationError({"useful": _("Kies ja, een beetje of nee.")})
    text = _text(text, field="text", limit=FEEDBACK_MAX, required=False)
    key = feedback_key(kind, subject.pk)
    already = _("Je gaf al feedback. Dank je wel!")
    if VoiceContribution.objects.for_network(network).filter(kind=kind, feedback_key=key).exists():
        raise ValidationError(already, code="given")
    contribution = VoiceContribution(
        network=network,
        kind=kind,
        useful=useful,
        text=text,
        life_domain_id=support_request.domain_id if support_request is not None else None,
        activity=registration.activity if registration is not None else None,
        language=(language or "nl")[:10],
        feedback_key=key,
    )
    contribution.full_clean(validate_constraints=False)  # the constraint decides below, race-free
    try:
        with transaction.atomic():
            contribution.save()
    except IntegrityError as error:
        raise ValidationError(already, code="given") from error
    return contribution


# --- moderation --------------------------------------------------------------------------------------------------


def _lock_new(contribution: VoiceContribution) -> VoiceContribution:
    fresh = VoiceContribution.objects.select_for_update().get(pk=contribution.pk)
    if fresh.status != ContributionStatus.NEW:
        raise ValidationError(_("Deze bijdrage is al behandeld."))
    return fresh


def quote(contribution: VoiceContribution) -> str:
    """The contribution as an anonymous quote for a signal's evidence."""
    when = date_format(timezone.localtime(contribution.created_at), "DATE_FORMAT")
    if contribution.kind == Kind.VOICE:
        source = _("een ouder, via de stem van ouders, %(when)s") % {"when": when}
    else:
        source = _("een ouder, %(kind)s, %(when)s") % {"kind": contribution.get_kind_display(), "when": when}
    text = contribution.text or contribution.get_useful_display()
    return f"“{text}” ({source})"


def _moderated(contribution: VoiceContribution, status: str, acting_user: User, note: str = "") -> None:
    contribution.status = status
    contribution.moderated_by = acting_user
    contribution.moderated_at = timezone.now()
    contribution.moderation_note = note
    contribution.full_clean(validate_constraints=False)
    contribution.save()


@transaction.atomic
def contribution_to_signal(
    *, contribution: VoiceContribution, title: str, description: str = "", acting_user: User
) -> Signal:
    """A new signal (source: parents, from parents' voice) with the contribution as an anonymous quote."""
    _require_triage(acting_user, contribution.network_id)
    contribution = _lock_new(contribution)
    title = _text(
        title, field="title", limit=200, required=True, empty=_("Geef het signaal een korte titel.")
    )
    description = _text(
        description or contribution.text or contribution.get_useful_display(),
        field="description",
        limit=4000,
        required=True,
    )
    signal = Signal(
        network_id=contribution.network_id,
        title=title,
        description=description,
        age_bands=contribution.age_bands,
        area_id=contribution.area_id,
        life_domain_id=contribution.life_domain_id,
        source=Signal.Source.PARENTS,
        origin=Signal.Origin.VOICE,
        status=Signal.Status.NEW,
        evidence=quote(contribution)[:4000],
        reported_by=acting_user,
        status_changed_at=timezone.now(),
    )
    signal.full_clean()
    signal.save()
    signal_event_record(
        signal=signal, action=SignalEvent.Action.REPORTED, acting_user=acting_user, to_status=signal.status
    )
    signal_event_record(
        signal=signal,
        action=SignalEvent.Action.CONTRIBUTION,
        acting_user=acting_user,
        note=contribution.get_kind_display(),
    )
    contribution.signal = signal
    _moderated(contribution, ContributionStatus.SIGNAL, acting_user)
    return signal


@transaction.atomic
def contribution_link(*, contribution: VoiceContribution, signal: Signal, acting_user: User) -> Signal:
    """Add the contribution to an open signal of the network: its quote joins the signal's evidence when there
    is room, and the signal's trail records it."""
    _require_triage(acting_user, contribution.network_id)
    contribution = _lock_new(contribution)
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.network_id != contribution.network_id:
        raise ValidationError({"signal": _("Dit signaal bestaat niet (meer).")})
    if signal.status not in Signal.OPEN:
        raise ValidationError({"signal": _("Kies een signaal dat nog open is.")})
    addition = quote(contribution)
    evidence = f"{signal.evidence}\n\n{addition}".strip() if signal.evidence else addition
    if len(evidence) <= 4000:
        signal.evidence = evidence
        signal.full_clean()
        signal.save(update_fields=["evidence", "updated_at"])
    signal_event_record(
        signal=signal,
        action=SignalEvent.Action.CONTRIBUTION,
        acting_user=acting_user,
        note=contribution.get_kind_display(),
    )
    contribution.signal = signal
    _moderated(contribution, ContributionStatus.LINKED, acting_user)
    return signal


@transaction.atomic
def contribution_reject(
    *, contribution: VoiceContribution, note: str, acting_user: User
) -> VoiceContribution:
    """Set a contribution aside ("niet weerhouden"), saying why."""
    _require_triage(acting_user, contribution.network_id)
    contribution = _lock_new(contribution)
    note = _text(
        note,
        field="note",
        limit=NOTE_MAX,
        required=True,
        empty=_("Schrijf kort waarom je ze niet weerhoudt."),
    )
    _moderated(contribution, ContributionStatus.REJECTED, acting_user, note)
    return contribution


@transaction.atomic
def contribution_reply(
    *, contribution: VoiceContribution, message: str, acting_user: User
) -> VoiceContribution:
    """Mail the parent who left an e-mail address (through the worker, after commit)."""
    _require_triage(acting_user, contribution.network_id)
    contribution = VoiceContribution.objects.select_for_update().get(pk=contribution.pk)
    if not contribution.email:
        raise ValidationError(
            {"message": _("Deze ouder liet geen e-mailadres achter (of het is al gewist).")}
        )
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Schrijf je antwoord.")})
    if len(message) > REPLY_MAX:
        raise ValidationError(
            {"message": _("Je antwoord is te lang: maximaal %(n)d tekens.") % {"n": REPLY_MAX}}
        )
    contribution.replied_at = timezone.now()
    contribution.save(update_fields=["replied_at", "updated_at"])
    from hvhk.signals.tasks_voice import send_contribution_reply  # the tasks import this module

    _after_commit(lambda: send_contribution_reply.enqueue(str(contribution.pk), message))
    return contribution


# --- calls to take part ------------------------------------------------------------------------------------------


def _call_fields(
    *,
    network_id,
    title: str,
    description: str,
    starts_at: dt.datetime,
    place: str,
    capacity: int | None,
    signup_until: dt.datetime | None,
    theme: Theme | None,
) -> dict:
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Geef de oproep een titel.")})
    description = _text(
        description, field="description", limit=4000, required=True, empty=_("Schrijf wat er gebeurt.")
    )
    if starts_at is None:
        raise ValidationError({"starts_at": _("Geef de datum en het uur.")})
    if signup_until is not None and signup_until > starts_at:
        raise ValidationError({"signup_until": _("Inschrijven moet stoppen voor de oproep begint.")})
    if capacity is not None and capacity < 1:
        raise ValidationError({"capacity": _("Geef minstens één plaats, of laat leeg voor geen grens.")})
    if theme is not None and theme.network_id != network_id:
        raise ValidationError({"theme": _("Dit thema bestaat niet (meer).")})
    return {
        "title": title,
        "description": description,
        "starts_at": starts_at,
        "place": (place or "").strip(),
        "capacity": capacity,
        "signup_until": signup_until,
        "theme": theme,
    }


@transaction.atomic
def call_create(
    *,
    network: Network,
    title: str,
    description: str,
    starts_at: dt.datetime,
    place: str = "",
    capacity: int | None = None,
    signup_until: dt.datetime | None = None,
    theme: Theme | None = None,
    acting_user: User,
) -> ParticipationCall:
    """A new call, as a draft: publishing puts it on the voice page."""
    _require_triage(acting_user, network)
    fields = _call_fields(
        network_id=network.pk,
        title=title,
        description=description,
        starts_at=starts_at,
        place=place,
        capacity=capacity,
        signup_until=signup_until,
        theme=theme,
    )
    if fields["starts_at"] <= timezone.now():
        raise ValidationError({"starts_at": _("Deze datum ligt in het verleden.")})
    call = ParticipationCall(network=network, created_by=acting_user, status=CallStatus.DRAFT, **fields)
    call._history_user = acting_user
    call.full_clean()
    call.save()
    return call


@transaction.atomic
def call_update(
    *,
    call: ParticipationCall,
    title: str,
    description: str,
    starts_at: dt.datetime,
    place: str = "",
    capacity: int | None = None,
    signup_until: dt.datetime | None = None,
    theme: Theme | None = None,
    acting_user: User,
) -> ParticipationCall:
    _require_triage(acting_user, call.network_id)
    call = ParticipationCall.objects.select_for_update().get(pk=call.pk)
    fields = _call_fields(
        network_id=call.network_id,
        title=title,
        description=description,
        starts_at=starts_at,
        place=place,
        capacity=capacity,
        signup_until=signup_until,
        theme=theme,
    )
    taken = call.signups.filter(cancelled_at__isnull=True).count()
    if fields["capacity"] is not None and fields["capacity"] < taken:
        raise ValidationError(
            {
                "capacity": ngettext(
                    "Er is al %(n)d inschrijving: geef minstens zoveel plaatsen.",
                    "Er zijn al %(n)d inschrijvingen: geef minstens zoveel plaatsen.",
                    taken,
                )
                % {"n": taken}
            }
        )
    for name, value in fields.items():
        setattr(call, name, value)
    call._history_user = acting_user
    call.full_clean()
    call.save()
    return call


@transaction.atomic
def call_publish(*, call: ParticipationCall, acting_user: User) -> ParticipationCall:
    """Put a draft (or a closed call) on the voice page; a call that already took place cannot be published."""
    _require_triage(acting_user, call.network_id)
    call = ParticipationCall.objects.select_for_update().get(pk=call.pk)
    if call.status == CallStatus.PUBLISHED:
        raise ValidationError(_("Deze oproep staat al online."))
    if call.starts_at <= timezone.now():
        raise ValidationError(_("Deze oproep ligt in het verleden: pas eerst de datum aan."))
    call.status = CallStatus.PUBLISHED
    call._history_user = acting_user
    call.save(update_fields=["status", "updated_at"])
    return call


@transaction.atomic
def call_close(*, call: ParticipationCall, acting_user: User) -> ParticipationCall:
    """Take a call off the voice page: no more sign-ups (the sign-ups stay until the retention erases them)."""
    _require_triage(acting_user, call.network_id)
    call = ParticipationCall.objects.select_for_update().get(pk=call.pk)
    if call.status == CallStatus.CLOSED:
        raise ValidationError(_("Deze oproep is al afgesloten."))
    call.status = CallStatus.CLOSED
    call._history_user = acting_user
    call.save(update_fields=["status", "updated_at"])
    return call


def _taken(call: ParticipationCall) -> int:
    """The places taken: sign-ups not cancelled."""
    return CallSignup.objects.filter(call_id=call.pk, cancelled_at__isnull=True).count()


def call_places_left(call: ParticipationCall) -> int | None:
    if call.capacity is None:
        return None
    return max(0, call.capacity - _taken(call))


def call_open(call: ParticipationCall, now: dt.datetime | None = None) -> bool:
    """Parents may still sign up: published, not started, before the sign-up deadline."""
    now = now or timezone.now()
    return (
        call.status == CallStatus.PUBLISHED
        and call.starts_at > now
        and (call.signup_until is None or call.signup_until > now)
    )


@transaction.atomic
def call_signup(
    *,
    call: ParticipationCall,
    name: str,
    email: str = "",
    phone: str = "",
    remark: str = "",
    language: str = "nl",
) -> CallSignup:
    """A parent signs up. The call's row is locked while the places are counted, so two parents taking the last
    place at once cannot both get it. A confirmation goes by mail (through the worker) to an e-mail address."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Geef je naam (een voornaam is genoeg).")})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": _("Je naam is te lang: maximaal %(n)d tekens.") % {"n": NAME_MAX}})
    email, phone = clean_email(email), clean_phone(phone)
    if not email and not phone:
        raise ValidationError(
            {"email": _("Geef een e-mailadres of een telefoonnummer, zodat we je kunnen bereiken.")}
        )
    remark = (remark or "").strip()
    if len(remark) > REMARK_MAX:
        raise ValidationError(
            {"remark": _("Je opmerking is te lang: maximaal %(n)d tekens.") % {"n": REMARK_MAX}}
        )
    call = ParticipationCall.objects.select_for_update(of=("self",)).select_related("network").get(pk=call.pk)
    now = timezone.now()
    if call.status != CallStatus.PUBLISHED or call.starts_at <= now:
        raise ValidationError(_("Inschrijven voor deze oproep kan niet (meer)."))
    if call.signup_until is not None and call.signup_until <= now:
        raise ValidationError(
            _("Inschrijven kon tot %(when)s. Dat is voorbij.")
            % {"when": date_format(timezone.localtime(call.signup_until), "DATETIME_FORMAT")}
        )
    active = call.signups.filter(cancelled_at__isnull=True)
    if email and active.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("Met dit e-mailadres ben je al ingeschreven.")})
    if call.capacity is not None and _taken(call) >= call.capacity:
        raise ValidationError(_("Deze oproep is volzet. Er zijn geen plaatsen meer."))
    signup = CallSignup(
        network_id=call.network_id,
        call=call,
        name=name,
        email=email,
        phone=phone,
        remark=remark,
        language=(language or "nl")[:10],
    )
    signup.full_clean()
    signup.save()
    if email:
        from hvhk.signals.tasks_voice import send_signup_confirmation  # the tasks import this module

        _after_commit(lambda: send_signup_confirmation.enqueue(str(signup.pk)))
    return signup


def signup_access_record(
    *, call: ParticipationCall, acting_user: User | None, action: str, detail: str = ""
) -> None:
    """One row of the call's access log: who opened (or erased) the sign-ups' names and contact details."""
    label = "hvhk"
    if acting_user is not None and acting_user.is_authenticated:
        label = acting_user.get_full_name() or acting_user.email
    CallSignupAccess.objects.create(
        network_id=call.network_id,
        user=acting_user if acting_user is not None and acting_user.is_authenticated else None,
        user_label=label[:254],
        call_id_value=call.pk,
        call_title=call.title[:200],
        action=action,
        detail=detail[:200],
    )


# --- retention ---------------------------------------------------------------------------------------------------


@transaction.atomic
def voice_retention(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Erase what is personal in parents' voice after VOICE_RETENTION_DAYS: e-mail addresses left with a
    contribution (counted from the contribution), and sign-ups' names, contact details and remarks (counted from
    the call's date). The contributions and the number of sign-ups stay. Safe to run twice.
    Returns (e-mail addresses erased, sign-ups erased)."""
    now = now or timezone.now()
    limit = now - dt.timedelta(days=settings.VOICE_RETENTION_DAYS)
    emails = (
        VoiceContribution.objects.filter(created_at__lt=limit)
        .exclude(email="")
        .update(email="", email_erased_at=now, updated_at=now)
    )
    due = CallSignup.objects.filter(call__starts_at__lt=limit, erased_at__isnull=True)
    signups = 0
    for call in ParticipationCall.objects.filter(pk__in=due.values("call_id")).order_by("starts_at"):
        count = due.filter(call=call).update(
            name="", email="", phone="", remark="", erased_at=now, updated_at=now
        )
        signup_access_record(
            call=call,
            acting_user=None,
            action=CallSignupAccess.Action.ERASE,
            detail=ngettext("%(n)d inschrijving gewist", "%(n)d inschrijvingen gewist", count) % {"n": count},
        )
        signups += count
    return emails, signups
