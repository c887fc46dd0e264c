"""An activity as a UiTdatabank event: the mapping to what UiTdatabank's Entry API takes (`POST /events`), and the
reasons an activity cannot go there. Pure functions: no query, no setting read here (the caller passes them).

The shape follows publiq's udb3-json-schemas (`event.json`, Draft 7):

- `mainLanguage` "nl"; `name` and `description` in Dutch plus the translations UiTdatabank takes (fr, de, en;
  not tr or ar). A name longer than UiTdatabank's 90 characters is cut at a word, with "…".
- `terms`: exactly one `eventtype` term, the id configured for the activity's kind.
- `location`: `{"@id": <the Location's uitdatabank_place_id>}`. UiTdatabank only takes a place it already
  knows. An online activity has `attendanceMode` "online", the `onlineUrl` when there is one, and UiTdatabank's
  "nil place" as its location (the schema wants a location on every event). An activity with a place that
  is also online is "mixed" and needs the place's id.
- `calendarType` "single" (one session, one `subEvent`) or "multiple" (two or more sessions). Only upcoming
  sessions go out. A cancelled upcoming session stays in the list with status "Unavailable", so UiTdatabank
  drops a date it already had. "periodic" is not used: every session of a recurring activity is a date of its
  own here.
- Each `subEvent` has `startDate`/`endDate` (ISO 8601 in Europe/Brussels, with the offset), `status`, and
  `bookingAvailability` from the places (a full session, or a full series, is "Unavailable"; the waiting list
  does not count as a place), with `capacity` and `remainingCapacity` when there is a limit. The event's own
  `bookingAvailability` is "Unavailable" only when every date still on is full.
- `typicalAgeRange` from the ages in months, as whole years: 6 to 36 months is "0-3", up to 12 years is "-12",
  from 3 years is "3-". UiTdatabank has no pregnancy: an activity from pregnancy starts at 0 (the parents come
  for the baby on the way), so pregnancy to 12 months is "0-1" and pregnancy only (up to birth) is "0-0". No ages
  at all: no range (all ages).
- `languages`: the languages the texts are in (nl and the translations above), as UiTdatabank defines the
  field; the languages spoken at the activity have no field in UiTdatabank (Turkish or Arabic are not in its
  list) and stay on our own page.
- `priceInfo`: the base price in euro (0 when free) and, when set, the UiTPAS rate as a `tariff`. UiTdatabank
  adds its own `uitpas` rows itself (that category is read-only).
- `bookingInfo`: the activity's public page on HVHK_BASE_URL (where families register) and the contact e-mail;
  without registration those go in `contactPoint` instead.
- `audience` everyone; `status` Available.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from hvhk.activities.models import Activity, Session
from hvhk.activities.selectors.availability import Availability

MAIN_LANGUAGE = "nl"
TRANSLATIONS = ("fr", "de", "en")  # the languages UiTdatabank takes besides Dutch
NAME_MAX = 90  # UiTdatabank's longest name
TIME_ZONE = ZoneInfo("Europe/Brussels")

UITPAS_TARIFF = {
    "nl": "UiTPAS-kansentarief",
    "fr": "Tarif réduit UiTPAS",
    "de": "UiTPAS-Ermäßigungstarif",
    "en": "UiTPAS reduced rate",
}
BASE_TARIFF = {"nl": "Basistarief", "fr": "Tarif de base", "de": "Basisrate", "en": "Base tariff"}
# One of UiTdatabank's suggested call-to-action texts for the booking link.
REGISTER_LABEL = {"nl": "Schrijf je in", "fr": "Inscrivez-vous", "de": "Melden Sie sich an", "en": "Enroll"}


@dataclass(frozen=True)
class ExportConfig:
    event_types: Mapping[str, str]  # activity kind -> UiTdatabank eventtype term id
    online_place: str  # UiTdatabank's nil place, the location of online events


def _now_sessions(sessions: Sequence[Session], now: dt.datetime) -> list[Session]:
    return sorted((s for s in sessions if s.starts_at > now), key=lambda s: s.starts_at)


def export_problems(
    activity: Activity, sessions: Sequence[Session], *, now: dt.datetime, config: ExportConfig
) -> list[str]:
    """Why `activity` (with `sessions`, all of them or only the upcoming ones) cannot go to UiTdatabank; empty
    when it can."""
    problems = []
    if not activity.is_public:
        problems.append("not published")
    if not any(not s.is_cancelled for s in _now_sessions(sessions, now)):
        problems.append("no upcoming sessions")
    if activity.location_id is not None:
        if not activity.location.uitdatabank_place_id:
            problems.append(f"its place {activity.location} has no UiTdatabank place id")
    elif not activity.online:
        problems.append("no place and not online")
    if not config.event_types.get(activity.kind):
        problems.append(
            f"no UiTdatabank event type for the kind {activity.kind!r} (HVHK_UITDATABANK_EVENT_TYPES)"
        )
    if not activity.title.strip():
        problems.append("no title")
    return problems


def _cut(text: str, limit: int = NAME_MAX) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:  # the cut falls inside a word: drop that word
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-") + "…"


def _texts(activity: Activity, field: str, *, limit: int | None = None) -> dict[str, str]:
    original = getattr(activity, field).strip()
    if not original:
        return {}
    texts = {MAIN_LANGUAGE: original}
    for language in TRANSLATIONS:
        text = ((activity.translations or {}).get(language) or {}).get(field, "")
        if isinstance(text, str) and text.strip():
            texts[language] = text.strip()
    if limit:
        texts = {language: _cut(text, limit) for language, text in texts.items()}
    return texts


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(TIME_ZONE).isoformat(timespec="seconds")


def age_range(minimum_months: int | None, maximum_months: int | None) -> str | None:
    """UiTdatabank's `typicalAgeRange` ("0-3", "-12", "3-") from the ages in months; None for all ages."""
    if minimum_months is None and maximum_months is None:
        return None
    low = "" if minimum_months is None else str(max(minimum_months, 0) // 12)
    high = "" if maximum_months is None else str(max(maximum_months, 0) // 12)
    return f"{low}-{high}"


def _euro(cents: int) -> float | int:
    return cents // 100 if cents % 100 == 0 else round(cents / 100, 2)


def _price_info(activity: Activity) -> list[dict]:
    rows = [
        {
            "category": "base",
            "price": _euro(activity.price_cents),
            "priceCurrency": "EUR",
            "name": BASE_TARIFF,
        }
    ]
    if activity.uitpas_price_cents is not None and activity.price_cents > 0:
        rows.append(
            {
                "category": "tariff",
                "price": _euro(activity.uitpas_price_cents),
                "priceCurrency": "EUR",
                "name": UITPAS_TARIFF,
            }
        )
    return rows


def _booking(availability: Availability | None) -> dict:
    if availability is None or availability.places is None:
        return {"type": "Available"}
    return {
        "type": "Unavailable" if availability.is_full else "Available",
        "capacity": availability.places,
        "remainingCapacity": availability.left,
    }


def event_for(
    activity: Activity,
    sessions: Sequence[Session],
    *,
    availability: Mapping,
    page_url: str,
    now: dt.datetime,
    config: ExportConfig,
) -> dict:
    """`activity` as a UiTdatabank event. `sessions` are its sessions (only the upcoming ones are used),
    `availability` maps a session's id to its places (`selectors.availability`), `page_url` is its public
    page. Call `export_problems` first: this assumes there are none."""
    upcoming = _now_sessions(sessions, now)
    sub_events = []
    for index, session in enumerate(upcoming):
        sub_event = {
            "id": index,
            "startDate": _iso(session.starts_at),
            "endDate": _iso(session.ends_at),
            "status": {"type": "Unavailable" if session.is_cancelled else "Available"},
            "bookingAvailability": _booking(availability.get(session.pk)),
        }
        if session.is_cancelled:
            sub_event["bookingAvailability"] = {"type": "Unavailable"}
            if session.cancel_reason.strip():
                sub_event["status"]["reason"] = {MAIN_LANGUAGE: session.cancel_reason.strip()}
        sub_events.append(sub_event)
    on = [e for e in sub_events if e["status"]["type"] == "Available"]
    bookable = any(e["bookingAvailability"]["type"] == "Available" for e in on)

    event: dict = {
        "mainLanguage": MAIN_LANGUAGE,
        "name": _texts(activity, "title", limit=NAME_MAX),
        "terms": [{"id": config.event_types[activity.kind], "domain": "eventtype"}],
    }
    if activity.location_id is not None:
        event["location"] = {"@id": activity.location.uitdatabank_place_id}
        event["attendanceMode"] = "mixed" if activity.online else "offline"
    else:
        event["location"] = {"@id": config.online_place}
        event["attendanceMode"] = "online"
    if activity.online and activity.online_url:
        event["onlineUrl"] = activity.online_url
    event["calendarType"] = "single" if len(sub_events) == 1 else "multiple"
    event["subEvent"] = sub_events
    event["status"] = {"type": "Available"}
    event["bookingAvailability"] = {"type": "Available" if bookable else "Unavailable"}
    event["audience"] = {"audienceType": "everyone"}
    ages = age_range(activity.minimum_age_months, activity.maximum_age_months)
    if ages is not None:
        event["typicalAgeRange"] = ages
    description = _texts(activity, "description")
    if description:
        event["description"] = description
    event["languages"] = list(event["name"])
    event["priceInfo"] = _price_info(activity)
    if activity.registration_required:
        booking = {"url": page_url, "urlLabel": REGISTER_LABEL}
        if activity.contact_email:
            booking["email"] = activity.contact_email
        event["bookingInfo"] = booking
    else:
        event["contactPoint"] = {
            "phone": [],
            "email": [activity.contact_email] if activity.contact_email else [],
            "url": [page_url],
        }
    return event
