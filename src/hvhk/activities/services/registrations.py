"""Families' registrations, without an account: sign up, change, cancel; the waiting list and its offers;
reminders the day before; anonymisation after the retention period.

Places are counted while the activity's row is locked (`select_for_update` on PostgreSQL; SQLite's IMMEDIATE
transactions let one writer in at a time), so two families taking the last place at the same moment cannot both
get it: the second one counts again after the first has committed and lands on the waiting list.

The private link carries a token derived from the registration's random id with the site's secret key (an HMAC,
as the news digest's unsubscribe link): only its SHA-256 is stored, yet the offer and reminder mails can carry
the same link as the confirmation. Anonymising replaces the stored hash by a random one, so the link dies.

Every function is one transaction; mails leave after commit and a mail server that is down costs nobody their
place (failures are logged, not raised)."""

import datetime as dt
import logging
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, override

from hvhk.activities.models import Activity, Registration, RegistrationAccess, Session
from hvhk.activities.selectors.availability import (
    Availability,
    series_availability,
    session_availability,
    units,
)
from hvhk.activities.selectors.registrations_public import registration_over, waiting_position
from hvhk.core.lib.erasures import erasure_record
from hvhk.core.lib.faults import pause_point
from hvhk.core.lib.http import absolute_url
from hvhk.core.lib.mail import send
from hvhk.core.lib.tokens import token_hash

logger = logging.getLogger(__name__)

TOKEN_SALT = "hvhk.activities.registration"  # noqa: S105 (an HMAC salt, not a secret)
MAX_PEOPLE = 20
REMARK_MAX = 1000
Status = Registration.Status

NOT_OPEN = gettext_lazy("Voor deze activiteit kun je je niet inschrijven.")


# --- the private link ------------------------------------------------------------------------------------------


def registration_token(registration: Registration) -> str:
    """The secret of a registration's private link (derived from its random id with the secret key)."""
    return salted_hmac(TOKEN_SALT, str(registration.pk), algorithm="sha256").hexdigest()


def registration_link(registration: Registration) -> str:
    """The absolute address of the private page (for mails, read outside any request)."""
    return absolute_url(
        "activities:registration", registration.network.slug, registration_token(registration)
    )


# --- helpers -----------------------------------------------------------------------------------------------------


def _lock(activity: Activity) -> Activity:
    """The activity's row, locked for this transaction and read again."""
    return Activity.objects.select_for_update(of=("self",)).select_related("network").get(pk=activity.pk)


def _reload(registration: Registration) -> Registration:
    return Registration.objects.select_for_update().get(pk=registration.pk)


def _session_of(activity: Activity, session: Session | None) -> Session | None:
    """`session` read again under the activity's lock (it may have been cancelled meanwhile)."""
    if session is None:
        return None
    fresh = Session.objects.get(pk=session.pk)
    fresh.activity = activity if fresh.activity_id == activity.pk else fresh.activity
    return fresh


def _live_sessions(activity: Activity):
    return Session.objects.filter(activity=activity, is_cancelled=False).order_by("starts_at")


def _availability(activity: Activity, session: Session | None) -> Availability:
    if activity.per_series or session is None:
        return series_availability(activity=activity)
    return session_availability(session=session)


def _slot_open(activity: Activity, session: Session | None, now: dt.datetime) -> bool:
    """Families may still join this session (or this series): not cancelled and not started."""
    if activity.per_series:
        first = _live_sessions(activity).first()
        return first is not None and first.starts_at > now
    return session is not None and not session.is_cancelled and session.starts_at > now


def _check_slot(activity: Activity, session: Session | None, now: dt.datetime) -> None:
    if activity.per_series:
        if session is not None:
            raise ValidationError(
                {"session": _("Voor deze reeks schrijf je je één keer in, voor alle momenten samen.")}
            )
        live = list(_live_sessions(activity))
        if not live or live[-1].starts_at <= now:
            raise ValidationError({"session": _("Deze reeks heeft geen momenten meer.")})
        if live[0].starts_at <= now:
            raise ValidationError({"session": _("Deze reeks is al begonnen. Inschrijven kan niet meer.")})
        return
    if session is None:
        raise ValidationError({"session": _("Kies een moment.")})
    if session.activity_id != activity.pk:
        raise ValidationError({"session": _("Dit moment hoort bij een andere activiteit.")})
    if session.is_cancelled:
        raise ValidationError({"session": _("Dit moment is afgelast. Kies een ander moment.")})
    if session.starts_at <= now:
        raise ValidationError({"session": _("Dit moment is al begonnen of voorbij. Kies een ander moment.")})


def _check_people(adults: int, children: int) -> None:
    if adults is None or children is None or adults < 0 or children < 0:
        raise ValidationError({"adults": _("Geef aan met hoeveel volwassenen en kinderen jullie komen.")})
    if adults > MAX_PEOPLE or children > MAX_PEOPLE:
        raise ValidationError(
            {"adults": _("Met meer dan %(n)d? Neem contact op met de organisator.") % {"n": MAX_PEOPLE}}
        )
    if adults + children < 1:
        raise ValidationError({"adults": _("Geef aan met hoeveel jullie komen: minstens één persoon.")})


def _check_texts(children_ages: str, remark: str) -> None:
    if len(remark or "") > REMARK_MAX:
        raise ValidationError(
            {"remark": _("Je opmerking is te lang: maximaal %(n)d tekens.") % {"n": REMARK_MAX}}
        )
    if len(children_ages or "") > 100:
        raise ValidationError({"children_ages": _("Schrijf de leeftijden korter: maximaal 100 tekens.")})


def _too_many_message(left: int, waiting_list: bool) -> str:
    if waiting_list:
        return ngettext(
            "Er is nog %(n)d plaats. Kies minder personen, of zet jullie op de wachtlijst.",
            "Er zijn nog %(n)d plaatsen. Kies minder personen, of zet jullie op de wachtlijst.",
            left,
        ) % {"n": left}
    return ngettext(
        "Er is nog %(n)d plaats. Kies minder personen.",
        "Er zijn nog %(n)d plaatsen. Kies minder personen.",
        left,
    ) % {"n": left}


def _after_commit(function, *args) -> None:
    transaction.on_commit(lambda: _safely(function, *args), robust=True)


def _safely(function, *args) -> None:
    try:
        function(*args)
    except Exception:
        logger.exception("Sending a registration mail failed")


# --- mails -------------------------------------------------------------------------------------------------------


def _mail(registration: Registration, template: str, subject: str, **extra) -> int:
    """One mail to the registrant, in their language, with their private link; nothing without an e-mail."""
    if not registration.email or registration.is_anonymised:
        return 0
    registration = (
        Registration.objects.select_related("network", "activity", "session", "activity__location")
        .filter(pk=registration.pk)
        .first()
    ) or registration
    with override(registration.language or settings.LANGUAGE_CODE):
        title, _fallback = registration.activity.translated("title", registration.language)
        context = {
            "registration": registration,
            "activity": registration.activity,
            "title": title,
            "network": registration.network,
            "session": registration.session,
            "sessions": list(_live_sessions(registration.activity)),
            "link": registration_link(registration),
            "position": waiting_position(registration=registration),
            **extra,
        }
        return send(
            f"{subject}: {title}",
            render_to_string(f"activities/mail/{template}", context),
            [registration.email],
        )


def _mail_created(registration: Registration) -> None:
    if registration.status == Status.WAITING:
        _mail(registration, "registration_waiting.txt", gettext_lazy("Je staat op de wachtlijst"))
    else:
        _mail(registration, "registration_confirmed.txt", gettext_lazy("Je bent ingeschreven"))


def _mail_offer(registration: Registration) -> None:
    _mail(registration, "registration_offer.txt", gettext_lazy("Er is een plaats vrij voor jullie"))


def _mail_expired(registration: Registration) -> None:
    _mail(registration, "registration_expired.txt", gettext_lazy("Je aangeboden plaats is vervallen"))


def _mail_cancelled(registration: Registration) -> None:
    _mail(registration, "registration_cancelled.txt", gettext_lazy("Je inschrijving is geannuleerd"))


def _mail_reminder(registration: Registration, session_id) -> None:
    session = Session.objects.filter(pk=session_id).first()
    _mail(registration, "registration_reminder.txt", gettext_lazy("Morgen"), reminder_session=session)


# --- the family's own steps ------------------------------------------------------------------------------------


@transaction.atomic
def registration_create(
    *,
    activity: Activity,
    session: Session | None = None,
    name: str,
    email: str,
    phone: str,
    adults: int,
    children: int,
    children_ages: str,
    remark: str,
    consent_contact: bool,
    language: str,
    join_waiting_list: bool = False,
) -> tuple[Registration, str]:
    """Register a family for `session` (or for the series): confirmed while places last, else on the waiting
    list (when the activity keeps one). Returns the registration and the token of its private link."""
    now = timezone.now()
    activity = _lock(activity)
    if activity.status != Activity.Status.PUBLISHED or not activity.registration_required:
        raise ValidationError({"session": NOT_OPEN})
    session = _session_of(activity, session)
    _check_slot(activity, session, now)
    name, email, phone = (name or "").strip(), (email or "").strip(), (phone or "").strip()
    if not name:
        raise ValidationError({"name": _("Vul je naam in.")})
    if not email and not phone:
        raise ValidationError({"email": _("Geef een e-mailadres of een telefoonnummer.")})
    _check_people(adults, children)
    _check_texts(children_ages, remark)
    if not consent_contact:
        raise ValidationError(
            {"consent_contact": _("Geef toestemming om je te contacteren over deze activiteit.")}
        )

    places = _availability(activity, session)
    need = units(activity=activity, adults=adults, children=children)
    registration = Registration(
        network_id=activity.network_id,
        activity=activity,
        session=None if activity.per_series else session,
        name=name,
        email=email,
        phone=phone,
        adults=adults,
        children=children,
        children_ages=(children_ages or "").strip(),
        remark=(remark or "").strip(),
        consent_contact=True,
        language=(language or settings.LANGUAGE_CODE)[:10],
    )
    if places.left is None or places.left >= need:
        registration.status, registration.confirmed_at = Status.CONFIRMED, now
    elif places.left > 0 and not (join_waiting_list and activity.waiting_list):
        raise ValidationError({"adults": _too_many_message(places.left, activity.waiting_list)})
    elif activity.waiting_list:
        registration.status, registration.queued_at = Status.WAITING, now
    else:
        raise ValidationError({"session": _("Volzet: er zijn geen plaatsen meer.")})
    token = registration_token(registration)
    registration.token_hash = token_hash(token)
    registration.full_clean()
    registration.save()
    pause_point("activity-registration")  # (tests/faults: killed here, before the commit)
    _after_commit(_mail_created, registration)
    return registration, token


@transaction.atomic
def registration_change(
    *, registration: Registration, adults: int, children: int, children_ages: str, remark: str
) -> Registration:
    """The family changes how many come (more only while places allow), the children's ages or the remark.
    Fewer people free places for the waiting list."""
    now = timezone.now()
    activity = _lock(registration.activity)
    registration = _reload(registration)
    registration.activity = activity
    _refuse_closed(registration, now)
    _check_people(adults, children)
    _check_texts(children_ages, remark)
    before = units(activity=activity, adults=registration.adults, children=registration.children)
    after = units(activity=activity, adults=adults, children=children)
    holding = registration.status in Registration.HOLDING
    if holding and after > before:
        places = _availability(activity, registration.session)
        if places.left is not None and after - before > places.left:
            raise ValidationError(
                {
                    "adults": ngettext(
                        "Er is nog %(n)d plaats vrij. Kies minder personen.",
                        "Er zijn nog %(n)d plaatsen vrij. Kies minder personen.",
                        places.left,
                    )
                    % {"n": places.left}
                }
            )
    registration.adults, registration.children = adults, children
    registration.children_ages = (children_ages or "").strip()
    registration.remark = (remark or "").strip()
    registration.full_clean()
    registration.save(update_fields=["adults", "children", "children_ages", "remark", "updated_at"])
    if holding and after < before:
        waitlist_advance(activity=activity, session=registration.session)
    return registration


def _refuse_closed(registration: Registration, now: dt.datetime) -> None:
    if registration.is_anonymised:
        raise ValidationError({"status": _("Deze inschrijving bestaat niet meer.")})
    if registration.status == Status.CANCELLED:
        raise ValidationError({"status": _("Deze inschrijving is al geannuleerd.")})
    if registration.status == Status.EXPIRED:
        raise ValidationError({"status": _("De aangeboden plaats is vervallen.")})
    if registration_over(registration=registration, now=now):
        raise ValidationError({"status": _("Deze activiteit is al voorbij.")})


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration:
    """The family cancels (through its private link). Its places go to the first on the waiting list."""
    now = timezone.now()
    activity = _lock(registration.activity)
    registration = _reload(registration)
    registration.activity = activity
    _refuse_closed(registration, now)
    held = registration.status in Registration.HOLDING
    registration.status, registration.cancelled_at = Status.CANCELLED, now
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    _after_commit(_mail_cancelled, registration)
    if held:
        waitlist_advance(activity=activity, session=registration.session)
    return registration


@transaction.atomic
def registration_offer_accept(*, registration: Registration) -> Registration:
    """The family takes the place it was offered, before the offer runs out."""
    now = timezone.now()
    activity = _lock(registration.activity)
    registration = _reload(registration)
    registration.activity = activity
    _refuse_closed(registration, now)
    if registration.status == Status.CONFIRMED:
        raise ValidationError({"status": _("Je bent al ingeschreven.")})
    if registration.status != Status.OFFERED:
        raise ValidationError({"status": _("Er is (nog) geen plaats voor jullie vrij.")})
    if registration.offer_expires_at and registration.offer_expires_at <= now:
        raise ValidationError({"status": _("De aangeboden plaats is vervallen.")})
    registration.status, registration.confirmed_at = Status.CONFIRMED, now
    registration.save(update_fields=["status", "confirmed_at", "updated_at"])
    _after_commit(_mail_created, registration)
    return registration


@transaction.atomic
def registration_offer_decline(*, registration: Registration) -> Registration:
    """The family does not take the offered place: it goes to the next on the list."""
    registration = _reload(registration)
    if registration.status != Status.OFFERED:
        _refuse_closed(registration, timezone.now())
        raise ValidationError({"status": _("Er is (nog) geen plaats voor jullie vrij.")})
    return registration_cancel(registration=registration)


# --- the waiting list -------------------------------------------------------------------------------------------


@transaction.atomic
def waitlist_advance(*, activity: Activity, session: Session | None = None) -> list[Registration]:
    """Offer free places to the first waiting families that fit, in the order they joined. A family that does
    not fit is skipped but keeps its place in line. Each offer holds its places for `offer_window_hours`."""
    now = timezone.now()
    activity = _lock(activity)
    session = None if activity.per_series else _session_of(activity, session)
    if not _slot_open(activity, session, now):
        return []
    left = _availability(activity, session).left
    waiting = Registration.objects.filter(
        activity=activity, session=session, status=Status.WAITING, anonymised_at__isnull=True
    ).order_by("queued_at", "pk")
    offered = []
    expires = now + dt.timedelta(hours=activity.offer_window_hours)
    for registration in waiting.select_for_update():
        need = units(activity=activity, adults=registration.adults, children=registration.children)
        if left is not None and need > left:
            if left <= 0:
                break
            continue
        registration.status, registration.offered_at, registration.offer_expires_at = (
            Status.OFFERED,
            now,
            expires,
        )
        registration.save(update_fields=["status", "offered_at", "offer_expires_at", "updated_at"])
        _after_commit(_mail_offer, registration)
        offered.append(registration)
        if left is not None:
            left -= need
    return offered


def offers_expire(*, now: dt.datetime | None = None) -> int:
    """Offers nobody took in time expire (with a mail), and their places go to the next in line."""
    now = now or timezone.now()
    due = Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now).values_list(
        "pk", flat=True
    )
    count = 0
    for pk in list(due):
        with transaction.atomic():
            registration = Registration.objects.select_related("activity").get(pk=pk)
            activity = _lock(registration.activity)
            registration = _reload(registration)
            if registration.status != Status.OFFERED or registration.offer_expires_at > now:
                continue  # accepted or declined meanwhile
            registration.status = Status.EXPIRED
            registration.save(update_fields=["status", "updated_at"])
            _after_commit(_mail_expired, registration)
            waitlist_advance(activity=activity, session=registration.session)
            count += 1
    return count


# --- reminders and retention -------------------------------------------------------------------------------------


def _tomorrow(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Tomorrow from midnight to midnight, in Brussels (a day may be 23 or 25 hours long)."""
    day = timezone.localtime(now).date() + dt.timedelta(days=1)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))
    return start, end


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """One reminder per registration the day before its session (for a series: before the first session
    only). Safe to run every hour: `reminder_sent_at` marks who had theirs."""
    now = now or timezone.now()
    start, end = _tomorrow(now)
    sessions = list(
        Session.objects.filter(starts_at__gte=start, starts_at__lt=end, is_cancelled=False).select_related(
            "activity"
        )
    )
    count = 0
    for session in sessions:
        if session.activity.per_series:
            first = _live_sessions(session.activity).first()
            if first is None or first.pk != session.pk:
                continue
            rows = Registration.objects.filter(activity_id=session.activity_id, session__isnull=True)
        else:
            rows = Registration.objects.filter(session=session)
        rows = rows.filter(
            status=Status.CONFIRMED, reminder_sent_at__isnull=True, anonymised_at__isnull=True
        ).exclude(email="")
        for pk in list(rows.values_list("pk", flat=True)):
            with transaction.atomic():
                registration = Registration.objects.select_for_update().get(pk=pk)
                if registration.reminder_sent_at or registration.status != Status.CONFIRMED:
                    continue
                registration.reminder_sent_at = now
                registration.save(update_fields=["reminder_sent_at", "updated_at"])
                _after_commit(_mail_reminder, registration, session.pk)
                count += 1
        if count and session.reminder_sent_at is None:
            Session.objects.filter(pk=session.pk).update(reminder_sent_at=now)
    return count


def registrations_anonymise(*, now: dt.datetime | None = None) -> int:
    """Empty the personal fields of registrations `REGISTRATION_RETENTION_MONTHS` after their session (the last
    session of a series). Counts, status and attendance stay for the reports; the private link dies. One access
    log row per activity says how many."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=round(settings.REGISTRATION_RETENTION_MONTHS * 30.44))
    series_over = (
        Activity.objects.filter(schedule=Activity.Schedule.SERIES)
        .annotate(last=Max("sessions__ends_at"))
        .filter(last__lte=cutoff)
        .values_list("pk", flat=True)
    )
    due = Registration.objects.filter(anonymised_at__isnull=True).filter(
        Q(session__ends_at__lte=cutoff) | Q(session__isnull=True, activity_id__in=list(series_over))
    )
    by_activity: dict = {}
    for pk, activity_id in due.values_list("pk", "activity_id"):
        by_activity.setdefault(activity_id, []).append(pk)
    total = 0
    for activity_id, pks in by_activity.items():
        with transaction.atomic():
            rows = list(
                Registration.objects.select_for_update().filter(pk__in=pks, anonymised_at__isnull=True)
            )
            for row in rows:
                _blank(row, now)
            erasure_record(
                kind="activity-registration",
                ids=[row.pk for row in rows],
                network_id=rows[0].network_id if rows else None,
            )
            Registration.objects.bulk_update(rows, BLANKED)
            if rows:
                activity = Activity.objects.get(pk=activity_id)
                _log_anonymised(activity, len(rows))
            total += len(rows)
    return total


BLANKED = [
    "name",
    "email",
    "phone",
    "children_ages",
    "remark",
    "consent_contact",
    "token_hash",
    "anonymised_at",
]


def _blank(row: Registration, now: dt.datetime) -> None:
    """Empty what names the family; the private link dies."""
    row.name = row.email = row.phone = row.children_ages = row.remark = ""
    row.consent_contact = False
    row.token_hash = token_hash(secrets.token_urlsafe(32))
    row.anonymised_at = now


@transaction.atomic
def registrations_erasure_replay(*, ids: list[str]) -> int:
    """After a restore from a backup: anonymise again the registrations the erasure journal lists
    (core/lib/erasures.py) that the backup still holds with their data. Returns how many."""
    now = timezone.now()
    rows = list(Registration.objects.select_for_update().filter(pk__in=ids, anonymised_at__isnull=True))
    for row in rows:
        _blank(row, now)
    Registration.objects.bulk_update(rows, BLANKED)
    return len(rows)


def _log_anonymised(activity: Activity, count: int) -> None:
    # Stored text, written by the worker: in the site's language, whatever language the process last spoke.
    with translation.override(settings.LANGUAGE_CODE):
        RegistrationAccess.objects.create(
            network_id=activity.network_id,
            user=None,
            user_label=_("bewaartermijn (automatisch)"),
            activity_id_value=activity.pk,
            activity_title=activity.title[:200],
            action=RegistrationAccess.Action.ANONYMISE,
            detail=ngettext("%(n)d inschrijving geanonimiseerd", "%(n)d inschrijvingen geanonimiseerd", count)
            % {"n": count},
        )
