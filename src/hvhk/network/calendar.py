"""Meetings as iCalendar (RFC 5545): the .ics attached to an invitation and a person's private feed.

The event's UID stays the same for the life of a meeting and SEQUENCE rises with every change of date, time or
place, so calendar programs update the event instead of adding a second one."""

import datetime as dt

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from hvhk.network.models import Meeting

PRODID = "-//Huis van het Kind//Netwerk//NL"


def meeting_uid(meeting: Meeting) -> str:
    host = settings.BASE_URL.split("//", 1)[-1].split("/", 1)[0] or "localhost"
    return f"meeting-{meeting.pk}@{host}"


def _event(meeting: Meeting, *, url: str = "", cancelled: bool = False) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at or meeting.starts_at + dt.timedelta(hours=2))
    event.add("summary", f"{meeting.body.name}: {meeting.title}")
    description = meeting.description
    if meeting.online_url:
        description = f"{description}\n\n{meeting.online_url}".strip()
    if description:
        event.add("description", description)
    location = meeting.place or meeting.online_url
    if location:
        event["location"] = vText(location)
    if url:
        event.add("url", url)
    event.add("sequence", meeting.sequence)
    event.add(
        "status", "CANCELLED" if cancelled or meeting.status == Meeting.Status.CANCELLED else "CONFIRMED"
    )
    return event


def invitation_ics(meeting: Meeting, *, attendee_email: str, attendee_name: str, url: str = "") -> bytes:
    """The .ics for one invited person: METHOD:REQUEST (or CANCEL once the meeting is cancelled)."""
    cancelled = meeting.status == Meeting.Status.CANCELLED
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = _event(meeting, url=url, cancelled=cancelled)
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
    organizer.params["cn"] = vText(meeting.body.name)
    event["organizer"] = organizer
    attendee = vCalAddress(f"mailto:{attendee_email}")
    attendee.params["cn"] = vText(attendee_name)
    attendee.params["rsvp"] = vText("TRUE")
    event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    return calendar.to_ical()


def feed_ics(meetings, *, name: str) -> bytes:
    """A subscribable calendar (METHOD:PUBLISH) of `meetings` that have a date."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-published-ttl", "PT1H")
    for meeting in meetings:
        if meeting.starts_at:
            calendar.add_component(_event(meeting))
    return calendar.to_ical()
