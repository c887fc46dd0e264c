import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hvhk.activities.selectors.public import ActivityFilters, activities_matching, upcoming_cards
from hvhk.core.lib.urls import cached_reverse
from hvhk.core.lib.versions import network_version
from hvhk.core.models import Network
from hvhk.core.tenancy import network_view
from hvhk.directory import selectors as directory
from hvhk.directory.display import service_page_context
from hvhk.directory.languages import language_name
from hvhk.search.highlight import mark_words, match_terms
from hvhk.search.models import MonthlyUse
from hvhk.search.query import (
    AGE_BANDS,
    RADIUS_CHOICES,
    SORT_CHOICES,
    ServiceQuery,
    parse_service_query,
    query_params,
)
from hvhk.search.selectors import relaxations, search_hits, service_count
from hvhk.search.services import zero_result_record
from hvhk.search.usage import is_robot, usage_count
from hvhk.wegwijzer import saved_list
from hvhk.wegwijzer.caching import public_page_cache
from hvhk.wegwijzer.cards import hit_cards, stamp_cards, stamp_save_forms
from hvhk.wegwijzer.choices import AGE_LABELS, COST_LABELS, HOW_LABELS, SORT_LABELS, WHEN_LABELS
from hvhk.wegwijzer.filters import FilterOptions, filter_options
from hvhk.wegwijzer.jsonld import service_jsonld


def _page_number(value: str) -> int:
    return int(value) if value.isdigit() and len(value) < 7 else 1


def _age_label(query: ServiceQuery) -> str:
    if query.age in AGE_LABELS:
        return str(AGE_LABELS[query.age])
    if query.age.endswith("m"):
        return _("%(n)s maanden") % {"n": query.age[:-1]}
    return _("%(n)s jaar") % {"n": query.age}


def _chips(query: ServiceQuery, base: str, names: dict) -> list[dict]:
    """Each active filter as a removable chip: its label and the URL without it."""

    def url(**without) -> str:
        params = query_params(query, **without)
        return f"{base}?{urlencode(params)}" if params else base

    chips = []
    if query.text:
        chips.append({"label": _("Zoekwoord: %(q)s") % {"q": query.text}, "url": url(text="")})
    if query.age:
        label = _age_label(query)
        if "age" in query.inferred:
            label = _("%(filter)s (uit je vraag)") % {"filter": label}
        kept_off = (*query.kept_off, "age") if "age" in query.inferred else query.kept_off
        chips.append({"label": label, "url": url(age="", age_months=None, kept_off=kept_off)})
    for code in query.domains:
        rest = tuple(c for c in query.domains if c != code)
        chips.append({"label": names["domains"].get(code, code), "url": url(domains=rest)})
    for code in query.groups:
        rest = tuple(c for c in query.groups if c != code)
        chips.append({"label": names["groups"].get(code, code), "url": url(groups=rest)})
    if query.area:
        label = names["areas"].get(query.area, query.area)
        if "area" in query.inferred:
            label = _("%(filter)s (uit je vraag)") % {"filter": label}
        kept_off = (*query.kept_off, "area") if "area" in query.inferred else query.kept_off
        chips.append({"label": label, "url": url(area="", kept_off=kept_off)})
    if query.origin:
        label = _("Dicht bij %(place)s") % {"place": query.origin_label}
        if query.radius_km:
            label = _("Binnen %(km)d km van %(place)s") % {"km": query.radius_km, "place": query.origin_label}
        chips.append({"label": label, "url": url(postcode="", near="", origin=None, radius_km=None)})
    for value in query.costs:
        chips.append(
            {"label": COST_LABELS[value], "url": url(costs=tuple(c for c in query.costs if c != value))}
        )
    for code in query.languages:
        rest = tuple(c for c in query.languages if c != code)
        chips.append(
            {
                "label": _("Taal: %(language)s") % {"language": language_name(code)},
                "url": url(languages=rest),
            }
        )
    for value in query.when:
        chips.append(
            {"label": WHEN_LABELS[value], "url": url(when=tuple(c for c in query.when if c != value))}
        )
    for value in query.how:
        chips.append({"label": HOW_LABELS[value], "url": url(how=tuple(c for c in query.how if c != value))})
    if query.walk_in:
        chips.append({"label": _("Zonder afspraak"), "url": url(walk_in=False)})
    if query.wheelchair:
        chips.append({"label": _("Rolstoeltoegankelijk"), "url": url(wheelchair=False)})
    return chips


def _filter_groups(query: ServiceQuery, options: FilterOptions) -> list[dict]:
    """The check-box groups of the filter panel, each value with whether it is chosen."""

    def group(legend, name: str, values, chosen) -> dict:
        return {
            "legend": legend,
            "name": name,
            "chosen": len(chosen),
            "options": [(value, label, value in chosen) for value, label in values],
        }

    return [
        group(_("Thema"), "domain", options.domains, query.domains),
        group(_("Prijs"), "cost", COST_LABELS.items(), query.costs),
        group(_("Wanneer"), "when", WHEN_LABELS.items(), query.when),
        group(_("Hoe"), "how", HOW_LABELS.items(), query.how),
        group(_("Taal"), "lang", options.languages, query.languages),
        group(_("Voor wie"), "group", options.groups, query.groups),
    ]


def _parse(request: HttpRequest, network: Network, options: FilterOptions) -> ServiceQuery:
    return parse_service_query(
        request.GET,
        network=network,
        domain_codes={code for code, _name in options.domains},
        group_codes={code for code, _name in options.groups},
        area_slugs={slug for slug, _name in options.areas},
        language_codes={code for code, _name in options.languages},
        area_names=dict(options.areas),
    )


@require_GET
@network_view
def services(request: HttpRequest, network: Network) -> HttpResponse:
    """The results page. Every search by words alone that found (nearly) nothing is counted, also when the page
    comes from the cache; the count is the cached ranking the page itself uses, so counting costs no extra query
    for a search with results."""
    options = filter_options(network)
    query = _parse(request, network, options)  # once per request; the cached page below is keyed by its URL
    # Words alone (an age or place read from them included): the service keeps it only when it found (nearly)
    # nothing.
    if query.text and not query.as_asked().has_filters:
        zero_result_record(
            network=network, query=query.text, result_count=service_count(network=network, query=query)
        )
    if _counts_as_search(request, query):
        usage_count(network_id=network.pk, kind=MonthlyUse.Kind.SEARCH)
    return _results_page(request, network=network, query=query, options=options)


def _counts_as_search(request: HttpRequest, query: ServiceQuery) -> bool:
    """A search is a first results page asked for with words or filters, by a person (not a robot); paging on
    through the same results is not a new search."""
    return (
        bool(query.text or query.has_filters)
        and _page_number(request.GET.get("page", "1")) == 1
        and not is_robot(request.headers.get("User-Agent", ""))
    )


@public_page_cache
def _results_page(
    request: HttpRequest, network: Network, query: ServiceQuery, options: FilterOptions
) -> HttpResponse:
    page = search_hits(network=network, query=query, page=_page_number(request.GET.get("page", "1")))
    base = cached_reverse("wegwijzer:services", args=[network.slug])
    cards = hit_cards(page.hits, network=network, saved=set(saved_list.saved_ids(request, network)))
    if query.search_text and cards:  # why each result matched: the words of its name the search found
        terms = match_terms(network=network, text=query.search_text, language=get_language() or "nl")
        for card in cards:
            card.name_marked = mark_words(card.name, terms)
    stamp_save_forms(cards, request=request, network=network, next_url=request.get_full_path())
    stamp_cards(cards, network=network)
    names = {"domains": dict(options.domains), "groups": dict(options.groups), "areas": dict(options.areas)}
    chips = _chips(query, base, names)

    def link(**changes) -> str:
        params = query_params(query, **changes)
        return f"{base}?{urlencode(params)}" if params else base

    context = {
        "query": query,
        "panel_key": _panel_key(query, chips),
        "data_version": network_version(network.pk),
        "page": page,
        "chips": chips,
        "clear_url": link(
            **{k: v for k, v in ServiceQuery().__dict__.items() if k not in ("text", "problems")}
        ),
        "sort_links": [
            {
                "value": value,
                "label": SORT_LABELS[value],
                "url": link(sort=value),
                "current": value == query.effective_sort,
            }
            for value in SORT_CHOICES
            if value != "distance" or query.origin
            if value != "relevance" or query.text
        ],
        "page_links": {
            "previous": _with_page(link(), page.page - 1) if page.page > 1 else "",
            "next": _with_page(link(), page.page + 1) if page.page < page.pages else "",
            "first": _with_page(link(), 1),
        },
        "filter_groups": _filter_groups(query, options),
        "areas": options.areas,
        "ages": [(value, AGE_LABELS[value], value == query.age) for value in AGE_BANDS],
        "age_other": _age_label(query) if query.age and query.age not in AGE_BANDS else "",
        "radii": RADIUS_CHOICES,
        "cards": cards,
        "next_url": request.get_full_path(),
        "map_points": [
            {"lat": p.latitude, "lon": p.longitude, "name": card.name, "place": p.name, "url": card.url}
            for card in cards
            for p in card.places
        ],
        "map_tiles": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_TILE_ATTRIBUTION,
        "nav": "services",
    }
    if query.text and page.page == 1:
        context["activity_matches"] = activities_matching(network=network, text=query.text, limit=3)
        context["activity_matches_url"] = (
            cached_reverse("activities:list", args=[network.slug]) + "?" + urlencode({"q": query.text})
        )
    if page.total == 0:
        context["relaxations"] = [
            {"label": _relaxation_label(name), "url": link(**_diff(query, relaxed)), "count": count}
            for name, relaxed, count in relaxations(network=network, query=query)
        ]
        context["house_phones"] = [
            (house, next(iter(house.location.phones.all()), None))
            for house in directory.house_list(network=network)
        ]
    template = (
        "wegwijzer/_results.html" if request.htmx and not request.htmx.boosted else "wegwijzer/services.html"
    )
    return render(request, template, context)


def _panel_key(query: ServiceQuery, chips: list[dict]) -> str:
    """What the filter panel shows: the filters and how many are active, not the words searched, so one cached
    panel serves every question asked with the same filters."""
    shown = sorted((k, v) for k, v in vars(query).items() if k not in ("text", "terms", "sort", "problems"))
    return hashlib.sha1(repr((shown, len(chips))).encode(), usedforsecurity=False).hexdigest()


def _with_page(url: str, number: int) -> str:
    if number <= 1:
        return url
    return f"{url}{'&' if '?' in url else '?'}page={number}"


def _diff(query: ServiceQuery, relaxed: ServiceQuery) -> dict:
    return {k: v for k, v in relaxed.__dict__.items() if getattr(query, k) != v and k != "problems"}


def _relaxation_label(name: str) -> str:
    return {
        "q": _("Zoek zonder zoekwoord"),
        "age": _("Zoek voor alle leeftijden"),
        "domain": _("Zoek in alle levensdomeinen"),
        "group": _("Zoek voor alle doelgroepen"),
        "area": _("Zoek in alle gemeenten"),
        "radius": _("Zoek verder dan die afstand"),
        "cost": _("Toon ook ander aanbod, niet alleen met die prijs"),
        "lang": _("Toon ook aanbod in andere talen"),
        "when": _("Toon ook aanbod op andere momenten"),
        "how": _("Toon ook aanbod op een andere manier"),
        "walkin": _("Toon ook aanbod met afspraak"),
        "wheelchair": _("Toon ook plekken die niet rolstoeltoegankelijk zijn"),
    }[name]


@require_GET
@network_view
def service_detail(request: HttpRequest, network: Network, service_id: str) -> HttpResponse:
    """A service's page; a view by a person (not a robot) is counted, also when the page comes from the cache."""
    response = _service_page(request, network=network, service_id=service_id)
    if response.status_code == 200 and not is_robot(request.headers.get("User-Agent", "")):
        usage_count(network_id=network.pk, kind=MonthlyUse.Kind.SERVICE_VIEW, service_id=service_id)
    return response


@public_page_cache
def _service_page(request: HttpRequest, network: Network, service_id: str) -> HttpResponse:
    service = directory.service_get(network=network, service_id=service_id)
    return render(request, "wegwijzer/service.html", detail_context(request, network, service))


def detail_context(request: HttpRequest, network: Network, service) -> dict:
    """What the service page shows: the directory's page context plus what depends on this visitor."""
    context = service_page_context(service=service)
    activities_url = reverse("activities:list", args=[network.slug])
    return {
        **context,
        "upcoming": upcoming_cards(network=network, filters=ActivityFilters(service_id=service.pk), limit=3),
        "upcoming_title": _("Activiteiten"),
        "upcoming_all_url": f"{activities_url}?{urlencode({'service': service.pk})}",
        "is_saved": str(service.id) in saved_list.saved_ids(request, network),
        "page_url": request.build_absolute_uri(),
        "jsonld": service_jsonld(service, request=request, phones=context["phones"]),
        "nav": "services",
    }
