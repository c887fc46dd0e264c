"""The register's portal pages: the list with its filters and paging, the analyst's counts (a table and a bar
chart with whole numbers), reporting and editing through the form (its Dutch messages, personal data refused,
script shown escaped), triage on the detail page, and the themes."""

import re

import pytest
from django.urls import reverse

from hvhk.core.lib.charts import bar_chart
from hvhk.signals.models import Signal, SignalEvent, Theme
from tests.conftest import with_two_factor
from tests.core.factories import AreaFactory
from tests.signals.factories import (
    SignalFactory,
    ThemeAnswerFactory,
    ThemeFactory,
    VoiceContributionFactory,
)
from tests.signals.factories_register import life_domain

pytestmark = pytest.mark.django_db
S = Signal.Status


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def _titles(response) -> set[str]:
    return {signal.title for signal in response.context["page"].object_list}


VALID = {
    "title": "Geen opvang 's avonds",
    "description": "Ouders met late diensten vinden geen opvang.",
    "frequency": "weekly",
    "families_estimate": "12",
    "age_bands": ["0-3", "3-6"],
    "target_groups": ["single_parents"],
    "source": "partner",
    "evidence": "“We wachten al een half jaar.”",
}


# --- the list --------------------------------------------------------------------------------------------------


@pytest.fixture
def listed(network_a, partner_a, partner_a2, editor_a):
    theme = ThemeFactory(network=network_a, title="Opvang")
    domain = life_domain(network_a, "Kinderopvang")
    area = AreaFactory(network=network_a, name="Kessel-Lo")
    return {
        "theme": theme,
        "domain": domain,
        "area": area,
        "own": SignalFactory(
            network=network_a,
            organization=partner_a,
            reported_by=editor_a,
            title="Eigen signaal",
            theme=theme,
            status=S.THEMED,
            life_domain=domain,
            area=area,
            target_groups=["newcomers", "language"],
        ),
        "other": SignalFactory(
            network=network_a,
            organization=partner_a2,
            title="Ander signaal",
            source=Signal.Source.PARENTS,
            description="Wachtlijst voor de speelpleinwerking.",
            target_groups=["poverty"],
        ),
        "closed": SignalFactory(network=network_a, title="Afgesloten signaal", status=S.CLOSED),
        "proposal": SignalFactory(
            network=network_a, title="Cijfervoorstel", status=S.PROPOSED, proposal_key="k"
        ),
        "merged": SignalFactory(network=network_a, title="Dubbel", status=S.MERGED),
    }


def test_a_partner_lists_only_its_own_signals(client, listed, editor_a):
    response = _get(client, editor_a, reverse("signals:list"))
    assert response.status_code == 200
    assert _titles(response) == {"Eigen signaal"}
    assert "Ander signaal" not in response.content.decode()


def test_the_coordinator_lists_all_but_proposals_and_merged_ones(client, listed, coordinator_a):
    response = _get(client, coordinator_a, reverse("signals:list"))
    assert _titles(response) == {"Eigen signaal", "Ander signaal", "Afgesloten signaal"}
    assert _titles(client.get(reverse("signals:list") + "?status=proposed")) == {"Cijfervoorstel"}
    assert _titles(client.get(reverse("signals:list") + "?status=merged")) == {"Dubbel"}
    assert _titles(client.get(reverse("signals:list") + "?status=open")) == {"Eigen signaal", "Ander signaal"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme={theme}", {"Eigen signaal"}),
        ("theme=none", {"Ander signaal", "Afgesloten signaal"}),
        ("life_domain={domain}", {"Eigen signaal"}),
        ("area={area}", {"Eigen signaal"}),
        ("source=parents", {"Ander signaal"}),
        ("target_group=newcomers", {"Eigen signaal"}),
        ("target_group=poverty", {"Ander signaal"}),
        ("target_group=language&theme={theme}", {"Eigen signaal"}),
        ("q=speelplein", {"Ander signaal"}),
        ("q=EIGEN", {"Eigen signaal"}),
        ("status=closed", {"Afgesloten signaal"}),
        # what the choices do not offer is ignored, not an error
        ("theme=not-a-uuid&status=lost&source=x", {"Eigen signaal", "Ander signaal", "Afgesloten signaal"}),
    ],
)
def test_the_filters(client, listed, trekker_a, query, expected):
    query = query.format(theme=listed["theme"].pk, domain=listed["domain"].pk, area=listed["area"].pk)
    response = _get(client, trekker_a, reverse("signals:list") + "?" + query)
    assert response.status_code == 200
    assert _titles(response) == expected


def test_a_theme_of_another_network_is_no_filter(client, listed, coordinator_a, network_b):
    foreign = ThemeFactory(network=network_b)
    SignalFactory(network=network_b, theme=foreign, title="Van B")
    response = _get(client, coordinator_a, reverse("signals:list") + f"?theme={foreign.pk}")
    assert "Van B" not in _titles(response)


def test_the_list_pages_and_keeps_its_filters(client, network_a, coordinator_a):
    for n in range(33):
        SignalFactory(network=network_a, title=f"Signaal {n:02d}", source=Signal.Source.PARENTS)
    response = _get(client, coordinator_a, reverse("signals:list") + "?source=parents")
    assert len(response.context["page"].object_list) == 30
    assert 'href="?source=parents&amp;page=2"' in response.content.decode()
    second = client.get(reverse("signals:list") + "?source=parents&page=2")
    assert len(second.context["page"].object_list) == 3


def test_the_nav_shows_signals_as_current(client, listed, member_a):
    html = _get(client, member_a, reverse("signals:list")).content.decode()
    assert re.search(r'<a href="/portal/signals/" aria-current="page">Signalen</a>', html)


@pytest.mark.parametrize("persona", ["coordinator_a", "editor_a", "member_a", "intake_a", "analyst_a"])
def test_every_staff_role_finds_signals_in_the_nav(client, request, network_a, persona):
    user = request.getfixturevalue(persona)
    if persona == "intake_a":
        with_two_factor(user)  # intake sees families' personal data elsewhere
    html = _get(client, user, reverse("portal:home")).content.decode()
    assert 'href="/portal/signals/"' in html


# --- the analyst's counts --------------------------------------------------------------------------------------


def test_the_analyst_sees_counts_without_texts(client, listed, analyst_a):
    response = _get(client, analyst_a, reverse("signals:list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "page" not in response.context
    for title in ("Eigen signaal", "Ander signaal", "Afgesloten signaal", "Cijfervoorstel", "Dubbel"):
        assert title not in html
    counts = response.context["counts"]
    assert counts.total == 5
    assert dict(counts.per_status)["nieuw"] == 1
    assert dict(counts.per_theme) == {"Opvang": 1, "zonder thema": 2}  # counted signals only
    assert dict(counts.per_life_domain) == {"Kinderopvang": 1, "zonder levensdomein": 2}
    assert "<svg" in html
    assert "<table" in html
    svg = response.context["charts"][1][1]
    assert ">2</text>" in svg
    assert ".0" not in re.sub(r'="[^"]*"', "", svg)  # counts print as whole numbers


def test_the_bar_chart_prints_whole_numbers_as_integers_when_asked():
    svg = bar_chart([("a", 3), ("b", 1234)], title="T", integers=True)
    assert ">3</text>" in svg
    assert ">1,234</text>" in svg
    assert ">2.5</text>" in bar_chart([("a", 2.5)], title="T", integers=True)
    assert ">3.0</text>" in bar_chart([("a", 3)], title="T")  # the benchmarks keep one decimal


# --- reporting and editing -------------------------------------------------------------------------------------


def test_the_form_says_names_and_contact_details_do_not_belong_there(client, editor_a):
    html = _get(client, editor_a, reverse("signals:new")).content.decode()
    assert "Geen namen of contactgegevens van gezinnen." in html
    for name in VALID:
        assert f'name="{name}"' in html
    assert html.count("<h1") == 1


def test_a_partner_reports_a_signal_through_the_form(client, network_a, partner_a, editor_a):
    area = AreaFactory(network=network_a, name="Heverlee")
    domain = life_domain(network_a, "Kinderopvang")
    client.force_login(editor_a)
    response = client.post(
        reverse("signals:new"),
        {**VALID, "area": area.pk, "life_domain": domain.pk, "noticed_since": "1/9/2026"},
    )
    signal = Signal.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("signals:detail", args=[signal.pk])
    assert (signal.organization, signal.area, signal.life_domain) == (partner_a, area, domain)
    assert (signal.age_bands, signal.target_groups, signal.families_estimate) == (
        ["0-3", "3-6"],
        ["single_parents"],
        12,
    )
    assert str(signal.noticed_since) == "2026-09-01"
    detail = client.get(response.url).content.decode()
    assert "Het signaal is bewaard." in detail
    assert "Geen opvang &#x27;s avonds" in detail


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("description", "Moeder (sarah.d@example.org) vraagt hulp.", "een e-mailadres"),
        ("evidence", "Bel 0470/12.34.56", "een telefoonnummer"),
        ("title", "85073003328", "een rijksregisternummer"),
        ("title", "", "Geef het signaal een korte titel."),
        ("description", "", "Beschrijf wat jullie merkten."),
        ("title", "x" * 201, "hoogstens 200 tekens (nu 201)"),
        ("evidence", "x" * 4001, "hoogstens 4000 tekens (nu 4001)"),
        ("families_estimate", "veel", "Geef een getal, bijvoorbeeld 12."),
        ("families_estimate", "0", "Geef een getal vanaf 1, of laat leeg."),
        ("noticed_since", "gisteren", "Geef een datum, bijvoorbeeld 1/9/2026."),
        ("age_bands", "baby", "Kies een leeftijd uit de lijst."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_stores_nothing(client, editor_a, field, value, message):
    client.force_login(editor_a)
    response = client.post(reverse("signals:new"), {**VALID, field: value})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'class="error-summary"' in html
    assert not Signal.objects.exists()
    assert not SignalEvent.objects.exists()


def test_script_is_shown_escaped(client, network_a, editor_a, coordinator_a):
    client.force_login(editor_a)
    client.post(
        reverse("signals:new"),
        {**VALID, "title": "<script>alert(1)</script>", "description": "<b>vet</b><script>x()</script>"},
    )
    signal = Signal.objects.get()
    for user, url in (
        (editor_a, reverse("signals:detail", args=[signal.pk])),
        (coordinator_a, reverse("signals:list")),
    ):
        html = _get(client, user, url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<b>vet</b>" not in html


def test_the_reporter_edits_while_new_and_then_no_more(client, network_a, partner_a, editor_a, coordinator_a):
    signal = SignalFactory(network=network_a, organization=partner_a, reported_by=editor_a, title="Oud")
    client.force_login(editor_a)
    detail = client.get(reverse("signals:detail", args=[signal.pk])).content.decode()
    assert reverse("signals:edit", args=[signal.pk]) in detail
    form = client.get(reverse("signals:edit", args=[signal.pk]))
    assert form.context["form"].initial["title"] == "Oud"
    response = client.post(reverse("signals:edit", args=[signal.pk]), {**VALID, "title": "Nieuw"})
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.title == "Nieuw"
    assert signal.events.filter(action=SignalEvent.Action.EDITED).exists()
    signal.status = S.LOOKING
    signal.save()
    assert client.get(reverse("signals:edit", args=[signal.pk])).status_code == 404
    assert client.post(reverse("signals:edit", args=[signal.pk]), VALID).status_code == 404
    detail = client.get(reverse("signals:detail", args=[signal.pk])).content.decode()
    assert reverse("signals:edit", args=[signal.pk]) not in detail
    assert "aanpassen kan niet meer" in detail


def test_an_edit_with_personal_data_changes_nothing(client, network_a, partner_a, editor_a):
    signal = SignalFactory(network=network_a, organization=partner_a, title="Oud")
    client.force_login(editor_a)
    response = client.post(
        reverse("signals:edit", args=[signal.pk]), {**VALID, "evidence": "Mama: +32 470 12 34 56"}
    )
    assert response.status_code == 200
    assert "een telefoonnummer" in response.content.decode()
    signal.refresh_from_db()
    assert signal.title == "Oud"


# --- the detail page and triage --------------------------------------------------------------------------------


@pytest.fixture
def triage(network_a, partner_a):
    theme = ThemeFactory(network=network_a, title="Opvang")
    signal = SignalFactory(network=network_a, organization=partner_a, title="Te triëren", reporter_count=2)
    target = SignalFactory(network=network_a, title="Het eerste signaal", status=S.LOOKING)
    return {"theme": theme, "signal": signal, "target": target}


def test_triagers_get_the_forms_and_others_do_not(client, triage, coordinator_a, editor_a):
    url = reverse("signals:detail", args=[triage["signal"].pk])
    html = _get(client, coordinator_a, url).content.decode()
    for action in ("status", "theme", "merge"):
        assert f'name="action" value="{action}"' in html
    html = _get(client, editor_a, url).content.decode()
    assert 'name="action"' not in html
    assert client.post(url, {"action": "status", "status-status": "looking"}).status_code == 404
    triage["signal"].refresh_from_db()
    assert triage["signal"].status == S.NEW


def test_the_status_form_offers_only_the_next_steps(client, triage, coordinator_a):
    response = _get(client, coordinator_a, reverse("signals:detail", args=[triage["signal"].pk]))
    offered = [value for value, _label in response.context["status_form"].fields["status"].choices]
    assert offered == [S.LOOKING, S.CLOSED, S.DISMISSED]  # "themed" goes through the theme form


def test_triage_through_the_detail_page(client, triage, coordinator_a):
    signal, theme, target = triage["signal"], triage["theme"], triage["target"]
    url = reverse("signals:detail", args=[signal.pk])
    client.force_login(coordinator_a)
    response = client.post(url, {"action": "status", "status-status": "looking", "status-note": "We kijken."})
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == S.LOOKING
    client.post(url, {"action": "theme", "theme-theme": theme.pk})
    signal.refresh_from_db()
    assert (signal.theme, signal.status) == (theme, S.THEMED)
    response = client.post(url, {"action": "merge", "merge-target": target.pk})
    assert response.status_code == 302
    signal.refresh_from_db()
    target.refresh_from_db()
    assert (signal.status, signal.merged_into, target.reporter_count) == (S.MERGED, target, 3)
    html = client.get(url).content.decode()
    assert "Samengevoegd met “Het eerste signaal”" in html
    assert 'name="action" value="merge"' not in html  # nothing more to triage here
    target_html = client.get(reverse("signals:detail", args=[target.pk])).content.decode()
    assert "Te triëren" in target_html  # the merged duplicate, and its trail step
    trail = [e.action for e in SignalEvent.objects.filter(signal=signal).order_by("created_at")]
    assert trail == ["status", "themed", "merged"]


def test_a_bad_step_shows_a_message_on_the_form(client, triage, coordinator_a, network_b):
    url = reverse("signals:detail", args=[triage["signal"].pk])
    client.force_login(coordinator_a)
    response = client.post(url, {"action": "status", "status-status": "answered"})
    assert response.status_code == 200
    assert "Die stap kan niet vanuit de huidige status." in response.content.decode()
    foreign = SignalFactory(network=network_b)
    response = client.post(url, {"action": "merge", "merge-target": foreign.pk})
    assert "Kies een open signaal uit de lijst." in response.content.decode()
    response = client.post(url, {"action": "merge", "merge-target": triage["signal"].pk})
    assert "Kies een open signaal uit de lijst." in response.content.decode()  # itself is not offered
    foreign_theme = ThemeFactory(network=network_b)
    response = client.post(url, {"action": "theme", "theme-theme": foreign_theme.pk})
    assert "Kies een thema uit de lijst." in response.content.decode()
    response = client.post(url, {"action": "status", "status-status": "looking", "status-note": "x" * 2001})
    assert "hoogstens 2000 tekens" in response.content.decode()
    response = client.post(url, {"action": "nonsense"})
    assert response.status_code == 404
    triage["signal"].refresh_from_db()
    assert triage["signal"].status == S.NEW


def test_the_detail_shows_the_trail_duplicates_and_contributions(client, triage, coordinator_a, editor_a):
    from hvhk.signals.models import VoiceContribution
    from hvhk.signals.services.register import signal_merge

    signal, target = triage["signal"], triage["target"]
    VoiceContributionFactory(
        network=signal.network, signal=target, status=VoiceContribution.Status.LINKED, text="Ik mis opvang."
    )
    VoiceContributionFactory(
        network=signal.network, signal=target, status=VoiceContribution.Status.NEW, text="Nog niet"
    )
    signal_merge(duplicate=signal, target=target, acting_user=coordinator_a)
    html = _get(client, coordinator_a, reverse("signals:detail", args=[target.pk])).content.decode()
    assert "Ik mis opvang." in html
    assert "Nog niet" not in html  # not moderated yet
    assert "Te triëren" in html
    assert "Een ander signaal werd hierin samengevoegd" in html


# --- themes ----------------------------------------------------------------------------------------------------


@pytest.fixture
def themed(network_a, partner_a, partner_a2, editor_a):
    theme = ThemeFactory(network=network_a, title="Opvang", proposal="Meer plaatsen.")
    kessel = AreaFactory(network=network_a, name="Kessel-Lo")
    SignalFactory(
        network=network_a,
        theme=theme,
        status=S.THEMED,
        organization=partner_a,
        title="Van A",
        reporter_count=3,
        families_estimate=10,
        age_bands=["0-3"],
        area=kessel,
    )
    SignalFactory(
        network=network_a,
        theme=theme,
        status=S.CLOSED,
        organization=partner_a2,
        title="Van A2",
        families_estimate=5,
        age_bands=["0-3", "3-6"],
        area=kessel,
        source=Signal.Source.FIGURES,
        figures={"zoekopdrachten zonder resultaat": 42, "detail": {"x": 1}},
    )
    SignalFactory(network=network_a, theme=theme, status=S.MERGED, organization=partner_a2, reporter_count=4)
    SignalFactory(network=network_a, theme=theme, status=S.DISMISSED, title="Niet weerhouden")
    ThemeAnswerFactory(theme=theme, answer="De gemeente opent 20 plaatsen.")
    return theme


def test_the_themes_overview_counts(client, themed, editor_a, partner_a, partner_a2):
    response = _get(client, editor_a, reverse("signals:themes"))
    [row] = response.context["rows"]
    assert (row.signal_count, row.reporter_count, row.families_estimate) == (2, 4, 15)
    assert row.partners == sorted([partner_a.name, partner_a2.name], key=str.lower)
    assert row.age_bands[0] == ("0 tot 3 jaar", 2)
    assert row.areas == [("Kessel-Lo", 2)]
    assert reverse("signals:theme-new") not in response.content.decode()


def test_the_theme_page_for_a_partner_and_the_coordinator(client, themed, editor_a, coordinator_a):
    url = reverse("signals:theme-detail", args=[themed.pk])
    response = _get(client, editor_a, url)
    html = response.content.decode()
    assert [s.title for s in response.context["detail"].signals] == ["Van A"]
    assert response.context["detail"].hidden_count == 1
    assert "Van A2" not in html
    assert "De gemeente opent 20 plaatsen." in html
    assert "zoekopdrachten zonder resultaat: 42" in html
    assert "Meer plaatsen." in html
    assert 'name="status"' not in html
    assert client.post(url, {"status": "closed"}).status_code == 404
    response = _get(client, coordinator_a, url)
    assert {s.title for s in response.context["detail"].signals} == {"Van A", "Van A2", "Niet weerhouden"}
    assert response.context["detail"].hidden_count == 0
    assert client.post(url, {"status": "policy"}).status_code == 302
    themed.refresh_from_db()
    assert themed.status == Theme.Status.POLICY


def test_a_triager_creates_and_edits_a_theme(client, network_a, trekker_a):
    client.force_login(trekker_a)
    response = client.post(reverse("signals:theme-new"), {"title": "Vrije tijd", "description": "Kampen."})
    theme = Theme.objects.get()
    assert response.url == reverse("signals:theme-detail", args=[theme.pk])
    response = client.post(reverse("signals:theme-edit", args=[theme.pk]), {"title": "Betaalbare vrije tijd"})
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.title == "Betaalbare vrije tijd"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "Geef het thema een titel."),
        ({"title": "Opvang"}, "Er is al een thema met deze titel."),
        ({"title": "T", "proposal": "Mail naar schepen@example.org"}, "een e-mailadres"),
        ({"title": "x" * 201}, "hoogstens 200 tekens"),
    ],
)
def test_bad_theme_input(client, network_a, coordinator_a, data, message):
    ThemeFactory(network=network_a, title="Opvang")
    client.force_login(coordinator_a)
    response = client.post(reverse("signals:theme-new"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Theme.objects.count() == 1


# --- query counts ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["coordinator_a", "editor_a"])
def test_the_list_and_the_themes_take_a_fixed_number_of_queries(
    client, request, network_a, partner_a, persona
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = request.getfixturevalue(persona)
    client.force_login(user)

    def add(n):
        for _ in range(n):
            theme = ThemeFactory(network=network_a)
            SignalFactory(
                network=network_a,
                organization=partner_a,
                theme=theme,
                status=S.THEMED,
                area=AreaFactory(network=network_a),
                life_domain=life_domain(network_a, "Domein"),
            )

    counts = []
    for n in (2, 12):
        add(n)
        for url in (reverse("signals:list"), reverse("signals:themes")):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append((url, len(queries)))
    assert counts[:2] == counts[2:]


def test_a_proposal_gets_no_theme_form(client, network_a, coordinator_a):
    proposal = SignalFactory(network=network_a, status=S.PROPOSED, proposal_key="zero-search:x")
    html = _get(client, coordinator_a, reverse("signals:detail", args=[proposal.pk])).content.decode()
    assert 'name="action" value="theme"' not in html
    assert 'name="action" value="status"' in html


# --- the way to the other signal pages -------------------------------------------------------------------------

TRIAGE_PAGES = ("signals:proposals", "signals:voice-queue", "signals:calls")


@pytest.mark.parametrize("persona", ["coordinator_a", "trekker_a"])
def test_triagers_find_proposals_contributions_calls_and_notes_from_the_list(client, request, persona):
    response = _get(client, request.getfixturevalue(persona), reverse("signals:list"))
    html = response.content.decode()
    for name in (*TRIAGE_PAGES, "signals:notes"):
        assert f'href="{reverse(name)}"' in html, name


def test_a_partner_finds_the_notes_but_not_the_triage_pages(client, editor_a):
    html = _get(client, editor_a, reverse("signals:list")).content.decode()
    assert f'href="{reverse("signals:notes")}"' in html
    for name in TRIAGE_PAGES:
        assert f'href="{reverse(name)}"' not in html, name


def test_the_coordinator_records_the_answer_from_the_theme(client, network_a, coordinator_a, editor_a):
    theme = ThemeFactory(network=network_a)
    link = f'href="{reverse("signals:theme-answer", args=[theme.pk])}"'
    assert (
        link in _get(client, coordinator_a, reverse("signals:theme-detail", args=[theme.pk])).content.decode()
    )
    assert (
        link not in _get(client, editor_a, reverse("signals:theme-detail", args=[theme.pk])).content.decode()
    )
