"""Public sessions as iCalendar (RFC 5545): the network's feed and one activity's sessions.

Times carry TZID=Europe/Brussels with its VTIMEZONE in the file (no floating times), every event has a DTEND,
and a session keeps one UID for life while SEQUENCE follows `Session.sequence`, so calendar programs that
subscribed update an event (or strike it out: STATUS:CANCELLED) instead of adding a second one."""

import datetime as dt
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vText

from hvhk.activities.models import Session
from hvhk.activities.selectors.public import age_label, place_label, price_label

PRODID = "-//Huis van het Kind//Activiteiten//NL"
BRUSSELS = ZoneInfo("Europe/Brussels")


def session_uid(session: Session) -> str:
    host = settings.BASE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"
    return f"activity-session-{session.pk}@{host}"


def _address(session: Session) -> str:
    activity = session.activity
    if activity.online:
        return _("Online")
    location = activity.location
    if location is None:
        return ""
    address = next(iter(location.addresses.all()), None)
    if address is None:
        return place_label(activity)
    street = f"{address.address_1}, {address.postal_code} {address.city}".strip(", ")
    return ", ".join(p for p in (location.name, street) if p)


def _event(session: Session, *, url: str, stamp: dt.datetime, language: str | None) -> Event:
    activity = session.activity
    title, _fallback = activity.translated("title", language)
    description, _fallback = activity.translated("description", language)
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp)
    event.add("dtstart", session.starts_at.astimezone(BRUSSELS))
    event.add("dtend", session.ends_at.astimezone(BRUSSELS))
    if session.updated_at:
        event.add("last-modified", session.updated_at)
    event.add("sequence", session.sequence)
    summary = title
    if session.is_cancelled:
        summary = _("Afgelast: %(title)s") % {"title": title}
    event.add("summary", summary)
    facts = [age_label(activity).capitalize(), price_label(activity)]
    lines = [description.strip(), " · ".join(f for f in facts if f)]
    if session.is_cancelled:
        lines.insert(
            0, _("Dit moment is afgelast.") + (f" {session.cancel_reason}" if session.cancel_reason else "")
        )
    lines.append(_("Meer info en inschrijven: %(url)s") % {"url": url})
    event.add("description", "\n\n".join(line for line in lines if line))
    location = _address(session)
    if location:
        event["location"] = vText(location)
    event.add("url", url)
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def sessions_ics(sessions: Iterable[Session], *, name: str, url_for: Callable[[Session], str]) -> bytes:
    """A calendar (METHOD:PUBLISH) of `sessions` (with activity, place and addresses loaded)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Brussels")
    calendar.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    stamp = timezone.now().replace(microsecond=0)
    language = get_language()
    for session in sessions:
        calendar.add_component(_event(session, url=url_for(session), stamp=stamp, language=language))
    calendar.add_missing_timezones()
    return calendar.to_ical()
