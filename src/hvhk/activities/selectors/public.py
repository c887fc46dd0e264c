"""What families see of activities: upcoming public sessions with filters, as cards grouped by day, the feeds' and
the house poster's sessions, and the few activities that fit a search.

Public means: the activity is published and the session has not ended yet. Cancelled sessions stay on the list,
marked "afgelast" (a family that planned to go must be able to see it is off), and in the feeds with
STATUS:CANCELLED; the printed poster leaves them out.

Every list here costs a fixed number of queries, whatever its length: the sessions with their activity, place and
area in one, the places' addresses in one, and the places taken in one (`availability_for_sessions`).
"""

import datetime as dt
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery, TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.formats import number_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from hvhk.activities.models import Activity, Session
from hvhk.activities.selectors.availability import Availability, availability_for_sessions
from hvhk.core.lib.versions import network_version
from hvhk.core.models import Area, Network
from hvhk.directory.languages import language_name
from hvhk.directory.models import Address, House, Service
from hvhk.search.analysis import content_words, stem

PER_PAGE = 20
FEED_DAYS = 183  # the feed looks about six months ahead
OPTIONS_TTL = 60  # filter choices (houses, areas, languages) are cached this many seconds per network
MAX_TEXT_WORDS = 5
MAX_SESSION_DAYS = 31  # no session lasts longer (a camp week does not); older starts are over
MIN_STEM = 3


@dataclass(frozen=True)
class Text:
    """A text in the visitor's language, or the Dutch original with `fallback` set (shown with lang="nl")."""

    text: str
    fallback: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class ActivityFilters:
    """A visitor's choices on the list, already checked (see `forms_public.ActivityFilterForm`)."""

    starts: dt.datetime | None = None  # sessions that have not ended by `starts`
    ends: dt.datetime | None = None  # … and begin before `ends`
    age_months: tuple[int, int] | None = None  # both ends inclusive (AGE_RULE in hvhk.search.query)
    house_id: uuid.UUID | None = None
    area_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)
    kind: str = ""
    free: bool = False
    language: str = ""
    text: str = ""
    service_id: uuid.UUID | None = None


@dataclass(frozen=True)
class FilterChoices:
    houses: list[tuple[str, str, uuid.UUID]]  # (slug, name, id)
    areas: list[tuple[str, str, frozenset[uuid.UUID]]]  # (slug, name, the area and the areas inside it)
    languages: list[tuple[str, str]]  # (code, name)


# --- querysets ------------------------------------------------------------------------------------------------

_SESSION_FIELDS = (
    "id",
    "network_id",
    "activity_id",
    "starts_at",
    "ends_at",
    "capacity",
    "is_cancelled",
    "cancel_reason",
    "sequence",
    "updated_at",
)
_ACTIVITY_FIELDS = (
    "id",
    "network_id",
    "service_id",
    "house_id",
    "location_id",
    "title",
    "translations",
    "kind",
    "minimum_age_months",
    "maximum_age_months",
    "languages",
    "price_cents",
    "uitpas_price_cents",
    "online",
    "schedule",
    "registration_required",
    "capacity",
    "places_per",
    "waiting_list",
)


def public_activities(*, network: Network) -> QuerySet[Activity]:
    """The network's activities that families may see (published)."""
    return Activity.objects.for_network(network).filter(status=Activity.Status.PUBLISHED)


def public_sessions(
    *, network: Network, now: dt.datetime | None = None, extra_fields: Sequence[str] = ()
) -> QuerySet[Session]:
    """Sessions of published activities of `network` that have not ended, soonest first, with what a card shows
    (and `extra_fields`, e.g. "activity__description" for the feeds)."""
    now = now or timezone.now()
    return (
        Session.objects.for_network(network)
        .filter(
            activity__status=Activity.Status.PUBLISHED,
            activity__network=network,
            ends_at__gt=now,
            # A lower bound on the start lets the (network, starts_at) index skip the years of past sessions.
            starts_at__gt=now - dt.timedelta(days=MAX_SESSION_DAYS),
        )
        .select_related("activity", "activity__location", "activity__location__area")
        .only(
            *_SESSION_FIELDS,
            *(f"activity__{f}" for f in _ACTIVITY_FIELDS),
            "activity__location__id",
            "activity__location__name",
            "activity__location__area_id",
            "activity__location__area__id",
            "activity__location__area__name",
            *extra_fields,
        )
        .annotate(
            # The town of the place's first address, in the same query (a prefetch of the addresses cost more).
            place_town=Subquery(
                Address.objects.filter(location=OuterRef("activity__location"))
                .order_by("address_type", "id")
                .values("city")[:1]
            )
        )
        .order_by("starts_at", "id")  # the index (network, starts_at) gives this order: no sort of every row
    )


def _words(text: str) -> list[str]:
    stems = []
    for word in content_words(text)[:MAX_TEXT_WORDS]:
        s = stem(word)
        if len(s) >= MIN_STEM and s not in stems:
            stems.append(s)
    return stems


def _text_q(text: str, prefix: str = "") -> Q | None:
    """Every word of `text` (stemmed as the search does) in the title, the description or the kind's name."""
    stems = _words(text)
    if not stems:
        return None
    condition = Q()
    for s in stems:
        kinds = [value for value, label in Activity.Kind.choices if s in str(label).lower() or s in value]
        word = Q(**{f"{prefix}title__icontains": s}) | Q(**{f"{prefix}description__icontains": s})
        if kinds:
            word |= Q(**{f"{prefix}kind__in": kinds})
        condition &= word
    return condition


def filter_sessions(sessions: QuerySet[Session], filters: ActivityFilters) -> QuerySet[Session]:
    f = filters
    if f.starts:
        sessions = sessions.filter(ends_at__gt=f.starts)
    if f.ends:
        sessions = sessions.filter(starts_at__lt=f.ends)
    if f.age_months:
        # An activity's ages are [minimum, maximum), as a service's (AGE_RULE in hvhk.search.query).
        low, high = f.age_months
        sessions = sessions.filter(
            Q(activity__minimum_age_months__isnull=True) | Q(activity__minimum_age_months__lte=high),
            Q(activity__maximum_age_months__isnull=True) | Q(activity__maximum_age_months__gt=low),
        )
    if f.house_id:
        sessions = sessions.filter(activity__house_id=f.house_id)
    if f.area_ids:
        sessions = sessions.filter(activity__location__area_id__in=f.area_ids, activity__online=False)
    if f.kind:
        sessions = sessions.filter(activity__kind=f.kind)
    if f.free:
        sessions = sessions.filter(activity__price_cents=0)
    if f.language:
        # A JSON list of codes; its text is ["nl", "fr"] on SQLite and PostgreSQL alike.
        sessions = sessions.alias(language_codes=Cast("activity__languages", TextField())).filter(
            language_codes__contains=f'"{f.language}"'
        )
    if f.service_id:
        sessions = sessions.filter(activity__service_id=f.service_id)
    if f.text:
        condition = _text_q(f.text, prefix="activity__")
        if condition is not None:
            sessions = sessions.filter(condition)
    return sessions


def session_list(*, network: Network, filters: ActivityFilters | None = None) -> QuerySet[Session]:
    return filter_sessions(public_sessions(network=network), filters or ActivityFilters())


def filter_choices(*, network: Network) -> FilterChoices:
    """The houses, areas and languages a visitor can choose from (cached a minute per network and language)."""
    language = get_language() or ""
    key = f"activities:choices:{network.pk}:{language}"
    choices = cache.get(key)
    if choices is None:
        houses = [
            (h.slug, h.translated("name", language)[0], h.pk)
            for h in House.objects.for_network(network)
            .filter(is_active=True)
            .only("id", "slug", "name", "translations")
            .order_by("name")
        ]
        areas = list(Area.objects.for_network(network).only("id", "slug", "name", "parent_id", "kind"))
        children: dict = {}
        for area in areas:
            children.setdefault(area.parent_id, []).append(area.pk)

        def inside(area_id) -> frozenset:
            found, todo = {area_id}, [area_id]
            while todo:
                for child in children.get(todo.pop(), []):
                    if child not in found:
                        found.add(child)
                        todo.append(child)
            return frozenset(found)

        order = {Area.Kind.MUNICIPALITY: 0, Area.Kind.SUBMUNICIPALITY: 1, Area.Kind.NEIGHBOURHOOD: 2}
        areas.sort(key=lambda a: (order.get(a.kind, 3), a.name))
        codes = set()
        for value in public_activities(network=network).values_list("languages", flat=True):
            codes.update(c for c in (value or []) if isinstance(c, str))
        choices = FilterChoices(
            houses=houses,
            areas=[(a.slug, a.name, inside(a.pk)) for a in areas],
            languages=sorted(((c, language_name(c)) for c in codes), key=lambda pair: pair[1]),
        )
        cache.set(key, choices, OPTIONS_TTL)
    return choices


# --- cards ----------------------------------------------------------------------------------------------------


def money(cents: int) -> str:
    return f"€ {number_format(Decimal(cents) / 100, 2, use_l10n=True)}"


def price_label(activity: Activity) -> str:
    if activity.price_cents == 0:
        return _("Gratis")
    label = money(activity.price_cents)
    if activity.uitpas_price_cents is not None:
        label = _("%(price)s, met UiTPAS %(reduced)s") % {
            "price": label,
            "reduced": money(activity.uitpas_price_cents),
        }
    return label


def age_label(activity: Activity) -> str:
    """ "2 tot 4 jaar", "tijdens de zwangerschap", "alle leeftijden": the same words as a service's ages."""
    return Service.age_label.fget(activity)


def place_label(activity: Activity, town: str | None = None) -> str:
    """ "Huis Centrum, Heverlee" or "Online". `town`: the place's town when the query brought it along (see
    `public_sessions`); otherwise it is read from the place's (prefetched) addresses."""
    if activity.online:
        return _("Online")
    location = activity.location
    if location is None:
        return ""
    if town is None:
        address = next(iter(location.addresses.all()), None)
        town = address.city if address else ""
    town = town or (location.area.name if location.area_id else "")
    parts = [p for p in (location.name, town) if p]
    return ", ".join(dict.fromkeys(parts))


def availability_label(session: Session, availability: Availability | None) -> tuple[str, str]:
    """(text, state) of a session's places: state is "cancelled", "full", "few", "open" or "free-entry"."""
    activity = session.activity
    if session.is_cancelled:
        return _("Afgelast"), "cancelled"
    if not activity.registration_required:
        return _("Vrij binnenlopen, inschrijven hoeft niet"), "free-entry"
    if availability is None or availability.places is None:
        return _("Inschrijven kan"), "open"
    left = availability.left or 0
    if left == 0:
        if activity.waiting_list:
            return _("Volzet · wachtlijst"), "full"
        return _("Volzet"), "full"
    text = ngettext("Nog %(n)d plaats", "Nog %(n)d plaatsen", left) % {"n": left}
    return text, "few" if left <= 3 else "open"


def _detail_prefix(network: Network) -> str:
    """The detail URL without the activity id: reversed once per page, not once per card."""
    zero = uuid.UUID(int=0)
    return reverse("activities:detail", args=[network.slug, zero]).replace(str(zero), "{}")


@dataclass
class SessionCard:
    session: Session
    url: str
    title: Text
    kind: str
    ages: str
    place: str
    online: bool
    price: str
    free: bool
    languages: list[str]
    times: str
    availability: str
    state: str
    series: bool

    @property
    def starts_at(self) -> dt.datetime:
        return self.session.starts_at

    @property
    def is_cancelled(self) -> bool:
        return self.session.is_cancelled


def session_cards(
    sessions: Iterable[Session], *, network: Network, with_availability: bool = True
) -> list[SessionCard]:
    """Cards for `sessions` (from `public_sessions`): one query for the places taken, whatever their number."""
    sessions = list(sessions)
    places = availability_for_sessions(sessions=sessions) if with_availability else {}
    language = get_language()
    prefix = _detail_prefix(network)
    kinds = dict(Activity.Kind.choices)
    cards = []
    for s in sessions:
        a = s.activity
        title, fallback = a.translated("title", language)
        start, end = timezone.localtime(s.starts_at), timezone.localtime(s.ends_at)
        times = f"{formats.time_format(start, 'TIME_FORMAT')}–{formats.time_format(end, 'TIME_FORMAT')}"
        text, state = availability_label(s, places.get(s.pk))
        cards.append(
            SessionCard(
                session=s,
                url=prefix.format(a.pk),
                title=Text(title, fallback),
                kind=str(kinds.get(a.kind, a.kind)),
                ages=age_label(a),
                place=place_label(a, getattr(s, "place_town", None) or ""),
                online=a.online,
                price=price_label(a),
                free=a.price_cents == 0,
                languages=[language_name(c) for c in (a.languages or []) if isinstance(c, str)],
                times=times,
                availability=text,
                state=state,
                series=a.per_series,
            )
        )
    return cards


def by_day(cards: Sequence[SessionCard]) -> list[tuple[dt.date, list[SessionCard]]]:
    """Cards grouped by the local day their session starts, in order."""
    days: list[tuple[dt.date, list[SessionCard]]] = []
    for card in cards:
        day = timezone.localdate(card.starts_at)
        if not days or days[-1][0] != day:
            days.append((day, []))
        days[-1][1].append(card)
    return days


# --- other pages ----------------------------------------------------------------------------------------------


def upcoming_cards(*, network: Network, filters: ActivityFilters, limit: int = 5) -> list[SessionCard]:
    """The next `limit` public sessions that pass `filters`, as cards (for the service and house pages)."""
    sessions = session_list(network=network, filters=filters).filter(is_cancelled=False)[:limit]
    return session_cards(sessions, network=network)


def feed_sessions(*, network: Network, now: dt.datetime | None = None) -> QuerySet[Session]:
    """Every public session of the coming six months (cancelled ones too: the feed marks them)."""
    now = now or timezone.now()
    sessions = public_sessions(network=network, now=now, extra_fields=("activity__description",))
    return sessions.filter(starts_at__lt=now + dt.timedelta(days=FEED_DAYS)).prefetch_related(
        Prefetch(
            "activity__location__addresses",
            queryset=Address.objects.only(
                "id", "location_id", "address_1", "postal_code", "city", "address_type"
            ).order_by("address_type", "id"),
        )
    )


def activity_sessions(*, network: Network, activity_id) -> tuple[Activity, QuerySet[Session]]:
    """A published activity of `network` and all its sessions (past ones too), or 404."""
    from hvhk.core.selectors import scoped_get_or_404

    activity = scoped_get_or_404(public_activities(network=network), network=network, pk=activity_id)
    sessions = (
        Session.objects.for_network(network)
        .filter(activity=activity)
        .select_related("activity", "activity__location", "activity__location__area")
        .prefetch_related("activity__location__addresses")
        .order_by("starts_at")
    )
    return activity, sessions


def poster_sessions(*, network: Network, house: House, weeks: int) -> list[Session]:
    """The house's sessions from today until `weeks` weeks from now, cancelled ones left out (for print)."""
    today = timezone.localdate()
    ends = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(weeks=weeks), dt.time()))
    filters = ActivityFilters(house_id=house.pk, ends=ends)
    return list(session_list(network=network, filters=filters).filter(is_cancelled=False))


@dataclass
class ActivityMatch:
    activity_id: uuid.UUID
    title: Text
    kind: str
    next_start: dt.datetime
    url: str


@dataclass(frozen=True)
class _Searchable:
    """A published activity with upcoming sessions, as the results page's matching reads it."""

    id: uuid.UUID
    title: str
    translations: dict
    kind: str
    text: str  # title and description, lower case
    sessions: tuple[tuple[dt.datetime, dt.datetime], ...]  # the next few (start, end), soonest first


MATCH_TTL = 300  # seconds; keyed by the network's data version, which every activity and session change bumps
MATCH_SESSIONS = 4  # sessions kept per activity: more than can end within MATCH_TTL
# network id: (key, read at, list)
_searchable_here: dict[uuid.UUID, tuple[str, float, list[_Searchable]]] = {}


def _searchable_activities(network: Network) -> list[_Searchable]:
    """The network's published activities with a session that has not ended, read once per data version (and
    five minutes), so that matching a question against them on every first visit of a results page costs no
    query."""
    key = f"activities:searchable:{network.pk}:{network_version(network.pk)}"
    mine = _searchable_here.get(network.pk)
    if mine is not None and mine[0] == key and time.monotonic() - mine[1] < MATCH_TTL:
        return mine[2]  # this process's copy: unpickling the shared one costs about a millisecond
    found = cache.get(key)
    if found is not None:
        _searchable_here[network.pk] = (key, time.monotonic(), found)
        return found
    sessions: dict[uuid.UUID, list] = {}
    for activity_id, starts, ends in (
        Session.objects.filter(
            activity__network=network,
            activity__status=Activity.Status.PUBLISHED,
            ends_at__gt=timezone.now(),
            is_cancelled=False,
        )
        .order_by("starts_at")
        .values_list("activity_id", "starts_at", "ends_at")
    ):
        kept = sessions.setdefault(activity_id, [])
        if len(kept) < MATCH_SESSIONS:
            kept.append((starts, ends))
    found = [
        _Searchable(
            id=a.pk,
            title=a.title,
            translations=a.translations or {},
            kind=a.kind,
            text=f"{a.title}\n{a.description}".lower(),
            sessions=tuple(sessions[a.pk]),
        )
        for a in public_activities(network=network)
        .filter(pk__in=list(sessions))
        .only("id", "title", "description", "translations", "kind")
    ]
    cache.set(key, found, MATCH_TTL)
    _searchable_here[network.pk] = (key, time.monotonic(), found)
    return found


def activities_matching(*, network: Network, text: str, limit: int = 3) -> list[ActivityMatch]:
    """Up to `limit` published activities with an upcoming session whose title, description or kind has every
    word of `text` (stemmed as the search does), soonest first; none when `text` has no words. Read from the
    network's searchable activities (see `_searchable_activities`): no query once those are cached."""
    stems = _words(text)
    if not stems:
        return []
    now = timezone.now()
    labels = {value: str(label).lower() for value, label in Activity.Kind.choices}
    matches = []
    for activity in _searchable_activities(network):
        if not all(
            s in activity.text or s in labels.get(activity.kind, "") or s in activity.kind for s in stems
        ):
            continue
        next_start = next((starts for starts, ends in activity.sessions if ends > now), None)
        if next_start is not None:
            matches.append((next_start, activity.title, activity))
    matches.sort(key=lambda m: (m[0], m[1]))
    language = get_language()
    prefix = _detail_prefix(network)
    kinds = dict(Activity.Kind.choices)
    return [
        ActivityMatch(
            activity_id=a.id,
            title=Text(*Activity.translated(a, "title", language)),  # reads only .title and .translations
            kind=str(kinds.get(a.kind, a.kind)),
            next_start=next_start,
            url=prefix.format(a.id),
        )
        for next_start, _title, a in matches[:limit]
    ]
