"""Who opens which page of the register, tried by every persona: the coordinator and a trekker triage, partners'
staff and intake see what they reported and the themes, another organisation's editor sees none of partner A's
signals, the analyst sees counts only, and someone of another network reaches nothing of network A, by any id.
What a role may not see or change is a 404 and changes nothing; without an account every page asks to sign in."""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from hvhk.signals.models import Signal, SignalEvent, Theme
from tests.conftest import with_two_factor
from tests.signals.factories import SignalFactory, ThemeFactory

pytestmark = pytest.mark.django_db
S = Signal.Status
PERSONAS = [
    "coordinator_a",
    "trekker_a",
    "editor_a",
    "member_a",
    "other_editor_a",
    "intake_a",
    "analyst_a",
    "coordinator_b",
]


@pytest.fixture
def world(network_a, network_b, partner_a, editor_a, intake_a, coordinator_b):
    with_two_factor(intake_a)
    theme = ThemeFactory(network=network_a, title="Opvang")
    return {
        "signal": SignalFactory(
            network=network_a, organization=partner_a, reported_by=editor_a, title="Van A"
        ),
        "target": SignalFactory(network=network_a, title="Doel", status=S.LOOKING),
        "theme": theme,
        "signal_b": SignalFactory(network=network_b, title="Van B"),
        "target_b": SignalFactory(network=network_b, title="Doel B", status=S.LOOKING),
        "theme_b": ThemeFactory(network=network_b, title="Thema B"),
    }


def _pages(world) -> dict[str, tuple[str, dict | None]]:
    """name: (url, POST data or None for a GET), on network A's rows."""
    signal, target, theme = world["signal"], world["target"], world["theme"]
    detail = reverse("signals:detail", args=[signal.pk])
    theme_detail = reverse("signals:theme-detail", args=[theme.pk])
    return {
        "list": (reverse("signals:list"), None),
        "new": (reverse("signals:new"), None),
        "detail": (detail, None),
        "edit": (reverse("signals:edit", args=[signal.pk]), None),
        "status": (detail, {"action": "status", "status-status": "looking"}),
        "theme-set": (detail, {"action": "theme", "theme-theme": str(theme.pk)}),
        "merge": (detail, {"action": "merge", "merge-target": str(target.pk)}),
        "themes": (reverse("signals:themes"), None),
        "theme-new": (reverse("signals:theme-new"), None),
        "theme-detail": (theme_detail, None),
        "theme-status": (theme_detail, {"status": "closed"}),
        "theme-edit": (reverse("signals:theme-edit", args=[theme.pk]), None),
    }


ALL = {"list", "new", "detail", "edit", "status", "theme-set", "merge"} | {
    "themes",
    "theme-new",
    "theme-detail",
    "theme-status",
    "theme-edit",
}
REPORTER_OWN = {"list", "new", "detail", "edit", "themes", "theme-detail"}
REPORTER_OTHER = {"list", "new", "themes", "theme-detail"}
OPENS = {
    "coordinator_a": ALL,
    "trekker_a": ALL,
    "editor_a": REPORTER_OWN,
    "member_a": REPORTER_OWN,
    "other_editor_a": REPORTER_OTHER,
    "intake_a": REPORTER_OTHER,
    "analyst_a": {"list"},
    # the coordinator of network B works in B: the register's own pages open, nothing of A's rows does
    "coordinator_b": {"list", "new", "themes", "theme-new"},
}


def _state():
    return (
        sorted(Signal.objects.values_list("pk", "status", "reporter_count", "theme_id", "title")),
        sorted(Theme.objects.values_list("pk", "status", "title")),
        SignalEvent.objects.count(),
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_opens_exactly_its_pages(client, request, world, persona):
    client.force_login(request.getfixturevalue(persona))
    opened = set()
    for name, (url, data) in _pages(world).items():
        before = _state()
        response = client.post(url, data) if data is not None else client.get(url)
        assert response.status_code in (200, 302, 404), (name, response.status_code)
        if response.status_code == 404:
            assert _state() == before, name  # a refused page changes nothing
        else:
            opened.add(name)
    assert opened == OPENS[persona]


def test_without_an_account_every_page_asks_to_sign_in(client, world):
    for name, (url, data) in _pages(world).items():
        response = client.post(url, data) if data is not None else client.get(url)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response.url, name


def test_the_analyst_gets_counts_not_the_list(client, world, analyst_a):
    client.force_login(analyst_a)
    response = client.get(reverse("signals:list"))
    html = response.content.decode()
    assert "Van A" not in html
    assert "Signalen in cijfers" in html
    assert reverse("signals:new") not in html


def test_read_only_roles_get_no_triage_forms(client, world, editor_a, member_a):
    for user in (editor_a, member_a):
        client.force_login(user)
        html = client.get(reverse("signals:detail", args=[world["signal"].pk])).content.decode()
        assert 'name="action"' not in html
        html = client.get(reverse("signals:theme-detail", args=[world["theme"].pk])).content.decode()
        assert 'name="status"' not in html
        assert reverse("signals:theme-edit", args=[world["theme"].pk]) not in html


# --- another network's ids, for every role ---------------------------------------------------------------------


def _routes():
    """(name, route) of every URL of the register module (signals namespace, under /portal/signals/)."""
    found = []

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and p.callback.__module__.endswith("views.register"):
                found.append((p.name, prefix + str(p.pattern)))

    signals = next(
        r for r in get_resolver().url_patterns if isinstance(r, URLResolver) and r.namespace == "signals"
    )
    walk(signals.url_patterns)
    return found


def test_the_walk_covers_every_page_of_the_register():
    assert {name for name, _route in _routes()} == {
        "list",
        "new",
        "detail",
        "edit",
        "themes",
        "theme-new",
        "theme-detail",
        "theme-edit",
    }


def _foreign_urls(world) -> list[tuple[str, dict | None]]:
    """Every id-bearing page, with network B's ids and with ids that exist nowhere; GET and POST."""
    urls = []
    for name, route in _routes():
        if "<uuid:pk>" not in route:
            continue
        row = world["theme_b"] if name.startswith("theme") else world["signal_b"]
        for pk in (row.pk, uuid.uuid4()):
            url = reverse(f"signals:{name}", args=[pk])
            urls.append((url, None))
            urls += [
                (url, {"action": "status", "status-status": "looking"}),
                (url, {"action": "merge", "merge-target": str(world["target_b"].pk)}),
                (url, {"status": "closed", "title": "Gekaapt"}),
            ]
    return urls


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "coordinator_b"])
def test_another_networks_ids_are_never_reachable(client, request, world, persona):
    client.force_login(request.getfixturevalue(persona))
    before = _state()
    for url, data in _foreign_urls(world):
        response = client.post(url, data) if data is not None else client.get(url)
        assert response.status_code == 404, (persona, url, data)
    assert _state() == before


@pytest.mark.parametrize("persona", ["coordinator_a", "trekker_a"])
def test_a_triager_cannot_merge_into_or_theme_with_another_networks_rows(client, request, world, persona):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("signals:detail", args=[world["signal"].pk])
    before = _state()
    response = client.post(url, {"action": "merge", "merge-target": str(world["target_b"].pk)})
    assert response.status_code == 200
    assert "Kies een open signaal uit de lijst." in response.content.decode()
    response = client.post(url, {"action": "theme", "theme-theme": str(world["theme_b"].pk)})
    assert "Kies een thema uit de lijst." in response.content.decode()
    assert _state() == before


def test_network_b_lists_none_of_network_a(client, world, coordinator_b):
    client.force_login(coordinator_b)
    titles = {s.title for s in client.get(reverse("signals:list")).context["page"].object_list}
    assert titles == {"Van B", "Doel B"}
    rows = client.get(reverse("signals:themes")).context["rows"]
    assert [row.theme.title for row in rows] == ["Thema B"]
